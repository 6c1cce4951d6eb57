"""What a story store offers, and the record of one article in it.

A store keeps, for every record indexed in the window (``NEWSCRAWL_STORY_DAYS``), its :class:`StoryEntry`:
story, URL, portal, dates and MinHash signature. The index (:mod:`newscrawl.stories.index`) learns
entries only once their output file is durable, as the seen-store does.
"""

from __future__ import annotations

import abc
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Self

import numpy as np

from newscrawl.state.base import StateError

DEFAULT_STORY_DAYS = 14
SQLITE_FILENAME = "stories.sqlite3"


class StoryError(StateError):
    """The story store cannot be used (corrupt, of another signature version, unreachable)."""


def url_key(url: str) -> int:
    """The record's key in the index: 63 bits of the sha256 of its URL (an SQLite INTEGER)."""
    return int.from_bytes(hashlib.sha256(url.encode("utf-8")).digest()[:8], "big") >> 1


def new_story_id(url: str) -> str:
    """A story's id: 16 hex digits of the sha256 of its first record's URL."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class StoryEntry:
    url: str
    portal: str
    story_id: str
    root_url: str
    """URL of the story's first record (the entry's own URL when it is that record)."""
    published_at: str | None
    first_seen: str
    """When the index first saw the record (UTC, ``2026-01-01T00:00:00Z``): what the window counts."""
    source_outlet: str | None = None
    signature: np.ndarray | None = field(default=None, compare=False)
    """None for a body too short to compare: such an entry is kept (its URL keeps its story) but never
    indexed."""

    @property
    def key(self) -> int:
        return url_key(self.url)

    @property
    def duplicate_of(self) -> str | None:
        return None if self.root_url == self.url else self.root_url


@dataclass
class Cluster:
    """A story as ``newscrawl stories`` reports it."""

    story_id: str
    size: int
    first_url: str
    first_seen: str
    last_seen: str
    portals: dict[str, int]
    sources: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "size": self.size,
            "first_url": self.first_url,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "portals": self.portals,
            "sources": self.sources,
        }


def window_start(days: int, now: datetime | None = None) -> str:
    """The oldest ``first_seen`` still in a window of ``days`` days."""
    start = (now or datetime.now(UTC)) - timedelta(days=days)
    return start.strftime("%Y-%m-%dT%H:%M:%SZ")


class StoryStore(abc.ABC):
    """Entries of the records indexed in the window; an index over their signatures."""

    location: str = ""

    @abc.abstractmethod
    def window(self) -> Iterator[StoryEntry]:
        """Every entry with a signature in the window, for the in-memory index (empty for a store that
        keeps its own index, see :meth:`query`)."""

    def query(self, signature: np.ndarray, per_band: int) -> set[int]:
        """Keys of stored entries whose signatures may be near this one (a store with its own index),
        at most ``per_band`` of each LSH bucket."""
        return set()

    @abc.abstractmethod
    def get(self, keys: Iterable[int]) -> dict[int, StoryEntry]:
        """The stored entries of these keys (absent keys are left out)."""

    @abc.abstractmethod
    def add(self, entries: Iterable[StoryEntry]) -> None:
        """Store entries of durably written records, in one transaction; a key already stored stays."""

    @abc.abstractmethod
    def prune(self, before: str) -> int:
        """Remove entries first seen before ``before``; how many went."""

    @abc.abstractmethod
    def clusters(self, since: str | None, limit: int) -> list[Cluster]:
        """The largest stories (of entries first seen from ``since`` on), largest first."""

    @abc.abstractmethod
    def count(self) -> int: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class MemoryStoryStore(StoryStore):
    """A store that starts empty and forgets everything when closed: ``reextract`` without
    ``--update-state``, so that the user's state stays as it was."""

    location = "memory"

    def __init__(self) -> None:
        self.entries: dict[int, StoryEntry] = {}

    def window(self) -> Iterator[StoryEntry]:
        return iter(())

    def get(self, keys: Iterable[int]) -> dict[int, StoryEntry]:
        return {k: self.entries[k] for k in keys if k in self.entries}

    def add(self, entries: Iterable[StoryEntry]) -> None:
        for entry in entries:
            self.entries.setdefault(entry.key, entry)

    def prune(self, before: str) -> int:
        old = [k for k, e in self.entries.items() if e.first_seen < before]
        for key in old:
            del self.entries[key]
        return len(old)

    def clusters(self, since: str | None, limit: int) -> list[Cluster]:
        return build_clusters((e for e in self.entries.values() if not since or e.first_seen >= since), limit)

    def count(self) -> int:
        return len(self.entries)

    def close(self) -> None:
        return None


def build_clusters(entries: Iterable[StoryEntry], limit: int) -> list[Cluster]:
    """Group entries by story; the ``limit`` largest, then the newest first among equals."""
    stories: dict[str, Cluster] = {}
    for e in entries:
        c = stories.get(e.story_id)
        if c is None:
            stories[e.story_id] = c = Cluster(e.story_id, 0, e.root_url, e.first_seen, e.first_seen, {}, [])
        c.size += 1
        c.first_seen, c.last_seen = min(c.first_seen, e.first_seen), max(c.last_seen, e.first_seen)
        c.portals[e.portal] = c.portals.get(e.portal, 0) + 1
        if e.source_outlet and e.source_outlet not in c.sources:
            c.sources.append(e.source_outlet)
    ranked = sorted(stories.values(), key=lambda c: (-c.size, _neg(c.last_seen), c.story_id))
    return ranked[:limit]


def _neg(stamp: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in stamp)


def open_story_store(settings: Mapping[str, Any]) -> StoryStore:
    """The store the settings name: Redis at ``NEWSCRAWL_REDIS_URL``, else SQLite in the state folder."""
    from pathlib import Path

    redis_url = settings.get("NEWSCRAWL_REDIS_URL")
    if redis_url:
        from newscrawl.stories.redis import RedisStoryStore

        return RedisStoryStore(str(redis_url), story_threshold(settings))
    from newscrawl.stories.sqlite import SqliteStoryStore

    return SqliteStoryStore(Path(settings.get("NEWSCRAWL_STATE_DIR") or "state") / SQLITE_FILENAME)


DEFAULT_THRESHOLD = 0.5


def story_threshold(settings: Mapping[str, Any]) -> float:
    value = settings.get("NEWSCRAWL_STORY_THRESHOLD")
    threshold = DEFAULT_THRESHOLD if value in (None, "") else float(value)
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"NEWSCRAWL_STORY_THRESHOLD must be between 0 and 1, got {value!r}")
    return threshold


def story_days(settings: Mapping[str, Any]) -> int:
    value = settings.get("NEWSCRAWL_STORY_DAYS")
    days = DEFAULT_STORY_DAYS if value in (None, "") else int(value)
    if days < 1:
        raise ValueError(f"NEWSCRAWL_STORY_DAYS must be at least 1, got {value!r}")
    return days
