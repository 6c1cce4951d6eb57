"""What a hostile server or link cannot make the crawl do, and stats that name what it tried.

* :class:`SafeAddressMiddleware` refuses requests to loopback, private, link-local, reserved and multicast
  addresses (``newscrawl/refused/private_address``): links in feeds and sitemaps, and redirect targets,
  which Scrapy schedules as new requests. ``NEWSCRAWL_ALLOW_PRIVATE_HOSTS`` lists the exceptions.
* :class:`OffsiteLogMiddleware` is Scrapy's offsite filter (``offsite/filtered``; redirects included) that
  names each refused domain once in the log.
* :class:`SafeRedirectMiddleware` stops a redirect loop at once (``newscrawl/refused/redirect_loop``) and
  counts a chain longer than ``REDIRECT_MAX_TIMES`` (``newscrawl/refused/redirect_limit``).
* :class:`BoundedHttpCompressionMiddleware` counts a compressed body that would inflate past
  ``DOWNLOAD_MAXSIZE`` (a gzip bomb) as ``newscrawl/download_errors/too_large``.
* :class:`DownloadFaultMiddleware` counts each download that finally failed, after retries, by kind:
  ``newscrawl/download_errors/<timeout|too_large|truncated|connection_lost|...>``.

The spider's errback logs each failed request once; these classes log only what has no errback. A network
failure is one line naming the URL and the reason (:func:`describe_failure`), never a traceback;
:func:`is_network_failure` tells it from an error in the code, whose traceback must be seen.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotSupported,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import ConnectError, ConnectionDone, ConnectionLost
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from w3lib.url import canonicalize_url

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
RESOLVE_TIMEOUT = 2.0  # seconds; a name that does not resolve in time is let through (its download fails)
_MAX_CACHED = 4096


def literal_address(host: str) -> IPAddress | None:
    """The address a host name spells literally: dotted or IPv6, and the legacy IPv4 forms resolvers
    still accept (``127.1``, ``2130706433``, ``0x7f000001``). None for a DNS name."""
    host = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host) and host[0].isdigit():
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def is_forbidden(address: IPAddress) -> bool:
    """Loopback, private, link-local, shared, reserved, unspecified or multicast: not the public web."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def is_local_name(host: str) -> bool:
    return host in LOCAL_NAMES or host.endswith(".localhost")


def _resolve(host: str, port: int) -> list[IPAddress]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found = (literal_address(str(info[4][0])) for info in infos)
    return [a for a in found if a is not None]


class SafeAddressMiddleware:
    """Refuse any request whose host is, or resolves to, an address that is not on the public web.

    Literal addresses and local names are refused as they are scheduled (before robots.txt is fetched
    for them). DNS names are resolved once per host, with a timeout, when the request reaches the
    downloader; a name that fails to resolve is let through (its download fails anyway). Hosts routed by
    ``NEWSCRAWL_ORIGIN_MAP`` are not resolved: their bytes come from the mapped origin, an operator setting.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.allowed = {h.strip().lower() for h in settings.getlist("NEWSCRAWL_ALLOW_PRIVATE_HOSTS")}
        origin_map = {h.lower() for h in settings.getdict("NEWSCRAWL_ORIGIN_MAP")}
        self.mapped_all = "*" in origin_map
        self.mapped = origin_map
        self.resolve_timeout = RESOLVE_TIMEOUT
        self._resolved: dict[str, bool] = {}
        self._logged: set[str] = set()
        crawler.signals.connect(self.request_scheduled, signal=signals.request_scheduled)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafeAddressMiddleware:
        return cls(crawler)

    def request_scheduled(self, request: Request) -> None:
        self._check_literal(request)

    async def process_request(self, request: Request) -> None:
        host = self._check_literal(request)
        if host is None or self.mapped_all or host in self.mapped:
            return
        forbidden = self._resolved.get(host)
        if forbidden is None:
            parts = urlparse_cached(request)
            port = parts.port or (80 if parts.scheme == "http" else 443)
            forbidden = await self._resolves_to_forbidden(host, port)
            if len(self._resolved) >= _MAX_CACHED:
                self._resolved.clear()
            self._resolved[host] = forbidden
        if forbidden:
            self._refuse(request, host, "resolves to a private address")

    def _check_literal(self, request: Request) -> str | None:
        """Refuse a literal private address or local name; return the host name left to resolve."""
        parts = urlparse_cached(request)
        host = (parts.hostname or "").lower().rstrip(".")
        if not host or self._is_allowed(host, parts.port):
            return None
        address = literal_address(host)
        if is_local_name(host) or (address is not None and is_forbidden(address)):
            self._refuse(request, host, "private address")
        return None if address is not None else host

    def _is_allowed(self, host: str, port: int | None) -> bool:
        name = f"[{host}]" if ":" in host else host
        return name in self.allowed or (port is not None and f"{name}:{port}" in self.allowed)

    async def _resolves_to_forbidden(self, host: str, port: int) -> bool:
        try:
            addresses = await asyncio.wait_for(asyncio.to_thread(_resolve, host, port), self.resolve_timeout)
        except (OSError, UnicodeError, TimeoutError):
            return False
        return any(is_forbidden(a) for a in addresses)

    def _refuse(self, request: Request, host: str, why: str) -> None:
        self.crawler.stats.inc_value("newscrawl/refused/private_address")
        if host not in self._logged:
            self._logged.add(host)
            logger.warning(
                "Refused %s (%s %s); further requests to it are refused silently", request.url, why, host
            )
        raise IgnoreRequest(f"refused: {why} {host}")


class OffsiteLogMiddleware(OffsiteMiddleware):
    """Scrapy's offsite filter, which logs at DEBUG only: a redirect off the portal would lose an article
    without a word at the default log level. Each refused domain is named once, at WARNING."""

    def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        first = host not in self.domains_seen
        try:
            super().process_request(request)
        except IgnoreRequest:
            address = literal_address(host)
            private = is_local_name(host) or (address is not None and is_forbidden(address))
            if first and host and not private:  # a private address is named by SafeAddressMiddleware
                logger.warning("Not following %s: %s is outside the portal's domains", request.url, host)
            raise


class SafeRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, with a loop refused at its first repeat and both refusals counted.

    Without this, a loop ends in the scheduler's duplicate filter: the article is lost without a word.
    """

    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            result = super().process_response(request, response)
        except IgnoreRequest as exc:  # the only one Scrapy raises here: too many redirects
            self.crawler.stats.inc_value("newscrawl/refused/redirect_limit")
            first = request.meta.get("redirect_urls", [request.url])[0]
            raise IgnoreRequest(f"more than {self.max_redirect_times} redirects from {first}") from exc
        if isinstance(result, Request):
            chain = [*request.meta.get("redirect_urls", []), request.url]
            if canonicalize_url(result.url) in {canonicalize_url(u) for u in chain}:
                self.crawler.stats.inc_value("newscrawl/refused/redirect_loop")
                raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, result.url])}")
        return result


class BoundedHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression (bounded by ``DOWNLOAD_MAXSIZE``), with the refused bomb counted."""

    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest:
            if self.stats:
                self.stats.inc_value("newscrawl/download_errors/too_large")
            raise


_FAULT_KINDS: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    (DownloadTimeoutError, "timeout"),
    (DownloadCancelledError, "too_large"),  # Scrapy cancels a download only for DOWNLOAD_MAXSIZE
    (ResponseDataLossError, "truncated"),
    (DownloadConnectionRefusedError, "connection_refused"),
    (CannotResolveHostError, "dns"),
    ((DownloadFailedError, ConnectionLost, ConnectionDone), "connection_lost"),
)


def fault_kind(exception: BaseException) -> str | None:
    """The stat name of a download failure, or None for a refusal (counted where it was refused)."""
    if isinstance(exception, IgnoreRequest):
        return None
    for classes, kind in _FAULT_KINDS:
        if isinstance(exception, classes):
            return kind
    return "other"


_REASONS = {
    "timeout": "timeout",
    "too_large": "response too large",
    "truncated": "response truncated",
    "connection_refused": "connection refused",
    "dns": "DNS lookup failed",
    "connection_lost": "connection lost",
}
_NETWORK_ERRORS = (ConnectError, TwistedTimeoutError, OSError, NotSupported)
"""Failures of the network or of the connection set-up that Scrapy does not wrap in its own exceptions
(no route to host, TLS, a body that does not decompress, a scheme no handler serves)."""


def is_network_failure(exception: BaseException) -> bool:
    """A refused request or a failure of the network, the server or the connection: an expected event
    logged as one line. Anything else that reaches an errback is an error in the code."""
    kind = fault_kind(exception)
    return kind != "other" or isinstance(exception, _NETWORK_ERRORS)


def describe_failure(exception: BaseException) -> str:
    """A short reason for a log line: ``connection refused``, ``DNS lookup failed``, ``timeout``, ..."""
    reason = _REASONS.get(fault_kind(exception) or "")
    return reason or str(exception) or type(exception).__name__


_SILENT_FAULTS: dict[type[Exception], str] = {
    DownloadCancelledError: "response larger than DOWNLOAD_MAXSIZE ({maxsize} bytes): download cancelled",
    ResponseDataLossError: "response body shorter than its Content-Length: the connection was closed early",
    DownloadFailedError: "download failed: the connection was lost",
    DownloadTimeoutError: "no complete response within DOWNLOAD_TIMEOUT ({timeout} s)",
}
"""Messages for Scrapy's download exceptions that come without one (the log would say only "failed:")."""


class DownloadFaultMiddleware:
    """Count downloads that failed for good (placed below the retry middleware: it sees only give-ups),
    and give a reason to a failure that has none, so the errback's log line says what went wrong. An
    exception that is no network failure (a bug in a middleware or handler) is logged with its traceback."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DownloadFaultMiddleware:
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        kind = fault_kind(exception)
        if kind is None:
            return
        self.crawler.stats.inc_value(f"newscrawl/download_errors/{kind}")
        if not is_network_failure(exception):  # an error in the code: the errback's line would hide it
            logger.error("Downloading %s raised an error", request.url, exc_info=exception)
        message = _SILENT_FAULTS.get(type(exception))
        if message is not None and not str(exception):
            settings = self.crawler.settings
            maxsize = request.meta.get("download_maxsize", settings.getint("DOWNLOAD_MAXSIZE"))
            timeout = request.meta.get("download_timeout", settings.getfloat("DOWNLOAD_TIMEOUT"))
            raise type(exception)(message.format(maxsize=maxsize, timeout=timeout)) from exception
