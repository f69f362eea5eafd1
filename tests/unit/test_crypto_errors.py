"""Crypto refusals: each one names what failed, for the log; the cashier sees one sentence."""

from __future__ import annotations

import pytest

from pos_app.core.cashu import crypto
from pos_app.core.errors import ValidationError

G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
OFF_CURVE = "02" + "00" * 32
MESSAGE = "The ecash data failed a cryptographic check."
ONE = (1).to_bytes(32, "big")
N_BYTES = crypto.N.to_bytes(32, "big")


def refusal(fn, *args) -> tuple[str, str | None]:
    with pytest.raises(ValidationError) as err:
        fn(*args)
    assert err.value.user_message == MESSAGE
    return err.value.code, err.value.detail


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: crypto.parse_point("zz"), ("crypto.invalid_point", "point: not hex")),
        (
            lambda: crypto.parse_point("02ab"),
            ("crypto.invalid_point", "point: not a 33-byte compressed point"),
        ),
        (
            lambda: crypto.parse_point(OFF_CURVE, "C"),
            ("crypto.invalid_point", "C: not on the curve"),
        ),
        (lambda: crypto.sign_blinded(ONE, "zz"), ("crypto.invalid_point", "B_: not hex")),
        (lambda: crypto.sign_blinded_with_dleq(ONE, "zz"), ("crypto.invalid_point", "B_: not hex")),
        (
            lambda: crypto.sign_blinded(b"\x01", G),
            ("crypto.invalid_scalar", "k: expected 32 bytes"),
        ),
        (lambda: crypto.sign_blinded(N_BYTES, G), ("crypto.invalid_scalar", "k: out of range")),
        (
            lambda: crypto.sign_blinded_with_dleq(b"\x01", G),
            ("crypto.invalid_scalar", "k: expected 32 bytes"),
        ),
        (
            lambda: crypto.sign_blinded_with_dleq(ONE, G, b"\x00" * 32),
            ("crypto.invalid_scalar", "nonce: out of range"),
        ),
        (
            lambda: crypto.blind_point(crypto.parse_point(G), bytes(32)),
            ("crypto.invalid_scalar", "r: out of range"),
        ),
        (lambda: crypto.blind(123, ONE), ("crypto.invalid_secret", "secret of type int")),
        (
            lambda: crypto.blind("\ud800", ONE),
            ("crypto.invalid_secret", "secret is not valid UTF-8 text"),
        ),
        (lambda: crypto.unblind(G, ONE, 5), ("crypto.invalid_point", "mint key: not text")),
        (lambda: crypto.unblind(G, bytes(32), G), ("crypto.invalid_scalar", "r: out of range")),
        (lambda: crypto.unblind("zz", ONE, G), ("crypto.invalid_point", "C_: not hex")),
    ],
)
def test_refusals_name_what_failed(call, expected):
    assert refusal(call) == expected


def test_forged_signature_that_unblinds_to_infinity():
    r = (7).to_bytes(32, "big")
    forged = crypto.parse_point(G).multiply(r).format().hex()  # C_ = r·K
    assert refusal(crypto.unblind, forged, r, G) == (
        "crypto.invalid_point",
        "unblinded signature is the point at infinity",
    )
