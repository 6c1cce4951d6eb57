"""Put every record in its written form: canonical URL, clean text, crawl time and run id filled in.

A publication or modification time more than a day in the future is not trusted: it becomes null
(``published_at_raw`` keeps what the page said), counted as ``newscrawl/dates/future``.
"""

from __future__ import annotations

import logging
from dataclasses import is_dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from newscrawl.extraction.dates import parse_iso
from newscrawl.items import RejectedPage
from newscrawl.pipelines import run_context
from newscrawl.portals import PORTALS, portal_for_url
from newscrawl.portals.base import Portal
from newscrawl.records import sanitize_text, utc_now
from newscrawl.urls import canonical_url

logger = logging.getLogger(__name__)
FUTURE_TOLERANCE = timedelta(days=1)
"""How far ahead of the clock a date may be (time zones, a clock slightly off) before it is not trusted."""


def _portal(portal_id: str | None, url: str) -> Portal | None:
    if portal_id in PORTALS:
        return PORTALS[portal_id]
    return portal_for_url(url)


def _fields(item: Any) -> Any:
    """The item's fields as a mutable mapping. A plain dataclass (ArticleItem) hands over its own
    ``__dict__``: ItemAdapter checks every read and write against the field list, which cost a fifth of
    this stage."""
    if is_dataclass(item) and hasattr(item, "__dict__"):
        return vars(item)
    return ItemAdapter(item)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return sanitize_text(value)
    if isinstance(value, list):
        return [sanitize_text(v) if isinstance(v, str) else v for v in value]
    return value


def _moment(value: str) -> datetime | None:
    """The aware time of a record's date: the C parser for the written form, parse_iso for anything else."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return parse_iso(value)
    return moment if moment.tzinfo is not None else parse_iso(value)


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
        adapter = _fields(item)
        for name, value in list(adapter.items()):
            adapter[name] = _clean(value)
        url = adapter.get("url")
        if isinstance(url, str) and url:
            adapter["url"] = canonical_url(url, _portal(adapter.get("portal"), url))
        if not adapter.get("crawled_at"):
            adapter["crawled_at"] = utc_now()
        if not adapter.get("run_id"):
            adapter["run_id"] = self.run_id
        self._drop_future_dates(adapter)
        return item

    def _drop_future_dates(self, adapter: Any) -> None:
        limit = datetime.now(UTC) + FUTURE_TOLERANCE
        future = []
        for name in ("published_at", "modified_at"):
            value = adapter.get(name)
            moment = _moment(value) if isinstance(value, str) else None
            if moment is not None and moment > limit:
                future.append(f"{name} {value}")
                adapter[name] = None
        if future:
            self.crawler.stats.inc_value("newscrawl/dates/future")
            logger.warning("Future date on %s: %s set to null", adapter.get("url"), ", ".join(future))
