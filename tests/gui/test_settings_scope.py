"""The Settings page says which settings are this till's and which the whole shop's.

Only where the till shares the shop's database: a till on its own file has one till and
its page stays as it was. The shared store is the till's own file with a till id on its
sessions here (what a shared till's Database does); the PostgreSQL side is
tests/integration/test_till_settings.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from pos_app.core.config import OPTIONS, TILL
from pos_app.core.store.schema import Setting, Till, TillSetting
from tests.support.settings_page import show_settings_page


def test_a_till_on_its_own_file_shows_no_scope(ui, qtbot):
    page = show_settings_page(qtbot, ui)
    assert page.scope_labels == {}
    assert not page.findChildren(QLabel, "scope-camera.source")


def test_on_a_shared_store_each_setting_says_how_far_it_reaches(ui, core, qtbot):
    core.db.transact(lambda s: s.add(Till(id="t-1", name="Counter 1")))
    core.db.stamp_till("t-1")
    page = show_settings_page(qtbot, ui)
    assert set(page.scope_labels) == set(page.fields) == set(OPTIONS)
    for key, label in page.scope_labels.items():
        expected = "This till only" if OPTIONS[key].scope == TILL else "All tills"
        assert label.text() == expected, key
    assert page.scope_labels["camera.source"].isVisible()
    assert page.scope_labels["currency"].text() == "All tills"
    assert page.scope_labels["receipt.printer"].text() == "This till only"

    # Saved as this till's own: the shop-wide row stays as it was.
    page.field("display.kiosk").set_value(True)
    page.save()
    qtbot.waitUntil(lambda: not page._saving and not page.dirty)
    own = core.db.transact(lambda s: s.get(TillSetting, ("t-1", "display.kiosk")))
    assert own is not None and own.value_json == "true"
    assert core.db.transact(lambda s: s.get(Setting, "display.kiosk")) is None
