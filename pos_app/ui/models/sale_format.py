"""How sales, payments, amounts and times read on screen: the one place that formats them."""

from __future__ import annotations

import time
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

_CTX = "SaleFormat"

# Sale and payment states with the colour role (theme.Colors field) they are shown in.
STATE_COLORS = {
    "open": "info",
    "partially_paid": "warn",
    "paid": "ok",
    "expired": "muted",
    "cancelled": "muted",
    "received": "info",
    "processing": "info",
    "settled": "ok",
    "rejected": "muted",
    "recovering": "warn",
    "failed": "bad",
    "needs_review": "bad",
    "refund_owed": "bad",
    "dismissed": "muted",
    "pending": "warn",
    "done": "ok",
    "recovered": "ok",
}

SALE_STATES = ("open", "partially_paid", "paid", "expired", "cancelled")


def tr(text: str) -> str:
    """Translate ``text`` in this module's context."""
    return QCoreApplication.translate(_CTX, text)


def state_label(state: str | None) -> str:
    """The cashier's word for a sale, payment or operation state."""
    labels = {
        "open": tr("Open"),
        "partially_paid": tr("Partly paid"),
        "paid": tr("Paid"),
        "expired": tr("Expired"),
        "cancelled": tr("Cancelled"),
        "received": tr("Received"),
        "processing": tr("Processing"),
        "settled": tr("Settled"),
        "rejected": tr("Rejected"),
        "recovering": tr("Recovering"),
        "failed": tr("Failed"),
        "needs_review": tr("Needs review"),
        "dismissed": tr("Dismissed"),
        "pending": tr("Pending"),
        "done": tr("Done"),
        "recovered": tr("Recovered"),
        "refund_owed": tr("Refund owed"),
    }
    return labels.get(state or "", state or "")


def group(digits: str, sep: str = "\u202f") -> str:
    """``1234567`` → ``1 234 567`` (narrow spaces: reads the same in every locale)."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(p for p in parts if p)


def sats(amount: int | None, unit: str = "sat") -> str:
    """``1 234 sat``: thousands grouped with a narrow space, the unit after."""
    if amount is None:
        return "—"
    value = int(amount)
    return ("-" if value < 0 else "") + f"{group(str(abs(value)))} {unit}"


def money(amount: str | None, currency: str) -> str:
    """An amount in the shop currency: ``1 234.50 EUR``, or ``1 234 sat`` like :func:`sats`.

    Fiat amounts keep their decimal text (never a float), grouped and shown with two
    decimals at least.
    """
    if currency == "sat":
        try:
            return sats(int(Decimal(amount or "0")))
        except (InvalidOperation, ValueError):
            return f"{amount} sat"
    whole, _dot, frac = str(amount or "0").partition(".")
    return f"{group(whole or '0')}.{frac.ljust(2, '0')} {currency.upper()}"


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


def when(ts: int | None, *, seconds: bool = False) -> str:
    """A Unix time as a short local date and time; a dash when unknown."""
    if not ts:
        return "—"
    moment = QDateTime.fromSecsSinceEpoch(int(ts))
    return QLocale().toString(moment, "yyyy-MM-dd HH:mm:ss" if seconds else "yyyy-MM-dd HH:mm")


def ago(ts: int | None, now: float | None = None) -> str:
    """How long ago a Unix time was: ``12 s ago``, ``5 min ago``, ``3 h ago``, ``never``."""
    if not ts:
        return tr("never")
    elapsed = max(0, int(time.time() if now is None else now) - int(ts))
    if elapsed < 60:
        return tr("{n} s ago").format(n=elapsed)
    if elapsed < 3600:
        return tr("{n} min ago").format(n=elapsed // 60)
    return tr("{n} h ago").format(n=elapsed // 3600)


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
