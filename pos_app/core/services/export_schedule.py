"""The scheduled export: at the shop's chosen time, the ecash above a floor goes to a folder.

Settings ``exports.schedule`` (``18:30``, ``18:30 mon-fri``; empty is off, in the shop's
time zone), ``exports.schedule_folder`` and ``exports.schedule_keep``. The rules:

- The folder must exist. It is never created: a drive that is not plugged in leaves
  its mount point missing (or empty and unwritable), and creating it would put the
  shop's money on the internal disk. While it is missing nothing is exported, the owner
  is told once, and the export is tried again every :data:`RETRY_SECONDS` until the
  folder is there or the next scheduled time takes over.
- One run per scheduled time. The run is claimed in one transaction before any coin
  moves (the claim is a row of the settings table, so it survives a restart and two
  processes on one wallet never both run it); a claimed time never runs again, even
  when the app stopped in the middle (the export history shows what was made).
- A till that was off (or closed) at the time runs the latest missed time once when it
  starts; earlier missed days are not made up, and times before the schedule was set
  do not count.
- Each run's tokens are in the export history (reclaimable like any export) and in the
  folder's manifest; the last run, its result and the next run are in :meth:`status`.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.errors import PosError
from pos_app.core.events import EventBus, Notification
from pos_app.core.reports.periods import zone
from pos_app.core.schedule import Schedule, parse_schedule
from pos_app.core.services.supervisor import Supervisor
from pos_app.core.store.db import Database
from pos_app.core.store.schema import Setting
from pos_app.core.wallet import journal
from pos_app.core.wallet.bulk import Bulk

# Where the last run is kept: a settings row no option declares (``config`` never lists it).
STATE_KEY = "_state.exports.schedule"
RETRY_SECONDS = 300
# The timer looks at least this often, so a changed setting or clock applies soon.
CHECK_SECONDS = 60.0
# A run still marked running after this long was cut short (the app stopped mid-run).
STALE_RUN_SECONDS = 3600
KEYS = ("exports.schedule", "exports.schedule_folder", "exports.schedule_keep", "shop.timezone")
# Errors raised before any coin left the wallet: the drive, not the money, is the problem.
_FOLDER_CODES = ("export.no_folder", "export.write_failed")


@dataclass(frozen=True, slots=True)
class _View:
    schedule: Schedule | None
    folder: str
    keep: int
    tz: ZoneInfo
    enabled_at: int
    state: dict[str, Any] | None


class ExportSchedule:
    """Runs the bulk export at the scheduled times (on the supervisor's timer).

    Args:
        db, config: where the settings and the last run are.
        bulk: the bulk export.
        bus: for the owner's notifications.
        clock: Unix seconds now (tests move it).
    """

    def __init__(
        self,
        db: Database,
        config: Config,
        bulk: Bulk,
        bus: EventBus,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.config = config
        self.bulk = bulk
        self.bus = bus
        self.clock = clock
        self._next_look: float | None = None

    def attach(self, supervisor: Supervisor) -> None:
        """Run on ``supervisor``'s timer (GUI and ``pos-app serve``)."""
        supervisor.add("export_schedule", self.round, self.interval)

    async def interval(self) -> float:
        """Seconds to the next round: the next run when sooner than :data:`CHECK_SECONDS`."""
        if self._next_look is None:
            return CHECK_SECONDS
        return min(CHECK_SECONDS, max(1.0, self._next_look - self.clock()))

    # -- reading -----------------------------------------------------------------------------

    def _read(self, session: Session) -> _View:
        values = self.config.values(session, KEYS)
        row = session.get(Setting, "exports.schedule")
        state = session.get(Setting, STATE_KEY)
        return _View(
            schedule=parse_schedule(str(values["exports.schedule"])),
            folder=str(values["exports.schedule_folder"]),
            keep=int(values["exports.schedule_keep"]),
            tz=zone(str(values["shop.timezone"]) or None),
            enabled_at=row.updated_at if row is not None else 0,
            state=json.loads(state.value_json) if state is not None else None,
        )

    @staticmethod
    def _due(view: _View, at: float) -> int | None:
        """The scheduled time to run now, or None (off, none yet, or already run)."""
        if view.schedule is None:
            return None
        slot = view.schedule.previous(view.tz, at)
        if slot is None or slot < view.enabled_at or _ran(view.state, slot):
            return None
        return slot

    async def status(self) -> dict[str, Any]:
        """The settings, the last run with its result, and when the next run is.

        ``next_run`` is a retry's time while the folder is missing, now when a time is due,
        else the next scheduled time; None when the schedule is off.
        """
        view = await self.db.run(self._read)
        at = self.clock()
        next_run: float | None = None
        if view.schedule is not None:
            due = self._due(view, at)
            state = view.state or {}
            if due is None:
                next_run = view.schedule.next(view.tz, at)
                # A clock set back must not show a time that has run already.
                if _ran(view.state, next_run):
                    next_run = view.schedule.next(view.tz, state["slot"])
            elif state.get("slot") == due and state.get("result") == "waiting":
                next_run = max(at, min(state["retry_at"], view.schedule.next(view.tz, at)))
            else:
                next_run = at
        return {
            "schedule": view.schedule.text() if view.schedule else "",
            "enabled": view.schedule is not None,
            "folder": view.folder,
            "keep": view.keep,
            "timezone": view.tz.key,
            "next_run": _local(next_run, view.tz),
            "next_run_ts": None if next_run is None else int(next_run),
            "last_run": self._shown(view.state, view.tz, at),
        }

    @staticmethod
    def _shown(state: dict[str, Any] | None, tz: ZoneInfo, at: float) -> dict[str, Any] | None:
        if state is None:
            return None
        shown = dict(state)
        if shown["result"] == "running" and at - shown["started_at"] > STALE_RUN_SECONDS:
            shown["result"] = "interrupted"
        shown["scheduled_for"] = _local(state["slot"], tz)
        return shown

    # -- running -----------------------------------------------------------------------------

    async def round(self) -> dict[str, Any] | None:
        """Run the export when a scheduled time is due; the run's record, else None."""
        view = await self.db.run(self._read)
        at = self.clock()
        self._next_look = view.schedule.next(view.tz, at) if view.schedule else None
        slot = self._due(view, at)
        if slot is None:
            return None
        state = view.state or {}
        waiting = state.get("slot") == slot and state.get("result") == "waiting"
        if waiting and at < state["retry_at"]:
            self._next_look = state["retry_at"]  # (a later time is seen within CHECK_SECONDS)
            return None
        # An empty setting is no folder (Path("") would be the working directory).
        folder = Path(view.folder) if view.folder else None
        there = folder is not None and await asyncio.get_running_loop().run_in_executor(
            None, folder.is_dir
        )
        if not there:
            return await self._wait(view, slot, at, state if waiting else {}, "export.no_folder")
        claimed = await self.db.run(lambda s: self._claim(s, slot, at))
        if not claimed:
            return None
        try:
            out = await self.bulk.export_all(folder, keep=view.keep)
        except PosError as exc:
            if exc.code in _FOLDER_CODES and "export_id" not in exc.data:
                return await self._wait(view, slot, at, claimed, exc.code, message=exc.user_message)
            if exc.code == "export.nothing":
                return await self._finish(view, claimed, "nothing")
            return await self._finish(view, claimed, "failed", error=exc)
        return await self._finish(view, claimed, "done", out=out)

    def _claim(self, session: Session, slot: int, at: float) -> dict[str, Any] | None:
        """Mark ``slot`` running unless this or another process has claimed it already."""
        row = session.get(Setting, STATE_KEY)
        state = json.loads(row.value_json) if row is not None else None
        if _ran(state, slot):
            return None
        again = state is not None and state["slot"] == slot  # after waiting for the folder
        claimed = {
            "slot": slot,
            "result": "running",
            "started_at": int(at),
            "tries": state["tries"] + 1 if again else 1,
        }
        _store(session, claimed)
        return claimed

    async def _wait(
        self,
        view: _View,
        slot: int,
        at: float,
        before: dict[str, Any],
        code: str,
        *,
        message: str | None = None,
    ) -> dict[str, Any]:
        """Record that nothing was exported because of the folder; try again later."""
        retry_at = int(at) + RETRY_SECONDS
        # A claimed run counted its try already; a folder found missing is a try of its own.
        counted = before.get("result") == "running"
        state = {
            "slot": slot,
            "result": "waiting",
            "code": code,
            "started_at": int(at),
            "retry_at": retry_at,
            "tries": before.get("tries", 0) + (0 if counted else 1),
            "folder": view.folder,
        }
        await self.db.run(lambda s: _store(s, state))
        self._next_look = retry_at  # (a later time is seen within CHECK_SECONDS)
        reason = message or (
            "No folder is set for the scheduled export."
            if not view.folder
            else f"The folder {view.folder} is not there (is the USB drive plugged in?)."
        )
        self.bus.publish(
            Notification(
                "warning",
                "Scheduled export waiting",
                f"{reason} Nothing was exported; the app tries again every "
                f"{RETRY_SECONDS // 60} minutes.",
                kind="export_schedule_waiting",
                # Without a folder there is no fact to word it from: the app shows this body.
                data={
                    "dedupe": f"export_schedule_waiting:{slot}",
                    **({"folder": view.folder} if view.folder and not message else {}),
                    "minutes": RETRY_SECONDS // 60,
                    "scheduled_for": _local(slot, view.tz),
                },
            )
        )
        return state

    async def _finish(
        self,
        view: _View,
        claimed: dict[str, Any],
        result: str,
        *,
        out: dict[str, Any] | None = None,
        error: PosError | None = None,
    ) -> dict[str, Any]:
        rows = (out or {}).get("files", [])
        amounts: dict[str, int] = {}
        for f in rows:
            amounts[f["unit"]] = amounts.get(f["unit"], 0) + int(f["amount"])
        # A run that failed midway names the files it wrote (their amounts are in the history).
        written = len(rows) if error is None else len(error.data.get("files", []))
        state = {
            **claimed,
            "result": result,
            "finished_at": int(self.clock()),
            "folder": view.folder,
            "keep": view.keep,
            "files": written,
            "amounts": amounts,
            "manifest": (out or {}).get("manifest"),
        }
        if error is not None:
            state |= {"code": error.code, "message": error.user_message}

        def write(session: Session) -> None:
            _store(session, state)
            details = {"slot": state["slot"], "result": result, "files": written, **amounts}
            journal.audit(session, "export.scheduled", str(state["slot"]), details)

        await self.db.run(write)
        self._notify_result(view, state)
        return state

    def _notify_result(self, view: _View, state: dict[str, Any]) -> None:
        if state["result"] == "done":
            total = ", ".join(f"{amount} {unit}" for unit, amount in state["amounts"].items())
            self.bus.publish(
                Notification(
                    "info",
                    "Scheduled export done",
                    f"{state['files']} token file(s), {total}, saved to {view.folder}.",
                    kind="export_schedule_done",
                    data={"files": state["files"], "total": total, "folder": view.folder},
                )
            )
        elif state["result"] == "failed":
            self.bus.publish(
                Notification(
                    "critical",
                    "Scheduled export failed",
                    f"{state['message']} See the export history for the tokens made.",
                    kind="export_schedule_failed",
                    data={
                        "code": state["code"],
                        "dedupe": f"export_schedule_failed:{state['slot']}",
                    },
                )
            )


def _ran(state: dict[str, Any] | None, slot: int) -> bool:
    """True when ``slot`` (or a later time) was claimed, other than to wait for the folder."""
    if state is None:
        return False
    return state["slot"] > slot or (state["slot"] == slot and state["result"] != "waiting")


def _store(session: Session, state: dict[str, Any]) -> None:
    row = session.get(Setting, STATE_KEY)
    if row is None:
        session.add(Setting(key=STATE_KEY, value_json=json.dumps(state)))
    else:
        row.value_json = json.dumps(state)


def _local(ts: float | None, tz: ZoneInfo) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, tz).isoformat(timespec="minutes")
