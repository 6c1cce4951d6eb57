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

from newscrawl.spiders.ledger import SAMPLE_SIZE

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


_ADDED = (
    "entries",
    "discovered",
    "fetched",
    "written",
    "versions",
    "fallbacks",
    "write_errors",
    "commit_errors",
)
_COUNTS = ("skipped", "responses", "dropped", "duplicates", "http_errors", "request_errors")


def cycles(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One portal's summary entries, oldest first, with the entries of cluster workers that ran side by
    side (their runs overlap in time) merged into one entry per cycle: ``newscrawl health`` then judges the
    cluster's cycle, not a worker that only consumed the queue while another read the feeds."""
    merged: list[dict[str, Any]] = []
    for entry in history:
        last = merged[-1] if merged else None
        if (
            last is not None
            and "worker" in entry
            and "worker" in last
            and entry["started_at"] < last["finished_at"]
        ):
            merged[-1] = merge_entries(last, entry)
        else:
            merged.append(entry)
    return merged


def merge_entries(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two workers' entries of one cycle as one: counts added, coverage weighted by records written, a
    source failed only where no worker read it, the cycle failed when either failed."""
    out = dict(a)
    for key in _ADDED:
        out[key] = a.get(key, 0) + b.get(key, 0)
    for key in _COUNTS:
        counts = dict(a.get(key) or {})
        for name, n in (b.get(key) or {}).items():
            counts[name] = counts.get(name, 0) + n
        out[key] = counts
    written = out["written"]

    def covered(entry: dict[str, Any], name: str) -> float:
        return ((entry.get("coverage") or {}).get(name) or 0) * entry.get("written", 0)

    out["coverage"] = {
        name: round((covered(a, name) + covered(b, name)) / written, 4) if written else None
        for name in COVERAGE_FIELDS
    }
    out["sources"] = _merge_sources(a.get("sources") or {}, b.get("sources") or {})
    samples = {k: list(v) for k, v in (a.get("skipped_samples") or {}).items()}
    for reason, urls in (b.get("skipped_samples") or {}).items():
        samples[reason] = list(dict.fromkeys([*samples.get(reason, []), *urls]))[:SAMPLE_SIZE]
    out["skipped_samples"] = samples
    out["started_at"], out["finished_at"] = (
        min(a["started_at"], b["started_at"]),
        max(a["finished_at"], b["finished_at"]),
    )
    out["duration_s"] = max(a.get("duration_s", 0), b.get("duration_s", 0))
    out["reasons"] = list(dict.fromkeys([*(a.get("reasons") or []), *(b.get("reasons") or [])]))
    out["status"] = "failed" if "failed" in (a.get("status"), b.get("status")) else "ok"
    out["finish_reason"] = (
        a["finish_reason"] if a.get("finish_reason") != "finished" else b.get("finish_reason")
    )
    out["worker"] = ", ".join(dict.fromkeys(f"{a['worker']}, {b['worker']}".split(", ")))
    out["discovery"] = {
        **(a.get("discovery") or {}),
        **{k: v for k, v in (b.get("discovery") or {}).items() if v == "read"},
    }
    return out


def _merge_sources(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    sources = {url: dict(source) for url, source in a.items()}
    for url, source in b.items():
        held = sources.get(url)
        if held is None:
            sources[url] = dict(source)
            continue
        held["entries"] = held.get("entries", 0) + source.get("entries", 0)
        held["articles"] = held.get("articles", 0) + source.get("articles", 0)
        held["read"] = held.get("read", False) or source.get("read", False)
        held["error"] = held.get("error") or source.get("error")
        held["failed"] = (held["error"] is not None and not held["entries"]) or (
            held["read"] and not held["entries"]
        )
    return sources
