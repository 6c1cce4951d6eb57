"""A replica of a portal on a local HTTP server, built from the golden fixture pages.

The crawl reaches it through ``NEWSCRAWL_ORIGIN_MAP``: ``https://news.detik.com/rss`` is fetched as
``http://127.0.0.1:<port>/news.detik.com/rss``. Routes are exact URLs; like a real server, an unknown
query string falls back to the bare path (so ``?single=1`` on a page without that view gives page 1).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import lxml.html

from newscrawl.portals import get_portal
from tests.golden.regenerate import GoldenCase, find_cases


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds the server waits before answering (a slow site, so a test can act mid-crawl)."""


class ReplicaSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.times: list[float] = []
        """When each request of ``requests`` arrived (time.monotonic)."""
        self._lock = threading.Lock()

    def add(self, url: str, route: Route) -> None:
        parts = urlsplit(url)
        key = f"{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
        self.routes[key] = route

    def lookup(self, key: str) -> Route | None:
        return self.routes.get(key) or self.routes.get(key.split("?", 1)[0])

    def log(self, key: str) -> None:
        with self._lock:
            self.requests.append(key)
            self.times.append(time.monotonic())

    def fetched(self, url: str) -> int:
        """How many times the replica served this URL (exact, with query)."""
        parts = urlsplit(url)
        key = f"{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return self.requests.count(key)

    def merge(self, other: ReplicaSite) -> ReplicaSite:
        """Serve the other site's routes too (several portals behind one server)."""
        self.routes.update(other.routes)
        return self

    def slow_down(self, delay: float, keys: list[str] | None = None) -> None:
        """Give the routes (default: every route) a response delay."""
        for key in keys if keys is not None else list(self.routes):
            self.routes[key].delay = delay


def _handler(site: ReplicaSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            key = self.path.lstrip("/")
            site.log(key)
            route = site.lookup(key)
            if route is None:
                route = Route(b"<html><body><h1>404 Not Found</h1></body></html>", status=404)
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def crawl_options(origin: str, tmp: Path, **settings: object) -> list[str]:
    """``-s`` options for a crawl of the replica at ``origin``: output and state in ``tmp``, no politeness
    delays (the replica is local), quick retries; ``settings`` adds or overrides."""
    values: dict[str, object] = {
        "NEWSCRAWL_ORIGIN_MAP": json.dumps({"*": origin}),
        "NEWSCRAWL_OUTPUT_DIR": tmp / "output",
        "NEWSCRAWL_STATE_DIR": tmp / "state",
        "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_DELAY": 0,
        "NEWSCRAWL_RETRY_BACKOFF_BASE": 0.1,
        **settings,
    }
    return [option for name, value in values.items() for option in ("-s", f"{name}={value}")]


@contextmanager
def serve(site: ReplicaSite) -> Iterator[str]:
    """Serve the site on 127.0.0.1 at a free port; yields the origin ``http://127.0.0.1:<port>``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def expected_record(case: GoldenCase) -> dict:
    return json.loads(case.expected_path.read_text(encoding="utf-8"))


def _page_urls(case: GoldenCase, first_url: str) -> list[str]:
    """URLs of pages 2..n of a case, read from page 1's own pagination links."""
    if len(case.pages) == 1:
        return []
    portal = get_portal(case.portal)
    doc = lxml.html.fromstring(case.pages[0].read_bytes())
    doc.make_links_absolute(first_url)
    urls: list[str] = []
    for a in doc.cssselect(portal.next_page_selector):
        href = (a.get("href") or "").split("#", 1)[0]
        if href and href != first_url and href not in urls and "all" not in href.rsplit("/", 1)[-1]:
            urls.append(href)
    return urls[: len(case.pages) - 1]


def rss(items: list[tuple[str, str, datetime]]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(url)}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate></item>"
        for url, title, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>replica</title>'
        f"{entries}</channel></rss>"
    ).encode()


def news_sitemap(items: list[tuple[str, datetime]], lastmod: dict[str, datetime] | None = None) -> bytes:
    """A Google-News sitemap; ``lastmod`` adds ``<lastmod>`` (the entry's modification time) per URL."""
    lastmod = lastmod or {}
    urls = "".join(
        f"<url><loc>{escape(url)}</loc>"
        + (f"<lastmod>{lastmod[url].isoformat()}</lastmod>" if url in lastmod else "")
        + "<news:news><news:publication><news:name>replica</news:name>"
        f"<news:language>id</news:language></news:publication>"
        f"<news:publication_date>{when.isoformat()}</news:publication_date></news:news></url>"
        for url, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    ).encode()


def index_page(urls: list[str]) -> bytes:
    """A dated index page linking ``urls`` in markup the detik and kompas index selectors match."""
    links = "".join(
        f'<div class="articleItem"><article><h3 class="media__title">'
        f'<a class="media__link article-link" href="{escape(url)}">{escape(url)}</a></h3></article></div>'
        for url in urls
    )
    return f"<html><body>{links}</body></html>".encode()


def portal_replica(
    portal_id: str, announced: datetime | None = None, index: bool = False
) -> tuple[ReplicaSite, list[GoldenCase]]:
    """Every golden article of a portal, half announced by its first feed and half by its first news
    sitemap, served at their real URLs with their later pages; robots.txt allows everything.

    ``announced`` replaces the publication time the feed and sitemap give (e.g. now, so that a crawl
    with the default window takes them); ``index`` serves every dated index page with every article, else
    they list nothing (a backfill finds them, as on the real portal, and discovers through feed and sitemap).
    """
    portal = get_portal(portal_id)
    site = ReplicaSite()
    # AMP pages are what archives and saved pages hold; feeds announce the desktop page, which the replica
    # serves for every other case.
    cases = [
        c
        for c in find_cases([portal_id])
        if "rejected" not in expected_record(c) and not c.name.startswith("amp_")
    ]
    feed_items, sitemap_items = [], []
    for i, case in enumerate(cases):
        record = expected_record(case)
        url = case.fetched_url()
        site.add(url, Route(case.pages[0].read_bytes()))
        for page_url, page_file in zip(_page_urls(case, url), case.pages[1:], strict=False):
            site.add(page_url, Route(page_file.read_bytes()))
        when = announced or datetime.fromisoformat(record["published_at"])
        (feed_items.append((url, record["title"], when)) if i % 2 == 0 else sitemap_items.append((url, when)))
    # A portal with only feeds (or only sitemaps) gets every article in the one it has.
    if not portal.news_sitemaps:
        feed_items, sitemap_items = feed_items + [(u, "x", w) for u, w in sitemap_items], []
    elif not portal.feeds:
        sitemap_items, feed_items = sitemap_items + [(u, w) for u, _, w in feed_items], []
    listings = [*portal.feeds[:1], *portal.news_sitemaps[:1]]
    if portal.feeds:
        site.add(portal.feeds[0], Route(rss(feed_items), "application/rss+xml; charset=utf-8"))
    if portal.news_sitemaps:
        site.add(portal.news_sitemaps[0], Route(news_sitemap(sitemap_items), "application/xml"))
    # The first index page's bare path answers for every date (queries fall back to it); a page that
    # brings no new article is the last one walked.
    linked = [c.fetched_url() for c in cases] if index else []
    for template in portal.index_pages:
        first = template.format(date=date.today(), page=1, offset=0)
        site.add(first.split("?", 1)[0], Route(index_page(linked)))
    site.add(f"https://{portal.home}/", Route(HOME_PAGE))
    for host in {
        urlsplit(u).netloc
        for u in (
            *listings,
            f"https://{portal.home}/",
            *(c.fetched_url() for c in cases),
        )
    }:
        site.add(f"https://{host}/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))
    return site, cases


HOME_PAGE = b"<html><head><title>Home</title></head><body><h1>Berita terkini</h1></body></html>"
"""A portal's home page in the replica: it declares no feed, so only the registered sources count."""
