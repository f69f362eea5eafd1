"""The shop's mints down: checked when a sale starts, watched closely, and the owner told
once a mint has been offline for a minute."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from pos_app.app import App
from pos_app.core.events import Notification
from pos_app.core.services.health import OFFLINE_RECHECK_SECONDS, HealthMonitor

pytestmark = pytest.mark.mint


class Clock:
    def __init__(self) -> None:
        self.t = 1_900_000_000.0

    def __call__(self) -> float:
        return self.t


async def open_shop(tmp_path, mint) -> App:
    os.environ["POS_DB_KEY"] = os.urandom(32).hex()
    app, _ = App.init(tmp_path / "shop", trust_env=False)
    await app.mints.add(mint.url)
    return app


def info_requests(mint) -> int:
    return mint.log_text().count("GET /v1/info")


def test_a_sale_start_checks_stale_mints_quickly(tmp_path, make_mint):
    mint = make_mint(name="corner mint")

    async def scenario():
        app = await open_shop(tmp_path, mint)
        try:
            health = app.services.health
            first = await health.check_if_stale()
            assert [(m["name"], m["status"]) for m in first] == [("corner mint", "online")]
            before = info_requests(mint)
            again = await health.check_if_stale()  # checked a moment ago: no new request
            assert again[0]["status"] == "online" and info_requests(mint) == before

            mint.stop()
            started = time.monotonic()
            down = await health.check_if_stale(max_age=0)
            took = time.monotonic() - started
            print(f"offline seen at sale start after {took:.2f}s")
            assert down[0]["status"] == "offline" and health.any_offline
            # While a mint is down the monitor looks again within seconds, not a minute.
            assert await app.services._health_interval() == OFFLINE_RECHECK_SECONDS
            mint.start()
            up = await health.check_if_stale(max_age=0)
            assert up[0]["status"] == "online" and not health.any_offline
            assert await app.services._health_interval() == 60.0
        finally:
            await app.aclose()
            os.environ.pop("POS_DB_KEY", None)

    asyncio.run(scenario())


def test_a_mint_offline_for_a_minute_is_notified_once_per_outage(tmp_path, make_mint):
    mint = make_mint()

    async def scenario():
        app = await open_shop(tmp_path, mint)
        try:
            clock = Clock()
            health = HealthMonitor(app.db, app.mints, app.bus, clock=clock)
            notes: list[Notification] = []
            app.bus.subscribe(Notification, notes.append)
            await health.check_all()
            mint.stop()
            await health.check_all()  # offline since now
            clock.t += 45
            await health.check_all()
            assert [n for n in notes if n.kind == "mint_offline"] == []
            clock.t += 16  # 61 s offline
            await health.check_all()
            alerts = [n for n in notes if n.kind == "mint_offline"]
            assert len(alerts) == 1 and alerts[0].title == "Mint offline"
            assert "1 minute" in alerts[0].body and "shop's risk" in alerts[0].body
            clock.t += 15
            await health.check_all()
            assert len([n for n in notes if n.kind == "mint_offline"]) == 1  # not at every check
            mint.start()
            clock.t += 15
            await health.check_all()
            mint.stop()
            clock.t += 15
            await health.check_all()  # a new outage
            clock.t += 60
            await health.check_all()
            assert len([n for n in notes if n.kind == "mint_offline"]) == 2
        finally:
            await app.aclose()
            os.environ.pop("POS_DB_KEY", None)

    asyncio.run(scenario())
