"""Archive every response the crawl receives, with its request, as WARC records (``NEWSCRAWL_ARCHIVE_DIR``).

Placed at 950, beside the download handler: it sees each response before any other middleware, so
robots.txt, feeds, sitemaps, redirects, retried errors and every page of every article are all kept, and
the body is stored exactly as it came off the wire, still compressed if the server compressed it (Scrapy's
HttpCompressionMiddleware, at 590, decodes it later). Headers are stored as received, with two changes that
keep them true to the stored body: ``Transfer-Encoding`` is dropped (the HTTP client has already de-chunked
the body) and ``Content-Length`` is set to the stored length; an original value that differed is kept as
``X-Archive-Orig-<name>``. Records are stored under the portal URL even when ``NEWSCRAWL_ORIGIN_MAP``
fetched them from a mirror. Responses served by a replay (``NEWSCRAWL_REPLAY``) are never archived again.
"""

from __future__ import annotations

import logging
import os
import platform
from http import HTTPStatus
from importlib.metadata import version
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from warcio.recordbuilder import RecordBuilder
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders

from newscrawl.archive.rotating import RotatingWarcWriter
from newscrawl.pipelines import run_context, stop_crawl

logger = logging.getLogger(__name__)
DEFAULT_MAX_BYTES = 100_000_000
BODY_NOTE = "response bodies as received (Content-Encoding kept), Transfer-Encoding removed"
_BUILDER = RecordBuilder()


def _header_list(headers: Headers) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, values in headers.items() for v in values]


def response_record(response: Response) -> ArcWarcRecord:
    headers = _header_list(response.headers)
    stored_length = str(len(response.body))
    kept: list[tuple[str, str]] = []
    for name, value in headers:
        lower = name.lower()
        if lower == "transfer-encoding" or (lower == "content-length" and value.strip() != stored_length):
            kept.append((f"X-Archive-Orig-{name}", value))
        elif lower != "content-length":
            kept.append((name, value))
    kept.append(("Content-Length", stored_length))
    try:
        phrase = HTTPStatus(response.status).phrase
    except ValueError:
        phrase = ""
    statusline = f"{response.status} {phrase}".strip()
    status = StatusAndHeaders(statusline, kept, protocol=response.protocol or "HTTP/1.1")
    warc_headers: dict[str, str] = {}
    if response.ip_address is not None:
        warc_headers["WARC-IP-Address"] = str(response.ip_address)
    if "dataloss" in response.flags:
        warc_headers["WARC-Truncated"] = "disconnect"
    return _BUILDER.create_warc_record(
        response.url,
        "response",
        payload=BytesIO(response.body),
        length=len(response.body),
        http_headers=status,
        warc_headers_dict=warc_headers,
    )


def request_record(request: Request) -> ArcWarcRecord:
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc), *(h for h in _header_list(request.headers) if h[0].lower() != "host")]
    line = StatusAndHeaders(f"{request.method} {target} HTTP/1.1", headers, is_http_request=True)
    body = request.body or b""
    return _BUILDER.create_warc_record(
        request.url, "request", payload=BytesIO(body), length=len(body), http_headers=line
    )


class ArchiveMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        directory = settings.get("NEWSCRAWL_ARCHIVE_DIR")
        if not directory:
            raise NotConfigured
        self.crawler = crawler
        run_id, _ = run_context(crawler)
        prefix = f"{crawler.spidercls.name}-{run_id}-{os.getpid()}"
        max_bytes = settings.getint("NEWSCRAWL_ARCHIVE_MAX_BYTES", DEFAULT_MAX_BYTES)
        info = {
            "software": f"newscrawl (Scrapy {scrapy.__version__}, warcio {version('warcio')})",
            "format": "WARC File Format 1.0",
            "conformsTo": "http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf",
            "isPartOf": run_id,
            "hostname": platform.node(),
            "http-header-user-agent": settings.get("USER_AGENT") or "",
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "description": BODY_NOTE,
        }
        self.writer = RotatingWarcWriter(Path(directory), prefix, max_bytes, info)
        self.failed = False
        self._stop: Any = None  # keeps the close_spider_async Deferred alive
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if self.failed or "replay" in response.flags:
            return response
        try:
            self.writer.write_pair(response_record(response), request_record(request))
        except OSError as exc:
            self._fail(exc)
            return response
        self.crawler.stats.inc_value("newscrawl/archive/responses")
        self.crawler.stats.inc_value("newscrawl/archive/bytes", len(response.body))
        return response

    def close(self) -> None:
        if self.failed:
            self.writer.abandon()
        else:
            try:
                self.writer.close()
            except OSError as exc:
                self._fail(exc)
        self.crawler.stats.set_value("newscrawl/archive/files", len(self.writer.closed_files))

    def _fail(self, exc: OSError) -> None:
        """Fail loudly: an archive that silently misses pages is worse than a stopped crawl."""
        logger.error("Writing the web archive %s failed: %s; crawl stopped", self.writer.current, exc)
        self.crawler.stats.inc_value("newscrawl/archive/write_errors")
        if not self.failed:
            self.failed = True
            self._stop = stop_crawl(self.crawler, "archive_write_error")
