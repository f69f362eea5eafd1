"""The Wallet page: balances, export, import, reconciliation, exports and withdrawals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.bulk_export_dialog import BulkExportDialog
from pos_app.ui.dialogs.export_dialog import ExportDialog
from pos_app.ui.dialogs.import_dialog import ImportDialog
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.models.attention_model import reason_text
from pos_app.ui.page import Page
from pos_app.ui.tasks import Newest, spawn
from pos_app.ui.widgets.export_history import ExportHistory
from pos_app.ui.widgets.schedule_status import ScheduleStatus
from pos_app.ui.widgets.withdraw_history import WithdrawHistory


class WalletPage(Page):
    """What the shop holds at each mint, and the ways ecash leaves or enters by hand.

    Signals:
        balances_loaded(): the balances were read and shown.
        checked(str): a check finished; the summary shown.
    """

    shortcut = "F3"
    needs = "manager"  # exports, imports and withdrawals move the shop's money
    balances_loaded = Signal()
    checked = Signal(str)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.title = self.tr("Wallet")
        self.balances: list[dict[str, Any]] = []
        self.dialog: ExportDialog | BulkExportDialog | ImportDialog | None = None

        heading = QLabel(self.title)
        heading.setProperty("role", "title")
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 20pt; font-weight: 600;")
        header = QHBoxLayout()
        header.addWidget(heading)
        header.addStretch(1)
        header.addWidget(self.total)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Mint"), self.tr("Unit"), self.tr("Balance")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # As tall as its rows: a shop has a handful of mints, never a screenful.
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.table.setStyleSheet("QTableWidget { font-size: 15pt; }")
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("No ecash yet. Take a payment or import a token."))
        self.empty.setProperty("role", "muted")

        self.export_button = QPushButton(self.tr("Export to file… (Ctrl+E)"))
        self.export_button.setProperty("role", "primary")
        theme.set_icon(self.export_button, "tray-arrow-up")
        self.import_button = QPushButton(self.tr("Import… (Ctrl+I)"))
        theme.set_icon(self.import_button, "tray-arrow-down")
        self.check_button = QPushButton(self.tr("Check with the mints"))
        theme.set_icon(self.check_button, "refresh")
        self.check_button.setToolTip(
            self.tr("Ask the mints which exported tokens were redeemed and which coins are spent.")
        )
        self.export_button.clicked.connect(self.open_export)
        self.import_button.clicked.connect(self.open_import)
        self.check_button.clicked.connect(self.check)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.open_export).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.open_import).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.schedule = ScheduleStatus(ui, self)
        self.history = ExportHistory(ui, self)
        # The top row is full on a 1024 px till: this one sits with the export history.
        self.export_all_button = self.history.export_all_button
        self.export_all_button.clicked.connect(self.open_export_all)
        self.withdrawals = WithdrawHistory(ui, self)
        # Two histories, one under the other, would not fit a 768 px till: one tab each.
        self.histories = QTabWidget()
        self.histories.addTab(self.history, self.tr("Exported tokens"))
        self.histories.addTab(self.withdrawals, self.tr("Withdrawals to Lightning"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(self.schedule)
        layout.addSpacing(8)
        layout.addWidget(self.histories, 1)

        self._balances = Newest()  # a balance event's read and the page's own may overlap
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(150)  # one read for a burst of balance events
        self._reload.timeout.connect(self.refresh)
        ui.bridge.balance_changed.connect(self._reload_soon)  # a method: dropped with the page
        self._show_balances({"balances": [], "total": {}})

    # -- balances --------------------------------------------------------------------------

    def _reload_soon(self, *_event: object) -> None:
        self._reload.start()

    def activated(self) -> None:
        """Read the balances."""
        self.refresh()

    def refresh(self) -> None:
        """Read the balances (and the export history: an export changes both) again."""
        self._reload.stop()
        self._balances.spawn(
            self.ui.core.wallet.balance(), on_done=self._show_balances, on_error=self._error
        )
        self.history.load()
        self.withdrawals.load()
        self.schedule.load()

    def _show_balances(self, balance: dict[str, Any]) -> None:
        self.balances = list(balance["balances"])
        self.table.setRowCount(len(self.balances))
        for row, b in enumerate(self.balances):
            mint = QTableWidgetItem(fmt.short_mint(b["mint"]))
            mint.setToolTip(b["mint"])
            amount = QTableWidgetItem(fmt.sats(b["amount"], b["unit"]))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((mint, QTableWidgetItem(b["unit"]), amount)):
                self.table.setItem(row, column, item)
        totals = balance["total"]
        self.total.setText(
            "  ".join(
                self.tr("Total {amount}").format(amount=fmt.sats(v, unit))
                for unit, v in sorted(totals.items())
            )
        )
        self.empty.setVisible(not self.balances)
        self.table.setVisible(bool(self.balances))
        self.export_button.setEnabled(any(b["amount"] > 0 for b in self.balances))
        self.export_all_button.setEnabled(self.export_button.isEnabled())
        self.balances_loaded.emit()

    def balance_text(self) -> list[tuple[str, str, str]]:
        """The table's cells, row by row (for tests and screen readers)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]

    # -- export, import, check -------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        """Open the export dialog (non-blocking)."""
        if not self.export_button.isEnabled():
            return None
        dialog = ExportDialog(self.ui, self.balances, self)
        self._open(dialog)
        return dialog

    def open_export_all(self) -> BulkExportDialog | None:
        """Open the dialog that exports every mint to a folder (non-blocking)."""
        if not self.export_all_button.isEnabled():
            return None
        dialog = BulkExportDialog(self.ui, self)
        self._open(dialog)
        return dialog

    def open_import(self) -> ImportDialog:
        """Open the import dialog (non-blocking)."""
        dialog = ImportDialog(self.ui, self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: ExportDialog | BulkExportDialog | ImportDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_a, d=dialog: self._forget(d))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def check(self) -> None:
        """Reconcile exported tokens and coins with the mints, then say what changed."""
        self.check_button.setEnabled(False)
        self.summary.setText(self.tr("Checking with the mints…"))
        spawn(self.ui.core.wallet.check(), on_done=self._checked, on_error=self._error)

    def _checked(self, result: dict[str, Any]) -> None:
        self.check_button.setEnabled(True)
        parts = [self.tr("Checked {n} coins.").format(n=result["checked"])]
        if result["exports_spent"]:
            parts.append(
                self.tr("{n} exported token(s) were redeemed.").format(n=result["exports_spent"])
            )
        if result["exports_partial"]:
            parts.append(
                self.tr("{n} exported token(s) were partly redeemed.").format(
                    n=result["exports_partial"]
                )
            )
        if result["spent"] and not (result["exports_spent"] or result["exports_partial"]):
            parts.append(self.tr("{n} coin(s) were spent.").format(n=result["spent"]))
        if result["released"]:
            parts.append(
                self.tr("{n} stuck coin(s) were returned to the balance.").format(
                    n=result["released"]
                )
            )
        if len(parts) == 1:
            parts.append(self.tr("Nothing changed."))
        for failure in result["errors"]:
            parts.append(
                self.tr("{mint} could not be checked: {reason}.").format(
                    mint=fmt.short_mint(failure["mint"]), reason=reason_text(failure["error"])
                )
            )
        text = " ".join(parts)
        self.summary.setText(text)
        self.history.load()
        self.checked.emit(text)

    def _error(self, err: PosError) -> None:
        self.check_button.setEnabled(True)
        self.summary.setText(error_line(err))

    def shutdown(self) -> None:
        """Close an open dialog (stops its camera)."""
        if self.dialog is not None:
            self.dialog.close()
        self.history.shutdown()
        self.withdrawals.shutdown()
