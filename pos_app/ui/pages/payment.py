"""The payment view of the Sell page: one sale, from its request QR to "Paid".

States (:attr:`PaymentView.state`), each with its own colour, words and keys:

``waiting``     the request QR and the camera; a token may come in.
``processing``  a token was read: spinner; new reads are ignored until the answer.
``partial``     part was paid: what remains; the next token may come in.
``refused``     the reason in plain words and what to do next; the next token may come in.
``offline``     the mint failed mid-payment: the token is kept and retried automatically, but
                it is not confirmed (the goods are at the shop's risk until it is).
``failed``      such a token could not be redeemed later (spent elsewhere): the sale is unpaid.
``review``      the money moved but the owner must check it.
``paid``        large confirmation, change QR if any, sound, receipt; Enter: new sale.
``expired``     the rate lock ran out; Enter: a new sale for the same amount.

The view also follows the core's events (``sale_changed``/``sale_paid``/
``payment_rejected``) for its sale, so a payment that recovery settles later turns the
screen to paid, and one that recovery gives up on turns it to failed; a payment taken
elsewhere (the API, a wallet posting to the request) turns it to partial or paid.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.payments.records import PayResult
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import Advice, explain, explain_error, known, recovering_advice
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.receipt import ShopHeader
from pos_app.ui.sound import Chime
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.countdown import Countdown
from pos_app.ui.widgets.mint_banner import MintOfflineBanner
from pos_app.ui.widgets.receipt_buttons import ReceiptButtons
from pos_app.ui.widgets.sale_code import SaleCode
from pos_app.ui.widgets.scan_panel import ScanPanel
from pos_app.ui.widgets.status_panel import StatusPanel

ACCEPTING = ("waiting", "partial", "refused")  # states in which a token may come in
FINAL = ("paid", "offline", "review", "failed", "expired")


class PaymentView(QWidget):
    """Takes the customer's tokens for one sale.

    Signals:
        done(): back to the keypad (after paid, or a cancelled sale).
        renew(str, str): a new sale for this amount and memo (the old one expired).
        state_changed(str, object): the new state and its facts (remaining, change token)
            for the customer display.
    """

    done = Signal()
    renew = Signal(str, str)
    state_changed = Signal(str, object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sale: dict[str, Any] = {}
        self.state = ""
        self.advice: Advice | None = None
        self.result: PayResult | None = None
        self._offered: set[str] = set()  # tokens already offered for this sale
        self._confirm_cancel = False
        self.chime = Chime(parent=self)

        self.amount = QLabel()
        self.amount.setObjectName("pay-amount")
        self.amount.setStyleSheet("font-size: 34pt; font-weight: 700;")
        self.sats = QLabel()
        self.sats.setStyleSheet("font-size: 18pt;")
        self.countdown = Countdown()
        font = self.countdown.font()
        font.setPointSize(16)
        self.countdown.setFont(font)
        self.countdown.expired.connect(self._on_expired)
        self.status = StatusPanel()
        self.mint_banner = MintOfflineBanner(ui)
        self.code = SaleCode()
        self.scan = ScanPanel(ui)
        self.scan.token.connect(self.submit_token)

        self.cancel_button = self._button(self.tr("Cancel sale  Esc"), self._escape)
        self.receipts = ReceiptButtons()
        self.receipts.failed.connect(self.ui.report)
        self.new_button = self._button(self.tr("New sale  \u23ce"), self._enter)
        self.new_button.setProperty("role", "primary")
        theme.set_icon(self.new_button, "plus", size=28)
        self.new_button.setMinimumHeight(64)
        self.new_button.setStyleSheet("font-size: 18pt;")

        head = QHBoxLayout()
        head.addWidget(self.amount)
        head.addSpacing(16)
        head.addWidget(self.sats, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)
        head.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignBottom)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.code, 5)
        body.addWidget(self.scan, 6)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.receipts)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.mint_banner)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        ui.bridge.sale_changed.connect(self._on_sale_changed)
        ui.bridge.sale_paid.connect(self._on_sale_paid)
        ui.bridge.payment_rejected.connect(self._on_payment_rejected)

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the view keeps the keys
        button.setMinimumHeight(56)
        button.clicked.connect(slot)
        return button

    # -- the sale -----------------------------------------------------------------------------

    @property
    def sale_id(self) -> str:
        """The current sale's id ("" when none)."""
        return str(self.sale.get("sale_id", ""))

    def start(self, sale: dict[str, Any]) -> None:
        """Show ``sale`` (as ``sales.new_sale`` returns it) and start taking tokens."""
        self.mint_banner.hide()
        self.sale = dict(sale)
        self.receipts.set_sale(None)
        self.result = None
        self._offered.clear()
        self._confirm_cancel = False
        currency = sale["currency"]
        self.amount.setText(fmt.money(sale["amount"], currency))
        self.sats.setText("" if currency == "sat" else fmt.sats(int(sale["due"])))
        self.countdown.start(float(sale["expires_at"]))
        self.scan.start()
        self._set_state("waiting")
        self.setFocus()

    def stop(self) -> None:
        """Leave the sale: stop the camera, the countdown and the QR animation."""
        self.scan.stop()
        self.countdown.stop()
        self.code.show_note("")
        self.state = ""

    def shutdown(self) -> None:
        """The window closes: stop the camera threads now."""
        self.countdown.stop()
        self.code.show_note("")
        self.scan.shutdown()

    # -- tokens -------------------------------------------------------------------------------

    def submit_token(self, text: str, source: str = "paste") -> bool:
        """Offer a token for the sale; returns False when it is ignored.

        Reads are ignored while a token is being processed and once the sale is settled;
        a token already offered for this sale is not offered again by the scanner (a
        looping video or a phone held still would repeat it), only by an explicit paste.
        """
        if self.state not in ACCEPTING:
            return False
        if source == "scan" and text in self._offered:
            self.scan.show_hint(self.tr("This token was already read for this sale."))
            return False
        self._offered.add(text)
        self._set_state("processing")
        self.mint_banner.check(text)
        sale_id = self.sale_id
        spawn(
            self.ui.core.sales.pay(sale_id, text, source=source),
            on_done=lambda r: self._on_result(sale_id, r),
            on_error=lambda e: self._on_error(sale_id, e),
        )
        return True

    def _on_result(self, sale_id: str, result: PayResult) -> None:
        if sale_id != self.sale_id or self.state != "processing":
            return  # an answer for a sale no longer shown
        self.result = result
        self.sale.update(state=result.state, paid=result.paid, due=result.due)
        payment = result.payment.get("state")
        if result.state == "paid":
            self._show_paid(result.change_token, offline=bool(result.payment.get("offline")))
        elif payment == "recovering":
            self.advice = recovering_advice(result.payment.get("error_code"))
            self._set_state("offline")
        elif payment == "needs_review":
            code = result.payment.get("error_code")
            self.advice = (  # the catalogue's words, as Activity and the notification say it
                explain(code)
                if known(code)
                else Advice(self.tr("Needs review"), result.message, "needs_review")
            )
            self._set_state("review")
        elif result.state == "partially_paid":
            self._set_state("partial")
        else:
            self._set_state("waiting")

    def _on_error(self, sale_id: str, err: PosError) -> None:
        if sale_id != self.sale_id or self.state != "processing":
            return
        if err.code == "sale.expired":
            self._set_state("expired")
            return
        self.advice = explain_error(err)
        self._set_state("refused")

    # -- core events --------------------------------------------------------------------------

    def _on_sale_changed(self, sale_id: str, state: str, paid: int, due: int) -> None:
        if sale_id != self.sale_id or self.state in ("", "processing", "paid"):
            return  # while processing, pay()'s own answer tells the whole story
        before = self.sale.get("paid")
        self.sale.update(state=state, paid=paid, due=due)
        if state == "paid":
            spawn(self.ui.core.sales.show(sale_id), on_done=self._paid_from_event)
        elif state == "partially_paid" and self.state in ("offline", *ACCEPTING):
            # Recovery finished a payment, or a wallet paid part over the network (NUT-18
            # post): the rest is shown as after a scan. Only when more came in: a scan's
            # own answer may have shown it already, and a refusal's words stay.
            if self.state == "offline" or paid != before:
                self._set_state("partial")
        elif state == "expired" and self.state in ACCEPTING:
            self._set_state("expired")

    def _on_payment_rejected(self, sale_id: str, code: str, message: str) -> None:
        # Only a payment left unconfirmed can fail after its answer: recovery gave up on it.
        if sale_id == self.sale_id and self.state == "offline":
            self.advice = Advice(self.tr("Payment failed: not paid"), message, code)
            self._set_state("failed")

    def _on_sale_paid(self, sale_id: str, _amount: int, _unit: str, change: object) -> None:
        if sale_id == self.sale_id and self.state not in ("", "processing", "paid"):
            self._show_paid(change if isinstance(change, str) else None)

    def _paid_from_event(self, sale: dict[str, Any]) -> None:
        if sale["sale_id"] == self.sale_id and self.state not in ("", "processing", "paid"):
            self._show_paid(sale.get("change_token"))

    def _on_expired(self) -> None:
        if self.state in ("waiting", "refused") and not self.sale.get("paid"):
            self._set_state("expired")
            # Reading the sale marks it expired in the database (a second later, so the
            # core's clock is past the deadline too).
            sale_id = self.sale_id
            spawn(_later(1.1, lambda: self.ui.core.sales.show(sale_id)))

    # -- states -------------------------------------------------------------------------------

    def _show_paid(self, change: str | None, offline: bool = False) -> None:
        self.sale["state"] = "paid"
        self._set_state("paid", change=change, offline=offline)
        self.chime.play()
        sale_id = self.sale_id

        async def detail() -> tuple[dict[str, Any], ShopHeader]:
            values = await self.ui.settings()
            return await self.ui.core.sales.show(sale_id), ShopHeader.from_settings(
                values, training=self.ui.core.training
            )

        spawn(detail(), on_done=lambda got: self._got_detail(*got))

    def _got_detail(self, detail: dict[str, Any], shop: ShopHeader | str = "") -> None:
        if detail["sale_id"] == self.sale_id and self.state == "paid":
            self.receipts.set_sale(detail, shop)

    def _set_state(self, state: str, *, change: str | None = None, offline: bool = False) -> None:
        self.state = state
        self._confirm_cancel = False
        due, paid = int(self.sale.get("due", 0)), int(self.sale.get("paid", 0))
        left = max(0, due - paid)
        if state == "waiting":
            self.status.set_state(
                state,
                self.tr("Waiting for payment"),
                self.tr("Show the customer the code, or hold their token up to the camera."),
            )
        elif state == "processing":
            self.status.set_state(
                state, self.tr("Checking the token…"), self.tr("Please wait a moment.")
            )
        elif state == "partial":
            self.status.set_state(
                state,
                self.tr("Partially paid: {left} to go").format(left=fmt.sats(left)),
                self.tr("{paid} received. Scan the next token for the rest.").format(
                    paid=fmt.sats(paid)
                ),
            )
        elif state == "refused" and self.advice is not None:
            text = self.advice.text
            if paid:
                text += " " + self.tr("Still to pay: {left}.").format(left=fmt.sats(left))
            self.status.set_state(state, self.advice.title, text)
        elif state in ("offline", "review", "failed") and self.advice is not None:
            self.status.set_state(state, self.advice.title, self.advice.text)
        elif state == "paid":
            words = self._paid_words(paid, change)
            if offline:
                words += " " + self.tr("Accepted offline: it is redeemed when the mint is back.")
            self.status.set_state(state, self.tr("Paid"), words)
        elif state == "expired":
            self.status.set_state(
                state,
                self.tr("Sale expired"),
                self.tr("The price lock ran out. Press Enter for a new sale of the same amount."),
            )
        self._update_code(state, paid, left, change)
        if state in FINAL:
            self.scan.stop()
            self.countdown.stop(self.tr("Price lock ended") if state == "expired" else "")
        self.scan.set_accepting(state in ACCEPTING)
        self.cancel_button.setText(
            self.tr("Back  Esc") if state in FINAL else self.tr("Cancel sale  Esc")
        )
        self.new_button.setVisible(state in FINAL)
        self.new_button.setText(
            self.tr("New sale, same amount  \u23ce")
            if state == "expired"
            else self.tr("New sale  \u23ce")
        )
        self.receipts.setVisible(state == "paid")
        self.state_changed.emit(state, {"remaining": left, "change": change})

    def _paid_words(self, paid: int, change: str | None) -> str:
        """What was paid, in the shop currency and sat, and the change to hand back."""
        currency = str(self.sale.get("currency", "sat"))
        due = int(self.sale.get("due", 0))
        rate = self.sale.get("rate")
        if currency == "sat":
            words = self.tr("{price} paid.").format(price=fmt.sats(due))
        else:
            words = self.tr("{price} paid ({sats}).").format(
                price=fmt.money(str(self.sale.get("amount", "0")), currency), sats=fmt.sats(due)
            )
        payment = self.result.payment if self.result is not None else {}
        if payment.get("method") in ("melt", "convert") and payment.get("fee"):
            # A token of another mint was converted: what its fees cost the shop.
            words += " " + self.tr("Converting it cost {fee} in fees.").format(
                fee=fmt.sats(int(payment["fee"]))
            )
        over = paid - due
        if over <= 0:
            return words
        fiat = fmt.fiat_of(over, rate, currency)
        change_text = f"{fmt.sats(over)} ({fiat})" if fiat else fmt.sats(over)
        if change:
            more = self.tr(
                "The customer gave {given}: change {change}. Let them scan the change code."
            )
        else:
            more = self.tr("The customer gave {given}: {change} over, kept by the shop.")
        return f"{words} {more.format(given=fmt.sats(paid), change=change_text)}"

    def _update_code(self, state: str, paid: int, left: int, change: str | None) -> None:
        """The left column: the request QR, the change QR, or large words."""
        if state == "paid" and change:
            self.code.show_change(change, fmt.sats(max(0, paid - int(self.sale["due"]))))
        elif state == "paid":
            self.code.show_note(self.tr("{paid}\nreceived").format(paid=fmt.sats(paid)), "ok")
        elif state == "offline":
            self.code.show_note(self.tr("Not confirmed yet.\nGoods at the shop's risk."), "warn")
        elif state == "failed":
            self.code.show_note(self.tr("Not paid.\nAsk for another payment."), "bad")
        elif state == "review":
            self.code.show_note(self.tr("Tell the owner."), "warn")
        elif state == "expired":
            amount = self.amount.text()
            self.code.show_note(
                self.tr("Enter: a new sale\nof {amount}").format(amount=amount), "muted"
            )
        elif paid:  # part paid: the request asks for the whole amount, so show the rest
            self.code.show_note(self.tr("Still to pay\n{left}").format(left=fmt.sats(left)))
        else:
            self.code.show_request(
                self.sale["payment_request"], self.sale["payment_request_bech32"]
            )
        self.scan.setVisible(state not in FINAL)

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter: new sale (when settled); Esc: cancel or back; Ctrl+V: pay a pasted token."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter()
        elif event.key() == Qt.Key.Key_Escape:
            self._escape()
        elif event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text().strip()
            if text:
                self.submit_token(text, "paste")
        elif (
            event.key() == Qt.Key.Key_R and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.code.toggle_format()
        else:
            super().keyPressEvent(event)

    def _enter(self) -> None:
        if self.state == "expired":
            self.renew.emit(str(self.sale["amount"]), self.sale.get("memo") or "")
        elif self.state in FINAL:
            self.done.emit()

    def _escape(self) -> None:
        if self.state in FINAL or not self.state:
            self.done.emit()
            return
        if self.state == "processing":
            return  # the token is with the mint: wait for the answer
        paid = int(self.sale.get("paid", 0))
        if paid and not self._confirm_cancel:
            self._confirm_cancel = True
            self.scan.show_hint(
                self.tr(
                    "{paid} was already paid. Press Esc again to cancel the sale; the refund "
                    "is then listed under Needs attention in Activity."
                ).format(paid=fmt.sats(paid)),
                "bad",
            )
            return
        sale_id = self.sale_id
        self.stop()
        spawn(self.ui.core.sales.cancel(sale_id), on_error=self.ui.report)
        self.done.emit()


async def _later(seconds: float, make: Callable[[], Awaitable[Any]]) -> Any:
    await asyncio.sleep(seconds)
    return await make()
