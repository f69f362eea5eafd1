"""Settings -> API: make a key with scopes (shown once), see it listed, revoke it; and it works."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtWidgets import QMessageBox

from pos_app.api.app import make_api
from pos_app.ui.pages.settings import SettingsPage
from tests.gui.conftest import screenshots_dir
from tests.support.settings_page import show_settings_page

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ui, qtbot) -> SettingsPage:
    return show_settings_page(qtbot, ui, advanced=True)


def test_a_key_made_on_the_page_works_until_revoked_there(page, core, qtbot, arun, tmp_path):
    panel = page.api_keys
    assert "field-api.enabled" in {f.objectName() for f in page.fields.values()}
    panel.name.setText("web shop")
    panel.create_button.click()  # no scope ticked: the core's reason is shown
    qtbot.waitUntil(panel.message.isVisible)
    assert "scopes" in panel.message.text() and panel.table.rowCount() == 0

    panel.scopes["sales:read"].setChecked(True)
    panel.expires.setText("2099-01-31")
    panel.create_button.click()
    qtbot.waitUntil(lambda: panel.key_box.isVisible() and panel.table.rowCount() == 1)
    key = panel.key.text()
    assert key.startswith("pos_") and "not shown again" in panel.message.text()
    assert panel.table.item(0, 0).text() == "web shop"
    assert panel.table.item(0, 1).text() == "sales:read"
    assert key.startswith(panel.table.item(0, 2).text().rstrip("…"))
    assert panel.table.item(0, 4).text() == "active until 2099-01-31"
    shots = screenshots_dir(tmp_path) / "settings"
    shots.mkdir(parents=True, exist_ok=True)
    page.api_keys.grab().save(str(shots / "settings_api_keys.png"))

    async def call() -> int:
        transport = httpx.ASGITransport(app=make_api(core))
        async with httpx.AsyncClient(transport=transport, base_url="http://till/api/v1") as c:
            answer = await c.get("/sales", headers={"Authorization": f"Bearer {key}"})
        return answer.status_code

    assert arun(call()) == 200
    page.activated()  # leaving and coming back: the key is not shown any more
    qtbot.waitUntil(lambda: not panel.key_box.isVisible())
    assert panel.key.text() == ""

    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    panel.table.selectRow(0)
    box = panel.ask_revoke()
    assert box is not None and "web shop" in box.text()
    revoke = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    revoke.click()
    qtbot.waitUntil(lambda: panel.table.item(0, 4).text().startswith("revoked"))
    assert not panel.revoke_button.isEnabled()
    assert arun(call()) == 401
