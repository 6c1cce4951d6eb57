"""Put every record in its written form: canonical URL, clean text, crawl time and run id filled in."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from newscrawl.items import RejectedPage
from newscrawl.pipelines import run_context
from newscrawl.portals import PORTALS, portal_for_url
from newscrawl.portals.base import Portal
from newscrawl.records import sanitize_text, utc_now
from newscrawl.urls import canonical_url


def _portal(portal_id: str | None, url: str) -> Portal | None:
    if portal_id in PORTALS:
        return PORTALS[portal_id]
    return portal_for_url(url)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return sanitize_text(value)
    if isinstance(value, list):
        return [sanitize_text(v) if isinstance(v, str) else v for v in value]
    return value


class NormalisePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run_id, _ = run_context(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalisePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, RejectedPage):
            return item  # the validate stage drops it with its reason
        adapter = ItemAdapter(item)
        for name, value in list(adapter.items()):
            adapter[name] = _clean(value)
        url = adapter.get("url")
        if isinstance(url, str) and url:
            adapter["url"] = canonical_url(url, _portal(adapter.get("portal"), url))
        if not adapter.get("crawled_at"):
            adapter["crawled_at"] = utc_now()
        if not adapter.get("run_id"):
            adapter["run_id"] = self.run_id
        return item
