"""Extraction off the crawl process: worker processes parse while the crawl process keeps fetching.

Scrapy's own per-request work and newscrawl's extraction cost about the same CPU per article, and in one
process both are bound to one core. ``NEWSCRAWL_EXTRACT_PROCESSES`` workers (default ``"auto"``: one fewer
than the usable cores, at most 3; ``0``: extract in the crawl process) run the same
:func:`~newscrawl.extraction.core.extract_article` that ``newscrawl extract`` calls.

Each worker is a plain child process (:mod:`newscrawl.extraction.worker`) joined to the crawl by two pipes
that the event loop reads and writes without blocking. No helper threads run in the crawl process: they
would compete with the reactor for the GIL. A worker exits as soon as its input pipe closes, so a crawl
killed by SIGKILL leaves nothing running. A worker that dies is replaced (up to
:data:`MAX_RESTARTS` times per crawl); the articles it held are extracted in the crawl process, so none is
lost.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import pickle
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.extraction.worker import HEADER, frame
from newscrawl.items import ArticleItem
from newscrawl.portals.base import Portal

logger = logging.getLogger(__name__)

MAX_AUTO_PROCESSES = 3
MAX_RESTARTS = 3
"""Workers started after the first ones died; beyond that the crawl extracts in its own process."""
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])
WORKER_COMMAND = (sys.executable, "-m", "newscrawl.extraction.worker")


class WorkerDied(Exception):
    """The worker holding a task exited before answering it."""


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_count(setting: Any) -> int:
    """``NEWSCRAWL_EXTRACT_PROCESSES`` as a number: ``"auto"`` means one per spare core, at most 3."""
    if setting is None or str(setting).strip().lower() == "auto":
        return max(0, min(usable_cpus() - 1, MAX_AUTO_PROCESSES))
    try:
        return max(0, int(setting))
    except ValueError:
        raise ValueError(f"NEWSCRAWL_EXTRACT_PROCESSES must be a number or 'auto', not {setting!r}") from None


class _Frames(asyncio.Protocol):
    """Reads answer frames from a worker's stdout and resolves the matching futures."""

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= HEADER.size:
            (size,) = HEADER.unpack_from(self.buffer)
            end = HEADER.size + size
            if len(self.buffer) < end:
                return
            payload = bytes(self.buffer[HEADER.size : end])
            del self.buffer[:end]
            self.worker.answered(*pickle.loads(payload))

    def connection_lost(self, exc: Exception | None) -> None:
        self.worker.lost()


class _Worker:
    def __init__(self, process: subprocess.Popen, name: str) -> None:
        self.process = process
        self.name = name
        self.pending: dict[int, asyncio.Future] = {}
        self.alive = True
        self.writer: asyncio.WriteTransport | None = None

    @classmethod
    async def start(cls, number: int, command: Sequence[str]) -> _Worker:
        paths = [_PROJECT_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            close_fds=True,
        )
        worker = cls(process, f"extraction worker {number} (pid {process.pid})")
        loop = asyncio.get_running_loop()
        assert process.stdin is not None and process.stdout is not None
        worker.writer, _ = await loop.connect_write_pipe(asyncio.Protocol, process.stdin)
        await loop.connect_read_pipe(lambda: _Frames(worker), process.stdout)
        return worker

    def submit(self, task_id: int, task: bytes) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.pending[task_id] = future
        assert self.writer is not None
        self.writer.write(task)
        return future

    def answered(self, task_id: int, ok: bool, value: Any) -> None:
        future = self.pending.pop(task_id, None)
        if future is None or future.done():
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def lost(self) -> None:
        """The worker's output closed: it exited. Whatever it still held fails with WorkerDied."""
        if not self.alive:
            return
        self.alive = False
        try:
            code = self.process.wait(1.0)  # its output is closed: it is exiting, if not already gone
        except subprocess.TimeoutExpired:
            code = None
        held = [f for f in self.pending.values() if not f.done()]
        logger.error(
            "%s exited (status %s); the %d articles it held are extracted in the crawl process",
            self.name,
            code,
            len(held),
        )
        for future in held:
            future.set_exception(WorkerDied(f"{self.name} exited (status {code})"))
        self.pending.clear()

    def stop(self, timeout: float = 5.0) -> None:
        """Close the worker's input (it exits after its current task) and reap it."""
        self.alive = False
        # abort(), not close(): close() shuts the pipe only on a later turn of the event loop, and this runs
        # inside a signal handler that then waits for the worker. abort() drops the loop's interest in the
        # pipe at once, so closing it here (the worker's end of input) is safe.
        try:
            if self.writer is not None and not self.writer.is_closing():
                self.writer.abort()
        except RuntimeError:  # its event loop is already closed
            pass
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for future in self.pending.values():
            future.cancel()
        self.pending.clear()


class ExtractionPool:
    _shared: ClassVar[ExtractionPool | None] = None
    """The pool of this crawl process: ``newscrawl run`` crawls every portal side by side in one process,
    and one worker per portal would mean 22 workers on two cores."""

    def __init__(self, processes: int, command: Sequence[str] = WORKER_COMMAND) -> None:
        self.processes = processes
        self.command = tuple(command)
        self.users = 0
        self.restarts_left = MAX_RESTARTS
        self._workers: list[_Worker] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._starting: asyncio.Task | None = None
        self._ids = itertools.count()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractionPool:
        """The process's shared pool, started if need be; it closes when the last spider using it closes."""
        pool = cls._shared
        if pool is None:
            pool = cls._shared = cls(
                worker_count(crawler.settings.get("NEWSCRAWL_EXTRACT_PROCESSES", "auto"))
            )
        pool.users += 1
        crawler.signals.connect(pool.release, signal=signals.spider_closed)
        return pool

    def release(self) -> None:
        self.users -= 1
        if self.users <= 0:
            self.close()
            if ExtractionPool._shared is self:
                ExtractionPool._shared = None

    async def extract(self, pages: Sequence[FetchedPage], portal: Portal) -> ArticleItem:
        """``extract_article`` in a worker process; in this process when there are none or one died."""
        worker = await self._worker()
        if worker is None:
            return extract_article(pages, portal)
        task_id = next(self._ids)
        try:
            return await worker.submit(task_id, frame((task_id, list(pages), portal)))
        except WorkerDied:  # logged once by the worker
            return extract_article(pages, portal)

    async def _worker(self) -> _Worker | None:
        """The live worker with the fewest tasks in hand, starting or replacing workers as needed."""
        if self.processes <= 0:
            return None
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # a new event loop (tests run several): the pipes belong to the old one
            self.close()
            self._loop = loop
        live = [w for w in self._workers if w.alive]
        if len(live) < self.processes:
            live = await self._replenish()
        return min(live, key=lambda w: len(w.pending)) if live else None

    async def _replenish(self) -> list[_Worker]:
        # One start at a time: concurrent callers wait for it rather than each starting workers.
        if self._starting is None:
            self._starting = asyncio.ensure_future(self._start_missing())
        try:
            await asyncio.shield(self._starting)
        finally:
            if self._starting is not None and self._starting.done():
                self._starting = None
        return [w for w in self._workers if w.alive]

    async def _start_missing(self) -> None:
        first_start = not self._workers
        self._workers = [w for w in self._workers if w.alive]
        for _ in range(self.processes - len(self._workers)):
            if not first_start:
                if self.restarts_left <= 0:
                    logger.error("extraction workers keep dying; extracting in the crawl process from now on")
                    self.processes = 0
                    return
                self.restarts_left -= 1
            try:
                self._workers.append(await _Worker.start(len(self._workers) + 1, self.command))
            except OSError as exc:
                logger.error("cannot start an extraction worker (%s); extracting in the crawl process", exc)
                self.processes = 0
                return

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []
