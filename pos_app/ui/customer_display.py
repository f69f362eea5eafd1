"""The customer display: a second window, facing the customer, that mirrors the sale.

It shows the amount (in the shop currency and in sats), the payment request QR,
and where the payment stands, in the customer's words ("Paid, thank you"). It is
a plain top-level widget: the Sell page creates it, places it on the screen the
``display.customer_screen`` setting names, and tells it what changed. It knows
nothing of the core.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.ui import theme
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.widgets.qr import QrView
from pos_app.ui.widgets.spinner import Spinner
from pos_app.ui.widgets.status_panel import STATE_COLORS
from pos_app.ui.widgets.tip_chooser import TipChooser
from pos_app.ui.widgets.training_band import training_band

log = logging.getLogger(__name__)


def pick_screen(index: int) -> object | None:
    """The screen for a ``display.customer_screen`` value (-1 or out of range: None)."""
    screens = QGuiApplication.screens()
    if index < 0:
        return None
    if index >= len(screens):
        log.warning("customer display: screen %d does not exist (%d screens)", index, len(screens))
        return None
    return screens[index]


class CustomerDisplay(QWidget):
    """Amount, QR and status in large type for the customer.

    States (:meth:`set_state`): ``idle``, ``waiting``, ``processing``, ``paid``,
    ``partial``, ``refused``, ``offline``, ``review``, ``expired``, ``cancelled``.
    """

    def __init__(self, parent: QWidget | None = None, *, training: bool = False) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Customer display"))
        self.training = training
        self.setObjectName("customer-display")
        self.state = "idle"
        self._request = ""
        self.amount = QLabel()
        self.amount.setObjectName("customer-amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount.setStyleSheet("font-size: 64pt; font-weight: 700;")
        self.sats = QLabel()
        self.sats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sats.setStyleSheet("font-size: 24pt;")
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("font-size: 22pt; font-weight: 600;")
        self.qr = QrView()
        self.qr.setMinimumSize(300, 300)
        self.spinner = Spinner(64)
        self.spinner.hide()
        self.lines = QLabel()  # the basket as it grows
        self.lines.setObjectName("customer-lines")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines.setStyleSheet("font-size: 20pt;")
        self.lines.setWordWrap(True)
        self.tips = TipChooser(other=False)  # the customer taps here; the Sell page listens
        self.tips.hide()
        self.status = QLabel()
        self.status.setObjectName("customer-status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(12)
        self.mark = QLabel("\u2714")  # ✔ when paid without change
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if training:  # the customer must not take a practice request for a real one
            layout.addWidget(
                training_band(self.tr("TRAINING - practice only, do not pay"), size_pt=22)
            )
        layout.addStretch(1)  # with the QR hidden, the words gather in the middle
        layout.addWidget(self.lines)
        layout.addWidget(self.tips, 4)
        layout.addWidget(self.amount)
        layout.addWidget(self.sats)
        layout.addWidget(self.caption)
        layout.addWidget(self.qr, 8)
        layout.addWidget(self.mark)
        layout.addWidget(self.spinner, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.resize(720, 900)
        self.set_state("idle")

    # -- placement ----------------------------------------------------------------------------

    def place_on(self, index: int) -> bool:
        """Show full screen on screen ``index``; returns False (and hides) when there is none."""
        screen = pick_screen(index)
        if screen is None:
            self.hide()
            return False
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the animation timers with the window."""
        self.qr.clear()
        self.spinner.stop()
        super().closeEvent(event)

    # -- content ------------------------------------------------------------------------------

    def show_sale(self, amount: str, currency: str, due: int, request: str) -> None:
        """A new sale: its amount, its sats and its payment request QR."""
        self.amount.setText(fmt.money(amount, currency))
        self.sats.setText("" if currency == "sat" else fmt.sats(due))
        self._request = request
        self.set_state("waiting")

    def show_basket(self, figures: dict[str, Any] | None) -> None:
        """The basket's lines and total while the cashier adds them (None: empty, welcome)."""
        if not figures:
            self.lines.setText("")
            self.set_state("idle")
            return
        currency = figures["currency"]
        self.lines.setText(
            "\n".join(
                f"{ln['quantity']} x {ln['name']}   {fmt.money(ln['gross'], currency)}"
                for ln in figures["lines"]
            )
        )
        self.amount.setText(fmt.money(figures["total"], currency))
        self.sats.setText("")
        self._request = ""
        self.set_state("basket")

    def offer_tip(self, total: str, currency: str, presets: list[tuple[Any, str]]) -> None:
        """Ask the customer for a tip (the Sell page hears ``tips.chosen``)."""
        self.tips.offer(total, currency, presets)
        self._request = ""
        self.set_state("tip")

    def set_state(self, state: str, *, remaining: int = 0, change: str | None = None) -> None:
        """Show where the payment stands, in the customer's words."""
        self.state = state
        request = self._request
        words = {
            "idle": self.tr("Welcome"),
            "basket": self.tr("Your basket"),
            "waiting": self.tr("Scan with your Cashu wallet, or show your token to the camera."),
            "processing": self.tr("Checking your payment…"),
            "paid": self.tr("Paid, thank you"),
            "partial": self.tr("Thank you. {left} still to pay: please show another token."),
            "refused": self.tr("This token was not accepted. Please show another one."),
            "offline": self.tr("Your token was received. The shop confirms it shortly."),
            "review": self.tr("Please wait: the cashier is checking your payment."),
            "failed": self.tr("Your token could not be redeemed. Please pay again."),
            "expired": self.tr("This price has expired. The cashier starts a new sale."),
            "cancelled": self.tr("Welcome"),
        }
        text = words.get(state, "").format(left=fmt.sats(remaining))
        self.lines.setVisible(state == "basket")
        self.tips.setVisible(state == "tip")
        shows_amount = state not in ("idle", "cancelled", "tip")
        self.amount.setVisible(shows_amount)
        self.sats.setVisible(shows_amount and bool(self.sats.text()))
        self.caption.setText("")
        if state == "paid" and change:
            self.qr.set_text(change)
            self.caption.setText(self.tr("Your change: scan it with your wallet"))
        elif state in ("waiting", "refused", "processing") and request:
            self.qr.set_text(request)
        else:
            self.qr.clear()
        self.qr.setVisible(bool(self.qr.text))
        self.caption.setVisible(bool(self.caption.text()))
        self.mark.setVisible(state == "paid" and not change)
        if state == "processing":
            self.spinner.start()
        else:
            self.spinner.stop()
        color = getattr(theme.colors(), STATE_COLORS.get(state, "info"), theme.colors().text)
        big = 44 if state in ("paid", "idle", "cancelled") else 26
        self.status.setStyleSheet(f"font-size: {big}pt; font-weight: 700; color: {color};")
        self.mark.setStyleSheet(f"font-size: 120pt; color: {color};")
        self.status.setText(text)
