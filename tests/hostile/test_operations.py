"""Operations: a full disk, a locked or corrupt seen-store, a crawl stopped with SIGTERM.

A full disk is a real file-size limit on the crawl process (RLIMIT_FSIZE, SIGXFSZ ignored): its writes
fail with EFBIG exactly where ENOSPC would fail them.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from newscrawl.state import SeenEntry, SqliteSeenStore
from tests.hostile.crawl import run_crawl, start_crawl
from tests.hostile.pages import SPIDER, Article, HostileSite

EARLIER = "https://news.detik.com/berita/d-7700001/berita-kemarin"
EARLIER_FILE = f"{SPIDER}/2025-12-31/20251231T000000Z-e4e1e4.jsonl"


def earlier_run(tmp: Path) -> bytes:
    """The output and seen-store an earlier run left: one record, durably written and recorded."""
    record = {**Article(99).expected(), "url": EARLIER, "crawled_at": "2025-12-31T00:00:00Z", "run_id": "x"}
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode()
    path = tmp / "output" / EARLIER_FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    with SqliteSeenStore(tmp / "state" / "seen.sqlite3") as store:
        store.add_many([SeenEntry.from_record(record, "2025-12-31T00:00:00Z")])
    return data


def big_articles(site: HostileSite, count: int) -> None:
    """Articles of some 20 KB each, so that a few fill the limited disk."""
    for n in range(1, count + 1):
        extra = [f"Paragraf {i} laporan {n}: " + "warga menunggu perbaikan jalan " * 60 for i in range(10)]
        site.article(n, paragraphs=[*Article(n).paragraphs, *extra])


def test_disk_full_fails_loudly_and_marks_nothing_seen(site: HostileSite, tmp_path: Path) -> None:
    earlier = earlier_run(tmp_path)
    big_articles(site, 8)
    site.publish()

    full = start_crawl(site.server.origin, tmp_path, fsize_limit=96 * 1024).wait()

    assert full.finish_reason == "write_error", full.log[-3000:]
    assert full.returncode == 1, "plain `scrapy crawl` exits 1 too, so that cron sees the failure"
    assert full.stat("newscrawl/write_errors") == 1
    full.assert_named_once("crawl stopped, its records are not marked as seen")
    assert [p.relative_to(full.output).as_posix() for p in full.files()] == [EARLIER_FILE]
    assert (full.output / EARLIER_FILE).read_bytes() == earlier, "a final file was touched"
    assert full.seen() == {EARLIER}, "records that never reached a final file were marked seen"
    assert len(full.parts()) == 1  # what was written before the disk filled: never renamed into place

    again = run_crawl(site, tmp_path)  # disk space is back: nothing was lost

    assert again.finish_reason == "finished", again.log[-3000:]
    counts = Counter(again.urls())
    assert set(counts) == {EARLIER} | {a.url for a in site.good} and set(counts.values()) == {1}
    assert again.seen() == set(counts)


def test_disk_full_in_a_cron_run_exits_1(site: HostileSite, tmp_path: Path) -> None:
    big_articles(site, 8)
    site.publish()

    full = start_crawl(site.server.origin, tmp_path, fsize_limit=96 * 1024, cron=True).wait()

    assert full.returncode == 1, full.log[-3000:]
    assert full.log.count("newscrawl run: failed: detik") == 1
    assert "write error(s): records not written" in full.log
    assert full.seen() == set() and not full.files()


def test_disk_full_in_a_cron_backfill_loses_nothing_on_the_next_run(
    site: HostileSite, tmp_path: Path
) -> None:
    big_articles(site, 8)
    site.publish()
    start_crawl(site.server.origin, tmp_path, fsize_limit=96 * 1024, cron=True).wait()

    again = start_crawl(site.server.origin, tmp_path, cron=True).wait()

    assert again.returncode == 0, again.log[-3000:]
    assert sorted(again.urls()) == sorted(a.url for a in site.good)


LOCK_HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode=EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


def test_state_database_locked_by_another_process_is_a_clear_error(site: HostileSite, tmp_path: Path) -> None:
    earlier_run(tmp_path)
    site.articles(2)
    site.publish()
    database = tmp_path / "state" / "seen.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        crawl = start_crawl(site.server.origin, tmp_path).wait()
        cron = start_crawl(site.server.origin, tmp_path, cron=True).wait()
    finally:
        holder.communicate(input="", timeout=30)  # our own child: closing its stdin ends it

    for result in (crawl, cron):
        assert f"seen-store {database} is locked by another process" in result.log, result.log[-3000:]
        assert [p.name for p in result.files()] == [Path(EARLIER_FILE).name], "articles written unchecked"
    assert crawl.returncode == 1  # scrapy crawl: the pipeline cannot open, the crawl does not start
    assert cron.returncode == 3 and cron.log.count("is locked by another process") == 1
    assert crawl.seen() == {EARLIER}, "the store was reset"


def test_corrupt_state_database_is_a_clear_error_never_a_reset(site: HostileSite, tmp_path: Path) -> None:
    earlier_run(tmp_path)
    site.articles(2)
    site.publish()
    database = tmp_path / "state" / "seen.sqlite3"
    for extra in database.parent.glob("seen.sqlite3-*"):
        extra.unlink()
    garbage = b"SQLite format 3\x00" + bytes(range(256)) * 64
    database.write_bytes(garbage)

    crawl = start_crawl(site.server.origin, tmp_path).wait()
    cron = start_crawl(site.server.origin, tmp_path, cron=True).wait()

    for result in (crawl, cron):
        assert f"seen-store {database} is unreadable" in result.log, result.log[-3000:]
        assert [p.name for p in result.files()] == [Path(EARLIER_FILE).name], "articles written unchecked"
    assert crawl.returncode == 1  # scrapy crawl: the pipeline cannot open, the crawl does not start
    assert cron.returncode == 3 and cron.log.count("is unreadable") == 1
    assert database.read_bytes() == garbage, "the corrupt store was reset or rewritten"


def test_sigterm_finishes_in_flight_records_and_closes_files_cleanly(
    site: HostileSite, tmp_path: Path
) -> None:
    for article in site.articles(12):
        site.server.site.lookup(article.url.split("://", 1)[1]).delay = 0.5  # type: ignore[union-attr]
    site.publish()
    crawl = start_crawl(
        site.server.origin,
        tmp_path,
        settings={"CONCURRENT_REQUESTS": "2", "RETRY_ENABLED": "False"},
    )
    deadline = time.monotonic() + 60
    while sum(bool(site.server.times(a.url)) for a in site.good) < 4:
        assert time.monotonic() < deadline, crawl.log_so_far()[-3000:]
        time.sleep(0.05)
    asked = {a.url for a in site.good if site.server.times(a.url)}
    crawl.signal(signal.SIGTERM)
    stopped = crawl.wait()

    assert stopped.finish_reason == "shutdown", stopped.log[-3000:]
    assert stopped.returncode == 1, "stopped before its end: `scrapy crawl` says so, as `newscrawl run` does"
    assert "scrapy crawl detik: failed: interrupted" in stopped.log
    assert not stopped.parts(), "a temporary file was left"
    written = set(stopped.urls())  # whole lines, valid records
    assert asked <= written, "an article in flight when the signal came was not finished"
    assert written < {a.url for a in site.good}, "the crawl did not stop early"
    assert stopped.seen() == written
    stopped.assert_named_once("Wrote")

    rest = run_crawl(site, tmp_path)  # as after a SIGKILL (the cron issue): the next run writes the rest

    assert rest.finish_reason == "finished"
    counts = Counter(rest.urls())
    assert set(counts) == {a.url for a in site.good} and set(counts.values()) == {1}
    assert rest.seen() == set(counts)
