"""Figures over time: sales and payments per local hour, folded into days, weeks or months.

SQL groups the rows by local hour (the Unix time shifted by the zone's UTC offset,
which a ``CASE`` over the period's daylight-saving changes gives exactly); Python
then folds those few thousand hourly sums into the chart's buckets and the weekday
by hour heatmap. No row is read one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import BigInteger, case, cast, func, select
from sqlalchemy.orm import Session

from pos_app.core.reports.figures import CENTS, cents_of, plain, wide
from pos_app.core.reports.periods import Period
from pos_app.core.store.schema import Payment, Sale

EPOCH = datetime(1970, 1, 1)


def offsets(period: Period) -> list[tuple[int, int]]:
    """``(from_ts, utc_offset_seconds)`` for each span of one offset within the period."""
    zone = period.zone

    def off(ts: int) -> int:
        delta = datetime.fromtimestamp(ts, zone).utcoffset()
        return int(delta.total_seconds()) if delta is not None else 0

    start, end = period.start_ts, period.end_ts
    spans = [(start, off(start))]
    at = start
    while at < end:
        step = min(at + 86400, end)
        if off(step - 1) == spans[-1][1]:
            at = step
            continue
        # The offset changes in (low, high]; it may change right at ``at``, a chunk's start.
        low, high = (at if off(at) == spans[-1][1] else at - 1), step - 1
        while high - low > 1:
            middle = (low + high) // 2
            if off(middle) == spans[-1][1]:
                low = middle
            else:
                high = middle
        spans.append((high, off(high)))
        at = high
    return spans


def local_hour(column: Any, spans: list[tuple[int, int]], seconds: int = 3600) -> Any:
    """SQL: the local hour number (hours since 1970-01-01 00:00 local) of a Unix time.

    ``seconds=86400`` gives the local day number instead.
    """
    if len(spans) == 1:
        offset: Any = spans[0][1]
    else:
        offset = case(
            *((column < nxt, off) for (_at, off), (nxt, _o) in pairwise(spans)),
            else_=spans[-1][1],
        )
    return cast((column + offset) // seconds, BigInteger)


# Unix time 0 is a Thursday 00:00: local hour number n is hour (n + 72) % 168 of its week.
THURSDAY = 3 * 24
WEEK_HOURS = 7 * 24


def hour_of_week(column: Any, spans: list[tuple[int, int]]) -> Any:
    """SQL: the local hour of the week of a Unix time (Monday 00:00 is 0, Sunday 23:00 167)."""
    return (local_hour(column, spans) + THURSDAY) % WEEK_HOURS


def size_for(period: Period) -> str:
    """The bucket a chart of this period reads best with."""
    if period.days <= 2:
        return "hour"
    if period.days <= 45:
        return "day"
    if period.days <= 182:
        return "week"
    return "month"


def bucket_of(hour: int, size: str) -> datetime:
    """The local start of the bucket that local hour number ``hour`` falls in."""
    wall = EPOCH + timedelta(hours=hour)
    if size == "hour":
        return wall
    day = wall.replace(hour=0)
    if size == "day":
        return day
    if size == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _steps(period: Period, size: str) -> list[datetime]:
    """Every bucket start of the period, so empty buckets show as zero."""
    first = datetime.combine(period.first, datetime.min.time())
    end = datetime.combine(period.end, datetime.min.time())
    out, at = [], bucket_of(int((first - EPOCH).total_seconds()) // 3600, size)
    while at < end:
        if size != "hour" or _exists(at, period):
            out.append(at)  # the hour the clocks skip in spring is no bucket
        if size == "hour":
            at += timedelta(hours=1)
        elif size == "day":
            at += timedelta(days=1)
        elif size == "week":
            at += timedelta(days=7)
        else:
            at = (at.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def _exists(wall: datetime, period: Period) -> bool:
    """The local wall time is on the clock (not skipped by a daylight-saving change)."""
    there = wall.replace(tzinfo=period.zone)
    return there.astimezone(UTC).astimezone(period.zone).replace(tzinfo=None) == wall


@dataclass(slots=True)
class Bucket:
    """The figures of one bucket (local start time)."""

    start: datetime
    sales: int = 0
    sat: int = 0
    gross: dict[str, Decimal] = field(default_factory=dict)
    fees: int = 0  # mint and Lightning fees of settled payments
    mint_fees: int = 0
    lightning_fees: int = 0
    fee_advance: int = 0  # collected from customers with the sales paid in the bucket
    attempts: int = 0
    settled: int = 0
    by_mint: dict[tuple[str, str], int] = field(default_factory=dict)  # (mint, unit) -> credited

    @property
    def success_rate(self) -> Decimal | None:
        """Settled payments over attempts in percent (1 decimal, half up); None without any."""
        if not self.attempts:
            return None
        return (Decimal(self.settled * 100) / self.attempts).quantize(
            Decimal("0.1"), rounding="ROUND_HALF_UP"
        )


@dataclass(slots=True)
class Series:
    """A period's figures over time and by weekday and hour."""

    period: Period
    size: str
    buckets: list[Bucket]
    heatmap_sales: list[list[int]]  # [weekday 0=Monday][hour]
    heatmap_sat: list[list[int]]

    def mints(self) -> list[tuple[str, str]]:
        """The (mint, unit) pairs that took money in the period, the largest first."""
        totals: dict[tuple[str, str], int] = {}
        for bucket in self.buckets:
            for key, amount in bucket.by_mint.items():
                totals[key] = totals.get(key, 0) + amount
        return sorted(totals, key=lambda k: (-totals[k], k))


def wall_ts(wall: datetime, period: Period) -> int:
    """The Unix time of a local wall time (the first one when the clocks repeat an hour)."""
    return int(wall.replace(tzinfo=period.zone).timestamp())


def bucket_span(series: Series, index: int) -> tuple[int, int]:
    """The Unix seconds bucket ``index`` covers, ``[since, until)``, within the period."""
    period = series.period
    since = max(period.start_ts, wall_ts(series.buckets[index].start, period))
    if index + 1 < len(series.buckets):
        return since, min(period.end_ts, wall_ts(series.buckets[index + 1].start, period))
    return since, period.end_ts


def series(session: Session, period: Period, size: str | None = None) -> Series:
    """Sales (by the hour they were paid) and payments (offered) over the period."""
    size = size or size_for(period)
    spans = offsets(period)
    start, end = period.start_ts, period.end_ts
    buckets = {at: Bucket(at) for at in _steps(period, size)}
    sales_map = [[0] * 24 for _ in range(7)]
    sat_map = [[0] * 24 for _ in range(7)]
    # Grouped by local day unless the buckets are hours: far fewer rows over a long period.
    step = 3600 if size == "hour" else 86400
    scan = wide(session, Sale.paid_at, start, end, Sale.state == "paid")
    paid_at = plain(Sale.paid_at, scan)
    is_paid = (plain(Sale.state, scan) == "paid", paid_at >= start, paid_at < end)
    sat_of = func.sum(Sale.due - Sale.fee_advance)
    # The raw column outside WHERE: the + 0 only steers the plan, and costs per row.
    when = local_hour(Sale.paid_at, spans, step)
    for number, currency, count, cents, sat, advance in session.execute(
        select(
            when,
            Sale.currency,
            func.count(),
            func.sum(cents_of(Sale.amount)),
            sat_of,
            func.sum(Sale.fee_advance),
        )
        .where(*is_paid)
        .group_by(when, Sale.currency)
    ):
        bucket = buckets[bucket_of(int(number) * step // 3600, size)]
        bucket.sales += count
        bucket.sat += int(sat or 0)
        bucket.fee_advance += int(advance or 0)
        bucket.gross[currency] = bucket.gross.get(currency, Decimal("0.00")) + (
            Decimal(int(cents or 0)) / CENTS
        ).quantize(Decimal("0.01"))
    how = hour_of_week(Sale.paid_at, spans)
    for at, count, sat in session.execute(
        select(how, func.count(), sat_of).where(*is_paid).group_by(how)
    ):
        sales_map[int(at) // 24][int(at) % 24] += count
        sat_map[int(at) // 24][int(at) % 24] += int(sat or 0)
    scan = wide(session, Payment.created_at, start, end)
    created = plain(Payment.created_at, scan)
    when = local_hour(Payment.created_at, spans, step)
    settled = Payment.state == "settled"

    def when_settled(column: Any) -> Any:
        return func.sum(case((settled, column), else_=0))

    for number, mint, unit, count, done, mint_fee, ln_fee, credited in session.execute(
        select(
            when,
            Payment.mint_url,
            Payment.unit,
            func.count(),
            when_settled(1),
            when_settled(Payment.mint_fee),
            when_settled(Payment.lightning_fee),
            when_settled(Payment.credited),
        )
        .where(created >= start, created < end)
        .group_by(when, Payment.mint_url, Payment.unit)
    ):
        bucket = buckets[bucket_of(int(number) * step // 3600, size)]
        bucket.attempts += count
        bucket.settled += int(done or 0)
        bucket.mint_fees += int(mint_fee or 0)
        bucket.lightning_fees += int(ln_fee or 0)
        bucket.fees += int(mint_fee or 0) + int(ln_fee or 0)
        if done:
            key = (mint or "", unit or "")
            bucket.by_mint[key] = bucket.by_mint.get(key, 0) + int(credited or 0)
    return Series(period, size, list(buckets.values()), sales_map, sat_map)
