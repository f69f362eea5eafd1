"""One sale in full: its fields, every payment offered for it, its request and change token.

Open with ``SaleDetailsDialog(ui, sale_id, parent).open()``: it loads the sale
off the GUI thread and follows changes to it while it is open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.sale_refund_dialog import SaleRefundDialog
from pos_app.ui.messages import error_line, reason_detail
from pos_app.ui.messages import reason as reason_text
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.receipt import ShopHeader
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.qr import QrView
from pos_app.ui.widgets.receipt_buttons import ReceiptButtons

PAYMENT_HEADERS = (
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "State"),
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "Method"),
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "Mint"),
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "Amount"),
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "Credited"),
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "Fees"),
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "Proof"),
    QT_TRANSLATE_NOOP("SaleDetailsDialog", "Problem"),
)


def _item(text: str, *, right: bool = False, color: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if color:
        item.setForeground(theme.qcolor(color))
    return item


class SaleDetailsDialog(QDialog):
    """Everything about one sale.

    Signals:
        loaded(): the sale was (re)loaded and shown.
    """

    loaded = Signal()

    def __init__(self, ui: UiContext, sale_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.sale_id = sale_id
        self.sale: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Sale {id}").format(id=sale_id[:8]))
        self.resize(1040, 720)

        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setProperty("role", "title")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.fields: dict[str, QLabel] = {}
        card = QFrame()
        card.setProperty("role", "card")
        form = QFormLayout(card)
        for key, label in self._field_labels():
            value = QLabel("—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.fields[key] = value
            form.addRow(label, value)

        self.payments = QTableWidget(0, len(PAYMENT_HEADERS))
        self.payments.setHorizontalHeaderLabels([self.tr(h) for h in PAYMENT_HEADERS])
        self.payments.verticalHeader().hide()
        self.payments.setWordWrap(True)
        self.payments.setMinimumHeight(140)
        self.payments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.payments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.payments.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(PAYMENT_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.no_payments = QLabel(self.tr("No token was offered for this sale."))
        self.no_payments.setProperty("role", "muted")

        self.request = QLineEdit()
        self.request.setReadOnly(True)
        copy_request = QPushButton(self.tr("Copy"))
        copy_request.clicked.connect(lambda: self._copy(self.request.text()))
        request_row = QHBoxLayout()
        request_row.addWidget(self.request, 1)
        request_row.addWidget(copy_request)

        self.change_box = QFrame()
        self.change_box.setProperty("role", "card")
        self.change_title = QLabel(self.tr("Change"))
        self.change_title.setStyleSheet("font-weight: 600;")
        self.change_title.setToolTip(self.tr("Hand this token back to the customer."))
        self.change_qr = QrView()
        self.change_qr.setFixedSize(240, 240)
        self.copy_change = QPushButton(self.tr("Copy change token"))
        self.copy_change.clicked.connect(lambda: self._copy(self.change_qr.text))
        change_layout = QVBoxLayout(self.change_box)
        change_layout.addWidget(self.change_title)
        change_layout.addWidget(self.change_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        change_layout.addWidget(self.copy_change)
        self.change_box.hide()

        top = QHBoxLayout()
        top.addWidget(card, 3)
        top.addWidget(self.change_box, 1)
        payments_title = QLabel(self.tr("Payments"))
        payments_title.setStyleSheet("font-weight: 600;")
        request_title = QLabel(self.tr("Payment request"))
        request_title.setStyleSheet("font-weight: 600;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Reprint: the receipt of a sale that took money, as the Sell page printed it.
        self.receipts = ReceiptButtons()
        self.receipts.failed.connect(self._failed)
        self.receipts.hide()
        # Reprint a refund's receipt: the refund chosen here.
        self.refund_choice = QComboBox()
        self.refund_choice.currentIndexChanged.connect(self._refund_chosen)
        self.refund_receipts = ReceiptButtons()
        self.refund_receipts.failed.connect(self._failed)
        self.refund_receipt_row = QWidget()
        refund_row = QHBoxLayout(self.refund_receipt_row)
        refund_row.setContentsMargins(0, 0, 0, 0)
        refund_row.addWidget(self.refund_choice, 1)
        refund_row.addWidget(self.refund_receipts)
        self.refund_receipt_row.hide()
        self._shop = ShopHeader()
        # A paid sale's refund (a cancelled one's is under Needs attention).
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setToolTip(self.tr("Give the customer money back as an ecash token."))
        self.refund_button.clicked.connect(self.open_refund)
        self.refund_button.hide()
        buttons.addButton(self.refund_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.check_claims_button = QPushButton(self.tr("Check refund claims"))
        self.check_claims_button.setToolTip(
            self.tr("Ask the mints whether the customer redeemed the refund tokens.")
        )
        self.check_claims_button.clicked.connect(self.check_claims)
        self.check_claims_button.hide()
        buttons.addButton(self.check_claims_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refund_dialog: SaleRefundDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addLayout(top, 0)
        layout.addWidget(payments_title)
        layout.addWidget(self.no_payments)
        layout.addWidget(self.payments, 1)
        layout.addWidget(request_title)
        layout.addLayout(request_row)
        layout.addWidget(self.receipts)
        layout.addWidget(self.refund_receipt_row)
        layout.addWidget(buttons)
        ui.bridge.sale_changed.connect(self._on_sale_changed)
        self.reload()

    def _field_labels(self) -> list[tuple[str, str]]:
        return [
            ("id", self.tr("Sale id")),
            ("amount", self.tr("Amount")),
            ("due", self.tr("Due")),
            ("paid", self.tr("Paid")),
            ("refund", self.tr("Refund")),
            ("rate", self.tr("Exchange rate")),
            ("memo", self.tr("Memo")),
            ("staff", self.tr("Staff")),
            ("created", self.tr("Created")),
            ("expires", self.tr("Expires")),
            ("paid_at", self.tr("Paid at")),
        ]

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the sale and its payments again."""

        async def load() -> tuple[dict[str, Any], dict[str, Any]]:
            return await self.ui.core.sales.show(self.sale_id), await self.ui.settings()

        spawn(load(), on_done=lambda got: self.show_sale(*got), on_error=self._failed)

    def _on_sale_changed(self, sale_id: str, *_args: object) -> None:
        if self.sale is not None and sale_id == self.sale["sale_id"]:
            self.reload()

    def _failed(self, err: PosError) -> None:
        self.error.setText(error_line(err))
        self.error.show()
        if self.sale is None:
            self.heading.setText(self.tr("Sale {id}").format(id=self.sale_id[:8]))

    def show_sale(self, sale: dict[str, Any], settings: dict[str, Any] | None = None) -> None:
        """Fill the dialog from ``core.sales.show()``'s answer (and the shop's settings)."""
        self.sale = sale
        self.error.hide()
        unit = sale["unit"]
        state = sale["state"]
        color = getattr(theme.colors(), fmt.STATE_COLORS.get(state, "text"))
        self.heading.setText(
            self.tr("Sale {id}").format(id=sale["sale_id"][:8])
            + f' — <span style="color:{color}">{fmt.state_label(state)}</span>'
        )
        advance = sale.get("fee_advance") or 0
        due = fmt.sats(sale["due"], unit)
        if advance:
            due += " " + self.tr("(includes {fee} fee advance)").format(fee=fmt.sats(advance, unit))
        rate = "—"
        if sale.get("rate"):
            rate = self.tr("1 BTC = {price}").format(
                price=fmt.money(sale["rate"], sale["currency"])
            )
            if sale.get("rate_source"):
                rate += f" ({sale['rate_source']})"
        paid = self.tr("{paid}, {remaining} remaining").format(
            paid=fmt.sats(sale["paid"], unit), remaining=fmt.sats(sale["remaining"], unit)
        )
        by_mint = sale.get("paid_by_mint") or []
        if len(by_mint) > 1:  # tokens from several mints: what each one paid
            paid += " (" + ", ".join(
                f"{fmt.short_mint(m['mint'])} {fmt.sats(m['credited'], m['unit'])}"
                for m in by_mint
            ) + ")"  # fmt: skip
        values = {
            "id": sale["sale_id"],
            "amount": fmt.money(sale["amount"], sale["currency"]),
            "due": due,
            "paid": paid,
            "refund": self._refund_text(sale),
            "rate": rate,
            "memo": sale.get("memo") or "—",
            "staff": sale.get("staff") or "—",
            "created": fmt.when(sale["created_at"]),
            "expires": fmt.when(sale["expires_at"]),
            "paid_at": fmt.when(sale.get("paid_at")),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        self._show_payments(sale.get("payments") or [], unit)
        self.request.setText(sale.get("payment_request") or "")
        self.request.setCursorPosition(0)
        self._show_change(sale.get("change_token"))
        header = (
            ShopHeader.from_settings(settings, training=self.ui.core.training)
            if settings
            else self.receipts.shop
        )
        self.receipts.set_sale(sale if sale.get("paid") else None, header)
        self.receipts.setVisible(bool(sale.get("paid")))
        self._shop = header
        self._show_refund_choice(sale)
        self.refund_button.setVisible(state == "paid" and int(sale.get("refundable") or 0) > 0)
        self.check_claims_button.setVisible(
            any(r.get("export_id") for r in sale.get("refunds") or [])
        )
        self.loaded.emit()

    def _given_refunds(self, sale: dict[str, Any]) -> list[dict[str, Any]]:
        return [r for r in sale.get("refunds") or [] if r.get("state") == "done"]

    def _show_refund_choice(self, sale: dict[str, Any]) -> None:
        """One entry per refund given; its receipt prints with the buttons beside."""
        given = self._given_refunds(sale)
        self.refund_choice.blockSignals(True)
        self.refund_choice.clear()
        for r in given:
            self.refund_choice.addItem(
                self.tr("Refund {when}: {amount}").format(
                    when=fmt.when(r["created_at"]), amount=fmt.sats(r["amount"], r["unit"])
                ),
                r["refund_id"],
            )
        self.refund_choice.setCurrentIndex(len(given) - 1)  # the latest
        self.refund_choice.blockSignals(False)
        self.refund_receipt_row.setVisible(bool(given))
        self._refund_chosen()

    def _refund_chosen(self, *_args: object) -> None:
        if self.sale is None:
            return
        chosen = self.refund_choice.currentData()
        for r in self._given_refunds(self.sale):
            if r["refund_id"] == chosen:
                self.refund_receipts.set_refund(r, self.sale, self._shop)

    def _show_payments(self, payments: list[dict[str, Any]], unit: str) -> None:
        self.payments.setRowCount(len(payments))
        for row, p in enumerate(payments):
            method = {
                "swap": self.tr("Redeemed"),
                "melt": self.tr("Lightning"),
                "convert": self.tr("Converted"),
            }.get(p.get("method") or "", "—")
            proof = {
                "proven": self.tr("Proven"),
                "verified": self.tr("Verified"),
                "unproven": self.tr("Not proven"),
                "mismatch": self.tr("Does not match"),
            }.get(p.get("proof") or "", "—")
            if p.get("offline"):
                method += " " + self.tr("(offline)")
            # The catalogue's words for the code, as on the Sell page; the core's text otherwise.
            error = reason_text(p.get("error_code"), p.get("error")) if p.get("error_code") else ""
            error = error or p.get("error") or ""
            detail = reason_detail(p.get("error_code"), p.get("error")) or error
            cells = [
                _item(fmt.state_label(p["state"]), color=fmt.STATE_COLORS.get(p["state"])),
                _item(method),
                _item(fmt.short_mint(p.get("mint"))),
                _item(fmt.sats(p["amount"], unit), right=True),
                _item(fmt.sats(p["credited"], unit), right=True),
                _item(fmt.sats(p["fee"], unit), right=True),
                _item(proof),
                _item(error),
            ]
            cells[2].setToolTip(p.get("mint") or "")
            cells[5].setToolTip(
                self.tr("Mint fee {mint}, Lightning fee {ln}").format(
                    mint=fmt.sats(p["mint_fee"], unit), ln=fmt.sats(p["lightning_fee"], unit)
                )
            )
            cells[7].setToolTip(detail)
            for column, cell in enumerate(cells):
                self.payments.setItem(row, column, cell)
        self.payments.resizeRowsToContents()
        self.no_payments.setVisible(not payments)
        self.payments.setVisible(bool(payments))

    def open_refund(self) -> None:
        """The refund dialog of this paid sale (amount, reason, confirmation, token)."""
        if self.sale is None:
            return
        self.refund_dialog = SaleRefundDialog(self.ui, self.sale, self)
        self.refund_dialog.refunded.connect(lambda _result: self.reload())
        self.refund_dialog.open()

    def check_claims(self) -> None:
        """Ask the mints (NUT-07) whether the refund tokens were claimed, then show them."""
        self.check_claims_button.setEnabled(False)

        def shown(_refunds: object) -> None:
            self.check_claims_button.setEnabled(True)
            self.reload()

        def failed(err: PosError) -> None:
            self.check_claims_button.setEnabled(True)
            self._failed(err)

        spawn(self.ui.core.sales.refunds.check_claims(self.sale_id), on_done=shown, on_error=failed)

    def _refund_text(self, sale: dict[str, Any]) -> str:
        unit = sale["unit"]
        refunds = [r for r in sale.get("refunds") or [] if r.get("state") != "failed"]
        if sale.get("state") == "paid" and refunds:
            lines = [
                self.tr("{state}: {amount} of {took} given back").format(
                    state=fmt.state_label(sale.get("refund_state") or "partially_refunded"),
                    amount=fmt.sats(sale.get("refund_amount") or 0, unit),
                    took=fmt.sats((sale.get("refund_amount") or 0) + sale["refundable"], unit),
                )
            ]
            for r in refunds:
                claim = fmt.state_label(r.get("claim_state") or r["state"])
                lines.append(
                    self.tr("{when}: {amount}, {claim}{reason}").format(
                        when=fmt.when(r["created_at"]),
                        amount=fmt.sats(r["amount"], unit),
                        claim=claim,
                        reason=f" — {r['reason']}" if r.get("reason") else "",
                    )
                )
            return "\n".join(lines)
        if sale.get("refund_owed"):
            return self.tr("{amount} owed to the customer (see Needs attention)").format(
                amount=fmt.sats(sale["refund_owed"], unit)
            )
        if not sale.get("refunded_at"):
            return "—"
        amount = fmt.sats(sale.get("refund_amount") or 0, unit)
        when = fmt.when(sale["refunded_at"])
        if sale.get("refund_token"):
            return self.tr("{amount} given back as a token, {when}").format(
                amount=amount, when=when
            )
        return self.tr("{amount} given back otherwise, {when}: {note}").format(
            amount=amount, when=when, note=sale.get("refund_note") or ""
        )

    def _show_change(self, token: str | None) -> None:
        if not token:
            self.change_box.hide()
            self.change_qr.clear()
            return
        try:
            amount = fmt.sats(parse_token(token).amount)
            self.change_title.setText(self.tr("Change: {amount}").format(amount=amount))
        except PosError:
            self.change_title.setText(self.tr("Change"))
        if self.change_qr.text != token:
            self.change_qr.set_text(token)
        self.change_box.show()

    def _copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)

    def done(self, result: int) -> None:
        """Stop following the sale and the QR animation when the dialog closes."""
        self.change_qr.clear()
        if self.refund_dialog is not None:
            self.refund_dialog.close()
        try:
            self.ui.bridge.sale_changed.disconnect(self._on_sale_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
