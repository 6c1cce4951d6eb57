"""A spider middleware that tells the worker when a leased request is done, or hands its lease to the item.

A callback's output is passed through untouched. An item it yields (an article record, or a page rejected
with its reason) carries the request's lease on to the pipelines: the lease is released when the record is
committed to a final file or dropped (:mod:`~newscrawl.cluster.extension`). A callback that ends without an
item (a feed, a sitemap, page 1 of an article whose page 2 is now queued) releases its lease there and then;
so does a callback that raises. Errbacks bypass spider middlewares: the spider releases their leases.

The same goes for the requests of a discovery unit this worker reads (:mod:`~newscrawl.cluster.units`): the
requests their output adds join the unit, and the request is done once its output has all been seen.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from newscrawl.cluster.queue import LEASE
from newscrawl.cluster.units import UnitReads
from newscrawl.cluster.worker import ClusterError, Worker, redis_url

logger = logging.getLogger(__name__)
ITEM_LEASE = "newscrawl_lease"
"""Attribute of an item object holding the lease of the request it came from (never written out)."""


def hand_over(item: Any, lease: str | None) -> bool:
    """Give the lease to an item the pipelines will commit or drop; False when it cannot carry one."""
    if lease is None or isinstance(item, Request | dict):
        return False
    try:
        setattr(item, ITEM_LEASE, lease)
    except AttributeError:
        return False
    return True


class LeaseMiddleware:
    def __init__(self, worker: Worker, crawler: Any = None) -> None:
        self.worker = worker
        self.crawler = crawler

    def _units(self) -> UnitReads | None:
        return getattr(getattr(self.crawler, "spider", None), "unit_reads", None)

    def _release(self, lease: str | None) -> None:
        try:
            self.worker.release([lease])
        except ClusterError as exc:  # the scheduler and the heartbeat stop the crawl
            logger.error("%s", exc)

    def _pass(self, response: Response, output: Any, units: UnitReads | None) -> bool:
        """Whether the output took over the response's lease; a request joins the response's unit."""
        if units is not None:
            units.adopt(response.request, output)
        return hand_over(output, response.meta.get(LEASE))

    def _done(self, response: Response, handed: bool, units: UnitReads | None) -> None:
        if not handed:
            self._release(response.meta.get(LEASE))
        if units is not None:
            units.done(response.request)

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeaseMiddleware:
        if not redis_url(crawler.settings):
            raise NotConfigured
        return cls(Worker.for_settings(crawler.settings), crawler)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        units, handed = self._units(), False
        for output in result:
            handed = self._pass(response, output, units) or handed
            yield output
        self._done(response, handed, units)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        units, handed = self._units(), False
        async for output in result:
            handed = self._pass(response, output, units) or handed
            yield output
        self._done(response, handed, units)

    def process_spider_exception(self, response: Response, exception: Exception) -> None:
        # dropped: the callback failed (Scrapy logs why)
        self._done(response, False, self._units())
