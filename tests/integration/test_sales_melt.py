"""Converting tokens to the shop's Lightning address: modes, proofs of payment, caps, mismatches.

The local LNURL-pay server issues real signed BOLT11 invoices. The test mint's
FakeWallet pays any valid invoice and reports a preimage of 32 zero bytes, so an
invoice whose payment hash is sha256 of 32 zero bytes is *proven* by it
(``hash=zero_once``, once per mint: nutshell refuses a second melt of one hash);
other invoices are proven through the server's LUD-21 verify URL.
"""

from __future__ import annotations

import httpx
import pytest

from tests.support.cli import Cli
from tests.support.tokens import token

pytestmark = pytest.mark.mint


@pytest.fixture
def shop(tmp_path, mint, lnurl_server) -> Cli:
    return Cli.wallet(tmp_path / "shop", mint.url, lightning__address=lnurl_server.address("shop"))


def sale(shop: Cli, amount: int) -> str:
    return shop.ok("sale", "new", "--amount", str(amount), "--currency", "sat")["sale_id"]


def test_hold_when_trusted_melts_untrusted_and_proves_by_preimage(
    shop, mint, make_mint, lnurl_server
):
    stranger = make_mint(name="stranger")  # its own: the zero payment hash melts once per mint
    lnurl_server.configure("shop", hash="zero_once", settle="auto")
    shop.setup("config", "set", "mode", "hold_when_trusted")
    sale_id = sale(shop, 200)
    trusted = shop.ok("sale", "pay", sale_id, token(mint.url, 100))
    assert trusted["payment"]["method"] == "swap"
    paid = shop.ok("sale", "pay", sale_id, token(stranger.url, 100))
    assert paid["state"] == "paid"
    assert paid["payment"]["method"] == "melt" and paid["payment"]["proof"] == "proven"
    issued = lnurl_server.invoices()
    assert len(issued) == 1 and issued[0].amount_msat == 98_000  # 100 - fee reserve 2
    # FakeWallet charges 1 sat of the 2 reserved; the rest came back as change (NUT-08).
    balances = {b["mint"]: b["amount"] for b in shop.ok("wallet", "balance")["balances"]}
    assert balances[mint.url] == 100 and balances[stranger.url] == 1
    payment = shop.ok("sale", "show", sale_id)["payments"][1]
    assert payment["lightning_fee"] == 1 and payment["mint"] == stranger.url


def test_auto_convert_melts_trusted_tokens_too_and_verifies_with_lud21(shop, mint, lnurl_server):
    lnurl_server.configure("shop", hash="random", settle="auto")
    shop.setup("config", "set", "mode", "auto_convert")
    sale_id = sale(shop, 150)
    paid = shop.ok("sale", "pay", sale_id, token(mint.url, 150))
    assert paid["state"] == "paid"
    assert paid["payment"]["method"] == "melt" and paid["payment"]["proof"] == "verified"
    assert lnurl_server.invoices()[0].amount_msat == 148_000


def test_unproven_payment_from_an_untrusted_mint_needs_review(shop, stranger_mint, lnurl_server):
    lnurl_server.configure("shop", hash="random", settle="auto", fault="no_verify")
    shop.setup("config", "set", "mode", "hold_when_trusted")
    sale_id = sale(shop, 128)
    res = shop.ok("sale", "pay", sale_id, token(stranger_mint.url, 128))
    assert res["payment"]["state"] == "needs_review" and res["state"] == "open"
    assert "review" in res["message"]
    shown = shop.ok("sale", "show", sale_id)
    assert shown["payments"][0]["error_code"] == "lightning.unproven" and shown["paid"] == 0
    # The owner checks the Lightning wallet and accepts it: the sale is credited once.
    payment_id = shown["payments"][0]["id"]
    assert (
        shop.run("sale", "review", payment_id, "--accept", "--reason", "").error_code
        == "recovery.reason_required"
    )
    accepted = shop.ok(
        "sale", "review", payment_id, "--accept", "--reason", "seen in the LN wallet"
    )
    assert accepted["state"] == "paid" and accepted["paid"] == 128
    again = shop.run("sale", "review", payment_id, "--reject", "--reason", "oops")
    assert again.error_code == "payment.not_in_review"


def test_unproven_payment_from_a_trusted_mint_is_accepted(shop, mint, lnurl_server):
    lnurl_server.configure("shop", hash="random", settle="auto", fault="no_verify")
    shop.setup("config", "set", "mode", "auto_convert")
    sale_id = sale(shop, 128)
    res = shop.ok("sale", "pay", sale_id, token(mint.url, 128))
    assert res["state"] == "paid" and res["payment"]["proof"] == "unproven"


@pytest.mark.parametrize("offset_msat", [1000, -1000, -1])
def test_invoice_amount_mismatch_is_refused_and_the_token_kept(
    shop, mint, lnurl_server, offset_msat
):
    # An invoice for less than asked would credit the sale with more than the address received.
    lnurl_server.configure("shop", invoice_offset_msat=offset_msat)
    shop.setup("config", "set", "mode", "auto_convert")
    sale_id = sale(shop, 64)
    tok = token(mint.url, 64)
    melts = mint.log_text().count("POST /v1/melt/bolt11")
    res = shop.run("sale", "pay", sale_id, tok)
    assert res.rc == 1 and res.error_code == "lightning.invoice_mismatch"
    assert mint.log_text().count("POST /v1/melt/bolt11") == melts
    assert shop.ok("sale", "show", sale_id)["paid"] == 0
    assert shop.ok("wallet", "receive", tok)["amount"] == 64  # never spent


def test_lightning_fee_over_the_cap_is_refused_before_spending(shop, mint, lnurl_server):
    lnurl_server.configure("shop", hash="random", settle="auto")
    shop.setup("config", "set", "mode", "auto_convert")
    shop.setup("config", "set", "fees.max_lightning_fee_pct", "1")
    shop.setup("config", "set", "fees.always_accept", "1")
    sale_id = sale(shop, 100)
    tok = token(mint.url, 100)
    res = shop.run("sale", "pay", sale_id, tok)
    assert res.error_code == "fee.too_high"
    assert "Lightning fee of 2 sat is 2.00%" in res.json["error"]["message"]
    assert shop.ok("wallet", "receive", tok)["amount"] == 100


def test_melt_needs_a_lightning_address(tmp_path, mint, stranger_mint):
    shop = Cli.wallet(tmp_path / "shop", mint.url, mode="hold_when_trusted")
    res = shop.run("sale", "pay", sale(shop, 10), token(stranger_mint.url, 10))
    assert res.error_code == "lightning.not_configured"


def test_wallet_melt_pays_an_invoice_with_change(shop, mint, lnurl_server):
    shop.ok("wallet", "receive", token(mint.url, 200))
    params = httpx.get(lnurl_server.pay_url("shop", hash="zero"), trust_env=False).json()
    invoice = httpx.get(params["callback"], params={"amount": 50_000}, trust_env=False).json()["pr"]
    paid = shop.ok("wallet", "melt", "--invoice", invoice)
    assert paid["state"] == "paid" and paid["amount"] == 50 and paid["fee_reserve"] == 2
    assert paid["lightning_fee"] == 1 and paid["change"] > 0
    assert shop.balance() == 149
