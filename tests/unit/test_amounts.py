"""Amount splitting, input selection and NUT-08 blank outputs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.core.cashu import amounts
from pos_app.core.cashu.keysets import fee_for_proofs
from pos_app.core.errors import ValidationError

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
BLANKS = json.loads((VECTORS / "nut08_blank_outputs.json").read_text())["cases"]


@dataclass(eq=False)  # identity equality: two coins of the same amount are different coins
class Coin:
    amount: int
    id: str = "a"


# --------------------------------------------------------------------------- splitting


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, []), (1, [1]), (13, [1, 4, 8]), (64, [64]), (2**64 - 1, [2**i for i in range(64)])],
)
def test_split_amount(n: int, expected: list[int]) -> None:
    assert amounts.split_amount(n) == expected


@pytest.mark.parametrize("n", [-1, 2**64, True, 1.5, "3", None])
def test_split_amount_rejects(n) -> None:
    with pytest.raises(ValidationError) as info:
        amounts.split_amount(n)
    assert info.value.code == "amount.invalid"


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1))
def test_split_amount_properties(n: int) -> None:
    parts = amounts.split_amount(n)
    assert sum(parts) == n
    assert parts == sorted(set(parts))  # ascending, no repeats
    assert all(p & (p - 1) == 0 for p in parts)
    assert len(parts) == n.bit_count()


FULL = [2**i for i in range(64)]


@pytest.mark.parametrize(
    ("n", "available", "expected"),
    [
        (13, FULL, [1, 4, 8]),
        (6, [1, 4, 8], [1, 1, 4]),
        (13, [1, 2, 4], [1, 4, 4, 4]),
        (0, [1, 2], []),
        (8, [8, 2], [8]),
        (10, [2, 8], [2, 8]),
    ],
)
def test_split_with_keyset(n: int, available: list[int], expected: list[int]) -> None:
    assert amounts.split_with_keyset(n, available) == expected


@pytest.mark.parametrize(
    ("n", "available", "code"),
    [
        (5, [2, 4], "amount.unrepresentable"),
        (1, [], "amount.unrepresentable"),
        (20_000, [1], "amount.unrepresentable"),  # more outputs than MAX_OUTPUTS
        (4, [1, 3], "amount.invalid"),
        (4, [0, 1], "amount.invalid"),
        (-4, [1], "amount.invalid"),
    ],
)
def test_split_with_keyset_rejects(n: int, available: list[int], code: str) -> None:
    with pytest.raises(ValidationError) as info:
        amounts.split_with_keyset(n, available)
    assert info.value.code == code


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=10**6),
    exponents=st.sets(st.integers(min_value=0, max_value=20), min_size=1),
)
def test_split_with_keyset_properties(n: int, exponents: set[int]) -> None:
    available = {2**e for e in exponents}
    smallest = min(available)
    try:
        parts = amounts.split_with_keyset(n, available)
    except ValidationError as exc:
        assert exc.code == "amount.unrepresentable"
        # Either the smallest coin does not divide n, or even the fewest coins are too many
        # (largest-first is optimal when each denomination divides the next).
        fewest, rest = 0, n
        for d in sorted(available, reverse=True):
            fewest, rest = fewest + rest // d, rest % d
        assert n % smallest or fewest > amounts.MAX_OUTPUTS
        return
    assert sum(parts) == n and parts == sorted(parts)
    assert set(parts) <= available
    if available == set(FULL[: max(exponents) + 1]) and n < 2 ** (max(exponents) + 1):
        assert parts == amounts.split_amount(n)


def test_totals() -> None:
    coins = [Coin(1, "a"), Coin(4, "b"), Coin(8, "a")]
    assert amounts.total_amount(coins) == 13
    assert amounts.total_amount([]) == 0
    assert amounts.amounts_by_keyset(coins) == {"a": 9, "b": 4}


# --------------------------------------------------------------------------- NUT-08


@pytest.mark.parametrize("case", BLANKS, ids=[c["name"] for c in BLANKS])
def test_blank_output_vectors(case: dict) -> None:
    n_blank = amounts.blank_output_count(case["fee_reserve"])
    assert n_blank == case["expected_n_blank_outputs"]
    if "inputs_total" in case:  # the spec example: 100 of 1000 sat reserve used
        assert (
            amounts.blank_outputs_for_overshoot(
                case["inputs_total"], case["invoice_amount"], 0, case["fee_reserve"]
            )
            == n_blank
        )
        returned = case["fee_reserve"] - case["actual_ln_fee"]
        assert returned == case["expected_fee_return"]
        assert amounts.split_amount(returned) == case["expected_change_amounts"]
        assert len(case["expected_change_amounts"]) <= n_blank


def test_overshoot_needs_more_blanks_than_the_reserve() -> None:
    # 128 in for a 100 sat invoice with 1 sat input fee and a 2 sat reserve: 27 may come back.
    assert amounts.blank_output_count(2) == 1
    assert amounts.blank_outputs_for_overshoot(128, 100, 1, 2) == 5


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((102, 100, 1, 2), "wallet.insufficient_funds"),
        ((99, 100, 0, 0), "wallet.insufficient_funds"),
        ((100, 100, -1, 0), "amount.invalid"),
        ((100, 50, 0, -2), "amount.invalid"),
    ],
)
def test_overshoot_rejects(args: tuple[int, int, int, int], code: str) -> None:
    with pytest.raises(ValidationError) as info:
        amounts.blank_outputs_for_overshoot(*args)
    assert info.value.code == code


@settings(max_examples=500, deadline=None)
@given(
    fee_reserve=st.integers(min_value=0, max_value=10**9),
    extra=st.integers(min_value=0, max_value=10**9),
    data=st.data(),
)
def test_blanks_always_suffice(fee_reserve: int, extra: int, data: st.DataObject) -> None:
    # Any return up to the reserve fits the spec count; any return up to the surplus fits
    # the overshoot count (each blank carries one power of two).
    back = data.draw(st.integers(min_value=0, max_value=fee_reserve))
    assert back.bit_count() <= amounts.blank_output_count(fee_reserve)
    surplus = fee_reserve + extra
    n = amounts.blank_outputs_for_overshoot(1000 + surplus, 1000, 0, fee_reserve)
    back = data.draw(st.integers(min_value=0, max_value=surplus))
    assert back.bit_count() <= n
    assert n >= amounts.blank_output_count(fee_reserve)


# --------------------------------------------------------------------------- selection


def test_select_largest_first() -> None:
    coins = [Coin(a) for a in (1, 2, 4, 8, 16)]
    selected, fee = amounts.select_proofs(coins, 10, {"a": 0})
    assert [c.amount for c in selected] == [16] and fee == 0
    selected, fee = amounts.select_proofs(coins, 20, {"a": 0})
    assert [c.amount for c in selected] == [16, 8] and fee == 0


def test_select_recomputes_fee_as_inputs_are_added() -> None:
    coins = [Coin(8), Coin(2), Coin(1)]
    selected, fee = amounts.select_proofs(coins, 9, {"a": 600})
    # 8 (fee 1) < 10; 8 + 2 (fee 2) < 11; 8 + 2 + 1 (fee 2) = 11 covers 9 + 2.
    assert [c.amount for c in selected] == [8, 2, 1] and fee == 2


def test_select_target_zero() -> None:
    assert amounts.select_proofs([Coin(1)], 0, {"a": 0}) == ([], 0)


def test_select_spends_inactive_keysets_first() -> None:
    old = [Coin(1, "old"), Coin(2, "old")]
    new = [Coin(64, "new")]
    selected, fee = amounts.select_proofs(new + old, 50, {"old": 0, "new": 0}, {"old"})
    # The old coins go first and stay in the selection even though 64 alone would do.
    assert [c.amount for c in selected] == [2, 1, 64] and fee == 0
    selected, _ = amounts.select_proofs(new + old, 3, {"old": 0, "new": 0}, {"old"})
    assert [c.id for c in selected] == ["old", "old"]


def test_select_drops_inputs_made_unnecessary_by_fees() -> None:
    pricey, cheap = Coin(4, "pricey"), Coin(4, "cheap")
    two = Coin(2, "cheap")
    fees = {"pricey": 3000, "cheap": 0}
    selected, fee = amounts.select_proofs([pricey, cheap, two], 6, fees)
    # 4p (fee 3) + 4c + 2 = 10 covers 6 + 3, but dropping the pricey coin covers 6 + 0.
    assert selected == [cheap, two] and fee == 0


def test_select_skips_coins_worth_less_than_their_fee() -> None:
    dust = [Coin(1, "dusty") for _ in range(5)]
    fees = {"dusty": 1000, "a": 0}
    with pytest.raises(ValidationError) as info:
        amounts.select_proofs(dust, 1, fees)
    assert info.value.code == "wallet.insufficient_funds"
    selected, fee = amounts.select_proofs([*dust, Coin(2)], 2, fees)
    assert [c.amount for c in selected] == [2] and fee == 0
    # Preferred dust that costs more than it brings would sink an otherwise fine payment.
    fees = {"dusty": 1500, "a": 0}
    selected, fee = amounts.select_proofs([*dust, Coin(4)], 3, fees, {"dusty"})
    assert [c.amount for c in selected] == [4] and fee == 0


def test_select_insufficient_funds_reports_numbers() -> None:
    with pytest.raises(ValidationError) as info:
        amounts.select_proofs([Coin(4), Coin(4)], 8, {"a": 100})
    assert info.value.code == "wallet.insufficient_funds"
    assert info.value.data == {"target": 8, "available": 8, "fee": 1}


def test_select_unknown_keyset() -> None:
    with pytest.raises(ValidationError) as info:
        amounts.select_proofs([Coin(4, "zz")], 2, {"a": 0})
    assert info.value.code == "keyset.unknown"


@pytest.mark.parametrize("target", [-1, 2**64, True, None])
def test_select_bad_target(target) -> None:
    with pytest.raises(ValidationError) as info:
        amounts.select_proofs([Coin(4)], target, {"a": 0})
    assert info.value.code == "amount.invalid"


coin_lists = st.lists(
    st.builds(
        Coin,
        amount=st.sampled_from([2**i for i in range(12)]),
        id=st.sampled_from(["a", "b", "old"]),
    ),
    max_size=40,
)
fee_maps = st.fixed_dictionaries(
    {
        "a": st.integers(min_value=0, max_value=1500),
        "b": st.integers(min_value=0, max_value=1500),
        "old": st.integers(min_value=0, max_value=1500),
    }
)


def _margin(coins: list[Coin], fees: dict[str, int]) -> int:
    useful = [c for c in coins if c.amount * 1000 > fees[c.id]]
    return sum(c.amount for c in useful) - fee_for_proofs(useful, fees)


@settings(max_examples=500, deadline=None)
@given(
    coins=coin_lists,
    fees=fee_maps,
    target=st.integers(min_value=1, max_value=5000),
    prefer_old=st.booleans(),
)
def test_selection_covers_target_and_fee(coins, fees, target: int, prefer_old: bool) -> None:
    preferred = {"old"} if prefer_old else set()
    try:
        selected, fee = amounts.select_proofs(coins, target, fees, preferred)
    except ValidationError as exc:
        assert exc.code == "wallet.insufficient_funds"
        # No subset can do better than all coins worth more than their own fee.
        assert _margin(coins, fees) < target
        return
    assert fee == fee_for_proofs(selected, fees)
    assert sum(c.amount for c in selected) >= target + fee
    assert len({id(c) for c in selected}) == len(selected)
    assert all(any(c is d for d in coins) for c in selected)
    if preferred:
        # Active coins are used only once every useful preferred coin is in.
        useful_old = [c for c in coins if c.id == "old" and c.amount * 1000 > fees["old"]]
        if any(c.id != "old" for c in selected):
            assert all(any(c is s for s in selected) for c in useful_old)


@settings(max_examples=500, deadline=None)
@given(
    amounts_list=st.lists(st.sampled_from([2**i for i in range(10)]), max_size=40),
    ppk=st.integers(min_value=0, max_value=999),
    target=st.integers(min_value=1, max_value=3000),
)
def test_selection_never_takes_an_unneeded_input(
    amounts_list: list[int], ppk: int, target: int
) -> None:
    # One keyset, one fee, nothing preferred: dropping any selected input must break coverage.
    coins = [Coin(a) for a in amounts_list]
    try:
        selected, fee = amounts.select_proofs(coins, target, {"a": ppk})
    except ValidationError:
        assert _margin(coins, {"a": ppk}) < target
        return
    total = sum(c.amount for c in selected)
    fewer_fee = (ppk * (len(selected) - 1) + 999) // 1000
    for c in selected:
        assert total - c.amount < target + fewer_fee
    assert fee == (ppk * len(selected) + 999) // 1000
