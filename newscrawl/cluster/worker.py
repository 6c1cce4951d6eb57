"""This crawl process as one worker of a cluster: its id, heartbeat, request leases and discovery leases.

One :class:`Worker` per process (``newscrawl run`` crawls every portal in one process), shared by its
crawlers.

* **Heartbeat.** Every ``NEWSCRAWL_HEARTBEAT_SECONDS`` the worker renews ``keys.alive(id)`` (which expires
  after three beats) and its time in ``keys.WORKERS``, and renews the discovery leases it holds.
* **Recovery.** At start and on every beat, the requests held by workers whose ``alive`` key expired go back
  to their queues, in one Lua script per dead worker: whatever a killed worker was fetching, extracting or
  had not yet committed to a final output file is fetched again by someone.
* **Request leases.** :mod:`newscrawl.cluster.queue` leases a request to this worker when it pops it; the
  lease is released when the request is done: its record committed to a final file, or dropped with a
  reason, or its callback finished with nothing to write (see :mod:`~newscrawl.cluster.extension`).
* **Discovery leases.** A portal's feeds and sitemaps (unit ``sources``) and each backfill day's index pages
  (unit ``index:<day>``) are read by one worker per cycle: the first to take the unit's lease (``SET NX`` with
  an expiry the heartbeat renews) reads it and marks it done for ``NEWSCRAWL_DISCOVERY_INTERVAL`` seconds. A
  holder that dies stops renewing: its lease expires and another worker takes the unit.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import time
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import redis
from twisted.internet import task

from newscrawl.cluster import keys
from newscrawl.state.redis import TIMEOUTS

logger = logging.getLogger(__name__)

# KEYS: a worker's processing hash, the holders set. ARGV: its id. Puts every held request back into its
# queue and the worker out of the holders; returns the count.
_REQUEUE = """
local entries = redis.call('HGETALL', KEYS[1])
local n = 0
for i = 2, #entries, 2 do
  local v = entries[i]
  local a = string.find(v, '|', 1, true)
  local b = string.find(v, '|', a + 1, true)
  local c = string.find(v, '|', b + 1, true)
  redis.call('ZADD', string.sub(v, b + 1, c - 1), string.sub(v, 1, a - 1), string.sub(v, c + 1))
  n = n + 1
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return n
"""
# KEYS: a lease key. ARGV: worker id, expiry ms. Renews the lease only while this worker holds it.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
# KEYS: a lease key. ARGV: worker id. Frees the lease only while this worker holds it.
_DROP = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
# KEYS: lease key, done key. ARGV: worker id, cycle seconds. Marks the unit done, frees the lease.
_FINISH = """
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
"""
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
ACQUIRED, HELD, DONE = "acquired", "held", "done"


class ClusterError(RuntimeError):
    """Redis cannot be reached or refused a command: the crawl stops cleanly (reason ``redis_error``)."""


def redis_url(settings: Any) -> str | None:
    """``NEWSCRAWL_REDIS_URL`` (the settings read the environment variable); None: no cluster."""
    return settings.get("NEWSCRAWL_REDIS_URL") or None


def cluster_worker_id(settings: Any) -> str | None:
    """This process's worker id when it is part of a cluster (``NEWSCRAWL_REDIS_URL``), else None."""
    if not redis_url(settings):
        return None
    return _UNSAFE.sub("-", settings.get("NEWSCRAWL_WORKER_ID") or "").strip("-") or default_worker_id()


def default_worker_id() -> str:
    """``<host>-<pid>``: unique among the processes sharing one Redis, safe in a file name."""
    return _UNSAFE.sub("-", f"{socket.gethostname()}-{os.getpid()}").strip("-")


class Worker:
    _instances: ClassVar[dict[tuple[str, str], Worker]] = {}

    def __init__(self, url: str, worker_id: str, beat_seconds: float, interval: float) -> None:
        self.url, self.id = url, worker_id
        self.server = redis.Redis.from_url(url, **TIMEOUTS)
        self.beat_seconds = beat_seconds
        self.ttl_ms = int(beat_seconds * 3 * 1000)
        self.discovery_interval = int(interval)
        self._requeue = self.server.register_script(_REQUEUE)
        self._renew = self.server.register_script(_RENEW)
        self._finish = self.server.register_script(_FINISH)
        self._drop = self.server.register_script(_DROP)
        self.held: set[str] = set()
        """Discovery lease keys this worker holds (renewed on every beat)."""
        self.attached: list[Callable[[ClusterError], None]] = []
        """A failure callback per crawler using this worker."""
        self._joined = False
        self._loop: task.LoopingCall | None = None

    @classmethod
    def for_settings(cls, settings: Any) -> Worker:
        """The process's worker for these settings (one per Redis URL and worker id)."""
        url = redis_url(settings)
        if not url:
            raise ValueError("no NEWSCRAWL_REDIS_URL")
        worker_id = cluster_worker_id(settings) or default_worker_id()
        key = (url, worker_id)
        if key not in cls._instances:
            cls._instances[key] = cls(
                url,
                worker_id,
                settings.getfloat("NEWSCRAWL_HEARTBEAT_SECONDS", 5.0),
                settings.getfloat("NEWSCRAWL_DISCOVERY_INTERVAL", 600.0),
            )
        return cls._instances[key]

    # --- life -------------------------------------------------------------------------------------------
    def attach(self, on_failure: Callable[[ClusterError], None]) -> None:
        """A crawler starts using the worker; the first one registers it and starts the heartbeat."""
        self.attached.append(on_failure)
        if self._loop is None:
            self.beat()  # register, and put back what dead workers held, before taking anything
            self._loop = task.LoopingCall(self._beat_or_fail)
            self._loop.start(self.beat_seconds, now=False)

    def detach(self, on_failure: Callable[[ClusterError], None]) -> None:
        """A crawler is done; the last one stops the heartbeat and leaves the cluster."""
        if on_failure in self.attached:
            self.attached.remove(on_failure)
        if self.attached or self._loop is None:
            return
        if self._loop.running:
            self._loop.stop()
        self._loop = None
        self.leave()

    def leave(self) -> None:
        """Put back what this worker still holds (taken but not done), drop its leases, stop being alive."""
        try:
            held = self._requeue_of(self.id)
            for lease in list(self.held):  # expired and taken by another worker meanwhile: theirs
                self._drop(keys=[lease], args=[self.id])
            self.held.clear()
            self.server.delete(keys.alive(self.id))
            self.server.zrem(keys.WORKERS, self.id)
        except redis.RedisError as exc:
            logger.warning(
                "Worker %s could not leave the cluster cleanly (%s); its heartbeat expires", self.id, exc
            )
            return
        if held:
            logger.info("Worker %s put back %d requests it had not finished", self.id, held)
        Worker._instances.pop((self.url, self.id), None)

    def beat(self) -> None:
        """Renew the heartbeat and held leases; put back the requests of dead workers (and, on the first
        beat, what a previous process with this worker id left unfinished)."""
        try:
            if not self._joined:
                if back := int(self._requeue_of(self.id)):
                    logger.warning(
                        "Worker %s: %d requests its previous run left unfinished are back", self.id, back
                    )
                self._joined = True
            pipe = self.server.pipeline()
            pipe.set(keys.alive(self.id), f"{time.time():.3f}", px=self.ttl_ms)
            pipe.zadd(keys.WORKERS, {self.id: time.time()})
            pipe.execute()
            for lease in list(self.held):
                if not self._renew(keys=[lease], args=[self.id, self.ttl_ms]):
                    self.held.discard(lease)  # expired (a stall longer than its expiry): someone may have it
            self.recover_dead()
        except redis.RedisError as exc:
            raise ClusterError(f"Redis at {self.url} failed: {exc}") from exc

    def _beat_or_fail(self) -> None:
        try:
            self.beat()
        except ClusterError as exc:
            logger.error("Cluster heartbeat failed: %s", exc)
            for on_failure in list(self.attached):
                on_failure(exc)

    def _requeue_of(self, worker: str) -> int:
        return int(self._requeue(keys=[keys.processing(worker), keys.HOLDERS], args=[worker]))

    def _holders(self) -> set[str]:
        """Every worker id that may hold requests (registered or not: one may die before its first beat)."""
        return {m.decode() if isinstance(m, bytes) else str(m) for m in self.server.smembers(keys.HOLDERS)}

    def recover_dead(self) -> int:
        """Requeue the requests held by every worker whose ``alive`` key is gone; forget dead workers."""
        count = 0
        known = {
            m.decode() if isinstance(m, bytes) else str(m) for m in self.server.zrange(keys.WORKERS, 0, -1)
        }
        for worker in (known | self._holders()) - {self.id}:
            if self.server.exists(keys.alive(worker)):
                continue
            back = int(self._requeue_of(worker))
            self.server.zrem(keys.WORKERS, worker)
            if back:
                logger.warning(
                    "Worker %s stopped beating: its %d unfinished requests are back in the queue",
                    worker,
                    back,
                )
            count += back
        return count

    # --- request leases ---------------------------------------------------------------------------------
    def release(self, leases: Iterable[str | None]) -> None:
        """Requests done: forget their leases."""
        done = [lease for lease in leases if lease]
        if not done:
            return
        try:
            self.server.hdel(keys.processing(self.id), *done)
        except redis.RedisError as exc:
            raise ClusterError(f"Redis at {self.url} failed: {exc}") from exc

    def in_flight_elsewhere(self, queue_key: str) -> int:
        """Requests of one queue that other workers hold: they may still add to it (a dead worker's come
        back to the queue at the next recovery, so waiting for them is never in vain)."""
        suffix, count = f"@{queue_key}".encode(), 0
        try:
            for worker in self._holders() - {self.id}:
                count += sum(
                    1 for lease in self.server.hkeys(keys.processing(worker)) if lease.endswith(suffix)
                )
        except redis.RedisError as exc:
            raise ClusterError(f"Redis at {self.url} failed: {exc}") from exc
        return count

    # --- discovery leases -------------------------------------------------------------------------------
    def take_discovery(self, portal: str, unit: str) -> tuple[str, str | None]:
        """``(ACQUIRED, None)`` when this worker is to read the unit now; ``(HELD, holder)`` while another
        worker reads it; ``(DONE, reader)`` when it was read this cycle."""
        lease, done = keys.discovery_lease(portal, unit), keys.discovery_done(portal, unit)
        try:
            if reader := self.server.get(done):
                return DONE, reader.decode()
            if self.server.set(lease, self.id, nx=True, px=self.ttl_ms):
                self.held.add(lease)
                return ACQUIRED, None
            holder = self.server.get(lease)
        except redis.RedisError as exc:
            raise ClusterError(f"Redis at {self.url} failed: {exc}") from exc
        if holder is None:  # released between the two calls: try again on the next idle turn
            return HELD, None
        return HELD, holder.decode()

    def finish_discovery(self, portal: str, unit: str) -> None:
        lease, done = keys.discovery_lease(portal, unit), keys.discovery_done(portal, unit)
        try:
            self._finish(keys=[lease, done], args=[self.id, self.discovery_interval])
        except redis.RedisError as exc:
            raise ClusterError(f"Redis at {self.url} failed: {exc}") from exc
        self.held.discard(lease)
