"""Amounts, currencies and mint hosts as people read them: one module for every face.

Screens, receipts, the customer display and the command line's text output format
money here, so a receipt and the screen never disagree. Decimal and grouping marks
follow the shop's language (:func:`marks_for`); the face sets them once at start
(:func:`use`). Amounts are never floats: sat are integers and fiat amounts keep
their decimal text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NARROW_SPACE = "\u202f"


@dataclass(frozen=True, slots=True)
class Marks:
    """The decimal mark and the thousands separator of a locale."""

    decimal: str
    group: str


# CLDR's marks for the app's languages; French groups with a narrow no-break space.
MARKS = {
    "en": Marks(".", ","),
    "de": Marks(",", "."),
    "fr": Marks(",", NARROW_SPACE),
    "es": Marks(",", "."),
}
# A language the app does not have: grouped with narrow spaces, which no locale
# reads as a decimal mark.
NEUTRAL = Marks(".", NARROW_SPACE)

# The marks in use, one per process like the process's locale (set by :func:`use`).
_in_use: dict[str, Marks] = {"marks": NEUTRAL}


def system_language() -> str:
    """The language of the process's locale (``LC_ALL``, ``LC_NUMERIC``, ``LANG``), or ""."""
    for var in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value.split("_")[0].split(".")[0].lower()
    return ""


def marks_for(language: str | None) -> Marks:
    """The marks of a language code (``system`` or None: the process's locale)."""
    code = (language or "system").lower()
    if code == "system":
        code = system_language()
    return MARKS.get(code, NEUTRAL)


def use(marks: Marks) -> None:
    """Format with ``marks`` from now on (a face calls this once it knows the language)."""
    _in_use["marks"] = marks


def current() -> Marks:
    """The marks in use."""
    return _in_use["marks"]


def group(digits: str, sep: str | None = None) -> str:
    """``1234567`` → ``1,234,567`` with the locale's (or the given) separator."""
    sep = current().group if sep is None else sep
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(p for p in parts if p)


def sats(amount: int | None, unit: str = "sat") -> str:
    """``1,234 sat``: grouped, the unit after; a dash when unknown."""
    if amount is None:
        return "—"
    value = int(amount)
    return ("-" if value < 0 else "") + f"{group(str(abs(value)))} {unit}"


def decimal_text(text: str, min_decimals: int = 0) -> str:
    """A decimal text (``1234.5``) with the locale's marks (``1.234,50`` for two decimals)."""
    sign = "-" if text.startswith("-") else ""
    whole, _dot, frac = text.lstrip("-").partition(".")
    frac = frac.ljust(min_decimals, "0")
    return sign + group(whole or "0") + (current().decimal + frac if frac else "")


def money(amount: str | None, currency: str) -> str:
    """An amount in the shop currency: ``1,234.50 EUR``, or ``1,234 sat`` like :func:`sats`.

    Fiat amounts keep their decimal text (never a float), shown with two decimals at least.
    """
    if currency == "sat":
        try:
            return sats(int(Decimal(amount or "0")))
        except (InvalidOperation, ValueError):
            return f"{amount} sat"
    return f"{decimal_text(str(amount or '0'), 2)} {currency.upper()}"


def fiat_of(amount_sat: int, rate: str | None, currency: str) -> str:
    """``amount_sat`` in the shop currency at the sale's rate (price of one BTC), 2 decimals.

    "" for a sat shop or a sale without a rate.
    """
    if currency == "sat" or not rate:
        return ""
    try:
        value = Decimal(int(amount_sat)) * Decimal(rate) / Decimal(100_000_000)
    except (InvalidOperation, ValueError):
        return ""
    return money(format(value.quantize(Decimal("0.01")), "f"), currency)


def short_mint(url: str | None) -> str:
    """A mint URL without its scheme, for narrow columns."""
    if not url:
        return "—"
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            return url[len(prefix) :].rstrip("/")
    return url


def mints_label(first: str | None, count: int) -> str:
    """``mint.example`` or ``mint.example +2`` when a sale was paid from several mints."""
    if not first:
        return "—"
    return short_mint(first) + (f" +{count - 1}" if count > 1 else "")
