"""The seen-store interface: which article URLs (and content hashes) are already in the output.

Pipelines talk only to :class:`SeenStore`, so a shared store (Redis, for several workers) can be added
later as one more implementation chosen by URL scheme in :func:`newscrawl.state.open.open_store`.
The store also remembers what sitemaps said of their URLs (:class:`ListingMemory`), so that a repeat
fetches again only what a listing says changed (:mod:`newscrawl.state.listings`).
"""

from __future__ import annotations

import abc
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True)
class ListedLastmod:
    """The ``<lastmod>`` a listing (a sitemap) gave one of its URLs."""

    listing: str
    """The listing's URL."""
    url: str
    """The URL as the listing spells it."""
    lastmod: str
    """The instant, normalised (:func:`newscrawl.state.listings.lastmod_key`)."""


@dataclass(frozen=True, slots=True)
class Remembered:
    """What the store remembers of one listed URL."""

    observed: str | None
    """The lastmod the listing gave on the last run that read it (judges whether the listing is reliable)."""
    verified: str | None
    """The lastmod it gave when the URL was last fetched and its record committed, or the page found
    unchanged; None when never (a URL found through a feed, or from before lastmods were remembered)."""


@dataclass(slots=True)
class ListingMemory:
    unreliable: bool | None = None
    """The last verdict on the listing's lastmods; None: never judged."""
    lastmods: dict[str, Remembered] = field(default_factory=dict)
    """Per URL (as the listing spells it)."""


def day_of(path: str) -> str | None:
    """The date folder of an output path ``<portal>/<YYYY-MM-DD>/<name>.jsonl``."""
    parts = path.replace("\\", "/").split("/")
    return parts[-2] if len(parts) >= 3 else None


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
    def add_many(
        self, entries: Iterable[SeenEntry], files: Iterable[str] = (), lastmods: Iterable[ListedLastmod] = ()
    ) -> None:
        """Add or update entries in one transaction; an existing URL keeps its highest version. ``files``:
        the output files (relative to the output folder) these entries come from, recorded with them.
        ``lastmods``: listing lastmods now verified (their pages fetched and written, or found unchanged)."""

    @abc.abstractmethod
    def has_file(self, path: str) -> bool:
        """Whether the records of this output file (relative to the output folder) are in the store."""

    @abc.abstractmethod
    def newest_file_day(self) -> str | None:
        """The latest date folder of a recorded output file, or None."""

    @abc.abstractmethod
    def count(self) -> int: ...

    def listing_memory(self, listing: str) -> ListingMemory:
        """The last verdict on a listing and the lastmods remembered for its URLs.

        This default remembers nothing: every lastmod then looks new, and the already-written check falls
        back to comparing it with the stored ``modified_at`` (a store that implements only the URL methods
        still works, at the cost of repeats that fetch more)."""
        return ListingMemory()

    def remember_listing(
        self,
        listing: str,
        observed: Mapping[str, str],
        forget: Collection[str],
        unreliable: bool | None,
        judged_at: str,
    ) -> None:
        """In one transaction: the lastmods a run read in the listing (only new or changed ones need be
        passed), URLs it no longer lists (their memory is dropped) and the verdict on its lastmods.
        This default keeps nothing (see :meth:`listing_memory`)."""
        return None

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
