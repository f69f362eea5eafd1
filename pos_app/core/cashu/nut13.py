"""Deterministic secrets and blinding factors from a BIP39 seed (NUT-13).

The wallet keeps one counter per keyset; output number ``counter`` of keyset ``id`` gets:

- v2 keysets (id ``01…``, 33 bytes)::

      msg    = b"Cashu_KDF_HMAC_SHA256" ‖ bytes.fromhex(id) ‖ be64(counter)
      secret = HMAC-SHA256(seed, msg ‖ 0x00).hex()
      r      = int(HMAC-SHA256(seed, msg ‖ 0x01)) mod n      (0 is rejected)

- v1 keysets (id ``00…``): BIP32 private derivation from the seed with
  ``kid = int(id, 16) mod (2**31 − 1)``; the secret is the hex of the private key at
  ``m/129372'/0'/kid'/counter'/0`` and ``r`` the private key at ``…/counter'/1``.

The proof's ``secret`` is the lowercase hex *text* (hashed to the curve as UTF-8), ``r`` the
32-byte big-endian scalar. The BIP32 steps are written out here (hmac + coincurve) instead of
adding a dependency:

- master: ``I = HMAC-SHA512(b"Bitcoin seed", seed)``, ``k = I[:32]``, chain code ``c = I[32:]``
- child ``i``: ``I = HMAC-SHA512(c, data)`` with ``data = 0x00 ‖ k ‖ be32(i)`` for hardened
  ``i >= 2**31`` and ``data = compressed(k·G) ‖ be32(i)`` otherwise; ``k_i = (I[:32] + k) mod n``,
  ``c_i = I[32:]``; ``I[:32] >= n`` or ``k_i == 0`` is rejected (probability about 2**-127).
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache

from coincurve import PublicKey
from mnemonic import Mnemonic

from pos_app.core.errors import ValidationError

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
HMAC_DOMAIN = b"Cashu_KDF_HMAC_SHA256"
PURPOSE = 129372  # UTF-8 code point of the peanut emoji
_HARDENED = 0x80000000
_STRENGTHS = (128, 160, 192, 224, 256)


def _invalid(code: str, detail: str, message: str) -> ValidationError:
    return ValidationError(code, message, detail)


@cache
def _english() -> Mnemonic:
    """The English BIP39 word list (loading it reads a file; it never changes)."""
    return Mnemonic("english")


def normalize_mnemonic(words: str) -> str:
    """Lowercase and single-space a typed recovery phrase."""
    if not isinstance(words, str):
        raise _invalid("seed.invalid", "not text", "The recovery words are not valid.")
    return " ".join(words.lower().split())


def seed_from_mnemonic(words: str, passphrase: str = "") -> bytes:
    """The 64-byte BIP39 seed of a recovery phrase, after checking its words and checksum.

    Raises:
        ValidationError: ``seed.invalid`` for unknown words, a wrong word count or a bad
            checksum.
    """
    phrase = normalize_mnemonic(words)
    try:
        ok = _english().check(phrase)
    except (ValueError, TypeError, UnicodeError):
        ok = False
    if not ok:
        raise _invalid(
            "seed.invalid",
            f"{len(phrase.split())} words; unknown word or bad checksum",
            "The recovery words are not valid; check each word and their order.",
        )
    return Mnemonic.to_seed(phrase, passphrase)


def new_mnemonic(strength: int = 128) -> str:
    """A fresh random English recovery phrase (128 bits: 12 words, 256 bits: 24 words)."""
    if strength not in _STRENGTHS:
        raise _invalid(
            "seed.invalid", f"strength {strength!r} not in {_STRENGTHS}", "Invalid seed strength."
        )
    return _english().generate(strength)


# --------------------------------------------------------------------------- BIP32


def _bip32_child(key: bytes, chain: bytes, data: bytes) -> tuple[bytes, bytes]:
    digest = hmac.new(chain, data, hashlib.sha512).digest()
    il = int.from_bytes(digest[:32], "big")
    child = (il + int.from_bytes(key, "big")) % N
    if il >= N or child == 0:
        raise _invalid(
            "seed.derivation_failed", "BIP32 child key invalid", "This counter cannot be used."
        )
    return child.to_bytes(32, "big"), digest[32:]


def _hardened(key: bytes, chain: bytes, index: int) -> tuple[bytes, bytes]:
    return _bip32_child(key, chain, b"\x00" + key + (index | _HARDENED).to_bytes(4, "big"))


def _bip32_account(seed: bytes, kid: int) -> tuple[bytes, bytes]:
    """The node at ``m/129372'/0'/kid'`` as (private key, chain code)."""
    digest = hmac.new(b"Bitcoin seed", seed, hashlib.sha512).digest()
    key, chain = digest[:32], digest[32:]
    if not 0 < int.from_bytes(key, "big") < N:
        raise _invalid("seed.derivation_failed", "BIP32 master key invalid", "Seed unusable.")
    for index in (PURPOSE, 0, kid):
        key, chain = _hardened(key, chain, index)
    return key, chain


def _bip32_pair(account: tuple[bytes, bytes], counter: int) -> tuple[str, bytes]:
    key, chain = _hardened(*account, counter)
    point = PublicKey.from_valid_secret(key).format()  # shared by both non-hardened leaves
    secret, _ = _bip32_child(key, chain, point + (0).to_bytes(4, "big"))
    r, _ = _bip32_child(key, chain, point + (1).to_bytes(4, "big"))
    return secret.hex(), r


# --------------------------------------------------------------------------- HMAC (v2)


def _hmac_pair(keyed: hmac.HMAC, id_bytes: bytes, counter: int) -> tuple[str, bytes]:
    msg = HMAC_DOMAIN + id_bytes + counter.to_bytes(8, "big")
    h_secret = keyed.copy()
    h_secret.update(msg + b"\x00")
    h_r = keyed.copy()
    h_r.update(msg + b"\x01")
    r = int.from_bytes(h_r.digest(), "big") % N
    if r == 0:
        raise _invalid("seed.derivation_failed", "r == 0", "This counter cannot be used.")
    return h_secret.hexdigest(), r.to_bytes(32, "big")


# --------------------------------------------------------------------------- public API


def keyset_id_int(keyset_id: str) -> int:
    """The BIP32 account index of a v1 keyset: ``int(id, 16) mod (2**31 − 1)``."""
    return int(keyset_id, 16) % (2**31 - 1)


def _check(seed: bytes, keyset_id: str, start: int, count: int) -> tuple[str, str]:
    if not isinstance(seed, bytes | bytearray) or not 16 <= len(seed) <= 64:
        raise _invalid("seed.invalid", "seed must be 16..64 bytes", "The wallet seed is invalid.")
    if not isinstance(keyset_id, str):
        raise _invalid("keyset.invalid", "keyset id is not text", "Unknown keyset.")
    kid = keyset_id.lower()
    try:
        raw = bytes.fromhex(kid)
    except ValueError:
        raise _invalid(
            "keyset.invalid", f"keyset id {keyset_id!r} not hex", "Unknown keyset."
        ) from None
    version = kid[:2]
    if version == "01" and len(raw) == 33:
        limit = 2**64
    elif version == "00" and len(raw) == 8:
        limit = 2**31  # a hardened BIP32 index
    else:
        raise _invalid(
            "keyset.invalid",
            f"keyset id {keyset_id!r}: need a full v1 (00, 8 bytes) or v2 (01, 33 bytes) id",
            "Unknown keyset.",
        )
    for name, value in (("counter", start), ("count", count)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _invalid("seed.counter_invalid", f"{name} {value!r}", "Invalid counter.")
    if start + count > limit:
        raise _invalid("seed.counter_invalid", f"counter beyond {limit}", "Invalid counter.")
    return kid, version


def derive_range(seed: bytes, keyset_id: str, start: int, count: int) -> list[tuple[str, bytes]]:
    """``(secret, r)`` for counters ``start … start + count − 1`` of a keyset.

    Raises:
        ValidationError: ``seed.invalid``, ``keyset.invalid`` (short, unknown-version or
            non-hex id), ``seed.counter_invalid`` (negative, or beyond the version's range).
    """
    kid, version = _check(seed, keyset_id, start, count)
    if count == 0:
        return []
    if version == "01":
        keyed = hmac.new(bytes(seed), digestmod=hashlib.sha256)
        id_bytes = bytes.fromhex(kid)
        return [_hmac_pair(keyed, id_bytes, c) for c in range(start, start + count)]
    account = _bip32_account(bytes(seed), keyset_id_int(kid))
    return [_bip32_pair(account, c) for c in range(start, start + count)]


def derive_secret_and_r(seed: bytes, keyset_id: str, counter: int) -> tuple[str, bytes]:
    """``(secret, r)`` for one output: the secret as hex text, ``r`` as 32 bytes."""
    _check(seed, keyset_id, counter, 1)
    return derive_range(seed, keyset_id, counter, 1)[0]
