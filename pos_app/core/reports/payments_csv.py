"""The payments of a period as CSV: one row per payment, streamed to the file.

UTF-8 with a byte order mark (Excel then reads the accents right; LibreOffice
ignores it), a header row, RFC 4180 quoting and CRLF line ends. Rows are read in
batches, each in its own short transaction, so memory does not grow with the number
of payments and the till keeps selling during a long export.
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from pos_app.core.reports.files import replaced
from pos_app.core.reports.periods import Period
from pos_app.core.reports.series import Series
from pos_app.core.store.schema import Payment, Sale

HEADER = (
    "time",
    "sale_id",
    "payment_id",
    "method",
    "state",
    "mint",
    "unit",
    "amount",
    "credited",
    "currency",
    "credited_in_currency",
    "rate",
    "mint_fee",
    "lightning_fee",
    "sale_fee_advance",
    "reason",
)
BATCH = 2000
SAT_PER_BTC = Decimal(100_000_000)


def in_currency(credited: int, currency: str, rate: str | None) -> str:
    """What ``credited`` sat were worth in the sale's currency at its rate (2 decimals)."""
    if currency.lower() == "sat":
        return str(credited)
    if not rate:
        return ""
    try:
        value = Decimal(credited) * Decimal(rate) / SAT_PER_BTC
    except InvalidOperation:
        return ""
    return str(value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"))


def _row(p: Any, period: Period) -> list[str | int]:
    method = "offline" if p.offline else (p.method or "")
    return [
        datetime.fromtimestamp(p.created_at, period.zone).isoformat(),
        p.sale_id,
        p.id,
        method,
        p.state,
        p.mint_url or "",
        p.unit or "",
        p.amount,
        p.credited,
        p.currency,
        in_currency(p.credited, p.currency, p.rate),
        p.rate or "",
        p.mint_fee,
        p.lightning_fee,
        p.fee_advance,
        p.error_code or "",
    ]


DAILY_HEADER = ("day", "sales", "amount_sat", "gross", "payments", "went_through", "fees")


def write_daily(series: Series, out: Path) -> int:
    """One row per local day of ``series`` (made with ``size="day"``); the number of rows.

    ``gross`` lists the day's sales per currency (``EUR 12.50; USD 3.00``): one column
    per currency would change with the period.
    """
    with replaced(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(DAILY_HEADER)
        for b in series.buckets:
            gross = "; ".join(f"{c} {v}" for c, v in sorted(b.gross.items()))
            day = b.start.date().isoformat()
            writer.writerow([day, b.sales, b.sat, gross, b.attempts, b.settled, b.fees])
    return len(series.buckets)


def count_payments(session: Session, period: Period) -> int:
    """How many rows :func:`write_payments` will write."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Payment)
            .where(Payment.created_at >= period.start_ts, Payment.created_at < period.end_ts)
        )
        or 0
    )


def fetch_batch(
    session: Session, period: Period, after: tuple[int, str] | None, limit: int
) -> list[Any]:
    """The next ``limit`` payments of the period after ``(created_at, id)`` (keyset paging)."""
    statement = (
        select(
            Payment.id,
            Payment.sale_id,
            Payment.created_at,
            Payment.method,
            Payment.offline,
            Payment.state,
            Payment.mint_url,
            Payment.unit,
            Payment.amount,
            Payment.credited,
            Payment.mint_fee,
            Payment.lightning_fee,
            Payment.error_code,
            Sale.currency,
            Sale.rate,
            Sale.fee_advance,
        )
        .join(Sale, Sale.id == Payment.sale_id)
        .where(Payment.created_at >= period.start_ts, Payment.created_at < period.end_ts)
        .order_by(Payment.created_at, Payment.id)
        .limit(limit)
    )
    if after is not None:
        # The plain bound lets the index start at the last time read (the row value alone
        # would make each batch scan from the period's start again).
        statement = statement.where(
            Payment.created_at >= after[0], tuple_(Payment.created_at, Payment.id) > tuple_(*after)
        )
    # The Core connection, not the ORM: plain rows.
    return list(session.connection().execute(statement))


async def write_payments(
    db: Any,
    period: Period,
    out: Path,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the period's payments to ``out`` (replaced whole, never half written).

    Each batch is one short transaction on the database thread, so sales go on while a
    long export runs; the file is written between batches.

    Returns:
        The number of payment rows.
    """
    loop = asyncio.get_running_loop()
    rows = 0
    after: tuple[int, str] | None = None
    with replaced(out) as tmp:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(HEADER)
            while True:
                batch = await db.run(lambda s, a=after: fetch_batch(s, period, a, BATCH))
                await loop.run_in_executor(None, writer.writerows, [_row(p, period) for p in batch])
                rows += len(batch)
                if len(batch) < BATCH:
                    break
                after = (batch[-1].created_at, batch[-1].id)
                if progress is not None:
                    progress(rows)
        if progress is not None:
            progress(rows)  # a failing report of the end still keeps the old file
    return rows
