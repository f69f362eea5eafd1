"""Icons from the mdi6 font without qtawesome: the same pixels, the colour per mode and state."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QColor, QIcon

from pos_app.ui.glyphs import glyph_icon, has_icon

M, S = QIcon.Mode, QIcon.State


def inked(icon: QIcon, mode: QIcon.Mode = M.Normal, state: QIcon.State = S.Off) -> set[str]:
    image = icon.pixmap(24, 24, mode, state).toImage()
    return {
        QColor(image.pixelColor(x, y)).name()
        for y in range(24)
        for x in range(24)
        if image.pixelColor(x, y).alpha() == 255
    }


@pytest.mark.parametrize("name", ["cash-register", "undo", "bell-outline", "shield-check-outline"])
def test_the_same_pixels_as_qtawesome(qapp, name):
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome  # the reference: the library this module replaces at start

    for size in (16, 24, 32):
        for mode in (M.Normal, M.Disabled):
            ours = glyph_icon(name, "#112233", "#999999").pixmap(size, size, mode).toImage()
            theirs = (
                qtawesome.icon(f"mdi6.{name}", color="#112233", color_disabled="#999999")
                .pixmap(size, size, mode)
                .toImage()
            )
            assert ours == theirs, (name, size, mode)


def test_colour_by_mode_and_state(qapp):
    icon = glyph_icon("bell-outline", "#112233", "#999999", "#ff0000")
    assert inked(icon) == {"#112233"}
    assert inked(icon, M.Active) == {"#112233"}  # hover keeps the colour
    assert inked(icon, M.Disabled) == {"#999999"}
    assert inked(icon, M.Normal, S.On) == {"#ff0000"}


def test_unknown_names(qapp):
    assert has_icon("cash-register") and not has_icon("no-such-icon")
    with pytest.raises(KeyError):
        glyph_icon("no-such-icon", "#000000", "#999999")
