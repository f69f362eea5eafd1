"""Payments whose operation ended but whose own flow never finished them.

A melt's payment is settled after the melt's own transaction, past a check of the
Lightning proof (:meth:`Checkout._finish_melt <pos_app.core.payments.checkout.Checkout>`);
a conversion's after its mint step. A till that stops (a crash, a power cut) or loses
the shop's database between the two leaves the payment ``processing`` behind a
finished operation. Recovery never meets it again: it runs pending operations only,
and tells the sales engine what it resolved. So a timer looks for such payments and
hands each finished operation to the same hook a recovered one goes to
(:meth:`Checkout.on_recovered`), which settles the sale, asks for review or fails the
payment, once: settling a settled payment adds nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pos_app.core.store.db import Database
from pos_app.core.store.schema import Operation, Payment
from pos_app.core.wallet.recovery import RESOLVED_STATES, Outcome

log = logging.getLogger(__name__)

# An operation that ended this long ago with its payment still processing was left by its
# flow: longer than any Lightning proof check takes (its HTTP calls time out sooner), so a
# payment being finished at this or another till right now is never taken from it.
STALLED_AFTER = 600
CHECK_SECONDS = 120.0


def stalled(session: Session, now: int) -> list[Outcome]:
    """The ended operations of payments still ``processing``, as recovery would tell them."""
    rows = session.execute(
        select(Payment.id, Operation)
        .join(
            Operation,
            or_(
                Operation.id == Payment.operation_id,
                Operation.received_token_id == Payment.received_token_id,
            ),
        )
        .where(
            Payment.state == "processing",
            Operation.state.in_(RESOLVED_STATES),
            Operation.updated_at <= now - STALLED_AFTER,
        )
    )
    return [
        Outcome(op.id, op.kind, op.state, "completed")
        for payment_id, op in rows
        if json.loads(op.details_json or "{}").get("payment_id") == payment_id
    ]


async def settle_stalled(
    db: Database, clock: Callable[[], float], on_recovered: Callable[[Outcome], Awaitable[None]]
) -> int:
    """Hand every stalled payment's ended operation to ``on_recovered``; how many there were."""
    outcomes = await db.run(lambda s: stalled(s, int(clock())))
    for outcome in outcomes:
        log.warning(
            "%s operation %s ended but its payment was left processing; finishing it",
            outcome.kind,
            outcome.operation_id,
        )
        await on_recovered(outcome)
    return len(outcomes)
