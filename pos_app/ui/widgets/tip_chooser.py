"""The tip choice after Charge: a button per preset percent with its amount, No tip, Other.

The same widget shows on the cashier's screen and on the customer display; a tap on
either chooses. Amounts come from :func:`pos_app.core.payments.basket.compute`, so a
preset's amount is the tip the sale stores.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.core.payments.basket import rate_text


class TipChooser(QWidget):
    """Signals: chosen(str): ``"10%"``, an amount, or ``""`` for no tip."""

    chosen = Signal(str)

    def __init__(self, *, other: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.total)
        layout.addLayout(self.row)
        layout.addWidget(self.no_tip)
        layout.addLayout(other_row)
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

    def _other(self) -> None:
        value = self.other.text().strip().replace(",", ".")
        if value:
            self.chosen.emit(value)
