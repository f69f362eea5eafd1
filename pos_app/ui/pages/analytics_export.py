"""The Analytics page's exports: the payments CSV, the daily CSV and the PDF report.

Each file is written off the GUI thread (the CSV on the database thread, the PDF's
drawing in a worker), so the till keeps selling meanwhile. The payments CSV reports
its progress from the database thread through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QToolButton,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.reports import Period
from pos_app.ui import messages, theme
from pos_app.ui.context import UiContext
from pos_app.ui.tasks import spawn

KINDS = {
    "payments": (QT_TRANSLATE_NOOP("ExportBar", "Payments (CSV)…"), "payments", "csv"),
    "daily": (QT_TRANSLATE_NOOP("ExportBar", "Daily summary (CSV)…"), "daily", "csv"),
    "pdf": (QT_TRANSLATE_NOOP("ExportBar", "Report (PDF)…"), "report", "pdf"),
}


def file_name(kind: str, period: Period) -> str:
    """A suggested file name: ``payments-2026-03-01-to-2026-03-31.csv``."""
    _label, stem, suffix = KINDS[kind]
    last = period.end.fromordinal(period.end.toordinal() - 1)
    return f"{stem}-{period.first.isoformat()}-to-{last.isoformat()}.{suffix}"


class ExportBar(QWidget):
    """An Export button with a menu, and the progress of the file being written.

    Args:
        ui: the page's context.
        period: the period shown (None before the first figures arrive).

    Signals:
        finished(str): the file written.
        failed(object): a :class:`PosError`; the file is left as it was.
    """

    finished = Signal(str)
    failed = Signal(object)
    _progress = Signal(int, int)  # emitted on the database thread, shown on the GUI thread

    def __init__(
        self, ui: UiContext, period: Callable[[], Period | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.period = period
        self.running = False
        self.button = QToolButton()
        self.button.setText(self.tr("Export"))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        theme.set_icon(self.button, "tray-arrow-up")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        for kind, (label, _stem, _suffix) in KINDS.items():
            menu.addAction(self.tr(label), lambda k=kind: self.choose(k))
        self.button.setMenu(menu)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(200)
        self.label = QLabel()
        self.label.setProperty("role", "muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.bar.hide()
        self._progress.connect(self._show_progress)
        self._dialog: QFileDialog | None = None

    def choose(self, kind: str) -> None:
        """Ask where to save (a window-modal dialog, never a nested event loop), then export."""
        period = self.period()
        if period is None or self.running:
            return
        _label, _stem, suffix = KINDS[kind]
        dialog = QFileDialog(self.window(), self.tr("Export"), file_name(kind, period))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per export, not kept
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.setNameFilter(
            self.tr("CSV files (*.csv)") if suffix == "csv" else self.tr("PDF files (*.pdf)")
        )
        dialog.fileSelected.connect(lambda path: self.start(kind, Path(path)))
        self._dialog = dialog
        dialog.open()

    def start(self, kind: str, out: Path) -> None:
        """Write the shown period's ``kind`` export to ``out`` in the background."""
        period = self.period()
        if period is None or self.running:
            return
        self.running = True
        self.button.setEnabled(False)
        self.label.setText(self.tr("Writing {name}…").format(name=out.name))
        theme.set_role(self.label, "muted")
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.bar.show()
        reports = self.ui.core.reports

        async def write() -> dict[str, Any]:
            if kind == "payments":
                return await reports.write_csv(period, out, self._progress.emit)
            if kind == "daily":
                return await reports.write_daily_csv(period, out)
            shop = str(await self.ui.setting("shop.name") or "")
            return await reports.write_pdf(period, out, shop)

        spawn(write(), on_done=lambda got: self._done(out, got), on_error=self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, out: Path, got: dict[str, Any]) -> None:
        self._stop()
        if "pages" in got:
            text = self.tr("Saved {name} ({n} pages)").format(name=out.name, n=got["pages"])
        else:
            text = self.tr("Saved {name} ({n} rows)").format(name=out.name, n=got["rows"])
        theme.set_role(self.label, "ok")
        self.label.setText(text)
        self.finished.emit(str(out))

    def _failed(self, err: PosError) -> None:
        self._stop()
        theme.set_role(self.label, "error")
        self.label.setText(messages.explain_error(err).text)
        self.failed.emit(err)

    def _stop(self) -> None:
        self.running = False
        self.button.setEnabled(True)
        self.bar.hide()
