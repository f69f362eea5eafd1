"""Withdrawals on the fake mint: every outcome of the melt, the proof, the fee cap, the guard.

The Lightning address is the loopback LNURL server (real signed invoices); the mint is
the in-process fake, scripted per case. The real-mint tests are in
tests/integration/test_withdraw.py.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from pos_app.core.errors import PosError
from pos_app.core.events import Notification
from pos_app.core.store.schema import Operation
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.lnurlserver import LnurlServer

FUND = (512, 256, 128, 64, 32, 8)  # 1000 sat in six proofs


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


@pytest.fixture
def lnurl():
    with LnurlServer(settle="auto") as server:
        yield server


def run(tmp_path, lnurl, scenario, *, script=None, settings=None, fee_ppk=0):
    """A shop holding 1000 sat (less the receive fee) at a fake mint, withdrawing to ``lnurl``."""
    mint = FakeMint(fee_ppk=fee_ppk)
    mint.pay_any_invoice(**(script or {"fee_reserve": 10, "fee_paid": 3}))

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        notices: list[Notification] = []
        try:
            await app.mints.add(mint.url)
            for amount in FUND:
                await app.wallet.receive(mint.token(amount))
            values = {
                "lightning.address": lnurl.address(),
                "withdraw.auto": True,
                "withdraw.threshold": 500,
                **(settings or {}),
            }
            await app.settings.set_many(values)
            app.bus.subscribe(Notification, notices.append)
            return await scenario(app, mint, notices)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def unspent(app):
    return (await app.wallet.balance())["total"].get("sat", 0)


async def melts(app):
    return await app.db.run(
        lambda s: list(s.scalars(select(Operation).where(Operation.kind == "melt")))
    )


def kinds(notices):
    return [(n.kind, n.level) for n in notices]


def test_paid_and_proven_by_the_preimage_records_the_fee_actually_paid(tmp_path, lnurl):
    lnurl.set_default(hash="zero")

    async def scenario(app, mint, notices):
        [paid] = await app.withdrawals.auto_round()
        history = await app.withdrawals.history()
        return paid, await unspent(app), history, notices

    paid, left, history, notices = run(tmp_path, lnurl, scenario)
    assert (paid.state, paid.amount, paid.proof) == ("paid", 950, "proven")
    assert (paid.fee, paid.fee_reserve, paid.input_fee) == (3, 10, 0)
    assert paid.preimage == "00" * 32
    assert left == 1000 - 950 - 3
    assert [(h["amount"], h["fee"], h["proof"], h["state"]) for h in history] == [
        (950, 3, "proven", "done")
    ]
    assert kinds(notices) == [("withdraw_done", "info")]
    assert notices[0].data["fee"] == 3 and notices[0].data["amount"] == 950
    [issued] = lnurl.invoices()
    assert issued.amount_msat == 950_000 and paid.payment_hash == issued.payment_hash


def test_verified_by_lud21_when_the_mint_gives_no_proof(tmp_path, lnurl):
    async def scenario(app, mint, notices):
        return await app.withdrawals.withdraw(), notices

    paid, notices = run(tmp_path, lnurl, scenario)
    [issued] = lnurl.invoices()
    assert (paid.proof, paid.preimage) == ("verified", issued.preimage)
    assert kinds(notices) == [("withdraw_done", "info")]


@pytest.mark.parametrize(
    ("fault", "proof", "level"),
    [("no_verify", "unproven", "warning"), ("verify_wrong_preimage", "mismatch", "critical")],
)
def test_an_unproven_payment_is_paid_but_the_owner_is_warned(tmp_path, lnurl, fault, proof, level):
    lnurl.set_default(fault=fault)

    async def scenario(app, mint, notices):
        return await app.withdrawals.withdraw(), await app.withdrawals.history(), notices

    paid, history, notices = run(tmp_path, lnurl, scenario)
    assert (paid.state, paid.proof, paid.preimage) == ("paid", proof, None)
    assert history[0]["proof"] == proof
    assert kinds(notices) == [("withdraw_unproven", level)]
    [notice] = notices
    assert notice.title == "Withdrawal not proven"
    assert notice.data == {
        "dedupe": f"withdraw_unproven:{paid.operation_id}",
        "url": "http://fake-mint.test",
        "amount": 950,
    }


def test_a_pending_payment_blocks_the_next_until_recovery_finds_it_paid(tmp_path, lnurl):
    async def scenario(app, mint, notices):
        first = await app.withdrawals.withdraw()
        with pytest.raises(PosError) as again:
            await app.withdrawals.withdraw()
        skipped = await app.withdrawals.auto_round()
        told = list(notices)
        [op] = await melts(app)
        mint.settle(op.quote_id, "PAID")
        outcome = await app.wallet.recovery.run(op.id)
        return first, again.value, skipped, told, outcome, await app.withdrawals.history(), notices

    script = {"fee_reserve": 10, "fee_paid": 3, "outcome": "PENDING"}
    first, again, skipped, told, outcome, history, notices = run(
        tmp_path, lnurl, scenario, script=script, settings={"withdraw.threshold": 10}
    )
    assert (first.state, first.fee, first.proof) == ("pending", None, None)
    assert again.code == "withdraw.pending" and again.data["operation_id"] == first.operation_id
    assert again.user_message == (
        "A payout from this mint is still in progress; no new withdrawal starts until it ends. "
        "The app keeps checking it."
    )
    assert again.detail == f"open melt {first.operation_id} (pending)"
    assert skipped == [] and told == []  # the timer waits quietly
    assert len(lnurl.invoices()) == 1
    assert (outcome.state, outcome.action) == ("recovered", "completed")
    assert [(h["state"], h["fee"], h["proof"]) for h in history] == [("recovered", 3, "verified")]
    assert kinds(notices) == [("withdraw_done", "info")]


def test_a_failed_payment_frees_the_coins_and_the_timer_tells_once(tmp_path, lnurl):
    async def scenario(app, mint, notices):
        with pytest.raises(PosError) as failed:
            await app.withdrawals.withdraw()
        left = await unspent(app)
        rounds = [await app.withdrawals.auto_round(), await app.withdrawals.auto_round()]
        return failed.value, left, rounds, notices, await melts(app)

    script = {"fee_reserve": 10, "outcome": "UNPAID"}
    failed, left, rounds, notices, ops = run(tmp_path, lnurl, scenario, script=script)
    assert failed.code == "mint.lightning_failed" and left == 1000
    assert rounds == [[], []]
    assert kinds(notices) == [("withdraw_failed", "warning")]
    assert notices[0].data["reason"] == "mint.lightning_failed"
    assert [op.state for op in ops] == ["failed"] * 3


def test_a_share_that_leaves_too_little_for_the_fees_shrinks_by_what_is_missing(tmp_path, lnurl):
    async def scenario(app, mint, notices):
        return await app.withdrawals.withdraw(), await unspent(app)

    settings = {"withdraw.percent": 98, "withdraw.max_fee_percent": 5}
    paid, left = run(
        tmp_path, lnurl, scenario, script={"fee_reserve": 30, "fee_paid": 30}, settings=settings
    )
    # 980 + 30 is 10 more than the 1000 held: the second invoice is for 970.
    assert [i.amount_msat for i in lnurl.invoices()] == [980_000, 970_000]
    assert (paid.amount, paid.fee, left) == (970, 30, 0)


def test_a_fixed_amount_is_not_shrunk(tmp_path, lnurl):
    async def scenario(app, mint, notices):
        with pytest.raises(PosError) as short:
            await app.withdrawals.withdraw(amount=995)
        return short.value, await unspent(app)

    short, left = run(tmp_path, lnurl, scenario)
    assert short.code == "wallet.insufficient_funds" and left == 1000
    assert len(lnurl.invoices()) == 1


@pytest.mark.parametrize("amount", [0, -5, True, 2.5])
def test_a_bad_amount_is_refused_before_anything_is_asked(tmp_path, lnurl, amount):
    async def scenario(app, mint, notices):
        with pytest.raises(PosError) as bad:
            await app.withdrawals.withdraw(amount=amount)
        return bad.value

    bad = run(tmp_path, lnurl, scenario)
    assert (bad.code, bad.user_message, bad.detail) == (
        "amount.invalid",
        "The amount must be a positive whole number.",
        str(amount),
    )
    assert lnurl.invoices() == []


def test_one_sat_is_a_valid_amount_that_its_fees_outweigh(tmp_path, lnurl):
    async def scenario(app, mint, notices):
        with pytest.raises(PosError) as small:
            await app.withdrawals.withdraw(amount=1)
        return small.value

    assert run(tmp_path, lnurl, scenario).code == "withdraw.fee_too_high"
    assert [i.amount_msat for i in lnurl.invoices()] == [1000]


def test_the_address_limits_cap_the_amount_and_refuse_a_too_small_one(tmp_path, lnurl):
    lnurl.set_default(max_sendable=400_000)

    async def scenario(app, mint, notices):
        capped = await app.withdrawals.withdraw()
        lnurl.set_default(min_sendable=700_000, max_sendable=900_000)
        with pytest.raises(PosError) as small:
            await app.withdrawals.withdraw()
        return capped, small.value

    capped, small = run(tmp_path, lnurl, scenario, settings={"withdraw.max_fee_percent": 5})
    assert capped.amount == 400
    assert small.code == "withdraw.too_small"
    # 95 % of the 597 sat left is 567, under the 700 sat the address accepts.
    assert (small.data["amount"], small.data["minimum"]) == (567, 700)
    assert small.user_message == (
        "The Lightning address accepts 700 sat or more; this mint can pay out 567 sat."
    )
    assert small.detail == "target 567 below minSendable 700 sat"


def test_an_amount_of_exactly_the_address_minimum_is_paid(tmp_path, lnurl):
    lnurl.set_default(min_sendable=950_000)

    async def scenario(app, mint, notices):
        return await app.withdrawals.withdraw()

    assert run(tmp_path, lnurl, scenario).amount == 950


def test_the_fee_cap_counts_the_reserve_and_the_mint_input_fee(tmp_path, lnurl):
    """The cap at exactly reserve + input fee pays; a hair less refuses and pays nothing."""

    async def probe(app, mint, notices):
        return await app.withdrawals.withdraw()

    # The fee mint charges 1 sat per input here: FakeMint's 100 ppk on six proofs.
    first = run(
        tmp_path / "a", lnurl, probe, fee_ppk=100, settings={"withdraw.max_fee_percent": 50}
    )
    assert first.input_fee >= 1 and first.fee_reserve == 10
    exact = (first.fee_reserve + first.input_fee) * 100 / first.amount

    paid = run(
        tmp_path / "b", lnurl, probe, fee_ppk=100, settings={"withdraw.max_fee_percent": exact}
    )
    assert paid.state == "paid" and paid.amount == first.amount

    async def refused(app, mint, notices):
        before = await unspent(app)
        with pytest.raises(PosError) as capped:
            await app.withdrawals.withdraw()
        rounds = [await app.withdrawals.auto_round(), await app.withdrawals.auto_round()]
        return capped.value, rounds, notices, await melts(app), await unspent(app) == before

    capped, rounds, notices, ops, untouched = run(
        tmp_path / "c",
        lnurl,
        refused,
        fee_ppk=100,
        settings={"withdraw.max_fee_percent": exact - 0.01},
    )
    assert capped.code == "withdraw.fee_too_high"
    assert capped.data["fee"] == first.fee_reserve + first.input_fee
    fees = first.fee_reserve + first.input_fee
    assert capped.user_message == (
        f"Withdrawing {first.amount} sat from this mint could cost up to {fees} sat in fees, "
        f"more than the limit of {exact - 0.01:g}%. Nothing was paid."
    )
    assert capped.detail == (
        f"fee reserve {first.fee_reserve} + input fee {first.input_fee} on {first.amount}"
    )
    assert rounds == [[], []] and ops == []
    assert kinds(notices) == [("withdraw_fee_cap", "warning")]  # told once
    assert notices[0].data["amount"] == first.amount
    assert untouched


def test_check_threshold_asks_the_address_only_when_it_matters(tmp_path, lnurl):
    lnurl.set_default(min_sendable=2_000_000)

    async def scenario(app, mint, notices):
        w = app.withdrawals
        values = {"withdraw.auto": True, "lightning.address": lnurl.address()}
        off = await w.check_threshold({**values, "withdraw.auto": False, "withdraw.threshold": 1})
        none = await w.check_threshold({**values, "lightning.address": "", "withdraw.threshold": 1})
        ok = await w.check_threshold({**values, "withdraw.threshold": 2000})
        with pytest.raises(PosError) as low:
            await w.check_threshold({**values, "withdraw.threshold": 1999})
        unreachable = await w.check_threshold(
            {**values, "lightning.address": "shop@127.0.0.1:9", "withdraw.threshold": 1}
        )
        return off, none, ok, low.value, unreachable

    off, none, ok, low, unreachable = run(tmp_path, lnurl, scenario)
    assert (off, none, ok, unreachable) == (None, None, 2000, None)
    assert low.code == "config.withdraw_threshold"
    assert low.data == {"key": "withdraw.threshold", "minimum": 2000}
    assert len(lnurl.invoices()) == 0


def test_the_timer_waits_for_a_threshold_below_the_address_minimum(tmp_path, lnurl):
    lnurl.set_default(min_sendable=600_000)

    async def scenario(app, mint, notices):
        rounds = [await app.withdrawals.auto_round(), await app.withdrawals.auto_round()]
        await app.settings.set("withdraw.threshold", 600)
        rounds.append(await app.withdrawals.auto_round())
        return rounds, notices

    rounds, notices = run(tmp_path, lnurl, scenario)
    assert rounds[:2] == [[], []]
    assert [w.amount for w in rounds[2]] == [950]
    assert kinds(notices) == [("withdraw_below_minimum", "warning"), ("withdraw_done", "info")]
    assert (notices[0].data["threshold"], notices[0].data["minimum"]) == (500, 600)


def test_only_trusted_mints_and_only_with_an_address(tmp_path, lnurl):
    async def scenario(app, mint, notices):
        await app.mints.trust(mint.url, False)
        with pytest.raises(PosError) as untrusted:
            await app.withdrawals.withdraw(mint.url)
        none = await app.withdrawals.auto_round()
        await app.settings.set("lightning.address", "")
        with pytest.raises(PosError) as no_address:
            await app.withdrawals.withdraw(mint.url)
        return untrusted.value, none, no_address.value

    untrusted, none, no_address = run(tmp_path, lnurl, scenario)
    assert untrusted.code == "mint.unknown" and none == []
    assert untrusted.user_message == "Withdrawals are made from the shop's trusted mints only."
    assert untrusted.detail == "http://fake-mint.test"
    assert no_address.code == "lightning.not_configured"
    assert lnurl.invoices() == []


def test_a_mint_preimage_that_does_not_match_is_a_mismatch_even_when_lud21_would_say_paid(
    tmp_path, lnurl, caplog
):
    def wrong_preimage(request, status, answer):
        return status, {**answer, "payment_preimage": "ab" * 32}

    async def scenario(app, mint, notices):
        mint.fault("POST", "/v1/melt/bolt11", "rewrite", rewrite=wrong_preimage)
        paid = await app.withdrawals.withdraw()
        return paid, await app.withdrawals.history(), notices

    paid, history, notices = run(tmp_path, lnurl, scenario)
    [issued] = lnurl.invoices()
    assert (paid.state, paid.proof, paid.preimage) == ("paid", "mismatch", "ab" * 32)
    assert issued.verify_requests == 0  # a wrong proof is not talked away by the address
    assert history[0]["proof"] == "mismatch"
    assert kinds(notices) == [("withdraw_unproven", "critical")]
    [line] = [r for r in caplog.records if "preimage does not match" in r.getMessage()]
    assert line.levelname == "WARNING"
    assert line.getMessage() == f"withdrawal preimage does not match {issued.payment_hash[:12]}…"


def test_the_command_line_shape_of_a_withdrawal(tmp_path, lnurl):
    lnurl.set_default(hash="zero")

    async def scenario(app, mint, notices):
        return await app.withdrawals.withdraw(amount=300)

    paid = run(tmp_path, lnurl, scenario, settings={"withdraw.max_fee_percent": 5})
    assert paid.to_dict() == {
        "state": "paid",
        "mint": "http://fake-mint.test",
        "unit": "sat",
        "amount": 300,
        "fee": 3,
        "fee_reserve": 10,
        "input_fee": 0,
        "preimage": "00" * 32,
        "proof": "proven",
        "payment_hash": lnurl.invoices()[0].payment_hash,
        "operation_id": paid.operation_id,
    }


def test_input_fees_shrink_the_share_by_what_is_missing_with_every_coin(tmp_path, lnurl):
    """1000 ppk: each of the 38 coins costs 1 sat to spend; 974 + 20 reserve leaves none."""

    async def scenario(app, mint, notices):
        return await app.withdrawals.withdraw(), await unspent(app)

    settings = {"withdraw.percent": 98, "withdraw.max_fee_percent": 50}
    script = {"fee_reserve": 20, "fee_paid": 20}
    paid, left = run(tmp_path, lnurl, scenario, fee_ppk=1000, script=script, settings=settings)
    # 994 held in 38 coins: 974 + 20 + 38 input fee is 38 too many, so 936 is asked next.
    assert [i.amount_msat // 1000 for i in lnurl.invoices()] == [974, 936]
    assert (paid.amount, paid.input_fee, paid.fee) == (936, 32, 52)
    assert left == 994 - 936 - 52


def test_fees_that_grow_with_every_quote_give_up_after_four_rounds(tmp_path, lnurl):
    quotes = []

    def growing(request, status, answer):
        quotes.append(answer["amount"])
        return status, {**answer, "fee_reserve": 100 * len(quotes)}

    async def scenario(app, mint, notices):
        mint.fault("POST", "/v1/melt/quote/bolt11", "rewrite", rewrite=growing, times=None)
        with pytest.raises(PosError) as unstable:
            await app.withdrawals.withdraw()
        return unstable.value, await melts(app), await unspent(app)

    settings = {"withdraw.max_fee_percent": 50}
    unstable, ops, left = run(tmp_path, lnurl, scenario, settings=settings)
    assert unstable.code == "withdraw.fees_unstable" and ops == [] and left == 1000
    # 950 + 100 is 50 short; 900 + 200 is 100 short; 800 + 300 is 100 short; then 700.
    assert quotes == [950, 900, 800, 700]
