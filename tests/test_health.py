"""``newscrawl health`` on synthetic run summaries, and the per-run verdict behind ``newscrawl run``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newscrawl.cli import main
from newscrawl.ops.summaries import merge_portal, portal_line
from newscrawl.ops.verdict import failures

NOW = datetime.now(UTC).replace(microsecond=0)
GOOD_COVERAGE = {"published_at": 1.0, "authors": 0.9, "image_url": 0.95, "tags": 0.8}


def entry(written: int = 10, fallbacks: int = 0, coverage: dict | None = None, **fields) -> dict:
    data = {
        "finish_reason": "finished", "discovered": 40, "skipped": {"already_written": 30},
        "fetched": written, "responses": {"feed": 3, "article": written}, "written": written,
        "versions": 0, "dropped": {}, "duplicates": {}, "fallbacks": fallbacks, "http_errors": {},
        "request_errors": {}, "write_errors": 0, "commit_errors": 0, "duration_s": 12.5,
        "coverage": coverage or GOOD_COVERAGE, **fields,
    }  # fmt: skip
    data["reasons"] = failures(data)
    data["status"] = "failed" if data["reasons"] else "ok"
    return data


def history(output: Path, portal: str, entries: list[dict], end: datetime = NOW) -> None:
    """One run every 15 minutes, the last one finishing at ``end``."""
    for i, data in enumerate(entries):
        started = end - timedelta(minutes=15 * (len(entries) - 1 - i), seconds=30)
        finished = started + timedelta(seconds=30)
        stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
        run_id = f"{started:%Y%m%dT%H%M%SZ}-abc123"  # portals of one quarter-hour share a run
        merge_portal(
            output, run_id, portal, {**data, "started_at": stamp(started), "finished_at": stamp(finished)}
        )


@pytest.fixture
def output(tmp_path: Path) -> Path:
    return tmp_path / "output"


def health(output: Path, capsys, *args: str) -> tuple[int, str]:
    status = main(["health", "-s", f"NEWSCRAWL_OUTPUT_DIR={output}", *args])
    return status, capsys.readouterr().out


def test_an_ok_history_exits_0(output: Path, capsys) -> None:
    history(output, "detik", [entry() for _ in range(12)])
    history(output, "kompas", [entry(written=w) for w in (3, 0, 5, 2, 0, 4)])
    status, text = health(output, capsys)
    assert status == 0, text
    assert text.startswith("ok: 2 portal(s), 12 run(s)")
    assert "detik          ok" in text and "kompas         ok" in text


@pytest.mark.parametrize(
    ("latest", "reason"),
    [
        (entry(written=0, fetched=6, dropped={"not_article": 6}), "zero articles: 6 fetched, none written"),
        (entry(discovered=0, written=0, skipped={}), "zero articles: no article URL discovered"),
        (entry(fallbacks=7), "fallback share rose to 70% (median 0%)"),
        (entry(coverage={**GOOD_COVERAGE, "authors": 0.0}), "authors coverage fell to 0% (median 90%)"),
        (entry(finish_reason="write_error", write_errors=1), "write error"),
    ],
)
def test_a_broken_portal_is_failing_and_exits_1(output: Path, capsys, latest: dict, reason: str) -> None:
    history(output, "detik", [*(entry() for _ in range(10)), latest])
    history(output, "kompas", [entry() for _ in range(3)])
    status, text = health(output, capsys)
    assert status == 1, text
    line = next(line for line in text.splitlines() if line.startswith("detik"))
    assert "failing" in line and reason in line, line
    assert next(line for line in text.splitlines() if line.startswith("kompas")).split()[1] == "ok"


def test_a_smaller_drop_is_degraded_and_exits_0(output: Path, capsys) -> None:
    history(output, "detik", [*(entry() for _ in range(10)), entry(coverage={**GOOD_COVERAGE, "tags": 0.5})])
    status, text = health(output, capsys)
    assert status == 0 and "degraded  tags coverage fell to 50% (median 80%)" in text


def test_recent_runs_are_pooled_until_they_hold_enough_records(output: Path, capsys) -> None:
    """One record without tags in a quiet quarter-hour is noise, not a template change."""
    quiet = [entry(written=1, coverage={**GOOD_COVERAGE, "tags": t}) for t in (1.0, 1.0, 1.0, 0.0)]
    history(output, "detik", [*(entry() for _ in range(10)), *quiet])
    status, text = health(output, capsys, "--json")
    report = json.loads(text)
    assert status == 0 and report["portals"]["detik"]["status"] == "ok"
    assert report["portals"]["detik"]["recent_runs"] == 4


def test_no_run_for_too_long_is_failing(output: Path, capsys) -> None:
    history(output, "detik", [entry() for _ in range(5)], end=NOW - timedelta(hours=30))
    status, text = health(output, capsys)
    assert status == 1 and "no run for 30 h" in text
    assert health(output, capsys, "--max-age", "0")[0] == 0


def test_json_report_shape(output: Path, capsys) -> None:
    history(output, "detik", [*(entry() for _ in range(10)), entry(fallbacks=7)])
    status, text = health(output, capsys, "--json", "detik", "nosuch")
    report = json.loads(text)
    assert status == 1
    assert set(report) == {"status", "reasons", "checked_at", "runs_read", "portals"}
    assert report["status"] == "failing" and report["runs_read"] == 11
    detik, nosuch = report["portals"]["detik"], report["portals"]["nosuch"]
    assert detik["status"] == "failing" and detik["last_run"].endswith("-abc123")
    assert detik["fallback_share"] == {"recent": 0.7, "median": 0.0}
    assert detik["coverage"]["authors"] == {"recent": 0.9, "median": 0.9}
    assert {"reasons", "last_run_at", "recent_runs", "baseline_runs"} <= set(detik)
    assert nosuch == {"status": "failing", "reasons": ["no run summary for this portal"]}


def test_no_summaries_at_all_is_failing(output: Path, capsys) -> None:
    status, text = health(output, capsys)
    assert status == 1 and "no run summaries" in text


def test_run_verdict_names_outright_failures() -> None:
    assert failures(entry()) == []
    dead = entry(written=0, responses={}, request_errors={"feed": 9, "sitemap": 2})
    assert failures(dead) == ["every feed/sitemap request failed (11)"]
    articles = entry(written=0, responses={"feed": 1}, request_errors={"article": 4})
    assert failures(articles) == ["every article request failed (4)"]
    assert failures(entry(fallbacks=6)) == ["generic fallback on 6 of 10 articles (portal rules missed)"]
    assert failures(entry(written=2, fallbacks=2)) == []  # too few articles to judge a share
    broken = entry(written=0, fetched=5, dropped={"not_article": 5})
    assert failures(broken) == ["none of 5 fetched articles written (5 dropped)"]
    assert failures(entry(written=0, fetched=5, duplicates={"content": 5})) == []  # nothing new is fine
    assert failures(entry(finish_reason="shutdown")) == ["interrupted"]
    line = portal_line("detik", entry(started_at="x", finished_at="y"))
    assert line.startswith("detik          ok      discovered 40, fetched 10, written 10")


def sources(feed_failed: bool) -> dict:
    feed = {"kind": "feed", "origin": "registered", "entries": 0 if feed_failed else 20, "articles": 0,
            "error": "404 Not Found" if feed_failed else None, "failed": feed_failed}  # fmt: skip
    robots = {"kind": "sitemap", "origin": "robots.txt", "entries": 40, "articles": 10, "error": None,
              "failed": False}  # fmt: skip
    return {"https://news.detik.com/rss": feed, "https://www.detik.com/sitemap.xml": robots}


def test_a_registered_feed_dead_several_runs_in_a_row_is_flagged(output: Path, capsys) -> None:
    """The declared sources carry the crawl, so the runs are ok; health still says the module's URL died."""
    runs = [entry(sources=sources(False)) for _ in range(6)] + [
        entry(sources=sources(True)) for _ in range(3)
    ]
    history(output, "detik", runs)
    status, text = health(output, capsys)
    assert status == 0, text  # degraded, not failing
    assert "detik          degraded" in text
    assert "registered feed https://news.detik.com/rss failed 3 runs in a row (404 Not Found)" in text


def test_a_feed_dead_once_is_not_flagged(output: Path, capsys) -> None:
    runs = [entry(sources=sources(False)) for _ in range(6)] + [entry(sources=sources(True))]
    history(output, "detik", runs)
    assert "detik          ok" in health(output, capsys)[1]


def test_a_rising_share_of_entries_skipped_for_their_url_is_flagged(output: Path, capsys) -> None:
    """A portal that moved its articles to new hosts or a new URL scheme the rules refuse."""
    usual = [entry(entries=100, skipped={"already_written": 30, "not_article_url": 2}) for _ in range(8)]
    moved = [entry(entries=100, skipped={"off_domain": 45, "not_article_url": 2}) for _ in range(2)]
    history(output, "kompas", usual + moved)
    status, text = health(output, capsys, "--json")
    assert status == 0, text
    verdict = json.loads(text)["portals"]["kompas"]
    assert verdict["status"] == "degraded"
    assert verdict["skipped_share"] == {"recent": 0.47, "median": 0.02}
    assert "discovery entries skipped for their URL rose to 47% (median 2%)" in verdict["reasons"]


def test_cluster_workers_of_one_cycle_are_judged_together(output: Path, capsys) -> None:
    """Several machines write to one output folder: in each cycle one worker reads the sources and the
    other only takes articles from the shared queue. Alone, that worker discovered nothing and a quiet
    cycle leaves it with nothing written; with the reader of its cycle, the portal is healthy."""
    for n in range(8):
        started = NOW - timedelta(minutes=15 * (8 - n))
        stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
        reader = entry(written=6, sources=sources(False), worker="w1", discovery={"sources": "read"})
        taker = entry(written=4 if n < 7 else 0, discovered=0, skipped={}, entries=0, sources={},
                      worker="w2", discovery={"sources": "read by w1"})  # fmt: skip
        for worker, data, offset in (("w1", reader, 0), ("w2", taker, 2)):
            begin = started + timedelta(seconds=offset)
            times = {"started_at": stamp(begin), "finished_at": stamp(begin + timedelta(seconds=40))}
            merge_portal(output, f"{begin:%Y%m%dT%H%M%SZ}-{worker}", "detik", {**data, **times})
    status, text = health(output, capsys, "--json")
    assert status == 0, text
    verdict = json.loads(text)["portals"]["detik"]
    assert verdict["status"] == "ok", verdict
    cycles = verdict["recent_runs"] + verdict["baseline_runs"]
    assert cycles == 8, "one cycle per quarter-hour, not one per worker"
