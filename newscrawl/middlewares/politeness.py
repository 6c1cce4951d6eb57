"""Politeness Scrapy does not do on its own: robots.txt Crawl-delay, and retries that back off.

Scrapy's RobotsTxtMiddleware obeys Allow/Disallow but ignores Crawl-delay, and its RetryMiddleware retries
at once. Here a retried request carries a ``not before`` time (exponential backoff, or the server's
``Retry-After`` up to a cap) and the delay middleware holds it until then.
"""

from __future__ import annotations

import asyncio
import logging
import time
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)
NOT_BEFORE = "newscrawl_not_before"


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
            result.meta[NOT_BEFORE] = time.monotonic() + self._delay(request, response)
            self.crawler.stats.inc_value(f"newscrawl/retry/{response.status}")
        return result

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            result.meta[NOT_BEFORE] = time.monotonic() + self._delay(request, None)
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
            await asyncio.sleep(start - now)

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
    """Holds a request until its ``newscrawl_not_before`` time (set by the backoff retry)."""

    async def process_request(self, request: Request) -> None:
        wait = request.meta.get(NOT_BEFORE, 0) - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
