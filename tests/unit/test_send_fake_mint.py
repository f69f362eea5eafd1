"""Sending ecash on the fake mint: amounts, fees, change, proof and operation states, refusals."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from coincurve import PrivateKey
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.cashu import p2pk
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.events import BalanceChanged, Notification, OperationChanged
from pos_app.core.store.schema import AuditEntry, Export, Operation, ProofRow
from pos_app.core.wallet import send
from pos_app.core.wallet.journal import LEASE_SECONDS
from pos_app.core.wallet.send import SendResult
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, Killed, arm_kill, open_shop


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, mint, scenario, *, fund=(), events=None):
    """Open a shop on ``mint``, receive ``fund`` tokens, then run ``scenario(app)``."""

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            for amount in fund:
                await app.wallet.receive(mint.token(amount))
            if events is not None:
                for kind in (BalanceChanged, OperationChanged, Notification):
                    app.bus.subscribe(kind, events.append)
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def coins(app, **where):
    def read(s):
        q = select(ProofRow)
        for k, v in where.items():
            q = q.where(getattr(ProofRow, k) == v)
        return list(s.scalars(q))

    return app.db.transact(read)


def states(app):
    return sorted((r.amount, r.state) for r in coins(app))


def unspent(app):
    return sum(r.amount for r in coins(app, state="unspent"))


def ops(app, kind="send"):
    return app.db.transact(
        lambda s: list(s.scalars(select(Operation).where(Operation.kind == kind)))
    )


def audits(app, action):
    return app.db.transact(
        lambda s: [
            json.loads(a.details_json)
            for a in s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        ]
    )


def audit_rows(app, action):
    return app.db.transact(
        lambda s: list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))
    )


def export_of(app, export_id):
    return app.db.transact(lambda s: s.get(Export, export_id))


def a_pubkey() -> str:
    return PrivateKey().public_key.format().hex()


def test_exact_coins_leave_without_a_swap(tmp_path):
    mint = FakeMint(fee_ppk=1000)  # 1 sat per input
    events = []

    async def scenario(app):
        assert unspent(app) == 63  # 64 received, 1 sat fee: 1+2+4+8+16+32
        swaps = len(mint.requests("/v1/swap"))
        res = await app.wallet.send(mint.url, "sat", 5)
        assert len(mint.requests("/v1/swap")) == swaps  # no swap
        export = app.db.transact(lambda s: s.get(Export, res.export_id))
        return res, export, states(app), unspent(app), audits(app, "send.done"), ops(app)

    res, export, after, left, done, journal = run_shop(
        tmp_path, mint, scenario, fund=[64], events=events
    )
    assert (res.amount, res.fee, res.unit, res.mint, res.file) == (5, 0, "sat", mint.url, None)
    assert [p.amount for p in parse_token(res.token).proofs] == [1, 4]
    assert left == 58
    assert (1, "exported") in after and (4, "exported") in after
    assert (export.amount, export.token_text, export.purpose) == (5, res.token, "export")
    assert done == [{"amount": 5, "swap": False}]
    assert journal == []
    assert [e for e in events if isinstance(e, BalanceChanged)] == [BalanceChanged(mint.url, "sat")]
    assert res.to_dict() == {
        "token": res.token,
        "amount": 5,
        "mint": mint.url,
        "unit": "sat",
        "fee": 0,
        "file": None,
    }


def test_a_swap_pays_the_input_fee_and_keeps_the_change(tmp_path):
    mint = FakeMint(fee_ppk=1000)
    events = []

    async def scenario(app):
        await app.wallet.send(mint.url, "sat", 5)  # exact: takes the 1 and the 4
        events.clear()
        res = await app.wallet.send(mint.url, "sat", 5, memo="thanks")  # no 1 left: swap
        return res, ops(app), coins(app), unspent(app), audits(app, "send.done")

    res, journal, stored, left, done = run_shop(tmp_path, mint, scenario, fund=[64], events=events)
    assert (res.amount, res.fee) == (5, 1)
    token = parse_token(res.token)
    assert token.amount == 5 and token.memo == "thanks" and token.mint == mint.url
    assert left == 58 - 5 - 1
    [op] = journal
    assert (op.state, op.step, op.fee, op.input_amount) == ("done", "done", 1, 32)
    assert json.loads(op.result_json) == {"export_id": res.export_id, "amount": 5}
    details = json.loads(op.details_json)
    amounts = json.loads(op.output_amounts_json)
    assert amounts == sorted(amounts) and sum(amounts) == 31  # 32 in, 1 fee
    assert sorted(amounts[i] for i in details["send_indexes"]) == [1, 4]
    assert details["amount"] == 5 and details["lock"] is None and details["memo"] == "thanks"
    assert op.counter_count == len(amounts) and op.counter_start is not None
    by_origin = {}
    for r in stored:
        by_origin.setdefault((r.origin, r.state), []).append(r.amount)
    assert sorted(by_origin[("send", "exported")]) == [1, 4]
    assert sum(by_origin[("change", "unspent")]) == 26
    assert all(r.export_id == res.export_id for r in stored if r.origin == "send")
    assert [r.amount for r in stored if r.spent_op_id == op.id] == [32]
    assert [r.state for r in stored if r.spent_op_id == op.id] == ["spent"]
    assert done[-1] == {"amount": 5, "fee": 1, "swap": True}
    assert BalanceChanged(mint.url, "sat") in events
    assert OperationChanged(op.id, "send", "done") in events
    assert all(mint.state_of(p) == "UNSPENT" for p in token.proofs)


def test_a_locked_token_is_always_swapped_to_the_key(tmp_path):
    mint = FakeMint()
    key = a_pubkey()

    async def scenario(app):
        res = await app.wallet.send(mint.url, "sat", 4, lock="  " + key.upper() + " ")
        export = app.db.transact(lambda s: s.get(Export, res.export_id))
        return res, export, ops(app)

    res, export, [op] = run_shop(tmp_path, mint, scenario, fund=[4])
    assert res.locked_to == key and export.locked_to == key
    assert res.to_dict()["locked_to"] == key and "qr_file" not in res.to_dict()
    proofs = parse_token(res.token).proofs
    assert [p.amount for p in proofs] == [4]
    assert all(p2pk.parse_secret(p.secret).data == key for p in proofs)
    # the locked outputs have their own secrets: no counter is spent on them
    assert op.counter_count == 0 and op.counter_start is None
    assert json.loads(op.details_json)["lock"] == key


def test_locked_send_with_change_derives_only_the_change(tmp_path):
    mint = FakeMint()
    key = a_pubkey()

    async def scenario(app):
        res = await app.wallet.send(mint.url, "sat", 3, lock=key)
        return res, ops(app), unspent(app)

    res, [op], left = run_shop(tmp_path, mint, scenario, fund=[8])
    amounts = json.loads(op.output_amounts_json)
    send_idx = json.loads(op.details_json)["send_indexes"]
    assert sorted(amounts[i] for i in send_idx) == [1, 2] and sum(amounts) == 8
    assert op.counter_count == len(amounts) - len(send_idx) == 2  # change 5: 1 + 4
    assert op.counter_start is not None
    assert left == 5
    assert all(p2pk.parse_secret(p.secret).data == key for p in parse_token(res.token).proofs)


@pytest.mark.parametrize("amount", [0, -1, True, 1.5, "5"])
def test_an_amount_that_is_not_a_positive_whole_number_is_refused(tmp_path, amount):
    mint = FakeMint()

    async def scenario(app):
        with pytest.raises(PosError) as err:
            await app.wallet.send(mint.url, "sat", amount)
        return err.value, unspent(app)

    err, left = run_shop(tmp_path, mint, scenario, fund=[8])
    assert err.code == "amount.invalid" and err.detail == str(amount) and left == 8
    assert err.user_message == "The amount must be a positive whole number."


def test_one_sat_can_be_sent(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        return await app.wallet.send(mint.url, "sat", 1), unspent(app)

    res, left = run_shop(tmp_path, mint, scenario, fund=[8])
    assert res.amount == 1 and parse_token(res.token).amount == 1 and left == 7


@pytest.mark.parametrize(
    ("lock", "why"),
    [
        ("02abc", "not hex"),
        ("zz" * 33, "not hex"),
        ("04" + "11" * 32, "not a compressed point"),
        ("", "expected (33,) bytes, got 0"),
    ],
)
def test_a_bad_lock_is_refused_before_anything_moves(tmp_path, lock, why):
    mint = FakeMint()

    async def scenario(app):
        swaps = len(mint.requests("/v1/swap"))
        with pytest.raises(PosError) as err:
            await app.wallet.send(mint.url, "sat", 4, lock=lock)
        return err.value, states(app), len(mint.requests("/v1/swap")) - swaps

    err, after, swaps = run_shop(tmp_path, mint, scenario, fund=[8])
    assert err.code == "send.invalid_lock" and err.detail == f"field 'lock': {why}"
    assert err.user_message == "The public key to lock to is not valid (66 hex characters)."
    assert after == [(8, "unspent")] and swaps == 0


def test_unknown_mint_and_missing_funds_are_refused(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        with pytest.raises(PosError) as unknown:
            await app.wallet.send("http://other-mint.test", "sat", 4)
        with pytest.raises(PosError) as short:
            await app.wallet.send(mint.url, "sat", 9)
        with pytest.raises(PosError) as short_locked:
            await app.wallet.send(mint.url, "sat", 9, lock=a_pubkey())
        return unknown.value, short.value, short_locked.value, states(app)

    unknown, short, short_locked, after = run_shop(tmp_path, mint, scenario, fund=[8])
    assert unknown.code == "mint.unknown" and unknown.detail == "http://other-mint.test"
    assert unknown.user_message == "This mint is not in the shop's list."
    assert short.code == short_locked.code == "wallet.insufficient_funds"
    assert after == [(8, "unspent")]


def test_two_sends_of_the_same_coins_the_second_finds_them_gone(tmp_path):
    # Choosing and taking the coins is one transaction: the second send sees the first's.
    mint = FakeMint()

    async def scenario(app):
        results = await asyncio.gather(
            app.wallet.send(mint.url, "sat", 8),
            app.wallet.send(mint.url, "sat", 8),
            return_exceptions=True,
        )
        return results, states(app)

    results, after = run_shop(tmp_path, mint, scenario, fund=[8])
    ok = [r for r in results if isinstance(r, SendResult)]
    short = [r for r in results if isinstance(r, PosError)]
    assert len(ok) == 1 and [e.code for e in short] == ["wallet.insufficient_funds"]
    assert after == [(8, "exported")]


def test_two_swapped_sends_of_the_same_coin_the_second_finds_it_gone(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        results = await asyncio.gather(
            app.wallet.send(mint.url, "sat", 3),
            app.wallet.send(mint.url, "sat", 3),
            return_exceptions=True,
        )
        return results, unspent(app), ops(app)

    results, left, journal = run_shop(tmp_path, mint, scenario, fund=[8])
    assert sorted(type(r).__name__ for r in results) == ["SendResult", "ValidationError"]
    assert [r.code for r in results if isinstance(r, PosError)] == ["wallet.insufficient_funds"]
    assert left == 5 and len(journal) == 1


def test_export_to_a_file_with_its_qr_code(tmp_path):
    mint = FakeMint()
    out = tmp_path / "stick"
    out.mkdir()

    async def scenario(app):
        with_qr = await app.wallet.send(mint.url, "sat", 4, out=out, qr=True)
        plain = await app.wallet.send(mint.url, "sat", 3, out=out / "three.txt")
        paths = app.db.transact(
            lambda s: [s.get(Export, r.export_id).file_path for r in (with_qr, plain)]
        )
        return with_qr, plain, paths

    with_qr, plain, paths = run_shop(tmp_path, mint, scenario, fund=[8])
    assert with_qr.file and with_qr.qr_file and with_qr.qr_file.endswith(".png")
    # named for what it holds: face value, unit and the mint's host
    assert "-4sat-fake-mint.test-" in Path(with_qr.file).name
    assert Path(with_qr.file).read_text().strip() == with_qr.token
    assert with_qr.to_dict()["qr_file"] == with_qr.qr_file
    assert with_qr.to_dict()["file"] == with_qr.file
    assert plain.file == str(out / "three.txt") and plain.qr_file is None
    assert (out / "three.txt").read_text().strip() == plain.token
    assert paths == [with_qr.file, plain.file]
    assert plain.fee == 0 and plain.amount == 3


def test_a_lost_swap_answer_leaves_the_send_to_recovery(tmp_path):
    mint = FakeMint()
    events = []

    async def scenario(app):
        mint.fault("POST", "/v1/swap", "drop")
        with pytest.raises(PosError) as err:
            await app.wallet.send(mint.url, "sat", 3)
        [op] = ops(app)
        held = states(app)
        outcome = await app.wallet.recovery.run(op.id)
        [done] = ops(app)
        exports = app.db.transact(lambda s: list(s.scalars(select(Export))))
        return err.value, op, held, outcome, done, exports, unspent(app)

    err, op, held, outcome, done, exports, left = run_shop(
        tmp_path, mint, scenario, fund=[8], events=events
    )
    assert err.code == "mint.unreachable"
    assert (op.state, op.step, op.last_error_code) == ("pending", "sent", "mint.unreachable")
    assert op.next_retry_at is None
    assert held == [(8, "pending")]
    assert OperationChanged(op.id, "send", "pending", "mint.unreachable") in events
    assert (done.state, outcome.state) == ("recovered", "recovered")
    assert OperationChanged(op.id, "send", "recovered") in events
    [export] = exports
    assert export.amount == 3 and parse_token(export.token_text).amount == 3
    assert left == 5


def test_a_refused_swap_fails_the_send_and_frees_the_coins(tmp_path):
    mint = FakeMint()
    events = []

    async def scenario(app):
        mint.fault("POST", "/v1/swap", "answer", body={"detail": "keyset inactive", "code": 12002})
        with pytest.raises(PosError) as err:
            await app.wallet.send(mint.url, "sat", 3)
        return err.value, ops(app), states(app)

    err, [op], after = run_shop(tmp_path, mint, scenario, fund=[8], events=events)
    assert err.code.startswith("mint.") or err.code.startswith("keyset")
    assert op.state == "failed" and op.last_error_code == err.code
    assert after == [(8, "unspent")]
    assert OperationChanged(op.id, "send", "failed", err.code) in events


def test_an_unreadable_swap_answer_stays_open_for_recovery(tmp_path):
    mint = FakeMint()
    events = []

    async def scenario(app):
        mint.fault("POST", "/v1/swap", "answer", status=200, body={"signatures": "nonsense"})
        with pytest.raises(PosError) as err:
            await app.wallet.send(mint.url, "sat", 3)
        return err.value, ops(app), states(app), audits(app, "security.bad_signatures")

    err, [op], after, bad = run_shop(tmp_path, mint, scenario, fund=[8], events=events)
    assert err.code == "mint.bad_response"
    assert (op.state, op.last_error_code) == ("pending", "mint.bad_response")
    assert after == [(8, "pending")]
    assert bad == [{"code": "mint.bad_response", "inputs": ["UNSPENT"]}]  # not applied
    assert OperationChanged(op.id, "send", "pending", "mint.bad_response") in events


def test_badly_signed_swap_answer_is_not_exported(tmp_path):
    mint = FakeMint()
    events = []

    def forge(request, status, answer):
        sigs = answer["signatures"]
        sigs[0] = {**sigs[0], "C_": sigs[-1]["C_"]} if len(sigs) > 1 else sigs[0]
        return status, answer

    async def scenario(app):
        mint.fault("POST", "/v1/swap", "rewrite", rewrite=forge)
        with pytest.raises(PosError) as err:
            await app.wallet.send(mint.url, "sat", 3)
        exports = app.db.transact(lambda s: list(s.scalars(select(Export))))
        return err.value, ops(app), exports, audits(app, "security.bad_signatures")

    err, [op], exports, bad = run_shop(tmp_path, mint, scenario, fund=[8], events=events)
    assert err.code.startswith("mint.") and op.state == "pending"
    assert exports == []
    assert bad == [{"code": err.code, "inputs": ["SPENT"]}]
    assert any(isinstance(e, Notification) and e.kind == "security" for e in events)


@pytest.mark.parametrize("lock", [False, True])
def test_purpose_memo_and_correlation_are_recorded(tmp_path, lock):
    mint = FakeMint()

    async def scenario(app):
        res = await send.send(
            app.wallet.ctx,
            mint.url,
            "sat",
            4,
            lock=a_pubkey() if lock else None,
            memo="change for sale 7",
            purpose="change",
            correlation_id="sale-7",
        )
        journal = ops(app)
        return res, export_of(app, res.export_id), audit_rows(app, "send.done"), journal

    res, export, [audit], journal = run_shop(tmp_path, mint, scenario, fund=[4])
    assert export.purpose == "change"
    assert parse_token(res.token).memo == "change for sale 7"
    assert (audit.subject, audit.correlation_id) == (str(res.export_id), "sale-7")
    if lock:
        [op] = journal
        assert (op.correlation_id, op.export_id) == ("sale-7", res.export_id)
    else:
        assert journal == []


def test_exported_and_change_coins_are_linked_to_their_export_and_counters(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        exact = await app.wallet.send(mint.url, "sat", 4)  # the 4 of 4 + 8
        swapped = await app.wallet.send(mint.url, "sat", 3)
        return exact, swapped, ops(app), coins(app), app

    exact, swapped, [op], stored, app = run_shop(tmp_path, mint, scenario, fund=[4, 8])
    [four] = [r for r in stored if r.export_id == exact.export_id]
    assert (four.amount, four.state) == (4, "exported")
    made = [r for r in stored if r.created_op_id == op.id]
    assert sorted((r.origin, r.amount) for r in made) == [
        ("change", 1),
        ("change", 4),
        ("send", 1),
        ("send", 2),
    ]
    counters = sorted(r.counter for r in made)
    assert counters == list(range(op.counter_start, op.counter_start + op.counter_count))
    assert all(r.export_id == swapped.export_id for r in made if r.origin == "send")
    assert all(r.export_id is None for r in made if r.origin == "change")
    export = export_of(app, swapped.export_id)
    assert (export.purpose, export.locked_to) == ("export", None)
    assert op.export_id == swapped.export_id


def test_recovery_matches_restored_signatures_in_any_order(tmp_path):
    mint = FakeMint()

    def reverse(request, status, answer):
        return status, {k: list(reversed(v)) for k, v in answer.items()}

    async def scenario(app):
        mint.fault("POST", "/v1/swap", "drop")
        with pytest.raises(PosError):
            await app.wallet.send(mint.url, "sat", 1, memo="kept")  # 1 sent, 1 + 2 + 4 kept
        [op] = ops(app)
        # an operation journalled by an older version, before purposes were recorded
        details = json.loads(op.details_json)
        del details["purpose"]

        def legacy(s):
            s.get(Operation, op.id).details_json = json.dumps(details)

        await app.db.run(legacy)
        mint.fault("POST", "/v1/restore", "rewrite", rewrite=reverse)
        await app.wallet.recovery.run(op.id)
        [export] = app.db.transact(lambda s: list(s.scalars(select(Export))))
        return export, unspent(app), ops(app)

    export, left, [op] = run_shop(tmp_path, mint, scenario, fund=[8])
    assert op.state == "recovered"
    token = parse_token(export.token_text)
    assert [p.amount for p in token.proofs] == [1] and token.memo == "kept"
    assert export.purpose == "export" and left == 7
    assert all(mint.state_of(p) == "UNSPENT" for p in token.proofs)


def test_an_exact_export_to_a_file(tmp_path):
    mint = FakeMint()
    out = tmp_path / "four.txt"

    async def scenario(app):
        res = await app.wallet.send(mint.url, "sat", 4, out=out, qr=True)
        return res, export_of(app, res.export_id)

    res, export = run_shop(tmp_path, mint, scenario, fund=[4])
    assert res.fee == 0 and res.file == str(out) and export.file_path == str(out)
    assert out.read_text().strip() == res.token and res.qr_file.endswith(".png")


def test_a_file_export_has_no_qr_code_unless_asked(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        return await send.send(app.wallet.ctx, mint.url, "sat", 4, out=tmp_path / "t.txt")

    res = run_shop(tmp_path, mint, scenario, fund=[4])
    assert res.file == str(tmp_path / "t.txt") and res.qr_file is None
    assert list(tmp_path.glob("*.png")) == []


def test_coins_of_a_retired_keyset_are_spent_first(tmp_path):
    mint = FakeMint()
    old = mint.active_keyset().id

    async def scenario(app):
        mint.set_active(old, False)
        mint.add_keyset()
        await app.wallet.receive(mint.token(16))  # the new keyset; the wallet learns of it
        res = await app.wallet.send(mint.url, "sat", 3)
        return res, coins(app)

    res, stored = run_shop(tmp_path, mint, scenario, fund=[8])
    spent = [(r.amount, r.keyset_id) for r in stored if r.state == "spent"]
    assert spent == [(8, old)] and res.fee == 0
    assert all(p.id != old for p in parse_token(res.token).proofs)  # signed by the new one


def test_while_the_swap_is_in_flight_the_send_is_journalled_and_leased(tmp_path):
    mint = FakeMint()
    seen = {}

    async def scenario(app):
        def look(request, status, answer):
            [op] = ops(app)  # the mint has the request: what would a crash leave?
            seen.update(step=op.step, state=op.state, lease=op.next_retry_at, coins=states(app))
            return status, answer

        mint.fault("POST", "/v1/swap", "rewrite", rewrite=look)
        started = time.time()
        await app.wallet.send(mint.url, "sat", 3)
        return started

    started = run_shop(tmp_path, mint, scenario, fund=[8])
    assert (seen["step"], seen["state"], seen["coins"]) == ("prepared", "pending", [(8, "pending")])
    # leased: the retry service leaves it alone while the request may still be answered
    assert seen["lease"] >= int(started) + LEASE_SECONDS


def test_a_send_killed_after_the_swap_is_finished_by_recovery_after_a_restart(
    tmp_path, monkeypatch
):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            await app.wallet.receive(mint.token(8))
            arm_kill(monkeypatch, "after_send_swap")
            with pytest.raises(Killed):
                await app.wallet.send(mint.url, "sat", 3)
            monkeypatch.delenv("POS_TEST_FAULT")
            [op] = ops(app)
        finally:
            await app.aclose()
        again = App.open(tmp_path / "shop", trust_env=False, transport=mint.transport())
        try:
            outcomes = await again.wallet.recovery.run_all()
            exports = again.db.transact(lambda s: list(s.scalars(select(Export))))
            return op, outcomes, exports, unspent(again)
        finally:
            await again.aclose()

    op, outcomes, [export], left = asyncio.run(main())
    assert (op.state, op.step) == ("pending", "prepared")  # swapped, nothing recorded yet
    assert [o.state for o in outcomes] == ["recovered"]
    assert parse_token(export.token_text).amount == 3 and left == 5


def test_a_lost_answer_to_a_locked_send_is_recovered_locked(tmp_path):
    mint = FakeMint()
    key = a_pubkey()

    async def scenario(app):
        mint.fault("POST", "/v1/swap", "drop")
        with pytest.raises(PosError):
            await app.wallet.send(mint.url, "sat", 3, lock=key)
        [op] = ops(app)
        outcome = await app.wallet.recovery.run(op.id)
        [export] = app.db.transact(lambda s: list(s.scalars(select(Export))))
        return outcome, export, unspent(app)

    outcome, export, left = run_shop(tmp_path, mint, scenario, fund=[8])
    assert outcome.state == "recovered" and export.locked_to == key and left == 5
    proofs = parse_token(export.token_text).proofs
    assert sorted(p.amount for p in proofs) == [1, 2]
    assert all(p2pk.parse_secret(p.secret).data == key for p in proofs)


def test_an_export_without_a_mint_comes_from_the_first_mint_holding_it(tmp_path):
    mint = FakeMint()
    second = FakeMint("http://second-mint.test", name="second")

    async def main():
        app = open_shop(tmp_path / "shop", mint, second)
        try:
            await app.mints.add(mint.url)
            await app.mints.add(second.url)
            await app.wallet.receive(mint.token(8))
            await app.wallet.receive(second.token(32))
            first = await app.wallet.send(None, "sat", 8)  # mint is first and holds 8
            after = await app.wallet.send(None, "sat", 8)  # mint is empty now: the next
            await app.mints.prioritize(second.url, 1)
            await app.wallet.receive(mint.token(16))
            moved = await app.wallet.send(None, "sat", 16)  # second first, holding 24
            with pytest.raises(PosError) as short:
                await app.wallet.send(None, "sat", 17)
            return first, after, moved, short.value
        finally:
            await app.aclose()

    first, after, moved, short = asyncio.run(main())
    assert (first.mint, first.amount) == (mint.url, 8)
    assert (after.mint, after.amount) == (second.url, 8)
    assert (moved.mint, moved.amount) == (second.url, 16)
    assert short.code == "wallet.insufficient_funds"
