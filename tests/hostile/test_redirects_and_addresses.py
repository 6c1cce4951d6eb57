"""Redirect loops and chains, other domains, and private addresses reached through feeds or redirects.

The crawl reaches every host through the test server (``NEWSCRAWL_ORIGIN_MAP = {"*": server}``), so a
request that was not refused would show in the server's log: that log is the proof nothing was reached.
"""

from __future__ import annotations

from itertools import pairwise

from tests.hostile.faultserver import Redirect
from tests.hostile.pages import DETIK, XML, HostileSite

PRIVATE_TARGETS = (
    "http://127.0.0.1:8080/admin",
    "http://10.0.0.5/",
    "http://[::1]/",
    "http://169.254.169.254/latest/meta-data",
    "http://172.16.3.4/sitemap.xml",
    "http://192.168.1.1/sitemap.xml",
    "http://localhost/sitemap.xml",
    "http://2130706433/sitemap.xml",  # 127.0.0.1 spelt as one number
)


def loop_url(n: int, slug: str = "berputar") -> str:
    return f"https://news.detik.com/berita/d-{9100000 + n}/{slug}"


def sitemap_index(locs: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


def test_redirect_loop_is_stopped_at_its_first_repeat(site: HostileSite, crawl) -> None:
    site.articles(2)
    a, b, own = loop_url(1), loop_url(2, "berputar-balik"), loop_url(3, "ke-diri-sendiri")
    site.fault(a, Redirect(b))
    site.fault(b, Redirect(a + "?single=1"), announce=False)
    site.fault(own, Redirect(own + "?single=1", status=301))

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/refused/redirect_loop") == 2
    assert len(site.server.times(a)) == 1 and len(site.server.times(own)) == 1
    result.assert_named_once(a, "redirect loop")
    result.assert_named_once(own, "redirect loop")


def test_redirect_chain_longer_than_the_limit_is_refused(site: HostileSite, crawl) -> None:
    site.articles(2)
    moved = site.article(3, announce=False)
    hops = [loop_url(10 + n, f"pindah-{n}") for n in range(3)]
    for here, there in zip(hops, [*hops[1:], moved.url], strict=True):  # 3 hops to a real article
        site.fault(here, Redirect(there), announce=here == hops[0])
    chain = [loop_url(20 + n, f"rantai-{n}") for n in range(12)]
    for here, there in pairwise(chain):
        site.fault(here, Redirect(there), announce=here == chain[0])

    result = crawl("-s", "REDIRECT_MAX_TIMES=5")

    result.assert_finished()
    result.assert_written(site)  # the article three redirects away is written, once
    assert result.stat("newscrawl/refused/redirect_limit") == 1
    assert [bool(site.server.times(u)) for u in chain] == [True] * 6 + [False] * 6
    result.assert_named_once(chain[0], "more than 5 redirects")


def test_redirects_and_links_to_other_domains_are_not_followed(site: HostileSite, crawl) -> None:
    site.articles(2)
    away = loop_url(30, "pindah-ke-luar")
    site.fault(away, Redirect("https://evil.example.com/berita/d-1/tiruan"))
    site.announce("https://news.evil.example.org/berita/d-2/tiruan")  # a feed link off the portal
    site.document(DETIK.news_sitemaps[0], sitemap_index(["https://sitemaps.evil.example.net/news.xml"]))

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("offsite/filtered") == 2  # the redirect and the sitemap; the link is not the portal's
    assert result.stat("newscrawl/skipped/off_domain") == 1
    assert not site.server.requested("evil.example"), "another domain was fetched"
    result.assert_named_once("evil.example.com", "outside the portal's domains")
    result.assert_named_once("sitemaps.evil.example.net")


def test_private_addresses_from_sitemaps_and_redirects_are_refused(site: HostileSite, crawl) -> None:
    # Article-shaped feed links are not the portal's: skipped before any request. (An IPv6 literal is
    # left out: it breaks canonical_url, see test_feed_links.py::test_a_feed_link_that_is_no_url_...)
    feed_links = [t.rstrip("/") + "/berita/d-4/x" for t in PRIVATE_TARGETS if "[" not in t]
    for link in feed_links:
        site.announce(link)
    site.articles(2)
    metadata = loop_url(40, "ke-metadata")
    site.fault(metadata, Redirect("http://169.254.169.254/latest/meta-data/iam"))
    internal = loop_url(41, "ke-intranet")
    site.fault(internal, Redirect("http://10.0.0.5/berita/d-3/rahasia"))
    site.document(DETIK.news_sitemaps[0], sitemap_index(list(PRIVATE_TARGETS)), XML)

    result = crawl()

    result.assert_finished()
    result.assert_written(site)
    assert result.stat("newscrawl/refused/private_address") == len(PRIVATE_TARGETS) + 2
    assert result.stat("newscrawl/skipped/off_domain") == len(feed_links)
    for host in ("127.0.0.1:8080", "10.0.0.5", "[::1]", "::1", "169.254", "172.16", "192.168", "localhost"):
        assert not site.server.requested(host), f"{host} was reached"
    assert not site.server.requested("2130706433")
    for host in (
        "10.0.0.5",
        "::1",
        "169.254.169.254",
        "172.16.3.4",
        "192.168.1.1",
        "localhost",
        "2130706433",
    ):
        result.assert_named_once(f"address {host})")
    result.assert_named_once("address 127.0.0.1)")  # 127.0.0.1:8080; the test server's port is allowed
