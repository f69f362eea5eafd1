"""What every page and dialog of the app gets: the core, the event bridge and run options."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from pos_app.core.errors import PosError, ValidationError
from pos_app.ui.bridge import CoreBridge

if TYPE_CHECKING:
    from pos_app.app import App
    from pos_app.core.training.environment import TrainingEnvironment

log = logging.getLogger(__name__)
T = TypeVar("T")
# The role's words, as the sign-in dialog says them (kept here: the dialog imports this).
ROLE_WORDS = {
    "cashier": QT_TRANSLATE_NOOP("SignInDialog", "a cashier"),
    "manager": QT_TRANSLATE_NOOP("SignInDialog", "a manager"),
    "owner": QT_TRANSLATE_NOOP("SignInDialog", "the owner"),
}


@dataclass
class UiContext:
    """Shared by the pages of one main window.

    Attributes:
        core: the composition root (wallet, sales, config, database).
        bridge: core events as Qt signals.
        camera_override: ``--camera SOURCE`` for this run, else None (use the setting).
        window: the main window (for dialogs' parent and the error banner).
        user: the staff member signed in (None until the shop has staff accounts).
        training_env: training mode's environment (its mint process), else None.
        virtual_camera: while training's customer wallet is open and shown to the till,
            its ``virtual:`` source: scans read it instead of the camera setting.
    """

    core: App
    bridge: CoreBridge
    camera_override: str | None = None
    window: QWidget | None = None
    user: Any = None
    training_env: TrainingEnvironment | None = None
    virtual_camera: str | None = None

    def report(self, err: PosError) -> None:
        """Show ``err`` in the window's banner; only log it when there is no window (tests)."""
        window = self.window
        if window is not None and shiboken6.isValid(window) and hasattr(window, "show_error"):
            window.show_error(err)
        else:
            log.warning("%s: %s", err.code, err.user_message)

    async def allowed(self, needs: str, purpose: str, action: Callable[[], Awaitable[T]]) -> T:
        """Run ``action`` as the signed-in member, or as someone allowed who typed their PIN.

        Without staff accounts, or when the member's role reaches ``needs``, it just runs;
        else someone whose role does types their PIN here and it runs as them, once (no
        one is signed out).

        Raises:
            ValidationError: ``staff.cancelled`` when nobody allowed it (nothing was done).
        """
        from pos_app.core.staff import acting_as, rank
        from pos_app.ui.dialogs.sign_in import ask_pin

        user = self.user
        if user is None or rank(user.role) >= rank(needs):
            return await action()
        member = await ask_pin(self.core.staff, needs=needs, purpose=purpose, parent=self.window)
        if member is None:
            raise ValidationError(
                "staff.cancelled",
                QCoreApplication.translate(
                    "UiContext", "Nothing was done: it needs {who}'s PIN."
                ).format(who=QCoreApplication.translate("SignInDialog", ROLE_WORDS[needs])),
                needs,
            )
        with acting_as(member.name):
            return await action()

    async def setting(self, key: str) -> Any:
        """One setting's current value."""
        return await self.core.settings.get(key)

    async def settings(self) -> dict[str, Any]:
        """Every setting's current value."""
        return await self.core.settings.values()

    async def camera_source(self) -> str:
        """The camera: ``--camera``, else training's customer wallet, else the setting."""
        if self.camera_override is not None:
            return self.camera_override
        if self.virtual_camera is not None:
            return self.virtual_camera
        return str(await self.setting("camera.source"))
