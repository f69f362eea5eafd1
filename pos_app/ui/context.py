"""What every page and dialog of the app gets: the core, the event bridge and run options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from pos_app.ui.bridge import CoreBridge

if TYPE_CHECKING:
    from pos_app.app import App


@dataclass
class UiContext:
    """Shared by the pages of one main window.

    Attributes:
        core: the composition root (wallet, sales, config, database).
        bridge: core events as Qt signals.
        camera_override: ``--camera SOURCE`` for this run, else None (use the setting).
        window: the main window (for dialogs' parent and the error banner).
        extras: room for services added later (health monitor, notifications).
    """

    core: App
    bridge: CoreBridge
    camera_override: str | None = None
    window: QWidget | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    async def setting(self, key: str) -> Any:
        """One setting's current value."""
        return await self.core.db.run(lambda s: self.core.config.get(s, key))

    async def settings(self) -> dict[str, Any]:
        """Every setting's current value."""
        return await self.core.db.run(self.core.config.values)

    async def camera_source(self) -> str:
        """The camera for this run: ``--camera`` if given, else the ``camera.source`` setting."""
        if self.camera_override is not None:
            return self.camera_override
        return str(await self.setting("camera.source"))
