"""Switch a crawl onto the cluster when ``NEWSCRAWL_REDIS_URL`` is set (a Scrapy add-on, ``ADDONS``).

Sets, at add-on priority (so ``-s`` still overrides each): scrapy-redis's scheduler as
:class:`~newscrawl.cluster.scheduler.ClusterScheduler` with the leased queue and the expiring duplicate
filter, persistent (the queue outlives a run: it is the cluster's frontier). The seen-store follows the same
URL unless ``NEWSCRAWL_STATE_URL`` names another (``state.open.store_location``). Without the URL it changes
nothing.
"""

from __future__ import annotations

from typing import Any

from newscrawl.cluster import keys
from newscrawl.cluster.worker import redis_url


class ClusterAddon:
    def update_settings(self, settings: Any) -> None:
        url = redis_url(settings)
        if not url:
            return
        for name, value in {
            "NEWSCRAWL_REDIS_URL": url,
            "REDIS_URL": url,
            "SCHEDULER": "newscrawl.cluster.scheduler.ClusterScheduler",
            "SCHEDULER_QUEUE_CLASS": "newscrawl.cluster.queue.LeasedQueue",
            "SCHEDULER_QUEUE_KEY": keys.SCHEDULER_QUEUE_KEY,
            "DUPEFILTER_CLASS": "newscrawl.cluster.dupefilter.ExpiringDupeFilter",
            "SCHEDULER_DUPEFILTER_KEY": keys.SCHEDULER_DUPEFILTER_KEY,
            "SCHEDULER_PERSIST": True,
        }.items():
            settings.set(name, value, priority="addon")
