"""Resolving open journal operations after a crash, a timeout or a mint outage.

Per docs/architecture.md section 2: the inputs' state at the mint decides. ``UNSPENT``
means nothing happened (a receive is re-sent with the same outputs; a send is
released), ``SPENT`` means our outputs were signed (rebuild them from the
journal and ``/v1/restore`` the signatures), ``PENDING`` means wait. Melts ask
the quote state. Every step is idempotent, so running recovery twice, or
concurrently with the operation it resolves, never counts money twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu import crypto
from pos_app.core.errorlog import record_error
from pos_app.core.errors import MintError, NetworkError, PosError, ValidationError
from pos_app.core.events import Notification, OperationChanged, OperationRecovered
from pos_app.core.logs import correlated
from pos_app.core.store import schema
from pos_app.core.store.claims import give_up_claim, new_holder, take_claim
from pos_app.core.store.schema import (
    Mint,
    Operation,
    OperationAttempt,
    ReceivedToken,
    now,
)
from pos_app.core.wallet import journal, minting, restore
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.melt import resolve_melt
from pos_app.core.wallet.outputs import match_restored
from pos_app.core.wallet.receive import (
    complete_receive,
    execute_receive,
    plan_receive,
    send_swap,
)
from pos_app.core.wallet.send import complete_send

log = logging.getLogger(__name__)

OPEN_STATES = ("pending",)
# The states of an operation recovery resolved, as it tells its listeners (on_resolved).
RESOLVED_STATES = ("done", "recovered", "failed", "dismissed", "needs_review")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one recovery attempt did to an operation."""

    operation_id: str
    kind: str
    state: str  # the operation's state afterwards
    action: str  # resent | restored | released | waiting | failed | completed | error
    error_code: str | None = None
    amount: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON form for ``pos-app recovery run``."""
        return {
            "id": self.operation_id,
            "kind": self.kind,
            "state": self.state,
            "action": self.action,
            "error_code": self.error_code,
            "amount": self.amount,
        }


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When to try an operation again (the ``retry.*`` settings)."""

    first_delay: float = 10.0
    factor: float = 2.0
    max_delay: float = 3600.0
    max_attempts: int = 20

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> RetryPolicy:
        """Build from :meth:`Config.values`."""
        return cls(
            first_delay=float(values["retry.first_delay_seconds"]),
            factor=float(values["retry.backoff_factor"]),
            max_delay=float(values["retry.max_delay_seconds"]),
            max_attempts=int(values["retry.max_attempts"]),
        )

    def delay(self, attempts: int) -> float:
        """Wait before the next try after ``attempts`` failed recovery attempts.

        The failure that opened the operation is followed by ``first_delay``
        (attempts = 0); each failed attempt multiplies the wait by ``factor``, up to
        ``max_delay``.
        """
        return min(self.first_delay * self.factor ** max(0, attempts), self.max_delay)


class Recovery:
    """Resolves open operations, one at a time per operation.

    A manual run and the retry timer never work on the same operation together.
    Every attempt is recorded; a failed one schedules the next by the retry
    policy, and the last allowed one moves the operation to ``needs_review`` and
    notifies the owner.

    Args:
        ctx: wallet dependencies.
        policy: returns the current retry policy (read from the settings each time).
        clock: Unix time source for the schedule (tests move it).
        holder: this process's name in the claims (another process, or till, on the same
            database never runs an operation this one is running).
    """

    def __init__(
        self,
        ctx: WalletContext,
        policy: Callable[[Session], RetryPolicy] | None = None,
        clock: Callable[[], float] = time.time,
        holder: str | None = None,
    ) -> None:
        self.ctx = ctx
        self.clock = clock
        self.holder = holder or new_holder()
        self._policy = policy or (lambda _session: RetryPolicy())
        # Alive while an attempt holds or awaits it: no entry outlives its operation's run.
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        self._hooks: list[Callable[[Outcome], Awaitable[None]]] = []

    def on_resolved(self, hook: Callable[[Outcome], Awaitable[None]]) -> None:
        """Call ``hook`` after every attempt (the sales engine settles its payments here)."""
        self._hooks.append(hook)

    def _lock(self, op_id: str) -> asyncio.Lock:
        lock = self._locks.get(op_id)
        if lock is None:
            lock = self._locks[op_id] = asyncio.Lock()
        return lock

    async def dismiss(self, op_id: str, reason: str) -> Outcome:
        """Close an open or review-pending operation by the owner's decision, with a reason.

        Nothing is deleted: the stored token and the journal row stay for the record.
        """
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("recovery.reason_required", "Say why this is dismissed.", op_id)
        async with self._lock(op_id):

            def write(session: Session) -> Operation:
                op = session.get(Operation, op_id)
                if op is None:
                    raise ValidationError("recovery.unknown", "There is no such operation.", op_id)
                if op.state not in (*OPEN_STATES, "needs_review"):
                    raise ValidationError(
                        "recovery.not_open",
                        f"This operation is already {op.state}; there is nothing to dismiss.",
                        op_id,
                    )
                op.state = "dismissed"
                op.last_error = reason[:1000]
                op.updated_at = now()
                # A refund this send was making never reached the customer: owed again.
                for refund in session.scalars(
                    select(schema.Refund).where(
                        schema.Refund.operation_id == op_id, schema.Refund.state == "making"
                    )
                ):
                    refund.state = "failed"
                    refund.note = f"dismissed: {reason[:200]}"
                    refund.updated_at = now()
                journal.audit(
                    session,
                    "operation.dismissed",
                    op_id,
                    {"kind": op.kind, "reason": reason[:200]},
                    correlation_id=op.correlation_id,
                    actor="owner",
                )
                return op

            op = await self.ctx.db.run(write)
        self.ctx.bus.publish(OperationChanged(op.id, op.kind, "dismissed"))
        outcome = Outcome(op.id, op.kind, "dismissed", "dismissed")
        await self._tell_hooks(outcome)
        return outcome

    async def open_operations(self) -> list[str]:
        """Ids of every operation still pending, oldest first."""

        def read(session: Session) -> list[str]:
            rows = session.scalars(
                select(Operation.id)
                .where(Operation.state.in_(OPEN_STATES))
                .order_by(Operation.created_at)
            )
            return list(rows)

        return await self.ctx.db.run(read)

    async def run_all(self) -> list[Outcome]:
        """Try every open operation once."""
        return [await self.run(op_id) for op_id in await self.open_operations()]

    async def run(self, op_id: str, *, manual: bool = False) -> Outcome:
        """Try to resolve one operation; network failures leave it pending.

        Args:
            op_id: the operation.
            manual: the owner asked (``recovery run ID``, the Retry button): an operation
                in ``needs_review`` is tried again too.
        """
        async with self._lock(op_id):
            op, claimed = await self.ctx.db.run(lambda s: self._claim(s, op_id, manual))
            if op is None:
                raise ValidationError("recovery.unknown", "There is no such operation.", op_id)
            if not claimed:
                return Outcome(op.id, op.kind, op.state, "none")
            try:
                return await self._attempt(op, manual)
            finally:
                await self.ctx.db.run(lambda s: give_up_claim(s, f"op:{op_id}", self.holder))

    def _claim(self, session: Session, op_id: str, manual: bool) -> tuple[Operation | None, bool]:
        """The operation, and whether this process may run it now (it then holds its claim).

        Another process or till may be running it: its own request still in flight
        (the operation's lease), or its recovery (the claim). Neither is run twice.

        Raises:
            ValidationError: ``recovery.in_progress`` when the owner asked for an operation
                another till or process is running.
        """
        op = session.get(Operation, op_id)
        runnable = (*OPEN_STATES, "needs_review") if manual else OPEN_STATES
        if op is None or op.state not in runnable:
            return op, False
        now = int(self.clock())
        # Asked by a person: not while its first request may still be in flight (its
        # lease runs and recovery never tried it). The retry service waits for the lease.
        in_flight = op.attempts == 0 and op.step == "prepared" and (op.next_retry_at or 0) > now
        job = f"op:{op_id}"
        if not (manual and in_flight) and take_claim(
            session, job, self.holder, now, now + journal.LEASE_SECONDS
        ):
            return op, True
        if manual:
            raise ValidationError(
                "recovery.in_progress",
                "This operation is being finished right now, at this or another till. Look "
                "again in a few minutes.",
                op_id,
            )
        return op, False

    async def _attempt(self, op: Operation, manual: bool) -> Outcome:
        """One recovery attempt of ``op`` (claimed by this process), recorded and told."""
        op_id = op.id
        with correlated(op.correlation_id):
            try:
                outcome = await self._resolve(op)
            except PosError as exc:
                if not isinstance(exc, NetworkError | MintError):
                    log.warning("recovery of %s failed: %s", op_id, exc.detail or exc.user_message)
                outcome = Outcome(op.id, op.kind, "pending", "error", exc.code)
                await self.ctx.db.run(lambda s, e=exc: record_error(s, e, operation_id=op_id))
            outcome = await self._record(op, outcome, manual)
            log.info("recovery of %s %s: %s -> %s", op.kind, op_id, outcome.action, outcome.state)
        if outcome.state in ("done", "recovered"):
            self.ctx.bus.publish(OperationRecovered(op.id, op.kind, outcome.amount))
        await self._tell_hooks(outcome)
        return outcome

    async def _tell_hooks(self, outcome: Outcome) -> None:
        for hook in self._hooks:
            try:
                await hook(outcome)
            except Exception:  # a listener's bug must not undo a finished recovery
                log.exception("recovery hook failed for %s", outcome.operation_id)

    async def _record(self, op: Operation, outcome: Outcome, manual: bool) -> Outcome:
        """Store the attempt; schedule the next one or ask for review after the last."""

        def write(session: Session) -> Outcome:
            final = schedule(session, session.get(Operation, op.id))
            # The attempt's record carries the state it left the operation in (review, failed).
            session.add(
                OperationAttempt(
                    operation_id=op.id,
                    at=int(self.clock()),
                    outcome=final.action,
                    state=final.state,
                    error_code=final.error_code,
                    manual=manual,
                )
            )
            return final

        def schedule(session: Session, row: Operation) -> Outcome:
            if outcome.state != "pending":
                row.next_retry_at = None
                return outcome
            if row.state not in (*OPEN_STATES, "needs_review"):
                # The attempt itself closed it (a re-planned token refused by the mint).
                row.next_retry_at = None
                return Outcome(op.id, op.kind, row.state, outcome.action, outcome.error_code)
            policy = self._policy(session)
            row.attempts += 1
            if outcome.error_code:
                row.last_error_code = outcome.error_code
            if row.attempts >= policy.max_attempts:
                row.state = "needs_review"
                row.next_retry_at = None
                journal.audit(
                    session,
                    "operation.needs_review",
                    op.id,
                    {"attempts": row.attempts, "code": row.last_error_code},
                    correlation_id=row.correlation_id,
                )
                return Outcome(op.id, op.kind, "needs_review", outcome.action, outcome.error_code)
            row.next_retry_at = int(self.clock() + policy.delay(row.attempts))
            row.state = "pending"
            return outcome

        recorded = await self.ctx.db.run(write)
        if recorded.state == "needs_review" and op.state != "needs_review":
            self.ctx.bus.publish(
                OperationChanged(op.id, op.kind, "needs_review", recorded.error_code)
            )
            self.ctx.bus.publish(
                Notification(
                    "warning",
                    "An operation needs review",
                    f"A {op.kind} could not be finished after repeated attempts "
                    f"({recorded.error_code or 'no answer'}). Look at it in Activity.",
                    kind="needs_review",
                    data={"operation_id": op.id, "code": recorded.error_code},
                )
            )
        return recorded

    async def _resolve(self, op: Operation) -> Outcome:
        if op.kind == "melt":
            result = await resolve_melt(self.ctx, op.id, recovered=True)
            state = {"paid": "recovered", "failed": "failed"}.get(result.state, "pending")
            action = {"paid": "completed", "failed": "released"}.get(result.state, "waiting")
            return Outcome(
                op.id, op.kind, state, action, amount=result.amount if state == "recovered" else 0
            )
        if op.kind == minting.KIND:
            claimed = await minting.claim(self.ctx, op.id, recovered=True)
            state = {"done": "recovered", "failed": "failed"}.get(claimed.state, "pending")
            action = {"done": "completed", "failed": "failed"}.get(claimed.state, "waiting")
            return Outcome(
                op.id,
                op.kind,
                state,
                action,
                claimed.reason,
                amount=claimed.amount if state == "recovered" else 0,
            )
        if op.kind == "restore":
            found = await restore.resume(self.ctx, op.id)
            return Outcome(op.id, op.kind, "done", "completed", amount=found["amount"])
        if op.kind == "receive" and op.step == "queued":
            return await self._replan_receive(op)
        if op.kind in ("receive", "send"):
            return await self._resolve_swap(op)
        raise ValidationError(
            "recovery.unsupported", "This operation cannot be recovered automatically.", op.kind
        )

    async def _replan_receive(self, op: Operation) -> Outcome:
        token = await self.ctx.db.run(lambda s: s.get(ReceivedToken, op.received_token_id))
        try:
            plan = await plan_receive(self.ctx, token.token_text, token_id=token.id)
        except NetworkError:
            raise
        except PosError as exc:
            return await self._fail(op, exc, "failed")
        # The queued row is filled in: it keeps its own details (sale and payment ids).
        result = await execute_receive(self.ctx, plan, op_id=op.id, recovered=True)
        return Outcome(op.id, op.kind, "recovered", "resent", amount=result.amount)

    async def _fail(self, op: Operation, err: PosError, action: str) -> Outcome:
        """Close an operation whose inputs were not spent by us."""
        await self.ctx.db.run(lambda s: journal.fail_operation(s, op.id, err))
        self.ctx.bus.publish(OperationChanged(op.id, op.kind, "failed", err.code))
        return Outcome(op.id, op.kind, "failed", action, err.code)

    async def _resolve_swap(self, op: Operation) -> Outcome:
        url = await self.ctx.db.run(lambda s: s.get(Mint, op.mint_id).url)
        client = self.ctx.mints.client(url)
        inputs = journal.proofs_from_json(op.inputs_json)
        ys = await self.ctx.cpu(len(inputs), lambda: [crypto.y_of_secret(p.secret) for p in inputs])
        states = await client.checkstate(ys)
        kinds = {s.state for s in states}
        outputs = await self.ctx.cpu(
            op.counter_count or 0, journal.rebuild_outputs, self.ctx.seed, op
        )
        if kinds == {"UNSPENT"}:
            if op.kind == "send":  # nothing happened; the coins go back to the wallet
                err = NetworkError(
                    "send.not_sent",
                    "The export did not go through; nothing was spent.",
                    op.last_error or "",
                )
                return await self._fail(op, err, "released")
            result = await send_swap(self.ctx, op, outputs, first_attempt=False, recovered=True)
            return Outcome(op.id, op.kind, "recovered", "resent", amount=result.amount)
        if "PENDING" in kinds:
            return Outcome(op.id, op.kind, "pending", "waiting", "token.pending")
        pairs = await client.restore(outputs.messages)
        if not pairs:
            # Spent, but not by us: the customer (or someone) spent the token elsewhere.
            err = MintError(
                "token.already_spent",
                "This token was already spent elsewhere. Ask the customer to send a new one.",
                "inputs SPENT and none of our outputs signed",
            )
            return await self._fail(op, err, "failed")
        indexes, signatures = match_restored(outputs, pairs)
        if op.kind == "receive":
            result = await complete_receive(
                self.ctx, op.id, outputs, signatures, indexes=indexes, recovered=True
            )
            return Outcome(op.id, op.kind, "recovered", "restored", amount=result.amount)
        await complete_send(self.ctx, op.id, outputs, signatures, indexes=indexes, recovered=True)
        return Outcome(op.id, op.kind, "recovered", "restored", amount=op.input_amount - op.fee)


def list_operations(session: Session, *, include_closed: bool = False) -> list[dict[str, Any]]:
    """Operations for ``recovery list``: open ones (and closed ones on request)."""
    query = select(Operation).order_by(Operation.created_at)
    if not include_closed:
        query = query.where(Operation.state.in_((*OPEN_STATES, "needs_review")))
    query = query.where(Operation.kind != "restore")
    out = []
    for op in session.scalars(query):
        details = json.loads(op.details_json)
        out.append(
            {
                "id": op.id,
                "kind": op.kind,
                "status": op.state,
                "attempts": op.attempts,
                "next_retry_at": op.next_retry_at,
                "reason": op.last_error_code,
                "sale_id": details.get("sale_id"),
                "amount": op.input_amount,
                "created_at": op.created_at,
            }
        )
    return out
