"""``scrapy crawl site -a url=https://any-news-site.example/``: any news site, no code for the site.

Discovery: the ``Sitemap:`` lines of robots.txt (else the usual sitemap locations), and the feeds the home
page announces with ``<link rel="alternate">``, as every portal spider also reads them. Extraction: generic
trafilatura with the shared Indonesian furniture rules. Records use the same schema, with ``portal`` set to
the site's domain.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from newscrawl.portals.generic import GenericPortal
from newscrawl.spiders.base import PortalSpider

USUAL_SITEMAPS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml")


class SiteSpider(PortalSpider):
    name = "site"

    def __init__(self, url: str | None = None, **kwargs: Any) -> None:
        if not url or not urlsplit(url).hostname:
            raise ValueError("the site spider needs the site: scrapy crawl site -a url=https://example.com/")
        super().__init__(**kwargs)
        self.site_url = url if urlsplit(url).scheme else f"https://{url}"
        self.portal = GenericPortal.for_url(self.site_url)  # type: ignore[misc]
        self.allowed_domains = [self.portal.id]

    @property
    def frontier(self) -> str:
        return f"site:{self.portal.id}"

    def source_requests(self) -> list[scrapy.Request]:
        """robots.txt (``Sitemap:`` lines) and the home page (feed links): the site's discovery."""
        parts = urlsplit(self.site_url)
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = scrapy.Request(
            f"{origin}/robots.txt",
            callback=self.parse_robots,
            errback=self.on_error,
            meta={"kind": "robots"},
            dont_filter=True,
        )
        home = scrapy.Request(
            self.site_url, callback=self.parse_home, errback=self.on_error, meta={"kind": "home"}
        )
        return [robots, home]

    def declared_sitemaps(self, response: Response) -> list[str]:
        """robots.txt's ``Sitemap:`` lines, else the places sitemaps usually are."""
        listed = super().declared_sitemaps(response)
        return listed or [response.urljoin(path) for path in USUAL_SITEMAPS]
