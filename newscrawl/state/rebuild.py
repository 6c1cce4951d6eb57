"""Rebuild the seen-store from the JSONL output, which is the truth (``newscrawl state rebuild``).

Every final ``<portal>/<date>/<run-id>-<n>.jsonl`` is read (never a ``.part`` file); per URL the highest
version is kept (files are read by date, then run id and chunk, so on a tie the later file wins). Records
stream into a fresh SQLite file beside the store in batches, so memory stays flat; the file is then renamed
into place and the previous store, with its WAL, is kept as ``seen.sqlite3.bak``. The caller holds the run
lock.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from newscrawl.durable import durable_replace
from newscrawl.state.base import SeenEntry, SeenStore
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
    with SqliteSeenStore(tmp) as store:
        counts = fill(store, output)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts


def fill(store: SeenStore, output: Path) -> tuple[int, int, int]:
    """Add every final output file under ``output`` to the store; (files, records, unreadable lines)."""
    files = records = skipped = 0
    for jsonl in sorted(Path(output).glob("*/*/*.jsonl")):  # by date, then run id: later wins ties
        files += 1
        added, bad = record_file(store, Path(output), jsonl)
        records, skipped = records + added, skipped + bad
    return files, records, skipped


def record_file(store: SeenStore, output: Path, jsonl: Path) -> tuple[int, int]:
    """Add one output file's records to the store, and the file as recorded; (records, unreadable lines).

    Streams in batches of :data:`BATCH`; the file is marked recorded with its last batch."""
    written_at = datetime.fromtimestamp(jsonl.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    records = skipped = 0
    batch: list[SeenEntry] = []
    with jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                batch.append(SeenEntry.from_record(json.loads(line), written_at))
            except (ValueError, KeyError, TypeError):
                skipped += 1
                continue
            if len(batch) >= BATCH:
                store.add_many(batch)
                records += len(batch)
                batch.clear()
    store.add_many(batch, files=[output_path(output, jsonl)])
    return records + len(batch), skipped


def output_path(output: Path, jsonl: Path) -> str:
    """How the store names an output file: its path below the output folder, with ``/``."""
    return jsonl.relative_to(output).as_posix()


def record_unrecorded(store: SeenStore, output: Path) -> tuple[int, int]:
    """Record the final output files the store does not know; (files, records).

    A run stopped (SIGKILL, power loss) after renaming its file but before recording it in the store
    would otherwise have its articles written again by the next run. Files are read only from date folders
    from the day before the newest recorded file onwards; listing the folders is all that grows with the
    archive (about 8,000 names for 22 portals over a year). A
    store from before files were tracked has its existing files marked recorded without reading them.
    """
    if not output.is_dir():
        return 0, 0
    if store.files_untracked:
        store.add_many([], files=[output_path(output, f) for f in output.glob("*/*/*.jsonl")])
        store.files_untracked = False
        return 0, 0
    try:
        newest = store.newest_file_day()
        floor = (date.fromisoformat(newest) - timedelta(days=1)).isoformat() if newest else ""
    except ValueError:  # a date folder that is no date: look at everything
        floor = ""
    files = records = 0
    for day_dir in sorted(output.glob("*/*")):
        if not day_dir.is_dir() or day_dir.name < floor or day_dir.parent.name.startswith("_"):
            continue
        for jsonl in sorted(day_dir.glob("*.jsonl")):
            if not store.has_file(output_path(output, jsonl)):
                files += 1
                records += record_file(store, output, jsonl)[0]
    return files, records
