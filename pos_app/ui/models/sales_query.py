"""The SQL behind the sales list: filters, whitelisted ordering, paging and counting.

Qt-free: the functions take a session and run on the database thread
(``core.db.run``). Only plain, portable SQL is used (a correlated ``MIN``
subquery, ``CAST(... AS NUMERIC)``, ``LIMIT``/``OFFSET``), so the same queries
run on PostgreSQL. A sort key that is not a known column falls back to time and
never reaches the SQL text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import Numeric, Select, cast, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from pos_app.core.store.schema import Payment, Sale

if TYPE_CHECKING:
    from pos_app.app import App

PAGE_SIZE = 50
# Payments whose mint says where a sale's money is (or will be); refused tokens do not count.
COUNTED_PAYMENTS = ("settled", "processing", "recovering", "needs_review", "received")


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the list: its key, header, and whether a click sorts by it."""

    key: str
    header: str
    numeric: bool = False


COLUMNS = (
    Column("time", QT_TRANSLATE_NOOP("SalesModel", "Time")),
    Column("sale", QT_TRANSLATE_NOOP("SalesModel", "Sale")),
    Column("state", QT_TRANSLATE_NOOP("SalesModel", "State")),
    Column("amount", QT_TRANSLATE_NOOP("SalesModel", "Amount"), numeric=True),
    Column("sats", QT_TRANSLATE_NOOP("SalesModel", "Due in sat"), numeric=True),
    Column("paid", QT_TRANSLATE_NOOP("SalesModel", "Paid"), numeric=True),
    Column("mint", QT_TRANSLATE_NOOP("SalesModel", "Mint")),
    Column("memo", QT_TRANSLATE_NOOP("SalesModel", "Memo")),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


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
class SalesQuery:
    """What the list shows: filters, order and page.

    Attributes:
        state: one sale state, or None for all.
        text: matches the memo (anywhere, case-insensitive) or the start of the sale id.
        since: first Unix second included, or None.
        until: first Unix second excluded, or None.
        sort: a key of :data:`COLUMNS`.
        descending: newest, largest or last first.
        page: zero-based page number.
        page_size: rows per page.
    """

    state: str | None = None
    text: str = ""
    since: int | None = None
    until: int | None = None
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
    if query.state:
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
    if query.since is not None:
        out.append(Sale.created_at >= query.since)
    if query.until is not None:
        out.append(Sale.created_at < query.until)
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
    key = sort_expression(query.sort if query.sort in COLUMN_KEYS else "time")
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


def expire_due_sales(core: App) -> Callable[[Session], None]:
    """A function that expires overdue open sales by the sales service's own rule."""

    def expire(session: Session) -> None:
        overdue = select(Sale).where(Sale.state == "open", Sale.expires_at < int(time.time()))
        for sale in session.scalars(overdue):
            core.sales.expire_if_due(session, sale)

    return expire
