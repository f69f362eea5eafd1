"""The main window: navigation, notification center and tray, mint health page."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt

from pos_app.core.events import Notification
from pos_app.ui.main_window import MainWindow
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.pages.health import HealthPage
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.pages.wallet import WalletPage
from pos_app.ui.tasks import running_tasks
from pos_app.ui.widgets.status_light import StatusLight
from tests.gui.conftest import screenshots_dir

pytestmark = [pytest.mark.gui, pytest.mark.mint]


@pytest.fixture
def window(ui, qtbot, qloop, arun, mint):
    arun(ui.core.mints.add(mint.url))
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_function_keys_switch_pages(window, qtbot):
    expected = [SellPage, ActivityPage, WalletPage, SettingsPage, HealthPage]
    for key, kind in zip(
        (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5),
        expected,
        strict=True,
    ):
        qtbot.keyClick(window, key)
        assert isinstance(window.stack.currentWidget(), kind)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert isinstance(window.stack.currentWidget(), SellPage)


def test_notifications_are_counted_shown_and_read(window, ui, qtbot, tmp_path):
    ui.core.bus.publish(
        Notification(
            "warning",
            "An operation needs review",
            "A receive could not be finished.",
            kind="needs_review",
        )
    )
    ui.core.bus.publish(Notification("info", "Rates", "Using the fixed rate.", kind="rates"))
    qtbot.waitUntil(lambda: window.unread == 2, timeout=5000)
    assert "● 2" in window.bell.text()
    assert window.banner.isVisible() and "Rates" in window.banner.text()
    # Only what needs the owner reaches the desktop.
    assert list(window.tray.shown) == [("Needs attention", "A receive could not be finished.")]

    window.open_notifications()
    dialog = window.notifications_dialog
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=5000)
    assert "Needs attention" in dialog.list.item(1).text()
    dialog.grab().save(str(screenshots_dir(tmp_path) / "notifications.png"))
    qtbot.mouseClick(dialog.mark, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.unread == 0, timeout=5000)
    assert window.bell.text() == "Notifications"
    dialog.close()


def test_health_page_shows_each_trusted_mint(window, qtbot, tmp_path):
    page = window.page(HealthPage)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.rows) and page.rows[0]["status"] == "online", timeout=10_000)
    light = page.table.cellWidget(0, 1)
    assert isinstance(light, StatusLight) and light.status == "online"
    assert page.table.item(0, 3).text().endswith("ms")
    assert "All trusted mints answer" in page.summary.text()
    window.grab().save(str(screenshots_dir(tmp_path) / "health.png"))


def test_health_page_reacts_to_an_offline_mint(ui, qtbot, qloop, arun, make_mint, tmp_path):
    mint = make_mint()
    arun(ui.core.mints.add(mint.url))
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    page = win.page(HealthPage)
    win.show_page(4)
    mint.stop()
    arun(ui.core.services.health.check_all())
    qtbot.waitUntil(lambda: bool(page.rows) and page.rows[0]["status"] == "offline", timeout=10_000)
    assert "offline" in page.summary.text()
    win.grab().save(str(screenshots_dir(tmp_path) / "health-offline.png"))
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_waiting_for_a_window_closed_already_ends_at_once(ui, qtbot, arun):
    # A SIGTERM can close the window between its show() and the wait (the closed
    # signal then has no listener): the wait must not last for ever.
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    win.quit(confirm=False)
    arun(win.wait_closed(), timeout=2_000)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_a_window_closing_later_ends_the_wait(ui, qtbot, arun):
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    waiting = asyncio.ensure_future(win.wait_closed())
    qtbot.wait(50)
    assert not waiting.done()
    win.quit(confirm=False)
    qtbot.waitUntil(waiting.done, timeout=2_000)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
