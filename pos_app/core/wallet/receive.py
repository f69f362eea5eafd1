"""Receiving a customer's token: check everything offline, then swap it into fresh NUT-13 outputs.

``plan_receive`` does every check that needs no spending (trust, keysets, DLEQ,
P2PK lock, fees) and may fetch keysets; ``execute_receive`` journals and swaps.
The sales engine checks its fee caps between the two, so a refused token is
never spent.

The swap's answer is checked before anything is credited
(:func:`~pos_app.core.wallet.outputs.unblind`):

=========================================  ================================  ===============
answer to ``POST /v1/swap``                raised                            operation
=========================================  ================================  ===============
one correct signature per output           (none: proofs stored)             done
fewer or more signatures than outputs      ``mint.bad_response``             pending
an amount other than the output's          ``mint.bad_response``             pending
a signature of another keyset              ``mint.wrong_keyset``             pending
no DLEQ, or a DLEQ that fails              ``mint.dleq_missing``/``_invalid``  pending
a body that is not the protocol            ``mint.bad_response``             pending
dropped connection, timeout, 5xx           ``mint.unreachable``/``timeout``  pending
refusal (4xx) on the first attempt         the mint's code                   failed
=========================================  ================================  ===============

A refused answer is recorded with the inputs' NUT-07 states (:mod:`answers`)
and the operation stays open: recovery re-sends the swap when the inputs are
unspent, or restores our outputs' signatures (checked again) when they are spent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from pos_app.core.cashu import crypto, p2pk
from pos_app.core.cashu.amounts import split_with_keyset
from pos_app.core.cashu.keysets import fee_for_proofs, resolve_keyset_id
from pos_app.core.cashu.models import Keyset, Proof, Token
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errorlog import record_error
from pos_app.core.errors import (
    NetworkError,
    PosError,
    ProtocolError,
    SecurityError,
    ValidationError,
)
from pos_app.core.events import BalanceChanged, OperationChanged
from pos_app.core.faults import fault_point
from pos_app.core.mint.client import normalize_url
from pos_app.core.mint.models import MintInfo
from pos_app.core.store.db import must_retry
from pos_app.core.store.pg_errors import store_lost
from pos_app.core.store.schema import KeysetRow, Mint, Operation, ReceivedToken, now
from pos_app.core.wallet import check, journal
from pos_app.core.wallet.answers import bad_answer
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import keyset_from_row, mint_row, output_keyset
from pos_app.core.wallet.outputs import Outputs, build_outputs, unblind

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReceivePlan:
    """A checked token, ready to swap."""

    token_id: int
    token: Token
    mint_id: int
    mint_url: str
    trusted: bool
    inputs: tuple[Proof, ...]
    fee: int
    output_keyset: Keyset
    locked: bool = False
    sig_all: bool = False
    keysets: dict[str, Keyset] = field(default_factory=dict)
    # Secret -> Y (compressed hex) of the inputs whose DLEQ was checked: hash_to_curve is
    # done once per input, for the check and for the journal's input locks.
    ys: dict[str, str] = field(default_factory=dict)

    @property
    def amount(self) -> int:
        """Face value of the token."""
        return sum(p.amount for p in self.inputs)

    @property
    def net(self) -> int:
        """What the wallet gains: face value minus the mint's input fee."""
        return self.amount - self.fee

    @property
    def unit(self) -> str:
        """The token's unit."""
        return self.token.unit


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    """What a finished receive added to the wallet."""

    operation_id: str
    mint: str
    unit: str
    amount: int
    fee: int
    proofs: int
    warnings: tuple[str, ...] = ()
    # What a ``with_completion`` hook returned (None when there was none or it failed).
    completion: Any = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet receive``."""
        out: dict[str, Any] = {
            "amount": self.amount,
            "fee": self.fee,
            "mint": self.mint,
            "unit": self.unit,
            "proofs": self.proofs,
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


@dataclass(frozen=True, slots=True)
class KnownMint:
    """What the store knows of a token's mint; planning reads nothing else of it."""

    id: int | None  # None: not in the store yet
    url: str
    trusted: bool
    info_json: str | None = None
    keysets: tuple[Keyset, ...] = ()


# Read at every payment: built once, on the tables, for the columns planning reads (the
# ORM's whole rows and their statements cost several times running them).
_MINTS = Mint.__table__
_KNOWN_MINT = select(_MINTS.c.id, _MINTS.c.url, _MINTS.c.trusted, _MINTS.c.info_json).where(
    _MINTS.c.url == bindparam("url")
)
_KEYSETS = KeysetRow.__table__
_MINT_KEYSETS = select(
    _KEYSETS.c.id,
    _KEYSETS.c.unit,
    _KEYSETS.c.active,
    _KEYSETS.c.input_fee_ppk,
    _KEYSETS.c.final_expiry,
    _KEYSETS.c.keys_json,
).where(_KEYSETS.c.mint_id == bindparam("mint_id"))


def known_mint(session: Session, url: str) -> KnownMint:
    """The stored mint of ``url`` (normalised) with its keysets."""
    row = session.execute(_KNOWN_MINT, {"url": normalize_url(url)}).first()
    if row is None:
        return KnownMint(None, url, False)
    keysets = tuple(keyset_from_row(k) for k in session.execute(_MINT_KEYSETS, {"mint_id": row.id}))
    return KnownMint(row.id, row.url, row.trusted, row.info_json, keysets)


async def refuse(ctx: WalletContext, token_id: int | None, exc: PosError) -> PosError:
    """Record why a stored token was refused (it stays stored) and return the error.

    A lost database server is not the token's fault: nothing is recorded (what came
    before may not even be saved, as a journal entry whose COMMIT was lost).
    """
    if not store_lost(exc):
        await ctx.db.run(lambda s: record_refusal(s, token_id, exc))
    return exc


def record_refusal(session: Session, token_id: int | None, exc: PosError) -> PosError:
    """:func:`refuse` in the caller's transaction."""
    journal.mark_received(session, token_id, "rejected", exc.code)
    journal.audit(session, "token.rejected", str(token_id), {"code": exc.code})
    record_error(session, exc)
    return exc


async def store_token(
    ctx: WalletContext, text: str, source: str, token: Token | None = None
) -> int:
    """Keep the scanned text before anything else happens.

    ``token``, the text already parsed, has its mint, unit and amount stored along: the
    planning step then has nothing to write (each write is a disk flush).
    """
    return await ctx.db.run(lambda s: journal.store_received(s, text, source, token))


async def plan_receive(
    ctx: WalletContext,
    text: str,
    *,
    source: str = "cli",
    token_id: int | None = None,
    require_trusted: bool = True,
    offline: bool = False,
    token: Token | None = None,
    mint: KnownMint | None = None,
) -> ReceivePlan:
    """Check a token without spending it.

    Args:
        ctx: wallet dependencies.
        text: the token as scanned or pasted.
        source: where it came from (``scan``, ``paste``, ``cli``...), for the record.
        token_id: an already stored received-token row (recovery, sales).
        require_trusted: refuse tokens of untrusted mints before any contact with them.
        offline: plan without contacting the mint (it is down): only stored keys are
            used, and every proof must carry a valid DLEQ and be P2PK-locked to the shop.
        token: ``text`` already parsed by the caller (it is not parsed again).
        mint: :func:`known_mint` of the token's mint, read by a caller that stored the
            token (``token_id``, with ``token``) in that same transaction: the store is
            then not read again.

    Raises:
        PosError: ``token.invalid``, ``mint.untrusted``, ``keyset.unknown``,
            ``token.dleq_invalid``, ``p2pk.*``, ``fee.too_high``, ``mint.unreachable``...
            The token stays stored in every case.
    """
    bad_text: PosError | None = None
    if token is None:
        try:
            token = parse_token(text)
        except PosError as exc:
            bad_text = exc
    if token_id is None:
        token_id = await store_token(ctx, text, source, token)
    if bad_text is not None:
        raise await refuse(ctx, token_id, bad_text) from bad_text
    facts = journal.token_facts(token)

    def lookup(session: Session) -> KnownMint:
        stored = session.get(ReceivedToken, token_id)
        if (
            stored is None
            or (stored.state, stored.error_code) != ("received", None)
            or any(getattr(stored, key) != value for key, value in facts.items())
        ):  # written only when it changes: a read-only transaction needs no disk flush
            journal.mark_received(session, token_id, "received", **facts)
        return known_mint(session, token.mint)

    known = mint if mint is not None else await ctx.db.run(lookup)
    mint_id, trusted, mint_url = known.id, known.trusted, known.url
    if require_trusted and not trusted:
        raise await refuse(
            ctx,
            token_id,
            ValidationError(
                "mint.untrusted",
                "This token is from a mint the shop does not accept. Ask the customer to pay "
                "with ecash from one of the shop's mints.",
                token.mint,
                data={"mint": token.mint},
            ),
        )
    if mint_id is None:
        mint_id = await ctx.db.run(lambda s: _add_untrusted(s, token.mint))
    try:
        return await _plan_checked(
            ctx,
            token_id,
            token,
            mint_id=mint_id,
            mint_url=mint_url,
            trusted=trusted,
            info_json=known.info_json,
            offline=offline,
            stored=known.keysets,
        )
    except NetworkError:
        raise
    except PosError as exc:
        raise await refuse(ctx, token_id, exc) from exc


def _add_untrusted(session: Session, url: str) -> int:
    row = Mint(url=url, trusted=False)
    session.add(row)
    session.flush()
    return row.id


async def _plan_checked(
    ctx: WalletContext,
    token_id: int,
    token: Token,
    *,
    mint_id: int,
    mint_url: str,
    trusted: bool,
    info_json: str | None,
    offline: bool = False,
    stored: Sequence[Keyset] = (),
) -> ReceivePlan:
    keysets = {k.id: k for k in stored}
    need_sync = _needs_keys(token, keysets)
    if offline and need_sync:
        raise ValidationError(
            "offline.keys_unknown",
            "The mint is offline and the shop does not know the keys of this token yet.",
            f"keysets {token.keyset_ids}",
        )
    synced = need_sync or not output_keyset(keysets.values(), token.unit)
    if synced:
        keysets = {k.id: k for k in await ctx.mints.sync_keysets(mint_id, mint_url)}
    mapping = {pid: resolve_keyset_id(pid, keysets) for pid in token.keyset_ids}
    if synced:  # the stored ones were read for this mint only; fetched ones are checked
        await ctx.db.run(lambda s: _check_keyset_owner(s, mint_id, mapping.values()))
    return await ctx.cpu(
        len(token.proofs),
        lambda: _checked_plan(
            ctx,
            token_id,
            token,
            keysets,
            mapping,
            mint_id=mint_id,
            mint_url=mint_url,
            trusted=trusted,
            info_json=info_json,
            offline=offline,
        ),
    )


def plan_stored(
    ctx: WalletContext, token_id: int, token: Token, mint: KnownMint
) -> ReceivePlan | None:
    """The checks of :func:`plan_receive` with the stored keys alone, in the caller's thread.

    The sales engine runs them inside the transaction that records the payment, so the
    payment, its checks and the journal entry cost one disk flush. None when the keys
    must be fetched first, or the mint is not a stored trusted one: plan as usual then.

    Raises:
        PosError: the token fails a check (the caller records it: :func:`record_refusal`).
    """
    if mint.id is None or not mint.trusted:
        return None
    keysets = {k.id: k for k in mint.keysets}
    if _needs_keys(token, keysets) or not output_keyset(keysets.values(), token.unit):
        return None
    mapping = {pid: resolve_keyset_id(pid, keysets) for pid in token.keyset_ids}
    return _checked_plan(
        ctx,
        token_id,
        token,
        keysets,
        mapping,
        mint_id=mint.id,
        mint_url=mint.url,
        trusted=True,
        info_json=mint.info_json,
    )


def _needs_keys(token: Token, keysets: dict[str, Keyset]) -> bool:
    """Whether a keyset the token names, or its keys, is missing from ``keysets``."""
    try:
        resolved = [resolve_keyset_id(pid, keysets) for pid in token.keyset_ids]
    except ValidationError:
        return True
    return any(not keysets[r].keys for r in resolved)


def _checked_plan(
    ctx: WalletContext,
    token_id: int,
    token: Token,
    keysets: dict[str, Keyset],
    mapping: dict[str, str],
    *,
    mint_id: int,
    mint_url: str,
    trusted: bool,
    info_json: str | None,
    offline: bool = False,
) -> ReceivePlan:
    """Every check that needs neither the store nor the network (DLEQ included): CPU only."""
    inputs = tuple(replace(p, id=mapping[p.id]) for p in token.proofs)
    for ks_id in set(mapping.values()):
        if keysets[ks_id].unit != token.unit:
            raise ValidationError(
                "unit.mismatch",
                f"This token says {token.unit} but its coins are in {keysets[ks_id].unit}.",
                f"keyset {ks_id} unit {keysets[ks_id].unit}",
            )
    if len({p.secret for p in inputs}) != len(inputs):
        raise ValidationError(
            "token.invalid", "This token contains the same coin twice.", "duplicate secrets"
        )
    for p in inputs:
        if p.amount not in keysets[p.id].keys:
            raise ValidationError(
                "token.invalid",
                "This token has a coin of an impossible value.",
                f"amount {p.amount}",
            )
        if offline and p.dleq is None:
            raise ValidationError(
                "offline.no_dleq",
                "The mint is offline and this token carries no proof of authenticity (DLEQ).",
                f"a {p.amount} proof has no DLEQ",
            )
    ys: dict[str, str] = {}
    bad = _first_bad_dleq(inputs, keysets, ys)
    if bad is not None:
        raise SecurityError(
            "token.dleq_invalid",
            "This token failed its authenticity check and was not accepted. Ask the "
            "customer for a new token.",
            f"DLEQ of a {bad.amount} proof in keyset {bad.id} does not verify",
        )

    locked, sig_all = _check_locks(ctx, inputs, info_json)
    if offline and not locked:
        raise ValidationError(
            "offline.not_locked",
            "The mint is offline. Only tokens locked to the shop's key can be accepted now.",
            "plain secrets",
        )
    fee = fee_for_proofs(inputs, {k: v.input_fee_ppk for k, v in keysets.items()})
    if sum(p.amount for p in inputs) <= fee:
        raise ValidationError(
            "fee.too_high",
            f"This token is worth {token.amount} but the mint's fee is {fee}; "
            "it cannot be redeemed.",
            f"amount {token.amount} fee {fee}",
            data={"amount": token.amount, "fee": fee},
        )
    target = output_keyset(keysets.values(), token.unit)
    if target is None:
        raise ValidationError(
            "keyset.none_active", f"The mint has no active {token.unit} keys.", mint_url
        )
    return ReceivePlan(
        token_id=token_id,
        token=token,
        mint_id=mint_id,
        mint_url=mint_url,
        trusted=trusted,
        inputs=inputs,
        fee=fee,
        output_keyset=target,
        locked=locked,
        sig_all=sig_all,
        keysets=keysets,
        ys=ys,
    )


def _first_bad_dleq(
    inputs: Sequence[Proof], keysets: dict[str, Keyset], ys: dict[str, str]
) -> Proof | None:
    """The first input whose DLEQ proof does not verify (inputs without one are skipped).

    Fills ``ys`` (secret -> Y hex) for the inputs that passed, for :func:`journal_receive`.
    """
    for p in inputs:
        if p.dleq is None:
            continue
        try:
            point = crypto.secret_point(p.secret)
        except ValidationError:  # no Y, no DLEQ: as verify_dleq_proof itself answers
            return p
        if not crypto.verify_dleq_proof(p, keysets[p.id].keys[p.amount], point):
            return p
        ys[p.secret] = point.format().hex()
    return None


def _check_keyset_owner(session: Session, mint_id: int, keyset_ids: Sequence[str]) -> None:
    for ks_id in keyset_ids:
        row = session.get(KeysetRow, ks_id)
        if row is not None and row.mint_id != mint_id:
            raise SecurityError(
                "keyset.foreign",
                "This token claims keys of a different mint. It was not accepted.",
                f"keyset {ks_id} belongs to mint #{row.mint_id}",
            )


def _check_locks(
    ctx: WalletContext, inputs: Sequence[Proof], info_json: str | None
) -> tuple[bool, bool]:
    secrets = [p2pk.parse_secret(p.secret) for p in inputs]
    if all(s is None for s in secrets):
        return False, False
    info = MintInfo.from_dict(json.loads(info_json)) if info_json else None
    if info is None or not (info.supports(10) and info.supports(11)):
        raise ValidationError(
            "p2pk.mint_unsupported",
            "This token is locked, but its mint does not enforce locks. It was not accepted.",
            "mint lacks NUT-10/11",
        )
    conditions = p2pk.check_locked_to(inputs, ctx.shop_pubkey, ctx.now(), ctx.lock_margin_seconds)
    return True, any(c.sigflag == p2pk.SIG_ALL for c in conditions)


async def execute_receive(
    ctx: WalletContext,
    plan: ReceivePlan,
    *,
    correlation_id: str | None = None,
    details: dict[str, Any] | None = None,
    op_id: str | None = None,
    with_journal: Callable[[Session], None] | None = None,
    with_completion: Callable[[Session], Any] | None = None,
    recovered: bool = False,
    export_id: int | None = None,
) -> ReceiveResult:
    """Journal the swap, send it, store the new proofs.

    On a network failure the operation stays ``pending`` for the recovery
    service and ``mint.unreachable``/``mint.timeout`` is raised: the token is
    kept and nothing is lost.

    Args:
        ctx: wallet dependencies.
        plan: the checked token.
        correlation_id: ties log lines, audit and errors to a sale.
        details: extra facts kept in the journal (sale and payment ids).
        op_id: a queued operation (the mint was down at planning) to fill in.
        with_journal: more writes to commit in the journal's transaction (the sales
            engine records the payment's fee there, sparing a transaction of its own).
        with_completion: more writes to commit with the new proofs (the sales engine
            settles the sale there, as docs/architecture.md section 2 step 3 has it); see
            :func:`complete_receive`.
        recovered: the recovery service finishes an operation queued earlier.
        export_id: the shop takes back this export of its own (a reclaim): journalled, so
            whoever completes the swap stores the proofs as ``reclaimed`` and settles it.
    """
    existing = op_id is not None
    op_id = op_id or journal.new_id()
    try:
        journalled = await ctx.db.run(
            lambda s: journal_receive(
                s,
                ctx,
                plan,
                op_id,
                existing=existing,
                correlation_id=correlation_id,
                details=details,
                with_journal=with_journal,
                export_id=export_id,
            )
        )
    except PosError as exc:
        raise await refuse(ctx, plan.token_id, exc) from exc
    return await send_journalled(
        ctx, journalled, with_completion=with_completion, recovered=recovered
    )


@dataclass(frozen=True, slots=True)
class Journalled:
    """A receive written to the journal (committed), ready to send."""

    plan: ReceivePlan
    op: Operation
    outputs: Outputs
    inputs: tuple[Proof, ...]  # as journalled (signed when locked)


def journal_receive(
    session: Session,
    ctx: WalletContext,
    plan: ReceivePlan,
    op_id: str,
    *,
    existing: bool = False,
    correlation_id: str | None = None,
    details: dict[str, Any] | None = None,
    with_journal: Callable[[Session], None] | None = None,
    export_id: int | None = None,
) -> Journalled:
    """Step 1 of the journal (docs/architecture.md section 2), in the caller's transaction.

    Counters reserved, the operation written (or, ``existing``, the queued one ``op_id``
    filled in), its inputs locked and the token marked processing; see
    :func:`execute_receive` for the arguments. The transaction must commit before
    :func:`send_journalled`.

    Raises:
        PosError: ``token.already_spent``, ``token.in_use`` (the inputs are taken). The
            caller must then roll back what this wrote: its transaction, or a savepoint
            it opened around this call.
    """
    amounts = split_with_keyset(plan.net, plan.output_keyset.keys)
    start = journal.reserve_counters(session, plan.output_keyset.id, len(amounts))
    outputs = build_outputs(ctx.seed, plan.output_keyset.id, amounts, start)
    inputs = _signed_inputs(ctx, plan, outputs)
    op = session.get(Operation, op_id) if existing else None
    if op is None:
        op = Operation(
            id=op_id,
            kind="receive",
            attempts=0,
            details_json=json.dumps(details or {}),
            export_id=export_id,
        )
        session.add(op)
    op.state = "pending"
    op.step = "prepared"
    op.next_retry_at = journal.lease()
    op.mint_id = plan.mint_id
    op.unit = plan.unit
    op.keyset_id = plan.output_keyset.id
    op.counter_start = start
    op.counter_count = len(amounts)
    op.output_amounts_json = json.dumps(amounts)
    op.inputs_json = journal.proofs_json(inputs)
    op.input_amount = plan.amount
    op.fee = plan.fee
    op.received_token_id = plan.token_id
    op.correlation_id = correlation_id or op.correlation_id
    op.updated_at = now()
    session.flush()
    ys = [plan.ys.get(p.secret) or crypto.y_of_secret(p.secret) for p in inputs]
    # Both callers roll back on a refusal (the transaction, or the sales engine's
    # savepoint around this call): no savepoint of lock_inputs' own is needed.
    journal.lock_inputs(session, op_id, ys, savepoint=False)
    journal.mark_received(session, plan.token_id, "processing")
    if with_journal is not None:
        with_journal(session)
    return Journalled(plan, op, outputs, inputs)


async def send_journalled(
    ctx: WalletContext,
    journalled: Journalled,
    *,
    with_completion: Callable[[Session], Any] | None = None,
    recovered: bool = False,
) -> ReceiveResult:
    """Step 2 and 3: send a committed :func:`journal_receive` and store what comes back."""
    plan = journalled.plan
    log.info(
        "receive %s: %d proofs, %d %s at %s, fee %d",
        journalled.op.id,
        len(plan.inputs),
        plan.amount,
        plan.unit,
        plan.mint_url,
        plan.fee,
    )
    # The committed row and the inputs as journalled: nothing to read back.
    return await send_swap(
        ctx,
        journalled.op,
        journalled.outputs,
        first_attempt=True,
        inputs=journalled.inputs,
        mint_url=plan.mint_url,
        keyset=plan.output_keyset,
        with_completion=with_completion,
        recovered=recovered,
    )


def _signed_inputs(ctx: WalletContext, plan: ReceivePlan, outputs: Outputs) -> tuple[Proof, ...]:
    if not plan.locked:
        return plan.inputs
    if plan.sig_all:
        return tuple(p2pk.sign_sig_all(plan.inputs, outputs.messages, ctx.shop_key, aux_rand=None))
    return tuple(p2pk.sign_proofs(plan.inputs, ctx.shop_key, aux_rand=None))


async def send_swap(
    ctx: WalletContext,
    op: Operation,
    outputs: Outputs,
    *,
    first_attempt: bool = True,
    inputs: Sequence[Proof] | None = None,
    mint_url: str | None = None,
    keyset: Keyset | None = None,
    with_completion: Callable[[Session], Any] | None = None,
    recovered: bool = False,
) -> ReceiveResult:
    """Send (or re-send) the journalled swap of a receive and finish it.

    A refusal of the first attempt fails the operation (the inputs were not
    spent by us); a refusal of a re-send is left to recovery, which checks the
    proof states and restores our outputs if an earlier attempt went through.

    ``inputs`` (as journalled), ``mint_url`` and the output ``keyset`` are read from
    the store when the caller does not already hold them; ``with_completion`` goes to
    :func:`complete_receive`.
    """
    if inputs is None:
        inputs = journal.proofs_from_json(op.inputs_json)
    if mint_url is None:
        mint_url = await ctx.db.run(lambda s: s.get(Mint, op.mint_id).url)
    client = ctx.mints.client(mint_url)
    fault_point("before_swap")
    try:
        signatures = await client.swap(inputs, outputs.messages)
    except NetworkError as exc:
        await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, op.id, e))
        ctx.bus.publish(OperationChanged(op.id, op.kind, "pending", exc.code))
        raise
    except ProtocolError as exc:  # an answer we cannot read may still have spent the inputs
        await bad_answer(ctx, op, inputs, exc)
        raise
    except PosError as exc:
        if not first_attempt:
            await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, op.id, e))
            raise
        await ctx.db.run(lambda s, e=exc: journal.fail_operation(s, op.id, e))
        ctx.bus.publish(OperationChanged(op.id, op.kind, "failed", exc.code))
        raise
    fault_point("after_swap")
    try:
        return await complete_receive(
            ctx,
            op.id,
            outputs,
            signatures,
            keyset=keyset,
            with_completion=with_completion,
            recovered=recovered,
            mint_url=mint_url,
        )
    except (ProtocolError, SecurityError) as exc:
        await bad_answer(ctx, op, inputs, exc)
        raise


async def complete_receive(
    ctx: WalletContext,
    op_id: str,
    outputs: Outputs,
    signatures: Sequence[Any],
    *,
    indexes: Sequence[int] | None = None,
    recovered: bool = False,
    keyset: Keyset | None = None,
    with_completion: Callable[[Session], Any] | None = None,
    mint_url: str | None = None,
) -> ReceiveResult:
    """Unblind, verify and store the new proofs and close the operation in one transaction.

    Args:
        ctx: wallet dependencies.
        op_id: the journalled operation.
        outputs: the outputs sent.
        signatures: the mint's answer for them.
        indexes: which outputs the signatures answer (restore), in order.
        recovered: the recovery service finishes the operation.
        keyset: the outputs' keyset with its keys, when the caller holds it (else read).
        with_completion: more writes for the same transaction, in a savepoint of their
            own: if they fail they are rolled back and logged, and the new proofs are
            committed all the same. What it returns is ``ReceiveResult.completion``.
        mint_url: the operation's mint, when the caller holds it (else read).
    """
    if keyset is None or keyset.id != outputs.keyset_id or not keyset.keys:
        keyset = await ctx.db.run(lambda s: keyset_from_row(s.get(KeysetRow, outputs.keyset_id)))
    # Checked before the transaction, not in it: its write lock (and on a shared store the
    # shop's gate) is not held over the unblinding and the DLEQ checks (~15 ms at 64
    # proofs), which a conflict's retry would also run again.
    result = await ctx.cpu(
        len(signatures), lambda: unblind(outputs, signatures, keyset, indexes=indexes)
    )

    def write(session: Session) -> tuple[Operation, str, Any]:
        op = session.get(Operation, op_id)
        url = mint_url or session.get(Mint, op.mint_id).url
        journal.insert_proofs(
            session,
            mint_id=op.mint_id,
            unit=op.unit,
            proofs=result.proofs,
            counters=result.counters,
            origin="received" if op.export_id is None else "reclaimed",
            op_id=op_id,
        )
        # Before the operation's changes: its statement would flush them on their own, and
        # the savepoint of ``with_completion`` flushes them with the audit entry instead.
        journal.mark_received(session, op.received_token_id, "redeemed")
        if op.export_id is not None:
            check.mark_reclaimed(session, op)
        gained = sum(p.amount for p in result.proofs)
        op.state = "recovered" if recovered else "done"
        op.step = "done"
        op.result_json = json.dumps({"amount": gained, "proofs": len(result.proofs)})
        op.updated_at = now()
        journal.audit(
            session,
            "receive.done",
            op_id,
            {"amount": gained, "fee": op.fee, "mint": url, "recovered": recovered},
            correlation_id=op.correlation_id,
        )
        extra = _also_commit(session, with_completion) if with_completion else None
        return op, url, extra

    op, mint_url, extra = await ctx.db.run(write)
    log.info(
        "receive %s %s: +%d %s", op.id, op.state, sum(p.amount for p in result.proofs), op.unit
    )
    ctx.bus.publish(BalanceChanged(mint_url, op.unit))
    ctx.bus.publish(OperationChanged(op.id, op.kind, op.state))
    return ReceiveResult(
        operation_id=op.id,
        mint=mint_url,
        unit=op.unit,
        amount=sum(p.amount for p in result.proofs),
        fee=op.fee,
        proofs=len(result.proofs),
        completion=extra,
    )


def _also_commit(session: Session, writes: Callable[[Session], Any]) -> Any:
    """Run a caller's writes in a savepoint: the new proofs are committed whatever they do."""
    try:
        with session.begin_nested():
            return writes(session)
    except Exception as exc:  # never lose the new proofs to a caller's bug
        if must_retry(exc):  # PostgreSQL aborted the whole transaction: db.transact reruns it
            raise
        log.exception("writes added to a receive's completion failed; rolled back alone")
        return None


async def receive(ctx: WalletContext, text: str, *, source: str = "cli") -> ReceiveResult:
    """Check and redeem a token at its (trusted) mint.

    When the mint cannot be reached before the swap, the token is queued as a
    pending operation so that ``recovery run`` redeems it later.
    """
    try:
        token = parse_token(text)
    except PosError:
        token = None  # stored all the same; planning records the refusal
    token_id = await store_token(ctx, text, source, token)
    try:
        plan = await plan_receive(ctx, text, source=source, token_id=token_id, token=token)
    except NetworkError as exc:
        await queue_receive(ctx, token_id, exc)
        raise
    return await execute_receive(ctx, plan)


async def queue_receive(
    ctx: WalletContext,
    token_id: int,
    exc: PosError,
    *,
    input_proofs: Sequence[Proof] = (),
    **extra: Any,
) -> str:
    """Journal a receive that could not even be planned (mint down): recovery redeems it.

    Args:
        ctx: wallet dependencies.
        token_id: the stored customer token.
        exc: why it could not be redeemed now.
        input_proofs: the token's proofs when known (offline acceptance): they are
            locked at once, so the same token cannot be accepted twice meanwhile.
        **extra: facts kept in the journal (sale and payment ids).
    """
    op_id = journal.new_id()

    def write(session: Session) -> None:
        token = session.get(ReceivedToken, token_id)
        # Queued once parsed and its mint stored (planning adds an unknown one), never before.
        mint = mint_row(session, token.mint_url)
        session.add(
            Operation(
                id=op_id,
                kind="receive",
                state="pending",
                step="queued",
                mint_id=mint.id,
                unit=token.unit,
                received_token_id=token_id,
                last_error_code=exc.code,
                last_error=exc.detail[:1000],
                details_json=json.dumps(extra),
            )
        )
        if input_proofs:
            session.flush()
            journal.lock_inputs(
                session, op_id, [crypto.y_of_secret(p.secret) for p in input_proofs]
            )
        journal.mark_received(session, token_id, "pending", exc.code)

    await ctx.db.run(write)
    ctx.bus.publish(OperationChanged(op_id, "receive", "pending", exc.code))
    return op_id
