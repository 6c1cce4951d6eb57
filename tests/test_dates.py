from datetime import UTC, datetime, timedelta, timezone

import pytest

from newscrawl.extraction.dates import (
    WIB,
    format_wib,
    parse_iso,
    parse_visible,
    parse_visible_with_precision,
    reconcile,
    to_wib,
)

VISIBLE_CASES = [
    # Dates exactly as the portals print them.
    ("Kamis, 02 Nov 2023 20:59 WIB", "2023-11-02T20:59:00+07:00"),
    ("Rabu, 18 Jun 2025 18:28 WIB", "2025-06-18T18:28:00+07:00"),
    ("Kompas.com - 02/11/2023, 21:34 WIB", "2023-11-02T21:34:00+07:00"),
    ("Kompas.com- 19/06/2025, 09:12 WIB", "2025-06-19T09:12:00+07:00"),
    ("Jum'at, 24 Juli 2026 - 13:39 WIB", "2026-07-24T13:39:00+07:00"),
    ("19 Juni 2025 | 08.18 WIB", "2025-06-19T08:18:00+07:00"),
    ("Kamis   19 Jun 2025  10:13 WIB", "2025-06-19T10:13:00+07:00"),
    (", Jurnalis-Kamis, 19 Juni 2025 |00:17 WIB", "2025-06-19T00:17:00+07:00"),
    (", Jurnalis-Kamis,\u00a019 Juni 2025 |00:17\u00a0WIB", "2025-06-19T00:17:00+07:00"),
    ("Diperbarui 17 Jun 2025, 17:00 WIB", "2025-06-17T17:00:00+07:00"),
    ("Diterbitkan 20 Agu 2021, 00:01 WIB", "2021-08-20T00:01:00+07:00"),
    ("31 July 2025 11:01", "2025-07-31T11:01:00+07:00"),
    ("Terbit 2 Sep 2025 17:00 WIB", "2025-09-02T17:00:00+07:00"),
    ("Kamis, 04 Juli 2024 - 06:14:00 WIB", "2024-07-04T06:14:00+07:00"),
    ("\u00a020/1/2026 18:30", "2026-01-20T18:30:00+07:00"),
    ("Minggu, 18 Juli 2021 \u2013 18:52 WIB", "2021-07-18T18:52:00+07:00"),
    ("Selasa, 29 Juli 2025 | 18:27", "2025-07-29T18:27:00+07:00"),
    ("Sabtu, 8 Agustus 2020 | 09:21 WIB", "2020-08-08T09:21:00+07:00"),
    ("Senin, 4 Mei 2020 04:25 WIB", "2020-05-04T04:25:00+07:00"),
    # Other time zones: the same instant, written in WIB.
    ("7 Des 2023 10:00 WITA", "2023-12-07T09:00:00+07:00"),
    ("7 Des 2023 10:00 WIT", "2023-12-07T08:00:00+07:00"),
    ("7 Des 2023 10:00 GMT+7", "2023-12-07T10:00:00+07:00"),
    ("7 Des 2023 10:00 GMT+07:00", "2023-12-07T10:00:00+07:00"),
    ("7 Des 2023 10:00 UTC", "2023-12-07T17:00:00+07:00"),
    ("7 Des 2023 10:00 GMT", "2023-12-07T17:00:00+07:00"),
    # Month spellings, case, day names, separators.
    ("Friday, 3 May 2024 09:00", "2024-05-03T09:00:00+07:00"),
    ("3 Aug 2024 09:00", "2024-08-03T09:00:00+07:00"),
    ("3 Agt 2024 09:00", "2024-08-03T09:00:00+07:00"),
    ("3 Ags 2024 09:00", "2024-08-03T09:00:00+07:00"),
    ("3 Oct 2024 09:00", "2024-10-03T09:00:00+07:00"),
    ("3 Okt 2024 09:00", "2024-10-03T09:00:00+07:00"),
    ("3 Dec 2024 09:00", "2024-12-03T09:00:00+07:00"),
    ("3 Februari 2024 09:00", "2024-02-03T09:00:00+07:00"),
    ("3 Maret 2024 09:00", "2024-03-03T09:00:00+07:00"),
    ("3 September 2024 09:00", "2024-09-03T09:00:00+07:00"),
    ("3 Oktober 2024 09:00", "2024-10-03T09:00:00+07:00"),
    ("3 Desember 2024 09:00", "2024-12-03T09:00:00+07:00"),
    ("3 January 2024 09:00", "2024-01-03T09:00:00+07:00"),
    ("KAMIS, 02 NOV 2023 20:59 wib", "2023-11-02T20:59:00+07:00"),
    ("Jumat, 29 Februari 2024 23.59.30 WIB", "2024-02-29T23:59:30+07:00"),
    ("Senin, 4 Mei 2020 pukul 04.25 WIB", "2020-05-04T04:25:00+07:00"),
]


@pytest.mark.parametrize(("text", "expected"), VISIBLE_CASES)
def test_parse_visible(text: str, expected: str) -> None:
    assert format_wib(parse_visible(text)) == expected


@pytest.mark.parametrize(("text", "expected"), VISIBLE_CASES)
def test_parse_visible_with_time_is_precise(text: str, expected: str) -> None:
    dt, has_time = parse_visible_with_precision(text)
    assert format_wib(dt) == expected
    assert has_time is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 02 November 2023", "2023-11-02T00:00:00+07:00"),
        ("02/11/2023", "2023-11-02T00:00:00+07:00"),
        ("Terbit 2 Sep 2025", "2025-09-02T00:00:00+07:00"),
        # A time that cannot be one is not read as a time.
        ("2 Sep 2025 25:00 WIB", "2025-09-02T00:00:00+07:00"),
    ],
)
def test_parse_visible_date_only(text: str, expected: str) -> None:
    assert format_wib(parse_visible(text)) == expected
    dt, has_time = parse_visible_with_precision(text)
    assert format_wib(dt) == expected
    assert has_time is False


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "Senin",
        "2024-02-31",
        "31 Februari 2024 10:00 WIB",
        "31/02/2024, 10:00 WIB",
        "32 Jan 2024 10:00 WIB",
        "13/13/2024",
        "1 Jan 1989 10:00 WIB",
        "1 Jan 2101 10:00 WIB",
        "Kamis, 02 Foo 2023 20:59 WIB",
        "Jun 2025",
    ],
)
def test_parse_visible_rejects(text: str) -> None:
    assert parse_visible(text) is None
    assert parse_visible_with_precision(text) == (None, False)


def test_parse_visible_non_string() -> None:
    assert parse_visible(None) is None  # type: ignore[arg-type]


ISO_CASES = [
    ("2023-11-02T20:59:53+07:00", "2023-11-02T20:59:53+07:00"),
    ("2023-11-02T14:34:19+00:00", "2023-11-02T21:34:19+07:00"),
    ("2024-01-05T03:00:00Z", "2024-01-05T10:00:00+07:00"),
    ("2024-01-05T03:00:00.000Z", "2024-01-05T10:00:00+07:00"),
    ("2024-01-05T03:00:00.123456Z", "2024-01-05T10:00:00+07:00"),
    ("2023-11-02 21:34:19", "2023-11-02T21:34:19+07:00"),
    ("2023/11/02 20:59:53", "2023-11-02T20:59:53+07:00"),
    ("2026-01-20T18:33:13+0700", "2026-01-20T18:33:13+07:00"),
    ("2023-11-02T20:59", "2023-11-02T20:59:00+07:00"),
    ("2023-11-02", "2023-11-02T00:00:00+07:00"),
    ("  2023-11-02T20:59:53+07:00\n", "2023-11-02T20:59:53+07:00"),
    ("2023-11-02T10:00:00+08:00", "2023-11-02T09:00:00+07:00"),
    ("2023-11-02T10:00:00+09:00", "2023-11-02T08:00:00+07:00"),
    ("2023-11-02T10:00:00-05:00", "2023-11-02T22:00:00+07:00"),
    ("2023-11-02 10:00:00 WITA", "2023-11-02T09:00:00+07:00"),
    ("1698933593000", "2023-11-02T20:59:53+07:00"),
    ("1698933593", "2023-11-02T20:59:53+07:00"),
]


@pytest.mark.parametrize(("value", "expected"), ISO_CASES)
def test_parse_iso(value: str, expected: str) -> None:
    assert format_wib(parse_iso(value)) == expected


def test_parse_iso_keeps_the_given_zone() -> None:
    dt = parse_iso("2023-11-02T14:34:19+00:00")
    assert dt is not None
    assert dt.utcoffset() == timedelta(0)
    assert dt.hour == 14


def test_parse_iso_naive_tz() -> None:
    assert format_wib(parse_iso("2023-11-02 14:34:19", naive_tz=UTC)) == "2023-11-02T21:34:19+07:00"
    assert format_wib(parse_iso("2023-11-02 14:34:19+07:00", naive_tz=UTC)) == "2023-11-02T14:34:19+07:00"


def test_parse_iso_keeps_milliseconds_of_timestamps() -> None:
    dt = parse_iso("1698933593123")
    assert dt is not None
    assert dt.microsecond == 123000
    assert format_wib(dt) == "2023-11-02T20:59:53+07:00"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "abc",
        "Senin",
        "2024-02-31",
        "31 Februari 2024 10:00 WIB",
        "2023-13-01",
        "2023-11-02T25:00:00",
        "2023-11-02T20:59:53+25:00",
        "1989-12-31",
        "2101-01-01",
        "123",
        "12345678901",
        "9999999999",
        "2023-11-02T20:59:53+07:00 extra",
    ],
)
def test_parse_iso_rejects(value: str) -> None:
    assert parse_iso(value) is None


def test_parse_iso_non_string() -> None:
    assert parse_iso(None) is None  # type: ignore[arg-type]


def test_to_wib_converts_and_never_relabels() -> None:
    utc = datetime(2023, 11, 2, 14, 34, 19, tzinfo=UTC)
    assert to_wib(utc) == utc
    assert to_wib(utc).hour == 21
    assert to_wib(utc).utcoffset() == timedelta(hours=7)


def test_to_wib_naive_is_wib() -> None:
    assert to_wib(datetime(2023, 11, 2, 14, 34, 19)) == datetime(2023, 11, 2, 14, 34, 19, tzinfo=WIB)


def test_format_wib() -> None:
    assert format_wib(None) is None
    assert format_wib(datetime(2024, 7, 4, 6, 14, tzinfo=WIB)) == "2024-07-04T06:14:00+07:00"
    assert format_wib(datetime(2024, 7, 4, 6, 14, 5, 999999, tzinfo=WIB)) == "2024-07-04T06:14:05+07:00"
    wita = timezone(timedelta(hours=8))
    assert format_wib(datetime(2024, 7, 4, 0, 30, tzinfo=wita)) == "2024-07-03T23:30:00+07:00"


def _iso(value: str) -> datetime:
    dt = parse_iso(value)
    assert dt is not None
    return dt


def _visible(text: str) -> datetime:
    dt = parse_visible(text)
    assert dt is not None
    return dt


@pytest.mark.parametrize(
    ("structured", "visible", "has_time", "expected"),
    [
        # Local time mislabelled as UTC: the visible date wins.
        ("2023-11-02T20:59:53Z", "Kamis, 02 Nov 2023 20:59 WIB", True, "2023-11-02T20:59:00+07:00"),
        # The same mislabelling the other way round (UTC written as +07:00).
        ("2023-11-02T13:59:53+07:00", "Kamis, 02 Nov 2023 20:59 WIB", True, "2023-11-02T20:59:00+07:00"),
        # Agreement to the minute: the structured value, with its seconds.
        ("2023-11-02T20:59:53+07:00", "Kamis, 02 Nov 2023 20:59 WIB", True, "2023-11-02T20:59:53+07:00"),
        ("2023-11-02T13:59:53Z", "Kamis, 02 Nov 2023 20:59 WIB", True, "2023-11-02T20:59:53+07:00"),
        # A small difference (e.g. the visible one is the update time): structured.
        ("2023-11-02T20:40:00+07:00", "Kamis, 02 Nov 2023 20:59 WIB", True, "2023-11-02T20:40:00+07:00"),
        # A large difference that is not a whole number of hours: structured.
        ("2023-11-02T17:20:00+07:00", "Kamis, 02 Nov 2023 20:59 WIB", True, "2023-11-02T17:20:00+07:00"),
        # A difference of more than 14 hours: structured.
        ("2023-11-01T04:59:00+07:00", "Kamis, 02 Nov 2023 20:59 WIB", True, "2023-11-01T04:59:00+07:00"),
        # A date-only visible string never overrides.
        ("2023-11-02T20:59:53Z", "Kamis, 02 Nov 2023", False, "2023-11-03T03:59:53+07:00"),
        ("2023-11-02T10:00:00+07:00", "Rabu, 01 Nov 2023", False, "2023-11-02T10:00:00+07:00"),
    ],
)
def test_reconcile(structured: str, visible: str, has_time: bool, expected: str) -> None:
    assert format_wib(reconcile(_iso(structured), _visible(visible), has_time)) == expected


def test_reconcile_one_side_missing() -> None:
    visible = _visible("Kamis, 02 Nov 2023 20:59 WIB")
    structured = _iso("2023-11-02T20:59:53+07:00")
    assert reconcile(None, visible) is visible
    assert reconcile(None, visible, False) is visible
    assert reconcile(structured, None) is structured
    assert reconcile(None, None) is None
