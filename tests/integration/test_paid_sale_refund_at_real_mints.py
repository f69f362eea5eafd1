"""Refunds of paid sales from the command line, against real mints (nutshell).

A sale paid with two tokens from two mints is refunded in parts: from the mint that
holds enough, refused above what is left, redeemed by nutshell's wallet and by a second
pos-app wallet, and ``sale show --check-claims`` then shows each refund claimed.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from pos_app.core.cashu.tokens import parse_token
from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


def test_a_sale_paid_from_two_mints_is_refunded_in_parts_and_the_claims_show(
    tmp_path, mint, make_mint
):
    second = make_mint(fee_ppk=0, name="second mint")
    shop = Cli.wallet(tmp_path / "shop", mint.url, second.url)
    sale = shop.ok("sale", "new", "--amount", "30", "--currency", "sat")
    sale_id = sale["sale_id"]
    assert shop.ok("sale", "pay", sale_id, token(mint.url, 10))["state"] == "partially_paid"
    assert shop.ok("sale", "pay", sale_id, token(second.url, 20))["state"] == "paid"

    usb = tmp_path / "usb"
    usb.mkdir()
    # The first mint paid 10 only: 15 comes from the second one.
    first = shop.ok(
        "sale", "refund", sale_id[:8], "--amount", "15", "--reason", "damaged", "--out", str(usb)
    )
    assert {"refund_id", "token", "amount", "file"} <= set(first)
    assert (first["amount"], first["mint"]) == (15, second.url)
    assert parse_token(first["token"]).amount == 15
    assert (usb / Path(first["file"]).name).read_text().strip() == first["token"]

    too_large = shop.run("sale", "refund", sale_id, "--amount", "16")
    assert too_large.rc != 0 and too_large.error_code == "refund.too_large"

    second_refund = shop.ok("sale", "refund", sale_id, "--amount", "10")
    assert (second_refund["amount"], second_refund["mint"]) == (10, mint.url)
    shown = shop.ok("sale", "show", sale_id)
    assert (shown["state"], shown["refund_state"], shown["refundable"]) == (
        "paid",
        "partially_refunded",
        5,
    )
    assert [(r["amount"], r["claim_state"]) for r in shown["refunds"]] == [
        (15, "pending"),
        (10, "pending"),
    ]
    assert shop.ok("sale", "list", "--state", "partially_refunded")[0]["sale_id"] == sale_id

    # The customer redeems one refund in nutshell's wallet, the other in a pos-app wallet.
    assert "Received" in second.cli_receive(first["token"])
    customer = Cli.wallet(tmp_path / "customer", mint.url)
    got = customer.ok("wallet", "receive", second_refund["token"])
    assert customer.balance(mint.url) == 10, got

    checked = shop.ok("sale", "show", sale_id, "--check-claims")
    assert [(r["amount"], r["claim_state"]) for r in checked["refunds"]] == [
        (15, "claimed"),
        (10, "claimed"),
    ]
    last = shop.ok("sale", "refund", sale_id)  # the rest, 5, from the second mint
    assert (last["amount"], last["mint"]) == (5, second.url)
    assert shop.ok("sale", "show", sale_id)["refund_state"] == "refunded"
    assert shop.balance() == 0


def test_a_refund_killed_after_its_swap_is_finished_by_recovery_once(tmp_path, mint):
    shop = Cli.wallet(tmp_path / "shop", mint.url)
    sale_id = shop.ok("sale", "new", "--amount", "21", "--currency", "sat")["sale_id"]
    assert shop.ok("sale", "pay", sale_id, token(mint.url, 21))["state"] == "paid"
    killed = shop.run(
        "sale", "refund", sale_id, "--amount", "3", env={"POS_TEST_FAULT": "after_send_swap"}
    )
    assert killed.rc == -signal.SIGKILL
    [making] = shop.ok("sale", "show", sale_id)["refunds"]
    assert (making["state"], making["token"]) == ("making", None)
    again = shop.run("sale", "refund", sale_id, "--amount", "19")  # 3 are under way
    assert again.rc != 0 and again.error_code == "refund.too_large"

    outcome = shop.ok("recovery", "run")
    assert [o["state"] for o in outcome] == ["recovered"]
    shown = shop.ok("sale", "show", sale_id)
    [done] = shown["refunds"]
    assert (done["refund_id"], done["state"], done["amount"]) == (making["refund_id"], "done", 3)
    assert parse_token(done["token"]).amount == 3 and shown["refund_amount"] == 3
    assert "Received" in mint.cli_receive(done["token"])
    assert shop.ok("recovery", "run") == []
    assert shop.balance(mint.url) == 18
