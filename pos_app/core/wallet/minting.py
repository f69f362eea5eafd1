"""Minting ecash for a paid Lightning invoice (NUT-04), journalled so nothing paid is lost.

The shop asks one of its mints for a quote (an invoice), someone pays the invoice,
and the shop claims the ecash. The operation is written *before* the invoice is
paid, with the outputs it will ask for derived from the NUT-13 seed and a reserved
counter range, so after any crash the same outputs are rebuilt and their
signatures fetched again (``/v1/restore``) if the mint already issued them.

What :func:`claim` does with the quote's state at the mint:

==================  ===================================================  =========
quote state         claim                                                operation
==================  ===================================================  =========
``PAID``            ``POST /v1/mint``; the signatures checked and kept   done
``ISSUED``          our outputs restored (``/v1/restore``) and kept      done
``ISSUED``, none    issued to outputs that are not ours: left to the     pending
of ours signed      owner after the retries (``mint.quote_issued``)
``UNPAID``          the payer decides (``waiting``): see ``payer``       pending
==================  ===================================================  =========

The payer is the operation paying the invoice (a melt of a customer's token at
another mint, named in the details by its quote, ``payer_quote``, and journalled
in the same transaction as this operation): when it failed with nothing spent, the
invoice will never be paid and the mint operation fails too.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu.amounts import split_with_keyset
from pos_app.core.errors import MintError, PosError, ProtocolError
from pos_app.core.events import BalanceChanged, OperationChanged
from pos_app.core.faults import fault_point
from pos_app.core.mint.models import MintQuote
from pos_app.core.store.schema import KeysetRow, Mint, Operation, now
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import keyset_from_row, stored_output_keyset
from pos_app.core.wallet.outputs import Outputs, match_restored, unblind

log = logging.getLogger(__name__)

KIND = "mint"
PAID_WAIT_SECONDS = 10.0  # how long a claim waits for the mint to see its invoice paid
PAID_POLL_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class MintResult:
    """A mint operation after a claim: ``done``, ``pending`` (recovery goes on) or ``failed``."""

    operation_id: str
    state: str
    mint: str
    unit: str
    amount: int  # what the quote is for; credited once ``done``
    reason: str | None = None


def open_mint(
    session: Session,
    *,
    op_id: str,
    mint_id: int,
    unit: str,
    quote: MintQuote,
    amount: int,
    correlation_id: str | None,
    details: dict[str, Any],
) -> None:
    """Journal the mint operation ``op_id`` for ``quote`` in the caller's transaction.

    The outputs' counters are reserved here, so the outputs can be rebuilt after a crash.
    """
    keyset = stored_output_keyset(session, mint_id, unit)
    amounts = split_with_keyset(amount, keyset.keys)
    start = journal.reserve_counters(session, keyset.id, len(amounts))
    session.add(
        Operation(
            id=op_id,
            kind=KIND,
            state="pending",
            step="quoted",
            # Not due for recovery before the payer had its chance.
            next_retry_at=journal.lease(),
            mint_id=mint_id,
            unit=unit,
            keyset_id=keyset.id,
            counter_start=start,
            counter_count=len(amounts),
            output_amounts_json=json.dumps(amounts),
            input_amount=amount,
            quote_id=quote.quote,
            correlation_id=correlation_id,
            details_json=json.dumps(
                {"amount": amount, "request": quote.request, "expiry": quote.expiry, **details}
            ),
        )
    )
    journal.audit(
        session,
        "mint.quoted",
        op_id,
        {"amount": amount, "quote": quote.quote},
        correlation_id=correlation_id,
    )


def fail_mint(session: Session, op_id: str, exc: PosError) -> None:
    """Close a mint operation whose invoice will never be paid (its payer failed)."""
    op = session.get(Operation, op_id)
    if op.state in ("done", "recovered", "failed"):
        return
    journal.fail_operation(session, op_id, exc)


async def claim(
    ctx: WalletContext,
    op_id: str,
    *,
    recovered: bool = False,
    wait: float = 0.0,
) -> MintResult:
    """Claim the ecash of a mint operation whose invoice may have been paid.

    Args:
        ctx: wallet dependencies.
        op_id: the mint operation.
        recovered: the recovery service finishes it.
        wait: seconds to wait for an ``UNPAID`` quote to turn ``PAID`` (the payer just
            paid: the mint may not have seen it yet).
    """
    op, url = await ctx.db.run(lambda s: journal.operation_and_mint(s, op_id))
    if op.state in ("done", "recovered"):
        return await _result(ctx, op_id, "done")
    if op.state == "failed":
        return await _result(ctx, op_id, "failed", op.last_error_code)
    client = ctx.mints.client(url)
    deadline = time.monotonic() + wait
    state = (await client.mint_quote_state(op.quote_id)).state
    while state == "UNPAID" and time.monotonic() < deadline:
        await asyncio.sleep(PAID_POLL_SECONDS)
        state = (await client.mint_quote_state(op.quote_id)).state
    outputs = await ctx.cpu(op.counter_count, journal.rebuild_outputs, ctx.seed, op)
    if state == "PAID":
        fault_point("before_mint")
        try:
            signatures = await client.mint(op.quote_id, outputs.messages)
        except MintError:
            # Refused: perhaps issued meanwhile (an earlier request that did arrive).
            if (await client.mint_quote_state(op.quote_id)).state != "ISSUED":
                raise
            return await _restore(ctx, op_id, outputs, recovered)
        return await _complete(
            ctx, op_id, outputs, (list(range(len(signatures))), signatures), recovered
        )
    if state == "ISSUED":
        return await _restore(ctx, op_id, outputs, recovered)
    if await ctx.db.run(lambda s: payer_state(s, op)) == "failed":
        err = MintError(
            "convert.not_paid",
            "The customer's mint did not pay the invoice; nothing was spent.",
            f"mint quote {op.quote_id} {state}, payer failed",
        )
        await ctx.db.run(lambda s: fail_mint(s, op_id, err))
        ctx.bus.publish(OperationChanged(op_id, KIND, "failed", err.code))
        return await _result(ctx, op_id, "failed", err.code)
    return await _result(ctx, op_id, "pending", "mint.quote_unpaid")


async def _restore(ctx: WalletContext, op_id: str, outputs: Outputs, recovered: bool) -> MintResult:
    op, url = await ctx.db.run(lambda s: journal.operation_and_mint(s, op_id))
    pairs = await ctx.mints.client(url).restore(outputs.messages)
    if not pairs:
        raise ProtocolError(
            "mint.quote_issued",
            "The mint says this invoice's ecash was already issued, but not to this shop.",
            f"quote {op.quote_id} ISSUED and none of our outputs signed",
        )
    return await _complete(ctx, op_id, outputs, match_restored(outputs, pairs), recovered)


async def _complete(
    ctx: WalletContext,
    op_id: str,
    outputs: Outputs,
    answer: tuple[list[int], list[Any]],
    recovered: bool,
) -> MintResult:
    """Check, unblind and store the new proofs and close the operation in one transaction.

    ``answer`` is the signed outputs' indexes and the signatures.
    """
    indexes, signatures = answer
    keyset = await ctx.db.run(lambda s: keyset_from_row(s.get(KeysetRow, outputs.keyset_id)))
    result = await ctx.cpu(
        len(signatures), lambda: unblind(outputs, signatures, keyset, indexes=indexes)
    )

    def write(session: Session) -> tuple[str, str, int]:
        op = session.get(Operation, op_id)
        if op.state in ("done", "recovered"):
            return session.get(Mint, op.mint_id).url, op.unit, 0  # a concurrent claim won
        journal.insert_proofs(
            session,
            mint_id=op.mint_id,
            unit=op.unit,
            proofs=result.proofs,
            counters=result.counters,
            origin="minted",
            op_id=op_id,
        )
        gained = sum(p.amount for p in result.proofs)
        op.state = "recovered" if recovered else "done"
        op.step = "done"
        op.next_retry_at = None
        op.result_json = json.dumps({"amount": gained, "proofs": len(result.proofs)})
        op.updated_at = now()
        url = session.get(Mint, op.mint_id).url
        journal.audit(
            session,
            "mint.done",
            op_id,
            {"amount": gained, "mint": url, "recovered": recovered},
            correlation_id=op.correlation_id,
        )
        return url, op.unit, gained

    url, unit, gained = await ctx.db.run(write)
    log.info("mint %s: +%d %s at %s", op_id, gained, unit, url)
    ctx.bus.publish(BalanceChanged(url, unit))
    ctx.bus.publish(OperationChanged(op_id, KIND, "recovered" if recovered else "done"))
    return await _result(ctx, op_id, "done")


async def _result(
    ctx: WalletContext, op_id: str, state: str, reason: str | None = None
) -> MintResult:
    def read(session: Session) -> MintResult:
        op = session.get(Operation, op_id)
        return MintResult(
            operation_id=op_id,
            state=state,
            mint=session.get(Mint, op.mint_id).url,
            unit=op.unit,
            amount=json.loads(op.details_json)["amount"],
            reason=reason,
        )

    return await ctx.db.run(read)


def payer_state(session: Session, op: Operation) -> str | None:
    """The state of the melt paying a mint operation's invoice (None: none is recorded)."""
    quote = json.loads(op.details_json).get("payer_quote")
    if quote is None:
        return None
    return session.scalar(
        select(Operation.state).where(Operation.kind == "melt", Operation.quote_id == quote)
    )
