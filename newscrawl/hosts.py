"""Which site a host belongs to: its registrable domain under the Public Suffix List.

``lampung.antaranews.com``, ``m.antaranews.com`` and ``antaranews.com`` are one site; ``kontan.co.id`` is a
site of its own under the public suffix ``co.id``. The suffix list is the snapshot bundled in tldextract's
wheel: nothing is fetched from the network and no cache is written.
"""

from __future__ import annotations

from functools import cache, lru_cache

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def normal_host(host: str) -> str:
    """Lower case, no trailing dot, no port."""
    host = host.strip().lower().rstrip(".")
    if host.startswith("["):  # an IPv6 literal keeps its colons
        return host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@lru_cache(maxsize=16_384)
def registrable_domain(host: str) -> str:
    """``antaranews.com`` for ``lampung.antaranews.com``; the host itself for an IP address, ``localhost``
    or a name under no public suffix (so such a host is a site of its own)."""
    host = normal_host(host)
    return _extractor()(host).top_domain_under_public_suffix or host


def subdomain(host: str) -> str:
    """What comes before the registrable domain: ``lampung`` for ``lampung.antaranews.com``, else ``""``."""
    host, domain = normal_host(host), registrable_domain(host)
    return host[: -len(domain)].rstrip(".") if host != domain and host.endswith("." + domain) else ""
