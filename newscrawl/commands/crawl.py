"""``scrapy crawl`` with an exit status a scheduler can act on.

Scrapy's own command exits 0 whenever the crawl ran, even when it stopped because records could not be
written. This one exits 1 when the crawl finished with a reason in :data:`FAILED_REASONS`, so that a cron
job or a service manager sees the failure (``newscrawl run`` does the same and more: see the README).
"""

from __future__ import annotations

import argparse
from typing import Any

from scrapy import Spider, signals
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

FAILED_REASONS = frozenset({"write_error", "archive_write_error"})
"""Finish reasons that mean records were not written (a full disk, an unwritable archive)."""


class Command(ScrapyCrawl):
    failed_reasons: list[str]

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        crawler = super()._create_crawler(spidercls)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)
        return crawler

    def _spider_closed(self, reason: str, **kwargs: Any) -> None:
        if reason in FAILED_REASONS:
            self.failed_reasons.append(reason)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        self.failed_reasons = []
        super().run(args, opts)
        if self.failed_reasons:
            self.exitcode = 1
