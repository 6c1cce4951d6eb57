"""The seen-store in one SQLite file: indexed lookups, so memory stays flat however many URLs it holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from newscrawl.state.base import (
    ListedLastmod,
    ListingMemory,
    Remembered,
    SeenEntry,
    SeenStore,
    StateError,
    day_of,
)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS seen (url TEXT PRIMARY KEY, content_hash TEXT, version INT, "
    "modified_at TEXT, written_at TEXT)",
    "CREATE INDEX IF NOT EXISTS seen_content_hash ON seen (content_hash)",
    # Output files whose records are in ``seen`` (path relative to the output folder, and its date folder).
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, day TEXT)",
    # What sitemaps said of their URLs: per listing and URL (as listed) the lastmod last observed and the
    # one last verified (fetched and committed, or found unchanged); and each listing's verdict.
    "CREATE TABLE IF NOT EXISTS listed (listing TEXT, url TEXT, observed TEXT, verified TEXT, "
    "PRIMARY KEY (listing, url)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS listings (listing TEXT PRIMARY KEY, unreliable INT, judged_at TEXT)",
)
_UPSERT = (
    "INSERT INTO seen (url, content_hash, version, modified_at, written_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (url) DO UPDATE SET content_hash = excluded.content_hash, version = excluded.version, "
    "modified_at = excluded.modified_at, written_at = excluded.written_at "
    "WHERE excluded.version >= seen.version"
)
_COLUMNS = "url, content_hash, version, modified_at, written_at"
_VERIFY = (
    "INSERT INTO listed (listing, url, observed, verified) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (listing, url) DO UPDATE SET verified = excluded.verified"
)
_OBSERVE = (
    "INSERT INTO listed (listing, url, observed) VALUES (?, ?, ?) "
    "ON CONFLICT (listing, url) DO UPDATE SET observed = excluded.observed"
)
_VERDICT = (
    "INSERT INTO listings (listing, unreliable, judged_at) VALUES (?, ?, ?) "
    "ON CONFLICT (listing) DO UPDATE SET unreliable = excluded.unreliable, judged_at = excluded.judged_at"
)


class SqliteSeenStore(SeenStore):
    def __init__(self, path: str | Path, timeout: float = 5.0) -> None:
        """Open (or create) the store; ``timeout`` is how long a write waits for another process's lock."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db: sqlite3.Connection | None = None
        try:
            with self._guard():
                # isolation_level=None: no implicit transactions; add_many opens its own.
                self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
                self._db.execute("PRAGMA journal_mode=WAL")
                had_files = self._db.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'"
                ).fetchone()
                for statement in _SCHEMA:
                    self._db.execute(statement)
                any_url = self._db.execute("SELECT 1 FROM seen LIMIT 1").fetchone()
                self.files_untracked = not had_files and any_url is not None
        except StateError:
            self.close()
            raise

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn SQLite errors into StateError that name the file and what to do."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StateError(
                    f"seen-store {self.path} is locked by another process ({exc}); "
                    f"is another crawl writing to the same state directory?"
                ) from exc
            raise self._corrupt(exc) from exc
        except sqlite3.DatabaseError as exc:
            raise self._corrupt(exc) from exc

    def _corrupt(self, exc: Exception) -> StateError:
        return StateError(
            f"seen-store {self.path} is unreadable ({exc}); move it aside and run "
            f"`newscrawl state rebuild` to rebuild it from the output files"
        )

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise StateError(f"seen-store {self.path} is closed")
        return self._db

    def has_url(self, url: str) -> bool:
        with self._guard():
            return self.db.execute("SELECT 1 FROM seen WHERE url = ?", (url,)).fetchone() is not None

    def has_hash(self, content_hash: str) -> bool:
        with self._guard():
            query = "SELECT 1 FROM seen WHERE content_hash = ? LIMIT 1"
            return self.db.execute(query, (content_hash,)).fetchone() is not None

    def get(self, url: str) -> SeenEntry | None:
        with self._guard():
            row = self.db.execute(f"SELECT {_COLUMNS} FROM seen WHERE url = ?", (url,)).fetchone()
        return SeenEntry(*row) if row else None

    def add_many(
        self, entries: Iterable[SeenEntry], files: Iterable[str] = (), lastmods: Iterable[ListedLastmod] = ()
    ) -> None:
        rows = [(e.url, e.content_hash, e.version, e.modified_at, e.written_at) for e in entries]
        file_rows = [(path, day_of(path)) for path in files]
        lastmod_rows = [(m.listing, m.url, m.lastmod, m.lastmod) for m in lastmods]
        if not rows and not file_rows and not lastmod_rows:
            return
        with self._transaction():
            self.db.executemany(_UPSERT, rows)
            self.db.executemany("INSERT OR IGNORE INTO files (path, day) VALUES (?, ?)", file_rows)
            self.db.executemany(_VERIFY, lastmod_rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: everything in it is committed together, or nothing is."""
        with self._guard():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def listing_memory(self, listing: str) -> ListingMemory:
        with self._guard():
            verdict = self.db.execute(
                "SELECT unreliable FROM listings WHERE listing = ?", (listing,)
            ).fetchone()
            rows = self.db.execute(
                "SELECT url, observed, verified FROM listed WHERE listing = ?", (listing,)
            ).fetchall()
        unreliable = None if verdict is None or verdict[0] is None else bool(verdict[0])
        return ListingMemory(
            unreliable, {url: Remembered(observed, verified) for url, observed, verified in rows}
        )

    def remember_listing(
        self,
        listing: str,
        observed: Mapping[str, str],
        forget: Collection[str],
        unreliable: bool | None,
        judged_at: str,
    ) -> None:
        with self._transaction():
            self.db.executemany(_OBSERVE, ((listing, url, value) for url, value in observed.items()))
            self.db.executemany(
                "DELETE FROM listed WHERE listing = ? AND url = ?", ((listing, url) for url in forget)
            )
            if unreliable is not None:
                self.db.execute(_VERDICT, (listing, int(unreliable), judged_at))

    def count(self) -> int:
        with self._guard():
            return self.db.execute("SELECT COUNT(*) FROM seen").fetchone()[0]

    def has_file(self, path: str) -> bool:
        with self._guard():
            return self.db.execute("SELECT 1 FROM files WHERE path = ?", (path,)).fetchone() is not None

    def newest_file_day(self) -> str | None:
        """The latest date folder (``YYYY-MM-DD``) of a recorded output file, or None."""
        with self._guard():
            return self.db.execute("SELECT MAX(day) FROM files").fetchone()[0]

    def newest_written_at(self) -> str | None:
        """When the most recently recorded output file became durable, or None for an empty store."""
        with self._guard():
            return self.db.execute("SELECT MAX(written_at) FROM seen").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
