"""``newscrawl state stats|rebuild``, the run lock, and the spider's already-written check."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawl.cli import main
from newscrawl.discovery.entries import Entry, Listing
from newscrawl.ops.lock import Busy, RunLock
from newscrawl.state import SeenEntry, SqliteSeenStore
from newscrawl.state.written import WrittenFilter, modified_after

URL = "https://news.detik.com/berita/d-{}/judul"


def record(n: int, version: int = 1, modified_at: str | None = None) -> dict:
    return {"url": URL.format(n), "portal": "detik", "content_hash": f"{n + 100 * version:064x}",
            "version": version, "modified_at": modified_at, "title": "t", "body": "b"}  # fmt: skip


def write(path: Path, *records: dict, extra: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, encoding="utf-8")


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    output, state = tmp_path / "output", tmp_path / "state"
    return output, state, ["-s", f"NEWSCRAWL_OUTPUT_DIR={output}", "-s", f"NEWSCRAWL_STATE_DIR={state}"]


def test_rebuild_keeps_the_highest_version_per_url_from_final_files_only(dirs, capsys) -> None:
    output, state, opts = dirs
    write(output / "detik/2026-01-01/20260101T000000Z-aaaaaa.jsonl", record(1), record(2))
    later = "2026-01-02T10:00:00+07:00"
    write(output / "detik/2026-01-02/20260102T000000Z-bbbbbb.jsonl", record(1, 2, later), extra="{broken\n")
    write(output / "detik/2026-01-03/20260103T000000Z-cccccc.jsonl.part", record(3))  # a killed run's
    state.mkdir()
    (state / "seen.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["state", "stats", *opts]) == 3
    assert "newscrawl state rebuild" in capsys.readouterr().err  # the hint names the recovery
    assert main(["run", "detik", *opts]) == 3  # a run refuses an unreadable store before crawling

    assert main(["state", "rebuild", *opts]) == 0
    assert "2 URLs (1 unreadable lines skipped)" in capsys.readouterr().out
    assert (state / "seen.sqlite3.bak").exists()
    with SqliteSeenStore(state / "seen.sqlite3") as store:
        assert store.count() == 2 and not store.has_url(URL.format(3))
        newest = store.get(URL.format(1))
        assert newest is not None and (newest.version, newest.modified_at) == (2, later)
        assert newest.written_at.endswith("Z")
    assert main(["state", "stats", *opts]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["urls"] == 2 and stats["newest_written_at"]


def test_a_missing_store_is_reported_and_a_run_refuses_when_output_exists(dirs, capsys) -> None:
    output, state, opts = dirs
    assert main(["state", "stats", *opts]) == 3
    assert "no seen-store" in capsys.readouterr().err
    write(output / "detik/2026-01-01/20260101T000000Z-aaaaaa.jsonl", record(1))
    assert main(["run", "detik", *opts]) == 3
    err = capsys.readouterr().err
    assert "is missing" in err and "newscrawl state rebuild" in err
    assert not (state / "seen.sqlite3").exists()


def test_the_lock_refuses_a_second_holder_and_names_the_first(dirs, capsys) -> None:
    output, state, opts = dirs
    with RunLock(state):
        with pytest.raises(Busy, match=f"pid {os.getpid()}"):
            RunLock(state).acquire()
        assert main(["state", "rebuild", *opts]) == 75
        assert main(["run", "detik", *opts]) == 75
        assert "another newscrawl run holds" in capsys.readouterr().err
    assert not output.exists() and not (state / "seen.sqlite3").exists()  # the refused ones touched nothing
    RunLock(state).acquire().release()  # released on exit


def listed(n: int, lastmod: datetime) -> Entry:
    """The entry of article ``n`` in a sitemap that gives it ``lastmod``."""
    return Entry(URL.format(n), modified=lastmod, listing=Listing(SITEMAP, {URL.format(n): lastmod}))


SITEMAP = "https://news.detik.com/berita/sitemap_news.xml"


def test_already_written_check_skips_unless_the_entry_was_modified_since(tmp_path: Path) -> None:
    settings = {"NEWSCRAWL_STATE_DIR": str(tmp_path)}
    with SqliteSeenStore(tmp_path / "seen.sqlite3") as store:
        store.add_many([
            SeenEntry(URL.format(1), "a" * 64, 1, "2026-01-01T08:00:00+07:00", "2026-01-01T02:00:00Z"),
            SeenEntry(URL.format(2), "b" * 64, 1, None, "2026-01-01T02:00:00Z"),
        ])  # fmt: skip
    check = WrittenFilter(get_crawler(settings_dict=settings))
    assert check.already_written(URL.format(1)) and check.already_written(URL.format(2))
    assert not check.already_written(URL.format(3))
    # No lastmod remembered for these URLs: the sitemap's lastmod is compared with the stored times.
    assert check.already_written(URL.format(1), listed(1, datetime(2026, 1, 1, 0, 59, tzinfo=UTC)))
    assert not check.already_written(URL.format(1), listed(1, datetime(2026, 1, 1, 1, 1, tzinfo=UTC)))
    assert not check.already_written(URL.format(2), listed(2, datetime(2026, 1, 1, 2, 1, tzinfo=UTC)))
    assert check.already_written(URL.format(2), Entry(URL.format(2)))  # a feed entry says nothing of changes
    check.close()
    refetch = WrittenFilter(get_crawler(settings_dict={**settings, "NEWSCRAWL_REFETCH_SEEN": True}))
    assert not refetch.already_written(URL.format(1))


def test_modified_after_is_careful_with_unusable_times() -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    assert not modified_after(None, "2026-01-01T00:00:00Z")
    assert modified_after(moment, "garbage") and modified_after(moment, None)
    assert not modified_after(moment, "2026-01-01T07:00:00+07:00")
