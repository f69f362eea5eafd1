"""The two NIP-19 Nostr encodings a payment request uses: ``npub`` and ``nprofile``.

NUT-26 stores a Nostr transport target as the raw 32-byte x-only key plus
relay URLs; NUT-18 writes it as an ``npub``/``nprofile`` string. Both are
classic Bech32 (not Bech32m). An ``nprofile`` payload is TLV with a 1-byte type
and 1-byte length: type 0 the 32-byte key, type 1 a relay URL (repeatable);
unknown types are skipped as NIP-19 asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.core.cashu import bech32m
from pos_app.core.cashu.models import invalid
from pos_app.core.errors import ValidationError

CODE = "nostr.invalid"
_MESSAGE = "This Nostr address is not valid."
_PUBKEY, _RELAY = 0, 1


@dataclass(frozen=True, slots=True)
class NostrProfile:
    """An x-only public key and the relays where its owner reads messages."""

    pubkey: bytes
    relays: tuple[str, ...] = ()


def encode_profile(profile: NostrProfile) -> str:
    """``nprofile`` when relays are given, else ``npub`` (the NUT-26 decoding rule).

    Raises:
        ValidationError: key not 32 bytes, or a relay URL longer than 255 bytes.
    """
    if len(profile.pubkey) != 32:
        raise invalid(CODE, f"public key has {len(profile.pubkey)} bytes, expected 32", _MESSAGE)
    if not profile.relays:
        return bech32m.encode("npub", profile.pubkey, bech32m.Variant.BECH32)
    tlv = bytearray([_PUBKEY, 32]) + profile.pubkey
    for relay in profile.relays:
        raw = relay.encode("utf-8")
        if len(raw) > 255:
            raise invalid(CODE, "relay URL longer than 255 bytes", _MESSAGE)
        tlv += bytes([_RELAY, len(raw)]) + raw
    return bech32m.encode("nprofile", bytes(tlv), bech32m.Variant.BECH32)


def decode_profile(text: str) -> NostrProfile:
    """Parse an ``npub`` or ``nprofile`` string.

    Raises:
        ValidationError: ``nostr.invalid`` for anything else or a damaged string.
    """
    try:
        hrp, data = bech32m.decode(text, bech32m.Variant.BECH32)
    except ValidationError as exc:
        raise invalid(CODE, f"not bech32: {exc.detail}", _MESSAGE) from None
    if hrp == "npub":
        if len(data) != 32:
            raise invalid(CODE, f"npub holds {len(data)} bytes, expected 32", _MESSAGE)
        return NostrProfile(pubkey=data)
    if hrp != "nprofile":
        raise invalid(CODE, f"unexpected prefix {hrp!r}", _MESSAGE)
    pubkey: bytes | None = None
    relays: list[str] = []
    pos = 0
    while pos < len(data):
        if pos + 2 > len(data) or pos + 2 + data[pos + 1] > len(data):
            raise invalid(CODE, "truncated nprofile TLV", _MESSAGE)
        kind, length = data[pos], data[pos + 1]
        value = data[pos + 2 : pos + 2 + length]
        pos += 2 + length
        if kind == _PUBKEY:
            if pubkey is not None or length != 32:
                raise invalid(CODE, "nprofile needs exactly one 32-byte key", _MESSAGE)
            pubkey = value
        elif kind == _RELAY:
            try:
                relays.append(value.decode("utf-8"))
            except UnicodeDecodeError:
                raise invalid(CODE, "relay URL is not UTF-8", _MESSAGE) from None
    if pubkey is None:
        raise invalid(CODE, "nprofile without a public key", _MESSAGE)
    return NostrProfile(pubkey=pubkey, relays=tuple(relays))
