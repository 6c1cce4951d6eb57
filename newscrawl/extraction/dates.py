"""Publication and modification dates as Indonesian portals give them, expressed in Jakarta time.

Two sources feed a record's dates: structured data (JSON-LD, ``<meta>`` tags), parsed by :func:`parse_iso`,
and the date printed on the page, parsed by :func:`parse_visible`. :func:`reconcile` picks the instant and
:func:`format_wib` writes it as ISO 8601 in WIB (``+07:00``). Nothing here raises on bad input: an unusable
string gives ``None``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

WIB = timezone(timedelta(hours=7), "WIB")
"""Waktu Indonesia Barat (Jakarta), the time zone every output date is written in."""

MIN_YEAR = 1990
MAX_YEAR = 2100

_ZONES: dict[str, timezone] = {
    "wib": WIB,
    "wita": timezone(timedelta(hours=8), "WITA"),
    "wit": timezone(timedelta(hours=9), "WIT"),
    "utc": UTC,
    "gmt": UTC,
    "z": UTC,
}

_MONTH_NAMES = (
    ("januari", "january", "jan"),
    ("februari", "pebruari", "february", "feb"),
    ("maret", "march", "mar"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "june", "jun"),
    ("juli", "july", "jul"),
    ("agustus", "august", "agu", "agt", "ags", "aug"),
    ("september", "sept", "sep"),
    ("oktober", "october", "okt", "oct"),
    ("november", "nopember", "nov"),
    ("desember", "december", "des", "dec"),
)
_MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names
}
# Longest names first, so that "Juni" is not read as "Jun" followed by garbage.
_MONTH_ALTERNATION = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ISO_RE = re.compile(
    r"""
    (?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})
    (?:[T\s]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?)?
    \s*(?:(?P<offset>[+-]\d{2}(?::?\d{2})?)|(?P<label>Z|WITA|WIT|WIB|UTC|GMT))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_TIMESTAMP_RE = re.compile(r"\d{10}|\d{13}")

_VISIBLE_RE = re.compile(
    rf"""
    (?:
        (?<!\d)(?P<nday>\d{{1,2}})/(?P<nmonth>\d{{1,2}})/(?P<nyear>\d{{4}})(?!\d)
      | (?<!\d)(?P<tday>\d{{1,2}})[\s-]+(?P<tmonth>{_MONTH_ALTERNATION})\b\.?[\s-]+(?P<tyear>\d{{4}})(?!\d)
    )
    (?:
        [\s,|\-\u2013\u2014]*(?:(?:pukul|jam)\s*)?
        (?<!\d)(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?(?!\d)
        (?:\s*(?P<label>WITA|WIT|WIB|UTC|GMT)\b(?:\s*(?P<offset>[+-]\d{{1,2}}(?::?\d{{2}})?))?)?
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _offset_zone(offset: str) -> timezone | None:
    """'+07:00', '+0700', '+07' or '+7' -> a fixed-offset zone; None when out of range."""
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta >= timedelta(hours=24) or int(minutes) >= 60:
        return None
    return timezone(sign * delta)


def _zone(label: str | None, offset: str | None, default: tzinfo) -> tzinfo | None:
    """The zone named by a label ('WITA', 'Z', 'GMT') and/or a numeric offset; ``default`` if neither."""
    if offset:
        return _offset_zone(offset)
    if label:
        return _ZONES[label.lower()]
    return default


def _build(
    year: int, month: int, day: int, hour: int, minute: int, second: int, tz: tzinfo
) -> datetime | None:
    """An aware datetime, or None for an impossible date or a year outside [MIN_YEAR, MAX_YEAR]."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def _parse_timestamp(value: str) -> datetime | None:
    """Unix time as digits: 10 digits are seconds, 13 milliseconds. Returned in UTC."""
    seconds, millis = (int(value), 0) if len(value) == 10 else divmod(int(value), 1000)
    try:
        dt = datetime.fromtimestamp(seconds, UTC).replace(microsecond=millis * 1000)
    except (OverflowError, OSError, ValueError):
        return None
    return dt if MIN_YEAR <= dt.year <= MAX_YEAR else None


def parse_iso(value: str, *, naive_tz: tzinfo = WIB) -> datetime | None:
    """ISO-8601-ish strings from JSON-LD or meta tags -> aware datetime, in the zone the string gives.

    Accepts ``T`` or space, ``-`` or ``/`` in the date, offsets with or without a colon, ``Z``, fractions,
    missing seconds, a date alone (midnight), and unix timestamps (10 or 13 digits). A string without a
    zone is taken as ``naive_tz``. Returns None for anything else; never raises.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _TIMESTAMP_RE.fullmatch(value):
        return _parse_timestamp(value)
    match = _ISO_RE.fullmatch(value)
    if not match:
        return None
    tz = _zone(match["label"], match["offset"], naive_tz)
    if tz is None:
        return None
    dt = _build(
        int(match["year"]),
        int(match["month"]),
        int(match["day"]),
        int(match["hour"] or 0),
        int(match["minute"] or 0),
        int(match["second"] or 0),
        tz,
    )
    if dt is None or not match["fraction"]:
        return dt
    return dt.replace(microsecond=int(match["fraction"][:6].ljust(6, "0")))


def parse_visible_with_precision(text: str) -> tuple[datetime | None, bool]:
    """Like :func:`parse_visible`, plus whether a time of day was present (True) or only a date (False)."""
    if not isinstance(text, str):
        return None, False
    match = _VISIBLE_RE.search(text)
    if not match:
        return None, False
    if match["nday"]:
        year, month, day = int(match["nyear"]), int(match["nmonth"]), int(match["nday"])
    else:
        year, month, day = int(match["tyear"]), _MONTHS[match["tmonth"].lower()], int(match["tday"])
    if match["hour"] is None:
        return _build(year, month, day, 0, 0, 0, WIB), False
    tz = _zone(match["label"], match["offset"], WIB)
    if tz is None:
        return None, False
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
    dt = _build(year, month, day, hour, minute, second, tz)
    return dt, dt is not None


def parse_visible(text: str) -> datetime | None:
    """A date as printed on an Indonesian portal -> aware datetime; None when there is no valid date.

    Day and month names in Indonesian or English (full or abbreviated, any case), or ``dd/mm/yyyy``;
    time with ``:`` or ``.``, seconds optional; zone label WIB, WITA, WIT, UTC/GMT (with an optional
    offset such as ``GMT+7``), WIB when absent. A date without a time gives midnight WIB; use
    :func:`parse_visible_with_precision` to tell that weaker case apart.
    """
    return parse_visible_with_precision(text)[0]


def to_wib(dt: datetime) -> datetime:
    """The same instant in WIB (+07:00); a naive datetime is taken to be WIB already."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        return dt.replace(tzinfo=WIB)
    return dt.astimezone(WIB)


def format_wib(dt: datetime | None) -> str | None:
    """ISO 8601 in WIB to the second, e.g. ``'2024-07-04T06:14:00+07:00'``; None stays None."""
    if dt is None:
        return None
    return to_wib(dt).isoformat(timespec="seconds")


def _is_whole_hour_shift(minutes: float) -> bool:
    """True when a difference of ``minutes`` is 1 to 14 whole hours, give or take 2 minutes."""
    hours = round(minutes / 60)
    return 1 <= abs(hours) <= 14 and abs(minutes - hours * 60) <= 2


def reconcile(
    structured: datetime | None, visible: datetime | None, visible_has_time: bool = True
) -> datetime | None:
    """Pick the publication instant: structured data first, the visible date as the cross-check.

    The visible date wins only when it carries a time and differs from the structured one by a whole
    number of hours (1 to 14): the structured zone was mislabelled, e.g. local time written with ``Z``.
    """
    if structured is None:
        return visible
    if visible is None or not visible_has_time:
        return structured
    minutes = (to_wib(structured) - to_wib(visible)).total_seconds() / 60
    if abs(minutes) > 30 and _is_whole_hour_shift(minutes):
        return visible
    return structured
