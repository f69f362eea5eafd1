"""One catalogue item's fields, for adding or editing it (Settings -> Items).

Every rule (name length, price in whole sat or cents, VAT rate, SKU characters, a SKU
used once, the colour's form) is the core's (:func:`pos_app.core.payments.items.check_fields`);
a refusal is said in the dialog with the field it is about, that field takes the focus,
and everything typed stays.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui.dialogs.core_form import CoreFormDialog
from pos_app.ui.messages import error_line


def field_of(err: PosError) -> str | None:
    """Which field a refusal of the core is about (None: the item as a whole)."""
    if err.code == "vat.invalid_rate":
        return "vat_rate"
    if err.code == "item.duplicate_sku":
        return "sku"
    return (err.data or {}).get("field") if err.code == "item.invalid" else None


class ItemDialog(CoreFormDialog):
    """Name, SKU, category, price and its unit, VAT rate, colour and whether it is on sale.

    Args:
        title: the window's title and heading.
        submit: makes the change in the core with the fields as the core takes them
            (empty text clears an optional field).
        currency: the shop currency (a price is in it or in sat).
        default_rate: the shop's default VAT rate, said when the rate is left empty.
        item: the item edited (None: a new one).
        categories: the categories already used, offered in the category box.
    """

    def __init__(
        self,
        title: str,
        submit: Callable[[dict[str, Any]], Awaitable[Any]],
        *,
        currency: str,
        default_rate: str,
        item: dict[str, Any] | None = None,
        categories: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(title)
        item = item or {}
        heading = QLabel(title)
        heading.setProperty("role", "title")
        self.name = QLineEdit(item.get("name") or "")
        self.name.setMaxLength(200)
        self.sku = QLineEdit(item.get("sku") or "")
        self.sku.setMaxLength(64)
        self.sku.setPlaceholderText(self.tr("Optional, e.g. COFFEE-L"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *(categories or [])])
        self.category.setCurrentText(item.get("category") or "")
        self.category.lineEdit().setPlaceholderText(self.tr("Optional: a tab of quick keys"))
        self.price = QLineEdit(item.get("price") or "")
        self.price.setPlaceholderText("0.00" if currency != "sat" else "0")
        self.unit = QComboBox()
        # A sat shop has one unit. An item priced in a former shop currency shows it, so
        # saving never silently re-prices it in another (the core says it must change).
        for unit in dict.fromkeys((currency, "sat", item.get("unit") or currency)):
            self.unit.addItem(unit, unit)
        self.unit.setCurrentIndex(max(0, self.unit.findData(item.get("unit") or currency)))
        price_row = QHBoxLayout()
        price_row.addWidget(self.price, 1)
        price_row.addWidget(self.unit)
        self.vat_rate = QLineEdit(item.get("vat_rate") or "")
        self.vat_rate.setPlaceholderText(
            self.tr("Shop default ({rate} %)").format(rate=default_rate)
        )
        self.colour = QLineEdit(item.get("colour") or "")
        self.colour.setPlaceholderText("#RRGGBB")
        self.colour.setMaxLength(7)
        self.colour_button = QPushButton(self.tr("Choose…"))
        self.colour_button.setAutoDefault(False)
        self.colour_button.clicked.connect(self.choose_colour)
        self.colour_dialog: QColorDialog | None = None
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour, 1)
        colour_row.addWidget(self.colour_button)
        self.active = QCheckBox(self.tr("On sale (a quick key on the Sell page)"))
        self.active.setChecked(bool(item.get("active", True)))
        self.fields: dict[str, QWidget] = {
            "name": self.name,
            "sku": self.sku,
            "category": self.category,
            "price": self.price,
            "unit": self.unit,
            "vat_rate": self.vat_rate,
            "colour": self.colour,
            "active": self.active,
        }
        self.labels = {
            "name": self.tr("Name"),
            "sku": self.tr("SKU"),
            "category": self.tr("Category"),
            "price": self.tr("Price"),
            "unit": self.tr("Price"),
            "vat_rate": self.tr("VAT rate (%)"),
            "colour": self.tr("Key colour"),
            "active": self.tr("On sale"),
        }
        for edit in (self.name, self.sku, self.price, self.vat_rate, self.colour):
            edit.returnPressed.connect(self.submit)  # Enter saves, as on the other forms
        form = QFormLayout()
        form.addRow(self.labels["name"], self.name)
        form.addRow(self.labels["sku"], self.sku)
        form.addRow(self.labels["category"], self.category)
        form.addRow(self.labels["price"], price_row)
        form.addRow(self.labels["vat_rate"], self.vat_rate)
        form.addRow(self.labels["colour"], colour_row)
        form.addRow("", self.active)
        self.lay_out(heading, form, 520, 440)

    def values(self) -> dict[str, Any]:
        """The fields as the core takes them; empty text clears an optional field."""
        return {
            "name": self.name.text(),
            "sku": self.sku.text(),
            "category": self.category.currentText(),
            "price": self.price.text(),
            "unit": self.unit.currentData(),
            "vat_rate": self.vat_rate.text().strip(),
            "colour": self.colour.text(),
            "active": self.active.isChecked(),
        }

    def choose_colour(self) -> None:
        """Pick the quick key's colour (not blocking); it lands in the colour field."""
        current = QColor(self.colour.text())
        dialog = QColorDialog(current if current.isValid() else QColor("#ffffff"), self)
        dialog.colorSelected.connect(lambda c: self.colour.setText(c.name()))
        self.colour_dialog = dialog
        dialog.open()

    def work(self) -> Awaitable[Any]:
        """The core's change for the fields as typed."""
        return self._submit(self.values())

    def refused(self, err: PosError) -> None:
        """Say why, with the field it is about, and put the cursor there."""
        super().refused(err)
        field = field_of(err)
        text = error_line(err)
        if field in self.labels:
            text = f"{self.labels[field]}: {text}"
            widget = self.fields[field]
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        self.say(text)
