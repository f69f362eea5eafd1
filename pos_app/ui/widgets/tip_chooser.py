"""The tip choice after Charge: a button per preset percent with its amount, No tip, Other.

The same widget shows on the cashier's screen and on the customer display; a tap on
either chooses. Amounts come from :func:`pos_app.core.payments.basket.compute`, so a
preset's amount is the tip the sale stores. The cashier types another amount into a
field; the customer display has no keyboard, so "Other amount" opens digit keys there.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.payments.basket import rate_text


class TipChooser(QWidget):
    """Signals: chosen(str): ``"10%"``, an amount, or ``""`` for no tip."""

    chosen = Signal(str)

    def __init__(self, *, other: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cashier_copy = other
        self.currency = ""
        self.title = QLabel(self.tr("Would you like to add a tip?"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.total = QLabel()
        self.total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.row = QHBoxLayout()
        self.presets: dict[str, QPushButton] = {}
        self.no_tip = QPushButton(self.tr("No tip"))
        self.no_tip.setMinimumHeight(64)
        self.no_tip.clicked.connect(lambda: self.chosen.emit(""))
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Other amount"))
        self.other_button = QPushButton(self.tr("Other amount"))
        self.other_button.clicked.connect(self._other)
        self.other.returnPressed.connect(self._other)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other)
        other_row.addWidget(self.other_button)
        for widget in (self.other, self.other_button):
            widget.setVisible(other)
        self.pad = TipPad()  # the customer's copy: digit keys instead of a keyboard
        self.pad.hide()
        self.pad.done.connect(self._padded)
        self.pad_button = QPushButton(self.tr("Other amount"))
        self.pad_button.setMinimumHeight(64)
        self.pad_button.clicked.connect(self._open_pad)
        self.pad_button.setVisible(not other)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.total)
        layout.addLayout(self.row)
        layout.addWidget(self.no_tip)
        layout.addLayout(other_row)
        layout.addWidget(self.pad_button)
        layout.addWidget(self.pad)
        self.back = QPushButton(self.tr("Back"))
        self.back.setVisible(other)  # the cashier's copy only
        layout.addWidget(self.back)
        layout.addStretch(1)

    def offer(self, total: str, currency: str, presets: list[tuple[Decimal, str]]) -> None:
        """Show ``presets`` (percent, tip amount) for a sale of ``total``."""
        for button in self.presets.values():
            self.row.removeWidget(button)
            button.deleteLater()
        self.presets = {}
        self.total.setText(self.tr("Total: %1 %2").replace("%1", total).replace("%2", currency))
        for percent, amount in presets:
            key = f"{rate_text(percent)}%"
            button = QPushButton(f"{key}\n{amount} {currency}")
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self.presets[key] = button
            self.row.addWidget(button)
        self.other.clear()
        self.currency = currency
        self.pad.reset(currency)
        self.pad.hide()
        self.pad_button.setVisible(not self.cashier_copy)

    def _open_pad(self) -> None:
        self.pad_button.hide()
        self.pad.show()

    def _padded(self, value: str) -> None:
        if value:
            self.chosen.emit(value)
        else:  # Cancel: back to the presets
            self.pad.hide()
            self.pad_button.show()

    def _other(self) -> None:
        value = self.other.text().strip().replace(",", ".")
        if value:
            self.chosen.emit(value)


class TipPad(QWidget):
    """Digit keys and what they typed, OK and Cancel (the customer display's tip entry).

    Signals:
        done(str): the amount typed on OK, or ``""`` on Cancel.
    """

    done = Signal(str)
    KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "0", "\u232b")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = ""
        self.typed = ""
        self.shown = QLabel()
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setStyleSheet("font-size: 22pt; font-weight: 700;")
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for n, key in enumerate(self.KEYS):
            button = QPushButton(key)
            button.setMinimumHeight(52)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.keys[key] = button
            grid.addWidget(button, n // 3, n % 3)
        self.ok = QPushButton(self.tr("Add this tip"))
        self.ok.setProperty("role", "primary")
        self.ok.setMinimumHeight(52)
        self.ok.clicked.connect(lambda: self.typed and self.done.emit(self.typed))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setMinimumHeight(52)
        cancel.clicked.connect(lambda: self.done.emit(""))
        actions = QHBoxLayout()
        actions.addWidget(cancel)
        actions.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.shown)
        layout.addLayout(grid)
        layout.addLayout(actions)
        self.reset("")

    def reset(self, currency: str) -> None:
        """Nothing typed, amounts in ``currency``."""
        self.currency = currency
        self.typed = ""
        self._show()

    def press(self, key: str) -> None:
        """One key: a digit, the decimal point (once, not for sat) or backspace."""
        if key == "\u232b":
            self.typed = self.typed[:-1]
        elif key == ".":
            if self.currency != "sat" and "." not in self.typed:
                self.typed = (self.typed or "0") + "."
        elif len(self.typed) < 9:
            self.typed = "" if self.typed == "0" and key == "0" else self.typed + key
        self._show()

    def _show(self) -> None:
        self.shown.setText(f"{self.typed or '0'} {self.currency}".strip())
        self.ok.setEnabled(bool(self.typed.strip("0.")))
        self.keys["."].setEnabled(self.currency != "sat")
