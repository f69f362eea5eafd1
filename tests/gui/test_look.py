"""The window's look: it fits the screen, dialogs open over the page area, touch-sized
buttons, kiosk and light/dark settings, no scan guide without a camera picture, and the
main window's screenshots in both themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from pos_app.ui import theme
from pos_app.ui.main_window import SMALLEST_SCREEN, MainWindow, wrappable
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import running_tasks
from pos_app.ui.widgets.camera_view import GUIDE_COLOR, CameraView
from tests.gui.conftest import screenshots_dir
from tests.support.screens_common import pump, themed
from tests.support.screens_window import LONG_MESSAGE, screenshot_states

pytestmark = [pytest.mark.gui]


@pytest.fixture
def window(ui, qtbot, qloop):
    with themed("light"):
        win = MainWindow(ui)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
        yield win
        win.close()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_window_opens_no_larger_than_the_screen_and_fits_a_small_till(window):
    area = window.available()
    expected = QSize(min(area.width(), 1440), min(area.height(), 900))
    # The offscreen screen (800 px wide) is smaller than any page's minimum: the window
    # asks for its minimum there, and only there.
    minimum = window.minimumSizeHint()
    assert window.width() == max(expected.width(), minimum.width())
    assert window.height() == max(expected.height(), minimum.height())
    assert minimum.width() <= SMALLEST_SCREEN.width(), minimum
    assert minimum.height() <= SMALLEST_SCREEN.height(), minimum


def test_a_long_message_wraps_instead_of_widening_the_window(window, qtbot):
    window.resize(SMALLEST_SCREEN)
    pump(0.1)
    before = window.size()
    window.show_info(LONG_MESSAGE, "bad")
    pump(0.2)
    assert window.banner.isVisible()
    assert window.size() == before
    assert window.banner.width() < before.width()
    # Cut to a readable length; the whole message is in the tooltip.
    assert window.banner.text().endswith("…") and window.banner.toolTip() == LONG_MESSAGE


def test_wrappable_breaks_long_words_only():
    assert wrappable("Mint offline: retry later") == "Mint offline: retry later"
    broken = wrappable("token " + "a" * 40)
    assert broken.startswith("token ") and "\u200b" in broken
    assert broken.replace("\u200b", "") == "token " + "a" * 40


def test_dialogs_open_over_the_page_area_not_the_sidebar(window, qtbot):
    window.resize(1280, 800)
    window.move(0, 0)
    pump(0.1)
    # A small dialog of a page: centred on the page area, clear of the sidebar.
    dialog = QDialog(window.pages[1])
    dialog.resize(160, 120)  # fits right of the sidebar on the 800 px offscreen screen
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    stack = window.stack
    middle = stack.mapToGlobal(stack.rect().center())
    sidebar = window.findChild(QWidget, "sidebar")
    edge = sidebar.mapToGlobal(sidebar.rect().topRight()).x()
    frame = dialog.frameGeometry()
    assert abs(frame.center().x() - middle.x()) <= 2 and abs(frame.center().y() - middle.y()) <= 2
    assert frame.left() > edge
    dialog.close()
    # A dialog wider than the room left on the (800 px) screen stays on the screen.
    window.open_notifications()
    notifications = window.notifications_dialog
    qtbot.waitUntil(notifications.isVisible, timeout=5000)
    assert window.available().contains(notifications.frameGeometry())
    notifications.close()


def test_every_button_on_the_main_pages_is_touch_sized(window):
    window.resize(1280, 800)
    for index in range(len(window.pages)):
        window.show_page(index)
        pump(0.2)
        small = []
        for button in window.findChildren(QAbstractButton):
            if button.objectName() in ("qt_tableview_cornerbutton", "qt_menubar_ext_button"):
                continue  # the table's corner and the menu bar's overflow: Qt's, not controls
            # Hidden buttons (another page, a later payment state) have no laid-out
            # height yet: their size hint is what they get.
            visible = button.isVisibleTo(window)
            height = button.height() if visible else button.sizeHint().height()
            if height < theme.TOUCH:
                small.append((type(button).__name__, button.text(), button.objectName(), height))
        assert not small, f"page {index}: {small}"
    assert window.menuBar().height() >= theme.TOUCH  # the App menu (Quit) is pressed too


def test_kiosk_and_theme_settings_apply_when_saved(window, ui, qtbot, arun):
    assert not window.kiosk and not theme.is_dark()
    nav = window.findChild(QAbstractButton, "nav-SellPage")
    light_icon = nav.icon().cacheKey()

    def store(values):
        def write(session):
            return {key: ui.core.config.set(session, key, value) for key, value in values.items()}

        return arun(ui.core.db.run(write))

    ui.bridge.settings_saved.emit(store({"display.kiosk": True, "display.theme": "dark"}))
    qtbot.waitUntil(lambda: window.kiosk and theme.is_dark(), timeout=5000)
    assert window.isFullScreen()
    assert nav.icon().cacheKey() != light_icon  # icons were redrawn in the dark colours
    # Colours computed by widgets follow too (the empty amount is drawn muted).
    assert theme.DARK.muted in window.pages[0].keypad.amount_label.styleSheet()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert QApplication.instance().palette().color(
        QApplication.instance().palette().ColorRole.Window
    ) == QColor(theme.DARK.window)
    ui.bridge.settings_saved.emit(store({"display.kiosk": False, "display.theme": "light"}))
    qtbot.waitUntil(lambda: not window.kiosk and not theme.is_dark(), timeout=5000)
    assert not window.isFullScreen()
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.width() <= max(window.available().width(), window.minimumSizeHint().width())


def _has_guide(view: CameraView) -> bool:
    image = view.grab().toImage()
    guide = QColor(GUIDE_COLOR)
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - guide.red()) < 12
                and abs(pixel.green() - guide.green()) < 12
                and abs(pixel.blue() - guide.blue()) < 12
            ):
                return True
    return False


def test_scan_guide_only_over_a_camera_picture_screenshot(qtbot, tmp_path):
    view = CameraView()
    qtbot.addWidget(view)
    view.resize(480, 270)
    view.set_placeholder(
        "Camera not available: no camera found\nPaste the token instead.", "camera-off-outline"
    )
    assert not _has_guide(view)
    out = screenshots_dir(tmp_path) / "window"
    out.mkdir(parents=True, exist_ok=True)
    assert view.grab().save(str(out / "camera-missing.png"))
    picture = QImage(640, 360, QImage.Format.Format_RGB32)
    picture.fill(QColor("#808080"))
    view.set_frame(picture)
    assert _has_guide(view)


@pytest.mark.mint
def test_screenshots_main_window(ui, qtbot, qloop, arun, mint, tmp_path):
    arun(ui.core.mints.add(mint.url))
    arun(ui.core.services.health.check_all())  # so the Mints page has a row to show
    shots = screenshot_states(ui, screenshots_dir(tmp_path) / "window")
    names = {p.name for p in shots}
    for scheme in ("light", "dark"):
        for state in ("sell", "activity", "wallet", "settings", "health", "notifications"):
            assert f"window-{scheme}-{state}.png" in names
    assert all(p.stat().st_size > 5000 for p in shots)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_times_on_screen_follow_the_shops_time_zone_when_saved(window, ui, qtbot, arun):
    def store(values):
        def write(session):
            return {key: ui.core.config.set(session, key, value) for key, value in values.items()}

        return arun(ui.core.db.run(write))

    noon_utc = 1_767_268_800  # 2026-01-01 12:00 UTC
    try:
        ui.bridge.settings_saved.emit(store({"shop.timezone": "Asia/Tokyo"}))
        qtbot.waitUntil(lambda: fmt.when(noon_utc) == "2026-01-01 21:00", timeout=5000)
        ui.bridge.settings_saved.emit(store({"shop.timezone": "America/New_York"}))
        qtbot.waitUntil(lambda: fmt.when(noon_utc) == "2026-01-01 07:00", timeout=5000)
        assert fmt.when(noon_utc, seconds=True) == "2026-01-01 07:00:00"
    finally:
        fmt.use_zone("")  # the other tests read this computer's zone
