"""Scrapy settings for newscrawl. Every newscrawl setting has the ``NEWSCRAWL_`` prefix; see the README."""

import os

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"
COMMANDS_MODULE = "newscrawl.commands"  # `scrapy crawl` exits 1 when records could not be written

# --- identity and politeness ------------------------------------------------------------------------------
USER_AGENT = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl; news archiving crawler)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Each article response yields one item; Scrapy starts this many asyncio workers per response (its
# default of 100 cost a fifth of the crawl's CPU in a profile of 1,000 articles).
CONCURRENT_ITEMS = 1
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
NEWSCRAWL_MAX_CRAWL_DELAY = 60.0  # cap on a robots.txt Crawl-delay, in seconds

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 520, 521, 522, 524, 408]
NEWSCRAWL_RETRY_BACKOFF_BASE = 2.0  # seconds; doubled on each retry
NEWSCRAWL_RETRY_BACKOFF_MAX = 120.0  # cap, also on a server's Retry-After

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.middlewares.politeness.CrawlDelayRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.politeness.BackoffRetryMiddleware": 550,
    "newscrawl.middlewares.politeness.RequestDelayMiddleware": 560,
    # README "Hostile conditions": no private addresses, redirect loops stopped, failures counted by kind
    "newscrawl.middlewares.safety.SafeAddressMiddleware": 40,  # before offsite (50) and robots.txt (100)
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "newscrawl.middlewares.safety.OffsiteLogMiddleware": 50,
    "newscrawl.middlewares.safety.DownloadFaultMiddleware": 540,  # below the retry: sees only give-ups
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "newscrawl.middlewares.safety.BoundedHttpCompressionMiddleware": 590,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "newscrawl.middlewares.safety.SafeRedirectMiddleware": 600,
    "newscrawl.archive.middleware.ArchiveMiddleware": 950,  # beside the handler: sees bodies as received
}
SPIDER_MIDDLEWARES = {
    # Link depth means nothing to a crawl driven by feeds and sitemaps (sitemap nesting is limited by the
    # spider itself), and the middleware wraps every callback's output: 1.5% of the crawl process's CPU.
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    # Only with NEWSCRAWL_REDIS_URL: a leased request is done when its callback ends without a record.
    "newscrawl.cluster.middleware.LeaseMiddleware": 900,
}
DOWNLOAD_HANDLERS = {
    "http": "newscrawl.downloader.origin.OriginMapDownloadHandler",
    "https": "newscrawl.downloader.origin.OriginMapDownloadHandler",
}

# --- the crawl ----------------------------------------------------------------------------------------------
# Worker processes for extraction: "auto" = one per spare core (at most 3), 0 = in the crawl process.
NEWSCRAWL_EXTRACT_PROCESSES = "auto"
# Article requests waiting in Scrapy's scheduler at most; later discoveries wait as bare URLs (0: no limit;
# a JOBDIR job has none, since its queue on disk is what makes it resumable).
NEWSCRAWL_QUEUED_ARTICLES = 256
# Besides the feeds and sitemaps a portal module registers, read robots.txt Sitemap: lines, home-page feeds.
NEWSCRAWL_DECLARED_DISCOVERY = True
NEWSCRAWL_SINGLE_PAGE = True  # ask for the portal's all-pages view; False follows page links instead
NEWSCRAWL_ORIGIN_MAP: dict[str, str] = {}  # host -> origin, for a local mirror or the test server
# Hosts ("host" or "host:port") that may be loopback/private addresses; only the tests set it (their server)
NEWSCRAWL_ALLOW_PRIVATE_HOSTS: list[str] = []

# --- web archives (README "Web archives") --------------------------------------------------------------
NEWSCRAWL_ARCHIVE_DIR = None  # a folder: write every response, with its request, to rotating .warc.gz files
NEWSCRAWL_ARCHIVE_MAX_BYTES = 100_000_000  # a file is closed and a new one begun once it reaches this size
NEWSCRAWL_REPLAY = None  # folder, file or glob of .warc.gz/.wacz: answer every request from it, not the net
# A replay asks nothing of a server: no politeness delays unless set with -s (README "Web archives").
ADDONS = {
    "newscrawl.downloader.replay.ReplayPoliteness": 0,
    "newscrawl.cluster.addon.ClusterAddon": 10,  # NEWSCRAWL_REDIS_URL set: scrapy-redis (see below)
}

# --- output ------------------------------------------------------------------------------------------
from newscrawl.pipelines import ITEM_PIPELINES  # noqa: E402, F401 - normalise, validate, dedupe, write

NEWSCRAWL_OUTPUT_DIR = "output"
# A chunk of output is made final (renamed, recorded in the seen-store) every this many records per portal,
# or when it is this many seconds old, whichever comes first: a kill loses at most one chunk (0: no limit).
NEWSCRAWL_COMMIT_RECORDS = 500
NEWSCRAWL_COMMIT_SECONDS = 60
NEWSCRAWL_STATE_DIR = "state"
# Stories (README "Stories"): near-duplicates across portals under one story_id; mark, drop or off.
NEWSCRAWL_NEAR_DUPLICATES = "mark"
NEWSCRAWL_STORY_DAYS = 14  # records first seen this many days ago or later are matched; older are pruned
NEWSCRAWL_STORY_THRESHOLD = 0.5  # estimated Jaccard similarity of word 3-shingles to join a story
# --- several machines (README "Running on several machines") ----------------------------------------------
# redis://host:port/db (or the NEWSCRAWL_REDIS_URL environment variable): one shared frontier, duplicate
# filter, seen-store and story index for every worker; unset, newscrawl runs on one machine as before.
NEWSCRAWL_REDIS_URL = os.environ.get("NEWSCRAWL_REDIS_URL") or None
NEWSCRAWL_WORKER_ID = None  # default <host>-<pid>; names the worker in Redis, output files and run summaries
NEWSCRAWL_HEARTBEAT_SECONDS = 5.0  # a worker silent for three beats is dead: its requests are put back
NEWSCRAWL_DISCOVERY_INTERVAL = 600  # seconds: a portal's feeds and sitemaps are read once per this cycle
NEWSCRAWL_DUPEFILTER_HOURS = 24  # a request is filtered when any worker enqueued it within about this long
FEED_EXPORT_ENCODING = "utf-8"  # `scrapy crawl detik -O x.jsonl` writes real characters, not \u escapes

# --- unattended operation (README "Running unattended") ---------------------------------------------------
EXTENSIONS = {
    "newscrawl.extensions.summary.RunSummary": 500,  # <OUTPUT_DIR>/_runs/<run-id>.json per crawl
    "newscrawl.extensions.loglevel.RootLevelFromHandlers": 510,  # no DEBUG records built only to be dropped
    "newscrawl.cluster.extension.ClusterExtension": 520,  # only with NEWSCRAWL_REDIS_URL: leases, heartbeat
}
NEWSCRAWL_REFETCH_SEEN = False  # True: request article URLs again even when the seen-store has them
NEWSCRAWL_FAIL_FALLBACK_SHARE = 0.5  # a run fails a portal when more of its articles (3+) used the fallback

LOG_LEVEL = "INFO"
