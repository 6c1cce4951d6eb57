"""Rotating ``.warc.gz`` files: size-bounded, uniquely named, readable even after a crash.

A file in progress is named ``<prefix>-<serial>.warc.gz.open`` and renamed to ``.warc.gz`` once it is
closed (at rotation or when the crawl closes), after an fsync. Every record is its own gzip member and is
flushed to the operating system as soon as it is written, so a killed process loses at most the record it
was writing. The prefix holds the run id and the process id, so two writers in one folder never collide.
"""

from __future__ import annotations

import logging
import os
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from warcio.recordloader import ArcWarcRecord
from warcio.warcwriter import WARCWriter

from newscrawl.durable import fsync_dir

logger = logging.getLogger(__name__)
OPEN_SUFFIX = ".open"


class RotatingWarcWriter:
    def __init__(self, directory: Path, prefix: str, max_bytes: int, info: dict[str, str]) -> None:
        self.directory = directory
        self.prefix = prefix
        self.max_bytes = max(1, max_bytes)
        self.info = info
        self.serial = 0
        self.closed_files: list[Path] = []
        self._fh: BinaryIO | None = None
        self._path: Path | None = None  # the final name of the file in progress
        self._writer: WARCWriter | None = None

    @property
    def current(self) -> Path | None:
        """The file in progress (its temporary name), if any."""
        return self._path.with_name(self._path.name + OPEN_SUFFIX) if self._path else None

    def write_pair(self, response: ArcWarcRecord, request: ArcWarcRecord) -> None:
        """A response and its request, kept together in one file; rotates once the file is full."""
        writer = self._writer or self._open()
        writer.write_request_response_pair(request, response)  # response first, as warcio does
        assert self._fh is not None
        self._fh.flush()
        if self._fh.tell() >= self.max_bytes:
            self.close()

    def _open(self) -> WARCWriter:
        self.directory.mkdir(parents=True, exist_ok=True)
        while True:
            self.serial += 1
            final = self.directory / f"{self.prefix}-{self.serial:05d}.warc.gz"
            if final.exists():
                continue
            try:
                fh = open(final.with_name(final.name + OPEN_SUFFIX), "xb")  # noqa: SIM115 - kept open
            except FileExistsError:
                continue
            break
        self._fh, self._path = fh, final
        self._writer = writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(final.name, self.info))
        fh.flush()
        return writer

    def close(self) -> Path | None:
        """Finish the file in progress: fsync, rename to its final name; returns that name."""
        if self._fh is None or self._path is None:
            return None
        fh, final, temporary = self._fh, self._path, self.current
        self._fh = self._path = self._writer = None
        assert temporary is not None
        try:
            fh.flush()
            os.fsync(fh.fileno())
        finally:
            fh.close()
        os.replace(temporary, final)
        fsync_dir(final.parent)
        self.closed_files.append(final)
        logger.info("Archive file written: %s", final)
        return final

    def abandon(self) -> None:
        """After a write error: close the file in progress, keeping its ``.open`` name (its end is bad)."""
        if self._fh is not None:
            with suppress(OSError):
                self._fh.close()
        self._fh = self._path = self._writer = None
