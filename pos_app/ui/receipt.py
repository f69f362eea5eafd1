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
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLineF,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QDialog, QWidget

from pos_app.core.formatting import decimal_text
from pos_app.core.payments.basket import money as basket_money
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.widgets.qr import qr_matrix

log = logging.getLogger(__name__)

RECEIPT_WIDTH_MM = 80  # a till roll, the default paper
PAPER_MM = {"58mm": 58.0, "80mm": 80.0, "a4": 210.0}
A4_COLUMN_MM = 100.0  # on a sheet the receipt is a column, not the page's width
MARGIN_MM = 5.0
COLUMN = 300.0  # the layout is drawn in points of a 300-wide column, scaled to the paper
VALUE_CHARS = 26  # a longer value wraps to a second line
ITEM_CHARS = 30
METHODS = {
    "swap": QT_TRANSLATE_NOOP("receipt", "ecash"),
    "melt": QT_TRANSLATE_NOOP("receipt", "ecash to Lightning"),
    "convert": QT_TRANSLATE_NOOP("receipt", "ecash (converted)"),
}


@dataclass(frozen=True, slots=True)
class ShopHeader:
    """What the shop prints on every receipt, and where (``shop.*``, ``receipt.*`` settings)."""

    name: str = ""
    address: str = ""  # lines separated by " | "
    vat_number: str = ""
    paper: str = "80mm"
    printer: str = ""
    training: bool = False  # a training till's: every receipt says it is none

    @classmethod
    def from_settings(cls, values: Mapping[str, Any], *, training: bool = False) -> ShopHeader:
        """Read from :meth:`Config.values` (missing keys: the defaults).

        ``training``: the wallet's ``App.training`` (its receipts say they are none).
        """
        return cls(
            name=str(values.get("shop.name") or ""),
            address=str(values.get("shop.address") or ""),
            vat_number=str(values.get("shop.vat_number") or ""),
            paper=str(values.get("receipt.paper") or "80mm"),
            printer=str(values.get("receipt.printer") or ""),
            training=training,
        )

    def lines(self) -> tuple[str, ...]:
        """The lines under the shop's name: training mode's warning, the address, the VAT number."""
        out = [training_warning()] if self.training else []
        out += [part.strip() for part in self.address.split("|") if part.strip()]
        if self.vat_number:
            out.append(
                QCoreApplication.translate("receipt", "VAT no. {number}").format(
                    number=self.vat_number
                )
            )
        return tuple(out)


def training_warning() -> str:
    """What a training till prints on every receipt."""
    return QCoreApplication.translate("receipt", "TRAINING - NOT A RECEIPT")


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a receipt says: the shop, what was sold, the VAT, label/value rows, a QR."""

    title: str
    rows: tuple[tuple[str, str], ...]
    footer: str
    header: tuple[str, ...] = ()
    items: tuple[tuple[str, str], ...] = ()  # (what, line total)
    vat: tuple[tuple[str, str, str, str], ...] = ()  # (rate, net, VAT, gross)
    qr: str = ""  # the sale id, for finding the sale again at the till
    banner: str = ""  # a word under the header in the title's size ("REFUND")

    def text(self) -> str:
        """Plain text (logs, tests, a text-only printer)."""
        parts = [self.title, *self.header, *([self.banner] if self.banner else [])]
        if self.items:
            width = max(len(what) for what, _ in self.items)
            parts += [f"{what:<{width}}  {amount}" for what, amount in self.items]
        if self.vat:
            parts.append("  ".join(_vat_heading()))
            parts += ["  ".join(row) for row in self.vat]
        width = max((len(label) for label, _ in self.rows), default=0)
        parts += [f"{label:<{width}}  {value}" for label, value in self.rows]
        parts.append(self.footer)
        return "\n".join(parts)


def _vat_heading() -> tuple[str, str, str, str]:
    return (
        QCoreApplication.translate("receipt", "VAT"),
        QCoreApplication.translate("receipt", "Net"),
        QCoreApplication.translate("receipt", "Tax"),
        QCoreApplication.translate("receipt", "Gross"),
    )


def build_receipt(sale: Mapping[str, Any], shop: str | ShopHeader = "") -> Receipt:
    """The receipt of a sale (as ``sales.show`` returns it, with ``payments``).

    Rows: sale id, time, the basket's discount and tip when there are any, amount in the
    shop currency (and sat), paid in sat (and the shop currency), rate (fiat), fee,
    payment method, mint(s), change given back or overpayment kept, refunds, memo. The
    basket's lines and VAT breakdown come first when the sale has them.
    """
    header = shop if isinstance(shop, ShopHeader) else ShopHeader(name=shop)
    settled = [p for p in sale.get("payments", []) if p.get("state") == "settled"]
    fee = sum(int(p.get("fee") or 0) for p in settled)
    mints = sorted({fmt.short_mint(p["mint"]) for p in settled if p.get("mint")})
    methods = list(dict.fromkeys(str(p["method"]) for p in settled if p.get("method")))
    stamp = fmt.when(sale.get("paid_at") or sale.get("created_at"), seconds=True)
    currency = sale.get("currency", "sat")
    rate = sale.get("rate")
    paid = int(sale.get("paid") or 0)
    due = int(sale.get("due") or 0)

    def both(sats: int) -> str:  # "4 800 sat (4.56 EUR)": sats first, as the token counts
        fiat = fmt.fiat_of(sats, rate, currency)
        return f"{fmt.sats(sats)} ({fiat})" if fiat else fmt.sats(sats)

    total = sale.get("total") or sale["amount"]
    amount = fmt.money(total, currency)
    if currency != "sat":
        amount += f" = {fmt.sats(due)}"
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("receipt", "Sale"), str(sale["sale_id"])[:8]),
        (QCoreApplication.translate("receipt", "Time"), stamp),
    ]
    rows += _basket_rows(sale, currency)
    rows += [
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
    if methods:
        rows.append(
            (
                QCoreApplication.translate("receipt", "Paid with"),
                ", ".join(
                    QCoreApplication.translate("receipt", METHODS.get(m, m)) for m in methods
                ),
            )
        )
    rows.append((QCoreApplication.translate("receipt", "Mint"), ", ".join(mints) or "-"))
    over = paid - due
    if over > 0 and sale.get("change_token"):
        rows.append((QCoreApplication.translate("receipt", "Change"), both(over)))
    elif over > 0:
        rows.append((QCoreApplication.translate("receipt", "Overpaid, kept"), both(over)))
    refunded = sum(int(r.get("amount") or 0) for r in sale.get("refunds") or [])
    refunded = refunded or int(sale.get("refund_amount") or 0)
    if refunded and (sale.get("refunds") or sale.get("refunded_at")):
        rows.append((QCoreApplication.translate("receipt", "Refunded"), both(refunded)))
    if sale.get("memo"):
        rows.append((QCoreApplication.translate("receipt", "Memo"), str(sale["memo"])))
    state = {
        "paid": QCoreApplication.translate("receipt", "PAID"),
        "partially_paid": QCoreApplication.translate("receipt", "PARTIALLY PAID"),
        "refunded": QCoreApplication.translate("receipt", "REFUNDED"),
        "partially_refunded": QCoreApplication.translate("receipt", "PARTIALLY REFUNDED"),
    }.get(sale.get("state", ""), str(sale.get("state", "")).upper())
    footer = QCoreApplication.translate("receipt", "{state} · Sale {id}").format(
        state=state, id=sale["sale_id"]
    )
    return Receipt(
        header.name or QCoreApplication.translate("receipt", "Receipt"),
        tuple(rows),
        footer,
        header=header.lines(),
        items=_items(sale, currency),
        vat=_vat_rows(sale, currency),
        qr=str(sale["sale_id"]),
        banner=training_warning() if header.training else "",
    )


def _line_amount(line: Mapping[str, Any], currency: str) -> Decimal | None:
    """Quantity × unit price, rounded as the basket rounds it (before any discount)."""
    try:
        quantity = Decimal(str(line.get("quantity") or "1"))
        price = Decimal(str(line["unit_price"]))
    except (KeyError, InvalidOperation):
        return None
    return basket_money(quantity * price, currency)


def _items(sale: Mapping[str, Any], currency: str) -> tuple[tuple[str, str], ...]:
    """The basket's lines: "2 × Coffee" and what the line comes to before any discount.

    The discounts follow as their own rows (a line's under it, the sale's below the
    lines), so the rows add up to the total; a line's stored ``gross`` already has both
    taken off and would count them twice.
    """
    out = []
    for line in sale.get("lines") or []:
        quantity = _number(line.get("quantity") or "1")
        name = str(line.get("name") or line.get("sku") or "")
        what = name if quantity == "1" else f"{quantity} × {name}"
        if quantity != "1" and line.get("unit_price") is not None:
            what += f" @ {fmt.money(line['unit_price'], currency)}"
        amount = _line_amount(line, currency)
        shown = amount if amount is not None else line.get("gross") or line.get("total") or "0"
        out.append((what, fmt.money(str(shown), currency)))
        own = line.get("line_discount")
        if isinstance(own, Mapping) and _nonzero(own.get("amount")):
            out.append(_line_discount(own, currency))
    return tuple(out)


def _line_discount(own: Mapping[str, Any], currency: str) -> tuple[str, str]:
    """The row under an item with its own discount: "  Discount 10 % (damaged)", "-0.35 EUR"."""
    label = "  " + QCoreApplication.translate("receipt", "Discount")
    if own.get("kind") == "percent":
        label += f" {_number(own.get('value') or '0')} %"
    if own.get("reason"):
        label += f" ({own['reason']})"
    return label, f"-{fmt.money(own['amount'], currency)}"


def _vat_rows(sale: Mapping[str, Any], currency: str) -> tuple[tuple[str, str, str, str], ...]:
    """The VAT breakdown, one row per rate: rate, net, VAT, gross."""
    vat = sale.get("vat") or []
    entries = vat.values() if isinstance(vat, Mapping) else vat
    return tuple(
        (
            f"{_number(entry.get('rate', '0'))} %",
            fmt.money(entry.get("net", "0"), currency),
            fmt.money(entry.get("vat", "0"), currency),
            fmt.money(entry.get("gross", "0"), currency),
        )
        for entry in entries
    )


def _basket_rows(sale: Mapping[str, Any], currency: str) -> list[tuple[str, str]]:
    """Subtotal, discount (with its reason) and tip, when the sale has them."""
    rows: list[tuple[str, str]] = []
    discount = sale.get("discount") or {}
    if isinstance(discount, Mapping) and _nonzero(discount.get("amount")):
        if sale.get("subtotal"):
            # What the lines come to after their own discounts: the sale discount's base.
            own = sum(
                (
                    Decimal(str(line["line_discount"].get("amount") or 0))
                    for line in sale.get("lines") or []
                    if isinstance(line.get("line_discount"), Mapping)
                ),
                Decimal(0),
            )
            rows.append(
                (
                    QCoreApplication.translate("receipt", "Subtotal"),
                    fmt.money(str(Decimal(str(sale["subtotal"])) - own), currency),
                )
            )
        text = f"-{fmt.money(discount['amount'], currency)}"
        if discount.get("reason"):
            text += f" ({discount['reason']})"
        rows.append((QCoreApplication.translate("receipt", "Discount"), text))
    tip = sale.get("tip") or {}
    if isinstance(tip, Mapping) and _nonzero(tip.get("amount")):
        rows.append(
            (QCoreApplication.translate("receipt", "Tip"), fmt.money(tip["amount"], currency))
        )
    return rows


def _number(text: Any) -> str:
    """A quantity or rate as few digits as it needs, in the shop's marks (``2``, ``7,5``)."""
    try:
        value = Decimal(str(text)).normalize()
    except InvalidOperation:
        return str(text)
    return decimal_text(format(value, "f"))


def _nonzero(value: Any) -> bool:
    try:
        return value is not None and float(value) != 0
    except (TypeError, ValueError):
        return False


class _Layout:
    """Where each part of a receipt goes, in points of a :data:`COLUMN`-wide column."""

    TITLE = 30.0
    HEADER = 14.0
    ROW = 20.0
    VAT = 16.0
    GAP = 6.0
    QR = 110.0
    FOOTER = 40.0

    @classmethod
    def height(cls, receipt: Receipt) -> float:
        h = cls.TITLE + cls.GAP + cls.HEADER * len(receipt.header)
        h += cls.TITLE + cls.GAP if receipt.banner else 0
        h += sum(cls.ROW * (2 if len(what) > ITEM_CHARS else 1) for what, _ in receipt.items)
        if receipt.items:
            h += 2 * cls.GAP
        if receipt.vat:
            h += cls.VAT * (len(receipt.vat) + 1) + cls.GAP
        h += sum(cls.ROW * (2 if len(value) > VALUE_CHARS else 1) for _, value in receipt.rows)
        h += 2 * cls.GAP + (cls.QR + cls.GAP if receipt.qr else 0) + cls.FOOTER
        return h


def paint_receipt(painter: QPainter, page: QRectF, receipt: Receipt) -> None:
    """Draw ``receipt`` at the top of ``page`` (device pixels), black on white."""
    scale = page.width() / COLUMN
    left, width = page.left(), page.width()
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
    painter.drawText(
        QRectF(left, y, width, _Layout.TITLE * scale), Qt.AlignmentFlag.AlignHCenter, receipt.title
    )
    y += (_Layout.TITLE + _Layout.GAP) * scale
    painter.setFont(small)
    for line in receipt.header:
        painter.drawText(
            QRectF(left, y, width, _Layout.HEADER * scale), Qt.AlignmentFlag.AlignHCenter, line
        )
        y += _Layout.HEADER * scale
    if receipt.banner:
        y += _Layout.GAP * scale
        painter.setFont(title)
        painter.drawText(
            QRectF(left, y, width, _Layout.TITLE * scale),
            Qt.AlignmentFlag.AlignHCenter,
            receipt.banner,
        )
        y += _Layout.TITLE * scale
    painter.setFont(body)
    row_h = _Layout.ROW * scale
    if receipt.items:
        for what, amount in receipt.items:
            lines = 2 if len(what) > ITEM_CHARS else 1
            painter.drawText(
                QRectF(left, y, width * 0.7, row_h * lines),
                int(Qt.TextFlag.TextWordWrap),
                what,
            )
            painter.drawText(
                QRectF(left + width * 0.7, y, width * 0.3, row_h),
                int(Qt.AlignmentFlag.AlignRight),
                amount,
            )
            y += row_h * lines
        y += _Layout.GAP * scale
        painter.drawLine(QLineF(left, y, page.right(), y))
        y += _Layout.GAP * scale
    if receipt.vat:
        painter.setFont(small)
        quarter = width / 4
        for row in (_vat_heading(), *receipt.vat):
            for i, cell in enumerate(row):
                painter.drawText(
                    QRectF(left + quarter * i, y, quarter, _Layout.VAT * scale),
                    int(Qt.AlignmentFlag.AlignRight if i else Qt.AlignmentFlag.AlignLeft),
                    cell,
                )
            y += _Layout.VAT * scale
        y += _Layout.GAP * scale
        painter.setFont(body)
    for label, value in receipt.rows:
        painter.drawText(QRectF(left, y, width * 0.35, row_h), 0, label)
        painter.drawText(
            QRectF(left + width * 0.35, y, width * 0.65, row_h * 2),
            int(Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap),
            value,
        )
        y += row_h * (2 if len(value) > VALUE_CHARS else 1)
    y += _Layout.GAP * scale
    painter.drawLine(QLineF(left, y, page.right(), y))
    y += _Layout.GAP * scale
    if receipt.qr:
        _paint_qr(
            painter,
            QRectF(
                left + (width - _Layout.QR * scale) / 2, y, _Layout.QR * scale, _Layout.QR * scale
            ),
            receipt.qr,
        )
        y += (_Layout.QR + _Layout.GAP) * scale
    painter.setFont(small)
    painter.drawText(
        QRectF(left, y, width, _Layout.FOOTER * scale),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWrapAnywhere),
        receipt.footer,
    )


def _paint_qr(painter: QPainter, box: QRectF, text: str) -> None:
    matrix = qr_matrix(text)
    cell = box.width() / len(matrix)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    QRectF(box.left() + c * cell, box.top() + r * cell, cell, cell),
                    Qt.GlobalColor.black,
                )


def column_mm(paper: str) -> float:
    """The printed column's width in mm on ``paper`` (a roll's width less its margins)."""
    if paper == "a4":
        return A4_COLUMN_MM
    return PAPER_MM.get(paper, float(RECEIPT_WIDTH_MM)) - 2 * MARGIN_MM


def receipt_height_mm(receipt: Receipt, paper: str = "80mm") -> float:
    """Page length that fits the receipt on a roll of ``paper``, margins included."""
    return _Layout.height(receipt) * column_mm(paper) / COLUMN + 2 * MARGIN_MM


def save_pdf(receipt: Receipt, path: Path | str, paper: str = "80mm") -> Path:
    """Write ``receipt`` as a one-page PDF on ``paper`` (a roll's width, or A4); returns the path.

    Uses no widget, so it can run off the GUI thread.
    """
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    if paper == "a4":
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    else:
        writer.setPageSize(
            QPageSize(
                QSizeF(PAPER_MM.get(paper, 80.0), receipt_height_mm(receipt, paper)),
                QPageSize.Unit.Millimeter,
            )
        )
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(receipt.footer)
    writer.setCreator("pos-app")
    painter = QPainter(writer)
    try:
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        width = min(rect.width(), round(column_mm(paper) / 25.4 * writer.resolution()))
        left = (rect.width() - width) / 2 if paper == "a4" else 0
        paint_receipt(painter, QRectF(left, 0, width, rect.height()), receipt)
    finally:
        painter.end()
    return path


def print_to(printer: Any, receipt: Receipt, paper: str = "80mm") -> bool:
    """Print ``receipt`` on a ``QPrinter`` in a column of ``paper``; False if it cannot start."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        width = min(rect.width(), round(column_mm(paper) / 25.4 * printer.resolution()))
        paint_receipt(painter, QRectF(0, 0, width, rect.height()), receipt)
    finally:
        painter.end()
    return True


def print_direct(receipt: Receipt, printer_name: str, paper: str = "80mm") -> bool:
    """Print on the named system printer without a dialog; False when it is missing or fails."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        log.warning("receipt printer %r is not installed", printer_name)
        return False
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if paper != "a4":
        printer.setPageSize(
            QPageSize(
                QSizeF(PAPER_MM.get(paper, 80.0), receipt_height_mm(receipt, paper)),
                QPageSize.Unit.Millimeter,
            )
        )
    return print_to(printer, receipt, paper)


def print_receipt(
    receipt: Receipt,
    parent: QWidget | None = None,
    on_done: Callable[[bool], Any] | None = None,
    paper: str = "80mm",
) -> QWidget:
    """Ask for a printer (non-blocking dialog) and print ``receipt`` when accepted.

    Args:
        receipt: what to print.
        parent: the dialog's parent window.
        paper: ``58mm``, ``80mm`` or ``a4`` (the column's width).
        on_done: called with True once printed, False when cancelled or the printer failed.

    Returns:
        The dialog (already open), so a caller or test can close it.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("receipt", "Print receipt"))

    def accepted() -> None:
        ok = print_to(printer, receipt, paper)
        if not ok:
            log.warning("printing the receipt failed to start on %s", printer.printerName())
        if on_done is not None:
            on_done(ok)

    dialog.accepted.connect(accepted)
    if on_done is not None:
        dialog.rejected.connect(lambda: on_done(False))
    QDialog.open(dialog)  # QPrintDialog.open() in PySide6 wants (receiver, slot): the base one
    return dialog
