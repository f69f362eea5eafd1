"""The Settings page as the GUI tests open it: at a till's size, its values loaded."""

from __future__ import annotations

from pos_app.ui.context import UiContext
from pos_app.ui.pages.settings import SettingsPage


def show_settings_page(qtbot, ui: UiContext, *, advanced: bool = False) -> SettingsPage:
    """A Settings page, shown and loaded (the advanced section open when asked)."""
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page._loaded)
    if advanced:
        page.show_advanced(True)
    return page
