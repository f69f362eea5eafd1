"""Refunds of cancelled, partly paid sales from the command line, against a real mint."""

from __future__ import annotations

import pytest

from pos_app.core.cashu.tokens import parse_token
from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


@pytest.fixture
def shop(tmp_path, mint, fee_mint) -> Cli:
    return Cli.wallet(tmp_path / "shop", mint.url, fee_mint.url)


def cancelled_after(shop: Cli, url: str, due: str, paid: int) -> str:
    sale = shop.ok("sale", "new", "--amount", due, "--currency", "sat")
    assert shop.ok("sale", "pay", sale["sale_id"], token(url, paid))["state"] == "partially_paid"
    assert shop.ok("sale", "cancel", sale["sale_id"])["state"] == "cancelled"
    return sale["sale_id"]


def test_refund_token_is_made_once_and_redeems_in_nutshell(shop, mint, tmp_path):
    sale_id = cancelled_after(shop, mint.url, "100", 30)
    owed = shop.ok("sale", "refunds")
    assert [(s["sale_id"], s["refund_owed"]) for s in owed] == [(sale_id, 30)]
    usb = tmp_path / "usb"
    usb.mkdir()
    refund = shop.ok("sale", "refund", sale_id[:8], "--out", str(usb), "--qr")
    assert refund["sale_id"] == sale_id and refund["amount"] == 30 and refund["mint"] == mint.url
    assert parse_token(refund["token"]).amount == 30
    assert (usb / refund["file"].split("/")[-1]).read_text().strip() == refund["token"]
    assert shop.ok("sale", "refunds") == []
    shown = shop.ok("sale", "show", sale_id)
    assert shown["refund_amount"] == 30 and shown["refund_token"] == refund["token"]
    again = shop.run("sale", "refund", sale_id)
    assert again.rc != 0 and again.error_code == "refund.not_owed"
    assert "Received" in mint.cli_receive(refund["token"])
    assert shop.balance(mint.url) == 0


def test_refund_given_in_cash_is_recorded(shop, mint):
    sale_id = cancelled_after(shop, mint.url, "50", 20)
    closed = shop.ok("sale", "refund", sale_id, "--given-otherwise", "paid back in cash")
    assert closed["refund_owed"] == 0 and closed["refund_note"] == "paid back in cash"
    assert shop.ok("sale", "refunds") == []
    assert shop.balance(mint.url) == 20
