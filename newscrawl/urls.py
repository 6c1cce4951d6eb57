"""Canonical article URLs: one URL per article, whatever link led to it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

from newscrawl.portals.base import Portal

TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|yclid|ref|ref_src|"
    r"src|source|medium|cmpid|campaign|__twitter_impression|amp|page|single|showpage|tag_from|from|rcm_\w*)$",
    re.I,
)
AMP_PATH = re.compile(r"(^/amp(?=/)|/amp/?$|\.amp$)")


def _drop_amp_path(path: str) -> str:
    return AMP_PATH.sub("", path) or "/"


def _strip_page_suffix(path: str, portal: Portal, rebuild: callable) -> str:  # type: ignore[valid-type]
    """Remove a trailing page number only when what is left is still an article URL."""
    if portal.page_suffix_re is None:
        return path
    stripped = portal.page_suffix_re.sub("", path)
    if stripped != path and portal.is_article_url(rebuild(stripped)):
        return stripped
    return path


_WEB_ARCHIVE = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/(?=https?://)", re.I)


def unwrap_archive_url(url: str) -> str:
    """The original URL of a Wayback Machine capture URL (others unchanged): saved pages often carry one."""
    return _WEB_ARCHIVE.sub("", url.strip())


_CANONICAL: dict[tuple[str, Portal | None], str] = {}
_CANONICAL_MAX = 8192


def canonical_url(url: str, portal: Portal | None = None) -> str:
    """The canonical desktop form of an article URL (remembered: a crawl asks for the same URL at
    discovery, after extraction and in the pipeline, and w3lib's canonicalisation dominates the cost)."""
    key = (url, portal)
    found = _CANONICAL.get(key)
    if found is None:
        if len(_CANONICAL) >= _CANONICAL_MAX:
            _CANONICAL.clear()
        found = _CANONICAL[key] = _canonical_url(url, portal)
        _CANONICAL[(found, portal)] = found  # canonical URLs are fixed points
    return found


def _canonical_url(url: str, portal: Portal | None) -> str:
    """The canonical desktop form of an article URL.

    Drops the fragment, tracking and page parameters, AMP markers and page suffixes. For a known portal the
    bare domain and mobile/AMP hosts become its home host (regional hosts stay), the portal's
    ``url_rewrites`` map other shapes of an article's URL to one, and every query parameter not in
    ``keep_params`` is dropped, since article identity lives in the path on all of them.
    """
    parts = urlsplit(unwrap_archive_url(url))
    scheme = parts.scheme.lower() or "https"
    host = (parts.hostname or "").lower().rstrip(".")
    if portal is not None:
        host = portal.canonical_host(host)
        scheme = "https"
        query = url_query_cleaner(urlunsplit(("", "", "", parts.query, "")), portal.keep_params)
    else:
        kept = [p for p in parts.query.split("&") if p and not TRACKING_PARAMS.match(p.split("=", 1)[0])]
        query = "?" + "&".join(kept) if kept else ""
    if parts.port and (scheme, parts.port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{parts.port}"
    path = _drop_amp_path(re.sub(r"/{2,}", "/", parts.path or "/"))
    if portal is not None and portal.url_rewrite_res:
        scheme, host, path = _rewritten(urlunsplit((scheme, host, path, "", "")), portal)
    if portal is not None:
        path = _strip_page_suffix(path, portal, lambda p: urlunsplit((scheme, host, p, "", "")))
    rebuilt = urlunsplit((scheme, host, path, query.lstrip("?"), ""))
    return canonicalize_url(rebuilt, keep_fragments=False)


def _rewritten(url: str, portal: Portal) -> tuple[str, str, str]:
    """Scheme, host and path after the portal's ``url_rewrites`` (another shape of one article's URL)."""
    for pattern, replacement in portal.url_rewrite_res:
        url = pattern.sub(replacement, url, count=1)
    parts = urlsplit(url)
    return parts.scheme, parts.netloc, parts.path or "/"
