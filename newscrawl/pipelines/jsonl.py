"""Write records as JSON Lines: ``<NEWSCRAWL_OUTPUT_DIR>/<portal>/<YYYY-MM-DD>/<run-id>.jsonl``.

The date is the run's start date in UTC, so one run writes one file per portal even across midnight.
Each file is written as ``<name>.part``, fsync'ed and renamed when the crawl closes: a crash leaves only
a ``.part`` file, never a final file with a partial line. Scrapy's feed export (``-O x.jsonl``) works
alongside; ``NEWSCRAWL_OUTPUT_ENABLED=False`` switches this writer (and seen-store updates) off.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawl.durable import fsync_dir
from newscrawl.pipelines import drop, records_committed, run_context, stop_crawl
from newscrawl.records import record_dict

logger = logging.getLogger(__name__)
KEY_FIELDS = ("url", "portal", "content_hash", "version", "modified_at")
"""What ``records_committed`` carries of each record (all the seen-store needs)."""
_PORTAL = re.compile(r"^[a-z0-9][a-z0-9.-]*$")  # also keeps the path inside the output directory
_NOT_WRITTEN = ("not written: output failed", "newscrawl/dropped/write_error")


@dataclass
class _Output:
    part: Path
    fh: BinaryIO
    keys: list[dict[str, Any]] = field(default_factory=list)
    failed: bool = False


class JsonlWriterPipeline:
    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("NEWSCRAWL_OUTPUT_ENABLED", True):
            raise NotConfigured
        self.crawler = crawler
        self.root = Path(crawler.settings.get("NEWSCRAWL_OUTPUT_DIR") or "output")
        self.run_id, started = run_context(crawler)
        self.day = f"{started:%Y-%m-%d}"
        self.outputs: dict[str, _Output] = {}
        self.failed = self.closing = False
        self._stop: Any = None  # keeps the close_spider_async Deferred alive

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
        out = self.outputs.get(portal)
        try:
            out = out or self._open(portal)
            out.fh.write(line)
            out.fh.flush()  # surface a full disk now, not at close
        except OSError as exc:
            self._fail(exc, out.part if out else self.root / portal, out)
            raise drop(self.crawler, item, *_NOT_WRITTEN) from None
        out.keys.append({key: record.get(key) for key in KEY_FIELDS})
        self.crawler.stats.inc_value("newscrawl/written")
        self.crawler.stats.inc_value(f"newscrawl/written/{portal}")
        return item

    def _open(self, portal: str) -> _Output:
        directory = self.root / portal / self.day
        directory.mkdir(parents=True, exist_ok=True)
        final = _free_name(directory, self.run_id)
        part = final.with_name(final.name + ".part")
        self.outputs[portal] = out = _Output(part, part.open("xb"))
        return out

    def close_spider(self) -> None:
        self.closing = True
        for out in self.outputs.values():
            if out.failed:
                with suppress(OSError):
                    out.fh.close()
                continue
            try:
                out.fh.flush()
                os.fsync(out.fh.fileno())
                out.fh.close()
                final = out.part.with_name(out.part.name.removesuffix(".part"))
                if final.exists():  # never overwrite a file of another run with the same id
                    final = _free_name(final.parent, self.run_id)
                os.replace(out.part, final)
                fsync_dir(final.parent)
            except OSError as exc:
                self._fail(exc, out.part, out)
                continue
            logger.info("Wrote %d records to %s", len(out.keys), final)
            file = final.relative_to(self.root).as_posix()
            self.crawler.signals.send_catch_log(records_committed, records=out.keys, file=file)

    def _fail(self, exc: OSError, path: Path, out: _Output | None) -> None:
        """Fail loudly: log, count, keep the ``.part`` file, stop the crawl with reason ``write_error``."""
        logger.error("Writing %s failed: %s; crawl stopped, its records are not marked as seen", path, exc)
        self.crawler.stats.inc_value("newscrawl/write_errors")
        self.failed = True
        if out is not None:
            out.failed = True
        if not self.closing:  # while closing, the crawl's reason is already set
            self._stop = stop_crawl(self.crawler, "write_error")


def _free_name(directory: Path, run_id: str) -> Path:
    """``<run-id>.jsonl``, or ``<run-id>.<n>.jsonl`` when that name (or its ``.part``) is taken."""
    for n in range(10_000):
        final = directory / (f"{run_id}.{n}.jsonl" if n else f"{run_id}.jsonl")
        if not final.exists() and not final.with_name(final.name + ".part").exists():
            return final
    raise FileExistsError(errno.EEXIST, "no free output file name", str(directory / run_id))
