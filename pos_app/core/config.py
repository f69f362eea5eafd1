"""Settings declared once, with type, default, validation and help text.

The ``pos-app config`` commands and the Settings page are both generated from
:data:`OPTIONS` (as Electrum's ``ConfigVar``). Values live JSON-encoded in the
``settings`` table of the encrypted database.

Each option has a scope. ``shop`` options (the money rules, receipts' header, schedules,
webhooks...) are the same at every till. ``till`` options (camera, printer, screens,
language, the local API's server...) belong to one till: on a shop's shared database a
till keeps its own in ``till_settings`` (the session says which till,
:func:`~pos_app.core.store.db.session_till`), and reads the shop-wide row of
``settings`` where it has none (the value the shop had before it added tills, e.g. a
till moved from its own file), else the default. A till on its own file has no till id
and keeps every option in ``settings``.
"""

from __future__ import annotations

import ipaddress
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import ConfigError
from pos_app.core.schedule import check_schedule
from pos_app.core.store.db import session_till
from pos_app.core.store.schema import AuditEntry, Setting, Till, TillSetting, now
from pos_app.core.urltext import has_blank_or_control
from pos_app.language import LANGUAGES, THEMES

MODES = ("trusted_only", "hold_when_trusted", "auto_convert")

SHOP = "shop"  # the same value at every till of the shop
TILL = "till"  # each till's own on a shared store (hardware, screens, the local API)
SCOPES = (SHOP, TILL)


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
        advanced: shown on the Settings page only under "Advanced" (the basics are
            what a new shop sets up; the rest has working defaults).
        scope: ``shop`` (every till) or ``till`` (each till's own on a shared store);
            every option says which, there is no default.

    Raises:
        ValueError: a scope other than ``shop`` or ``till``.
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
    advanced: bool = False
    scope: str = ""

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:  # declared, not assumed: a new option must choose
            raise ValueError(f"option {self.key}: scope must be one of {SCOPES}")

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
    if has_blank_or_control(url):
        raise ValueError("must be an https:// address without spaces")
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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for Qt's lupdate (the core does not import Qt); returns it unchanged.

    Labels, help texts and group names below are translated by the Settings page
    (context ``Settings``); ``make translations`` collects them from this file.
    """
    return text


def check_shop_name(text: str) -> str:
    """A shop name fits one printed line: at most 60 characters, no line breaks."""
    if len(text) > 60:
        raise ValueError("Use at most 60 characters.")
    if any(ch in text for ch in "\r\n\t"):
        raise ValueError("Use one line, without tabs.")
    return text.strip()


def check_address(text: str) -> str:
    """A postal address for receipts: up to three printed lines, split by ``|`` or line breaks."""
    text = " ".join(text.replace("\r", " ").replace("\n", " | ").replace("\t", " ").split())
    lines = [part.strip() for part in text.split("|") if part.strip()]
    if len(lines) > 3 or any(len(line) > 60 for line in lines):
        raise ValueError("Use at most three lines of 60 characters (separate them with |).")
    return " | ".join(lines)


LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


def split_listen(value: str, *, any_port: bool = False) -> tuple[str, int]:
    """``host:port`` (``[::1]:8787`` for IPv6) as a host and a port number.

    ``any_port``: port 0 (the system picks one) is allowed.
    """
    host, sep, port = value.strip().rpartition(":")
    host = host.strip("[]")
    lowest = 0 if any_port else 1
    if not sep or not host or not port.isdigit() or not lowest <= int(port) < 65536:
        raise ValueError("must be an address and a port such as 127.0.0.1:8787")
    return host, int(port)


def check_api_listen(value: str) -> str:
    """An IP address of this computer (0.0.0.0, ::, a LAN address) or localhost, and a port.

    Whether a network address may be served without TLS depends on other settings: the
    API checks that when it starts (``pos_app.api.start_api``).
    """
    host, port = split_listen(value)
    if host != "localhost":
        try:
            host = str(ipaddress.ip_address(host))
        except ValueError:
            raise ValueError(
                "must be localhost or an IP address (127.0.0.1, 0.0.0.0, 192.168.1.20, ::1) "
                "and a port such as 127.0.0.1:8787"
            ) from None
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def check_public_url(value: str) -> str:
    """The API's base address as customers' wallets reach it (``https://host:port``), or empty.

    A path is kept (a till behind a proxy); ``/api/v1`` at its end is dropped, as
    ``pos-app api status`` prints the URL with it and the routes are added to this base.
    """
    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018  # a port that is no number raises here
    except ValueError:
        raise ValueError("the port must be a number such as 8787") from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username is not None
        or has_blank_or_control(value)
    ):
        raise ValueError("must be an address such as https://192.168.1.20:8787")
    if parts.query or parts.fragment or "?" in value or "#" in value:
        raise ValueError("must be an address without ? or #, such as https://192.168.1.20:8787")
    base = value.rstrip("/")
    return base.removesuffix("/api/v1").rstrip("/")


def check_cidrs(value: str) -> str:
    """Comma-separated addresses or networks (``192.168.1.0/24, 10.0.0.7``), or empty."""
    parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
    networks = []
    for part in parts:
        try:
            networks.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise ValueError(
                f"{part[:60]} is not an address or a network such as 192.168.1.0/24"
            ) from None
    return ", ".join(dict.fromkeys(networks))


def _pem_file(value: str) -> bytes:
    path = Path(value.strip()).expanduser()
    if not path.is_file():
        raise ValueError(f"there is no file {value[:200]}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{value[:200]} cannot be read ({exc.strerror})") from None


def load_tls_certs(path: str) -> list[Any]:
    """The certificates of a PEM file (``cryptography`` objects, the leaf first).

    Raises:
        ValueError: no such file, unreadable, or no PEM certificate in it.
    """
    from cryptography import x509  # only where TLS files are set or served

    data = _pem_file(path)
    try:
        return x509.load_pem_x509_certificates(data)
    except ValueError:
        raise ValueError("the file holds no PEM certificate") from None


def load_tls_key(path: str) -> Any:
    """The private key of a PEM file without a password (a ``cryptography`` key).

    Raises:
        ValueError: no such file, unreadable, protected by a password, or no PEM key.
    """
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    data = _pem_file(path)
    try:
        return load_pem_private_key(data, password=None)
    except TypeError:
        raise ValueError(
            "the key is protected by a password: save it without one, readable only "
            "by the till's user"
        ) from None
    except ValueError:
        raise ValueError("the file holds no PEM private key") from None


def check_tls_cert(value: str) -> str:
    """A PEM certificate file (the shop's own, for the API), or empty."""
    if value.strip():
        load_tls_certs(value)
    return value.strip()


def check_tls_key(value: str) -> str:
    """A PEM private key file without a password (the shop's own, for the API), or empty."""
    if value.strip():
        load_tls_key(value)
    return value.strip()


def check_printer(name: str) -> str:
    """A printer's name as the system lists it, or empty (ask with the print dialog)."""
    name = name.strip()
    if len(name) > 200 or any(ch in name for ch in "\r\n\t"):
        raise ValueError("Use the printer's name as the system shows it.")
    return name


def check_timezone(name: str) -> str:
    """An IANA time zone name (``Europe/Berlin``), or empty for this computer's zone."""
    name = name.strip()
    if not name:
        return ""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            "must be a time zone such as Europe/Berlin or America/New_York, or empty for "
            "this computer's time zone"
        ) from None
    return name


def check_folder_path(text: str) -> str:
    """A full folder path (``/media/shop/USB`` or a drive letter's), or empty for none.

    A relative path would depend on where the app was started. Whether the folder
    exists is checked at each run, since a removable drive comes and goes.
    """
    text = text.strip()
    if text and not PurePath(text).is_absolute() and not PureWindowsPath(text).is_absolute():
        raise ValueError("must be a full folder path, such as /media/shop/USB")
    return text


def _percent_list(value: str, what: str) -> list[str]:
    items = [p.strip().rstrip("%").strip() for p in str(value).replace(";", ",").split(",")]
    items = [p for p in items if p]
    out: list[str] = []
    for item in items:
        try:
            number = Decimal(item.replace(" ", ""))
        except InvalidOperation:
            raise ValueError(f"{item!r} is not a {what}") from None
        if not number.is_finite() or number < 0 or number > 100:
            raise ValueError(f"a {what} is from 0 to 100")
        if number != number.quantize(Decimal("0.01")):
            raise ValueError(f"a {what} has at most 2 decimals")
        text = format(number.normalize(), "f")
        if text not in out:
            out.append(text)
    return out


def check_vat_rates(value: str) -> str:
    """Comma-separated VAT percents, the first one the default: ``"19, 7, 0"``."""
    rates = _percent_list(value, "VAT rate")
    if not rates:
        raise ValueError("give at least one rate (0 when the shop charges no VAT)")
    return ", ".join(rates)


def check_tip_presets(value: str) -> str:
    """Comma-separated tip percents offered to the customer, at most 6: ``"5, 10, 15"``."""
    presets = _percent_list(value, "tip percent")
    if len(presets) > 6:
        raise ValueError("at most 6 presets fit on the customer display")
    return ", ".join(presets)


def vat_rates(value: str) -> list[Decimal]:
    """The checked ``vat.rates`` text as Decimals, the default first."""
    return [Decimal(r) for r in check_vat_rates(value).split(", ")]


def tip_presets(value: str) -> list[Decimal]:
    """The checked ``tips.presets`` text as Decimals."""
    text = check_tip_presets(value)
    return [Decimal(p) for p in text.split(", ")] if text else []


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in [
        Option(
            "shop.name",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "Shop name"),
            QT_TRANSLATE_NOOP(
                "Settings", "Printed at the top of receipts and on every report page."
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            check=check_shop_name,
            scope=SHOP,
        ),
        Option(
            "shop.address",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "Shop address"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Printed under the name on receipts; up to three lines, separated by |.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            check=check_address,
            scope=SHOP,
        ),
        Option(
            "shop.vat_number",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "VAT number"),
            QT_TRANSLATE_NOOP("Settings", "Printed on receipts when set."),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            check=check_shop_name,
            scope=SHOP,
        ),
        Option(
            "receipt.paper",
            "choice",
            "80mm",
            QT_TRANSLATE_NOOP("Settings", "Receipt paper"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "The width of the receipt printer's roll (58 or 80 mm), or A4 sheets. PDF "
                "receipts use it too.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            choices=("58mm", "80mm", "a4"),
            # Till: the roll of this till's own printer (a counter prints 58 mm, the office A4).
            scope=TILL,
        ),
        Option(
            "receipt.printer",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "Receipt printer"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Print receipts on this printer without asking. Empty: choose in the print "
                "dialog each time.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            check=check_printer,
            scope=TILL,
        ),
        Option(
            "staff.lock_minutes",
            "int",
            10,
            QT_TRANSLATE_NOOP("Settings", "Lock the till after (minutes idle)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With staff accounts, the till goes back to the Sell page and asks who is "
                "there after this long without a touch or a key (never during a sale). "
                "0: never.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            minimum=0,
            maximum=24 * 60,
            advanced=True,
            # Shop, though it acts at each counter: a rule of the shop's staff accounts, the same at
            # every till (a counter must not be the one that never locks).
            scope=SHOP,
        ),
        Option(
            "staff.pin_lock_after",
            "int",
            5,
            QT_TRANSLATE_NOOP("Settings", "Lock an account after (wrong PINs)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "This many wrong PINs in a row lock the account and notify the owner. Each "
                "wrong PIN already makes the next try wait longer.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            minimum=2,
            maximum=20,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "staff.pin_lock_minutes",
            "int",
            15,
            QT_TRANSLATE_NOOP("Settings", "Locked account waits (minutes)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "How long an account stays locked after too many wrong PINs, unless the "
                "owner unlocks it in Staff.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            minimum=1,
            maximum=24 * 60,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "till.name",
            "str",
            "Till 1",
            QT_TRANSLATE_NOOP("Settings", "Till name"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Names this till on Z reports and in webhooks, where a shop has several tills.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            check=check_shop_name,
            advanced=True,
            # Till: it names this till; on a shared store each till has its own.
            scope=TILL,
        ),
        Option(
            "shop.timezone",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "Shop time zone"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Where report days start and end, such as Europe/Berlin. Empty: this "
                "computer's time zone.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Shop"),
            check=check_timezone,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "mode",
            "choice",
            "trusted_only",
            QT_TRANSLATE_NOOP("Settings", "Which payments to accept"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Keep ecash from the shop's own mints only, or also take ecash from other mints "
                "and pay it straight out to the shop's Lightning address.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Payments"),
            choices=MODES,
            scope=SHOP,
        ),
        Option(
            "currency",
            "str",
            "sat",
            QT_TRANSLATE_NOOP("Settings", "Shop currency"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "The currency prices are typed in. Bitcoin (sat) needs no exchange rate.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Payments"),
            check=check_currency,
            scope=SHOP,
        ),
        Option(
            "change.policy",
            "choice",
            "return",
            QT_TRANSLATE_NOOP("Settings", "When a customer pays too much"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Hand the difference back as change the customer scans, or keep it.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Payments"),
            choices=("keep", "return"),
            scope=SHOP,
        ),
        Option(
            "sale.expiry_seconds",
            "int",
            900,
            QT_TRANSLATE_NOOP("Settings", "Price hold (seconds)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "How long a sale keeps its price in sats. After that the customer needs a new "
                "payment code.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Payments"),
            minimum=30,
            maximum=86400,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "fees.customer_advance",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Service fee added to each sale (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "A fixed amount the customer pays on top of the price, to cover the mint's fees.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Fees"),
            minimum=0,
            maximum=1_000_000,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "fees.max_mint_fee_pct",
            "float",
            2.0,
            QT_TRANSLATE_NOOP("Settings", "Highest mint fee (%)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Refuse a payment when the mint would keep more than this share of it as a fee.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Fees"),
            minimum=0,
            maximum=100,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "fees.max_lightning_fee_pct",
            "float",
            3.0,
            QT_TRANSLATE_NOOP("Settings", "Highest Lightning fee (%)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Refuse to pay a token out to Lightning when the fee would be more than this "
                "share of it.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Fees"),
            minimum=0,
            maximum=100,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "fees.always_accept",
            "int",
            2,
            QT_TRANSLATE_NOOP("Settings", "Fees always accepted up to"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "A fee of at most this many sat (or cents) is never refused, whatever its share "
                "of the payment: a 1 sat fee is 2.86% of a 35 sat token.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Fees"),
            minimum=0,
            maximum=1000,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "rate.fixed",
            "decimal",
            "0",
            QT_TRANSLATE_NOOP("Settings", "Fixed price of one bitcoin"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "In the shop currency. Used when no exchange rate service answers; 0 means none.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Exchange rate"),
            minimum=0,
            scope=SHOP,
        ),
        Option(
            "rate.sources",
            "json",
            [],
            QT_TRANSLATE_NOOP("Settings", "Exchange rate services"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Web addresses that give the price of one bitcoin, and where in their answer the "
                "price is (for example bitcoin.eur).",
            ),
            QT_TRANSLATE_NOOP("Settings", "Exchange rate"),
            check=check_rate_sources,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "rate.max_age_seconds",
            "int",
            300,
            QT_TRANSLATE_NOOP("Settings", "Use a rate for at most (seconds)"),
            QT_TRANSLATE_NOOP("Settings", "An older exchange rate is fetched again before use."),
            QT_TRANSLATE_NOOP("Settings", "Exchange rate"),
            minimum=5,
            maximum=86400,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "lightning.address",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "Lightning address"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Where payments from other mints are sent: name@example.com, or an LNURL-pay "
                "address.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Lightning"),
            check=check_lightning_address,
            scope=SHOP,
        ),
        # -- payouts from the shop's own coins (pos_app.core.payments.withdraw, wallet.sweep) --
        Option(
            "withdraw.auto",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Settings", "Withdraw to the Lightning address automatically"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "When the shop holds more than the threshold at one of its mints, pay a share "
                "of it to the Lightning address above.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Lightning"),
            scope=SHOP,
        ),
        Option(
            "withdraw.threshold",
            "int",
            10_000,
            QT_TRANSLATE_NOOP("Settings", "Withdraw when a mint holds more than (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Checked per mint. It must be at least the smallest amount the Lightning address "
                "accepts.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Lightning"),
            minimum=1,
            maximum=2_100_000_000_000_000,
            scope=SHOP,
        ),
        Option(
            "withdraw.percent",
            "int",
            95,
            QT_TRANSLATE_NOOP("Settings", "Share of the balance to withdraw (%)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "The rest stays at the mint to pay the fees and to give change.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Lightning"),
            minimum=50,
            maximum=98,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "withdraw.max_fee_percent",
            "float",
            2.0,
            QT_TRANSLATE_NOOP("Settings", "Highest withdrawal fee (%)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "A withdrawal whose mint and Lightning fees would be more than this share of it "
                "is not paid; the owner is told.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Lightning"),
            minimum=0,
            maximum=50,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "sweep.expiry_days",
            "int",
            30,
            QT_TRANSLATE_NOOP("Settings", "Renew coins expiring within (days)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Coins on a mint's old keys, or on keys that expire this soon, are swapped for "
                "coins on its current keys automatically.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Mints"),
            minimum=0,
            maximum=3650,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "sweep.max_fee_sat",
            "int",
            10,
            QT_TRANSLATE_NOOP("Settings", "Highest fee to renew old coins (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "When a mint would charge more to swap its old coins, they are left and the "
                "owner is told.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Mints"),
            minimum=0,
            maximum=1_000_000,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "mints.convert_untrusted",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Settings", "Take tokens from other mints by converting them"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "A token from a mint the shop does not trust is paid over Lightning into the "
                "shop's first mint and kept as ecash there. The customer's token pays the "
                "Lightning fee; the shop's fee limits are checked before anything is spent.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Mints"),
            scope=SHOP,
        ),
        Option(
            "offline.enabled",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Settings", "Accept payments while a mint is offline"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Only for tokens made out to this shop that prove they are genuine; they are "
                "redeemed when the mint is back. Up to the limits below.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Offline"),
            scope=SHOP,
        ),
        Option(
            "offline.max_per_sale",
            "int",
            10_000,
            QT_TRANSLATE_NOOP("Settings", "Offline limit per sale (sat)"),
            QT_TRANSLATE_NOOP("Settings", "Largest amount accepted offline for one sale."),
            QT_TRANSLATE_NOOP("Settings", "Offline"),
            minimum=0,
            scope=SHOP,
        ),
        Option(
            "offline.max_per_day",
            "int",
            50_000,
            QT_TRANSLATE_NOOP("Settings", "Offline limit per day (sat)"),
            QT_TRANSLATE_NOOP("Settings", "Largest total accepted offline in one day."),
            QT_TRANSLATE_NOOP("Settings", "Offline"),
            minimum=0,
            scope=SHOP,
        ),
        Option(
            "limits.sale_max_sat",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Largest sale (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings", "A larger sale is refused before the customer pays. 0: no limit."
            ),
            QT_TRANSLATE_NOOP("Settings", "Limits"),
            minimum=0,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "limits.cashier_sale_max_sat",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Largest sale by a cashier (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With staff accounts, a cashier's larger sale is refused. It can only be lower "
                "than the largest sale. 0: the largest sale applies.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Limits"),
            minimum=0,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "limits.manager_sale_max_sat",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Largest sale by a manager (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With staff accounts, a manager's larger sale is refused. It can only be lower "
                "than the largest sale. 0: the largest sale applies.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Limits"),
            minimum=0,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "limits.cashier_day_max_sat",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Cashiers' total per day (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With staff accounts, online payments of the sales all cashiers make in one day "
                "(UTC) stop at this total. 0: only the shop's total per day applies.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Limits"),
            minimum=0,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "limits.manager_day_max_sat",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Managers' total per day (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With staff accounts, online payments of the sales all managers make in one day "
                "(UTC) stop at this total. 0: only the shop's total per day applies.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Limits"),
            minimum=0,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "limits.day_max_sat",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Largest total per day (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Online payments taken in one day (UTC) stop at this total. 0: no limit.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Limits"),
            minimum=0,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "limits.confirm_above_sat",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Manager's OK above (sat)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With staff accounts, a cashier's sale above this needs a manager's PIN. 0: never.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Limits"),
            minimum=0,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "camera.source",
            "str",
            "0",
            QT_TRANSLATE_NOOP("Settings", "Camera"),
            QT_TRANSLATE_NOOP(
                "Settings", "The camera that reads customers' codes, or a video file for testing."
            ),
            QT_TRANSLATE_NOOP("Settings", "Devices"),
            check=check_camera,
            scope=TILL,
        ),
        Option(
            "display.customer_screen",
            "int",
            -1,
            QT_TRANSLATE_NOOP("Settings", "Customer display"),
            QT_TRANSLATE_NOOP(
                "Settings", "A second screen that shows the customer the amount and the code."
            ),
            QT_TRANSLATE_NOOP("Settings", "Devices"),
            minimum=-1,
            maximum=16,
            scope=TILL,
        ),
        Option(
            "language",
            "choice",
            "system",
            QT_TRANSLATE_NOOP("Settings", "Language"),
            QT_TRANSLATE_NOOP(
                "Settings", "The language of the app. The new language shows after a restart."
            ),
            QT_TRANSLATE_NOOP("Settings", "Language"),
            choices=LANGUAGES,
            scope=TILL,
        ),
        Option(
            "display.theme",
            "choice",
            "system",
            QT_TRANSLATE_NOOP("Settings", "Colours"),
            QT_TRANSLATE_NOOP(
                "Settings", "Light or dark screens, or the same as the computer's setting."
            ),
            QT_TRANSLATE_NOOP("Settings", "Display"),
            choices=THEMES,
            scope=TILL,
        ),
        Option(
            "display.kiosk",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Settings", "Full screen till"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Fill the whole screen without a window frame, as a till at the counter.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Display"),
            scope=TILL,
        ),
        Option(
            "retry.first_delay_seconds",
            "float",
            10.0,
            QT_TRANSLATE_NOOP("Settings", "First retry after (seconds)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "When a mint does not answer, the app keeps the token and tries again after "
                "this long.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Retries"),
            minimum=0.1,
            maximum=86400,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "retry.backoff_factor",
            "float",
            2.0,
            QT_TRANSLATE_NOOP("Settings", "Wait longer each time (times)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Each further retry waits this many times longer than the one before (2: twice "
                "as long).",
            ),
            QT_TRANSLATE_NOOP("Settings", "Retries"),
            minimum=1,
            maximum=10,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "retry.max_delay_seconds",
            "float",
            3600.0,
            QT_TRANSLATE_NOOP("Settings", "Longest wait (seconds)"),
            QT_TRANSLATE_NOOP("Settings", "Retries never wait longer than this."),
            QT_TRANSLATE_NOOP("Settings", "Retries"),
            minimum=1,
            maximum=7 * 86400,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "retry.max_attempts",
            "int",
            20,
            QT_TRANSLATE_NOOP("Settings", "Tries before asking the owner"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "After this many failed tries the payment is listed under Needs attention.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Retries"),
            minimum=1,
            maximum=1000,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "health.interval_seconds",
            "float",
            60.0,
            QT_TRANSLATE_NOOP("Settings", "Check the mints every (seconds)"),
            QT_TRANSLATE_NOOP(
                "Settings", "How often the app checks that the shop's mints are answering."
            ),
            QT_TRANSLATE_NOOP("Settings", "Mints"),
            minimum=1,
            maximum=86400,
            advanced=True,
            # Shop: each till checks its mints itself, but how often is the load the shop puts on
            # its mints, the same from every till.
            scope=SHOP,
        ),
        # -- scheduled export (pos_app.core.services.export_schedule) --
        Option(
            "exports.schedule",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "Scheduled export"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Export the ecash above the amount to keep, every day at this time in the shop's "
                "time zone, such as 18:30, or on some days, such as 18:30 mon-fri. Empty: off.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Exports"),
            check=check_schedule,
            scope=SHOP,
        ),
        Option(
            "exports.schedule_folder",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "Scheduled export folder"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Where the token files and their list go, usually the USB drive. It must exist "
                "at export time: the app never creates it.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Exports"),
            check=check_folder_path,
            # Shop: the scheduled export is one job of the shop, run by whichever till holds it
            # (job_claims); its folder goes with the schedule, so it must be a path every
            # till can write (a network share) on a shop with several tills.
            scope=SHOP,
        ),
        Option(
            "exports.schedule_keep",
            "int",
            0,
            QT_TRANSLATE_NOOP("Settings", "Amount to keep per mint"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "The scheduled export leaves this much at each mint, in each unit (sat or "
                "cents), for change; only what is above it is exported.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Exports"),
            minimum=0,
            maximum=2_100_000_000_000_000,
            scope=SHOP,
        ),
        Option(
            "exports.check_days",
            "int",
            30,
            QT_TRANSLATE_NOOP("Settings", "Watch exported tokens for (days)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Exported tokens and customers' change are checked for claims automatically "
                "for this many days; older ones only when you press Check claims.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Mints"),  # advanced: the Exports box holds the schedule
            minimum=1,
            maximum=3650,
            advanced=True,
            scope=SHOP,
        ),
        # -- the basket: VAT, discounts, tips (pos_app.core.payments.basket) --
        Option(
            "vat.rates",
            "str",
            "0",
            QT_TRANSLATE_NOOP("Settings", "VAT rates (%)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "The VAT rates items can have, separated by commas, such as 19, 7, 0. The first "
                "is the default for items and amounts without a rate.",
            ),
            QT_TRANSLATE_NOOP("Settings", "VAT and tips"),
            check=check_vat_rates,
            scope=SHOP,
        ),
        Option(
            "vat.prices_include",
            "bool",
            True,
            QT_TRANSLATE_NOOP("Settings", "Prices include VAT"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "On: prices and typed amounts are what the customer pays (gross). Off: VAT is "
                "added on top of them (net).",
            ),
            QT_TRANSLATE_NOOP("Settings", "VAT and tips"),
            scope=SHOP,
        ),
        Option(
            "vat.rounding",
            "choice",
            "line",
            QT_TRANSLATE_NOOP("Settings", "Round VAT"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "line: each line's VAT is rounded and added up. total: the VAT of each rate is "
                "worked out once on the sum of its lines.",
            ),
            QT_TRANSLATE_NOOP("Settings", "VAT and tips"),
            choices=("line", "total"),
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "tips.enabled",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Settings", "Offer tips"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Ask the customer for a tip after the total. The tip is kept apart from the "
                "sales amount.",
            ),
            QT_TRANSLATE_NOOP("Settings", "VAT and tips"),
            scope=SHOP,
        ),
        Option(
            "tips.presets",
            "str",
            "5, 10, 15",
            QT_TRANSLATE_NOOP("Settings", "Tip presets (%)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "The tip percents offered, separated by commas; the customer can also give "
                "another amount.",
            ),
            QT_TRANSLATE_NOOP("Settings", "VAT and tips"),
            check=check_tip_presets,
            scope=SHOP,
        ),
        Option(
            "discount.manager_limit_pct",
            "float",
            20.0,
            QT_TRANSLATE_NOOP("Settings", "Discount without a manager (%)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "A discount above this share of the sale needs a manager's approval.",
            ),
            QT_TRANSLATE_NOOP("Settings", "VAT and tips"),
            minimum=0,
            maximum=100,
            advanced=True,
            scope=SHOP,
        ),
        # -- the local REST API (pos_app.api) --
        Option(
            "api.enabled",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Settings", "Local API"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Serve the REST API (/api/v1) for an online shop, a kitchen screen or a kiosk "
                "on this computer; every call needs an API key. Applies at the next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            advanced=True,
            # Till, as every api.* option: each till serves its own API from its own process and
            # machine; whether, where and how it listens is that till's (the allow and block
            # lists and the rate limit are that server's, read at its start). The API keys
            # are the shop's (api_keys table).
            scope=TILL,
        ),
        Option(
            "api.listen",
            "str",
            "127.0.0.1:8787",
            QT_TRANSLATE_NOOP("Settings", "API address"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Where the API listens and its port: 127.0.0.1 for this computer only; "
                "0.0.0.0 or a network address of this computer for others (encrypted, see "
                "below). Applies at the next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            check=check_api_listen,
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.public_url",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "API address for customers' wallets"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "The address customers' wallets reach this till's API at, e.g. "
                "https://192.168.1.20:8787: each sale's code then lets a wallet pay over the "
                "network, without the camera. Empty: no network payments. Applies at the "
                "next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            check=check_public_url,
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.rate_limit_per_minute",
            "int",
            600,
            QT_TRANSLATE_NOOP("Settings", "API calls per key a minute"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "More calls with one key are refused for a moment (429); one address may make "
                "twice as many with all its keys. Applies at the next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            minimum=1,
            maximum=100_000,
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.tls",
            "choice",
            "auto",
            QT_TRANSLATE_NOOP("Settings", "API encryption (TLS)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "auto: a certificate the till makes itself when the address is on the network, "
                "plain HTTP on this computer only; self_signed: that certificate always; own: "
                "the shop's certificate below; off: plain HTTP (on the network only with the "
                "setting below). Applies at the next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            choices=("auto", "self_signed", "own", "off"),
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.tls_cert",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "API certificate file"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With encryption own: the shop's certificate (PEM, with its chain).",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            check=check_tls_cert,
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.tls_key",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "API certificate key file"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "With encryption own: the certificate's private key (PEM, without a password; "
                "readable only by the till's user).",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            check=check_tls_key,
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.insecure_http",
            "bool",
            False,
            QT_TRANSLATE_NOOP("Settings", "Plain HTTP on the network"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Allow encryption off on a network address: anyone on the network can then "
                "read API keys and payments. Applies at the next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.allow",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "API only for"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Addresses or networks that may call the API, separated by commas "
                "(192.168.1.0/24, 10.0.0.7); empty: every address. Applies at the next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            check=check_cidrs,
            advanced=True,
            scope=TILL,
        ),
        Option(
            "api.block",
            "str",
            "",
            QT_TRANSLATE_NOOP("Settings", "API never for"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Addresses or networks always refused, separated by commas. Applies at the "
                "next start.",
            ),
            QT_TRANSLATE_NOOP("Settings", "API"),
            check=check_cidrs,
            advanced=True,
            scope=TILL,
        ),
        # -- outbound webhooks (pos_app.core.webhooks) --
        Option(
            "webhooks.allow_private",
            "bool",
            True,
            QT_TRANSLATE_NOOP("Settings", "Webhooks to the local network"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "Allow webhook receivers on this computer or the shop's network. "
                "Link-local and cloud metadata addresses are always refused.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Webhooks"),
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "webhooks.history_days",
            "int",
            30,
            QT_TRANSLATE_NOOP("Settings", "Keep webhook history (days)"),
            QT_TRANSLATE_NOOP(
                "Settings", "Delivered and failed webhooks are forgotten after this many days."
            ),
            QT_TRANSLATE_NOOP("Settings", "Webhooks"),
            minimum=1,
            maximum=365,
            advanced=True,
            scope=SHOP,
        ),
        Option(
            "webhooks.secret_grace_hours",
            "float",
            24.0,
            QT_TRANSLATE_NOOP("Settings", "Old webhook secret valid for (hours)"),
            QT_TRANSLATE_NOOP(
                "Settings",
                "After a new secret is made, the old one also signs for this long, so "
                "receivers can be updated without losing events.",
            ),
            QT_TRANSLATE_NOOP("Settings", "Webhooks"),
            minimum=0,
            maximum=720,
            advanced=True,
            scope=SHOP,
        ),
    ]
}


# The settings :func:`check_together` relates; a change to any of them is checked as a whole.
RATE_KEYS = ("currency", "rate.sources", "rate.fixed")


def check_together(values: dict[str, Any]) -> None:
    """Refuse settings that are valid one by one but would make every sale fail at the counter.

    A shop currency other than sat needs a way to turn its prices into sats: a rate source
    that serves that currency (untagged sources serve the shop currency), or a fixed rate.

    Raises:
        ConfigError: ``config.currency_without_rate`` (``data["key"]`` is ``currency``).
    """
    currency = values.get("currency", "sat")
    if currency == "sat":
        return
    fixed = Decimal(str(values.get("rate.fixed") or "0"))
    sources = values.get("rate.sources") or []
    serving = [s for s in sources if s.get("currency") in (None, currency)]
    if fixed > 0 or serving:
        return
    raise ConfigError(
        "config.currency_without_rate",
        f"Shop currency: {currency} needs an exchange rate, or no sale can be priced. Add a "
        "rate source or set a fixed rate (together with the currency, or first).",
        f"currency={currency} rate.sources={sources!r} rate.fixed={fixed}",
        data={"key": "currency", "currency": currency},
    )


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

    def till_of(self, session: Session, key: str) -> str | None:
        """The till whose own value ``key`` is in this session; None: the shop-wide row.

        None for a shop option, and for every option on a till's own file.
        """
        return session_till(session) if self.option(key).scope == TILL else None

    @staticmethod
    def _row(session: Session, key: str, till: str | None) -> Setting | TillSetting | None:
        """Where a change of ``key`` goes: the till's own row, or (None) the shop-wide one."""
        return session.get(Setting, key) if till is None else session.get(TillSetting, (till, key))

    def get(self, session: Session, key: str) -> Any:
        """The value of ``key``: this till's own, else the shop-wide one, else the default."""
        option = self.option(key)
        till = self.till_of(session, key)
        if till is not None:
            own = session.get(TillSetting, (till, key))
            if own is not None:
                return json.loads(own.value_json)
        row = session.get(Setting, key)
        return option.default if row is None else json.loads(row.value_json)

    def values(self, session: Session, keys: Iterable[str] | None = None) -> dict[str, Any]:
        """Several values at once (all settings by default), read as :meth:`get` does."""
        wanted = list(keys) if keys is not None else list(self.options)
        stored = {
            row.key: json.loads(row.value_json)
            for row in session.scalars(select(Setting).where(Setting.key.in_(wanted)))
        }
        till = session_till(session)
        own_keys = [k for k in wanted if self.option(k).scope == TILL]
        if till is not None and own_keys:
            query = select(TillSetting).where(
                TillSetting.till_id == till, TillSetting.key.in_(own_keys)
            )
            stored.update({row.key: json.loads(row.value_json) for row in session.scalars(query)})
        return {k: stored.get(k, self.option(k).default) for k in wanted}

    def set(self, session: Session, key: str, raw: Any) -> Any:
        """Validate and store ``raw`` for ``key``; returns the stored value."""
        return self.set_many(session, {key: raw})[key]

    def set_many(self, session: Session, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate ``changes`` one by one and together (:func:`check_together`), then store.

        Nothing is stored when any of them is refused. A till option on a shared store is
        stored as this till's own (the audit entry names the till); every other change is
        the shop's.
        """
        parsed = {key: self.option(key).parse(raw) for key, raw in changes.items()}
        self._check_merged(session, parsed)
        changed = {}
        for key, value in parsed.items():
            old = self.get(session, key)
            till = self.till_of(session, key)
            row = self._row(session, key, till)
            if row is not None:
                row.value_json = json.dumps(value)
                row.updated_at = now()
            elif till is None:
                session.add(Setting(key=key, value_json=json.dumps(value), updated_at=now()))
            else:
                session.add(TillSetting(till_id=till, key=key, value_json=json.dumps(value)))
            if old != value:
                changed[key] = {"old": old, "new": value}
                if till is not None:
                    changed[key]["till"] = till
                    if key == "till.name":
                        _rename_till(session, till, value)
        if changed:  # who changed what, old to new (settings hold no secrets)
            session.add(
                AuditEntry(
                    action="settings.changed",
                    subject=",".join(sorted(changed))[:100],
                    details_json=json.dumps(changed, default=str),
                )
            )
        return parsed

    def _check_merged(self, session: Session, parsed: dict[str, Any]) -> None:
        # Only a change to a related key is checked: a shop stored before the check existed
        # can still change its other settings.
        if not set(parsed) & set(RATE_KEYS):
            return
        check_together({**self.values(session, RATE_KEYS), **parsed})

    def unset(self, session: Session, key: str) -> None:
        """Return ``key`` to its default; a till option on a shared store to the shop-wide value.

        (This till's own value goes; what it then reads is the shop-wide row, if any.)
        """
        self._check_merged(session, {key: self.option(key).default})
        till = self.till_of(session, key)
        if till is not None and key == "till.name":
            raise ConfigError(
                "config.invalid",
                "A till of the shop keeps a name of its own: give it another name instead.",
                key,
            )
        row = self._row(session, key, till)
        if row is not None:
            session.delete(row)
            session.flush()  # a read later in this transaction must not find the row


def _rename_till(session: Session, till: str, name: str) -> None:
    """A shared till's ``till.name`` is its name in the shop (``tills``): unique there."""
    taken = session.scalar(select(Till.id).where(Till.name == name, Till.id != till))
    if taken is not None:
        raise ConfigError(
            "config.invalid",
            f"Another till of the shop is called {name!r}. Choose another name.",
            name,
        )
    row = session.get(Till, till)
    if row is not None:
        row.name = name
