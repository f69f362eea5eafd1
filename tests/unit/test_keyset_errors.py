"""Keyset refusals: each one with its code, cashier message and technical detail."""

from __future__ import annotations

import hashlib

import pytest

from pos_app.core.cashu.keysets import (
    fee_for_proofs,
    keyset_id_v1,
    keyset_id_v2,
    keyset_id_v2_preimage,
    resolve_keyset_id,
    validate_keys,
    verify_keyset_id,
)
from pos_app.core.cashu.models import Keyset, Proof
from pos_app.core.errors import PosError

G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
G2 = "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"
INVALID = "The mint sent keys that are not valid; try again later."


def refusal(fn, *args) -> tuple[str, str, str | None]:
    with pytest.raises(PosError) as err:
        fn(*args)
    return err.value.code, err.value.user_message, err.value.detail


@pytest.mark.parametrize(
    ("keys", "detail"),
    [
        ({}, "expected a non-empty map of amount to key"),
        ({True: G}, "amount True is not a number"),
        ({1.0: G}, "amount 1.0 is not a number"),
        ({"x1": G}, "amount 'x1' is not a decimal number"),
        ({3: G}, "amount 3 is not a power of two below 2**64"),
        ({1: G, "1": G2}, "amount 1 appears twice"),
        ({1: G[:-2]}, "key for amount 1 is not 33 bytes of hex"),
        ({1: "zz" + G[2:]}, "key for amount 1 is not 33 bytes of hex"),
        ({1: "04" + G[2:]}, "key for amount 1 is not a compressed point"),
        ({1: "02" + "00" * 32}, "key for amount 1 is not on the curve"),
    ],
)
def test_invalid_keys(keys, detail):
    assert refusal(validate_keys, keys) == ("keyset.invalid", INVALID, detail)


def test_keyset_id_of_non_hex_keys():
    assert refusal(keyset_id_v1, {1: "zz"}) == ("keyset.invalid", INVALID, "a key is not hex")


@pytest.mark.parametrize("keys", [{"one": G}, {None: G}, {1: 5}, {1: None}])
def test_keyset_id_of_keys_that_are_not_amount_to_text(keys):
    # A map of the wrong shape is refused with the reason, never a TypeError.
    expected = ("keyset.invalid", INVALID, "keys must map integer amounts to hex text")
    assert refusal(keyset_id_v1, keys) == expected
    assert refusal(keyset_id_v2, keys, "sat") == expected


@pytest.mark.parametrize(
    ("kid", "known", "expected"),
    [
        ("", [], ("keyset.invalid", INVALID, "keyset id is not a string")),
        ("0a1", [], ("keyset.invalid", INVALID, "keyset id '0a1' is not hex")),
        ("00zz", [], ("keyset.invalid", INVALID, "keyset id '00zz' is not hex")),
        (
            "00ad268c4d1f5826",
            ["00aa", 7],
            (
                "keyset.unknown",
                "This token uses a keyset the mint does not list.",
                "keyset id 00ad268c4d1f5826 not among 1 known ids",
            ),
        ),
        (
            "01aabbccddeeff00",
            ["01aabbccddeeff00" + "1" * 50, "01aabbccddeeff00" + "2" * 50],
            (
                "keyset.ambiguous",
                "This token names its keyset ambiguously; ask for another token.",
                "short id 01aabbccddeeff00 matches "
                f"{['01aabbccddeeff00' + '1' * 50, '01aabbccddeeff00' + '2' * 50]}",
            ),
        ),
    ],
)
def test_keyset_id_refusals(kid, known, expected):
    assert refusal(resolve_keyset_id, kid, known) == expected


def test_every_hex_digit_is_a_keyset_id_digit():
    # All sixteen digits: a strict-subset check would refuse this id.
    kid = "0123456789abcdef00"
    assert resolve_keyset_id(kid, [kid]) == kid


def test_unknown_keyset_fee():
    proof = Proof(1, "00ff", "s", G)
    assert refusal(fee_for_proofs, [proof], {"00aa": 100}) == (
        "keyset.unknown",
        "A coin uses a keyset the mint does not list.",
        "no fee known for keyset 00ff",
    )


def test_keyset_id_refusals_from_the_mint():
    assert refusal(verify_keyset_id, Keyset("02abcdef", "sat")) == (
        "keyset.unknown_version",
        "The mint uses a keyset version this till does not support.",
        "keyset id '02abcdef'",
    )
    assert refusal(verify_keyset_id, Keyset("00abcdef", "sat", keys={})) == (
        "keyset.id_mismatch",
        "The mint's keyset could not be verified.",
        "keyset has no keys",
    )
    real = keyset_id_v1({1: G})
    assert refusal(verify_keyset_id, Keyset("00" + "0" * 14, "sat", keys={1: G})) == (
        "keyset.id_mismatch",
        "The mint's keyset id does not match its keys; do not use this mint.",
        f"id {'00' + '0' * 14} but keys give {[real]}",
    )


def test_v2_id_defaults_and_nutshell_final_expiry_zero():
    keys = {1: G, 2: G2}
    assert keyset_id_v2(keys, "sat") == keyset_id_v2(keys, "sat", 0, None)
    text = keyset_id_v2_preimage(keys, "sat", 100) + "|final_expiry:0"
    nutshell_id = "01" + hashlib.sha256(text.encode()).hexdigest()
    verify_keyset_id(Keyset(nutshell_id, "sat", input_fee_ppk=100, final_expiry=0, keys=keys))
