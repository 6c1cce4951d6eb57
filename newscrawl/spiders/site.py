"""``scrapy crawl site -a url=https://any-news-site.example/``: any news site, no code for the site.

Discovery: the ``Sitemap:`` lines of robots.txt and the usual sitemap locations, and the feeds the home
page announces with ``<link rel="alternate">``. Extraction: generic trafilatura with the shared Indonesian
furniture rules. Records use the same schema, with ``portal`` set to the site's domain.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from newscrawl.portals.generic import GenericPortal
from newscrawl.spiders.base import PortalSpider

SITEMAP_LINE = re.compile(rb"^\s*sitemap\s*:\s*(\S+)", re.I | re.M)
USUAL_SITEMAPS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


class SiteSpider(PortalSpider):
    name = "site"

    def __init__(self, url: str | None = None, **kwargs: Any) -> None:
        if not url or not urlsplit(url).hostname:
            raise ValueError("the site spider needs the site: scrapy crawl site -a url=https://example.com/")
        super().__init__(**kwargs)
        self.site_url = url if urlsplit(url).scheme else f"https://{url}"
        self.portal = GenericPortal.for_url(self.site_url)  # type: ignore[misc]
        self.allowed_domains = [self.portal.id]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        parts = urlsplit(self.site_url)
        origin = f"{parts.scheme}://{parts.netloc}"
        self.logger.info("site %s: articles published %s .. %s", origin, self.window.start, self.window.end)
        yield scrapy.Request(
            f"{origin}/robots.txt",
            callback=self.parse_robots,
            errback=self.on_error,
            meta={"kind": "robots", "origin": origin},
            dont_filter=True,
        )
        yield scrapy.Request(
            self.site_url, callback=self.parse_home, errback=self.on_error, meta={"kind": "home"}
        )

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        listed = [m.decode("latin-1") for m in SITEMAP_LINE.findall(response.body)]
        candidates = listed or [response.meta["origin"] + path for path in USUAL_SITEMAPS]
        for url in candidates:
            if url not in self._seen_sitemaps:
                self._seen_sitemaps.add(url)
                yield self._sitemap_request(url, depth=0)

    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        for link in response.css("link[rel~=alternate]"):
            kind = (link.attrib.get("type") or "").lower()
            href = link.attrib.get("href")
            if href and kind in FEED_TYPES:
                yield scrapy.Request(
                    response.urljoin(href),
                    callback=self.parse_feed,
                    errback=self.on_error,
                    meta={"kind": "feed"},
                )
