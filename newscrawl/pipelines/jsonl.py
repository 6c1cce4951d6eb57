"""Write records as JSON Lines in chunks: ``<OUTPUT_DIR>/<portal>/<YYYY-MM-DD>/<run-id>-0001.jsonl``.

The date is the run's start date in UTC, so one run writes one folder per portal even across midnight.
Records go to ``<chunk>.jsonl.part``; every ``NEWSCRAWL_COMMIT_RECORDS`` records or
``NEWSCRAWL_COMMIT_SECONDS`` seconds (whichever comes first; a timer fires even when no record arrives),
and when the crawl closes, the chunk is fsync'ed, renamed to its final name and announced with
``records_committed``, which the seen-store records with the chunk's URLs in one transaction. So a crash
leaves only a ``.part`` file, never a final file with a partial line, and a kill loses at most the chunk
being written: the next run fetches those articles again. Memory holds only the open chunks' keys.

Scrapy's feed export (``-O x.jsonl``) works alongside; ``NEWSCRAWL_OUTPUT_ENABLED=False`` switches this
writer (and seen-store updates) off.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import CallLaterResult, call_later

from newscrawl.cluster.middleware import ITEM_LEASE
from newscrawl.cluster.worker import cluster_worker_id
from newscrawl.durable import fsync_dir
from newscrawl.pipelines import UNWRITTEN, drop, records_committed, run_context, stop_crawl
from newscrawl.records import record_dict

logger = logging.getLogger(__name__)
KEY_FIELDS = ("url", "portal", "content_hash", "version", "modified_at")
"""What ``records_committed`` carries of each record (all the seen-store needs)."""
_PORTAL = re.compile(r"^[a-z0-9][a-z0-9.-]*$")  # also keeps the path inside the output directory
_NOT_WRITTEN = (f"{UNWRITTEN}output failed", "newscrawl/dropped/write_error")
MAX_CHUNKS = 100_000


@dataclass
class _Chunk:
    part: Path
    fh: BinaryIO
    opened: float
    """time.monotonic() when the chunk was begun."""
    keys: list[dict[str, Any]] = field(default_factory=list)
    failed: bool = False
    timer: CallLaterResult | None = None


class JsonlWriterPipeline:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("NEWSCRAWL_OUTPUT_ENABLED", True):
            raise NotConfigured
        self.crawler = crawler
        self.root = Path(settings.get("NEWSCRAWL_OUTPUT_DIR") or "output")
        self.commit_records = settings.getint("NEWSCRAWL_COMMIT_RECORDS", 500)
        self.commit_seconds = settings.getfloat("NEWSCRAWL_COMMIT_SECONDS", 60.0)
        self.run_id, started = run_context(crawler)
        self.day = f"{started:%Y-%m-%d}"
        self.stem = self.run_id
        """File names begin with the run id, and with the worker id in a cluster: ``<run-id>-<worker>``."""
        if worker_id := cluster_worker_id(settings):
            self.stem = f"{self.run_id}-{worker_id}"
        self.chunks: dict[str, _Chunk] = {}
        """The open chunk of each portal (one at a time; the next is begun by the next record)."""
        self.numbers: dict[str, int] = {}
        """The last chunk number used per portal."""
        self.failed = self.closing = False
        self._stop: Any = None  # keeps the close_spider_async Deferred alive
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonlWriterPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        record = record_dict(item)
        portal = record.get("portal") or ""
        if self.failed:
            raise drop(self.crawler, item, *_NOT_WRITTEN)
        if not _PORTAL.match(portal):
            raise drop(self.crawler, item, f"bad portal id {portal!r}", "newscrawl/dropped/bad_portal")
        try:
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        except UnicodeEncodeError:
            raise drop(self.crawler, item, "not UTF-8 encodable", "newscrawl/dropped/not_encodable") from None
        chunk = self.chunks.get(portal)
        try:
            chunk = chunk or self._begin(portal)
            chunk.fh.write(line)
            chunk.fh.flush()  # surface a full disk now, not at commit
        except OSError as exc:
            self._fail(exc, chunk.part if chunk else self.root / portal, chunk)
            raise drop(self.crawler, item, *_NOT_WRITTEN) from None
        keys = {key: record.get(key) for key in KEY_FIELDS}
        if lease := getattr(item, ITEM_LEASE, None):
            keys[ITEM_LEASE] = lease  # a cluster request is done when its record's chunk is final
        chunk.keys.append(keys)
        self.crawler.stats.inc_value("newscrawl/written")
        self.crawler.stats.inc_value(f"newscrawl/written/{portal}")
        if self._due(chunk):
            self._commit(portal)
        return item

    def _due(self, chunk: _Chunk) -> bool:
        full = 0 < self.commit_records <= len(chunk.keys)
        return full or 0 < self.commit_seconds <= time.monotonic() - chunk.opened

    def _begin(self, portal: str) -> _Chunk:
        directory = self.root / portal / self.day
        directory.mkdir(parents=True, exist_ok=True)
        final = self._next_name(directory, portal)
        part = final.with_name(final.name + ".part")
        self.chunks[portal] = chunk = _Chunk(part, part.open("xb"), time.monotonic())
        chunk.timer = self._arm(portal, chunk)
        return chunk

    def _next_name(self, directory: Path, portal: str) -> Path:
        """``<run-id>-<n>.jsonl`` (``<run-id>-<worker>-<n>.jsonl`` in a cluster) with the next number whose
        name (and ``.part``) is free: a run id used again (``NEWSCRAWL_RUN_ID``) never overwrites another
        run's chunk."""
        number = self.numbers.get(portal, 0)
        while number < MAX_CHUNKS:
            number += 1
            final = directory / f"{self.stem}-{number:04d}.jsonl"
            if not final.exists() and not final.with_name(final.name + ".part").exists():
                self.numbers[portal] = number
                return final
        raise FileExistsError(errno.EEXIST, "no free output file name", str(directory / self.run_id))

    def _arm(self, portal: str, chunk: _Chunk) -> CallLaterResult | None:
        """Commit the chunk when its time is up, even if no record comes (a slow crawl, an idle one)."""
        if self.commit_seconds <= 0 or not getattr(self.crawler, "crawling", False):
            return None  # no time limit, or no crawl running (the pipeline used on its own)
        return call_later(self.commit_seconds, self._commit_if_open, portal, chunk)

    def _commit_if_open(self, portal: str, chunk: _Chunk) -> None:
        if self.chunks.get(portal) is chunk and not self.closing:
            self._commit(portal)

    def close_spider(self) -> None:
        self.closing = True
        for portal in list(self.chunks):
            self._commit(portal)

    def spider_idle(self) -> None:
        """Nothing is in progress: make the open chunks final now. A cluster worker may wait idle for others
        (whose requests may bring more), and its records are then durable and their requests done."""
        if not self.closing and not self.failed:
            for portal in list(self.chunks):
                self._commit(portal)

    def _commit(self, portal: str) -> None:
        """Make the portal's open chunk final: flush, fsync, rename, then tell the seen-store."""
        chunk = self.chunks.pop(portal)
        if chunk.timer is not None:
            chunk.timer.cancel()
        if chunk.failed:
            with suppress(OSError):
                chunk.fh.close()
            return
        try:
            chunk.fh.flush()
            os.fsync(chunk.fh.fileno())
            chunk.fh.close()
            final = chunk.part.with_name(chunk.part.name.removesuffix(".part"))
            if final.exists():  # taken since the chunk was begun: never overwrite another run's file
                final = self._next_name(final.parent, portal)
            os.replace(chunk.part, final)
            fsync_dir(final.parent)
        except OSError as exc:
            self._fail(exc, chunk.part, chunk)
            return
        logger.info("Wrote %d records to %s", len(chunk.keys), final)
        file = final.relative_to(self.root).as_posix()
        self.crawler.signals.send_catch_log(records_committed, records=chunk.keys, file=file)

    def _fail(self, exc: OSError, path: Path, chunk: _Chunk | None) -> None:
        """Fail loudly: log, count, keep the ``.part`` file, stop the crawl with reason ``write_error``."""
        logger.error("Writing %s failed: %s; crawl stopped, its records are not marked as seen", path, exc)
        self.crawler.stats.inc_value("newscrawl/write_errors")
        self.failed = True
        if chunk is not None:
            chunk.failed = True
            with suppress(OSError):
                chunk.fh.close()
        if not self.closing:  # while closing, the crawl's reason is already set
            self._stop = stop_crawl(self.crawler, "write_error")
