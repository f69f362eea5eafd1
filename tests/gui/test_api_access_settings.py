"""Settings -> API: the red line for plain HTTP on the network, the certificate's
fingerprint, and the addresses blocked after wrong keys, unblocked from the page."""

from __future__ import annotations

import httpx
import pytest

from pos_app.api.app import make_api
from pos_app.api.limits import Guard
from pos_app.api.tls import tls_for
from pos_app.ui import theme
from tests.gui.conftest import screenshots_dir
from tests.support.screens_common import save, themed
from tests.support.settings_page import show_settings_page

pytestmark = pytest.mark.gui


def test_the_red_line_shows_only_for_plain_http_on_the_network(ui, core, qtbot, arun, tmp_path):
    page = show_settings_page(qtbot, ui, advanced=True)
    access = page.api_keys.access
    cases = [  # (settings, red line shown)
        ({"api.enabled": True, "api.listen": "0.0.0.0:8787", "api.tls": "off",
          "api.insecure_http": True}, True),
        ({"api.listen": "127.0.0.1:8787"}, False),  # plain, but this computer only
        ({"api.listen": "192.168.1.20:8787", "api.insecure_http": False}, None),  # refused
        ({"api.tls": "auto"}, False),  # encrypted with the till's certificate
        ({"api.insecure_http": True, "api.listen": "[::]:8787", "api.tls": "off"}, True),
        ({"api.enabled": False}, False),  # nothing is served
    ]  # fmt: skip
    for changes, red in cases:
        arun(core.settings.set_many(changes))
        ui.bridge.settings_saved.emit(changes)  # as the page's Save does
        if red is None:
            qtbot.waitUntil(lambda: "plain HTTP" in access.served.text())
            assert access.served.property("role") == "error" and access.warning.isHidden()
        elif red:
            qtbot.waitUntil(lambda: access.warning.isVisible())
            assert access.warning.property("role") == "error"
            assert "without encryption on the network" in access.warning.text()
            shots = screenshots_dir(tmp_path) / "settings"
            shots.mkdir(parents=True, exist_ok=True)
            with themed("light"):  # the app's stylesheet: the line is drawn in its red
                theme.set_role(access.warning, "error")
                drawn = access.warning.palette().color(access.warning.foregroundRole())
                assert drawn.name().lower() == theme.colors().bad.lower()
                save(access, shots / "settings_api_insecure.png")
        else:
            qtbot.wait(200)
            qtbot.waitUntil(lambda: access.warning.isHidden())
        if changes.get("api.tls") == "auto":
            fingerprint = arun(tls_for(core, arun(core.settings.values()))).fingerprint
            qtbot.waitUntil(lambda fp=fingerprint: fp in access.served.text())
            assert "https://192.168.1.20:8787/api/v1" in access.served.text()


def test_a_blocked_address_is_listed_and_unblocked_from_the_page(ui, core, qtbot, arun, tmp_path):
    guard = Guard(1000, 1000, failures=3, failure_window=60, block_seconds=900)
    api = make_api(core, guard)
    reader = arun(core.api_keys.create("kiosk", ["sales:read"]))["key"]

    async def call(key: str) -> int:
        transport = httpx.ASGITransport(app=api)  # from 127.0.0.1
        async with httpx.AsyncClient(transport=transport, base_url="http://till/api/v1") as c:
            answer = await c.get("/sales", headers={"Authorization": f"Bearer {key}"})
        return answer.status_code

    assert [arun(call("pos_guess")) for _ in range(3)] == [401, 401, 401]
    assert arun(call(reader)) == 429
    page = show_settings_page(qtbot, ui, advanced=True)
    access = page.api_keys.access
    qtbot.waitUntil(lambda: access.table.rowCount() == 1)
    assert access.table.item(0, 0).text() == "127.0.0.1"
    assert access.table.item(0, 2).text() == "3"
    assert access.table.item(0, 1).text()[:4].isdigit()  # the block's end, as a date
    assert not access.unblock_button.isEnabled()
    shots = screenshots_dir(tmp_path) / "settings"
    shots.mkdir(parents=True, exist_ok=True)
    qtbot.waitUntil(lambda: access.isVisible() and access.height() > 0)
    page.api_keys.grab().save(str(shots / "settings_api_blocks.png"))

    access.table.selectRow(0)
    assert access.unblock_button.isEnabled()
    access.unblock_button.click()
    qtbot.waitUntil(lambda: access.table.rowCount() == 0 and access.message.isVisible())
    assert "127.0.0.1 may call the API again" in access.message.text()
    assert arun(call(reader)) == 200  # the running API let it in at once
    entries = arun(core.audit.list())
    assert "api.address_unblocked" in [e["action"] for e in entries]
