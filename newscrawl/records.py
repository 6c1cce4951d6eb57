"""Pure helpers on article records, shared by the pipelines and the command line."""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
from itemadapter import ItemAdapter

# C0 controls except tab and newline, DEL, C1 controls, and surrogates (in a str they are always lone).
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Unicode line/paragraph separators: JSON leaves them unescaped, but str.splitlines() and JavaScript
# treat them as line ends, which would split a JSONL record in two for some readers.
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
_NEEDS_SANITIZING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_RUN_ID = re.compile(r"^(\d{8}T\d{6}Z)-[0-9a-f]{6}$")
_MAX_MESSAGE = 200


def record_dict(item: Any) -> dict[str, Any]:
    """The item as a plain dict (lists copied). Dataclass items take a direct path: ItemAdapter's
    generic ``asdict`` cost about 0.25 ms per call, and every pipeline stage makes one."""
    if is_dataclass(item) and not isinstance(item, type):
        return {f.name: _copy(getattr(item, f.name)) for f in fields(item)}
    return ItemAdapter(item).asdict()


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


@cache
def load_schema() -> dict[str, Any]:
    """The record contract, ``newscrawl/schema/article.schema.json``, read once."""
    text = resources.files("newscrawl").joinpath("schema/article.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Any:
    """The schema compiled to Python once: 50 times faster per record than interpreting it."""
    return fastjsonschema.compile(load_schema())


def validate_record(record: dict[str, Any]) -> str | None:
    """Why the record must not be written (``no title``, ``empty body``, ``schema: ...``), or None."""
    title, body = record.get("title"), record.get("body")
    if not isinstance(title, str) or not title.strip():
        return "no title"
    if not isinstance(body, str) or not body.strip():
        return "empty body"
    try:
        _validator()(record)
    except fastjsonschema.JsonSchemaValueException as error:
        where = error.name.removeprefix("data").lstrip(".") or "(record)"
        message = error.message
    else:
        return None
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1] + "…"
    return f"schema: {where}: {message}"


def sanitize_text(value: str) -> str:
    """Drop control characters (except ``\\n`` and ``\\t``) and lone surrogates; U+2028/9 become ``\\n``."""
    if not _NEEDS_SANITIZING.search(value):  # the usual case: one scan, no copy
        return value
    return _UNSAFE_CHARS.sub("", _LINE_SEPARATORS.sub("\n", value))


def utc_now() -> str:
    """Now in UTC as the records write it: ``2026-01-01T00:00:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_run_id(now: datetime | None = None) -> str:
    """``YYYYMMDDTHHMMSSZ-<6 hex>``: sortable by start time, unique across parallel runs."""
    now = now or datetime.now(UTC)
    return f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def run_started(run_id: str) -> datetime | None:
    """The start time encoded in a run id made by :func:`new_run_id`, else None."""
    match = _RUN_ID.match(run_id)
    if match is None:
        return None
    return datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
