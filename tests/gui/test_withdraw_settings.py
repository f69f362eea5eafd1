"""The withdrawal settings on the Settings page: the threshold is checked live at the address."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos_app.ui.pages.settings import SettingsPage


@pytest.fixture
def page(ui, qtbot) -> SettingsPage:
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page._loaded)
    return page


def stored(arun, core, key):
    return arun(core.settings.get(key))


def type_into(qtbot, field, text):
    field.editor.clear()
    qtbot.keyClicks(field.editor, text)


def test_a_threshold_below_the_address_minimum_is_refused_under_the_threshold(
    page, ui, arun, qtbot, lnurl_server
):
    lnurl_server.configure("shop", min_sendable=5_000_000)  # 5000 sat
    core = ui.core
    type_into(qtbot, page.field("lightning.address"), lnurl_server.address("shop"))
    page.field("withdraw.auto").editor.setChecked(True)
    threshold = page.field("withdraw.threshold")
    type_into(qtbot, threshold, "1000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not saved" in page.status.text(), timeout=10_000)
    assert threshold.error.isVisible() and "5000 sat or more" in threshold.error.text()
    # The address and the switch are held back with the threshold: nothing half-set.
    assert stored(arun, core, "withdraw.auto") is False
    assert stored(arun, core, "withdraw.threshold") == 10_000
    assert stored(arun, core, "lightning.address") == ""

    type_into(qtbot, threshold, "5000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Saved 3 setting(s).", timeout=10_000)
    assert not threshold.error.isVisible()
    assert stored(arun, core, "withdraw.auto") is True
    assert stored(arun, core, "withdraw.threshold") == 5000


def test_an_address_that_cannot_be_reached_does_not_block_saving(page, ui, arun, qtbot):
    core = ui.core
    type_into(qtbot, page.field("lightning.address"), "shop@127.0.0.1:9")  # nothing listens
    page.field("withdraw.auto").editor.setChecked(True)
    type_into(qtbot, page.field("withdraw.threshold"), "1")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Saved 3 setting(s).", timeout=15_000)
    assert stored(arun, core, "withdraw.threshold") == 1
