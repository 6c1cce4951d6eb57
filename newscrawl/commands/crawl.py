"""``scrapy crawl`` with an exit status a scheduler can act on.

Scrapy's own command exits 0 whenever the crawl ran, even when every request failed or records could not
be written. This one exits 1 when the crawl failed by the rules ``newscrawl run`` applies
(:func:`newscrawl.ops.verdict.failures`, judged on the run summary the ``RunSummary`` extension computes),
and names the reasons on stderr, so that a cron job or a service manager sees the failure. Without the
extension, it still exits 1 when the crawl closed with a reason in :data:`FAILED_REASONS`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from scrapy import Spider, signals
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

FAILED_REASONS = frozenset({"write_error", "archive_write_error", "redis_error", "state_error"})
"""Finish reasons that mean records were not written (a full disk, an unwritable archive) or the shared
state went away (Redis, the seen-store, the story index)."""


def crawl_failures(crawler: Crawler, finish_reason: str | None) -> list[str]:
    """Why the crawl failed (empty when it did not): the run summary's reasons, else the finish reason."""
    entry: dict[str, Any] | None = getattr(crawler, "newscrawl_summary", None)
    if entry is not None:
        return list(entry.get("reasons", []))
    return [f"crawl closed: {finish_reason}"] if finish_reason in FAILED_REASONS else []


class Command(ScrapyCrawl):
    closed: list[tuple[Crawler, str]]

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        crawler = super()._create_crawler(spidercls)

        def spider_closed(spider: Spider, reason: str, **kwargs: Any) -> None:
            self.closed.append((crawler, reason))

        crawler.signals.connect(spider_closed, signal=signals.spider_closed, weak=False)
        return crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        self.closed = []
        super().run(args, opts)
        failed = False
        for crawler, reason in self.closed:
            # The summary is computed by a later spider_closed receiver: read it now, after the crawl.
            if reasons := crawl_failures(crawler, reason):
                failed = True
                print(f"scrapy crawl {crawler.spidercls.name}: failed: {'; '.join(reasons)}", file=sys.stderr)
        if failed:
            self.exitcode = 1
