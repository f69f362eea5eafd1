"""The receipt of a refund: what was given back of which sale, as ecash from which mint.

Built from a refund (``refund_dict``, as ``sales.show``'s ``refunds`` list them) and its
sale; printed and saved with :mod:`pos_app.ui.receipt` like a sale's receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.ui.models import sale_format as fmt
from pos_app.ui.receipt import Receipt, ShopHeader, _number

CLAIMS = {
    "claimed": QT_TRANSLATE_NOOP("receipt", "Yes"),
    "partially_claimed": QT_TRANSLATE_NOOP("receipt", "In part"),
    "pending": QT_TRANSLATE_NOOP("receipt", "Not yet"),
}


def build_refund_receipt(
    refund: Mapping[str, Any], sale: Mapping[str, Any], shop: str | ShopHeader = ""
) -> Receipt:
    """The receipt of ``refund`` of ``sale`` (as ``sales.show`` returns them).

    Header and "REFUND"; the lines given back (or none for a refund of an amount), then
    rows: refund id, original sale and its date, the refund's date, amount in sat and the
    shop currency, mint, claimed or not (as last checked), reason.
    """
    header = shop if isinstance(shop, ShopHeader) else ShopHeader(name=shop)
    unit = str(refund.get("unit") or "sat")
    currency = str(refund.get("currency") or sale.get("currency") or "sat")
    amount = fmt.sats(int(refund.get("amount") or 0), unit)
    if currency != "sat" and refund.get("amount_currency"):
        amount += f" ({fmt.money(refund['amount_currency'], currency)})"
    items = []
    for line in refund.get("lines") or []:
        if int(line.get("position") or 0) == 0:
            what = QCoreApplication.translate("receipt", "Tip")
        else:
            quantity = _number(line.get("quantity") or "1")
            name = str(line.get("name") or "")
            what = name if quantity == "1" else f"{quantity} × {name}"
        items.append((what, fmt.sats(int(line.get("amount") or 0), unit)))
    claim = refund.get("claim_state")
    claimed = QCoreApplication.translate("receipt", CLAIMS[claim]) if claim in CLAIMS else "-"
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("receipt", "Refund"), str(refund["refund_id"])[:8]),
        (QCoreApplication.translate("receipt", "Of sale"), str(sale["sale_id"])[:8]),
        (
            QCoreApplication.translate("receipt", "Sale date"),
            fmt.when(sale.get("paid_at") or sale.get("created_at"), seconds=True),
        ),
        (
            QCoreApplication.translate("receipt", "Refunded"),
            fmt.when(refund.get("created_at"), seconds=True),
        ),
        (QCoreApplication.translate("receipt", "Amount"), amount),
        (
            QCoreApplication.translate("receipt", "Mint"),
            fmt.short_mint(refund["mint"]) if refund.get("mint") else "-",
        ),
        (QCoreApplication.translate("receipt", "Claimed"), claimed),
    ]
    if refund.get("reason"):
        rows.append((QCoreApplication.translate("receipt", "Reason"), str(refund["reason"])))
    footer = QCoreApplication.translate("receipt", "REFUND · Refund {id}").format(
        id=refund["refund_id"]
    )
    return Receipt(
        header.name or QCoreApplication.translate("receipt", "Receipt"),
        tuple(rows),
        footer,
        header=header.lines(),
        items=tuple(items),
        qr=str(sale["sale_id"]),
        banner=QCoreApplication.translate("receipt", "REFUND"),
    )
