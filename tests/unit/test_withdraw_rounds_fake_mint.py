"""The withdrawal timer over several mints, its notices, the history, recovery and proofs.

Two fake mints (``a`` and ``b``) each hold 1000 sat; the Lightning address is the
loopback LNURL server. The single-mint cases are in test_withdraw_fake_mint.py.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest
from sqlalchemy import select, update

from pos_app.core.errors import PosError
from pos_app.core.events import Notification
from pos_app.core.store.schema import Operation
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.lnurlserver import LnurlServer

FUND = (512, 256, 128, 64, 32, 8)
A, B = "http://a.test", "http://b.test"
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
            values = {
                "lightning.address": lnurl.address(),
                "withdraw.auto": True,
                "withdraw.threshold": 500,
                **(settings or {}),
            }
            await app.settings.set_many(values)
            app.bus.subscribe(Notification, notices.append)
            return await scenario(app, {m.url: m for m in mints}, notices)
        finally:
            await app.aclose()

    return asyncio.run(main())


def told(notices):
    return [(n.kind, n.title, n.data.get("url"), n.data["dedupe"]) for n in notices]


async def melt_ops(app):
    return await app.db.run(
        lambda s: list(
            s.scalars(select(Operation).where(Operation.kind == "melt").order_by(Operation.id))
        )
    )


def test_every_trusted_mint_over_the_threshold_pays_out_in_turn(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        return await app.withdrawals.auto_round(), notices

    paid, notices = run(tmp_path, lnurl, scenario)
    assert [(w.mint, w.amount, w.proof) for w in paid] == [(A, 950, "proven"), (B, 950, "proven")]
    assert [(n.kind, n.title, n.data["url"], n.data["amount"], n.data["fee"]) for n in notices] == [
        ("withdraw_done", "Withdrawn", A, 950, 3),
        ("withdraw_done", "Withdrawn", B, 950, 3),
    ]
    assert [n.data["dedupe"] for n in notices] == [f"withdraw_done:{w.operation_id}" for w in paid]
    assert notices[0].body == f"950 sat from {A} were paid to the Lightning address (fee 3 sat)."


def test_a_balance_at_the_threshold_is_not_above_it(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        return await app.withdrawals.auto_round()

    assert run(tmp_path, lnurl, scenario, settings={"withdraw.threshold": 1000}) == []
    assert lnurl.invoices() == []


def test_switched_on_without_an_address_the_timer_does_nothing(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        await app.settings.set("lightning.address", "")
        return await app.withdrawals.auto_round(), notices

    assert run(tmp_path, lnurl, scenario) == ([], [])


def test_refusals_are_told_once_per_mint_and_again_after_a_success(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        rounds = [await app.withdrawals.auto_round(), await app.withdrawals.auto_round()]
        first = list(notices)
        await app.settings.set("withdraw.max_fee_percent", 2)
        rounds.append(await app.withdrawals.auto_round())
        # The till takes 953 sat more at each mint: back to 1000, the same payout is due.
        for mint in mints.values():
            await app.wallet.receive(mint.token(953))
        await app.settings.set("withdraw.max_fee_percent", 0.5)
        rounds.append(await app.withdrawals.auto_round())
        return rounds, first, notices

    rounds, first, notices = run(
        tmp_path, lnurl, scenario, settings={"withdraw.max_fee_percent": 0.5}
    )
    assert [len(r) for r in rounds] == [0, 0, 2, 0]
    assert told(first) == [
        ("withdraw_fee_cap", "Withdrawal not paid", A, f"withdraw_fee_cap:{A}"),
        ("withdraw_fee_cap", "Withdrawal not paid", B, f"withdraw_fee_cap:{B}"),
    ]
    assert first[0].body == (
        f"A withdrawal of 950 sat from {A} was not paid: its fees of up to 10 sat are more "
        "than 0.5% of it. Nothing was spent."
    )
    assert (first[0].level, first[0].data["reason"]) == ("warning", "withdraw.fee_too_high")
    # After each mint paid out once, the same refusal is news again.
    again = [n for n in notices[len(first) :] if n.kind == "withdraw_fee_cap"]
    assert [n.data["url"] for n in again] == [A, B]


def test_an_open_payout_at_one_mint_does_not_hold_up_the_other(tmp_path, lnurl):
    scripts = {A: {"fee_reserve": 10, "outcome": "PENDING"}}

    async def scenario(app, mints, notices):
        pending = await app.withdrawals.withdraw(A)
        paid = await app.withdrawals.auto_round()
        return pending, paid, notices

    pending, paid, notices = run(
        tmp_path, lnurl, scenario, scripts=scripts, settings={"withdraw.threshold": 10}
    )
    assert pending.state == "pending"
    assert [(w.mint, w.state) for w in paid] == [(B, "paid")]
    assert [n.kind for n in notices] == ["withdraw_done"]


def test_a_lost_answer_is_left_to_recovery_and_the_next_mint_is_served(tmp_path, lnurl, caplog):
    async def scenario(app, mints, notices):
        mints[A].fault("POST", MELT, "drop")
        with caplog.at_level(logging.INFO, logger="pos_app.core.payments.withdraw"):
            paid = await app.withdrawals.auto_round()
        [open_op] = [op for op in await melt_ops(app) if op.state == "pending"]
        outcome = await app.wallet.recovery.run(open_op.id)
        return paid, outcome, await app.withdrawals.history(), notices

    paid, outcome, history, notices = run(tmp_path, lnurl, scenario)
    assert [w.mint for w in paid] == [B]
    [line] = [r.getMessage() for r in caplog.records if "automatic withdrawal" in r.getMessage()]
    assert line == f"automatic withdrawal from {A}: mint.unreachable"
    assert (outcome.state, outcome.action) == ("recovered", "completed")
    # Recovery proves it with the mint's own preimage (the address was never asked).
    assert {(h["mint"], h["proof"], h["preimage"]) for h in history} == {
        (A, "proven", "00" * 32),
        (B, "proven", "00" * 32),
    }
    assert sum(1 for n in notices if n.kind == "withdraw_done") == 2


def test_recovery_proves_a_withdrawal_once_and_leaves_other_melts_alone(tmp_path, lnurl, caplog):
    scripts = {A: {"fee_reserve": 10, "fee_paid": 3, "outcome": "PENDING"}}

    async def scenario(app, mints, notices):
        mint = mints[A]
        withdrawal = await app.withdrawals.withdraw(A, amount=300)
        plain = await app.wallet.melt(mint.invoice(50, fee_reserve=1, outcome="PENDING"), A)
        ops = {op.id: op for op in await melt_ops(app)}
        still = await app.wallet.recovery.run(withdrawal.operation_id)  # not paid yet
        pending_history = await app.withdrawals.history()
        for op in ops.values():
            mint.settle(op.quote_id, "PAID")
        with caplog.at_level(logging.ERROR):
            done = [await app.wallet.recovery.run(op_id) for op_id in ops]
            again = await app.wallet.recovery.run(withdrawal.operation_id)
        return withdrawal, plain, still, pending_history, done, again, notices

    withdrawal, plain, still, pending_history, done, again, notices = run(
        tmp_path, lnurl, scenario, scripts=scripts, settings={"withdraw.max_fee_percent": 5}
    )
    assert (withdrawal.state, plain.state, still.state) == ("pending", "pending", "pending")
    assert [(h["state"], h["fee"], h["preimage"], h["proof"]) for h in pending_history] == [
        ("pending", None, None, None)
    ]
    assert {o.state for o in done} == {"recovered"} and again.action == "none"
    assert [(n.kind, n.data["amount"]) for n in notices] == [("withdraw_done", 300)]
    assert not [r for r in caplog.records if "hook failed" in r.getMessage()]


def test_history_is_newest_first_with_every_field(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        first = await app.withdrawals.withdraw(A, amount=100)
        second = await app.withdrawals.withdraw(B, amount=200)
        await app.db.run(
            lambda s: (
                s.execute(
                    update(Operation)
                    .where(Operation.id == first.operation_id)
                    .values(created_at=Operation.created_at - 60)
                )
                and None
            )
        )
        # A plain payment of the shop's coins is the newest melt, and no withdrawal.
        await app.wallet.melt(mints[A].invoice(20, fee_reserve=1), A)
        return first, second, await app.withdrawals.history()

    settings = {"withdraw.max_fee_percent": 20}
    first, second, history = run(tmp_path, lnurl, scenario, settings=settings)
    stamps = [h.pop("created_at") for h in history]
    assert stamps[0] - stamps[1] >= 60
    assert history == [
        {
            "id": w.operation_id,
            "mint": w.mint,
            "amount": w.amount,
            "fee": 3,
            "state": "done",
            "preimage": "00" * 32,
            "proof": "proven",
            "payment_hash": w.payment_hash,
        }
        for w in (second, first)
    ]


def test_lud21_answers_decide_the_proof(tmp_path, caplog):
    cases = {}
    for name, server_settings in {
        "settled_without_preimage": {"fault": "verify_zero_preimage"},
        "not_settled": {"settle": "manual"},
        "verify_down": {"fault": "verify_500"},
    }.items():
        with LnurlServer(hash="random", **server_settings) as server:

            async def scenario(app, mints, notices):
                return await app.withdrawals.withdraw(A)

            with caplog.at_level(logging.INFO, logger="pos_app.core.payments.withdraw"):
                cases[name] = run(tmp_path / name, server, scenario, names=(A,))
    assert (
        cases["settled_without_preimage"].proof,
        cases["settled_without_preimage"].preimage,
    ) == (
        "verified",
        None,
    )
    assert cases["not_settled"].proof == "unproven"
    assert cases["verify_down"].proof == "unproven"
    assert "LUD-21 verify of a withdrawal failed: lightning.unreachable" in [
        r.getMessage() for r in caplog.records
    ]


def test_the_shared_web_client_serves_every_address_request(tmp_path, lnurl, monkeypatch):
    lnurl.set_default(hash="random")  # proven through LUD-21: the verify URL is asked too

    async def scenario(app, mints, notices):
        app.web()  # the app's one client, made before counting
        made = []
        real = httpx.AsyncClient.__init__

        def counting(self, *args, **kwargs):
            made.append(kwargs)
            real(self, *args, **kwargs)

        monkeypatch.setattr(httpx.AsyncClient, "__init__", counting)
        paid = await app.withdrawals.withdraw(A)
        checked = await app.withdrawals.check_threshold(
            {"withdraw.auto": True, "lightning.address": lnurl.address(), "withdraw.threshold": 1}
        )
        return paid, checked, made

    paid, checked, made = run(tmp_path, lnurl, scenario, names=(A,))
    assert (paid.proof, checked) == ("verified", 1)
    assert made == []


def test_threshold_refusal_words_and_the_unreachable_log(tmp_path, lnurl, caplog):
    lnurl.set_default(min_sendable=2_000_000)

    async def scenario(app, mints, notices):
        values = {"withdraw.auto": True, "lightning.address": lnurl.address()}
        with pytest.raises(PosError) as low:
            await app.withdrawals.check_threshold({**values, "withdraw.threshold": 1999})
        with caplog.at_level(logging.INFO, logger="pos_app.core.payments.withdraw"):
            unreachable = await app.withdrawals.check_threshold(
                {**values, "lightning.address": "shop@127.0.0.1:9", "withdraw.threshold": 1}
            )
        rounds = [await app.withdrawals.auto_round(), await app.withdrawals.auto_round()]
        return low.value, unreachable, rounds, notices

    low, unreachable, rounds, notices = run(tmp_path, lnurl, scenario, names=(A,))
    assert low.user_message == (
        "The Lightning address accepts 2000 sat or more: the withdrawal threshold must be at "
        "least that."
    )
    assert low.detail == "threshold 1999 < minSendable 2000000 msat"
    assert unreachable is None
    assert "Lightning address not checked: lightning.unreachable" in [
        r.getMessage() for r in caplog.records
    ]
    assert rounds == [[], []]
    [notice] = notices
    assert (notice.title, notice.level, notice.data["dedupe"]) == (
        "Withdrawal not paid",
        "warning",
        "withdraw_below_minimum:*",
    )
    assert notice.body == (
        "Automatic withdrawals wait: the threshold of 500 sat is below the 2000 sat the "
        "Lightning address accepts. Raise it in Settings."
    )


def test_both_timers_are_registered_with_the_app_services(tmp_path, lnurl):
    async def scenario(app, mints, notices):
        timers = app.services.supervisor.services
        return {name: (s.work, s.interval) for name, s in timers.items()}, app

    timers, app = run(tmp_path, lnurl, scenario, names=(A,))
    assert timers["withdraw"] == (app.withdrawals.auto_round, 600.0)
    assert timers["sweep"] == (app.sweeper.round, 3600.0)
