"""The shop's settings as the faces use them: read, change and list, each in its own transaction.

:mod:`pos_app.core.config` declares the options and works inside a database
session (core code that is already in a transaction uses it directly). The GUI,
the command line and the API call this service instead and never see a session.

On a shop's shared database a till option (``Option.scope``) read or changed here is this
till's own; a shop option is every till's. :attr:`SettingsService.shared` tells the faces
when to say so.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

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
        if self.data_dir is not None and self.shared and "till.name" in values:
            # storage.json names the till before the database opens (the window's title).
            from pos_app.core.store.storage import read_storage, write_storage

            kept = read_storage(self.data_dir)
            write_storage(self.data_dir, replace(kept, till_name=str(values["till.name"])))

    @property
    def shared(self) -> bool:
        """True on a shop's shared database, where till and shop options differ in reach."""
        return self.db.till_id is not None

    def scope(self, key: str) -> str:
        """``shop`` or ``till`` (``config.unknown_key`` for a bad key)."""
        return self.config.option(key).scope

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
        """Back to the default; returns the value now read.

        For a till option on a shared store that is the shop-wide value where there is one
        (:meth:`Config.unset`), else the default.
        """

        def unset(session: Session) -> Any:
            self.config.unset(session, key)
            return self.config.get(session, key)

        value = await self.db.run(unset)
        self._stored({key: value})
        return value

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
                "scope": opt.scope,
            }
            for key, opt in self.options.items()
        ]
