"""Keeping itself healthy: retries with backoff, needs_review, mint health, errors and logs.

Real mints are stopped and restarted by the tests. The retry schedule runs on a
clock the test moves, so backoff is checked exactly without waiting for it.
"""

from __future__ import annotations

import asyncio
import os
import time
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.errorlog import recent_errors
from pos_app.core.errors import PosError
from pos_app.core.store.schema import Operation, OperationAttempt, Sale
from tests.support.tokens import token_async

pytestmark = pytest.mark.mint


class Clock:
    def __init__(self) -> None:
        self.t = 1_900_000_000.0

    def __call__(self) -> float:
        return self.t


@asynccontextmanager
async def shop(tmp_path, mint, **settings):
    os.environ["POS_DB_KEY"] = os.urandom(32).hex()
    app, _ = App.init(tmp_path / "shop", trust_env=False)
    try:
        await app.mints.add(mint.url)
        for key, value in settings.items():
            await app.db.run(lambda s, k=key, v=value: app.config.set(s, k.replace("__", "."), v))
        yield app
    finally:
        await app.aclose()
        os.environ.pop("POS_DB_KEY", None)


async def attempts(app, op_id):
    return await app.db.run(
        lambda s: list(
            s.scalars(
                select(OperationAttempt)
                .where(OperationAttempt.operation_id == op_id)
                .order_by(OperationAttempt.id)
            )
        )
    )


async def the_op(app):
    return await app.db.run(
        lambda s: s.scalars(select(Operation).where(Operation.kind == "receive")).one()
    )


def test_timer_recovers_an_interrupted_payment_once_with_backoff(tmp_path, make_mint):
    mint = make_mint()

    async def scenario():
        async with shop(
            tmp_path,
            mint,
            retry__first_delay_seconds="10",
            retry__backoff_factor="2",
            retry__max_delay_seconds="30",
        ) as app:
            clock = Clock()
            app.wallet.recovery.clock = clock
            retry = app.services.retry
            sale = await app.sales.new_sale("21", "sat")
            tok = await token_async(mint.url, 21)
            mint.stop()
            res = await app.sales.pay(sale["sale_id"], tok)
            assert res.payment["state"] == "recovering"
            op = await the_op(app)

            # First sighting schedules the first retry first_delay later.
            assert await retry.due() == {}
            clock.t += 9
            assert await retry.due() == {}
            schedule = []
            for _ in range(4):
                row = await the_op(app)
                clock.t = row.next_retry_at
                outcomes = await retry.round()
                assert [o.error_code for o in outcomes] == ["mint.unreachable"]
                row = await the_op(app)
                schedule.append(row.next_retry_at - clock.t)
            assert schedule == [20, 30, 30, 30]  # 10 x 2, capped at 30 (the first wait was 10)
            recorded = await attempts(app, op.id)
            assert [a.error_code for a in recorded] == ["mint.unreachable"] * 4
            assert all(not a.manual for a in recorded)

            mint.start()
            clock.t = (await the_op(app)).next_retry_at
            outcomes = await retry.round()
            assert [o.state for o in outcomes] == ["recovered"]
            shown = await app.sales.show(sale["sale_id"])
            assert shown["state"] == "paid" and shown["paid"] == 21
            clock.t += 1000
            assert await retry.round() == []  # nothing left: exactly once
            assert (await app.wallet.balance())["total"] == {"sat": 21}
            assert (await app.sales.show(sale["sale_id"]))["paid"] == 21

    asyncio.run(scenario())


def test_exhausted_attempts_need_review_and_notify(tmp_path, make_mint):
    mint = make_mint()

    async def scenario():
        async with shop(
            tmp_path, mint, retry__first_delay_seconds="5", retry__max_attempts="3"
        ) as app:
            clock = Clock()
            app.wallet.recovery.clock = clock
            retry = app.services.retry
            tok = await token_async(mint.url, 8)
            mint.stop()
            with pytest.raises(PosError) as err:
                await app.wallet.receive(tok)
            assert getattr(err.value, "code", "") == "mint.unreachable"
            await retry.due()
            for _ in range(3):
                clock.t = (await the_op(app)).next_retry_at or clock.t
                await retry.round()
            op = await the_op(app)
            assert op.state == "needs_review" and op.attempts == 3 and op.next_retry_at is None
            clock.t += 10_000
            assert await retry.round() == []  # the timer leaves it to the owner
            notes = await app.notifications.list(unread_only=True)
            assert [n["kind"] for n in notes] == ["needs_review"]
            listed = await app.wallet.recovery_list()
            assert (
                listed[0]["status"] == "needs_review" and listed[0]["reason"] == "mint.unreachable"
            )
            # The owner retries by hand once the mint is back: recovered.
            mint.start()
            outcome = await app.wallet.recovery.run(op.id, manual=True)
            assert outcome.state == "recovered"
            assert (await app.wallet.balance())["total"] == {"sat": 8}

    asyncio.run(scenario())


def test_manual_retry_during_a_timer_retry_runs_once(tmp_path, make_mint):
    mint = make_mint()

    async def scenario():
        async with shop(tmp_path, mint) as app:
            tok = await token_async(mint.url, 13)
            mint.stop()
            with pytest.raises(PosError):
                await app.wallet.receive(tok)
            op = await the_op(app)
            await app.db.run(lambda s: setattr(s.get(Operation, op.id), "next_retry_at", 0))
            mint.start()
            timer, manual = await asyncio.gather(
                app.services.retry.round(), app.wallet.recovery.run(op.id, manual=True)
            )
            actions = sorted([o.action for o in timer] + [manual.action])
            assert actions == ["none", "resent"]
            assert (await app.wallet.balance())["total"] == {"sat": 13}
            swaps = mint.log_text().count("POST /v1/swap")
            assert swaps == 1

    asyncio.run(scenario())


def test_supervisor_restarts_a_failing_service(tmp_path, mint):
    async def scenario():
        async with shop(tmp_path, mint) as app:
            calls = []

            async def flaky():
                calls.append(time.monotonic())
                if len(calls) < 3:
                    raise RuntimeError("boom")

            service = app.services.supervisor.add("flaky", flaky, 0.01)
            from pos_app.core.services import supervisor

            old = supervisor.RESTART_FIRST
            supervisor.RESTART_FIRST = 0.05
            try:
                app.services.start()
                for _ in range(200):
                    if service.rounds >= 1:
                        break
                    await asyncio.sleep(0.02)
            finally:
                supervisor.RESTART_FIRST = old
            assert service.rounds >= 1 and len(calls) >= 3 and service.failures == 0
            assert "boom" in (service.last_error or "")
            status = {s["name"]: s for s in app.services.status()}
            assert status["retry"]["running"] and status["health"]["running"]

    asyncio.run(scenario())


def test_health_goes_offline_and_back_and_keeps_history(tmp_path, make_mint):
    mint = make_mint()

    async def scenario():
        async with shop(tmp_path, mint, health__interval_seconds="1") as app:
            changes = []
            from pos_app.core.events import MintHealthChanged

            app.bus.subscribe(MintHealthChanged, lambda e: changes.append((e.status, e.previous)))
            app.services.start()

            async def wait_status(want: str, limit: float = 15) -> float:
                start = time.monotonic()
                while time.monotonic() - start < limit:
                    rows = await app.services.health.history()
                    if rows and rows[0]["status"] == want:
                        return time.monotonic() - start
                    await asyncio.sleep(0.05)
                raise AssertionError(f"mint never became {want}")

            await wait_status("online")
            mint.stop()
            took = await wait_status("offline")
            print(f"offline detected after {took:.2f}s (interval 1s)")
            mint.start()
            await wait_status("online")
            assert ("offline", "online") in changes and ("online", "offline") in changes
            history = (await app.services.health.history())[0]
            assert history["24h"]["checks"] >= 3
            assert 0 < history["24h"]["uptime_pct"] < 100
            assert (
                history["24h"]["p50_ms"] is not None
                and history["24h"]["p95_ms"] >= history["24h"]["p50_ms"]
            )
            checked = await app.services.health.check_all()
            assert checked[0].to_dict()["status"] == "online" and checked[0].latency_ms > 0

    asyncio.run(scenario())


def test_keyset_rotation_at_the_mint_is_picked_up(tmp_path, make_mint):
    mint = make_mint()

    async def scenario():
        async with shop(tmp_path, mint) as app:
            before = await app.db.run(lambda s: app.mints.list(s))
            mint.restart(extra_env={"MINT_DERIVATION_PATH": "m/0'/0'/1'"})
            result = (await app.services.health.check_all())[0]
            assert result.status == "online" and len(result.new_keysets) == 1
            from pos_app.core.wallet.mints import stored_keysets

            stored = await app.db.run(lambda s: stored_keysets(s, 1))
            new = [k for k in stored if k.id == result.new_keysets[0]]
            assert new and new[0].keys and new[0].active
            # A token on the new keyset is received with no extra round trip to find its keys.
            tok = await token_async(mint.url, 16)
            assert (await app.wallet.receive(tok)).amount == 16
            assert before[0]["url"] == mint.url

    asyncio.run(scenario())


def test_error_rows_carry_the_sale_correlation_id(tmp_path, mint, make_mint):
    stranger = make_mint(name="stranger")

    async def scenario():
        async with shop(tmp_path, mint) as app:
            sale = await app.sales.new_sale("5", "sat")
            with pytest.raises(PosError):
                await app.sales.pay(sale["sale_id"], await token_async(stranger.url, 5))
            cid = await app.db.run(lambda s: s.get(Sale, sale["sale_id"]).correlation_id)
            rows = await app.db.run(lambda s: recent_errors(s, sale_id=sale["sale_id"]))
            assert rows and rows[0]["code"] == "mint.untrusted" and rows[0]["correlation_id"] == cid

    asyncio.run(scenario())
