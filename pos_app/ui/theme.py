"""Look and feel: Fusion style, large readable type, colours that follow the system's light/dark."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

BASE_POINT_SIZE = 13


@dataclass(frozen=True, slots=True)
class Colors:
    """State colours, chosen for contrast on the current background."""

    ok: str
    bad: str
    warn: str
    info: str
    muted: str
    surface: str
    text: str
    on_info: str  # text on an info-coloured (primary) background


LIGHT = Colors(
    "#1b7f3b", "#b3261e", "#8a5a00", "#1f5fae", "#5f6368", "#f4f5f7", "#1c1c1e", "#ffffff"
)
DARK = Colors(
    "#5ad27d", "#ff8a80", "#ffc857", "#8ab4f8", "#a8abb0", "#2a2c31", "#f2f2f4", "#0b1f3a"
)


def is_dark() -> bool:
    """True when the system (or the palette) is in dark mode."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors() -> Colors:
    """The state colours for the current scheme."""
    return DARK if is_dark() else LIGHT


def text_on(background: str) -> str:
    """White or near-black, whichever reads better on ``background`` (WCAG luminance)."""
    color = QColor(background)

    def linear(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(v) for v in (color.red(), color.green(), color.blue()))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#1c1c1e" if luminance > 0.179 else "#ffffff"


def banner_style(level: str, radius: int = 6) -> str:
    """Stylesheet of a filled notice in the colour of ``level`` (info, ok, warn, bad)."""
    c = colors()
    background = getattr(c, level, c.info)
    return (
        f"background: {background}; color: {text_on(background)}; font-weight: 600; "
        f"border-radius: {radius}px;"
    )


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` a stylesheet role (``error``, ``muted``, ``ok``, ``warn``, "") now."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def stylesheet(c: Colors) -> str:
    """Application-wide rules: big touch targets, roles for primary and danger buttons."""
    return f"""
    QPushButton, QToolButton {{ min-height: 44px; padding: 6px 14px; }}
    QPushButton[role="primary"] {{
        background: {c.info}; color: {c.on_info}; font-weight: 600; border-radius: 6px;
    }}
    QPushButton[role="primary"]:disabled {{ background: {c.muted}; }}
    QPushButton[role="danger"] {{ color: {c.bad}; }}
    QPushButton[role="danger"]:disabled {{ color: {c.muted}; }}
    QPushButton:checked {{
        background: {c.info}; color: {c.on_info}; font-weight: 600; border-radius: 6px;
    }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[role="title"] {{ font-size: 20pt; font-weight: 600; }}
    QLabel[role="amount"] {{ font-size: 40pt; font-weight: 700; }}
    QLabel[role="error"] {{ color: {c.bad}; }}
    QLabel[role="ok"] {{ color: {c.ok}; font-weight: 600; }}
    QLabel[role="warn"] {{ color: {c.warn}; font-weight: 600; }}
    QFrame[role="card"] {{ background: {c.surface}; border-radius: 10px; }}
    """


def apply(app: QApplication) -> None:
    """Apply the style now and again whenever the system switches light/dark."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(stylesheet(colors()))
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _scheme: app.setStyleSheet(stylesheet(colors())))


def qcolor(name: str) -> QColor:
    """A colour of the current scheme by field name (``ok``, ``bad``...)."""
    return QColor(getattr(colors(), name))
