"""``newscrawl run`` as cron runs it: real subprocesses against a local replica of the portals.

Two runs in a row (the second fetches and writes nothing, a modified article comes back as version 2),
a run killed with SIGKILL (nothing lost, nothing half-written), two runs at once (one exits 75), a
backfill interrupted and resumed through its JOBDIR, and the exit status of a portal that fails.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newscrawl.cli import main
from tests.conftest import ROOT
from tests.support.replica import (
    ReplicaSite,
    crawl_options,
    expected_record,
    news_sitemap,
    portal_replica,
    serve,
)

MODIFIED_PAGE = b"2025-03-04T08:02:11+07:00"  # the banjir article's dateModified


def command(
    tmp: Path, origin: str, *args: str, program: tuple[str, str] = ("newscrawl.cli", "run")
) -> list[str]:
    """``newscrawl run ARGS`` (or ``scrapy crawl ARGS``) against the replica at ``origin``, in ``tmp``."""
    return [sys.executable, "-m", *program, *args, *crawl_options(origin, tmp)]


ENV = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:scrapy"}


def run(tmp: Path, origin: str, *args: str) -> subprocess.CompletedProcess:
    cmd = command(tmp, origin, *args)
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, env=ENV)


def start(tmp: Path, origin: str, *args: str) -> subprocess.Popen:
    cmd = command(tmp, origin, *args)
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)


def final_records(output: Path) -> list[dict]:
    """Every record in every final file; each file must end with a complete line."""
    records = []
    for path in sorted(output.glob("*/*/*.jsonl")):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n"), f"{path} ends in a partial line"
        records += [json.loads(line) for line in text.splitlines()]
    return records


def stored_urls(state: Path) -> set[str]:
    with sqlite3.connect(state / "seen.sqlite3") as db:
        return {row[0] for row in db.execute("SELECT url FROM seen")}


def article_fetches(site: ReplicaSite, cases: list) -> int:
    paths = {c.fetched_url().split("://", 1)[1].split("?", 1)[0] for c in cases}
    return sum(1 for key in site.requests if key.split("?", 1)[0] in paths)


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_second_run_fetches_nothing_then_a_modified_article_becomes_version_2(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    site, cases = portal_replica("detik", announced=now)
    with serve(site) as origin:
        first = run(tmp_path, origin, "detik")
        assert first.returncode == 0, first.stderr[-3000:]
        assert len(final_records(tmp_path / "output")) == len(cases)
        fetched_before = article_fetches(site, cases)

        started = time.monotonic()
        second = run(tmp_path, origin, "detik")
        no_op_seconds = time.monotonic() - started
        assert second.returncode == 0, second.stderr[-3000:]
        assert article_fetches(site, cases) == fetched_before, "an article page was fetched again"
        assert len(final_records(tmp_path / "output")) == len(cases)
        run_id = second.stdout.split("run ", 1)[1].split(":", 1)[0]
        summary = json.loads((tmp_path / "output" / "_runs" / f"{run_id}.json").read_text())
        entry = summary["portals"]["detik"]
        assert (entry["written"], entry["fetched"]) == (0, 0)
        assert entry["skipped"]["already_written"] == len(cases)

        # The banjir article (announced by the sitemap) changes: new text, later dateModified and lastmod.
        banjir = next(c for c in cases if "banjir" in c.name)
        url = banjir.fetched_url()
        route = site.lookup(url.split("://", 1)[1])
        later = (now + timedelta(minutes=5)).astimezone(UTC).isoformat(timespec="seconds")
        route.body = route.body.replace(MODIFIED_PAGE, later.encode()).replace(
            b"mencapai satu meter.", b"mencapai satu setengah meter."
        )
        sitemap = site.lookup(site_key(site, "sitemap_news.xml"))
        sitemap.body = news_sitemap([(url, now)], lastmod={url: now + timedelta(minutes=5)})
        third = run(tmp_path, origin, "detik")
        assert third.returncode == 0, third.stderr[-3000:]
    records = final_records(tmp_path / "output")
    assert len(records) == len(cases) + 1
    newest = [r for r in records if r["url"] == expected_record(banjir)["url"]]
    assert sorted(r["version"] for r in newest) == [1, 2]
    v2 = next(r for r in newest if r["version"] == 2)
    assert v2["modified_at"] and v2["modified_at"] > expected_record(banjir)["modified_at"]
    assert "satu setengah meter" in v2["body"]
    assert no_op_seconds < 20
    print(f"no-op second run: {no_op_seconds:.2f} s")


def site_key(site: ReplicaSite, suffix: str) -> str:
    return next(key for key in site.routes if key.endswith(suffix))


def test_run_killed_mid_crawl_loses_nothing(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    site, detik = portal_replica("detik", announced=now)
    kompas_site, kompas = portal_replica("kompas", announced=now)
    for key, route in list(kompas_site.routes.items()):  # `?page=1` pages also answer `?page=all`
        kompas_site.routes.setdefault(key.removesuffix("?page=1"), route)
    slow = [k for k in kompas_site.routes if "/read/" in k][:1]  # one kompas article answers late
    site.merge(kompas_site).slow_down(30, slow)
    output = tmp_path / "output"

    def mid_crawl() -> bool:  # detik final; kompas has records in its .part file and waits for the slow one
        done = list((output / "detik").glob("*/*.jsonl")) and list(output.glob("kompas/*/*.part"))
        return bool(done) and any(slow[0] in key for key in site.requests)

    with serve(site) as origin:
        crawl = start(tmp_path, origin, "detik", "kompas")
        wait_for(mid_crawl)
        crawl.send_signal(signal.SIGKILL)
        crawl.communicate(timeout=30)
        assert crawl.returncode == -signal.SIGKILL
        records = final_records(output)
        assert {r["portal"] for r in records} == {"detik"}
        assert stored_urls(tmp_path / "state") <= {r["url"] for r in records}

        site.slow_down(0, slow)
        again = run(tmp_path, origin, "detik", "kompas")
        assert again.returncode == 0, again.stderr[-3000:]
    records = final_records(output)
    counts = Counter(r["url"] for r in records)
    expected = {expected_record(c)["url"] for c in detik + kompas}
    assert set(counts) == expected and set(counts.values()) == {1}
    assert stored_urls(tmp_path / "state") == expected


def test_two_runs_at_once_one_runs_the_other_exits_75(tmp_path: Path) -> None:
    site, cases = portal_replica("detik", announced=datetime.now(UTC))
    site.slow_down(2.0, [k for k in site.routes if "/d-" in k])
    with serve(site) as origin:
        first, second = start(tmp_path, origin, "detik"), start(tmp_path, origin, "detik")
        results = [(p.wait(timeout=180), *p.communicate()) for p in (first, second)]
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [0, 75], results
    refused = next(err for status, _, err in results if status == 75)
    assert "another newscrawl run holds" in refused and "nothing done" in refused
    assert len(list((tmp_path / "output" / "_runs").glob("*.json"))) == 1
    assert len(final_records(tmp_path / "output")) == len(cases)


def test_backfill_is_resumed_from_its_jobdir_after_an_interruption(tmp_path: Path) -> None:
    site, cases = portal_replica("detik", index=True)
    dates = sorted(expected_record(c)["published_at"][:10] for c in cases)
    args = ("detik", "--since", dates[0], "--until", dates[-1], "-s", "CONCURRENT_REQUESTS=1")
    site.slow_down(0.3)
    job = tmp_path / "state" / "jobs" / f"detik-{dates[0]}-{dates[-1]}"
    with serve(site) as origin:
        crawl = start(tmp_path, origin, *args)
        wait_for(lambda: sum("robots" not in r for r in site.requests) >= 6)
        crawl.send_signal(signal.SIGTERM)  # as cron's timeout or systemd would: a clean stop
        out, err = crawl.communicate(timeout=120)
        assert crawl.returncode == 1 and "interrupted" in out, err[-3000:]
        assert (job / "requests.seen").exists() and not (job / "newscrawl-running").exists()
        first_requests = len(site.requests)
        site.slow_down(0)
        resumed = run(tmp_path, origin, *args)
        assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "Resuming the backfill job" in resumed.stderr
    assert "Unable to serialize" not in err + resumed.stderr
    assert not job.exists(), "a finished backfill leaves no job behind"
    counts = Counter(r["url"] for r in final_records(tmp_path / "output"))
    assert set(counts) == {expected_record(c)["url"] for c in cases} and set(counts.values()) == {1}
    # Continued, not restarted: no feed, sitemap or index page of the first run was requested again.
    pages = Counter(key for key in site.requests if "robots.txt" not in key)
    assert first_requests < len(site.requests) and max(pages.values()) == 1, pages


def test_a_portal_that_fails_outright_is_named_and_the_status_is_1(tmp_path: Path) -> None:
    with serve(ReplicaSite()) as origin:  # every request 404s
        result = run(tmp_path, origin, "detik")
    assert result.returncode == 1
    assert "failed: detik" in result.stderr
    assert "every feed/sitemap request failed" in result.stdout


def test_usage_errors_exit_2_before_anything_is_touched(tmp_path: Path, capsys) -> None:
    state = f"NEWSCRAWL_STATE_DIR={tmp_path / 'state'}"
    assert main(["run", "nosuchportal", "-s", state]) == 2
    assert "unknown portal(s) nosuchportal" in capsys.readouterr().err
    assert main(["run", "detik", "--since", "2024-13-01", "-s", state]) == 2
    assert main(["run", "detik", "-s", "NOEQUALS"]) == 2
    assert not (tmp_path / "state").exists()


def test_plain_scrapy_crawl_leaves_a_summary_too(tmp_path: Path) -> None:
    site, cases = portal_replica("detik", announced=datetime.now(UTC))
    with serve(site) as origin:
        cmd = command(tmp_path, origin, "detik", program=("scrapy", "crawl"))
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, env=ENV)
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = (tmp_path / "output" / "_runs").glob("*.json")
    summary = json.loads(path.read_text(encoding="utf-8"))
    entry = summary["portals"]["detik"]
    assert summary["status"] == entry["status"] == "ok" and entry["finish_reason"] == "finished"
    assert (entry["discovered"], entry["fetched"], entry["written"]) == (len(cases), len(cases), len(cases))
    assert entry["coverage"] == {"published_at": 1.0, "authors": 1.0, "image_url": 1.0, "tags": 1.0}
    assert entry["responses"]["feed"] == 1 and entry["http_errors"] == {"404": 9}  # the feeds not served
    assert entry["duration_s"] > 0 and summary["run_id"] == path.stem
    assert f"Run summary {path}: detik" in result.stderr


def test_a_job_left_by_a_killed_run_is_discarded_and_a_cleanly_stopped_one_resumed(tmp_path: Path) -> None:
    from newscrawl.ops import jobs

    path = jobs.job_dir(tmp_path, "detik", "2024-01-01", None)
    assert path == tmp_path / "jobs" / "detik-2024-01-01-open"
    assert not jobs.begin(path) and (path / jobs.MARKER).exists()
    (path / "requests.seen").write_text("fingerprint\n")
    jobs.end(path, closed=True, interrupted=True)  # interrupted cleanly: kept, unmarked
    assert (path / "requests.seen").exists() and not (path / jobs.MARKER).exists()
    assert jobs.begin(path)  # resumed
    assert not jobs.begin(path)  # still marked: a killed run's job, discarded
    assert not (path / "requests.seen").exists()
    jobs.end(path, closed=False, interrupted=False)  # never closed: the mark stays
    assert (path / jobs.MARKER).exists()
    jobs.end(path, closed=True, interrupted=False)  # ended on its own, even failed: walked again next time
    assert not path.exists()
