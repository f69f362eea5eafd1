"""Everything to Lightning (``Withdrawals.withdraw_all``) over several fake mints.

Each fake mint (``a``, ``b``, sometimes ``c``) holds 1000 sat; the Lightning address is
the loopback LNURL server. Every mint goes through the single-mint withdrawal, so its
rules (share, fee cap, address limits, one open payout per mint) apply mint by mint and
a refused mint does not stop the others.
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

FUND = (512, 256, 128, 64, 32, 8)
A, B, C = "http://a.test", "http://b.test", "http://c.test"
QUOTE = "/v1/melt/quote/bolt11"
MELT = "/v1/melt/bolt11"


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


@pytest.fixture
def lnurl():
    with LnurlServer(settle="auto", hash="zero") as server:
        yield server


def run(tmp_path, lnurl, scenario, *, scripts=None, settings=None, names=(A, B)):
    mints = [FakeMint(url, name=url) for url in names]
    for mint in mints:
        mint.pay_any_invoice(**(scripts or {}).get(mint.url, {"fee_reserve": 10, "fee_paid": 3}))

    async def main():
        app = open_shop(tmp_path / "shop", *mints)
        notices: list[Notification] = []
        try:
            for mint in mints:
                await app.mints.add(mint.url)
                for amount in FUND:
                    await app.wallet.receive(mint.token(amount))
            values = {"lightning.address": lnurl.address(), **(settings or {})}
            await app.settings.set_many(values)
            app.bus.subscribe(Notification, notices.append)
            return await scenario(app, {m.url: m for m in mints}, notices)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def held(app):
    return {b["mint"]: b["amount"] for b in (await app.wallet.balance())["balances"]}


async def melt_ops(app):
    return await app.db.run(
        lambda s: list(s.scalars(select(Operation).where(Operation.kind == "melt")))
    )


def test_every_mint_pays_out_in_the_shops_order_with_totals(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        await app.mints.prioritize(B, 1)  # B is the shop's first choice, though added second
        done = await app.withdrawals.withdraw_all()
        return done, await held(app), await app.withdrawals.history(), notices

    done, left, history, notices = run(tmp_path, lnurl, scenario)
    assert [(r.mint, r.state, r.amount, r.fee) for r in done.results] == [
        (B, "paid", 950, 3),
        (A, "paid", 950, 3),
    ]
    assert (done.paid, done.fees, done.refused, done.failed) == (1900, 6, [], False)
    assert left == {A: 1000 - 953, B: 1000 - 953}
    assert [i.amount_msat for i in lnurl.invoices()] == [950_000, 950_000]
    assert {(h["mint"], h["state"], h["proof"]) for h in history} == {
        (A, "done", "proven"),
        (B, "done", "proven"),
    }
    assert [n.kind for n in notices] == ["withdraw_done", "withdraw_done"]
    shape = done.to_dict()
    assert (shape["paid"], shape["fees"]) == (1900, 6)
    [first, second] = shape["withdrawals"]
    assert first == done.results[0].withdrawal.to_dict()
    assert (first["mint"], first["state"], first["amount"], first["fee"]) == (B, "paid", 950, 3)
    assert "error" not in first and second["mint"] == A


def test_a_mint_over_the_fee_cap_is_refused_and_the_next_one_still_pays(tmp_path, lnurl):
    scripts = {A: {"fee_reserve": 50, "fee_paid": 50}}  # 50 on 950 is over the 2 % default

    async def scenario(app, mints, notices):
        return await app.withdrawals.withdraw_all(), await held(app), await melt_ops(app)

    done, left, ops = run(tmp_path, lnurl, scenario, scripts=scripts)
    refused, paid = done.results
    assert (refused.mint, refused.state, refused.amount, refused.fee) == (A, "refused", 0, None)
    assert refused.error.code == "withdraw.fee_too_high" and refused.withdrawal is None
    assert (paid.mint, paid.state, paid.amount) == (B, "paid", 950)
    assert (done.paid, done.fees, done.failed) == (950, 3, False)
    assert left == {A: 1000, B: 1000 - 953}  # nothing left A
    assert [op.mint_id for op in ops] == [2]  # only B's melt was written
    entry = done.to_dict()["withdrawals"][0]
    assert entry == {
        "state": "refused",
        "mint": A,
        "unit": "sat",
        "amount": 0,
        "fee": None,
        "error": refused.error.to_dict(),
    }
    assert entry["error"]["code"] == "withdraw.fee_too_high"
    assert entry["error"]["message"].startswith("Withdrawing 950 sat from this mint could cost")


def test_an_offline_mint_and_an_open_payout_are_reported_and_the_third_pays(tmp_path, lnurl):
    scripts = {B: {"fee_reserve": 10, "outcome": "PENDING"}}

    async def scenario(app, mints, notices):
        pending = await app.withdrawals.withdraw(B)  # B's payout is still in flight
        mints[A].fault("POST", QUOTE, "unreachable")
        done = await app.withdrawals.withdraw_all()
        return pending, done, await held(app)

    pending, done, left = run(tmp_path, lnurl, scenario, scripts=scripts, names=(A, B, C))
    assert pending.state == "pending"
    assert [(r.mint, r.state) for r in done.results] == [
        (A, "refused"),
        (B, "refused"),
        (C, "paid"),
    ]
    assert done.results[0].error.code == "mint.unreachable"
    assert done.results[1].error.code == "withdraw.pending"
    assert done.results[1].error.data["operation_id"] == pending.operation_id
    assert (done.paid, done.fees) == (950, 3)
    assert left[A] == 1000 and left[C] == 1000 - 953
    # One invoice for B's open payout, one that A's quote never got to, one paid by C.
    assert len(lnurl.invoices()) == 3


def test_a_lost_melt_answer_is_pending_for_recovery_not_refused_and_never_paid_twice(
    tmp_path, lnurl
):
    async def scenario(app, mints, notices):
        mints[A].fault("POST", MELT, "drop")
        first = await app.withdrawals.withdraw_all()
        again = await app.withdrawals.withdraw_all()
        [open_op] = [op for op in await melt_ops(app) if op.state == "pending"]
        outcome = await app.wallet.recovery.run(open_op.id)
        return first, again, open_op, outcome, await app.withdrawals.history()

    first, again, open_op, outcome, history = run(tmp_path, lnurl, scenario)
    lost, paid = first.results
    assert (lost.state, lost.error.code, lost.operation_id) == (
        "pending",
        "mint.unreachable",
        open_op.id,
    )
    assert (lost.amount, lost.fee) == (950, None)
    assert paid.state == "paid"
    assert (first.paid, first.failed) == (950, False)  # the pending one is not counted yet
    assert first.to_dict()["withdrawals"][0]["operation_id"] == open_op.id
    # The second run pays nothing twice: A's payout is still open, and the 47 sat left
    # at B would cost 10 sat of fee reserve, over the cap.
    assert [(r.mint, r.state, r.error.code) for r in again.results] == [
        (A, "refused", "withdraw.pending"),
        (B, "refused", "withdraw.fee_too_high"),
    ]
    assert (again.paid, again.failed) == (0, True)
    assert (outcome.state, outcome.action) == ("recovered", "completed")
    assert sorted((h["mint"], h["amount"], h["state"]) for h in history) == [
        (A, 950, "recovered"),
        (B, 950, "done"),
    ]


def test_nothing_paid_when_every_mint_is_below_the_address_minimum(tmp_path, lnurl):
    lnurl.set_default(min_sendable=2_000_000)

    async def scenario(app, mints, notices):
        return await app.withdrawals.withdraw_all(), await held(app), await melt_ops(app)

    done, left, ops = run(tmp_path, lnurl, scenario)
    assert [(r.mint, r.state, r.error.code) for r in done.results] == [
        (A, "refused", "withdraw.too_small"),
        (B, "refused", "withdraw.too_small"),
    ]
    assert done.results[0].error.data == {"amount": 950, "minimum": 2000, "url": A}
    assert (done.paid, done.fees, done.failed) == (0, 0, True)
    assert done.to_dict()["withdrawals"][1]["error"]["code"] == "withdraw.too_small"
    assert left == {A: 1000, B: 1000} and ops == [] and lnurl.invoices() == []


def test_only_trusted_mints_holding_coins_and_only_with_an_address(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        await app.mints.trust(A, False)
        only_b = await app.withdrawals.withdraw_all()
        await app.mints.trust(B, False)
        nothing = await app.withdrawals.withdraw_all()
        await app.settings.set("lightning.address", "")
        with pytest.raises(PosError) as no_address:
            await app.withdrawals.withdraw_all()
        return only_b, nothing, no_address.value, await held(app)

    only_b, nothing, no_address, left = run(tmp_path, lnurl, scenario)
    assert [(r.mint, r.state) for r in only_b.results] == [(B, "paid")]
    assert (nothing.results, nothing.paid, nothing.failed) == ((), 0, False)
    assert nothing.to_dict() == {"withdrawals": [], "paid": 0, "fees": 0}
    assert no_address.code == "lightning.not_configured"
    assert left[A] == 1000 and len(lnurl.invoices()) == 1


def test_preview_reads_the_address_limits_and_asks_no_invoice(tmp_path, lnurl):
    lnurl.set_default(min_sendable=960_000, max_sendable=2_000_000_000)
    scripts = {A: {"fee_reserve": 10, "outcome": "PENDING"}}

    async def scenario(app, mints, notices):
        await app.settings.set("withdraw.percent", 98)
        before = await app.withdrawals.preview()
        await app.withdrawals.withdraw(A)
        after = await app.withdrawals.preview()
        return before, after, len(lnurl.invoices())

    before, after, invoices = run(tmp_path, lnurl, scenario, scripts=scripts)
    assert before == {
        "address": lnurl.address(),
        "minimum": 960,
        "maximum": 2_000_000,
        "percent": 98,
        "max_fee_percent": 2.0,
        "mints": [
            {"mint": A, "balance": 1000, "amount": 980, "refusal": None},
            {"mint": B, "balance": 1000, "amount": 980, "refusal": None},
        ],
    }
    assert invoices == 1  # the one withdrawal's; the previews asked for none
    # A's payout is open: its coins are reserved and a second one would be refused.
    # A's payout is open: 992 sat of its coins are reserved, a second one would be refused.
    assert after["mints"] == [
        {"mint": A, "balance": 8, "amount": 7, "refusal": "withdraw.pending"},
        {"mint": B, "balance": 1000, "amount": 980, "refusal": None},
    ]


@pytest.mark.parametrize(
    ("action", "kwargs"),
    [
        ("answer", {"status": 200, "body": {"garbage": True}}),
        ("answer", {"status": 500, "body": {"detail": "internal"}}),
        ("timeout", {}),
    ],
)
def test_any_unclear_melt_answer_is_pending_never_reported_as_refused(
    tmp_path, lnurl, action, kwargs
):
    async def scenario(app, mints, notices):
        mints[A].fault("POST", MELT, action, **kwargs)
        done = await app.withdrawals.withdraw_all()
        return done, await melt_ops(app)

    done, ops = run(tmp_path, lnurl, scenario, names=(A,))
    [entry] = done.results
    [op] = ops
    assert op.state == "pending"  # the mint may have paid: recovery decides
    assert (entry.state, entry.operation_id, entry.amount) == ("pending", op.id, 950)
    assert done.failed is False and entry.error is not None


def test_one_mint_is_reported_as_withdraw_all_reports_each(tmp_path, lnurl):
    scripts = {A: {"fee_reserve": 50, "fee_paid": 50}}

    async def scenario(app, mints, notices):
        return (
            await app.withdrawals.withdraw_from(A),
            await app.withdrawals.withdraw_from(B),
            await app.withdrawals.withdraw_from(C),  # no mint of the shop's
            await held(app),
        )

    refused, paid, unknown, left = run(tmp_path, lnurl, scenario, scripts=scripts)
    assert (refused.state, refused.error.code, refused.amount, refused.fee) == (
        "refused",
        "withdraw.fee_too_high",
        0,
        None,
    )
    assert (paid.state, paid.amount, paid.fee, paid.withdrawal.proof) == ("paid", 950, 3, "proven")
    assert (unknown.state, unknown.error.code) == ("refused", "mint.unknown")
    assert left == {A: 1000, B: 1000 - 953}
