"""The Wallet page's withdrawals: pay out to the Lightning address by hand, and the history.

"Withdraw to Lightning…" opens :class:`WithdrawDialog` (one mint or all of them, the
amounts and the address shown before anything is paid). Without a Lightning address it
is off and the row says why. The table lists every withdrawal, by hand or by the timer,
newest first, with its fee and how it was proven.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.withdraw_dialog import WithdrawDialog
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import spawn

COLUMNS = 6
ADDRESS = "lightning.address"


class WithdrawHistory(QWidget):
    """The withdraw action and the table of past withdrawals.

    Signals:
        loaded(): the history and the address setting were read and shown.
        withdrawn(object): a withdrawal made from the dialog finished (its result).
    """

    loaded = Signal()
    withdrawn = Signal(object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.records: list[dict[str, Any]] = []
        self.address = ""
        self.dialog: WithdrawDialog | None = None
        self._reads = 0  # loads started: only the newest one's answer is shown

        heading = QLabel(self.tr("Withdrawals to Lightning"))
        heading.setProperty("role", "subtitle")
        self.withdraw_button = QPushButton(self.tr("Withdraw to Lightning…"))
        theme.set_icon(self.withdraw_button, "tray-arrow-up")
        self.withdraw_button.clicked.connect(self.open_withdraw)
        self.reason = QLabel()
        self.reason.setProperty("role", "muted")
        self.reason.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.reason, 1)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Mint"),
                self.tr("Amount"),
                self.tr("Fee"),
                self.tr("State"),
                self.tr("Proof"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(110)
        columns = self.table.horizontalHeader()
        for column in range(COLUMNS):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Nothing was withdrawn yet."))
        self.empty.setProperty("role", "muted")
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        # The timer's withdrawals, and recovery proving one later, are told by notices.
        ui.bridge.notification.connect(self._notified)
        ui.bridge.settings_saved.connect(self._settings_saved)
        self.empty.hide()  # until the first read says which applies
        self.table.hide()
        self._show_address("")

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Read the address setting and the withdrawals.

        Loads overlap (a payout's balance change and its notice each start one) and may
        end in any order: an older answer arriving last would show a paid withdrawal as
        still in progress, so only the newest load's answer is shown.
        """
        self._reads += 1
        read = self._reads
        spawn(
            self._read(),
            on_done=lambda found: self._show(found) if read == self._reads else None,
            on_error=lambda err: self._failed(err) if read == self._reads else None,
        )

    async def _read(self) -> tuple[str, list[dict[str, Any]]]:
        address = await self.ui.core.settings.get(ADDRESS)
        return address or "", await self.ui.core.withdrawals.history()

    def _show(self, read: tuple[str, list[dict[str, Any]]]) -> None:
        address, records = read
        self._show_address(address)
        self.show_records(records)
        self.loaded.emit()

    def _show_address(self, address: str) -> None:
        self.address = address
        self.withdraw_button.setEnabled(bool(address))
        if address:
            self.withdraw_button.setToolTip(
                self.tr("Pay the shop's ecash out to {address}.").format(address=address)
            )
            self.reason.setText(self.tr("To {address}").format(address=address))
        else:
            self.withdraw_button.setToolTip("")
            self.reason.setText(
                self.tr(
                    "No Lightning address is set: set the shop's Lightning address in Settings "
                    "to withdraw."
                )
            )

    def show_records(self, records: list[dict[str, Any]]) -> None:
        """Fill the table (newest first, as the core returns them)."""
        self.records = list(records)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            mint = QTableWidgetItem(fmt.short_mint(record["mint"]))
            mint.setToolTip(record["mint"])
            proof = QTableWidgetItem(self.proof_text(record["proof"]))
            if record["preimage"]:
                proof.setToolTip(
                    self.tr("Preimage: {preimage}").format(preimage=record["preimage"])
                )
            cells = (
                QTableWidgetItem(fmt.when(record["created_at"])),
                mint,
                self._amount_item(record["amount"]),
                self._amount_item(record["fee"]),
                QTableWidgetItem(self.state_text(record["state"])),
                proof,
            )
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self.records)
        self.table.setVisible(bool(self.records))

    def _amount_item(self, amount: int | None) -> QTableWidgetItem:
        item = QTableWidgetItem(fmt.sats(amount))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def state_text(self, state: str) -> str:
        """A withdrawal's state in words."""
        words = {
            "done": self.tr("Paid"),
            "recovered": self.tr("Paid (finished later)"),
            "pending": self.tr("In progress"),
            "needs_review": self.tr("Needs review"),
            "failed": self.tr("Not paid"),
        }
        return words.get(state, state)

    def proof_text(self, proof: str | None) -> str:
        """How the payment was proven, in words."""
        words = {
            "proven": self.tr("Preimage checked"),
            "verified": self.tr("Confirmed by the address"),
            "unproven": self.tr("Not proven"),
            "mismatch": self.tr("Proof does not match!"),
        }
        return words.get(proof, proof) if proof else "—"

    def rows_text(self) -> list[tuple[str, ...]]:
        """The table's cells, row by row (for tests and screen readers)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(COLUMNS))
            for r in range(self.table.rowCount())
        ]

    def _notified(self, _level: str, _title: str, _body: str, kind: str, _data: Any) -> None:
        if kind.startswith("withdraw"):
            self.load()

    def _settings_saved(self, changed: dict[str, Any]) -> None:
        if ADDRESS in changed:
            self._show_address(changed[ADDRESS] or "")

    def _failed(self, err: PosError) -> None:
        self.status.setText(error_line(err))

    # -- withdrawing -----------------------------------------------------------------------

    def open_withdraw(self) -> WithdrawDialog | None:
        """Open the withdraw dialog (non-blocking); None without a Lightning address."""
        if not self.withdraw_button.isEnabled():
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = WithdrawDialog(self.ui, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_a, d=dialog: self._forget(d))
        dialog.withdrawn.connect(self._withdrawn)
        dialog.failed.connect(lambda *_a: self.load())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _withdrawn(self, result: Any) -> None:
        self.load()
        self.withdrawn.emit(result)

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def shutdown(self) -> None:
        """Close an open dialog, even while it pays (the payment is the core's, not its)."""
        if self.dialog is not None:
            self.dialog.done(QDialog.DialogCode.Rejected)
