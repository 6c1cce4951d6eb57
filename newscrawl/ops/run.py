"""``newscrawl run [PORTAL ...]``: every portal (or the named ones) in one process, for cron.

The portals are crawled side by side in one reactor (Scrapy's ``AsyncCrawlerProcess``), sharing one run
id, so one run leaves one summary, ``<NEWSCRAWL_OUTPUT_DIR>/_runs/<run-id>.json``, and prints one line per
portal. Exit status: 0 when every portal ran and wrote what it found; 1 with the failing portals named
(see :mod:`newscrawl.ops.verdict`); 2 for a usage error; 3 when the seen-store is unusable; 75 when
another run holds the lock (:mod:`newscrawl.ops.lock`), in which case nothing at all is touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.settings import Settings

from newscrawl.ops import jobs
from newscrawl.ops.common import (
    EXIT_FAILED,
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
from newscrawl.ops.state_cli import state_problem
from newscrawl.ops.summaries import portal_line, read_summary, runs_dir


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="crawl every portal, or the named ones, in one process (for cron)")
    parser.add_argument("portals", nargs="*", metavar="PORTAL", help="portal ids (default: every portal)")
    parser.add_argument(
        "--since", help="YYYY-MM-DD (WIB): backfill from this day, walking dated index pages; resumable"
    )
    parser.add_argument("--until", help="YYYY-MM-DD (WIB): the window's last day (default: now)")
    add_settings_option(parser)
    parser.set_defaults(func=cmd_run)


def _say(message: object, status: int) -> int:
    print(f"newscrawl run: {message}", file=sys.stderr)
    return status


def cmd_run(args: argparse.Namespace) -> int:
    from newscrawl.portals import PORTALS
    from newscrawl.spiders.window import make_window

    try:
        settings = project_settings(args.set)
        make_window(args.since, args.until)
    except ValueError as exc:
        return _say(exc, EXIT_USAGE)
    names = list(dict.fromkeys(args.portals)) or list(PORTALS)
    if unknown := [name for name in names if name not in PORTALS]:
        return _say(f"unknown portal(s) {', '.join(unknown)}; known: {', '.join(PORTALS)}", EXIT_USAGE)
    lock = RunLock(state_dir(settings))
    try:
        lock.acquire()
    except Busy as exc:
        return _say(exc, EXIT_LOCKED)
    with lock:
        if (problem := state_problem(settings)) is not None:
            return _say(problem, EXIT_STATE)
        return crawl(settings, names, args.since, args.until)


def crawl(settings: Settings, names: list[str], since: str | None, until: str | None) -> int:
    """Crawl the portals (the caller holds the lock); print one line each; the exit status."""
    from scrapy.crawler import AsyncCrawlerProcess

    from newscrawl.records import new_run_id

    run_id = settings.get("NEWSCRAWL_RUN_ID") or new_run_id()
    settings.set("NEWSCRAWL_RUN_ID", run_id, priority="cmdline")
    process = AsyncCrawlerProcess(settings)
    job_dirs: dict[str, Path] = {}
    for name in names:
        crawler = process.create_crawler(name)
        if since:  # a backfill: resumable through its own JOBDIR
            job_dirs[name] = path = jobs.job_dir(state_dir(settings), name, since, until)
            jobs.begin(path)
            crawler.settings.set("JOBDIR", str(path), priority="cmdline")
        process.crawl(crawler, since=since, until=until)
    process.start()

    summary_path = runs_dir(output_dir(settings)) / f"{run_id}.json"
    portals = (read_summary(summary_path) or {"portals": {}})["portals"]
    failed = []
    for name in names:
        entry = portals.get(name)
        if entry is None:
            print(f"{name:<14} failed  the crawl did not run or left no summary (see the log)")
        else:
            print(portal_line(name, entry))
        if entry is None or entry["status"] != "ok":
            failed.append(name)
        if name in job_dirs:
            interrupted = entry is not None and entry.get("finish_reason") == "shutdown"
            jobs.end(job_dirs[name], closed=entry is not None, interrupted=interrupted)
    print(f"run {run_id}: summary in {summary_path}")
    if failed:
        return _say(f"failed: {', '.join(failed)}", EXIT_FAILED)
    return EXIT_OK
