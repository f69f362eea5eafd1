"""Melting the shop's coins on the fake mint: every answer of the mint and its outcome.

The table in :mod:`pos_app.core.wallet.melt` row by row: what the operation, the
coins, the change and the caller see for PAID, PENDING, UNPAID, unknown states,
error bodies, dropped and unreadable answers, and what recovery makes of them.
"""

from __future__ import annotations

import asyncio
import json
import os
import time

import bolt11
import pytest
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.errors import PosError
from pos_app.core.events import BalanceChanged, Notification, OperationChanged
from pos_app.core.store.schema import AuditEntry, ErrorRecord, Operation, ProofRow
from pos_app.core.wallet import melt
from pos_app.core.wallet.journal import LEASE_SECONDS
from pos_app.core.wallet.melt import MeltResult
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, Killed, arm_kill, open_shop

URL = "/v1/melt/bolt11"


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, mint, scenario, *, fund=(16,), events=None, others=()):
    """A shop on ``mint`` holding ``fund`` (one proof each at a fee-free mint)."""

    async def main():
        app = open_shop(tmp_path / "shop", mint, *others)
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


def coins(app):
    return app.db.transact(lambda s: list(s.scalars(select(ProofRow))))


def states(app):
    return sorted((r.amount, r.state) for r in coins(app))


def unspent(app):
    return sum(r.amount for r in coins(app) if r.state == "unspent")


def the_op(app):
    return app.db.transact(
        lambda s: s.scalars(select(Operation).where(Operation.kind == "melt")).one()
    )


def audits(app, action):
    return app.db.transact(
        lambda s: [
            json.loads(a.details_json)
            for a in s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        ]
    )


async def pay(app, mint, **script):
    return await app.wallet.melt(mint.invoice(**script), mint.url)


async def refused(app, mint, **script):
    with pytest.raises(PosError) as err:
        await pay(app, mint, **script)
    return err.value


def test_paid_melt_keeps_the_unused_reserve_as_change(tmp_path):
    mint = FakeMint()
    events = []

    async def scenario(app):
        res = await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        subjects = app.db.transact(
            lambda s: [a.subject for a in s.scalars(select(AuditEntry)) if a.action == "melt.done"]
        )
        assert subjects == [the_op(app).id]
        return res, the_op(app), coins(app), audits(app, "melt.done")

    res, op, stored, done = run_shop(tmp_path, mint, scenario, events=events)
    assert isinstance(res, MeltResult)
    assert (res.state, res.amount, res.fee_reserve, res.input_fee) == ("paid", 10, 2, 0)
    assert (res.inputs_total, res.change, res.fee_paid) == (16, 5, 1)
    assert res.preimage == "00" * 32 and res.operation_id == op.id and res.mint == mint.url
    assert res.to_dict() == {
        "state": "paid",
        "mint": mint.url,
        "unit": "sat",
        "amount": 10,
        "fee_reserve": 2,
        "input_fee": 0,
        "lightning_fee": 1,
        "change": 5,
        "preimage": "00" * 32,
        "operation_id": op.id,
    }
    assert (op.state, op.step, op.fee, op.input_amount) == ("done", "done", 0, 16)
    # 16 - 10 - 0 can come back: three blank outputs (up to 7)
    assert op.counter_count == 3 and json.loads(op.output_amounts_json) == [1, 1, 1]
    assert json.loads(op.result_json) == {"change": 5, "preimage": "00" * 32, "state": "PAID"}
    details = json.loads(op.details_json)
    assert (details["amount"], details["fee_reserve"]) == (10, 2)
    assert details["invoice"].startswith("lnbcfake10n1")
    assert sorted((r.amount, r.state, r.origin) for r in stored) == [
        (1, "unspent", "change"),
        (4, "unspent", "change"),
        (16, "spent", "received"),
    ]
    assert done == [{"amount": 10, "change": 5, "mint": mint.url}]
    change = [r for r in stored if r.origin == "change"]
    assert all(r.created_op_id == op.id for r in change)
    # counters of the blank outputs the mint signed: recoverable from the seed
    assert {r.counter for r in change} <= set(range(op.counter_start, op.counter_start + 3))
    assert len({r.counter for r in change}) == 2
    assert BalanceChanged(mint.url, "sat") in events
    assert OperationChanged(op.id, "melt", "done") in events


def test_input_fee_is_paid_and_counted(tmp_path):
    mint = FakeMint(fee_ppk=1000)

    async def scenario(app):
        assert states(app) == [(1, "unspent"), (2, "unspent"), (4, "unspent"), (8, "unspent")]
        res = await pay(app, mint, amount=5, fee_reserve=2, fee_paid=0)
        return res, unspent(app)

    res, left = run_shop(tmp_path, mint, scenario)  # 16 received, 1 sat fee: 15
    # the 8 alone covers 5 + 2 reserve + its 1 sat fee; the free route leaves 2 as change
    assert (res.inputs_total, res.input_fee, res.change) == (8, 1, 2)
    assert res.fee_paid == 0
    assert left == 7 + 2


def test_exact_inputs_need_no_blank_outputs(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        return await pay(app, mint, amount=16), the_op(app), unspent(app)

    res, op, left = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.change, res.fee_paid) == ("paid", 0, 0)
    assert op.counter_count == 0 and op.counter_start is None
    assert left == 0
    assert mint.requests("/v1/restore") == []  # no blank outputs: no change to look for


def test_change_the_wallet_did_not_ask_for_is_ignored(tmp_path):
    mint = FakeMint()
    stray = {"amount": 2, "id": mint.active_keyset().id, "C_": mint.pubkey}

    def add_change(request, status, answer):
        return status, {**answer, "change": [stray]}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=add_change)
        return await pay(app, mint, amount=16), the_op(app), unspent(app)

    res, op, left = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.change, op.state, left) == ("paid", 0, "done", 0)


def test_change_missing_from_the_answer_is_restored(tmp_path):
    mint = FakeMint()

    def drop_change(request, status, answer):
        return status, {**answer, "change": None}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=drop_change)
        res = await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        return res, unspent(app), mint.requests("/v1/restore")

    res, left, restores = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.change) == ("paid", 5) and left == 5
    assert len(restores) == 1


def test_restored_change_is_matched_in_any_order(tmp_path):
    mint = FakeMint()

    def drop_change(request, status, answer):
        return status, {**answer, "change": None}

    def reverse(request, status, answer):
        return status, {k: list(reversed(v)) for k, v in answer.items()}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=drop_change)
        mint.fault("POST", "/v1/restore", "rewrite", rewrite=reverse)
        res = await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        return res, sorted((r.amount, r.origin) for r in coins(app) if r.state == "unspent")

    res, kept = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.change) == ("paid", 5) and kept == [(1, "change"), (4, "change")]


def test_badly_signed_change_is_not_kept_and_the_owner_is_told(tmp_path, caplog):
    mint = FakeMint()
    events = []

    def forge(request, status, answer):
        change = answer["change"]
        change[0] = {**change[0], "C_": change[1]["C_"]}
        return status, answer

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=forge)
        invoice = mint.invoice(10, fee_reserve=2, fee_paid=1)
        res = await melt.melt_own(app.wallet.ctx, invoice, mint.url, correlation_id="sale-9")
        errors = app.db.transact(lambda s: list(s.scalars(select(ErrorRecord))))
        correlations = app.db.transact(
            lambda s: {
                a.action: a.correlation_id
                for a in s.scalars(select(AuditEntry))
                if a.action in ("security.bad_signatures", "melt.done")
            }
        )
        assert correlations == {"security.bad_signatures": "sale-9", "melt.done": "sale-9"}
        assert the_op(app).correlation_id == "sale-9"
        return res, the_op(app), unspent(app), audits(app, "security.bad_signatures"), errors

    res, op, left, bad, errors = run_shop(tmp_path, mint, scenario, events=events)
    assert (res.state, res.change, op.state) == ("paid", 0, "done")
    assert left == 0
    assert bad == [{"code": bad[0]["code"], "what": "melt change"}]
    assert bad[0]["code"].startswith("mint.")
    assert [e.operation_id for e in errors] == [op.id]
    [note] = [e for e in events if isinstance(e, Notification)]
    assert (note.level, note.title, note.kind) == ("critical", "Mint sent bad change", "security")
    assert mint.url in note.body and bad[0]["code"] in note.body
    assert note.data == {"operation_id": op.id, "url": mint.url}
    [warning] = [r for r in caplog.records if r.getMessage().startswith("change of melt")]
    why = errors[0].detail
    assert why and warning.getMessage() == f"change of melt {op.id} refused: {bad[0]['code']} {why}"


def test_pending_melt_waits_then_recovery_finishes_it(tmp_path):
    mint = FakeMint()
    events = []

    async def scenario(app):
        res = await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1, outcome="PENDING")
        op = the_op(app)
        held = states(app)
        still = await app.wallet.recovery.run(op.id)  # the mint still says PENDING
        mint.settle(op.quote_id, "PAID")
        outcome = await app.wallet.recovery.run(op.id)
        return res, op, held, still, outcome, the_op(app), unspent(app)

    res, op, held, still, outcome, after, left = run_shop(tmp_path, mint, scenario, events=events)
    assert (res.state, res.change, res.preimage) == ("pending", 0, None)
    assert res.to_dict()["lightning_fee"] is None
    assert (op.state, op.step) == ("pending", "sent") and held == [(16, "pending")]
    assert still.state == "pending"
    assert mint.requests("/v1/checkstate") == []  # PENDING is an answer: nothing to check
    assert outcome.state == after.state == "recovered" and left == 5
    assert json.loads(after.result_json)["change"] == 5
    assert OperationChanged(op.id, "melt", "recovered") in events


def test_pending_melt_that_fails_later_frees_the_coins(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await pay(app, mint, amount=10, fee_reserve=2, outcome="PENDING")
        op = the_op(app)
        mint.settle(op.quote_id, "UNPAID")
        outcome = await app.wallet.recovery.run(op.id)
        return outcome, the_op(app), states(app)

    outcome, op, after = run_shop(tmp_path, mint, scenario)
    assert outcome.state == op.state == "failed"
    assert op.last_error_code == "mint.lightning_failed"
    assert after == [(16, "unspent")]


@pytest.mark.parametrize("state", ["UNPAID", "EXPIRED", "FAILED", "UNKNOWN"])
def test_not_paid_with_the_coins_unspent_fails_and_frees_them(tmp_path, state):
    mint = FakeMint()
    events = []

    def say(request, status, answer):
        return status, {**answer, "state": state}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=say)
        err = await refused(app, mint, amount=10, fee_reserve=2, outcome="UNPAID")
        return err, the_op(app), states(app)

    err, op, after = run_shop(tmp_path, mint, scenario, events=events)
    assert err.code == "mint.lightning_failed"
    assert err.user_message == "The mint did not pay the Lightning invoice; nothing was spent."
    assert state in err.detail and "inputs unspent" in err.detail
    assert op.state == "failed" and op.last_error_code == "mint.lightning_failed"
    assert f"{state}" in op.last_error
    assert after == [(16, "unspent")]
    assert OperationChanged(op.id, "melt", "failed", "mint.lightning_failed") in events
    assert not any(isinstance(e, BalanceChanged) for e in events)


def test_not_paid_but_the_coins_are_spent_stays_pending(tmp_path):
    mint = FakeMint()

    def say_unpaid(request, status, answer):
        return status, {**answer, "state": "UNPAID", "change": None}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=say_unpaid)
        res = await pay(app, mint, amount=10, fee_reserve=2)  # the mint did pay
        op = the_op(app)
        outcome = await app.wallet.recovery.run(op.id)  # the quote says PAID
        return res, op, outcome, unspent(app)

    res, op, outcome, left = run_shop(tmp_path, mint, scenario)
    assert res.state == "pending" and op.state == "pending"
    assert outcome.state == "recovered" and left == 4  # 16 - 10 - 2


def test_not_paid_with_the_coins_pending_stays_pending(tmp_path):
    mint = FakeMint()

    def say_unpaid(request, status, answer):
        return status, {**answer, "state": "UNPAID"}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=say_unpaid)
        res = await pay(app, mint, amount=10, fee_reserve=2, outcome="PENDING")
        return res, the_op(app), states(app)

    res, op, after = run_shop(tmp_path, mint, scenario)
    assert res.state == op.state == "pending" and after == [(16, "pending")]


def test_no_input_states_is_no_proof_of_failure(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        mint.fault("POST", "/v1/checkstate", "answer", status=200, body={"states": []})
        res = await pay(app, mint, amount=10, fee_reserve=2, outcome="UNPAID")
        return res, the_op(app), states(app)

    res, op, after = run_shop(tmp_path, mint, scenario)
    assert res.state == op.state == "pending" and after == [(16, "pending")]


def test_refusal_in_words_with_the_quote_unpaid_raises_the_refusal(tmp_path):
    mint = FakeMint()
    events = []

    async def scenario(app):
        err = await refused(app, mint, amount=10, fee_reserve=2, outcome="FAILED")
        return err, the_op(app), states(app)

    err, op, after = run_shop(tmp_path, mint, scenario, events=events)
    assert err.code == "mint.refused" and "no route" in err.detail  # the mint's own words
    assert op.state == "failed" and after == [(16, "unspent")]
    assert op.last_error_code == "mint.lightning_failed"  # the quote's verdict
    assert OperationChanged(op.id, "melt", "failed", "mint.lightning_failed") in events


def test_refusal_in_words_with_the_quote_paid_is_paid(tmp_path):
    mint = FakeMint()

    def refuse(request, status, answer):
        return 400, {"detail": "Lightning backend error", "code": 20004}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=refuse)
        res = await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        return res, the_op(app), unspent(app)

    res, op, left = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.change, op.state) == ("paid", 5, "done") and left == 5
    assert op.last_error_code == "mint.lightning_failed"


def test_refusal_in_words_with_the_quote_pending_stays_pending(tmp_path):
    mint = FakeMint()

    def refuse(request, status, answer):
        return 400, {"detail": "Lightning backend error", "code": 20004}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=refuse)
        res = await pay(app, mint, amount=10, fee_reserve=2, outcome="PENDING")
        return res, the_op(app)

    res, op = run_shop(tmp_path, mint, scenario)
    assert res.state == op.state == "pending"


def test_refusal_then_the_mint_unreachable_raises_and_stays_pending(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        mint.fault("POST", URL, "answer", body={"detail": "backend error", "code": 20004})
        mint.fault("GET", "/v1/melt/quote/bolt11/.*", "unreachable", times=None)
        err = await refused(app, mint, amount=10, fee_reserve=2)
        return err, the_op(app), states(app)

    err, op, after = run_shop(tmp_path, mint, scenario)
    assert err.code == "mint.unreachable"
    assert op.state == "pending" and after == [(16, "pending")]


def test_refusal_then_an_unreadable_quote_stays_pending(tmp_path, caplog):
    mint = FakeMint()
    events = []

    async def scenario(app):
        mint.fault("POST", URL, "answer", body={"detail": "backend error", "code": 20004})
        mint.fault("GET", "/v1/melt/quote/bolt11/.*", "answer", status=200, body={"nonsense": True})
        res = await pay(app, mint, amount=10, fee_reserve=2)
        return res, the_op(app), states(app)

    res, op, after = run_shop(tmp_path, mint, scenario, events=events)
    assert res.state == op.state == "pending" and after == [(16, "pending")]
    assert op.last_error_code == "mint.bad_response" and op.step == "sent"
    assert f"melt {op.id} not settled yet: mint.bad_response {op.last_error}" in caplog.text
    assert OperationChanged(op.id, "melt", "pending", "mint.bad_response") in events


@pytest.mark.parametrize(
    ("action", "status", "code"),
    [
        ("drop", 400, "mint.unreachable"),
        ("timeout", 400, "mint.timeout"),
        ("answer", 502, "mint.server_error"),
        ("answer", 200, "mint.bad_response"),
    ],
)
def test_no_readable_answer_raises_and_recovery_decides(tmp_path, action, status, code):
    mint = FakeMint()
    events = []

    async def scenario(app):
        body = "<html>bad gateway</html>" if status == 502 else {"state": 7}
        mint.fault("POST", URL, action, status=status, body=body)
        err = await refused(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        op = the_op(app)
        held = states(app)
        outcome = await app.wallet.recovery.run(op.id)
        return err, op, held, outcome, unspent(app)

    err, op, held, outcome, left = run_shop(tmp_path, mint, scenario, events=events)
    assert err.code == code
    assert (op.state, op.step, op.last_error_code) == ("pending", "sent", code)
    assert op.next_retry_at is None and held == [(16, "pending")]
    assert OperationChanged(op.id, "melt", "pending", code) in events
    applied = action in ("drop", "timeout")
    assert outcome.state == ("recovered" if applied else "failed")
    assert left == (5 if applied else 16)


def test_paid_but_the_change_cannot_be_fetched_stays_pending(tmp_path):
    mint = FakeMint()

    def drop_change(request, status, answer):
        return status, {**answer, "change": None}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=drop_change)
        mint.fault("POST", "/v1/restore", "answer", status=200, body={"bad": 1})
        res = await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        op = the_op(app)
        outcome = await app.wallet.recovery.run(op.id)
        return res, op, outcome, unspent(app)

    res, op, outcome, left = run_shop(tmp_path, mint, scenario)
    assert res.state == op.state == "pending" and op.last_error_code == "mint.bad_response"
    assert outcome.state == "recovered" and left == 5


def test_paid_but_the_mint_unreachable_for_the_change_raises(tmp_path):
    mint = FakeMint()

    def drop_change(request, status, answer):
        return status, {**answer, "change": None}

    async def scenario(app):
        mint.fault("POST", URL, "rewrite", rewrite=drop_change)
        mint.fault("POST", "/v1/restore", "unreachable")
        err = await refused(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        return err, the_op(app)

    err, op = run_shop(tmp_path, mint, scenario)
    assert err.code == "mint.unreachable" and op.state == "pending"


def real_invoice(sats: int, *, msat: int | None = None) -> str:
    """A signed BOLT11 invoice of ``sats`` (or ``msat``; 0: no amount)."""
    tags = bolt11.Tags()
    tags.add(bolt11.TagChar.payment_hash, os.urandom(32).hex())
    tags.add(bolt11.TagChar.payment_secret, os.urandom(32).hex())
    tags.add(bolt11.TagChar.description, "melt test")
    millis = sats * 1000 if msat is None else msat
    amount = bolt11.MilliSatoshi(millis) if millis else None
    invoice = bolt11.Bolt11(
        currency="bcrt",
        date=int(time.time()),
        tags=tags,
        amount_msat=amount,
    )
    return bolt11.encode(invoice, os.urandom(32).hex())


def test_the_first_trusted_mint_holding_the_amount_pays_when_none_is_named(tmp_path):
    mint = FakeMint()
    first = FakeMint("http://first-mint.test", name="first")

    async def scenario(app):
        await app.mints.add(first.url)
        await app.wallet.receive(first.token(4))
        await app.mints.prioritize(first.url, 1)  # first in the order, but holds only 4
        ten = mint.invoice(10, fee_reserve=2, request=real_invoice(10))
        paid_ten = await app.wallet.melt("  " + ten + "\n")
        op = the_op(app)
        three = first.invoice(3, request=real_invoice(3))
        paid_three = await app.wallet.melt(three)
        return ten, paid_ten, op, paid_three

    ten, paid_ten, op, paid_three = run_shop(tmp_path, mint, scenario, others=(first,))
    assert paid_ten.state == "paid" and paid_ten.mint == mint.url
    assert json.loads(op.details_json)["invoice"] == ten
    assert paid_three.state == "paid" and paid_three.mint == first.url


def test_the_invoice_amount_that_chooses_the_mint():
    assert melt._invoice_sats(real_invoice(10)) == 10
    assert melt._invoice_sats(real_invoice(0, msat=10_001)) == 11  # part of a sat: one more
    assert melt._invoice_sats(real_invoice(0, msat=1)) == 1
    assert melt._invoice_sats(real_invoice(0)) == 1  # no amount: any coin will do to start
    assert melt._invoice_sats("lnbcfake10n1xyz") == 1  # unreadable: the mint's quote says why


def test_an_invoice_without_a_readable_amount_goes_to_the_first_trusted_mint(tmp_path):
    mint = FakeMint()
    other = FakeMint("http://other-mint.test", name="other")

    async def scenario(app):
        await app.mints.add(other.url)
        await app.wallet.receive(other.token(12))
        await app.mints.prioritize(other.url, 1)  # first, though the shop holds more at mint
        return await app.wallet.melt(other.invoice(10, fee_reserve=2))

    res = run_shop(tmp_path, mint, scenario, others=(other,))
    assert res.state == "paid" and res.mint == other.url


def test_refusals_before_anything_is_spent(tmp_path):
    mint = FakeMint()
    stranger = FakeMint("http://stranger-mint.test", name="stranger")

    async def scenario(app):
        with pytest.raises(PosError) as unknown:
            await app.wallet.melt(stranger.invoice(5), stranger.url)
        with pytest.raises(PosError) as short:
            await pay(app, mint, amount=15, fee_reserve=2)
        return unknown.value, short.value, states(app), mint.requests(URL)

    unknown, short, after, melts = run_shop(tmp_path, mint, scenario, others=(stranger,))
    assert unknown.code == "mint.unknown" and unknown.detail == stranger.url
    assert short.code == "wallet.insufficient_funds"
    assert after == [(16, "unspent")] and melts == []


def test_two_melts_of_the_same_coin_one_is_told_busy(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        results = await asyncio.gather(
            pay(app, mint, amount=10, fee_reserve=2),
            pay(app, mint, amount=10, fee_reserve=2),
            return_exceptions=True,
        )
        return results, unspent(app)

    results, left = run_shop(tmp_path, mint, scenario)
    assert sorted(type(r).__name__ for r in results) == ["MeltResult", "ValidationError"]
    [busy] = [r for r in results if isinstance(r, PosError)]
    assert busy.code == "wallet.busy" and left == 4
    assert busy.user_message == "Those coins were just used. Try again."
    assert busy.detail.endswith("no longer unspent")  # the conditional update's row count


def test_quote_asks_the_mint_for_the_stripped_invoice(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        invoice = mint.invoice(21, fee_reserve=3)
        return invoice, await melt.quote(app.wallet.ctx, mint.url, " " + invoice + "\n")

    invoice, q = run_shop(tmp_path, mint, scenario, fund=())
    assert (q.amount, q.fee_reserve, q.request, q.state) == (21, 3, invoice, "UNPAID")


def test_coins_of_a_retired_keyset_are_melted_first(tmp_path):
    mint = FakeMint()
    old = mint.active_keyset().id

    async def scenario(app):
        mint.set_active(old, False)
        mint.add_keyset()
        await app.wallet.receive(mint.token(16))
        res = await pay(app, mint, amount=5, fee_reserve=1)
        return res, coins(app)

    res, stored = run_shop(tmp_path, mint, scenario, fund=(8,))
    assert [(r.amount, r.keyset_id) for r in stored if r.state == "spent"] == [(8, old)]
    assert res.inputs_total == 8


def test_a_melt_killed_after_the_answer_is_finished_by_recovery_after_a_restart(
    tmp_path, monkeypatch
):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            await app.wallet.receive(mint.token(16))
            arm_kill(monkeypatch, "after_melt")
            with pytest.raises(Killed):
                await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1)
            monkeypatch.delenv("POS_TEST_FAULT")
            op = the_op(app)
        finally:
            await app.aclose()
        again = App.open(tmp_path / "shop", trust_env=False, transport=mint.transport())
        try:
            outcomes = await again.wallet.recovery.run_all()
            return op, outcomes, the_op(again), unspent(again)
        finally:
            await again.aclose()

    op, outcomes, after, left = asyncio.run(main())
    assert (op.state, op.step) == ("pending", "prepared")  # paid, nothing recorded yet
    assert [o.state for o in outcomes] == ["recovered"] and after.state == "recovered"
    assert json.loads(after.result_json)["change"] == 5 and left == 5


def test_while_the_melt_is_in_flight_it_is_journalled_leased_with_blank_outputs(tmp_path):
    mint = FakeMint()
    seen = {}

    async def scenario(app):
        def look(request, status, answer):
            op = the_op(app)  # the mint has the request: what would a crash leave?
            seen.update(step=op.step, lease=op.next_retry_at, coins=states(app))
            seen["blank"] = [o["amount"] for o in request["outputs"]]
            return status, answer

        mint.fault("POST", URL, "rewrite", rewrite=look)
        started = time.time()
        await pay(app, mint, amount=10, fee_reserve=2, fee_paid=1)
        return started

    started = run_shop(tmp_path, mint, scenario)
    assert (seen["step"], seen["coins"]) == ("prepared", [(16, "pending")])
    assert seen["lease"] >= int(started) + LEASE_SECONDS
    assert seen["blank"] == [1, 1, 1]  # NUT-08 blank outputs: amount 1, the mint sets it


def test_the_lease_outlasts_the_longest_request():
    # Recovery must never run an operation whose till still waits for the mint's answer.
    from pos_app.core.mint import client

    assert max(client.MELT_DEADLINE, client.REQUEST_DEADLINE) < LEASE_SECONDS
