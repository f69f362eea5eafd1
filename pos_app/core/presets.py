"""Presets: a set of settings a kind of shop starts from, shown as changes before applying.

A preset names only the settings it is about; applying it changes those (all or none,
validated like any change, audited as ``settings.changed`` with the preset named) and
leaves the rest. Keys a preset names that this version does not know are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from pos_app.core.config import QT_TRANSLATE_NOOP, Config
from pos_app.core.errors import ValidationError
from pos_app.core.store.db import Database
from pos_app.core.wallet import journal


@dataclass(frozen=True, slots=True)
class Preset:
    """A named set of settings."""

    name: str
    title: str
    description: str
    settings: dict[str, Any]


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "cafe",
            QT_TRANSLATE_NOOP("Presets", "Cafe"),
            QT_TRANSLATE_NOOP(
                "Presets",
                "Quick sales at a counter: a short price hold, tips offered, the mint's own "
                "ecash only.",
            ),
            {
                "mode": "trusted_only",
                "sale.expiry_seconds": 300,
                "tips.enabled": True,
                "offline.enabled": False,
            },
        ),
        Preset(
            "market",
            QT_TRANSLATE_NOOP("Presets", "Market stall"),
            QT_TRANSLATE_NOOP(
                "Presets",
                "Outdoors with a weak connection: tokens made out to the shop are taken while "
                "a mint is unreachable, within small caps; a longer price hold.",
            ),
            {
                "mode": "trusted_only",
                "offline.enabled": True,
                "offline.max_per_sale": 20_000,
                "offline.max_per_day": 100_000,
                "sale.expiry_seconds": 900,
            },
        ),
        Preset(
            "online",
            QT_TRANSLATE_NOOP("Presets", "Shop with an online store"),
            QT_TRANSLATE_NOOP(
                "Presets",
                "Ecash from other mints converted into the shop's, payouts to the Lightning "
                "address on the timer, and webhooks to the shop's own network.",
            ),
            {
                "mode": "trusted_only",
                "mints.convert_untrusted": True,
                "withdraw.auto": True,
                "webhooks.allow_private": True,
            },
        ),
        Preset(
            "minimal",
            QT_TRANSLATE_NOOP("Presets", "Minimal"),
            QT_TRANSLATE_NOOP(
                "Presets",
                "Ecash of the shop's own mints only, nothing automatic: no conversion, no "
                "offline acceptance, no automatic payouts.",
            ),
            {
                "mode": "trusted_only",
                "mints.convert_untrusted": False,
                "offline.enabled": False,
                "withdraw.auto": False,
                "tips.enabled": False,
            },
        ),
    )
}


class Presets:
    """Preview and apply presets to one wallet's settings."""

    def __init__(self, db: Database, config: Config) -> None:
        self.db = db
        self.config = config

    def _preset(self, name: str) -> Preset:
        if name not in PRESETS:
            raise ValidationError(
                "preset.unknown",
                f"There is no preset {name!r}; the presets are {', '.join(PRESETS)}.",
                name,
            )
        return PRESETS[name]

    def _known(self, preset: Preset) -> dict[str, Any]:
        return {k: v for k, v in preset.settings.items() if k in self.config.options}

    def _changes(self, session: Session, preset: Preset) -> list[dict[str, Any]]:
        wanted = self._known(preset)
        current = self.config.values(session, wanted)
        return [
            {"key": key, "old": current[key], "new": self.config.option(key).parse(value)}
            for key, value in wanted.items()
            if current[key] != self.config.option(key).parse(value)
        ]

    async def preview(self, name: str) -> list[dict[str, Any]]:
        """What applying ``name`` would change: ``{"key", "old", "new"}`` each."""
        preset = self._preset(name)
        return await self.db.run(lambda s: self._changes(s, preset))

    async def apply(self, name: str) -> list[dict[str, Any]]:
        """Apply ``name`` in one transaction; the changes made (as :meth:`preview`)."""
        preset = self._preset(name)

        def write(session: Session) -> list[dict[str, Any]]:
            changes = self._changes(session, preset)
            if changes:
                self.config.set_many(session, {c["key"]: c["new"] for c in changes})
                journal.audit(
                    session, "settings.preset", name, {"keys": [c["key"] for c in changes]}
                )
            return changes

        return await self.db.run(write)

    @staticmethod
    def available() -> list[Preset]:
        """Every preset, in the order shown."""
        return list(PRESETS.values())
