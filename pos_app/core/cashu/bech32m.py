"""Bech32 and Bech32m (BIP-173 / BIP-350) over whole bytes.

NUT-26 payment requests use Bech32m; the Nostr keys inside them (NIP-19
``npub``/``nprofile``) use classic Bech32, so both checksum constants live here.
The BIP-173 limit of 90 characters is not applied: payment requests and
nprofiles are longer. A much larger cap (:data:`MAX_LENGTH`) bounds the work
spent on hostile input.

Math: the data part is a string of 5-bit values; the checksum is the six 5-bit
values that make ``polymod(hrp_expand(hrp) + data + checksum) == const`` where
``polymod`` is the BCH code over GF(32) of BIP-173 and ``const`` is 1 (Bech32)
or 0x2BC830A3 (Bech32m).
"""

from __future__ import annotations

from enum import IntEnum

from pos_app.core.cashu.models import invalid

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHAR_VALUE = {c: i for i, c in enumerate(CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
CHECKSUM_LENGTH = 6
MAX_LENGTH = 100_000
CODE = "bech32.invalid"
_MESSAGE = "This code is damaged or incomplete."


class Variant(IntEnum):
    """Checksum constant of each encoding."""

    BECH32 = 1
    BECH32M = 0x2BC830A3


def _polymod(values: list[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ value
        for i, gen in enumerate(_GENERATOR):
            if (top >> i) & 1:
                chk ^= gen
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, *, pad: bool) -> list[int]:
    """Regroup a sequence of ``from_bits``-wide values into ``to_bits``-wide ones.

    Without ``pad`` (decoding), leftover bits must be fewer than ``from_bits``
    and all zero, as BIP-173 requires.

    Raises:
        ValidationError: a value out of range or non-zero padding.
    """
    acc = bits = 0
    out: list[int] = []
    max_value = (1 << to_bits) - 1
    for value in data:
        if value < 0 or value >> from_bits:
            raise invalid(CODE, f"value {value} does not fit {from_bits} bits", _MESSAGE)
        acc = ((acc << from_bits) | value) & 0xFFFFFFFF
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & max_value)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & max_value)
    elif bits >= from_bits or (acc << (to_bits - bits)) & max_value:
        raise invalid(CODE, "non-zero or overlong padding", _MESSAGE)
    return out


def encode(hrp: str, data: bytes, variant: Variant = Variant.BECH32M) -> str:
    """Encode bytes as lower-case ``hrp + "1" + data + checksum``.

    Raises:
        ValidationError: the HRP is empty or not printable ASCII.
    """
    return encode_words(hrp, convert_bits(data, 8, 5, pad=True), variant)


def encode_words(hrp: str, words: list[int], variant: Variant = Variant.BECH32M) -> str:
    """Encode 5-bit values (each 0..31) with their checksum.

    Raises:
        ValidationError: the HRP is empty or not printable ASCII, or a value is out of range.
    """
    hrp = hrp.lower()
    if not hrp or any(not 33 <= ord(c) <= 126 for c in hrp):
        raise invalid(CODE, f"bad human-readable part {hrp!r}", _MESSAGE)
    if any(not 0 <= w < 32 for w in words):
        raise invalid(CODE, "5-bit value out of range", _MESSAGE)
    poly = _polymod([*_hrp_expand(hrp), *words, *([0] * CHECKSUM_LENGTH)]) ^ variant
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(CHECKSUM_LENGTH)]
    return hrp + "1" + "".join(CHARSET[v] for v in [*words, *checksum])


def decode(text: str, variant: Variant = Variant.BECH32M) -> tuple[str, bytes]:
    """Split and check a Bech32(m) string; return its lower-case HRP and payload bytes.

    Accepts all upper-case or all lower-case input, never mixed.

    Raises:
        ValidationError: ``bech32.invalid`` for a bad character, mixed case,
            missing separator, wrong checksum or padding.
    """
    hrp, words = decode_words(text, variant)
    return hrp, bytes(convert_bits(words, 5, 8, pad=False))


def decode_words(text: str, variant: Variant = Variant.BECH32M) -> tuple[str, list[int]]:
    """Check a Bech32(m) string; return its lower-case HRP and 5-bit data values.

    Raises:
        ValidationError: as :func:`decode`, padding aside.
    """
    if not isinstance(text, str):
        raise invalid(CODE, f"expected text, got {type(text).__name__}", _MESSAGE)
    if len(text) > MAX_LENGTH:
        raise invalid(CODE, f"{len(text)} characters is too long", _MESSAGE)
    if any(not 33 <= ord(c) <= 126 for c in text):
        raise invalid(CODE, "character outside printable ASCII", _MESSAGE)
    if text.lower() != text and text.upper() != text:
        raise invalid(CODE, "mixed case", _MESSAGE)
    text = text.lower()
    sep = text.rfind("1")
    if sep < 1 or sep + 1 + CHECKSUM_LENGTH > len(text):
        raise invalid(CODE, "missing separator, prefix or checksum", _MESSAGE)
    hrp = text[:sep]
    try:
        values = [_CHAR_VALUE[c] for c in text[sep + 1 :]]
    except KeyError as exc:
        raise invalid(CODE, f"character {exc.args[0]!r} is not in the charset", _MESSAGE) from None
    if _polymod(_hrp_expand(hrp) + values) != variant:
        raise invalid(CODE, "checksum mismatch", _MESSAGE)
    return hrp, values[:-CHECKSUM_LENGTH]
