"""Rebuild the seen-store from the JSONL output, which is the truth (``newscrawl state rebuild``).

Every final ``<portal>/<date>/<run-id>.jsonl`` is read (never a ``.part`` file); per URL the highest version
is kept (files are read by date, then run id, so on a tie the later file wins). Records stream into a fresh
SQLite file beside the store in batches, so memory stays flat; the file is then renamed into place and
the previous store, with its WAL, is kept as ``seen.sqlite3.bak``. The caller holds the run lock.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.durable import durable_replace
from newscrawl.state.base import SeenEntry
from newscrawl.state.sqlite import SqliteSeenStore

BATCH = 5_000


def rebuild(output: Path, path: Path) -> tuple[int, int, int]:
    """Build the store for ``output`` at ``path`` atomically; (files, records, unreadable lines)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.rebuild-{os.getpid()}")
    try:
        files, records, skipped = _build(Path(output), tmp)
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
        raise
    backup = path.with_name(path.name + ".bak")
    suffixes = ("", "-wal", "-shm", "-journal")  # the old WAL goes with the old file, never onto the new
    for suffix in suffixes:
        backup.with_name(backup.name + suffix).unlink(missing_ok=True)
    for suffix in suffixes:
        if (old := path.with_name(path.name + suffix)).exists():
            os.replace(old, backup.with_name(backup.name + suffix))
    durable_replace(tmp, path)
    return files, records, skipped


def _build(output: Path, tmp: Path) -> tuple[int, int, int]:
    files = records = skipped = 0
    with SqliteSeenStore(tmp) as store:
        for jsonl in sorted(output.glob("*/*/*.jsonl")):  # by date, then run id: later wins ties
            files += 1
            written_at = datetime.fromtimestamp(jsonl.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            batch: list[SeenEntry] = []
            with jsonl.open(encoding="utf-8") as fh:
                for line in fh:
                    try:
                        batch.append(SeenEntry.from_record(json.loads(line), written_at))
                    except (ValueError, KeyError, TypeError):
                        skipped += 1
                        continue
                    if len(batch) >= BATCH:
                        records += _flush(store, batch)
            records += _flush(store, batch)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return files, records, skipped


def _flush(store: SqliteSeenStore, batch: list[SeenEntry]) -> int:
    store.add_many(batch)
    count = len(batch)
    batch.clear()
    return count
