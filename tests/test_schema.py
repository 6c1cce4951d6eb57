"""The record contract: a valid Draft 2020-12 schema, and the fast validator agrees with the reference one."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from newscrawl.records import load_schema, validate_record
from tests.golden.regenerate import GOLDEN_DIR

REFERENCE = Draft202012Validator(load_schema())
GOLDEN = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN_DIR.glob("*/*.expected.json"))]
RECORDS = [{**r, "crawled_at": "2026-01-01T00:00:00Z"} for r in GOLDEN if "rejected" not in r]


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(load_schema())


def test_every_golden_record_is_valid_for_both_validators() -> None:
    assert RECORDS
    for record in RECORDS:
        assert not list(REFERENCE.iter_errors(record)), record["url"]
        assert validate_record(record) is None, record["url"]


BREAKAGES = {
    "utc instead of wib": ("published_at", "2024-01-01T00:00:00Z"),
    "unknown field": ("surprise", 1),
    "zero words": ("word_count", 0),
    "wrong language": ("language", "en"),
    "bad hash": ("content_hash", "abc"),
    "authors not a list": ("authors", "Budi"),
    "relative url": ("url", "/berita/1"),
    "unknown extraction": ("extraction", "magic"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_validators_agree_on_broken_records(name: str) -> None:
    field, value = BREAKAGES[name]
    record = copy.deepcopy(RECORDS[0])
    record[field] = value
    assert list(REFERENCE.iter_errors(record)), "the reference validator rejects it"
    reason = validate_record(record)
    assert reason is not None and reason.startswith("schema:"), reason
