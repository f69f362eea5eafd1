"""Keysets: key validation, keyset ids and input fees (NUT-01, NUT-02).

Keyset id versions:

- ``00`` (v1, deprecated but still in tokens): ``"00" + sha256(K_1 ‖ K_2 ‖ …)[:7 bytes]`` over
  the 33-byte compressed keys sorted by amount. 8 bytes, 16 hex characters.
- ``01`` (v2): ``"01" + sha256(preimage)``, 33 bytes, 66 hex characters, where the preimage is
  the UTF-8 text ``"1:<hex>,2:<hex>,…|unit:<unit>"`` (amounts ascending, lowercase key hex),
  followed by ``"|input_fee_ppk:<n>"`` when ``n != 0`` and ``"|final_expiry:<t>"`` when the
  expiry is set. Tokens may carry only the first 8 bytes of a v2 id (a short id), which the
  receiver maps back to the full id it knows.

Input fee: each input costs its keyset's ``input_fee_ppk`` thousandths of a unit; a
transaction pays ``ceil(sum / 1000)``, i.e. ``(sum + 999) // 1000``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from coincurve import PublicKey

from pos_app.core.cashu.models import MAX_AMOUNT
from pos_app.core.errors import ProtocolError, ValidationError

if TYPE_CHECKING:
    from pos_app.core.cashu.models import Keyset, Proof

V1_PREFIX = "00"
V2_PREFIX = "01"
SHORT_ID_HEX_LEN = 16  # 8 bytes: a complete v1 id, or a truncated v2 id
V2_ID_HEX_LEN = 66
_HEXDIGITS = frozenset("0123456789abcdef")


def _keys_invalid(detail: str) -> ValidationError:
    return ValidationError(
        "keyset.invalid", "The mint sent keys that are not valid; try again later.", detail
    )


def _sorted_keys(keys: Mapping[int, str]) -> list[tuple[int, str]]:
    if not keys:
        raise _keys_invalid("keyset has no keys")
    try:
        return sorted((int(a), k.lower()) for a, k in keys.items())
    except (TypeError, ValueError, AttributeError):
        raise _keys_invalid("keys must map integer amounts to hex text") from None


def keyset_id_v1(keys: Mapping[int, str]) -> str:
    """The v1 (``00``) id of a key map ``amount -> compressed key hex``."""
    try:
        concat = b"".join(bytes.fromhex(k) for _, k in _sorted_keys(keys))
    except (TypeError, ValueError):
        raise _keys_invalid("a key is not hex") from None
    return V1_PREFIX + hashlib.sha256(concat).hexdigest()[:14]


def keyset_id_v2_preimage(
    keys: Mapping[int, str], unit: str, input_fee_ppk: int = 0, final_expiry: int | None = None
) -> str:
    """The text hashed into a v2 id (exposed for diagnostics and tests).

    ``final_expiry`` of 0 counts as unset, as in the spec's reference code, cdk and cashu-ts
    (nutshell writes ``|final_expiry:0``; :func:`verify_keyset_id` accepts both).
    """
    text = ",".join(f"{a}:{k}" for a, k in _sorted_keys(keys)) + f"|unit:{unit}"
    if input_fee_ppk:
        text += f"|input_fee_ppk:{input_fee_ppk}"
    if final_expiry:
        text += f"|final_expiry:{final_expiry}"
    return text


def keyset_id_v2(
    keys: Mapping[int, str], unit: str, input_fee_ppk: int = 0, final_expiry: int | None = None
) -> str:
    """The v2 (``01``) id of a keyset: 66 hex characters."""
    preimage = keyset_id_v2_preimage(keys, unit, input_fee_ppk, final_expiry)
    return V2_PREFIX + hashlib.sha256(preimage.encode("utf-8")).hexdigest()


def verify_keyset_id(keyset: Keyset) -> None:
    """Check that a keyset's id is the one its keys (and metadata, for v2) produce.

    Raises:
        ProtocolError: ``keyset.id_mismatch`` when the id does not match (or the keyset has no
            keys to check), ``keyset.unknown_version`` for an id version other than 00/01.
    """
    kid = keyset.id.lower()
    version = kid[:2]
    if version not in (V1_PREFIX, V2_PREFIX):
        raise ProtocolError(
            "keyset.unknown_version",
            "The mint uses a keyset version this till does not support.",
            f"keyset id {keyset.id!r}",
        )
    try:
        if version == V1_PREFIX:
            candidates = {keyset_id_v1(keyset.keys)}
        else:
            candidates = {
                keyset_id_v2(keyset.keys, keyset.unit, keyset.input_fee_ppk, keyset.final_expiry)
            }
            if keyset.final_expiry == 0:  # nutshell hashes "|final_expiry:0"; others omit it
                text = keyset_id_v2_preimage(keyset.keys, keyset.unit, keyset.input_fee_ppk)
                text += "|final_expiry:0"
                candidates.add(V2_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest())
    except ValidationError as exc:
        raise ProtocolError(
            "keyset.id_mismatch", "The mint's keyset could not be verified.", exc.detail
        ) from None
    if kid not in candidates:
        raise ProtocolError(
            "keyset.id_mismatch",
            "The mint's keyset id does not match its keys; do not use this mint.",
            f"id {keyset.id} but keys give {sorted(candidates)}",
        )


def validate_keys(keys: Mapping[Any, Any]) -> dict[int, str]:
    """Validate a key map as sent by ``/v1/keys`` (NUT-01) and return it normalised.

    Amounts may be ints or decimal strings and must be powers of two below 2**64; keys must be
    33-byte compressed points on the curve.

    Returns:
        ``{amount: lowercase key hex}`` sorted by amount.

    Raises:
        ValidationError: ``keyset.invalid`` for anything else (including an empty map).
    """
    if not isinstance(keys, Mapping) or not keys:
        raise _keys_invalid("expected a non-empty map of amount to key")
    out: dict[int, str] = {}
    for amount_raw, key in keys.items():
        if isinstance(amount_raw, bool):
            raise _keys_invalid(f"amount {amount_raw!r} is not a number")
        if isinstance(amount_raw, str):
            if not amount_raw.isascii() or not amount_raw.isdigit():
                raise _keys_invalid(f"amount {amount_raw!r} is not a decimal number")
            amount = int(amount_raw)
        elif isinstance(amount_raw, int):
            amount = amount_raw
        else:
            raise _keys_invalid(f"amount {amount_raw!r} is not a number")
        if amount <= 0 or amount & (amount - 1) or amount >= MAX_AMOUNT:
            raise _keys_invalid(f"amount {amount} is not a power of two below 2**64")
        if amount in out:
            raise _keys_invalid(f"amount {amount} appears twice")
        if not isinstance(key, str) or len(key) != 66 or not set(key.lower()) <= _HEXDIGITS:
            raise _keys_invalid(f"key for amount {amount} is not 33 bytes of hex")
        key_hex = key.lower()
        if key_hex[:2] not in ("02", "03"):
            raise _keys_invalid(f"key for amount {amount} is not a compressed point")
        try:
            PublicKey(bytes.fromhex(key_hex))
        except ValueError:
            raise _keys_invalid(f"key for amount {amount} is not on the curve") from None
        out[amount] = key_hex
    return dict(sorted(out.items()))


def resolve_keyset_id(short_or_full: str, known_ids: Iterable[str]) -> str:
    """Map a keyset id as written in a token to the full id the mint knows.

    - A full id (v2, 66 hex) passes through when known.
    - An 8-byte id starting ``01`` is a short v2 id: it maps to the one known v2 id it prefixes.
    - An 8-byte id starting ``00`` is a complete v1 id.
    - Any other id passes through when known (legacy ids).

    Raises:
        ValidationError: ``keyset.unknown`` when nothing matches, ``keyset.ambiguous`` when a
            short id prefixes several known ids, ``keyset.invalid`` when it is not hex.
    """
    if not isinstance(short_or_full, str) or not short_or_full:
        raise _keys_invalid("keyset id is not a string")
    kid = short_or_full.lower()
    if len(kid) % 2 or not set(kid) <= _HEXDIGITS:
        raise _keys_invalid(f"keyset id {short_or_full!r} is not hex")
    known = {k.lower() for k in known_ids if isinstance(k, str)}
    if len(kid) == SHORT_ID_HEX_LEN and kid.startswith(V2_PREFIX):
        matches = sorted(k for k in known if len(k) == V2_ID_HEX_LEN and k.startswith(kid))
        if len(matches) > 1:
            raise ValidationError(
                "keyset.ambiguous",
                "This token names its keyset ambiguously; ask for another token.",
                f"short id {kid} matches {matches}",
            )
        if matches:
            return matches[0]
    elif kid in known:
        return kid
    raise ValidationError(
        "keyset.unknown",
        "This token uses a keyset the mint does not list.",
        f"keyset id {kid} not among {len(known)} known ids",
    )


def input_fee(ppks: Iterable[int]) -> int:
    """Input fee in units for inputs with these per-input ``input_fee_ppk`` values."""
    return (sum(ppks) + 999) // 1000


def fee_for_proofs(proofs: Iterable[Proof], fee_by_keyset: Mapping[str, int]) -> int:
    """Input fee of spending ``proofs``, given ``input_fee_ppk`` per keyset id.

    Raises:
        ValidationError: ``keyset.unknown`` when a proof's keyset is not in ``fee_by_keyset``.
    """
    total = 0
    for proof in proofs:
        try:
            total += fee_by_keyset[proof.id]
        except KeyError:
            raise ValidationError(
                "keyset.unknown",
                "A coin uses a keyset the mint does not list.",
                f"no fee known for keyset {proof.id}",
            ) from None
    return (total + 999) // 1000
