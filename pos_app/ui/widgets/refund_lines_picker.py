"""Check boxes for the lines of a basket sale to refund (a quantity when more than one is left).

The picker only says what is chosen: the sat of a choice is the core's
(``refunds.preview``), never worked out here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSpinBox, QWidget

from pos_app.ui.models import sale_format as fmt


class RefundLinesPicker(QWidget):
    """One row per sale line: a check box, the quantity to give back, what is left of it.

    Signals:
        changed(): the choice changed.
    """

    changed = Signal()

    def __init__(self, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.boxes: dict[int, QCheckBox] = {}
        self.quantities: dict[int, QSpinBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.tip = QCheckBox()
        self.tip.toggled.connect(self._emit)
        self.tip.hide()

    def set_options(self, options: dict[str, Any]) -> None:
        """Show the lines (``refunds.line_options``); lines refunded already are disabled."""
        lines = options["lines"]
        for row, opt in enumerate(lines):
            position = int(opt["position"])
            left = Decimal(opt["left_quantity"])
            box = QCheckBox(
                self.tr("{position}. {name}").format(position=position, name=opt["name"])
            )
            box.setEnabled(left > 0)
            box.toggled.connect(self._emit)
            self.grid.addWidget(box, row, 0)
            self.boxes[position] = box
            if left > 1 and opt["whole_units"]:
                spin = QSpinBox()
                spin.setRange(1, int(left))
                spin.setValue(int(left))
                spin.setSuffix(self.tr(" of {left}").format(left=int(left)))
                spin.valueChanged.connect(self._emit)
                self.grid.addWidget(spin, row, 1)
                self.quantities[position] = spin
            status = (
                self.tr("refunded")
                if left <= 0
                else self.tr("{amount} left").format(amount=fmt.sats(opt["left_sat"], self.unit))
            )
            label = QLabel(status)
            label.setProperty("role", "muted")
            self.grid.addWidget(label, row, 2)
        tip = int(options.get("tip_left") or 0)
        self.tip.setText(
            self.tr("Also give the tip back ({amount})").format(amount=fmt.sats(tip, self.unit))
        )
        self.tip.setHidden(tip <= 0)
        self.grid.addWidget(self.tip, len(lines), 0, 1, 3)

    def _emit(self, *_args: object) -> None:
        self.changed.emit()

    def selection(self) -> dict[int, int | None]:
        """Checked positions with a quantity (None: all that is left of the line)."""
        out: dict[int, int | None] = {}
        for position, box in self.boxes.items():
            if box.isChecked():
                spin = self.quantities.get(position)
                out[position] = spin.value() if spin is not None else None
        return out

    def include_tip(self) -> bool:
        """Whether the tip is to come back too."""
        return not self.tip.isHidden() and self.tip.isChecked()

    def chosen(self) -> bool:
        """Whether any line (or the tip) is chosen."""
        return bool(self.selection()) or self.include_tip()
