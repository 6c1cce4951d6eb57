"""The story store in one SQLite file in the state folder (``state/stories.sqlite3``).

One row per indexed record (its key is 63 bits of the URL's sha256), its signature as 512 bytes. Rows
older than the window are pruned when the store opens, so the file stays flat; the window's rows are what
the in-memory index is built from.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newscrawl.stories.signature import SIGNATURE_VERSION, from_bytes, to_bytes
from newscrawl.stories.store import Cluster, StoryEntry, StoryError, StoryStore, build_clusters

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS entries (key INTEGER PRIMARY KEY, url TEXT NOT NULL, portal TEXT, "
    "story_id TEXT NOT NULL, root_url TEXT NOT NULL, published_at TEXT, first_seen TEXT NOT NULL, "
    "source_outlet TEXT, signature BLOB)",
    "CREATE INDEX IF NOT EXISTS entries_first_seen ON entries (first_seen)",
    "CREATE INDEX IF NOT EXISTS entries_story ON entries (story_id)",
)
_COLUMNS = "url, portal, story_id, root_url, published_at, first_seen, source_outlet, signature"
REBUILD_HINT = "move it aside and run `newscrawl stories --rebuild` to rebuild it from the output files"


class SqliteStoryStore(StoryStore):
    def __init__(self, path: str | Path, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._guard():
                self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
                self._db.execute("PRAGMA journal_mode=WAL")
                for statement in _SCHEMA:
                    self._db.execute(statement)
                self._check_version()
        except OSError as exc:
            raise StoryError(f"story store {self.path} cannot be opened ({exc})") from exc
        except StoryError:
            self.close()
            raise

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE name = 'signature'").fetchone()
        if row is None:
            if self.db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None:
                raise StoryError(
                    f"story store {self.path} has entries but no signature version; {REBUILD_HINT}"
                )
            self.db.execute("INSERT INTO meta (name, value) VALUES ('signature', ?)", (SIGNATURE_VERSION,))
        elif row[0] != SIGNATURE_VERSION:
            raise StoryError(
                f"story store {self.path} holds signatures of another kind ({row[0]}, this version makes "
                f"{SIGNATURE_VERSION}); {REBUILD_HINT}"
            )

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite errors as StoryError that name the file and what to do."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoryError(
                    f"story store {self.path} is locked by another process ({exc}); "
                    f"is another crawl writing to the same state directory?"
                ) from exc
            raise StoryError(f"story store {self.path} is unreadable ({exc}); {REBUILD_HINT}") from exc
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise StoryError(f"story store {self.path} is unreadable ({exc}); {REBUILD_HINT}") from exc

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoryError(f"story store {self.path} is closed")
        return self._db

    def window(self) -> Iterator[StoryEntry]:
        with self._guard():
            query = f"SELECT {_COLUMNS} FROM entries WHERE signature IS NOT NULL ORDER BY first_seen, key"
            for row in self.db.execute(query):
                yield _entry(row)

    def get(self, keys: Iterable[int]) -> dict[int, StoryEntry]:
        keys = list(keys)
        found: dict[int, StoryEntry] = {}
        with self._guard():
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(f"SELECT key, {_COLUMNS} FROM entries WHERE key IN ({marks})", chunk)
                found.update((row[0], _entry(row[1:])) for row in rows)
        return found

    def add(self, entries: Iterable[StoryEntry]) -> None:
        rows = [
            (
                e.key,
                e.url,
                e.portal,
                e.story_id,
                e.root_url,
                e.published_at,
                e.first_seen,
                e.source_outlet,
                None if e.signature is None else to_bytes(e.signature),
            )
            for e in entries
        ]
        if not rows:
            return
        with self._guard():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(
                    f"INSERT OR IGNORE INTO entries (key, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def prune(self, before: str) -> int:
        with self._guard():
            return self.db.execute("DELETE FROM entries WHERE first_seen < ?", (before,)).rowcount

    def clusters(self, since: str | None, limit: int) -> list[Cluster]:
        with self._guard():
            # The largest stories first, found by SQL; their entries then read for portals and sources.
            rows = self.db.execute(
                "SELECT story_id FROM entries WHERE first_seen >= ? GROUP BY story_id "
                "ORDER BY COUNT(*) DESC, MAX(first_seen) DESC, story_id LIMIT ?",
                (since or "", limit),
            ).fetchall()
            ids = [r[0] for r in rows]
            marks = ",".join("?" * len(ids))
            entries = [
                _entry(row, with_signature=False)
                for row in self.db.execute(
                    f"SELECT {_COLUMNS} FROM entries WHERE story_id IN ({marks}) AND first_seen >= ?",
                    (*ids, since or ""),
                )
            ]
        return build_clusters(entries, limit)

    def count(self) -> int:
        with self._guard():
            return self.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _entry(row: tuple, with_signature: bool = True) -> StoryEntry:
    url, portal, story_id, root_url, published_at, first_seen, source_outlet, blob = row
    signature = from_bytes(blob) if with_signature and blob is not None else None
    return StoryEntry(url, portal, story_id, root_url, published_at, first_seen, source_outlet, signature)
