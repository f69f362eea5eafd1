"""Cashu token serialization (NUT-00): parse V3/V4/raw, emit V4.

Accepted on input:

- ``cashuA`` + base64 of JSON ``{token: [{mint, proofs}], unit?, memo?}`` (V3,
  deprecated but still in circulation);
- ``cashuB`` + base64 of CBOR ``{m, u, d?, t: [{i, p: [{a, s, c, d?, w?}]}]}`` (V4);
- ``b"crawB"`` + CBOR, the binary V4 form used over NFC (bytes input only);
- an optional URI scheme in front: ``cashu:``, ``cashu://``, ``web+cashu:`` or
  ``web+cashu://`` (any case), surrounding whitespace, either base64 alphabet,
  with or without ``=`` padding.

Emitted: V4 only, unpadded base64url, CBOR maps in the key order of the spec
examples (``t, d, m, u``; proofs ``a, s, c, d, w``), so the spec strings are
reproduced byte for byte.

Keyset ids are kept exactly as the token writes them: a V4 token may carry the
8-byte short form of a v2 id, which is resolved against the mint's keysets
elsewhere. Mint URLs lose trailing ``/`` as NUT-00 requires.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import cbor2

from pos_app.core.cashu.codec import absent, b64decode_any, b64url_encode, cbor_loads, rewrap
from pos_app.core.cashu.models import DLEQ, Proof, Token, check_type, invalid
from pos_app.core.errors import ValidationError

CODE_INVALID = "token.invalid"
CODE_EMPTY = "token.empty"
CODE_MULTI_MINT = "token.multi_mint"

MSG_NOT_CASHU = "This is not a Cashu token."
MSG_DAMAGED = "This token is damaged or incomplete; ask the customer to show it again."
MSG_UNSUPPORTED = "This Cashu token format is not supported; ask the customer for a cashuB token."
MSG_EMPTY = "This token contains no ecash."
MSG_MULTI_MINT = (
    "This token holds ecash from several mints; ask the customer to send one token per mint."
)
MSG_BAD_MINT = "The mint address in this token is not valid."
MSG_DUPLICATE = "This token contains the same coin twice and cannot be accepted."

PREFIX = "cashu"
RAW_PREFIX = b"craw"
V3, V4 = "A", "B"
_SCHEMES = ("web+cashu://", "web+cashu:", "cashu://", "cashu:")
_MINT_URL = re.compile(
    r"\Ahttps?://[^\s\x00-\x1f\x7f/?#@]+(?:[/?#][^\s\x00-\x1f\x7f]*)?\Z", re.IGNORECASE
)


def parse_token(text: str | bytes) -> Token:
    """Parse a serialized token into a :class:`Token` of one mint and unit.

    Args:
        text: the scanned or pasted text, or bytes (``crawB`` binary form, or
            the text form as UTF-8).

    Returns:
        The token, mint URL normalised, proofs in wire order.

    Raises:
        ValidationError: ``token.invalid`` for anything malformed,
            ``token.empty`` when no proofs are left, ``token.multi_mint`` for a
            V3 token spanning several mints.
    """
    if isinstance(text, bytes | bytearray | memoryview):
        data = bytes(text)
        if data.startswith(RAW_PREFIX):
            return _parse_raw(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise invalid(CODE_INVALID, "neither craw nor UTF-8", MSG_NOT_CASHU) from None
    if not isinstance(text, str):
        detail = f"expected text or bytes, got {type(text).__name__}"
        raise invalid(CODE_INVALID, detail, MSG_NOT_CASHU)
    body = strip_scheme(text.strip())
    if not body.startswith(PREFIX) or len(body) <= len(PREFIX):
        raise invalid(CODE_INVALID, "missing 'cashu' prefix", MSG_NOT_CASHU)
    version, payload = body[len(PREFIX)], body[len(PREFIX) + 1 :]
    if version == V3:
        return _parse_v3(b64decode_any(payload, CODE_INVALID, MSG_DAMAGED))
    if version == V4:
        raw = b64decode_any(payload, CODE_INVALID, MSG_DAMAGED)
        return _parse_v4(cbor_loads(raw, CODE_INVALID, MSG_DAMAGED))
    raise invalid(CODE_INVALID, f"unknown token version {version!r}", MSG_UNSUPPORTED)


def token_version(text: str | bytes) -> int:
    """The serialization version of a token as :func:`parse_token` reads it: 3 or 4.

    Only the prefix is looked at (``cashuA`` → 3; ``cashuB`` or raw ``crawB`` → 4), after
    the same scheme and whitespace stripping as :func:`parse_token`; call that to validate.

    Raises:
        ValidationError: ``token.invalid`` when the prefix is neither.
    """
    if isinstance(text, bytes | bytearray | memoryview):
        data = bytes(text)
        if data.startswith(RAW_PREFIX):
            if data[len(RAW_PREFIX) : len(RAW_PREFIX) + 1] == V4.encode():
                return 4
            raise invalid(CODE_INVALID, "unknown raw token version", MSG_UNSUPPORTED)
        text = data.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        raise invalid(CODE_INVALID, f"expected text, got {type(text).__name__}", MSG_NOT_CASHU)
    body = strip_scheme(text.strip())
    if body.startswith(PREFIX + V3):
        return 3
    if body.startswith(PREFIX + V4):
        return 4
    raise invalid(CODE_INVALID, "not a cashuA/cashuB token", MSG_NOT_CASHU)


def strip_scheme(text: str) -> str:
    """Drop a leading ``cashu:``-style URI scheme (any case)."""
    lowered = text[:12].lower()
    for scheme in _SCHEMES:
        if lowered.startswith(scheme):
            return text[len(scheme) :]
    return text


def serialize_token_v4(token: Token, *, include_dleq: bool = True) -> str:
    """``cashuB`` + unpadded base64url of the token's CBOR form.

    Args:
        token: the token; proofs are grouped by keyset id in first-seen order.
        include_dleq: keep the proofs' DLEQ data (lets the receiver verify offline).

    Raises:
        ValidationError: ``token.empty`` without proofs, ``token.invalid`` when
            an id, ``C`` or DLEQ value is not hex.
    """
    return "cashuB" + b64url_encode(_encode_cbor(token, include_dleq), pad=False)


def serialize_token_raw(token: Token, *, include_dleq: bool = True) -> bytes:
    """Binary V4 form: ``b"crawB"`` followed by the CBOR bytes."""
    return RAW_PREFIX + V4.encode() + _encode_cbor(token, include_dleq)


def normalize_mint_url(value: Any, code: str = CODE_INVALID) -> str:
    """Check a mint URL is an http(s) URL and strip trailing ``/``.

    Raises:
        ValidationError: not a string or not an http(s) URL.
    """
    value = check_type(value, "mint", str, code)
    if not _MINT_URL.match(value):
        raise invalid(code, f"bad mint URL {value[:80]!r}", MSG_BAD_MINT)
    return value.rstrip("/")


# -- decoding ---------------------------------------------------------------


def _parse_raw(data: bytes) -> Token:
    version = data[len(RAW_PREFIX) : len(RAW_PREFIX) + 1]
    if version != V4.encode():
        raise invalid(CODE_INVALID, f"unknown raw token version {version!r}", MSG_UNSUPPORTED)
    return _parse_v4(cbor_loads(data[len(RAW_PREFIX) + 1 :], CODE_INVALID, MSG_DAMAGED))


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key in JSON object")
    return out


def _parse_v3(raw: bytes) -> Token:
    try:
        obj = json.loads(raw.decode("utf-8"), object_pairs_hook=_reject_duplicate_keys)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise invalid(CODE_INVALID, f"V3 payload is not JSON: {exc}", MSG_DAMAGED) from None
    entries = _field(obj, "token", list, required=True)
    unit = _field(obj, "unit", str)
    memo = _field(obj, "memo", str)
    mint: str | None = None
    proofs: list[Proof] = []
    for entry in entries:
        entry_mint = normalize_mint_url(_field(entry, "mint", str, required=True))
        entry_proofs = _field(entry, "proofs", list, required=True)
        if not entry_proofs:
            continue
        if mint is None:
            mint = entry_mint
        elif entry_mint != mint:
            raise invalid(CODE_MULTI_MINT, f"mints {mint} and {entry_mint}", MSG_MULTI_MINT)
        proofs.extend(_proof(p) for p in entry_proofs)
    return _finish(mint, "sat" if unit is None else unit, proofs, memo)


def _parse_v4(obj: Any) -> Token:
    mint = normalize_mint_url(_field(obj, "m", str, required=True))
    unit = _field(obj, "u", str, required=True)
    memo = _field(obj, "d", str)
    proofs: list[Proof] = []
    for group in _field(obj, "t", list, required=True):
        keyset_id = _field(group, "i", bytes, required=True).hex()
        for item in _field(group, "p", list, required=True):
            proofs.append(_proof(_v4_proof_to_json(item, keyset_id)))
    return _finish(mint, unit, proofs, memo)


def _v4_proof_to_json(item: Any, keyset_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "amount": _field(item, "a", int, required=True),
        "id": keyset_id,
        "secret": _field(item, "s", str, required=True),
        "C": _field(item, "c", bytes, required=True).hex(),
        "witness": _field(item, "w", str),
    }
    dleq = _field(item, "d", Mapping)
    if dleq is not None:
        r = _field(dleq, "r", bytes)
        out["dleq"] = {
            "e": _field(dleq, "e", bytes, required=True).hex(),
            "s": _field(dleq, "s", bytes, required=True).hex(),
            "r": None if r is None else r.hex(),
        }
    return out


def _field(obj: Any, key: str, kind: type, *, required: bool = False) -> Any:
    """``obj[key]`` checked against ``kind``; None/undefined count as absent."""
    if not isinstance(obj, Mapping):
        raise invalid(CODE_INVALID, f"expected an object around {key!r}", MSG_DAMAGED)
    value = obj.get(key)
    if absent(value):
        if required:
            raise invalid(CODE_INVALID, f"missing field {key!r}", MSG_DAMAGED)
        return None
    try:
        return check_type(value, key, kind, CODE_INVALID)
    except ValidationError as exc:
        raise rewrap(exc, CODE_INVALID, MSG_DAMAGED) from None


def _proof(item: Any) -> Proof:
    try:
        return Proof.from_dict(item, CODE_INVALID)
    except ValidationError as exc:
        raise rewrap(exc, CODE_INVALID, MSG_DAMAGED) from None
    except (RecursionError, TypeError, ValueError) as exc:  # witness re-dump of odd JSON
        raise invalid(CODE_INVALID, f"bad proof: {exc}", MSG_DAMAGED) from None


def _finish(mint: str | None, unit: str, proofs: list[Proof], memo: str | None) -> Token:
    if mint is None or not proofs:
        raise invalid(CODE_EMPTY, "no proofs", MSG_EMPTY)
    if not unit:
        raise invalid(CODE_INVALID, "empty unit", MSG_DAMAGED)
    if len({p.secret for p in proofs}) != len(proofs):
        raise invalid(CODE_INVALID, "duplicate proof secret", MSG_DUPLICATE)
    token = Token(mint=mint, unit=unit, proofs=tuple(proofs), memo=memo)
    if not is_utf8_safe(token):
        raise invalid(CODE_INVALID, "text is not valid Unicode", MSG_DAMAGED)
    return token


def is_utf8_safe(token: Token) -> bool:
    """True when every text field can be written as UTF-8.

    JSON escapes can smuggle lone surrogates (escaped ``ud800`` and the like) into a secret,
    which would later crash hashing or re-serialization.
    """
    texts = [token.mint, token.unit, token.memo or ""]
    texts += [p.secret for p in token.proofs] + [p.witness or "" for p in token.proofs]
    try:
        for text in texts:
            text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- encoding ---------------------------------------------------------------


def _encode_cbor(token: Token, include_dleq: bool) -> bytes:
    if not token.proofs:
        raise invalid(CODE_EMPTY, "no proofs to serialize", MSG_EMPTY)
    groups: dict[bytes, list[dict[str, Any]]] = {}
    try:
        for proof in token.proofs:
            groups.setdefault(_unhex(proof.id, "id"), []).append(_proof_v4(proof, include_dleq))
    except (ValueError, TypeError, AttributeError) as exc:
        raise invalid(CODE_INVALID, f"cannot serialize proof: {exc}", MSG_DAMAGED) from None
    obj: dict[str, Any] = {"t": [{"i": kid, "p": items} for kid, items in groups.items()]}
    if token.memo is not None:
        obj["d"] = token.memo
    obj["m"] = token.mint.rstrip("/")
    obj["u"] = token.unit
    return cbor2.dumps(obj)


def _proof_v4(proof: Proof, include_dleq: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"a": proof.amount, "s": proof.secret, "c": _unhex(proof.C, "C")}
    if include_dleq and proof.dleq is not None:
        out["d"] = _dleq_v4(proof.dleq)
    if proof.witness is not None:
        out["w"] = proof.witness
    return out


def _dleq_v4(dleq: DLEQ) -> dict[str, bytes]:
    out = {"e": _unhex(dleq.e, "e"), "s": _unhex(dleq.s, "s")}
    if dleq.r is not None:
        out["r"] = _unhex(dleq.r, "r")
    return out


def _unhex(value: str, name: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise ValueError(f"field {name!r} is not hex") from None
