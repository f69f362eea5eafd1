"""Refunds by line from the command line, of a basket sale paid with two tokens (nutshell)."""

from __future__ import annotations

import pytest

from pos_app.core.cashu.tokens import parse_token
from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


def test_lines_of_a_sale_paid_with_two_tokens_come_back_once_and_redeem(tmp_path, mint, make_mint):
    second = make_mint(fee_ppk=0, name="second mint")
    shop = Cli.wallet(tmp_path / "shop", mint.url, second.url, vat__rates="20, 10")
    shop.ok("items", "add", "--name", "Bread", "--price", "250", "--sku", "BRD", "--vat", "10")
    shop.ok("items", "add", "--name", "Jam", "--price", "120", "--sku", "JAM")
    sale = shop.ok(
        "sale", "new", "--item", "BRD:3", "--item", "JAM", "--amount", "30", "--tip", "10%"
    )
    sale_id = sale["sale_id"]
    # 750 + 120 + 30 = 900 sat of goods, a 90 sat tip
    assert (sale["total"], sale["tip"]["sat"], sale["due"]) == ("900", 90, 990)
    assert shop.ok("sale", "pay", sale_id, token(mint.url, 650))["state"] == "partially_paid"
    assert shop.ok("sale", "pay", sale_id, token(second.url, 340))["state"] == "paid"

    usb = tmp_path / "usb"
    usb.mkdir()
    first = shop.ok("sale", "refund", sale_id[:8], "--line", "2", "--line", "3", "--out", str(usb))
    assert {"refund_id", "token", "amount", "file"} <= set(first)
    assert (first["amount"], first["mint"]) == (150, mint.url)  # the first mint paid first
    assert [(x["position"], x["amount"]) for x in first["lines"]] == [(2, 120), (3, 30)]
    assert parse_token(first["token"]).amount == 150
    assert "Received" in mint.cli_receive(first["token"])

    twice = shop.run("sale", "refund", sale_id, "--line", "3")
    assert twice.rc != 0 and twice.error_code == "refund.line_refunded"
    unknown = shop.run("sale", "refund", sale_id, "--line", "4")
    assert unknown.rc != 0 and unknown.error_code == "refund.unknown_line"

    breads = shop.ok("sale", "refund", sale_id, "--line", "1:2")
    assert (breads["amount"], breads["mint"]) == (500, mint.url)
    too_many = shop.run("sale", "refund", sale_id, "--line", "1:2")
    assert too_many.rc != 0 and too_many.error_code == "refund.bad_quantity"
    last = shop.ok("sale", "refund", sale_id, "--line", "1", "--tip")
    # the first mint is spent: the last bread and the tip come from the second
    assert (last["amount"], last["mint"]) == (250 + 90, second.url)
    assert "Received" in second.cli_receive(last["token"])

    shown = shop.ok("sale", "show", sale_id)
    assert (shown["refund_state"], shown["refundable"], shown["refund_amount"]) == (
        "refunded",
        0,
        990,
    )
    assert [[(x["position"], x["quantity"]) for x in r["lines"]] for r in shown["refunds"]] == [
        [(2, "1"), (3, "1")],
        [(1, "2")],
        [(0, "1"), (1, "1")],
    ]
    nothing = shop.run("sale", "refund", sale_id)
    assert nothing.rc != 0 and nothing.error_code == "refund.not_owed"
    assert shop.balance() == 0
