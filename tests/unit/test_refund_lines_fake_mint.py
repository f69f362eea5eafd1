"""Refunds by line of basket sales on the fake mint: the sat of each line, never twice.

The shop sells in EUR at a fixed rate (1 EUR = 1000 sat), so each expected figure below
is the line's gross in cents times ten, worked out by hand from the basket.
"""

from __future__ import annotations

import asyncio
import random
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.payments.items import LineSpec
from pos_app.core.store.schema import Refund, RefundLine
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

EUR_SHOP = {
    "currency": "EUR",
    "rate.fixed": "100000",
    "vat.rates": "19, 7",
    "vat.prices_include": True,
    "discount.manager_limit_pct": 50,
}


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run(tmp_path, scenario):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            await app.db.run(lambda s: app.config.set_many(s, EUR_SHOP))
            await app.items.add(name="Coffee", price="3.50", sku="COF")
            await app.items.add(name="Cake", price="2.99", sku="CAKE", vat_rate="7")
            await app.items.add(name="Tea", price="1.00", sku="TEA")
            return await scenario(app, mint)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def basket_sale(app, mint, items, **kw):
    sale = await app.sales.new_sale(None, items=items, manager_override=True, **kw)
    await app.sales.pay(sale["sale_id"], mint.token(sale["due"]))
    return sale


async def refused(coro):
    with pytest.raises(PosError) as err:
        await coro
    return err.value


def test_lines_come_back_at_their_share_once_and_the_tip_only_when_asked(tmp_path):
    async def scenario(app, mint):
        sale = await basket_sale(app, mint, [LineSpec("COF", 2), LineSpec("CAKE")], tip="1.00")
        sid = sale["sale_id"]
        refunds = app.sales.refunds
        preview = await refunds.preview(sid, [2])
        cake = await refunds.refund(sid, lines=[2])
        twice = await refused(refunds.refund(sid, lines=[2]))
        tip = await refunds.refund(sid, include_tip=True)
        tip_again = await refused(refunds.refund(sid, include_tip=True))
        one_coffee = await refunds.refund(sid, lines={1: 1})
        too_many = await refused(refunds.refund(sid, lines={1: 2}))
        other_coffee = await refunds.refund(sid, lines={1: "1"})
        nothing_left = await refused(refunds.refund(sid))
        shown = await app.sales.show(sid)
        return (
            sale,
            preview,
            cake,
            twice,
            one_coffee,
            too_many,
            other_coffee,
            tip,
            tip_again,
            (
                nothing_left,
                shown,
            ),
        )

    out = run(tmp_path, scenario)
    sale, preview, cake, twice, one_coffee, too_many, other_coffee, tip, tip_again, rest = out
    nothing_left, shown = rest
    # 7.00 + 2.99 EUR of goods = 9990 sat, the 1.00 EUR tip 1000 sat
    assert sale["due"] == 10990
    assert (preview["amount"], preview["amount_currency"]) == (2990, "2.99")
    assert preview["lines"] == [{"position": 2, "name": "Cake", "quantity": "1", "amount": 2990}]
    assert cake.amount == parse_token(cake.token).amount == 2990
    assert cake.to_dict()["lines"] == preview["lines"]
    assert twice.code == "refund.line_refunded"
    assert one_coffee.amount == other_coffee.amount == 3500
    assert too_many.code == "refund.bad_quantity" and too_many.data["left"] == "1"
    assert tip.amount == 1000
    assert tip.lines == ({"position": 0, "name": "tip", "quantity": "1", "amount": 1000},)
    assert tip_again.code == "refund.tip_refunded"
    assert nothing_left.code == "refund.not_owed"
    assert shown["refund_state"] == "refunded" and shown["refund_amount"] == 10990
    assert [[(x["position"], x["quantity"]) for x in r["lines"]] for r in shown["refunds"]] == [
        [(2, "1")],
        [(0, "1")],
        [(1, "1")],
        [(1, "1")],
    ]


def test_a_line_refund_stops_at_what_an_amount_refund_left(tmp_path):
    async def scenario(app, mint):
        sale = await basket_sale(app, mint, [LineSpec("COF"), LineSpec("TEA")])
        sid = sale["sale_id"]
        refunds = app.sales.refunds
        # 4500 sat paid; leave 999 (one sat less than the tea's 1000)
        await refunds.refund(sid, amount=3501)
        over = await refused(refunds.refund(sid, lines=[2]))
        preview = await refunds.preview(sid, [2])
        await refunds.refund(sid, amount=1)  # the refunded sum is now 3502
        coffee_over = await refused(refunds.refund(sid, lines=[1]))
        return over, preview, coffee_over, await app.sales.show(sid)

    over, preview, coffee_over, shown = run(tmp_path, scenario)
    assert over.code == "refund.too_large" and over.data == {"refundable": 999}
    assert preview["too_large"] and preview["refundable"] == 999
    assert coffee_over.code == "refund.too_large"
    assert shown["refund_amount"] == 3502  # the refused ones reserved nothing


def test_a_line_refund_equal_to_what_is_left_is_given(tmp_path):
    async def scenario(app, mint):
        sale = await basket_sale(app, mint, [LineSpec("COF"), LineSpec("TEA")])
        sid = sale["sale_id"]
        await app.sales.refunds.refund(sid, amount=3500)  # leaves exactly the tea's 1000
        tea = await app.sales.refunds.refund(sid, lines=[2])
        return tea, await app.sales.show(sid)

    tea, shown = run(tmp_path, scenario)
    assert tea.amount == 1000 and shown["refundable"] == 0


def test_two_refunds_of_the_same_line_at_once_give_it_back_once(tmp_path):
    async def scenario(app, mint):
        sale = await basket_sale(app, mint, [LineSpec("COF"), LineSpec("TEA"), LineSpec("CAKE")])
        sid = sale["sale_id"]
        outcome = await asyncio.gather(
            app.sales.refunds.refund(sid, lines=[1, 3]),
            app.sales.refunds.refund(sid, lines=[3]),
            return_exceptions=True,
        )
        rows = app.db.transact(lambda s: [(r.state, r.amount) for r in s.scalars(select(Refund))])
        return outcome, rows

    (first, second), rows = run(tmp_path, scenario)
    assert first.amount == 3500 + 2990
    assert isinstance(second, PosError) and second.code == "refund.line_refunded"
    assert rows == [("done", 6490)]


def test_bad_line_requests_are_refused_and_reserve_nothing(tmp_path):
    async def scenario(app, mint):
        sale = await basket_sale(app, mint, [LineSpec("COF", Decimal("1.5")), LineSpec("TEA")])
        sid = sale["sale_id"]
        plain = (await app.sales.new_sale("2.00"))["sale_id"]
        await app.sales.pay(plain, mint.token(2000))
        open_sale = await app.sales.new_sale(None, items=[LineSpec("TEA", 2)])
        await app.sales.pay(open_sale["sale_id"], mint.token(1000))  # half paid
        await app.sales.cancel(open_sale["sale_id"])
        r = app.sales.refunds
        errors = [
            await refused(r.refund(sid, lines=[3])),
            await refused(r.refund(sid, lines=[0])),
            await refused(r.refund(sid, lines={2: 0})),
            await refused(r.refund(sid, lines={2: "x"})),
            await refused(r.refund(sid, lines={2: 2})),
            await refused(r.refund(sid, lines={1: 1})),  # 1 of 1.5 kg
            await refused(r.refund(sid, lines=[2], amount=5)),
            await refused(r.refund(sid, include_tip=True)),  # no tip
            await refused(r.refund(plain, lines=[1])),
            await refused(r.refund(open_sale["sale_id"], lines=[1])),
        ]
        whole_fraction = await r.refund(sid, lines={1: "1.5"})
        count = app.db.transact(lambda s: len(list(s.scalars(select(RefundLine)))))
        return errors, whole_fraction, count

    errors, whole_fraction, count = run(tmp_path, scenario)
    assert [e.code for e in errors] == [
        "refund.unknown_line",
        "refund.unknown_line",
        "refund.bad_quantity",
        "refund.bad_quantity",
        "refund.bad_quantity",
        "refund.bad_quantity",
        "refund.amount_and_lines",
        "refund.tip_refunded",
        "refund.no_lines",
        "refund.lines_unpaid",
    ]
    assert whole_fraction.amount == 5250  # 1.5 x 3.50 EUR
    assert count == 1


def test_refunding_every_line_of_random_baskets_gives_exactly_the_goods(tmp_path):
    rng = random.Random(15)  # fixed: the test must fail the same way twice

    async def scenario(app, mint):
        out = []
        for _ in range(4):
            items = [
                LineSpec(rng.choice(["COF", "CAKE", "TEA"]), Decimal(rng.randint(1, 4)))
                for _ in range(rng.randint(1, 5))
            ]
            sale = await basket_sale(
                app, mint, items, discount=f"{rng.randint(0, 40)}%", tip="0.37"
            )
            sid = sale["sale_id"]
            opts = (await app.sales.refunds.line_options(sid))["lines"]
            got = []
            for opt in opts:  # unit by unit, the last line in one go
                units = int(Decimal(opt["quantity"]))
                for _ in range(units if opt is not opts[-1] else 1):
                    take = 1 if opt is not opts[-1] else units
                    got.append(
                        (await app.sales.refunds.refund(sid, lines={opt["position"]: take})).amount
                    )
            tip = await app.sales.refunds.refund(sid, include_tip=True)
            shown = await app.sales.show(sid)
            out.append((sale, got, tip.amount, shown))
        return out

    for sale, got, tip, shown in run(tmp_path, scenario):
        assert sale["tip"]["sat"] == 370
        assert sum(got) == sale["due"] - 370
        assert tip == 370
        assert shown["refundable"] == 0 and shown["refund_amount"] == sale["due"]


def test_a_failed_refund_frees_its_lines_and_units_add_up_across_refunds(tmp_path):
    async def scenario(app, mint):
        sale = await basket_sale(app, mint, [LineSpec("TEA", 3), LineSpec("CAKE")])
        sid = sale["sale_id"]
        r = app.sales.refunds
        mint.fault("POST", "/v1/swap", "answer", body={"detail": "keyset inactive", "code": 12002})
        failed = await refused(r.refund(sid, lines=[2]))
        cake = await r.refund(sid, lines=[2])  # the failed refund gave nothing: free again
        await r.refund(sid, lines={1: 1})
        await r.refund(sid, lines={1: 1})
        third_two = await refused(r.refund(sid, lines={1: 2}))
        left = (await r.line_options(sid))["lines"]
        return failed, cake, third_two, left

    failed, cake, third_two, left = run(tmp_path, scenario)
    assert failed.code and cake.amount == 2990
    assert third_two.code == "refund.bad_quantity" and third_two.data["left"] == "1"
    assert [(x["left_quantity"], x["left_sat"]) for x in left] == [("1", 1000), ("0", 0)]


def test_the_fee_advance_is_not_goods_but_the_whole_refund_gives_it_back(tmp_path):
    async def scenario(app, mint):
        await app.db.run(lambda s: app.config.set_many(s, {"fees.customer_advance": 7}))
        sale = await basket_sale(app, mint, [LineSpec("TEA"), LineSpec("CAKE")])
        sid = sale["sale_id"]
        tea = await app.sales.refunds.refund(sid, lines=[1])
        rest = await app.sales.refunds.refund(sid)
        return sale, tea, rest

    sale, tea, rest = run(tmp_path, scenario)
    assert sale["due"] == 1000 + 2990 + 7
    assert tea.amount == 1000
    assert rest.amount == 2990 + 7


def test_the_sale_refunded_webhook_names_the_lines_and_the_tip_given_back(tmp_path):
    import json
    from pathlib import Path

    import jsonschema

    from pos_app.core.store.schema import WebhookEvent

    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "docs/webhooks/event-v1.schema.json").read_text()
    )

    async def scenario(app, mint):
        await app.webhooks.add("https://shop.example/hooks", "sale.refunded")
        sale = await basket_sale(app, mint, [LineSpec("COF", 2), LineSpec("CAKE")], tip="1.00")
        sid = sale["sale_id"]
        refunds = app.sales.refunds
        await refunds.refund(sid, lines={1: 1, 2: 1}, include_tip=True)
        await refunds.refund(sid, amount=100)  # an amount, not lines
        rows = app.db.transact(lambda s: list(s.scalars(select(WebhookEvent))))
        return [json.loads(r.payload_json) for r in rows]

    first, second = run(tmp_path, scenario)
    for body in (first, second):
        jsonschema.validate(body, schema)
    given = first["data"]["refund"]
    assert given["lines"] == [
        {"position": 1, "name": "Coffee", "quantity": "1", "amount": 3500},
        {"position": 2, "name": "Cake", "quantity": "1", "amount": 2990},
    ]
    assert (given["tip"], given["amount"], given["amount_currency"]) == (1000, 7490, "7.49")
    assert given["currency"] == "EUR" and given["mint"]
    assert first["data"]["refund_amount"] == 7490
    by_amount = second["data"]["refund"]
    assert (by_amount["lines"], by_amount["tip"], by_amount["amount"]) == ([], 0, 100)
    assert by_amount["refund_id"] != given["refund_id"]
