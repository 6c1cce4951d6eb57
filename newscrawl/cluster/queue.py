"""scrapy-redis's priority queue, with a lease on every request it hands out.

scrapy-redis pops a request before downloading it, so a worker killed mid-crawl would lose what it held
(and the duplicate filter would keep anyone else from requesting it again). Here the pop *moves* the request,
in one Lua script, from the spider's sorted set into the worker's processing hash, under a lease id that
travels in ``request.meta``. :class:`~newscrawl.cluster.worker.Worker` deletes the lease when the request is
done, and puts back the held requests of a worker whose heartbeat stopped.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from newscrawl.cluster import keys

LEASE = "newscrawl_lease"
"""``request.meta`` key of the lease id of a request taken from the shared queue."""

# KEYS: queue, processing hash, lease counter, holders set. ARGV: now, worker id. Returns {lease id,
# encoded request} or nil.
# The lease id ``<n>@<queue key>`` names the portal: ``newscrawl cluster`` and idle workers count by it.
_POP = """
local item = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #item == 0 then return false end
redis.call('ZREM', KEYS[1], item[1])
local lease = tostring(redis.call('INCR', KEYS[3])) .. '@' .. KEYS[1]
redis.call('HSET', KEYS[2], lease, item[2] .. '|' .. ARGV[1] .. '|' .. KEYS[1] .. '|' .. item[1])
redis.call('SADD', KEYS[4], ARGV[2])
return {lease, item[1]}
"""


class LeasedQueue(PriorityQueue):
    """A spider's queue whose ``pop`` leases the request to this worker (see the module docstring)."""

    worker_id: str = ""
    """Set by :class:`~newscrawl.cluster.scheduler.ClusterScheduler` when it opens the queue."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        self._pop = server.register_script(_POP)

    def pop(self, timeout: int = 0) -> Request | None:
        found = self._pop(
            keys=[self.key, keys.processing(self.worker_id), keys.LEASE_IDS, keys.HOLDERS],
            args=[f"{time.time():.3f}", self.worker_id],
        )
        if not found:
            return None
        lease, data = found
        request = self._decode_request(data)
        request.meta[LEASE] = lease.decode() if isinstance(lease, bytes) else str(lease)
        return request

    def _encode_request(self, request: Request) -> bytes:
        """The request as stored: without the lease it held last (a requeued request gets a new one)."""
        lease = request.meta.pop(LEASE, None)
        try:
            return super()._encode_request(request)
        finally:
            if lease is not None:
                request.meta[LEASE] = lease
