"""Refunding a paid sale, whole or in part: amount and reason, a confirmation, the token.

Open with ``SaleRefundDialog(ui, sale, parent).open()`` from the sale's details in
Activity. The confirmation is a page of this dialog (no blocking message box inside a
task); the token is made by ``core.sales.refunds.refund`` (the wallet's send, from the
mint the customer paid with first), reserved before it is made, so pressing twice never
gives back more than the sale took. The token shows as a QR code (animated when long),
and is saved to the folder when one is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.payments.refunds import RefundResult
from pos_app.ui.context import UiContext
from pos_app.ui.messages import explain_error
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.receipt import ShopHeader
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets import refund_form as form
from pos_app.ui.widgets.receipt_buttons import ReceiptButtons
from pos_app.ui.widgets.refund_lines_picker import RefundLinesPicker
from pos_app.ui.widgets.token_result import TokenResult

FORM, CONFIRM, RESULT = range(3)


class SaleRefundDialog(QDialog):
    """Amount (default: all still refundable) or lines, reason, folder; confirm; the QR.

    A basket sale shows its lines with check boxes: the amount then follows the checked
    lines (``refunds.preview``, the core's figure) and cannot be typed; nothing checked is
    the whole (or a typed) refund, as for a sale typed as one amount.

    Signals:
        refunded(object): the :class:`RefundResult` of the refund token.
        failed(object): the :class:`PosError` of a refused or failed attempt.
        file_saved(object): the :class:`RefundResult` after Save to file (``file`` None
            when the folder could not be written).
    """

    refunded = Signal(object)
    failed = Signal(object)
    file_saved = Signal(object)

    def __init__(self, ui: UiContext, sale: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.sale = sale
        self.unit = sale["unit"]
        self.sent: RefundResult | None = None
        self._wanted_file = False
        self._preview_seq = 0
        self.line_preview: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Refund sale {sale}").format(sale=sale["sale_id"][:8]))
        self.resize(640, 620)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_confirm())
        self.result_view = TokenResult()
        self.result_view.finished.connect(self.accept)
        self.save_button = QPushButton(self.tr("Save to file…"))
        self.save_button.setToolTip(self.tr("Write the token (and its QR picture) to a folder."))
        self.save_button.clicked.connect(self._choose_save_folder)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        result_page = QWidget()
        result_layout = QVBoxLayout(result_page)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.result_view, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved, 1)
        save_row.addWidget(self.save_button)
        result_layout.addLayout(save_row)
        # The refund's own receipt, once the refund is read back with its sale.
        self.receipts = ReceiptButtons()
        self.receipts.failed.connect(self._save_failed)
        self.receipts.hide()
        result_layout.addWidget(self.receipts)
        self.stack.addWidget(result_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- the form ------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        rest = int(self.sale.get("refundable") or 0)
        title, intro = form.heading(
            self.tr("Refund sale {sale}: up to {amount}").format(
                sale=self.sale["sale_id"][:8], amount=fmt.sats(rest, self.unit)
            ),
            self.tr(
                "The money is given back as an ecash token the customer scans or takes as a "
                "file, from the mint they paid with when the shop holds enough there. The sale "
                "stays in the day's sales; the refund is counted apart."
            ),
        )
        self.amount = QLineEdit(str(rest))
        self.amount.setValidator(QIntValidator(1, max(1, rest), self))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (kept with the refund)"))
        self.folder_row = form.TokenFolderRow()
        self.folder = self.folder_row.folder
        self.picker = RefundLinesPicker(self.unit)
        self.picker.changed.connect(self._lines_changed)
        self.picker.hide()
        if self.sale.get("lines"):
            spawn(
                self.ui.core.sales.refunds.line_options(self.sale["sale_id"]),
                on_done=self._show_lines,
            )
        fields = QFormLayout()
        fields.addRow(self.picker)
        fields.addRow(self.tr("Amount ({unit})").format(unit=self.unit), self.amount)
        fields.addRow(self.tr("Reason"), self.reason)
        fields.addRow(self.tr("Save to"), self.folder_row)
        self.error = form.error_label()
        buttons, self.next_button = form.form_buttons(
            self.tr("Refund…"), self.ask_confirmation, self.tr("Cancel"), self.reject
        )
        return form.form_page(title, intro, fields, self.error, buttons)

    def _show_lines(self, options: dict[str, Any]) -> None:
        if options["lines"]:
            self.picker.set_options(options)
            self.picker.show()

    def _lines_changed(self) -> None:
        """Ask the core what the checked lines come to; nothing checked: the typed amount."""
        self._preview_seq += 1
        self.line_preview = None
        self.error.hide()
        if not self.picker.chosen():
            self.amount.setReadOnly(False)
            self.amount.setText(str(int(self.sale.get("refundable") or 0)))
            return
        self.amount.setReadOnly(True)
        self.amount.clear()
        seq = self._preview_seq
        spawn(
            self.ui.core.sales.refunds.preview(
                self.sale["sale_id"],
                self.picker.selection(),
                include_tip=self.picker.include_tip(),
            ),
            on_done=lambda shown: self._previewed(seq, shown),
            on_error=lambda err: self._preview_failed(seq, err),
        )

    def _previewed(self, seq: int, shown: dict[str, Any]) -> None:
        if seq != self._preview_seq:
            return  # an answer for a choice since changed
        self.line_preview = shown
        self.amount.setText(str(shown["amount"]))
        if shown["too_large"]:
            self.error.setText(
                self.tr("These lines come to {amount}, more than the {rest} left to give back.")
                .format(
                    amount=fmt.sats(shown["amount"], self.unit),
                    rest=fmt.sats(shown["refundable"], self.unit),
                )
            )  # fmt: skip
            self.error.show()

    def _preview_failed(self, seq: int, err: PosError) -> None:
        if seq != self._preview_seq:
            return
        self.error.setText(explain_error(err).text)
        self.error.show()

    def _typed_amount(self) -> int | None:
        text = self.amount.text().strip()
        return int(text) if text.isdigit() else None

    def ask_confirmation(self) -> None:
        """Check the amount here, then show the confirmation page."""
        if self.picker.chosen():
            shown = self.line_preview
            if shown is None or shown["too_large"]:
                self.error.setText(
                    self.error.text() if shown else self.tr("Working out the lines' amount…")
                )
                self.error.show()
                return
            self.error.hide()
            self.question.setText(
                self.tr(
                    "Give {amount} back for {count} line(s) of sale {sale}? This cannot be undone."
                ).format(
                    amount=fmt.sats(shown["amount"], self.unit),
                    count=len([x for x in shown["lines"] if x["position"]]),
                    sale=self.sale["sale_id"][:8],
                )
            )
            self.stack.setCurrentIndex(CONFIRM)
            return
        amount = self._typed_amount()
        rest = int(self.sale.get("refundable") or 0)
        if amount is None or amount <= 0 or amount > rest:
            self.error.setText(
                self.tr("Type an amount from 1 to {rest}.").format(rest=fmt.sats(rest, self.unit))
            )
            self.error.show()
            return
        self.error.hide()
        self.question.setText(
            self.tr("Give {amount} back to the customer of sale {sale}? This cannot be undone.")
            .format(amount=fmt.sats(amount, self.unit), sale=self.sale["sale_id"][:8])
        )  # fmt: skip
        self.stack.setCurrentIndex(CONFIRM)

    # -- the confirmation ------------------------------------------------------------------

    def _build_confirm(self) -> QWidget:
        page = QWidget()
        self.question = QLabel()
        self.question.setProperty("role", "title")
        self.question.setWordWrap(True)
        self.confirm_error = form.error_label()
        buttons, self.confirm_button = form.form_buttons(
            self.tr("Make refund token"),
            self.refund,
            self.tr("Back"),
            lambda: self.stack.setCurrentIndex(FORM),
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.question)
        layout.addWidget(self.confirm_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def refund(self) -> None:
        """Make the refund token (as a task); the file is written when the folder exists."""
        if not self.confirm_button.isEnabled():
            return
        self.confirm_error.hide()
        self.confirm_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Making the token…"))
        by_lines = self.picker.chosen()
        spawn(
            self._refund(
                None if by_lines else self._typed_amount(),
                self.reason.text().strip() or None,
                self.folder_row.path(),
            ),
            on_done=self.show_result,
            on_error=self._refund_failed,
        )

    async def _refund(
        self, amount: int | None, reason: str | None, folder: Path | None
    ) -> RefundResult:
        # Read before the first await: the choice the confirmation showed.
        lines = self.picker.selection() if amount is None else {}
        include_tip = amount is None and self.picker.include_tip()
        out = await form.existing(folder)
        self._wanted_file = folder is not None
        return await self.ui.allowed(  # a manager's, when staff accounts exist
            "manager",
            self.tr("Make the refund token"),
            lambda: self.ui.core.sales.refunds.refund(
                self.sale["sale_id"],
                amount=amount,
                lines=lines or None,
                include_tip=include_tip,
                reason=reason,
                out=out,
                qr=True,
            ),
        )

    def _refund_failed(self, err: PosError) -> None:
        self.confirm_button.setEnabled(True)
        self.confirm_button.setText(self.tr("Make refund token"))
        self.confirm_error.setText(explain_error(err).text)
        self.confirm_error.show()
        self.failed.emit(err)

    # -- the token -------------------------------------------------------------------------

    def show_result(self, result: RefundResult) -> None:
        """Show the refund token for the customer to scan."""
        self.sent = result
        self.result_view.show_token(
            form.result_heading(result),
            result.token,
            [form.saved_note(result, self._wanted_file), form.mint_note(result)],
        )
        self.stack.setCurrentIndex(RESULT)
        self.refunded.emit(result)
        spawn(self._load_receipt(result.refund_id), on_done=self._show_receipt)

    async def _load_receipt(
        self, refund_id: str
    ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        sale = await self.ui.core.sales.show(self.sale["sale_id"])
        refund = next(r for r in sale["refunds"] if r["refund_id"] == refund_id)
        return refund, sale, await self.ui.settings()

    def _show_receipt(self, got: tuple[dict[str, Any], dict[str, Any], dict[str, Any]]) -> None:
        refund, sale, settings = got
        self.receipts.set_refund(
            refund, sale, ShopHeader.from_settings(settings, training=self.ui.core.training)
        )
        self.receipts.show()

    def _choose_save_folder(self) -> None:
        self.folder_row.choose(on_chosen=lambda chosen: self.save_to(Path(chosen)))

    def save_to(self, folder: Path) -> None:
        """Write the shown token's file (atomically) and its QR picture to ``folder``."""
        if self.sent is None:
            return
        self.save_button.setEnabled(False)
        spawn(
            self.ui.core.sales.refunds.save_file(self.sent, folder, qr=True),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, result: RefundResult) -> None:
        self.save_button.setEnabled(True)
        if result.file:
            self.sent = result
            self.saved.setText(form.saved_note(result, True))
        else:
            self.saved.setText(
                self.tr("The file could not be saved to that folder. The token is kept.")
            )
        self.file_saved.emit(result)

    def _save_failed(self, err: PosError) -> None:
        self.save_button.setEnabled(True)
        self.saved.setText(explain_error(err).text)

    def done(self, result: int) -> None:
        """Stop the QR animation when the dialog closes."""
        self.result_view.clear()
        super().done(result)
