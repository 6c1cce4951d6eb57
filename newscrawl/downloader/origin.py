"""Route requests for portal hosts to another origin: a local mirror, or the test suite's HTTP server.

``NEWSCRAWL_ORIGIN_MAP = {"*": "http://127.0.0.1:8123"}`` fetches ``https://news.detik.com/a/b?c`` from
``http://127.0.0.1:8123/news.detik.com/a/b?c`` and hands the response back under the original URL, so
that middlewares, spiders, pipelines and records never see the mirror. With an empty map (the default)
the handler is plain Scrapy HTTP. With ``NEWSCRAWL_REPLAY`` set, a web archive answers every request instead
(:mod:`newscrawl.downloader.replay`): this class is the one place that decides where bytes come from.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object

from newscrawl.downloader.replay import ReplayDownloadHandler

DEFAULT_INNER = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"


class OriginMapDownloadHandler:
    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.origin_map = {
            host.lower(): origin.rstrip("/")
            for host, origin in settings.getdict("NEWSCRAWL_ORIGIN_MAP").items()
        }
        self.inner: Any = build_from_crawler(
            load_object(settings.get("NEWSCRAWL_HTTP_HANDLER", DEFAULT_INNER)), crawler
        )
        self.replay: ReplayDownloadHandler | None = None
        if settings.get("NEWSCRAWL_REPLAY"):
            self.replay = ReplayDownloadHandler(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OriginMapDownloadHandler:
        return cls(crawler)

    def mapped_url(self, request: Request) -> str | None:
        parts = urlparse_cached(request)
        origin = self.origin_map.get((parts.hostname or "").lower()) or self.origin_map.get("*")
        if origin is None:
            return None
        return f"{origin}/{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")

    async def download_request(self, request: Request) -> Response:
        if self.replay is not None:  # the archive answers; the network is never used
            return await self.replay.download_request(request)
        target = self.mapped_url(request)
        if target is None:
            return await self.inner.download_request(request)
        response = await self.inner.download_request(request.replace(url=target))
        location = response.headers.get(b"Location")
        if location:  # the mirror names its own path; map it back to the portal URL
            response.headers[b"Location"] = self._unmap(location.decode("latin-1"))
        return response.replace(url=request.url)

    def _unmap(self, location: str) -> str:
        for origin in self.origin_map.values():
            if location.startswith(origin + "/"):
                return f"https://{location[len(origin) + 1 :]}"
        if location.startswith("/") and not location.startswith("//"):
            return f"https://{location[1:]}"
        return location

    async def close(self) -> None:
        if self.replay is not None:
            await self.replay.close()
        await self.inner.close()
