"""Settings declared once, with type, default, validation and help text.

The ``pos-app config`` commands and the Settings page are both generated from
:data:`OPTIONS` (as Electrum's ``ConfigVar``). Values live JSON-encoded in the
``settings`` table of the encrypted database.
"""

from __future__ import annotations

import ipaddress
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import ConfigError
from pos_app.core.store.schema import Setting, now

MODES = ("trusted_only", "hold_when_trusted", "auto_convert")


@dataclass(frozen=True, slots=True)
class Option:
    """One setting.

    Args:
        key: dotted name (``fees.max_mint_fee_pct``).
        kind: ``int``, ``float``, ``decimal`` (money: kept as exact decimal text),
            ``bool``, ``str``, ``choice`` or ``json``.
        default: value when unset.
        label: short title for the Settings page.
        help: one sentence that explains the setting.
        group: Settings page section.
        choices: allowed values for ``choice``.
        minimum: lowest allowed number.
        maximum: highest allowed number.
        check: extra validation; raises ``ValueError`` with a readable reason.
    """

    key: str
    kind: str
    default: Any
    label: str
    help: str
    group: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    check: Callable[[Any], Any] | None = field(default=None, compare=False)

    def parse(self, raw: Any) -> Any:
        """Turn text (CLI, form field) or a JSON value into a valid value, or raise ConfigError."""
        try:
            value = self._coerce(raw)
            if self.kind in ("int", "float", "decimal"):
                number = Decimal(value) if self.kind == "decimal" else value
                if self.minimum is not None and number < self.minimum:
                    raise ValueError(f"must be at least {_num(self.minimum)}")
                if self.maximum is not None and number > self.maximum:
                    raise ValueError(f"must be at most {_num(self.maximum)}")
            if self.kind == "choice" and value not in self.choices:
                raise ValueError(f"must be one of {', '.join(self.choices)}")
            if self.check is not None:
                value = self.check(value)
        except (ValueError, TypeError) as exc:
            raise ConfigError(
                "config.invalid",
                f"{self.label}: {exc}.",
                f"{self.key}={str(raw)[:200]!r}",
                data={"key": self.key, "reason": str(exc)},
            ) from exc
        return value

    def _coerce(self, raw: Any) -> Any:
        text = raw.strip() if isinstance(raw, str) else raw
        if self.kind == "bool":
            if isinstance(text, bool):
                return text
            lowered = str(text).lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError("must be true or false")
        if self.kind == "int":
            if isinstance(text, bool):
                raise ValueError("must be a whole number")
            if isinstance(text, int):
                return text
            if not re.fullmatch(r"-?\d+", str(text)):
                raise ValueError("must be a whole number")
            return int(text)
        if self.kind == "float":
            if isinstance(text, bool):
                raise ValueError("must be a number")
            try:
                number = float(Decimal(str(text)))
            except InvalidOperation:
                raise ValueError("must be a number") from None
            if not math.isfinite(number):
                raise ValueError("must be a finite number")
            return number
        if self.kind == "decimal":
            if isinstance(text, bool):
                raise ValueError("must be a number such as 95000.50")
            try:
                number = Decimal(str(text).replace(",", "."))
            except InvalidOperation:
                raise ValueError("must be a number such as 95000.50") from None
            if not number.is_finite():
                raise ValueError("must be a finite number")
            return format(number.normalize(), "f")
        if self.kind == "json":
            return json.loads(text) if isinstance(text, str) else text
        if not isinstance(text, str):
            raise ValueError("must be text")
        return text


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# -- validators ----------------------------------------------------------------------------


def is_loopback_host(host: str) -> bool:
    """True for localhost and loopback IP literals."""
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_currency(value: str) -> str:
    """``sat`` or an ISO 4217 code (three letters), normalised to upper case."""
    if value.lower() in ("sat", "sats"):
        return "sat"
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ValueError("must be sat or a three-letter currency code such as EUR")
    return value.upper()


def check_rate_sources(value: Any) -> list[dict[str, str]]:
    """A list of ``{"url", "path"}``; ``path`` is dotted keys/indexes to the number."""
    if not isinstance(value, list):
        raise ValueError('must be a JSON list like [{"url": "https://...", "path": "bitcoin.eur"}]')
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise ValueError("each source needs a url and a path")
        path = item.get("path", "")
        if not isinstance(path, str):
            raise ValueError("path must be text such as data.amount")
        check_http_url(item["url"])
        entry = {"url": item["url"], "path": path}
        if isinstance(item.get("currency"), str):
            entry["currency"] = check_currency(item["currency"])
        out.append(entry)
    return out


def check_http_url(url: str) -> str:
    """Https for any host; plain http only for loopback (how tests reach local servers)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an https:// address")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise ValueError("plain http is only allowed for this computer (localhost)")
    return url


def check_lightning_address(value: str) -> str:
    """``name@host`` (LUD-16), an LNURL-pay URL (LUD-06), or empty to disable melts."""
    if not value:
        return ""
    if "@" in value and "://" not in value:
        name, _, host = value.partition("@")
        if not re.fullmatch(r"[a-z0-9\-_.+]+", name.lower()) or not re.fullmatch(
            r"[a-z0-9\-.]+(:\d+)?", host.lower()
        ):
            raise ValueError("must look like name@example.com")
        return value.lower()
    if value.lower().startswith("lnurl1"):
        return value.lower()
    return check_http_url(value)


def check_camera(value: str) -> str:
    """A camera index (``0``) or a video file path."""
    if not value:
        raise ValueError("must be a camera number such as 0 or a video file path")
    return value


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in [
        Option(
            "mode",
            "choice",
            "trusted_only",
            "Acceptance mode",
            "trusted_only swaps tokens from trusted mints and refuses others; hold_when_trusted "
            "swaps trusted ones and melts the rest to Lightning; auto_convert melts everything.",
            "Payments",
            choices=MODES,
        ),
        Option(
            "currency",
            "str",
            "sat",
            "Shop currency",
            "Currency the cashier types amounts in: sat or a code such as EUR.",
            "Payments",
            check=check_currency,
        ),
        Option(
            "sale.expiry_seconds",
            "int",
            900,
            "Rate lock (seconds)",
            "How long a sale's exchange rate and payment request stay valid.",
            "Payments",
            minimum=30,
            maximum=86400,
        ),
        Option(
            "change.policy",
            "choice",
            "return",
            "Overpayment",
            "keep: the shop keeps an overpayment; return: hand it back as a change token.",
            "Payments",
            choices=("keep", "return"),
        ),
        Option(
            "fees.customer_advance",
            "int",
            0,
            "Customer fee advance (sat)",
            "Fixed amount added to what the customer pays, to cover mint fees.",
            "Fees",
            minimum=0,
            maximum=1_000_000,
        ),
        Option(
            "fees.max_mint_fee_pct",
            "float",
            2.0,
            "Maximum mint fee (%)",
            "Refuse a token whose mint input fees exceed this share of its value.",
            "Fees",
            minimum=0,
            maximum=100,
        ),
        Option(
            "fees.max_lightning_fee_pct",
            "float",
            3.0,
            "Maximum Lightning fee (%)",
            "Refuse a melt whose Lightning fee reserve exceeds this share of the value.",
            "Fees",
            minimum=0,
            maximum=100,
        ),
        Option(
            "rate.sources",
            "json",
            [],
            "Exchange rate sources",
            'JSON list of {"url": ..., "path": ...}; the number at path is the price of one '
            "bitcoin in the shop currency.",
            "Exchange rate",
            check=check_rate_sources,
        ),
        Option(
            "rate.fixed",
            "decimal",
            "0",
            "Fixed rate",
            "Price of one bitcoin in the shop currency, used when no source answers (0: none).",
            "Exchange rate",
            minimum=0,
        ),
        Option(
            "rate.max_age_seconds",
            "int",
            300,
            "Maximum rate age (seconds)",
            "A fetched rate older than this is not used.",
            "Exchange rate",
            minimum=5,
            maximum=86400,
        ),
        Option(
            "lightning.address",
            "str",
            "",
            "Lightning address",
            "Where melted tokens are paid: name@host or an LNURL-pay URL.",
            "Lightning",
            check=check_lightning_address,
        ),
        Option(
            "offline.enabled",
            "bool",
            False,
            "Offline acceptance",
            "Accept P2PK-locked tokens with valid DLEQ when the mint is unreachable.",
            "Offline",
        ),
        Option(
            "offline.max_per_sale",
            "int",
            10_000,
            "Offline cap per sale (sat)",
            "Largest amount accepted offline for one sale.",
            "Offline",
            minimum=0,
        ),
        Option(
            "offline.max_per_day",
            "int",
            50_000,
            "Offline cap per day (sat)",
            "Largest total accepted offline in one day.",
            "Offline",
            minimum=0,
        ),
        Option(
            "camera.source",
            "str",
            "0",
            "Camera",
            "Camera number (0 is the first) or a video file to play in a loop.",
            "Devices",
            check=check_camera,
        ),
        Option(
            "display.customer_screen",
            "int",
            -1,
            "Customer display screen",
            "Screen number for the customer-facing window (-1: off).",
            "Devices",
            minimum=-1,
            maximum=16,
        ),
        Option(
            "display.theme",
            "choice",
            "system",
            "Colours",
            "Light or dark screens; system follows the computer's setting.",
            "Display",
            choices=("system", "light", "dark"),
        ),
        Option(
            "display.kiosk",
            "bool",
            False,
            "Full screen till",
            "Fill the whole screen without a window frame, as a till at the counter.",
            "Display",
        ),
        Option(
            "retry.first_delay_seconds",
            "float",
            10.0,
            "First retry after (seconds)",
            "Delay before an interrupted operation is retried the first time.",
            "Recovery",
            minimum=0.1,
            maximum=86400,
        ),
        Option(
            "retry.backoff_factor",
            "float",
            2.0,
            "Backoff factor",
            "Each further retry waits this many times longer.",
            "Recovery",
            minimum=1,
            maximum=10,
        ),
        Option(
            "retry.max_delay_seconds",
            "float",
            3600.0,
            "Longest wait (seconds)",
            "Retries never wait longer than this.",
            "Recovery",
            minimum=1,
            maximum=7 * 86400,
        ),
        Option(
            "retry.max_attempts",
            "int",
            20,
            "Attempts before review",
            "After this many failed attempts the owner is asked to review.",
            "Recovery",
            minimum=1,
            maximum=1000,
        ),
        Option(
            "health.interval_seconds",
            "float",
            60.0,
            "Mint check interval (seconds)",
            "How often every trusted mint is checked.",
            "Mints",
            minimum=1,
            maximum=86400,
        ),
    ]
}


class Config:
    """Typed access to the settings table."""

    def __init__(self, options: dict[str, Option] | None = None) -> None:
        self.options = options or OPTIONS

    def option(self, key: str) -> Option:
        """The declaration of ``key``, or ``config.unknown_key``."""
        try:
            return self.options[key]
        except KeyError:
            raise ConfigError(
                "config.unknown_key",
                f"There is no setting called {key!r}.",
                key,
                data={"known": sorted(self.options)},
            ) from None

    def get(self, session: Session, key: str) -> Any:
        """The value of ``key`` (its default when unset)."""
        option = self.option(key)
        row = session.get(Setting, key)
        return option.default if row is None else json.loads(row.value_json)

    def values(self, session: Session, keys: Iterable[str] | None = None) -> dict[str, Any]:
        """Several values at once (all settings by default)."""
        wanted = list(keys) if keys is not None else list(self.options)
        stored = {
            row.key: json.loads(row.value_json)
            for row in session.scalars(select(Setting).where(Setting.key.in_(wanted)))
        }
        return {k: stored.get(k, self.option(k).default) for k in wanted}

    def set(self, session: Session, key: str, raw: Any) -> Any:
        """Validate and store ``raw`` for ``key``; returns the stored value."""
        value = self.option(key).parse(raw)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value_json=json.dumps(value), updated_at=now()))
        else:
            row.value_json = json.dumps(value)
            row.updated_at = now()
        return value

    def unset(self, session: Session, key: str) -> None:
        """Return ``key`` to its default."""
        self.option(key)
        row = session.get(Setting, key)
        if row is not None:
            session.delete(row)
