"""The basket beside the keypad: quick keys for the catalogue's items and the sale's lines.

The totals are :func:`pos_app.core.payments.basket.compute` on the same lines the core
resolves at Charge, so the preview is what the sale stores. An item priced in sat in a
fiat shop gets a quick key once the Sell page has the current rate: its line's price is
the core's conversion at that rate (the sale converts again at the rate it locks, the
same one while it is fresh).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.payments.basket import (
    Adjustment,
    BasketResult,
    Line,
    compute,
    from_sat,
    parse_adjustment,
    text,
)
from pos_app.core.payments.items import LineSpec

KEY_COLUMNS = 3


class BasketPanel(QWidget):
    """Quick keys by category over the basket's lines, with the total as the core computes it.

    Signals:
        changed(): the lines changed (the customer display follows).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = "sat"
        self.prices_include = True
        self.rounding = "line"
        self.default_rate = Decimal(0)
        self.items: list[dict[str, Any]] = []
        self.sat_rate: Decimal | None = None  # one bitcoin in the shop currency, for sat items
        self.lines: list[Line] = []
        self.discount: str | None = None  # "10%" or "2.50", as the core takes it
        self.discount_reason = ""
        self.keys: dict[str, QPushButton] = {}  # SKU (or #id) -> quick key
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.total_label = QLabel()
        self.total_label.setObjectName("basketTotal")
        self.total_label.setStyleSheet("font-size: 18pt; font-weight: 700;")
        self.plus = QPushButton("+")
        self.minus = QPushButton("-")
        self.remove = QPushButton(self.tr("Remove"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.add_amount = QPushButton(self.tr("Add amount as line"))
        self.discount_button = QPushButton(self.tr("Discount"))
        self.discount_button.clicked.connect(self.ask_discount)
        self.line_discount_button = QPushButton(self.tr("Line discount"))
        self.line_discount_button.clicked.connect(self.ask_line_discount)
        self.dialog: DiscountDialog | None = None
        self.error = QLabel()
        self.error.setObjectName("basketError")
        self.error.setWordWrap(True)
        buttons = (self.plus, self.minus, self.remove, self.clear_button, self.add_amount)
        for button in (*buttons, self.discount_button, self.line_discount_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plus.clicked.connect(lambda: self.step(1))
        self.minus.clicked.connect(lambda: self.step(-1))
        self.remove.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear)
        # three narrow rows of buttons: the panel must fit beside the keypad on a 1024 px till
        row = QHBoxLayout()
        for button in (self.minus, self.plus, self.remove):
            row.addWidget(button)
        lower = QHBoxLayout()
        lower.addWidget(self.line_discount_button)
        lower.addWidget(self.discount_button)
        last = QHBoxLayout()
        last.addWidget(self.add_amount)
        last.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.list, 2)
        layout.addLayout(row)
        layout.addLayout(lower)
        layout.addLayout(last)
        layout.addWidget(self.error)
        layout.addWidget(self.total_label)
        self.setMaximumWidth(420)
        self._refresh()

    # -- catalogue ----------------------------------------------------------------------------

    def set_rules(self, settings: dict[str, Any], default_rate: Decimal) -> None:
        """The shop's currency and VAT rules (from the settings)."""
        self.currency = settings["currency"]
        self.prices_include = bool(settings["vat.prices_include"])
        self.rounding = settings["vat.rounding"]
        self.default_rate = default_rate
        self._refresh()

    @property
    def has_items(self) -> bool:
        """True when the catalogue has an item this shop can sell from a quick key."""
        return bool(self.keys)

    def set_items(self, items: list[dict[str, Any]], sat_rate: Decimal | None = None) -> None:
        """Rebuild the quick keys from the catalogue's active items.

        ``sat_rate``: one bitcoin in the shop currency, for items priced in sat (without
        it they get no key).
        """
        self.sat_rate = sat_rate if self.currency != "sat" else None
        self.items = [i for i in items if i["active"] and self._sellable(i)]
        self.tabs.clear()
        self.keys = {}
        by_category: dict[str, list[dict[str, Any]]] = {}
        for item in self.items:
            by_category.setdefault(item["category"] or self.tr("Items"), []).append(item)
        for category, members in by_category.items():
            page = QWidget()
            grid = QGridLayout(page)
            for n, item in enumerate(members):
                key = QPushButton(f"{item['name']}\n{item['price']} {item['unit']}")
                key.setObjectName("quickKey")
                key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                key.setMinimumHeight(56)
                if item["colour"]:
                    key.setStyleSheet(f"background-color: {item['colour']};")
                key.clicked.connect(lambda _=False, it=item: self.add_item(it))
                self.keys[item["sku"] or f"#{item['id']}"] = key  # an item may have no SKU
                grid.addWidget(key, n // KEY_COLUMNS, n % KEY_COLUMNS)
            grid.setRowStretch(len(members) // KEY_COLUMNS + 1, 1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, category)
        # Lines of items no longer sold are dropped (the sale would refuse them); the others
        # take the item's new name, price and rate (the sale would charge those).
        by_id = {i["id"]: i for i in self.items}
        kept = [
            ln if ln.kind == "custom" else self._line(by_id[ln.item_id], ln.quantity, ln.discount)
            for ln in self.lines
            if ln.kind == "custom" or ln.item_id in by_id
        ]
        if kept != self.lines:
            self.lines = kept
            self._changed()

    def _line(
        self, item: dict[str, Any], quantity: Decimal, discount: Adjustment | None = None
    ) -> Line:
        """A line of ``item`` at its catalogue price and rate."""
        rate = Decimal(item["vat_rate"]) if item["vat_rate"] is not None else self.default_rate
        price = Decimal(item["price"])
        if item["unit"] != self.currency and self.sat_rate is not None:
            price = from_sat(price, self.sat_rate, self.currency)  # as the sale converts it
        return Line(item["name"], quantity, price, rate, "item", item["sku"],
                    item["id"], discount)  # fmt: skip

    def _sellable(self, item: dict[str, Any]) -> bool:
        return item["unit"] == self.currency or (
            item["unit"] == "sat" and self.sat_rate is not None
        )

    # -- lines --------------------------------------------------------------------------------

    def add_item(self, item: dict[str, Any]) -> None:
        """One more of ``item``: a new line, or +1 on its line."""
        for n, line in enumerate(self.lines):
            if line.kind == "item" and line.item_id == item["id"]:
                self._set_quantity(n, line.quantity + 1)
                return
        self.lines.append(self._line(item, Decimal(1)))
        self._changed(len(self.lines) - 1)

    def add_custom(self, amount: str, name: str = "") -> None:
        """A custom line for ``amount`` at the default VAT rate."""
        self.lines.append(
            Line(
                name or self.tr("Amount"), Decimal(1), Decimal(amount), self.default_rate, "custom"
            )
        )
        self._changed(len(self.lines) - 1)

    def step(self, delta: int) -> None:
        """Quantity of the selected line +/- 1 (down to 1; Remove takes it out)."""
        row = self.list.currentRow()
        if 0 <= row < len(self.lines):
            self._set_quantity(row, max(Decimal(1), self.lines[row].quantity + delta))

    def remove_selected(self) -> None:
        """Take the selected line out of the basket."""
        row = self.list.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._changed(min(row, len(self.lines) - 1))

    def clear(self) -> None:
        """An empty basket (and no discount)."""
        if self.lines or self.discount:
            self.lines = []
            self.discount, self.discount_reason = None, ""
            self._changed()

    def restore(self, lines: list[Line], discount: str | None, reason: str) -> None:
        """Put back the lines and discount of a sale made from this basket (its renewal)."""
        self.lines = list(lines)
        self.discount, self.discount_reason = discount, reason
        self._changed()

    def ask_discount(self) -> None:
        """Ask for the sale's discount (percent or amount) and its reason."""
        self.dialog = DiscountDialog(self.discount or "", self.discount_reason, self)
        self.dialog.accepted.connect(lambda: self._take_discount(self.dialog))
        self.dialog.open()

    def _take_discount(self, dialog: DiscountDialog | None) -> None:
        if dialog is not None:
            self.set_discount(dialog.value.text().strip(), dialog.reason.text().strip())

    def ask_line_discount(self) -> None:
        """Ask for the selected line's own discount (percent or amount) and its reason."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.lines):
            return
        own = self.lines[row].discount
        shown = (
            "" if own is None else (f"{own.value}%" if own.kind == "percent" else str(own.value))
        )
        title = self.tr("Discount on %1").replace("%1", self.lines[row].name)
        self.dialog = DiscountDialog(shown, own.reason if own else "", self, title=title)
        self.dialog.accepted.connect(lambda: self._take_line_discount(row, self.dialog))
        self.dialog.open()

    def _take_line_discount(self, row: int, dialog: DiscountDialog | None) -> None:
        if dialog is not None:
            self.set_line_discount(row, dialog.value.text().strip(), dialog.reason.text().strip())

    def set_line_discount(self, row: int, value: str, reason: str = "") -> bool:
        """Line ``row``'s own discount ("" removes it); False (and a message) when it is bad.

        It comes off the line before the sale's discount is shared out (the core's rule).
        """
        if not 0 <= row < len(self.lines):
            return False
        try:
            own = parse_adjustment(value, self.currency, "discount", reason) if value else None
            lines = list(self.lines)
            lines[row] = replace(lines[row], discount=own)
            self._compute(lines)
        except PosError as exc:
            self.error.setText(exc.user_message)
            return False
        self.lines = lines
        self._changed(row)
        return True

    def set_discount(self, value: str, reason: str = "") -> bool:
        """A discount on the sale ("" removes it); False (and a message) when it is bad."""
        if not value:
            self.discount, self.discount_reason = None, ""
            self._changed()
            return True
        try:
            adjustment = parse_adjustment(value, self.currency, "discount", reason)
            if self.lines:
                compute(self.lines, self.currency, prices_include=self.prices_include,
                        rounding=self.rounding, discount=adjustment)  # fmt: skip
        except PosError as exc:
            self.error.setText(exc.user_message)
            return False
        self.discount, self.discount_reason = value, reason
        self._changed()
        return True

    def _set_quantity(self, row: int, quantity: Decimal) -> None:
        self.lines[row] = replace(self.lines[row], quantity=quantity)  # keeps its discount
        self._changed(row)

    def specs(self) -> list[LineSpec]:
        """The lines as the core takes them (``new_sale(items=…)``)."""
        return [
            LineSpec(ln.sku, ln.quantity, discount=ln.discount, item_id=ln.item_id)
            if ln.kind == "item"
            else LineSpec(None, ln.quantity, ln.unit_price, ln.name, ln.discount)
            for ln in self.lines
        ]

    def adjustment(self) -> Adjustment | None:
        """The discount as :func:`compute` takes it (None: no discount)."""
        if self.discount is None:
            return None
        return parse_adjustment(self.discount, self.currency, "discount", self.discount_reason)

    def preview(self) -> dict[str, Any] | None:
        """The basket's figures as the sale will store them (None: empty or invalid)."""
        return self.preview_of(self.lines)

    def preview_of(self, lines: list[Line]) -> dict[str, Any] | None:
        """``lines`` with this basket's discount and VAT rules (None: empty or invalid)."""
        if not lines:
            return None
        try:
            return self._compute(lines).as_dict()
        except PosError:
            return None

    def tip_offers(self, lines: list[Line], presets: list[Decimal]) -> list[tuple[Decimal, str]]:
        """Each preset percent with the tip it comes to on ``lines`` (as the sale stores it).

        Raises:
            PosError: the lines or the discount are not valid.
        """
        return [
            (p, text(self._compute(lines, Adjustment("percent", p)).tip, self.currency))
            for p in presets
        ]

    def _compute(self, lines: list[Line], tip: Adjustment | None = None) -> BasketResult:
        return compute(
            lines, self.currency, prices_include=self.prices_include,
            rounding=self.rounding, discount=self.adjustment(), tip=tip,
        )  # fmt: skip

    def _changed(self, select: int = -1) -> None:
        self._refresh(select)
        self.changed.emit()

    def _refresh(self, select: int = -1) -> None:
        figures = self.preview()
        self.list.clear()
        shown = figures["lines"] if figures else []
        for line, fig in zip(self.lines, shown, strict=False):
            qty = fig["quantity"]
            # Quantity x price before any discount (as the receipt prints it): the stored
            # gross has the sale discount's share inside, and the discount is its own row.
            amount = text(line.quantity * line.unit_price, self.currency)
            entry = f"{qty} x {line.name}    {amount} {self.currency}"
            if fig["line_discount"]:
                entry += "\n    " + self.tr("Discount %1: -%2").replace(
                    "%1", fig["line_discount"]["reason"]
                ).replace("%2", fig["line_discount"]["amount"])
            QListWidgetItem(entry, self.list)
        if 0 <= select < self.list.count():
            self.list.setCurrentRow(select)
        self.error.setText("")
        if figures and figures["discount"]:
            QListWidgetItem(
                self.tr("Discount %1: -%2").replace("%1", figures["discount"]["reason"])
                .replace("%2", figures["discount"]["amount"]), self.list
            )  # fmt: skip
        elif self.lines and self.discount and figures is None:
            # the lines shrank under a fixed discount: say so rather than hide the total
            self.error.setText(self.tr("The discount is more than the basket: change it."))
        total = figures["total"] if figures else text(Decimal(0), self.currency)
        self.total_label.setText(
            self.tr("Total: %1 %2").replace("%1", total).replace("%2", self.currency)
        )
        for button in (
            self.plus,
            self.minus,
            self.remove,
            self.clear_button,
            self.discount_button,
            self.line_discount_button,
        ):
            button.setEnabled(bool(self.lines))


class DiscountDialog(QDialog):
    """The sale's discount: ``10%`` or an amount, and why."""

    def __init__(
        self, value: str, reason: str, parent: QWidget | None = None, *, title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Discount"))
        self.value = QLineEdit(value)
        self.value.setPlaceholderText(self.tr("10% or 2.50"))
        self.reason = QLineEdit(reason)
        form = QFormLayout(self)
        form.addRow(self.tr("Discount"), self.value)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
