"""Drop what must not be written: rejected pages and records that break the record contract."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from newscrawl.items import RejectedPage
from newscrawl.pipelines import drop
from newscrawl.records import record_dict, validate_record

_STATS = {"no title": "no_title", "empty body": "empty_body"}


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, RejectedPage):
            reason = f"not an article: {item.reason}"
            raise drop(self.crawler, item, reason, "newscrawl/dropped/not_article")
        reason = validate_record(record_dict(item))
        if reason is not None:
            stat = _STATS.get(reason, "schema_invalid")
            raise drop(self.crawler, item, reason, f"newscrawl/dropped/{stat}")
        return item
