"""Sales against real mints: modes, fees, partial and over-payment, outages, offline."""

from __future__ import annotations

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import update

from pos_app.app import App
from pos_app.core.cashu.nut13 import seed_from_mnemonic
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.store.schema import Sale
from pos_app.core.wallet.context import shop_private_key
from tests.support.cli import Cli
from tests.support.rateserver import RateServer
from tests.support.tokens import locked_token, redeem, token

pytestmark = pytest.mark.mint


def requests_seen(mint) -> int:
    return len(re.findall(r'"(GET|POST) /v1/', mint.log_text()))


@pytest.fixture
def shop(tmp_path, mint, fee_mint) -> Cli:
    return Cli.wallet(tmp_path / "shop", mint.url, fee_mint.url)


def offline_shop(tmp_path, mint, **settings: str) -> Cli:
    """A shop of its own at a private mint (which the test may stop), offline sales on."""
    return Cli.wallet(tmp_path / "shop", mint.url, offline__enabled="true", **settings)


def new_sale(shop: Cli, amount: str, currency: str = "sat", **extra: str) -> dict:
    args = ["sale", "new", "--amount", amount, "--currency", currency]
    for key, value in extra.items():
        args += [f"--{key}", value]
    return shop.ok(*args)


def test_sale_carries_a_payment_request(shop, mint, fee_mint):
    sale = new_sale(shop, "21", memo="coffee", **{"order-id": "web-7"})
    assert sale["state"] == "open" and sale["due"] == 21 and sale["unit"] == "sat"
    assert sale["order_id"] == "web-7"
    assert [s["sale_id"] for s in shop.ok("sale", "list", "--order-id", "web-7")] == [
        sale["sale_id"]
    ]
    assert shop.ok("sale", "list", "--order-id", "web-8") == []
    req = shop.ok("request", "decode", sale["payment_request"])
    assert req["amount"] == 21 and req["unit"] == "sat" and req["single_use"] is True
    assert set(req["mints"]) == {mint.url, fee_mint.url}
    assert req["description"] == "coffee" and req["transports"] == [] and req["nut10"] is None
    assert len(req["id"]) == 16 and not sale["sale_id"].startswith(req["id"][:8])  # random
    assert shop.ok("request", "decode", sale["payment_request_bech32"]) == req


def test_trusted_only_pays_and_refuses_untrusted_without_contact(shop, mint, stranger_mint):
    sale = new_sale(shop, "32")
    foreign = token(stranger_mint.url, 32)
    before = requests_seen(stranger_mint)
    res = shop.run("sale", "pay", sale["sale_id"], foreign)
    assert res.rc == 1 and res.error_code == "mint.untrusted"
    assert requests_seen(stranger_mint) == before
    paid = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 32))
    assert paid["state"] == "paid" and paid["remaining"] == 0
    assert paid["payment"] == {
        **paid["payment"],
        "method": "swap",
        "mint": mint.url,
        "amount": 32,
        "fee": 0,
    }
    shown = shop.ok("sale", "show", sale["sale_id"])
    assert [p["state"] for p in shown["payments"]] == ["rejected", "settled"]
    assert shown["payments"][0]["error_code"] == "mint.untrusted"


def test_partial_payment_completed_from_another_mint(shop, mint, fee_mint):
    sale = new_sale(shop, "100")
    first = shop.ok("sale", "pay", sale["sale_id"], token(fee_mint.url, 60))
    assert first["state"] == "partially_paid" and first["paid"] == 60 and first["remaining"] == 40
    assert first["payment"]["fee"] >= 1  # the fee mint's input fee is the shop's cost
    second = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 40))
    assert second["state"] == "paid" and second["paid"] == 100 and second["change_token"] is None
    again = shop.run("sale", "pay", sale["sale_id"], token(mint.url, 1))
    assert again.error_code == "sale.already_paid"


def test_overpayment_returns_change_the_customer_can_redeem(shop, mint):
    shop.setup("config", "set", "change.policy", "return")
    sale = new_sale(shop, "50")
    paid = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 64))
    assert paid["state"] == "paid" and paid["paid"] == 64
    change = parse_token(paid["change_token"])
    assert change.amount == 14 and change.mint == mint.url
    assert "Received" in mint.cli_receive(paid["change_token"])
    assert shop.balance(mint.url) == 50
    checked = shop.ok("wallet", "check")
    assert checked["exports_spent"] == 1


def test_overpayment_kept_when_the_shop_keeps_it(shop, mint):
    shop.setup("config", "set", "change.policy", "keep")
    sale = new_sale(shop, "50")
    paid = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 64))
    assert paid["state"] == "paid" and paid["change_token"] is None
    assert shop.balance(mint.url) == 64


def test_fee_over_the_cap_is_refused_before_spending(shop, fee_mint):
    shop.setup("config", "set", "fees.max_mint_fee_pct", "0.5")
    shop.setup("config", "set", "fees.always_accept", "0")
    sale = new_sale(shop, "63")
    tok = token(fee_mint.url, 63)  # 6 proofs x 100 ppk = 1 sat fee: 1.59 % of 63
    swaps = fee_mint.log_text().count("POST /v1/swap")
    res = shop.run("sale", "pay", sale["sale_id"], tok)
    assert res.rc == 1 and res.error_code == "fee.too_high"
    message = res.json["error"]["message"]
    assert "1 sat" in message and "1.59%" in message and "0.5%" in message
    assert fee_mint.log_text().count("POST /v1/swap") == swaps
    assert shop.ok("sale", "show", sale["sale_id"])["state"] == "open"
    # Nothing was spent: the customer's token still redeems elsewhere.
    assert sum(p.amount for p in redeem(fee_mint.url, tok)) == 62


def test_a_1_sat_fee_on_a_small_token_is_within_the_allowance(shop, fee_mint):
    # 3 proofs x 100 ppk = 1 sat, 2.86% of 35: over the 2% cap, under the 2 sat allowance.
    sale = new_sale(shop, "34")
    paid = shop.ok("sale", "pay", sale["sale_id"], token(fee_mint.url, 35))
    assert paid["state"] == "paid"
    shop.setup("config", "set", "fees.always_accept", "0")
    sale = new_sale(shop, "34")
    res = shop.run("sale", "pay", sale["sale_id"], token(fee_mint.url, 35))
    assert res.rc == 1 and res.error_code == "fee.too_high"
    assert "2.86%" in res.json["error"]["message"]


def test_customer_fee_advance_and_fixed_rate(shop, mint):
    refused = shop.run("config", "set", "currency", "usd")  # no rate yet: no sale could be priced
    assert refused.rc != 0 and refused.error_code == "config.currency_without_rate"
    assert "USD needs an exchange rate" in refused.json["error"]["message"]
    shop.setup("config", "set", "rate.fixed", "100000")  # 1 BTC = 100000 USD: 1 USD = 1000 sat
    shop.setup("config", "set", "currency", "usd")
    shop.setup("config", "set", "fees.customer_advance", "2")
    sale = new_sale(shop, "0.05", "USD")
    assert sale["currency"] == "USD" and sale["due"] == 52 and sale["fee_advance"] == 2
    assert sale["rate"] == "100000" and sale["rate_source"] == "fixed"
    assert shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 52))["state"] == "paid"


def test_usd_sale_priced_from_a_rate_source_paid_in_sat(shop, mint):
    with RateServer() as rates:
        url = rates.set("/ticker", {"bitcoin": {"usd": "95000.50"}})
        shop.setup(
            "config", "set", "rate.sources", json.dumps([{"url": url, "path": "bitcoin.usd"}])
        )
        shop.setup("config", "set", "currency", "USD")
        sale = new_sale(shop, "4.50", "USD")
        assert rates.count("/ticker") == 1
    # 4.50 / 95000.50 BTC = 4736.81 sat, rounded up so the shop is never short.
    assert sale["due"] == 4737 and sale["rate"] == "95000.50"
    paid = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 4737))
    assert paid["state"] == "paid" and paid["paid"] == 4737
    # With the source gone and no fixed rate, a new sale says why it cannot be priced.
    res = shop.run("sale", "new", "--amount", "1", "--currency", "USD")
    assert res.error_code == "rate.unavailable"


def test_expired_and_cancelled_sales_are_refused_before_any_mint_call(shop, mint, monkeypatch):
    shop.setup("config", "set", "sale.expiry_seconds", "30")
    sale = new_sale(shop, "10")
    cancelled = new_sale(shop, "10")
    assert shop.ok("sale", "cancel", cancelled["sale_id"])["state"] == "cancelled"
    tok = token(mint.url, 10)
    before = requests_seen(mint)
    assert shop.run("sale", "pay", cancelled["sale_id"], tok).error_code == "sale.cancelled"
    # Move the sale's rate lock into the past (as 31 seconds of waiting would).
    monkeypatch.setenv("POS_DB_KEY", shop.key)
    app = App.open(shop.data_dir)
    app.db.transact(
        lambda s: s.execute(update(Sale).where(Sale.id == sale["sale_id"]).values(expires_at=0))
    )
    asyncio.run(app.aclose())
    assert shop.run("sale", "pay", sale["sale_id"], tok).error_code == "sale.expired"
    assert requests_seen(mint) == before
    assert shop.ok("sale", "show", sale["sale_id"])["state"] == "expired"
    assert shop.ok("sale", "list", "--state", "expired")[0]["sale_id"] == sale["sale_id"]
    # The token was not spent.
    assert shop.ok("wallet", "receive", tok)["amount"] == 10


def test_same_token_twice_concurrently_settles_once(shop, mint):
    sale = new_sale(shop, "100")
    tok = token(mint.url, 40)
    with ThreadPoolExecutor(3) as pool:  # three processes at once
        runs = list(pool.map(lambda _: shop.run("sale", "pay", sale["sale_id"], tok), range(3)))
    outs = [(r.rc, r.json) for r in runs]
    ok = [o for rc, o in outs if rc == 0]
    refused = [o["error"]["code"] for rc, o in outs if rc != 0]
    assert len(ok) == 1 and ok[0]["paid"] == 40
    assert (
        set(refused) <= {"token.already_spent", "token.in_use", "token.pending"}
        and len(refused) == 2
    )
    shown = shop.ok("sale", "show", sale["sale_id"])
    assert shown["paid"] == 40 and shown["state"] == "partially_paid"
    assert shop.balance() == 40


def test_mint_down_during_the_sale_is_recovered_once(tmp_path, make_mint):
    mint = make_mint()
    shop = Cli.wallet(tmp_path / "shop", mint.url)
    sale = new_sale(shop, "30")
    tok = token(mint.url, 30)
    mint.stop()
    res = shop.ok("sale", "pay", sale["sale_id"], tok)
    assert res["state"] == "open" and res["payment"]["state"] == "recovering"
    assert "kept" in res["message"]
    listed = shop.ok("recovery", "list")
    assert listed[0]["sale_id"] == sale["sale_id"]

    assert shop.ok("recovery", "run")[0]["state"] == "pending"  # still down
    mint.start()
    assert shop.ok("recovery", "run")[0]["state"] == "recovered"
    shown = shop.ok("sale", "show", sale["sale_id"])
    assert shown["state"] == "paid" and shown["paid"] == 30
    assert [p["state"] for p in shown["payments"]] == ["settled"]
    assert shop.ok("recovery", "run") == []
    assert shop.ok("sale", "show", sale["sale_id"])["paid"] == 30
    assert shop.balance() == 30


def test_offline_acceptance_within_and_beyond_the_caps(tmp_path, make_mint):
    mint = make_mint()
    shop = offline_shop(tmp_path, mint, offline__max_per_sale="50", offline__max_per_day="70")
    pubkey = shop.setup("wallet", "pubkey")["pubkey"]
    plain_sale, offline_sale, big_sale, late_sale = (
        new_sale(shop, n) for n in ("40", "40", "60", "40")
    )
    req = shop.ok("request", "decode", offline_sale["payment_request"])
    assert req["nut10"] == {"kind": "P2PK", "data": pubkey, "tags": []}
    plain = token(mint.url, 40)
    locked = locked_token(mint.url, 40, pubkey)
    too_big = locked_token(mint.url, 60, pubkey)
    over_day = locked_token(mint.url, 40, pubkey)
    mint.stop()

    # A plain token cannot be accepted offline: it is kept for recovery.
    res = shop.ok("sale", "pay", plain_sale["sale_id"], plain)
    assert res["payment"]["state"] == "recovering" and res["state"] == "open"
    # Locked to the shop, DLEQ valid, within the caps: paid (offline) at once.
    res = shop.ok("sale", "pay", offline_sale["sale_id"], locked)
    assert (
        res["state"] == "paid" and res["payment"]["offline"] is True and "offline" in res["message"]
    )
    # Over the per-sale cap of 50: kept for recovery, not accepted now.
    res = shop.ok("sale", "pay", big_sale["sale_id"], too_big)
    assert res["payment"]["state"] == "recovering" and res["payment"]["offline"] is False
    # Over the daily cap (40 taken offline today, cap 70): kept for recovery.
    res = shop.ok("sale", "pay", late_sale["sale_id"], over_day)
    assert res["payment"]["state"] == "recovering" and res["payment"]["offline"] is False

    mint.start()
    outcomes = shop.ok("recovery", "run")
    assert len(outcomes) == 4 and {o["state"] for o in outcomes} == {"recovered"}
    for sale, due in ((plain_sale, 40), (offline_sale, 40), (big_sale, 60), (late_sale, 40)):
        shown = shop.ok("sale", "show", sale["sale_id"])
        assert (
            shown["state"] == "paid" and shown["paid"] == due
        )  # the offline one is not credited twice
    assert shop.balance() == 180
    assert shop.ok("recovery", "run") == []


def test_offline_token_that_fails_later_is_shown_to_the_owner(tmp_path, make_mint):
    mint = make_mint()
    shop = offline_shop(tmp_path, mint)
    pubkey = shop.setup("wallet", "pubkey")["pubkey"]
    sale = new_sale(shop, "16")
    locked = locked_token(mint.url, 16, pubkey)
    mint.stop()
    assert shop.ok("sale", "pay", sale["sale_id"], locked)["state"] == "paid"
    mint.start()
    # Meanwhile someone holding the shop's key spent it elsewhere (a second till, say).
    words = shop.setup("wallet", "seed", "--show", "--yes")["mnemonic"]
    redeem(mint.url, locked, key=shop_private_key(seed_from_mnemonic(words)))
    outcome = shop.ok("recovery", "run")
    assert outcome[0]["state"] == "failed" and outcome[0]["error_code"] == "token.already_spent"
    payment = shop.ok("sale", "show", sale["sale_id"])["payments"][0]
    assert payment["state"] == "failed" and payment["offline"] is True
