"""Many distinct detik articles made from one golden page: for crawls long enough to stop midway.

Each article has its own id in the URL and its own text (content dedupe sees them as different). They can
be served by a :class:`~tests.support.replica.ReplicaSite` or written straight into a web archive.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newscrawl.portals import get_portal
from tests.golden.regenerate import GOLDEN_DIR
from tests.support.replica import ReplicaSite, Route, news_sitemap

TEMPLATE = (GOLDEN_DIR / "detik" / "news_banjir_2025_03_04.html").read_text(encoding="utf-8")
TEMPLATE_ID = "7805512"
SLUG = "banjir-rendam-12-rt-di-jakarta-timur-warga-mengungsi-ke-masjid"  # as the page's canonical URL
FIRST_ID = 9_000_000
DETIK = get_portal("detik")


def article_url(n: int) -> str:
    return f"https://news.detik.com/berita/d-{FIRST_ID + n}/{SLUG}"


def article_page(n: int) -> bytes:
    page = TEMPLATE.replace(TEMPLATE_ID, str(FIRST_ID + n))
    return page.replace("12 rukun tetangga", f"{n} rukun tetangga").encode()


def fetch_url(n: int) -> str:
    """The URL the crawl requests for article ``n`` (detik's all-pages view)."""
    return DETIK.all_pages_url(article_url(n)) or article_url(n)


def replica(count: int, announced: datetime, lastmod: dict[str, datetime] | None = None) -> ReplicaSite:
    """A detik replica whose first news sitemap lists ``count`` articles."""
    site = ReplicaSite()
    for n in range(count):
        site.add(article_url(n), Route(article_page(n)))
    items = [(article_url(n), announced) for n in range(count)]
    site.add(DETIK.news_sitemaps[0], Route(news_sitemap(items, lastmod), "application/xml"))
    site.add("https://news.detik.com/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))
    return site


def write_archive(path: Path, count: int, announced: datetime) -> None:
    """A web archive of a detik crawl: robots.txt, a news sitemap of ``count`` articles, and their pages."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def put(url: str, body: bytes, content_type: str) -> None:
            headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http)
            )

        put("https://news.detik.com/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
        sitemap = news_sitemap([(article_url(n), announced) for n in range(count)])
        put(DETIK.news_sitemaps[0], sitemap, "application/xml")
        for n in range(count):
            put(fetch_url(n), article_page(n), "text/html; charset=utf-8")
