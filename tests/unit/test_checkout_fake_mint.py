"""Taking tokens for sales on the fake mint: policy, fee caps, swap or melt, offline, recovery.

Each test runs the checkout as a till does (``app.sales.pay``) and checks what the
shop ends up with: the sale's state and amount paid, the payment's state, method,
fees and error, the shop's coins, and the stored token, whatever happened.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from sqlalchemy import func, select, update

from pos_app.app import App
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.events import Notification
from pos_app.core.payments import stalled
from pos_app.core.payments.checkout import Checkout
from pos_app.core.store.schema import (
    AuditEntry,
    Export,
    KeysetRow,
    Operation,
    OperationInput,
    Payment,
    ProofRow,
    ReceivedToken,
    Sale,
)
from pos_app.core.wallet.recovery import Outcome
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, Killed, arm_kill, open_shop
from tests.support.lnurlserver import LnurlServer

# The money path and its reports on each store a shop can have.
pytestmark = pytest.mark.both_stores


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


@pytest.fixture
def lnurl():
    with LnurlServer() as server:
        yield server


def run_shop(tmp_path, mint, scenario, *, settings=None, trusted=True, others=()):
    async def main():
        app = open_shop(tmp_path / "shop", mint, *others)
        try:
            await app.mints.add(mint.url, trusted=trusted)
            if settings:
                await app.db.run(lambda s: app.config.set_many(s, settings))
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def new_sale(app, amount=21):
    return (await app.sales.new_sale(str(amount), "sat"))["sale_id"]


async def refused(app, sale_id, text):
    with pytest.raises(PosError) as err:
        await app.sales.pay(sale_id, text)
    return err.value


def payments(app):
    return app.db.transact(
        lambda s: list(s.scalars(select(Payment).order_by(Payment.created_at, Payment.id)))
    )


def the_sale(app, sale_id):
    return app.db.transact(lambda s: s.get(Sale, sale_id))


def tokens(app):
    return app.db.transact(lambda s: list(s.scalars(select(ReceivedToken))))


def balance(app):
    return app.db.transact(
        lambda s: sum(
            r.amount for r in s.scalars(select(ProofRow).where(ProofRow.state == "unspent"))
        )
    )


# -- swap: tokens of the shop's own mints ------------------------------------------------


def test_an_exact_token_pays_the_sale(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        text = mint.token(21)
        res = await app.sales.pay(sale_id, text, source="scan")
        return res, payments(app), tokens(app), balance(app), text

    res, [payment], [token], coins, text = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.paid, res.due, res.remaining) == ("paid", 21, 21, 0)
    assert (payment.state, payment.method, payment.mint_url, payment.unit) == (
        "settled",
        "swap",
        mint.url,
        "sat",
    )
    assert (payment.amount, payment.credited, payment.mint_fee) == (21, 21, 0)
    assert payment.offline is False and payment.error_code is None
    assert (token.token_text, token.source, token.state) == (text, "scan", "redeemed")
    assert payment.received_token_id == token.id
    assert coins == 21


def test_a_swap_payment_flushes_twice_on_each_side_of_the_swap(tmp_path):
    # The pay path's own time is mostly the ORM's work per flush (issue 17). Before the
    # swap: the journal entry, then the payment with the commit; after it: the operation
    # closed with its audit entry (the settlement's savepoint), then the settlement. A
    # statement that flushes on its own between a change and the commit adds one.
    mint = FakeMint()
    flushes = []

    def flushed(session, _context):
        flushes.append(sorted({type(o).__name__ for o in [*session.new, *session.dirty]}))

    async def scenario(app):
        sale_id = await new_sale(app)
        text = mint.token(21)
        app.db.listen("after_flush", flushed)
        try:
            return await app.sales.pay(sale_id, text)
        finally:
            app.db.unlisten("after_flush", flushed)

    res = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.paid) == ("paid", 21)
    assert flushes == [
        ["Operation"],
        ["Payment"],
        ["AuditEntry", "Operation"],
        ["AuditEntry", "Payment", "Sale"],
    ]


def test_one_sat_short_leaves_one_due_and_the_next_token_completes(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        first = await app.sales.pay(sale_id[:8], mint.token(20))  # a prefix finds the sale
        second = await app.sales.pay(sale_id, mint.token(1))
        return first, second

    first, second = run_shop(tmp_path, mint, scenario)
    assert (first.state, first.paid, first.remaining) == ("partially_paid", 20, 1)
    assert (second.state, second.paid, second.remaining) == ("paid", 21, 0)


@pytest.mark.parametrize(
    ("cap", "allowance", "accepted"),
    [("1.57", 0, True), ("1.56", 0, True), ("1.55", 0, False), ("0", 1, True), ("0", 0, False)],
)
def test_the_mint_fee_cap_at_its_boundary(tmp_path, cap, allowance, accepted):
    mint = FakeMint(fee_ppk=1000)  # one 64 sat proof: 1 sat fee, 1.5625 % -> 1.56 %
    settings = {"fees.max_mint_fee_pct": cap, "fees.always_accept": allowance}

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        text = mint.token(64)
        if accepted:
            return await app.sales.pay(sale_id, text), payments(app), balance(app)
        return await refused(app, sale_id, text), payments(app), balance(app)

    res, [payment], coins = run_shop(tmp_path, mint, scenario, settings=settings)
    if accepted:
        assert (res.state, res.paid) == ("paid", 64)  # the shop bears the mint fee
        assert (payment.state, payment.mint_fee, coins) == ("settled", 1, 63)
    else:
        assert res.code == "fee.too_high" and "mint fee of 1 sat is 1.56%" in res.user_message
        assert res.data["allowance"] == allowance and res.data["amount"] == 64
        assert (payment.state, payment.error_code, coins) == ("rejected", "fee.too_high", 0)
        assert all(r[1] != "/v1/swap" for r in mint.requests())


def test_refusals_from_the_sale_and_the_token(tmp_path):
    mint = FakeMint()
    mint.add_keyset("usd")

    async def scenario(app):
        errors = {}
        sale_id = await new_sale(app)
        errors["unit"] = await refused(app, sale_id, mint.token(21, unit="usd"))
        errors["junk"] = await refused(app, sale_id, "cashuBnotatoken")
        spent = mint.token(21)
        await app.wallet.receive(spent)
        errors["spent"] = await refused(app, sale_id, spent)
        await app.sales.pay(sale_id, mint.token(21))
        errors["paid"] = await refused(app, sale_id, mint.token(5))
        other = await new_sale(app)
        await app.sales.cancel(other)
        errors["cancelled"] = await refused(app, other, mint.token(5))
        ops = app.db.transact(lambda s: list(s.scalars(select(Operation))))
        return errors, payments(app), tokens(app), the_sale(app, sale_id), ops

    errors, pays, stored, sale, ops = run_shop(tmp_path, mint, scenario)
    assert {k: e.code for k, e in errors.items()} == {
        "unit": "unit.mismatch",
        "junk": errors["junk"].code,
        "spent": "token.already_spent",
        "paid": "sale.already_paid",
        "cancelled": "sale.cancelled",
    }
    assert errors["junk"].code.startswith("token.")
    assert errors["unit"].user_message == ("This token is in usd, but the sale is priced in sat.")
    assert errors["unit"].detail == "token unit usd"
    # every token offered is stored, refused or not (the one received directly too)
    assert len(stored) == 6 + 1
    assert sorted(p.state for p in pays) == ["rejected"] * 5 + ["settled"]
    assert sorted(p.error_code for p in pays if p.state == "rejected") == sorted(
        e.code for e in errors.values()
    )
    assert sale.state == "paid"
    # the spent token's journal entry was undone: only the two swaps that were made
    assert [o.state for o in ops] == ["done", "done"]


def test_an_untrusted_mint_is_refused_without_contacting_it(tmp_path):
    mint = FakeMint()
    stranger = FakeMint("http://stranger.test", name="stranger")

    async def scenario(app):
        sale_id = await new_sale(app)
        return await refused(app, sale_id, stranger.token(21)), payments(app)

    err, [payment] = run_shop(tmp_path, mint, scenario, others=(stranger,))
    assert err.code == "mint.untrusted" and payment.state == "rejected"
    assert stranger.requests() == []


def test_two_tokens_at_once_for_one_sale_pay_it_once(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        texts = [mint.token(21), mint.token(21)]
        results = await asyncio.gather(
            *(app.sales.pay(sale_id, t) for t in texts), return_exceptions=True
        )
        return results, tokens(app), balance(app), texts

    results, stored, coins, texts = run_shop(tmp_path, mint, scenario)
    assert results[0].state == "paid"
    assert isinstance(results[1], PosError) and results[1].code == "sale.already_paid"
    assert sorted(t.token_text for t in stored) == sorted(texts)
    assert coins == 21


# -- a till killed around the swap ----------------------------------------------------------


@pytest.mark.parametrize(("point", "spent"), [("before_swap", False), ("after_swap", True)])
def test_a_till_killed_around_a_payments_swap_settles_the_sale_once_on_restart(
    tmp_path, monkeypatch, point, spent
):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            sale_id = await new_sale(app)
            text = mint.token(21)
            arm_kill(monkeypatch, point)
            with pytest.raises(Killed):
                await app.sales.pay(sale_id, text)
            monkeypatch.delenv("POS_TEST_FAULT")
            # What the payment's one transaction before the mint call committed.
            killed = (
                payments(app),
                tokens(app),
                app.db.transact(lambda s: list(s.scalars(select(Operation)))),
                mint.state_of(parse_token(text).proofs[0]),
            )
        finally:
            await app.aclose()
        again = App.open(tmp_path / "shop", trust_env=False, transport=mint.transport())
        try:
            outcomes = await again.wallet.recovery.run_all()
            second = await again.wallet.recovery.run_all()
            settled = [
                a
                for a in again.db.transact(lambda s: list(s.scalars(select(AuditEntry))))
                if a.action == "payment.settled"
            ]
            return (
                killed, outcomes, second, payments(again), the_sale(again, sale_id),
                balance(again), settled, mint.state_of(parse_token(text).proofs[0]),
            )  # fmt: skip
        finally:
            await again.aclose()

    killed, outcomes, second, [payment], sale, coins, settled, state = asyncio.run(main())
    [before], [token], [op], at_kill = killed
    assert (op.kind, op.state, op.step) == ("receive", "pending", "prepared")
    assert (before.state, before.operation_id) == ("processing", op.id)
    assert token.state == "processing" and op.received_token_id == token.id
    assert at_kill == ("SPENT" if spent else "UNSPENT") and state == "SPENT"
    assert [(o.state, o.amount) for o in outcomes] == [("recovered", 21)]
    assert second == []
    assert (payment.state, payment.credited, sale.state, sale.paid) == ("settled", 21, "paid", 21)
    assert len(settled) == 1 and coins == 21


# -- the mint fails mid-way -----------------------------------------------------------------


def test_a_dropped_swap_is_recovering_then_settled_by_recovery(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        mint.fault("POST", "/v1/swap", "drop")
        res = await app.sales.pay(sale_id, mint.token(21))
        [payment] = payments(app)
        await app.wallet.recovery.run_all()
        return res, payment, payments(app)[0], the_sale(app, sale_id), balance(app)

    res, before, after, sale, coins = run_shop(tmp_path, mint, scenario)
    assert (res.state, res.paid) == ("pending", 0) or res.paid == 0
    assert res.payment["state"] == "recovering" and "offline" in res.message
    assert (before.state, before.error_code) == ("recovering", "mint.unreachable")
    assert before.operation_id is not None
    assert (after.state, after.credited, sale.state, sale.paid) == ("settled", 21, "paid", 21)
    assert coins == 21


def test_an_unbelievable_swap_answer_is_recovering(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        mint.fault("POST", "/v1/swap", "answer", status=200, body={"signatures": 5})
        res = await app.sales.pay(sale_id, mint.token(21))
        return res, payments(app)

    res, [payment] = run_shop(tmp_path, mint, scenario)
    assert res.paid == 0 and "failed its checks" in res.message
    assert (payment.state, payment.error_code) == ("recovering", "mint.bad_response")


def test_a_mint_down_at_the_check_queues_the_token_for_recovery(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        mint.down = True
        res = await app.sales.pay(sale_id, mint.token(21))
        [payment] = payments(app)
        op = app.db.transact(lambda s: s.get(Operation, payment.operation_id))
        mint.down = False
        await app.wallet.recovery.run_all()
        return res, payment, op, payments(app)[0], the_sale(app, sale_id)

    res, before, op, after, sale = run_shop(tmp_path, mint, scenario)
    assert res.paid == 0 and before.state == "recovering"
    assert op.kind == "receive" and json.loads(op.details_json)["payment_id"] == before.id
    assert (after.state, sale.state, sale.paid) == ("settled", "paid", 21)


# -- offline acceptance: tokens locked to the shop while their mint is down ----------------

OFFLINE = {"offline.enabled": True, "offline.max_per_sale": 21, "offline.max_per_day": 1000}


def offline_case(tmp_path, *, settings, amount=21, lock=True, dleq=True, earlier=(), fault=None):
    """Offer ``amount`` locked to the shop while the mint is down (after ``earlier`` offline
    payments of other sales today); returns the result, the payment and the sale."""
    mint = FakeMint()

    async def scenario(app):
        key = app.wallet.pubkey

        def text(n):
            return mint.token(n, locked_to=key if lock else None, dleq=dleq)

        for n in earlier:
            other = await new_sale(app, n)
            mint.down = True
            assert (await app.sales.pay(other, mint.token(n, locked_to=key))).state == "paid"
        sale_id = await new_sale(app, 21)
        if fault:
            mint.down = False
            mint.fault("POST", "/v1/swap", fault)
        else:
            mint.down = True
        res = await app.sales.pay(sale_id, text(amount))
        payment = app.db.transact(
            lambda s: s.scalars(select(Payment).where(Payment.sale_id == sale_id)).one()
        )
        return res, payment, the_sale(app, sale_id), app, mint

    return run_shop(tmp_path, mint, scenario, settings=settings)


def test_a_locked_token_is_taken_offline_within_the_caps(tmp_path):
    res, payment, sale, _, _ = offline_case(tmp_path, settings=OFFLINE)
    assert (res.state, res.paid, sale.state) == ("paid", 21, "paid")
    assert (payment.state, payment.offline, payment.credited) == ("settled", True, 21)
    assert payment.operation_id is not None and payment.mint_fee == 0


@pytest.mark.parametrize(
    ("changes", "kwargs"),
    [
        ({"offline.max_per_sale": 20}, {}),  # one sat over the per-sale cap
        ({"offline.enabled": False}, {}),
        ({}, {"lock": False}),
        ({}, {"dleq": False}),
        ({"offline.max_per_day": 30}, {"earlier": (10,)}),  # 10 + 21 > 30
    ],
)
def test_offline_acceptance_is_refused_outside_its_rules(tmp_path, changes, kwargs):
    res, payment, sale, _, _ = offline_case(tmp_path, settings={**OFFLINE, **changes}, **kwargs)
    assert res.paid == 0 and sale.state != "paid"
    assert (payment.state, payment.offline) == ("recovering", False)
    assert payment.error_code == "mint.unreachable" and payment.operation_id is not None


def test_the_daily_offline_cap_counts_earlier_payments_up_to_its_limit(tmp_path):
    settings = {**OFFLINE, "offline.max_per_day": 31}
    res, payment, _, _, _ = offline_case(tmp_path, settings=settings, earlier=(10,))
    assert (res.state, payment.offline) == ("paid", True)  # 10 + 21 = 31


def test_a_swap_that_fails_in_transit_is_taken_offline(tmp_path):
    res, payment, sale, _, _mint = offline_case(tmp_path, settings=OFFLINE, fault="unreachable")
    assert (res.state, payment.state, payment.offline) == ("paid", "settled", True)
    assert payment.mint_fee == 0 and sale.paid == 21


def test_recovery_of_a_token_taken_offline_credits_nothing_more(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        mint.down = True
        await app.sales.pay(sale_id, mint.token(21, locked_to=app.wallet.pubkey))
        mint.down = False
        await app.wallet.recovery.run_all()
        return payments(app), the_sale(app, sale_id), balance(app)

    [payment], sale, coins = run_shop(tmp_path, mint, scenario, settings=OFFLINE)
    assert (payment.state, payment.credited, sale.paid, sale.state) == ("settled", 21, 21, "paid")
    assert coins == 21  # the money arrived; the sale was not credited twice


def test_a_token_taken_offline_but_spent_elsewhere_fails_after_recovery(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        mint.down = True
        text = mint.token(21, locked_to=app.wallet.pubkey)
        await app.sales.pay(sale_id, text)
        mint.down = False
        mint.spend(list(parse_token(text).proofs))
        await app.wallet.recovery.run_all()
        return payments(app), balance(app)

    [payment], coins = run_shop(tmp_path, mint, scenario, settings=OFFLINE)
    assert payment.state == "failed" and payment.credited == 21 and coins == 0


# -- melt: tokens of other mints paid out to the shop's Lightning address -------------------


def melt_case(
    tmp_path, lnurl, *, amount=100, script=None, settings=None, trusted=False, act=None, fee_ppk=0
):
    """Pay a sale of ``amount`` with a stranger's token, melted to ``lnurl``."""
    mint = FakeMint()
    stranger = FakeMint("http://stranger.test", name="stranger", fee_ppk=fee_ppk)
    stranger.pay_any_invoice(**(script or {"fee_reserve": 2, "fee_paid": 1}))
    values = {
        "mode": "auto_convert" if trusted else "hold_when_trusted",
        "lightning.address": lnurl.address(),
        "fees.always_accept": 0,
        "fees.max_lightning_fee_pct": 2,
        **(settings or {}),
    }

    async def scenario(app):
        if trusted:
            await app.mints.add(stranger.url)
        sale_id = await new_sale(app, amount)
        text = stranger.token(amount)
        if act is None:
            res = await app.sales.pay(sale_id, text)
        else:
            res = await act(app, sale_id, text, stranger)
        pays = payments(app)
        return res, pays, the_sale(app, sale_id), stranger

    return run_shop(tmp_path, mint, scenario, settings=values, others=(stranger,))


def test_a_melt_proven_by_its_preimage_pays_the_sale(tmp_path, lnurl):
    lnurl.set_default(hash="zero")

    async def act(app, sale_id, text, stranger):
        return await app.sales.pay(sale_id, text), tokens(app)

    (res, [token]), [payment], sale, stranger = melt_case(tmp_path, lnurl, act=act)
    assert token.state == "redeemed" and payment.received_token_id == token.id
    assert (res.state, res.paid, sale.state) == ("paid", 100, "paid")
    assert (payment.state, payment.method, payment.mint_url) == ("settled", "melt", stranger.url)
    assert (payment.proof_status, payment.mint_fee, payment.credited) == ("proven", 0, 100)
    # 98 sat invoice (100 less a 2 sat reserve guess); 1 sat of the reserve came back
    assert payment.lightning_fee == 1
    assert payment.invoice.startswith("lnbc980n1")
    [issued] = lnurl.invoices()
    assert issued.amount_msat == 98_000


def with_notes(notes):
    async def act(app, sale_id, text, stranger):
        app.bus.subscribe(Notification, notes.append)
        return await app.sales.pay(sale_id, text)

    return act


def test_an_unproven_melt_of_an_untrusted_mint_is_for_review(tmp_path, lnurl):
    notes = []
    res, [payment], sale, _ = melt_case(tmp_path, lnurl, act=with_notes(notes))
    assert (payment.state, payment.proof_status) == ("needs_review", "unproven")
    assert payment.error_code == "lightning.unproven" and sale.state != "paid"
    assert payment.error_message == (
        "The token was converted, but the Lightning payment could not be proven. "
        "The owner must review it."
    )
    assert res.paid == 0 and [n.level for n in notes] == ["warning"]


def test_a_melt_the_lightning_address_confirms_pays_the_sale(tmp_path, lnurl):
    lnurl.set_default(settle="auto")
    _res, [payment], sale, _ = melt_case(tmp_path, lnurl)
    assert (payment.state, payment.proof_status, sale.state) == ("settled", "verified", "paid")


def test_an_unproven_melt_of_a_trusted_mint_pays_the_sale(tmp_path, lnurl):
    res, [payment], sale, _ = melt_case(tmp_path, lnurl, trusted=True)
    assert (payment.state, payment.proof_status, payment.method) == ("settled", "unproven", "melt")
    assert sale.state == "paid" and res.paid == 100


def test_a_preimage_that_does_not_match_is_a_security_review(tmp_path, lnurl):
    lnurl.set_default(hash="zero")

    async def act(app, sale_id, text, stranger):
        def lie(request, status, answer):
            return status, {**answer, "payment_preimage": "11" * 32}

        stranger.fault("POST", "/v1/melt/bolt11", "rewrite", rewrite=lie)
        app.bus.subscribe(Notification, notes.append)
        return await app.sales.pay(sale_id, text)

    notes = []
    _res, [payment], sale, _ = melt_case(tmp_path, lnurl, act=act)
    assert (payment.state, payment.proof_status) == ("needs_review", "mismatch")
    assert payment.error_code == "security.preimage_mismatch" and sale.state != "paid"
    assert payment.error_message == (
        "The Lightning payment could not be proven: the mint's receipt does not match. "
        "The owner must review it."
    )
    assert [n.level for n in notes] == ["critical"]


@pytest.mark.parametrize(("cap", "accepted"), [(2, True), (1.99, False)])
def test_the_lightning_fee_cap_at_its_boundary(tmp_path, lnurl, cap, accepted):
    lnurl.set_default(hash="zero")

    async def act(app, sale_id, text, stranger):
        if accepted:
            return await app.sales.pay(sale_id, text)
        return await refused(app, sale_id, text)

    settings = {"fees.max_lightning_fee_pct": cap}
    res, [payment], _, stranger = melt_case(tmp_path, lnurl, settings=settings, act=act)
    if accepted:
        assert res.state == "paid"
    else:
        assert res.code == "fee.too_high" and "Lightning fee of 2 sat" in res.user_message
        assert payment.state == "rejected" and stranger.requests("/v1/melt/bolt11") == []


def test_a_pending_melt_is_recovering_until_recovery_sees_it_paid(tmp_path, lnurl):
    lnurl.set_default(hash="zero")

    async def act(app, sale_id, text, stranger):
        res = await app.sales.pay(sale_id, text)
        [before] = payments(app)
        op = app.db.transact(lambda s: s.get(Operation, before.operation_id))
        stranger.settle(op.quote_id, "PAID")
        await app.wallet.recovery.run_all()
        return res, before

    (res, before), [payment], sale, _ = melt_case(
        tmp_path, lnurl, script={"fee_reserve": 2, "outcome": "PENDING"}, act=act
    )
    assert res.paid == 0 and "in progress" in res.message
    assert (before.state, before.error_code) == ("recovering", "melt.pending")
    assert (payment.state, payment.proof_status, sale.state) == ("settled", "proven", "paid")
    assert payment.lightning_fee == 2


def test_a_melt_left_processing_by_a_stop_before_its_settlement_is_finished_later(
    tmp_path, lnurl, monkeypatch
):
    # The melt's own transaction committed (the shop has the money), then the till stopped
    # before the Lightning proof check and the settlement: recovery, which runs pending
    # operations only, would never meet this payment again.
    lnurl.set_default(hash="zero")
    finish, stop = Checkout._finish_melt, [True]

    async def finish_or_stop(self, *args, **kwargs):
        if stop:
            stop.clear()
            raise RuntimeError("the till stopped between the melt and its settlement")
        return await finish(self, *args, **kwargs)

    monkeypatch.setattr(Checkout, "_finish_melt", finish_or_stop)

    async def act(app, sale_id, text, stranger):
        with pytest.raises(RuntimeError):
            await app.sales.pay(sale_id, text)
        [left] = payments(app)
        assert "stalled_payments" in app.services.supervisor.services  # the app's timer
        checkout = app.sales.checkout
        soon = await checkout.settle_stalled()  # its flow may still be at it
        later = time.time() + stalled.STALLED_AFTER + 1
        monkeypatch.setattr(checkout, "clock", lambda: later)
        found = await checkout.settle_stalled()
        again = await checkout.settle_stalled()
        return left, soon, found, again

    (left, soon, found, again), [payment], sale, _ = melt_case(tmp_path, lnurl, act=act)
    assert left.state == "processing" and (soon, found, again) == (0, 1, 0)
    assert (payment.state, payment.proof_status, payment.credited) == ("settled", "proven", 100)
    assert sale.state == "paid"


def test_a_pending_melt_that_fails_later_fails_the_payment(tmp_path, lnurl):
    async def act(app, sale_id, text, stranger):
        await app.sales.pay(sale_id, text)
        [before] = payments(app)
        op = app.db.transact(lambda s: s.get(Operation, before.operation_id))
        stranger.settle(op.quote_id, "UNPAID")
        await app.wallet.recovery.run_all()

    _, [payment], sale, _ = melt_case(
        tmp_path, lnurl, script={"fee_reserve": 2, "outcome": "PENDING"}, act=act
    )
    assert payment.state == "failed" and payment.credited == 0 and sale.state != "paid"


def test_a_dropped_melt_answer_is_recovering_then_settled(tmp_path, lnurl):
    lnurl.set_default(hash="zero")

    async def act(app, sale_id, text, stranger):
        stranger.fault("POST", "/v1/melt/bolt11", "drop")
        res = await app.sales.pay(sale_id, text)
        [before] = payments(app)
        await app.wallet.recovery.run_all()
        return res, before

    (res, before), [payment], sale, _ = melt_case(tmp_path, lnurl, act=act)
    assert (before.state, before.error_code) == ("recovering", "mint.unreachable")
    assert res.paid == 0 and (payment.state, sale.state) == ("settled", "paid")


def test_an_unpaid_melt_refuses_the_token(tmp_path, lnurl):
    async def act(app, sale_id, text, stranger):
        return await refused(app, sale_id, text)

    err, [payment], sale, _ = melt_case(
        tmp_path, lnurl, script={"fee_reserve": 2, "outcome": "UNPAID"}, act=act
    )
    assert err.code == "mint.lightning_failed"
    assert (payment.state, payment.error_code) == ("rejected", "mint.lightning_failed")
    assert sale.state != "paid"


def test_a_stranger_mint_down_cannot_be_converted(tmp_path, lnurl):
    async def act(app, sale_id, text, stranger):
        stranger.down = True
        return await refused(app, sale_id, text)

    err, [payment], _, _ = melt_case(tmp_path, lnurl, act=act)
    assert err.code == "mint.unreachable"
    assert err.user_message.startswith("The customer's mint cannot be reached right now")
    assert payment.state == "rejected"


def test_an_overpayment_is_handed_back_as_a_change_token(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        res = await app.sales.pay(sale_id, mint.token(32))
        export = app.db.transact(lambda s: s.scalars(select(Export)).one())
        return res, export, the_sale(app, sale_id), balance(app)

    res, export, sale, coins = run_shop(
        tmp_path, mint, scenario, settings={"change.policy": "return"}
    )
    assert (res.state, res.paid, res.due) == ("paid", 32, 21)
    assert parse_token(res.change_token).amount == 11 and export.token_text == res.change_token
    assert (export.purpose, export.amount) == ("change", 11) and coins == 21
    assert sale.state == "paid"


# -- what recovery reports back to the checkout --------------------------------------------


def queued_payment(tmp_path, then, *, settings=None, lock=False):
    """A payment left to recovery (its mint down), then ``then(app, payment)``."""
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        mint.down = True
        text = mint.token(21, locked_to=app.wallet.pubkey if lock else None)
        await app.sales.pay(sale_id, text)
        [payment] = payments(app)
        await then(app, payment)
        return payments(app)[0], the_sale(app, sale_id)

    return run_shop(tmp_path, mint, scenario, settings=settings)


def test_a_dismissed_operation_dismisses_its_payment(tmp_path):
    async def dismiss(app, payment):
        await app.wallet.recovery.dismiss(payment.operation_id, "the customer paid cash")

    payment, sale = queued_payment(tmp_path, dismiss)
    assert payment.state == "dismissed" and sale.paid == 0


def test_a_payment_taken_offline_stays_settled_when_its_operation_is_dismissed(tmp_path):
    async def dismiss(app, payment):
        await app.wallet.recovery.dismiss(payment.operation_id, "written off")

    payment, sale = queued_payment(tmp_path, dismiss, settings=OFFLINE, lock=True)
    assert (payment.state, payment.offline, sale.state) == ("settled", True, "paid")


@pytest.mark.parametrize(
    ("state", "expected"), [("needs_review", "needs_review"), ("pending", "recovering")]
)
def test_recovery_outcomes_reach_the_payment(tmp_path, state, expected):
    async def report(app, payment):
        outcome = Outcome(payment.operation_id, "receive", state, "waiting")
        await app.sales.checkout.on_recovered(outcome)

    payment, sale = queued_payment(tmp_path, report)
    assert payment.state == expected and sale.paid == 0


def test_an_operation_without_a_payment_is_left_to_the_wallet(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.wallet.receive(mint.token(8))
        mint.fault("POST", "/v1/swap", "drop")
        with pytest.raises(PosError):
            await app.wallet.send(mint.url, "sat", 3)
        outcomes = await app.wallet.recovery.run_all()  # the checkout hears of it, ignores it
        return outcomes, payments(app), balance(app)

    outcomes, pays, coins = run_shop(tmp_path, mint, scenario)
    assert [o.state for o in outcomes] == ["recovered"] and pays == [] and coins == 5


@pytest.mark.parametrize(("fee_paid", "ln_fee"), [(0, 0), (1, 1)])
def test_a_melt_records_the_mint_fee_and_what_lightning_cost(tmp_path, lnurl, fee_paid, ln_fee):
    lnurl.set_default(hash="zero")
    script = {"fee_reserve": 2, "fee_paid": fee_paid}
    # 64 + 32 + 4: 3 sat input fee; a 95 sat invoice, 2 sat reserve
    settings = {"fees.max_mint_fee_pct": 3}
    res, [payment], sale, _ = melt_case(
        tmp_path, lnurl, script=script, fee_ppk=1000, settings=settings
    )
    assert payment.invoice.startswith("lnbc950n1")
    assert (payment.mint_fee, payment.lightning_fee) == (3, ln_fee)
    assert (payment.credited, sale.state, res.paid) == (100, "paid", 100)


@pytest.mark.parametrize(("trusted", "expected"), [(True, "settled"), (False, "needs_review")])
def test_a_pending_melt_is_judged_by_its_mint_when_recovery_finishes_it(
    tmp_path, lnurl, trusted, expected
):
    async def act(app, sale_id, text, stranger):
        await app.sales.pay(sale_id, text)
        [before] = payments(app)
        op = app.db.transact(lambda s: s.get(Operation, before.operation_id))
        stranger.settle(op.quote_id, "PAID")
        await app.wallet.recovery.run_all()

    script = {"fee_reserve": 2, "outcome": "PENDING"}
    _, [payment], _, _ = melt_case(tmp_path, lnurl, script=script, trusted=trusted, act=act)
    assert (payment.state, payment.proof_status) == (expected, "unproven")


def test_a_melt_reported_done_that_the_journal_does_not_show_paid_settles_nothing(
    tmp_path, lnurl, caplog
):
    async def act(app, sale_id, text, stranger):
        await app.sales.pay(sale_id, text)
        [before] = payments(app)
        await app.sales.checkout.on_recovered(
            Outcome(before.operation_id, "melt", "done", "completed")
        )

    script = {"fee_reserve": 2, "outcome": "PENDING"}
    _, [payment], sale, _ = melt_case(tmp_path, lnurl, script=script, act=act)
    assert (payment.state, payment.error_code) == ("recovering", "melt.pending")
    assert sale.paid == 0
    expected = f"melt {payment.operation_id} of payment {payment.id} is not paid; sale not settled"
    assert expected in caplog.messages


# -- the token's keys fetched at payment time ---------------------------------------------


def test_a_token_whose_keys_must_be_fetched_is_journalled_after_planning_and_pays(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        keyset_id = mint.add_keyset(fee_ppk=1000)  # 16 + 4 + 1: 3 sat, within the cap
        res = await app.sales.pay(sale_id, mint.token(21, keyset_id=keyset_id))
        ops = app.db.transact(lambda s: list(s.scalars(select(Operation))))
        return res, payments(app), ops, balance(app)

    settings = {"fees.max_mint_fee_pct": 15}
    res, [payment], [op], coins = run_shop(tmp_path, mint, scenario, settings=settings)
    assert (res.state, res.paid) == ("paid", 21)
    assert (op.kind, op.state) == ("receive", "done")
    assert (payment.state, payment.mint_fee, payment.operation_id) == ("settled", 3, op.id)
    assert coins == 18


# -- the mint down while the token's keys must be fetched ----------------------------------


def keys_needed_case(
    tmp_path, *, settings, retire_stored=False, flapping=False, seen=None, fee_ppk=0
):
    """The mint goes down when checking the token needs the mint's keyset list: a token of
    a keyset the shop has not seen, or no keyset of the shop's left active to receive into."""
    mint = FakeMint(fee_ppk=fee_ppk)
    seen = [] if seen is None else seen

    async def scenario(app):
        sale_id = await new_sale(app)
        if retire_stored:  # the keys of the token are known; no active keyset is stored
            await app.db.run(lambda s: s.execute(update(KeysetRow).values(active=False)) and None)
            text = mint.token(21, locked_to=app.wallet.pubkey)
        else:
            text = mint.token(21, keyset_id=mint.add_keyset(), locked_to=app.wallet.pubkey)
        if flapping:  # the keyset list fails (and its retries), then answers again
            mint.fault("GET", "/v1/keysets", "unreachable", times=3)
        else:
            mint.down = True
        res = await app.sales.pay(sale_id, text)
        [before] = payments(app)
        op = app.db.transact(lambda s: s.get(Operation, before.operation_id))
        locked = app.db.transact(
            lambda s: s.scalar(
                select(func.count())
                .select_from(OperationInput)
                .where(OperationInput.operation_id == op.id)
            )
        )
        seen.append(locked)
        assert len(tokens(app)) == 1  # stored once, whatever was tried
        mint.down = False
        await app.wallet.recovery.run_all()
        return res, before, op, payments(app)[0], the_sale(app, sale_id), balance(app)

    return run_shop(tmp_path, mint, scenario, settings=settings)


def test_unknown_keys_with_the_mint_down_leave_the_token_to_recovery(tmp_path, caplog):
    res, before, op, after, sale, coins = keys_needed_case(tmp_path, settings=OFFLINE)
    assert res.paid == 0 and "offline" in res.message
    assert (before.state, before.error_code, before.offline) == (
        "recovering",
        "mint.unreachable",
        False,
    )
    assert "offline acceptance refused: offline.keys_unknown" in caplog.messages
    details = json.loads(op.details_json)
    assert (op.kind, details["payment_id"], details["sale_id"]) == ("receive", before.id, sale.id)
    assert details["trusted"] is True
    assert (after.state, sale.state, sale.paid, coins) == ("settled", "paid", 21, 21)


def test_a_token_is_taken_offline_when_the_mint_fails_the_check_then_answers(tmp_path):
    locked = []
    res, before, op, after, sale, coins = keys_needed_case(
        tmp_path, settings=OFFLINE, retire_stored=True, flapping=True, seen=locked
    )
    # its proofs are held by the queued operation: the token cannot be taken twice meanwhile
    assert locked == [3] and before.operation_id == op.id
    assert (res.state, before.state, before.offline, before.credited) == (
        "paid",
        "settled",
        True,
        21,
    )
    assert (op.kind, json.loads(op.details_json)["payment_id"]) == ("receive", before.id)
    assert (after.state, after.credited, sale.paid, coins) == ("settled", 21, 21, 21)


def test_a_flapping_mint_leaves_the_token_to_recovery_when_offline_is_off(tmp_path):
    res, before, _, after, sale, _ = keys_needed_case(
        tmp_path, settings={**OFFLINE, "offline.enabled": False}, retire_stored=True, flapping=True
    )
    assert (res.paid, before.state, before.offline) == (0, "recovering", False)
    assert (after.state, sale.state) == ("settled", "paid")


def test_a_token_waiting_for_another_payment_of_its_sale_is_stored_first(tmp_path):
    mint = FakeMint()
    seen = []

    async def scenario(app):
        sale_id = await new_sale(app)

        def look(request, status, answer):
            # While the first payment is at the mint: the waiting token's write was handed
            # to the database before the swap was sent (the first payment's one transaction
            # before its mint call may finish just ahead of it: wait for the queue).
            app.db._executor.submit(lambda: None).result()
            seen.append(len(tokens(app)))
            return status, answer

        mint.fault("POST", "/v1/swap", "rewrite", rewrite=look)
        first, second = mint.token(10), mint.token(11)
        results = await asyncio.gather(
            app.sales.pay(sale_id, first), app.sales.pay(sale_id, second)
        )
        return results

    first, second = run_shop(tmp_path, mint, scenario)
    assert seen == [2]  # the waiting token was already kept
    assert (first.state, second.state, second.paid) == ("partially_paid", "paid", 21)


@pytest.mark.parametrize(
    ("cap", "allowance", "accepted"), [(15, 0, True), (14, 0, False), (14, 3, True)]
)
def test_a_token_taken_offline_is_held_to_the_mint_fee_cap(tmp_path, cap, allowance, accepted):
    # 16 + 4 + 1 at 1 sat per proof: 3 sat, 14.29 % of 21
    settings = {**OFFLINE, "fees.max_mint_fee_pct": cap, "fees.always_accept": allowance}
    mint = FakeMint(fee_ppk=1000)

    async def scenario(app):
        sale_id = await new_sale(app)
        await app.db.run(lambda s: s.execute(update(KeysetRow).values(active=False)) and None)
        text = mint.token(21, locked_to=app.wallet.pubkey)
        mint.fault("GET", "/v1/keysets", "unreachable", times=3)
        if accepted:
            res = await app.sales.pay(sale_id, text)
        else:
            res = await refused(app, sale_id, text)
        ops = app.db.transact(lambda s: list(s.scalars(select(Operation))))
        return res, payments(app), ops

    res, [payment], ops = run_shop(tmp_path, mint, scenario, settings=settings)
    if accepted:
        assert (res.state, payment.offline, payment.mint_fee) == ("paid", True, 3)
        assert [op.kind for op in ops] == ["receive"]  # queued for when the mint is back
    else:
        assert res.code == "fee.too_high" and payment.state == "rejected"
        assert res.user_message.startswith("The mint fee of 3 sat is 14.29% of this 21 sat token")
        assert ops == []  # nothing queued: the token is refused as it would be online


@pytest.mark.parametrize(("per_sale", "accepted"), [(21, True), (20, False)])
def test_the_per_sale_offline_cap_counts_the_sales_earlier_offline_payments(
    tmp_path, per_sale, accepted, caplog
):
    mint = FakeMint()
    settings = {**OFFLINE, "offline.max_per_sale": per_sale}

    async def scenario(app):
        other = await new_sale(app, 30)
        sale_id = await new_sale(app, 30)
        mint.down = True
        key = app.wallet.pubkey
        await app.sales.pay(other, mint.token(15, locked_to=key))  # another sale's: not counted
        await app.sales.pay(sale_id, mint.token(10, locked_to=key))
        return await app.sales.pay(sale_id, mint.token(11, locked_to=key))

    res = run_shop(tmp_path, mint, scenario, settings=settings)
    assert res.payment["offline"] is accepted and res.paid == (21 if accepted else 10)
    refused = "offline acceptance refused: offline.cap_exceeded" in caplog.messages
    assert refused is not accepted


@pytest.mark.parametrize(
    ("earlier", "per_day", "accepted"),
    [("failed", 21, True), ("yesterday", 21, True), ("midnight", 30, False)],
)
def test_the_daily_offline_cap_counts_today_from_midnight_and_leaves_out_failed_payments(
    tmp_path, earlier, per_day, accepted, caplog
):
    mint = FakeMint()
    settings = {**OFFLINE, "offline.max_per_day": per_day}
    midnight = int(time.time()) - int(time.time()) % 86400

    async def scenario(app):
        app.sales.checkout.clock = lambda: midnight + 3600  # 01:00 UTC
        key = app.wallet.pubkey
        first = await new_sale(app, 10)
        mint.down = True
        await app.sales.pay(first, mint.token(10, locked_to=key))
        [payment] = payments(app)

        def age(s):
            row = s.get(Payment, payment.id)
            if earlier == "failed":
                row.state = "failed"
            else:
                row.created_at = midnight - 1 if earlier == "yesterday" else midnight

        await app.db.run(age)
        sale_id = await new_sale(app)
        return await app.sales.pay(sale_id, mint.token(21, locked_to=key))

    res = run_shop(tmp_path, mint, scenario, settings=settings)
    assert res.payment["offline"] is accepted and res.paid == (21 if accepted else 0)
    refused = "offline acceptance refused: offline.cap_exceeded" in caplog.messages
    assert refused is not accepted


def test_a_customer_token_is_processing_while_its_melt_is_in_flight(tmp_path, lnurl):
    lnurl.set_default(hash="zero")
    seen = []

    async def act(app, sale_id, text, stranger):
        def look(request, status, answer):
            seen.extend(t.state for t in tokens(app))
            return status, answer

        stranger.fault("POST", "/v1/melt/bolt11", "rewrite", rewrite=look)
        return await app.sales.pay(sale_id, text), tokens(app)

    (res, [token]), _, _, _ = melt_case(tmp_path, lnurl, act=act)
    assert seen == ["processing"] and token.state == "redeemed" and res.state == "paid"


def test_recovery_asks_the_lightning_address_to_prove_a_pending_melt(tmp_path, lnurl):
    lnurl.set_default(settle="auto")  # the address confirms what it was paid (LUD-21)

    async def act(app, sale_id, text, stranger):
        await app.sales.pay(sale_id, text)
        [before] = payments(app)
        op = app.db.transact(lambda s: s.get(Operation, before.operation_id))
        stranger.settle(op.quote_id, "PAID")
        await app.wallet.recovery.run_all()

    script = {"fee_reserve": 2, "outcome": "PENDING"}
    _, [payment], sale, _ = melt_case(tmp_path, lnurl, script=script, act=act)
    assert (payment.state, payment.proof_status, sale.state) == ("settled", "verified", "paid")


def test_a_token_for_an_unknown_sale_is_refused_and_still_kept(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        text = mint.token(21)
        err = await refused(app, "no-such-sale", text)
        return err, tokens(app), payments(app), balance(app), text

    err, [token], pays, coins, text = run_shop(tmp_path, mint, scenario)
    assert err.code == "sale.unknown"
    assert (token.token_text, token.source) == (text, "cli")
    assert pays == [] and coins == 0
    assert mint.state_of(parse_token(text).proofs[0]) == "UNSPENT"  # nothing was spent


def test_a_sale_from_before_a_restart_is_paid_by_its_id_prefix(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await new_sale(app)
        app.sales.identities.clear()  # as after a restart: nothing cached
        res = await app.sales.pay(sale_id[:8], mint.token(21))
        return sale_id, res, app.sales.identities.get(sale_id), the_sale(app, sale_id)

    sale_id, res, correlation, sale = run_shop(tmp_path, mint, scenario)
    assert (res.sale_id, res.state, res.paid) == (sale_id, "paid", 21)
    assert correlation == sale.correlation_id  # remembered for the next payment
