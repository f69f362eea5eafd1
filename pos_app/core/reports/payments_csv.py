"""The payments of a period as CSV: one row per payment, streamed to the file.

UTF-8 with a byte order mark (Excel then reads the accents right; LibreOffice
ignores it), a header row, RFC 4180 quoting and CRLF line ends. Rows are read in
batches, each in its own short transaction, so memory does not grow with the number
of payments and the till keeps selling during a long export.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.reports.files import replaced
from pos_app.core.reports.periods import Period
from pos_app.core.reports.series import Series
from pos_app.core.store.schema import Payment

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
    "sale_amount",
    "sale_tip",
    "sale_tip_sat",
    "sale_discount",
    "sale_vat",
    "sale_refunded_sat",
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


def _rows(batch: list[tuple[Any, ...]], period: Period) -> list[list[Any]]:
    """CSV rows of fetched payments (the columns of :data:`SELECT_BATCH`, in order)."""
    zone, out = period.zone, []
    for (
        pid,
        sale_id,
        created_at,
        method,
        offline,
        state,
        mint_url,
        unit,
        amount,
        credited,
        mint_fee,
        lightning_fee,
        error_code,
        currency,
        rate,
        fee_advance,
        sale_amount,
        tip_amount,
        tip_sat,
        discount_amount,
        line_discounts,
        vat_breakdown,
        refunded_sat,
    ) in batch:
        out.append(
            [
                datetime.fromtimestamp(created_at, zone).isoformat(),
                sale_id,
                pid,
                "offline" if offline else (method or ""),
                state,
                mint_url or "",
                unit or "",
                amount,
                credited,
                currency,
                in_currency(credited, currency, rate),
                rate or "",
                mint_fee,
                lightning_fee,
                fee_advance,
                error_code or "",
                sale_amount,
                tip_amount or "0",
                tip_sat or 0,
                str(Decimal(discount_amount or 0) + Decimal(line_discounts or 0)),
                vat_of(vat_breakdown),
                refunded_sat or 0,
            ]
        )
    return out


def vat_of(stored: str | None) -> str:
    """A sale's VAT, all rates, from its stored breakdown ("" for a sale without one)."""
    if not stored:
        return ""
    return str(sum((Decimal(line["vat"]) for line in json.loads(stored)), Decimal(0)))


DAILY_HEADER = (
    "day",
    "sales",
    "amount_sat",
    "gross",
    "payments",
    "went_through",
    "fees",
    "tips",
    "tips_sat",
    "discounts",
    "vat",
    "refunded",
)


def _per_currency(values: dict[str, Decimal]) -> str:
    return "; ".join(f"{c} {v}" for c, v in sorted(values.items()))


def write_daily(series: Series, out: Path) -> int:
    """One row per local day of ``series`` (made with ``size="day"``); the number of rows.

    ``gross`` lists the day's sales per currency (``EUR 12.50; USD 3.00``): one column
    per currency would change with the period. ``amount_sat`` and ``gross`` never hold
    the tips (``tips``, ``tips_sat``); ``discounts``, ``vat`` (the sales' stored VAT) and
    ``refunded`` (refunds given that day) are per currency too.
    """
    with replaced(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(DAILY_HEADER)
        for b in series.buckets:
            day = b.start.date().isoformat()
            writer.writerow(
                [
                    day,
                    b.sales,
                    b.sat,
                    _per_currency(b.gross),
                    b.attempts,
                    b.settled,
                    b.fees,
                    _per_currency(b.tips),
                    b.tips_sat,
                    _per_currency(b.discounted),
                    _per_currency(b.vat),
                    _per_currency(b.refunded),
                ]
            )
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


# One batch of the period's payments after (created_at, id), oldest first. Plain SQL on
# the driver's cursor: a million rows through ORM rows would cost more than the reading.
SELECT_BATCH = (
    "SELECT p.id, p.sale_id, p.created_at, p.method, p.offline, p.state, p.mint_url, p.unit, "
    "p.amount, p.credited, p.mint_fee, p.lightning_fee, p.error_code, s.currency, s.rate, "
    "s.fee_advance, s.amount, s.tip_amount, s.tip_sat, s.discount_amount, s.line_discounts, "
    "s.vat_breakdown, s.refund_amount FROM payments p JOIN sales s ON s.id = p.sale_id "
    "WHERE p.created_at >= ? AND p.created_at < ? AND (p.created_at > ? OR "
    "(p.created_at = ? AND p.id > ?)) ORDER BY p.created_at, p.id LIMIT ?"
)


def fetch_batch(
    session: Session, period: Period, after: tuple[int, str] | None, limit: int
) -> list[tuple[Any, ...]]:
    """The next ``limit`` payments of the period after ``(created_at, id)`` (keyset paging).

    The lower bound starts the index range at the last time read (each batch reads only
    its own rows).
    """
    if after is None:
        low, (since, last_id) = period.start_ts, (period.start_ts - 1, "")
    else:
        low, (since, last_id) = after[0], after
    connection = session.connection()
    sql = SELECT_BATCH
    if connection.dialect.paramstyle != "qmark":  # psycopg's placeholders are %s
        sql = sql.replace("?", "%s")
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql, (low, period.end_ts, since, since, last_id, limit))
        return cursor.fetchall()
    finally:
        cursor.close()


async def write_payments(
    db: Any,
    period: Period,
    out: Path,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the period's payments to ``out`` (replaced whole, never half written).

    Each batch is one short transaction on the database thread, so sales go on while a
    long export runs; the next batch is read while this one is formatted and written
    in a worker thread.

    Returns:
        The number of payment rows.
    """
    loop = asyncio.get_running_loop()

    def read(after: tuple[int, str] | None) -> Any:
        return asyncio.ensure_future(db.run(lambda s: fetch_batch(s, period, after, BATCH)))

    rows = 0
    with replaced(out) as tmp:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(HEADER)
            pending = read(None)
            try:
                while pending is not None:
                    batch = await pending
                    last = batch[-1] if len(batch) == BATCH else None
                    pending = read((last[2], last[0])) if last is not None else None
                    await loop.run_in_executor(  # formatting and writing: off the loop
                        None, lambda b=batch: writer.writerows(_rows(b, period))
                    )
                    rows += len(batch)
                    if pending is not None and progress is not None:
                        progress(rows)
            finally:
                if pending is not None:
                    pending.cancel()
        if progress is not None:
            progress(rows)  # a failing report of the end still keeps the old file
    return rows


def _csv_text(rows: list[list[Any]] | list[tuple[str, ...]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


async def payment_chunks(db: Any, period: Period) -> AsyncIterator[bytes]:
    """The bytes :func:`write_payments` writes, in pieces, for an answer sent as it is read.

    No file is made: the API streams the CSV to its client. Batches are read as there,
    each in its own short transaction, and formatted in a worker thread.
    """
    loop = asyncio.get_running_loop()
    yield ("\ufeff" + _csv_text([HEADER])).encode("utf-8")  # the BOM utf-8-sig writes
    after: tuple[int, str] | None = None
    while True:
        batch = await db.run(lambda s, a=after: fetch_batch(s, period, a, BATCH))
        if batch:
            text = await loop.run_in_executor(None, lambda b=batch: _csv_text(_rows(b, period)))
            yield text.encode("utf-8")
        if len(batch) < BATCH:
            return
        after = (batch[-1][2], batch[-1][0])
