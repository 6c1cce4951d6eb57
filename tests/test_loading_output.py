"""The README's "Loading the output" example runs as written, on output with versions and repeats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE = re.search(
    r"<!-- loading-example:begin -->\n```python\n(.*?)```\n<!-- loading-example:end -->", README, re.S
)


def record(
    url: str, portal: str, version: int = 1, crawled_at: str = "2026-01-02T01:00:00Z", **fields
) -> dict:
    return {
        "url": url, "portal": portal, "title": "Judul", "body": f"Isi {url} v{version}", "description": None,
        "authors": ["Rina"], "editors": [], "published_at": "2026-01-02T07:00:00+07:00",
        "published_at_raw": None, "modified_at": None, "section": None, "tags": ["banjir"], "image_url": None,
        "image_caption": None, "language": "id", "word_count": 3, "pages": 1, "extraction": "rules",
        "fetched_url": None, "crawled_at": crawled_at, "content_hash": f"{version:064x}", "version": version,
        "run_id": "20260102T010000Z-abc123", **fields,
    }  # fmt: skip


def write(path: Path, *records: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_readme_loading_example_keeps_the_newest_version_per_url(tmp_path: Path, monkeypatch, capsys) -> None:
    assert EXAMPLE, "the README lost its loading example markers"
    out = tmp_path / "output"
    d1, d2 = "https://news.detik.com/berita/d-1/banjir", "https://news.detik.com/berita/d-2/macet"
    k1 = "https://nasional.kompas.com/read/2026/01/03/1/pemilu"
    # A run writes in chunks (<run-id>-0001.jsonl, -0002, ...); a killed run leaves a .part file.
    write(out / "detik/2026-01-02/20260102T010000Z-abc123-0001.jsonl", record(d1, "detik"))
    write(out / "detik/2026-01-02/20260102T010000Z-abc123-0002.jsonl", record(d2, "detik"))
    modified = "2026-01-05T09:00:00+07:00"
    write(
        out / "detik/2026-01-05/20260105T010000Z-def456-0001.jsonl",
        record(d1, "detik", 2, "2026-01-05T02:00:00Z", modified_at=modified),
    )
    write(
        out / "kompas/2026-01-03/20260103T010000Z-aaa111-0001.jsonl", record(k1, "kompas", published_at=None)
    )
    write(
        out / "kompas/2026-01-04/20260104T010000Z-bbb222-0001.jsonl",
        record(k1, "kompas", 1, "2026-01-04T01:00:00Z"),
    )
    write(out / "kompas/2026-02-01/20260201T010000Z-ccc333-0001.jsonl", record(k1 + "-februari", "kompas"))
    (out / "detik/2026-01-05/20260105T011500Z-ddd444-0001.jsonl.part").write_text(
        '{"url": "half', encoding="utf-8"
    )
    (out / "_runs").mkdir()
    (out / "_runs/20260102T010000Z-abc123.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    namespace: dict = {}
    exec(compile(EXAMPLE.group(1), "README.md (loading example)", "exec"), namespace)

    latest = namespace["latest"].set_index("url")
    assert sorted(latest.index) == sorted([d1, d2, k1])  # January only, one row per URL
    assert latest.loc[d1, "version"] == 2 and latest.loc[d1, "modified_at"] == modified
    assert latest.loc[k1, "crawled_at"].startswith("2026-01-04")  # of two repeats, the later crawl
    assert str(latest.loc[d2, "published_at"]) == "2026-01-02 00:00:00+00:00"
    rows = namespace["articles"].fetchall()
    columns = namespace["articles"].columns
    by_url = {row[columns.index("url")]: row for row in rows}
    assert sorted(by_url) == sorted([d1, d2, k1])
    assert by_url[d1][columns.index("version")] == 2
    printed = capsys.readouterr().out
    assert "detik" in printed and "kompas" in printed


@pytest.mark.parametrize("module", ["pandas", "duckdb"])
def test_the_example_libraries_are_in_the_test_extra(module: str) -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"{module}>=' in pyproject
