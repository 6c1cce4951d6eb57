"""Every Redis key newscrawl uses, so that ``newscrawl cluster`` and the components agree on one layout.

All keys start with ``newscrawl:``; one Redis database can therefore be shared with other applications.
"""

from __future__ import annotations

from typing import Any

PREFIX = "newscrawl"

SCHEDULER_QUEUE_KEY = f"{PREFIX}:%(spider)s:requests"
"""scrapy-redis's queue of one spider (a portal): a sorted set of pickled requests, scored by priority."""
SCHEDULER_DUPEFILTER_KEY = f"{PREFIX}:%(spider)s:requested"
"""Base of the duplicate filter's time buckets (``<key>:<bucket>`` sets of request fingerprints)."""
WORKERS = f"{PREFIX}:workers"
"""Sorted set: worker id -> unix time of its last heartbeat."""
LEASE_IDS = f"{PREFIX}:lease-ids"
"""Counter that numbers request leases."""
HOLDERS = f"{PREFIX}:holders"
"""Set: the worker ids that may hold requests (added at each pop, removed when their hash is requeued), so
recovery never scans the database's keys (the story index alone has one per LSH bucket)."""


def frontier(spider: Any) -> str:
    """The name a crawl's keys use: the portal's spider name, or ``site:<domain>`` for the ``site`` spider
    (each site its own queue, duplicate filter and discovery leases)."""
    return str(getattr(spider, "frontier", None) or spider.name)


def queue(spider: str) -> str:
    return SCHEDULER_QUEUE_KEY % {"spider": spider}


def alive(worker: str) -> str:
    """Present (with an expiry) while the worker beats; its absence means the worker is dead."""
    return f"{PREFIX}:worker:{worker}:alive"


def processing(worker: str) -> str:
    """Hash: lease id -> ``<score>|<taken at>|<queue key>|<pickled request>`` of each request it holds."""
    return f"{PREFIX}:worker:{worker}:processing"


def worker_of(processing_key: str) -> str:
    """The worker id in a processing-hash key."""
    return processing_key.removeprefix(f"{PREFIX}:worker:").removesuffix(":processing")


def discovery_lease(portal: str, unit: str) -> str:
    """Held (value: worker id, with an expiry renewed by the heartbeat) while a worker reads a discovery unit:
    ``sources`` (feeds, sitemaps, robots.txt, home page) or ``index:<YYYY-MM-DD>`` (a backfill day)."""
    return f"{PREFIX}:{portal}:discovery:{unit}:lease"


def discovery_done(portal: str, unit: str) -> str:
    """Set (value: the worker that read it) when a unit was read this cycle; expires with the cycle."""
    return f"{PREFIX}:{portal}:discovery:{unit}:done"


def portal_of(queue_key: str) -> str:
    """The spider name in a queue key."""
    return queue_key.removeprefix(f"{PREFIX}:").removesuffix(":requests")
