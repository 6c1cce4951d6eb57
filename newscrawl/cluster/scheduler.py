"""scrapy-redis's scheduler, made to lease what it hands out and to stop cleanly when Redis goes away.

* Its queue is :class:`~newscrawl.cluster.queue.LeasedQueue`, bound to this process's worker id.
* A request that comes back to the scheduler while it holds a lease (a retry, a redirect) is pushed again
  and its old lease released: the queue holds it now.
* A Redis error closes the crawl with finish reason ``redis_error`` (logged once, named in the run summary,
  ``scrapy crawl`` and ``newscrawl run`` exit 1): what was written stays written, and nothing is marked seen
  that was not written. The next run continues from the queue Redis kept.
* The requests of a discovery unit this worker reads (:mod:`~newscrawl.cluster.units`) wait in a queue of
  this process, ahead of the shared one, past the duplicate filter (a feed is read every cycle).
* Stats are counted without the ``spider`` argument scrapy-redis still passes (deprecated in Scrapy 2.16).
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Any

import redis
from scrapy import Request
from scrapy_redis.scheduler import Scheduler

from newscrawl.cluster import keys
from newscrawl.cluster.queue import LEASE, LeasedQueue
from newscrawl.cluster.units import reads_unit
from newscrawl.cluster.worker import ClusterError, Worker
from newscrawl.pipelines import stop_crawl

logger = logging.getLogger(__name__)
REDIS_ERROR = "redis_error"


class ClusterScheduler(Scheduler):
    crawler: Any = None
    worker: Worker | None = None
    local: deque[Request]
    """The requests of the discovery units this worker reads."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClusterScheduler:
        try:
            instance = super().from_crawler(crawler)
        except redis.RedisError as exc:
            raise ClusterError(
                f"Redis at {crawler.settings.get('REDIS_URL')} cannot be reached: {exc}"
            ) from exc
        instance.crawler = crawler
        instance.worker = Worker.for_settings(crawler.settings)
        instance._failed = False
        instance.local = deque()
        return instance

    def open(self, spider: Any) -> None:
        self.queue_key = keys.queue(keys.frontier(spider))  # formatted here: not every frontier is a name
        super().open(spider)
        if isinstance(self.queue, LeasedQueue):
            self.queue.worker_id = self.worker.id
        self.worker.beat()  # alive before its first lease, so no other worker takes it for a dead one

    def enqueue_request(self, request: Request) -> bool:
        if reads_unit(request):
            self.local.append(request)
            self.stats.inc_value("scheduler/enqueued/memory")
            return True
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                if lease := request.meta.pop(LEASE, None):  # a redirect to a page requested lately
                    self.worker.release([lease])
                return False
            self.queue.push(request)
            if lease := request.meta.pop(LEASE, None):
                self.worker.release([lease])  # back in the queue: the old lease is done
        except (redis.RedisError, ClusterError) as exc:
            self._fail(exc)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if self._failed:
            return None
        if self.local:
            self.stats.inc_value("scheduler/dequeued/memory")
            return self.local.popleft()
        try:
            request = self.queue.pop(self.idle_before_close)
        except redis.RedisError as exc:
            self._fail(exc)
            return None
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        if self._failed:
            return False
        if self.local:
            return True
        try:
            return len(self) > 0
        except redis.RedisError as exc:
            self._fail(exc)
            return False

    def close(self, reason: str) -> None:
        if not self._failed:
            super().close(reason)

    def _fail(self, exc: Exception) -> None:
        if self._failed:
            return
        self._failed = True
        logger.error(
            "Redis failed (%s): the crawl stops; what is written stays, the queue waits in Redis", exc
        )
        self.stats.inc_value("newscrawl/cluster/redis_errors")
        self._stop = stop_crawl(self.crawler, REDIS_ERROR)  # keep the Deferred alive
