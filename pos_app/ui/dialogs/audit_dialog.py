"""The audit log for the owner: who did what and when, filtered, checked and exported.

"Check the log" walks the hash chain (:mod:`pos_app.core.audit`) and names the first
entry that was changed, removed or slipped in; "Export CSV…" writes what the filters
show, oldest first.
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.audit import AuditFilter
from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import spawn

SHOWN = 500  # the newest entries shown; the CSV export takes every matching one
HEADERS = ("#", "When", "Who", "Action", "Subject", "Details")


class AuditDialog(QDialog):
    """Filters (action or family such as ``melt.``, who, days), the entries, check, export.

    Signals:
        loaded(): the entries were read and shown.
        checked(object): the chain's :class:`~pos_app.core.store.auditchain.Verdict`.
    """

    loaded = Signal()
    checked = Signal(object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.entries: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 680)
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("Action, or a family such as melt."))
        self.actor = QLineEdit()
        self.actor.setPlaceholderText(self.tr("Who"))
        today = QDate.currentDate()
        self.first = QDateEdit(today.addDays(-30))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.reload)
        self.action.returnPressed.connect(self.reload)
        self.actor.returnPressed.connect(self.reload)
        filters = QHBoxLayout()
        for widget in (self.action, self.actor):
            filters.addWidget(widget, 2)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.first)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.last)
        filters.addWidget(self.show_button)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("Check the log"))
        theme.set_icon(self.check_button, "shield-check-outline")
        self.check_button.clicked.connect(self.check)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.ask_path)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verdict, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def where(self, *, limit: int | None = SHOWN) -> AuditFilter:
        """The filters as typed."""

        def start(day: QDate) -> int:
            return int(datetime.combine(day.toPython(), time()).timestamp())

        last = self.last.date().toPython() + timedelta(days=1)
        return AuditFilter(
            action=self.action.text().strip() or None,
            actor=self.actor.text().strip() or None,
            since=start(self.first.date()),
            until=int(datetime.combine(last, time()).timestamp()),
            limit=limit,
        )

    def reload(self) -> None:
        """Read the entries the filters select (newest first)."""
        spawn(self.ui.core.audit.list(self.where()), on_done=self.show_entries, on_error=self._say)

    def show_entries(self, entries: list[dict[str, Any]]) -> None:
        """Fill the table."""
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            details = json.dumps(e["details"], sort_keys=True, ensure_ascii=False)
            cells = (
                str(e["id"]),
                fmt.when(e["at"], seconds=True),
                e["actor"],
                e["action"],
                e["subject"] or "",
                details,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == len(cells) - 1:
                    item.setToolTip(details)
                self.table.setItem(row, column, item)
        self.loaded.emit()

    def check(self) -> None:
        """Walk the whole chain and say whether it holds."""
        self.check_button.setEnabled(False)
        spawn(self.ui.core.audit.verify(), on_done=self._checked, on_error=self._say)

    def _checked(self, verdict: Any) -> None:
        self.check_button.setEnabled(True)
        if verdict.ok:
            theme.set_role(self.verdict, "ok")
            self.verdict.setText(
                self.tr("The log holds: {n} entries, none changed, removed or added.").format(
                    n=verdict.entries
                )
                + " "
                + self.tr("Last entry #{id}, {chain}.").format(
                    id=verdict.head_id, chain=verdict.head[:16]
                )
            )
        else:
            theme.set_role(self.verdict, "error")
            self.verdict.setText(
                self.tr(
                    "Entry #{id} does not follow the one before it: the log was changed there "
                    "(an entry edited, removed or added outside the app)."
                ).format(id=verdict.broken_at)
            )
        self.checked.emit(verdict)

    def ask_path(self) -> None:
        """Ask where to save the CSV (without blocking), then write it."""
        dialog = QFileDialog(self, self.tr("Export the audit log"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.selectFile("audit-log.csv")
        dialog.fileSelected.connect(self.export_to)
        dialog.open()

    def export_to(self, path: str) -> None:
        """Write what the filters select (all of it, not only what is shown)."""
        spawn(
            self.ui.core.audit.export_csv(path, self.where(limit=None)),
            on_done=lambda written: self._said(
                self.tr("Saved: {name}").format(name=written.name), "ok"
            ),
            on_error=self._say,
        )

    def _said(self, text: str, role: str) -> None:
        theme.set_role(self.verdict, role)
        self.verdict.setText(text)

    def _say(self, err: PosError) -> None:
        self.check_button.setEnabled(True)
        self._said(error_line(err), "error")
