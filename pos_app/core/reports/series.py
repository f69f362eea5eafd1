"""Figures over time: sales and payments per local hour, folded into days, weeks or months.

SQL groups the rows (or the hourly sums the triggers keep, :mod:`.rollup`) by local
hour or local day (the Unix time shifted by the zone's UTC offset, which a ``CASE``
over the period's daylight-saving changes gives exactly), and by weekday and hour for
the heatmap; Python folds the days into weeks or months. No row is read one by one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import BigInteger, case, cast, func, literal, select
from sqlalchemy.orm import Session

from pos_app.core.reports import rollup
from pos_app.core.reports.figures import CENTS, add_money, cents_of, discount_cents, plain, wide
from pos_app.core.reports.periods import Period
from pos_app.core.store.schema import Payment, Refund, Sale

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
    # Apart from ``sat`` and ``gross`` (which never hold them): per currency unless in sat.
    tips: dict[str, Decimal] = field(default_factory=dict)
    tips_sat: int = 0
    discounted: dict[str, Decimal] = field(default_factory=dict)
    vat: dict[str, Decimal] = field(default_factory=dict)  # the sales' stored VAT, all rates
    refunded: dict[str, Decimal] = field(default_factory=dict)  # refunds given in the bucket
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


@dataclass(frozen=True, slots=True)
class Source:
    """Where a series reads its sums: the rows, or the sums the triggers keep.

    ``*_hour`` are SQL local hour numbers; the rest SQL sums and filters: of the paid
    sales, of every payment (the fees and counts of the settled ones), and of the
    settled payments per mint.
    """

    sales_hour: Any
    sales_currency: Any
    sales_where: tuple[Any, ...]
    sales_count: Any
    sales_cents: Any
    sales_sat: Any
    sales_fee_advance: Any
    # Tip cents, tip sat, discount cents, VAT cents; the VAT None: summed from each sale's
    # stored breakdown in Python (the rows hold it as JSON text).
    sales_basket: tuple[Any, Any, Any, Any | None]
    payments_hour: Any
    payments_where: tuple[Any, ...]
    payments_count: Any
    payments_settled: Any
    payments_mint_fee: Any
    payments_lightning_fee: Any
    mints_hour: Any
    mints_key: tuple[Any, Any]  # mint URL, unit
    mints_where: tuple[Any, ...]
    mints_credited: Any


def rows_source(session: Session, period: Period, spans: list[tuple[int, int]]) -> Source:
    """Read the sales and payments themselves (any span, any zone).

    Over much of a table, the filters take a form no index serves (:func:`.figures.wide`):
    one scan in order beats fetching row after row through an index.
    """
    start, end = period.start_ts, period.end_ts
    scan = wide(session, Sale.paid_at, start, end, Sale.state == "paid")
    paid_at = plain(Sale.paid_at, scan)
    is_paid = (plain(Sale.state, scan) == "paid", paid_at >= start, paid_at < end)
    scan = wide(session, Payment.created_at, start, end)
    created = plain(Payment.created_at, scan)
    offered = (created >= start, created < end)
    settled = Payment.state == "settled"

    def when_settled(column: Any) -> Any:
        return func.sum(case((settled, column), else_=0))

    # The raw columns outside WHERE: the + 0 only steers the plan, and costs per row.
    return Source(
        sales_hour=local_hour(Sale.paid_at, spans),
        sales_currency=Sale.currency,
        sales_where=is_paid,
        sales_count=func.count(),
        sales_cents=func.sum(cents_of(Sale.amount)),
        sales_sat=func.sum(Sale.due - Sale.fee_advance - Sale.tip_sat),
        sales_fee_advance=func.sum(Sale.fee_advance),
        sales_basket=(
            func.sum(cents_of(func.coalesce(Sale.tip_amount, "0"))),
            func.sum(Sale.tip_sat),
            func.sum(discount_cents()),
            None,
        ),
        payments_hour=local_hour(Payment.created_at, spans),
        payments_where=offered,
        payments_count=func.count(),
        payments_settled=when_settled(1),
        payments_mint_fee=when_settled(Payment.mint_fee),
        payments_lightning_fee=when_settled(Payment.lightning_fee),
        mints_hour=local_hour(Payment.created_at, spans),
        mints_key=(func.coalesce(Payment.mint_url, ""), func.coalesce(Payment.unit, "")),
        mints_where=(*offered, settled),
        mints_credited=func.sum(Payment.credited),
    )


def _hour_or_day(hour: Any, grain: str) -> Any:
    return hour if grain == "hour" else hour // 24


def _add_sales(bucket: Bucket, row: Any) -> None:
    currency, count, cents, sat, advance, tip_cents, tip_sat, discount_cents, vat_cents = row
    if not count:
        return
    bucket.sales += int(count)
    bucket.sat += int(sat or 0)
    bucket.fee_advance += int(advance or 0)
    add_money(bucket.gross, currency, cents)
    bucket.tips_sat += int(tip_sat or 0)
    for table, amount in (
        (bucket.tips, tip_cents),
        (bucket.discounted, discount_cents),
        (bucket.vat, vat_cents),
    ):
        if amount:
            add_money(table, currency, amount)


def _add_payments(bucket: Bucket, row: Any) -> None:
    count, done, mint_fee, ln_fee = (int(v or 0) for v in row)
    bucket.attempts += count
    bucket.settled += done
    bucket.mint_fees += mint_fee
    bucket.lightning_fees += ln_fee
    bucket.fees += mint_fee + ln_fee


def _add_mint(bucket: Bucket, row: Any) -> None:
    mint, unit, credited = row
    if credited:
        bucket.by_mint[(mint, unit)] = bucket.by_mint.get((mint, unit), 0) + int(credited)


def _from_local_time(
    session: Session, src: Source, grain: str, size: str, buckets: dict[datetime, Bucket]
) -> None:
    """Sums per local hour or day, folded into the buckets."""
    per_hour = 1 if grain == "hour" else 24

    def bucket(number: Any) -> Bucket:
        return buckets[bucket_of(int(number) * per_hour, size)]

    at = _hour_or_day(src.sales_hour, grain)
    tips, tips_sat, discounts, vat = src.sales_basket
    sums = (src.sales_count, src.sales_cents, src.sales_sat, src.sales_fee_advance)
    sums += (tips, tips_sat, discounts, literal(0) if vat is None else vat)
    for number, *row in session.execute(
        select(at, src.sales_currency, *sums)
        .where(*src.sales_where)
        .group_by(at, src.sales_currency)
    ):
        _add_sales(bucket(number), row)
    if vat is None:
        for number, currency, stored in session.execute(
            select(at, Sale.currency, Sale.vat_breakdown).where(
                *src.sales_where, Sale.vat_breakdown.is_not(None)
            )
        ):
            cents = sum(Decimal(line["vat"]) * CENTS for line in json.loads(stored))
            if cents:
                add_money(bucket(number).vat, currency, cents)
    at = _hour_or_day(src.payments_hour, grain)
    sums = (
        src.payments_count,
        src.payments_settled,
        src.payments_mint_fee,
        src.payments_lightning_fee,
    )
    for number, *row in session.execute(select(at, *sums).where(*src.payments_where).group_by(at)):
        _add_payments(bucket(number), row)
    at = _hour_or_day(src.mints_hour, grain)
    for number, *row in session.execute(
        select(at, *src.mints_key, src.mints_credited)
        .where(*src.mints_where)
        .group_by(at, *src.mints_key)
    ):
        _add_mint(bucket(number), row)


def _from_bucket_sums(session: Session, period: Period, buckets: dict[datetime, Bucket]) -> None:
    """Each week or month read like a period from the daily and hourly sums."""
    for bucket, (sales, payments, mints) in zip(
        buckets.values(), rollup.bucket_sums(session, period, list(buckets)), strict=True
    ):
        for row in sales:
            _add_sales(bucket, row)
        _add_payments(bucket, payments)
        for row in mints:
            _add_mint(bucket, row)


def _refunds(
    session: Session,
    period: Period,
    spans: list[tuple[int, int]],
    size: str,
    buckets: dict[datetime, Bucket],
) -> None:
    """The refunds given in each bucket (by ``done_at``, as the figures count them).

    Refunds are few: their rows are read, whichever way the sales were.
    """
    rows = session.execute(
        select(Refund.done_at, Refund.currency, Refund.amount, Refund.amount_currency).where(
            Refund.state == "done",
            Refund.done_at >= period.start_ts,
            Refund.done_at < period.end_ts,
        )
    )
    for done_at, currency, amount, in_currency in rows:
        offset = next(off for at, off in reversed(spans) if at <= done_at)
        start = bucket_of((int(done_at) + offset) // 3600, size)
        value = Decimal(int(amount)) if currency == "sat" else Decimal(in_currency)
        add_money(buckets[start].refunded, currency, value * CENTS)


def series(session: Session, period: Period, size: str | None = None) -> Series:
    """Sales (by the hour they were paid) and payments (offered) over the period.

    SQL sums per local hour (hour buckets) or local day (longer buckets; Python folds
    days into weeks or months), and per hour of the week for the heatmap. Whole-hour
    periods read the sums the triggers keep (weeks and months their daily rows).
    """
    size = size or size_for(period)
    spans = offsets(period)
    summed = rollup.covers(period)
    src = rollup.source(period, spans) if summed else rows_source(session, period, spans)
    grain = "hour" if size == "hour" else "day"
    buckets = {at: Bucket(at) for at in _steps(period, size)}
    if summed and size in ("week", "month"):
        _from_bucket_sums(session, period, buckets)
    else:
        _from_local_time(session, src, grain, size, buckets)
    _refunds(session, period, spans, size, buckets)
    sales_map = [[0] * 24 for _ in range(7)]
    sat_map = [[0] * 24 for _ in range(7)]
    how = (src.sales_hour + THURSDAY) % WEEK_HOURS
    for at, count, sat in session.execute(
        select(how, src.sales_count, src.sales_sat).where(*src.sales_where).group_by(how)
    ):
        sales_map[int(at) // 24][int(at) % 24] += int(count or 0)
        sat_map[int(at) // 24][int(at) % 24] += int(sat or 0)
    return Series(period, size, list(buckets.values()), sales_map, sat_map)
