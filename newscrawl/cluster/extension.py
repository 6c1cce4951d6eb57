"""The cluster side of one crawl: attach to the process's worker, release the leases of committed and
dropped records, and stop the crawl cleanly when Redis fails.

A record's lease is released only when the writer reports its file final (``records_committed`` carries each
record's lease): a worker killed between extraction and commit therefore loses nothing, its requests come
back to the queue. A record dropped by a pipeline (duplicate, invalid, not an article) is done at once.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawl.cluster.middleware import ITEM_LEASE
from newscrawl.cluster.scheduler import REDIS_ERROR
from newscrawl.cluster.worker import ClusterError, Worker, redis_url
from newscrawl.pipelines import UNWRITTEN, records_committed, stop_crawl

logger = logging.getLogger(__name__)


class ClusterExtension:
    def __init__(self, crawler: Any, worker: Worker) -> None:
        self.crawler, self.worker = crawler, worker
        self._stop: Any = None
        crawler.signals.connect(self.engine_started, signal=signals.engine_started)
        crawler.signals.connect(self.item_done, signal=signals.item_dropped)
        crawler.signals.connect(self.item_done, signal=signals.item_error)
        crawler.signals.connect(self.committed, signal=records_committed)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClusterExtension:
        if not redis_url(crawler.settings):
            raise NotConfigured
        return cls(crawler, Worker.for_settings(crawler.settings))

    def engine_started(self) -> None:
        try:
            self.worker.attach(self.failed)
        except ClusterError as exc:
            self.failed(exc)

    def item_done(self, item: Any, exception: BaseException | None = None, **_: Any) -> None:
        """A record dropped for a reason about itself is done; one that could not be written is not (its
        lease stays, and the request comes back to the queue)."""
        if not str(exception or "").startswith(UNWRITTEN):
            self._release([getattr(item, ITEM_LEASE, None)])

    def committed(self, records: list[dict[str, Any]], **_: Any) -> None:
        """A chunk is final: the requests of its records are done (the writer keeps each record's lease)."""
        self._release([record.get(ITEM_LEASE) for record in records])

    def spider_closed(self) -> None:
        """Leases still held (records whose chunk never became final) go back to the queue when the
        process's last crawler closes (``Worker.leave``)."""
        self.worker.detach(self.failed)

    def failed(self, exc: ClusterError) -> None:
        self.crawler.stats.inc_value("newscrawl/cluster/redis_errors")
        if self._stop is None:
            self._stop = stop_crawl(self.crawler, REDIS_ERROR)

    def _release(self, leases: list[str | None]) -> None:
        try:
            self.worker.release(leases)
        except ClusterError as exc:
            logger.error("%s", exc)
            self.failed(exc)
