"""The refunds of a sale as stored: what is still refundable, and a refund's completion.

A refund is reserved (``making``) before any coin moves, so two refunds can never give
back more than the sale took; :func:`complete_refund` runs in the transaction that
records the token (``exports``), also when recovery finishes the send after a crash.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.store.schema import Export, Mint, Refund, Sale, now
from pos_app.core.wallet import journal

# Sales whose money can be given back: paid ones, and those that will never be paid.
REFUND_SALE_STATES = ("paid", "cancelled", "expired")
# Refunds that count against what a sale can still give back.
COUNTED = ("making", "done")
# A refund reserved this long ago with neither an operation nor a token never sent anything
# (the send without a swap writes its token and the link in one transaction).
STALE_SECONDS = 300


def refunded_sum(session: Session, sale_id: str, states: tuple[str, ...] = COUNTED) -> int:
    """What the sale's refunds in ``states`` gave (or are giving) back."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(Refund.amount), 0)).where(
                Refund.sale_id == sale_id, Refund.state.in_(states)
            )
        )
    )


def took(sale: Sale) -> int:
    """What the sale kept of its customer's money (credited less the change given)."""
    return max(0, int(sale.paid or 0) - int(sale.change_amount or 0))


def refundable(session: Session, sale: Sale) -> int:
    """What can still be given back (0 for an open sale: cancel it first)."""
    if sale.state not in REFUND_SALE_STATES:
        return 0
    return max(0, took(sale) - refunded_sum(session, sale.id))


def in_currency(amount: int, sale: Sale) -> str:
    """``amount`` (sat) in the sale's currency at its locked rate, decimal text."""
    if sale.currency == "sat" or not sale.rate:
        return str(amount)
    try:
        value = Decimal(int(amount)) * Decimal(sale.rate) / Decimal(100_000_000)
    except (InvalidOperation, ValueError):
        return str(amount)
    return format(value.quantize(Decimal("0.01")), "f")


SETTLED_REFUNDS = "refunds.settled"  # session.info: sale id -> the refund just settled


def fail_stale(session: Session, sale_id: str, clock_now: int) -> None:
    """Refunds reserved by a till that died before its send was journalled: nothing was sent."""
    stale = session.scalars(
        select(Refund).where(
            Refund.sale_id == sale_id,
            Refund.state == "making",
            Refund.operation_id.is_(None),
            Refund.export_id.is_(None),
            Refund.created_at < clock_now - STALE_SECONDS,
        )
    )
    for refund in stale:
        refund.state = "failed"
        refund.note = "not sent: the till stopped before the token was made"
        refund.updated_at = clock_now


def complete_refund(session: Session, refund_id: str, export: Export, op_id: str | None) -> None:
    """The token ``export`` pays refund ``refund_id``: record it on the refund and the sale."""
    refund = session.get(Refund, refund_id)
    if refund is None or refund.state == "done":
        return
    refund.state = "done"
    refund.export_id = export.id
    refund.token_text = export.token_text
    refund.mint_url = session.scalar(select(Mint.url).where(Mint.id == export.mint_id))
    refund.claim_state = "pending"
    refund.operation_id = refund.operation_id or op_id
    refund.done_at = refund.updated_at = now()
    session.flush()
    settle_sale(session, refund)


def settle_sale(session: Session, refund: Refund) -> None:
    """The sale's refunded sum and last refund (the ``sale.refunded`` webhook follows them)."""
    sale = session.get(Sale, refund.sale_id)
    sale.refund_amount = refunded_sum(session, sale.id, ("done",))
    if refund.token_text:
        sale.refund_token = refund.token_text
    sale.refunded_at = refund.updated_at
    sale.updated_at = now()
    # The sale.refunded webhook names this refund (its lines and tip) from here.
    session.info.setdefault(SETTLED_REFUNDS, {})[sale.id] = refund.id
    journal.audit(
        session,
        "sale.refunded",
        sale.id,
        {
            "refund_id": refund.id,
            "amount": refund.amount,
            "mint": refund.mint_url,
            "export_id": refund.export_id,
        },
        correlation_id=sale.correlation_id,
    )


def refund_dict(refund: Refund) -> dict[str, Any]:
    """JSON form of a refund (``sale show``'s ``refunds``, ``sale refund``)."""
    return {
        "refund_id": refund.id,
        "sale_id": refund.sale_id,
        "state": refund.state,
        "amount": refund.amount,
        "unit": refund.unit,
        "amount_currency": refund.amount_currency,
        "currency": refund.currency,
        "reason": refund.reason,
        "token": refund.token_text,
        "export_id": refund.export_id,
        "mint": refund.mint_url,
        "file": refund.file_path,
        "claim_state": refund.claim_state,
        "note": refund.note,
        "created_at": refund.created_at,
        "lines": refund_lines_dict(refund),
    }


def refund_lines_dict(refund: Refund) -> list[dict[str, Any]]:
    """The lines a refund gave back (position 0: the tip); empty for a refund of an amount."""
    return [
        {"position": x.position, "name": x.name, "quantity": x.quantity, "amount": x.amount}
        for x in refund.lines
    ]


def sale_refunds(session: Session, sale_id: str) -> list[Refund]:
    """A sale's refunds, oldest first."""
    return list(
        session.scalars(
            select(Refund)
            .where(Refund.sale_id == sale_id)
            .order_by(Refund.created_at, Refund.id)  # ids sort by time (refunds.new_refund_id)
        )
    )
