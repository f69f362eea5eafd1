"""The Wallet page's export history: every token handed out and whether it was claimed.

The selected one can be followed up: check with the mints, show its QR again, take it back.

Taking back (reclaim) asks first, without blocking: the token on the lost stick stops
working, and only what nobody redeemed comes back, minus the mint's fee.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.wallet.exports import ExportRecord, ReclaimResult
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.export_token_dialog import ExportTokenDialog
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.models.attention_model import reason_text
from pos_app.ui.tasks import Newest, spawn

# The newest exports shown; older ones stay in the history (``pos-app wallet exports``).
SHOWN = 200
COLUMNS = 6


class ExportHistory(QWidget):
    """A table of exports with Check claims, Show QR… and Take back… for the selected one.

    ``export_all_button`` (Export everything…) is the page's: it only sits in this row.

    Signals:
        loaded(): the list was read and shown.
        refreshed(str): a claims check finished; the summary shown.
        reclaimed(object): the :class:`ReclaimResult` of a finished reclaim.
        failed(object): the :class:`PosError` of a failed action.
    """

    loaded = Signal()
    refreshed = Signal(str)
    reclaimed = Signal(object)
    failed = Signal(object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.records: list[ExportRecord] = []
        self._reads = Newest()  # an exports event's read and the page's own may overlap
        self.dialog: ExportTokenDialog | None = None
        self.confirm_box: QMessageBox | None = None

        heading = QLabel(self.tr("Exported tokens"))
        heading.setProperty("role", "subtitle")
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Mint"), self.tr("Amount"), self.tr("Kind"), self.tr("State"),
             self.tr("Who")]
        )  # fmt: skip
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
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda *_a: self.show_token())
        self.empty = QLabel(self.tr("No token was exported yet."))
        self.empty.setProperty("role", "muted")

        self.refresh_button = QPushButton(self.tr("Check claims"))
        theme.set_icon(self.refresh_button, "refresh")
        self.refresh_button.setToolTip(
            self.tr("Ask the mints which of the unclaimed exports were redeemed since.")
        )
        self.show_button = QPushButton(self.tr("Show QR…"))
        self.reclaim_button = QPushButton(self.tr("Take back…"))
        self.reclaim_button.setToolTip(
            self.tr(
                "The stick was lost: put what nobody redeemed back into the wallet. "
                "The token on the stick stops working."
            )
        )
        self.export_all_button = QPushButton(self.tr("Export everything…"))
        theme.set_icon(self.export_all_button, "tray-arrow-up")
        self.export_all_button.setToolTip(
            self.tr("Every mint's ecash to a folder: one file each, with a list of the files.")
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.show_button.clicked.connect(self.show_token)
        self.reclaim_button.clicked.connect(self.ask_reclaim)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_all_button)
        buttons.addStretch(1)
        for button in (self.refresh_button, self.show_button, self.reclaim_button):
            buttons.addWidget(button)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        # The timer's checks (and the page's) find claims: the list follows.
        ui.bridge.exports_changed.connect(self._exports_changed)  # dropped with the widget
        self.empty.hide()  # until the first read says which applies
        self.table.hide()
        self._selection_changed()

    # -- the list --------------------------------------------------------------------------

    def _exports_changed(self, *_event: object) -> None:
        self.load()

    def load(self) -> None:
        """Read the newest exports."""
        self._reads.spawn(self.ui.core.exports.list(limit=SHOWN), on_done=self.show_records)

    def show_records(self, records: list[ExportRecord]) -> None:
        """Fill the table, keeping the selected export selected."""
        chosen = self.selected()
        self.records = list(records)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            mint = QTableWidgetItem(fmt.short_mint(record.mint))
            mint.setToolTip(record.mint)
            amount = QTableWidgetItem(fmt.sats(record.amount, record.unit))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            state = QTableWidgetItem(self.state_text(record))
            state.setToolTip(self.tr("File: {path}").format(path=record.file or "—"))
            cells = (
                QTableWidgetItem(fmt.when(record.created_at)),
                mint,
                amount,
                QTableWidgetItem(self.kind_text(record)),
                state,
                QTableWidgetItem(record.staff or "—"),  # the staff member, once there are any
            )
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
            if chosen is not None and record.id == chosen.id:
                self.table.selectRow(row)
        self.empty.setVisible(not self.records)
        self.table.setVisible(bool(self.records))
        self._selection_changed()
        self.loaded.emit()

    def kind_text(self, record: ExportRecord) -> str:
        """What the token was for: an export, a customer's change or a refund."""
        kinds = {
            "export": self.tr("Export"),
            "change": self.tr("Change"),
            "refund": self.tr("Refund"),
        }
        text = kinds.get(record.purpose, record.purpose)
        if record.locked_to:
            text = self.tr("{kind}, locked").format(kind=text)
        return text

    def state_text(self, record: ExportRecord) -> str:
        """The claim state in words (with the amounts when part was claimed)."""
        if record.reclaiming:
            return self.tr("Being taken back…")
        if record.state == "partially_claimed":
            return self.tr("Partly claimed ({claimed})").format(
                claimed=fmt.sats(record.claimed_amount, record.unit)
            )
        if record.state == "reclaimed" and record.claimed_amount:
            return self.tr("Taken back ({claimed} claimed before)").format(
                claimed=fmt.sats(record.claimed_amount, record.unit)
            )
        words = {
            "pending": self.tr("Not claimed yet"),
            "claimed": self.tr("Claimed"),
            "reclaimed": self.tr("Taken back"),
        }
        return words.get(record.state, record.state)

    def rows_text(self) -> list[tuple[str, ...]]:
        """The table's cells, row by row (for tests and screen readers)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(COLUMNS))
            for r in range(self.table.rowCount())
        ]

    def selected(self) -> ExportRecord | None:
        """The export of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.records):
            return None
        return self.records[rows[0].row()]

    def select(self, export_id: int) -> None:
        """Select the row of an export."""
        for row, record in enumerate(self.records):
            if record.id == export_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        record = self.selected()
        self.show_button.setEnabled(record is not None and record.unclaimed > 0)
        self.reclaim_button.setEnabled(record is not None and record.reclaimable)

    # -- actions ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the mints which open exports were claimed, then read the list again."""
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Checking with the mints…"))
        spawn(self.ui.core.exports.refresh(), on_done=self._refreshed, on_error=self._failed)

    def _refreshed(self, summary: dict) -> None:
        self.refresh_button.setEnabled(True)
        parts = []
        if summary["exports_spent"]:
            parts.append(self.tr("{n} export(s) were claimed.").format(n=summary["exports_spent"]))
        if summary["exports_partial"]:
            parts.append(
                self.tr("{n} export(s) were partly claimed.").format(n=summary["exports_partial"])
            )
        if not parts:
            parts.append(self.tr("No new claims."))
        for failure in summary["errors"]:
            parts.append(
                self.tr("{mint} could not be checked: {reason}.").format(
                    mint=fmt.short_mint(failure["mint"]), reason=reason_text(failure["error"])
                )
            )
        text = " ".join(parts)
        self.status.setText(text)
        self.load()
        self.refreshed.emit(text)

    def show_token(self) -> ExportTokenDialog | None:
        """Show the selected export's token as a QR code again (non-blocking)."""
        record = self.selected()
        if record is None or not self.show_button.isEnabled():
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = ExportTokenDialog(self.ui, record, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_a, d=dialog: self._forget(d))
        dialog.saved.connect(lambda *_a: self.load())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def ask_reclaim(self) -> QMessageBox | None:
        """Ask before taking the selected export back (non-blocking)."""
        record = self.selected()
        if record is None or not self.reclaim_button.isEnabled():
            return None
        if self.confirm_box is not None:
            self.confirm_box.close()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Take back"))
        box.setText(
            self.tr("Take back the export of {amount} from {when}?").format(
                amount=fmt.sats(record.amount, record.unit), when=fmt.when(record.created_at)
            )
        )
        box.setInformativeText(
            self.tr(
                "What nobody redeemed comes back into the wallet, minus the mint's fee. The "
                "token on the stick or paper stops working: do this only when it was lost."
            )
        )
        take = box.addButton(self.tr("Take back"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep it out"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            self.confirm_box = None
            if box.clickedButton() is take:
                self.reclaim(record.id)

        box.finished.connect(lambda _result: answered())
        self.confirm_box = box
        box.open()
        return box

    def reclaim(self, export_id: int) -> None:
        """Take an export back (as a task; the button stays off meanwhile)."""
        self.reclaim_button.setEnabled(False)
        self.status.setText(self.tr("Taking the export back…"))
        spawn(
            self.ui.core.exports.reclaim(export_id),
            on_done=self._reclaimed,
            on_error=self._failed,
        )

    def _reclaimed(self, result: ReclaimResult) -> None:
        text = self.tr("Taken back: {amount} (mint fee {fee}).").format(
            amount=fmt.sats(result.amount, result.unit), fee=fmt.sats(result.fee, result.unit)
        )
        if result.claimed_amount:
            text += " " + self.tr("{claimed} had been claimed before.").format(
                claimed=fmt.sats(result.claimed_amount, result.unit)
            )
        self.status.setText(text)
        self.load()
        self.reclaimed.emit(result)

    def _failed(self, err: PosError) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(error_line(err))
        self.load()
        self.failed.emit(err)

    def shutdown(self) -> None:
        """Close an open dialog or question."""
        for widget in (self.dialog, self.confirm_box):
            if widget is not None:
                widget.close()
