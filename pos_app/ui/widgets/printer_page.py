"""The setup wizard's receipt printer: which printer, which paper, and a test receipt on it.

The test receipt is drawn by the same code as a sale's (the shop's name, address and VAT
number as typed in the wizard, rows, a QR code), so what comes out is what customers
will get. "Ask each time" keeps the system's print dialog, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QWidget

from pos_app.core.config import OPTIONS
from pos_app.ui import receipt, theme
from pos_app.ui.widgets.option_fields import EDITOR_WIDTH, make_field, select_or_add
from pos_app.ui.widgets.setup_pages import SetupPage, text_label

log = logging.getLogger(__name__)

TEST_QR = "pos-app printer test"

PrintDirect = Callable[[receipt.Receipt, str, str], bool]


def system_printers() -> list[str]:
    """The printers the system lists (none when printing support is missing)."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError as exc:  # a stripped bundle or a box without CUPS libraries
        log.info("no printing support: %s", exc)
        return []
    return list(QPrinterInfo.availablePrinterNames())


class PrinterPage(SetupPage):
    """The receipt printer and paper, with a test print.

    Args:
        printers: lists the system's printers.
        print_direct: prints a receipt on a named printer without a dialog; False when it
            is missing or does not start.

    Attributes:
        result: ``"printed"``, ``"failed"`` or None (no test yet).
    """

    help_anchor = "printer"

    def __init__(
        self,
        printers: Callable[[], list[str]] = system_printers,
        print_direct: PrintDirect = receipt.print_direct,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Receipt printer"),
            self.tr(
                "Receipts print on this printer without asking. Print a test receipt to see "
                "the paper's width and the shop's header."
            ),
            parent,
        )
        self._print_direct = print_direct
        self.result: str | None = None
        self.header = receipt.ShopHeader()
        self.dialog: QWidget | None = None
        self.printer = QComboBox()
        self.printer.setMinimumHeight(36)
        self.printer.setMaximumWidth(EDITOR_WIDTH)
        self.printer.addItem(self.tr("None: choose in the print dialog each time"), "")
        for name in printers():
            self.printer.addItem(name, name)
        self.printer.currentIndexChanged.connect(self._changed)
        self.paper = make_field(OPTIONS["receipt.paper"])
        self.paper.set_value(OPTIONS["receipt.paper"].default)
        self.paper.edited.connect(self._changed)
        self.test_button = QPushButton(self.tr("Print a test receipt"))
        self.test_button.clicked.connect(self.print_test)
        self.status = text_label("")
        form = QFormLayout()
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.paper.label, self.paper)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        self.layout_.addLayout(form)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(
            text_label(
                self.tr(
                    "No printer? Go on: receipts can also be saved as PDF files, and the "
                    "printer can be set later in Settings, Shop."
                ),
                "muted",
            )
        )
        self.layout_.addStretch(1)

    def set_values(self, values: dict[str, Any]) -> None:
        """Show stored settings (Run setup again); a printer no longer installed says so."""
        name = str(values.get("receipt.printer") or "")
        select_or_add(self.printer, name, self.tr("{name} (not installed)").format(name=name))
        self.paper.set_value(values.get("receipt.paper") or OPTIONS["receipt.paper"].default)

    def set_shop(self, values: dict[str, Any]) -> None:
        """The shop's header as typed on the shop page, for the test receipt."""
        self.header = receipt.ShopHeader.from_settings(values)

    @property
    def printer_name(self) -> str:
        """The chosen printer; empty for the print dialog."""
        return str(self.printer.currentData() or "")

    def _changed(self) -> None:
        self.result = None
        self.status.setText("")

    def test_receipt(self) -> receipt.Receipt:
        """A receipt with the shop's header, the choices and a QR code, as a sale's would be."""
        paper = str(self.paper.raw())
        return receipt.Receipt(
            title=self.header.name or self.tr("Your shop"),
            header=self.header.lines(),
            banner=self.tr("TEST"),
            rows=(
                (self.tr("Printer"), self.printer_name or self.tr("print dialog")),
                (self.tr("Paper"), paper),
                (self.tr("Printed"), datetime.now().strftime("%Y-%m-%d %H:%M")),
            ),
            footer=self.tr(
                "Sharp text, nothing cut at the edges and a QR code below: the printer is ready."
            ),
            qr=TEST_QR,
        )

    def print_test(self) -> None:
        """Print the test receipt on the chosen printer, or through the print dialog."""
        paper = str(self.paper.raw())
        data = self.test_receipt()
        if not self.printer_name:
            self.dialog = receipt.print_receipt(data, self, on_done=self._done, paper=paper)
            return
        self._done(self._print_direct(data, self.printer_name, paper))

    def _done(self, ok: bool) -> None:
        self.dialog = None
        self.result = "printed" if ok else "failed"
        if ok:
            text, role = self.tr("Sent to the printer. Check the paper."), "ok"
        elif self.printer_name:
            text, role = (
                self.tr(
                    "{printer} did not print: it is not installed or is off. Choose another, "
                    "or none."
                ).format(printer=self.printer_name),
                "error",
            )
        else:
            text, role = self.tr("Nothing was printed."), "muted"
        self.status.setText(text)
        theme.set_role(self.status, role)

    def settings(self) -> dict[str, Any]:
        """The settings this page sets."""
        return {
            "receipt.printer": self.printer_name,
            "receipt.paper": OPTIONS["receipt.paper"].parse(self.paper.raw()),
        }

    def summary(self) -> str:
        """One line for the summary page."""
        paper = str(self.paper.raw())
        if not self.printer_name:
            return self.tr("Receipts: the print dialog each time, {paper} paper").format(
                paper=paper
            )
        if self.result == "printed":
            text = self.tr("Receipt printer: {printer}, {paper} paper, test printed")
        else:
            text = self.tr("Receipt printer: {printer}, {paper} paper")
        return text.format(printer=self.printer_name, paper=paper)
