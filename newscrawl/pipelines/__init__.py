"""Item pipelines: normalise (100) -> validate (200) -> dedupe (300) -> stories (400) -> jsonl (900).

Settings: ``NEWSCRAWL_RUN_ID``, ``NEWSCRAWL_OUTPUT_DIR``, ``NEWSCRAWL_OUTPUT_ENABLED``, ``NEWSCRAWL_DEDUPE``,
``NEWSCRAWL_STATE_DIR``, ``NEWSCRAWL_STATE_URL``, and for stories ``NEWSCRAWL_NEAR_DUPLICATES``,
``NEWSCRAWL_STORY_DAYS``, ``NEWSCRAWL_STORY_THRESHOLD``, ``NEWSCRAWL_REDIS_URL``. Stats live under
``newscrawl/...``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from newscrawl.records import new_run_id, run_started

ITEM_PIPELINES = {
    "newscrawl.pipelines.normalise.NormalisePipeline": 100,
    "newscrawl.pipelines.validate.ValidatePipeline": 200,
    "newscrawl.pipelines.dedupe.DedupePipeline": 300,
    "newscrawl.pipelines.stories.StoriesPipeline": 400,
    "newscrawl.pipelines.jsonl.JsonlWriterPipeline": 900,
}

records_committed = object()
"""Signal sent by the writer once an output file is fsync'ed and renamed to its final name.

Keyword arguments: ``records``, a list of dicts with the ``url``, ``portal``, ``content_hash``, ``version``
and ``modified_at`` of every record in that file; ``file``, its path below the output folder. Only then may
the seen-store learn those URLs, and it records the file with them in one transaction.
"""

logger = logging.getLogger(__name__)
UNWRITTEN = "not written: "
"""How a drop reason begins when the record was good but could not be written (a full disk, the seen-store
gone): its request is not done, and in a cluster it is fetched again (its lease is kept)."""


def run_context(crawler: Crawler) -> tuple[str, datetime]:
    """This crawl's run id and start time (UTC), the same for every pipeline.

    The id is the ``NEWSCRAWL_RUN_ID`` setting or one made by :func:`new_run_id`; either way it is kept on
    the crawler as ``newscrawl_run_id``. The start time is read from an id in that format, else it is the
    moment of the first call (pipelines are built as the crawl starts).
    """
    if getattr(crawler, "newscrawl_run_id", None) is None:
        now = datetime.now(UTC).replace(microsecond=0)
        run_id = crawler.settings.get("NEWSCRAWL_RUN_ID") or new_run_id(now)
        crawler.newscrawl_run_id = run_id  # type: ignore[attr-defined]
        crawler.newscrawl_run_started = run_started(run_id) or now  # type: ignore[attr-defined]
    return crawler.newscrawl_run_id, crawler.newscrawl_run_started  # type: ignore[attr-defined]


def drop(crawler: Crawler, item: Any, reason: str, stat: str) -> DropItem:
    """Count and log a drop once at INFO with its URL; Scrapy's own dump of the item goes to DEBUG."""
    crawler.stats.inc_value(stat)
    url = getattr(item, "url", None) or (item.get("url") if isinstance(item, dict) else None)
    logger.info("Dropped %s: %s", url, reason)
    return DropItem(reason, log_level="DEBUG")


def stop_crawl(crawler: Crawler, reason: str) -> Any:
    """Close the running crawl with ``reason``; returns the Deferred to keep, or None when not crawling."""
    try:
        engine = crawler.engine
    except RuntimeError:  # not crawling: the component is used on its own
        return None
    if engine.spider is None:
        return None
    return deferred_from_coro(engine.close_spider_async(reason=reason))
