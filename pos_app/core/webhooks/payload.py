"""The webhook body: a versioned envelope around facts of a sale, payment, mint or export.

Fields are copied one by one from an allow-list, never from whole rows: a token,
a proof, a secret or the seed cannot slip in when a table gains a column.
Amounts are integers in the sale's token unit (sat); the shop-currency amount and
the rate are decimal text, as stored.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

from pos_app import __version__
from pos_app.core.store.schema import Export, Mint, Operation
from pos_app.core.webhooks.backoff import iso

if TYPE_CHECKING:
    from pos_app.core.store.schema import Payment, Sale

VERSION = 1


def new_event_id() -> str:
    """A fresh event id (the ``webhook-id``)."""
    return "evt_" + uuid.uuid4().hex


def envelope(event_id: str, event_type: str, created_at: int, till: str, data: dict) -> dict:
    """The versioned body of one event."""
    return {
        "version": VERSION,
        "id": event_id,
        "type": event_type,
        "created_at": iso(created_at),
        "till": till,
        "data": data,
    }


def encode(body: dict[str, Any]) -> str:
    """The exact text sent (compact, stable key order)."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def _time(ts: int | None) -> str | None:
    return None if ts is None else iso(ts)


def payment_data(p: Payment | Any) -> dict[str, Any]:
    """One payment's facts (a row, or a result row with the same column names)."""
    return {
        "payment_id": p.id,
        "state": p.state,
        "method": p.method,
        "mint": p.mint_url,
        "unit": p.unit,
        "amount": p.amount,
        "credited": p.credited,
        "mint_fee": p.mint_fee,
        "lightning_fee": p.lightning_fee,
        "offline": bool(p.offline),
    }


def sale_data(sale: Sale, payments: list[Any]) -> dict[str, Any]:
    """A sale's facts, with its payments that counted (settled)."""
    # Loaded with the first sale event: the outbox (and this module) is part of every
    # wallet's open, the basket arithmetic behind refund_state is not.
    from pos_app.core.payments.records import refund_state

    return {
        "sale_id": sale.id,
        "order_id": sale.order_id,
        "state": sale.state,
        "currency": sale.currency,
        "amount": sale.amount,
        "unit": sale.unit,
        "due": sale.due,
        "paid": sale.paid,
        "fee_advance": sale.fee_advance,
        "change_amount": sale.change_amount,
        "refund_amount": sale.refund_amount,
        "refund_state": refund_state(sale),
        "rate": sale.rate,
        "rate_source": sale.rate_source,
        "expires_at": _time(sale.expires_at),
        "paid_at": _time(sale.paid_at),
        "refunded_at": _time(sale.refunded_at),
        "correlation_id": sale.correlation_id,
        "payments": [payment_data(p) for p in payments],
        "total": sale.total or sale.amount,
        "vat": json.loads(sale.vat_breakdown) if sale.vat_breakdown else [],
        "discount": None
        if sale.discount_kind is None
        else {
            "kind": sale.discount_kind,
            "value": sale.discount_value,
            "amount": sale.discount_amount,
            "reason": sale.discount_reason or "",
        },
        "tip": {"amount": sale.tip_amount or "0", "sat": sale.tip_sat or 0},
        "line_discounts": sale.line_discounts,  # the lines' own discounts, summed (or None)
    }


def refund_data(refund: Any, lines: list[Any]) -> dict[str, Any]:
    """The refund a ``sale.refunded`` event reports: its sat, the lines given back, the tip.

    ``lines``: its refund lines (position 0 is the tip given back); none for a refund of
    an amount rather than of lines.
    """
    return {
        "refund_id": refund.id,
        "amount": refund.amount,
        "unit": refund.unit,
        "amount_currency": refund.amount_currency,
        "currency": refund.currency,
        "reason": refund.reason or "",
        "mint": refund.mint_url,
        "lines": [
            {"position": ln.position, "name": ln.name, "quantity": ln.quantity, "amount": ln.amount}
            for ln in lines
            if ln.position > 0
        ],
        "tip": sum(ln.amount for ln in lines if ln.position == 0),
    }


def refused_payment_data(payment: Payment, sale: Sale | None) -> dict[str, Any]:
    """A refused or doubtful payment, with its sale's amount and the reason."""
    return {
        **payment_data(payment),
        "sale_id": payment.sale_id,
        "currency": sale.currency if sale else None,
        "sale_amount": sale.amount if sale else None,
        "error_code": payment.error_code,
        "error_message": payment.error_message,
        "correlation_id": sale.correlation_id if sale else None,
    }


def mint_data(mint: Mint, previous: str | None) -> dict[str, Any]:
    """A trusted mint's new health status."""
    return {
        "mint": mint.url,
        "status": mint.status,
        "previous": previous,
        "since": _time(mint.status_since),
        "latency_ms": None if mint.latency_ms is None else round(mint.latency_ms, 1),
    }


def operation_data(op: Operation, mint_url: str | None, previous: str | None) -> dict[str, Any]:
    """A journal operation recovery could not finish, or finished."""
    return {
        "operation_id": op.id,
        "kind": op.kind,
        "state": op.state,
        "previous": previous,
        "mint": mint_url,
        "unit": op.unit,
        "amount": op.input_amount,
        "fee": op.fee,
        "attempts": op.attempts,
        "error_code": op.last_error_code,
        "correlation_id": op.correlation_id,
    }


def export_data(export: Export, mint_url: str | None) -> dict[str, Any]:
    """Ecash handed out of the wallet (the token itself stays in the till)."""
    return {
        "export_id": export.id,
        "purpose": export.purpose,
        "mint": mint_url,
        "unit": export.unit,
        "amount": export.amount,
        "locked": export.locked_to is not None,
    }


def z_report_data(content: dict[str, Any], number: int, digest: str) -> dict[str, Any]:
    """A closed Z report: its number, period, headline figures and drawer count.

    ``gross``/``gross_sat`` never hold the tips; tips, discounts, VAT by rate and refunds
    come apart.
    """
    figures = content["figures"]
    return {
        "number": number,
        "opened_at": _time(content["period"]["start"]),
        "closed_at": _time(content["period"]["end"]),
        "digest": digest,
        "sales": figures["sales"],
        "gross": figures["gross"],
        "gross_sat": figures["gross_sat"],
        "settled": figures["settled"],
        "attempts": figures["attempts"],
        # Apart from the sales (reports closed before the basket have none of them).
        "tips": figures.get("tips", {}),
        "tips_sat": figures.get("tips_sat", {}),
        "discounts": figures.get("discounts", 0),
        "discounted": figures.get("discounted", {}),
        "vat": figures.get("vat", []),
        "refunds": figures.get("refunds", 0),
        "refunded": figures.get("refunded", {}),
        "refunded_sat": figures.get("refunded_sat", {}),
        "drawer": [
            {key: line[key] for key in ("mint", "unit", "expected", "held", "difference")}
            for line in content["drawer"]
        ],
    }


def numo_body(standard: dict[str, Any]) -> dict[str, Any]:
    """Numo's ``payment.received`` v2 shape for a ``sale.paid`` (or test) event."""
    data = standard["data"]
    payments = data.get("payments") or []
    ms = _epoch_ms(standard["created_at"])
    return {
        "eventType": "payment.received",
        "eventId": standard["id"],
        "payloadVersion": 2,
        "timestampMs": ms,
        "timestampIso": standard["created_at"],
        "payment": {
            "paymentId": data.get("sale_id", standard["id"]),
            "amountSats": data.get("paid", 0),
            "paymentType": "cashu",
            "status": "completed",
            "mintUrl": payments[0]["mint"] if payments else None,
            "tipAmountSats": 0,
            "tipPercentage": 0,
            "basketId": None,
        },
        "transaction": {
            "unit": data.get("unit", "sat"),
            "entryUnit": data.get("currency", "sat"),
            "enteredAmount": data.get("amount"),
            "bitcoinPrice": data.get("rate"),
        },
        "terminal": {
            "platform": "pos-app",
            "appPackage": "pos-app",
            "appVersionName": __version__,
            "appVersionCode": 0,
            "till": standard["till"],
        },
    }


def _epoch_ms(text: str) -> int:
    from datetime import datetime

    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)
