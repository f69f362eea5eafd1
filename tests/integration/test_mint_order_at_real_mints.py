"""The shop's order of mints against real mints: payment requests, change, exports, outages."""

from __future__ import annotations

import pytest

from pos_app.core.cashu.tokens import parse_token
from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


def request_mints(shop: Cli, sale: dict) -> list[str]:
    return shop.ok("request", "decode", sale["payment_request"])["mints"]


def new_sale(shop: Cli, amount: str, *extra: str) -> dict:
    return shop.ok("sale", "new", "--amount", amount, "--currency", "sat", *extra)


def test_the_order_is_set_listed_and_checked(tmp_path, mint, stranger_mint, fee_mint):
    shop = Cli.wallet(tmp_path / "shop", mint.url, fee_mint.url)
    shop.setup("mints", "add", "--no-trust", stranger_mint.url)
    listed = shop.ok("mints", "list")
    assert [(m["url"], m["priority"]) for m in listed] == [
        (mint.url, 1),
        (fee_mint.url, 2),
        (stranger_mint.url, None),
    ]
    moved = shop.ok("mints", "priority", fee_mint.url, "1")
    assert [(m["url"], m["priority"]) for m in moved] == [
        (fee_mint.url, 1),
        (mint.url, 2),
        (stranger_mint.url, None),
    ]
    refused = shop.run("mints", "priority", stranger_mint.url, "1")
    assert refused.rc != 0 and refused.error_code == "mint.not_trusted"
    assert shop.run("mints", "priority", mint.url, "0").error_code == "mint.priority_invalid"
    # Trusting the stranger puts it last; the request lists the trusted mints in order.
    shop.setup("mints", "add", stranger_mint.url)
    assert request_mints(shop, new_sale(shop, "5")) == [fee_mint.url, mint.url, stranger_mint.url]


def test_an_offline_mint_leaves_the_request_and_all_offline_is_refused(tmp_path, make_mint):
    first, second = make_mint(name="first"), make_mint(name="second")
    shop = Cli.wallet(tmp_path / "shop", first.url, second.url)
    assert request_mints(shop, new_sale(shop, "10")) == [first.url, second.url]
    customer_token = token(first.url, 21)

    # A sale re-checks the mints only when the last check is a few seconds old: the test
    # checks now, so what it sees does not depend on how fast the mint stopped.
    first.stop()
    shop.ok("mints", "check")
    assert request_mints(shop, new_sale(shop, "10")) == [second.url]
    shop.ok("mints", "priority", second.url, "1")
    first.start()
    shop.ok("mints", "check")
    assert request_mints(shop, new_sale(shop, "10")) == [second.url, first.url]

    first.stop()
    second.stop()
    shop.ok("mints", "check")
    made = len(shop.ok("sale", "list"))
    refused = shop.run("sale", "new", "--amount", "21", "--currency", "sat")
    assert refused.rc != 0 and refused.error_code == "mint.all_offline"
    assert "Every mint the shop trusts is offline" in refused.json["error"]["message"]
    assert len(shop.ok("sale", "list")) == made  # no sale was made
    sale = new_sale(shop, "21", "--even-if-offline")
    assert request_mints(shop, sale) == [second.url, first.url]  # none online: all named

    first.start()  # a mint comes back: its token pays the sale shown meanwhile
    paid = shop.ok("sale", "pay", sale["sale_id"], customer_token)
    assert (paid["state"], paid["paid"]) == ("paid", 21)


def test_change_and_exports_come_from_the_first_mint_that_holds_enough(
    tmp_path, mint, stranger_mint
):
    shop = Cli.wallet(tmp_path / "shop", mint.url, stranger_mint.url, change__policy="return")
    shop.ok("wallet", "receive", token(mint.url, 40))

    # mint is first and holds 40: the change of a sale paid at stranger_mint comes from it
    sale = new_sale(shop, "50")
    paid = shop.ok("sale", "pay", sale["sale_id"], token(stranger_mint.url, 64))
    assert parse_token(paid["change_token"]).mint == mint.url
    assert parse_token(paid["change_token"]).amount == 14

    shop.ok("mints", "priority", stranger_mint.url, "1")
    sale = new_sale(shop, "50")
    paid = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 64))
    change = parse_token(paid["change_token"])
    assert (change.mint, change.amount) == (stranger_mint.url, 14)

    # holdings now: stranger 64 - 14 = 50, mint 40 - 14 + 64 = 90
    assert (shop.balance(stranger_mint.url), shop.balance(mint.url)) == (50, 90)
    export = shop.ok("wallet", "send", "--amount", "30")
    assert parse_token(export["token"]).mint == stranger_mint.url
    export = shop.ok("wallet", "send", "--amount", "60")  # stranger holds 20 now: the next
    assert parse_token(export["token"]).mint == mint.url
    short = shop.run("wallet", "send", "--amount", "31")
    assert short.error_code == "wallet.insufficient_funds"

    balance = shop.ok("wallet", "balance")["balances"]
    assert [b["mint"] for b in balance] == [stranger_mint.url, mint.url]  # the shop's order
    (tmp_path / "stick").mkdir()
    bulk = shop.ok("wallet", "export-all", "--out", str(tmp_path / "stick"))
    assert [f["mint"] for f in bulk["files"]] == [stranger_mint.url, mint.url]


def test_a_sale_paid_by_two_mints_shows_what_each_paid(tmp_path, mint, stranger_mint):
    shop = Cli.wallet(tmp_path / "shop", mint.url, stranger_mint.url)
    sale = new_sale(shop, "100")
    shop.ok("sale", "pay", sale["sale_id"], token(stranger_mint.url, 30))
    shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 50))
    shop.ok("sale", "pay", sale["sale_id"], token(stranger_mint.url, 20))
    shown = shop.ok("sale", "show", sale["sale_id"])
    assert shown["state"] == "paid"
    assert [(p["mint"], p["credited"]) for p in shown["payments"]] == [
        (stranger_mint.url, 30),
        (mint.url, 50),
        (stranger_mint.url, 20),
    ]
    assert shown["paid_by_mint"] == [
        {"mint": stranger_mint.url, "unit": "sat", "credited": 50},
        {"mint": mint.url, "unit": "sat", "credited": 50},
    ]
