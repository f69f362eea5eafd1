"""Paying a Lightning invoice with ecash (NUT-05/08/23), with change on blank outputs.

The inputs are either the shop's own coins or a customer's token (a sale paid
with ecash of a mint the shop converts). Only a ``PAID`` quote closes a melt as
paid; a melt that does not end clearly is left to recovery, never guessed.

What :func:`execute_melt` does with each answer to ``POST /v1/melt/bolt11``
(inputs = NUT-07 states of the melt's inputs, asked when the answer is not
``PAID``/``PENDING``):

=============================================  =========  ==============================
mint's answer                                  operation  execute_melt
=============================================  =========  ==============================
200 ``PAID``                                   done       returns ``paid`` (change kept
                                                          if correctly signed)
200 ``PENDING``                                pending    returns ``pending``
200 ``UNPAID``/unknown, inputs all UNSPENT     failed     raises ``mint.lightning_failed``
200 ``UNPAID``/unknown, any SPENT or PENDING   pending    returns ``pending``
4xx error body, then quote state               as the quote's row above; ``failed``
                                                          raises the mint's refusal
4xx, then quote or inputs cannot be read       pending    returns ``pending`` (raises
                                                          ``mint.unreachable`` if down)
dropped connection, timeout, 5xx               pending    raises ``mint.unreachable`` /
                                                          ``mint.timeout`` / ``mint.server_error``
200 with a body that cannot be read            pending    raises ``mint.bad_response``
=============================================  =========  ==============================

Recovery (:func:`resolve_melt`) asks the quote state and applies the same rows,
returning ``failed`` instead of raising. What a sale makes of these is in
:mod:`pos_app.core.payments.convert`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu import crypto
from pos_app.core.cashu.amounts import blank_outputs_for_overshoot
from pos_app.core.cashu.keysets import fee_for_proofs
from pos_app.core.cashu.models import BlindSignature, Proof
from pos_app.core.errorlog import record_error
from pos_app.core.errors import (
    MintError,
    NetworkError,
    PosError,
    ProtocolError,
    SecurityError,
    ValidationError,
)
from pos_app.core.events import BalanceChanged, Notification, OperationChanged
from pos_app.core.faults import fault_point
from pos_app.core.mint.models import MeltQuote
from pos_app.core.store.schema import KeysetRow, Mint, Operation, ProofRow, now
from pos_app.core.wallet import coins, journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import keyset_from_row, mint_row, stored_output_keyset
from pos_app.core.wallet.outputs import build_outputs, match_restored, unblind

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MeltResult:
    """Outcome of a melt: ``paid``, ``pending`` (recovery will finish) or ``failed``."""

    operation_id: str
    state: str
    mint: str
    unit: str
    amount: int
    fee_reserve: int
    input_fee: int
    inputs_total: int
    change: int = 0
    preimage: str | None = None

    @property
    def fee_paid(self) -> int:
        """Lightning fee actually paid (known once paid)."""
        return self.inputs_total - self.amount - self.input_fee - self.change

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet melt``."""
        return {
            "state": self.state,
            "mint": self.mint,
            "unit": self.unit,
            "amount": self.amount,
            "fee_reserve": self.fee_reserve,
            "input_fee": self.input_fee,
            "lightning_fee": self.fee_paid if self.state == "paid" else None,
            "change": self.change,
            "preimage": self.preimage,
            "operation_id": self.operation_id,
        }


async def quote(ctx: WalletContext, mint_url: str, invoice: str, unit: str = "sat") -> MeltQuote:
    """Ask a mint what paying ``invoice`` costs."""
    return await ctx.mints.client(mint_url).melt_quote(invoice.strip(), unit)


async def melt_own(
    ctx: WalletContext,
    invoice: str,
    mint_url: str | None = None,
    *,
    unit: str = "sat",
    correlation_id: str | None = None,
) -> MeltResult:
    """Pay ``invoice`` from the shop's coins.

    At ``mint_url``, else at the first trusted mint, in the shop's order, that holds the
    invoice's amount.
    """
    invoice = invoice.strip()
    if mint_url is None:
        needed = _invoice_sats(invoice) if unit == "sat" else 1
        mint_url = await ctx.db.run(lambda s: coins.first_trusted_mint(s, unit, needed))
    q = await quote(ctx, mint_url, invoice, unit)

    def pick(session: Session) -> tuple[int, list[coins.Coin], int]:
        row = mint_row(session, mint_url)
        if row is None:
            raise ValidationError("mint.unknown", "This mint is not in the shop's list.", mint_url)
        fees, inactive = coins.fee_table(session, row.id)
        selected, fee = coins.select_coins(
            session, row.id, unit, q.amount + q.fee_reserve, fees, prefer_inactive=inactive
        )
        return row.id, selected, fee

    mint_id, selected, _ = await ctx.db.run(pick)
    return await execute_melt(
        ctx,
        mint_id=mint_id,
        unit=unit,
        quote=q,
        own_row_ids=[c.row_id for c in selected],
        correlation_id=correlation_id,
    )


async def execute_melt(
    ctx: WalletContext,
    *,
    mint_id: int,
    unit: str,
    quote: MeltQuote,
    own_row_ids: Sequence[int] = (),
    foreign_inputs: Sequence[Proof] = (),
    received_token_id: int | None = None,
    correlation_id: str | None = None,
    details: dict[str, Any] | None = None,
    guard: Callable[[Session], None] | None = None,
) -> MeltResult:
    """Journal and send a melt of own coins or of a customer's (already checked) proofs.

    ``guard`` runs first in the transaction that writes the operation and may refuse it:
    a check that must hold at that very moment (no other withdrawal open at this mint),
    which no other process can change before the row exists.
    """
    op_id = journal.new_id()

    def prepare(session: Session) -> tuple[Operation, Any]:
        if guard is not None:
            guard(session)
        # Chosen in an earlier transaction: taken only if every one is still unspent.
        journal.take_unspent(session, list(own_row_ids), "pending", spent_op_id=op_id)
        rows = list(session.scalars(select(ProofRow).where(ProofRow.id.in_(list(own_row_ids)))))
        inputs = [journal.proof_from_row(r) for r in rows] + list(foreign_inputs)
        input_fee = fee_for_proofs(inputs, coins.fee_table(session, mint_id)[0])
        total = sum(p.amount for p in inputs)
        blanks = blank_outputs_for_overshoot(total, quote.amount, input_fee, quote.fee_reserve)
        keyset = stored_output_keyset(session, mint_id, unit)
        start = journal.reserve_counters(session, keyset.id, blanks) if blanks else None
        outputs = build_outputs(ctx.seed, keyset.id, [1] * blanks, start)
        op = Operation(
            id=op_id,
            kind="melt",
            state="pending",
            step="prepared",
            next_retry_at=journal.lease(),
            mint_id=mint_id,
            unit=unit,
            keyset_id=keyset.id,
            counter_start=start,
            counter_count=blanks,
            output_amounts_json=json.dumps([1] * blanks),
            inputs_json=journal.proofs_json(inputs),
            input_amount=total,
            fee=input_fee,
            quote_id=quote.quote,
            received_token_id=received_token_id,
            correlation_id=correlation_id,
            details_json=json.dumps(
                {
                    "invoice": quote.request,
                    "amount": quote.amount,
                    "fee_reserve": quote.fee_reserve,
                    **(details or {}),
                }
            ),
        )
        session.add(op)
        session.flush()
        journal.lock_inputs(session, op_id, [crypto.y_of_secret(p.secret) for p in inputs])
        if received_token_id is not None:
            journal.mark_received(session, received_token_id, "processing")
        return op, outputs

    op, outputs = await ctx.db.run(prepare)
    url = await ctx.db.run(lambda s: s.get(Mint, mint_id).url)
    client = ctx.mints.client(url)
    try:
        answer = await client.melt(
            quote.quote, journal.proofs_from_json(op.inputs_json), outputs.messages
        )
    except MintError as exc:
        # Refused in words: the payment may have failed cleanly or be stuck; the quote
        # and the inputs decide (a failure to ask them leaves it to recovery).
        await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, op_id, e))
        result = await _settle_or_wait(ctx, op_id, None)
        if result.state == "failed":
            raise exc from None
        return result
    except PosError as exc:
        # No readable answer (dropped, timed out, 5xx, garbage): paid or not is unknown.
        await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, op_id, e))
        ctx.bus.publish(OperationChanged(op_id, "melt", "pending", exc.code))
        raise
    fault_point("after_melt")
    await ctx.db.run(lambda s: journal.mark_sent(s, op_id))
    result = await _settle_or_wait(ctx, op_id, answer)
    if result.state == "failed":
        raise MintError(
            "mint.lightning_failed",
            "The mint did not pay the Lightning invoice; nothing was spent.",
            f"melt {quote.quote} answered {answer.state}, inputs unspent",
        )
    return result


async def _settle_or_wait(ctx: WalletContext, op_id: str, answer: MeltQuote | None) -> MeltResult:
    """Settle on ``answer`` (None: ask the quote); a failure to finish leaves it pending.

    A mint that cannot be reached is raised (the caller says so); any other failure
    while checking inputs or fetching change keeps the operation open for recovery.
    """
    try:
        if answer is None:
            return await resolve_melt(ctx, op_id)
        return await settle_melt(ctx, op_id, answer)
    except NetworkError:
        raise
    except PosError as exc:
        log.warning("melt %s not settled yet: %s %s", op_id, exc.code, exc.detail)
        await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, op_id, e))
        ctx.bus.publish(OperationChanged(op_id, "melt", "pending", exc.code))
        return await _result(ctx, op_id, "pending")


async def settle_melt(
    ctx: WalletContext, op_id: str, answer: MeltQuote, *, recovered: bool = False
) -> MeltResult:
    """Act on the mint's view of a quote: finish if paid, wait if pending, else check inputs.

    Any state but ``PAID`` and ``PENDING`` (``UNPAID``, or one this app does not know)
    counts as not paid.
    """
    if answer.state == "PAID":
        return await complete_melt(ctx, op_id, answer, recovered=recovered)
    if answer.state == "PENDING":
        return await _result(ctx, op_id, "pending")
    return await _release_if_unspent(ctx, op_id, answer)


async def resolve_melt(ctx: WalletContext, op_id: str, *, recovered: bool = False) -> MeltResult:
    """Recovery of a melt: ask the quote state and act on it."""
    op, url = await ctx.db.run(lambda s: journal.operation_and_mint(s, op_id))
    answer = await ctx.mints.client(url).melt_quote_state(op.quote_id)
    return await settle_melt(ctx, op_id, answer, recovered=recovered)


async def _release_if_unspent(ctx: WalletContext, op_id: str, answer: MeltQuote) -> MeltResult:
    op, url = await ctx.db.run(lambda s: journal.operation_and_mint(s, op_id))
    inputs = journal.proofs_from_json(op.inputs_json)
    ys = await ctx.cpu(len(inputs), lambda: [crypto.y_of_secret(p.secret) for p in inputs])
    states = await ctx.mints.client(url).checkstate(ys)
    if states and all(s.state == "UNSPENT" for s in states):
        err = MintError(
            "mint.lightning_failed",
            "The Lightning payment failed; nothing was spent.",
            f"quote {answer.quote} {answer.state}",
        )
        await ctx.db.run(lambda s: journal.fail_operation(s, op_id, err))
        ctx.bus.publish(OperationChanged(op_id, "melt", "failed", err.code))
        return await _result(ctx, op_id, "failed")
    return await _result(ctx, op_id, "pending")


async def complete_melt(
    ctx: WalletContext, op_id: str, answer: MeltQuote, *, recovered: bool = False
) -> MeltResult:
    """Store the change of a paid melt and close it in one transaction."""
    op, url = await ctx.db.run(lambda s: journal.operation_and_mint(s, op_id))
    outputs = (
        await ctx.cpu(op.counter_count, journal.rebuild_outputs, ctx.seed, op)
        if op.counter_count
        else None
    )
    change: Sequence[BlindSignature] = answer.change
    indexes = list(range(len(change)))
    if outputs is not None and not change:
        pairs = await ctx.mints.client(url).restore(outputs.messages)
        indexes, change = match_restored(outputs, pairs)
    proofs = []
    counters: list[int | None] = []
    refused: PosError | None = None
    if outputs is not None and change:
        keyset = await ctx.db.run(lambda s: keyset_from_row(s.get(KeysetRow, outputs.keyset_id)))
        try:
            result = await ctx.cpu(
                len(change), lambda: unblind(outputs, change, keyset, indexes=indexes, blank=True)
            )
            proofs, counters = list(result.proofs), list(result.counters)
        except (ProtocolError, SecurityError) as exc:
            # The invoice is paid; only the change is badly signed. It is not credited
            # (it would be worthless), the melt closes, and the owner is told.
            refused = exc
            log.warning("change of melt %s refused: %s %s", op_id, exc.code, exc.detail)

    def write(session: Session) -> tuple[str, str]:
        row = session.get(Operation, op_id)
        mint = session.get(Mint, row.mint_id)
        journal.insert_proofs(
            session,
            mint_id=row.mint_id,
            unit=row.unit,
            proofs=proofs,
            counters=counters,
            origin="change",
            op_id=op_id,
        )
        spent = list(session.scalars(select(ProofRow.id).where(ProofRow.spent_op_id == op_id)))
        journal.set_proof_state(session, spent, "spent")
        row.state = "recovered" if recovered else "done"
        row.step = "done"
        change_total = sum(p.amount for p in proofs)
        row.result_json = json.dumps(
            {"change": change_total, "preimage": answer.payment_preimage, "state": "PAID"}
        )
        row.updated_at = now()
        journal.mark_received(session, row.received_token_id, "redeemed")
        if refused is not None:
            journal.audit(
                session,
                "security.bad_signatures",
                op_id,
                {"code": refused.code, "what": "melt change"},
                correlation_id=row.correlation_id,
            )
            record_error(session, refused, operation_id=op_id)
        journal.audit(
            session,
            "melt.done",
            op_id,
            {"amount": answer.amount, "change": change_total, "mint": mint.url},
            correlation_id=row.correlation_id,
        )
        return mint.url, row.unit

    url, unit = await ctx.db.run(write)
    if refused is not None:
        ctx.bus.publish(
            Notification(
                "critical",
                "Mint sent bad change",
                f"{url} paid a Lightning invoice but signed its change wrongly "
                f"({refused.code}); the change was not kept. Check this mint with its operator.",
                kind="security",
                data={"operation_id": op_id, "url": url},
            )
        )
    ctx.bus.publish(BalanceChanged(url, unit))
    ctx.bus.publish(OperationChanged(op_id, "melt", "recovered" if recovered else "done"))
    return await _result(ctx, op_id, "paid")


async def _result(ctx: WalletContext, op_id: str, state: str) -> MeltResult:
    def read(session: Session) -> MeltResult:
        op = session.get(Operation, op_id)
        details = json.loads(op.details_json)
        result = json.loads(op.result_json or "{}")
        return MeltResult(
            operation_id=op_id,
            state=state,
            mint=session.get(Mint, op.mint_id).url,
            unit=op.unit,
            amount=details["amount"],
            fee_reserve=details["fee_reserve"],
            input_fee=op.fee,
            inputs_total=op.input_amount,
            change=result.get("change", 0),
            preimage=result.get("preimage"),
        )

    return await ctx.db.run(read)


def _invoice_sats(invoice: str) -> int:
    """The invoice's amount in whole sats (rounded up), 1 when it cannot be read here.

    Only chooses the mint: the mint's quote is what the payment is checked against.
    """
    import bolt11  # with bitstring, 30 ms of every start: loaded for an invoice only

    try:
        msat = bolt11.decode(invoice).amount_msat
    except Exception:  # third-party decoder on outside input: the mint's quote will say why
        return 1
    return -(-int(msat) // 1000) if msat else 1
