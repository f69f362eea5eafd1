"""Keysets (NUT-01, NUT-02): key validation, keyset ids, short-id resolution and input fees."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.core.cashu import keysets
from pos_app.core.cashu.models import Keyset
from pos_app.core.errors import ProtocolError, ValidationError

VECTORS = Path(__file__).resolve().parents[1] / "vectors"


def _cases(name: str) -> list[dict]:
    return json.loads((VECTORS / name).read_text())["cases"]


KEYSET_IDS = _cases("nut02_keyset_id.json")
KEY_MAPS = _cases("nut01_keysets.json")
FEES = _cases("nut02_fees.json")
V1_CASES = [c for c in KEYSET_IDS if c["version"] == "00"]
V2_CASES = [c for c in KEYSET_IDS if c["version"] == "01"]


def _int_keys(case: dict) -> dict[int, str]:
    return {int(a): k for a, k in case["keys"].items()}


def _keyset(case: dict, **changes) -> Keyset:
    ks = Keyset.from_dict(
        {
            "id": case["expected_id"],
            "unit": case.get("unit", "sat"),
            "input_fee_ppk": case.get("input_fee_ppk", 0),
            "final_expiry": case.get("final_expiry"),
            "keys": case["keys"],
        }
    )
    return replace(ks, **changes)


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize("case", V1_CASES, ids=[c["name"] for c in V1_CASES])
def test_keyset_id_v1_vectors(case: dict) -> None:
    assert keysets.keyset_id_v1(_int_keys(case)) == case["expected_id"]
    keysets.verify_keyset_id(_keyset(case))


@pytest.mark.parametrize("case", V2_CASES, ids=[c["name"] for c in V2_CASES])
def test_keyset_id_v2_vectors(case: dict) -> None:
    keys = _int_keys(case)
    args = (keys, case["unit"], case["input_fee_ppk"], case["final_expiry"])
    assert keysets.keyset_id_v2(*args) == case["expected_id"]
    preimage = keysets.keyset_id_v2_preimage(*args)
    assert preimage.endswith(case["preimage_suffix_derived"])
    assert preimage.startswith(f"1:{keys[1]},2:{keys[2]},")
    keysets.verify_keyset_id(_keyset(case))


def test_v2_id_ignores_key_order_and_case() -> None:
    case = V2_CASES[0]
    keys = _int_keys(case)
    shuffled = {a: k.upper() for a, k in reversed(list(keys.items()))}
    args = (case["unit"], case["input_fee_ppk"], case["final_expiry"])
    assert keysets.keyset_id_v2(shuffled, *args) == case["expected_id"]


def test_v2_id_commits_to_metadata() -> None:
    case = V2_CASES[0]
    keys = _int_keys(case)
    base = keysets.keyset_id_v2(keys, "sat", 100, 2059210353)
    assert keysets.keyset_id_v2(keys, "usd", 100, 2059210353) != base
    assert keysets.keyset_id_v2(keys, "sat", 101, 2059210353) != base
    assert keysets.keyset_id_v2(keys, "sat", 100, 2059210354) != base
    assert keysets.keyset_id_v2(keys, "sat", 100, None) != base


def test_final_expiry_zero_accepts_both_conventions() -> None:
    case = V2_CASES[2]  # no expiry
    keys = _int_keys(case)
    without = keysets.keyset_id_v2(keys, "sat", 0, 0)
    assert without == case["expected_id"]  # 0 counts as unset (spec reference code, cdk)
    text = keysets.keyset_id_v2_preimage(keys, "sat") + "|final_expiry:0"
    nutshell_style = "01" + hashlib.sha256(text.encode()).hexdigest()
    for kid in (without, nutshell_style):
        keysets.verify_keyset_id(_keyset(case, id=kid, final_expiry=0))


def test_verify_keyset_id_rejects_mismatch() -> None:
    v1, v2 = V1_CASES[0], V2_CASES[0]
    other_key = V1_CASES[1]["keys"]["1"]
    bad = [
        _keyset(v1, id="00" + "0" * 14),
        _keyset(v1, keys={**_int_keys(v1), 1: other_key}),
        _keyset(v2, unit="usd"),
        _keyset(v2, input_fee_ppk=0),
        _keyset(v2, final_expiry=None),
        _keyset(v2, id=v2["expected_id"][:16]),  # a short id cannot be verified
        _keyset(v2, keys={}),
    ]
    for ks in bad:
        with pytest.raises(ProtocolError) as info:
            keysets.verify_keyset_id(ks)
        assert info.value.code == "keyset.id_mismatch", ks


def test_verify_keyset_id_unknown_version() -> None:
    ks = _keyset(V2_CASES[0], id="02" + V2_CASES[0]["expected_id"][2:])
    with pytest.raises(ProtocolError) as info:
        keysets.verify_keyset_id(ks)
    assert info.value.code == "keyset.unknown_version"


# --------------------------------------------------------------------------- NUT-01 keys


@pytest.mark.parametrize("case", KEY_MAPS, ids=[c["name"] for c in KEY_MAPS])
def test_validate_keys_vectors(case: dict) -> None:
    if case["expected_valid"]:
        keys = keysets.validate_keys(case["keys"])
        assert keys == {int(a): k for a, k in case["keys"].items()}
        assert list(keys) == sorted(keys)
    else:
        with pytest.raises(ValidationError) as info:
            keysets.validate_keys(case["keys"])
        assert info.value.code == "keyset.invalid"


def test_validate_keys_accepts_two_to_the_63() -> None:
    big = next(c for c in KEY_MAPS if len(c["keys"]) == 64)
    assert 2**63 in keysets.validate_keys(big["keys"])


GOOD_KEY = KEY_MAPS[2]["keys"]["1"]
OFF_CURVE = "02" + "00" * 31 + "05"


@pytest.mark.parametrize(
    "keys",
    [
        {},
        {"3": GOOD_KEY},
        {"0": GOOD_KEY},
        {"-1": GOOD_KEY},
        {str(2**64): GOOD_KEY},
        {"1.0": GOOD_KEY},
        {"١": GOOD_KEY},  # Arabic-Indic digit one: isdigit() but not ASCII
        {True: GOOD_KEY},
        {1.0: GOOD_KEY},
        {"1": GOOD_KEY, 1: GOOD_KEY},
        {"1": OFF_CURVE},
        {"1": "04" + GOOD_KEY[2:]},
        {"1": GOOD_KEY + "00"},
        {"1": "zz" + GOOD_KEY[2:]},
        {"1": None},
        {"1": 5},
        [("1", GOOD_KEY)],
        None,
    ],
)
def test_validate_keys_rejects(keys) -> None:
    with pytest.raises(ValidationError) as info:
        keysets.validate_keys(keys)
    assert info.value.code == "keyset.invalid"


def test_validate_keys_normalises_case_and_int_amounts() -> None:
    assert keysets.validate_keys({2: GOOD_KEY.upper(), "1": GOOD_KEY}) == {
        1: GOOD_KEY,
        2: GOOD_KEY,
    }


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.one_of(st.text(max_size=25), st.integers(), st.none()),
        st.one_of(st.text(max_size=70), st.integers(), st.none()),
        max_size=4,
    )
)
def test_validate_keys_fuzz_only_validation_errors(keys) -> None:
    try:
        keysets.validate_keys(keys)
    except ValidationError:
        pass


# --------------------------------------------------------------------------- short ids

FULL_A = "01" + "ab" * 7 + "11" * 25
FULL_B = "01" + "ab" * 7 + "22" * 25  # same 8-byte prefix as FULL_A
FULL_C = "01" + "cd" * 7 + "33" * 25
V1_ID = "009a1f293253e41e"


@pytest.mark.parametrize(
    ("given_id", "known", "expected"),
    [
        (FULL_A, [FULL_A, FULL_B], FULL_A),
        (FULL_A.upper(), [FULL_A], FULL_A),
        (FULL_C[:16], [FULL_A, FULL_C, V1_ID], FULL_C),
        (FULL_C[:16].upper(), [FULL_C.upper()], FULL_C),
        (V1_ID, [V1_ID, FULL_A], V1_ID),
    ],
)
def test_resolve_keyset_id(given_id: str, known: list[str], expected: str) -> None:
    assert keysets.resolve_keyset_id(given_id, known) == expected


@pytest.mark.parametrize(
    ("given_id", "known", "code"),
    [
        (FULL_A[:16], [FULL_A, FULL_B], "keyset.ambiguous"),
        (FULL_A[:16], [FULL_C], "keyset.unknown"),
        (FULL_A, [FULL_B], "keyset.unknown"),
        (V1_ID, [FULL_A], "keyset.unknown"),
        ("00" + FULL_A[2:16], [FULL_A], "keyset.unknown"),  # 00 ids are complete, never prefixes
        (FULL_A[:18], [FULL_A], "keyset.unknown"),  # 9 bytes is neither short nor full
        ("xyz", [FULL_A], "keyset.invalid"),
        ("abc", [FULL_A], "keyset.invalid"),
        ("", [FULL_A], "keyset.invalid"),
        (None, [FULL_A], "keyset.invalid"),
    ],
)
def test_resolve_keyset_id_errors(given_id, known: list[str], code: str) -> None:
    with pytest.raises(ValidationError) as info:
        keysets.resolve_keyset_id(given_id, known)
    assert info.value.code == code


# --------------------------------------------------------------------------- fees


@pytest.mark.parametrize("case", FEES, ids=[c["name"] for c in FEES])
def test_input_fee_vectors(case: dict) -> None:
    assert keysets.input_fee(case["input_fee_ppk_per_input"]) == case["expected_fee"]


@dataclass(frozen=True)
class Coin:
    amount: int
    id: str


def test_fee_for_proofs_mixes_keysets() -> None:
    fees = {"a": 100, "b": 250, "c": 1000}
    proofs = [Coin(1, "a"), Coin(2, "b"), Coin(4, "c")]
    assert keysets.fee_for_proofs(proofs, fees) == 2  # 1350 ppk
    assert keysets.fee_for_proofs([], fees) == 0
    assert keysets.fee_for_proofs([Coin(1, "a")] * 10, fees) == 1
    assert keysets.fee_for_proofs([Coin(1, "a")] * 11, fees) == 2


def test_fee_for_proofs_unknown_keyset() -> None:
    with pytest.raises(ValidationError) as info:
        keysets.fee_for_proofs([Coin(1, "zz")], {"a": 100})
    assert info.value.code == "keyset.unknown"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5000), max_size=50))
def test_input_fee_is_integer_ceiling(ppks: list[int]) -> None:
    fee = keysets.input_fee(ppks)
    assert fee * 1000 >= sum(ppks) > (fee - 1) * 1000 or fee == sum(ppks) == 0
