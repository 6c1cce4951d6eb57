"""Extraction off the reactor: worker processes parse while the crawl process keeps fetching.

Scrapy's own per-request work and newscrawl's extraction cost about the same CPU (3-4 ms each per article
on the benchmark machine), and both are bound to one core in one process. With
``NEWSCRAWL_EXTRACT_PROCESSES`` workers (default ``0``: inline) the crawl uses other cores for extraction.
It is opt-in because a SIGKILL of the crawl can leave the forkserver and its workers running for a while,
holding the crawl's stdout/stderr open. The function run is the
same :func:`~newscrawl.extraction.core.extract_article` that ``newscrawl extract`` calls.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.items import ArticleItem
from newscrawl.portals.base import Portal

logger = logging.getLogger(__name__)


class ExtractionPool:
    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._executor: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractionPool:
        pool = cls(crawler.settings.getint("NEWSCRAWL_EXTRACT_PROCESSES", 0))
        crawler.signals.connect(pool.close, signal=signals.spider_closed)
        return pool

    async def extract(self, pages: Sequence[FetchedPage], portal: Portal) -> ArticleItem:
        """``extract_article`` in a worker process (inline when there are none, or they broke)."""
        if self.processes <= 0:
            return extract_article(pages, portal)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool(), extract_article, list(pages), portal)
        except BrokenProcessPool:
            logger.error("extraction workers died; extracting in the crawl process from now on")
            self.processes = 0
            return extract_article(pages, portal)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # forkserver: workers start from a clean process, not a fork of the running reactor.
            context = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(self.processes, mp_context=context)
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
