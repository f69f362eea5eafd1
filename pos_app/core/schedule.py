"""Daily times in the shop's time zone: "18:30", or "18:30 mon-fri" for some weekdays only.

A schedule names a local wall-clock time, so it follows daylight-saving changes: 18:30
stays 18:30 in summer and winter. A time the clock skips (02:30 on the night the clocks
go forward) falls on the first instant after the gap, an hour later by the wall clock; a
time the clock passes twice (the night they go back) counts once, the first time. Times
are Unix seconds (UTC), as everywhere in the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVERY_DAY = frozenset(range(7))
# Any weekday set has a day within a week; one more day covers a slot moved by a DST gap.
_SEARCH_DAYS = 8

_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True, slots=True)
class Schedule:
    """A local time of day and the weekdays it applies to (0 = Monday)."""

    at: time
    days: frozenset[int] = EVERY_DAY

    def text(self) -> str:
        """The normal spelling: ``18:30``, ``18:30 mon-fri``, ``09:00 mon,wed,fri``."""
        clock = f"{self.at:%H:%M}"
        return clock if self.days == EVERY_DAY else f"{clock} {_days_text(self.days)}"

    def slot_on(self, day: date, tz: ZoneInfo) -> int | None:
        """The instant of this schedule on local ``day``, or None when it skips that weekday."""
        if day.weekday() not in self.days:
            return None
        # fold=0: a repeated hour means its first pass; a skipped one maps past the gap.
        local = datetime.combine(day, self.at, tzinfo=tz)
        return int(local.timestamp())

    def previous(self, tz: ZoneInfo, now: float) -> int | None:
        """The latest instant of the schedule at or before ``now``."""
        today = datetime.fromtimestamp(now, tz).date()
        for back in range(_SEARCH_DAYS):
            slot = self.slot_on(today - timedelta(days=back), tz)
            if slot is not None and slot <= now:
                return slot
        return None

    def next(self, tz: ZoneInfo, now: float) -> int:
        """The first instant of the schedule after ``now``."""
        today = datetime.fromtimestamp(now, tz).date()
        for ahead in range(_SEARCH_DAYS + 1):
            slot = self.slot_on(today + timedelta(days=ahead), tz)
            if slot is not None and slot > now:
                return slot
        raise AssertionError("a schedule with a weekday has a slot within a week")


def _days_text(days: frozenset[int]) -> str:
    ordered = sorted(days)
    runs: list[list[int]] = []
    for d in ordered:
        if runs and runs[-1][-1] == d - 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{WEEKDAYS[run[0]]}-{WEEKDAYS[run[-1]]}")
        else:
            parts.extend(WEEKDAYS[d] for d in run)
    return ",".join(parts)


def _weekday(name: str) -> int:
    """A weekday by its English abbreviation (``mon``) or full name (``monday``)."""
    key = name.strip().lower()
    for index, short in enumerate(WEEKDAYS):
        if key in (short, _FULL[index]):
            return index
    raise ValueError(f"{name.strip()!r} is not a weekday; use mon, tue, wed, thu, fri, sat, sun")


_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _parse_days(text: str) -> frozenset[int]:
    days: set[int] = set()
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        if "-" in part:
            first, _, last = part.partition("-")
            start, end = _weekday(first), _weekday(last)
            span = range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)]
            days.update(span)
        else:
            days.add(_weekday(part))
    if not days:
        raise ValueError("name at least one weekday, such as mon-fri")
    return frozenset(days)


def parse_schedule(text: str) -> Schedule | None:
    """``""`` (off) or ``HH:MM`` with optional weekdays (``mon-fri``, ``sat,sun``).

    Raises:
        ValueError: with a reason a shop owner can act on.
    """
    text = (text or "").strip()
    if not text:
        return None
    clock, _, rest = text.partition(" ")
    match = _TIME.fullmatch(clock)
    if match is None:
        raise ValueError(
            "must be a time of day such as 18:30, optionally with weekdays such as "
            "18:30 mon-fri; empty turns it off"
        )
    at = time(int(match.group(1)), int(match.group(2)))
    return Schedule(at, _parse_days(rest) if rest.strip() else EVERY_DAY)


def check_schedule(text: str) -> str:
    """A valid schedule in its normal spelling, or ``""`` for off (for ``core.config``)."""
    schedule = parse_schedule(text)
    return "" if schedule is None else schedule.text()
