"""The shop's acceptance policy: which tokens are swapped, melted or refused, and fee caps.

Pure functions over the settings, so the decision is made (and tested) before
any untrusted mint is contacted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pos_app.core.errors import ConfigError, ValidationError

SWAP = "swap"
MELT = "melt"
CONVERT = "convert"  # melted at its own mint to pay an invoice of the shop's first mint
# The settings Policy.from_settings reads: a payment reads these, not all 70-odd settings.
SETTINGS = (
    "mode",
    "fees.max_mint_fee_pct",
    "fees.max_lightning_fee_pct",
    "fees.always_accept",
    "lightning.address",
    "change.policy",
    "offline.enabled",
    "offline.max_per_sale",
    "offline.max_per_day",
    "mints.convert_untrusted",
)


@dataclass(frozen=True, slots=True)
class Policy:
    """The settings that decide how a token is handled."""

    mode: str
    max_mint_fee_pct: float
    max_lightning_fee_pct: float
    fee_allowance: int
    lightning_address: str
    change_policy: str
    offline_enabled: bool
    offline_max_per_sale: int
    offline_max_per_day: int
    convert_untrusted: bool = False

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> Policy:
        """Build from :meth:`Config.values` (of :data:`SETTINGS` at least)."""
        return cls(
            mode=values["mode"],
            max_mint_fee_pct=float(values["fees.max_mint_fee_pct"]),
            max_lightning_fee_pct=float(values["fees.max_lightning_fee_pct"]),
            fee_allowance=int(values.get("fees.always_accept", 0)),
            lightning_address=values["lightning.address"],
            change_policy=values["change.policy"],
            offline_enabled=bool(values["offline.enabled"]),
            offline_max_per_sale=int(values["offline.max_per_sale"]),
            offline_max_per_day=int(values["offline.max_per_day"]),
            convert_untrusted=bool(values.get("mints.convert_untrusted", False)),
        )

    def method_for(self, mint_url: str, trusted: bool) -> str:
        """``swap``, ``melt`` or ``convert`` for a token of this mint, or ``mint.untrusted``.

        Decided from the mint's trust flag alone: nothing is contacted before. With
        ``convert_untrusted`` a token of another mint becomes ecash at the shop's own
        mint rather than a payment to its Lightning address.
        """
        if self.mode == "auto_convert":
            method = MELT
        elif trusted:
            method = SWAP
        elif self.convert_untrusted:
            return CONVERT
        elif self.mode == "hold_when_trusted":
            method = MELT
        else:
            raise ValidationError(
                "mint.untrusted",
                "This token is from a mint the shop does not accept. Ask the customer to pay "
                "with ecash from one of the shop's mints.",
                mint_url,
                data={"mint": mint_url},
            )
        if method == MELT and not self.lightning_address:
            raise ConfigError(
                "lightning.not_configured",
                "This token would have to be converted to Lightning, but the shop has no "
                "Lightning address set. Ask for ecash from one of the shop's mints.",
                mint_url,
            )
        return method


def percent(part: int, whole: int) -> Decimal:
    """``part / whole`` in percent, two decimals (0 when ``whole`` is 0)."""
    if whole <= 0:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def check_fee_cap(
    kind: str, fee: int, amount: int, cap_pct: float, unit: str, *, allowance: int = 0
) -> None:
    """Refuse when ``fee`` exceeds ``cap_pct`` percent of ``amount`` and also ``allowance``.

    A percentage alone refuses a 1 sat fee on a 35 sat token (2.86% of it); fees up to
    ``allowance`` (the shop's ``fees.always_accept``) are therefore never refused.

    Raises:
        ValidationError: ``fee.too_high`` with the numbers in the message.
    """
    if fee <= 0 or fee <= allowance:
        return
    pct = percent(fee, amount)
    if pct > Decimal(str(cap_pct)):
        what = "mint fee" if kind == "mint" else "Lightning fee"
        raise ValidationError(
            "fee.too_high",
            f"The {what} of {fee} {unit} is {pct}% of this {amount} {unit} token, above the "
            f"shop's limit of {cap_pct:g}%. Ask for a token from another mint.",
            f"{kind} fee {fee} on {amount} ({pct}%) > {cap_pct}% and > {allowance}",
            data={
                "kind": kind,
                "fee": fee,
                "amount": amount,
                "percent": str(pct),
                "cap": cap_pct,
                "allowance": allowance,
            },
        )
