"""The sat of a refund by line: shares of the goods' sat, and units of a line (pure)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from pos_app.core.payments.refund_lines import line_shares, units_sat

grosses = st.lists(st.integers(min_value=0, max_value=100_000), min_size=1, max_size=12)


def test_shares_of_a_known_basket():
    # 7.00 + 2.99 EUR for 9990 sat: exactly proportional
    assert line_shares(9990, [Decimal("7.00"), Decimal("2.99")]) == [7000, 2990]
    # 100 sat over three equal lines: the extra sat goes to the earliest line
    assert line_shares(100, [Decimal(1)] * 3) == [34, 33, 33]
    # 101 sat over 1:1: 50.5 each, the tie to the first
    assert line_shares(101, [Decimal(1), Decimal(1)]) == [51, 50]
    assert line_shares(0, [Decimal(5)]) == [0]
    assert line_shares(10, [Decimal(0), Decimal(0)]) == [0, 0]


@given(grosses.filter(lambda g: sum(g) > 0), st.integers(min_value=0, max_value=10**9))
def test_all_line_shares_add_up_to_the_goods_and_each_is_within_one_sat(cents, goods):
    shares = line_shares(goods, [Decimal(c) / 100 for c in cents])
    assert sum(shares) == goods
    whole = sum(cents)
    for share, c in zip(shares, cents, strict=True):
        exact = Fraction(goods * c, whole)  # computed apart from the code under test
        assert exact - 1 < share < exact + 1
        assert share >= 0


@given(
    grosses.filter(lambda g: sum(g) > 0),
    st.integers(min_value=0, max_value=10**8),
    st.data(),
)
def test_any_subset_of_lines_never_exceeds_the_goods_and_the_rest_completes_it(cents, goods, data):
    shares = line_shares(goods, [Decimal(c) for c in cents])
    chosen = data.draw(st.sets(st.sampled_from(range(len(cents)))))
    first = sum(shares[i] for i in chosen)
    rest = sum(shares[i] for i in range(len(cents)) if i not in chosen)
    assert 0 <= first <= goods
    assert first + rest == goods


def test_units_of_a_line_known_values():
    # 10 sat over 3 units: 4, 3, 3
    assert [units_sat(10, 3, i, 1) for i in range(3)] == [4, 3, 3]
    assert units_sat(10, 3, 0, 2) == 7
    assert units_sat(10, 3, 1, 2) == 6
    assert units_sat(10, 3, 0, 3) == 10
    assert units_sat(9, 3, 0, 1) == 3
    assert units_sat(0, 4, 0, 4) == 0


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=50),
    st.data(),
)
def test_units_refunded_in_any_chunks_add_up_to_the_line(line_sat, units, data):
    done, total = 0, 0
    while done < units:
        take = data.draw(st.integers(min_value=1, max_value=units - done))
        part = units_sat(line_sat, units, done, take)
        # each unit is the line's sat / units, rounded down or up
        assert take * (line_sat // units) <= part <= take * (line_sat // units + 1)
        total += part
        done += take
    assert total == line_sat
