"""Crash safety of a sale's melt: the CLI killed right after the mint answered ``PAID``.

The process dies before the answer is written down (``after_melt``); the sale
is not paid until recovery asks the quote state, finds it paid, stores the
change and settles the sale, exactly once.
"""

from __future__ import annotations

import signal

import pytest

from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


def test_killed_after_the_mint_paid_a_sale_melt(tmp_path, mint, lnurl_server):
    lnurl_server.configure("shop", hash="random", settle="auto")
    shop = Cli.wallet(
        tmp_path / "shop",
        mint.url,
        mode="auto_convert",
        lightning__address=lnurl_server.address("shop"),
    )
    sale_id = shop.setup("sale", "new", "--amount", "100", "--currency", "sat")["sale_id"]
    killed = shop.run(
        "sale", "pay", sale_id, token(mint.url, 100), env={"POS_TEST_FAULT": "after_melt"}
    )
    assert killed.rc == -signal.SIGKILL

    shown = shop.setup("sale", "show", sale_id)
    assert (shown["state"], shown["paid"]) == ("open", 0)
    assert shown["payments"][0]["state"] == "processing"
    assert [(op["kind"], op["status"]) for op in shop.setup("recovery", "list")] == [
        ("melt", "pending")
    ]
    assert shop.balance() == 0

    outcome = shop.ok("recovery", "run")
    assert [(o["kind"], o["state"], o["action"]) for o in outcome] == [
        ("melt", "recovered", "completed")
    ]
    shown = shop.setup("sale", "show", sale_id)
    assert (shown["state"], shown["paid"]) == ("paid", 100)
    payment = shown["payments"][0]
    assert (payment["state"], payment["proof"]) == ("settled", "verified")
    # The unused fee reserve came back as change: nothing lost, nothing counted twice.
    assert shop.balance() == 100 - 98 - payment["lightning_fee"]
    assert shop.ok("recovery", "run") == []
    assert shop.setup("sale", "show", sale_id)["paid"] == 100
    assert len(lnurl_server.invoices()) == 1
