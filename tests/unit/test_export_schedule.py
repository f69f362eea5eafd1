"""The scheduled export's service over a fake mint: due times, the folder rule, never twice.

The service reads a clock the test moves; the schedule is set first, so its times count
from the real moment it was set (``Setting.updated_at``) and the clock starts after it.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.core.errors import PosError
from pos_app.core.events import Notification
from pos_app.core.schedule import parse_schedule
from pos_app.core.services.export_schedule import RETRY_SECONDS, STATE_KEY
from pos_app.core.services.supervisor import Supervisor
from pos_app.core.store.schema import AuditEntry, Export, Operation, Setting
from pos_app.core.wallet import bulk
from pos_app.core.wallet.coins import balances
from pos_app.core.wallet.exportfile import read_token_file
from tests.support import fakeshop
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop, rows

UTC = ZoneInfo("UTC")


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


class Clock:
    def __init__(self, t: float) -> None:
        self.t = float(t)

    def __call__(self) -> float:
        return self.t


async def configured(app, folder: Path, *, schedule="18:30", keep=0) -> int:
    """Set the schedule; returns its first time after now (real time: when it was set)."""
    await app.settings.set_many(
        {
            "shop.timezone": "UTC",
            "exports.schedule": schedule,
            "exports.schedule_folder": str(folder),
            "exports.schedule_keep": keep,
        }
    )
    return parse_schedule(schedule).next(UTC, time.time())


def held(app) -> dict[str, int]:
    return {b["mint"]: b["amount"] for b in app.db.transact(balances)["balances"]}


def notices(app) -> list[Notification]:
    seen: list[Notification] = []
    app.bus.subscribe(Notification, seen.append)
    return seen


def run(tmp_path, mint, funds, scenario):
    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            for amount in funds:
                await app.wallet.receive(mint.token(amount))
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def test_missing_folder_waits_and_notifies_then_exports_above_the_floor_once(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "media" / "USB"

    async def scenario(app):
        slot = await configured(app, stick, keep=100)
        service = app.export_schedule
        service.clock = clock = Clock(slot - 60)
        seen = notices(app)
        assert await service.round() is None
        status = await service.status()
        assert status["next_run_ts"] == slot
        assert status["last_run"] is None

        clock.t = slot + 5
        waiting = await service.round()
        assert waiting["result"] == "waiting"
        assert waiting["code"] == "export.no_folder"
        assert not stick.exists() and not stick.parent.exists()  # never created
        assert rows(app, Export) == []
        assert held(app) == {mint.url: 1000}
        await app.notifications.flush()
        [notice] = [n for n in seen if n.kind == "export_schedule_waiting"]
        assert str(stick) in notice.body
        assert (await service.status())["next_run_ts"] == slot + 5 + RETRY_SECONDS

        clock.t = slot + 5 + RETRY_SECONDS - 1
        stick.mkdir(parents=True)
        assert await service.round() is None  # not before the retry time
        assert rows(app, Export) == []

        clock.t = slot + 5 + RETRY_SECONDS
        done = await service.round()
        assert done["result"] == "done"
        assert done["slot"] == slot
        assert done["tries"] == 2
        assert done["amounts"] == {"sat": 900}
        assert held(app) == {mint.url: 100}
        [export] = rows(app, Export)
        assert export.amount == 900
        assert read_token_file(Path(export.file_path)) == export.token_text
        manifest = json.loads(Path(done["manifest"]).read_text())
        assert [(f["amount"], f["unit"]) for f in manifest["files"]] == [(900, "sat")]
        assert Path(export.file_path).parent == stick

        clock.t += 3600
        assert await service.round() is None  # the same time never runs twice
        assert len(rows(app, Export)) == 1
        status = await service.status()
        assert status["last_run"]["result"] == "done"
        assert status["next_run_ts"] == slot + 86400
        await app.notifications.flush()
        assert any(n.kind == "export_schedule_done" and "900 sat" in n.body for n in seen)
        audit = [a for a in rows(app, AuditEntry) if a.action == "export.scheduled"]
        assert [json.loads(a.details_json)["result"] for a in audit] == ["done"]
        return slot

    slot = run(tmp_path, mint, [1000], scenario)

    async def restarted():
        app = fakeshop._open(tmp_path / "shop", (mint,))
        try:
            app.export_schedule.clock = Clock(slot + 7200)
            assert await app.export_schedule.round() is None  # survives a restart
            assert len(rows(app, Export)) == 1
        finally:
            await app.aclose()

    asyncio.run(restarted())


def test_a_till_off_at_the_time_runs_the_latest_missed_time_once_when_it_starts(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "stick"
    stick.mkdir()

    async def scenario(app):
        slot = await configured(app, stick, schedule="18:30")
        service = app.export_schedule
        # Off for two whole days: started the morning after the second missed time.
        service.clock = Clock(slot + 86400 + 14 * 3600)
        status = await service.status()
        assert status["next_run_ts"] == int(service.clock())  # due now
        done = await service.round()
        assert done["result"] == "done"
        assert done["slot"] == slot + 86400  # the latest, not each missed day
        assert held(app) == {}
        assert await service.round() is None
        assert (await service.status())["next_run_ts"] == slot + 2 * 86400

    run(tmp_path, mint, [64, 32], scenario)


def test_times_before_the_schedule_was_set_do_not_count(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "stick"
    stick.mkdir()

    async def scenario(app):
        await configured(app, stick, schedule="00:00")
        service = app.export_schedule
        service.clock = Clock(time.time() + 1)
        assert await service.round() is None  # today's midnight passed before it was set
        assert held(app) == {mint.url: 50}

    run(tmp_path, mint, [50], scenario)


def test_two_rounds_at_once_export_once(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "stick"
    stick.mkdir()

    async def scenario(app):
        slot = await configured(app, stick)
        app.export_schedule.clock = Clock(slot)
        first, second = await asyncio.gather(
            app.export_schedule.round(), app.export_schedule.round()
        )
        assert sorted([first is None, second is None]) == [False, True]
        assert len(rows(app, Export)) == 1

    run(tmp_path, mint, [21], scenario)


def test_a_run_cut_short_is_shown_interrupted_and_not_run_again(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "stick"
    stick.mkdir()

    async def scenario(app):
        slot = await configured(app, stick)
        state = {"slot": slot, "result": "running", "started_at": slot, "tries": 1}
        app.db.transact(lambda s: s.add(Setting(key=STATE_KEY, value_json=json.dumps(state))))
        app.export_schedule.clock = Clock(slot + 2 * 3600)
        assert await app.export_schedule.round() is None
        assert held(app) == {mint.url: 40}
        shown = (await app.export_schedule.status())["last_run"]
        assert shown["result"] == "interrupted"

    run(tmp_path, mint, [40], scenario)


def test_nothing_above_the_floor_is_a_quiet_result_and_the_floor_is_kept(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "stick"
    stick.mkdir()

    async def scenario(app):
        slot = await configured(app, stick, keep=500)
        app.export_schedule.clock = Clock(slot)
        done = await app.export_schedule.round()
        assert done["result"] == "nothing"
        assert held(app) == {mint.url: 500}
        assert list(stick.iterdir()) == []

    run(tmp_path, mint, [500], scenario)


@pytest.mark.parametrize(
    ("keep", "exported", "fee"),
    [
        (10, 107, 3),  # 64+32+16 pays 107 and its 3 sat fee: exactly the floor stays
        (1, 115, 4),  # 119 and its fee need more than is held: every coin, less their fee
    ],
)
def test_with_input_fees_the_fee_comes_out_of_the_export_never_the_floor(
    tmp_path, keep, exported, fee
):
    mint = FakeMint(fee_ppk=1000)  # 1 sat per input coin

    async def scenario(app):
        stick = tmp_path / "stick"
        stick.mkdir()
        slot = await configured(app, stick, keep=keep)
        assert held(app) == {mint.url: 120}
        app.export_schedule.clock = Clock(slot)
        done = await app.export_schedule.round()
        assert done["result"] == "done"
        assert done["amounts"] == {"sat": exported}
        [op] = rows(app, Operation, Operation.kind == "send")
        assert op.fee == fee
        assert held(app) == {mint.url: keep}

    # 127 received as 64+32+16+8+4+2+1, less the receive's 7 sat fee: 120 held as 64+32+16+8.
    run(tmp_path, mint, [127], scenario)


def test_a_schedule_that_is_off_does_nothing_and_has_no_next_run(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        status = await app.export_schedule.status()
        assert status["enabled"] is False
        assert status["next_run"] is None
        assert await app.export_schedule.round() is None
        assert await app.export_schedule.interval() == 60.0

    run(tmp_path, mint, [8], scenario)


def test_bulk_keep_leaves_the_floor_at_each_mint_and_skips_mints_below_it(tmp_path):
    rich, poor = FakeMint(), FakeMint("http://poor-mint.test", name="poor")
    stick = tmp_path / "stick"
    stick.mkdir()

    async def main():
        app = open_shop(tmp_path / "shop", rich, poor)
        try:
            for mint, amount in ((rich, 100), (poor, 20)):
                await app.mints.add(mint.url)
                await app.wallet.receive(mint.token(amount))
            with pytest.raises(PosError) as refused:
                await app.bulk.export_all(stick, keep=-1)
            assert refused.value.code == "amount.invalid"
            with pytest.raises(PosError) as nothing:
                await app.bulk.export_all(stick, keep=100)
            assert nothing.value.code == "export.nothing"
            assert "101 or more" in nothing.value.user_message
            done = await app.bulk.export_all(stick, keep=30)
            assert [(f["mint"], f["amount"]) for f in done["files"]] == [(rich.url, 70)]
            assert held(app) == {rich.url: 30, poor.url: 20}
        finally:
            await app.aclose()

    asyncio.run(main())


def test_a_drive_that_fails_mid_run_is_reported_once_and_not_run_again(tmp_path, monkeypatch):
    first, second = FakeMint(), FakeMint("http://second-mint.test", name="second")
    stick = tmp_path / "stick"
    stick.mkdir()
    real_write = bulk._write_token
    written: list[str] = []

    def full_after_one(folder, text, amount, unit, mint):
        if written:
            raise OSError(28, "No space left on device")
        written.append(mint)
        return real_write(folder, text, amount, unit, mint)

    monkeypatch.setattr(bulk, "_write_token", full_after_one)

    async def main():
        app = open_shop(tmp_path / "shop", first, second)
        try:
            for mint, amount in ((first, 30), (second, 12)):
                await app.mints.add(mint.url)
                await app.wallet.receive(mint.token(amount))
            seen = notices(app)
            slot = await configured(app, stick)
            app.export_schedule.clock = clock = Clock(slot)
            failed = await app.export_schedule.round()
            assert (failed["result"], failed["code"]) == ("failed", "export.write_failed")
            [notice] = [n for n in seen if n.kind == "export_schedule_failed"]
            assert notice.level == "critical" and notice.data["code"] == "export.write_failed"
            # Both tokens are in the export history; only the first has its file.
            exports = rows(app, Export)
            assert [e.file_path is not None for e in exports] == [True, False]
            assert held(app) == {}
            clock.t += RETRY_SECONDS
            assert await app.export_schedule.round() is None  # money moved: no retry
            assert len(rows(app, Export)) == 2
            assert (await app.export_schedule.status())["last_run"]["result"] == "failed"
        finally:
            await app.aclose()

    asyncio.run(main())


def test_the_timer_looks_again_at_the_next_run_or_within_a_minute(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "media" / "USB"

    async def scenario(app):
        slot = await configured(app, stick)
        service = app.export_schedule
        service.clock = clock = Clock(slot - 3600)
        assert await service.round() is None
        assert await service.interval() == 60.0  # an hour away: look again in a minute
        clock.t = slot - 20
        assert await service.round() is None
        assert await service.interval() == 20.0  # due in 20 s: wake then, not later
        clock.t = slot - 0.25
        assert await service.interval() == 1.0  # never a busy loop
        clock.t = slot
        await service.round()  # the folder is missing: a retry in 5 minutes
        clock.t = slot + RETRY_SECONDS - 30
        assert await service.interval() == 30.0
        clock.t = slot + 30
        assert await service.round() is None  # before the retry time
        assert await service.interval() == 60.0

        supervisor = Supervisor()
        service.attach(supervisor)
        timer = supervisor.services["export_schedule"]
        assert (timer.work, timer.interval) == (service.round, service.interval)

    run(tmp_path, mint, [10], scenario)
