"""``newscrawl state stats`` and ``newscrawl state rebuild``: the seen-store, checked and recovered.

The output is the truth: ``rebuild`` (:mod:`newscrawl.state.rebuild`) makes a fresh store from the final
output files. It takes the run lock, so it refuses (status 75) while a run is going.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
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
from newscrawl.state import StateError, is_redis, open_store, sqlite_path
from newscrawl.state.rebuild import fill, rebuild
from newscrawl.state.sqlite import SqliteSeenStore


def register(sub: argparse._SubParsersAction) -> None:
    state = sub.add_parser("state", help="the seen-store: `stats`, or `rebuild` it from the output")
    commands = state.add_subparsers(dest="state_command", required=True)
    stats = commands.add_parser("stats", help="how many URLs the seen-store holds")
    rebuild_parser = commands.add_parser("rebuild", help="rebuild the seen-store from the JSONL output")
    for parser, func in ((stats, cmd_stats), (rebuild_parser, cmd_rebuild)):
        add_settings_option(parser)
        parser.set_defaults(func=func)


def state_problem(settings: Settings) -> str | None:
    """Why a run must not start with this seen-store (missing while output exists, unreadable), or None."""
    if not settings.getbool("NEWSCRAWL_DEDUPE", True):
        return None
    if is_redis(settings):
        return _redis_problem(settings)
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


def _redis_problem(settings: Settings) -> str | None:
    """The shared store must answer, and must not be empty while this machine's output holds records."""
    try:
        with open_store(settings) as store:
            empty = store.count() == 0
    except StateError as exc:
        return str(exc)
    output = output_dir(settings)
    if empty and next(output.glob("*/*/*.jsonl"), None) is not None:
        return (
            f"the seen-store in Redis is empty but {output} holds records, which would all be written again; "
            f"fill it with `newscrawl state rebuild` on each machine (or use a fresh output folder)"
        )
    return None


def _settings(args: argparse.Namespace) -> Settings | None:
    """The project settings with ``-s`` overrides, or None after saying why they are unusable."""
    try:
        return project_settings(args.set)
    except ValueError as exc:
        print(f"newscrawl state: {exc}", file=sys.stderr)
        return None


def _sqlite_path(settings: Settings) -> Path | None:
    try:
        return sqlite_path(settings)
    except ValueError as exc:
        print(f"newscrawl state: {exc}", file=sys.stderr)
        return None


def cmd_stats(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if settings is None:
        return EXIT_USAGE
    if is_redis(settings):
        try:
            with open_store(settings) as store:
                info = {"store": store.where, "urls": store.count(), "bytes": store.memory_bytes()}
        except StateError as exc:
            print(f"newscrawl state: {exc}", file=sys.stderr)
            return EXIT_STATE
        print(json.dumps(info))
        return EXIT_OK
    path = _sqlite_path(settings)
    if path is None:
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
    settings = _settings(args)
    if settings is None:
        return EXIT_USAGE
    if is_redis(settings):
        return _fill_redis(settings)
    path = _sqlite_path(settings)
    if path is None:
        return EXIT_USAGE
    try:
        lock = RunLock(state_dir(settings)).acquire()
    except Busy as exc:
        print(f"newscrawl state rebuild: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    with lock:
        started = time.monotonic()
        try:
            files, records, skipped = rebuild(output_dir(settings), path)
            with SqliteSeenStore(path) as store:
                urls = store.count()
        except (OSError, StateError) as exc:
            print(f"newscrawl state rebuild: failed: {exc}", file=sys.stderr)
            return EXIT_STATE
    print(
        f"rebuilt {path} from {files} files: {records} records, {urls} URLs"
        f" ({skipped} unreadable lines skipped) in {time.monotonic() - started:.1f} s"
    )
    return EXIT_OK


def _fill_redis(settings: Settings) -> int:
    """Add this machine's output to the shared Redis store (each machine runs it for its own output; a URL
    keeps its highest version). Also how an existing SQLite store moves to Redis: its output fills it."""
    try:
        lock = RunLock(state_dir(settings)).acquire()
    except Busy as exc:
        print(f"newscrawl state rebuild: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    with lock:
        started = time.monotonic()
        try:
            with open_store(settings) as store:
                files, records, skipped = fill(store, output_dir(settings))
                urls, where = store.count(), store.where
        except (OSError, StateError) as exc:
            print(f"newscrawl state rebuild: failed: {exc}", file=sys.stderr)
            return EXIT_STATE
    print(
        f"filled {where} from {files} files: {records} records; it holds {urls} URLs"
        f" ({skipped} unreadable lines skipped) in {time.monotonic() - started:.1f} s"
    )
    return EXIT_OK
