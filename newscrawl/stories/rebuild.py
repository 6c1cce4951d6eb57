"""Rebuild the SQLite story store from the JSONL output, the truth (``newscrawl stories --rebuild``).

Final output files whose modification time is inside the window are read in write order (date folder,
then run id); each record's entry keeps the ``story_id`` and ``duplicate_of`` it was written with, its
``first_seen`` is its file's modification time and its signature is made again from its body. A record
written without a story (older output) is matched as a crawl would. The store is built beside the old
one and renamed into place; the old one is kept as ``stories.sqlite3.bak``. The caller holds the run lock.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.durable import durable_replace
from newscrawl.stories.index import StoryIndex
from newscrawl.stories.sqlite import SqliteStoryStore
from newscrawl.stories.store import StoryEntry, window_start

BATCH = 2_000


def output_files(output: Path, since: str) -> list[Path]:
    """Final output files modified from ``since`` on, in write order: date folder, run id, portal."""
    files = []
    for path in output.glob("*/*/*.jsonl"):
        if _mtime(path) >= since:
            files.append(path)
    return sorted(files, key=lambda p: (p.parent.name, p.name, p.parent.parent.name))


def rebuild(output: Path, path: Path, days: int, threshold: float) -> tuple[int, int, int]:
    """Build the store for ``output`` at ``path`` atomically; (files, records, unreadable lines)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.rebuild-{os.getpid()}")
    try:
        counts = _build(output, tmp, window_start(days), threshold)
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
        raise
    backup = path.with_name(path.name + ".bak")
    for suffix in ("", "-wal", "-shm"):
        backup.with_name(backup.name + suffix).unlink(missing_ok=True)
        if (old := path.with_name(path.name + suffix)).exists():
            os.replace(old, backup.with_name(backup.name + suffix))
    durable_replace(tmp, path)
    return counts


def _build(output: Path, tmp: Path, since: str, threshold: float) -> tuple[int, int, int]:
    files = records = skipped = 0
    store = SqliteStoryStore(tmp)
    index = StoryIndex(store, threshold)
    batch: list[StoryEntry] = []
    try:
        for jsonl in output_files(output, since):
            files += 1
            seen = _mtime(jsonl)
            with jsonl.open(encoding="utf-8") as fh:
                for line in fh:
                    record = _record(line)
                    if record is None:
                        skipped += 1
                        continue
                    entry = _entry(index, record, seen)
                    index.remember(entry)
                    batch.append(entry)
                    records += 1
                    if len(batch) >= BATCH:
                        store.add(batch)
                        batch.clear()
        store.add(batch)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        index.close()
    return files, records, skipped


def _record(line: str) -> dict | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    ok = (
        isinstance(record, dict)
        and isinstance(record.get("url"), str)
        and isinstance(record.get("body"), str)
    )
    return record if ok else None


def _entry(index: StoryIndex, record: dict, seen: str) -> StoryEntry:
    url, body = record["url"], record["body"]
    found = index.match(
        url,
        body,
        portal=record.get("portal") or "",
        published_at=record.get("published_at"),
        source_outlet=record.get("source_outlet"),
        now=seen,
    )
    story_id = record.get("story_id")
    if found.kind == "known" or not isinstance(story_id, str):
        return found.entry
    root = record.get("duplicate_of") or url
    e = found.entry
    return StoryEntry(url, e.portal, story_id, root, e.published_at, seen, e.source_outlet, e.signature)


def _mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
