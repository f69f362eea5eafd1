"""Result shapes of sales and payments, as the CLI, the API and the UI show them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError, ValidationError
from pos_app.core.payments.basket import BasketResult
from pos_app.core.payments.basket import text as money_text
from pos_app.core.store.schema import Payment, Sale, SaleLine


@dataclass(frozen=True, slots=True)
class PayResult:
    """The answer to one token offered for a sale."""

    sale_id: str
    state: str
    paid: int
    due: int
    change_token: str | None
    payment: dict[str, Any]
    message: str = ""

    @property
    def remaining(self) -> int:
        """What the customer still owes."""
        return max(0, self.due - self.paid)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app sale pay``."""
        return {
            "sale_id": self.sale_id,
            "state": self.state,
            "paid": self.paid,
            "due": self.due,
            "remaining": self.remaining,
            "change_token": self.change_token,
            "payment": self.payment,
            "message": self.message,
        }


def store_basket(sale: Sale, figures: BasketResult, tip_sat: int) -> None:
    """Copy a basket's sale-level figures onto ``sale`` (not yet flushed)."""
    shape = figures.as_dict()
    sale.subtotal = shape["subtotal"]
    sale.total = shape["total"]
    if shape["discount"] is not None:
        sale.discount_kind = shape["discount"]["kind"]
        sale.discount_value = shape["discount"]["value"]
        sale.discount_amount = shape["discount"]["amount"]
        sale.discount_reason = shape["discount"]["reason"] or None
    if figures.line_discounts:
        sale.line_discounts = shape["line_discounts"]
    sale.tip_amount = money_text(figures.tip, figures.currency)
    sale.tip_sat = tip_sat
    sale.vat_breakdown = json.dumps(shape["vat"])
    sale.vat_rounding = figures.rounding
    sale.prices_include_vat = figures.prices_include


def basket_rows(sale_id: str, figures: BasketResult) -> list[SaleLine]:
    """The ``sale_lines`` rows of a basket."""
    return [
        SaleLine(
            sale_id=sale_id,
            **{k: v for k, v in line.items() if k not in ("position", "line_discount")},
            position=line["position"],
            line_discount=None
            if line["line_discount"] is None
            else json.dumps(line["line_discount"]),
        )
        for line in figures.as_dict()["lines"]
    ]


def session_lines(session: Session, sale_id: str) -> list[SaleLine]:
    """A sale's lines in order (empty for a sale typed as one amount)."""
    return list(
        session.scalars(
            select(SaleLine).where(SaleLine.sale_id == sale_id).order_by(SaleLine.position)
        )
    )


def line_dict(line: SaleLine) -> dict[str, Any]:
    """JSON form of a sale line."""
    return {
        "position": line.position,
        "kind": line.kind,
        "item_id": line.item_id,
        "sku": line.sku,
        "name": line.name,
        "quantity": line.quantity,
        "unit_price": line.unit_price,
        "vat_rate": line.vat_rate,
        "discount": line.discount,
        "net": line.net,
        "vat": line.vat,
        "gross": line.gross,
        "line_discount": json.loads(line.line_discount) if line.line_discount else None,
    }


def basket_dict(sale: Sale, lines: list[SaleLine] | None) -> dict[str, Any]:
    """The basket keys of ``sale_dict`` (``lines`` only when read: ``sale new``/``show``)."""
    out: dict[str, Any] = {} if lines is None else {"lines": [line_dict(x) for x in lines]}
    return out | {
        "subtotal": sale.subtotal,
        "vat": json.loads(sale.vat_breakdown) if sale.vat_breakdown else [],
        "vat_rounding": sale.vat_rounding,
        "prices_include_vat": sale.prices_include_vat,
        "discount": None
        if sale.discount_kind is None
        else {
            "kind": sale.discount_kind,
            "value": sale.discount_value,
            "amount": sale.discount_amount,
            "reason": sale.discount_reason or "",
        },
        "line_discounts": sale.line_discounts,  # the lines' own discounts, summed
        "tip": {
            "amount": sale.tip_amount or "0",
            "currency": sale.currency,
            "sat": sale.tip_sat or 0,
        },
        "total": sale.total or sale.amount,
    }


def sale_dict(
    sale: Sale, payments: list[Payment] | None = None, *, lines: list[SaleLine] | None = None
) -> dict[str, Any]:
    """JSON form of a sale (``sale new``, ``sale show``, ``sale list``)."""
    out = {
        "sale_id": sale.id,
        "state": sale.state,
        "amount": sale.amount,
        "currency": sale.currency,
        "due": sale.due,
        "unit": sale.unit,
        "paid": sale.paid,
        "remaining": max(0, sale.due - sale.paid),
        "rate": sale.rate,
        "rate_source": sale.rate_source,
        "fee_advance": sale.fee_advance,
        "memo": sale.memo,
        "order_id": sale.order_id,
        "staff": sale.staff,
        "expires_at": sale.expires_at,
        "created_at": sale.created_at,
        "paid_at": sale.paid_at,
        "payment_request": sale.payment_request,
        "payment_request_bech32": sale.payment_request_bech32,
        "change_token": sale.change_token,
        "refund_owed": refund_owed(sale),
        "refund_amount": sale.refund_amount or 0,
        "refund_state": refund_state(sale),
        "refundable": refundable_rest(sale),
        "refund_token": sale.refund_token,
        "refund_note": sale.refund_note,
        "refunded_at": sale.refunded_at,
    } | basket_dict(sale, lines)
    if payments is not None:
        out["payments"] = [payment_dict(p) for p in payments]
        out["paid_by_mint"] = paid_by_mint(payments)
    return out


def paid_by_mint(payments: list[Payment]) -> list[dict[str, Any]]:
    """What each mint's tokens credited to the sale, in the order the mints first paid."""
    credited: dict[tuple[str, str | None], int] = {}
    for p in payments:
        if p.credited and p.mint_url:
            key = (p.mint_url, p.unit)
            credited[key] = credited.get(key, 0) + p.credited
    return [{"mint": m, "unit": u, "credited": c} for (m, u), c in credited.items()]


REFUNDABLE_STATES = ("cancelled", "expired")


def refund_owed(sale: Sale) -> int:
    """What a sale that will never be paid still owes its customer (0 once refunded)."""
    if sale.state not in REFUNDABLE_STATES:
        return 0
    return max(0, int(sale.paid or 0) - int(sale.refund_amount or 0))


def refund_state(sale: Sale) -> str | None:
    """``refunded``, ``partially_refunded``, or None when nothing was given back.

    Apart from ``state``: a refunded sale stays ``paid`` for the reports (see
    docs/architecture.md, "Refunds").
    """
    given = int(sale.refund_amount or 0)
    if given <= 0:
        return None
    return "refunded" if given >= _took(sale) else "partially_refunded"


def refundable_rest(sale: Sale) -> int:
    """What a paid, cancelled or expired sale can still give back (refunds under way aside)."""
    if sale.state not in ("paid", *REFUNDABLE_STATES):
        return 0
    return max(0, _took(sale) - int(sale.refund_amount or 0))


def _took(sale: Sale) -> int:
    return max(0, int(sale.paid or 0) - int(sale.change_amount or 0))


def payment_dict(p: Payment) -> dict[str, Any]:
    """JSON form of a payment (in ``sale show`` and as the ``payment`` of ``sale pay``)."""
    return {
        "id": p.id,
        "state": p.state,
        "method": p.method,
        "mint": p.mint_url,
        "amount": p.amount,
        "credited": p.credited,
        "fee": p.mint_fee + p.lightning_fee,
        "mint_fee": p.mint_fee,
        "lightning_fee": p.lightning_fee,
        "offline": p.offline,
        "proof": p.proof_status,
        "error_code": p.error_code,
        "error": p.error_message,
        "created_at": p.created_at,
        "staff": p.staff,
    }


def sale_refusal(sale: Sale) -> PosError | None:
    """Why no token can be taken for this sale any more (None while it is open)."""
    if sale.state == "expired":
        return ValidationError("sale.expired", "This sale has expired. Start a new sale.", sale.id)
    if sale.state == "cancelled":
        return ValidationError(
            "sale.cancelled", "This sale was cancelled. Start a new sale.", sale.id
        )
    if sale.state == "paid":
        return ValidationError(
            "sale.already_paid", "This sale is already paid. Nothing more is due.", sale.id
        )
    return None
