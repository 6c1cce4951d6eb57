"""The story index in Redis (``NEWSCRAWL_REDIS_URL``), against a real throwaway redis-server."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.stories import StoryError
from newscrawl.stories.index import open_index
from newscrawl.stories.store import StoryEntry
from tests.test_stories import BASE, copy_of, crawler, opened, record, run, written

# ``redis_url``: the throwaway redis-server fixture of tests/conftest.py.


def test_stories_persist_in_redis_across_runs(tmp_path: Path, redis_url: str) -> None:
    c = crawler(tmp_path, NEWSCRAWL_REDIS_URL=redis_url)
    p = opened(c)
    first, other = run(
        p, record("https://a.id/1", BASE["body"]), record("https://c.id/3", "Lain sekali. " * 30)
    )
    written(c, [first, other])
    p.close_index()
    c2 = crawler(tmp_path, NEWSCRAWL_REDIS_URL=redis_url)
    p2 = opened(c2)
    (copy,) = run(p2, record("https://b.id/2", copy_of(BASE["body"]), "tribunnews"))
    assert copy["story_id"] == first["story_id"] and copy["duplicate_of"] == "https://a.id/1"
    assert p2.index.store.count() == 2
    p2.close_index()
    assert not (tmp_path / "state").exists()  # Redis, not the SQLite file


def test_the_redis_window_prunes(tmp_path: Path, redis_url: str) -> None:
    settings = {"NEWSCRAWL_REDIS_URL": redis_url, "NEWSCRAWL_STORY_DAYS": 14}
    index = open_index(settings)
    signature = index.signer.sign(BASE["body"])
    old = StoryEntry(
        "https://a.id/1", "kompas", "0" * 16, "https://a.id/1", None, "2020-01-01T00:00:00Z", None, signature
    )
    index.commit([old])
    assert index.store.query(signature, 64) == {old.key}
    index.close()
    index = open_index(settings)  # opening prunes what left the window
    assert index.store.count() == 0 and index.store.query(signature, 64) == set()
    index.close()


def test_an_unreachable_redis_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoryError, match="unreachable"):
        open_index({"NEWSCRAWL_REDIS_URL": "redis://127.0.0.1:9/0"})
