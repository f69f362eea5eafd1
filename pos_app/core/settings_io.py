"""Settings export and import: a versioned JSON envelope, secrets only under a passphrase.

The file holds a ``header`` (format, format version, app version, created, the till),
every setting in ``settings`` and, only when a passphrase is given, a ``secrets`` part:
the webhook receivers with their signing secrets, encrypted with AES-256-GCM under a key
derived from the passphrase with Argon2id. The header, the settings and the crypto
parameters are the associated data, so a changed byte anywhere fails. The seed, the
proofs and the database key are never exported.

On a shop's shared database the file holds the exporting till's values, till options
(``Option.scope``) included: they travel, so a new counter can start from a set-up one.
Import goes through :meth:`Config.set_many`, so there a shop option changes for every
till and a till option becomes the importing till's own only.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app import __version__
from pos_app.core.config import Config
from pos_app.core.errors import ConfigError, PosError
from pos_app.core.files import write_private
from pos_app.core.passphrase_seal import WrongPassphrase, canonical, seal, unseal
from pos_app.core.payments.withdraw import THRESHOLD_KEYS
from pos_app.core.settings import SettingsService
from pos_app.core.store.schema import WebhookEndpoint
from pos_app.core.wallet.journal import audit
from pos_app.core.webhooks import urls
from pos_app.core.webhooks.catalog import FORMATS, parse_events

FORMAT = "pos-app-settings"
FORMAT_VERSION = 1
MASK = "••••••"


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for part in str(text).split("."):
        digits = "".join(ch for ch in part if ch.isdigit()) or "0"
        parts.append(int(digits))
    return tuple(parts)


def _damaged(detail: str) -> ConfigError:
    return ConfigError(
        "config.import_damaged", "The settings file is damaged or was changed.", detail
    )


def _bad_passphrase() -> ConfigError:
    return ConfigError(
        "config.import_bad_passphrase",
        "The passphrase does not open this settings file.",
    )


def build_envelope(
    values: dict[str, Any],
    webhooks: list[dict[str, Any]] | None = None,
    passphrase: str | None = None,
    *,
    created: datetime | None = None,
) -> dict[str, Any]:
    """The envelope of ``values``; the webhooks (with secrets) only under ``passphrase``."""
    at = (created or datetime.now(UTC)).astimezone(UTC)
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "till": {"name": values.get("till.name", "")},
    }
    envelope: dict[str, Any] = {"header": header, "settings": values, "secrets": None}
    if passphrase is not None:
        if not passphrase:
            raise ConfigError("config.export_no_passphrase", "The passphrase is empty.")
        plain = canonical({"webhooks": webhooks or []})
        envelope["secrets"] = seal(plain, passphrase, {"header": header, "settings": values})
    return envelope


@dataclass
class Opened:
    """An envelope read and, when it holds secrets, decrypted."""

    header: dict[str, Any]
    settings: dict[str, Any]
    webhooks: list[dict[str, Any]] | None  # None: the file holds no secrets
    has_secrets: bool


def open_envelope(data: bytes, passphrase: str | None = None) -> Opened:
    """Parse ``data``; refuse a newer format or app, a wrong passphrase, or damage."""
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _damaged(f"not JSON: {exc}") from exc
    if not isinstance(envelope, dict) or not isinstance(envelope.get("header"), dict):
        raise _damaged("no header")
    header = envelope["header"]
    if header.get("format") != FORMAT:
        raise _damaged(f"format {header.get('format')!r}")
    version = header.get("format_version")
    app_version = header.get("app_version")
    if not isinstance(version, int) or not isinstance(app_version, str):
        raise _damaged("no format or app version")
    if version > FORMAT_VERSION or _version_tuple(app_version) > _version_tuple(__version__):
        raise ConfigError(
            "config.import_newer",
            f"This file was made by pos-app {app_version} (format {version}); this is pos-app "
            f"{__version__}. Update this till first.",
            data={"app_version": app_version, "format_version": version},
        )
    settings = envelope.get("settings")
    if not isinstance(settings, dict):
        raise _damaged("no settings")
    sealed = envelope.get("secrets")
    if sealed is None:
        return Opened(header, settings, None, False)
    if passphrase is None:
        # Settings alone can still be imported; the secrets stay closed.
        return Opened(header, settings, None, True)
    try:
        plain = unseal(sealed, passphrase, {"header": header, "settings": settings})
        webhooks = json.loads(plain)["webhooks"]
        if not isinstance(webhooks, list):
            raise ValueError("webhooks")
    except WrongPassphrase:
        raise _bad_passphrase() from None
    except (ValueError, KeyError, TypeError) as exc:
        raise _damaged(f"secrets: {exc}") from exc
    return Opened(header, settings, webhooks, True)


@dataclass
class Plan:
    """What an import would change."""

    changes: list[dict[str, Any]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)  # parsed, changed only
    webhooks: list[dict[str, Any]] = field(default_factory=list)  # changed or new only
    secrets_skipped: bool = False


def _webhook_key(url: str) -> str:
    return f"webhook:{url}"


def plan_import(
    config: Config,
    current: dict[str, Any],
    opened: Opened,
    existing_webhooks: dict[str, dict[str, Any]],
    *,
    shared: bool = False,
) -> Plan:
    """Check every setting as ``config set`` does and list what differs.

    ``shared``: the importing till is on a shop's shared database, where a till's name is
    its own in the shop: another till's file does not rename it.

    Raises:
        ConfigError: ``config.import_invalid`` listing every refused value.
    """
    plan = Plan(secrets_skipped=opened.has_secrets and opened.webhooks is None)
    invalid: list[dict[str, str]] = []
    for key, raw in opened.settings.items():
        if shared and key == "till.name":
            continue
        if key not in config.options:
            plan.unknown.append(key)
            continue
        try:
            value = config.option(key).parse(raw)
        except ConfigError as exc:
            invalid.append({"key": key, "reason": exc.user_message})
            continue
        if value != current.get(key):
            plan.settings[key] = value
            plan.changes.append({"key": key, "old": current.get(key), "new": value})
    for item in opened.webhooks or []:
        try:
            url = str(item["url"]).strip()
            urls.check_url(url)
            fmt = str(item.get("format", "standard"))
            if fmt not in FORMATS:
                raise ValueError(f"format {fmt!r}")
            events = item.get("events") or ["*"]
            parse_events(",".join(events))
            secret = str(item["secret"])
            if not secret:
                raise ValueError("no secret")
        except PosError as exc:
            invalid.append({"key": _webhook_key(str(item.get("url"))), "reason": exc.user_message})
            continue
        except (KeyError, TypeError, ValueError) as exc:
            invalid.append({"key": _webhook_key(str(item.get("url"))), "reason": str(exc)})
            continue
        had = existing_webhooks.get(url)
        if had is not None and had["secret"] == secret:
            continue
        plan.webhooks.append(
            {
                "url": url,
                "events": list(events),
                "format": fmt,
                "btcpay_sig": bool(item.get("btcpay_sig", False)),
                "secret": secret,
            }
        )
        plan.changes.append({"key": _webhook_key(url), "old": MASK if had else None, "new": MASK})
    if invalid:
        raise ConfigError(
            "config.import_invalid",
            "The settings file holds values this till refuses: "
            + "; ".join(f"{i['key']}: {i['reason']}" for i in invalid),
            data={"invalid": invalid},
        )
    return plan


def _webhooks_with_secrets(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "url": e.url,
            "events": json.loads(e.events_json),
            "format": e.format,
            "btcpay_sig": bool(e.btcpay_sig),
            "secret": e.secret,
        }
        for e in session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id))
    ]


class SettingsTransfer:
    """Export and import of the shop's settings for the faces."""

    def __init__(self, settings: SettingsService) -> None:
        self.settings = settings
        self.db = settings.db
        self.config = settings.config

    async def export(self, path: Path, passphrase: str | None = None) -> dict[str, Any]:
        """Write the envelope to ``path`` atomically; what was written."""
        values = await self.settings.values()
        webhooks = await self.db.run(_webhooks_with_secrets) if passphrase is not None else None
        envelope = build_envelope(values, webhooks, passphrase)
        data = json.dumps(envelope, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        try:
            write_private(Path(path), data)
        except OSError as exc:
            raise ConfigError(
                "config.export_unwritable",
                f"The settings file cannot be written there: {exc.strerror}.",
                str(path),
            ) from exc
        return {
            "path": str(path),
            "settings": len(values),
            "secrets": passphrase is not None,
            "webhooks": len(webhooks or []),
            "created": envelope["header"]["created"],
        }

    async def preview(self, data: bytes, passphrase: str | None = None) -> Plan:
        """What importing ``data`` would change (nothing is changed)."""
        opened = open_envelope(data, passphrase)
        current = await self.settings.values()
        existing = {w["url"]: w for w in await self.db.run(_webhooks_with_secrets)}
        return plan_import(self.config, current, opened, existing, shared=self.settings.shared)

    async def apply(
        self,
        data: bytes,
        passphrase: str | None = None,
        *,
        check: Callable[[Mapping[str, Any]], Awaitable[Any]] | None = None,
    ) -> Plan:
        """Check and store everything in one transaction, audited; all or nothing.

        ``check`` (the withdrawal threshold's live check) sees the merged values first
        when the file changes one of :data:`THRESHOLD_KEYS`; its refusal applies nothing.
        """
        opened = open_envelope(data, passphrase)
        if check is not None:
            plan = await self.preview(data, passphrase)
            if set(plan.settings) & set(THRESHOLD_KEYS):
                await check({**await self.settings.values(), **plan.settings})

        def write(session: Session) -> Plan:
            current = self.config.values(session)
            existing = {w["url"]: w for w in _webhooks_with_secrets(session)}
            plan = plan_import(self.config, current, opened, existing, shared=self.settings.shared)
            if plan.settings:
                self.config.set_many(session, plan.settings)
            for hook in plan.webhooks:
                row = session.scalars(
                    select(WebhookEndpoint).where(WebhookEndpoint.url == hook["url"])
                ).first()
                at = int(datetime.now(UTC).timestamp())
                if row is None:
                    session.add(
                        WebhookEndpoint(
                            url=hook["url"],
                            events_json=json.dumps(hook["events"]),
                            format=hook["format"],
                            btcpay_sig=hook["btcpay_sig"],
                            secret=hook["secret"],
                            state="active",
                            created_at=at,
                            updated_at=at,
                        )
                    )
                else:
                    row.secret = hook["secret"]
                    row.previous_secret = None
                    row.previous_until = None
                    row.updated_at = at
            if plan.changes:
                audit(
                    session,
                    "config.import",
                    details={
                        "created": opened.header.get("created"),
                        "from_till": (opened.header.get("till") or {}).get("name"),
                        "keys": [c["key"] for c in plan.changes],
                        "unknown": plan.unknown,
                    },
                )
            return plan

        plan = await self.db.run(write)
        self.settings._stored(plan.settings)
        return plan


def plan_dict(plan: Plan, applied: bool) -> dict[str, Any]:
    """The JSON answer of ``config import``."""
    return {
        "changes": plan.changes,
        "applied": applied,
        "unknown": plan.unknown,
        "secrets_skipped": plan.secrets_skipped,
    }
