"""Route requests for portal hosts to another origin: a local mirror, or the test suite's HTTP server.

``NEWSCRAWL_ORIGIN_MAP = {"*": "http://127.0.0.1:8123"}`` sends ``https://news.detik.com/a/b?c`` to
``http://127.0.0.1:8123/news.detik.com/a/b?c``; the response comes back under the original URL, so
spiders, pipelines and records never see the mirror. Off unless the setting is given.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

ORIGINAL_URL = "newscrawl_original_url"


class OriginMapMiddleware:
    def __init__(self, origin_map: dict[str, str]) -> None:
        self.origin_map = {host.lower(): origin.rstrip("/") for host, origin in origin_map.items()}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OriginMapMiddleware:
        origin_map = crawler.settings.getdict("NEWSCRAWL_ORIGIN_MAP")
        if not origin_map:
            raise NotConfigured
        return cls(origin_map)

    def _origin_for(self, host: str) -> str | None:
        return self.origin_map.get(host) or self.origin_map.get("*")

    def process_request(self, request: Request) -> Request | None:
        if ORIGINAL_URL in request.meta:
            return None
        parts = urlparse_cached(request)
        origin = self._origin_for((parts.hostname or "").lower())
        if origin is None:
            return None
        target = f"{origin}/{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
        return request.replace(url=target, meta={**request.meta, ORIGINAL_URL: request.url})

    def process_response(self, request: Request, response: Response) -> Response:
        original = request.meta.get(ORIGINAL_URL)
        if not original:
            return response
        location = response.headers.get(b"Location")
        if location:  # a mirror redirect names the mirror's path; map it back to the portal URL
            response.headers[b"Location"] = self._unmap(location.decode("latin-1"))
        return response.replace(url=original)

    def _unmap(self, location: str) -> str:
        for origin in self.origin_map.values():
            if location.startswith(origin + "/"):
                return f"https://{location[len(origin) + 1 :]}"
        if location.startswith("/") and not location.startswith("//"):
            return f"https://{location[1:]}"
        return location
