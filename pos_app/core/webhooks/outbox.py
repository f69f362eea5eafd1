"""The outbox: webhook events written in the same transaction as the change they report.

A SQLAlchemy ``after_flush`` hook on the sessions of the till's database sees sales,
payments, journal operations, mints and exports whose state changed in that flush, and
inserts one
event per change plus one delivery per subscribed endpoint, on the flush's own
connection. So an event exists if and only if its cause committed: a rollback
takes both away, a commit keeps both, and a till killed right after the commit
finds the delivery waiting when it starts again. The money modules need no
webhook code; they must change state through ORM attributes (a bulk ``update()``
would pass unseen; tests/unit/test_webhook_outbox.py checks that they do not).

Nothing is written when no endpoint wants the event (a till without webhooks
pays nothing for them), and :class:`Watch` tells the delivery side which endpoints
committed transactions queued deliveries for.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import bindparam, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from pos_app.core.config import OPTIONS
from pos_app.core.store.db import Database, session_till
from pos_app.core.store.schema import (
    Export,
    Mint,
    Operation,
    Setting,
    TillSetting,
    now,
)
from pos_app.core.webhooks import payload
from pos_app.core.webhooks.catalog import wants

if TYPE_CHECKING:
    from sqlalchemy import Insert, Select

    from pos_app.core.store.schema import Payment, Sale, ZReport

Builder = Callable[[Connection], dict[str, Any]]
# Within one flush: the sale first, then its payment, then what the sale became.
_RANK = {"sale.created": 0, "payment": 1, "sale": 2}
# Purposes of exports that are part of a sale, reported by the sale's own events.
_SALE_EXPORTS = ("change", "refund")
_QUEUED = "webhooks.queued"  # session.info: endpoints this transaction queued deliveries for

# The statements of the hook, built once: it runs inside the pay path's transaction, and
# building a statement costs as much as running it.
_TILL_NAME = select(Setting.value_json).where(Setting.key == "till.name")
_MINT_URL = select(Mint.url).where(Mint.id == bindparam("mint_id"))


class _ShopStatements(NamedTuple):
    endpoints: Select
    insert_event: Insert
    insert_delivery: Insert
    settled: Select  # a sale's settled payments
    sale: Select
    refund: Select
    refund_lines: Select


@functools.cache
def _shop() -> _ShopStatements:
    """The statements on the shop's tables, built with the first event a flush has.

    Those tables load on first use (pos_app.core.store.schema): a command whose flushes
    report nothing (a receive, a balance) does not load them for the outbox.
    """
    from pos_app.core.store.schema import (
        Payment,
        Refund,
        RefundLine,
        Sale,
        WebhookDelivery,
        WebhookEndpoint,
        WebhookEvent,
    )

    return _ShopStatements(
        # Disabled endpoints (410 Gone, removed by the owner) collect nothing; paused ones
        # keep their queue for when the owner resumes them. The till's name comes along.
        endpoints=select(
            WebhookEndpoint.id,
            WebhookEndpoint.events_json,
            WebhookEndpoint.format,
            _TILL_NAME.scalar_subquery().label("till"),
        ).where(WebhookEndpoint.state != "disabled"),
        insert_event=insert(WebhookEvent),
        insert_delivery=insert(WebhookDelivery),
        settled=select(Payment.__table__)
        .where(Payment.sale_id == bindparam("sale_id"), Payment.state == "settled")
        .order_by(Payment.created_at, Payment.id),
        sale=select(Sale.__table__).where(Sale.id == bindparam("sale_id")),
        refund=select(Refund.__table__).where(Refund.id == bindparam("refund_id")),
        refund_lines=select(RefundLine.__table__)
        .where(RefundLine.refund_id == bindparam("refund_id"))
        .order_by(RefundLine.position),
    )


def install(db: Database) -> None:
    """Register the hook on the sessions of ``db`` (idempotent)."""
    db.listen("after_flush", _after_flush)


def uninstall(db: Database) -> None:
    """Remove the hook from ``db`` (tests that measure the till without webhooks)."""
    db.unlisten("after_flush", _after_flush)


class Watch:
    """The endpoints that committed transactions on one database queued deliveries for.

    The delivery timer is told after sales and other changes. A change that no endpoint
    wants queued nothing, and one queued for an endpoint whose queue is being worked off
    already is picked up there: in neither case should the timer cost the database thread
    (the pay path's) a query.
    """

    def __init__(self, db: Database) -> None:
        self._lock = threading.Lock()  # commits happen on the database thread
        self._queued: set[int] = set()

        def committed(session: Session) -> None:
            endpoint_ids = session.info.pop(_QUEUED, None)
            if endpoint_ids:
                with self._lock:
                    self._queued |= endpoint_ids

        def rolled_back(session: Session) -> None:
            session.info.pop(_QUEUED, None)

        db.listen("after_commit", committed)
        db.listen("after_rollback", rolled_back)

    def take(self) -> set[int]:
        """The endpoints with deliveries committed since the last call."""
        with self._lock:
            queued, self._queued = self._queued, set()
        return queued


def _state_change(obj: Any, attr: str) -> tuple[str | None, str | None] | None:
    """(before, after) of an attribute changed in this flush, else None."""
    history = get_history(obj, attr)
    if not history.added:
        return None
    before = history.deleted[0] if history.deleted else None
    after = history.added[0]
    return None if before == after else (before, after)


def _rank(event_type: str) -> int:
    if event_type in _RANK:
        return _RANK[event_type]
    return _RANK.get(event_type.split(".", maxsplit=1)[0], 3)


def detect(session: Session) -> list[tuple[str, Builder]]:
    """The events of the changes in ``session``'s current flush, in report order."""
    found = list(_new_rows(session)) + list(_changed_rows(session))
    return sorted(found, key=lambda item: _rank(item[0]))


# Rows are told apart by their table, not their class: the shop's classes (sales,
# payments, Z reports) are not loaded in a process that never used them, and naming them
# here would load them on every flush.
def _new_rows(session: Session) -> Iterator[tuple[str, Builder]]:
    for obj in session.new:
        table = obj.__tablename__
        if table == "sales":
            yield "sale.created", _sale(obj)
        elif table == "exports" and obj.purpose not in _SALE_EXPORTS:
            yield "wallet.exported", _export(obj)
        elif table == "z_reports":
            yield "report.z_closed", _z_report(obj)


def _changed_rows(session: Session) -> Iterator[tuple[str, Builder]]:
    for obj in session.dirty:
        table = obj.__tablename__
        if table == "sales":
            # Loaded here, not with the outbox: a wallet command, which never changes a
            # sale, does not load the refunds module and the shop's tables it names.
            from pos_app.core.payments.refund_records import SETTLED_REFUNDS

            yield from _sale_events(obj, session.info.get(SETTLED_REFUNDS, {}).get(obj.id))
        elif table == "payments":
            change = _state_change(obj, "state")
            if change and change[1] in ("rejected", "failed"):
                yield "payment.refused", _payment(obj)
            elif change and change[1] == "needs_review":
                yield "payment.needs_review", _payment(obj)
        elif table == "operations":
            yield from _operation_events(obj)
        elif table == "mints" and obj.trusted:
            yield from _mint_events(obj)


def _mint_events(mint: Mint) -> Iterator[tuple[str, Builder]]:
    change = _state_change(mint, "status")
    if change and change[1] == "offline":
        yield "mint.offline", _mint(mint, change[0])
    elif change and change[0] == "offline":
        yield "mint.online", _mint(mint, change[0])


def _sale_events(sale: Sale, refund_id: str | None) -> Iterator[tuple[str, Builder]]:
    change = _state_change(sale, "state")
    after = change[1] if change else None
    if after in ("paid", "expired", "cancelled"):
        yield f"sale.{after}", _sale(sale)
    elif sale.state == "partially_paid" and (change or _state_change(sale, "paid")):
        yield "sale.partially_paid", _sale(sale)
    # Money given back (a token, or otherwise): each refund, even two in one second.
    refund = _state_change(sale, "refunded_at") or _state_change(sale, "refund_amount")
    if refund and refund[1] is not None:
        yield "sale.refunded", _sale(sale, refund_id)


def _operation_events(op: Operation) -> Iterator[tuple[str, Builder]]:
    change = _state_change(op, "state")
    if change is None:
        return
    before, after = change
    if after == "needs_review":
        yield "recovery.needs_review", _operation(op, before)
    elif before == "needs_review" or after == "recovered":
        yield "recovery.resolved", _operation(op, before)


def _sale(sale: Sale, refund_id: str | None = None) -> Builder:
    def build(conn: Connection) -> dict[str, Any]:
        payments = conn.execute(_shop().settled, {"sale_id": sale.id}).all()
        data = payload.sale_data(sale, list(payments))
        if refund_id is not None:
            refund = conn.execute(_shop().refund, {"refund_id": refund_id}).first()
            lines = conn.execute(_shop().refund_lines, {"refund_id": refund_id}).all()
            data["refund"] = None if refund is None else payload.refund_data(refund, lines)
        return data

    return build


def _payment(p: Payment) -> Builder:
    def build(conn: Connection) -> dict[str, Any]:
        sale = conn.execute(_shop().sale, {"sale_id": p.sale_id}).first()
        return payload.refused_payment_data(p, sale)

    return build


def _mint(mint: Mint, before: str | None) -> Builder:
    return lambda conn: payload.mint_data(mint, None if before == "unknown" else before)


def _mint_url(conn: Connection, mint_id: int) -> str | None:
    return conn.scalar(_MINT_URL, {"mint_id": mint_id})


def _operation(op: Operation, before: str | None) -> Builder:
    return lambda conn: payload.operation_data(op, _mint_url(conn, op.mint_id), before)


def _export(export: Export) -> Builder:
    return lambda conn: payload.export_data(export, _mint_url(conn, export.mint_id))


def _z_report(row: ZReport) -> Builder:
    return lambda _conn: payload.z_report_data(json.loads(row.content_json), row.number, row.digest)


def till_name(conn: Connection, till_id: str | None = None) -> str:
    """The ``till.name`` setting, read on the flush's connection.

    On a shared store the till's own (``till_id``: the session's till), else the shop's.
    """
    if till_id is not None:
        own = conn.scalar(
            select(TillSetting.value_json).where(
                TillSetting.till_id == till_id, TillSetting.key == "till.name"
            )
        )
        if own is not None:
            return _till(own)
    return _till(conn.scalar(_TILL_NAME))


def _till(stored: str | None) -> str:
    return json.loads(stored) if stored is not None else OPTIONS["till.name"].default


def write(
    conn: Connection,
    event_type: str,
    data: dict[str, Any],
    endpoint_ids: list[int],
    at: int,
    *,
    till: str | None = None,
) -> str:
    """Insert one event and its deliveries (pending, due at ``at``); returns the event id.

    ``till``: the till's name when the caller has read it already.
    """
    event_id = payload.new_event_id()
    body = payload.envelope(event_id, event_type, at, till or till_name(conn), data)
    conn.execute(
        _shop().insert_event,
        {
            "id": event_id,
            "type": event_type,
            "payload_json": payload.encode(body),
            "created_at": at,
        },
    )
    conn.execute(
        _shop().insert_delivery,
        [
            # state and attempts: the columns' defaults (pending, 0); one time for all, so
            # a second that ticks during the insert cannot split them
            {
                "event_id": event_id,
                "endpoint_id": endpoint_id,
                "next_attempt_at": at,
                "created_at": at,
                "updated_at": at,
            }
            for endpoint_id in endpoint_ids
        ],
    )
    return event_id


def _after_flush(session: Session, _context: Any) -> None:
    found = detect(session)
    if not found:
        return
    conn = session.connection()
    endpoints = conn.execute(_shop().endpoints).all()
    if not endpoints:
        return
    till_id = session_till(session)
    till = till_name(conn, till_id) if till_id is not None else _till(endpoints[0].till)
    at = now()
    for event_type, build in found:
        targets = [e.id for e in endpoints if wants(e.events_json, e.format, event_type)]
        if targets:
            write(conn, event_type, build(conn), targets, at, till=till)
            session.info.setdefault(_QUEUED, set()).update(targets)
