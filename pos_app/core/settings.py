"""The shop's settings as the faces use them: read, change and list, each in its own transaction.

:mod:`pos_app.core.config` declares the options and works inside a database
session (core code that is already in a transaction uses it directly). The GUI,
the command line and the API call this service instead and never see a session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pos_app import language
from pos_app.core.config import Config, Option
from pos_app.core.store.db import Database


class SettingsService:
    """Settings for the faces.

    Args:
        db: the wallet database.
        config: the option declarations.
        data_dir: where the language choice is also kept (it is needed before unlock).
    """

    def __init__(self, db: Database, config: Config, data_dir: Path | None = None) -> None:
        self.db = db
        self.config = config
        self.data_dir = data_dir

    def _stored(self, values: dict[str, Any]) -> None:
        if self.data_dir is not None and "language" in values:
            language.remember(self.data_dir, str(values["language"]))
        if self.data_dir is not None and "display.theme" in values:
            language.remember_theme(self.data_dir, str(values["display.theme"]))

    @property
    def options(self) -> dict[str, Option]:
        """Every declared option, by key, in declaration order."""
        return self.config.options

    async def get(self, key: str) -> Any:
        """One setting's value (its default when unset); ``config.unknown`` for a bad key."""
        return await self.db.run(lambda s: self.config.get(s, key))

    async def values(self) -> dict[str, Any]:
        """Every setting's value."""
        return await self.db.run(self.config.values)

    async def set(self, key: str, raw: Any) -> Any:
        """Validate and store ``raw`` (text or a JSON value); the stored value.

        Raises:
            ConfigError: ``config.invalid`` with the reason, or ``config.unknown``.
        """
        value = await self.db.run(lambda s: self.config.set(s, key, raw))
        self._stored({key: value})
        return value

    async def set_many(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Store several settings in one transaction: all of them or, on a refusal, none.

        They are checked one by one and together (the rate settings must leave sales
        priceable), so a pair that is only valid together can be changed at once.
        """
        stored = await self.db.run(lambda s: self.config.set_many(s, changes))
        self._stored(stored)
        return stored

    async def unset(self, key: str) -> Any:
        """Back to the default; returns the default."""
        await self.db.run(lambda s: self.config.unset(s, key))
        default = self.config.option(key).default
        self._stored({key: default})
        return default

    async def listing(self) -> list[dict[str, Any]]:
        """Every option with its value and declaration (what ``config list`` prints)."""
        values = await self.values()
        return [
            {
                "key": key,
                "value": values[key],
                "default": opt.default,
                "type": opt.kind,
                "choices": list(opt.choices) or None,
                "group": opt.group,
                "help": opt.help,
            }
            for key, opt in self.options.items()
        ]
