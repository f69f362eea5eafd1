"""What every page and dialog of the app gets: the core, the event bridge and run options."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtWidgets import QWidget

from pos_app.core.errors import PosError
from pos_app.ui.bridge import CoreBridge

if TYPE_CHECKING:
    from pos_app.app import App

log = logging.getLogger(__name__)


@dataclass
class UiContext:
    """Shared by the pages of one main window.

    Attributes:
        core: the composition root (wallet, sales, config, database).
        bridge: core events as Qt signals.
        camera_override: ``--camera SOURCE`` for this run, else None (use the setting).
        window: the main window (for dialogs' parent and the error banner).
        user: the staff member signed in (None until the shop has staff accounts).
    """

    core: App
    bridge: CoreBridge
    camera_override: str | None = None
    window: QWidget | None = None
    user: Any = None

    def report(self, err: PosError) -> None:
        """Show ``err`` in the window's banner; only log it when there is no window (tests)."""
        window = self.window
        if window is not None and shiboken6.isValid(window) and hasattr(window, "show_error"):
            window.show_error(err)
        else:
            log.warning("%s: %s", err.code, err.user_message)

    async def setting(self, key: str) -> Any:
        """One setting's current value."""
        return await self.core.settings.get(key)

    async def settings(self) -> dict[str, Any]:
        """Every setting's current value."""
        return await self.core.settings.values()

    async def camera_source(self) -> str:
        """The camera for this run: ``--camera`` if given, else the ``camera.source`` setting."""
        if self.camera_override is not None:
            return self.camera_override
        return str(await self.setting("camera.source"))
