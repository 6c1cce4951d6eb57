"""Scrapy settings for newscrawl. Every newscrawl setting has the ``NEWSCRAWL_`` prefix; see the README."""

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# --- identity and politeness ------------------------------------------------------------------------------
USER_AGENT = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl; news archiving crawler)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
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
}
DOWNLOAD_HANDLERS = {
    "http": "newscrawl.downloader.origin.OriginMapDownloadHandler",
    "https": "newscrawl.downloader.origin.OriginMapDownloadHandler",
}

# --- the crawl ----------------------------------------------------------------------------------------------
NEWSCRAWL_SINGLE_PAGE = True  # ask for the portal's all-pages view; False follows page links instead
NEWSCRAWL_ORIGIN_MAP: dict[str, str] = {}  # host -> origin, for a local mirror or the test server

# --- output ------------------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "newscrawl.pipelines.normalise.NormalisePipeline": 100,
    "newscrawl.pipelines.validate.ValidatePipeline": 200,
    "newscrawl.pipelines.dedupe.DedupePipeline": 300,
    "newscrawl.pipelines.jsonl.JsonlWriterPipeline": 900,
}
NEWSCRAWL_OUTPUT_DIR = "output"
NEWSCRAWL_STATE_DIR = "state"
FEED_EXPORT_ENCODING = "utf-8"  # `scrapy crawl detik -O x.jsonl` writes real characters, not \u escapes

LOG_LEVEL = "INFO"
