"""One line on the scheduled export: off, or its next run and how the last one went.

Shown on the Wallet page and under the schedule's settings. Times are the shop's local
times (``shop.timezone``), as the schedule itself is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from pos_app.core.errors import PosError
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import spawn


def _at(iso: str | None) -> str:
    """``2026-06-15T18:30+02:00`` as ``2026-06-15 18:30`` (already the shop's local time)."""
    return iso[:16].replace("T", " ") if iso else "—"


class ScheduleStatus(QLabel):
    """The scheduled export's state in a sentence or two.

    Signals:
        loaded(): the status was read and shown.
    """

    loaded = Signal()

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName("schedule-status")
        self.setProperty("role", "muted")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status: dict[str, Any] | None = None

    def load(self) -> None:
        """Read the status again."""
        spawn(self.ui.core.export_schedule.status(), on_done=self.show_status, on_error=self._err)

    def show_status(self, status: dict[str, Any]) -> None:
        """Show ``status`` (as :meth:`ExportSchedule.status` gives it)."""
        self.status = status
        self.setText(self.describe(status))
        self.loaded.emit()

    def describe(self, status: dict[str, Any]) -> str:
        """The sentence for ``status``."""
        if not status["enabled"]:
            return self.tr("Scheduled export: off (set a time under Settings, Exports).")
        parts = [
            self.tr("Scheduled export at {schedule}: next run {when}.").format(
                schedule=status["schedule"], when=_at(status["next_run"])
            )
        ]
        if not status["folder"]:
            parts.append(self.tr("Choose a folder for it, or nothing can be exported."))
        last = status["last_run"]
        if last is not None:
            parts.append(self._last(last))
        return " ".join(parts)

    def _last(self, last: dict[str, Any]) -> str:
        at = _at(last.get("scheduled_for"))
        result = last["result"]
        if result == "done":
            amounts = ", ".join(fmt.sats(v, unit) for unit, v in sorted(last["amounts"].items()))
            return self.tr("Last run ({at}): {n} file(s), {amounts}.").format(
                at=at, n=last["files"], amounts=amounts
            )
        if result == "nothing":
            return self.tr("Last run ({at}): nothing above the amount to keep.").format(at=at)
        if result == "waiting":
            return self.tr(
                "The run of {at} waits for its folder {folder} (is the USB drive plugged in?); "
                "tried {n} time(s)."
            ).format(at=at, folder=last.get("folder", ""), n=last["tries"])
        if result == "running":
            return self.tr("The run of {at} is under way.").format(at=at)
        if result == "interrupted":
            return self.tr(
                "The run of {at} was cut short: its tokens are in the export history."
            ).format(at=at)
        return self.tr("The run of {at} failed: {reason}").format(
            at=at, reason=last.get("message") or last.get("code", "")
        )

    def _err(self, err: PosError) -> None:
        self.setText(error_line(err))
