"""The setup wizard's fees and limits: what a sale may cost the shop, and how large it may be.

The same editors, rules and help texts as Settings (each option's declaration in
:mod:`pos_app.core.config`), checked while typed; the defaults suit most shops.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QFrame, QScrollArea, QWidget

from pos_app.core.config import OPTIONS
from pos_app.ui.widgets.option_fields import OptionField, make_field
from pos_app.ui.widgets.setup_pages import SetupPage

KEYS = (
    "fees.customer_advance",
    "fees.max_mint_fee_pct",
    "fees.max_lightning_fee_pct",
    "limits.sale_max_sat",
    "limits.day_max_sat",
    "limits.confirm_above_sat",
)


class FeesPage(SetupPage):
    """Fees the shop accepts and the limits on sales, each with its reason when refused."""

    help_anchor = "fees"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Fees and limits"),
            self.tr("What a payment may cost the shop, and how large a sale may be."),
            parent,
        )
        self.fields: dict[str, OptionField] = {}
        body = QWidget()
        form = QFormLayout(body)
        for key in KEYS:
            field = make_field(OPTIONS[key])
            field.set_value(OPTIONS[key].default)
            field.edited.connect(lambda k=key: self._check(k))
            self.fields[key] = field
            form.addRow(field.label, field)
        scroll = QScrollArea()  # six fields with their help outgrow a small screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.layout_.addWidget(scroll, 1)

    def set_values(self, values: dict[str, Any]) -> None:
        """Show stored values (Run setup again)."""
        for key, field in self.fields.items():
            if key in values:
                field.set_value(values[key])
                field.set_error(None)
        self.complete_changed.emit()

    def _problem(self, key: str) -> str | None:
        try:
            OPTIONS[key].parse(self.fields[key].raw())
        except Exception as exc:  # the option's own words: ConfigError or ValueError
            return str(getattr(exc, "user_message", None) or exc)
        return None

    def _check(self, key: str) -> None:
        self.fields[key].set_error(self._problem(key))
        self.complete_changed.emit()

    def is_complete(self) -> bool:
        """Every value within its option's rules."""
        return all(self._problem(key) is None for key in KEYS)

    def settings(self) -> dict[str, Any]:
        """The settings this page sets."""
        return {key: OPTIONS[key].parse(self.fields[key].raw()) for key in KEYS}

    def changed(self) -> list[tuple[str, Any]]:
        """(label, value) of each value that is not the default (for the summary)."""
        return [
            (self.fields[key].label, value)
            for key, value in self.settings().items()
            if value != OPTIONS[key].default
        ]
