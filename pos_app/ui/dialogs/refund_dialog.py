"""Giving a cancelled sale's money back as a token: a folder, then the token's QR and file.

Open with ``RefundDialog(ui, item, parent).open()`` for a "Refund owed" item of the
attention list. The token is made by ``core.sales.refunds.refund`` (the wallet's send,
from the mint the customer paid with first) and recorded on the sale, so pressing the
button twice never refunds twice. Long tokens show as an animated QR code.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.payments.refunds import RefundResult
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.export_dialog import _default_folder
from pos_app.ui.messages import explain_error
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.models.attention_model import AttentionItem
from pos_app.ui.tasks import in_thread, spawn
from pos_app.ui.widgets import refund_form as form
from pos_app.ui.widgets.token_result import TokenResult


class RefundDialog(QDialog):
    """The amount owed and a folder; then the refund token as a QR code, its file and Copy.

    Signals:
        refunded(object): the :class:`RefundResult` of the refund token.
        failed(object): the :class:`PosError` of a failed attempt (nothing was recorded).
    """

    refunded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        ui: UiContext,
        item: AttentionItem,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.item = item
        self.sent: RefundResult | None = None
        self._wanted_file = False
        self.setWindowTitle(self.tr("Refund the customer"))
        self.resize(640, 620)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form(folder))
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def _build_form(self, folder: Path | None) -> QWidget:
        title, intro = form.heading(
            self.tr("Refund {amount} for sale {sale}").format(
                amount=fmt.sats(self.item.amount), sale=(self.item.sale_id or "")[:8]
            ),
            self.tr(
                "The amount the customer paid is given back as an ecash token: they scan the "
                "QR code, or take the file. It comes from the mint they paid with when the "
                "shop holds enough there."
            ),
        )
        self.folder_row = form.TokenFolderRow(str(folder) if folder is not None else "")
        self.folder = self.folder_row.folder
        if folder is None:
            spawn(in_thread(_default_folder), on_done=self._folder_found)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Save to")))
        row.addWidget(self.folder_row, 1)
        self.error = form.error_label()
        buttons, self.refund_button = form.form_buttons(
            self.tr("Make refund token"), self.refund, self.tr("Cancel"), self.reject
        )
        return form.form_page(title, intro, row, self.error, buttons)

    def _folder_found(self, found: tuple[list[Path], Path]) -> None:
        if not self.folder.text():
            self.folder.setText(str(found[1]))

    def refund(self) -> None:
        """Make the refund token (as a task); the file is written when a folder exists."""
        if not self.refund_button.isEnabled() or self.item.sale_id is None:
            return
        self.error.hide()
        self.refund_button.setEnabled(False)
        self.refund_button.setText(self.tr("Making the token…"))
        spawn(
            self._refund(self.folder_row.path()),
            on_done=self.show_result,
            on_error=self._refund_failed,
        )

    async def _refund(self, folder: Path | None) -> RefundResult:
        out = await form.existing(folder)
        self._wanted_file = folder is not None
        return await self.ui.allowed(
            "manager",
            self.tr("Make the refund token"),
            lambda: self.ui.core.sales.refunds.refund(self.item.sale_id or "", out=out, qr=True),
        )

    def _refund_failed(self, err: PosError) -> None:
        self.refund_button.setEnabled(True)
        self.refund_button.setText(self.tr("Make refund token"))
        self.error.setText(explain_error(err).text)
        self.error.show()
        self.failed.emit(err)

    def _build_result(self) -> QWidget:
        self.result_view = TokenResult()
        self.result_view.finished.connect(self.accept)
        return self.result_view

    def show_result(self, result: RefundResult) -> None:
        """Show the refund token for the customer to scan."""
        self.sent = result
        self.result_view.show_token(
            form.result_heading(result),
            result.token,
            [form.saved_note(result, self._wanted_file), form.mint_note(result)],
        )
        self.stack.setCurrentIndex(1)
        self.refunded.emit(result)

    def copy_token(self) -> None:
        """Put the token on the clipboard."""
        self.result_view.copy_token()

    def done(self, result: int) -> None:
        """Stop the QR animation when the dialog closes."""
        self.result_view.clear()
        super().done(result)
