"""A receipt prints a line's own discount on the row under its item."""

from __future__ import annotations

from decimal import Decimal

from pos_app.core.payments.basket import Adjustment, Line, compute
from pos_app.ui.receipt import build_receipt


def basket_sale() -> dict:
    """A sale as ``sale show`` returns it, its lines from the basket module itself."""
    figures = compute(
        [
            Line(
                "Coffee",
                Decimal(2),
                Decimal("3.50"),
                Decimal(19),
                discount=Adjustment("percent", Decimal(10), "loyalty"),
            ),
            Line("Cake", Decimal(1), Decimal("2.99"), Decimal(7)),
            Line(
                "Mug",
                Decimal(1),
                Decimal("9.00"),
                Decimal(19),
                discount=Adjustment("amount", Decimal(1)),
            ),
        ],
        "EUR",
    ).as_dict()
    return {
        "sale_id": "0f6a1d4e-8b1c-4e0b-9d7a-2c3b4d5e6f70",
        "state": "paid",
        "amount": figures["total"],
        "total": figures["total"],
        "subtotal": figures["subtotal"],
        "currency": "EUR",
        "due": 16_790,
        "paid": 16_790,
        "rate": "100000",
        "created_at": 1_764_000_000,
        "paid_at": 1_764_000_042,
        "lines": figures["lines"],
        "vat": figures["vat"],
        "line_discounts": figures["line_discounts"],
        "payments": [],
    }


def test_the_line_discount_is_the_row_under_its_item(qapp):
    receipt = build_receipt(basket_sale())
    assert receipt.items == (
        ("2 × Coffee @ 3.50 EUR", "7.00 EUR"),
        ("  Discount 10 % (loyalty)", "-0.70 EUR"),
        ("Cake", "2.99 EUR"),
        ("Mug", "9.00 EUR"),
        ("  Discount", "-1.00 EUR"),
    )
    text = receipt.text()
    assert text.index("Coffee") < text.index("loyalty") < text.index("Cake")


def amount_of(text: str) -> Decimal:
    return Decimal(text.split(maxsplit=1)[0].replace(",", ""))


def test_the_rows_add_up_to_the_total_with_line_and_sale_discounts(qapp):
    # Gross prices: the item rows, less the line discounts, less the sale discount, are
    # the total (each discount printed once, never also inside an item's amount).
    figures = compute(
        [
            Line(
                "Coffee",
                Decimal(3),
                Decimal("3.35"),
                Decimal(19),
                discount=Adjustment("percent", Decimal(15), "staff"),
            ),
            Line("Cake", Decimal(1), Decimal("4.10"), Decimal(7)),
        ],
        "EUR",
        discount=Adjustment("percent", Decimal(10), "regular"),
    ).as_dict()
    sale = {
        **basket_sale(),
        "amount": figures["total"],
        "total": figures["total"],
        "subtotal": figures["subtotal"],
        "lines": figures["lines"],
        "vat": figures["vat"],
        "discount": figures["discount"],
    }
    receipt = build_receipt(sale)
    items = sum((amount_of(v) for _k, v in receipt.items), Decimal(0))
    rows = dict(receipt.rows)
    subtotal = amount_of(rows["Subtotal"])
    assert subtotal == items  # the lines after their own discounts
    assert subtotal - amount_of(rows["Discount"].lstrip("-")) == Decimal(figures["total"])
