"""Report periods in the shop's time zone: today, this week, last month, a custom range.

A period runs from a local midnight to a later local midnight (end excluded), so a
day across a daylight-saving change is 23 or 25 hours long and still one day. Weeks
start on Monday (ISO 8601). The comparison period has the same number of days and
ends where the period starts; a month is compared with the month before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos_app.core.choices import PERIOD_NAMES
from pos_app.core.errors import ValidationError

NAMED = PERIOD_NAMES


def zone(name: str | None = None) -> ZoneInfo:
    """The zone ``name`` (IANA, such as ``Europe/Berlin``), or this computer's zone.

    Raises:
        ValidationError: ``report.bad_zone`` for a name that is no time zone.
    """
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValidationError(
                "report.bad_zone",
                f"{name!r} is not a time zone. Use a name such as Europe/Berlin.",
                str(exc),
            ) from exc
    return local_zone()


def local_zone() -> ZoneInfo:
    """The time zone of this computer (``TZ``, then ``/etc/localtime``), UTC when unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


@dataclass(frozen=True, slots=True)
class Period:
    """The local days ``first`` (included) to ``last`` (excluded) in ``zone``."""

    first: date
    end: date
    zone: ZoneInfo
    name: str = "custom"

    @property
    def start_ts(self) -> int:
        """The first Unix second of the period."""
        return int(
            datetime(
                self.first.year, self.first.month, self.first.day, tzinfo=self.zone
            ).timestamp()
        )

    @property
    def end_ts(self) -> int:
        """The first Unix second after the period."""
        return int(
            datetime(self.end.year, self.end.month, self.end.day, tzinfo=self.zone).timestamp()
        )

    @property
    def days(self) -> int:
        """Its length in days."""
        return (self.end - self.first).days

    def previous(self) -> Period:
        """The period it is compared with: the month before a month, else as many days before."""
        if self.name in ("this_month", "last_month"):
            end = self.first
            return Period(_month_start(end - timedelta(days=1)), end, self.zone, "previous")
        return Period(self.first - timedelta(days=self.days), self.first, self.zone, "previous")

    def to_dict(self) -> dict[str, str | int]:
        """JSON form: the local dates (``to`` excluded), the zone and the Unix bounds."""
        return {
            "name": self.name,
            "from": self.first.isoformat(),
            "to": self.end.isoformat(),
            "zone": self.zone.key,
            "start": self.start_ts,
            "end": self.end_ts,
        }


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def named(name: str, today: date, tz: ZoneInfo) -> Period:
    """One of :data:`NAMED` as seen on ``today`` (the shop's local date).

    Raises:
        ValidationError: ``report.bad_period`` for another name.
    """
    monday = today - timedelta(days=today.weekday())
    spans = {
        "today": (today, today + timedelta(days=1)),
        "yesterday": (today - timedelta(days=1), today),
        "this_week": (monday, monday + timedelta(days=7)),
        "last_week": (monday - timedelta(days=7), monday),
        "this_month": (_month_start(today), _next_month(today)),
        "last_month": (_month_start(_month_start(today) - timedelta(days=1)), _month_start(today)),
    }
    if name not in spans:
        raise ValidationError(
            "report.bad_period",
            "Choose today, yesterday, this_week, last_week, this_month or last_month.",
            name,
        )
    first, end = spans[name]
    return Period(first, end, tz, name)


def custom(first: date, last: date, tz: ZoneInfo) -> Period:
    """The local days ``first`` to ``last``, both included.

    Raises:
        ValidationError: ``report.bad_period`` when ``last`` is before ``first``.
    """
    if last < first:
        raise ValidationError(
            "report.bad_period", "The period ends before it starts.", f"{first} > {last}"
        )
    return Period(first, last + timedelta(days=1), tz, "custom")


def today_in(tz: ZoneInfo, now: float) -> date:
    """The local date at Unix time ``now``."""
    return datetime.fromtimestamp(now, tz).date()


@dataclass(frozen=True, slots=True)
class Span:
    """The Unix seconds ``start_ts`` (included) to ``end_ts`` (excluded): a Z report's shift.

    Reports take it where they take a :class:`Period`: they read only the bounds.
    """

    start_ts: int
    end_ts: int
    zone: ZoneInfo
    name: str = "shift"

    def to_dict(self) -> dict[str, str | int]:
        """JSON form: local times with their offset, the zone and the Unix bounds."""
        return {
            "name": self.name,
            "from": datetime.fromtimestamp(self.start_ts, self.zone).isoformat(),
            "to": datetime.fromtimestamp(self.end_ts, self.zone).isoformat(),
            "zone": self.zone.key,
            "start": self.start_ts,
            "end": self.end_ts,
        }
