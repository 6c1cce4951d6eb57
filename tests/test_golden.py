"""Every golden fixture page gives exactly its expected record, field by field."""

from __future__ import annotations

import json

import pytest

from newscrawl.records import validate_record
from tests.golden.regenerate import find_cases, run_case

CASES = find_cases()


def _is_article_case(case) -> bool:
    if not case.expected_path.exists():
        return True
    return "rejected" not in json.loads(case.expected_path.read_text(encoding="utf-8"))


ARTICLE_CASES = [c for c in CASES if _is_article_case(c)]
# Furniture that must never reach a body, whatever the portal (independent of the extractor's own rules).
FURNITURE = (
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE",
    "Baca juga",
    "Baca Juga",
    "BACA JUGA",
    "Lihat juga",
    "Lihat Juga",
    "[Gambas",
    "Simak Video",
    "loading...",
    "Loading...",
    "Foto/",
    "(Foto:",
    "Artikel ini telah tayang",
    "WhatsApp Channel",
    "Google News",
    "Telegram",
)


def test_every_portal_has_golden_cases() -> None:
    from newscrawl.portals import PORTALS

    covered = {case.portal for case in CASES}
    assert set(PORTALS) <= covered, f"portals without golden fixtures: {sorted(set(PORTALS) - covered)}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden_record(case) -> None:
    assert case.expected_path.exists(), f"run: python tests/golden/regenerate.py {case.portal}"
    expected = json.loads(case.expected_path.read_text(encoding="utf-8"))
    actual = run_case(case)
    if "rejected" in expected:
        assert actual == expected
        return
    assert "rejected" not in actual, actual.get("rejected")
    for field in sorted(set(expected) | set(actual)):
        assert actual.get(field) == expected.get(field), f"{case.id}: field {field!r} differs"


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=[c.id for c in ARTICLE_CASES])
def test_golden_record_is_clean_and_valid(case) -> None:
    record = run_case(case)
    assert "rejected" not in record, record.get("rejected")
    record["crawled_at"] = "2026-01-01T00:00:00Z"
    assert validate_record(record) is None
    paragraphs = record["body"].split("\n\n")
    assert len(paragraphs) == len(set(paragraphs)), "a paragraph appears twice"
    for marker in FURNITURE:
        assert marker not in record["body"], f"furniture {marker!r} in body"
