"""The seen-store interface: which article URLs (and content hashes) are already in the output.

Pipelines talk only to :class:`SeenStore`, so a shared store (Redis, for several workers) can be added
later as one more implementation chosen by URL scheme in :func:`newscrawl.state.open.open_store`.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Self


class StateError(RuntimeError):
    """The seen-store cannot be used (corrupt, locked, unreachable); never silently reset."""


@dataclass(frozen=True, slots=True)
class SeenEntry:
    url: str
    content_hash: str
    version: int
    modified_at: str | None
    written_at: str
    """When the record's output file became durable (UTC, ISO 8601 with Z)."""

    @classmethod
    def from_record(cls, record: Mapping[str, Any], written_at: str) -> SeenEntry:
        return cls(
            url=record["url"],
            content_hash=record["content_hash"],
            version=int(record.get("version") or 1),
            modified_at=record.get("modified_at"),
            written_at=written_at,
        )


class SeenStore(abc.ABC):
    """URLs and content hashes of records already durably written, with their latest version."""

    files_untracked: bool = False
    """True for a store from before output files were recorded: it knows URLs but not their files."""

    @abc.abstractmethod
    def has_url(self, url: str) -> bool: ...

    @abc.abstractmethod
    def has_hash(self, content_hash: str) -> bool: ...

    @abc.abstractmethod
    def get(self, url: str) -> SeenEntry | None: ...

    @abc.abstractmethod
    def add_many(self, entries: Iterable[SeenEntry], files: Iterable[str] = ()) -> None:
        """Add or update entries in one transaction; an existing URL keeps its highest version. ``files``:
        the output files (relative to the output folder) these entries come from, recorded with them."""

    @abc.abstractmethod
    def has_file(self, path: str) -> bool:
        """Whether the records of this output file (relative to the output folder) are in the store."""

    @abc.abstractmethod
    def newest_file_day(self) -> str | None:
        """The latest date folder of a recorded output file, or None."""

    @abc.abstractmethod
    def count(self) -> int: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
