"""Leave a summary of every crawl in ``<NEWSCRAWL_OUTPUT_DIR>/_runs/<run-id>.json`` and log one line.

Works for ``newscrawl run`` (several portals, one run id, one file) and for plain ``scrapy crawl``.
Counts what the other stats do not: successful responses by request kind (``newscrawl/fetched/<kind>``;
``newscrawl/fetched/article`` is the first page of each article), final HTTP error statuses of the crawl's
own requests (``newscrawl/http_errors/<status>``), and the field coverage of written records (from
``item_scraped``, i.e. records that passed every pipeline).
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawl.cluster.worker import cluster_worker_id
from newscrawl.ops.summaries import COVERAGE_FIELDS, merge_portal, portal_line
from newscrawl.ops.verdict import failures
from newscrawl.pipelines import run_context

logger = logging.getLogger(__name__)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class RunSummary:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.started = datetime.now(UTC)
        self.scraped = 0
        self.covered: Counter[str] = Counter()
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummary:
        return cls(crawler)

    def spider_opened(self) -> None:
        self.started = datetime.now(UTC)

    def response_received(self, response: Response, request: Request) -> None:
        kind = request.meta.get("kind")
        if kind is None:
            return  # robots.txt and other requests that are not the crawl's own
        if response.status >= 400:
            self._inc(f"newscrawl/http_errors/{response.status}")
        elif kind != "article":
            self._inc(f"newscrawl/fetched/{kind}")
        else:
            self._inc("newscrawl/fetched/page" if "pages" in request.meta else "newscrawl/fetched/article")

    def item_scraped(self, item: Any) -> None:
        adapter = ItemAdapter(item)
        self.scraped += 1
        for name in COVERAGE_FIELDS:
            if adapter.get(name):
                self.covered[name] += 1

    def spider_closed(self, spider: Spider, reason: str) -> None:
        run_id, _ = run_context(self.crawler)
        portal = getattr(getattr(spider, "portal", None), "id", None) or spider.name
        entry = self.entry(reason)
        ledger = getattr(spider, "ledger", None)
        entry.update(ledger.report() if ledger is not None else {"sources": {}, "skipped_samples": {}})
        if worker := cluster_worker_id(self.crawler.settings):  # one of several machines: say which
            entry["worker"] = worker
            entry["discovery"] = dict(getattr(spider, "discovery", {}))
        self.crawler.newscrawl_summary = entry  # type: ignore[attr-defined]  # `scrapy crawl`'s exit status
        output = Path(self.crawler.settings.get("NEWSCRAWL_OUTPUT_DIR") or "output")
        try:
            path = merge_portal(output, run_id, portal, entry)
        except OSError as exc:
            logger.error("Run summary not written under %s: %s", output, exc)
            return
        logger.info("Run summary %s: %s", path, portal_line(portal, entry))

    def entry(self, reason: str) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats()
        finished = datetime.now(UTC)

        def count(key: str) -> int:
            return int(stats.get(key, 0) or 0)

        def by(prefix: str) -> dict[str, int]:
            return {k.removeprefix(prefix): int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)}

        written = count("newscrawl/written")
        entry: dict[str, Any] = {
            "finish_reason": reason,
            "started_at": _iso(self.started),
            "finished_at": _iso(finished),
            "duration_s": round((finished - self.started).total_seconds(), 3),
            "entries": count("newscrawl/feed_entries") + count("newscrawl/sitemap_entries"),
            "discovered": count("newscrawl/discovered"),
            "skipped": by("newscrawl/skipped/"),
            "fetched": count("newscrawl/fetched/article"),
            "responses": by("newscrawl/fetched/"),
            "written": written,
            "versions": count("newscrawl/versions/new"),
            "dropped": by("newscrawl/dropped/"),
            "duplicates": by("newscrawl/duplicates/"),
            "fallbacks": sum(by("newscrawl/fallback/").values()),
            "http_errors": by("newscrawl/http_errors/"),
            "request_errors": by("newscrawl/request_errors/"),
            "write_errors": count("newscrawl/write_errors"),
            "commit_errors": count("newscrawl/state/commit_errors"),
            "coverage": {
                name: round(self.covered[name] / self.scraped, 4) if self.scraped else None
                for name in COVERAGE_FIELDS
            },
        }
        share = self.crawler.settings.getfloat("NEWSCRAWL_FAIL_FALLBACK_SHARE", 0.5)
        entry["reasons"] = failures(entry, share)
        entry["status"] = "failed" if entry["reasons"] else "ok"
        return entry

    def _inc(self, key: str) -> None:
        self.crawler.stats.inc_value(key)
