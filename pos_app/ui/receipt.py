"""Sale receipts: printed (QPrinter) or saved as a PDF (QPdfWriter).

A receipt is built from the sale as :meth:`SalesService.show` returns it (with its
payments). :func:`save_pdf` touches no widget, so it may run in an executor
thread; :func:`print_receipt` opens the system print dialog without blocking
(``open()``, never ``exec()``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLineF, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QDialog, QWidget

from pos_app.ui.models import sale_format as fmt

log = logging.getLogger(__name__)

RECEIPT_WIDTH_MM = 80  # a till roll
VALUE_CHARS = 26  # a longer value wraps to a second line


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a receipt says, as label/value rows under a title."""

    title: str
    rows: tuple[tuple[str, str], ...]
    footer: str

    def text(self) -> str:
        """Plain text (logs, tests, a text-only printer)."""
        width = max((len(label) for label, _ in self.rows), default=0)
        body = "\n".join(f"{label:<{width}}  {value}" for label, value in self.rows)
        return f"{self.title}\n{body}\n{self.footer}"


def build_receipt(sale: Mapping[str, Any], shop: str = "") -> Receipt:
    """The rows of a receipt for a sale (as ``sales.show`` returns it, with ``payments``).

    Rows: sale id, time, amount in the shop currency (and sat), paid in sat (and the shop
    currency), rate (fiat), fee, mint(s), change given back or overpayment kept, memo.
    """
    settled = [p for p in sale.get("payments", []) if p.get("state") == "settled"]
    fee = sum(int(p.get("fee") or 0) for p in settled)
    mints = sorted({fmt.short_mint(p["mint"]) for p in settled if p.get("mint")})
    stamp = fmt.when(sale.get("paid_at") or sale.get("created_at"), seconds=True)
    currency = sale.get("currency", "sat")
    rate = sale.get("rate")
    paid = int(sale.get("paid") or 0)
    due = int(sale.get("due") or 0)

    def both(sats: int) -> str:  # "4 800 sat (4.56 EUR)": sats first, as the token counts
        fiat = fmt.fiat_of(sats, rate, currency)
        return f"{fmt.sats(sats)} ({fiat})" if fiat else fmt.sats(sats)

    amount = fmt.money(sale["amount"], currency)
    if currency != "sat":
        amount += f" = {fmt.sats(due)}"
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("receipt", "Sale"), str(sale["sale_id"])[:8]),
        (QCoreApplication.translate("receipt", "Time"), stamp),
        (QCoreApplication.translate("receipt", "Amount"), amount),
        (QCoreApplication.translate("receipt", "Paid"), both(paid)),
    ]
    if currency != "sat" and sale.get("rate"):
        rows.append(
            (
                QCoreApplication.translate("receipt", "Rate"),
                f"1 BTC = {fmt.money(sale['rate'], currency)}",
            )
        )
    if sale.get("fee_advance"):
        rows.append(
            (
                QCoreApplication.translate("receipt", "Service fee"),
                fmt.sats(int(sale["fee_advance"])),
            )
        )
    rows.append((QCoreApplication.translate("receipt", "Fee"), fmt.sats(fee)))
    rows.append((QCoreApplication.translate("receipt", "Mint"), ", ".join(mints) or "-"))
    over = paid - due
    if over > 0 and sale.get("change_token"):
        rows.append((QCoreApplication.translate("receipt", "Change"), both(over)))
    elif over > 0:
        rows.append((QCoreApplication.translate("receipt", "Overpaid, kept"), both(over)))
    if sale.get("memo"):
        rows.append((QCoreApplication.translate("receipt", "Memo"), str(sale["memo"])))
    state = {
        "paid": QCoreApplication.translate("receipt", "PAID"),
        "partially_paid": QCoreApplication.translate("receipt", "PARTIALLY PAID"),
    }.get(sale.get("state", ""), str(sale.get("state", "")).upper())
    footer = QCoreApplication.translate("receipt", "{state} · Sale {id}").format(
        state=state, id=sale["sale_id"]
    )
    return Receipt(shop or QCoreApplication.translate("receipt", "Receipt"), tuple(rows), footer)


def paint_receipt(painter: QPainter, page: QRectF, receipt: Receipt) -> None:
    """Draw ``receipt`` at the top of ``page`` (device pixels), black on white."""
    scale = page.width() / 300.0  # layout in "points" of a 300-wide column
    title = QFont(painter.font())
    title.setPixelSize(max(8, round(20 * scale)))
    title.setBold(True)
    body = QFont(painter.font())
    body.setPixelSize(max(6, round(12 * scale)))
    small = QFont(body)
    small.setPixelSize(max(5, round(8 * scale)))
    painter.setPen(Qt.GlobalColor.black)
    y = page.top()
    painter.setFont(title)
    line = 30 * scale
    painter.drawText(
        QRectF(page.left(), y, page.width(), line), Qt.AlignmentFlag.AlignHCenter, receipt.title
    )
    y += line + 6 * scale
    painter.setFont(body)
    row_h = 20 * scale
    for label, value in receipt.rows:
        painter.drawText(QRectF(page.left(), y, page.width() * 0.35, row_h), 0, label)
        painter.drawText(
            QRectF(page.left() + page.width() * 0.35, y, page.width() * 0.65, row_h * 2),
            int(Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap),
            value,
        )
        y += row_h * (2 if len(value) > VALUE_CHARS else 1)
    y += 6 * scale
    painter.drawLine(QLineF(page.left(), y, page.right(), y))
    y += 6 * scale
    painter.setFont(small)
    painter.drawText(
        QRectF(page.left(), y, page.width(), 40 * scale),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWrapAnywhere),
        receipt.footer,
    )


def receipt_height_mm(receipt: Receipt) -> float:
    """Page length that fits the receipt on a till roll (rows are ~4.7 mm at 80 mm wide)."""
    lines = sum(2 if len(value) > VALUE_CHARS else 1 for _, value in receipt.rows)
    return 34 + 5 * lines


def save_pdf(receipt: Receipt, path: Path | str) -> Path:
    """Write ``receipt`` as a one-page PDF the width of a till roll; returns the path.

    Uses no widget, so it can run off the GUI thread.
    """
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageSize(
        QPageSize(QSizeF(RECEIPT_WIDTH_MM, receipt_height_mm(receipt)), QPageSize.Unit.Millimeter)
    )
    writer.setPageMargins(QMarginsF(5, 5, 5, 5), QPageLayout.Unit.Millimeter)
    writer.setTitle(receipt.footer)
    writer.setCreator("pos-app")
    painter = QPainter(writer)
    try:
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        paint_receipt(painter, QRectF(0, 0, rect.width(), rect.height()), receipt)
    finally:
        painter.end()
    return path


def print_to(printer: Any, receipt: Receipt) -> bool:
    """Print ``receipt`` on a ``QPrinter`` in an 80 mm column; False if it cannot start."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        width = min(rect.width(), round(printer.resolution() * 3.15))  # 80 mm
        paint_receipt(painter, QRectF(0, 0, width, rect.height()), receipt)
    finally:
        painter.end()
    return True


def print_receipt(
    receipt: Receipt, parent: QWidget | None = None, on_done: Callable[[bool], Any] | None = None
) -> QWidget:
    """Ask for a printer (non-blocking dialog) and print ``receipt`` when accepted.

    Args:
        receipt: what to print.
        parent: the dialog's parent window.
        on_done: called with True once printed, False when cancelled or the printer failed.

    Returns:
        The dialog (already open), so a caller or test can close it.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("receipt", "Print receipt"))

    def accepted() -> None:
        ok = print_to(printer, receipt)
        if not ok:
            log.warning("printing the receipt failed to start on %s", printer.printerName())
        if on_done is not None:
            on_done(ok)

    dialog.accepted.connect(accepted)
    if on_done is not None:
        dialog.rejected.connect(lambda: on_done(False))
    QDialog.open(dialog)  # QPrintDialog.open() in PySide6 wants (receiver, slot): the base one
    return dialog
