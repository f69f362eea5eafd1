"""Withdrawals to the shop's Lightning address, against real mints and the loopback LNURL server.

The timer's round (``Withdrawals.auto_round``) is called directly; the kill between the
mint's answer and its record runs the real command in a subprocess (``after_melt``), and
the retry service finishes it on a clock moved past the in-flight lease.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.errors import PosError
from pos_app.core.events import Notification
from pos_app.core.store.schema import Operation
from tests.support.cli import Cli
from tests.support.tokens import token, token_async

pytestmark = pytest.mark.mint


@asynccontextmanager
async def shop(tmp_path, mint, lnurl_server, **settings):
    os.environ["POS_DB_KEY"] = os.urandom(32).hex()
    app, _ = App.init(tmp_path / "shop", trust_env=False)
    notices: list[Notification] = []
    app.bus.subscribe(Notification, notices.append)
    app.notices = notices
    try:
        await app.mints.add(mint.url)
        values = {"lightning.address": lnurl_server.address("shop"), "withdraw.auto": True}
        values.update({k.replace("__", "."): v for k, v in settings.items()})
        await app.settings.set_many(values)
        yield app
    finally:
        await app.aclose()
        os.environ.pop("POS_DB_KEY", None)


async def melts(app):
    return await app.db.run(
        lambda s: list(s.scalars(select(Operation).where(Operation.kind == "melt")))
    )


async def balance(app, url):
    return sum(b["amount"] for b in (await app.wallet.balance())["balances"] if b["mint"] == url)


def test_auto_withdraw_above_the_threshold_pays_once_and_records_the_fee(
    tmp_path, fee_mint, lnurl_server
):
    lnurl_server.configure("shop", hash="random", settle="auto")

    async def scenario():
        async with shop(tmp_path, fee_mint, lnurl_server, withdraw__threshold=500) as app:
            await app.wallet.receive(await token_async(fee_mint.url, 1000))
            before = await balance(app, fee_mint.url)
            assert 990 <= before < 1000  # the receive paid the mint's input fee

            [paid] = await app.withdrawals.auto_round()
            assert paid.state == "paid" and paid.proof == "verified"
            assert paid.amount == before * 95 // 100
            # The fee actually paid: the inputs' mint fee plus whatever of the reserve the
            # mint kept; it is what left the balance beyond the amount.
            after = await balance(app, fee_mint.url)
            assert paid.fee == before - after - paid.amount
            assert paid.input_fee >= 1 and paid.input_fee <= paid.fee
            assert paid.fee <= paid.fee_reserve + paid.input_fee
            issued = lnurl_server.invoices()
            assert [i.payment_hash for i in issued] == [paid.payment_hash]
            assert issued[0].amount_msat == paid.amount * 1000
            assert paid.preimage == issued[0].preimage  # LUD-21 gave the proof

            # Under the threshold now: the next round does nothing.
            assert await app.withdrawals.auto_round() == []
            assert len(lnurl_server.invoices()) == 1
            [op] = await melts(app)
            assert op.state == "done"
            history = await app.withdrawals.history()
            assert [(h["amount"], h["fee"], h["state"], h["proof"]) for h in history] == [
                (paid.amount, paid.fee, "done", "verified")
            ]
            assert history[0]["mint"] == fee_mint.url and history[0]["preimage"] == paid.preimage
            done = [n for n in app.notices if n.kind == "withdraw_done"]
            assert len(done) == 1 and done[0].data["fee"] == paid.fee

    asyncio.run(scenario())


def test_below_the_threshold_or_switched_off_nothing_is_asked(tmp_path, mint, lnurl_server):
    async def scenario():
        async with shop(tmp_path, mint, lnurl_server, withdraw__threshold=1000) as app:
            await app.wallet.receive(await token_async(mint.url, 1000))
            assert await app.withdrawals.auto_round() == []  # 1000 is not above 1000
            await app.settings.set_many({"withdraw.threshold": 999, "withdraw.auto": False})
            assert await app.withdrawals.auto_round() == []
            assert lnurl_server.invoices() == [] and await melts(app) == []
            assert await balance(app, mint.url) == 1000
            assert app.notices == []

    asyncio.run(scenario())


def test_a_fee_above_the_cap_pays_nothing_and_tells_the_owner_once(tmp_path, mint, lnurl_server):
    async def scenario():
        async with shop(
            tmp_path, mint, lnurl_server, withdraw__threshold=500, withdraw__max_fee_percent=0.5
        ) as app:
            await app.wallet.receive(await token_async(mint.url, 1000))
            assert await app.withdrawals.auto_round() == []
            assert await app.withdrawals.auto_round() == []
            assert await melts(app) == []
            assert await balance(app, mint.url) == 1000
            [notice] = [n for n in app.notices if n.kind == "withdraw_fee_cap"]
            # nutshell's reserve for 950 sat is 1 %, at least 2 sat: 10 > 0.5 % of 950.
            assert (notice.data["amount"], notice.data["fee"], notice.data["cap"]) == (950, 10, 0.5)
            assert notice.level == "warning" and notice.data["url"] == mint.url
            # The same refusal by hand says why.
            with pytest.raises(PosError) as refused:
                await app.withdrawals.withdraw(mint.url)
            assert refused.value.code == "withdraw.fee_too_high"
            await app.settings.set("withdraw.max_fee_percent", 2)
            [paid] = await app.withdrawals.auto_round()
            assert paid.amount == 950 and paid.state == "paid"

    asyncio.run(scenario())


def test_a_threshold_below_the_address_minimum_waits_with_a_notice(tmp_path, mint, lnurl_server):
    lnurl_server.configure("shop", min_sendable=2_000_000)

    async def scenario():
        async with shop(tmp_path, mint, lnurl_server, withdraw__threshold=500) as app:
            await app.wallet.receive(await token_async(mint.url, 1000))
            assert await app.withdrawals.auto_round() == []
            [notice] = [n for n in app.notices if n.kind == "withdraw_below_minimum"]
            assert (notice.data["threshold"], notice.data["minimum"]) == (500, 2000)
            assert lnurl_server.invoices() == [] and await melts(app) == []

    asyncio.run(scenario())


def test_killed_after_the_mint_paid_is_recovered_by_the_retry_service_never_paid_twice(
    tmp_path, mint, lnurl_server
):
    lnurl_server.configure("shop", hash="random", settle="auto")
    shop_cli = Cli.wallet(
        tmp_path / "shop", mint.url, lightning__address=lnurl_server.address("shop")
    )
    shop_cli.setup("wallet", "receive", token(mint.url, 1000))
    killed = shop_cli.run(
        "wallet", "withdraw", "--mint", mint.url, env={"POS_TEST_FAULT": "after_melt"}
    )
    assert killed.rc == -signal.SIGKILL
    assert shop_cli.balance() < 1000 - 950  # the melt's coins stay reserved while it is open
    # While that melt is open nothing else is paid from this mint, by hand or by the timer.
    again = shop_cli.run("wallet", "withdraw", "--mint", mint.url)
    assert again.rc != 0 and again.error_code == "withdraw.pending", str(again)
    assert len(lnurl_server.invoices()) == 1

    async def retry_service():
        os.environ["POS_DB_KEY"] = shop_cli.key
        try:
            app = App.open(tmp_path / "shop", trust_env=False)
            try:
                await app.settings.set("withdraw.auto", True)
                await app.settings.set("withdraw.threshold", 10)
                assert await app.withdrawals.auto_round() == []
                # Past the in-flight lease, as the timer would be a few minutes later.
                app.wallet.recovery.clock = lambda: time.time() + 200
                outcomes = await app.services.retry.round()
                return outcomes, await app.withdrawals.history()
            finally:
                await app.aclose()
        finally:
            os.environ.pop("POS_DB_KEY", None)

    outcomes, history = asyncio.run(retry_service())
    assert [(o.kind, o.state, o.action) for o in outcomes] == [("melt", "recovered", "completed")]
    [entry] = history
    assert entry["state"] == "recovered" and entry["amount"] == 950
    assert entry["proof"] == "verified" and entry["preimage"] == lnurl_server.invoices()[0].preimage
    assert shop_cli.balance() == 1000 - 950 - entry["fee"]
    assert shop_cli.ok("recovery", "run") == []
    assert len(lnurl_server.invoices()) == 1
    listed = shop_cli.ok("wallet", "withdrawals")
    assert [(w["amount"], w["fee"], w["mint"]) for w in listed] == [(950, entry["fee"], mint.url)]


def test_withdraw_by_hand_returns_amount_fee_preimage_and_mint(tmp_path, mint, lnurl_server):
    lnurl_server.configure("shop", hash="random", settle="auto")
    shop_cli = Cli.wallet(
        tmp_path / "shop", mint.url, lightning__address=lnurl_server.address("shop")
    )
    shop_cli.setup("wallet", "receive", token(mint.url, 500))
    out = shop_cli.ok("wallet", "withdraw", "--amount", "300", "--json")
    assert (out["amount"], out["mint"], out["state"]) == (300, mint.url, "paid")
    assert out["preimage"] == lnurl_server.invoices()[0].preimage
    assert shop_cli.balance() == 500 - 300 - out["fee"]
    too_much = shop_cli.run("wallet", "withdraw", "--amount", "5000", "--json")
    assert too_much.error_code == "wallet.insufficient_funds", str(too_much)
    assert json.loads(too_much.stdout)["error"]["category"] == "validation"
    assert len(lnurl_server.invoices()) == 1  # refused before an invoice was even asked for
    assert shop_cli.balance() == 500 - 300 - out["fee"]


def test_the_timers_run_with_the_app_services(tmp_path, mint, lnurl_server):
    lnurl_server.configure("shop", hash="random", settle="auto")

    async def scenario():
        async with shop(tmp_path, mint, lnurl_server, withdraw__threshold=100) as app:
            await app.wallet.receive(await token_async(mint.url, 200))
            services = app.services
            services.start()
            try:
                status = {}
                for _ in range(200):  # the first rounds run at start
                    status = {s["name"]: s for s in services.status()}
                    if status["withdraw"]["rounds"] and status["sweep"]["rounds"]:
                        break
                    await asyncio.sleep(0.05)
                assert status["withdraw"]["rounds"] >= 1 and status["withdraw"]["failures"] == 0
                assert status["sweep"]["rounds"] >= 1 and status["sweep"]["failures"] == 0
            finally:
                await services.stop()
            [entry] = await app.withdrawals.history()
            assert (entry["amount"], entry["state"]) == (190, "done")

    asyncio.run(scenario())


def test_config_set_checks_the_threshold_live_against_the_address(tmp_path, mint, lnurl_server):
    lnurl_server.configure("shop", min_sendable=3_000_000)
    shop_cli = Cli.wallet(
        tmp_path / "shop", mint.url, lightning__address=lnurl_server.address("shop")
    )
    shop_cli.setup("config", "set", "withdraw.threshold", "1000")  # auto is off: not asked
    low = shop_cli.run("config", "set", "withdraw.auto", "true")
    assert low.rc == 1 and low.error_code == "config.withdraw_threshold", str(low)
    assert "3000 sat or more" in low.json["error"]["message"]
    assert shop_cli.setup("config", "get", "withdraw.auto")["value"] is False
    shop_cli.setup("config", "set", "withdraw.threshold", "3000")
    assert shop_cli.ok("config", "set", "withdraw.auto", "true")["value"] is True
    refused = shop_cli.run("config", "set", "withdraw.threshold", "2999")
    assert refused.error_code == "config.withdraw_threshold"
    assert shop_cli.setup("config", "get", "withdraw.threshold")["value"] == 3000


def test_withdraw_all_pays_each_mint_in_the_shops_order_and_reports_the_refused(
    tmp_path, mint, fee_mint, lnurl_server
):
    """Two real mints: the first pays, the second holds less than the address accepts.

    Then nothing is left to pay anywhere: every mint refused, exit code 1, nothing paid twice.
    """
    lnurl_server.configure("shop", hash="random", settle="auto", min_sendable=400_000)
    shop_cli = Cli.wallet(
        tmp_path / "shop", mint.url, fee_mint.url, lightning__address=lnurl_server.address("shop")
    )
    shop_cli.setup("wallet", "receive", token(mint.url, 1000))
    shop_cli.setup("wallet", "receive", token(fee_mint.url, 300))
    small = shop_cli.balance(fee_mint.url)
    first = shop_cli.run("wallet", "withdraw", "--all")
    assert first.rc == 0, str(first)
    paid, refused = first.json["withdrawals"]
    assert (paid["mint"], paid["state"], paid["amount"]) == (mint.url, "paid", 950)
    assert paid["proof"] == "verified" and paid["preimage"] == lnurl_server.invoices()[0].preimage
    assert (refused["mint"], refused["state"], refused["amount"]) == (fee_mint.url, "refused", 0)
    assert refused["error"]["code"] == "withdraw.too_small"
    assert refused["error"]["data"] == {
        "amount": small * 95 // 100,
        "minimum": 400,
        "url": fee_mint.url,
    }
    assert (first.json["paid"], first.json["fees"]) == (950, paid["fee"])
    assert shop_cli.balance(mint.url) == 1000 - 950 - paid["fee"]
    assert shop_cli.balance(fee_mint.url) == small
    assert len(lnurl_server.invoices()) == 1

    again = shop_cli.run("wallet", "withdraw", "--all")
    assert again.rc == 1, str(again)
    assert [(w["mint"], w["state"], w["error"]["code"]) for w in again.json["withdrawals"]] == [
        (mint.url, "refused", "withdraw.too_small"),
        (fee_mint.url, "refused", "withdraw.too_small"),
    ]
    assert (again.json["paid"], again.json["fees"]) == (0, 0)
    assert len(lnurl_server.invoices()) == 1
    listed = shop_cli.ok("wallet", "withdrawals")
    assert [(w["mint"], w["amount"], w["state"]) for w in listed] == [(mint.url, 950, "done")]
