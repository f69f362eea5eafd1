"""The owner's figures for a period, aggregated in SQL (GROUP BY over indexed columns).

What counts where (the CSV and the tests use the same rules):
- a sale counts in the period in which it was paid (``paid_at``), with its amount in
  the shop currency and ``due - fee_advance - tip_sat`` in sat: the sales never hold the
  tip. The fee advance, the tips (in the currency and in sat) and the discounts are
  reported apart, and the VAT by rate is the sum of the sales' stored breakdowns (never
  worked out again);
- a payment counts in the period in which it was offered (``created_at``): settled
  payments by mint and by method (``swap``, ``melt``, ``offline`` for one accepted
  while the mint was down), their mint and Lightning fees; refused ones by reason;
  every attempt for the success rate.

Fiat amounts are decimal text with at most two decimals, summed as whole cents (never
floats added up), and sat are integers.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, case, cast, func, select
from sqlalchemy.orm import Session

from pos_app.core.reports import rollup
from pos_app.core.reports.periods import Period
from pos_app.core.store.schema import Payment, Refund, Sale

CENTS = Decimal(100)


def cents_of(column: Any) -> Any:
    """SQL: a decimal amount text as whole cents, to be added up.

    Each amount is made whole cents before adding: exact on SQLite (a float that is a
    whole number adds exactly below 2**53) and on PostgreSQL (NUMERIC).
    """
    return func.round(cast(column, Numeric(20, 2)) * 100)


# Past this share of a table's time span, a period reads the whole table in order.
SCAN_SHARE = 0.1


def wide(session: Session, column: Any, start: int, end: int, *where: Any) -> bool:
    """``[start, end)`` covers more than :data:`SCAN_SHARE` of ``column``'s time span.

    An index range scan fetches each row from the table on its own (a random page,
    decrypted by SQLCipher); over much of a table one sequential scan is several times
    faster (150,000 payments: 1.1 s through the index, 0.1 s scanned). The span's ends
    are two index seeks (separate ``min`` and ``max``: together they scan).
    """
    low = session.scalar(select(func.min(column)).where(*where))
    high = session.scalar(select(func.max(column)).where(*where))
    if low is None or high is None:
        return False
    covered = min(end, high + 1) - max(start, low)
    return covered > SCAN_SHARE * (high + 1 - low)


def plain(column: Any, scan: bool) -> Any:
    """``column``, or when ``scan`` the same value in a form no index serves (``+ 0``, ``|| ''``).

    Portable SQL: SQLite then reads the table in order; PostgreSQL plans as it likes.
    """
    if not scan:
        return column
    return column + 0 if column.type.python_type is int else column.concat("")


def of_till(table: Any, till: str | None) -> tuple[Any, ...]:
    """SQL conditions: the rows of ``table`` that ``till`` made (none: every till's)."""
    return () if till is None else (table.till_id == till,)


def _method() -> Any:
    return case((Payment.offline.is_(True), "offline"), else_=func.coalesce(Payment.method, "-"))


@dataclass(slots=True)
class VatLine:
    """One currency's and rate's share of the sales' VAT breakdowns."""

    sales: int = 0
    net: Decimal = Decimal("0.00")
    vat: Decimal = Decimal("0.00")
    gross: Decimal = Decimal("0.00")

    def add(self, sales: int, net: Decimal, vat: Decimal, gross: Decimal) -> None:
        """Count more of this rate (amounts in the currency)."""
        self.sales += sales
        self.net = (self.net + net).quantize(Decimal("0.01"))
        self.vat = (self.vat + vat).quantize(Decimal("0.01"))
        self.gross = (self.gross + gross).quantize(Decimal("0.01"))


def vat_key(key: tuple[str, str]) -> tuple[str, Decimal]:
    """Sort VAT lines by currency, then by rate as a number (7 before 19)."""
    return key[0], Decimal(key[1])


def add_money(table: dict[str, Decimal], currency: str, cents: Any) -> None:
    """Add whole ``cents`` to ``table[currency]`` (kept with two decimals)."""
    table[currency] = table.get(currency, Decimal("0.00")) + (
        Decimal(int(cents or 0)) / CENTS
    ).quantize(Decimal("0.01"))


@dataclass(slots=True)
class Figures:
    """The figures of one period (see the module's rules)."""

    period: Period
    sales: int = 0
    gross: dict[str, Decimal] = field(default_factory=dict)  # currency -> amount
    sales_by_currency: dict[str, int] = field(default_factory=dict)
    gross_sat: dict[str, int] = field(default_factory=dict)  # unit -> amount
    fee_advance: dict[str, int] = field(default_factory=dict)
    mint_fees: dict[str, int] = field(default_factory=dict)
    lightning_fees: dict[str, int] = field(default_factory=dict)
    by_mint: list[dict[str, Any]] = field(default_factory=list)
    by_method: list[dict[str, Any]] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)  # reason code -> payments
    needs_review: int = 0
    attempts: int = 0
    settled: int = 0
    # Refunds given in the period (sales stay counted gross when they were paid).
    refunds: int = 0
    refunded: dict[str, Decimal] = field(default_factory=dict)  # currency -> amount
    refunded_sat: dict[str, int] = field(default_factory=dict)  # unit -> amount
    # The basket's figures (sales typed as one amount have none of them).
    tips: dict[str, Decimal] = field(default_factory=dict)  # currency -> amount
    tips_sat: dict[str, int] = field(default_factory=dict)  # unit -> amount
    discounts: int = 0  # sales with a discount
    discounted: dict[str, Decimal] = field(default_factory=dict)  # currency -> amount
    vat: dict[tuple[str, str], VatLine] = field(default_factory=dict)  # (currency, rate)

    def average(self, currency: str) -> Decimal:
        """The average ticket in ``currency`` (2 decimals, half up); 0 without sales."""
        count = self.sales_by_currency.get(currency, 0)
        if not count:
            return Decimal("0.00")
        return (self.gross[currency] / count).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")

    @property
    def success_rate(self) -> float | None:
        """Settled payments over all payment attempts (None without attempts)."""
        return self.settled / self.attempts if self.attempts else None

    def to_dict(self) -> dict[str, Any]:
        """JSON form: decimal amounts as text, integers as they are."""
        return {
            "period": self.period.to_dict(),
            "sales": self.sales,
            "gross": {c: str(v) for c, v in self.gross.items()},
            "average_ticket": {c: str(self.average(c)) for c in self.gross},
            "gross_sat": self.gross_sat,
            "fee_advance": self.fee_advance,
            "mint_fees": self.mint_fees,
            "lightning_fees": self.lightning_fees,
            "by_mint": self.by_mint,
            "by_method": self.by_method,
            "refused": self.refused,
            "needs_review": self.needs_review,
            "attempts": self.attempts,
            "settled": self.settled,
            "success_rate": self.success_rate,
            "refunds": self.refunds,
            "refunded": {c: str(v) for c, v in self.refunded.items()},
            "refunded_sat": self.refunded_sat,
            "net": {
                c: str(v - self.refunded.get(c, Decimal(0)))
                for c, v in {**dict.fromkeys(self.refunded, Decimal(0)), **self.gross}.items()
            },
            "tips": {c: str(v) for c, v in self.tips.items() if v},
            "tips_sat": {u: v for u, v in self.tips_sat.items() if v},
            "discounts": self.discounts,
            "discounted": {c: str(v) for c, v in self.discounted.items() if v},
            "vat": [
                {
                    "currency": currency,
                    "rate": rate,
                    "sales": line.sales,
                    "net": str(line.net),
                    "vat": str(line.vat),
                    "gross": str(line.gross),
                }
                for (currency, rate), line in sorted(self.vat.items(), key=lambda i: vat_key(i[0]))
            ],
        }


def figures(session: Session, period: Period, till: str | None = None) -> Figures:
    """The figures of ``period`` (runs on the database thread).

    Whole UTC hours are read from the hourly sums (:mod:`.rollup`), anything else from
    the rows; both give the same figures (a test compares them). ``till``: only the rows
    of that till of a shared store (the hourly sums are the shop's: read from the rows).
    """
    out = Figures(period)
    if till is None and rollup.covers(period):
        rollup.figures_into(session, period, out)
    else:
        figures_from_rows(session, period, out, till)
    refunds_into(session, period, out, till)
    return out


def refunds_into(session: Session, period: Period, out: Figures, till: str | None = None) -> None:
    """The refunds given in ``period``: counted apart, never taken off the sales count.

    A refund is dated when it was given (``done_at``: its token stored, also by recovery,
    or one given otherwise recorded), so a closed Z report never changes: the period in
    which the refund was given shows it. With ``till``, the refunds of that till's sales
    (wherever given): a till's report shows what its own sales made, net.
    """
    query = select(Refund.currency, Refund.unit, Refund.amount, Refund.amount_currency).where(
        Refund.state == "done",
        Refund.done_at >= period.start_ts,
        Refund.done_at < period.end_ts,
    )
    if till is not None:
        query = query.join(Sale, Sale.id == Refund.sale_id).where(Sale.till_id == till)
    rows = session.execute(query).all()
    for currency, unit, amount, in_currency in rows:
        out.refunds += 1
        out.refunded_sat[unit] = out.refunded_sat.get(unit, 0) + int(amount)
        value = Decimal(in_currency) if currency != "sat" else Decimal(int(amount))
        out.refunded[currency] = (out.refunded.get(currency, Decimal(0)) + value).quantize(
            Decimal("0.01")
        )


def discount_cents() -> Any:
    """SQL: a sale's discounts in whole cents: the sale discount and the lines' own."""
    return cents_of(func.coalesce(Sale.discount_amount, "0")) + cents_of(
        func.coalesce(Sale.line_discounts, "0")
    )


def basket_into(out: Figures, currency: str, unit: str, *sums: Any) -> None:
    """Add a group of sales' tips and discounts to ``out``.

    ``sums``: the tips in cents, the tips in sat, the sales with a discount, the discounts
    in cents.
    """
    tip_cents, tip_sat, count, off = sums
    if tip_cents:
        add_money(out.tips, currency, tip_cents)
    if tip_sat:
        out.tips_sat[unit] = out.tips_sat.get(unit, 0) + int(tip_sat)
    out.discounts += int(count or 0)
    if off:
        add_money(out.discounted, currency, off)


def vat_into(table: dict[tuple[str, str], VatLine], currency: str, stored: str) -> None:
    """Add one sale's stored VAT breakdown (JSON ``[{rate, net, vat, gross}]``) as it is."""
    for line in json.loads(stored):
        table.setdefault((currency, line["rate"]), VatLine()).add(
            1, Decimal(line["net"]), Decimal(line["vat"]), Decimal(line["gross"])
        )


def figures_from_rows(
    session: Session, period: Period, out: Figures, till: str | None = None
) -> Figures:
    """Fill ``out`` with the figures of ``period`` from every sale and payment row.

    ``till``: only the sales and payments that till of a shared store made.
    """
    start, end = period.start_ts, period.end_ts
    scan = wide(session, Sale.paid_at, start, end, Sale.state == "paid")
    paid_at, sale_state = plain(Sale.paid_at, scan), plain(Sale.state, scan)
    in_period = (sale_state == "paid", paid_at >= start, paid_at < end, *of_till(Sale, till))
    discount = discount_cents()
    paid = session.execute(
        select(
            Sale.currency,
            Sale.unit,
            func.count(),
            func.sum(cents_of(Sale.amount)),
            func.sum(Sale.due - Sale.fee_advance - Sale.tip_sat),
            func.sum(Sale.fee_advance),
            func.sum(cents_of(func.coalesce(Sale.tip_amount, "0"))),
            func.sum(Sale.tip_sat),
            func.sum(case((discount > 0, 1), else_=0)),
            func.sum(discount),
        )
        .where(*in_period)
        .group_by(Sale.currency, Sale.unit)
    ).all()
    gross_sat: dict[str, int] = defaultdict(int)
    advance: dict[str, int] = defaultdict(int)
    for currency, unit, count, cents, sat, fee_advance, *basket in paid:
        out.sales += count
        out.sales_by_currency[currency] = out.sales_by_currency.get(currency, 0) + count
        out.gross[currency] = out.gross.get(currency, Decimal(0)) + (
            Decimal(int(cents or 0)) / CENTS
        ).quantize(Decimal("0.01"))
        gross_sat[unit] += int(sat or 0)
        advance[unit] += int(fee_advance or 0)
        basket_into(out, currency, unit, *basket)
    out.gross_sat, out.fee_advance = dict(gross_sat), dict(advance)
    for currency, stored in session.execute(
        select(Sale.currency, Sale.vat_breakdown).where(*in_period, Sale.vat_breakdown.is_not(None))
    ):
        vat_into(out.vat, currency, stored)

    scan = wide(session, Payment.created_at, start, end)
    created = plain(Payment.created_at, scan)
    in_period = (created >= start, created < end, *of_till(Payment, till))
    settled = (*in_period, plain(Payment.state, scan) == "settled")
    # Else SQLite walks the mint_url index to skip the sort, fetching every row on its own.
    mint_url = plain(Payment.mint_url, scan)
    mint_fees: dict[str, int] = defaultdict(int)
    lightning_fees: dict[str, int] = defaultdict(int)
    for mint, unit, count, amount, credited, mint_fee, ln_fee in session.execute(
        select(
            mint_url,
            Payment.unit,
            func.count(),
            func.sum(Payment.amount),
            func.sum(Payment.credited),
            func.sum(Payment.mint_fee),
            func.sum(Payment.lightning_fee),
        )
        .where(*settled)
        .group_by(mint_url, Payment.unit)
        .order_by(mint_url, Payment.unit)
    ):
        out.by_mint.append(
            {
                "mint": mint,
                "unit": unit,
                "payments": count,
                "amount": int(amount),
                "credited": int(credited),
            }
        )
        mint_fees[unit] += int(mint_fee or 0)
        lightning_fees[unit] += int(ln_fee or 0)
    out.mint_fees, out.lightning_fees = dict(mint_fees), dict(lightning_fees)
    method = _method()
    for name, unit, count, amount, credited in session.execute(
        select(
            method, Payment.unit, func.count(), func.sum(Payment.amount), func.sum(Payment.credited)
        )
        .where(*settled)
        .group_by(method, Payment.unit)
        .order_by(method, Payment.unit)
    ):
        out.by_method.append(
            {
                "method": name,
                "unit": unit,
                "payments": count,
                "amount": int(amount),
                "credited": int(credited),
            }
        )
    reason = func.coalesce(Payment.error_code, "unknown")
    out.refused = {
        code: count
        for code, count in session.execute(
            select(reason, func.count())
            .where(  # refusals are few: the (state, created_at) index finds them
                Payment.created_at >= start,
                Payment.created_at < end,
                Payment.state == "rejected",
                *of_till(Payment, till),
            )
            .group_by(reason)
            .order_by(reason)
        )
    }
    for state, count in session.execute(
        select(Payment.state, func.count()).where(*in_period).group_by(Payment.state)
    ):
        out.attempts += count
        if state == "settled":
            out.settled = count
        elif state == "needs_review":
            out.needs_review = count
    return out
