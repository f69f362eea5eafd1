"""Acceptance policy, fee caps and payment proofs (pure logic)."""

from __future__ import annotations

import asyncio
import hashlib

import pytest

from pos_app.core.config import OPTIONS
from pos_app.core.errors import ConfigError, ValidationError
from pos_app.core.payments import convert
from pos_app.core.payments.lnurl import Invoice
from pos_app.core.payments.policy import MELT, SETTINGS, SWAP, Policy, check_fee_cap, percent


def policy(**overrides) -> Policy:
    values = {key: opt.default for key, opt in OPTIONS.items()}
    values["lightning.address"] = "shop@example.com"
    values.update(overrides)
    return Policy.from_settings(values)


@pytest.mark.parametrize(
    ("mode", "trusted", "expected"),
    [
        ("trusted_only", True, SWAP),
        ("trusted_only", False, "mint.untrusted"),
        ("hold_when_trusted", True, SWAP),
        ("hold_when_trusted", False, MELT),
        ("auto_convert", True, MELT),
        ("auto_convert", False, MELT),
    ],
)
def test_mode_decides_before_any_contact(mode, trusted, expected):
    p = policy(mode=mode)
    if expected in (SWAP, MELT):
        assert p.method_for("https://m", trusted) == expected
    else:
        with pytest.raises(ValidationError) as err:
            p.method_for("https://m", trusted)
        assert err.value.code == expected


def test_melt_without_lightning_address_is_a_config_error():
    with pytest.raises(ConfigError) as err:
        policy(mode="auto_convert", **{"lightning.address": ""}).method_for("https://m", True)
    assert err.value.code == "lightning.not_configured"


def test_fee_cap_message_carries_the_numbers():
    check_fee_cap("mint", 1, 100, 1.0, "sat")  # exactly at the cap is fine
    check_fee_cap("mint", 0, 1, 0.0, "sat")
    with pytest.raises(ValidationError) as err:
        check_fee_cap("lightning", 3, 100, 2.5, "sat")
    assert err.value.code == "fee.too_high"
    assert "3 sat is 3.00% of this 100 sat token" in err.value.user_message
    assert "2.5%" in err.value.user_message
    assert percent(1, 3) == percent(10, 30) and str(percent(1, 0)) == "0"


def test_fees_within_the_allowance_are_never_refused():
    assert policy().fee_allowance == 2  # the default: a few sat
    check_fee_cap("mint", 1, 35, 2.0, "sat", allowance=2)  # 2.86% but 1 sat
    check_fee_cap("mint", 2, 10, 0.0, "sat", allowance=2)
    with pytest.raises(ValidationError) as err:
        check_fee_cap("mint", 1, 35, 2.0, "sat")
    assert "2.86%" in err.value.user_message
    with pytest.raises(ValidationError):
        check_fee_cap("mint", 3, 35, 2.0, "sat", allowance=2)  # above both
    assert policy(**{"fees.always_accept": 5}).fee_allowance == 5


def invoice(preimage: bytes, verify: str | None = None) -> Invoice:
    return Invoice(
        bolt11="lnbc1...",
        payment_hash=hashlib.sha256(preimage).hexdigest(),
        amount_sat=10,
        verify_url=verify,
        description_hash="00" * 32,
    )


def test_payment_proofs():
    secret = bytes(range(32))
    inv = invoice(secret)
    assert asyncio.run(convert.prove(None, inv, secret.hex())) == convert.PROVEN
    assert asyncio.run(convert.prove(None, inv, "11" * 32)) == convert.MISMATCH
    assert asyncio.run(convert.prove(None, inv, None)) == convert.UNPROVEN
    assert asyncio.run(convert.prove(None, inv, "00" * 32)) == convert.UNPROVEN
    zero = invoice(bytes(32))
    assert asyncio.run(convert.prove(None, zero, "00" * 32)) == convert.PROVEN


def test_reserve_guess_matches_nutshell():
    assert convert.reserve_guess(1) == 2 and convert.reserve_guess(100) == 2
    assert convert.reserve_guess(1000) == 10 and convert.reserve_guess(1001) == 11


def test_settings_are_converted_to_their_types():
    p = Policy.from_settings(
        {
            "mode": "hold_when_trusted",
            "fees.max_mint_fee_pct": "1.5",
            "fees.max_lightning_fee_pct": 2,
            "lightning.address": "shop@example.com",
            "change.policy": "keep",
            "offline.enabled": 1,
            "offline.max_per_sale": "500",
            "offline.max_per_day": 5000.0,
            "fees.always_accept": "3",
        }
    )
    assert p == Policy(
        mode="hold_when_trusted",
        max_mint_fee_pct=1.5,
        max_lightning_fee_pct=2.0,
        fee_allowance=3,
        lightning_address="shop@example.com",
        change_policy="keep",
        offline_enabled=True,
        offline_max_per_sale=500,
        offline_max_per_day=5000,
    )
    assert type(p.max_lightning_fee_pct) is float and type(p.offline_enabled) is bool


def test_settings_without_a_fee_allowance_allow_nothing():
    # A settings map without the allowance grants none: the percentage cap alone decides.
    values = {key: opt.default for key, opt in OPTIONS.items()}
    del values["fees.always_accept"]
    values["lightning.address"] = "shop@example.com"
    p = Policy.from_settings(values)
    assert p.fee_allowance == 0
    with pytest.raises(ValidationError) as err:
        check_fee_cap("mint", 1, 35, p.max_mint_fee_pct, "sat", allowance=p.fee_allowance)
    assert err.value.code == "fee.too_high"
    assert type(p.offline_max_per_sale) is int and type(p.offline_max_per_day) is int


def test_untrusted_mint_refusal_says_what_to_do():
    with pytest.raises(ValidationError) as err:
        policy(mode="trusted_only").method_for("https://other.mint", False)
    assert err.value.user_message == (
        "This token is from a mint the shop does not accept. Ask the customer to pay "
        "with ecash from one of the shop's mints."
    )
    assert (err.value.detail, err.value.data) == (
        "https://other.mint",
        {"mint": "https://other.mint"},
    )


@pytest.mark.parametrize(
    ("mode", "trusted"), [("auto_convert", True), ("hold_when_trusted", False)]
)
def test_melt_needs_a_lightning_address(mode, trusted):
    with pytest.raises(ConfigError) as err:
        policy(mode=mode, **{"lightning.address": ""}).method_for("https://m", trusted)
    assert err.value.code == "lightning.not_configured"
    assert err.value.detail == "https://m"
    assert err.value.user_message == (
        "This token would have to be converted to Lightning, but the shop has no "
        "Lightning address set. Ask for ecash from one of the shop's mints."
    )
    # A swap needs no Lightning address.
    assert (
        policy(mode="trusted_only", **{"lightning.address": ""}).method_for("https://m", True)
        == SWAP
    )


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1, 3, "33.33"),
        (2, 3, "66.67"),
        (1, 800, "0.13"),
        (3, 800, "0.38"),
        (5, 5, "100.00"),
        (1, 0, "0"),
        (1, -5, "0"),
        (0, 7, "0.00"),
    ],
)
def test_percent_rounds_half_up_to_two_places(part, whole, expected):
    assert str(percent(part, whole)) == expected


@pytest.mark.parametrize(
    ("fee", "amount", "cap", "refused"),
    [
        (0, 0, 0.0, False),  # no fee is never refused, even on nothing
        (0, 5, -1.0, False),  # ... nor under a cap below zero
        (1, 100, 1.0, False),  # exactly at the cap
        (2, 100, 1.0, True),
        (1, 99, 1.0, True),  # 1.01%
        (1, 1, 99.0, True),
        (1, 1, 100.0, False),
        (1, 0, 0.0, False),  # percent of nothing is 0
    ],
)
def test_fee_cap_on_both_sides(fee, amount, cap, refused):
    if not refused:
        check_fee_cap("mint", fee, amount, cap, "sat")
        return
    with pytest.raises(ValidationError) as err:
        check_fee_cap("mint", fee, amount, cap, "sat")
    assert err.value.code == "fee.too_high"


@pytest.mark.parametrize(("kind", "what"), [("mint", "mint fee"), ("lightning", "Lightning fee")])
def test_fee_cap_refusal_in_full(kind, what):
    with pytest.raises(ValidationError) as err:
        check_fee_cap(kind, 3, 200, 1.25, "sat")
    assert err.value.user_message == (
        f"The {what} of 3 sat is 1.50% of this 200 sat token, above the "
        "shop's limit of 1.25%. Ask for a token from another mint."
    )
    assert err.value.detail == f"{kind} fee 3 on 200 (1.50%) > 1.25% and > 0"
    assert err.value.data == {
        "kind": kind,
        "fee": 3,
        "amount": 200,
        "percent": "1.50",
        "cap": 1.25,
        "allowance": 0,
    }


def test_from_settings_reads_only_the_settings_a_payment_loads():
    # A payment reads policy.SETTINGS alone: a key read here but missing there would
    # be absent (KeyError) or, read with a default, silently wrong.
    read: set[str] = set()

    class Recording(dict):
        def __getitem__(self, key):
            read.add(key)
            return super().__getitem__(key)

        def get(self, key, default=None):
            read.add(key)
            return super().get(key, default)

    values = {key: opt.default for key, opt in OPTIONS.items()}
    Policy.from_settings(Recording(values))
    assert read == set(SETTINGS)
