"""``newscrawl stories``: the largest stories of the index, and ``--rebuild`` from the output.

    newscrawl stories [--since YYYY-MM-DD] [--limit N] [--json] [-s NAME=VALUE]
    newscrawl stories --rebuild

A story's size counts its records first seen from ``--since`` (UTC day) on; ``portals`` counts them by
portal, ``sources`` lists the outlets their syndication notes name, ``first_url`` is the story's first
record. Exit 3 when the store is unreadable (the message says how to rebuild it), 2 for bad usage, 75
when ``--rebuild`` finds a run holding the lock.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date

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


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("stories", help="the largest near-duplicate stories, or --rebuild the index")
    parser.add_argument("--since", help="YYYY-MM-DD (UTC): count records first seen from this day on")
    parser.add_argument("--limit", type=int, default=20, help="how many stories (default: 20)")
    parser.add_argument("--json", action="store_true", help="one JSON document instead of a table")
    parser.add_argument(
        "--rebuild", action="store_true", help="rebuild the SQLite story index from the output files"
    )
    add_settings_option(parser)
    parser.set_defaults(func=cmd_stories)


def _say(message: object, status: int) -> int:
    print(f"newscrawl stories: {message}", file=sys.stderr)
    return status


def cmd_stories(args: argparse.Namespace) -> int:
    from newscrawl.stories.store import StoryError, open_story_store

    try:
        settings = project_settings(args.set)
        since = date.fromisoformat(args.since).isoformat() if args.since else None
        if args.limit < 1:
            raise ValueError("--limit must be at least 1")
    except ValueError as exc:
        return _say(exc, EXIT_USAGE)
    if args.rebuild:
        return _rebuild(settings)
    from newscrawl.stories.store import SQLITE_FILENAME

    path = state_dir(settings) / SQLITE_FILENAME
    if not settings.get("NEWSCRAWL_REDIS_URL") and not path.exists():
        return _say(f"no story index at {path} (a crawl creates it)", EXIT_STATE)
    try:
        with open_story_store(settings) as store:
            clusters, count = store.clusters(since, args.limit), store.count()
            location = store.location
    except (StoryError, ValueError) as exc:
        return _say(exc, EXIT_STATE)
    if args.json:
        stories = [c.as_dict() for c in clusters]
        print(json.dumps({"store": location, "records": count, "stories": stories}, ensure_ascii=False))
        return EXIT_OK
    print(f"{count} records in {location}" + (f"; stories counted from {since}" if since else ""))
    print(f"{'size':>5}  {'first seen':<20}  {'last seen':<20}  portals / sources / first URL")
    for c in clusters:
        portals = ", ".join(f"{p} {n}" for p, n in sorted(c.portals.items(), key=lambda kv: (-kv[1], kv[0])))
        sources = f"; sources {', '.join(c.sources)}" if c.sources else ""
        print(
            f"{c.size:>5}  {c.first_seen:<20}  {c.last_seen:<20}  {portals}{sources}\n{'':>51}{c.first_url}"
        )
    return EXIT_OK


def _rebuild(settings) -> int:
    from newscrawl.ops.lock import Busy, RunLock
    from newscrawl.stories.rebuild import rebuild
    from newscrawl.stories.store import SQLITE_FILENAME, StoryError, story_days, story_threshold

    if settings.get("NEWSCRAWL_REDIS_URL"):
        return _say("--rebuild makes the SQLite store; unset NEWSCRAWL_REDIS_URL", EXIT_USAGE)
    path = state_dir(settings) / SQLITE_FILENAME
    try:
        lock = RunLock(state_dir(settings)).acquire()
    except Busy as exc:
        return _say(exc, EXIT_LOCKED)
    with lock:
        started = time.monotonic()
        try:
            files, records, skipped = rebuild(
                output_dir(settings), path, story_days(settings), story_threshold(settings)
            )
        except (OSError, StoryError, ValueError) as exc:
            return _say(f"rebuild failed: {exc}", EXIT_STATE)
    print(
        f"rebuilt {path} from {files} files: {records} records"
        f" ({skipped} unreadable lines skipped) in {time.monotonic() - started:.1f} s"
    )
    return EXIT_OK
