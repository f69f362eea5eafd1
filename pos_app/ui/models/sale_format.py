"""How sales, payments, amounts and times read on screen.

Amounts, currencies and mint hosts come from :mod:`pos_app.core.formatting` (the one
module every face formats money with, re-exported here for the screens); the states'
words and colours and the local times are the screen's own.
"""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from pos_app.core.formatting import fiat_of, group, mints_label, money, sats, short_mint

__all__ = [
    "SALE_STATES",
    "STATE_COLORS",
    "ago",
    "fiat_of",
    "group",
    "mints_label",
    "money",
    "sats",
    "short_mint",
    "state_label",
    "use_zone",
    "when",
]

# The shop's time zone (the ``shop.timezone`` setting) once the window applies it; None:
# this computer's. Times on screen read as the reports count them.
_zone: ZoneInfo | None = None


def use_zone(name: str) -> None:
    """Show times in the zone ``name`` (IANA); empty or unknown: this computer's zone."""
    global _zone  # noqa: PLW0603 - one setting for every screen, applied by the main window
    try:
        _zone = ZoneInfo(name) if name else None
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        _zone = None


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
    "partially_refunded": "warn",
    "refunded": "muted",
    "claimed": "ok",
    "partially_claimed": "warn",
    "making": "info",
    "dismissed": "muted",
    "pending": "warn",
    "done": "ok",
    "recovered": "ok",
}

SALE_STATES = ("open", "partially_paid", "paid", "expired", "cancelled")
# The Activity filter's choices: the sale states, then what was given back (refund_state).
FILTER_STATES = (*SALE_STATES, "partially_refunded", "refunded")


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
        "partially_refunded": tr("Partly refunded"),
        "refunded": tr("Refunded"),
        "claimed": tr("Claimed"),
        "partially_claimed": tr("Partly claimed"),
        "making": tr("Being made"),
    }
    return labels.get(state or "", state or "")


def when(ts: int | None, *, seconds: bool = False) -> str:
    """A Unix time as a short date and time in the shop's zone; a dash when unknown."""
    if not ts:
        return "—"
    moment = datetime.fromtimestamp(int(ts), _zone)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


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
