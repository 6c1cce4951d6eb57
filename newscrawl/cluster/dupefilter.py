"""scrapy-redis's shared duplicate filter, with fingerprints that expire.

A request is filtered when any worker enqueued the same one within ``NEWSCRAWL_DUPEFILTER_HOURS`` (default
24). scrapy-redis keeps every fingerprint for good, which over months would grow without bound and, worse,
would never let a failed request (a 503 after every retry) be tried again in a later cycle. The fingerprints
live in two time buckets (sets with an expiry): the current one and the previous one are checked.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy import Request
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.dupefilter import RFPDupeFilter

from newscrawl.cluster import keys

# KEYS: current bucket, previous bucket. ARGV: fingerprint, expiry seconds. 1 when already seen.
_SEEN = """
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 1 end
local added = redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
if added == 0 then return 1 end
return 0
"""


class ExpiringDupeFilter(RFPDupeFilter):
    def __init__(self, server: Any, key: str, debug: bool = False, hours: float = 24.0) -> None:
        super().__init__(server, key, debug)
        self.bucket_seconds = max(60, int(hours * 3600))
        self._seen = server.register_script(_SEEN)

    @classmethod
    def from_spider(cls, spider: Any) -> ExpiringDupeFilter:
        settings = spider.settings
        key = settings.get("SCHEDULER_DUPEFILTER_KEY", keys.SCHEDULER_DUPEFILTER_KEY) % {
            "spider": keys.frontier(spider)
        }
        hours = settings.getfloat("NEWSCRAWL_DUPEFILTER_HOURS", 24.0)
        return cls(get_redis_from_settings(settings), key, settings.getbool("DUPEFILTER_DEBUG"), hours)

    def _buckets(self) -> tuple[str, str]:
        bucket = int(time.time() // self.bucket_seconds)
        return f"{self.key}:{bucket}", f"{self.key}:{bucket - 1}"

    def request_seen(self, request: Request) -> bool:
        seen = self._seen(
            keys=list(self._buckets()), args=[self.request_fingerprint(request), 2 * self.bucket_seconds]
        )
        return bool(seen)

    def clear(self) -> None:
        for key in self._buckets():
            self.server.delete(key)
