"""Setup wizard pages about the shop: who it is, how it is paid, and who owns the till.

Every field is checked while it is typed, with the same rules as Settings (the option
declarations of :mod:`pos_app.core.config`), and the reason shown under it; Back never
loses what was typed. What these pages chose is applied when the wallet is created
(``SetupWizard._create``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from pos_app.core.config import OPTIONS
from pos_app.core.errors import PosError
from pos_app.core.payments.rates import Rate
from pos_app.core.presets import Presets
from pos_app.core.staff import NAME, PIN
from pos_app.ui import theme
from pos_app.ui.messages import error_line
from pos_app.ui.widgets.live_check import LiveCheck
from pos_app.ui.widgets.setup_pages import SetupPage, error_label, show_error, text_label

CURRENCIES = ("sat", "EUR", "USD", "GBP", "CHF")


def _source(url: str) -> str:
    """A rate source as the owner knows it: its host name, or "fixed"."""
    return urlsplit(url).hostname or url


def _problem(key: str, text: str) -> str | None:
    """Why ``text`` is not a valid value of setting ``key`` (None when it is)."""
    try:
        OPTIONS[key].parse(text)
    except Exception as exc:  # the option's own words: ConfigError or ValueError
        return str(getattr(exc, "user_message", None) or exc)
    return None


class ShopPage(SetupPage):
    """The shop's name, address and VAT number (printed on receipts), and its currency.

    Args:
        rate: fetches the current rate of a currency (``RateService.rate``); the rate is
            shown under the currency as it is chosen. None: no live check.
    """

    help_anchor = "shop"

    def __init__(
        self, rate: Callable[[str], Awaitable[Rate]] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Your shop"),
            self.tr("Printed at the top of receipts and reports. You can change it later."),
            parent,
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Corner Café"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("1 Main Street | 10115 Berlin"))
        self.vat_number = QLineEdit()
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.errors = {
            key: error_label() for key in ("shop.name", "shop.address", "shop.vat_number")
        }
        form = QFormLayout()
        form.addRow(self.tr("Shop name"), self.name)
        form.addRow("", self.errors["shop.name"])
        form.addRow(self.tr("Address"), self.address)
        form.addRow("", self.errors["shop.address"])
        form.addRow(self.tr("VAT number"), self.vat_number)
        form.addRow("", self.errors["shop.vat_number"])
        form.addRow(self.tr("Prices in"), self.currency)
        self.rate_label = text_label("", "muted")
        form.addRow("", self.rate_label)
        self.layout_.addLayout(form)
        self.rate: Rate | None = None  # the rate shown for the chosen currency
        self.live: LiveCheck | None = None
        if rate is not None:
            self.live = LiveCheck(rate, parent=self)
            self.live.started.connect(self._rate_asked)
            self.live.passed.connect(self._rate_shown)
            self.live.failed.connect(self._no_rate)
        self.currency.currentIndexChanged.connect(self._currency_changed)
        self.layout_.addWidget(
            text_label(
                self.tr(
                    "A currency other than sat needs an exchange rate: the app asks public "
                    "rate services; set a fixed rate in Settings if the till is offline."
                ),
                "muted",
            )
        )
        self.layout_.addStretch(1)
        for key, edit in self.fields().items():
            edit.textChanged.connect(lambda _t, k=key: self._check(k))

    def _currency_changed(self) -> None:
        self.rate = None
        currency = self.currency.currentData()
        if currency == "sat" or self.live is None:
            self.rate_label.setText("")
            return
        self.live.now(currency)

    def _rate_asked(self, currency: str) -> None:
        self.rate_label.setText(self.tr("Getting the {currency} rate…").format(currency=currency))
        theme.set_role(self.rate_label, "muted")

    def _rate_shown(self, currency: str, rate: Rate) -> None:
        if currency != self.currency.currentData():
            return
        self.rate = rate
        self.rate_label.setText(
            self.tr("Now 1 BTC = {price} {currency} ({source}).").format(
                price=f"{rate.btc_price:,.2f}", currency=currency, source=_source(rate.source)
            )
        )
        theme.set_role(self.rate_label, "ok")

    def _no_rate(self, currency: str, err: PosError) -> None:
        if currency != self.currency.currentData():
            return
        self.rate_label.setText(
            self.tr(
                "No {currency} rate now ({reason}). Sales in {currency} need one: check the "
                "internet, or set a fixed rate in Settings after setup."
            ).format(currency=currency, reason=error_line(err))
        )
        theme.set_role(self.rate_label, "error")

    def fields(self) -> dict[str, QLineEdit]:
        """The line edits by setting key."""
        return {
            "shop.name": self.name,
            "shop.address": self.address,
            "shop.vat_number": self.vat_number,
        }

    def _check(self, key: str) -> None:
        show_error(self.errors[key], _problem(key, self.fields()[key].text()))
        self.complete_changed.emit()

    def is_complete(self) -> bool:
        """Every field valid (all may be empty)."""
        return all(_problem(k, e.text()) is None for k, e in self.fields().items())

    def settings(self) -> dict[str, Any]:
        """The settings this page sets."""
        out: dict[str, Any] = {k: e.text().strip() for k, e in self.fields().items()}
        out["currency"] = self.currency.currentData()
        return out

    def entered(self) -> None:
        """Typing starts with the name."""
        self.name.setFocus()


class PaymentsPage(SetupPage):
    """How payments are kept, in plain words, and a preset to start from."""

    help_anchor = "payments"

    enter_goes_next = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("How payments are kept"),
            self.tr("Which ecash the till takes and what it does with it."),
            parent,
        )
        self.modes = QButtonGroup(self)
        choices = (
            (
                "trusted_only",
                self.tr("Keep ecash of the shop's own mints"),
                self.tr(
                    "Only tokens of the mints you trust are taken, and kept as ecash. Simplest "
                    "and cheapest; customers need ecash of one of your mints."
                ),
            ),
            (
                "hold_when_trusted",
                self.tr("Also take other mints' ecash, paid out to Lightning"),
                self.tr(
                    "Tokens of your mints are kept; any other is paid straight to the shop's "
                    "Lightning address (the next step). The customer's token pays the fee."
                ),
            ),
            (
                "auto_convert",
                self.tr("Pay everything out to Lightning"),
                self.tr(
                    "Every token is paid to the shop's Lightning address at once: the shop "
                    "keeps no ecash. Each payment costs a Lightning fee."
                ),
            ),
        )
        for index, (mode, title, words) in enumerate(choices):
            button = QRadioButton(title)
            button.setProperty("mode", mode)
            button.setChecked(index == 0)
            self.modes.addButton(button, index)
            self.layout_.addWidget(button)
            self.layout_.addWidget(text_label(words, "muted"))
        self.preset = QComboBox()
        self.preset.addItem(self.tr("None: the defaults"), "")
        for preset in Presets.available():
            self.preset.addItem(QCoreApplication.translate("Presets", preset.title), preset.name)
        self.preset_words = text_label("", "muted")
        self.preset.currentIndexChanged.connect(self._preset_changed)
        form = QFormLayout()
        form.addRow(self.tr("Start from"), self.preset)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.preset_words)
        self.layout_.addStretch(1)

    def _preset_changed(self) -> None:
        name = self.preset.currentData()
        preset = next((p for p in Presets.available() if p.name == name), None)
        self.preset_words.setText(
            QCoreApplication.translate("Presets", preset.description) if preset else ""
        )

    @property
    def mode(self) -> str:
        """The acceptance mode chosen."""
        return str(self.modes.checkedButton().property("mode"))

    @property
    def preset_name(self) -> str | None:
        """The preset chosen (None: the defaults)."""
        return self.preset.currentData() or None


class OwnerPage(SetupPage):
    """The owner's account and PIN; empty for a one-person shop without staff accounts."""

    help_anchor = "owner"

    enter_goes_next = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("The owner"),
            self.tr(
                "With staff, the owner's PIN guards Settings, the seed and payouts, and the "
                "owner adds the cashiers later. Leave it empty if you work the till alone."
            ),
            parent,
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Your name"))
        self.pin1 = QLineEdit()
        self.pin2 = QLineEdit()
        for edit in (self.pin1, self.pin2):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(8)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN (4 to 8 digits)"), self.pin1)
        form.addRow(self.tr("PIN again"), self.pin2)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)
        for edit in (self.name, self.pin1, self.pin2):
            edit.textChanged.connect(lambda _t: self._check())

    def problem(self) -> str | None:
        """Why the owner cannot be made as typed (None: fine, or left empty)."""
        name, pin1, pin2 = self.name.text().strip(), self.pin1.text(), self.pin2.text()
        if not (name or pin1 or pin2):
            return None
        if not NAME.match(name) or name == "system":
            return self.tr("Type a name of 1 to 40 letters, digits or spaces.")
        if not PIN.match(pin1):
            return self.tr("A PIN is 4 to 8 digits.")
        if pin1 != pin2:
            return self.tr("The two PINs differ.")
        return None

    def _check(self) -> None:
        typed_all = bool(self.name.text() and self.pin1.text() and self.pin2.text())
        show_error(self.error, self.problem() if typed_all else None)
        self.complete_changed.emit()

    def is_complete(self) -> bool:
        """Empty, or a valid owner."""
        return self.problem() is None

    def owner(self) -> tuple[str, str] | None:
        """``(name, pin)`` to create, or None for no staff accounts."""
        name = self.name.text().strip()
        return (name, self.pin1.text()) if name else None

    def entered(self) -> None:
        """Typing starts with the name."""
        self.name.setFocus()
