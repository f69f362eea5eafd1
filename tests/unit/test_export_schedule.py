"""The scheduled export's service over a fake mint: due times, the folder rule, never twice.

The service reads a clock the test moves; the schedule is set first, so its times count
from the real moment it was set (``Setting.updated_at``) and the clock starts after it.
"""

from __future__ import annotations

import asyncio
import json
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.core.errors import PosError
from pos_app.core.events import Notification
from pos_app.core.reports.periods import local_zone
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

# +05:45 all year: local times that differ from UTC (and from this computer's) in the minutes.
SHOP = ZoneInfo("Asia/Kathmandu")


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
            "shop.timezone": SHOP.key,
            "exports.schedule": schedule,
            "exports.schedule_folder": str(folder),
            "exports.schedule_keep": keep,
        }
    )
    return parse_schedule(schedule).next(SHOP, time.time())


def local(ts: int) -> str:
    return datetime.fromtimestamp(ts, SHOP).isoformat(timespec="minutes")


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
        assert await service.interval() == 60.0  # before any round
        assert await service.round() is None
        assert await service.status() == {
            "schedule": "18:30",
            "enabled": True,
            "folder": str(stick),
            "keep": 100,
            "timezone": "Asia/Kathmandu",
            "next_run": local(slot),
            "next_run_ts": slot,
            "last_run": None,
        }
        assert local(slot).endswith("T18:30+05:45")

        clock.t = slot + 5
        waiting = await service.round()
        assert waiting == {
            "slot": slot,
            "result": "waiting",
            "code": "export.no_folder",
            "started_at": slot + 5,
            "retry_at": slot + 5 + RETRY_SECONDS,
            "tries": 1,
            "folder": str(stick),
        }
        assert not stick.exists() and not stick.parent.exists()  # never created
        assert rows(app, Export) == []
        assert held(app) == {mint.url: 1000}
        [notice] = seen
        assert (notice.level, notice.title, notice.kind) == (
            "warning",
            "Scheduled export waiting",
            "export_schedule_waiting",
        )
        assert notice.body == (
            f"The folder {stick} is not there (is the USB drive plugged in?). Nothing was "
            "exported; the app tries again every 5 minutes."
        )
        assert notice.data == {
            "dedupe": f"export_schedule_waiting:{slot}",
            "folder": str(stick),
            "minutes": 5,
            "scheduled_for": local(slot),
        }
        assert type(notice.data["minutes"]) is int  # the app words it: "5 minutes", not "5.0"
        status = await service.status()
        assert (status["next_run_ts"], status["next_run"]) == (
            slot + 5 + RETRY_SECONDS,
            local(slot + 5 + RETRY_SECONDS),
        )
        assert status["last_run"] == {**waiting, "scheduled_for": local(slot)}

        clock.t = slot + 5 + RETRY_SECONDS - 1
        stick.mkdir(parents=True)
        assert await service.round() is None  # not before the retry time
        assert rows(app, Export) == []

        clock.t = slot + 5 + RETRY_SECONDS
        done = await service.round()
        [export] = rows(app, Export)
        assert done == {
            "slot": slot,
            "result": "done",
            "started_at": slot + 5 + RETRY_SECONDS,
            "tries": 2,
            "finished_at": slot + 5 + RETRY_SECONDS,
            "folder": str(stick),
            "keep": 100,
            "files": 1,
            "amounts": {"sat": 900},
            "manifest": done["manifest"],
        }
        assert held(app) == {mint.url: 100}
        assert export.amount == 900
        assert read_token_file(Path(export.file_path)) == export.token_text
        manifest = json.loads(Path(done["manifest"]).read_text())
        assert Path(done["manifest"]).parent == stick
        assert [(f["amount"], f["unit"]) for f in manifest["files"]] == [(900, "sat")]
        assert Path(export.file_path).parent == stick
        assert (seen[-1].level, seen[-1].title, seen[-1].kind) == (
            "info",
            "Scheduled export done",
            "export_schedule_done",
        )
        assert seen[-1].body == f"1 token file(s), 900 sat, saved to {stick}."
        assert seen[-1].data == {"files": 1, "total": "900 sat", "folder": str(stick)}
        audit = [a for a in rows(app, AuditEntry) if a.action == "export.scheduled"]
        assert [(a.subject, json.loads(a.details_json)) for a in audit] == [
            (str(slot), {"slot": slot, "result": "done", "files": 1, "sat": 900})
        ]

        clock.t += 2 * 3600
        assert await service.round() is None  # the same time never runs twice
        assert len(rows(app, Export)) == 1
        status = await service.status()
        assert status["last_run"] == {**done, "scheduled_for": local(slot)}
        assert status["next_run_ts"] == slot + 86400

        clock.t = slot - 10  # the computer's clock set back: the time that ran is not next
        assert (await service.status())["next_run_ts"] == slot + 86400
        assert await service.round() is None

        stick.rename(tmp_path / "put-away")
        clock.t = slot + 86400  # the next day counts its own tries
        day_two = await service.round()
        assert (day_two["slot"], day_two["result"], day_two["tries"]) == (
            slot + 86400,
            "waiting",
            1,
        )
        clock.t += RETRY_SECONDS
        assert (await service.round())["tries"] == 2
        (tmp_path / "put-away").rename(stick)
        clock.t += RETRY_SECONDS
        day_two = await service.round()
        assert (day_two["slot"], day_two["result"], day_two["tries"]) == (
            slot + 86400,
            "nothing",
            3,
        )
        return slot

    slot = run(tmp_path, mint, [1000], scenario)

    async def restarted():
        app = fakeshop._open(tmp_path / "shop", (mint,))
        try:
            app.export_schedule.clock = Clock(slot + 86400 + 7200 + 2 * RETRY_SECONDS)
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
        assert await app.export_schedule.status() == {
            "schedule": "",
            "enabled": False,
            "folder": "",
            "keep": 0,
            "timezone": local_zone().key,  # unset: this computer's zone
            "next_run": None,
            "next_run_ts": None,
            "last_run": None,
        }
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

    def full_after_one(folder, text, amount, unit, mint, **kwargs):
        if written:
            raise OSError(28, "No space left on device")
        written.append(mint)
        return real_write(folder, text, amount, unit, mint, **kwargs)

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
            assert (failed["files"], failed["amounts"], failed["manifest"]) == (1, {}, None)
            assert failed["message"].startswith("A token file could not be written.")
            [notice] = [n for n in seen if n.kind == "export_schedule_failed"]
            assert (notice.level, notice.title) == ("critical", "Scheduled export failed")
            assert notice.body == f"{failed['message']} See the export history for the tokens made."
            assert notice.data == {
                "code": "export.write_failed",
                "dedupe": f"export_schedule_failed:{slot}",
            }
            audit = [a for a in rows(app, AuditEntry) if a.action == "export.scheduled"]
            assert [json.loads(a.details_json) for a in audit] == [
                {"slot": slot, "result": "failed", "files": 1}
            ]
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
        assert await service.round() is None  # still before the retry: look again then
        assert await service.interval() == 30.0
        clock.t = slot + 30
        assert await service.round() is None  # before the retry time
        assert await service.interval() == 60.0

        supervisor = Supervisor()
        service.attach(supervisor)
        timer = supervisor.services["export_schedule"]
        assert (timer.work, timer.interval) == (service.round, service.interval)

    run(tmp_path, mint, [10], scenario)


def test_without_a_folder_set_nothing_is_exported_here_and_the_owner_is_told(tmp_path, monkeypatch):
    mint = FakeMint()
    monkeypatch.chdir(tmp_path)  # an empty folder setting must not mean "here"

    async def scenario(app):
        slot = await configured(app, "")
        seen = notices(app)
        app.export_schedule.clock = Clock(slot)
        waiting = await app.export_schedule.round()
        assert (waiting["result"], waiting["folder"]) == ("waiting", "")
        assert list(tmp_path.glob("*.txt")) == [] and held(app) == {mint.url: 16}
        [notice] = seen
        assert notice.body == (
            "No folder is set for the scheduled export. Nothing was exported; the app tries "
            "again every 5 minutes."
        )
        assert "folder" not in notice.data  # the app shows this body, not its template

    run(tmp_path, mint, [16], scenario)


def test_a_drive_pulled_after_the_check_waits_without_counting_the_try_twice(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "stick"
    stick.mkdir()

    async def scenario(app):
        slot = await configured(app, stick)
        seen = notices(app)
        real_export = app.bulk.export_all

        async def pulled(folder, **kwargs):
            stick.rmdir()
            return await real_export(folder, **kwargs)

        app.bulk.export_all = pulled
        app.export_schedule.clock = Clock(slot)
        waiting = await app.export_schedule.round()
        assert (waiting["result"], waiting["code"], waiting["tries"]) == (
            "waiting",
            "export.no_folder",
            1,
        )
        assert (waiting["slot"], waiting["retry_at"]) == (slot, slot + RETRY_SECONDS)
        assert held(app) == {mint.url: 16} and rows(app, Export) == []
        [notice] = seen
        assert notice.body.startswith("Choose a folder that exists (is the USB drive plugged in?).")
        assert "folder" not in notice.data
        assert await app.export_schedule.interval() == 60.0

    run(tmp_path, mint, [16], scenario)


def test_a_new_scheduled_time_replaces_one_still_waiting_for_its_folder_at_once(tmp_path):
    mint = FakeMint()
    stick = tmp_path / "stick"

    async def scenario(app):
        slot = await configured(app, stick)
        service = app.export_schedule
        service.clock = clock = Clock(slot + 86400 - 100)  # waited all day for the drive
        first = await service.round()
        assert (first["slot"], first["tries"]) == (slot, 1)
        # Its retry would come after the next time: the next time is the next run.
        assert first["retry_at"] > slot + 86400
        assert (await service.status())["next_run_ts"] == slot + 86400
        clock.t = slot + 86400
        status = await service.status()
        assert status["next_run_ts"] == slot + 86400  # due now, not at the old retry time
        stick.mkdir()
        done = await service.round()
        assert (done["slot"], done["result"], done["tries"]) == (slot + 86400, "done", 1)

    run(tmp_path, mint, [16], scenario)


def test_a_run_is_shown_interrupted_only_after_an_hour(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        slot = await configured(app, tmp_path)
        state = {"slot": slot, "result": "running", "started_at": slot, "tries": 1}
        app.db.transact(lambda s: s.add(Setting(key=STATE_KEY, value_json=json.dumps(state))))
        app.export_schedule.clock = clock = Clock(slot + 3600)
        assert (await app.export_schedule.status())["last_run"]["result"] == "running"
        clock.t += 1
        assert (await app.export_schedule.status())["last_run"]["result"] == "interrupted"

    run(tmp_path, mint, [16], scenario)


def test_a_time_at_the_very_second_the_schedule_was_set_counts(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        slot = await configured(app, tmp_path)

        def set_at(session, when):
            session.get(Setting, "exports.schedule").updated_at = when

        app.export_schedule.clock = Clock(slot)
        app.db.transact(lambda s: set_at(s, slot + 1))
        assert await app.export_schedule.round() is None
        app.db.transact(lambda s: set_at(s, slot))
        assert (await app.export_schedule.round())["result"] == "done"

    run(tmp_path, mint, [16], scenario)


def test_a_run_over_two_mints_and_two_units_adds_up_per_unit(tmp_path):
    first, second = FakeMint(), FakeMint("http://second-mint.test", name="second")
    second.add_keyset("usd")
    stick = tmp_path / "stick"
    stick.mkdir()

    async def main():
        app = open_shop(tmp_path / "shop", first, second)
        try:
            await app.mints.add(first.url)
            await app.mints.add(second.url)
            for token in (first.token(30), second.token(12), second.token(7, unit="usd")):
                await app.wallet.receive(token)
            seen = notices(app)
            slot = await configured(app, stick)
            app.export_schedule.clock = Clock(slot)
            done = await app.export_schedule.round()
            assert (done["files"], done["amounts"]) == (3, {"sat": 42, "usd": 7})
            assert seen[-1].body == f"3 token file(s), 42 sat, 7 usd, saved to {stick}."
        finally:
            await app.aclose()

    asyncio.run(main())
