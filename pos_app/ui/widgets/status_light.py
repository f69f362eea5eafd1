"""A status icon with a word: online, degraded, offline, unknown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.ui import theme

COLOR = {"online": "ok", "degraded": "warn", "offline": "bad"}


def status_text(status: str) -> str:
    """A readable word for a health status, translated."""
    words = {
        "online": QT_TRANSLATE_NOOP("StatusLight", "Online"),
        "degraded": QT_TRANSLATE_NOOP("StatusLight", "Slow"),
        "offline": QT_TRANSLATE_NOOP("StatusLight", "Offline"),
    }
    word = words.get(status, QT_TRANSLATE_NOOP("StatusLight", "Not checked yet"))
    return QCoreApplication.translate("StatusLight", word)


ICONS = {
    "online": "check-circle",
    "degraded": "alert-circle",
    "offline": "close-circle",
}


class StatusLight(QWidget):
    """A status icon and word in the status colour, so colour is never the only signal.

    A tick for online, an exclamation mark for slow, a cross for offline.
    """

    def __init__(self, status: str = "unknown", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.word = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE.s, 0, theme.SPACE.s, 0)
        layout.setSpacing(theme.SPACE.s)
        layout.addWidget(self.icon)
        layout.addWidget(self.word, 1)
        self.set_status(status)
        theme.changed().connect(self._recolour)

    def _recolour(self) -> None:
        self.set_status(self.status)

    def set_status(self, status: str) -> None:
        """Show ``status``."""
        self.status = status
        role = COLOR.get(status, "muted")
        size = theme.ICON
        self.icon.setPixmap(theme.icon(ICONS.get(status, "help-circle-outline"), role).pixmap(size))
        self.word.setText(status_text(status))
        self.word.setStyleSheet(f"color: {getattr(theme.colors(), role)}; font-weight: 600;")

    def text(self) -> str:
        """The status word (as read by a screen reader or a test)."""
        return self.word.text()
