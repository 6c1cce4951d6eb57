"""The crawl of one portal: feeds and news sitemaps in, one request per article, every page fetched.

Spiders only navigate. Turning pages into records is :func:`newscrawl.extraction.core.extract_article`,
the same function ``newscrawl extract`` calls.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from functools import cached_property, partial
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip

from newscrawl.cluster import keys
from newscrawl.cluster.middleware import hand_over
from newscrawl.cluster.queue import LEASE
from newscrawl.cluster.units import UnitReads
from newscrawl.cluster.worker import ACQUIRED, HELD, ClusterError, Worker, redis_url
from newscrawl.discovery.entries import Entry, parse_feed, parse_sitemap
from newscrawl.extraction.core import FetchedPage, NotAnArticle, extract_article
from newscrawl.extraction.dates import parse_iso
from newscrawl.extraction.page import UnreadablePage
from newscrawl.items import RejectedPage
from newscrawl.portals.base import Portal
from newscrawl.spiders.ledger import HOME_PAGE, REGISTERED, ROBOTS_TXT, DiscoveryLedger
from newscrawl.spiders.offload import ExtractionPool
from newscrawl.spiders.window import make_window
from newscrawl.state.written import WrittenFilter
from newscrawl.urls import canonical_url

MAX_SITEMAP_DEPTH = 3
_DECLARED_KINDS = ("robots", "home")
MAX_ARTICLE_PAGES = 20
WAIT_POLL_SECONDS = 0.5
"""Cluster only: how often an idle worker looks for work while other workers still hold some."""
SITEMAP_MAXSIZE = 50 * 1024 * 1024


class PortalSpider(scrapy.Spider):
    portal: ClassVar[Portal]

    def __init__(self, since: str | None = None, until: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.window = make_window(since, until)
        self.backfill = since is not None
        """With an explicit ``since``, the dated index pages are walked too (feeds only reach back days)."""
        self._seen_sitemaps: set[str] = set()
        self._indexed: set[str] = set()
        self._refetch: set[str] = set()
        """Written articles whose listing says they changed: their requests pass any duplicate filter."""
        self._announced: set[str] = set()
        """Canonical URLs discovered in this crawl (a URL listed by a feed and a sitemap counts once)."""
        self.ledger = DiscoveryLedger()
        self.discovery: dict[str, str] = {}
        """Cluster only: who read each discovery unit this cycle (for the run summary)."""
        self._waiting: dict[str, Callable[[], list[scrapy.Request]]] = {}
        self._written: WrittenFilter | None = None
        self._extractor: ExtractionPool | None = None
        self._parked: deque[tuple[str, Entry | None]] = deque()
        """Discovered articles not yet handed to Scrapy: a URL and its entry instead of a queued Request
        (a few hundred bytes against about 3 KB), so a 50,000-URL sitemap does not grow the crawl's RSS."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._top_up, signal=signals.request_left_downloader)
        crawler.signals.connect(spider._release_when_idle, signal=signals.spider_idle)
        return spider

    # --- discovery ----------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.logger.info("%s: articles published %s .. %s", self.name, self.window.start, self.window.end)
        if self.worker is not None:
            self._read_units(self.discovery_units())  # several machines: one reads each unit (see below)
            return
        for requests in self.discovery_units().values():
            for request in requests():
                yield request

    def discovery_units(self) -> dict[str, Callable[[], list[scrapy.Request]]]:
        """The crawl's discovery, in units that one worker of a cluster reads per cycle: ``sources`` (the
        portal's feeds and sitemaps, registered and declared) and, in a backfill, ``index:<day>``."""
        units: dict[str, Callable[[], list[scrapy.Request]]] = {"sources": self.source_requests}
        if self.backfill:
            for day in self.window.days():
                units[f"index:{day}"] = partial(self.index_requests, day)
        return units

    def source_requests(self) -> list[scrapy.Request]:
        requests = [self._feed_request(url, REGISTERED) for url in self.portal.feeds]
        requests += [self._root_sitemap_request(url, REGISTERED) for url in self.portal.news_sitemaps]
        if self.portal.declared_discovery and self.settings.getbool("NEWSCRAWL_DECLARED_DISCOVERY", True):
            requests += self.declared_discovery_requests()
        return [request for request in requests if request is not None]

    def index_requests(self, day: date) -> list[scrapy.Request]:
        return [self._index_request(template, day, page=1) for template in self.portal.index_pages]

    # --- discovery on several machines ------------------------------------------------------------------
    @cached_property
    def worker(self) -> Worker | None:
        """This process as a cluster worker (``NEWSCRAWL_REDIS_URL`` set), else None."""
        return Worker.for_settings(self.settings) if redis_url(self.settings) else None

    def _read_units(self, units: dict[str, Callable[[], list[scrapy.Request]]]) -> None:
        """Read each unit whose discovery lease this worker gets, itself (``cluster/units.py``): once the last
        request of the unit is done, the unit is done for the cycle. A unit another worker is reading is
        waited for (``_release_when_idle``), and taken over if that worker dies."""
        assert self.worker is not None
        for unit, requests in units.items():
            status, who = self.worker.take_discovery(self.frontier, unit)
            if status == ACQUIRED:
                self.discovery[unit] = "reading"
                for request in self.unit_reads.begin(unit, requests()):
                    self.crawler.engine.crawl(request)
            elif status == HELD:
                self._waiting[unit] = requests
                self.discovery[unit] = f"read by {who or 'another worker'}"
            else:
                self.discovery[unit] = f"read this cycle by {who}"
        self.logger.info(
            "%s: discovery %s", self.name, "; ".join(f"{u} {s}" for u, s in self.discovery.items())
        )

    @property
    def frontier(self) -> str:
        """The name of this crawl's queue, duplicate filter and discovery leases in Redis."""
        return self.name

    @cached_property
    def unit_reads(self) -> UnitReads:
        """The discovery units this worker reads (cluster only)."""
        return UnitReads(self._unit_read)

    def _unit_read(self, unit: str) -> None:
        assert self.worker is not None
        try:
            self.worker.finish_discovery(self.frontier, unit)
        except ClusterError as exc:  # the lease expires: another worker reads the unit again
            self.logger.error("%s", exc)
            return
        self.discovery[unit] = "read"
        self.logger.info("%s: discovery unit %s read", self.name, unit)

    def _work_elsewhere(self) -> bool:
        """Whether this worker should wait rather than close: another worker is still reading a unit of this
        portal (a unit whose reader died is read here), or holds requests of it that may add more."""
        assert self.worker is not None
        self.unit_reads.finish_all()  # idle: nothing of this worker's units is left
        try:
            waiting, self._waiting = self._waiting, {}
            if waiting:
                self._read_units(waiting)
            if self._waiting or self.unit_reads.pending:  # waiting, or a unit just taken over
                return True
            return self.worker.in_flight_elsewhere(keys.queue(self.frontier)) > 0
        except ClusterError as exc:
            self.logger.error("%s", exc)  # the heartbeat and the scheduler stop the crawl
            return False

    def declared_discovery_requests(self) -> list[scrapy.Request]:
        """robots.txt of the portal's main hosts (for ``Sitemap:`` lines) and its home page (for feed links).
        They carry the crawl when a registered feed or sitemap dies, and show new ones."""
        portal = self.portal
        hosts = portal.discovery_hosts or (portal.home, *(urlsplit(u).hostname for u in portal.news_sitemaps))
        requests = [
            scrapy.Request(
                f"https://{host}/robots.txt",
                callback=self.parse_robots,
                errback=self.on_error,
                meta={"kind": "robots", "dont_obey_robotstxt": True},
                dont_filter=True,
            )
            for host in dict.fromkeys(h for h in hosts if h)
        ]
        home = f"https://{portal.home}/"
        requests.append(
            scrapy.Request(home, callback=self.parse_home, errback=self.on_error, meta={"kind": "home"})
        )
        return requests

    def declared_sitemaps(self, response: Response) -> list[str]:
        """The sitemaps a robots.txt response declares."""
        return _robots_sitemaps(response)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        for url in self.declared_sitemaps(response):
            if not _MEDIA_SITEMAP.search(urlsplit(url).path) and (
                request := self._root_sitemap_request(url, ROBOTS_TXT)
            ):
                yield request

    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        for url in _feed_links(response):
            if request := self._feed_request(url, HOME_PAGE):
                yield request

    def _feed_request(self, url: str, origin: str) -> scrapy.Request | None:
        """The request for a feed, or None when this crawl already reads it."""
        if not self.ledger.add(url, "feed", origin):
            return None
        meta = {"kind": "feed", "source": url, "origin": origin}
        return scrapy.Request(url, callback=self.parse_feed, errback=self.on_error, meta=meta)

    def _root_sitemap_request(self, url: str, origin: str) -> scrapy.Request | None:
        """The request for a sitemap a crawl starts from, or None when this crawl already reads it."""
        if url in self._seen_sitemaps or not self.ledger.add(url, "sitemap", origin):
            return None
        self._seen_sitemaps.add(url)
        return self._sitemap_request(url, depth=0, source=url, origin=origin)

    def _index_request(self, template: str, day: date, page: int) -> scrapy.Request:
        offset = (page - 1) * self.portal.index_page_size
        url = template.format(date=day, page=page, offset=offset)
        meta = {"kind": "index", "template": template, "day": day, "page": page}
        return scrapy.Request(url, callback=self.parse_index, errback=self.on_error, meta=meta)

    def parse_index(self, response: Response) -> Iterator[scrapy.Request]:
        """Article links of one dated index page; the next page only while this one brought new articles.

        Index pages mix article links with navigation, so here the portal's ``article_url`` pattern chooses.
        Links on the portal's domains that it does not match (and that are no declared non-article) are
        counted and sampled: a new URL scheme shows up in the run summary instead of vanishing.
        """
        new = 0
        for href in _hrefs(response, self.portal.index_link_selector):
            try:
                url = self.canonical(response.urljoin(href))
            except ValueError:
                continue
            if url in self._indexed:
                continue
            if not self.portal.is_article_url(url):
                if self.portal.refusal(url) is None:
                    self._indexed.add(url)
                    self._skip("index_link_unmatched", url)
                continue
            self._indexed.add(url)
            new += 1
            if url in self._announced:
                self._count("skipped/listed_again")  # a feed or sitemap of this crawl lists it too
                continue
            self._announced.add(url)
            self._count("discovered")
            if not self.already_written(url, None):
                self._admit(url, None)
        self._count("index_entries", new)
        meta = response.meta
        if new and meta["page"] < self.portal.index_max_pages:
            yield self._index_request(meta["template"], meta["day"], meta["page"] + 1)

    def _sitemap_request(
        self, url: str, depth: int, source: str | None = None, origin: str = REGISTERED
    ) -> scrapy.Request:
        # The sitemap protocol allows 50 MB per file, above the page limit (DOWNLOAD_MAXSIZE).
        meta = {
            "kind": "sitemap",
            "depth": depth,
            "download_maxsize": SITEMAP_MAXSIZE,
            "source": source or url,
            "origin": origin,
        }
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error, meta=meta)

    def parse_feed(self, response: Response) -> None:
        entries = parse_feed(response.body, response.url)
        self._count("feed_entries", len(entries))
        self.ledger.listed(
            response.meta.get("source"), len(entries), "feed", response.meta.get("origin", REGISTERED)
        )
        if not entries:
            self.logger.warning("feed %s gave no entries", response.url)
        self._discover(entries, response.meta.get("source"))

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        body = response.body
        if body[:2] == b"\x1f\x8b":  # a .xml.gz served as a file, not as Content-Encoding
            max_size = SITEMAP_MAXSIZE
            try:
                body = gunzip(body, max_size=max_size)
            except (OSError, ValueError) as exc:
                self._count("sitemap_gzip_error")
                self.logger.warning("sitemap %s: cannot gunzip (%s)", response.url, exc)
                return
        links = parse_sitemap(body, response.url)
        depth = response.meta.get("depth", 0)
        source, origin = response.meta.get("source"), response.meta.get("origin", REGISTERED)
        for url in links.sitemaps:
            if url in self._seen_sitemaps or depth >= MAX_SITEMAP_DEPTH:
                self._count("sitemap_skipped_loop_or_depth")
                continue
            if _MEDIA_SITEMAP.search(urlsplit(url).path):
                self._count("sitemap_skipped_media")
                continue
            modified = links.modified.get(url)
            if modified is not None and modified < self.window.start:
                self._count("sitemap_skipped_old")  # last changed before the window: no article of it
                continue
            self._seen_sitemaps.add(url)
            yield self._sitemap_request(url, depth + 1, source, origin)
        self._count("sitemap_entries", len(links.entries))
        self.ledger.listed(source, len(links.entries), "sitemap", origin)
        self._discover(links.entries, source)

    def _discover(self, entries: list[Entry], source: str | None = None) -> None:
        """Admit the entries that are new articles in the window (see :meth:`_admit`).

        An entry of the portal's own feed or sitemap is a declared article: fetched unless it lies off the
        portal's domains or is a declared non-article URL; then the page decides (``extraction.core``).
        """
        for entry in entries:
            try:
                url = self.canonical(entry.url)
            except ValueError:  # an unparsable URL (bad port, broken IPv6 literal) costs only itself
                self._count("skipped/bad_url")
                self.logger.info("skipped an entry with an unusable URL: %r", entry.url)
                continue
            if reason := self.refusal(entry.url, url):
                self._skip(reason, entry.url)
                continue
            if not self.window.contains(entry.published):
                self._count("skipped/outside_window")
                continue
            if url in self._announced:
                self._count("skipped/listed_again")  # by another feed or sitemap of this crawl too
                continue
            self._announced.add(url)
            self._count("discovered")
            self.ledger.brought(source)
            if not self.already_written(url, entry):
                self._admit(url, entry)

    def refusal(self, url: str, canonical: str) -> str | None:
        """Why an announced URL is not fetched (``off_domain``, ``not_article_url``), or None."""
        return self.portal.refusal(url, canonical)

    def _skip(self, reason: str, url: str) -> None:
        """Count a URL skipped for its shape or domain, and keep it in the run summary's sample."""
        self._count(f"skipped/{reason}")
        self.ledger.skipped(reason, url)

    # --- how many article requests wait in Scrapy's scheduler ------------------------------------------
    @cached_property
    def _queue_limit(self) -> int:
        """``NEWSCRAWL_QUEUED_ARTICLES``; 0 (no limit) for a persistent job, whose queue is on disk and must
        hold every discovered article for the job to resume without loss."""
        if self.settings.get("JOBDIR") or self.worker is not None:
            return 0  # the queue on disk, or the cluster's queue in Redis, holds every discovered article
        return self.settings.getint("NEWSCRAWL_QUEUED_ARTICLES", 256)

    @cached_property
    def _max_url_length(self) -> int:
        return self.settings.getint("URLLENGTH_LIMIT")

    def _queued(self) -> int | None:
        scheduler = getattr(self.crawler.engine, "scheduler", None)
        try:
            return len(scheduler)  # type: ignore[arg-type]
        except TypeError:  # a scheduler that cannot say: no limit
            return None

    def _room(self) -> int | None:
        """How many more article requests may go to the scheduler now (None: any number)."""
        limit, queued = self._queue_limit, self._queued()
        if limit <= 0 or queued is None:
            return None
        return max(0, limit - queued)

    def _admit(self, url: str, entry: Entry | None) -> None:
        """Hand the article's request to the scheduler now if it has room, else park it (in discovery
        order) until it has. ``engine.crawl`` enqueues at once, so the scheduler's length is exact; it
        also bypasses the spider middlewares, so Scrapy's URL length limit is applied here."""
        if self._max_url_length and len(url) > self._max_url_length:
            self._count("skipped/url_too_long")
            self.logger.info("skipped an article URL of %d characters: %.100s...", len(url), url)
            return
        self._parked.append((url, entry))
        self._release(self._room())
        if self._parked:  # released in discovery order, so this article is among those still waiting
            self._count("parked")

    def _release(self, room: int | None) -> int:
        released = 0
        while self._parked and (room is None or released < room):
            url, entry = self._parked.popleft()
            self.crawler.engine.crawl(self.article_request(url, entry))
            released += 1
        return released

    def _top_up(self) -> None:
        if self._parked:
            self._release(self._room())

    def _release_when_idle(self) -> None:
        """Scrapy would close the spider: hand over the next parked articles instead, or, in a cluster,
        wait while another worker is still reading this portal's feeds or index pages."""
        if self._parked and self._release(self._queue_limit or None):
            raise DontCloseSpider
        if self.worker is not None and self._work_elsewhere():
            self._look_again_soon()
            raise DontCloseSpider

    def _look_again_soon(self) -> None:
        """Look at the shared queue again in :data:`WAIT_POLL_SECONDS` rather than at Scrapy's next engine
        heartbeat (5 s): a worker waiting for another's discovery starts on the first queued articles, and
        the last worker leaves as soon as the others' requests are done. Through the engine's call-later
        (not public API); without it the 5-s heartbeat still does the same, later."""
        nextcall = getattr(getattr(self.crawler.engine, "_slot", None), "nextcall", None)
        if nextcall is not None:
            nextcall.schedule(WAIT_POLL_SECONDS)

    def already_written(self, url: str, entry: Entry | None) -> bool:
        """In the seen-store, and its listing says nothing changed since (``state/written.py``)."""
        self._written = self._written or WrittenFilter(self.crawler)
        skip = self._written.already_written(url, entry)
        if skip:
            self._count("skipped/already_written")
        elif self._written.refetch:
            self._refetch.add(url)  # a new version: past any duplicate filter (a cluster's spans runs)
        return skip

    def _is_refetch(self, url: str) -> bool:
        if url in self._refetch:
            self._refetch.discard(url)
            return True
        return False

    def canonical(self, url: str) -> str:
        """Canonical article URL; a generic site keeps its query (``?p=123`` can be the article id)."""
        return canonical_url(url, None if self.portal.generic else self.portal)

    def article_request(self, url: str, entry: Entry | None = None) -> scrapy.Request:
        """The request for the article whose canonical URL is ``url``. The canonical URL is fetched (in its
        all-pages view) when it only tidies the announced one (scheme, ``www.``, query); an announced alias
        that canonicalisation maps elsewhere (an ``m.``/AMP host, another URL shape) is fetched as announced,
        since the mapping may lose what the server needs; the page's canonical link names the record."""
        if entry is not None and not _same_page(entry.url, url):
            fetch, single_page = entry.url.split("#", 1)[0], False
        else:
            all_pages = (
                self.portal.all_pages_url(url)
                if self.settings.getbool("NEWSCRAWL_SINGLE_PAGE", True)
                else None
            )
            fetch, single_page = all_pages or url, all_pages is not None
        meta = {"kind": "article", "article_url": url, "single_page": single_page, "entry": entry}
        return scrapy.Request(
            fetch,
            callback=self.parse_article,
            errback=self.on_error,
            meta=meta,
            dont_filter=self._is_refetch(url),
        )

    # --- articles -----------------------------------------------------------------------------------------
    async def parse_article(self, response: Response) -> AsyncIterator[Any]:
        page = FetchedPage(response.url, response.body, _content_type(response))
        pages: list[FetchedPage] = [*response.meta.get("pages", []), page]
        # Follow page links even after asking for the all-pages view: a portal that stops honouring the
        # parameter must not silently cost us the later pages (paragraphs seen twice are collapsed).
        # Every page adds the links it shows, since a pager may list only the pages near the current one.
        fetched = {p.url for p in pages}
        remaining = list(response.meta.get("remaining", []))
        for url in self._other_pages(response):
            if (
                url not in fetched
                and url not in remaining
                and len(fetched) + len(remaining) < MAX_ARTICLE_PAGES
            ):
                remaining.append(url)
        if remaining:
            meta = {**response.meta, "pages": pages, "remaining": remaining[1:]}
            yield response.follow(
                remaining[0], callback=self.parse_article, errback=self.on_page_error, meta=meta
            )
        else:
            yield await self.build_item_async(pages, response.meta)

    def _other_pages(self, response: Response) -> list[str]:
        selector = self.portal.next_page_selector
        if not selector or not _may_match(selector, response.body):
            return []
        own = canonical_url(response.url, self.portal)
        found: list[str] = []
        for href in _hrefs(response, selector):
            url = response.urljoin(href).split("#", 1)[0]
            if url in found or url == response.url or canonical_url(url, self.portal) != own:
                continue
            number = self.portal.page_number(url)
            if number is None or number == 1 or self.portal.is_all_pages_view(url):
                continue  # the first page (we have it) or another all-pages view
            found.append(url)
        return found[:MAX_ARTICLE_PAGES]

    async def build_item_async(self, pages: list[FetchedPage], meta: dict) -> Any:
        """The record of an article, extracted in a worker process (see ``offload``)."""
        self._extractor = self._extractor or ExtractionPool.from_crawler(self.crawler)
        try:
            item = await self._extractor.extract(pages, self.portal)
        except (NotAnArticle, UnreadablePage) as exc:
            return self._rejected(pages, exc)
        return self._checked(item, meta)

    def build_item(self, pages: list[FetchedPage], meta: dict) -> Any:
        """The record of an article, extracted in this process."""
        try:
            item = extract_article(pages, self.portal)
        except (NotAnArticle, UnreadablePage) as exc:
            return self._rejected(pages, exc)
        return self._checked(item, meta)

    def _rejected(self, pages: list[FetchedPage], exc: Exception) -> RejectedPage:
        reason = str(exc) if isinstance(exc, NotAnArticle) else f"unreadable page: {exc}"
        return RejectedPage(url=pages[0].url, portal=self.name, reason=reason)

    def _checked(self, item: Any, meta: dict) -> Any:
        if item.extraction == "fallback":
            self.crawler.stats.inc_value(f"newscrawl/fallback/{self.name}")
            self.logger.warning("portal rule missed, generic extraction used: %s", item.url)
        entry: Entry | None = meta.get("entry")
        if entry is None or entry.published is None:
            published = parse_iso(item.published_at) if item.published_at else None
            if not self.window.contains(published):
                return RejectedPage(url=item.url, portal=self.name, reason="published outside the window")
        return item

    # --- errors -------------------------------------------------------------------------------------------
    def on_page_error(self, failure: Any) -> Iterator[Any]:
        """A later page failed: keep the pages we have rather than lose the article."""
        meta = failure.request.meta
        self._count("article_page_errors")
        self.logger.warning(
            "page %s of %s failed: %s", failure.request.url, meta.get("article_url"), failure.value
        )
        handed = False
        if meta.get("pages"):
            item = self.build_item(meta["pages"], meta)
            handed = self.worker is not None and hand_over(item, meta.get(LEASE))
            yield item
        if not handed:
            self._request_done(failure.request)

    def on_error(self, failure: Any) -> None:
        request = failure.request
        kind = request.meta.get("kind", "request")
        self._count(f"request_errors/{request.meta.get('kind', 'other')}")
        if request.meta.get("depth", 0) == 0:  # the source itself, not a sitemap it leads to
            source_kind = "feed" if kind == "feed" else "sitemap"
            self.ledger.failed(
                request.meta.get("source"),
                str(failure.value),
                source_kind,
                request.meta.get("origin", REGISTERED),
            )
        # What a portal declares (robots.txt, home page) only adds to its registered sources.
        level = logging.INFO if kind in _DECLARED_KINDS else logging.WARNING
        self.logger.log(level, "%s %s failed: %s", kind, request.url, failure.value)
        self._request_done(request)

    def _request_done(self, request: scrapy.Request) -> None:
        """A cluster request that failed for good is done (errbacks bypass the lease middleware)."""
        if self.worker is None:
            return
        self.unit_reads.done(request)
        try:
            self.worker.release([request.meta.get(LEASE)])
        except ClusterError as exc:  # the scheduler and the heartbeat stop the crawl
            self.logger.error("%s", exc)

    def _count(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(f"newscrawl/{key}", count)


_NAMED = re.compile(r"[.#]([\w-]+)")


def _may_match(selector: str, body: bytes) -> bool:
    """False only when no alternative of the selector can match: each names a class or id that the page's
    bytes do not contain. Saves parsing most article pages a second time just to find no pager."""
    for alternative in selector.split(","):
        names = _NAMED.findall(alternative)
        if not names or any(name.encode() in body for name in names[:1]):
            return True
    return False


SITEMAP_LINE = re.compile(rb"^\s*sitemap\s*:\s*(\S+)", re.I | re.M)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
_MEDIA_SITEMAP = re.compile(
    r"(image|video|foto|photo|galer|gallery|tag|topic|topik|author|penulis|categor|kategori|static|"
    r"webstories|amp-stories)[^/]*$",
    re.I,
)
"""Sitemaps (by file name) that list media, tags or pages, never articles: not walked."""


def _robots_sitemaps(response: Response) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt declares, in order, each once."""
    found = (response.urljoin(m.decode("latin-1")) for m in SITEMAP_LINE.findall(response.body))
    return list(dict.fromkeys(u for u in found if u.startswith(("http://", "https://"))))


def _feed_links(response: Response) -> list[str]:
    """RSS/Atom feeds a page announces with ``<link rel="alternate" type="...">``."""
    if not isinstance(response, TextResponse):
        return []
    found = []
    for link in response.css("link[rel~=alternate]"):
        kind = (link.attrib.get("type") or "").lower()
        href = (link.attrib.get("href") or "").strip()
        if href and kind in FEED_TYPES:
            found.append(response.urljoin(href))
    return list(dict.fromkeys(found))


def _same_page(announced: str, canonical: str) -> bool:
    """Whether two URLs differ only in scheme, a ``www.`` host prefix, query, fragment or trailing slash."""

    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        return host, parts.path.rstrip("/")

    try:
        return key(announced) == key(canonical)
    except ValueError:
        return True


def _hrefs(response: Response, selector: str) -> list[str]:
    """``href`` of every element the selector matches (``::attr`` would bind to the last alternative only)."""
    return [href.strip() for el in response.css(selector) if (href := el.attrib.get("href"))]


def _content_type(response: Response) -> str | None:
    value = response.headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None
