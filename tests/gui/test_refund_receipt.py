"""The refund receipt: its text, and its PDF on each paper, read back."""

from __future__ import annotations

import pytest

from pos_app.ui.receipt import ShopHeader, save_pdf
from pos_app.ui.refund_receipt import build_refund_receipt
from tests.support.pdftext import pdf_text

pytestmark = [pytest.mark.gui]

SALE = {
    "sale_id": "5a1e0000-aaaa-bbbb-cccc-000000000001",
    "currency": "EUR",
    "created_at": 1_780_000_000,
    "paid_at": 1_780_000_060,
}
SHOP = ShopHeader(name="Corner Cafe", address="1 Main St | Town", vat_number="DE123")


def refund(**kw):
    return {
        "refund_id": "7e4d0000-1111-2222-3333-000000000009",
        "amount": 3590,
        "unit": "sat",
        "currency": "EUR",
        "amount_currency": "3.59",
        "mint": "http://mint.example:3338",
        "claim_state": "pending",
        "reason": "stale cake",
        "created_at": 1_780_000_600,
        "lines": [
            {"position": 1, "name": "Coffee", "quantity": "2", "amount": 3000},
            {"position": 0, "name": "tip", "quantity": "1", "amount": 590},
        ],
    } | kw


def test_a_line_refund_names_its_lines_the_tip_the_sale_and_the_claim():
    text = build_refund_receipt(refund(), SALE, SHOP).text()
    lines = text.splitlines()
    assert lines[:4] == ["Corner Cafe", "1 Main St", "Town", "VAT no. DE123"]
    assert lines[4] == "REFUND"
    assert build_refund_receipt(refund(), SALE, SHOP).items == (
        ("2 × Coffee", "3\u202f000 sat"),
        ("Tip", "590 sat"),
    )
    assert any(x.startswith("Tip") for x in lines)
    for part in ("7e4d0000", "5a1e0000", "(3.59 EUR)", "Not yet", "stale cake"):
        assert part in text, part
    assert text.splitlines()[-1] == "REFUND · Refund 7e4d0000-1111-2222-3333-000000000009"


@pytest.mark.parametrize(
    ("claim", "shown"), [("claimed", "Yes"), ("partially_claimed", "In part"), (None, "-")]
)
def test_the_claim_row_follows_the_last_check(claim, shown):
    rows = dict(build_refund_receipt(refund(claim_state=claim), SALE, SHOP).rows)
    assert rows["Claimed"] == shown


def test_a_refund_of_an_amount_has_no_lines_and_a_sat_shop_no_currency():
    plain = build_refund_receipt(
        refund(lines=[], currency="sat", amount_currency="21", amount=21),
        {**SALE, "currency": "sat"},
        "",
    )
    assert plain.items == ()
    assert dict(plain.rows)["Amount"] == "21 sat"
    assert plain.title == "Receipt" and plain.banner == "REFUND"


@pytest.mark.parametrize("paper", ["58mm", "80mm", "a4"])
def test_the_pdf_on_each_paper_reads_back_its_text(qtbot, tmp_path, paper):
    out = save_pdf(build_refund_receipt(refund(), SALE, SHOP), tmp_path / f"r-{paper}.pdf", paper)
    text = pdf_text(out)
    for part in ("Corner Cafe", "REFUND", "Coffee", "Tip", "7e4d0000", "5a1e0000", "Not yet"):
        assert part in text, (paper, part, text)
