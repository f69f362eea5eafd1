"""A coloured dot with a word: online, degraded, offline, unknown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

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


class StatusLight(QLabel):
    """``● Online`` in the status colour (so colour is never the only signal)."""

    def __init__(self, status: str = "unknown", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_status(status)

    def set_status(self, status: str) -> None:
        """Show ``status``."""
        self.status = status
        color = getattr(theme.colors(), COLOR.get(status, "muted"))
        self.setText(f'<span style="color:{color}; font-size:18pt">●</span> {status_text(status)}')
