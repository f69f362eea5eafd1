"""Desktop notifications through the system tray, for what needs the owner."""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from pos_app.paths import resources_path
from pos_app.ui.context import UiContext
from pos_app.ui.messages import notification_text

log = logging.getLogger(__name__)

# Only these reach the desktop; the rest stays in the in-app center.
DESKTOP_KINDS = {"needs_review", "mint_offline", "security", "offline_failed"}


class Tray:
    """A tray icon that pops up owner notifications (when the desktop has a tray)."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        self.ui = ui
        self.icon: QSystemTrayIcon | None = None
        self.shown: deque[tuple[str, str]] = deque(maxlen=50)  # the latest (title, body)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(QIcon(str(resources_path("icons", "pos-app.svg"))), parent)
            self.icon.setToolTip(QCoreApplication.translate("Tray", "Cashu point of sale"))
            self.icon.show()
        else:
            log.info("no system tray: desktop notifications stay in the app")
        ui.bridge.notification.connect(self.on_notification)

    def on_notification(self, level: str, title: str, body: str, kind: str, data: object) -> None:
        """Show owner-relevant notifications on the desktop, in the catalogue's words."""
        if kind not in DESKTOP_KINDS and level != "critical":
            return
        title, body = notification_text(title, body, data if isinstance(data, dict) else None, kind)
        self.shown.append((title, body))
        if self.icon is not None:
            icon = (
                QSystemTrayIcon.MessageIcon.Critical
                if level == "critical"
                else QSystemTrayIcon.MessageIcon.Warning
            )
            self.icon.showMessage(title, body, icon, 15000)

    def hide(self) -> None:
        """Remove the icon (on exit)."""
        if self.icon is not None:
            self.icon.hide()
