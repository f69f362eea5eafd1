"""Tokens of a mint the shop does not trust, converted into ecash at the shop's first mint.

Two fake mints share one Lightning network (:mod:`tests.support.fakemint`): the
shop's mint (``home``) pays its mint quotes only when a melt pays their invoice,
so every sale here is credited only because the customer's mint really paid the
shop's mint. Each test checks what the shop ends up with: the sale, the payment,
both operations, the coins at each mint, and the customer's token.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from sqlalchemy import select

from pos_app.core.errors import PosError
from pos_app.core.events import BalanceChanged, OperationChanged
from pos_app.core.payments import crossmint
from pos_app.core.store.schema import ErrorRecord, Mint, Operation, Payment, ProofRow, Sale
from pos_app.core.wallet import minting
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import (
    DB_KEY,
    Killed,
    arm_kill,
    audit_trail,
    events,
    open_shop,
    rows,
)

CONVERT = {"mints.convert_untrusted": True}


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


@pytest.fixture
def home():
    mint = FakeMint("http://home.test", name="home")
    mint.brr = False  # its invoices are paid only by a melt (or not at all)
    return mint


@pytest.fixture
def stranger():
    mint = FakeMint("http://stranger.test", name="stranger")
    mint.pay_any_invoice(fee_reserve=2, fee_paid=1)
    return mint


def run_shop(tmp_path, home, stranger, scenario, *, settings=CONVERT, others=()):
    async def main():
        app = open_shop(tmp_path / "shop", home, stranger, *others)
        try:
            await app.mints.add(home.url)
            for other in others:
                await app.mints.add(other.url)
            if settings:
                await app.db.run(lambda s: app.config.set_many(s, settings))
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def new_sale(app, amount):
    return (await app.sales.new_sale(str(amount), "sat"))["sale_id"]


def held(app, url):
    def read(s):
        mint_id = s.scalar(select(Mint.id).where(Mint.url == url))
        return sum(
            r.amount
            for r in s.scalars(
                select(ProofRow).where(ProofRow.mint_id == mint_id, ProofRow.state == "unspent")
            )
        )

    return app.db.transact(read)


def ops(app):
    return app.db.transact(
        lambda s: sorted(
            (o.kind, o.state)
            for o in s.scalars(select(Operation).where(Operation.kind != "restore"))
        )
    )


def the_payment(app):
    return app.db.transact(lambda s: s.scalars(select(Payment)).one())


def the_sale(app, sale_id):
    return app.db.transact(lambda s: s.get(Sale, sale_id))


def test_a_token_of_another_mint_becomes_ecash_at_the_shops_mint(tmp_path, home, stranger):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        token = stranger.token(64)
        res = await app.sales.pay(sale_id, token, source="scan")
        return res, the_payment(app), ops(app), held(app, home.url), held(app, stranger.url), token

    res, payment, operations, at_home, at_stranger, token = run_shop(
        tmp_path, home, stranger, scenario
    )
    assert (res.state, res.paid) == ("paid", 64)
    assert (payment.state, payment.method, payment.mint_url) == ("settled", "convert", stranger.url)
    # 64 = 62 minted at home + 1 Lightning fee + 1 unused reserve back as change at stranger
    assert (at_home, at_stranger) == (62, 1)
    assert (payment.credited, payment.mint_fee, payment.lightning_fee) == (64, 0, 1)
    assert payment.proof_status == "proven"  # the shop's own mint saw its invoice paid
    assert operations == [("melt", "done"), ("mint", "done")]
    assert [q["state"] for q in home.mint_quotes.values()] == ["ISSUED"]
    assert {stranger.state_of(p) for p in _proofs(token)} == {"SPENT"}


def test_without_the_setting_the_other_mint_is_refused_and_never_contacted(
    tmp_path, home, stranger
):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        with pytest.raises(PosError) as err:
            await app.sales.pay(sale_id, stranger.token(64))
        return err.value, ops(app)

    err, operations = run_shop(tmp_path, home, stranger, scenario, settings=None)
    assert err.code == "mint.untrusted"
    assert operations == []
    assert stranger.requests() == [] and home.requests("/v1/mint/quote/bolt11") == []


def test_fees_over_the_cap_refuse_the_token_before_anything_is_spent(tmp_path, home, stranger):
    stranger.pay_any_invoice(fee_reserve=10, fee_paid=10)  # 10 of 64: 15.6 %

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        token = stranger.token(64)
        with pytest.raises(PosError) as err:
            await app.sales.pay(sale_id, token)
        return err.value, ops(app), the_sale(app, sale_id), token

    err, operations, sale, token = run_shop(tmp_path, home, stranger, scenario)
    assert err.code == "fee.too_high" and "Lightning fee of 10 sat" in err.user_message
    assert operations == [] and (sale.state, sale.paid) == ("open", 0)
    assert {stranger.state_of(p) for p in _proofs(token)} == {"UNSPENT"}
    assert stranger.requests("/v1/melt/bolt11") == []


def test_a_failed_melt_fails_both_steps_and_the_token_stays_the_customers(tmp_path, home, stranger):
    stranger.pay_any_invoice(fee_reserve=2, outcome="FAILED")

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        token = stranger.token(64)
        with pytest.raises(PosError) as err:
            await app.sales.pay(sale_id, token)
        again = await app.wallet.recovery.run_all()
        return err.value, ops(app), the_payment(app), the_sale(app, sale_id), token, again

    err, operations, payment, sale, token, again = run_shop(tmp_path, home, stranger, scenario)
    assert err.code == "mint.refused"  # the mint's own words: "Lightning payment failed"
    assert "Lightning payment failed" in err.detail
    assert operations == [("melt", "failed"), ("mint", "failed")]
    assert payment.state == "rejected" and (sale.state, sale.paid) == ("open", 0)
    assert {stranger.state_of(p) for p in _proofs(token)} == {"UNSPENT"}
    assert again == [] and [q["state"] for q in home.mint_quotes.values()] == ["UNPAID"]


def test_a_pending_melt_is_finished_by_recovery_and_credits_the_sale_once(tmp_path, home, stranger):
    stranger.pay_any_invoice(fee_reserve=2, fee_paid=1, outcome="PENDING")

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        res = await app.sales.pay(sale_id, stranger.token(64))
        first = (res.state, res.payment["state"], ops(app))
        waiting = await app.wallet.recovery.run_all()  # still in flight: both wait
        (quote_id,) = stranger.melt_quotes
        stranger.settle(quote_id, "PAID")
        settled = await app.wallet.recovery.run_all()
        after = await app.wallet.recovery.run_all()
        return first, waiting, settled, after, the_sale(app, sale_id), the_payment(app)

    first, waiting, settled, after, sale, payment = run_shop(tmp_path, home, stranger, scenario)
    assert first == ("open", "recovering", [("melt", "pending"), ("mint", "pending")])
    assert sorted((o.kind, o.state) for o in waiting) == [("melt", "pending"), ("mint", "pending")]
    # the melt's resolution runs the mint step at once; the mint op is not run twice
    assert sorted((o.kind, o.state) for o in settled) == [
        ("melt", "recovered"),
        ("mint", "recovered"),
    ]
    assert after == []
    assert (sale.state, sale.paid) == ("paid", 64)
    assert (payment.state, payment.lightning_fee, payment.proof_status) == ("settled", 1, "proven")


def test_killed_before_the_mint_step_is_recovered_exactly_once(
    tmp_path, home, stranger, monkeypatch
):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        arm_kill(monkeypatch, "before_mint")
        with pytest.raises(Killed):
            await app.sales.pay(sale_id, stranger.token(64))
        monkeypatch.delenv("POS_TEST_FAULT")
        op, sale = the_mint_op(app), the_sale(app, sale_id)
        # Journalled before the melt: what a restart needs to claim the ecash.
        assert (op.state, op.step, op.counter_count, op.unit) == ("pending", "quoted", 5, "sat")
        assert op.correlation_id == sale.correlation_id and op.next_retry_at > time.time()
        details = json.loads(op.details_json)
        assert details["payment_id"] == the_payment(app).id and details["expiry"] is None
        before = (ops(app), held(app, home.url), the_sale(app, sale_id).paid)
        outcomes = await app.wallet.recovery.run_all()
        again = await app.wallet.recovery.run_all()
        return before, outcomes, again, the_sale(app, sale_id), held(app, home.url)

    before, outcomes, again, sale, at_home = run_shop(tmp_path, home, stranger, scenario)
    assert before == ([("melt", "done"), ("mint", "pending")], 0, 0)
    assert [(o.kind, o.state, o.action, o.amount) for o in outcomes] == [
        ("mint", "recovered", "completed", 62)
    ]
    assert again == []
    assert (sale.state, sale.paid, at_home) == ("paid", 64, 62)


def test_a_lost_mint_answer_is_restored_not_minted_twice(tmp_path, home, stranger):
    home.fault("POST", "/v1/mint/bolt11", "drop")  # the mint signs, the answer is lost

    async def scenario(app):
        seen = events(app)
        sale_id = await new_sale(app, 64)
        res = await app.sales.pay(sale_id, stranger.token(64))
        first = (res.state, res.payment["state"])
        outcomes = await app.wallet.recovery.run_all()
        return first, outcomes, the_sale(app, sale_id), held(app, home.url), the_mint_op(app), seen

    first, outcomes, sale, at_home, op, seen = run_shop(tmp_path, home, stranger, scenario)
    assert first == ("open", "recovering")
    assert [(o.kind, o.state, o.action) for o in outcomes] == [("mint", "recovered", "completed")]
    assert home.requests("/v1/restore") and len(home.requests("/v1/mint/bolt11")) == 1
    assert (op.state, op.step, op.next_retry_at) == ("recovered", "done", None)
    assert OperationChanged(op.id, "mint", "recovered") in seen
    assert BalanceChanged(home.url, "sat") in seen
    assert (sale.state, sale.paid, at_home) == ("paid", 64, 62)


def test_a_melt_the_shops_mint_never_sees_paid_goes_to_review_uncredited(
    tmp_path, home, stranger, monkeypatch
):
    monkeypatch.setattr(crossmint, "CLAIM_WAIT_SECONDS", 0.3)
    settings = {**CONVERT, "retry.max_attempts": 2}

    async def scenario(app):
        stranger.peers = []  # the customer's mint says PAID; nothing reaches the shop's mint
        sale_id = await new_sale(app, 64)
        res = await app.sales.pay(sale_id, stranger.token(64))
        first = (res.state, res.payment["state"], res.payment["error_code"])
        for _ in range(2):
            await app.db.run(
                lambda s: [
                    setattr(o, "next_retry_at", 0)
                    for o in s.scalars(select(Operation).where(Operation.kind == "mint"))
                ]
            )
            await app.wallet.recovery.run_all()
        return first, ops(app), the_sale(app, sale_id), the_payment(app), held(app, home.url)

    first, operations, sale, payment, at_home = run_shop(
        tmp_path, home, stranger, scenario, settings=settings
    )
    assert first == ("open", "recovering", "convert.not_minted")
    assert operations == [("melt", "done"), ("mint", "needs_review")]
    assert (sale.state, sale.paid, at_home) == ("open", 0, 0)
    assert payment.state == "needs_review"


def test_the_ecash_goes_to_the_first_mint_in_the_shops_order_that_is_online(
    tmp_path, home, stranger
):
    second = FakeMint("http://second.test", name="second")
    second.brr = False

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        # The last health check found the shop's first mint offline.
        await app.db.run(
            lambda s: s.execute(
                Mint.__table__.update().where(Mint.url == home.url).values(status="offline")
            )
        )
        res = await app.sales.pay(sale_id, stranger.token(64))
        return res.state, held(app, home.url), held(app, second.url)

    state, at_home, at_second = run_shop(tmp_path, home, stranger, scenario, others=(second,))
    assert (state, at_home, at_second) == ("paid", 0, 62)
    assert home.requests("/v1/mint/quote/bolt11") == []


def _proofs(token):
    from pos_app.core.cashu.tokens import parse_token

    return parse_token(token).proofs


# -- the mint step on its own: what is journalled, claimed, restored, refused ----------------


def the_mint_op(app):
    return app.db.transact(
        lambda s: s.scalars(select(Operation).where(Operation.kind == "mint")).one()
    )


def test_the_mint_step_is_journalled_with_the_melt_and_its_coins_come_from_the_seed(
    tmp_path, home, stranger
):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        await app.sales.pay(sale_id, stranger.token(64))
        minted = rows(app, ProofRow, ProofRow.origin == "minted")
        return sale_id, the_mint_op(app), minted, audit_trail(app)

    sale_id, op, minted, trail = run_shop(tmp_path, home, stranger, scenario)
    details = json.loads(op.details_json)
    (quote_id,) = home.mint_quotes
    (melt_quote,) = stranger.melt_quotes
    assert (op.state, op.step, op.input_amount, op.quote_id) == ("done", "done", 62, quote_id)
    assert (details["amount"], details["sale_id"], details["payer_quote"]) == (
        62,
        sale_id,
        melt_quote,
    )
    assert details["from_mint"] == stranger.url and details["request"].startswith("lnbcrt")
    assert json.loads(op.result_json) == {"amount": 62, "proofs": 5}
    assert op.next_retry_at is None
    # 62 = 32 + 16 + 8 + 4 + 2, each on a reserved NUT-13 counter, in order
    assert sorted(p.amount for p in minted) == [2, 4, 8, 16, 32]
    counters = sorted(p.counter for p in minted)
    assert counters == list(range(op.counter_start, op.counter_start + 5))
    assert [a for a, _ in trail if a.startswith("mint.")] == ["mint.quoted", "mint.done"]
    done = next(d for a, d in trail if a == "mint.done")
    assert (done["amount"], done["mint"], done["recovered"]) == (62, home.url, False)
    quoted = next(d for a, d in trail if a == "mint.quoted")
    assert quoted == {"amount": 62, "quote": quote_id}


def test_a_pending_melt_that_fails_later_fails_the_mint_step_and_the_payment(
    tmp_path, home, stranger
):
    stranger.pay_any_invoice(fee_reserve=2, fee_paid=1, outcome="PENDING")

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        token = stranger.token(64)
        await app.sales.pay(sale_id, token)
        seen = events(app)
        (quote_id,) = stranger.melt_quotes
        stranger.settle(quote_id, "UNPAID")
        outcomes = await app.wallet.recovery.run_all()
        claimed = await minting.claim(app.wallet.ctx, the_mint_op(app).id)  # closed: no call
        return (
            outcomes,
            ops(app),
            the_mint_op(app),
            the_payment(app),
            the_sale(app, sale_id),
            token,
            seen,
            claimed,
        )

    outcomes, operations, op, payment, sale, token, seen, claimed = run_shop(
        tmp_path, home, stranger, scenario
    )
    assert OperationChanged(op.id, "mint", "failed", "convert.not_paid") in seen
    assert "payer failed" in op.last_error
    assert (claimed.state, claimed.reason, claimed.amount) == ("failed", "convert.not_paid", 62)
    assert ("melt", "failed") in [(o.kind, o.state) for o in outcomes]
    assert operations == [("melt", "failed"), ("mint", "failed")]
    assert op.last_error_code == "convert.not_paid"
    assert payment.state == "failed" and (sale.state, sale.paid) == ("open", 0)
    assert {stranger.state_of(p) for p in _proofs(token)} == {"UNSPENT"}
    assert [q["state"] for q in home.mint_quotes.values()] == ["UNPAID"]


def test_a_refused_mint_request_whose_quote_was_issued_is_restored(tmp_path, home, stranger):
    # The mint signs, then answers an error (a proxy, a restart): the quote says ISSUED.
    home.fault(
        "POST",
        "/v1/mint/bolt11",
        "rewrite",
        rewrite=lambda _req, _status, _answer: (400, {"detail": "try again", "code": 0}),
    )

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        res = await app.sales.pay(sale_id, stranger.token(64))
        return res.state, the_mint_op(app).state, held(app, home.url)

    assert run_shop(tmp_path, home, stranger, scenario) == ("paid", "done", 62)
    assert len(home.requests("/v1/restore")) == 1


def test_a_refused_mint_request_of_a_quote_still_paid_is_left_to_recovery(tmp_path, home, stranger):
    home.fault("POST", "/v1/mint/bolt11", "answer", status=400, body={"detail": "busy", "code": 0})

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        res = await app.sales.pay(sale_id, stranger.token(64))
        first = (res.state, res.payment["state"], the_mint_op(app).state, held(app, home.url))
        outcomes = await app.wallet.recovery.run_all()
        return first, [(o.kind, o.state, o.amount) for o in outcomes], held(app, home.url)

    first, outcomes, at_home = run_shop(tmp_path, home, stranger, scenario)
    assert first == ("open", "recovering", "pending", 0)
    assert outcomes == [("mint", "recovered", 62)] and at_home == 62
    assert home.requests("/v1/restore") == []


def test_a_quote_issued_to_someone_else_is_not_credited(tmp_path, home, stranger, monkeypatch):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        arm_kill(monkeypatch, "before_mint")
        with pytest.raises(Killed):
            await app.sales.pay(sale_id, stranger.token(64))
        monkeypatch.delenv("POS_TEST_FAULT")
        (quote,) = home.mint_quotes.values()
        quote["state"] = "ISSUED"  # claimed by outputs that are not the shop's
        outcomes = await app.wallet.recovery.run_all()
        errors = rows(app, ErrorRecord)
        return outcomes, the_mint_op(app), held(app, home.url), the_sale(app, sale_id), errors

    outcomes, op, at_home, sale, errors = run_shop(tmp_path, home, stranger, scenario)
    assert [(o.kind, o.state, o.error_code) for o in outcomes] == [
        ("mint", "pending", "mint.quote_issued")
    ]
    assert (op.state, op.last_error_code) == ("pending", "mint.quote_issued")
    (error,) = errors
    assert (error.code, error.operation_id) == ("mint.quote_issued", op.id)
    assert "none of our outputs signed" in error.detail
    assert error.message.startswith("The mint says this invoice's ecash was already issued")
    assert at_home == 0 and (sale.state, sale.paid) == ("open", 0)


def test_the_claim_waits_for_the_shops_mint_to_see_the_invoice_paid(
    tmp_path, home, stranger, monkeypatch
):
    monkeypatch.setattr(minting, "PAID_POLL_SECONDS", 0.05)

    async def scenario(app):
        stranger.peers = []  # the payment reaches the shop's mint only a moment later

        async def arrives():
            while not home.mint_quotes or not stranger.melt_quotes:
                await asyncio.sleep(0.01)
            while next(iter(stranger.melt_quotes.values())).state != "PAID":
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.2)
            home.pay_quote(next(iter(home.mint_quotes)))

        payer = asyncio.ensure_future(arrives())
        sale_id = await new_sale(app, 64)
        res = await app.sales.pay(sale_id, stranger.token(64))
        await payer
        polls = len(home.requests("/v1/mint/quote/bolt11/" + next(iter(home.mint_quotes))))
        return res.state, held(app, home.url), polls

    state, at_home, polls = run_shop(tmp_path, home, stranger, scenario)
    assert (state, at_home) == ("paid", 62)
    assert polls >= 3  # asked again until paid, not given up at the first UNPAID


def meet_at_quote_state(mint, *, claims, monkeypatch):
    """Hold the first ``claims`` mint-quote state requests until all of them arrived."""
    arrived = asyncio.Barrier(claims)
    held_back = []
    answer = mint.handle

    async def handle(request):
        asks_state = request.method == "GET" and "/v1/mint/quote/bolt11/" in request.url.path
        if asks_state and len(held_back) < claims:
            held_back.append(request)
            await asyncio.wait_for(arrived.wait(), 10)
        return await answer(request)

    monkeypatch.setattr(mint, "handle", handle)


def test_two_claims_at_once_credit_the_ecash_once(tmp_path, home, stranger, monkeypatch):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        arm_kill(monkeypatch, "before_mint")
        with pytest.raises(Killed):
            await app.sales.pay(sale_id, stranger.token(64))
        monkeypatch.delenv("POS_TEST_FAULT")
        op_id = the_mint_op(app).id
        # The till and a `recovery run` in another window claim at the same moment: both
        # have read the quote as PAID before either mints (held here so that a loaded
        # machine cannot let one claim finish before the other starts).
        meet_at_quote_state(home, claims=2, monkeypatch=monkeypatch)
        both = await asyncio.gather(
            minting.claim(app.wallet.ctx, op_id, recovered=True),
            minting.claim(app.wallet.ctx, op_id, recovered=True),
        )
        again = await minting.claim(app.wallet.ctx, op_id)  # done: the mint is not asked
        trail = [a for a, _ in audit_trail(app) if a == "mint.done"]
        return both, again, held(app, home.url), trail, the_mint_op(app)

    requests_before = len(home.requests())
    both, again, at_home, trail, op = run_shop(tmp_path, home, stranger, scenario)
    assert [r.state for r in both] == ["done", "done"] and again.state == "done"
    assert at_home == 62 and trail == ["mint.done"]
    assert op.state == "recovered"
    assert len(home.requests("/v1/mint/bolt11")) == 2 and home.requests("/v1/restore")
    assert len(home.requests()) > requests_before


def test_a_finished_mint_step_is_never_failed_afterwards(tmp_path, home, stranger):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        await app.sales.pay(sale_id, stranger.token(64))
        op_id = the_mint_op(app).id
        await app.db.run(
            lambda s: minting.fail_mint(s, op_id, PosError("convert.not_paid", "late"))
        )
        return the_mint_op(app), held(app, home.url)

    op, at_home = run_shop(tmp_path, home, stranger, scenario)
    assert (op.state, op.last_error_code, at_home) == ("done", None, 62)


def test_the_melt_names_its_mint_step_and_an_exact_route_leaves_no_fee(tmp_path, home, stranger):
    stranger.pay_any_invoice(fee_reserve=2, fee_paid=0)  # the route cost nothing

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        await app.sales.pay(sale_id, stranger.token(64))
        melt = app.db.transact(
            lambda s: s.scalars(select(Operation).where(Operation.kind == "melt")).one()
        )
        return sale_id, melt, the_mint_op(app), the_payment(app), held(app, stranger.url)

    sale_id, melt, op, payment, at_stranger = run_shop(tmp_path, home, stranger, scenario)
    details = json.loads(melt.details_json)
    assert (details["convert_mint_op"], details["sale_id"]) == (op.id, sale_id)
    assert "payment_id" not in details  # the mint step settles the payment, not the melt
    assert melt.correlation_id == op.correlation_id
    assert (payment.lightning_fee, at_stranger) == (0, 2)  # the whole reserve came back


def test_a_mint_fee_over_the_cap_refuses_the_token_before_any_quote(tmp_path, home):
    costly = FakeMint("http://costly.test", name="costly", fee_ppk=1000)  # 1 sat per proof
    costly.pay_any_invoice(fee_reserve=2, fee_paid=1)

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        token = costly.token(15)  # 1+2+4+8: four proofs, 4 sat of fees on 15 (26.7 %)
        with pytest.raises(PosError) as err:
            await app.sales.pay(sale_id, token)
        return err.value, ops(app)

    err, operations = run_shop(tmp_path, home, costly, scenario)
    assert err.code == "fee.too_high" and err.data["kind"] == "mint"
    assert operations == [] and home.requests("/v1/mint/quote/bolt11") == []


@pytest.mark.parametrize(
    "answer",
    [
        lambda q: {**q, "amount": q["amount"] + 1},  # the quote names another amount
        lambda q: {**q, "request": "lnbc1notaninvoice"},  # an invoice nobody can read
    ],
)
def test_a_quote_of_the_shops_mint_that_does_not_match_spends_nothing(
    tmp_path, home, stranger, answer
):
    home.fault(
        "POST",
        "/v1/mint/quote/bolt11",
        "rewrite",
        rewrite=lambda _req, status, body: (status, answer(body)),
    )

    async def scenario(app):
        sale_id = await new_sale(app, 64)
        token = stranger.token(64)
        with pytest.raises(PosError) as err:
            await app.sales.pay(sale_id, token)
        return err.value, ops(app), token

    err, operations, token = run_shop(tmp_path, home, stranger, scenario)
    assert err.code == "lightning.invoice_mismatch"
    assert "The shop's mint made an invoice" in err.user_message
    assert operations == [] and stranger.requests("/v1/melt/bolt11") == []
    assert {stranger.state_of(p) for p in _proofs(token)} == {"UNSPENT"}


def test_with_every_shop_mint_offline_the_token_is_not_melted(tmp_path, home, stranger):
    async def scenario(app):
        sale_id = await new_sale(app, 64)
        await app.db.run(
            lambda s: s.execute(
                Mint.__table__.update().where(Mint.url == home.url).values(status="offline")
            )
        )
        with pytest.raises(PosError) as err:
            await app.sales.pay(sale_id, stranger.token(64))
        return err.value, ops(app)

    err, operations = run_shop(tmp_path, home, stranger, scenario)
    assert err.code == "mint.all_offline" and "converted ecash" in err.user_message
    assert operations == [] and stranger.requests("/v1/melt/quote/bolt11") == []
