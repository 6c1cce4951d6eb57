"""The publication window a crawl covers: ``-a since=YYYY-MM-DD -a until=YYYY-MM-DD`` (WIB calendar days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from newscrawl.extraction.dates import WIB

DEFAULT_DAYS = 2


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime

    def days(self) -> list[date]:
        """Calendar days (WIB) of the window, newest first."""
        first, last = self.start.date(), self.end.date()
        return [last - timedelta(days=n) for n in range((last - first).days + 1)]

    def contains(self, moment: datetime | None) -> bool:
        """Undated entries are inside: only their page can tell."""
        return moment is None or self.start <= moment <= self.end


def _day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"-a {name}= wants a date as YYYY-MM-DD, got {value!r}") from None


def make_window(since: str | None, until: str | None, now: datetime | None = None) -> Window:
    """``since`` 00:00 WIB to the end of ``until`` (inclusive); by default the last two days up to now."""
    now = (now or datetime.now(WIB)).astimezone(WIB)
    end = datetime.combine(_day(until, "until"), time.max, WIB) if until else now
    start = (
        datetime.combine(_day(since, "since"), time.min, WIB) if since else end - timedelta(days=DEFAULT_DAYS)
    )
    if start > end:
        raise ValueError(f"since ({since}) is after until ({until})")
    return Window(start, end)
