"""Recovery of interrupted operations against the in-process fake mint.

The inputs' state at the mint decides (docs/architecture.md section 2): UNSPENT
re-sends a receive and releases a send, SPENT restores our outputs' signatures,
PENDING waits; melts ask the quote. Every attempt is recorded and scheduled by
the retry policy; the last one asks for review.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from pos_app.core.cashu import crypto
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.events import Notification, OperationChanged, OperationRecovered
from pos_app.core.store.schema import (
    AuditEntry,
    ErrorRecord,
    JobClaim,
    Operation,
    OperationAttempt,
    OperationInput,
    ProofRow,
    ReceivedToken,
)
from pos_app.core.wallet.recovery import Outcome, Recovery, RetryPolicy, list_operations
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, audit_trail, events, opened_shop, rows

NOW = 1_800_000_000


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def shop(tmp_path, scenario, mint: FakeMint | None = None, *, max_attempts: int = 5):
    """Run ``scenario(app, mint, recovery)``: a fresh shop trusting ``mint``, a fixed clock."""
    mint = mint or FakeMint()
    policy = RetryPolicy(first_delay=10, factor=3, max_delay=500, max_attempts=max_attempts)

    async def main():
        async with opened_shop(mint) as app:
            await app.mints.add(mint.url)
            recovery = Recovery(app.ctx, lambda _session: policy, clock=lambda: NOW)
            return await scenario(app, mint, recovery)

    return asyncio.run(main())


def balance(app) -> int:
    return sum(p.amount for p in rows(app, ProofRow, ProofRow.state == "unspent"))


def op_row(app, op_id: str) -> Operation:
    return rows(app, Operation, Operation.id == op_id)[0]


def attempts(app, op_id: str) -> list[tuple]:
    return [
        (a.at, a.outcome, a.state, a.error_code, a.manual)
        for a in rows(app, OperationAttempt, OperationAttempt.operation_id == op_id)
    ]


async def interrupted_receive(app, mint, action: str, amount: int = 8) -> tuple[str, str]:
    """A receive whose swap met ``action``: returns (operation id, token text)."""
    text = mint.token(amount)
    mint.fault("POST", "/v1/swap", action)
    with pytest.raises(PosError):
        await app.wallet.receive(text)
    (op_id,) = [o.id for o in rows(app, Operation, Operation.state == "pending")]
    return op_id, text


# -- receives --------------------------------------------------------------------------------


def test_unsent_receive_is_resent_with_the_same_outputs(tmp_path):
    async def scenario(app, mint, recovery):
        seen = events(app)
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        before = op_row(app, op_id)
        told: list[Outcome] = []

        async def hook(outcome):
            told.append(outcome)

        recovery.on_resolved(hook)
        assert await recovery.open_operations() == [op_id]
        # as if the process died with the request in flight: a lease was still set
        await app.db.run(lambda s: setattr(s.get(Operation, op_id), "next_retry_at", NOW + 99))
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "recovered", "resent", None, 8)
        assert told == [outcome]
        op = op_row(app, op_id)
        assert (op.state, op.step, op.next_retry_at, op.attempts) == ("recovered", "done", None, 0)
        assert (op.counter_start, op.counter_count) == (before.counter_start, 1)
        assert attempts(app, op_id) == [(NOW, "resent", "recovered", None, False)]
        assert OperationRecovered(op_id, "receive", 8) in seen
        assert balance(app) == 8 and rows(app, ReceivedToken)[0].state == "redeemed"
        assert await recovery.open_operations() == []
        # A second run finds nothing to do.
        again = await recovery.run(op_id)
        assert again == Outcome(op_id, "receive", "recovered", "none")
        assert balance(app) == 8 and len(attempts(app, op_id)) == 1

    shop(tmp_path, scenario)


def reversed_restore(_request, status, answer):
    """A restore answer in another order than asked (pairs matched by B_, not position)."""
    return status, {key: list(reversed(items)) for key, items in answer.items()}


def test_lost_answer_is_restored_from_the_mint(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "drop", amount=13)
        mint.fault("POST", "/v1/restore", "rewrite", rewrite=reversed_restore)
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "recovered", "restored", None, 13)
        assert balance(app) == 13
        assert mint.requests("/v1/restore") and len(mint.requests("/v1/swap")) == 1
        assert audit_trail(app)[-1] == (
            "receive.done",
            {"amount": 13, "fee": 0, "mint": mint.url, "recovered": True},
        )

    shop(tmp_path, scenario)


def test_token_spent_elsewhere_fails_for_good(tmp_path):
    async def scenario(app, mint, recovery):
        seen = events(app)
        op_id, text = await interrupted_receive(app, mint, "unreachable")
        mint.spend(list(parse_token(text).proofs))
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "failed", "failed", "token.already_spent")
        op = op_row(app, op_id)
        assert (op.state, op.last_error_code, op.next_retry_at, op.last_error) == (
            "failed",
            "token.already_spent",
            None,
            "inputs SPENT and none of our outputs signed",
        )
        assert rows(app, OperationInput) == []
        token = rows(app, ReceivedToken)[0]
        assert (token.state, token.error_code) == ("rejected", "token.already_spent")
        assert OperationChanged(op_id, "receive", "failed", "token.already_spent") in seen
        assert not any(isinstance(e, OperationRecovered) for e in seen)
        assert attempts(app, op_id) == [(NOW, "failed", "failed", "token.already_spent", False)]

    shop(tmp_path, scenario)


def test_pending_inputs_wait_and_schedule_the_next_try(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, text = await interrupted_receive(app, mint, "unreachable")
        mint.pending.update(crypto.y_of_secret(p.secret) for p in parse_token(text).proofs)
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "pending", "waiting", "token.pending")
        op = op_row(app, op_id)
        assert (op.state, op.attempts, op.last_error_code) == ("pending", 1, "token.pending")
        assert op.next_retry_at == NOW + 30  # 10 s, times 3 after one failed attempt
        outcome = await recovery.run(op_id)
        assert op_row(app, op_id).next_retry_at == NOW + 90
        assert attempts(app, op_id) == [(NOW, "waiting", "pending", "token.pending", False)] * 2
        assert balance(app) == 0

    shop(tmp_path, scenario)


def test_network_failure_keeps_the_operation_and_records_the_error(tmp_path):
    async def scenario(app, mint, recovery):
        seen = events(app)
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        mint.down = True
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "pending", "error", "mint.unreachable")
        assert not any(isinstance(e, Notification) for e in seen)  # not yet for review
        op = op_row(app, op_id)
        assert (op.state, op.attempts, op.next_retry_at) == ("pending", 1, NOW + 30)
        recorded = rows(app, ErrorRecord)
        assert [(e.code, e.operation_id) for e in recorded][-1] == ("mint.unreachable", op_id)

    shop(tmp_path, scenario)


def test_the_last_allowed_attempt_asks_for_review(tmp_path):
    async def scenario(app, mint, recovery):
        seen = events(app)
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        await app.db.run(lambda s: setattr(s.get(Operation, op_id), "correlation_id", "sale-5"))
        mint.down = True
        first = await recovery.run(op_id)
        assert first.state == "pending"
        second = await recovery.run(op_id)
        assert second == Outcome(op_id, "receive", "needs_review", "error", "mint.unreachable")
        op = op_row(app, op_id)
        assert (op.state, op.attempts, op.next_retry_at) == ("needs_review", 2, None)
        # each attempt's record says what it left the operation in
        assert attempts(app, op_id) == [
            (NOW, "error", "pending", "mint.unreachable", False),
            (NOW, "error", "needs_review", "mint.unreachable", False),
        ]
        assert audit_trail(app)[-1] == (
            "operation.needs_review",
            {"attempts": 2, "code": "mint.unreachable"},
        )
        entry = rows(app, AuditEntry)[-1]
        assert (entry.subject, entry.correlation_id) == (op_id, "sale-5")
        assert OperationChanged(op_id, "receive", "needs_review", "mint.unreachable") in seen
        (note,) = [e for e in seen if isinstance(e, Notification)]
        assert (note.title, note.level, note.kind, note.data) == (
            "An operation needs review",
            "warning",
            "needs_review",
            {"operation_id": op_id, "code": "mint.unreachable"},
        )
        assert note.body == (
            "A receive could not be finished after repeated attempts (mint.unreachable). "
            "Look at it in Activity."
        )
        # The timer leaves it alone; the owner may retry it by hand.
        assert await recovery.open_operations() == []
        assert (await recovery.run(op_id)).action == "none"
        # A manual retry that fails again stays in review without a second warning.
        again = await recovery.run(op_id, manual=True)
        assert (again.state, op_row(app, op_id).attempts) == ("needs_review", 3)
        assert attempts(app, op_id)[-1] == (NOW, "error", "needs_review", "mint.unreachable", True)
        mint.down = False
        outcome = await recovery.run(op_id, manual=True)
        assert outcome == Outcome(op_id, "receive", "recovered", "resent", None, 8)
        assert attempts(app, op_id)[-1] == (NOW, "resent", "recovered", None, True)
        assert [e for e in seen if isinstance(e, Notification)] == [note]

    shop(tmp_path, scenario, max_attempts=2)


def test_a_queued_token_is_planned_then_redeemed(tmp_path):
    async def scenario(app, mint, recovery):
        new = mint.add_keyset()
        text = mint.token(8, keyset_id=new)
        mint.fault("GET", "/v1/keysets", "unreachable", times=3)
        with pytest.raises(PosError):
            await app.wallet.receive(text)
        (op_id,) = await recovery.open_operations()
        assert op_row(app, op_id).step == "queued"
        # Still down: planning fails on the network and the operation waits.
        mint.fault("GET", "/v1/keysets", "unreachable", times=3)
        waiting = await recovery.run(op_id)
        assert (waiting.state, waiting.action, waiting.error_code) == (
            "pending",
            "error",
            "mint.unreachable",
        )
        await app.db.run(
            lambda s: setattr(s.get(Operation, op_id), "details_json", '{"sale_id": "s1"}')
        )
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "recovered", "resent", None, 8)
        assert balance(app) == 8
        op = op_row(app, op_id)
        assert (op.state, op.step, json.loads(op.details_json)) == (
            "recovered",
            "done",
            {"sale_id": "s1"},
        )
        (token,) = rows(app, ReceivedToken)  # the stored token, not a copy
        assert (token.id, token.state) == (op.received_token_id, "redeemed")

    shop(tmp_path, scenario)


def test_a_queued_token_refused_at_planning_fails(tmp_path):
    async def scenario(app, mint, recovery):
        new = mint.add_keyset()
        text = mint.token(8, keyset_id=new)
        mint.fault("GET", "/v1/keysets", "unreachable", times=3)
        with pytest.raises(PosError):
            await app.wallet.receive(text)
        (op_id,) = await recovery.open_operations()
        await app.mints.trust(mint.url, False)  # the owner stopped trusting the mint
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "failed", "failed", "mint.untrusted")
        assert op_row(app, op_id).state == "failed"
        assert attempts(app, op_id) == [(NOW, "failed", "failed", "mint.untrusted", False)]

    shop(tmp_path, scenario)


def test_a_queued_token_refused_by_the_mint_is_closed_by_the_attempt(tmp_path):
    async def scenario(app, mint, recovery):
        new = mint.add_keyset()
        text = mint.token(8, keyset_id=new)
        mint.fault("GET", "/v1/keysets", "unreachable", times=3)
        with pytest.raises(PosError):
            await app.wallet.receive(text)
        (op_id,) = await recovery.open_operations()
        mint.spend(list(parse_token(text).proofs))
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "failed", "error", "token.already_spent")
        op = op_row(app, op_id)
        assert (op.state, op.attempts, op.next_retry_at) == ("failed", 0, None)
        assert attempts(app, op_id) == [(NOW, "error", "failed", "token.already_spent", False)]
        assert await recovery.open_operations() == []

    shop(tmp_path, scenario)


# -- sends -----------------------------------------------------------------------------------


async def funded(app, mint, amount: int) -> None:
    await app.wallet.receive(mint.token(amount))


def test_unsent_export_is_released(tmp_path):
    async def scenario(app, mint, recovery):
        await funded(app, mint, 16)
        mint.fault("POST", "/v1/swap", "unreachable")
        with pytest.raises(PosError):
            await app.wallet.send(mint.url, "sat", 5)
        (op_id,) = await recovery.open_operations()
        assert balance(app) == 0
        detail = op_row(app, op_id).last_error
        assert detail.startswith(f"{mint.url}/v1/swap: ConnectError")
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "send", "failed", "released", "send.not_sent")
        assert balance(app) == 16
        op = op_row(app, op_id)
        assert (op.last_error_code, op.last_error) == ("send.not_sent", detail)

    shop(tmp_path, scenario)


def test_lost_export_answer_is_restored(tmp_path):
    async def scenario(app, mint, recovery):
        await funded(app, mint, 17)  # 16 + 1 less 1 sat fee: one coin of 16
        mint.fault("POST", "/v1/swap", "drop")
        with pytest.raises(PosError):
            await app.wallet.send(mint.url, "sat", 5)
        (op_id,) = await recovery.open_operations()
        op = op_row(app, op_id)
        mint.fault("POST", "/v1/restore", "rewrite", rewrite=reversed_restore)
        outcome = await recovery.run(op_id)
        assert op_row(app, op_id).state == "recovered"
        assert op.fee >= 1
        assert outcome == Outcome(
            op_id, "send", "recovered", "restored", None, op.input_amount - op.fee
        )
        assert balance(app) == 16 - 5 - op.fee

    shop(tmp_path, scenario, FakeMint(fee_ppk=100))


# -- melts, restores, others --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settled", "state", "action", "amount"),
    [
        (None, "pending", "waiting", 0),
        ("PAID", "recovered", "completed", 5),
        ("UNPAID", "failed", "released", 0),
    ],
)
def test_pending_melt_follows_the_quote(tmp_path, settled, state, action, amount):
    async def scenario(app, mint, recovery):
        await funded(app, mint, 16)
        invoice = mint.invoice(5, fee_reserve=1, outcome="PENDING")
        result = await app.wallet.melt(invoice, mint.url)
        assert result.state == "pending"
        (op_id,) = await recovery.open_operations()
        if settled:
            mint.settle(next(iter(mint.melt_quotes)), settled)
        outcome = await recovery.run(op_id)
        assert (outcome.operation_id, outcome.kind) == (op_id, "melt")
        assert (outcome.state, outcome.action, outcome.amount) == (state, action, amount)
        assert op_row(app, op_id).state == state

    shop(tmp_path, scenario)


def test_interrupted_restore_is_resumed(tmp_path):
    async def scenario(app, mint, recovery):
        await funded(app, mint, 8)
        mint.fault("POST", "/v1/restore", "unreachable")
        with pytest.raises(PosError):
            await app.wallet.restore(mint.url)
        (op_id,) = [o.id for o in rows(app, Operation, Operation.kind == "restore")]
        assert op_id in await recovery.open_operations()
        outcome = await recovery.run(op_id)
        assert (outcome.state, outcome.action, outcome.kind) == ("done", "completed", "restore")
        assert outcome.operation_id == op_id
        assert outcome.amount == 8  # found again, and stored once
        assert balance(app) == 8

    shop(tmp_path, scenario)


def test_an_operation_of_another_kind_is_left_for_review(tmp_path, caplog):
    async def scenario(app, mint, recovery):
        op_id = "00000000-0000-0000-0000-00000000000a"
        await app.db.run(
            lambda s: s.add(
                Operation(id=op_id, kind="bridge", state="pending", mint_id=1, unit="sat")
            )
        )
        with caplog.at_level("INFO", logger="pos_app.core.wallet.recovery"):
            outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "bridge", "pending", "error", "recovery.unsupported")
        (recorded,) = rows(app, ErrorRecord)
        assert (recorded.code, recorded.message, recorded.detail, recorded.operation_id) == (
            "recovery.unsupported",
            "This operation cannot be recovered automatically.",
            "bridge",
            op_id,
        )
        assert [r.getMessage() for r in caplog.records] == [
            f"recovery of {op_id} failed: bridge",
            f"recovery of bridge {op_id}: error -> pending",
        ]

    shop(tmp_path, scenario)


def test_unknown_operation(tmp_path):
    async def scenario(app, mint, recovery):
        for attempt in (recovery.run("nope"), recovery.dismiss("nope", "gone")):
            with pytest.raises(PosError) as err:
                await attempt
            assert (err.value.code, err.value.user_message, err.value.detail) == (
                "recovery.unknown",
                "There is no such operation.",
                "nope",
            )

    shop(tmp_path, scenario)


# -- dismissing and listing ------------------------------------------------------------------------


def test_dismiss_needs_a_reason_and_an_open_operation(tmp_path):
    async def scenario(app, mint, recovery):
        seen = events(app)
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        for blank in ("", "   ", None):
            with pytest.raises(PosError) as err:
                await recovery.dismiss(op_id, blank)
            assert (err.value.code, err.value.user_message, err.value.detail) == (
                "recovery.reason_required",
                "Say why this is dismissed.",
                op_id,
            )
        told: list[Outcome] = []

        async def hook(outcome):
            told.append(outcome)
            raise RuntimeError("a listener's bug")

        recovery.on_resolved(hook)
        reason = "  customer paid cash instead " + "x" * 1200
        await app.db.run(lambda s: setattr(s.get(Operation, op_id), "correlation_id", "sale-3"))
        outcome = await recovery.dismiss(op_id, reason)
        entry = rows(app, AuditEntry)[-1]
        assert (entry.subject, entry.actor, entry.correlation_id) == (op_id, "owner", "sale-3")
        assert outcome == Outcome(op_id, "receive", "dismissed", "dismissed")
        assert told == [outcome]
        op = op_row(app, op_id)
        assert (op.state, op.last_error) == ("dismissed", reason.strip()[:1000])
        action, details = audit_trail(app)[-1]
        assert (action, details) == (
            "operation.dismissed",
            {"kind": "receive", "reason": reason.strip()[:200]},
        )
        assert OperationChanged(op_id, "receive", "dismissed") in seen
        with pytest.raises(PosError) as err:
            await recovery.dismiss(op_id, "again")
        assert (err.value.code, err.value.detail) == ("recovery.not_open", op_id)
        assert err.value.user_message == (
            "This operation is already dismissed; there is nothing to dismiss."
        )
        assert await recovery.run_all() == []

    shop(tmp_path, scenario)


def test_an_operation_in_review_may_be_dismissed(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        mint.down = True
        assert (await recovery.run(op_id)).state == "needs_review"
        assert (await recovery.dismiss(op_id, "lost")).state == "dismissed"

    shop(tmp_path, scenario, max_attempts=1)


def test_list_operations_open_and_closed(tmp_path):
    async def scenario(app, mint, recovery):
        await funded(app, mint, 4)
        op_id, _ = await interrupted_receive(app, mint, "unreachable", amount=2)
        await app.db.run(
            lambda s: setattr(
                s.get(Operation, op_id), "details_json", json.dumps({"sale_id": "s9"})
            )
        )
        done_id = next(o.id for o in rows(app, Operation) if o.id != op_id)
        created = op_row(app, done_id).created_at

        def older_pending_and_a_restore(session):
            session.get(Operation, op_id).created_at = created - 10
            session.add(  # inserted last, yet the oldest
                Operation(
                    id="restore-1",
                    kind="restore",
                    state="pending",
                    mint_id=1,
                    unit="sat",
                    created_at=created - 100,
                )
            )

        await app.db.run(older_pending_and_a_restore)
        await app.db.run(lambda s: setattr(s.get(Operation, op_id), "state", "needs_review"))
        assert [o["status"] for o in app.db.transact(list_operations)] == ["needs_review"]
        await app.db.run(lambda s: setattr(s.get(Operation, op_id), "state", "pending"))
        listed = app.db.transact(list_operations)
        assert listed == [
            {
                "id": op_id,
                "kind": "receive",
                "status": "pending",
                "attempts": 0,
                "next_retry_at": None,
                "reason": "mint.unreachable",
                "sale_id": "s9",
                "amount": 2,
                "created_at": created - 10,
            }
        ]
        everything = app.db.transact(lambda s: list_operations(s, include_closed=True))
        assert [(o["status"], o["amount"]) for o in everything] == [("pending", 2), ("done", 4)]
        assert await recovery.open_operations() == ["restore-1", op_id]
        await app.db.run(lambda s: s.delete(s.get(Operation, "restore-1")))
        outcomes = await recovery.run_all()
        assert [o.to_dict() for o in outcomes] == [
            {
                "id": op_id,
                "kind": "receive",
                "state": "recovered",
                "action": "resent",
                "error_code": None,
                "amount": 2,
            }
        ]

    shop(tmp_path, scenario)


def test_two_runs_of_one_operation_take_turns(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        mint.fault("POST", "/v1/checkstate", "delay", delay=0.05, times=2)
        outcomes = await asyncio.gather(recovery.run(op_id), recovery.run(op_id))
        assert sorted(o.action for o in outcomes) == ["none", "resent"]
        assert len(mint.requests("/v1/swap")) == 2  # the lost first try and one resend
        assert balance(app) == 8

    shop(tmp_path, scenario)


def test_two_tills_never_run_one_operation_at_once(tmp_path):
    # Two Recovery objects with their own holders: two tills (or the GUI and the command
    # line) on one database. The in-process lock cannot keep them apart; the claim does.
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        other = Recovery(app.ctx, recovery._policy, clock=recovery.clock)
        assert other.holder != recovery.holder
        mint.fault("POST", "/v1/checkstate", "delay", delay=0.1, times=2)
        first = asyncio.ensure_future(recovery.run(op_id))
        await asyncio.sleep(0.03)  # the first holds the claim, its checkstate in flight
        assert await other.run(op_id) == Outcome(op_id, "receive", "pending", "none")
        with pytest.raises(PosError) as busy:
            await other.run(op_id, manual=True)
        assert busy.value.code == "recovery.in_progress"
        assert (await first).action == "resent"
        assert len(mint.requests("/v1/swap")) == 2  # the lost first try and one resend
        assert balance(app) == 8 and len(attempts(app, op_id)) == 1
        assert rows(app, JobClaim) == []  # let go after the attempt
        # Done: the other finds nothing to do.
        assert (await other.run(op_id, manual=True)).action == "none"

    shop(tmp_path, scenario)


def test_a_claim_left_by_a_dead_process_is_taken_after_its_lease(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")

        def left(session):
            session.add(JobClaim(job=f"op:{op_id}", holder="gone@elsewhere:1:x", until=NOW + 60))

        await app.db.run(left)
        assert (await recovery.run(op_id)).action == "none"
        later = Recovery(app.ctx, recovery._policy, clock=lambda: NOW + 61)
        assert (await later.run(op_id)).action == "resent"
        assert balance(app) == 8

    shop(tmp_path, scenario)


def test_the_owner_cannot_retry_an_operation_whose_first_request_is_in_flight(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")

        def in_flight(session):  # as when another till has just sent it
            op = session.get(Operation, op_id)
            op.step, op.next_retry_at = "prepared", NOW + 100

        await app.db.run(in_flight)
        with pytest.raises(PosError) as busy:
            await recovery.run(op_id, manual=True)
        assert busy.value.code == "recovery.in_progress"
        assert "another till" in busy.value.user_message
        assert len(mint.requests("/v1/swap")) == 1 and attempts(app, op_id) == []
        # Once its lease has run out, the owner's retry goes ahead.
        later = Recovery(app.ctx, recovery._policy, clock=lambda: NOW + 101)
        assert (await later.run(op_id, manual=True)).action == "resent"

    shop(tmp_path, scenario)


def test_dismiss_waits_for_a_run_of_the_same_operation(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        mint.fault("POST", "/v1/checkstate", "delay", delay=0.1)
        running = asyncio.ensure_future(recovery.run(op_id))
        await asyncio.sleep(0.02)  # the run holds the operation now
        with pytest.raises(PosError) as err:
            await recovery.dismiss(op_id, "customer left")
        assert err.value.code == "recovery.not_open"
        assert (await running).state == "recovered"
        assert op_row(app, op_id).state == "recovered" and balance(app) == 8

    shop(tmp_path, scenario)


def test_an_export_that_never_left_says_so_when_nothing_else_was_recorded(tmp_path):
    async def scenario(app, mint, recovery):
        await funded(app, mint, 16)
        mint.fault("POST", "/v1/swap", "unreachable")
        with pytest.raises(PosError):
            await app.wallet.send(mint.url, "sat", 5)
        (op_id,) = await recovery.open_operations()
        # as after a crash before the request: no error was ever recorded
        await app.db.run(lambda s: setattr(s.get(Operation, op_id), "last_error", None))
        outcome = await recovery.run(op_id)
        assert (outcome.state, outcome.action) == ("failed", "released")
        op = op_row(app, op_id)
        assert op.last_error == "The export did not go through; nothing was spent."
        assert balance(app) == 16

    shop(tmp_path, scenario)


def test_a_resend_the_mint_refuses_stays_open(tmp_path):
    async def scenario(app, mint, recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        refusal = {"detail": "outputs are pending", "code": 11004}
        mint.fault("POST", "/v1/swap", "answer", body=refusal)
        outcome = await recovery.run(op_id)
        assert outcome == Outcome(op_id, "receive", "pending", "error", "mint.outputs_pending")
        op = op_row(app, op_id)
        assert (op.state, op.attempts, op.last_error_code) == ("pending", 1, "mint.outputs_pending")
        assert len(rows(app, OperationInput)) == 1  # still claimed
        assert (await recovery.run(op_id)).state == "recovered"
        assert balance(app) == 8

    shop(tmp_path, scenario)


def test_the_retry_settings_are_read_for_each_attempt(tmp_path):
    async def scenario(app, mint, _recovery):
        op_id, _ = await interrupted_receive(app, mint, "unreachable")
        await app.settings.set_many(
            {"retry.max_attempts": 2, "retry.first_delay_seconds": 7, "retry.backoff_factor": 2}
        )
        mint.down = True
        recovery = app.wallet.recovery  # its policy comes from the settings
        await recovery.run(op_id)
        op = op_row(app, op_id)
        assert (op.state, op.attempts) == ("pending", 1)
        assert op.next_retry_at - op.updated_at in (14, 15)  # 7 s doubled, read at once
        assert (await recovery.run(op_id)).state == "needs_review"

    shop(tmp_path, scenario)


def test_a_melt_pending_past_the_last_attempt_asks_for_review_without_a_code(tmp_path):
    async def scenario(app, mint, recovery):
        seen = events(app)
        await funded(app, mint, 16)
        result = await app.wallet.melt(mint.invoice(5, outcome="PENDING"), mint.url)
        outcome = await recovery.run(result.operation_id)
        assert (outcome.state, outcome.action, outcome.error_code) == (
            "needs_review",
            "waiting",
            None,
        )
        (note,) = [e for e in seen if isinstance(e, Notification)]
        assert note.body == (
            "A melt could not be finished after repeated attempts (no answer). "
            "Look at it in Activity."
        )

    shop(tmp_path, scenario, max_attempts=1)
