"""``newscrawl health``: each portal ok, degraded or failing, judged on the recent run summaries.

A portal is compared with its own history: the latest runs, pooled until they hold ``MIN_SAMPLE``
written records (at most ``RECENT_RUNS`` runs), against the median of the runs before them (at least
``MIN_BASELINE`` runs). Failing: the last run failed, no run for ``--max-age`` hours, zero articles
(fetched but none written, or nothing discovered where the history discovered some), or a fallback rise /
field-coverage drop of ``FAILING`` or more. A rise or drop of ``DEGRADED`` or more is degraded, and so is
a rise of ``SKIP_DEGRADED`` in the share of feed/sitemap entries skipped for their URL (a new URL scheme, a
move of hosts) or a registered feed or sitemap that failed ``SOURCE_FAILED_RUNS`` runs in a row (the
portal's declared sources may be carrying the crawl: the module's URL wants updating).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from statistics import median
from typing import Any

from newscrawl.ops.common import EXIT_FAILED, EXIT_OK, add_settings_option, output_dir, project_settings
from newscrawl.ops.summaries import COVERAGE_FIELDS, SHAPE_SKIPS, cycles, load_runs, runs_dir

MIN_SAMPLE, RECENT_RUNS, MIN_BASELINE = 5, 4, 3
DEGRADED, FAILING = 0.2, 0.5
SOURCE_FAILED_RUNS = 3
"""A registered feed or sitemap that failed (or listed nothing) this many runs in a row is flagged."""
SKIP_DEGRADED = 0.1
"""A rise of the share of discovery entries skipped for their URL by this much is flagged degraded."""
Entry = dict[str, Any]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("health", help="each portal ok, degraded or failing, from recent run summaries")
    parser.add_argument("portals", nargs="*", metavar="PORTAL", help="only these portals (default: all)")
    parser.add_argument("--json", action="store_true", help="the report as JSON, for machines")
    parser.add_argument("--runs", type=int, default=30, help="run summaries read, newest first (default 30)")
    parser.add_argument(
        "--max-age", type=float, default=24.0, help="hours without a run that make a portal failing (0: off)"
    )
    add_settings_option(parser)
    parser.set_defaults(func=cmd_health)


def _grade(change: float, what: str, failing: list[str], degraded: list[str]) -> None:
    if change >= FAILING:
        failing.append(what)
    elif change >= DEGRADED:
        degraded.append(what)


def assess(history: list[Entry], now: datetime, max_age_h: float = 0) -> Entry:
    """One portal's verdict from its summary entries, oldest first (at least one)."""
    latest, failing, degraded = history[-1], [], []
    if latest["status"] != "ok":
        failing += latest.get("reasons") or ["the last run failed"]
    age_h = (now - datetime.fromisoformat(latest["finished_at"])).total_seconds() / 3600
    if max_age_h and age_h > max_age_h:
        failing.append(f"no run for {age_h:.0f} h (last at {latest['finished_at']})")
    if latest["fetched"] and not latest["written"] and sum(latest["dropped"].values()):
        dropped = ", ".join(f"{k} {v}" for k, v in latest["dropped"].items())
        failing.append(f"zero articles: {latest['fetched']} fetched, none written (dropped: {dropped})")
    n = 1
    while n < min(RECENT_RUNS, len(history)) and sum(e["written"] for e in history[-n:]) < MIN_SAMPLE:
        n += 1
    recent, base = history[-n:], history[:-n]
    report: Entry = {"recent_runs": n, "baseline_runs": len(base)}
    usual = median(e["discovered"] for e in history[:-1]) if len(history) > MIN_BASELINE else 0
    if usual and not latest["discovered"]:
        failing.append(f"zero articles: no article URL discovered (median {usual:g})")
    fetched, written = sum(e["fetched"] for e in recent), sum(e["written"] for e in recent)
    shares = [e["fallbacks"] / e["fetched"] for e in base if e["fetched"]]
    if fetched >= MIN_SAMPLE and len(shares) >= MIN_BASELINE:
        now_share, usual_share = sum(e["fallbacks"] for e in recent) / fetched, median(shares)
        report["fallback_share"] = {"recent": round(now_share, 4), "median": round(usual_share, 4)}
        what = f"fallback share rose to {now_share:.0%} (median {usual_share:.0%})"
        _grade(now_share - usual_share, what, failing, degraded)
    _skipped_share(recent, base, report, failing, degraded)
    degraded += _dead_sources(history)
    report["coverage"] = {}
    for name in COVERAGE_FIELDS:
        past = [e["coverage"][name] for e in base if e["written"] and e["coverage"].get(name) is not None]
        if written < MIN_SAMPLE or len(past) < MIN_BASELINE:
            continue
        now_cov = sum((e["coverage"].get(name) or 0) * e["written"] for e in recent) / written
        usual_cov = median(past)
        report["coverage"][name] = {"recent": round(now_cov, 4), "median": round(usual_cov, 4)}
        what = f"{name} coverage fell to {now_cov:.0%} (median {usual_cov:.0%})"
        _grade(usual_cov - now_cov, what, failing, degraded)
    status = "failing" if failing else "degraded" if degraded else "ok"
    return {"status": status, "reasons": failing + degraded, "last_run_at": latest["finished_at"], **report}


def _shape_skips(entry: Entry) -> int:
    return sum(entry["skipped"].get(reason, 0) for reason in SHAPE_SKIPS if reason != "index_link_unmatched")


def _skipped_share(
    recent: list[Entry], base: list[Entry], report: Entry, failing: list, degraded: list
) -> None:
    """Flag a rise of the share of feed/sitemap entries skipped for their URL (off the portal's domains
    or a declared non-article): a portal that changed its URL scheme or moved hosts."""
    entries = sum(e.get("entries", 0) for e in recent)
    shares = [_shape_skips(e) / e["entries"] for e in base if e.get("entries")]
    if entries < MIN_SAMPLE or len(shares) < MIN_BASELINE:
        return
    now_share, usual_share = sum(_shape_skips(e) for e in recent) / entries, median(shares)
    report["skipped_share"] = {"recent": round(now_share, 4), "median": round(usual_share, 4)}
    rise = now_share - usual_share
    what = f"discovery entries skipped for their URL rose to {now_share:.0%} (median {usual_share:.0%})"
    if rise >= FAILING:
        failing.append(what)
    elif rise >= SKIP_DEGRADED:
        degraded.append(what)


def _dead_sources(history: list[Entry]) -> list[str]:
    """Registered feeds and sitemaps that failed or listed nothing in each of the last runs."""
    flagged = []
    for url, source in (history[-1].get("sources") or {}).items():
        if source.get("origin") != "registered":
            continue
        streak = 0
        for entry in reversed(history):
            if not (entry.get("sources") or {}).get(url, {}).get("failed"):
                break
            streak += 1
        if streak >= SOURCE_FAILED_RUNS:
            why = source.get("error") or "listed nothing"
            flagged.append(
                f"registered {source.get('kind', 'source')} {url} failed {streak} runs in a row ({why})"
            )
    return flagged


def report(runs: list[Entry], portals: list[str], now: datetime, max_age_h: float) -> Entry:
    names = portals or sorted({name for run in runs for name in run["portals"]})
    verdicts: Entry = {}
    for name in names:
        entries = [run["portals"][name] | {"run_id": run["run_id"]} for run in runs if name in run["portals"]]
        history = cycles(entries)  # cluster workers of one cycle judged together
        if not history:
            verdicts[name] = {"status": "failing", "reasons": ["no run summary for this portal"]}
            continue
        verdicts[name] = assess(history, now, max_age_h) | {"last_run": history[-1]["run_id"]}
    reasons = [] if verdicts else ["no run summaries"]
    statuses = {v["status"] for v in verdicts.values()} or {"failing"}
    status = next(s for s in ("failing", "degraded", "ok") if s in statuses)
    checked = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "status": status,
        "reasons": reasons,
        "checked_at": checked,
        "runs_read": len(runs),
        "portals": verdicts,
    }


def cmd_health(args: argparse.Namespace) -> int:
    try:
        output = output_dir(project_settings(args.set))
    except ValueError as exc:
        print(f"newscrawl health: {exc}", file=sys.stderr)
        return 2
    runs = load_runs(output, max(args.runs, 1))
    result = report(runs, list(dict.fromkeys(args.portals)), datetime.now(UTC), args.max_age)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        head = f"{len(result['portals'])} portal(s), {len(runs)} run(s) in {runs_dir(output)}"
        print(f"{result['status']}: {'; '.join([head, *result['reasons']])}")
        for name, verdict in result["portals"].items():
            why = "; ".join(verdict["reasons"]) or f"last run {verdict.get('last_run')}"
            print(f"{name:<14} {verdict['status']:<9} {why}")
    return EXIT_FAILED if result["status"] == "failing" else EXIT_OK
