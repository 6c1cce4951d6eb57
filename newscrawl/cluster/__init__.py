"""Several machines, one frontier: the crawl on scrapy-redis, with Redis as the shared queue, duplicate filter
and seen-store, and nothing lost when a worker dies.

Off unless ``NEWSCRAWL_REDIS_URL`` (a setting or an environment variable) names a Redis server: then the
:mod:`~newscrawl.cluster.addon` switches Scrapy to scrapy-redis's scheduler with newscrawl's leased queue.

* :mod:`keys` — every Redis key, in one place.
* :mod:`queue` — scrapy-redis's priority queue whose pop moves the request into its worker's processing hash
  in one atomic step (a lease); the request leaves that hash when it is done: its record committed, or
  dropped with a reason, or its callback finished with nothing to write.
* :mod:`worker` — this process as a worker: its id, heartbeat, leases, recovery of dead workers' requests,
  and the discovery leases that let one worker read a portal's feeds per cycle.
* :mod:`scheduler`, :mod:`dupefilter`, :mod:`middleware`, :mod:`extension` — the Scrapy components.
* :mod:`status` — what ``newscrawl cluster`` prints.
"""
