"""The theme's colour tokens: readable text in both schemes (WCAG AA), and the scales."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from pos_app.ui import theme
from tests.support.screens_common import themed

# (text token, background token): every pair the stylesheet and the widgets draw.
PAIRS = [
    (fg, bg)
    for fg in ("text", "muted", "ok", "bad", "warn", "info")
    for bg in ("window", "surface", "field")
] + [
    ("text", "sidebar"),
    ("muted", "sidebar"),
    ("info", "selection"),  # the sidebar's current page
    ("text", "selection"),  # selected table rows
    ("text", "button"),
    ("text", "hover"),
    ("on_info", "info"),  # primary buttons
]


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_text_tokens_meet_wcag_aa(scheme, fg, bg):
    ratio = theme.contrast(getattr(scheme, fg), getattr(scheme, bg))
    assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}"


def test_contrast_known_values():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.text_on("#ffc857") == "#1c1c1e" and theme.text_on("#1f5fae") == "#ffffff"


def test_scales_grow_and_targets_are_touch_sized():
    sizes = [
        theme.TYPE.caption,
        theme.TYPE.body,
        theme.TYPE.body_large,
        theme.TYPE.subtitle,
        theme.TYPE.title,
        theme.TYPE.headline,
        theme.TYPE.amount,
        theme.TYPE.display,
    ]
    assert sizes == sorted(set(sizes))
    steps = [theme.SPACE.xs, theme.SPACE.s, theme.SPACE.m, theme.SPACE.l, theme.SPACE.xl]
    assert steps == sorted(steps) and all(step % 4 == 0 for step in steps)
    assert theme.TOUCH >= 44
    sheet = theme.stylesheet(theme.LIGHT)
    assert f"min-height: {theme.TOUCH - 2}px" in sheet  # buttons: 42 + 2 px border = 44


def test_scheme_choice_overrides_the_system(qapp):
    with themed("dark"):
        assert theme.is_dark() and theme.colors() is theme.DARK
        assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(theme.DARK.window)
    with themed("light"):
        assert not theme.is_dark() and theme.colors() is theme.LIGHT
    with themed("no such scheme"):
        assert theme.scheme() == "system"
