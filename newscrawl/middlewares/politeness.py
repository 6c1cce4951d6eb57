"""Politeness Scrapy does not do on its own: robots.txt Crawl-delay, and retries that back off.

Scrapy's RobotsTxtMiddleware obeys Allow/Disallow but ignores Crawl-delay, and its RetryMiddleware retries
at once. Here a retried request carries a ``not before`` time (exponential backoff, or the server's
``Retry-After`` up to a cap) and the delay middleware holds it until then.

A request that fails on the network is logged once, with its URL and the reason: by the spider's errback,
or here for a robots.txt (Scrapy logs a robots.txt it cannot fetch with two chained tracebacks, and every
retry that gives up with a line of its own).
"""

from __future__ import annotations

import asyncio
import logging
import time
from email.utils import parsedate_to_datetime

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newscrawl.middlewares.safety import describe_failure, is_network_failure

logger = logging.getLogger(__name__)
NOT_BEFORE = "newscrawl_not_before"
"""``request.meta`` key: the wall-clock time (``time.time()``) before which a retried request waits. Wall
clock, not monotonic: in a cluster the retry goes back to the shared queue and may run on another machine."""
DELAY_STATS = {
    "download_slot": "newscrawl/delays/download_slot",
    "crawl_delay": "newscrawl/delays/crawl_delay",
    "backoff": "newscrawl/delays/backoff",
}
"""Seconds of politeness delay the crawl scheduled, by cause: the download slot's delay (``DOWNLOAD_DELAY``,
AutoThrottle) in force as each request entered it, robots.txt ``Crawl-delay`` waits, retry backoff waits."""


def retry_after_seconds(response: Response) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or HTTP date), or None."""
    value = response.headers.get(b"Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware whose retries wait: base * 2**n seconds, or Retry-After capped at the maximum."""

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_MAX", 120.0)

    def _delay(self, request: Request, response: Response | None) -> float:
        asked = retry_after_seconds(response) if response is not None else None
        if asked is not None:
            if asked > self.cap:
                self.crawler.stats.inc_value("newscrawl/retry_after_capped")
            return min(asked, self.cap)
        return min(self.base * 2 ** request.meta.get("retry_times", 0), self.cap)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            result.meta[NOT_BEFORE] = time.time() + self._delay(request, response)
            self.crawler.stats.inc_value(f"newscrawl/retry/{response.status}")
        return result

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        # Giving up on a network failure is not logged here: the request's own line (its errback, or the
        # robots.txt middleware) names the URL and the reason once. Synchronous, so restoring is safe.
        level, self.give_up_log_level = self.give_up_log_level, logging.DEBUG
        try:
            result = super().process_exception(request, exception)
        finally:
            self.give_up_log_level = level
        if isinstance(result, Request):
            result.meta[NOT_BEFORE] = time.time() + self._delay(request, None)
        return result


class CrawlDelayRobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware that also honours ``Crawl-delay`` by spacing requests to that host."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._next_slot: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._max_delay = crawler.settings.getfloat("NEWSCRAWL_MAX_CRAWL_DELAY", 60.0)

    async def process_request(self, request: Request) -> None:
        await super().process_request(request)
        if request.meta.get("dont_obey_robotstxt"):
            return
        netloc = urlparse_cached(request).netloc
        delay = self._crawl_delay(netloc, await self.robot_parser(request))
        if not delay:
            return
        now = time.monotonic()
        start = max(now, self._next_slot.get(netloc, now))
        self._next_slot[netloc] = start + delay
        if start > now:
            self.crawler.stats.inc_value(DELAY_STATS["crawl_delay"], start - now)
            await asyncio.sleep(start - now)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        """Scrapy's, except for how a failure is logged: a robots.txt that cannot be fetched is one line with
        its URL and the reason (the host is then crawled as if it allowed everything, as in Scrapy); an
        error in parsing it is logged with its traceback, as an error in the code must be."""
        parts = urlparse_cached(request)
        netloc = parts.netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robots = Request(
                f"{parts.scheme}://{netloc}/robots.txt",
                priority=self.DOWNLOAD_PRIORITY,
                meta={"dont_obey_robotstxt": True},
                callback=NO_CALLBACK,
            )
            try:
                response = await self.crawler.engine.download_async(robots)
            except Exception as exc:
                self._log_failure(robots, exc)
                self._robots_error(exc, netloc)
            else:
                try:
                    await self._parse_robots(response, netloc, request)
                except Exception as exc:
                    logger.exception("robots.txt %s could not be read", robots.url)
                    if isinstance(self._parsers[netloc], Deferred):  # still awaited by other requests
                        self._robots_error(exc, netloc)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    def _log_failure(self, robots: Request, exc: Exception) -> None:
        if isinstance(exc, IgnoreRequest):
            return  # refused on purpose (a private address, offsite): the refusing middleware says so
        if is_network_failure(exc):
            host = urlparse_cached(robots).netloc
            reason = describe_failure(exc)
            logger.warning("robots.txt %s failed: %s; %s is crawled without it", robots.url, reason, host)
        else:
            logger.error("robots.txt %s failed", robots.url, exc_info=exc)

    def _crawl_delay(self, netloc: str, parser: object) -> float:
        if netloc in self._delays:
            return self._delays[netloc]
        if parser is None or not hasattr(parser, "rp"):
            return 0.0  # robots.txt unavailable: no delay asked for
        delay = 0.0
        try:
            delay = float(parser.rp.crawl_delay(self._robotstxt_useragent or self._default_useragent) or 0)
        except (AttributeError, TypeError, ValueError):
            delay = 0.0
        delay = min(delay, self._max_delay)
        if delay:
            logger.info("robots.txt of %s asks for Crawl-delay %.1f s", netloc, delay)
            self.crawler.stats.set_value(f"newscrawl/crawl_delay/{netloc}", delay)
        self._delays[netloc] = delay
        return delay


class RequestDelayMiddleware:
    """Holds a request until its ``newscrawl_not_before`` time (set by the backoff retry), and keeps the
    :data:`DELAY_STATS`: what politeness cost, for a replay to show it cost nothing."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.request_reached_downloader, signal=signals.request_reached_downloader)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RequestDelayMiddleware:
        return cls(crawler)

    def spider_opened(self) -> None:
        for key in DELAY_STATS.values():
            self.crawler.stats.set_value(key, 0.0)

    def request_reached_downloader(self, request: Request) -> None:
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(request.meta.get("download_slot") or downloader.get_slot_key(request))
        if slot is not None and slot.delay > 0:
            self.crawler.stats.inc_value(DELAY_STATS["download_slot"], slot.delay)

    async def process_request(self, request: Request) -> None:
        wait = request.meta.get(NOT_BEFORE, 0) - time.time()
        if wait > 0:
            self.crawler.stats.inc_value(DELAY_STATS["backoff"], wait)
            await asyncio.sleep(wait)
