"""The sales list and the payments to review as the faces read them: plain records, in SQL.

:class:`SalesListing` is the service the GUI's sales table, the command line and the
API ask; its functions take a session and run on the database thread. Filters,
whitelisted ordering, paging and counting are SQL. Only plain, portable SQL is
used (a correlated ``MIN`` subquery, ``CAST(... AS NUMERIC)``,
``LIMIT``/``OFFSET``), so the same queries run on PostgreSQL. A sort key that is
not a known column falls back to time and never reaches the SQL text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Numeric, Select, and_, cast, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from pos_app.core.payments.records import payment_dict
from pos_app.core.store.db import Database
from pos_app.core.store.schema import Payment, Sale

PAGE_SIZE = 50
# Payments whose mint says where a sale's money is (or will be); refused tokens do not count.
COUNTED_PAYMENTS = ("settled", "processing", "recovering", "needs_review", "received")


# What a list can be sorted by (the faces name their columns with these keys).
# Filters beside the sale states: what was given back (``refund_state``).
REFUND_FILTERS = ("partially_refunded", "refunded")
SORT_KEYS = ("time", "sale", "state", "amount", "sats", "paid", "mint", "memo")


def _mint_of_sale() -> ColumnElement[Any]:
    """Correlated subquery: the alphabetically first mint a sale's payments came from."""
    pay = aliased(Payment)
    return (
        select(func.min(pay.mint_url))
        .where(pay.sale_id == Sale.id, pay.state.in_(COUNTED_PAYMENTS))
        .correlate(Sale)
        .scalar_subquery()
    )


def sort_expression(key: str) -> ColumnElement[Any]:
    """The SQL expression a column sorts by (only these keys are accepted).

    Raises:
        KeyError: for a key that is not a sortable column.
    """
    expressions: dict[str, Callable[[], ColumnElement[Any]]] = {
        "time": lambda: Sale.created_at,
        "sale": lambda: Sale.id,
        "state": lambda: Sale.state,
        # The decimal text in the shop currency, compared as a number (portable CAST).
        "amount": lambda: cast(Sale.amount, Numeric(20, 8)),
        "sats": lambda: Sale.due,
        "paid": lambda: Sale.paid,
        "mint": lambda: func.coalesce(_mint_of_sale(), ""),
        "memo": lambda: func.coalesce(Sale.memo, ""),
    }
    return expressions[key]()


@dataclass(frozen=True, slots=True)
class PaidSlice:
    """The sales paid in a slice of a report: a chart's bar or heatmap cell.

    Attributes:
        since: first Unix second included (of ``paid_at``).
        until: first Unix second excluded.
        hour_of_week: only sales paid at this local hour of the week (Monday 00:00 is
            0, Sunday 23:00 is 167), or None for every hour.
        offsets: the zone's ``(from_ts, utc_offset_seconds)`` spans over the range
            (``core.reports.series.offsets``), so the hour is the shop's local hour
            on both sides of a daylight-saving change.
    """

    since: int
    until: int
    hour_of_week: int | None = None
    offsets: tuple[tuple[int, int], ...] = ((0, 0),)


@dataclass(frozen=True, slots=True)
class SalesQuery:
    """What the list shows: filters, order and page.

    Attributes:
        state: one sale state, ``partially_refunded`` or ``refunded``, or None for all.
        text: matches the memo (anywhere, case-insensitive) or the start of the sale id.
        order_id: only the sales made for this external order (exact).
        since: first Unix second included, or None.
        until: first Unix second excluded, or None.
        paid: only the sales paid in this slice of a report, or None.
        sort: one of :data:`SORT_KEYS`.
        descending: newest, largest or last first.
        page: zero-based page number.
        page_size: rows per page.
    """

    state: str | None = None
    text: str = ""
    order_id: str | None = None
    since: int | None = None
    until: int | None = None
    paid: PaidSlice | None = None
    sort: str = "time"
    descending: bool = True
    page: int = 0
    page_size: int = PAGE_SIZE


@dataclass(frozen=True, slots=True)
class SaleRow:
    """One line of the list."""

    id: str
    created_at: int
    state: str
    amount: str
    currency: str
    unit: str
    due: int
    paid: int
    memo: str | None
    mint: str | None = None
    mint_count: int = 0


@dataclass(frozen=True, slots=True)
class SalesPage:
    """The answer to one :class:`SalesQuery`."""

    query: SalesQuery
    rows: tuple[SaleRow, ...]
    total: int
    elapsed_ms: float = 0.0

    @property
    def page_count(self) -> int:
        """Pages in all (at least one, even when empty)."""
        return max(1, -(-self.total // self.query.page_size))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def conditions(query: SalesQuery) -> list[ColumnElement[bool]]:
    """The ``WHERE`` clauses of a query's filters."""
    out: list[ColumnElement[bool]] = []
    if query.state in REFUND_FILTERS:
        # Not sale states: a refunded sale stays paid (or cancelled); its refunded sum tells.
        took = Sale.paid - Sale.change_amount
        out.append(Sale.refund_amount > 0)
        out.append(
            Sale.refund_amount >= took if query.state == "refunded" else Sale.refund_amount < took
        )
    elif query.state:
        out.append(Sale.state == query.state)
    text = query.text.strip()
    if text:
        pattern = _escape_like(text)
        out.append(
            or_(
                Sale.memo.ilike(f"%{pattern}%", escape="\\"),
                Sale.id.like(f"{pattern.lower()}%", escape="\\"),
            )
        )
    if query.order_id is not None:
        out.append(Sale.order_id == query.order_id)
    if query.since is not None:
        out.append(Sale.created_at >= query.since)
    if query.until is not None:
        out.append(Sale.created_at < query.until)
    if query.paid is not None:
        out.extend(paid_conditions(query.paid))
    return out


def paid_conditions(paid: PaidSlice) -> list[ColumnElement[bool]]:
    """``WHERE`` clauses of a report slice: paid in the range, at the local hour of the week."""
    out = [Sale.state == "paid", Sale.paid_at >= paid.since, Sale.paid_at < paid.until]
    if paid.hour_of_week is not None:
        # Imported here: the reports package draws PDFs, which the sales list never needs.
        from pos_app.core.reports.series import hour_of_week

        out.append(hour_of_week(Sale.paid_at, list(paid.offsets)) == paid.hour_of_week)
    return out


_ROW_COLUMNS = (
    Sale.id,
    Sale.created_at,
    Sale.state,
    Sale.amount,
    Sale.currency,
    Sale.unit,
    Sale.due,
    Sale.paid,
    Sale.memo,
)


def page_statement(query: SalesQuery) -> Select[Any]:
    """``SELECT … WHERE filters ORDER BY column, id LIMIT page_size OFFSET page*page_size``."""
    key = sort_expression(query.sort if query.sort in SORT_KEYS else "time")
    direction = (lambda e: e.desc()) if query.descending else (lambda e: e.asc())
    return (
        select(*_ROW_COLUMNS)
        .where(*conditions(query))
        .order_by(direction(key), direction(Sale.id))  # the id keeps pages stable on ties
        .limit(query.page_size)
        .offset(query.page * query.page_size)
    )


def count_statement(query: SalesQuery) -> Select[Any]:
    """``SELECT count(*) … WHERE filters``."""
    return select(func.count()).select_from(Sale).where(*conditions(query))


def _mints(session: Session, ids: list[str]) -> dict[str, tuple[str, int]]:
    """First mint and number of mints of each sale, for a page of ids (one grouped query)."""
    if not ids:
        return {}
    rows = session.execute(
        select(Payment.sale_id, func.min(Payment.mint_url), func.count(Payment.mint_url.distinct()))
        .where(Payment.sale_id.in_(ids), Payment.state.in_(COUNTED_PAYMENTS))
        .group_by(Payment.sale_id)
    ).all()
    return {sale_id: (url, int(n)) for sale_id, url, n in rows}


def _rows(session: Session, statement: Select[Any]) -> tuple[SaleRow, ...]:
    found = session.execute(statement).all()
    mints = _mints(session, [r.id for r in found])
    return tuple(
        SaleRow(*r, *mints.get(r.id, (None, 0)))  # type: ignore[misc]
        for r in found
    )


def fetch_page(
    session: Session, query: SalesQuery, expire: Callable[[Session], None] | None = None
) -> SalesPage:
    """One page of sales and the total matching the filters (runs on the database thread).

    Args:
        session: a session in a transaction.
        query: filters, order and page.
        expire: marks sales whose rate lock ran out as expired first (the sales service's rule).
    """
    started = time.perf_counter()
    if expire is not None:
        expire(session)
    total = int(session.scalar(count_statement(query)) or 0)
    rows = _rows(session, page_statement(query))
    return SalesPage(query, rows, total, (time.perf_counter() - started) * 1000)


def fetch_row(session: Session, query: SalesQuery, sale_id: str) -> SaleRow | None:
    """One sale, if it still matches the query's filters (else None)."""
    statement = select(*_ROW_COLUMNS).where(Sale.id == sale_id, *conditions(query))
    rows = _rows(session, statement)
    return rows[0] if rows else None


def payments_to_review(session: Session) -> list[dict[str, Any]]:
    """Payments in review, and failed ones the owner has not closed, oldest first.

    A failed payment matters while its sale is unpaid (the customer may have left with the
    goods) or when it had been accepted offline (the sale counted money that never came).
    Each is :func:`payment_dict` with its ``sale_id``.
    """
    rows = session.scalars(
        select(Payment)
        .join(Sale, Sale.id == Payment.sale_id)
        .where(
            or_(
                Payment.state == "needs_review",
                and_(
                    Payment.state == "failed",
                    or_(Payment.offline.is_(True), Sale.state != "paid"),
                ),
            )
        )
        .order_by(Payment.created_at)
    )
    return [{**payment_dict(p), "sale_id": p.sale_id} for p in rows]


class SalesListing:
    """Read models of the sales for the faces.

    Args:
        db: the wallet database.
        expire: marks sales whose rate lock ran out as expired (the sales service's rule
            and clock), run in the same transaction before each read.
    """

    def __init__(self, db: Database, expire: Callable[[Session], None]) -> None:
        self.db = db
        self._expire = expire

    async def page(self, query: SalesQuery) -> SalesPage:
        """One page of sales and the number matching the filters."""
        return await self.db.run(lambda s: fetch_page(s, query, self._expire))

    async def row(self, query: SalesQuery, sale_id: str) -> SaleRow | None:
        """One sale as a row, if it still matches the query's filters."""
        return await self.db.run(lambda s: fetch_row(s, query, sale_id))

    async def payments_to_review(self) -> list[dict[str, Any]]:
        """See :func:`payments_to_review`."""
        return await self.db.run(payments_to_review)
