"""Cashu payment requests: NUT-18 (``creqA``) and NUT-26 (``creqb1…``), plus the payload.

A request tells the payer's wallet what to pay (amount, unit, accepted mints,
an optional NUT-10 lock) and where to deliver the token (transports; none
means in-band). Two encodings exist:

- NUT-18: ``"creqA"`` + base64url(CBOR) with one-letter keys. Emitted with
  ``=`` padding and the key order of the spec examples (``t i a u m d s nut10``,
  transports ``t a g``, lock ``k d t``), so spec strings round-trip byte for
  byte. Decoding accepts either base64 alphabet, with or without padding, and
  treats CBOR ``null``/``undefined`` as an absent field.
- NUT-26: ``"creqb1"`` + Bech32m over TLV records (type u8, length u16 BE).
  Emitted in upper case, as NUT-26 recommends (QR alphanumeric mode is about
  30 % denser); decoding accepts either case. A Nostr target travels as the
  raw 32-byte key with its relays as ``r`` tags and comes back as ``npub``
  (no relays) or ``nprofile`` (relays). Only the transport kinds (nostr, post)
  and lock kinds (P2PK, HTLC) the spec numbers can be written or read.

Decoding ignores unknown keys/TLV types and rejects wrong types, so every
:class:`PaymentRequest` that comes out is well-typed. An empty ``m`` or ``t``
list decodes the same as an absent one. Mint URLs are kept verbatim.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import cbor2

from pos_app.core.cashu import bech32m
from pos_app.core.cashu.codec import absent, b64decode_any, b64url_encode, cbor_loads, rewrap
from pos_app.core.cashu.models import Proof, Token, check_amount, check_type, invalid
from pos_app.core.cashu.nip19 import NostrProfile, decode_profile, encode_profile
from pos_app.core.cashu.tokens import is_utf8_safe, normalize_mint_url
from pos_app.core.errors import ValidationError

REQUEST_INVALID = "request.invalid"
PAYLOAD_INVALID = "payload.invalid"
PAYLOAD_EMPTY = "payload.empty"

MSG_NOT_REQUEST = "This is not a Cashu payment request."
MSG_INVALID = "This payment request is damaged or not valid."
MSG_UNSUPPORTED = "This payment request uses an option this app does not support."
MSG_NO_CREQB = "This payment request cannot be written in the compact creqB form."
MSG_PAYLOAD = "The payment received is damaged or not valid."
MSG_PAYLOAD_EMPTY = "The payment received contains no ecash."

CREQA_PREFIX = "creqA"
CREQB_HRP = "creqb"

Tags = tuple[tuple[str, ...], ...]

# NUT-26 numbering.
_T_ID, _T_AMOUNT, _T_UNIT, _T_SINGLE_USE = 0x01, 0x02, 0x03, 0x04
_T_MINT, _T_DESCRIPTION, _T_TRANSPORT, _T_NUT10 = 0x05, 0x06, 0x07, 0x08
_S_KIND, _S_TARGET, _S_TAG = 0x01, 0x02, 0x03
_TRANSPORT_KINDS = {"nostr": 0, "post": 1}
_NUT10_KINDS = {"P2PK": 0, "HTLC": 1}
_UNIT_SAT = b"\x00"
_RELAY_TAG = "r"
_SINGLETON_TAGS = (_T_ID, _T_AMOUNT, _T_UNIT, _T_SINGLE_USE, _T_DESCRIPTION, _T_NUT10)


def _bad(detail: str, message: str = MSG_INVALID) -> ValidationError:
    return invalid(REQUEST_INVALID, detail, message)


def _text(value: Any, name: str, *, empty_ok: bool = True) -> str:
    """A string that can be written as UTF-8 (no lone surrogates)."""
    value = _typed(value, name, str)
    if not empty_ok and not value:
        raise _bad(f"field {name!r} is empty")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _bad(f"field {name!r} is not valid Unicode") from None
    return value


def _typed(value: Any, name: str, kind: type | tuple[type, ...]) -> Any:
    try:
        return check_type(value, name, kind, REQUEST_INVALID)
    except ValidationError as exc:
        raise rewrap(exc, REQUEST_INVALID, MSG_INVALID) from None


def _tags(value: Any, name: str) -> Tags:
    """``[[key, value, ...], ...]`` as a tuple of non-empty string tuples."""
    out = []
    for raw in _typed(value, name, (list, tuple)):
        tag = _typed(raw, f"{name}[]", (list, tuple))
        if not tag:
            raise _bad(f"empty tag in {name!r}")
        out.append(tuple(_text(item, f"{name}[][]") for item in tag))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Transport:
    """Where the payer delivers the payload: ``nostr`` (npub/nprofile) or ``post`` (URL)."""

    type: str
    target: str
    tags: Tags = ()

    def __post_init__(self) -> None:
        _text(self.type, "t.t", empty_ok=False)
        _text(self.target, "t.a", empty_ok=False)
        object.__setattr__(self, "tags", _tags(self.tags, "t.g"))

    def to_dict(self) -> dict[str, Any]:
        """Long-name form for the CLI."""
        return {"type": self.type, "target": self.target, "tags": [list(t) for t in self.tags]}


@dataclass(frozen=True, slots=True)
class Nut10Option:
    """The NUT-10 lock the payee requires (kind ``P2PK``/``HTLC``, data, tags)."""

    kind: str
    data: str
    tags: Tags = ()

    def __post_init__(self) -> None:
        _text(self.kind, "nut10.k", empty_ok=False)
        _text(self.data, "nut10.d")
        object.__setattr__(self, "tags", _tags(self.tags, "nut10.t"))

    def to_dict(self) -> dict[str, Any]:
        """Long-name form for the CLI."""
        return {"kind": self.kind, "data": self.data, "tags": [list(t) for t in self.tags]}


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """A NUT-18 payment request; every field is optional.

    ``single_use`` keeps ``False`` apart from ``None`` (absent) so both
    encodings round-trip exactly. ``unit`` must be set when ``amount`` is.

    Raises:
        ValidationError: ``request.invalid`` on construction with bad values.
    """

    id: str | None = None
    amount: int | None = None
    unit: str | None = None
    single_use: bool | None = None
    mints: tuple[str, ...] = ()
    description: str | None = None
    transports: tuple[Transport, ...] = ()
    nut10: Nut10Option | None = None

    def __post_init__(self) -> None:
        if self.id is not None:
            _text(self.id, "i")
        if self.amount is not None:
            try:
                check_amount(self.amount, "a", REQUEST_INVALID)
            except ValidationError as exc:
                raise rewrap(exc, REQUEST_INVALID, MSG_INVALID) from None
            if self.unit is None:
                raise _bad("amount without unit")
        if self.unit is not None:
            _text(self.unit, "u", empty_ok=False)
        if self.single_use is not None:
            _typed(self.single_use, "s", bool)
        if self.description is not None:
            _text(self.description, "d")
        mints = _typed(self.mints, "m", (list, tuple))
        mints = tuple(_text(m, "m[]", empty_ok=False) for m in mints)
        transports = tuple(_typed(self.transports, "t", (list, tuple)))
        for transport in transports:
            _typed(transport, "t[]", Transport)
        if self.nut10 is not None:
            _typed(self.nut10, "nut10", Nut10Option)
        object.__setattr__(self, "mints", mints)
        object.__setattr__(self, "transports", transports)

    @property
    def in_band(self) -> bool:
        """True when no transport is given: the token travels back the way the request came."""
        return not self.transports

    def to_dict(self) -> dict[str, Any]:
        """Every field under its long name (``None`` when absent), for the CLI's JSON."""
        return {
            "id": self.id,
            "amount": self.amount,
            "unit": self.unit,
            "single_use": self.single_use,
            "mints": list(self.mints),
            "description": self.description,
            "transports": [t.to_dict() for t in self.transports],
            "nut10": None if self.nut10 is None else self.nut10.to_dict(),
        }

    def to_nut18_dict(self) -> dict[str, Any]:
        """NUT-18 JSON (one-letter keys), absent fields left out, in ``creqA`` key order."""
        out: dict[str, Any] = {}
        if self.transports:
            out["t"] = [_transport_nut18(t) for t in self.transports]
        if self.id is not None:
            out["i"] = self.id
        if self.amount is not None:
            out["a"] = self.amount
        if self.unit is not None:
            out["u"] = self.unit
        if self.mints:
            out["m"] = list(self.mints)
        if self.description is not None:
            out["d"] = self.description
        if self.single_use is not None:
            out["s"] = self.single_use
        if self.nut10 is not None:
            lock: dict[str, Any] = {"k": self.nut10.kind, "d": self.nut10.data}
            if self.nut10.tags:
                lock["t"] = [list(t) for t in self.nut10.tags]
            out["nut10"] = lock
        return out

    @classmethod
    def from_nut18_dict(cls, obj: Any) -> PaymentRequest:
        """Parse the NUT-18 object (decoded CBOR or JSON); unknown keys are ignored.

        Raises:
            ValidationError: ``request.invalid`` on a wrong type or value.
        """
        obj = _typed(obj, "request", Mapping)
        lock = _get(obj, "nut10", Mapping)
        return cls(
            id=_get(obj, "i", str),
            amount=_get(obj, "a", int),
            unit=_get(obj, "u", str),
            single_use=_get(obj, "s", bool),
            mints=tuple(_typed(m, "m[]", str) for m in _get(obj, "m", list) or ()),
            description=_get(obj, "d", str),
            transports=tuple(_transport_from_nut18(t) for t in _get(obj, "t", list) or ()),
            nut10=None if lock is None else _nut10_from_nut18(lock),
        )


def _get(obj: Mapping[str, Any], key: str, kind: type) -> Any:
    value = obj.get(key)
    return None if absent(value) else _typed(value, key, kind)


def _transport_nut18(transport: Transport) -> dict[str, Any]:
    out: dict[str, Any] = {"t": transport.type, "a": transport.target}
    if transport.tags:
        out["g"] = [list(t) for t in transport.tags]
    return out


def _transport_from_nut18(obj: Any) -> Transport:
    obj = _typed(obj, "t[]", Mapping)
    return Transport(
        type=_required(obj, "t", str),
        target=_required(obj, "a", str),
        tags=_tags(_get(obj, "g", list) or (), "g"),
    )


def _nut10_from_nut18(obj: Mapping[str, Any]) -> Nut10Option:
    return Nut10Option(
        kind=_required(obj, "k", str),
        data=_required(obj, "d", str),
        tags=_tags(_get(obj, "t", list) or (), "nut10.t"),
    )


def _required(obj: Mapping[str, Any], key: str, kind: type) -> Any:
    value = _get(obj, key, kind)
    if value is None:
        raise _bad(f"missing field {key!r}")
    return value


# -- NUT-18: creqA ----------------------------------------------------------


def encode_creqa(request: PaymentRequest) -> str:
    """``creqA`` + padded base64url(CBOR), reproducing the spec strings byte for byte."""
    return CREQA_PREFIX + b64url_encode(cbor2.dumps(request.to_nut18_dict()), pad=True)


def decode_creqa(text: str) -> PaymentRequest:
    """Parse a ``creqA`` string (prefix in any case, either base64 alphabet, padding optional).

    Raises:
        ValidationError: ``request.invalid``.
    """
    if not isinstance(text, str):
        raise _bad(f"expected text, got {type(text).__name__}", MSG_NOT_REQUEST)
    text = text.strip()
    if text[: len(CREQA_PREFIX)].lower() != CREQA_PREFIX.lower():
        raise _bad("missing 'creqA' prefix", MSG_NOT_REQUEST)
    raw = b64decode_any(text[len(CREQA_PREFIX) :], REQUEST_INVALID, MSG_INVALID)
    return PaymentRequest.from_nut18_dict(cbor_loads(raw, REQUEST_INVALID, MSG_INVALID))


# -- NUT-26: creqb ----------------------------------------------------------


def encode_creqb(request: PaymentRequest) -> str:
    """``CREQB1…``: upper-case Bech32m over the NUT-26 TLV records.

    Raises:
        ValidationError: ``request.invalid`` when the request uses a transport
            or lock kind NUT-26 has no number for, a Nostr target that is not
            an npub/nprofile, or a value too long for its length field.
    """
    out = bytearray()
    if request.id is not None:
        _put(out, _T_ID, request.id.encode())
    if request.amount is not None:
        _put(out, _T_AMOUNT, request.amount.to_bytes(8, "big"))
    if request.unit is not None:
        _put(out, _T_UNIT, _UNIT_SAT if request.unit == "sat" else request.unit.encode())
    if request.single_use is not None:
        _put(out, _T_SINGLE_USE, bytes([int(request.single_use)]))
    for mint in request.mints:
        _put(out, _T_MINT, mint.encode())
    if request.description is not None:
        _put(out, _T_DESCRIPTION, request.description.encode())
    for transport in request.transports:
        _put(out, _T_TRANSPORT, _transport_tlv(transport))
    if request.nut10 is not None:
        _put(out, _T_NUT10, _nut10_tlv(request.nut10))
    return bech32m.encode(CREQB_HRP, bytes(out), bech32m.Variant.BECH32M).upper()


def _put(out: bytearray, tag: int, value: bytes) -> None:
    if len(value) > 0xFFFF:
        raise _bad(f"TLV {tag:#04x} value of {len(value)} bytes is too long", MSG_NO_CREQB)
    out += bytes([tag]) + len(value).to_bytes(2, "big") + value


def _tag_tuple(tag: tuple[str, ...]) -> bytes:
    out = bytearray()
    for item in tag:
        raw = item.encode()
        if len(raw) > 0xFF:
            raise _bad("tag item longer than 255 bytes", MSG_NO_CREQB)
        out += bytes([len(raw)]) + raw
    return bytes(out)


def _transport_tlv(transport: Transport) -> bytes:
    kind = _TRANSPORT_KINDS.get(transport.type)
    if kind is None:
        raise _bad(f"transport type {transport.type!r} has no NUT-26 kind", MSG_NO_CREQB)
    out = bytearray()
    _put(out, _S_KIND, bytes([kind]))
    tags = list(transport.tags)
    if transport.type == "nostr":
        try:
            profile = decode_profile(transport.target)
        except ValidationError as exc:
            raise _bad(f"nostr target: {exc.detail}", MSG_NO_CREQB) from None
        _put(out, _S_TARGET, profile.pubkey)
        tags += [(_RELAY_TAG, relay) for relay in profile.relays]
    else:
        _put(out, _S_TARGET, transport.target.encode())
    for tag in tags:
        _put(out, _S_TAG, _tag_tuple(tag))
    return bytes(out)


def _nut10_tlv(lock: Nut10Option) -> bytes:
    kind = _NUT10_KINDS.get(lock.kind)
    if kind is None:
        raise _bad(f"lock kind {lock.kind!r} has no NUT-26 number", MSG_NO_CREQB)
    out = bytearray()
    _put(out, _S_KIND, bytes([kind]))
    _put(out, _S_TARGET, lock.data.encode())
    for tag in lock.tags:
        _put(out, _S_TAG, _tag_tuple(tag))
    return bytes(out)


def decode_creqb(text: str) -> PaymentRequest:
    """Parse a ``creqb1…`` string (upper or lower case).

    Raises:
        ValidationError: ``request.invalid``.
    """
    if not isinstance(text, str):
        raise _bad(f"expected text, got {type(text).__name__}", MSG_NOT_REQUEST)
    try:
        hrp, data = bech32m.decode(text.strip(), bech32m.Variant.BECH32M)
    except ValidationError as exc:
        raise rewrap(exc, REQUEST_INVALID, MSG_INVALID) from None
    if hrp != CREQB_HRP:
        raise _bad(f"prefix {hrp!r} is not {CREQB_HRP!r}", MSG_NOT_REQUEST)
    seen: set[int] = set()
    fields: dict[str, Any] = {"mints": [], "transports": []}
    for tag, value in _records(data):
        if tag in _SINGLETON_TAGS:
            if tag in seen:
                raise _bad(f"TLV {tag:#04x} repeated")
            seen.add(tag)
        if tag == _T_ID:
            fields["id"] = _utf8(value, "id")
        elif tag == _T_AMOUNT:
            if len(value) != 8:
                raise _bad(f"amount has {len(value)} bytes, expected 8")
            fields["amount"] = int.from_bytes(value, "big")
        elif tag == _T_UNIT:
            fields["unit"] = "sat" if value == _UNIT_SAT else _utf8(value, "unit")
        elif tag == _T_SINGLE_USE:
            if value not in (b"\x00", b"\x01"):
                raise _bad("single_use is not 0 or 1")
            fields["single_use"] = value == b"\x01"
        elif tag == _T_MINT:
            fields["mints"].append(_utf8(value, "mint"))
        elif tag == _T_DESCRIPTION:
            fields["description"] = _utf8(value, "description")
        elif tag == _T_TRANSPORT:
            fields["transports"].append(_transport_from_tlv(value))
        elif tag == _T_NUT10:
            fields["nut10"] = _nut10_from_tlv(value)
    return PaymentRequest(**fields)


def _records(data: bytes) -> Iterable[tuple[int, bytes]]:
    """Split TLV records (type u8, length u16 BE, value)."""
    pos = 0
    while pos < len(data):
        if pos + 3 > len(data):
            raise _bad("truncated TLV header")
        tag, length = data[pos], int.from_bytes(data[pos + 1 : pos + 3], "big")
        if pos + 3 + length > len(data):
            raise _bad(f"TLV {tag:#04x} runs past the end")
        yield tag, data[pos + 3 : pos + 3 + length]
        pos += 3 + length


def _utf8(value: bytes, name: str) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad(f"{name} is not UTF-8") from None


def _tag_from_tlv(value: bytes) -> tuple[str, ...]:
    items: list[str] = []
    pos = 0
    while pos < len(value):
        end = pos + 1 + value[pos]
        if end > len(value):
            raise _bad("truncated tag tuple")
        items.append(_utf8(value[pos + 1 : end], "tag"))
        pos = end
    if not items:
        raise _bad("empty tag tuple")
    return tuple(items)


def _sub_records(value: bytes, what: str) -> tuple[int, bytes, list[tuple[str, ...]]]:
    """Kind, target/data and tags of a transport or NUT-10 record."""
    kind: int | None = None
    target: bytes | None = None
    tags: list[tuple[str, ...]] = []
    for sub, item in _records(value):
        if sub == _S_KIND:
            if kind is not None or len(item) != 1:
                raise _bad(f"{what} kind repeated or not one byte")
            kind = item[0]
        elif sub == _S_TARGET:
            if target is not None:
                raise _bad(f"{what} target repeated")
            target = item
        elif sub == _S_TAG:
            tags.append(_tag_from_tlv(item))
    if kind is None or target is None:
        raise _bad(f"{what} without kind or target")
    return kind, target, tags


def _transport_from_tlv(value: bytes) -> Transport:
    kind, target, tags = _sub_records(value, "transport")
    if kind == _TRANSPORT_KINDS["post"]:
        return Transport(type="post", target=_utf8(target, "target"), tags=tuple(tags))
    if kind != _TRANSPORT_KINDS["nostr"]:
        raise _bad(f"unknown transport kind {kind}", MSG_UNSUPPORTED)
    if len(target) != 32:
        raise _bad(f"nostr key has {len(target)} bytes, expected 32")
    relays = tuple(v for tag in tags if tag[0] == _RELAY_TAG for v in tag[1:])
    others = tuple(tag for tag in tags if tag[0] != _RELAY_TAG)
    npub = encode_profile(NostrProfile(pubkey=target, relays=relays))
    return Transport(type="nostr", target=npub, tags=others)


def _nut10_from_tlv(value: bytes) -> Nut10Option:
    kind, data, tags = _sub_records(value, "nut10")
    names = {v: k for k, v in _NUT10_KINDS.items()}
    if kind not in names:
        raise _bad(f"unknown NUT-10 kind {kind}", MSG_UNSUPPORTED)
    return Nut10Option(kind=names[kind], data=_utf8(data, "nut10 data"), tags=tuple(tags))


# -- dispatch ---------------------------------------------------------------

_SCHEMES = ("cashu://", "cashu:")


def parse_payment_request(text: str) -> PaymentRequest:
    """Parse a request in either encoding.

    Accepts an optional ``cashu:``/``cashu://`` scheme and BIP-321 URIs
    (``bitcoin:…?creq=…``, as NUT-26 describes for unified QR codes).

    Raises:
        ValidationError: ``request.invalid``.
    """
    if not isinstance(text, str):
        raise _bad(f"expected text, got {type(text).__name__}", MSG_NOT_REQUEST)
    body = text.strip()
    lowered = body.lower()
    for scheme in _SCHEMES:
        if lowered.startswith(scheme):
            body = body[len(scheme) :]
            break
    if lowered.startswith("bitcoin:"):
        body = _creq_parameter(body)
    if body[:5].lower() == "creqa":
        return decode_creqa(body)
    if body[:6].lower() == "creqb1":
        return decode_creqb(body)
    raise _bad("neither creqA nor creqb1", MSG_NOT_REQUEST)


def _creq_parameter(uri: str) -> str:
    _, _, query = uri.partition("?")
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key.lower() == "creq":
            return unquote(value)
    raise _bad("bitcoin: URI without a creq parameter", MSG_NOT_REQUEST)


# -- payload ----------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentPayload:
    """What a wallet delivers through a transport: ``{id?, memo?, mint, unit, proofs}``."""

    id: str | None = None
    memo: str | None = None
    mint: str
    unit: str
    proofs: tuple[Proof, ...] = field(default=())

    @classmethod
    def from_dict(cls, obj: Any) -> PaymentPayload:
        """Parse the JSON object; unknown keys are ignored.

        Raises:
            ValidationError: ``payload.invalid``; ``payload.empty`` without proofs.
        """
        try:
            obj = check_type(obj, "payload", Mapping, PAYLOAD_INVALID)
            proofs_raw = _payload_field(obj, "proofs", list, required=True)
            proofs = tuple(Proof.from_dict(p, PAYLOAD_INVALID) for p in proofs_raw)
            payload = cls(
                id=_payload_field(obj, "id", str),
                memo=_payload_field(obj, "memo", str),
                mint=normalize_mint_url(_payload_field(obj, "mint", str, True), PAYLOAD_INVALID),
                unit=_payload_field(obj, "unit", str, required=True),
                proofs=proofs,
            )
        except ValidationError as exc:
            raise rewrap(exc, PAYLOAD_INVALID, MSG_PAYLOAD) from None
        except (RecursionError, TypeError, ValueError) as exc:  # witness objects re-dumped
            raise invalid(PAYLOAD_INVALID, f"bad proof: {exc}", MSG_PAYLOAD) from None
        if not payload.proofs:
            raise invalid(PAYLOAD_EMPTY, "no proofs", MSG_PAYLOAD_EMPTY)
        if not payload.unit:
            raise invalid(PAYLOAD_INVALID, "empty unit", MSG_PAYLOAD)
        if len({p.secret for p in payload.proofs}) != len(payload.proofs):
            raise invalid(PAYLOAD_INVALID, "duplicate proof secret", MSG_PAYLOAD)
        if not is_utf8_safe(payload.to_token()):
            raise invalid(PAYLOAD_INVALID, "text is not valid Unicode", MSG_PAYLOAD)
        return payload

    @classmethod
    def from_json(cls, text: str | bytes) -> PaymentPayload:
        """Parse the JSON text a transport delivered.

        Raises:
            ValidationError: ``payload.invalid``; ``payload.empty`` without proofs.
        """
        try:
            obj = json.loads(text)
        except (UnicodeDecodeError, ValueError, TypeError, RecursionError) as exc:
            raise invalid(PAYLOAD_INVALID, f"not JSON: {exc}", MSG_PAYLOAD) from None
        return cls.from_dict(obj)

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``id`` and ``memo`` only when set."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.memo is not None:
            out["memo"] = self.memo
        out.update(mint=self.mint, unit=self.unit, proofs=[p.to_dict() for p in self.proofs])
        return out

    def to_token(self) -> Token:
        """The same proofs as a :class:`Token` (memo kept)."""
        return Token(mint=self.mint, unit=self.unit, proofs=self.proofs, memo=self.memo)


def _payload_field(obj: Mapping[str, Any], key: str, kind: type, required: bool = False) -> Any:
    value = obj.get(key)
    if value is None:
        if required:
            raise invalid(PAYLOAD_INVALID, f"missing field {key!r}", MSG_PAYLOAD)
        return None
    return check_type(value, key, kind, PAYLOAD_INVALID)
