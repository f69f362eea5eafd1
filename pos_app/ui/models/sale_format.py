"""How sales, payments and amounts read on screen: state names, colours, times, sats."""

from __future__ import annotations

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
    }
    return labels.get(state or "", state or "")


def sats(amount: int | None, unit: str = "sat") -> str:
    """``1 234 sat``: thousands grouped with a thin space, the unit after."""
    if amount is None:
        return "—"
    return f"{int(amount):,}".replace(",", "\u202f") + f" {unit}"


def money(amount: str | None, currency: str) -> str:
    """An amount in the shop currency: ``12.50 EUR`` (``sat`` amounts grouped like :func:`sats`)."""
    if currency == "sat":
        try:
            return sats(int(Decimal(amount or "0")))
        except (InvalidOperation, ValueError):
            return f"{amount} sat"
    return f"{amount} {currency.upper()}"


def when(ts: int | None) -> str:
    """A Unix time as a short local date and time; a dash when unknown."""
    if not ts:
        return "—"
    moment = QDateTime.fromSecsSinceEpoch(int(ts))
    return QLocale().toString(moment, "yyyy-MM-dd HH:mm")


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
