"""Print and Save-as-PDF buttons for the receipt of a paid sale or of a refund.

Used by the Sell page, Activity's sale details and the refund dialog.

Print goes straight to the shop's receipt printer when one is set (``receipt.printer``),
else through the system's print dialog; a printer that is set but missing says so and
opens the dialog. Both use the shop's paper (``receipt.paper``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from pos_app.ui import receipt
from pos_app.ui.refund_receipt import build_refund_receipt
from pos_app.ui.tasks import in_thread, spawn


class ReceiptButtons(QWidget):
    """Print (system dialog) or save as PDF (file dialog), both without blocking.

    Signals:
        failed(object): a :class:`~pos_app.core.errors.PosError` while saving.
    """

    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: dict[str, Any] | None = None
        self.refund: dict[str, Any] | None = None  # set: the receipt is this refund's
        self.shop = receipt.ShopHeader()
        self.print_button = self._button(self.tr("Print receipt"), self.print_receipt)
        self.save_button = self._button(self.tr("Save receipt as PDF"), self.ask_path)
        self.note = QLabel()
        self.note.setProperty("role", "muted")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        self.set_sale(None)

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(56)
        button.clicked.connect(slot)
        return button

    def set_sale(self, detail: dict[str, Any] | None, shop: receipt.ShopHeader | str = "") -> None:
        """The paid sale with its payments (as ``sales.show`` returns it); None disables.

        ``shop``: the shop's header and printer (or just its name), printed at the top.
        """
        self.detail = detail
        self.refund = None
        self.shop = shop if isinstance(shop, receipt.ShopHeader) else receipt.ShopHeader(shop)
        self.note.clear()
        self.print_button.setEnabled(detail is not None)
        self.save_button.setEnabled(detail is not None)

    def set_refund(
        self, refund: dict[str, Any], sale: dict[str, Any], shop: receipt.ShopHeader | str = ""
    ) -> None:
        """The receipt of ``refund`` (a ``refund_dict``) of ``sale``, instead of a sale's."""
        self.set_sale(sale, shop)
        self.refund = refund
        self.print_button.setText(self.tr("Print refund receipt"))
        self.save_button.setText(self.tr("Save refund receipt as PDF"))

    def receipt(self) -> receipt.Receipt | None:
        """The receipt's content (None without a sale)."""
        if self.detail is None:
            return None
        if self.refund is not None:
            return build_refund_receipt(self.refund, self.detail, self.shop)
        return receipt.build_receipt(self.detail, self.shop)

    def print_receipt(self) -> None:
        """Print on the shop's receipt printer, or open the print dialog."""
        data = self.receipt()
        if data is None:
            return
        paper = self.shop.paper
        if self.shop.printer:
            if receipt.print_direct(data, self.shop.printer, paper):
                self.note.setText(self.tr("Printed on {printer}").format(printer=self.shop.printer))
                return
            self.note.setText(
                self.tr("Printer {printer} not found: choose one.").format(
                    printer=self.shop.printer
                )
            )
        receipt.print_receipt(data, self.window(), paper=paper)

    def ask_path(self) -> None:
        """Ask where to save the PDF, then save it."""
        if self.detail is None:
            return
        dialog = QFileDialog(self.window(), self.tr("Save receipt"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        name = (
            f"refund-{str(self.refund['refund_id'])[:8]}"
            if self.refund is not None
            else f"receipt-{str(self.detail['sale_id'])[:8]}"
        )
        dialog.selectFile(f"{name}.pdf")
        dialog.fileSelected.connect(self.save)
        dialog.open()

    def save(self, path: str | Path) -> None:
        """Write the PDF in an executor thread; the note or ``failed`` tells the outcome."""
        data = self.receipt()
        if data is None:
            return

        paper = self.shop.paper

        async def write() -> Path:
            return await in_thread(receipt.save_pdf, data, Path(path), paper)

        spawn(write(), on_done=self._saved, on_error=self.failed.emit)

    def _saved(self, path: Path) -> None:
        self.note.setText(self.tr("Saved: {name}").format(name=path.name))
        self.note.setToolTip(str(path))
