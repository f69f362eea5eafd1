"""The scheduled export against a real nutshell mint: the USB drive missing, then plugged in.

The service runs on a clock the test moves (no waiting); the tokens it writes are
redeemed at the mint afterwards, so the files hold real ecash of the right amount.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.app import App
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.schedule import parse_schedule
from pos_app.core.services.export_schedule import RETRY_SECONDS
from pos_app.core.wallet.exportfile import read_token_file
from tests.support.cli import Cli
from tests.support.tokens import redeem_async, token_async

pytestmark = pytest.mark.mint


class Clock:
    def __init__(self, t: float) -> None:
        self.t = float(t)

    def __call__(self) -> float:
        return self.t


def test_scheduled_export_waits_for_the_drive_then_exports_above_the_floor(tmp_path, mint):
    key = os.urandom(32).hex()
    stick = tmp_path / "media" / "USB"

    async def scenario() -> int:
        os.environ["POS_DB_KEY"] = key
        app, _ = App.init(tmp_path / "shop", trust_env=False)
        try:
            await app.mints.add(mint.url)
            await app.wallet.receive(await token_async(mint.url, 1000))
            await app.settings.set_many(
                {
                    "shop.timezone": "Europe/Berlin",
                    "exports.schedule": "21:15",
                    "exports.schedule_folder": str(stick),
                    "exports.schedule_keep": "100",
                }
            )
            slot = parse_schedule("21:15").next(ZoneInfo("Europe/Berlin"), time.time())
            service = app.export_schedule
            service.clock = clock = Clock(slot)

            waiting = await service.round()
            assert (waiting["result"], waiting["tries"]) == ("waiting", 1)
            clock.t += RETRY_SECONDS
            assert (await service.round())["tries"] == 2  # retried, still missing
            assert not stick.parent.exists()
            assert await app.exports.list() == []
            assert (await app.wallet.balance())["total"] == {"sat": 1000}
            unread = await app.notifications.list(unread_only=True)
            assert [n["kind"] for n in unread] == ["export_schedule_waiting"]  # told once
            assert str(stick) in unread[0]["body"]

            stick.mkdir(parents=True)
            clock.t += RETRY_SECONDS
            done = await service.round()
            assert (done["result"], done["tries"], done["slot"]) == ("done", 3, slot)
            assert done["amounts"] == {"sat": 900}
            assert (await app.wallet.balance())["total"] == {"sat": 100}
            [export] = await app.exports.list()
            assert (export.amount, export.state) == (900, "pending")
            manifest = json.loads(Path(done["manifest"]).read_text())["files"]
            [row] = manifest
            assert (row["mint"], row["unit"], row["amount"]) == (mint.url, "sat", 900)
            text = read_token_file(stick / row["file"])
            assert parse_token(text).amount == 900
            assert {p.name for p in stick.iterdir()} == {
                row["file"],
                Path(done["manifest"]).name,
                Path(done["manifest"]).with_suffix(".csv").name,
            }

            # The files are real ecash: another wallet redeems the token at the mint.
            assert sum(p.amount for p in await redeem_async(mint.url, text)) == 900
            await app.exports.refresh()
            assert (await app.exports.get(export.id)).state == "claimed"

            clock.t += 3600
            assert await service.round() is None
            assert len(await app.exports.list()) == 1
            return slot
        finally:
            await app.aclose()
            os.environ.pop("POS_DB_KEY", None)

    slot = asyncio.run(scenario())
    shown = Cli(tmp_path / "shop", key=key).ok("wallet", "schedule")
    assert shown["schedule"] == "21:15"
    assert (shown["folder"], shown["keep"], shown["timezone"]) == (
        str(stick),
        100,
        "Europe/Berlin",
    )
    assert shown["last_run"]["result"] == "done"
    assert shown["last_run"]["amounts"] == {"sat": 900}
    assert shown["last_run"]["scheduled_for"].endswith(("21:15+01:00", "21:15+02:00"))
    assert shown["next_run_ts"] == parse_schedule("21:15").next(ZoneInfo("Europe/Berlin"), slot)
    # `pos-app serve` runs it on the supervisor's timer (nothing is due on the real clock).
    served = Cli(tmp_path / "shop", key=key).ok("serve", "--seconds", "2")
    timer = {s["name"]: s for s in served["services"]}["export_schedule"]
    assert timer["rounds"] >= 1 and timer["failures"] == 0
