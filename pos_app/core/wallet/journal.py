"""Database steps shared by every money operation (docs/architecture.md section 2).

All functions take an open session and run inside the caller's transaction:
an operation row, its counter reservation and its input locks are written
together, before any network call.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_app.core.cashu import crypto
from pos_app.core.cashu.models import DLEQ, Proof, Token
from pos_app.core.errors import PosError, StorageError, ValidationError
from pos_app.core.mint.client import MELT_DEADLINE
from pos_app.core.store import schema
from pos_app.core.store.actor import who as actor_now
from pos_app.core.store.db import upsert_insert
from pos_app.core.store.schema import (
    AuditEntry,
    BalanceMove,
    Counter,
    Mint,
    Operation,
    OperationInput,
    ProofRow,
    ReceivedToken,
    now,
)
from pos_app.core.wallet.outputs import Outputs, build_outputs

# While an operation's request is in flight, recovery leaves it alone: its next
# attempt is not due before the longest request could have ended (a melt's deadline:
# the lease was 135 s while a melt may take 150, so recovery could have run a melt its
# till was still waiting for).
LEASE_SECONDS = int(MELT_DEADLINE) + 15

# The proof states the wallet holds: its balance, and what open operations reserved.
HELD = ("unspent", "pending")

# The statements of every sale's payment, built once and on the tables: building an ORM
# statement, and its cache key, costs several times running it (tens of microseconds
# each on the pay path). Each runs through ``session.execute``, which flushes pending
# ORM rows first, as the statements built per call did.
_INPUTS = OperationInput.__table__
_CLAIMS = (
    select(_INPUTS.c.y, _INPUTS.c.operation_id, Operation.__table__.c.state)
    .join(Operation.__table__, Operation.__table__.c.id == _INPUTS.c.operation_id)
    .where(_INPUTS.c.y.in_(bindparam("ys", expanding=True)))
)
_INSERT_INPUTS = insert(_INPUTS)
_STORED_YS = select(ProofRow.__table__.c.y).where(
    ProofRow.__table__.c.y.in_(bindparam("ys", expanding=True))
)
_INSERT_PROOFS = insert(ProofRow.__table__)
_INSERT_MOVE = insert(BalanceMove.__table__)
_TOKENS = ReceivedToken.__table__
_INSERT_TOKEN = insert(_TOKENS)
_MARK_TOKEN = (
    update(_TOKENS)
    .where(_TOKENS.c.id == bindparam("token_id"))
    .values(state=bindparam("to"), error_code=bindparam("code"), updated_at=bindparam("at"))
)
_RESERVE: dict[str, Any] = {}  # dialect name -> the counters' upsert (SQLite's or PostgreSQL's)


def lease() -> int:
    """``next_retry_at`` for an operation about to be sent (see :data:`LEASE_SECONDS`)."""
    return now() + LEASE_SECONDS


def new_id() -> str:
    """A fresh operation id."""
    return str(uuid.uuid4())


def reserve_counters(session: Session, keyset_id: str, count: int) -> int:
    """Reserve ``count`` NUT-13 counters of a keyset; returns the first one.

    One statement that adds ``count`` and returns the new end: a counter is never
    handed out twice, across processes on one file and across tills on one server
    (where the tills share the seed, so two of them deriving the same secrets would
    make the mint refuse the second as already signed).
    """
    end = session.execute(_reserve(session), {"keyset": keyset_id, "count": count}).scalar_one()
    return end - count


def _reserve(session: Session) -> Any:
    """The upsert of :func:`reserve_counters` for the session's database, built once."""
    dialect = session.get_bind().dialect.name
    statement = _RESERVE.get(dialect)
    if statement is None:
        table = Counter.__table__
        count = bindparam("count", type_=table.c.next_counter.type)
        statement = _RESERVE[dialect] = (
            upsert_insert(session)(table)
            .values(keyset_id=bindparam("keyset"), next_counter=count)
            .on_conflict_do_update(
                index_elements=[table.c.keyset_id],
                set_={"next_counter": table.c.next_counter + count},
            )
            .returning(table.c.next_counter)
        )
    return statement


def advance_counter(session: Session, keyset_id: str, past: int) -> None:
    """Move a keyset's counter to at least ``past`` (after a restore found outputs)."""
    row = session.get(Counter, keyset_id)
    if row is None:
        session.add(Counter(keyset_id=keyset_id, next_counter=past))
    elif row.next_counter < past:
        row.next_counter = past


def lock_inputs(
    session: Session, operation_id: str, ys: Iterable[str], *, savepoint: bool = True
) -> None:
    """Claim input proofs for an operation.

    ``savepoint=False`` when the caller rolls back its transaction, or a savepoint of its
    own, on a refusal: the rows of a half-done insert go with it, and the two statements
    of a savepoint here are spared.

    Raises:
        ValidationError: ``token.already_spent`` when a finished operation already took
            one of them, ``token.in_use`` when an open one holds it right now.
    """
    ys = list(ys)
    claims = session.execute(_CLAIMS, {"ys": ys}).all()
    held = [(y, state) for y, op, state in claims if op != operation_id]
    mine = {y for y, op, _ in claims if op == operation_id}
    if held:
        if any(state in ("done", "recovered") for _, state in held):
            raise ValidationError(
                "token.already_spent",
                # The same words as the app's message catalogue (pos_app/ui/messages.py).
                "This token was already used, here or elsewhere. Ask the customer to send a "
                "new one.",
                f"{len(held)} input(s) taken by an earlier operation",
            )
        raise ValidationError(
            "token.in_use",
            "This token is being processed right now. Wait for the result.",
            f"{len(held)} input(s) held by an open operation",
        )
    new = [{"y": y, "operation_id": operation_id} for y in ys if y not in mine]
    if not new:
        return
    try:
        with session.begin_nested() if savepoint else contextlib.nullcontext():
            session.execute(_INSERT_INPUTS, new)  # one executemany, no ORM objects
    except IntegrityError as exc:  # a concurrent writer won the race
        raise ValidationError(
            "token.in_use",
            "This token is being processed right now. Wait for the result.",
            str(exc),
        ) from exc


def release_inputs(session: Session, operation_id: str) -> None:
    """Let the inputs of a failed operation be used again."""
    session.execute(delete(OperationInput).where(OperationInput.operation_id == operation_id))


def audit(
    session: Session,
    action: str,
    subject: str | None = None,
    details: dict[str, Any] | None = None,
    *,
    correlation_id: str | None = None,
    actor: str | None = None,
) -> None:
    """Append an audit entry (never holds secrets: amounts, ids and codes only).

    ``actor``: who did it; by default the staff member acting now, else "system".
    """
    session.add(
        AuditEntry(
            action=action,
            subject=subject,
            details_json=json.dumps(details or {}, default=str),
            correlation_id=correlation_id,
            actor=actor or actor_now(),
        )
    )


def insert_proofs(
    session: Session,
    *,
    mint_id: int,
    unit: str,
    proofs: Sequence[Proof],
    counters: Sequence[int | None] | None = None,
    origin: str,
    op_id: str | None,
    state: str = "unspent",
    export_id: int | None = None,
) -> int:
    """Store new proofs; a proof already stored is skipped (replays are harmless).

    Returns:
        How many proofs were new. They are written at once, in one executemany (ORM
        objects would cost ~0.1 ms per proof for nothing: no caller needs them).
    """
    # Found by y (one per secret): on the shop's PostgreSQL database the secret is sealed
    # with a fresh nonce, so the stored secrets cannot be compared in SQL.
    ys = [crypto.y_of_secret(p.secret) for p in proofs]
    existing = set(session.scalars(_STORED_YS, {"ys": ys}))
    rows = []
    ts = now()
    for i, (p, y) in enumerate(zip(proofs, ys, strict=True)):
        if y in existing:
            continue
        existing.add(y)
        rows.append(
            {
                "mint_id": mint_id,
                "keyset_id": p.id,
                "unit": unit,
                "amount": p.amount,
                "secret": p.secret,
                "C": p.C,
                "y": y,
                "dleq_json": json.dumps(p.dleq.to_dict()) if p.dleq else None,
                "witness": p.witness,
                "state": state,
                "origin": origin,
                "counter": counters[i] if counters else None,
                "created_op_id": op_id,
                "spent_op_id": None,
                "export_id": export_id,
                "created_at": ts,
                "updated_at": ts,
            }
        )
    if rows:
        session.execute(_INSERT_PROOFS, rows)
        if state in HELD:  # written at once too: no flush of an ORM object for one row
            session.execute(
                _INSERT_MOVE,
                {
                    "at": ts,
                    "mint_id": mint_id,
                    "unit": unit,
                    "delta": sum(r["amount"] for r in rows),
                    "reason": origin,
                    "operation_id": op_id,
                    "export_id": export_id,
                },
            )
    return len(rows)


def proof_from_row(row: ProofRow) -> Proof:
    """The protocol model of a stored proof."""
    dleq = DLEQ(**json.loads(row.dleq_json)) if row.dleq_json else None
    return Proof(
        amount=row.amount,
        id=row.keyset_id,
        secret=row.secret,
        C=row.C,
        witness=row.witness,
        dleq=dleq,
    )


def take_unspent(session: Session, ids: Sequence[int], state: str, **extra: Any) -> None:
    """Take unspent proofs for an operation or export: all of them or none.

    The update names the state it expects (``... WHERE id IN (...) AND state =
    'unspent'``), and its row count says whether every proof was still unspent: a till
    that took one of them first makes this one refuse, whatever the isolation level.

    Raises:
        ValidationError: ``wallet.busy`` when one of them was taken meanwhile (raised inside
            the transaction, so nothing of it is kept).
    """
    set_proof_state(session, ids, state, only_from="unspent", **extra)


def set_proof_state(
    session: Session,
    ids: Sequence[int],
    state: str,
    *,
    only_from: str | None = None,
    **extra: Any,
) -> None:
    """Move stored proofs to ``state`` (and set extra columns such as ``spent_op_id``).

    Proofs that leave the held states, or come back to them, are written to the
    balance ledger in the same transaction. ``only_from``: move them only from that
    state, all or none (see :func:`take_unspent`).
    """
    if not ids:
        return
    ts = now()
    rows = session.execute(
        select(
            ProofRow.state,
            ProofRow.amount,
            ProofRow.mint_id,
            ProofRow.unit,
            ProofRow.spent_op_id,
            ProofRow.export_id,
        ).where(ProofRow.id.in_(list(ids)))
    ).all()
    moves: dict[tuple[int, str, str | None, int | None], int] = {}
    for old, amount, mint_id, unit, op_id, export_id in rows:
        if (old in HELD) == (state in HELD):
            continue
        key = (
            mint_id,
            unit,
            extra.get("spent_op_id", op_id),
            extra.get("export_id", export_id),
        )
        moves[key] = moves.get(key, 0) + (amount if state in HELD else -amount)
    query = update(ProofRow).where(ProofRow.id.in_(list(ids)))
    if only_from is not None:
        query = query.where(ProofRow.state == only_from)
    moved = session.execute(query.values(state=state, updated_at=ts, **extra)).rowcount
    if only_from is not None and moved != len(set(ids)):
        raise ValidationError(
            "wallet.busy",
            "Those coins were just used. Try again.",
            f"{len(set(ids)) - moved} of {len(set(ids))} no longer {only_from}",
        )
    for (mint_id, unit, op_id, export_id), delta in moves.items():
        session.add(
            BalanceMove(
                at=ts,
                mint_id=mint_id,
                unit=unit,
                delta=delta,
                reason="returned" if state in HELD else state,
                operation_id=op_id,
                export_id=export_id,
            )
        )


def token_facts(token: Token) -> dict[str, Any]:
    """What a stored customer token records of its parsed form."""
    return {"mint_url": token.mint, "unit": token.unit, "amount": token.amount}


def store_received(session: Session, text: str, source: str, token: Token | None = None) -> int:
    """Keep a customer's token exactly as scanned, before anything else happens.

    ``token``: the text already parsed; its :func:`token_facts` are stored along.
    """
    facts = token_facts(token) if token is not None else {}
    # One INSERT on the table (its digest and times are the columns' defaults): an ORM
    # object would cost a flush of its own, for an id.
    result = session.execute(
        _INSERT_TOKEN, {"token_text": text, "source": source, "state": "received", **facts}
    )
    return result.inserted_primary_key[0]


def mark_received(
    session: Session, token_id: int | None, state: str, error_code: str | None = None, **extra: Any
) -> None:
    """Update the state of a stored customer token."""
    if token_id is None:
        return
    # One plain UPDATE of the table: loading the row would read the whole token text, and
    # the ORM's bulk update would sync the session, for nothing.
    if not extra:
        session.execute(
            _MARK_TOKEN, {"token_id": token_id, "to": state, "code": error_code, "at": now()}
        )
        return
    session.execute(
        update(_TOKENS)
        .where(_TOKENS.c.id == token_id)
        .values(state=state, error_code=error_code, updated_at=now(), **extra)
    )


def operation_and_mint(session: Session, op_id: str) -> tuple[Operation, str]:
    """An operation and its mint's URL, read together."""
    op = session.get(Operation, op_id)
    return op, session.get(Mint, op.mint_id).url


def mark_sent(session: Session, op_id: str, error: PosError | None = None) -> None:
    """The request of an operation ended (answered, or failed in transit).

    The in-flight lease ends, so the retry service schedules the next attempt; a
    failure is recorded, and a customer token behind the operation becomes ``pending``.
    """
    op = session.get(Operation, op_id)
    op.step = "sent"
    op.next_retry_at = None
    op.updated_at = now()
    if error is not None:
        op.last_error_code = error.code
        op.last_error = (error.detail or error.user_message)[:1000]
        mark_received(session, op.received_token_id, "pending", error.code)


def fail_operation(session: Session, op_id: str, exc: PosError) -> None:
    """Close an operation whose inputs were not spent: free them and record why.

    Only an open operation: the lease and the claims keep a second path off an operation,
    and this is the second line of defence. Closed by another path meanwhile (done, its
    proofs stored), freeing its inputs would offer spent proofs again and call it failed.

    Raises:
        StorageError: ``operation.closed`` when the operation is no longer pending
            (nothing is written; the caller's transaction is undone).
    """
    op = session.get(Operation, op_id)
    if op.state != "pending":
        raise StorageError(
            "operation.closed",
            "This payment step was already finished elsewhere; nothing was changed.",
            f"{op.kind} {op_id} is {op.state}, not pending: not failed with {exc.code}",
        )
    op.state = "failed"
    op.last_error_code = exc.code
    op.last_error = (exc.detail or exc.user_message)[:1000]
    op.updated_at = now()
    release_inputs(session, op_id)
    held = session.scalars(
        select(ProofRow.id).where(ProofRow.spent_op_id == op_id, ProofRow.state == "pending")
    )
    set_proof_state(session, list(held), "unspent", only_from="pending", spent_op_id=None)
    mark_received(session, op.received_token_id, "rejected", exc.code)
    # A refund this send was paying: nothing left the wallet, so nothing was given back.
    for refund in session.scalars(
        select(schema.Refund).where(
            schema.Refund.operation_id == op_id, schema.Refund.state == "making"
        )
    ):
        refund.state = "failed"
        refund.note = f"not sent: {exc.code}"
        refund.updated_at = now()
    audit(session, f"{op.kind}.failed", op_id, {"code": exc.code}, correlation_id=op.correlation_id)


def proofs_json(proofs: Sequence[Proof]) -> str:
    """Proofs as stored in a journal row (witness kept, DLEQ dropped: the mint never needs it)."""
    return json.dumps([p.to_dict(include_dleq=False) for p in proofs])


def proofs_from_json(text: str) -> list[Proof]:
    """Proofs back from a journal row."""
    return [Proof.from_dict(d) for d in json.loads(text)]


def explicit_json(explicit: dict[int, tuple[str, bytes]]) -> dict[str, list[str]]:
    """Journal form of non-derivable outputs: ``{index: [secret, r_hex]}``."""
    return {str(i): [secret, r.hex()] for i, (secret, r) in explicit.items()}


def rebuild_outputs(seed: bytes, op: Operation) -> Outputs:
    """The exact outputs an operation sent (or would send), rebuilt from its journal row."""
    details = json.loads(op.details_json or "{}")
    explicit = {int(i): (s, bytes.fromhex(r)) for i, (s, r) in details.get("explicit", {}).items()}
    return build_outputs(
        seed, op.keyset_id, json.loads(op.output_amounts_json), op.counter_start, explicit
    )
