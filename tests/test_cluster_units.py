"""A worker's discovery units (``newscrawl/cluster/units.py``): a unit is read once nothing of it is left."""

from __future__ import annotations

from scrapy import Request

from newscrawl.cluster import keys
from newscrawl.cluster.units import UNIT, UnitReads
from newscrawl.spiders.site import SiteSpider


def reads() -> tuple[UnitReads, list[str]]:
    read: list[str] = []
    return UnitReads(read.append), read


def test_a_unit_is_read_when_its_requests_and_the_requests_they_led_to_are_done() -> None:
    units, read = reads()
    index, feed = units.begin(
        "sources",
        [Request("https://x.example/sitemap.xml", meta={"kind": "sitemap"}),
         Request("https://x.example/rss", meta={"kind": "feed"})],
    )  # fmt: skip
    child = Request("https://x.example/sitemap-1.xml", meta={**index.meta, "depth": 1})  # copies the meta
    article = Request("https://x.example/berita/1", meta={"kind": "article"})
    units.adopt(index, child)
    units.adopt(index, article)
    assert child.meta[UNIT] == "sources" and UNIT not in article.meta, "articles go to the shared queue"
    units.done(index)
    units.done(feed)
    assert read == [], "the sitemap index's child is still to read"
    redirected = child.replace(url="https://www.x.example/sitemap-1.xml")  # a redirect: the same read
    units.queued(redirected)
    units.done(redirected)
    assert read == ["sources"]


def test_a_unit_without_requests_is_read_at_once_and_idle_finishes_the_rest() -> None:
    units, read = reads()
    units.begin("index:2026-12-01", [])
    lost = units.begin("sources", [Request("https://x.example/rss", meta={"kind": "feed"})])
    assert read == ["index:2026-12-01"] and lost
    units.finish_all()  # the crawl is idle: a request dropped on the way (a filter) leaves nothing in flight
    assert read == ["index:2026-12-01", "sources"]


def test_each_site_has_its_own_frontier() -> None:
    """Two ``site`` crawls in one Redis never share a queue: a worker would extract one site's articles
    with the other's rules and name them after it."""
    one, other = SiteSpider(url="https://berita.example.id/"), SiteSpider(url="https://kabar.example.com/")
    assert keys.queue(keys.frontier(one)) == "newscrawl:site:berita.example.id:requests"
    assert keys.frontier(other) == "site:kabar.example.com"
