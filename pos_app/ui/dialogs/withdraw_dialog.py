"""Withdrawing to the shop's Lightning address by hand: one mint or all of them.

Open with ``WithdrawDialog(ui, parent).open()``. It reads what each trusted mint holding
coins would pay out (``Withdrawals.preview``: the address's limits, no invoice asked) and
shows the amount per mint and the address before anything is paid: that view is the
confirmation, and "Pay out" is the only way anything is paid. Then every mint's outcome
is listed (paid with its fee, left pending for recovery, or not paid and why).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.payments.withdraw import MintWithdrawal, WithdrawAll
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import spawn

COLUMNS = 4
ALL = ""  # the chooser's data for "every mint"


class WithdrawDialog(QDialog):
    """Choose all mints or one, see what each pays out and where to, then pay.

    Signals:
        previewed(): the amounts per mint are shown.
        withdrawn(object): a :class:`WithdrawAll` (every mint) or a :class:`MintWithdrawal`
            (one mint): paid, pending or refused with its error, mint by mint.
        failed(object): the :class:`PosError` that stopped it before any mint was asked
            (no address, the address's limits could not be read): nothing was paid.
    """

    previewed = Signal()
    withdrawn = Signal(object)
    failed = Signal(object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.plan: dict[str, Any] | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Withdraw to Lightning"))
        self.resize(680, 460)
        title = QLabel(self.tr("Withdraw to the shop's Lightning address"))
        title.setProperty("role", "title")
        self.address = QLabel("—")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setStyleSheet("font-weight: 600;")
        self.chooser = QComboBox()
        self.chooser.setMinimumHeight(40)
        self.chooser.setEnabled(False)
        self.chooser.currentIndexChanged.connect(lambda *_a: self._show_plan())
        form = QFormLayout()
        form.addRow(self.tr("To"), self.address)
        form.addRow(self.tr("From"), self.chooser)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mint"), self.tr("Balance"), self.tr("To withdraw"), self.tr("Note")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # As tall as its rows (a handful of mints): the outcome below keeps its room.
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        columns = self.table.horizontalHeader()
        for column in range(COLUMNS):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self.tr("Reading the Lightning address's limits…"))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pay_button = QPushButton(self.tr("Pay out"))
        self.pay_button.setProperty("role", "primary")
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(self.pay)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.pay_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addLayout(buttons)
        spawn(self.ui.core.withdrawals.preview(), on_done=self._planned, on_error=self._failed)

    # -- the plan ------------------------------------------------------------------------

    def _planned(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.address.setText(plan["address"])
        self.chooser.blockSignals(True)
        self.chooser.clear()
        mints = plan["mints"]
        self.chooser.addItem(self.tr("All mints ({n})").format(n=len(mints)), ALL)
        for entry in mints:
            self.chooser.addItem(fmt.short_mint(entry["mint"]), entry["mint"])
        self.chooser.blockSignals(False)
        self.chooser.setEnabled(bool(mints))
        self._show_plan()
        self.previewed.emit()

    def chosen(self) -> str | None:
        """The chosen mint's URL; None for every mint."""
        return self.chooser.currentData() or None

    def entries(self) -> list[dict[str, Any]]:
        """The plan's mints for the current choice."""
        if self.plan is None:
            return []
        url = self.chosen()
        return [m for m in self.plan["mints"] if url is None or m["mint"] == url]

    def _show_plan(self) -> None:
        if self.plan is None:
            return
        entries = self.entries()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            mint = QTableWidgetItem(fmt.short_mint(entry["mint"]))
            mint.setToolTip(entry["mint"])
            cells = (
                mint,
                self._amount_item(entry["balance"]),
                self._amount_item(entry["amount"] if entry["refusal"] is None else None),
                QTableWidgetItem(self.refusal_text(entry["refusal"])),
            )
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        payable = [e for e in entries if e["refusal"] is None]
        total = sum(e["amount"] for e in payable)
        if not self.plan["mints"]:
            self.note.setText(self.tr("No trusted mint holds any ecash: nothing to withdraw."))
        elif not payable:
            self.note.setText(self.tr("Nothing can be withdrawn from this choice now."))
        else:
            self.note.setText(
                self.tr(
                    "About {total} in all will be paid to {address}. Each mint pays "
                    "{percent}% of its balance, the rest pays the fees. A mint whose fees "
                    "would be more than {cap}% pays nothing."
                ).format(
                    total=fmt.sats(total),
                    address=self.plan["address"],
                    percent=self.plan["percent"],
                    cap=f"{self.plan['max_fee_percent']:g}",
                )
            )
        self.pay_button.setEnabled(bool(payable) and not self.busy)
        if payable:
            self.pay_button.setText(
                self.tr("Pay out {total}").format(total=fmt.sats(total))
                if self.chosen() is not None or len(payable) == 1
                else self.tr("Pay out {total} from {n} mints").format(
                    total=fmt.sats(total), n=len(payable)
                )
            )

    def _amount_item(self, amount: int | None) -> QTableWidgetItem:
        item = QTableWidgetItem(fmt.sats(amount))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def refusal_text(self, code: str | None) -> str:
        """Why a mint would pay nothing now, in words ("" when it would pay)."""
        if code is None:
            return ""
        if code == "withdraw.pending":
            return self.tr("A payout from this mint is still in progress")
        if code == "withdraw.too_small" and self.plan is not None:
            return self.tr("Less than the {minimum} the address accepts").format(
                minimum=fmt.sats(self.plan["minimum"])
            )
        return code

    def rows_text(self) -> list[tuple[str, ...]]:
        """The table's cells, row by row (for tests and screen readers)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(COLUMNS))
            for r in range(self.table.rowCount())
        ]

    # -- paying --------------------------------------------------------------------------

    def pay(self) -> None:
        """Pay out the current choice (as a task; the dialog's controls stay off meanwhile)."""
        if self.plan is None or not self.pay_button.isEnabled():
            return
        self.busy = True
        self.pay_button.setEnabled(False)
        self.chooser.setEnabled(False)
        self.close_button.setEnabled(False)
        self.outcome.setText(self.tr("Paying out… (each mint in turn)"))
        url = self.chosen()
        work = (
            self.ui.core.withdrawals.withdraw_all()
            if url is None
            else self.ui.core.withdrawals.withdraw_from(url)
        )
        spawn(work, on_done=self._paid, on_error=self._failed)

    def reject(self) -> None:
        """Close, except while paying: the outcome is shown here when it ends."""
        if self.busy:
            return
        super().reject()

    def _paid(self, result: WithdrawAll | MintWithdrawal) -> None:
        self.busy = False
        self.close_button.setEnabled(True)
        if isinstance(result, WithdrawAll):
            lines = [self.result_line(r) for r in result.results]
            lines.append(
                self.tr("In all: {paid} paid, fees {fees}.").format(
                    paid=fmt.sats(result.paid), fees=fmt.sats(result.fees)
                )
            )
        else:
            lines = [self.result_line(result)]
        self.note.setText("")  # what was going to be paid: the outcome below says what was
        self.outcome.setText("\n".join(lines))
        self.close_button.setText(self.tr("Done"))
        self.withdrawn.emit(result)

    def result_line(self, entry: MintWithdrawal) -> str:
        """One mint's outcome in words."""
        mint = fmt.short_mint(entry.mint)
        if entry.state == "paid":
            return self.tr("{mint}: {amount} paid (fee {fee}).").format(
                mint=mint, amount=fmt.sats(entry.amount), fee=fmt.sats(entry.fee)
            )
        if entry.state == "pending":
            return self.tr(
                "{mint}: {amount} on its way; the app checks it and finishes it by itself."
            ).format(mint=mint, amount=fmt.sats(entry.amount))
        reason = error_line(entry.error) if entry.error is not None else entry.state
        return self.tr("{mint}: not paid. {reason}").format(mint=mint, reason=reason)

    def _failed(self, err: PosError) -> None:
        self.busy = False
        self.close_button.setEnabled(True)
        self.outcome.setText(error_line(err))
        if self.plan is None:  # the address's limits could not be read: nothing can start
            self.note.setText(self.tr("Nothing was paid."))
        self.failed.emit(err)
