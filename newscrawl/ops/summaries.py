"""Run summaries: ``<NEWSCRAWL_OUTPUT_DIR>/_runs/<run-id>.json``, one object per run, one entry per portal.

Written by :class:`newscrawl.extensions.summary.RunSummary` as each portal's crawl closes: read, merge
and replace atomically (temp file, fsync, rename) under an flock, so portals crawled side by side in one
run, or a run id shared by several processes, never lose each other's entries.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

RUNS_DIRNAME = "_runs"
COVERAGE_FIELDS = ("published_at", "authors", "image_url", "tags")
SHAPE_SKIPS = ("off_domain", "not_article_url", "index_link_unmatched", "bad_url")
"""Skip reasons about a URL's shape or domain (not its date or the seen-store): sampled in the summary."""
logger = logging.getLogger(__name__)


def runs_dir(output: Path) -> Path:
    return Path(output) / RUNS_DIRNAME


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    directory.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def read_summary(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("portals"), dict) else None


def merge_portal(output: Path, run_id: str, portal: str, entry: dict[str, Any]) -> Path:
    """Add (or replace) one portal's entry in the run's summary; returns the file."""
    directory = runs_dir(output)
    path = directory / f"{run_id}.json"
    with _locked(directory):
        summary = read_summary(path) or {"run_id": run_id, "portals": {}}
        summary["portals"][portal] = entry
        portals = summary["portals"].values()
        summary["started_at"] = min(p["started_at"] for p in portals)
        summary["finished_at"] = max(p["finished_at"] for p in portals)
        summary["status"] = "failed" if any(p["status"] != "ok" for p in portals) else "ok"
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(summary, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    return path


def load_runs(output: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Readable summaries, oldest first (by start time), at most the newest ``limit``."""
    runs = []
    for path in runs_dir(output).glob("*.json"):
        summary = read_summary(path)
        if summary is None or "started_at" not in summary:
            logger.warning("Unreadable run summary skipped: %s", path)
            continue
        runs.append(summary)
    runs.sort(key=lambda s: (s["started_at"], s.get("run_id", "")))
    return runs[-limit:] if limit else runs


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def portal_line(portal: str, entry: dict[str, Any]) -> str:
    """One readable line: status, counts, coverage, duration (and why, when it failed)."""
    coverage = entry.get("coverage") or {}
    cov = " ".join(f"{name.split('_')[0]} {_pct(coverage.get(name))}" for name in COVERAGE_FIELDS)
    shape_skips = sum(entry["skipped"].get(reason, 0) for reason in SHAPE_SKIPS)
    line = (
        f"{portal:<14} {entry['status']:<7} discovered {entry['discovered']}, fetched {entry['fetched']}, "
        f"written {entry['written']}, skipped {entry['skipped'].get('already_written', 0)} already written "
        f"and {shape_skips} for their URL (samples in the summary), "
        f"dropped {sum(entry['dropped'].values())}, duplicates {sum(entry['duplicates'].values())}, "
        f"fallbacks {entry['fallbacks']}, http errors {sum(entry['http_errors'].values())}; "
        f"coverage {cov}; {entry['duration_s']:.1f} s"
    )
    if entry.get("reasons"):
        line += " — " + "; ".join(entry["reasons"])
    return line
