"""Sending / exporting ecash: pick coins, swap to the exact amount when needed, emit a V4 token.

The token's face value is the amount asked for; whoever redeems it pays the
mint's input fee, as with any Cashu token. A token locked to a recipient's key
(NUT-11) always needs a swap, since the locked secrets must be signed anew.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu import p2pk
from pos_app.core.cashu.amounts import split_with_keyset
from pos_app.core.cashu.models import Proof, Token, check_point
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.errors import (
    NetworkError,
    PosError,
    ProtocolError,
    SecurityError,
    ValidationError,
)
from pos_app.core.events import BalanceChanged, OperationChanged
from pos_app.core.faults import fault_point
from pos_app.core.store import schema
from pos_app.core.store.schema import Export, KeysetRow, Mint, Operation, ProofRow, now
from pos_app.core.wallet import coins, journal
from pos_app.core.wallet.answers import bad_answer
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.exportfile import write_export_files
from pos_app.core.wallet.mints import keyset_from_row, mint_row, stored_output_keyset
from pos_app.core.wallet.outputs import Outputs, build_outputs, random_secret_pair, unblind


@dataclass(frozen=True, slots=True)
class SendResult:
    """A token the shop handed out."""

    token: str
    amount: int
    mint: str
    unit: str
    fee: int
    export_id: int
    file: str | None = None
    qr_file: str | None = None
    locked_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet send``."""
        out: dict[str, Any] = {
            "token": self.token,
            "amount": self.amount,
            "mint": self.mint,
            "unit": self.unit,
            "fee": self.fee,
            "file": self.file,
        }
        if self.qr_file:
            out["qr_file"] = self.qr_file
        if self.locked_to:
            out["locked_to"] = self.locked_to
        return out


def _check_lock(lock: str | None) -> str | None:
    if lock is None:
        return None
    try:
        return check_point(lock.strip().lower(), "lock", "send.invalid_lock")
    except ValidationError as exc:
        raise ValidationError(
            "send.invalid_lock",
            "The public key to lock to is not valid (66 hex characters).",
            exc.detail,
        ) from exc


@dataclass(frozen=True, slots=True)
class SendRequest:
    """What to export, resolved against the store."""

    mint_id: int
    url: str
    unit: str
    amount: int
    lock: str | None = None
    purpose: str = "export"
    memo: str | None = None
    out: Path | None = None
    qr: bool = False
    correlation_id: str | None = None
    refund_id: str | None = None


def link_refund(session: Session, refund_id: str | None, export: Export, op_id: str | None) -> None:
    """Record the token on the refund it pays (``refunds`` row), in the export's transaction.

    The journal carries the refund's id, so recovery finishing the send completes the
    refund too: the refund is never lost nor made twice.
    """
    if refund_id is None:
        return
    from pos_app.core.payments.refund_records import complete_refund  # payments -> wallet

    complete_refund(session, refund_id, export, op_id)


async def send(
    ctx: WalletContext,
    mint_url: str | None,
    unit: str,
    amount: int,
    *,
    lock: str | None = None,
    out: Path | None = None,
    qr: bool = False,
    purpose: str = "export",
    memo: str | None = None,
    correlation_id: str | None = None,
    refund_id: str | None = None,
) -> SendResult:
    """Make a V4 token of exactly ``amount`` from the shop's coins at one mint.

    ``mint_url`` None: the first trusted mint, in the shop's order, that holds ``amount``.
    ``refund_id``: the ``refunds`` row (state ``making``) this token pays; it is linked to
    the export in the export's own transaction (also when recovery finishes the swap), and
    failed with the operation when nothing was sent.

    Raises:
        PosError: ``wallet.insufficient_funds``, ``mint.unknown``, ``send.invalid_lock``,
            ``mint.unreachable`` (nothing is lost: recovery finishes or releases the swap).
    """
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError(
            "amount.invalid", "The amount must be a positive whole number.", str(amount)
        )
    lock = _check_lock(lock)

    op_id = journal.new_id()

    def take(session: Session) -> _Taken:
        # Choosing the coins and taking them is one transaction: the coins read are
        # locked (on the shared store) until they are marked taken.
        url = mint_url or coins.first_trusted_mint(session, unit, amount)
        row = mint_row(session, url)
        if row is None:
            raise ValidationError("mint.unknown", "This mint is not in the shop's list.", url)
        req = SendRequest(
            row.id, row.url, unit, amount, lock, purpose, memo, out, qr, correlation_id, refund_id
        )
        if lock is None:
            exact = coins.exact_stored(session, row.id, unit, amount)
            if exact is not None:  # no swap needed
                return _Taken(req, *_write_export(session, req, exact))
        fees, inactive = coins.fee_table(session, row.id)
        selected, fee = coins.select_coins(
            session, row.id, unit, amount, fees, prefer_inactive=inactive
        )
        swap = _prepare_swap(session, req, selected, fee, op_id=op_id, seed=ctx.seed)
        return _Taken(req, fee=fee, swap=swap)

    return await _finish(ctx, await ctx.db.run(take))


async def send_all(
    ctx: WalletContext, mint_url: str, unit: str, *, memo: str | None = None
) -> SendResult:
    """Export every unspent coin of one mint and unit as one token, as stored (no swap, no fee).

    Raises:
        PosError: ``mint.unknown``, ``wallet.insufficient_funds`` (nothing to export).
    """

    def take(session: Session) -> _Taken:
        row = mint_row(session, mint_url)
        if row is None:
            raise ValidationError("mint.unknown", "This mint is not in the shop's list.", mint_url)
        held = coins.spendable(session, row.id, unit)
        if not held:
            raise ValidationError(
                "wallet.insufficient_funds",
                f"The shop holds no {unit} at this mint.",
                f"{row.url} {unit}",
                data={"needed": 1},
            )
        req = SendRequest(row.id, row.url, unit, sum(c.amount for c in held), memo=memo)
        return _Taken(req, *_write_export(session, req, held))

    return await _finish(ctx, await ctx.db.run(take))


@dataclass(frozen=True, slots=True)
class _Taken:
    """What a send's transaction took: a token made of stored coins, or a swap to make."""

    req: SendRequest
    export_id: int | None = None
    text: str = ""
    fee: int = 0
    swap: tuple[Operation, Outputs] | None = None


async def _finish(ctx: WalletContext, taken: _Taken) -> SendResult:
    if taken.swap is None:
        ctx.bus.publish(BalanceChanged(taken.req.url, taken.req.unit))
        return await _finish_files(ctx, taken.req, taken.export_id, taken.text, fee=0)
    return await _swap(ctx, taken.req, *taken.swap, fee=taken.fee)


def _write_export(session: Session, req: SendRequest, picked: list[coins.Coin]) -> tuple[int, str]:
    """Export stored coins as they are (no swap): the token and its ``exports`` row."""
    ids = [c.row_id for c in picked]
    rows = list(session.scalars(select(ProofRow).where(ProofRow.id.in_(ids))))
    proofs = [journal.proof_from_row(r) for r in rows]
    text = serialize_token_v4(
        Token(mint=req.url, unit=req.unit, proofs=tuple(proofs), memo=req.memo)
    )
    export = Export(
        token_text=text,
        mint_id=req.mint_id,
        unit=req.unit,
        amount=sum(p.amount for p in proofs),
        purpose=req.purpose,
    )
    session.add(export)
    session.flush()
    journal.take_unspent(session, ids, "exported", export_id=export.id)
    journal.audit(
        session,
        "send.done",
        str(export.id),
        {"amount": export.amount, "swap": False},
        correlation_id=req.correlation_id,
    )
    link_refund(session, req.refund_id, export, None)
    return export.id, text


def _prepare_swap(
    session: Session,
    req: SendRequest,
    selected: list[coins.Coin],
    fee: int,
    *,
    op_id: str,
    seed: bytes,
) -> tuple[Operation, Outputs]:
    """Take the coins and journal the swap to the exact amount (and change) before it is sent."""
    total = sum(c.amount for c in selected)
    keyset = stored_output_keyset(session, req.mint_id, req.unit)
    send_amounts = split_with_keyset(req.amount, keyset.keys)
    change = total - fee - req.amount
    keep_amounts = split_with_keyset(change, keyset.keys) if change else []
    # Ascending order, so the mint cannot tell the payment from the change.
    tagged = sorted([(a, True) for a in send_amounts] + [(a, False) for a in keep_amounts])
    amounts = [a for a, _ in tagged]
    send_idx = [i for i, (_, is_send) in enumerate(tagged) if is_send]
    explicit: dict[int, tuple[str, bytes]] = {}
    if req.lock is not None:
        for i in send_idx:
            nonce, r = random_secret_pair()
            explicit[i] = (p2pk.make_p2pk_secret(req.lock, nonce=nonce), r)
    derived = len(amounts) - len(explicit)
    start = journal.reserve_counters(session, keyset.id, derived) if derived else None
    outputs = build_outputs(seed, keyset.id, amounts, start, explicit)
    ids = [c.row_id for c in selected]
    journal.take_unspent(session, ids, "pending", spent_op_id=op_id)
    rows = list(session.scalars(select(ProofRow).where(ProofRow.id.in_(ids))))
    inputs = [journal.proof_from_row(r) for r in rows]
    op = Operation(
        id=op_id,
        kind="send",
        state="pending",
        step="prepared",
        next_retry_at=journal.lease(),
        mint_id=req.mint_id,
        unit=req.unit,
        keyset_id=keyset.id,
        counter_start=start,
        counter_count=derived,
        output_amounts_json=json.dumps(amounts),
        inputs_json=journal.proofs_json(inputs),
        input_amount=total,
        fee=fee,
        correlation_id=req.correlation_id,
        details_json=json.dumps(
            {
                "send_indexes": send_idx,
                "explicit": journal.explicit_json(explicit),
                "lock": req.lock,
                "purpose": req.purpose,
                "memo": req.memo,
                "amount": req.amount,
                "refund_id": req.refund_id,
            }
        ),
    )
    session.add(op)
    session.flush()
    journal.lock_inputs(session, op_id, [r.y for r in rows])
    if req.refund_id is not None:  # the refund names the operation that pays it
        refund = session.get(schema.Refund, req.refund_id)
        refund.operation_id = op_id
        refund.updated_at = now()
    return op, outputs


async def _swap(
    ctx: WalletContext, req: SendRequest, op: Operation, outputs: Outputs, *, fee: int
) -> SendResult:
    op_id = op.id
    client = ctx.mints.client(req.url)
    inputs = journal.proofs_from_json(op.inputs_json)
    try:
        signatures = await client.swap(inputs, outputs.messages)
    except NetworkError as exc:
        await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, op_id, e))
        ctx.bus.publish(OperationChanged(op_id, "send", "pending", exc.code))
        raise
    except ProtocolError as exc:  # an answer we cannot read may still have spent the inputs
        await bad_answer(ctx, op, inputs, exc)
        raise
    except PosError as exc:
        await ctx.db.run(lambda s, e=exc: journal.fail_operation(s, op_id, e))
        ctx.bus.publish(OperationChanged(op_id, "send", "failed", exc.code))
        raise
    fault_point("after_send_swap")
    try:
        export_id, text = await complete_send(ctx, op_id, outputs, signatures)
    except (ProtocolError, SecurityError) as exc:
        await bad_answer(ctx, op, inputs, exc)
        raise
    return await _finish_files(ctx, req, export_id, text, fee=fee)


async def complete_send(
    ctx: WalletContext,
    op_id: str,
    outputs: Outputs,
    signatures: Any,
    *,
    indexes: list[int] | None = None,
    recovered: bool = False,
) -> tuple[int | None, str]:
    """Store the change, mark the sent proofs exported, record the token; one transaction.

    A sweep's operation has no send outputs: its coins are all kept and no token (no
    export, id None) is made.
    """
    keyset = await ctx.db.run(lambda s: keyset_from_row(s.get(KeysetRow, outputs.keyset_id)))
    result = await ctx.cpu(
        len(signatures), lambda: unblind(outputs, signatures, keyset, indexes=indexes)
    )
    positions = list(range(len(outputs))) if indexes is None else list(indexes)

    def write(session: Session) -> tuple[int | None, str, str, str]:
        op = session.get(Operation, op_id)
        mint = session.get(Mint, op.mint_id)
        details = json.loads(op.details_json)
        send_idx = set(details["send_indexes"])
        sent: list[tuple[Proof, int | None]] = []
        kept: list[tuple[Proof, int | None]] = []
        for p, c, i in zip(result.proofs, result.counters, positions, strict=True):
            (sent if i in send_idx else kept).append((p, c))
        sent_proofs = tuple(p for p, _ in sent)
        # No send outputs: a sweep (wallet/sweep.py) that keeps every coin and makes no token.
        export, text = None, ""
        if send_idx:
            text = serialize_token_v4(
                Token(mint=mint.url, unit=op.unit, proofs=sent_proofs, memo=details.get("memo"))
            )
            export = Export(
                token_text=text,
                mint_id=op.mint_id,
                unit=op.unit,
                amount=sum(p.amount for p in sent_proofs),
                locked_to=details.get("lock"),
                purpose=details.get("purpose", "export"),
            )
            session.add(export)
            session.flush()
            link_refund(session, details.get("refund_id"), export, op_id)
        journal.insert_proofs(
            session,
            mint_id=op.mint_id,
            unit=op.unit,
            proofs=[p for p, _ in kept],
            counters=[c for _, c in kept],
            origin="change",
            op_id=op_id,
        )
        if export is not None:
            journal.insert_proofs(
                session,
                mint_id=op.mint_id,
                unit=op.unit,
                proofs=sent_proofs,
                counters=[c for _, c in sent],
                origin="send",
                op_id=op_id,
                state="exported",
                export_id=export.id,
            )
        spent = list(session.scalars(select(ProofRow.id).where(ProofRow.spent_op_id == op_id)))
        journal.set_proof_state(session, spent, "spent")
        op.state = "recovered" if recovered else "done"
        op.step = "done"
        export_id = export.id if export is not None else None
        amount = export.amount if export is not None else 0
        op.export_id = export_id
        outcome: dict[str, Any] = {"export_id": export_id, "amount": amount}
        if export is None:
            outcome["kept"] = sum(p.amount for p, _ in kept)
        op.result_json = json.dumps(outcome)
        op.updated_at = now()
        journal.audit(
            session,
            "send.done" if export is not None else "sweep.done",
            str(export_id) if export is not None else op_id,
            {"amount": amount, "fee": op.fee, "swap": True},
            correlation_id=op.correlation_id,
        )
        return export_id, text, mint.url, op.unit

    export_id, text, url, unit = await ctx.db.run(write)
    ctx.bus.publish(BalanceChanged(url, unit))
    ctx.bus.publish(OperationChanged(op_id, "send", "recovered" if recovered else "done"))
    return export_id, text


async def _finish_files(
    ctx: WalletContext, req: SendRequest, export_id: int, text: str, *, fee: int
) -> SendResult:
    file = qr_file = None
    if req.out is not None:
        # A USB stick can be slow: the write (with its fsyncs) must not hold the event loop.
        file, qr_file = await asyncio.get_running_loop().run_in_executor(
            None,
            partial(
                write_export_files,
                req.out,
                text,
                amount=req.amount,
                unit=req.unit,
                mint_url=req.url,
                qr=req.qr,
                training=ctx.training,
            ),
        )

        def record(session: Session) -> None:
            session.get(Export, export_id).file_path = str(file)

        await ctx.db.run(record)
    return SendResult(
        token=text,
        amount=req.amount,
        mint=req.url,
        unit=req.unit,
        fee=fee,
        export_id=export_id,
        file=str(file) if file else None,
        qr_file=str(qr_file) if qr_file else None,
        locked_to=req.lock,
    )
