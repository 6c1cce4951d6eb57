"""A fault-injection HTTP server: a replica portal whose responses a test can turn bad.

Routes come from :class:`tests.support.replica.ReplicaSite` (the crawl reaches them through
``NEWSCRAWL_ORIGIN_MAP``). A :class:`Fault` registered for a URL answers in its place: an error status,
a reset connection, a stall, a truncated, dripping or endless body, a redirect. A fault may be limited to
its first ``times`` requests, after which the normal route answers. Every loop is bounded in bytes and in
seconds, and ends at once when the server stops, so a test can never hang on its own server.
"""

from __future__ import annotations

import gzip
import io
import socket
import struct
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.support.replica import ReplicaSite, Route

MAX_FAULT_SECONDS = 20.0
"""No fault keeps a connection open longer than this, whatever the client does."""


def url_key(url: str) -> str:
    """The server path (without the leading slash) the origin map gives a portal URL."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")


class Handler(BaseHTTPRequestHandler):
    server: FaultHTTPServer

    def do_GET(self) -> None:
        key = self.path.lstrip("/")
        faults = self.server.faults
        faults.log(key)
        fault = faults.fault_for(key)
        if fault is not None and fault.take():
            fault.respond(self, faults.stopping)
            return
        route = faults.site.lookup(key) or Route(b"<html><body><h1>404</h1></body></html>", status=404)
        if route.delay:  # a slow site (tests that act mid-crawl)
            faults.stopping.wait(min(route.delay, MAX_FAULT_SECONDS))
        self.send_route(route)

    def send_route(self, route: Route) -> None:
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        if "Content-Length" not in route.headers:
            self.send_header("Content-Length", str(len(route.body)))
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.end_headers()
        with suppress(OSError):
            self.wfile.write(route.body)

    def log_message(self, *args: object) -> None:
        pass


class FaultHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    faults: FaultServer


@dataclass
class Fault:
    """Answer a request badly; with ``times`` set, only the first ``times`` requests."""

    times: int | None = field(default=None, kw_only=True)
    served: int = field(default=0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def take(self) -> bool:
        with self._lock:
            if self.times is not None and self.served >= self.times:
                return False
            self.served += 1
            return True

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        raise NotImplementedError


@dataclass
class Status(Fault):
    """An error status (500, 503, 429, ...) with extra headers such as ``Retry-After``."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        body = f"<html><body><h1>{self.status}</h1></body></html>".encode()
        handler.send_route(Route(body, status=self.status, headers=self.headers))


@dataclass
class Reset(Fault):
    """Close the connection with a TCP reset before any response."""

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True
        for stream in (handler.rfile, handler.wfile):
            with suppress(OSError):
                stream.close()
        handler.connection.close()  # the last reference: the socket closes now, with a reset
        handler.wfile = io.BytesIO()  # what the handler still flushes after us goes nowhere


@dataclass
class Stall(Fault):
    """Say nothing for ``seconds`` (past the client's download timeout), then close."""

    seconds: float = 8.0

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        stopping.wait(min(self.seconds, MAX_FAULT_SECONDS))
        handler.close_connection = True


@dataclass
class Truncate(Fault):
    """Promise ``Content-Length`` bytes, send only the first ``sent`` of ``body``, close."""

    body: bytes
    sent: int

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(self.body)))
        handler.end_headers()
        with suppress(OSError):
            handler.wfile.write(self.body[: self.sent])
            handler.wfile.flush()
        handler.close_connection = True


@dataclass
class Drip(Fault):
    """A valid page sent one byte every ``interval`` seconds: the whole download outlasts the timeout."""

    body: bytes
    interval: float = 0.2

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(self.body)))
        handler.end_headers()
        deadline = time.monotonic() + MAX_FAULT_SECONDS
        for i in range(len(self.body)):
            if stopping.wait(self.interval) or time.monotonic() > deadline:
                break
            try:
                handler.wfile.write(self.body[i : i + 1])
                handler.wfile.flush()
            except OSError:
                break  # the client gave up
        handler.close_connection = True


@dataclass
class Endless(Fault):
    """A 200 whose body never ends (no ``Content-Length``): HTML, then filler until the client leaves."""

    chunk: bytes = b"<p>" + b"tanpa akhir " * 5000 + b"</p>\n"
    max_bytes: int = 256 * 1024 * 1024

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.end_headers()
        sent, deadline = 0, time.monotonic() + MAX_FAULT_SECONDS
        with suppress(OSError):
            handler.wfile.write(b"<html><body>")
            while sent < self.max_bytes and time.monotonic() < deadline and not stopping.is_set():
                handler.wfile.write(self.chunk)
                sent += len(self.chunk)
        handler.close_connection = True


@dataclass
class Redirect(Fault):
    """A redirect to ``location`` (an absolute portal URL, or anywhere)."""

    location: str
    status: int = 302

    def respond(self, handler: Handler, stopping: threading.Event) -> None:
        handler.send_route(Route(b"", status=self.status, headers={"Location": self.location}))


@cache
def gzip_bomb(size: int, head: bytes = b"") -> bytes:
    """``head`` then ``size`` spaces, gzipped: about 1 KB on the wire per MB inflated.

    Built as identical gzip members (a valid gzip stream), so a 1 GB bomb takes milliseconds to make.
    """
    block = 1024 * 1024
    member = gzip.compress(b" " * block, compresslevel=9)
    return gzip.compress(head) + member * (size // block)


class FaultServer:
    """A replica site plus faults, served on 127.0.0.1 at a free port while ``serve()`` is open."""

    def __init__(self, site: ReplicaSite | None = None) -> None:
        self.site = site or ReplicaSite()
        self.faults: dict[str, Fault] = {}
        self.hits: dict[str, list[float]] = defaultdict(list)
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self.origin = ""

    def add(self, url: str, route: Route) -> None:
        self.site.add(url, route)

    def fault(self, url: str, fault: Fault) -> None:
        self.faults[url_key(url)] = fault

    def fault_for(self, key: str) -> Fault | None:
        return self.faults.get(key) or self.faults.get(key.split("?", 1)[0])

    def log(self, key: str) -> None:
        with self._lock:
            self.hits[key].append(time.monotonic())

    def times(self, url: str) -> list[float]:
        """When the server was asked for this URL (with or without its query string)."""
        key = url_key(url).split("?", 1)[0]
        with self._lock:
            return sorted(t for k, ts in self.hits.items() for t in ts if k.split("?", 1)[0] == key)

    def requested(self, needle: str) -> list[str]:
        """Every path asked for that contains ``needle``."""
        with self._lock:
            return [k for k in self.hits if needle in k]

    @contextmanager
    def serve(self) -> Iterator[str]:
        server = FaultHTTPServer(("127.0.0.1", 0), Handler)
        server.faults = self
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.origin = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            yield self.origin
        finally:
            self.stopping.set()
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
