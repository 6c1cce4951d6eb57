import asyncio
import contextlib
import hashlib
import json
import logging
import os
from pathlib import Path

import pytest
import scrapy
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem, RejectedPage
from newscrawl.pipelines import ITEM_PIPELINES, records_committed
from newscrawl.pipelines.dedupe import DedupePipeline
from newscrawl.pipelines.jsonl import JsonlWriterPipeline
from newscrawl.pipelines.normalise import NormalisePipeline
from newscrawl.pipelines.validate import ValidatePipeline
from newscrawl.records import record_dict, sanitize_text, validate_record
from newscrawl.state import SqliteSeenStore

RUN_ID = "20260101T000000Z-abc123"


def article(n: int = 1, body: str | None = None, **fields) -> ArticleItem:
    body = body or f"Jakarta – ”kutipan” nomor {n}. Isi berita yang cukup panjang."
    values = {
        "url": f"https://news.detik.com/berita/d-{n}/judul-berita",
        "portal": "detik",
        "title": f"Judul berita {n}",
        "body": body,
        "published_at": "2026-01-01T07:00:00+07:00",
        "word_count": len(body.split()),
        "crawled_at": "2026-01-01T00:00:00Z",
        "content_hash": hashlib.sha256(body.encode(errors="replace")).hexdigest(),
        "run_id": RUN_ID,
        **fields,
    }
    return ArticleItem(**values)


@pytest.fixture
def settings(tmp_path):
    return {
        "NEWSCRAWL_RUN_ID": RUN_ID,
        "NEWSCRAWL_OUTPUT_DIR": str(tmp_path / "output"),
        "NEWSCRAWL_STATE_DIR": str(tmp_path / "state"),
    }


def build(cls, crawler):
    pipeline = cls.from_crawler(crawler)
    if hasattr(pipeline, "open_spider"):
        pipeline.open_spider()
    return pipeline


def final_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "output").rglob("*.jsonl"))


# --- validate -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "reason", "stat"),
    [
        (
            RejectedPage("https://news.detik.com/foto", "detik", "gallery"),
            "not an article: gallery",
            "not_article",
        ),
        (article(title="  "), "no title", "no_title"),
        (article(body=" \n "), "empty body", "empty_body"),
        (article(published_at="2026-01-01 07:00"), "schema: published_at: ", "schema_invalid"),
        (article(content_hash="abc"), "schema: content_hash: ", "schema_invalid"),
    ],
)
def test_validate_drops_with_reason_and_stat(settings, caplog, item, reason, stat):
    crawler = get_crawler(settings_dict=settings)
    pipeline = build(ValidatePipeline, crawler)
    with caplog.at_level(logging.INFO), pytest.raises(DropItem, match="^" + reason.replace("(", r"\(")):
        pipeline.process_item(item)
    assert crawler.stats.get_value(f"newscrawl/dropped/{stat}") == 1
    assert f"Dropped {item.url}: {reason}" in caplog.text


def test_validate_passes_a_valid_article(settings):
    item = article()
    assert build(ValidatePipeline, get_crawler(settings_dict=settings)).process_item(item) is item
    assert validate_record(record_dict(item)) is None


# --- normalise ------------------------------------------------------------------------------------------


def test_normalise_canonicalises_url_and_strips_control_characters(settings):
    crawler = get_crawler(settings_dict=settings)
    item = article(
        url="https://news.detik.com/berita/d-123/judul-berita?utm_source=x&single=1",
        title="Judul\x00 berita\x1b",
        body="Paragraf satu.\x07\n\nParagraf\u2028dua\ud800.",
        tags=["politik\x0c", "jakarta"],
        crawled_at=None,
        run_id=None,
    )
    out = build(NormalisePipeline, crawler).process_item(item)
    assert out.url == "https://news.detik.com/berita/d-123/judul-berita"
    assert (out.title, out.body) == ("Judul berita", "Paragraf satu.\n\nParagraf\ndua.")
    assert out.tags == ["politik", "jakarta"]
    assert out.run_id == RUN_ID
    assert validate_record(record_dict(out)) is None  # crawled_at filled in UTC with Z


def test_normalise_maps_amp_and_mobile_urls(settings):
    pipeline = build(NormalisePipeline, get_crawler(settings_dict=settings))
    amp = pipeline.process_item(article(url="https://news.detik.com/berita/d-5/judul/amp?utm_medium=x"))
    assert amp.url == "https://news.detik.com/berita/d-5/judul"
    unknown = pipeline.process_item(
        article(url="https://example.com/a/amp?id=3&utm_source=x", portal="x.com")
    )
    assert unknown.url == "https://example.com/a?id=3"


def test_sanitize_text_keeps_newlines_tabs_and_real_characters():
    assert sanitize_text("a\tb\nc – ”d” é\r\x00\x7f\x85") == "a\tb\nc – ”d” é"


# --- dedupe ---------------------------------------------------------------------------------------------


def test_dedupe_within_a_run_by_url_and_by_content(settings):
    crawler = get_crawler(settings_dict=settings)
    dedupe = build(DedupePipeline, crawler)
    dedupe.process_item(article(1))
    with pytest.raises(DropItem, match="duplicate url"):
        dedupe.process_item(article(1, body="Another body for the same URL, still duplicate."))
    with pytest.raises(DropItem, match="duplicate content"):
        dedupe.process_item(article(2, body=article(1).body))
    assert crawler.stats.get_value("newscrawl/duplicates/url") == 1
    assert crawler.stats.get_value("newscrawl/duplicates/content") == 1
    assert list(dedupe.pending) == [article(1).url]
    dedupe.close_store()


def test_dedupe_off_by_setting(settings):
    with pytest.raises(NotConfigured):
        DedupePipeline.from_crawler(get_crawler(settings_dict={**settings, "NEWSCRAWL_DEDUPE": False}))


def run_once(settings, items):
    """Dedupe then write ``items`` as one run; return the crawler."""
    crawler = get_crawler(settings_dict=settings)
    dedupe, writer = build(DedupePipeline, crawler), build(JsonlWriterPipeline, crawler)
    for item in items:
        with contextlib.suppress(DropItem):
            writer.process_item(dedupe.process_item(item))
    writer.close_spider()
    dedupe.close_store()
    return crawler


def test_store_learns_urls_only_after_the_writer_committed(settings, tmp_path):
    crawler = get_crawler(settings_dict=settings)
    dedupe, writer = build(DedupePipeline, crawler), build(JsonlWriterPipeline, crawler)
    for n in (1, 2):
        writer.process_item(dedupe.process_item(article(n)))
    assert dedupe.store.count() == 0 and len(dedupe.pending) == 2
    assert final_files(tmp_path) == []
    writer.close_spider()
    assert dedupe.store.has_url(article(1).url) and dedupe.store.has_hash(article(2).content_hash)
    assert dedupe.pending == {}
    dedupe.close_store()


def test_dedupe_across_runs_and_new_version_of_a_modified_article(settings, tmp_path):
    run_once(settings, [article(1, modified_at="2026-01-01T08:00:00+07:00"), article(2)])
    second = run_once(
        {**settings, "NEWSCRAWL_RUN_ID": "second"},
        [
            article(1, modified_at="2026-01-01T08:00:00+07:00"),  # unchanged
            article(2, body=article(3).body),  # same URL, no newer modified_at
            article(4, body=article(2).body),  # another URL with content already written
            article(1, body="Isi yang diperbarui.", modified_at="2026-01-02T09:00:00+07:00"),
        ],
    )
    assert second.stats.get_value("newscrawl/duplicates/url") == 2
    assert second.stats.get_value("newscrawl/duplicates/content") == 1
    assert second.stats.get_value("newscrawl/versions/new") == 1
    [path] = (tmp_path / "output/detik").rglob("second-0001.jsonl")
    [line] = path.read_text("utf-8").splitlines()
    record = json.loads(line)
    assert (record["body"], record["version"]) == ("Isi yang diperbarui.", 2)
    with SqliteSeenStore(tmp_path / "state/seen.sqlite3") as store:
        assert store.get(article(1).url).version == 2


# --- jsonl writer ---------------------------------------------------------------------------------------


def test_writer_renames_into_place_at_close_with_real_utf8(settings, tmp_path):
    crawler = get_crawler(settings_dict=settings)
    writer = build(JsonlWriterPipeline, crawler)
    for n in (1, 2, 3):
        writer.process_item(article(n))
    day_dir = tmp_path / "output/detik/2026-01-01"  # the run's start date, from the run id
    assert [p.name for p in day_dir.iterdir()] == [f"{RUN_ID}-0001.jsonl.part"]
    writer.close_spider()
    assert [p.name for p in day_dir.iterdir()] == [f"{RUN_ID}-0001.jsonl"]
    raw = (day_dir / f"{RUN_ID}-0001.jsonl").read_bytes()
    text = raw.decode("utf-8")
    assert "Jakarta – ”kutipan”" in text and "\\u" not in text
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 4
    for line in lines[:-1]:
        assert validate_record(json.loads(line)) is None
    assert crawler.stats.get_value("newscrawl/written") == 3
    assert crawler.stats.get_value("newscrawl/written/detik") == 3


def test_writer_never_overwrites_a_final_file_of_the_same_run_id(settings, tmp_path):
    run_once(settings, [article(1)])
    run_once(settings, [article(2)])
    names = [p.name for p in final_files(tmp_path)]
    assert names == [f"{RUN_ID}-0001.jsonl", f"{RUN_ID}-0002.jsonl"]


def test_writer_generates_a_run_id_and_can_be_disabled(tmp_path):
    crawler = get_crawler(settings_dict={"NEWSCRAWL_OUTPUT_DIR": str(tmp_path)})
    writer = JsonlWriterPipeline.from_crawler(crawler)
    assert writer.run_id == crawler.newscrawl_run_id
    assert NormalisePipeline.from_crawler(crawler).run_id == writer.run_id
    assert len(writer.run_id) == len(RUN_ID) and writer.run_id[8] == "T"
    with pytest.raises(NotConfigured):
        JsonlWriterPipeline.from_crawler(get_crawler(settings_dict={"NEWSCRAWL_OUTPUT_ENABLED": False}))


def test_fsync_failure_keeps_part_file_and_commits_nothing(settings, tmp_path, monkeypatch, caplog):
    crawler = get_crawler(settings_dict=settings)
    dedupe, writer = build(DedupePipeline, crawler), build(JsonlWriterPipeline, crawler)
    writer.process_item(dedupe.process_item(article(1)))

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    writer.close_spider()
    assert final_files(tmp_path) == []
    assert len(list((tmp_path / "output").rglob("*.jsonl.part"))) == 1
    assert crawler.stats.get_value("newscrawl/write_errors") == 1
    assert "No space left on device" in caplog.text
    assert dedupe.store.count() == 0
    dedupe.close_store()


# --- whole crawls: the real pipeline order, close order and signals -------------------------------------


class ItemsSpider(scrapy.Spider):
    """Yields the items from a callback, as real spiders do, with no network (a ``data:`` URL)."""

    name = "items"

    async def start(self):
        yield scrapy.Request("data:,", callback=self.parse_items)

    def parse_items(self, response):
        yield from self.settings["TEST_ITEMS"]


def crawl(settings, items, **extra):
    crawler = get_crawler(
        ItemsSpider, {**settings, "ITEM_PIPELINES": ITEM_PIPELINES, "TEST_ITEMS": items, **extra}
    )
    asyncio.run(crawler.crawl_async())
    return crawler


def test_crawl_writes_and_remembers_then_next_crawl_drops_the_same_urls(settings, tmp_path):
    items = [
        article(1, url=article(1).url + "?utm_source=rss"),
        article(2),
        article(1),
        RejectedPage("u", "detik", "x"),
    ]
    first = crawl(settings, items)
    assert first.stats.get_value("finish_reason") == "finished"
    assert first.stats.get_value("newscrawl/written") == 2
    assert [p.name for p in final_files(tmp_path)] == [f"{RUN_ID}-0001.jsonl"]
    with SqliteSeenStore(tmp_path / "state/seen.sqlite3") as store:
        assert store.count() == 2
    second = crawl({**settings, "NEWSCRAWL_RUN_ID": "20260102T000000Z-def456"}, [article(1), article(2)])
    assert second.stats.get_value("newscrawl/duplicates/url") == 2
    assert second.stats.get_value("newscrawl/written") is None


class FullDisk:
    """A file whose disk fills up in the middle of the first line."""

    def __init__(self, fh):
        self.fh = fh

    def write(self, data: bytes) -> None:
        self.fh.write(data[:10])
        self.fh.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.fh, name)


def test_write_error_stops_the_crawl_and_keeps_only_the_part_file(settings, tmp_path, monkeypatch):
    original = JsonlWriterPipeline._begin

    def open_full(self, portal):
        out = original(self, portal)
        out.fh = FullDisk(out.fh)
        return out

    monkeypatch.setattr(JsonlWriterPipeline, "_begin", open_full)
    crawler = crawl(settings, [article(n) for n in range(1, 6)])
    assert crawler.stats.get_value("finish_reason") == "write_error"
    assert crawler.stats.get_value("newscrawl/write_errors") == 1
    assert final_files(tmp_path) == []
    [part] = (tmp_path / "output").rglob("*.part")
    assert part.read_bytes() == b'{"url":"ht'
    with SqliteSeenStore(tmp_path / "state/seen.sqlite3") as store:
        assert store.count() == 0


def test_root_logger_skips_records_no_handler_would_emit() -> None:
    """LOG_LEVEL=INFO: DEBUG records are not built at all; a handler that takes everything keeps them."""
    from newscrawl.extensions.loglevel import RootLevelFromHandlers

    root = logging.getLogger()
    saved_level, saved_handlers = root.level, root.handlers[:]
    info, everything = logging.StreamHandler(), logging.StreamHandler()
    info.setLevel(logging.INFO)
    try:
        root.handlers[:] = [info]
        root.setLevel(logging.NOTSET)
        RootLevelFromHandlers().engine_started()
        assert root.level == logging.INFO
        assert not logging.getLogger("scrapy.core.engine").isEnabledFor(logging.DEBUG)

        root.handlers[:] = [info, everything]
        root.setLevel(logging.NOTSET)
        RootLevelFromHandlers().engine_started()
        assert root.level == logging.NOTSET
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)


def test_a_file_renamed_but_never_recorded_is_recorded_by_the_next_run(settings, tmp_path):
    """A run killed between renaming its output file and recording it in the seen-store: the next run
    learns that file's records when it opens the store, and does not write those articles again."""
    run_once(settings, [article(1)])  # an earlier run, recorded as usual
    crawler = get_crawler(settings_dict={**settings, "NEWSCRAWL_RUN_ID": "20260101T001500Z-def456"})
    dedupe, writer = build(DedupePipeline, crawler), build(JsonlWriterPipeline, crawler)
    writer.process_item(dedupe.process_item(article(2)))
    crawler.signals.disconnect(dedupe.commit, signal=records_committed)  # killed right after the rename
    writer.close_spider()
    dedupe.close_store()
    assert not SqliteSeenStore(tmp_path / "state" / "seen.sqlite3").has_url(article(2).url)

    later = get_crawler(settings_dict={**settings, "NEWSCRAWL_RUN_ID": "20260101T003000Z-0a1b2c"})
    dedupe = build(DedupePipeline, later)
    assert dedupe.store.has_url(article(2).url)
    assert later.stats.get_value("newscrawl/state/recovered_records") == 1
    with pytest.raises(DropItem, match="duplicate url"):
        dedupe.process_item(article(2))
    dedupe.close_store()
    assert build(DedupePipeline, get_crawler(settings_dict=settings)).store.has_file(
        "detik/2026-01-01/20260101T001500Z-def456-0001.jsonl"
    ), "recorded once, with its records"


def test_a_store_from_before_files_were_recorded_takes_its_output_as_recorded(settings, tmp_path):
    import sqlite3

    run_once(settings, [article(1)])
    path = tmp_path / "state" / "seen.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("DROP TABLE files")
        db.execute("DELETE FROM seen")  # what it held is not read back from the file...
        db.execute("INSERT INTO seen VALUES ('https://contoh.id/a', 'h', 1, NULL, '2026-01-01T00:00:00Z')")
        db.commit()
    dedupe = build(DedupePipeline, get_crawler(settings_dict=settings))
    assert dedupe.store.has_file(f"detik/2026-01-01/{RUN_ID}-0001.jsonl")
    assert not dedupe.store.has_url(article(1).url), "...because an old store is trusted as it is"
    dedupe.close_store()
