"""The figures read from the hourly sums (``sales_hourly``, ``payments_hourly``).

Triggers keep those sums exact (migration 0007), so a period made of whole UTC hours
is read from a few thousand rows instead of every sale and payment. That holds for
the named periods and custom days in every zone whose offsets are whole hours; a Z
report's span (any second) and zones such as Asia/Kolkata (+5:30) read the rows.
Text keys missing in a row are stored as ``''`` and come back as None.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import BigInteger, case, cast, func, select
from sqlalchemy.orm import Session

from pos_app.core.store.schema import PaymentsHour, SalesHour

HOUR = 3600


def covers(period: Any) -> bool:
    """The period starts and ends on whole UTC hours, with whole-hour offsets in between."""
    from pos_app.core.reports.series import offsets  # series reads figures' helpers

    start, end = period.start_ts, period.end_ts
    if start % HOUR or end % HOUR:
        return False
    return all(off % HOUR == 0 for _at, off in offsets(period))


def _hours(period: Any) -> tuple[Any, ...]:
    return (period.start_ts // HOUR, period.end_ts // HOUR)


def _none(text: str) -> str | None:
    return text or None


def figures_into(session: Session, period: Any, out: Any) -> None:
    """Fill ``out`` (a :class:`~.figures.Figures`) from the hourly sums."""
    first, end = _hours(period)
    in_sales = (SalesHour.hour >= first, SalesHour.hour < end)
    gross_sat: dict[str, int] = defaultdict(int)
    advance: dict[str, int] = defaultdict(int)
    for currency, unit, sales, cents, sat, fee_advance in session.execute(
        select(
            SalesHour.currency,
            SalesHour.unit,
            func.sum(SalesHour.sales),
            func.sum(SalesHour.cents),
            func.sum(SalesHour.sat),
            func.sum(SalesHour.fee_advance),
        )
        .where(*in_sales)
        .group_by(SalesHour.currency, SalesHour.unit)
        .having(func.sum(SalesHour.sales) > 0)
    ):
        out.sales += int(sales)
        out.sales_by_currency[currency] = out.sales_by_currency.get(currency, 0) + int(sales)
        out.gross[currency] = out.gross.get(currency, Decimal(0)) + (
            Decimal(int(cents or 0)) / 100
        ).quantize(Decimal("0.01"))
        gross_sat[unit] += int(sat or 0)
        advance[unit] += int(fee_advance or 0)
    out.gross_sat, out.fee_advance = dict(gross_sat), dict(advance)

    in_period = (PaymentsHour.hour >= first, PaymentsHour.hour < end)
    settled = (*in_period, PaymentsHour.state == "settled")
    count = func.sum(PaymentsHour.payments)
    mint_fees: dict[str, int] = defaultdict(int)
    lightning_fees: dict[str, int] = defaultdict(int)
    for mint, unit, n, amount, credited, mint_fee, ln_fee in session.execute(
        select(
            PaymentsHour.mint_url,
            PaymentsHour.unit,
            count,
            func.sum(PaymentsHour.amount),
            func.sum(PaymentsHour.credited),
            func.sum(PaymentsHour.mint_fee),
            func.sum(PaymentsHour.lightning_fee),
        )
        .where(*settled)
        .group_by(PaymentsHour.mint_url, PaymentsHour.unit)
        .having(count > 0)
        .order_by(PaymentsHour.mint_url, PaymentsHour.unit)
    ):
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
    for name, unit, n, amount, credited in session.execute(
        select(
            PaymentsHour.method,
            PaymentsHour.unit,
            count,
            func.sum(PaymentsHour.amount),
            func.sum(PaymentsHour.credited),
        )
        .where(*settled)
        .group_by(PaymentsHour.method, PaymentsHour.unit)
        .having(count > 0)
        .order_by(PaymentsHour.method, PaymentsHour.unit)
    ):
        out.by_method.append(
            {
                "method": name,
                "unit": _none(unit),
                "payments": int(n),
                "amount": int(amount),
                "credited": int(credited),
            }
        )
    reason = case((PaymentsHour.error_code == "", "unknown"), else_=PaymentsHour.error_code)
    out.refused = {
        code: int(n)
        for code, n in session.execute(
            select(reason, count)
            .where(*in_period, PaymentsHour.state == "rejected")
            .group_by(reason)
            .having(count > 0)
            .order_by(reason)
        )
    }
    for state, total in session.execute(
        select(PaymentsHour.state, count).where(*in_period).group_by(PaymentsHour.state)
    ):
        n = int(total or 0)
        out.attempts += n
        if state == "settled":
            out.settled = n
        elif state == "needs_review":
            out.needs_review = n


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


def sales_hours(session: Session, period: Any, spans: list[tuple[int, int]]) -> Any:
    """``(local hour, currency, sales, cents, sat)`` of the period's paid sales."""
    first, end = _hours(period)
    hour = local_hour(SalesHour.hour, spans)
    return session.execute(
        select(
            hour,
            SalesHour.currency,
            func.sum(SalesHour.sales),
            func.sum(SalesHour.cents),
            func.sum(SalesHour.sat),
        )
        .where(SalesHour.hour >= first, SalesHour.hour < end)
        .group_by(hour, SalesHour.currency)
        .having(func.sum(SalesHour.sales) > 0)
    )


def payment_hours(session: Session, period: Any, spans: list[tuple[int, int]]) -> Any:
    """``(local hour, payments, settled, fees of the settled)`` of the period's payments."""
    first, end = _hours(period)
    hour = local_hour(PaymentsHour.hour, spans)
    settled = PaymentsHour.state == "settled"
    return session.execute(
        select(
            hour,
            func.sum(PaymentsHour.payments),
            func.sum(case((settled, PaymentsHour.payments), else_=0)),
            func.sum(case((settled, PaymentsHour.mint_fee + PaymentsHour.lightning_fee), else_=0)),
        )
        .where(PaymentsHour.hour >= first, PaymentsHour.hour < end)
        .group_by(hour)
        .having(func.sum(PaymentsHour.payments) > 0)
    )
