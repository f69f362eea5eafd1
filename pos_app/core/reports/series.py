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

from pos_app.core.reports import rollup
from pos_app.core.reports.figures import CENTS, cents_of
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


def local_hour(column: Any, spans: list[tuple[int, int]]) -> Any:
    """SQL: the local hour number (hours since 1970-01-01 00:00 local) of a Unix time."""
    if len(spans) == 1:
        offset: Any = spans[0][1]
    else:
        offset = case(
            *((column < nxt, off) for (_at, off), (nxt, _o) in pairwise(spans)),
            else_=spans[-1][1],
        )
    return cast((column + offset) // 3600, BigInteger)


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
    fees: int = 0
    attempts: int = 0
    settled: int = 0


@dataclass(slots=True)
class Series:
    """A period's figures over time and by weekday and hour."""

    period: Period
    size: str
    buckets: list[Bucket]
    heatmap_sales: list[list[int]]  # [weekday 0=Monday][hour]
    heatmap_sat: list[list[int]]


def _sales_hours(session: Session, period: Period, spans: list[tuple[int, int]]) -> Any:
    """``(local hour, currency, sales, cents, sat)`` of the period's paid sales, from the rows."""
    hour = local_hour(Sale.paid_at, spans)
    return session.execute(
        select(
            hour,
            Sale.currency,
            func.count(),
            func.sum(cents_of(Sale.amount)),
            func.sum(Sale.due - Sale.fee_advance),
        )
        .where(Sale.state == "paid", Sale.paid_at >= period.start_ts, Sale.paid_at < period.end_ts)
        .group_by(hour, Sale.currency)
    )


def _payment_hours(session: Session, period: Period, spans: list[tuple[int, int]]) -> Any:
    """``(local hour, payments, settled, fees of the settled)``, from the rows."""
    hour = local_hour(Payment.created_at, spans)
    settled = Payment.state == "settled"
    fees = func.sum(case((settled, Payment.mint_fee + Payment.lightning_fee), else_=0))
    return session.execute(
        select(hour, func.count(), func.sum(case((settled, 1), else_=0)), fees)
        .where(Payment.created_at >= period.start_ts, Payment.created_at < period.end_ts)
        .group_by(hour)
    )


def series(session: Session, period: Period, size: str | None = None) -> Series:
    """Sales (by the hour they were paid) and payments (offered) over the period."""
    size = size or size_for(period)
    spans = offsets(period)
    buckets = {at: Bucket(at) for at in _steps(period, size)}
    sales_map = [[0] * 24 for _ in range(7)]
    sat_map = [[0] * 24 for _ in range(7)]
    summed = rollup.covers(period)
    rows = (rollup.sales_hours if summed else _sales_hours)(session, period, spans)
    for h, currency, count, cents, sat in rows:
        bucket = buckets[bucket_of(int(h), size)]
        bucket.sales += count
        bucket.sat += int(sat or 0)
        bucket.gross[currency] = bucket.gross.get(currency, Decimal("0.00")) + (
            Decimal(int(cents or 0)) / CENTS
        ).quantize(Decimal("0.01"))
        wall = EPOCH + timedelta(hours=int(h))
        sales_map[wall.weekday()][wall.hour] += count
        sat_map[wall.weekday()][wall.hour] += int(sat or 0)
    rows = (rollup.payment_hours if summed else _payment_hours)(session, period, spans)
    for h, count, done, fee in rows:
        bucket = buckets[bucket_of(int(h), size)]
        bucket.attempts += count
        bucket.settled += int(done or 0)
        bucket.fees += int(fee or 0)
    return Series(period, size, list(buckets.values()), sales_map, sat_map)
