"""Issue 13: several workers, one frontier, on scrapy-redis and a real Redis (``redis_url`` of conftest.py).

The components against Redis directly (the seen-store, leased queue, recovery, duplicate filter, discovery
leases), then real ``newscrawl run`` worker processes against a local replica: two workers write every
article exactly once; a worker killed with SIGKILL loses nothing; Redis stopped mid-run stops the workers
cleanly, with output and seen-store consistent, and the next run continues.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis
from scrapy import Request, Spider
from scrapy.settings import Settings

from newscrawl.cli import main
from newscrawl.cluster import keys
from newscrawl.cluster.dupefilter import ExpiringDupeFilter
from newscrawl.cluster.queue import LEASE, LeasedQueue
from newscrawl.cluster.worker import ACQUIRED, DONE, HELD, Worker
from newscrawl.state import SeenEntry, StateError, open_store
from tests.conftest import ROOT
from tests.support import many
from tests.support.many import DETIK
from tests.support.redis_server import start, stop
from tests.support.replica import crawl_options, portal_replica, serve


def entry(i: int, version: int = 1) -> SeenEntry:
    return SeenEntry(
        f"https://news.detik.com/berita/d-{i}/judul", f"{i:064x}", version, None, "2026-01-01T00:00:00Z"
    )


def worker(url: str, name: str, beat: float = 1.0) -> Worker:
    settings = Settings({"NEWSCRAWL_REDIS_URL": url, "NEWSCRAWL_WORKER_ID": name})
    settings.set("NEWSCRAWL_HEARTBEAT_SECONDS", beat)
    return Worker.for_settings(settings)


# --- the seen-store in Redis -----------------------------------------------------------------------------
def test_redis_seen_store_keeps_the_highest_version_files_and_hashes(redis_url: str) -> None:
    with open_store({"NEWSCRAWL_STATE_URL": redis_url}) as store:
        store.add_many([entry(i) for i in range(2_000)], files=["detik/2026-01-02/r-w-0001.jsonl"])
        store.add_many([entry(7, version=3)])
        store.add_many([entry(7, version=2)])  # an older version arriving late never wins
        assert store.count() == 2_000 and store.get(entry(7).url).version == 3
        assert store.get(entry(8).url) == entry(8) and store.get("https://example.com/") is None
        assert store.has_hash(entry(1_999).content_hash) and not store.has_hash("f" * 64)
        assert store.has_file("detik/2026-01-02/r-w-0001.jsonl") and store.newest_file_day() == "2026-01-02"
    with open_store(redis_url) as again:  # another process, another machine: the same store
        assert again.has_url(entry(0).url)


def test_an_unreachable_redis_store_is_a_clear_error() -> None:
    with pytest.raises(StateError, match=r"seen-store redis://127\.0\.0\.1:1/0 cannot be used"):
        open_store("redis://127.0.0.1:1/0")


# --- leases, recovery, duplicate filter, discovery leases ------------------------------------------------
class _Spider(Spider):
    name = "detik"

    def parse(self, response):
        return None


def test_a_popped_request_is_leased_until_released_and_a_dead_workers_leases_come_back(
    redis_url: str,
) -> None:
    server, spider = redis.Redis.from_url(redis_url), _Spider()
    queue = LeasedQueue(server, spider, keys.SCHEDULER_QUEUE_KEY)
    queue.worker_id = "dies"
    for n in range(3):
        queue.push(Request(f"https://news.detik.com/berita/d-{n}/x", callback=spider.parse))
    taken = [queue.pop(), queue.pop()]
    assert len(queue) == 1 and server.hlen(keys.processing("dies")) == 2
    assert all(r.meta[LEASE].endswith("@newscrawl:detik:requests") for r in taken)
    survivor = worker(redis_url, "lives")
    server.zadd(keys.WORKERS, {"dies": time.time()})  # registered, but its alive key is gone: dead
    assert survivor.recover_dead() == 2
    assert len(queue) == 3 and server.hlen(keys.processing("dies")) == 0
    queue.worker_id = survivor.id
    again = queue.pop()
    survivor.release([again.meta[LEASE]])
    assert server.hlen(keys.processing(survivor.id)) == 0


def test_the_duplicate_filter_is_shared_and_forgets(redis_url: str, monkeypatch) -> None:
    server, request = redis.Redis.from_url(redis_url), Request("https://news.detik.com/berita/d-1/x")
    first = ExpiringDupeFilter(server, "newscrawl:detik:requested", hours=1)
    other = ExpiringDupeFilter(server, "newscrawl:detik:requested", hours=1)  # another worker
    assert not first.request_seen(request) and other.request_seen(request)
    now = time.time()
    monkeypatch.setattr("newscrawl.cluster.dupefilter.time.time", lambda: now + 3 * 3600)
    assert not other.request_seen(request), "three hours later the fingerprint is forgotten"


def test_one_worker_reads_a_unit_and_a_dead_readers_unit_passes_on(redis_url: str) -> None:
    a, b = worker(redis_url, "a", beat=0.2), worker(redis_url, "b", beat=0.2)
    assert a.take_discovery("detik", "sources") == (ACQUIRED, None)
    assert b.take_discovery("detik", "sources") == (HELD, "a")
    time.sleep(0.8)  # a stops beating: its lease (three beats) expires
    assert b.take_discovery("detik", "sources") == (ACQUIRED, None)
    b.finish_discovery("detik", "sources")
    assert a.take_discovery("detik", "sources") == (DONE, "b")


# --- worker processes against a replica --------------------------------------------------------------------
ENV = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:scrapy"}


def worker_process(tmp: Path, origin: str, url: str, name: str, *args: str) -> subprocess.Popen:
    """``newscrawl run detik ARGS`` as worker ``name``: its own output and state folders (another machine)."""
    options = crawl_options(origin, tmp / name, NEWSCRAWL_REDIS_URL=url, NEWSCRAWL_WORKER_ID=name,
                            NEWSCRAWL_HEARTBEAT_SECONDS=1, NEWSCRAWL_COMMIT_RECORDS=10)  # fmt: skip
    command = [sys.executable, "-m", "newscrawl.cli", "run", "detik", *args, *options]
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )


def final_urls(tmp: Path, *workers: str) -> list[str]:
    urls = []
    for name in workers:
        for path in sorted((tmp / name / "output").glob("*/*/*.jsonl")):
            text = path.read_text(encoding="utf-8")
            assert text.endswith("\n"), f"{path} ends in a partial line"
            urls += [json.loads(line)["url"] for line in text.splitlines()]
    return urls


def portal_summary(worker_dir: Path) -> dict:
    """The detik entry of the worker's one run summary."""
    (path,) = (worker_dir / "output" / "_runs").glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))["portals"]["detik"]


def expected_urls(count: int) -> set[str]:
    return {many.article_url(n) for n in range(count)}


def test_two_workers_share_one_frontier_and_write_every_article_once(tmp_path: Path, redis_url: str) -> None:
    site = many.replica(200, datetime.now(UTC))
    site.slow_down(0.2)  # four requests at a time per host: 10 s of work, time for an idle worker to join
    with serve(site) as origin:
        procs = [worker_process(tmp_path, origin, redis_url, name) for name in ("a", "b")]
        results = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in results]
    urls = final_urls(tmp_path, "a", "b")
    assert sorted(urls) == sorted(expected_urls(200)), "every article exactly once across both workers"
    per_worker = [final_urls(tmp_path, name) for name in ("a", "b")]
    assert all(per_worker), "both workers wrote articles: the frontier is shared"
    assert sum(site.fetched(many.fetch_url(n)) for n in range(200)) == 200, "each article fetched once"
    files = [p.name for p in (tmp_path / "a" / "output").glob("*/*/*.jsonl")]
    assert all("-a-" in name for name in files), "the worker id is in its file names"
    with open_store(redis_url) as store:
        assert store.count() == 200
    # Discovery: one worker read the sources, every one of them once (the replica's feeds answer 404),
    # and its summary tells what each gave; the other's verdict is not about sources it never read.
    summaries = {name: portal_summary(tmp_path / name) for name in ("a", "b")}
    readers = [name for name, entry in summaries.items() if entry["discovery"] == {"sources": "read"}]
    assert len(readers) == 1, {name: entry["discovery"] for name, entry in summaries.items()}
    (reader,) = readers
    (other,) = set(summaries) - {reader}
    assert summaries[reader]["sources"][DETIK.news_sitemaps[0]]["entries"] == 200
    assert summaries[reader]["sources"][DETIK.feeds[0]]["failed"]
    assert summaries[other]["sources"] == {} and summaries[other]["worker"] == other
    assert summaries[other]["discovery"]["sources"] in (f"read by {reader}", f"read this cycle by {reader}")
    assert [site.fetched(url) for url in [*DETIK.feeds, *DETIK.news_sitemaps]] == [1] * (
        len(DETIK.feeds) + len(DETIK.news_sitemaps)
    )


def test_a_worker_killed_midway_loses_nothing(tmp_path: Path, redis_url: str) -> None:
    """SIGKILL: its leased requests (fetched, extracted, or waiting in its unfinished chunk) return to the
    queue when its heartbeat expires; after a second pass every article is written exactly once."""
    site = many.replica(120, datetime.now(UTC))
    site.slow_down(0.05)
    with serve(site) as origin:
        doomed = worker_process(tmp_path, origin, redis_url, "doomed")
        deadline = time.monotonic() + 60
        while not list((tmp_path / "doomed" / "output").glob("*/*/*.jsonl")):  # a chunk committed
            assert time.monotonic() < deadline and doomed.poll() is None, "the worker never committed a chunk"
            time.sleep(0.1)
        other = worker_process(tmp_path, origin, redis_url, "other")
        while not any(p.stat().st_size for p in (tmp_path / "doomed" / "output").glob("*/*/*.part")):
            assert time.monotonic() < deadline and doomed.poll() is None, "no records in an open chunk"
            time.sleep(0.02)
        doomed.send_signal(signal.SIGKILL)  # mid-chunk: records written but not yet final
        doomed.wait(timeout=10)
        other.communicate(timeout=240)
        second = worker_process(tmp_path, origin, redis_url, "second")
        _, err = second.communicate(timeout=240)
    assert other.returncode == 0 and second.returncode == 0, err[-2000:]
    urls = final_urls(tmp_path, "doomed", "other", "second")
    assert sorted(urls) == sorted(expected_urls(120)), "exactly once after the second pass"
    assert list((tmp_path / "doomed" / "output").glob("*/*/*.part")), "the killed worker's unfinished chunk"


def test_redis_stopped_mid_run_stops_the_worker_cleanly_and_the_next_run_continues(tmp_path: Path) -> None:
    folder = tmp_path / "redis"
    port, pid = start(folder, persist=True)
    url = f"redis://127.0.0.1:{port}/0"
    site = many.replica(120, datetime.now(UTC))
    site.slow_down(0.05)
    try:
        with serve(site) as origin:
            proc = worker_process(tmp_path, origin, url, "w")
            deadline = time.monotonic() + 60
            while not list((tmp_path / "w" / "output").glob("*/*/*.jsonl")):
                assert time.monotonic() < deadline and proc.poll() is None, "no chunk committed"
                time.sleep(0.1)
            stop(pid)  # Redis goes away mid-run
            _, err = proc.communicate(timeout=120)
            assert proc.returncode != 0, "a run that lost Redis must not look ok"
            assert "Redis" in err and "Traceback" not in err, err[-3000:]
            written = final_urls(tmp_path, "w")
            assert not list((tmp_path / "w" / "output").glob("*/*/*.part")), "every record read is final"
            port, pid = start(folder, port=port, persist=True)  # Redis is back, with its data
            with open_store(url) as store:
                seen = {u for u in (entry_url(store, n) for n in range(120)) if u}
            assert seen <= set(written), "nothing is marked seen that was not written"
            again = worker_process(tmp_path, origin, url, "w")
            _, err = again.communicate(timeout=240)
        assert again.returncode == 0, err[-3000:]
        urls = final_urls(tmp_path, "w")
        assert sorted(urls) == sorted(expected_urls(120)), "the next run wrote the rest, nothing twice"
    finally:
        stop(pid)


def entry_url(store, n: int) -> str | None:
    url = many.article_url(n)
    return url if store.has_url(url) else None


# --- the status command and state rebuild into Redis ------------------------------------------------------
def test_cluster_status_and_state_rebuild_into_redis(tmp_path: Path, redis_url: str, capsys) -> None:
    output = tmp_path / "output" / "detik" / "2026-01-01"
    output.mkdir(parents=True)
    records = [{"url": e.url, "content_hash": e.content_hash, "version": 1} for e in map(entry, range(5))]
    (output / "20260101T000000Z-abcdef-m1-0001.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records)
    )
    common = ["-s", f"NEWSCRAWL_REDIS_URL={redis_url}", "-s", f"NEWSCRAWL_OUTPUT_DIR={tmp_path / 'output'}",
              "-s", f"NEWSCRAWL_STATE_DIR={tmp_path / 'state'}"]  # fmt: skip
    assert main(["state", "rebuild", *common]) == 0
    assert "from 1 files: 5 records; it holds 5 URLs" in capsys.readouterr().out
    server = redis.Redis.from_url(redis_url)
    LeasedQueue(server, _Spider(), keys.SCHEDULER_QUEUE_KEY).push(Request("https://news.detik.com/d-1/x"))
    w = worker(redis_url, "m1")
    w.beat()
    assert w.take_discovery("detik", "sources")[0] == ACQUIRED
    assert main(["cluster", "--json", *common]) == 0
    state = json.loads(capsys.readouterr().out)
    assert state["portals"]["detik"] == {"queued": 1, "in_flight": 0}
    assert state["workers"][0]["worker"] == "m1" and state["workers"][0]["alive"]
    assert state["discovery_leases"][0]["holder"] == "m1" and state["seen_urls"] == 5


def test_a_backfill_on_two_workers_reads_each_days_index_pages_once(tmp_path: Path, redis_url: str) -> None:
    """Each backfill day is a discovery unit: the two workers split the days, no index page is read twice."""
    site, cases = portal_replica("detik", index=True)
    dates = sorted(json.loads(c.expected_path.read_text())["published_at"][:10] for c in cases)
    window = ("--since", dates[0], "--until", dates[-1])
    with serve(site) as origin:
        procs = [worker_process(tmp_path, origin, redis_url, name, *window) for name in ("a", "b")]
        results = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in results]
    index_requests = [key for key in site.requests if "/indeks?" in key]
    assert index_requests and len(index_requests) == len(set(index_requests)), "an index page read twice"
    read_by = [
        json.loads(p.read_text())["portals"]["detik"]["discovery"]
        for p in tmp_path.glob("*/output/_runs/*.json")
    ]
    days = {
        unit
        for discovery in read_by
        for unit, who in discovery.items()
        if unit.startswith("index:") and who == "read"
    }
    assert len(days) == len(
        {unit for discovery in read_by for unit in discovery if unit.startswith("index:")}
    )
    assert sorted(final_urls(tmp_path, "a", "b")) == sorted(
        json.loads(c.expected_path.read_text())["url"] for c in cases
    )


def test_a_machine_joining_with_output_must_fill_the_empty_shared_store_first(
    tmp_path: Path, redis_url: str
) -> None:
    """Its records would all be written again: `newscrawl run` refuses (exit 3) and names the fix; after
    `newscrawl state rebuild` the run fetches none of them again."""
    site = many.replica(30, datetime.now(UTC))
    command = [sys.executable, "-m", "newscrawl.cli", "run", "detik"]
    with serve(site) as origin:
        alone = subprocess.run([*command, *crawl_options(origin, tmp_path / "m")], cwd=ROOT,
                               capture_output=True, text=True, env=ENV, timeout=240)  # fmt: skip
        assert alone.returncode == 0, alone.stderr[-2000:]
        refused = worker_process(tmp_path, origin, redis_url, "m")
        _, err = refused.communicate(timeout=120)
        assert refused.returncode == 3 and "newscrawl state rebuild" in err, err[-2000:]
        options = crawl_options(origin, tmp_path / "m", NEWSCRAWL_REDIS_URL=redis_url)
        assert main(["state", "rebuild", *options]) == 0
        joined = worker_process(tmp_path, origin, redis_url, "m")
        _, err = joined.communicate(timeout=240)
    assert joined.returncode == 0, err[-2000:]
    assert [site.fetched(many.fetch_url(n)) for n in range(30)] == [1] * 30, "fetched again after joining"
    with open_store(redis_url) as store:
        assert store.count() == 30
