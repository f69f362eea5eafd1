"""Typed views of the mint's JSON answers (NUT-04/05/06/07)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos_app.core.cashu.models import BlindSignature, check_amount, check_point, opt, req
from pos_app.core.errors import ProtocolError, ValidationError

BAD = "mint.bad_response"
# NUT-05's three, plus the final "not paid" words other mints send (cdk: FAILED, UNKNOWN;
# EXPIRED): the wallet treats every state but PAID and PENDING as not paid and checks the
# inputs (NUT-07) before it believes the money did not move. Any other word is refused.
MELT_STATES = ("UNPAID", "PENDING", "PAID", "EXPIRED", "FAILED", "UNKNOWN")
MINT_STATES = ("UNPAID", "PAID", "ISSUED")


def as_protocol_error(exc: ValidationError, what: str) -> ProtocolError:
    """A parse failure of a mint answer is the mint's fault, not the cashier's input."""
    return ProtocolError(
        BAD, "The mint sent an answer this app cannot read.", f"{what}: {exc.detail}"
    )


@dataclass(frozen=True, slots=True)
class MintInfo:
    """``GET /v1/info``: name, public key, version and the NUTs the mint supports."""

    name: str
    pubkey: str | None
    version: str
    nuts: Mapping[str, Any]
    description: str = ""
    motd: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MintInfo:
        """Parse leniently: only ``nuts`` must have the right shape."""
        try:
            pubkey = opt(d, "pubkey", str, BAD)
            nuts = opt(d, "nuts", Mapping, BAD) or {}
            return cls(
                name=str(d.get("name") or ""),
                pubkey=check_point(pubkey, "pubkey", BAD) if pubkey else None,
                version=str(d.get("version") or ""),
                nuts={str(k): v for k, v in nuts.items()},
                description=str(d.get("description") or ""),
                motd=str(d.get("motd") or ""),
                raw=dict(d),
            )
        except ValidationError as exc:
            raise as_protocol_error(exc, "info") from exc

    def supports(self, nut: int) -> bool:
        """True when the mint lists ``nut`` as supported (and not disabled)."""
        entry = self.nuts.get(str(nut))
        if not isinstance(entry, Mapping):
            return False
        if entry.get("disabled") is True:
            return False
        if "supported" in entry:
            return bool(entry["supported"])
        return bool(entry.get("methods")) or nut not in (4, 5)

    def units(self, nut: int = 4) -> list[str]:
        """Units offered for a NUT-04 (mint) or NUT-05 (melt) method, in order."""
        entry = self.nuts.get(str(nut))
        methods = entry.get("methods") if isinstance(entry, Mapping) else None
        if not isinstance(methods, list):
            return []
        units = [m.get("unit") for m in methods if isinstance(m, Mapping)]
        return list(dict.fromkeys(u for u in units if isinstance(u, str)))


@dataclass(frozen=True, slots=True)
class ProofState:
    """One ``/v1/checkstate`` entry."""

    Y: str
    state: str  # UNSPENT | PENDING | SPENT
    witness: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ProofState:
        """Parse ``{Y, state, witness}``."""
        try:
            state = req(d, "state", str, BAD)
            if state not in ("UNSPENT", "PENDING", "SPENT"):
                raise ValidationError(BAD, "unknown state", f"unknown proof state {state!r}")
            return cls(
                Y=check_point(req(d, "Y", str, BAD), "Y", BAD),
                state=state,
                witness=opt(d, "witness", str, BAD),
            )
        except ValidationError as exc:
            raise as_protocol_error(exc, "checkstate") from exc


def _state(d: Mapping[str, Any], known: tuple[str, ...]) -> str:
    # The legacy ``paid`` flag stands for the state when a mint sends none. Any
    # other word is refused: a caller must never guess what an unknown state means.
    state = opt(d, "state", str, BAD)
    if state is None:
        return "PAID" if d.get("paid") is True else "UNPAID"
    if state not in known:
        raise ValidationError(BAD, "unknown state", f"unknown quote state {state!r}")
    return state


def _amount(d: Mapping[str, Any], key: str, *, required: bool, allow_zero: bool = False) -> Any:
    value = req(d, key, int, BAD) if required else opt(d, key, int, BAD)
    return None if value is None else check_amount(value, key, BAD, allow_zero=allow_zero)


def _signatures(items: Any, what: str) -> tuple[BlindSignature, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise ProtocolError(
            BAD, "The mint sent an answer this app cannot read.", f"{what}: not a list"
        )
    try:
        return tuple(BlindSignature.from_dict(s, BAD) for s in items)
    except ValidationError as exc:
        raise as_protocol_error(exc, what) from exc


@dataclass(frozen=True, slots=True)
class MeltQuote:
    """A NUT-05 melt quote (``UNPAID`` → ``PENDING`` → ``PAID``), with change once paid."""

    quote: str
    amount: int
    unit: str
    fee_reserve: int
    state: str
    request: str = ""
    expiry: int | None = None
    payment_preimage: str | None = None
    change: tuple[BlindSignature, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MeltQuote:
        """Parse a melt quote; the legacy ``paid`` flag maps to a state."""
        try:
            return cls(
                quote=req(d, "quote", str, BAD),
                amount=_amount(d, "amount", required=True),
                unit=opt(d, "unit", str, BAD) or "sat",
                fee_reserve=_amount(d, "fee_reserve", required=False, allow_zero=True) or 0,
                state=_state(d, MELT_STATES),
                request=opt(d, "request", str, BAD) or "",
                expiry=opt(d, "expiry", int, BAD),
                payment_preimage=opt(d, "payment_preimage", str, BAD),
                change=_signatures(d.get("change"), "melt change"),
            )
        except ValidationError as exc:
            raise as_protocol_error(exc, "melt quote") from exc


@dataclass(frozen=True, slots=True)
class MintQuote:
    """A NUT-04 mint quote (``UNPAID`` → ``PAID`` → ``ISSUED``)."""

    quote: str
    request: str
    amount: int | None
    unit: str
    state: str
    expiry: int | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MintQuote:
        """Parse a mint quote; the legacy ``paid`` flag maps to a state."""
        try:
            return cls(
                quote=req(d, "quote", str, BAD),
                request=req(d, "request", str, BAD),
                amount=_amount(d, "amount", required=False),
                unit=opt(d, "unit", str, BAD) or "sat",
                state=_state(d, MINT_STATES),
                expiry=opt(d, "expiry", int, BAD),
            )
        except ValidationError as exc:
            raise as_protocol_error(exc, "mint quote") from exc
