"""A basket sale made by the command line and paid with a token at a real mint."""

from __future__ import annotations

import csv

import pytest

from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


def test_basket_sale_paid_and_shown_with_lines_and_vat(tmp_path, mint):
    shop = Cli.wallet(
        tmp_path / "shop",
        mint.url,
        vat__rates="20, 10",
        discount__manager_limit_pct="10",
    )
    added = shop.ok(
        "items", "add", "--name", "Bread", "--price", "250", "--sku", "BRD", "--vat", "10"
    )
    assert (added["sku"], added["price"], added["unit"], added["vat_rate"]) == (
        "BRD",
        "250",
        "sat",
        "10",
    )
    rows = tmp_path / "items.csv"
    rows.write_text("sku,name,price,category\nJAM,Jam,120,Spreads\n", encoding="utf-8")
    assert shop.ok("items", "import", str(rows)) == {"added": 1, "updated": 0}
    out = tmp_path / "out.csv"
    shop.ok("items", "export", "--out", str(out))
    assert [r["sku"] for r in csv.DictReader(out.open(encoding="utf-8"))] == ["BRD", "JAM"]

    refused = shop.run("sale", "new", "--item", "BRD", "--discount", "50%")
    assert refused.rc != 0 and refused.error_code == "discount.needs_manager"
    unknown = shop.run("sale", "new", "--item", "NOPE:2")
    assert unknown.rc != 0 and unknown.error_code == "item.unknown_sku"
    bad_qty = shop.run("sale", "new", "--item", "BRD:0")
    assert bad_qty.rc != 0 and bad_qty.error_code == "basket.bad_quantity"

    sale = shop.ok(
        "sale", "new", "--item", "BRD:2", "--item", "JAM", "--amount", "30",
        "--discount", "10", "--discount-reason", "loyal", "--tip", "10%",
    )  # fmt: skip
    # 500 (10 %) + 120 (20 %) + 30 (20 %) = 650, less 10: shares 8 / 2 / 0 (7.69, 1.85, 0.46)
    assert [(x["sku"], x["gross"], x["discount"]) for x in sale["lines"]] == [
        ("BRD", "492", "8"),
        ("JAM", "118", "2"),
        (None, "30", "0"),
    ]
    assert sale["vat"] == [
        {"rate": "10", "net": "447", "vat": "45", "gross": "492"},
        {"rate": "20", "net": "123", "vat": "25", "gross": "148"},
    ]
    assert (sale["total"], sale["amount"]) == ("640", "640")
    assert sale["discount"] == {"kind": "amount", "value": "10", "amount": "10", "reason": "loyal"}
    assert sale["tip"] == {"amount": "64", "currency": "sat", "sat": 64}
    assert sale["due"] == 704

    paid = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 704))
    assert (paid["state"], paid["paid"]) == ("paid", 704)
    shown = shop.ok("sale", "show", sale["sale_id"])
    assert shown["state"] == "paid"
    assert shown["lines"] == sale["lines"] and shown["vat"] == sale["vat"]
    assert shown["tip"] == sale["tip"] and shown["total"] == "640"
