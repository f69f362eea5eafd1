"""Look and feel: design tokens (colour, type scale, spacing), light and dark, and icons.

Every page and widget takes its look from here: colours by role (:class:`Colors`), text
sizes by role (``QLabel[role="title"]``...), spacing from :data:`SPACE` and icons through
:func:`set_icon`. The scheme is ``system`` (follow the desktop), ``light`` or ``dark``
(the ``display.theme`` setting); :func:`apply` switches it at run time and recolours
every icon that was set through :func:`set_icon`.
"""

from __future__ import annotations

import functools
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

SCHEMES = ("system", "light", "dark")
BASE_POINT_SIZE = 13
TOUCH = 44  # smallest height of anything a finger presses (Apple HIG / Material: 44-48 px)
ICON = 22  # icon size on buttons, px
NAV_ICON = 28


@dataclass(frozen=True, slots=True)
class TypeScale:
    """Text sizes in points, one per role: the few steps every screen uses."""

    caption: int = 11
    body: int = BASE_POINT_SIZE
    body_large: int = 15
    subtitle: int = 17
    title: int = 22
    headline: int = 28
    amount: int = 40
    display: int = 54


@dataclass(frozen=True, slots=True)
class Spacing:
    """Gaps and paddings in px, on a 4 px grid."""

    xs: int = 4
    s: int = 8
    m: int = 12
    l: int = 16  # noqa: E741 - the spacing scale's usual name
    xl: int = 24
    xxl: int = 32
    radius: int = 8  # buttons, fields
    card_radius: int = 12


TYPE = TypeScale()
SPACE = Spacing()


@dataclass(frozen=True, slots=True)
class Colors:
    """Colour tokens of one scheme; state colours keep >= 4.5:1 contrast on ``window``."""

    ok: str
    bad: str
    warn: str
    info: str  # also the primary (brand) colour
    muted: str
    surface: str  # cards, tables, the sidebar's selected item
    text: str
    on_info: str  # text on an info-coloured (primary) background
    window: str  # page background
    sidebar: str
    field: str  # inputs
    border: str
    button: str
    hover: str
    selection: str  # selected rows, the sidebar's current page (tinted primary)


LIGHT = Colors(
    ok="#1b7f3b",
    bad="#b3261e",
    warn="#8a5a00",
    info="#1f5fae",
    muted="#5f6368",
    surface="#ffffff",
    text="#1c1c1e",
    on_info="#ffffff",
    window="#f3f4f6",
    sidebar="#e8eaee",
    field="#ffffff",
    border="#c9cdd4",
    button="#ffffff",
    hover="#eef2f8",
    selection="#dbe7f8",
)
DARK = Colors(
    ok="#5ad27d",
    bad="#ff8a80",
    warn="#ffc857",
    info="#8ab4f8",
    muted="#a8abb0",
    surface="#24262b",
    text="#f2f2f4",
    on_info="#0b1f3a",
    window="#17181b",
    sidebar="#1f2125",
    field="#1c1e22",
    border="#43464d",
    button="#2c2f35",
    hover="#353941",
    selection="#23344f",
)

_state = {"scheme": "system", "system_dark": False}


class _Notifier(QObject):
    changed = Signal()


@functools.cache
def _notifier() -> _Notifier:
    return _Notifier()


def changed() -> SignalInstance:
    """Emitted after the scheme changed: widgets that compute colours redraw with it.

    Connect a bound method of a widget: Qt disconnects it when the widget goes.
    """
    return _notifier().changed


def _hinted_scheme() -> bool | None:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return None


def scheme() -> str:
    """The chosen scheme: ``system``, ``light`` or ``dark``."""
    return _state["scheme"]


def is_dark() -> bool:
    """True when the app is drawn dark (chosen, or the system's choice under ``system``)."""
    chosen = _state["scheme"]
    if chosen != "system":
        return chosen == "dark"
    hinted = _hinted_scheme()
    if hinted is not None:
        return hinted
    return bool(_state["system_dark"])


def colors() -> Colors:
    """The colour tokens of the current scheme."""
    return DARK if is_dark() else LIGHT


def luminance(color: str) -> float:
    """Relative luminance of ``color`` (WCAG 2)."""
    q = QColor(color)

    def linear(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(q.red()) + 0.7152 * linear(q.green()) + 0.0722 * linear(q.blue())


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (body text needs 4.5)."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: str) -> str:
    """White or near-black, whichever reads better on ``background`` (WCAG luminance)."""
    return "#1c1c1e" if luminance(background) > 0.179 else "#ffffff"


def banner_style(level: str, radius: int = SPACE.radius) -> str:
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


# -- icons ---------------------------------------------------------------------------------


def icon(
    name: str, role: str = "text", checked_role: str | None = None, color: str | None = None
) -> QIcon:
    """A Material Design icon (the ``mdi6`` font qtawesome ships) in a token colour.

    Args:
        name: the icon's name without prefix (``cash-register``).
        role: colour token of the icon (``text``, ``info``, ``on_info``, ``ok``...).
        checked_role: colour when the button is checked (the sidebar's current page).
        color: a fixed colour instead of ``role`` (on a surface that ignores the scheme).
    """
    from pos_app.ui.glyphs import glyph_icon

    c = colors()
    color = color or getattr(c, role)
    return glyph_icon(name, color, c.muted, getattr(c, checked_role) if checked_role else None)


def set_icon(
    button: QAbstractButton,
    name: str,
    role: str | None = None,
    size: int = ICON,
    checked_role: str | None = None,
) -> None:
    """Put icon ``name`` on ``button``; :func:`apply` recolours it when the scheme changes.

    Without ``role`` the icon takes the colour of the button's text: ``on_info`` on a
    primary button, ``bad`` on a danger one, else ``text`` (set the button's role first).
    """
    button.setProperty("icon_name", name)
    button.setProperty("icon_role", role or "")
    button.setProperty("icon_checked_role", checked_role or "")
    button.setIcon(icon(name, role or _text_role(button), checked_role))
    button.setIconSize(QSize(size, size))


def _text_role(button: QAbstractButton) -> str:
    return {"primary": "on_info", "danger": "bad"}.get(str(button.property("role") or ""), "text")


def _recolour_icons(app: QApplication) -> None:
    for widget in app.allWidgets():
        name = widget.property("icon_name")
        if name and isinstance(widget, QAbstractButton):
            role = widget.property("icon_role") or _text_role(widget)
            widget.setIcon(icon(name, role, widget.property("icon_checked_role") or None))


# -- application-wide style ------------------------------------------------------------------


def palette(c: Colors) -> QPalette:
    """Qt's palette from the tokens, so unstyled widgets (tables, menus) match too."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.field,
        QPalette.ColorRole.AlternateBase: c.window,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.BrightText: c.bad,
        QPalette.ColorRole.Highlight: c.info,
        QPalette.ColorRole.HighlightedText: c.on_info,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.ToolTipBase: c.surface,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.Link: c.info,
        QPalette.ColorRole.Light: c.surface,
        QPalette.ColorRole.Midlight: c.hover,
        QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Dark: c.border,
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, value in roles.items():
        p.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    return p


def tint(color: str, alpha: float) -> str:
    """``color`` see-through, so text over it keeps the contrast it has on the background."""
    q = QColor(color)
    return f"rgba({q.red()}, {q.green()}, {q.blue()}, {round(alpha * 255)})"


def icon_file(name: str, color: str, size: int = 18) -> str:
    """A PNG of icon ``name`` in ``color``, for stylesheets (they take images by path only)."""
    user = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"pos-app-theme-{user}"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{name}-{color.lstrip('#')}-{size}.png"
    if not path.exists():  # a missing picture leaves the control plain, still usable
        icon(name, color=color).pixmap(size, size).save(str(path))
    return path.as_posix()


def stylesheet(c: Colors) -> str:
    """Application-wide rules: touch-sized controls, cards, roles for text and buttons."""
    t, s = TYPE, SPACE
    check_mark = icon_file("check-bold", c.on_info)
    arrow = icon_file("chevron-down", c.text, 20)
    arrow_off = icon_file("chevron-down", c.muted, 20)
    return f"""
    QWidget {{ color: {c.text}; }}
    QMainWindow, QDialog {{ background: {c.window}; }}
    QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        padding: {s.xs}px {s.s}px; }}
    QMenuBar {{ background: {c.window}; min-height: {TOUCH}px; }}
    QMenuBar::item {{ padding: {s.m}px {s.l}px; }}
    QMenu::item {{ padding: {s.s}px {s.l}px; min-height: {TOUCH - 2 * s.s}px; }}

    QPushButton, QToolButton {{
        min-height: {TOUCH - 2}px; padding: 0px {s.m}px; border-radius: {s.radius}px;
        background: {c.button}; border: 1px solid {c.border}; font-weight: 600;
    }}
    QPushButton:hover, QToolButton:hover {{ background: {c.hover}; }}
    QPushButton:pressed, QToolButton:pressed {{ background: {c.selection}; }}
    QPushButton:disabled, QToolButton:disabled {{ color: {c.muted}; background: {c.window}; }}
    QPushButton:focus {{ border: 2px solid {c.info}; }}
    QPushButton[role="primary"] {{
        background: {c.info}; color: {c.on_info}; border: 1px solid {c.info};
    }}
    QPushButton[role="primary"]:hover {{ border: 2px solid {c.text}; }}
    QPushButton[role="primary"]:disabled {{
        background: {c.border}; color: {c.muted}; border-color: {c.border};
    }}
    QPushButton[role="danger"] {{ color: {c.bad}; border-color: {c.bad}; }}
    QPushButton[role="danger"]:disabled {{ color: {c.muted}; border-color: {c.border}; }}
    QPushButton:checked {{ background: {c.info}; color: {c.on_info}; border-color: {c.info}; }}

    QWidget#sidebar {{ background: {c.sidebar}; }}
    QWidget#sidebar QToolButton {{
        padding: {s.s}px 2px; border: none; border-radius: {s.radius}px;
        background: transparent; font-size: {t.caption + 1}pt; font-weight: 500;
    }}
    QWidget#sidebar QToolButton:hover {{ background: {c.hover}; }}
    QWidget#sidebar QToolButton:checked {{
        background: {c.selection}; color: {c.info}; font-weight: 700;
    }}
    QWidget#sidebar QLabel {{ color: {c.muted}; font-size: {t.caption}pt; }}

    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox {{
        background: {c.field}; border: 1px solid {c.border}; border-radius: {s.radius}px;
        padding: {s.xs}px {s.s}px; selection-background-color: {c.info};
        selection-color: {c.on_info};
    }}
    QLineEdit, QComboBox, QAbstractSpinBox {{ min-height: {TOUCH - 12}px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,
    QAbstractSpinBox:focus {{ border: 2px solid {c.info}; }}
    QLineEdit:disabled, QComboBox:disabled, QAbstractSpinBox:disabled {{
        color: {c.muted}; background: {c.window};
    }}
    QComboBox::drop-down, QDateEdit::drop-down {{ width: {TOUCH - 12}px; border: none; }}
    QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({arrow}); width: 20px; }}
    QComboBox::down-arrow:disabled, QDateEdit::down-arrow:disabled {{ image: url({arrow_off}); }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {TOUCH - 12}px; }}
    QComboBox QAbstractItemView {{
        background: {c.surface}; border: 1px solid {c.border};
        selection-background-color: {c.selection}; selection-color: {c.text};
    }}

    QGroupBox {{
        background: {c.surface}; border: 1px solid {c.border}; border-radius: {s.card_radius}px;
        margin-top: {s.xl + s.m}px; padding: {s.l}px {s.m}px {s.m}px {s.m}px;
        font-size: {t.subtitle}pt; font-weight: 700;
    }}
    QGroupBox::title {{
        subcontrol-origin: margin; subcontrol-position: top left; left: {s.xs}px;
        padding: 0px {s.xs}px; color: {c.text};
    }}

    QTableView, QTableWidget, QListView, QListWidget, QTreeView {{
        background: {c.surface}; alternate-background-color: {c.window};
        border: 1px solid {c.border}; border-radius: {s.radius}px; gridline-color: {c.border};
        selection-background-color: {c.selection}; selection-color: {c.text};
    }}
    QHeaderView {{ background: transparent; border: none; }}
    QHeaderView::section {{
        background: transparent; color: {c.muted}; border: none;
        border-bottom: 1px solid {c.border}; padding: {s.s}px {s.s}px; font-weight: 600;
    }}
    QTableCornerButton::section {{ background: transparent; border: none; }}

    QScrollArea {{ background: transparent; }}
    QScrollBar:vertical {{ background: transparent; width: 12px; margin: 2px; }}
    QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px; }}
    QScrollBar::handle {{ background: {c.border}; border-radius: 4px; min-height: 32px;
        min-width: 32px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}

    QProgressBar {{ background: {c.surface}; border: 1px solid {c.border};
        border-radius: {s.radius}px; text-align: center; min-height: 24px; }}
    QProgressBar::chunk {{ background: {tint(c.info, 0.4)}; border-radius: {s.radius - 1}px; }}
    QCheckBox, QRadioButton {{ min-height: {TOUCH}px; spacing: {s.s + 2}px; }}
    QCheckBox::indicator, QRadioButton::indicator {{
        width: 20px; height: 20px; border: 2px solid {c.muted}; background: {c.field};
    }}
    QCheckBox::indicator {{ border-radius: 5px; }}
    QRadioButton::indicator {{ border-radius: 12px; }}
    QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {c.info}; }}
    QCheckBox::indicator:checked {{
        background: {c.info}; border-color: {c.info}; image: url({check_mark});
    }}
    QRadioButton::indicator:checked {{
        border-color: {c.info};
        background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
            stop: 0 {c.info}, stop: 0.5 {c.info}, stop: 0.6 {c.field}, stop: 1 {c.field});
    }}
    QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
        border-color: {c.border}; background: {c.window};
    }}
    QCheckBox::indicator:checked:disabled {{ background: {c.border}; }}
    QTabBar::tab {{ min-height: {TOUCH - 8}px; padding: 0px {s.l}px; }}

    QLabel {{ background: transparent; }}
    QLabel[role="caption"] {{ font-size: {t.caption}pt; color: {c.muted}; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[role="subtitle"] {{ font-size: {t.subtitle}pt; font-weight: 600; }}
    QLabel[role="title"] {{ font-size: {t.title}pt; font-weight: 700; }}
    QLabel[role="headline"] {{ font-size: {t.headline}pt; font-weight: 700; }}
    QLabel[role="amount"] {{ font-size: {t.amount}pt; font-weight: 700; }}
    QLabel[role="display"] {{ font-size: {t.display}pt; font-weight: 700; }}
    QLabel[role="error"] {{ color: {c.bad}; }}
    QLabel[role="ok"] {{ color: {c.ok}; font-weight: 600; }}
    QLabel[role="warn"] {{ color: {c.warn}; font-weight: 600; }}
    QFrame[role="card"] {{
        background: {c.surface}; border: 1px solid {c.border}; border-radius: {s.card_radius}px;
    }}
    """


def apply(app: QApplication, chosen: str | None = None) -> None:
    """Apply the tokens to ``app`` in scheme ``chosen`` (None: keep the current choice).

    Under ``system`` the app follows the desktop's light/dark, also when it changes.
    """
    if chosen is not None:
        _state["scheme"] = chosen if chosen in SCHEMES else "system"
    if not getattr(app, "_pos_theme_applied", False):
        # Before our own palette replaces it, the platform palette says light or dark
        # where the platform gives no colour-scheme hint.
        _state["system_dark"] = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        app._pos_theme_applied = True  # type: ignore[attr-defined]
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: _restyle(app))
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    _restyle(app)


def _restyle(app: QApplication) -> None:
    c = colors()
    app.setPalette(palette(c))
    app.setStyleSheet(stylesheet(c))
    _recolour_icons(app)
    changed().emit()


def qcolor(name: str) -> QColor:
    """A colour of the current scheme by field name (``ok``, ``bad``...)."""
    return QColor(getattr(colors(), name))
