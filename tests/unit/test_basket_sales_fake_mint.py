"""Basket sales through SalesService and the catalogue, against the in-process fake mint."""

from __future__ import annotations

import asyncio

import pytest

from pos_app.core.errors import PosError
from pos_app.core.payments.items import LineSpec
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

# 1 BTC = 100000 EUR: 1 EUR = 1000 sat, 0.01 EUR = 10 sat
EUR_SHOP = {
    "currency": "EUR",
    "rate.fixed": "100000",
    "vat.rates": "19, 7",
    "vat.prices_include": True,
    "discount.manager_limit_pct": 15,
}


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run(tmp_path, scenario, settings=EUR_SHOP):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            await app.db.run(lambda s: app.config.set_many(s, settings))
            return await scenario(app, mint)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def catalogue(app):
    await app.items.add(name="Coffee", price="3.50", sku="COF", category="Drinks")
    await app.items.add(name="Cake", price="2.99", sku="CAKE", vat_rate="7")


def test_basket_sale_stores_lines_vat_discount_tip_and_is_paid(tmp_path):
    async def scenario(app, mint):
        await catalogue(app)
        sale = await app.sales.new_sale(
            None,
            items=[LineSpec("COF", 2), LineSpec("CAKE")],
            discount="10%",
            discount_reason="regular",
            tip="1.00",
        )
        paid = await app.sales.pay(sale["sale_id"], mint.token(sale["due"]), source="cli")
        return sale, paid, await app.sales.show(sale["sale_id"])

    sale, paid, shown = run(tmp_path, scenario)
    assert sale["amount"] == sale["total"] == "8.99"
    assert sale["subtotal"] == "9.99"
    assert sale["discount"] == {
        "kind": "percent",
        "value": "10",
        "amount": "1.00",
        "reason": "regular",
    }
    assert sale["vat"] == [
        {"rate": "7", "net": "2.51", "vat": "0.18", "gross": "2.69"},
        {"rate": "19", "net": "5.29", "vat": "1.01", "gross": "6.30"},
    ]
    # (8.99 + 1.00) EUR = 9990 sat, of which the tip is 1000
    assert sale["tip"] == {"amount": "1.00", "currency": "EUR", "sat": 1000}
    assert sale["due"] == 9990
    assert [(x["sku"], x["quantity"], x["gross"], x["discount"]) for x in sale["lines"]] == [
        ("COF", "2", "6.30", "0.70"),
        ("CAKE", "1", "2.69", "0.30"),
    ]
    assert paid.state == "paid"
    assert shown["lines"] == sale["lines"] and shown["vat"] == sale["vat"]
    assert shown["state"] == "paid" and shown["tip"]["sat"] == 1000


def test_amount_only_sale_is_unchanged(tmp_path):
    async def scenario(app, mint):
        return await app.sales.new_sale("4.50")

    sale = run(tmp_path, scenario)
    assert (sale["amount"], sale["due"], sale["total"]) == ("4.50", 4500, "4.50")
    assert sale["vat"] == [] and sale["discount"] is None and "lines" not in sale
    assert sale["tip"] == {"amount": "0", "currency": "EUR", "sat": 0}


def test_refusals(tmp_path):
    async def scenario(app, mint):
        await catalogue(app)
        codes = []
        for kwargs in (
            {"items": [LineSpec("NOPE")]},
            {"items": [LineSpec("COF")], "discount": "20%"},
            {"items": [LineSpec("COF")], "discount": "9.00"},
            {"items": [LineSpec("COF")], "tip": "-1"},
        ):
            with pytest.raises(PosError) as err:
                await app.sales.new_sale(None, **kwargs)
            codes.append(err.value.code)
        over = await app.sales.new_sale(
            None, items=[LineSpec("COF")], discount="20%", manager_override=True
        )
        return codes, over, await app.sales.list()

    codes, over, listed = run(tmp_path, scenario)
    assert codes == [
        "item.unknown_sku",
        "discount.needs_manager",
        "discount.too_large",
        "tip.invalid",
    ]
    assert over["total"] == "2.80" and over["discount"]["amount"] == "0.70"
    assert len(listed) == 1  # nothing was written for a refused sale


def test_net_prices_add_vat_on_top_in_sat(tmp_path):
    async def scenario(app, mint):
        await app.items.add(name="Sticker", price="100", unit="sat", sku="ST", vat_rate="19")
        return await app.sales.new_sale("50", "sat", items=[LineSpec("ST", 3)], tip="10%")

    sale = run(tmp_path, scenario, {**EUR_SHOP, "vat.prices_include": False, "vat.rates": "0"})
    # 300 net + 57 VAT; 50 custom at 0 %; total 407, tip 41 (40.7)
    assert sale["vat"] == [
        {"rate": "0", "net": "50", "vat": "0", "gross": "50"},
        {"rate": "19", "net": "300", "vat": "57", "gross": "357"},
    ]
    assert (sale["total"], sale["tip"]["sat"], sale["due"]) == ("407", 41, 448)


def test_catalogue_csv_all_or_nothing(tmp_path):
    async def scenario(app, mint):
        await catalogue(app)
        bad = "sku,name,price,vat_rate\nTEA,Tea,2.00,7\n,NoPrice,,\nX1,Bad rate,1.00,150\nTEA,Again,1,\n"
        with pytest.raises(PosError) as err:
            await app.items.import_csv(bad)
        before = await app.items.list()
        done = await app.items.import_csv(
            "sku,name,price,category\nTEA,Tea,2.00,Drinks\nCOF,Coffee,3.80,Drinks\n"
        )
        exported = await app.items.export_csv()
        with pytest.raises(PosError) as dup:
            await app.items.add(name="Other", price="1", sku="TEA")
        await app.items.remove("CAKE")
        return err.value, before, done, exported, dup.value, await app.items.list()

    err, before, done, exported, dup, after = run(tmp_path, scenario)
    assert err.code == "items.import_invalid"
    assert [(r["row"], r["field"]) for r in err.data["rows"]] == [
        (3, "price"),
        (4, "vat_rate"),
        (5, "sku"),
    ]
    assert len(before) == 2
    assert done == {"added": 1, "updated": 1}
    assert "COF,Coffee,3.80,EUR,,Drinks,,true" in exported
    assert dup.code == "item.duplicate_sku"
    assert sorted(i["sku"] for i in after) == ["COF", "TEA"]


def test_webhook_bodies_carry_vat_discount_and_tip_and_fit_the_schema(tmp_path):
    import json
    from pathlib import Path

    import jsonschema
    from sqlalchemy import select

    from pos_app.core.store.schema import WebhookEvent

    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "docs/webhooks/event-v1.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    async def scenario(app, mint):
        await catalogue(app)
        await app.webhooks.add("http://127.0.0.1:9/hook")
        sale = await app.sales.new_sale(
            None, items=[LineSpec("CAKE", 3)], discount="0.97", tip="5%"
        )
        await app.sales.pay(sale["sale_id"], mint.token(sale["due"]))
        plain = await app.sales.new_sale("2.00")
        bodies = app.db.transact(
            lambda s: [json.loads(p) for p in s.scalars(select(WebhookEvent.payload_json))]
        )
        return sale, plain, bodies

    sale, plain, bodies = run(tmp_path, scenario)
    for body in bodies:
        validator.validate(body)
    data = {(b["type"], b["data"]["sale_id"]): b["data"] for b in bodies if "sale_id" in b["data"]}
    paid = data[("sale.paid", sale["sale_id"])]
    # 8.97 - 0.97 = 8.00 at 7 %: VAT 0.52 (0.5233); tip 5 % = 0.40 = 400 sat
    assert paid["vat"] == [{"rate": "7", "net": "7.48", "vat": "0.52", "gross": "8.00"}]
    assert paid["discount"] == {"kind": "amount", "value": "0.97", "amount": "0.97", "reason": ""}
    assert paid["tip"] == {"amount": "0.40", "sat": 400}
    assert (paid["total"], paid["amount"], paid["due"]) == ("8.00", "8.00", 8400)
    created = data[("sale.created", plain["sale_id"])]
    assert (created["vat"], created["discount"], created["total"]) == ([], None, "2.00")


def test_a_line_discount_comes_before_the_sale_discount_in_the_webhook_body(tmp_path):
    import json
    from pathlib import Path

    import jsonschema
    from sqlalchemy import select

    from pos_app.core.store.schema import WebhookEvent

    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "docs/webhooks/event-v1.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    async def scenario(app, mint):
        await catalogue(app)
        await app.webhooks.add("http://127.0.0.1:9/hook")
        with pytest.raises(PosError) as err:  # 0.50 + 0.97 of 8.97 is 16.4 %: over 15 %
            await app.sales.new_sale(
                None, items=[LineSpec("CAKE", 3)], discount="0.97", line_discounts=[(1, "0.50", "")]
            )
        sale = await app.sales.new_sale(
            None,
            items=[LineSpec("CAKE", 3)],
            discount="0.97",
            tip="5%",
            line_discounts=[(1, "0.50", "dented")],
            manager_override=True,
        )
        await app.sales.pay(sale["sale_id"], mint.token(sale["due"]))
        bodies = app.db.transact(
            lambda s: [json.loads(p) for p in s.scalars(select(WebhookEvent.payload_json))]
        )
        return err.value.code, sale, bodies

    code, sale, bodies = run(tmp_path, scenario)
    assert code == "discount.needs_manager"
    for body in bodies:
        validator.validate(body)
    paid = next(b["data"] for b in bodies if b["type"] == "sale.paid")
    # 8.97 - 0.50 = 8.47, - 0.97 = 7.50 at 7 %: VAT 0.49 (0.4907); tip 5 % = 0.38 (0.375)
    assert paid["line_discounts"] == "0.50" and paid["discount"]["amount"] == "0.97"
    assert paid["vat"] == [{"rate": "7", "net": "7.01", "vat": "0.49", "gross": "7.50"}]
    assert (paid["total"], paid["tip"], paid["due"]) == (
        "7.50",
        {"amount": "0.38", "sat": 380},
        7880,
    )
    assert sale["lines"][0]["line_discount"] == {
        "kind": "amount",
        "value": "0.5",
        "amount": "0.50",
        "reason": "dented",
    }
