"""``newscrawl extract``: the record of a saved page on stdout, or a reason and an exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.cli import main
from newscrawl.records import validate_record
from tests.conftest import ROOT
from tests.golden.regenerate import GOLDEN_DIR

ARTICLE = GOLDEN_DIR / "detik" / "news_banjir_2025_03_04.html"
GALLERY = GOLDEN_DIR / "detik" / "foto_galeri_2025_03_05.html"
TWO_PAGES = [
    GOLDEN_DIR / "detik" / "finance_beras_2025_03_06.html",
    GOLDEN_DIR / "detik" / "finance_beras_2025_03_06.p2.html",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def expected(name: str) -> dict:
    return json.loads((GOLDEN_DIR / "detik" / f"{name}.expected.json").read_text(encoding="utf-8"))


def test_prints_the_record_of_a_saved_page_using_its_canonical_url(capsys) -> None:
    status, out, err = run(capsys, "extract", str(ARTICLE))
    assert status == 0, err
    record = json.loads(out)
    want = expected("news_banjir_2025_03_04")
    assert {k: v for k, v in record.items() if k != "crawled_at"} == {
        **want,
        "fetched_url": want["fetched_url"],
    }
    assert validate_record(record) is None


def test_stitches_pages_given_in_order(capsys) -> None:
    url = (GOLDEN_DIR / "detik" / "finance_beras_2025_03_06.url").read_text().strip()
    status, out, _err = run(capsys, "extract", "--url", url, *map(str, TWO_PAGES))
    assert status == 0
    record = json.loads(out)
    assert record["pages"] == 2
    assert record["body"] == expected("finance_beras_2025_03_06")["body"]


def test_compact_output_is_one_line_with_real_characters(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        ARTICLE.read_text(encoding="utf-8").replace("Jakarta Timur,", "Jakarta Timur – “kutipan”,"), "utf-8"
    )
    status, out, _err = run(capsys, "extract", "--compact", str(page))
    assert status == 0
    assert out.count("\n") == 1 and "“kutipan”" in out and "\\u" not in out


def test_a_page_that_is_not_an_article_prints_nothing_and_exits_1(capsys) -> None:
    status, out, err = run(capsys, "extract", str(GALLERY))
    assert (status, out) == (1, "")
    assert "photo gallery" in err


def test_a_section_index_is_not_an_article(capsys) -> None:
    index = GOLDEN_DIR / "kompas" / "indeks_2025_07_23.html"
    url = (GOLDEN_DIR / "kompas" / "indeks_2025_07_23.url").read_text().strip()
    status, out, err = run(capsys, "extract", "--url", url, str(index))
    assert (status, out) == (1, "")
    assert "not an article" in err


def test_a_missing_file_exits_2_with_its_name(capsys, tmp_path: Path) -> None:
    status, out, err = run(capsys, "extract", str(tmp_path / "nope.html"))
    assert (status, out) == (2, "")
    assert "nope.html" in err


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\x00" * 10])
def test_an_unparsable_file_exits_2(capsys, tmp_path: Path, content: bytes) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    status, out, err = run(capsys, "extract", "--url", "https://news.detik.com/berita/d-1/x", str(page))
    assert (status, out) == (2, "")
    assert "bad.html" in err


def test_without_url_or_canonical_it_asks_for_url(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Tanpa alamat kanonik.</p></body></html>", "utf-8")
    status, out, err = run(capsys, "extract", str(page))
    assert (status, out) == (2, "")
    assert "--url" in err


def test_the_installed_command_runs() -> None:
    command = Path(sys.executable).parent / "newscrawl"
    result = subprocess.run([command, "extract", str(ARTICLE)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["portal"] == "detik"
