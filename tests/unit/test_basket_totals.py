"""Basket figures against an oracle written separately, in integers and Fractions."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.core.errors import ValidationError
from pos_app.core.payments.basket import (
    Adjustment,
    Line,
    compute,
    parse_adjustment,
    parse_quantity,
    share,
)

# ---- the oracle: integer minor units, Fractions, its own rounding -----------------


def half_up(x: Fraction) -> int:
    """Nearest integer, halves away from zero (all values here are >= 0)."""
    assert x >= 0
    q, r = divmod(x.numerator, x.denominator)
    return q + (1 if 2 * r >= x.denominator else 0)


def taken(adjustment, base, scale):
    """What a ("percent" | "amount", Fraction) discount takes off ``base`` minor units."""
    if adjustment is None:
        return 0
    if adjustment[0] == "percent":
        return half_up(Fraction(base) * adjustment[1] / 100)
    return int(adjustment[1] * scale)


def oracle(lines, digits, include, rounding, disc, tip, owns=None):
    """lines: (qty Fraction, price Fraction in major units, rate Fraction percent).

    ``owns``: each line's own discount (or None), taken before the sale's ``disc``,
    which is then a discount on what remains, shared by what remains of each line.
    """
    scale = 10**digits
    amounts = [half_up(q * p * scale) for q, p, _ in lines]
    sub = sum(amounts)
    own = [taken(o, a, scale) for o, a in zip(owns or [None] * len(lines), amounts, strict=True)]
    if any(o > a for o, a in zip(own, amounts, strict=True)):
        return None
    after = [a - o for a, o in zip(amounts, own, strict=True)]
    left = sum(after)
    off = taken(disc, left, scale)
    if off > left:
        return None
    # proportional shares, largest remainder, earlier line first on a tie
    if left == 0 or off == 0:
        parts = [0] * len(amounts)
    else:
        exact = [Fraction(off * a, left) for a in after]
        parts = [e.numerator // e.denominator for e in exact]
        rest = off - sum(parts)
        ranked = sorted(range(len(amounts)), key=lambda i: (parts[i] - exact[i], i))
        for i in ranked[:rest]:
            parts[i] += 1
    pays = [a - s for a, s in zip(after, parts, strict=True)]

    def tax(a, rate):
        if include:
            v = half_up(Fraction(a) * rate / (100 + rate))
            return a - v, v, a
        v = half_up(Fraction(a) * rate / 100)
        return a, v, a + v

    per_line = [tax(a, r) for a, (_, _, r) in zip(pays, lines, strict=True)]
    table = {}
    for (_, _, r), a, figs in zip(lines, pays, per_line, strict=True):
        entry = table.setdefault(r, [0, [0, 0, 0]])
        entry[0] += a
        for k in range(3):
            entry[1][k] += figs[k]
    rates = {}
    for r, (base, sums) in table.items():
        rates[r] = tuple(sums) if rounding == "line" else tax(base, r)
    total = sum(g for _, _, g in rates.values())
    if tip is None:
        tipped = 0
    elif tip[0] == "percent":
        tipped = half_up(Fraction(total) * tip[1] / 100)
    else:
        tipped = int(tip[1] * scale)
    return {
        "amounts": amounts,
        "parts": parts,
        "lines": per_line,
        "rates": rates,
        "total": total,
        "tip": tipped,
        "off": off,
        "own": own,
        "pct": Fraction(0) if sub == 0 else Fraction((sum(own) + off) * 100, sub),
    }


# ---- strategies ------------------------------------------------------------------

RATES = [Fraction(0), Fraction(7), Fraction(19), Fraction(20), Fraction(55, 10), Fraction(2, 10)]


@st.composite
def baskets(draw):
    currency = draw(st.sampled_from(["EUR", "USD", "sat"]))
    digits = 0 if currency == "sat" else 2
    n = draw(st.integers(1, 8))
    lines = []
    for _ in range(n):
        qty = Fraction(draw(st.integers(1, 5000)), draw(st.sampled_from([1, 1, 10, 1000])))
        price = Fraction(draw(st.integers(0, 500000)), 10**digits)
        rate = draw(st.sampled_from(RATES))
        lines.append((qty, price, rate))
    include = draw(st.booleans())
    rounding = draw(st.sampled_from(["line", "total"]))
    disc = draw(
        st.one_of(
            st.none(),
            st.tuples(st.just("percent"), st.integers(0, 10000).map(lambda v: Fraction(v, 100))),
            st.tuples(
                st.just("amount"), st.integers(0, 2_000_000).map(lambda v: Fraction(v, 10**digits))
            ),
        )
    )
    tip = draw(
        st.one_of(
            st.none(),
            st.tuples(
                st.just("percent"),
                st.sampled_from([Fraction(5), Fraction(10), Fraction(15), Fraction(125, 10)]),
            ),
            st.tuples(
                st.just("amount"), st.integers(0, 10000).map(lambda v: Fraction(v, 10**digits))
            ),
        )
    )
    return currency, digits, lines, include, rounding, disc, tip


@st.composite
def own_discounts(draw, count, digits):
    """Each line's own discount: none, a percent, or an amount (sometimes too large)."""
    return [
        draw(
            st.one_of(
                st.none(),
                st.tuples(
                    st.just("percent"), st.integers(0, 10000).map(lambda v: Fraction(v, 100))
                ),
                st.tuples(
                    st.just("amount"),
                    st.integers(0, 600_000).map(lambda v: Fraction(v, 10**digits)),
                ),
            )
        )
        for _ in range(count)
    ]


def dec(f: Fraction) -> Decimal:
    return Decimal(f.numerator) / Decimal(f.denominator)


def minor(value: Decimal, digits: int) -> int:
    scaled = value.scaleb(digits)
    assert scaled == scaled.to_integral_value(), value
    return int(scaled)


@settings(max_examples=400, deadline=None)
@given(baskets())
def test_basket_matches_oracle(case):
    currency, digits, lines, include, rounding, disc, tip = case
    want = oracle(lines, digits, include, rounding, disc, tip)
    args = [Line(f"l{i}", dec(q), dec(p), dec(r)) for i, (q, p, r) in enumerate(lines)]
    discount = None if disc is None else Adjustment(disc[0], dec(disc[1]), "why")
    tipping = None if tip is None else Adjustment(tip[0], dec(tip[1]))
    if want is None:
        with pytest.raises(ValidationError) as err:
            compute(args, currency, prices_include=include, rounding=rounding, discount=discount)
        assert err.value.code == "discount.too_large"
        return
    got = compute(
        args, currency, prices_include=include, rounding=rounding, discount=discount, tip=tipping
    )
    assert [minor(r.amount, digits) for r in got.lines] == want["amounts"]
    assert [minor(r.discount, digits) for r in got.lines] == want["parts"]
    assert [
        (minor(r.net, digits), minor(r.vat, digits), minor(r.gross, digits)) for r in got.lines
    ] == want["lines"]
    assert {
        Fraction(b.rate): (minor(b.net, digits), minor(b.vat, digits), minor(b.gross, digits))
        for b in got.breakdown
    } == want["rates"]
    assert minor(got.total, digits) == want["total"]
    assert minor(got.tip, digits) == want["tip"]
    assert minor(got.discount, digits) == want["off"]
    # invariants that do not need the oracle
    assert sum(b.gross for b in got.breakdown) == got.total
    for b in got.breakdown:
        assert b.net + b.vat == b.gross
    assert sum(r.discount for r in got.lines) == got.discount
    if include:
        assert got.total == got.subtotal - got.discount
    else:
        assert sum(b.net for b in got.breakdown) == got.subtotal - got.discount
    if rounding == "line":
        assert sum(r.vat for r in got.lines) == sum(b.vat for b in got.breakdown)
    rendered = got.as_dict()
    assert sum(Decimal(v["gross"]) for v in rendered["vat"]) == Decimal(rendered["total"])


@settings(max_examples=400, deadline=None)
@given(baskets(), st.data())
def test_line_discounts_then_the_sale_discount_match_the_oracle(case, data):
    currency, digits, lines, include, rounding, disc, tip = case
    owns = data.draw(own_discounts(len(lines), digits))
    want = oracle(lines, digits, include, rounding, disc, tip, owns)
    args = [
        Line(
            f"l{i}",
            dec(q),
            dec(p),
            dec(r),
            discount=None if o is None else Adjustment(o[0], dec(o[1]), f"r{i}"),
        )
        for i, ((q, p, r), o) in enumerate(zip(lines, owns, strict=True))
    ]
    discount = None if disc is None else Adjustment(disc[0], dec(disc[1]), "why")
    tipping = None if tip is None else Adjustment(tip[0], dec(tip[1]))
    if want is None:
        with pytest.raises(ValidationError) as err:
            compute(args, currency, prices_include=include, rounding=rounding, discount=discount)
        assert err.value.code == "discount.too_large"
        return
    got = compute(
        args, currency, prices_include=include, rounding=rounding, discount=discount, tip=tipping
    )
    assert [minor(r.line_discount, digits) for r in got.lines] == want["own"]
    assert [minor(r.discount, digits) for r in got.lines] == want["parts"]
    assert [
        (minor(r.net, digits), minor(r.vat, digits), minor(r.gross, digits)) for r in got.lines
    ] == want["lines"]
    assert {
        Fraction(b.rate): (minor(b.net, digits), minor(b.vat, digits), minor(b.gross, digits))
        for b in got.breakdown
    } == want["rates"]
    assert minor(got.total, digits) == want["total"]
    assert minor(got.tip, digits) == want["tip"]
    assert minor(got.discount, digits) == want["off"]
    assert minor(got.line_discounts, digits) == sum(want["own"])
    assert Fraction(got.discount_pct).limit_denominator(10**9) == want["pct"].limit_denominator(
        10**9
    )
    paid = got.subtotal - got.line_discounts - got.discount
    if include:
        assert got.total == paid
    else:
        assert sum(b.net for b in got.breakdown) == paid
    rendered = got.as_dict()
    assert minor(Decimal(rendered["line_discounts"]), digits) == sum(want["own"])
    for line, own, o in zip(rendered["lines"], want["own"], owns, strict=True):
        if o is None:
            assert line["line_discount"] is None
        else:
            assert line["line_discount"]["kind"] == o[0]
            assert minor(Decimal(line["line_discount"]["amount"]), digits) == own


def test_worked_example_line_discount_then_sale_discount():
    lines = [
        Line(
            "Coffee",
            Decimal(2),
            Decimal("3.50"),
            Decimal(19),
            discount=Adjustment("percent", Decimal(10), "loyalty"),
        ),
        Line("Cake", Decimal(1), Decimal("2.99"), Decimal(7)),
    ]
    got = compute(lines, "EUR", discount=Adjustment("amount", Decimal("0.99"), "coupon"))
    # Coffee 7.00 - 10 % (0.70) = 6.30; with the cake 9.29 remain; 0.99 shared by 6.30 and
    # 2.99: 0.6714 and 0.3186 -> 0.67 and 0.32 (one cent left to the larger remainder, 0.32)
    assert [(r.line_discount, r.discount) for r in got.lines] == [
        (Decimal("0.70"), Decimal("0.67")),
        (Decimal(0), Decimal("0.32")),
    ]
    assert got.total == Decimal("8.30") and got.line_discounts == Decimal("0.70")
    # (0.70 + 0.99) / 9.99 of the basket: the manager limit looks at both
    assert round(got.discount_pct, 4) == Decimal("16.9169")
    with pytest.raises(ValidationError) as err:  # a line's own discount above its worth
        compute(
            [
                Line(
                    "Cake",
                    Decimal(1),
                    Decimal("2.99"),
                    Decimal(7),
                    discount=Adjustment("amount", Decimal("3.00")),
                )
            ],
            "EUR",
        )
    assert err.value.code == "discount.too_large" and "line 1" in err.value.user_message


def test_worked_example_gross_per_line():
    lines = [
        Line("Coffee", Decimal(2), Decimal("3.50"), Decimal(19)),
        Line("Cake", Decimal(1), Decimal("2.99"), Decimal(7)),
    ]
    got = compute(
        lines,
        "EUR",
        discount=Adjustment("percent", Decimal(10), "staff"),
        tip=Adjustment("percent", Decimal(10)),
    ).as_dict()
    # 7.00 + 2.99 = 9.99; 10 % = 1.00 (0.999 half up), shared 0.70 / 0.30 (0.7007, 0.2993)
    assert got["subtotal"] == "9.99"
    assert got["discount"] == {
        "kind": "percent",
        "value": "10",
        "amount": "1.00",
        "reason": "staff",
    }
    assert [ln["discount"] for ln in got["lines"]] == ["0.70", "0.30"]
    # 6.30 at 19 %: VAT 1.01 (1.00588...); 2.69 at 7 %: VAT 0.18 (0.17598...)
    assert got["vat"] == [
        {"rate": "7", "net": "2.51", "vat": "0.18", "gross": "2.69"},
        {"rate": "19", "net": "5.29", "vat": "1.01", "gross": "6.30"},
    ]
    assert got["total"] == "8.99"


def test_net_prices_per_total_rounding_differs_from_per_line():
    # three lines of 0.05 net at 19 %: per line 0.01 each (0.0095), per total 0.03 (0.0285)
    lines = [Line("x", Decimal(1), Decimal("0.05"), Decimal(19))] * 3
    per_line = compute(lines, "EUR", prices_include=False, rounding="line")
    per_total = compute(lines, "EUR", prices_include=False, rounding="total")
    assert per_line.breakdown[0].vat == Decimal("0.03")
    lines = [Line("x", Decimal(1), Decimal("0.04"), Decimal(19))] * 3
    # 0.0076 rounds to 0.01 each (0.03); on 0.12 it is 0.0228 -> 0.02
    assert compute(lines, "EUR", prices_include=False, rounding="line").total == Decimal("0.15")
    assert compute(lines, "EUR", prices_include=False, rounding="total").total == Decimal("0.14")
    assert per_total.total == Decimal("0.18")


def test_discount_larger_than_basket_refused():
    with pytest.raises(ValidationError) as err:
        compute(
            [Line("a", Decimal(1), Decimal(5), Decimal(0))],
            "EUR",
            discount=Adjustment("amount", Decimal(6)),
        )
    assert err.value.code == "discount.too_large"


@pytest.mark.parametrize("raw", ["0", "-1", "1.0001", "abc", "10001", "NaN"])
def test_bad_quantities(raw):
    with pytest.raises(ValidationError) as err:
        parse_quantity(raw)
    assert err.value.code == "basket.bad_quantity"


def test_adjustment_parsing():
    assert parse_adjustment("10%", "EUR", "discount") == Adjustment("percent", Decimal(10))
    assert parse_adjustment("2,50", "EUR", "tip") == Adjustment("amount", Decimal("2.50"))
    for raw, cur in [
        ("101%", "EUR"),
        ("1.234", "EUR"),
        ("1.5", "sat"),
        ("-1", "EUR"),
        ("x%", "EUR"),
    ]:
        with pytest.raises(ValidationError) as err:
            parse_adjustment(raw, cur, "tip")
        assert err.value.code == "tip.invalid"


def test_share_adds_up_and_breaks_ties_forward():
    assert share(Decimal("0.01"), [Decimal(1), Decimal(1)], Decimal("0.01")) == [
        Decimal("0.01"),
        Decimal(0),
    ]
    assert share(Decimal(0), [Decimal(3)], Decimal(1)) == [Decimal(0)]
