"""Figures over time: sales and payments per local hour, folded into days, weeks or months.

SQL groups the rows (or the hourly sums the triggers keep, :mod:`.rollup`) by local
hour or local day (the Unix time shifted by the zone's UTC offset, which a ``CASE``
over the period's daylight-saving changes gives exactly), and by weekday and hour for
the heatmap; Python folds the days into weeks or months. No row is read one by one.
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


@dataclass(frozen=True, slots=True)
class Source:
    """Where a series reads its sums: the rows, or the sums the triggers keep.

    ``hour`` is the SQL local hour number; the other fields are SQL sums (and filters).
    """

    sales_hour: Any
    sales_currency: Any
    sales_where: tuple[Any, ...]
    sales_count: Any
    sales_cents: Any
    sales_sat: Any
    payments_hour: Any
    payments_where: tuple[Any, ...]
    payments_count: Any
    payments_settled: Any
    payments_fees: Any


def rows_source(period: Period, spans: list[tuple[int, int]]) -> Source:
    """Read the sales and payments themselves (any span, any zone)."""
    settled = Payment.state == "settled"
    return Source(
        sales_hour=local_hour(Sale.paid_at, spans),
        sales_currency=Sale.currency,
        sales_where=(
            Sale.state == "paid",
            Sale.paid_at >= period.start_ts,
            Sale.paid_at < period.end_ts,
        ),
        sales_count=func.count(),
        sales_cents=func.sum(cents_of(Sale.amount)),
        sales_sat=func.sum(Sale.due - Sale.fee_advance),
        payments_hour=local_hour(Payment.created_at, spans),
        payments_where=(Payment.created_at >= period.start_ts, Payment.created_at < period.end_ts),
        payments_count=func.count(),
        payments_settled=func.sum(case((settled, 1), else_=0)),
        payments_fees=func.sum(case((settled, Payment.mint_fee + Payment.lightning_fee), else_=0)),
    )


def _hour_or_day(hour: Any, grain: str) -> Any:
    return hour if grain == "hour" else hour // 24


def _add_sales(bucket: Bucket, currency: str, count: Any, cents: Any, sat: Any) -> None:
    if not count:
        return
    bucket.sales += int(count)
    bucket.sat += int(sat or 0)
    bucket.gross[currency] = bucket.gross.get(currency, Decimal("0.00")) + (
        Decimal(int(cents or 0)) / CENTS
    ).quantize(Decimal("0.01"))


def _add_payments(bucket: Bucket, count: Any, done: Any, fee: Any) -> None:
    bucket.attempts += int(count or 0)
    bucket.settled += int(done or 0)
    bucket.fees += int(fee or 0)


def _from_local_time(
    session: Session, src: Source, grain: str, size: str, buckets: dict[datetime, Bucket]
) -> None:
    """Sums per local hour or day, folded into the buckets."""
    per_hour = 1 if grain == "hour" else 24
    at = _hour_or_day(src.sales_hour, grain)
    for n, currency, count, cents, sat in session.execute(
        select(at, src.sales_currency, src.sales_count, src.sales_cents, src.sales_sat)
        .where(*src.sales_where)
        .group_by(at, src.sales_currency)
    ):
        _add_sales(buckets[bucket_of(int(n) * per_hour, size)], currency, count, cents, sat)
    at = _hour_or_day(src.payments_hour, grain)
    for n, count, done, fee in session.execute(
        select(at, src.payments_count, src.payments_settled, src.payments_fees)
        .where(*src.payments_where)
        .group_by(at)
    ):
        _add_payments(buckets[bucket_of(int(n) * per_hour, size)], count, done, fee)


def _from_bucket_sums(session: Session, period: Period, buckets: dict[datetime, Bucket]) -> None:
    """Each week or month read like a period from the daily and hourly sums."""
    sales, payments = rollup.bucket_sums(session, period, list(buckets))
    for bucket, rows, totals in zip(buckets.values(), sales, payments, strict=True):
        for currency, count, cents, sat in rows:
            _add_sales(bucket, currency, count, cents, sat)
        _add_payments(bucket, *totals)


def series(session: Session, period: Period, size: str | None = None) -> Series:
    """Sales (by the hour they were paid) and payments (offered) over the period.

    SQL sums per local hour (hour buckets) or local day (longer buckets; Python folds
    days into weeks or months), and per weekday and hour for the heatmap.
    """
    size = size or size_for(period)
    spans = offsets(period)
    summed = rollup.covers(period)
    src = rollup.source(period, spans) if summed else rows_source(period, spans)
    grain = "hour" if size == "hour" else "day"
    buckets = {at: Bucket(at) for at in _steps(period, size)}

    if summed and size in ("week", "month"):
        _from_bucket_sums(session, period, buckets)
    else:
        _from_local_time(session, src, grain, size, buckets)
    sales_map = [[0] * 24 for _ in range(7)]
    sat_map = [[0] * 24 for _ in range(7)]
    # Local day 0 (1970-01-01) was a Thursday: weekday 3 with Monday as 0.
    weekday, hour_of_day = (src.sales_hour // 24 + 3) % 7, src.sales_hour % 24
    for day, hour, count, sat in session.execute(
        select(weekday, hour_of_day, src.sales_count, src.sales_sat)
        .where(*src.sales_where)
        .group_by(weekday, hour_of_day)
    ):
        sales_map[int(day)][int(hour)] += int(count or 0)
        sat_map[int(day)][int(hour)] += int(sat or 0)
    return Series(period, size, list(buckets.values()), sales_map, sat_map)
