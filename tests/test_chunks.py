"""Output committed in chunks: a new final file every NEWSCRAWL_COMMIT_RECORDS records or
NEWSCRAWL_COMMIT_SECONDS seconds, each recorded in the seen-store as it is renamed; what the run holds in
memory stays bounded by the chunk."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import pytest
import scrapy
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.pipelines import ITEM_PIPELINES
from newscrawl.pipelines.dedupe import DedupePipeline
from newscrawl.pipelines.jsonl import JsonlWriterPipeline
from newscrawl.state import SqliteSeenStore
from tests.conftest import ROOT
from tests.support import many
from tests.test_archive import crawl_stats
from tests.test_pipelines import RUN_ID, article, build
from tests.test_unattended import ENV, wait_for

DAY = Path("output/detik/2026-01-01")


@pytest.fixture
def settings(tmp_path: Path) -> dict:
    return {
        "NEWSCRAWL_RUN_ID": RUN_ID,
        "NEWSCRAWL_OUTPUT_DIR": str(tmp_path / "output"),
        "NEWSCRAWL_STATE_DIR": str(tmp_path / "state"),
        "NEWSCRAWL_NEAR_DUPLICATES": "off",
    }


def chunk_names(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / DAY).iterdir())


def test_a_chunk_is_committed_every_n_records_and_recorded_as_it_is_renamed(settings, tmp_path) -> None:
    crawler = get_crawler(settings_dict={**settings, "NEWSCRAWL_COMMIT_RECORDS": 2})
    dedupe, writer = build(DedupePipeline, crawler), build(JsonlWriterPipeline, crawler)
    for n in range(1, 4):
        writer.process_item(dedupe.process_item(article(n)))
    # Two records made the first chunk final and recorded; the third waits in the next chunk's .part.
    assert chunk_names(tmp_path) == [f"{RUN_ID}-0001.jsonl", f"{RUN_ID}-0002.jsonl.part"]
    assert dedupe.store.has_file(f"detik/2026-01-01/{RUN_ID}-0001.jsonl")
    assert dedupe.store.has_url(article(2).url) and not dedupe.store.has_url(article(3).url)
    assert list(dedupe.pending) == [article(3).url]
    writer.close_spider()
    assert chunk_names(tmp_path) == [f"{RUN_ID}-0001.jsonl", f"{RUN_ID}-0002.jsonl"]
    lines = [json.loads(x) for name in chunk_names(tmp_path) for x in (tmp_path / DAY / name).open()]
    assert [r["url"] for r in lines] == [article(n).url for n in range(1, 4)]
    assert dedupe.store.count() == 3 and dedupe.pending == {} and dedupe.pending_hashes == {}
    dedupe.close_store()


def test_a_chunk_older_than_the_commit_time_is_committed_with_the_next_record(
    settings, tmp_path, monkeypatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr("newscrawl.pipelines.jsonl.time.monotonic", lambda: clock[0])
    crawler = get_crawler(settings_dict={**settings, "NEWSCRAWL_COMMIT_SECONDS": 60})
    writer = build(JsonlWriterPipeline, crawler)
    writer.process_item(article(1))
    clock[0] += 59
    writer.process_item(article(2))
    assert chunk_names(tmp_path) == [f"{RUN_ID}-0001.jsonl.part"]
    clock[0] += 1
    writer.process_item(article(3))
    assert chunk_names(tmp_path) == [f"{RUN_ID}-0001.jsonl"]
    writer.close_spider()


class IdleSpider(scrapy.Spider):
    """Yields one record, then works for a while without yielding any: the timer must commit meanwhile."""

    name = "idle"
    found: ClassVar[list[str]] = []

    async def start(self):
        yield scrapy.Request("data:,1", callback=self.first)

    def first(self, response):
        yield article(1)
        yield scrapy.Request("data:,2", callback=self.later)

    async def later(self, response):
        await asyncio.sleep(1.0)
        output = Path(self.settings["NEWSCRAWL_OUTPUT_DIR"])
        IdleSpider.found = sorted(p.name for p in output.rglob("*.jsonl*"))
        return
        yield  # an async generator callback that yields nothing


def test_the_commit_time_fires_even_when_no_record_arrives(settings, tmp_path) -> None:
    crawler = get_crawler(
        IdleSpider, {**settings, "ITEM_PIPELINES": ITEM_PIPELINES, "NEWSCRAWL_COMMIT_SECONDS": 0.2}
    )
    asyncio.run(crawler.crawl_async())
    assert IdleSpider.found == [f"{RUN_ID}-0001.jsonl"], "the record waited in a .part file"
    assert crawler.stats.get_value("finish_reason") == "finished"
    with SqliteSeenStore(tmp_path / "state" / "seen.sqlite3") as store:
        assert store.has_file(f"detik/2026-01-01/{RUN_ID}-0001.jsonl")


def test_what_the_run_holds_stays_bounded_by_the_chunk(settings, tmp_path) -> None:
    crawler = get_crawler(settings_dict={**settings, "NEWSCRAWL_COMMIT_RECORDS": 50})
    dedupe, writer = build(DedupePipeline, crawler), build(JsonlWriterPipeline, crawler)
    held = []
    for n in range(1, 501):
        writer.process_item(dedupe.process_item(article(n)))
        held.append(sum(len(c.keys) for c in writer.chunks.values()) + len(dedupe.pending))
    assert max(held) <= 2 * 50
    assert len(dedupe.pending_hashes) < 50
    writer.close_spider()
    assert len(chunk_names(tmp_path)) == 10
    with pytest.raises(DropItem, match="duplicate url"):  # committed: the store answers for it
        dedupe.process_item(article(7))
    with pytest.raises(DropItem, match="duplicate content"):
        dedupe.process_item(article(9999, body=article(7).body))
    dedupe.close_store()


def test_a_record_dropped_after_dedupe_is_no_longer_held(settings, tmp_path) -> None:
    """The stories stage or the writer may drop a record that passed dedupe: it is never committed."""
    from scrapy import signals

    crawler = get_crawler(settings_dict=settings)
    dedupe = build(DedupePipeline, crawler)
    item, copy = article(1), article(1)
    dedupe.process_item(item)
    with contextlib.suppress(DropItem):
        dedupe.process_item(copy)  # a second copy, dropped by dedupe itself: the first stays held
    crawler.signals.send_catch_log(signals.item_dropped, item=copy, exception=DropItem("x"), response=None)
    assert list(dedupe.pending) == [item.url]
    crawler.signals.send_catch_log(signals.item_dropped, item=item, exception=DropItem("x"), response=None)
    assert dedupe.pending == {} and dedupe.pending_hashes == {}
    dedupe.close_store()


def test_a_renamed_but_unrecorded_chunk_is_recorded_by_the_next_run(settings, tmp_path) -> None:
    from newscrawl.pipelines import records_committed

    crawler = get_crawler(settings_dict={**settings, "NEWSCRAWL_COMMIT_RECORDS": 1})
    dedupe, writer = build(DedupePipeline, crawler), build(JsonlWriterPipeline, crawler)
    writer.process_item(dedupe.process_item(article(1)))  # chunk 1: recorded
    crawler.signals.disconnect(dedupe.commit, signal=records_committed)  # killed right after the rename
    writer.process_item(dedupe.process_item(article(2)))
    dedupe.close_store()
    later = build(DedupePipeline, get_crawler(settings_dict={**settings, "NEWSCRAWL_RUN_ID": "x"}))
    assert later.store.has_file(f"detik/2026-01-01/{RUN_ID}-0002.jsonl") and later.store.has_url(
        article(2).url
    )
    assert later.crawler.stats.get_value("newscrawl/state/recovered_records") == 1
    later.close_store()


# --- a kill ---------------------------------------------------------------------------------------------
ARTICLES = 300
CHUNK = 25


def replay_command(archive: Path, tmp: Path, *settings: str) -> list[str]:
    values = {
        "NEWSCRAWL_REPLAY": archive,
        "NEWSCRAWL_ORIGIN_MAP": json.dumps({"*": "http://127.0.0.1:9"}),  # the network would fail loudly
        "NEWSCRAWL_OUTPUT_DIR": tmp / "output",
        "NEWSCRAWL_STATE_DIR": tmp / "state",
        "NEWSCRAWL_COMMIT_RECORDS": CHUNK,
    }
    options = [o for name, value in values.items() for o in ("-s", f"{name}={value}")]
    return [sys.executable, "-m", "scrapy", "crawl", "detik", *options, *settings]


def committed(output: Path) -> list[Path]:
    return sorted(output.glob("detik/*/*.jsonl"))


def test_a_replay_killed_midway_loses_at_most_the_unfinished_chunk(tmp_path: Path) -> None:
    archive = tmp_path / "detik.warc.gz"
    many.write_archive(archive, ARTICLES, announced=datetime.now(UTC))
    output, state = tmp_path / "output", tmp_path / "state"
    # An explicit delay (kept under replay) makes the replay last long enough to be killed midway.
    slow = replay_command(archive, tmp_path, "-s", "DOWNLOAD_DELAY=0.02")
    crawl = subprocess.Popen(slow, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    try:
        wait_for(lambda: len(committed(output)) >= 2)
    finally:
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(timeout=30)
    assert crawl.returncode == -signal.SIGKILL

    chunks = committed(output)
    done: set[str] = set()
    unrecorded: list[Path] = []
    with SqliteSeenStore(state / "seen.sqlite3") as store:
        for chunk in chunks:
            text = chunk.read_text(encoding="utf-8")
            assert text.endswith("\n"), f"{chunk} ends in a partial line"
            urls = [json.loads(line)["url"] for line in text.splitlines()]
            assert len(urls) == CHUNK, "a chunk is final only when complete"
            if not store.has_file(chunk.relative_to(output).as_posix()):
                unrecorded.append(chunk)
            done |= set(urls)
        seen = {url for url in map(many.article_url, range(ARTICLES)) if store.has_url(url)}
    # A chunk is renamed, then recorded: a kill between the two (milliseconds) leaves the newest chunk
    # final but unrecorded, which the next run records before it fetches anything. Never the other way.
    assert unrecorded in ([], chunks[-1:]), f"final but not recorded: {unrecorded}"
    assert seen <= done and len(done - seen) == CHUNK * len(unrecorded)
    assert len(done) < ARTICLES, "the crawl was not killed midway"
    parts = list(output.glob("detik/*/*.part"))
    held = sum(p.read_bytes().count(b"\n") for p in parts)
    assert len(parts) <= 1 and held < CHUNK

    again = subprocess.run(
        replay_command(archive, tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=180, env=ENV
    )
    assert again.returncode == 0, again.stderr[-3000:]
    stats = crawl_stats(again.stderr)
    rest = {
        r["url"] for chunk in committed(output) if chunk not in chunks for r in map(json.loads, chunk.open())
    }
    assert rest == {many.article_url(n) for n in range(ARTICLES)} - done
    assert stats["newscrawl/fetched/article"] == len(rest), (
        "an article of a committed chunk was fetched again"
    )
    assert stats["newscrawl/skipped/already_written"] == len(done)
    assert stats.get("newscrawl/state/recovered_records", 0) == CHUNK * len(unrecorded)
