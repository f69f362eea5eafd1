"""App start: the main window shown while the wallet opens, and pages built on first view."""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from PySide6.QtCore import Qt

from pos_app import collector, language
from pos_app.app import App
from pos_app.core.keystatus import key_status
from pos_app.ui import main as gui_main
from pos_app.ui.dialogs.unlock import open_wallet
from pos_app.ui.main_window import MainWindow
from pos_app.ui.page import Page
from pos_app.ui.page_slots import SLOTS
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.tasks import running_tasks, stop_spawning
from tests.support.cli import ROOT, Cli

pytestmark = [pytest.mark.gui]


def test_the_window_says_it_is_opening_then_becomes_ready_for_a_sale(ui, qtbot, arun):
    arun(ui.core.settings.set_many({"rate.fixed": "100000", "currency": "EUR"}))
    win = MainWindow()  # as the app shows it before the wallet is open
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    assert win.stack.currentWidget() is win.opening
    assert win.opening.text() == "Opening the wallet…"
    assert not win.is_ready and win.open_sale() is None
    nav = [win._nav.button(i) for i in range(len(SLOTS))]
    assert not any(button.isEnabled() for button in nav)
    assert not win.items_action.isEnabled() and not win.bell.isEnabled()
    assert win.quit_action.isEnabled()  # leaving is always possible
    # Keys typed meanwhile reach no keypad, and F2 opens nothing.
    qtbot.keyClicks(win.opening, "42")
    qtbot.keyClick(win, Qt.Key.Key_F2)
    win.show_page(1)
    assert win.stack.currentWidget() is win.opening
    assert win.pages.built() == []

    collector.pause()  # as the launcher does for the app's start
    try:
        assert not gc.isenabled()
        with qtbot.waitSignal(win.ready_for_sale, timeout=10_000):
            win.attach(ui)
        # Ready for a sale: what the start loaded is frozen and collection resumes.
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()
        collector._state.update(owner=False, paused=False)
    sell = win.page(SellPage)
    assert win.is_ready and win.stack.currentWidget() is sell
    assert sell.keypad.currency == "EUR" and sell.keypad.amount_text == ""
    assert all(button.isEnabled() for button in nav) and win.items_action.isEnabled()
    assert win.pages.built() == [sell]  # nothing else was made for the first page
    assert win.stack.count() == len(SLOTS)  # the "opening" panel is gone
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_pages_are_built_on_first_view_and_only_once(ui, qtbot, qloop):
    win = MainWindow(ui)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    sell = win.page(SellPage)
    assert win.pages.built() == [sell]
    assert not win.pages.is_built(1)

    qtbot.keyClick(win, Qt.Key.Key_F2)  # the shortcut builds the page it leads to
    activity = win.stack.currentWidget()
    assert isinstance(activity, ActivityPage) and win.pages.built() == [sell, activity]
    assert win.stack.currentIndex() == 1 and win.pages.index(activity) == 1
    win._nav.button(0).click()
    win.show_page(1)
    assert win.page(ActivityPage) is activity and win.pages[1] is activity
    assert len(win.findChildren(ActivityPage)) == 1

    settings = win.page(SettingsPage)  # code asking for a page gets it built, not shown
    assert win.stack.currentWidget() is activity
    assert win.pages.index(settings) == 3 and win.stack.indexOf(settings) == 3
    assert win.stack.count() == len(SLOTS)
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_the_sidebar_list_matches_the_page_classes(ui, qtbot, qloop):
    win = MainWindow(ui)
    qtbot.addWidget(win)
    for index, slot in enumerate(SLOTS):
        page = win.pages[index]
        assert isinstance(page, Page) and type(page).__name__ == slot.kind
        assert (page.title, page.shortcut, page.needs) == (
            slot.translated_title(),
            slot.shortcut,
            slot.needs,
        )
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_quit_while_the_wallet_opens_closes_it_cleanly(tmp_path, monkeypatch, qtbot, qloop, arun):
    """Quit before the wallet is open: the app waits for it, then closes it (no stray DB)."""
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())
    data = tmp_path / "shop"
    made, _words = App.init(data, trust_env=False)
    arun(made.aclose())
    monkeypatch.setattr(gui_main, "setup_logging", lambda *_a, **_k: None)  # the test's logs
    gate = threading.Event()
    closed: list[bool] = []

    def open_when_let() -> App:
        gate.wait(20)
        app = open_wallet(data, None)
        close = app.aclose

        async def spy() -> None:
            closed.append(True)
            await close()

        app.aclose = spy  # type: ignore[method-assign]
        return app

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    try:
        with ThreadPoolExecutor(1) as pool:
            early = gui_main.Opening(win, data, key_status(data), pool.submit(open_when_let))
            task = asyncio.ensure_future(gui_main._main(argparse.Namespace(), data, early=early))
            win.quit_action.trigger()
            assert win.was_closed and not task.done()
            gate.set()
            qtbot.waitUntil(task.done, timeout=20_000)
        assert task.result() == 0
        assert closed == [True]
        assert win.pages.built() == []  # nothing was built for a window already closed
    finally:
        gate.set()
        stop_spawning(False)  # _main's shutdown refuses new work; later tests need it


def test_the_shops_colours_are_known_before_the_wallet_opens(core, arun):
    """Saved with the setting, beside the database: the first window is drawn in them."""
    data = core.data_dir
    assert language.theme_preference(data) == "system"
    arun(core.settings.set("display.theme", "dark"))
    assert language.theme_preference(data) == "dark"
    arun(core.settings.set_many({"display.theme": "light"}))
    assert language.theme_preference(data) == "light"
    arun(core.settings.unset("display.theme"))
    assert language.theme_preference(data) == "system"
    assert not (data / language.THEME_FILE).exists()
    (data / language.THEME_FILE).write_text("purple\n")
    assert language.theme_preference(data) == "system"  # unknown: the computer's


SHOWN = "main window shown: imports so far above"
BEFORE_THE_WINDOW = (
    "sqlalchemy",
    "httpx",
    "alembic",
    "qasync",
    "matplotlib",
    "cv2",
    "pos_app.app",
    "pos_app.core.store.db",
    "pos_app.core.store.schema",
    "pos_app.ui.pages",
    "pos_app.ui.scanner",
    "pos_app.ui.dialogs",
)


def test_the_window_comes_up_before_the_database_layer_is_imported(tmp_path):
    """``pos-app`` with no command: what it imports until the main window is on screen.

    The real entry point runs in its own process with ``-X importtime``; it ends right
    after showing the window, and the interpreter's import log up to there is read.
    """
    cli = Cli.wallet(tmp_path / "shop")
    script = (
        "import sys\n"
        "from pos_app.ui import main\n"
        "show = main._show\n"
        "def shown(window):\n"
        "    show(window)\n"
        f"    print({SHOWN!r}, file=sys.stderr, flush=True)\n"
        "    raise SystemExit(0)\n"
        "main._show = shown\n"
        "from pos_app.launcher import main as launch\n"
        f"sys.exit(launch(['--data-dir', {str(cli.data_dir)!r}]))\n"
    )
    env = {**os.environ, "POS_DB_KEY": cli.key, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert SHOWN in done.stderr, done.stderr[-3000:]
    before = done.stderr.split(SHOWN)[0]
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in before.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "pos_app.ui.main_window" in modules  # the window was the real one
    assert sorted(m for m in modules if m.startswith(BEFORE_THE_WINDOW)) == []
