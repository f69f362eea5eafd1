"""Immutable protocol objects with strict parsing from JSON dicts.

Parsing rules: unknown extra fields are ignored (mints add several), wrong types
are rejected with :class:`ValidationError` (``bool`` is never accepted as an
integer), hex fields are checked for length and alphabet, amounts must be
positive integers below 2**64.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos_app.core.errors import ValidationError

MAX_AMOUNT = 2**64
_HEX = re.compile(r"\A[0-9a-fA-F]*\Z")


def invalid(code: str, detail: str, message: str | None = None) -> ValidationError:
    """Build the validation error every parser in this package raises."""
    return ValidationError(code, message or "This data is not valid Cashu data.", detail)


def req(d: Mapping[str, Any], key: str, kind: type | tuple[type, ...], code: str) -> Any:
    """Return ``d[key]`` checked against ``kind``; raise on absence or wrong type."""
    if not isinstance(d, Mapping):
        raise invalid(code, f"expected an object, got {type(d).__name__}")
    if key not in d or d[key] is None:
        raise invalid(code, f"missing field {key!r}")
    return check_type(d[key], key, kind, code)


def opt(d: Mapping[str, Any], key: str, kind: type | tuple[type, ...], code: str) -> Any:
    """Return ``d[key]`` checked against ``kind``, or None when absent or null."""
    if not isinstance(d, Mapping):
        raise invalid(code, f"expected an object, got {type(d).__name__}")
    value = d.get(key)
    if value is None:
        return None
    return check_type(value, key, kind, code)


def check_type(value: Any, key: str, kind: type | tuple[type, ...], code: str) -> Any:
    """Check ``value`` is a ``kind`` (and not a bool posing as an int)."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        raise invalid(code, f"field {key!r}: expected {_names(kinds)}, got bool")
    if not isinstance(value, kinds):
        raise invalid(code, f"field {key!r}: expected {_names(kinds)}, got {type(value).__name__}")
    return value


def _names(kinds: tuple[type, ...]) -> str:
    return " or ".join(k.__name__ for k in kinds)


def check_amount(value: Any, key: str, code: str, *, allow_zero: bool = False) -> int:
    """Validate an amount: an int in [1, 2**64) (or [0, ...) with ``allow_zero``)."""
    value = check_type(value, key, int, code)
    low = 0 if allow_zero else 1
    if not low <= value < MAX_AMOUNT:
        raise invalid(code, f"field {key!r}: amount {value} out of range")
    return value


def check_hex(
    value: Any, key: str, code: str, *, nbytes: int | tuple[int, ...] | None = None
) -> str:
    """Validate a hex string (optionally of a given byte length) and return it lowercased."""
    value = check_type(value, key, str, code)
    if len(value) % 2 or not _HEX.match(value):
        raise invalid(code, f"field {key!r}: not hex")
    if nbytes is not None:
        sizes = nbytes if isinstance(nbytes, tuple) else (nbytes,)
        if len(value) // 2 not in sizes:
            raise invalid(code, f"field {key!r}: expected {sizes} bytes, got {len(value) // 2}")
    return value.lower()


def check_point(value: Any, key: str, code: str) -> str:
    """Validate a 33-byte compressed point written as hex (prefix 02 or 03)."""
    value = check_hex(value, key, code, nbytes=33)
    if value[:2] not in ("02", "03"):
        raise invalid(code, f"field {key!r}: not a compressed point")
    return value


@dataclass(frozen=True, slots=True)
class DLEQ:
    """NUT-12 proof that a signature was made with the keyset's key.

    ``r`` (the blinding factor) is present only on a Proof handed to a third party.
    """

    e: str
    s: str
    r: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], code: str = "dleq.invalid") -> DLEQ:
        """Parse ``{e, s, r?}``."""
        r = opt(d, "r", str, code)
        return cls(
            e=check_hex(req(d, "e", str, code), "e", code, nbytes=32),
            s=check_hex(req(d, "s", str, code), "s", code, nbytes=32),
            r=None if r is None else check_hex(r, "r", code, nbytes=32),
        )

    def to_dict(self) -> dict[str, str]:
        """JSON form; ``r`` only when present."""
        out = {"e": self.e, "s": self.s}
        if self.r is not None:
            out["r"] = self.r
        return out


@dataclass(frozen=True, slots=True)
class Proof:
    """A coin: amount, keyset id, secret, unblinded signature ``C``, optional witness and DLEQ."""

    amount: int
    id: str
    secret: str
    C: str
    witness: str | None = None
    dleq: DLEQ | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], code: str = "proof.invalid") -> Proof:
        """Parse a NUT-00 proof object."""
        secret = req(d, "secret", str, code)
        if not secret:
            raise invalid(code, "empty secret")
        dleq = opt(d, "dleq", Mapping, code)
        witness = opt(d, "witness", (str, Mapping), code)
        if isinstance(witness, Mapping):  # some wallets send the witness as an object
            import json

            witness = json.dumps(witness, separators=(",", ":"))
        return cls(
            amount=check_amount(req(d, "amount", int, code), "amount", code),
            id=check_hex(req(d, "id", str, code), "id", code, nbytes=(7, 8, 33)),
            secret=secret,
            C=check_point(req(d, "C", str, code), "C", code),
            witness=witness,
            dleq=None if dleq is None else DLEQ.from_dict(dleq, code),
        )

    def to_dict(self, *, include_dleq: bool = True) -> dict[str, Any]:
        """JSON form as sent to a mint (``include_dleq=False``) or put in a token."""
        out: dict[str, Any] = {
            "amount": self.amount,
            "id": self.id,
            "secret": self.secret,
            "C": self.C,
        }
        if self.witness is not None:
            out["witness"] = self.witness
        if include_dleq and self.dleq is not None:
            out["dleq"] = self.dleq.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class BlindedMessage:
    """An output the wallet asks the mint to sign."""

    amount: int
    id: str
    B_: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], code: str = "output.invalid") -> BlindedMessage:
        """Parse ``{amount, id, B_}``."""
        return cls(
            amount=check_amount(req(d, "amount", int, code), "amount", code, allow_zero=True),
            id=check_hex(req(d, "id", str, code), "id", code, nbytes=(8, 33)),
            B_=check_point(req(d, "B_", str, code), "B_", code),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"amount": self.amount, "id": self.id, "B_": self.B_}


@dataclass(frozen=True, slots=True)
class BlindSignature:
    """The mint's signature on one output, with its DLEQ when the mint sends one."""

    amount: int
    id: str
    C_: str
    dleq: DLEQ | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], code: str = "signature.invalid") -> BlindSignature:
        """Parse ``{amount, id, C_, dleq?}``."""
        dleq = opt(d, "dleq", Mapping, code)
        return cls(
            amount=check_amount(req(d, "amount", int, code), "amount", code, allow_zero=True),
            id=check_hex(req(d, "id", str, code), "id", code, nbytes=(8, 33)),
            C_=check_point(req(d, "C_", str, code), "C_", code),
            dleq=None if dleq is None else DLEQ.from_dict(dleq, code),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        out: dict[str, Any] = {"amount": self.amount, "id": self.id, "C_": self.C_}
        if self.dleq is not None:
            out["dleq"] = self.dleq.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class Keyset:
    """A mint keyset: id, unit, flags, fee and (when fetched) the public key per amount."""

    id: str
    unit: str
    active: bool = True
    input_fee_ppk: int = 0
    final_expiry: int | None = None
    keys: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], code: str = "keyset.invalid") -> Keyset:
        """Parse an entry of ``/v1/keys`` or ``/v1/keysets`` (keys optional)."""
        keys_raw = opt(d, "keys", Mapping, code) or {}
        keys: dict[int, str] = {}
        for amount_text, point in keys_raw.items():
            # isdigit() alone admits "²" and other Unicode digits that int() refuses.
            if not isinstance(amount_text, str) or not (
                amount_text.isascii() and amount_text.isdigit()
            ):
                raise invalid(code, f"key amount {amount_text!r} is not a decimal string")
            amount = int(amount_text)
            if amount <= 0 or amount & (amount - 1) or amount >= MAX_AMOUNT:
                raise invalid(code, f"key amount {amount} is not a power of two")
            keys[amount] = check_point(point, f"keys[{amount_text}]", code)
        active = opt(d, "active", bool, code)
        fee = opt(d, "input_fee_ppk", int, code)
        if fee is not None and fee < 0:
            raise invalid(code, "negative input_fee_ppk")
        expiry = opt(d, "final_expiry", int, code)
        return cls(
            id=check_hex(req(d, "id", str, code), "id", code, nbytes=(7, 8, 33)),
            unit=req(d, "unit", str, code),
            active=True if active is None else active,
            input_fee_ppk=fee or 0,
            final_expiry=expiry,
            keys=dict(sorted(keys.items())),
        )

    def to_dict(self, *, include_keys: bool = True) -> dict[str, Any]:
        """JSON form as a mint writes it."""
        out: dict[str, Any] = {
            "id": self.id,
            "unit": self.unit,
            "active": self.active,
            "input_fee_ppk": self.input_fee_ppk,
            "final_expiry": self.final_expiry,
        }
        if include_keys:
            out["keys"] = {str(a): k for a, k in self.keys.items()}
        return out

    def key_for(self, amount: int) -> str:
        """The mint's public key for ``amount``; ProtocolError-free lookup for callers."""
        try:
            return self.keys[amount]
        except KeyError:
            raise invalid(
                "keyset.no_key", f"keyset {self.id} has no key for amount {amount}"
            ) from None


@dataclass(frozen=True, slots=True)
class Token:
    """Proofs of one mint and unit, as carried between wallets (V3 or V4 on the wire)."""

    mint: str
    unit: str
    proofs: tuple[Proof, ...]
    memo: str | None = None

    @property
    def amount(self) -> int:
        """Face value: the sum of the proofs' amounts."""
        return sum(p.amount for p in self.proofs)

    @property
    def keyset_ids(self) -> tuple[str, ...]:
        """Keyset ids as written in the token, in first-seen order."""
        return tuple(dict.fromkeys(p.id for p in self.proofs))

    @property
    def has_dleq(self) -> bool:
        """True when every proof carries a DLEQ proof."""
        return bool(self.proofs) and all(p.dleq is not None for p in self.proofs)
