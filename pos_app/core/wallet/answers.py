"""Refusing a mint's swap answer that fails its checks, and keeping the operation for recovery.

Shared by receives and sends: a wrong signature count, another keyset, a wrong
amount, a missing or failing DLEQ, or a body that is not the protocol means
nothing is credited, but the mint may have spent the inputs all the same.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session

from pos_app.core.cashu import crypto
from pos_app.core.cashu.models import Proof
from pos_app.core.errorlog import record_error
from pos_app.core.errors import PosError, SecurityError
from pos_app.core.events import Notification, OperationChanged
from pos_app.core.store.schema import Mint, Operation
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext

log = logging.getLogger(__name__)


async def bad_answer(
    ctx: WalletContext, op: Operation, inputs: Sequence[Proof], exc: PosError
) -> None:
    """The mint answered a swap with signatures that fail the checks: nothing is credited.

    The operation stays open for recovery (with the inputs unspent a receive is
    re-sent and a send released; spent, our outputs' signatures are restored and
    checked again), and
    the inputs' NUT-07 states go in the audit so the owner sees whether the mint kept
    the customer's coins while refusing to sign properly.
    """
    try:
        ys = await ctx.cpu(len(inputs), lambda: [crypto.y_of_secret(p.secret) for p in inputs])
        states = await ctx.mints.client(
            await ctx.db.run(lambda s: s.get(Mint, op.mint_id).url)
        ).checkstate(ys)
        seen = sorted({st.state for st in states})
    except PosError as why:  # the check is for the record; recovery asks again anyway
        seen = [f"unknown ({why.code})"]

    def write(session: Session) -> None:
        journal.mark_sent(session, op.id, exc)
        journal.audit(
            session,
            "security.bad_signatures",
            op.id,
            {"code": exc.code, "inputs": seen},
            correlation_id=op.correlation_id,
        )
        record_error(session, exc, operation_id=op.id)

    await ctx.db.run(write)
    log.warning("mint answer to %s %s refused (%s); inputs %s", op.kind, op.id, exc.code, seen)
    ctx.bus.publish(OperationChanged(op.id, op.kind, "pending", exc.code))
    if isinstance(exc, SecurityError):  # not a glitch: signatures that do not hold
        ctx.bus.publish(
            Notification(
                "critical",
                "Mint signed wrongly",
                f"A mint answered a {op.kind} with signatures that failed their checks "
                f"({exc.code}); nothing was credited and the token is being checked again.",
                kind="security",
                data={"operation_id": op.id},
            )
        )
