"""Stories without a crawl: the index, its SQLite store and window, the pipeline's modes, bad input, the
``newscrawl stories`` command and syndication notes."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager

from benchmarks._stories_data import SAME_EVENT_PAIRS, template_days
from newscrawl.cli import main
from newscrawl.extraction.syndication import take_notes
from newscrawl.pipelines import records_committed
from newscrawl.pipelines.stories import StoriesPipeline
from newscrawl.portals import get_portal
from newscrawl.records import validate_record
from newscrawl.stories import StoryError
from newscrawl.stories.index import StoryIndex, open_index
from newscrawl.stories.sqlite import SqliteStoryStore
from newscrawl.stories.store import MemoryStoryStore, StoryEntry, new_story_id
from tests.golden.regenerate import GOLDEN_DIR

BASE = json.loads(
    (GOLDEN_DIR / "antaranews" / "ekonomi_pelabuhan-tanjung-perak_2025_07_22.expected.json").read_text(
        "utf-8"
    )
)


class _Stats(Counter[str]):
    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] += count


def crawler(tmp: Path, **settings: object) -> SimpleNamespace:
    values = Settings()
    values.setmodule("newscrawl.settings")
    values.setdict({"NEWSCRAWL_STATE_DIR": str(tmp / "state"), **settings})
    return SimpleNamespace(settings=values, stats=_Stats(), signals=SignalManager())


def record(url: str, body: str, portal: str = "kompas", published_at: str | None = None) -> dict:
    published = published_at or BASE["published_at"]
    return dict(
        BASE, url=url, body=body, portal=portal, published_at=published, crawled_at="2026-01-01T00:00:00Z"
    )


def copy_of(body: str) -> str:
    """Another portal's copy: another dateline and an extra closing line."""
    return "JAKARTA, KOMPAS.com - " + body + "\n\nHingga berita ini diturunkan belum ada keterangan lain."


def run(pipeline: StoriesPipeline, *records: dict) -> list[dict | str]:
    out: list[dict | str] = []
    for r in records:
        try:
            out.append(pipeline.process_item(dict(r)))
        except DropItem as exc:
            out.append(str(exc))
    return out


def written(c: SimpleNamespace, records: list) -> None:
    c.signals.send_catch_log(records_committed, records=[{"url": r["url"]} for r in records], file="x.jsonl")


def opened(c: SimpleNamespace) -> StoriesPipeline:
    pipeline = StoriesPipeline(c)
    pipeline.open_spider()
    return pipeline


def test_copies_share_a_story_and_point_to_the_first(tmp_path: Path) -> None:
    p = opened(crawler(tmp_path))
    first, copy = run(
        p, record("https://a.id/1", BASE["body"]), record("https://b.id/2", copy_of(BASE["body"]))
    )
    assert first["story_id"] == copy["story_id"] == new_story_id("https://a.id/1")
    assert first["duplicate_of"] is None and copy["duplicate_of"] == "https://a.id/1"
    assert validate_record(copy) is None
    p.close_index()


@pytest.mark.parametrize("pair", range(len(SAME_EVENT_PAIRS)))
def test_one_event_in_other_words_is_another_story(tmp_path: Path, pair: int) -> None:
    a, b = SAME_EVENT_PAIRS[pair]
    p = opened(crawler(tmp_path))
    one, two = run(p, record("https://a.id/1", a, "kompas"), record("https://b.id/2", b, "detik"))
    assert one["story_id"] != two["story_id"] and two["duplicate_of"] is None
    p.close_index()


def test_a_daily_column_is_a_story_a_day(tmp_path: Path) -> None:
    p = opened(crawler(tmp_path))
    for days in template_days():
        records = [
            record(f"https://t.id/{hash(text)}", text, "tribunnews", f"2025-03-0{3 + n}T07:00:00+07:00")
            for n, text in enumerate(days)
        ]
        assert len({r["story_id"] for r in run(p, *records)}) == len(days)
    p.close_index()


def test_stories_persist_across_runs_only_for_written_records(tmp_path: Path) -> None:
    c = crawler(tmp_path)
    p = opened(c)
    kept, lost = record("https://a.id/1", BASE["body"]), record("https://c.id/3", "Lain. " * 40)
    first, _ = run(p, kept, lost)
    written(c, [first])  # the second record's file never became durable
    c.signals.send_catch_log(records_committed, records=[], file="y.jsonl")
    p.close_index()
    assert c.stats["newscrawl/stories/committed"] == 1 and c.stats["newscrawl/stories/uncommitted"] == 1
    c2 = crawler(tmp_path)
    p2 = opened(c2)
    (copy,) = run(p2, record("https://b.id/2", copy_of(BASE["body"]), "tribunnews"))
    assert copy["story_id"] == first["story_id"] and copy["duplicate_of"] == "https://a.id/1"
    assert p2.index.loaded == 1  # the unwritten record never reached the store
    again = run(p2, record("https://a.id/1", BASE["body"] + "\n\nPembaruan: angka dikoreksi."))[0]
    assert again["story_id"] == first["story_id"] and again["duplicate_of"] is None  # a new version
    assert c2.stats["newscrawl/stories/known"] == 1
    p2.close_index()


class _Item(dict):
    """A record as the crawl passes it on: an object a later stage can drop (plain dicts cannot be told)."""


def test_a_record_dropped_after_the_stage_is_no_story(tmp_path: Path) -> None:
    """The writer drops the first copy (its output failed): a later copy starts its own story instead of
    pointing to a record that does not exist."""
    from scrapy import signals

    c = crawler(tmp_path)
    p = opened(c)
    lost = p.process_item(_Item(record("https://a.id/1", BASE["body"])))
    c.signals.send_catch_log(signals.item_dropped, item=lost, response=None, exception=DropItem("x"))
    (copy,) = run(p, record("https://b.id/2", copy_of(BASE["body"])))
    assert copy["duplicate_of"] is None and copy["story_id"] == new_story_id("https://b.id/2")
    assert not p.pending.keys() - {"https://b.id/2"}
    p.close_index()


def test_the_window_prunes_old_entries(tmp_path: Path) -> None:
    store = SqliteStoryStore(tmp_path / "state" / "stories.sqlite3")
    old = StoryEntry("https://a.id/1", "kompas", "0" * 16, "https://a.id/1", None, "2020-01-01T00:00:00Z")
    store.add(
        [
            old,
            StoryEntry("https://b.id/2", "kompas", "1" * 16, "https://b.id/2", None, "2999-01-01T00:00:00Z"),
        ]
    )
    store.close()
    index = open_index({"NEWSCRAWL_STATE_DIR": str(tmp_path / "state"), "NEWSCRAWL_STORY_DAYS": 14})
    assert index.store.count() == 1 and not index.store.get([old.key])
    index.close()


def test_drop_mode_drops_later_copies_with_a_counted_reason(tmp_path: Path) -> None:
    c = crawler(tmp_path, NEWSCRAWL_NEAR_DUPLICATES="drop")
    p = opened(c)
    first, copy = run(
        p, record("https://a.id/1", BASE["body"]), record("https://b.id/2", copy_of(BASE["body"]))
    )
    assert isinstance(first, dict) and copy == "near duplicate of https://a.id/1"
    assert c.stats["newscrawl/dropped/near_duplicate"] == 1
    p.close_index()


def test_off_and_bad_modes(tmp_path: Path) -> None:
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        StoriesPipeline(crawler(tmp_path, NEWSCRAWL_NEAR_DUPLICATES="off"))
    with pytest.raises(ValueError, match="NEWSCRAWL_NEAR_DUPLICATES"):
        StoriesPipeline(crawler(tmp_path, NEWSCRAWL_NEAR_DUPLICATES="merge"))


@pytest.mark.parametrize("body", ["", "tiga kata saja"])
def test_empty_and_tiny_bodies_get_a_story_of_their_own(tmp_path: Path, body: str) -> None:
    c = crawler(tmp_path)
    p = opened(c)
    one, two = run(p, record("https://a.id/1", body), record("https://b.id/2", body))
    assert one["story_id"] != two["story_id"] and two["duplicate_of"] is None
    assert c.stats["newscrawl/stories/too_short"] == 2
    p.close_index()


@pytest.mark.parametrize("content", [b"garbage" * 1000, b""])
def test_a_corrupt_or_foreign_store_is_refused_with_the_way_out(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "state" / "stories.sqlite3"
    path.parent.mkdir()
    if content:
        path.write_bytes(content)
    else:  # a store of another signature version
        SqliteStoryStore(path).close()
        with sqlite3.connect(path) as db:
            db.execute("UPDATE meta SET value = 'w5-other' WHERE name = 'signature'")
    with pytest.raises(StoryError, match="newscrawl stories --rebuild"):
        StoriesPipeline(crawler(tmp_path)).open_spider()
    assert path.read_bytes()[:7] == content[:7] or not content  # never reset


def test_the_stories_command_reports_and_rebuilds(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    c = crawler(tmp_path)
    p = opened(c)
    records = run(
        p,
        record("https://a.id/1", BASE["body"], "antaranews"),
        record("https://b.id/2", copy_of(BASE["body"]), "kompas"),
        record("https://c.id/3", SAME_EVENT_PAIRS[0][0], "detik"),
    )
    written(c, records)
    p.close_index()
    opts = [
        "-s",
        f"NEWSCRAWL_STATE_DIR={tmp_path / 'state'}",
        "-s",
        f"NEWSCRAWL_OUTPUT_DIR={tmp_path / 'out'}",
    ]
    assert main(["stories", "--json", *opts]) == 0
    report = json.loads(capsys.readouterr().out)
    top = report["stories"][0]
    assert report["records"] == 3 and top["size"] == 2 and top["first_url"] == "https://a.id/1"
    assert top["portals"] == {"antaranews": 1, "kompas": 1}
    assert main(["stories", "--limit", "1", *opts]) == 0
    assert "https://a.id/1" in capsys.readouterr().out
    # rebuild from the output: same stories, the old file kept aside
    out = tmp_path / "out" / "x" / "2026-01-01"
    out.mkdir(parents=True)
    (out / "run.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records) + "not json\n", "utf-8")
    assert main(["stories", "--rebuild", *opts]) == 0
    assert "3 records (1 unreadable lines skipped)" in capsys.readouterr().out
    assert (tmp_path / "state" / "stories.sqlite3.bak").exists()
    assert main(["stories", "--json", *opts]) == 0
    assert json.loads(capsys.readouterr().out)["stories"][0]["size"] == 2
    assert main(["stories", "--since", "not-a-day", *opts]) == 2


def test_reextract_stages_give_stories_and_leave_the_state_alone(tmp_path: Path) -> None:
    from newscrawl.archive.stages import RecordStages

    stages = RecordStages("20260101T000000Z-abcdef")
    a = stages.unique(dict(record("https://a.id/1", BASE["body"]), content_hash="a" * 64))
    b = stages.unique(dict(record("https://b.id/2", copy_of(BASE["body"])), content_hash="b" * 64))
    assert b["story_id"] == a["story_id"] and b["duplicate_of"] == "https://a.id/1"
    stages.close()
    assert isinstance(stages.stories.index, type(None))  # closed; the throwaway index wrote nothing


def test_index_prefers_the_most_similar_then_the_first_seen() -> None:
    index = StoryIndex(MemoryStoryStore(), 0.5)
    first = index.match(
        "https://a.id/1", BASE["body"], portal="a", published_at=None, source_outlet=None, now="1"
    )
    index.remember(first.entry)
    later = index.match(
        "https://b.id/2", BASE["body"], portal="b", published_at=None, source_outlet=None, now="2"
    )
    index.remember(later.entry)
    third = index.match(
        "https://c.id/3", BASE["body"], portal="c", published_at=None, source_outlet=None, now="3"
    )
    assert third.kind == "joined" and third.entry.duplicate_of == "https://a.id/1" and third.similarity == 1.0


@pytest.mark.parametrize(
    ("portal", "blocks", "kept", "outlet"),
    [
        (
            "tribunnews",
            ["Teks.", 'Artikel ini telah tayang di Kompas.com dengan judul "X"', "Sumber: Kompas.com"],
            ["Teks."],
            "Kompas.com",
        ),
        ("kompas", ["Teks.", "Artikel ini telah naik di detikSumut."], ["Teks."], "detikcom"),
        ("detik", ["Teks.", "Artikel ini telah naik di detikSumut."], ["Teks."], None),  # its own network
        ("republika", ["Teks berita.", "sumber : ANTARA"], ["Teks berita."], "ANTARA News"),
        ("republika", ["Teks.", "sumber : Antara Foto"], ["Teks."], None),  # a photo credit
        (
            "kompas",
            ["Jakarta (ANTARA) - Teks.", "Kata dia. (ant)"],
            ["Jakarta (ANTARA) - Teks.", "Kata dia."],
            "ANTARA News",
        ),
        (
            "antaranews",
            ["Jakarta (ANTARA) - Teks.", "Kata dia. (ant)"],
            ["Jakarta (ANTARA) - Teks.", "Kata dia."],
            None,
        ),
        ("kompas", ["Kata dia. (Reuters/dru)"], ["Kata dia."], "Reuters"),
        ("kompas", ["Kata dia. (ap)"], ["Kata dia. (ap)"], None),  # desk initials, for the noise rules
        ("kompas", ['Baca artikel detiknews, "Judul" selengkapnya https://news.detik.com/x'], [], "detikcom"),
        ("kompas", ["Sumber: Kemenkes"], [], None),
        ("kompas", ["Sumber: Grid.id"], [], "Grid.id"),
        ("tribunnews", ["JAKARTA, KOMPAS.com - Teks."], ["JAKARTA, KOMPAS.com - Teks."], "Kompas.com"),
        (
            "kompas",
            ["Presiden Joko Widodo - yang hadir - berkata."],
            ["Presiden Joko Widodo - yang hadir - berkata."],
            None,
        ),
    ],
)
def test_syndication_notes_are_read_then_removed(
    portal: str, blocks: list, kept: list, outlet: str | None
) -> None:
    assert take_notes(blocks, get_portal(portal)) == (kept, outlet)
