"""The scheduled export's settings: a refused time is explained in place, a saved one shows
its next run under the settings and on the Wallet page."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pos_app.core.schedule import parse_schedule
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.pages.wallet import WalletPage


@pytest.fixture
def page(ui, qtbot) -> SettingsPage:
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page._loaded and page.schedule_status.status is not None)
    return page


def test_a_bad_time_is_refused_under_its_field_and_nothing_is_stored(page, ui, arun, qtbot):
    assert page.schedule_status.isVisible()
    assert "Scheduled export: off" in page.schedule_status.text()
    field = page.field("exports.schedule")
    field.editor.setText("25:00")
    page.field("exports.schedule_folder").editor.setText("USB")
    field.edited.emit()
    page.save()
    assert field.error.isVisible()
    assert "must be a time of day such as 18:30" in field.error.text()
    folder = page.field("exports.schedule_folder")
    assert folder.error.isVisible() and "full folder path" in folder.error.text()
    assert arun(ui.core.settings.get("exports.schedule")) == ""
    assert "Scheduled export: off" in page.schedule_status.text()


def test_a_saved_schedule_shows_its_next_run_in_the_shops_time(page, ui, arun, qtbot, tmp_path):
    arun(ui.core.settings.set("shop.timezone", "America/New_York"))
    page.field("exports.schedule").editor.setText(" 6:05 Mon-Fri ")
    page.field("exports.schedule_folder").editor.setText(str(tmp_path))
    page.field("exports.schedule_keep").editor.setText("2500")
    page.field("exports.schedule").edited.emit()
    page.schedule_status.status = None
    page.save()
    qtbot.waitUntil(lambda: "Saved 3 setting(s)." in page.status.text(), timeout=10_000)
    assert arun(ui.core.settings.get("exports.schedule")) == "06:05 mon-fri"
    qtbot.waitUntil(lambda: page.schedule_status.status is not None, timeout=10_000)
    zone = ZoneInfo("America/New_York")
    expected = parse_schedule("06:05 mon-fri").next(zone, time.time())
    shown = time.strftime("%Y-%m-%d %H:%M", time.gmtime(expected + _offset(zone, expected)))
    assert page.schedule_status.status["next_run_ts"] == expected
    assert f"next run {shown}." in page.schedule_status.text()
    assert shown.endswith("06:05")

    wallet = WalletPage(ui)
    qtbot.addWidget(wallet)
    with qtbot.waitSignal(wallet.schedule.loaded, timeout=10_000):
        wallet.activated()
    assert f"Scheduled export at 06:05 mon-fri: next run {shown}." in wallet.schedule.text()


def _offset(zone: ZoneInfo, ts: int) -> int:
    return int(datetime.fromtimestamp(ts, zone).utcoffset().total_seconds())


@pytest.mark.parametrize(
    ("last", "words"),
    [
        (
            {"result": "done", "files": 2, "amounts": {"sat": 500}},
            "Last run (2026-06-15 18:30): 2 file(s), 500 sat.",
        ),
        ({"result": "nothing"}, "Last run (2026-06-15 18:30): nothing above the amount to keep."),
        (
            {"result": "waiting", "folder": "/media/USB", "tries": 3},
            "The run of 2026-06-15 18:30 waits for its folder /media/USB (is the USB drive "
            "plugged in?); tried 3 time(s).",
        ),
        (
            {"result": "interrupted"},
            "The run of 2026-06-15 18:30 was cut short: its tokens are in the export history.",
        ),
        (
            {"result": "failed", "code": "export.write_failed", "message": "Disk full."},
            "The run of 2026-06-15 18:30 failed: Disk full.",
        ),
    ],
)
def test_the_last_run_is_told_in_words(page, last, words):
    status = {
        "enabled": True,
        "schedule": "18:30",
        "folder": "/media/USB",
        "next_run": "2026-06-16T18:30+02:00",
        "last_run": {**last, "scheduled_for": "2026-06-15T18:30+02:00"},
    }
    text = page.schedule_status.describe(status)
    assert text == f"Scheduled export at 18:30: next run 2026-06-16 18:30. {words}"
