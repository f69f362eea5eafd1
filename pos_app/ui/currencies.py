"""Currencies a shop can price in, by name: the Settings and setup pickers list these.

Any other ISO 4217 code can still be typed; ``core.config.check_currency`` decides
what is valid. Names are translated (context ``Currency``).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CURRENCIES: dict[str, str] = {
    "sat": QT_TRANSLATE_NOOP("Currency", "Bitcoin"),
    "EUR": QT_TRANSLATE_NOOP("Currency", "Euro"),
    "USD": QT_TRANSLATE_NOOP("Currency", "US dollar"),
    "GBP": QT_TRANSLATE_NOOP("Currency", "British pound"),
    "CHF": QT_TRANSLATE_NOOP("Currency", "Swiss franc"),
    "JPY": QT_TRANSLATE_NOOP("Currency", "Japanese yen"),
    "CAD": QT_TRANSLATE_NOOP("Currency", "Canadian dollar"),
    "AUD": QT_TRANSLATE_NOOP("Currency", "Australian dollar"),
    "NZD": QT_TRANSLATE_NOOP("Currency", "New Zealand dollar"),
    "SEK": QT_TRANSLATE_NOOP("Currency", "Swedish krona"),
    "NOK": QT_TRANSLATE_NOOP("Currency", "Norwegian krone"),
    "DKK": QT_TRANSLATE_NOOP("Currency", "Danish krone"),
    "PLN": QT_TRANSLATE_NOOP("Currency", "Polish zloty"),
    "CZK": QT_TRANSLATE_NOOP("Currency", "Czech koruna"),
    "HUF": QT_TRANSLATE_NOOP("Currency", "Hungarian forint"),
    "RON": QT_TRANSLATE_NOOP("Currency", "Romanian leu"),
    "TRY": QT_TRANSLATE_NOOP("Currency", "Turkish lira"),
    "UAH": QT_TRANSLATE_NOOP("Currency", "Ukrainian hryvnia"),
    "MXN": QT_TRANSLATE_NOOP("Currency", "Mexican peso"),
    "BRL": QT_TRANSLATE_NOOP("Currency", "Brazilian real"),
    "ARS": QT_TRANSLATE_NOOP("Currency", "Argentine peso"),
    "CLP": QT_TRANSLATE_NOOP("Currency", "Chilean peso"),
    "COP": QT_TRANSLATE_NOOP("Currency", "Colombian peso"),
    "PEN": QT_TRANSLATE_NOOP("Currency", "Peruvian sol"),
    "ZAR": QT_TRANSLATE_NOOP("Currency", "South African rand"),
    "NGN": QT_TRANSLATE_NOOP("Currency", "Nigerian naira"),
    "KES": QT_TRANSLATE_NOOP("Currency", "Kenyan shilling"),
    "INR": QT_TRANSLATE_NOOP("Currency", "Indian rupee"),
    "CNY": QT_TRANSLATE_NOOP("Currency", "Chinese yuan"),
    "HKD": QT_TRANSLATE_NOOP("Currency", "Hong Kong dollar"),
    "SGD": QT_TRANSLATE_NOOP("Currency", "Singapore dollar"),
    "KRW": QT_TRANSLATE_NOOP("Currency", "South Korean won"),
    "THB": QT_TRANSLATE_NOOP("Currency", "Thai baht"),
    "PHP": QT_TRANSLATE_NOOP("Currency", "Philippine peso"),
    "IDR": QT_TRANSLATE_NOOP("Currency", "Indonesian rupiah"),
    "AED": QT_TRANSLATE_NOOP("Currency", "UAE dirham"),
    "ILS": QT_TRANSLATE_NOOP("Currency", "Israeli shekel"),
}


def currency_name(code: str) -> str:
    """The translated name of ``code`` (the code itself when not listed)."""
    name = CURRENCIES.get(code if code == "sat" else code.upper())
    return QCoreApplication.translate("Currency", name) if name else code


def currency_choices() -> list[tuple[str, str]]:
    """(code, translated name): Bitcoin first, then by name in the app's language."""
    rest = sorted(
        ((code, currency_name(code)) for code in CURRENCIES if code != "sat"),
        key=lambda pair: pair[1].casefold(),
    )
    return [("sat", currency_name("sat")), *rest]


def currency_code(text: str) -> str:
    """The code in what the owner typed: "Euro (EUR)", "euro", "eur" or "EUR" give EUR.

    Text that names no currency is returned unchanged, for the setting to refuse
    with its own reason.
    """
    text = text.strip()
    found = re.fullmatch(r".*\(([A-Za-z]{3})\)", text)
    if found:
        text = found.group(1)
    for code, name in currency_choices():
        if text.casefold() in (code.casefold(), name.casefold()):
            return code
    return text
