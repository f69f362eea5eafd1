"""Icons drawn from the Material Design Icons font that qtawesome ships, without qtawesome.

qtawesome's import costs about 0.2 s of every start: qtpy adapts every Qt enum, and the
first icon loads the charmaps of all ten of its fonts. The app uses one font (mdi6), so
this module registers that font file alone and draws a glyph as qtawesome's default
text drawing does (the glyph 7/8 of the icon's height, centred), in a colour per mode
and state. The font files stay qtawesome's (its package folder, or the bundle's copy).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

FONT_GLOB = "materialdesignicons6-webfont-*"


class IconFontMissing(RuntimeError):
    """The icon font or its charmap is not where qtawesome keeps them."""


def font_dir() -> Path:
    """The ``fonts`` folder of qtawesome: in the bundle, or beside the installed package."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "qtawesome" / "fonts"
    spec = importlib.util.find_spec("qtawesome")  # finds it without running its import
    if spec is None or not spec.submodule_search_locations:
        raise IconFontMissing("qtawesome is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@functools.cache
def _font() -> tuple[str, dict[str, str]]:
    """The registered family name and the charmap (icon name -> character)."""
    folder = font_dir()
    ttf = sorted(folder.glob(FONT_GLOB + ".ttf"))
    charmap = sorted(folder.glob(FONT_GLOB.replace("webfont-", "webfont-charmap-") + ".json"))
    if not ttf or not charmap:
        raise IconFontMissing(f"no mdi6 font in {folder}")
    font_id = QFontDatabase.addApplicationFont(str(ttf[-1]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise IconFontMissing(f"Qt could not load {ttf[-1]}")
    codes = json.loads(charmap[-1].read_text(encoding="utf-8"))
    return families[0], {name: chr(int(code, 16)) for name, code in codes.items()}


def has_icon(name: str) -> bool:
    """True when the font has a glyph called ``name`` (``cash-register``)."""
    return name in _font()[1]


class _GlyphEngine(QIconEngine):
    def __init__(self, char: str, colors: dict[tuple[QIcon.Mode, QIcon.State], QColor]) -> None:
        super().__init__()
        self.char = char
        self.colors = colors

    def _color(self, mode: QIcon.Mode, state: QIcon.State) -> QColor:
        if mode == QIcon.Mode.Disabled:
            return self.colors[(QIcon.Mode.Disabled, QIcon.State.Off)]
        return self.colors.get((mode, state)) or self.colors[(QIcon.Mode.Normal, state)]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        font = QFont(_font()[0])
        font.setPixelSize(max(1, round(0.875 * rect.height())))  # room for the bearings
        painter.setFont(font)
        painter.setPen(self._color(mode, state))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QPixmap(size)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return image

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self.char, dict(self.colors))


def glyph_icon(name: str, color: str, disabled: str, checked: str | None = None) -> QIcon:
    """Icon ``name`` in ``color``; ``disabled`` when disabled; ``checked`` when on.

    Raises:
        IconFontMissing: the font files are missing; KeyError: no icon of that name.
    """
    char = _font()[1][name]
    on = QColor(checked or color)
    colors = {
        (QIcon.Mode.Normal, QIcon.State.Off): QColor(color),
        (QIcon.Mode.Normal, QIcon.State.On): on,
        (QIcon.Mode.Active, QIcon.State.On): on,
        (QIcon.Mode.Disabled, QIcon.State.Off): QColor(disabled),
    }
    return QIcon(_GlyphEngine(char, colors))
