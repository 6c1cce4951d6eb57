"""``newscrawl state stats`` and ``newscrawl state rebuild``: the seen-store, checked and recovered.

The output is the truth: ``rebuild`` reads every final ``<portal>/<date>/<run-id>.jsonl`` (never a
``.part`` file), keeps per URL the highest version, builds a fresh SQLite file beside the store and
renames it into place (the previous file is kept as ``seen.sqlite3.bak``). It takes the run lock, so it
refuses (status 75) while a run is going. Memory stays flat: records stream into SQLite in batches.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from scrapy.settings import Settings

from newscrawl.ops.common import (
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_STATE,
    EXIT_USAGE,
    add_settings_option,
    output_dir,
    project_settings,
    state_dir,
)
from newscrawl.ops.lock import Busy, RunLock
from newscrawl.state.base import SeenEntry, StateError, sqlite_path
from newscrawl.state.sqlite import SqliteSeenStore

BATCH = 5_000


def register(sub: argparse._SubParsersAction) -> None:
    state = sub.add_parser("state", help="the seen-store: `stats`, or `rebuild` it from the output")
    commands = state.add_subparsers(dest="state_command", required=True)
    stats = commands.add_parser("stats", help="how many URLs the seen-store holds")
    rebuild = commands.add_parser("rebuild", help="rebuild the seen-store from the JSONL output")
    for parser, func in ((stats, cmd_stats), (rebuild, cmd_rebuild)):
        add_settings_option(parser)
        parser.set_defaults(func=func)


def state_problem(settings: Settings) -> str | None:
    """Why a run must not start with this seen-store (missing while output exists, unreadable), or None."""
    if not settings.getbool("NEWSCRAWL_DEDUPE", True):
        return None
    try:
        path = sqlite_path(settings)
    except ValueError as exc:
        return str(exc)
    if not path.exists():
        output = output_dir(settings)
        if next(output.glob("*/*/*.jsonl"), None) is None:
            return None  # a first run: the store is created
        return (
            f"the seen-store {path} is missing but {output} holds records, which would all be written "
            f"again; rebuild it with `newscrawl state rebuild` (or use a fresh output folder)"
        )
    try:
        with SqliteSeenStore(path) as store:
            store.count()
    except StateError as exc:
        return str(exc)
    return None


def _settings_and_path(args: argparse.Namespace) -> tuple[Settings, Path]:
    settings = project_settings(args.set)
    return settings, sqlite_path(settings)


def cmd_stats(args: argparse.Namespace) -> int:
    try:
        _, path = _settings_and_path(args)
    except ValueError as exc:
        print(f"newscrawl state: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not path.exists():
        print(f"newscrawl state: no seen-store at {path} (a first run creates it)", file=sys.stderr)
        return EXIT_STATE
    try:
        with SqliteSeenStore(path) as store:
            count, newest = store.count(), store.newest_written_at()
    except StateError as exc:
        print(f"newscrawl state: {exc}", file=sys.stderr)
        return EXIT_STATE
    info = {"path": str(path), "urls": count, "bytes": path.stat().st_size, "newest_written_at": newest}
    print(json.dumps(info))
    return EXIT_OK


def cmd_rebuild(args: argparse.Namespace) -> int:
    try:
        settings, path = _settings_and_path(args)
    except ValueError as exc:
        print(f"newscrawl state: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        lock = RunLock(state_dir(settings)).acquire()
    except Busy as exc:
        print(f"newscrawl state rebuild: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    with lock:
        started = time.monotonic()
        files, records, skipped = rebuild(output_dir(settings), path)
        with SqliteSeenStore(path) as store:
            urls = store.count()
    print(
        f"rebuilt {path} from {files} files: {records} records, {urls} URLs"
        f" ({skipped} unreadable lines skipped) in {time.monotonic() - started:.1f} s"
    )
    return EXIT_OK


def rebuild(output: Path, path: Path) -> tuple[int, int, int]:
    """Build the store for ``output`` at ``path`` atomically; (files, records, unreadable lines)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.rebuild-{os.getpid()}")
    files = records = skipped = 0
    with SqliteSeenStore(tmp) as store:
        for jsonl in sorted(Path(output).glob("*/*/*.jsonl")):  # by date, then run id: later wins ties
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
    backup = path.with_name(path.name + ".bak")
    suffixes = ("", "-wal", "-shm", "-journal")  # the old WAL goes with the old file, never onto the new
    for suffix in suffixes:
        backup.with_name(backup.name + suffix).unlink(missing_ok=True)
    for suffix in suffixes:
        if (old := path.with_name(path.name + suffix)).exists():
            os.replace(old, backup.with_name(backup.name + suffix))
    os.replace(tmp, path)
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return files, records, skipped


def _flush(store: SqliteSeenStore, batch: list[SeenEntry]) -> int:
    store.add_many(batch)
    count = len(batch)
    batch.clear()
    return count
