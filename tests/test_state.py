import sqlite3
import time
from pathlib import Path

import pytest

from newscrawl.state import SeenEntry, StateError, open_store, store_location
from newscrawl.state.sqlite import SqliteSeenStore


def entry(i: int, version: int = 1, modified_at: str | None = None) -> SeenEntry:
    return SeenEntry(
        url=f"https://news.detik.com/berita/d-{i}/judul",
        content_hash=f"{i:064x}",
        version=version,
        modified_at=modified_at,
        written_at="2026-01-01T00:00:00Z",
    )


def test_batch_insert_and_indexed_lookups(tmp_path):
    path = tmp_path / "seen.sqlite3"
    started = time.perf_counter()
    with SqliteSeenStore(path) as store:
        store.add_many(entry(i) for i in range(10_000))
        assert store.count() == 10_000
        assert all(store.has_url(entry(i).url) for i in range(0, 10_000, 7))
        assert store.has_hash(entry(9_999).content_hash)
        assert not store.has_url("https://news.detik.com/berita/d-10000/judul")
        assert not store.has_hash("f" * 64)
        assert store.get(entry(42).url) == entry(42)
        assert store.get("https://example.com/") is None
    assert time.perf_counter() - started < 10
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        plan = db.execute("EXPLAIN QUERY PLAN SELECT 1 FROM seen WHERE content_hash = 'x'").fetchall()
        assert "seen_content_hash" in str(plan)


def test_persists_across_opens_and_upsert_keeps_highest_version(tmp_path):
    path = tmp_path / "seen.sqlite3"
    with SqliteSeenStore(path) as store:
        store.add_many([entry(1, version=2, modified_at="2026-01-02T00:00:00+07:00")])
    with SqliteSeenStore(path) as store:
        store.add_many([entry(1, version=1)])  # an older version arriving late
        assert store.get(entry(1).url).version == 2
        store.add_many([entry(1, version=3)])
        assert store.get(entry(1).url).version == 3
        store.add_many([])
        assert store.count() == 1


def test_missing_parent_directory_is_created(tmp_path):
    path = tmp_path / "a" / "b" / "seen.sqlite3"
    with SqliteSeenStore(path) as store:
        assert store.count() == 0
    assert path.is_file()


def test_corrupt_file_raises_state_error_with_recovery_hint(tmp_path):
    path = tmp_path / "seen.sqlite3"
    path.write_bytes(b"this is not a database, just some bytes\n" * 200)
    with pytest.raises(StateError, match="newscrawl state rebuild") as raised:
        SqliteSeenStore(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes().startswith(b"this is not a database")  # never silently reset


def test_locked_database_raises_state_error(tmp_path):
    path = tmp_path / "seen.sqlite3"
    SqliteSeenStore(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with SqliteSeenStore(path, timeout=0.1) as store:
            assert not store.has_url(entry(1).url)  # WAL readers are not blocked
            with pytest.raises(StateError, match="locked"):
                store.add_many([entry(1)])
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_closed_store_raises(tmp_path):
    store = SqliteSeenStore(tmp_path / "seen.sqlite3")
    store.close()
    with pytest.raises(StateError, match="closed"):
        store.has_url("https://example.com/")


def test_open_store_from_settings_path_and_url(tmp_path):
    settings = {"NEWSCRAWL_STATE_DIR": str(tmp_path / "state")}
    assert store_location(settings) == str(tmp_path / "state" / "seen.sqlite3")
    with open_store(settings) as store:
        assert isinstance(store, SqliteSeenStore)
        assert store.path == tmp_path / "state" / "seen.sqlite3"
    with open_store(tmp_path / "state") as store:  # a directory holds seen.sqlite3
        assert store.path == tmp_path / "state" / "seen.sqlite3"
    with open_store(f"sqlite:///{tmp_path}/other.db") as store:
        assert store.path == tmp_path / "other.db"
    settings["NEWSCRAWL_STATE_URL"] = "redis://127.0.0.1:1/0"  # a Redis store; nothing listens there
    with pytest.raises(StateError, match=r"seen-store redis://127\.0\.0\.1:1/0 cannot be used"):
        open_store(settings)
    settings["NEWSCRAWL_STATE_URL"] = "postgres://db/newscrawl"
    with pytest.raises(ValueError, match="a postgres:// store is not a SQLite file"):
        open_store(settings)


def test_no_module_of_the_state_package_imports_one_that_imports_it_back():
    """The state package's import graph has no cycle (``open`` picks the implementation; they import
    only ``base``), so a new backend is one more module and one more branch in ``open_store``."""
    import ast
    from graphlib import CycleError, TopologicalSorter

    import newscrawl.state

    package = Path(newscrawl.state.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        name = f"newscrawl.state.{path.stem}" if path.stem != "__init__" else "newscrawl.state"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {
            node.module
            for node in ast.walk(tree)  # imports inside functions too
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newscrawl.state.")
        }
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        pytest.fail(f"import cycle in newscrawl.state: {exc.args[1]}")
    assert order.index("newscrawl.state.base") < order.index("newscrawl.state.open")
