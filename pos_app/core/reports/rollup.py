"""The figures read from the sums the triggers keep (``sales_sums``, ``payment_sums``).

Triggers keep those sums exact per UTC hour and per UTC day (migration 0007). A
period made of whole UTC hours, with whole-hour offsets in between (the named periods
and custom days in nearly every zone), is read from them: its whole UTC days from the
daily rows, the hours before the first and after the last whole day from the hourly
rows; the VAT by rate from ``vat_sums`` (migration 0016). The series and the heatmap
need local hours, so they read the hourly rows. A Z report's span (any second) and
zones such as Asia/Kolkata (+5:30) read the rows.
A text key missing in a row is stored as ``''`` and comes back as None.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import BigInteger, and_, case, cast, false, func, or_, select
from sqlalchemy.orm import Session

from pos_app.core.store.schema import PaymentSum, SalesSum, VatSum

HOUR, DAY = 3600, 86400


def covers(period: Any) -> bool:
    """The period starts and ends on whole UTC hours, with whole-hour offsets in between."""
    from pos_app.core.reports.series import offsets  # series reads figures' helpers

    start, end = period.start_ts, period.end_ts
    if start % HOUR or end % HOUR:
        return False
    return all(off % HOUR == 0 for _at, off in offsets(period))


def within(table: Any, start: int, end: int) -> Any:
    """SQL: the rows of ``table`` that sum ``start`` to ``end`` exactly (whole hours).

    Whole UTC days come from the daily rows; the hours outside them from the hourly rows.
    """
    first_day, end_day = -(-start // DAY), end // DAY
    if first_day >= end_day:
        hours = [(start // HOUR, end // HOUR)]
        days = None
    else:
        hours = [(start // HOUR, first_day * 24), (end_day * 24, end // HOUR)]
        days = (first_day, end_day)
    parts = [
        and_(table.grain == "h", table.at >= low, table.at < high)
        for low, high in hours
        if low < high
    ]
    if days is not None:
        parts.append(and_(table.grain == "d", table.at >= days[0], table.at < days[1]))
    return or_(*parts) if parts else false()


def _none(text: str) -> str | None:
    return text or None


def figures_into(session: Session, period: Any, out: Any) -> None:
    """Fill ``out`` (a :class:`~.figures.Figures`) from the sums."""
    from pos_app.core.reports.figures import VatLine, basket_into  # figures reads this module

    start, end = period.start_ts, period.end_ts
    gross_sat: dict[str, int] = defaultdict(int)
    advance: dict[str, int] = defaultdict(int)
    for currency, unit, sales, cents, sat, fee_advance, *basket in session.execute(
        select(
            SalesSum.currency,
            SalesSum.unit,
            func.sum(SalesSum.sales),
            func.sum(SalesSum.cents),
            func.sum(SalesSum.sat),
            func.sum(SalesSum.fee_advance),
            func.sum(SalesSum.tip_cents),
            func.sum(SalesSum.tip_sat),
            func.sum(SalesSum.discounts),
            func.sum(SalesSum.discount_cents),
        )
        .where(within(SalesSum, start, end))
        .group_by(SalesSum.currency, SalesSum.unit)
        .having(func.sum(SalesSum.sales) > 0)
    ):
        out.sales += int(sales)
        out.sales_by_currency[currency] = out.sales_by_currency.get(currency, 0) + int(sales)
        out.gross[currency] = out.gross.get(currency, Decimal(0)) + (
            Decimal(int(cents or 0)) / 100
        ).quantize(Decimal("0.01"))
        gross_sat[unit] += int(sat or 0)
        advance[unit] += int(fee_advance or 0)
        basket_into(out, currency, unit, *basket)
    out.gross_sat, out.fee_advance = dict(gross_sat), dict(advance)
    for currency, rate, sales, net, vat, gross in session.execute(
        select(
            VatSum.currency,
            VatSum.rate,
            func.sum(VatSum.sales),
            func.sum(VatSum.net),
            func.sum(VatSum.vat),
            func.sum(VatSum.gross),
        )
        .where(within(VatSum, start, end))
        .group_by(VatSum.currency, VatSum.rate)
        .having(func.sum(VatSum.sales) > 0)
    ):
        out.vat.setdefault((currency, rate), VatLine()).add(
            int(sales), *(Decimal(int(v or 0)) / 100 for v in (net, vat, gross))
        )

    count = func.sum(PaymentSum.payments)

    def by(dim: str, *columns: Any) -> Any:
        return session.execute(
            select(PaymentSum.key, PaymentSum.unit, count, *columns)
            .where(within(PaymentSum, start, end), PaymentSum.dim == dim)
            .group_by(PaymentSum.key, PaymentSum.unit)
            .having(count > 0)
            .order_by(PaymentSum.key, PaymentSum.unit)
        )

    mint_fees: dict[str, int] = defaultdict(int)
    lightning_fees: dict[str, int] = defaultdict(int)
    amounts = (func.sum(PaymentSum.amount), func.sum(PaymentSum.credited))
    fees = (func.sum(PaymentSum.mint_fee), func.sum(PaymentSum.lightning_fee))
    for mint, unit, n, amount, credited, mint_fee, ln_fee in by("mint", *amounts, *fees):
        out.by_mint.append(
            {
                "mint": _none(mint),
                "unit": _none(unit),
                "payments": int(n),
                "amount": int(amount),
                "credited": int(credited),
            }
        )
        mint_fees[_none(unit)] += int(mint_fee or 0)  # type: ignore[index]
        lightning_fees[_none(unit)] += int(ln_fee or 0)  # type: ignore[index]
    out.mint_fees, out.lightning_fees = dict(mint_fees), dict(lightning_fees)
    for name, unit, n, amount, credited in by("method", *amounts):
        out.by_method.append(
            {
                "method": name,
                "unit": _none(unit),
                "payments": int(n),
                "amount": int(amount),
                "credited": int(credited),
            }
        )
    refused: dict[str, int] = defaultdict(int)
    for code, _unit, n in by("reason"):
        refused[code or "unknown"] += int(n)
    out.refused = dict(sorted(refused.items()))
    for state, _unit, n in by("state"):
        out.attempts += int(n)
        if state == "settled":
            out.settled += int(n)
        elif state == "needs_review":
            out.needs_review += int(n)


def local_hour(hour_column: Any, spans: list[tuple[int, int]]) -> Any:
    """SQL: the local hour number of a UTC hour number (whole-hour offsets only)."""
    if len(spans) == 1:
        shift: Any = spans[0][1] // HOUR
    else:
        shift = case(
            *(
                (hour_column < nxt // HOUR, off // HOUR)
                for (_at, off), (nxt, _o) in pairwise(spans)
            ),
            else_=spans[-1][1] // HOUR,
        )
    return cast(hour_column + shift, BigInteger)


def source(period: Any, spans: list[tuple[int, int]]) -> Any:
    """The series' sums read from the hourly rows the triggers keep."""
    from pos_app.core.reports.series import Source

    settled = PaymentSum.key == "settled"

    def hourly(table: Any, *where: Any) -> tuple[Any, ...]:
        low, high = period.start_ts // HOUR, period.end_ts // HOUR
        return (table.grain == "h", table.at >= low, table.at < high, *where)

    return Source(
        sales_hour=local_hour(SalesSum.at, spans),
        sales_currency=SalesSum.currency,
        sales_where=hourly(SalesSum),
        sales_count=func.sum(SalesSum.sales),
        sales_cents=func.sum(SalesSum.cents),
        sales_sat=func.sum(SalesSum.sat),
        sales_fee_advance=func.sum(SalesSum.fee_advance),
        sales_basket=(
            func.sum(SalesSum.tip_cents),
            func.sum(SalesSum.tip_sat),
            func.sum(SalesSum.discount_cents),
            func.sum(SalesSum.vat_cents),
        ),
        payments_hour=local_hour(PaymentSum.at, spans),
        payments_where=hourly(PaymentSum, PaymentSum.dim == "state"),
        payments_count=func.sum(PaymentSum.payments),
        payments_settled=func.sum(case((settled, PaymentSum.payments), else_=0)),
        payments_mint_fee=func.sum(case((settled, PaymentSum.mint_fee), else_=0)),
        payments_lightning_fee=func.sum(case((settled, PaymentSum.lightning_fee), else_=0)),
        mints_hour=local_hour(PaymentSum.at, spans),
        mints_key=(PaymentSum.key, PaymentSum.unit),
        mints_where=hourly(PaymentSum, PaymentSum.dim == "mint"),
        mints_credited=func.sum(PaymentSum.credited),
    )


def bucket_sums(session: Session, period: Any, starts: list[Any]) -> list[tuple[Any, Any, Any]]:
    """Per bucket (local start times, the next one its end), the sums of the period's rows.

    Each bucket is read like a period (whole days from the daily rows): for weeks and
    months over years this reads a few hundred rows instead of every hour. Per bucket:
    the sales ``(currency, sales, cents, sat, fee_advance, tip cents, tip sat, discount
    cents, VAT cents)`` rows, the payments'
    ``(payments, settled, mint fees, Lightning fees)`` and the settled payments'
    ``(mint, unit, credited)`` rows.
    """
    # A local start that the clocks skip maps to the instant they jump: fold 0 takes the
    # offset before it, as the rows' local hours do.
    times = [int(start.replace(tzinfo=period.zone).timestamp()) for start in starts]
    ends = [*times[1:], period.end_ts]
    settled = PaymentSum.key == "settled"
    out = []
    for since, until in zip(times, ends, strict=True):
        low, high = max(since, period.start_ts), min(until, period.end_ts)
        sales = session.execute(
            select(
                SalesSum.currency,
                func.sum(SalesSum.sales),
                func.sum(SalesSum.cents),
                func.sum(SalesSum.sat),
                func.sum(SalesSum.fee_advance),
                func.sum(SalesSum.tip_cents),
                func.sum(SalesSum.tip_sat),
                func.sum(SalesSum.discount_cents),
                func.sum(SalesSum.vat_cents),
            )
            .where(within(SalesSum, low, high))
            .group_by(SalesSum.currency)
        ).all()
        payments = session.execute(
            select(
                func.sum(PaymentSum.payments),
                func.sum(case((settled, PaymentSum.payments), else_=0)),
                func.sum(case((settled, PaymentSum.mint_fee), else_=0)),
                func.sum(case((settled, PaymentSum.lightning_fee), else_=0)),
            ).where(within(PaymentSum, low, high), PaymentSum.dim == "state")
        ).one()
        mints = session.execute(
            select(PaymentSum.key, PaymentSum.unit, func.sum(PaymentSum.credited))
            .where(within(PaymentSum, low, high), PaymentSum.dim == "mint")
            .group_by(PaymentSum.key, PaymentSum.unit)
        ).all()
        out.append((sales, payments, mints))
    return out
