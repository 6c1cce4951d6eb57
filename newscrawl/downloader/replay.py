"""Crawl from a web archive: every request is answered from WARC records, never from the network.

:class:`~newscrawl.downloader.origin.OriginMapDownloadHandler` hands every request here when
``NEWSCRAWL_REPLAY`` names archives (a folder, a file or a glob of ``.warc.gz``/``.warc``/``.wacz``). The
index (URL -> file and offset of one response record) is built once per crawl when the handler is made;
records are read lazily by offset, so memory grows with the number of URLs, not with the archive.

A request matches an archived ``WARC-Target-URI`` that differs only by fragment or by http/https. Of several
responses for one URL the last 200 wins (by WARC-Date, then archive order), else the last response. A URL
not in the archive gets a 404 (counted in ``newscrawl/replay/missing``; for robots.txt in
``newscrawl/replay/robots_txt_missing``, and Scrapy reads it as "allow all"). The body is returned as
stored: a compressed one is decoded by Scrapy's HttpCompressionMiddleware, exactly as in the live crawl.

A replay talks to no server, so :class:`ReplayPoliteness` (an add-on) turns the politeness delays off:
AutoThrottle, ``DOWNLOAD_DELAY``, robots.txt ``Crawl-delay`` and retry backoff, each unless the user set it
explicitly (on the command line or in a spider, above the project's own priority).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import BaseSettings, get_settings_priority

from newscrawl.archive.reader import OpenSources, find_sources
from newscrawl.archive.warc import RecordRef, load, scan, supersedes, url_key

logger = logging.getLogger(__name__)
MISSING_BODY = b"<html><body><h1>404 Not Found</h1><p>Not in the web archive.</p></body></html>"


REPLAY_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "NEWSCRAWL_MAX_CRAWL_DELAY": 0,  # the cap on a robots.txt Crawl-delay
    "NEWSCRAWL_RETRY_BACKOFF_BASE": 0,
    "NEWSCRAWL_RETRY_BACKOFF_MAX": 0,  # the cap on backoff and on an archived Retry-After
}
"""Politeness delays a replay does without: nothing is asked of a server."""


class ReplayPoliteness:
    """Add-on (``ADDONS``): with ``NEWSCRAWL_REPLAY`` set, :data:`REPLAY_SETTINGS` replace the project's
    politeness delays. A setting given on the command line (``-s DOWNLOAD_DELAY=2``) or by a spider is
    above the project's priority and is kept."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("NEWSCRAWL_REPLAY"):
            return
        project = get_settings_priority("project")
        changed = []
        for name, value in REPLAY_SETTINGS.items():
            if (settings.getpriority(name) or 0) <= project:
                settings.set(name, value, priority="project")
                changed.append(f"{name}={value}")
        if changed:
            logger.info("Replay: politeness delays off (%s); set one with -s to keep it", ", ".join(changed))


class ReplayError(RuntimeError):
    """NEWSCRAWL_REPLAY names no readable archive."""


class ReplayIndex:
    """URL key -> the response record that answers it."""

    def __init__(self, specs: list[str]) -> None:
        sources, self.damages = find_sources(specs)
        if not sources:
            raise ReplayError(f"NEWSCRAWL_REPLAY={','.join(specs)!r} names no .warc.gz, .warc or .wacz file")
        self.entries: dict[str, RecordRef] = {}
        self.files, self.responses = len(sources), 0
        for source in sources:
            refs, damage = scan(source)
            if damage is not None:
                self.damages.append(damage)
            for ref in refs:
                self.add(ref)
        for damage in self.damages:
            logger.warning("Replay: %s; the records before it are used", damage)
        count = (len(self.entries), self.responses, self.files)
        logger.info("Replay: %d URLs from %d responses in %d archive files", *count)

    def add(self, ref: RecordRef) -> None:
        self.responses += 1
        key = url_key(ref.url)
        held = self.entries.get(key)
        if held is None or _answers_better(ref, held):
            self.entries[key] = ref

    def get(self, url: str) -> RecordRef | None:
        return self.entries.get(url_key(url))

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> ReplayIndex:
        """One index per crawl, shared by the http and https handlers."""
        index = getattr(crawler, "newscrawl_replay_index", None)
        if index is None:
            index = cls(crawler.settings.getlist("NEWSCRAWL_REPLAY"))
            crawler.newscrawl_replay_index = index  # type: ignore[attr-defined]
            stats = crawler.stats
            stats.set_value("newscrawl/replay/files", index.files)
            stats.set_value("newscrawl/replay/urls", len(index.entries))
            stats.set_value("newscrawl/replay/damaged_files", len(index.damages))
        return index


def _answers_better(ref: RecordRef, held: RecordRef) -> bool:
    """A 200 beats any other status; between equals, the later fetch wins."""
    ok, held_ok = ref.status == 200, held.status == 200
    return ok if ok != held_ok else supersedes(ref, held)


class ReplayDownloadHandler:
    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.index = ReplayIndex.for_crawler(crawler)
        self.files = OpenSources()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayDownloadHandler:
        return cls(crawler)

    async def download_request(self, request: Request) -> Response:
        ref = self.index.get(request.url)
        if ref is None:
            return self._missing(request)
        loaded = load(self.files.get(ref.source), ref.offset)
        headers = loaded.scrapy_headers()
        respcls = responsetypes.from_args(headers=headers, url=request.url, body=loaded.body)
        self.crawler.stats.inc_value("newscrawl/replay/responses")
        return respcls(
            url=request.url,
            status=loaded.status,
            headers=headers,
            body=loaded.body,
            request=request,
            flags=["replay"],
            protocol=loaded.protocol,
        )

    def _missing(self, request: Request) -> Response:
        if urlsplit(request.url).path == "/robots.txt":
            self.crawler.stats.inc_value("newscrawl/replay/robots_txt_missing")
        else:
            self.crawler.stats.inc_value("newscrawl/replay/missing")
            logger.info("Replay: not in the archive: %s", request.url)
        headers = {"Content-Type": "text/html; charset=utf-8"}
        return HtmlResponse(
            request.url, status=404, headers=headers, body=MISSING_BODY, request=request, flags=["replay"]
        )

    async def close(self) -> None:
        self.files.close()
