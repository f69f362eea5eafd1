"""A day of basket sales (two VAT rates, sale and line discounts, tips) and a refund, in every report.

The expected figures are worked out here by hand from the baskets typed in (1 EUR =
1000 sat; VAT in gross prices, rounded per line, half up), never read back from the
sales: the reports must carry the tips apart from the sales, the discounts, and the
VAT by rate as the sales stored it.
"""

from __future__ import annotations

import asyncio
import csv
from decimal import Decimal

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from pos_app.core.payments.items import LineSpec
from pos_app.core.reports.figures import Figures, figures_from_rows, refunds_into
from pos_app.core.reports.zsections import as_text
from pos_app.core.store.schema import Sale
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.pdftext import pdf_text

SHOP = {
    "currency": "EUR",
    "rate.fixed": "100000",
    "vat.rates": "19, 7",
    "vat.prices_include": True,
    "vat.rounding": "line",
    "discount.manager_limit_pct": 15,
    "fees.customer_advance": 0,
}


# The money path and its reports on each store a shop can have.
pytestmark = pytest.mark.both_stores


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def cents(text: str) -> int:
    return int(Decimal(text) * 100)


def vat_in(gross_cents: int, rate: int) -> int:
    """VAT in a gross amount, half up, in cents (worked out here, not by the basket)."""
    return int((Decimal(gross_cents) * rate / (100 + rate)).quantize(Decimal(1), "ROUND_HALF_UP"))


# The day's baskets, as typed, and their lines after the discount (in cents, by rate):
# 1. 2 x Coffee 3.50 (19 %) + Cake 2.99 (7 %) = 9.99, 10 % off (1.00: 0.70 and 0.30
#    shared by the lines' weight), tip 1.00 -> lines 6.30 @ 19 and 2.69 @ 7.
# 2. 3 x Cake = 8.97 @ 7, tip 10 % of 8.97 = 0.90 (half up).
# 3. 4.50 typed as one amount: no basket, no VAT, no tip.
# 4. Coffee 3.50 with 0.50 off the line, + a custom 2.00 (the default rate, 19 %): 5.00
#    remain, 0.50 off the sale shared 0.30 / 0.20 -> 2.70 and 1.80 @ 19 (discounts 1.00).
LINES = {1: [(630, 19), (269, 7)], 2: [(897, 7)], 4: [(270, 19), (180, 19)]}
TOTALS = {1: 899, 2: 897, 3: 450, 4: 450}
TIPS = {1: 100, 2: 90}
DISCOUNTS = {1: 100, 4: 100}
REFUND_SAT = 500  # of sale 3: 0.50 EUR at its rate


def expected_vat() -> list[dict]:
    by_rate: dict[int, list[int]] = {}
    for lines in LINES.values():
        for rate in {r for _, r in lines}:
            by_rate.setdefault(rate, [0, 0, 0, 0])[0] += 1  # sales with this rate
        for gross, rate in lines:
            vat = vat_in(gross, rate)
            total = by_rate[rate]
            total[1] += gross - vat
            total[2] += vat
            total[3] += gross
    return [
        {
            "currency": "EUR",
            "rate": str(rate),
            "sales": n,
            "net": f"{net / 100:.2f}",
            "vat": f"{vat / 100:.2f}",
            "gross": f"{gross / 100:.2f}",
        }
        for rate, (n, net, vat, gross) in sorted(by_rate.items())
    ]


def money(total: int) -> str:
    return f"{total / 100:.2f}"


def test_a_day_of_basket_sales_and_a_refund_in_every_report(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.mints.add(mint.url, trusted=True)
        await app.db.run(lambda s: app.config.set_many(s, SHOP))
        await app.items.add(name="Coffee", price="3.50", sku="COF")
        await app.items.add(name="Cake", price="2.99", sku="CAKE", vat_rate="7")
        made = [
            await app.sales.new_sale(
                None,
                items=[LineSpec("COF", 2), LineSpec("CAKE")],
                discount="10%",
                discount_reason="regular",
                tip="1.00",
            ),
            await app.sales.new_sale(None, items=[LineSpec("CAKE", 3)], tip="10%"),
            await app.sales.new_sale("4.50"),
            await app.sales.new_sale(
                "2.00",
                items=[LineSpec("COF")],
                discount="0.50",
                line_discounts=[(1, "0.50", "dented")],
                manager_override=True,  # 1.00 of 5.50 is above the 15 % limit
            ),
        ]
        for sale in made:
            assert (await app.sales.pay(sale["sale_id"], mint.token(sale["due"]))).state == "paid"
        await app.sales.refunds.refund(made[2]["sale_id"], amount=REFUND_SAT, reason="short")
        x = await app.reports.x_report("UTC", check=False)
        today = app.reports.period("today", zone="UTC")
        summary = await app.reports.summary(today)

        def from_rows(session):
            out = figures_from_rows(session, today, Figures(today))
            refunds_into(session, today, out)
            return out.to_dict()

        rows = await app.db.run(from_rows)
        daily = await app.reports.write_daily_csv(today, tmp_path / "day.csv")
        await app.reports.write_pdf(today, tmp_path / "period.pdf")
        z = await app.reports.close_z("UTC", check=False)
        await app.reports.write_z_csv(z, tmp_path / "z.csv")
        await app.reports.write_z_pdf(z, tmp_path / "z.pdf")

        def edit_closed(session):
            session.execute(update(Sale).where(Sale.id == made[0]["sale_id"]).values(tip_sat=0))

        with pytest.raises(IntegrityError, match="closed Z report"):
            await app.db.run(edit_closed)
        return made, x, summary, rows, daily, z

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            return await scenario(app)
        finally:
            await app.aclose()

    made, x, summary, rows, daily, z = asyncio.run(main())

    # The sales as the baskets were typed: the amount is the total, the tip apart.
    assert [cents(s["amount"]) for s in made] == [TOTALS[n] for n in (1, 2, 3, 4)]
    want = {
        "sales": 4,
        "gross": {"EUR": money(sum(TOTALS.values()))},
        "gross_sat": {"sat": sum(TOTALS.values()) * 10},  # 1 cent = 10 sat, no tip in it
        "tips": {"EUR": money(sum(TIPS.values()))},
        "tips_sat": {"sat": sum(TIPS.values()) * 10},
        "discounts": len(DISCOUNTS),
        "discounted": {"EUR": money(sum(DISCOUNTS.values()))},
        "vat": expected_vat(),
        "refunds": 1,
        "refunded": {"EUR": money(REFUND_SAT // 10)},
        "refunded_sat": {"sat": REFUND_SAT},
    }
    assert want["vat"][0]["rate"] == "7" and len(want["vat"]) == 2
    for figures in (x["figures"], z["figures"], summary, rows):
        assert {k: figures[k] for k in want} == want
    # The period read from the day's sums (the rollup) and from the rows agree whole.
    assert {k: summary[k] for k in rows if k != "period"} == {
        k: v for k, v in rows.items() if k != "period"
    }
    # What the customers paid is the sales, the tips and nothing else.
    assert sum(s["due"] for s in made) == want["gross_sat"]["sat"] + want["tips_sat"]["sat"]

    text = as_text(z)
    for label, value in (
        ("Gross (EUR)", "26.96 EUR"),
        ("Tips (EUR)", "1.90 EUR"),
        ("Discounts given", "2"),
        ("Discounts (EUR)", "2.00 EUR"),
        ("Refunded (EUR)", "0.50 EUR"),
        ("7 % (EUR)", "11.66 EUR"),
        ("19 % (EUR)", "10.80 EUR"),
    ):
        line = next(x for x in text.splitlines() if x.startswith(label))
        assert line.endswith(value), line
    assert "VAT by rate" in text
    with (tmp_path / "z.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = list(csv.reader(handle))
    vat_rows = [row for row in cells if row[0] == "VAT by rate"]
    assert vat_rows[0] == ["VAT by rate", "Rate", "Net", "VAT", "Gross"]
    assert [r[1:] for r in vat_rows[1:]] == [
        [f"{v['rate']} % (EUR)", f"{v['net']} EUR", f"{v['vat']} EUR", f"{v['gross']} EUR"]
        for v in want["vat"]
    ]
    assert ["Sales", "Tips (EUR)", "1.90 EUR"] in cells
    pdf = pdf_text(tmp_path / "z.pdf")
    assert "VAT by rate" in pdf and "Tips (EUR)" in pdf

    period_pdf = pdf_text(tmp_path / "period.pdf")
    for text in ("Tips (EUR)", "1.90 EUR", "Discounts (EUR)", "2.00 EUR", "Refunded (EUR)"):
        assert text in period_pdf
    assert "VAT by rate" in period_pdf and "11.66 EUR" in period_pdf  # the 7 % gross
    assert daily["rows"] == 1
    with (tmp_path / "day.csv").open(encoding="utf-8-sig", newline="") as handle:
        (day,) = list(csv.DictReader(handle))
    assert (day["amount_sat"], day["tips"], day["tips_sat"]) == ("26960", "EUR 1.90", "1900")
    assert (day["discounts"], day["refunded"]) == ("EUR 2.00", "EUR 0.50")
    assert day["vat"] == f"EUR {money(sum(cents(v['vat']) for v in want['vat']))}"


def test_a_report_closed_before_the_basket_still_prints():
    """Z reports stored before tips and VAT were counted have none of their keys."""
    old = {
        "kind": "Z",
        "number": 3,
        "till": "Till 1",
        "shop": "",
        "period": {"from": "2026-11-01T00:00:00", "to": "2026-11-02T00:00:00", "zone": "UTC"},
        "figures": {
            "sales": 1,
            "gross": {"EUR": "4.50"},
            "gross_sat": {"sat": 4500},
            "average_ticket": {"EUR": "4.50"},
            "fee_advance": {},
            "mint_fees": {},
            "lightning_fees": {},
            "by_mint": [],
            "by_method": [],
            "refused": {},
            "needs_review": 0,
            "attempts": 1,
            "settled": 1,
        },
        "ended_unpaid": {},
        "rates": [],
        "exports": [],
        "drawer": [],
        "mint_check": [],
        "open_operations": 0,
        "digest": "ab" * 32,
    }
    text = as_text(old)
    assert "Gross (EUR)" in text and "VAT by rate" not in text and "Tips" not in text
