"""The amount keypad: digits from the keyboard or the screen, the amount in currency and sats.

Keyboard first: digits, Backspace, ``.`` or ``,`` (fiat only), Enter charges, Esc
clears (Delete too). The on-screen keys never take the focus, so typing goes on
after a tap. The sat estimate of a fiat amount is only an estimate: the sale locks
its own rate when it is created.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.core import formatting
from pos_app.core.errors import PosError
from pos_app.core.payments.rates import Rate, fiat_to_sat
from pos_app.ui import theme
from pos_app.ui.models import sale_format as fmt

MAX_WHOLE_DIGITS = 12
FIAT_DECIMALS = 2
SEPARATORS = (".", ",")


def format_amount(text: str) -> str:
    """The typed amount with the locale's marks (``1234.5`` → ``1,234.5``), as typed so far."""
    whole, dot, frac = (text or "0").partition(".")
    return f"{fmt.group(whole or '0')}{formatting.current().decimal if dot else ''}{frac}"


class Keypad(QWidget):
    """Amount entry for a sale.

    Signals:
        charge(str, str): the amount text (``.`` as separator) and the memo; Enter or Charge.
    """

    charge = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.changed().connect(self._refresh)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._text = ""
        self.currency = "sat"
        self.can_charge_empty: Callable[[], bool] = lambda: False
        self._rate: Rate | None = None
        self._rate_note = ""
        self._advance = 0
        self._busy = False

        self.amount_label = QLabel()
        self.amount_label.setObjectName("keypad-amount")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount_label.setStyleSheet(f"font-size: {theme.TYPE.display}pt; font-weight: 700;")
        self.sats_label = QLabel()
        self.sats_label.setObjectName("keypad-sats")
        self.sats_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.sats_label.setStyleSheet(f"font-size: {theme.TYPE.subtitle + 3}pt;")
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"font-size: {theme.TYPE.body_large}pt;")
        self.error_label.hide()
        self.memo = QLineEdit()
        self.memo.setPlaceholderText(self.tr("Memo (optional)"))
        self.memo.setMaxLength(200)
        self.memo.setMinimumHeight(48)
        self.memo.installEventFilter(self)

        grid = QGridLayout()
        grid.setSpacing(10)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "\u232b"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = self._key_button(key)
            grid.addWidget(button, index // 3, index % 3)
        self.buttons["."].setText(formatting.current().decimal)  # the mark the amount shows
        self.clear_button = self._key_button("C")
        self.clear_button.setToolTip(self.tr("Clear (Esc)"))
        self.charge_button = QPushButton(self.tr("Charge  \u23ce"))
        self.charge_button.setObjectName("charge")
        self.charge_button.setProperty("role", "primary")
        theme.set_icon(self.charge_button, "qrcode", size=28)
        self.charge_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.charge_button.setMinimumHeight(84)
        self.charge_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.charge_button.setStyleSheet("font-size: 24pt;")
        self.charge_button.clicked.connect(self.submit)
        grid.addWidget(self.clear_button, 4, 0)
        grid.addWidget(self.charge_button, 4, 1, 1, 2)

        display = QVBoxLayout()
        display.setSpacing(6)
        display.addStretch(1)
        display.addWidget(self.amount_label)
        display.addWidget(self.sats_label)
        display.addWidget(self.error_label)
        display.addSpacing(12)
        display.addWidget(self.memo)
        display.addStretch(1)
        pad = QWidget()
        pad.setLayout(grid)
        pad.setMaximumWidth(520)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 24, 24, 24)
        row.setSpacing(32)
        row.addLayout(display, 1)
        row.addWidget(pad, 1)
        self._refresh()

    def _key_button(self, key: str) -> QPushButton:
        button = QPushButton(key)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes on after a tap
        button.setMinimumSize(96, 76)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setStyleSheet("font-size: 26pt; font-weight: 600;")
        button.setObjectName(f"key-{key}")
        button.clicked.connect(lambda _=False, k=key: self.press(k))
        self.buttons[key] = button
        return button

    # -- state --------------------------------------------------------------------------------

    @property
    def amount_text(self) -> str:
        """What was typed, with ``.`` as the decimal separator ("" when nothing)."""
        return self._text

    @property
    def has_amount(self) -> bool:
        """True when the typed amount is more than zero."""
        return any(c in "123456789" for c in self._text)

    @property
    def fiat(self) -> bool:
        """True when the shop prices in a currency other than sat."""
        return self.currency != "sat"

    def set_currency(self, currency: str) -> None:
        """The shop currency (``sat`` or an ISO code); clears decimals sat cannot have."""
        self.currency = currency
        if not self.fiat and "." in self._text:
            self._text = self._text.partition(".")[0]
        self.buttons["."].setEnabled(self.fiat)
        self._refresh()

    def set_rate(self, rate: Rate | None, note: str = "", advance: int = 0) -> None:
        """The rate for the sat estimate (None: ``note`` says why there is none)."""
        self._rate, self._rate_note, self._advance = rate, note, advance
        self._refresh()

    def set_amount(self, text: str) -> None:
        """Replace the amount (a new sale for the same amount)."""
        self._text = ""
        for char in text:
            self.press(char)
        self._refresh()

    def clear(self) -> None:
        """Empty amount and memo."""
        self._text = ""
        self.memo.clear()
        self.set_error("")
        self._refresh()

    def refresh(self) -> None:
        """Redraw after ``can_charge_empty`` changed its answer."""
        self._refresh()

    def set_busy(self, busy: bool) -> None:
        """Disable Charge while the sale is being created."""
        self._busy = busy
        self.charge_button.setText(self.tr("Creating sale…") if busy else self.tr("Charge  \u23ce"))
        self._refresh()

    def set_error(self, text: str) -> None:
        """A message under the amount ("" hides it)."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def sat_estimate(self) -> int | None:
        """Sats the typed amount comes to (None: no amount, or no rate for a fiat amount)."""
        if not self.has_amount:
            return None
        value = Decimal(self._text.rstrip(".") or "0")
        if not self.fiat:
            return int(value) + self._advance
        if self._rate is None:
            return None
        try:
            return fiat_to_sat(value, self._rate) + self._advance
        except PosError:
            return None

    # -- input --------------------------------------------------------------------------------

    def press(self, key: str) -> None:
        """Apply one key: a digit, a separator, ``⌫`` or ``C``."""
        text = self._text
        if key in SEPARATORS:
            if self.fiat and "." not in text:
                text = (text or "0") + "."
        elif key == "\u232b":
            text = text[:-1]
        elif key == "C":
            text = ""
        elif key.isdigit() and key.isascii():
            whole, dot, frac = text.partition(".")
            if dot and len(frac) >= FIAT_DECIMALS:
                return
            if not dot and len(whole) >= MAX_WHOLE_DIGITS:
                return
            text = key if text == "0" else text + key
        else:
            return
        if text != self._text:
            self._text = text
            self.set_error("")
            self._refresh()

    def submit(self) -> None:
        """Charge the typed amount (ignored while busy or when there is no amount)."""
        if self._busy:
            return
        if not self.has_amount:
            if self.can_charge_empty():  # the basket has lines: they are the sale
                self.charge.emit("", self.memo.text().strip())
                return
            self.set_error(self.tr("Type an amount first."))
            return
        self.charge.emit(self._text.rstrip("."), self.memo.text().strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits, separators, Backspace, Enter (charge), Esc and Delete (clear)."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Backspace:
            self.press("\u232b")
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete):
            self.clear()
        elif event.text() and event.text() in "0123456789.,":
            self.press(event.text())
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: object, event: object) -> bool:
        """In the memo field, Enter charges and Esc hands the keys back to the amount.

        Both are consumed here: QLineEdit passes Enter on to its parent after
        ``returnPressed``, which would charge twice.
        """
        if (
            watched is self.memo
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _refresh(self) -> None:
        shown = format_amount(self._text)
        unit = "sat" if not self.fiat else self.currency
        self.amount_label.setText(f"{shown}\u2009{unit}")
        muted = not self._text
        c = theme.colors()
        self.amount_label.setStyleSheet(
            f"font-size: {theme.TYPE.display}pt; font-weight: 700; "
            f"color: {c.muted if muted else c.text};"
        )
        estimate = self.sat_estimate()
        if not self.fiat:
            note = (
                self.tr("includes {fee} fee").format(fee=fmt.sats(self._advance))
                if self._advance and estimate
                else ""
            )
            self.sats_label.setText(note)
        elif estimate is not None:
            self.sats_label.setText(self.tr("≈ {sats}").format(sats=fmt.sats(estimate)))
        elif self._rate is None and self._rate_note:
            self.sats_label.setText(self._rate_note)
        else:
            self.sats_label.setText("")
        self.charge_button.setEnabled(
            not self._busy and (self.has_amount or self.can_charge_empty())
        )
