"""Tokens of a mint the shop does not trust, converted into ecash at its mint, on real mints.

The customer's mint (``stranger_mint``) melts the token to pay an invoice of the
shop's mint, which then mints the shop's ecash. Both are nutshell mints with the
FakeWallet backend, which marks its own invoices paid by itself: the flow, the
messages and the recovery are real, the Lightning payment between them is not.
"""

from __future__ import annotations

import signal

import pytest

from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


def converting_shop(tmp_path, mint) -> Cli:
    return Cli.wallet(tmp_path / "shop", mint.url, mints__convert_untrusted="true")


def test_a_token_of_another_mint_pays_the_sale_as_ecash_at_the_shops_mint(
    tmp_path, mint, stranger_mint
):
    shop = converting_shop(tmp_path, mint)
    sale = shop.ok("sale", "new", "--amount", "100", "--currency", "sat")
    paid = shop.ok("sale", "pay", sale["sale_id"], token(stranger_mint.url, 100))
    assert (paid["state"], paid["paid"]) == ("paid", 100)
    payment = paid["payment"]
    assert (payment["state"], payment["method"], payment["mint"], payment["proof"]) == (
        "settled",
        "convert",
        stranger_mint.url,
        "proven",
    )
    at_home, at_stranger = shop.balance(mint.url), shop.balance(stranger_mint.url)
    # Everything is accounted for: minted at the shop's mint, the Lightning fee, change.
    assert at_home + payment["lightning_fee"] + at_stranger == 100
    assert at_home >= 95
    assert [(op["kind"], op["status"]) for op in shop.setup("recovery", "list")] == []


def test_killed_between_the_melt_and_the_mint_step_is_recovered_exactly_once(
    tmp_path, mint, stranger_mint
):
    shop = converting_shop(tmp_path, mint)
    sale_id = shop.setup("sale", "new", "--amount", "100", "--currency", "sat")["sale_id"]
    customer = token(stranger_mint.url, 100)
    killed = shop.run("sale", "pay", sale_id, customer, env={"POS_TEST_FAULT": "before_mint"})
    assert killed.rc == -signal.SIGKILL

    shown = shop.setup("sale", "show", sale_id)
    assert (shown["state"], shown["paid"]) == ("open", 0)
    assert sorted((op["kind"], op["status"]) for op in shop.setup("recovery", "list")) == [
        ("mint", "pending")
    ]
    assert shop.balance(mint.url) == 0

    outcome = shop.ok("recovery", "run")
    assert [(o["kind"], o["state"], o["action"]) for o in outcome] == [
        ("mint", "recovered", "completed")
    ]
    shown = shop.setup("sale", "show", sale_id)
    assert (shown["state"], shown["paid"]) == ("paid", 100)
    payment = shown["payments"][0]
    at_home = shop.balance(mint.url)
    assert at_home == outcome[0]["amount"]
    assert at_home + payment["lightning_fee"] + shop.balance(stranger_mint.url) == 100
    assert shop.ok("recovery", "run") == []
    assert shop.balance(mint.url) == at_home  # minted once

    # The same token offered again is refused before any mint call.
    again = shop.setup("sale", "new", "--amount", "100", "--currency", "sat")["sale_id"]
    refused = shop.run("sale", "pay", again, customer)
    assert refused.rc != 0 and refused.error_code == "token.already_spent"
