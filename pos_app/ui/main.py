"""Starting the desktop app: Qt + qasync, first-run setup or unlock, then the main window.

The app, not Qt, decides when it ends. Qt's default is to quit when its last
visible window closes; here windows come and go (the setup wizard or the unlock
dialog closes before the main window opens), and that default stopped the event
loop under the coroutine that was about to show the main window. So
``quitOnLastWindowClosed`` is off, and :func:`main` returns when the main window
has closed and every service, HTTP client and the database are shut down.

The loop's default executor is the composition root's worker pool
(:func:`pos_app.app.worker_pool`, the kind the GUI tests use too), owned and shut
down here: qasync's own is a pool of QThreads, and a QThread still alive at exit
aborts the process.

When the wallet opens without asking anyone (``POS_DB_KEY`` or the keyring), the main
window is shown as soon as Qt is up, before the event loop exists, saying "Opening the
wallet…"; then asyncio and qasync are loaded and the wallet opens in a worker behind
the window (the composition root's imports, the database, its migrations), and the
window is filled in once it is open. Up to the window this imports only Qt, the theme,
the translations and logging. When a dialog must come first (the passphrase, the
first-run wizard, training's start) nothing is shown behind it, as before; a staff
PIN is asked over the frame of the window.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app import collector
from pos_app.core import formatting
from pos_app.core.logs import setup_logging
from pos_app.datadir import resolve_data_dir, training_requested, wallet_exists, worker_pool
from pos_app.language import theme_preference

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from pos_app.api.server import ApiServer
    from pos_app.app import App
    from pos_app.core.keystatus import KeyStatus
    from pos_app.core.training.environment import TrainingEnvironment
    from pos_app.ui.context import UiContext
    from pos_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
# When the collector paused for the start resumes at the latest (pos_app.collector).
SETTLE_AFTER_MS = 5_000

# How long shutdown waits for background tasks of closed windows before cancelling them.
SHUTDOWN_GRACE_SECONDS = 5.0

# Set by SIGINT/SIGTERM: a signal that comes while no window is open yet (between the
# unlock and the main window) must still end the app once the window exists.
_stop_requested = threading.Event()


def run_gui(args: argparse.Namespace) -> int:
    """Run the app until its main window closes (or setup is abandoned); the exit code."""
    _stop_requested.clear()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos_app.ui import i18n, theme

    qt = QApplication.instance() or QApplication(sys.argv)
    qt.setApplicationName("pos-app")
    qt.setApplicationDisplayName("Cashu point of sale")
    qt.setQuitOnLastWindowClosed(False)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    theme.apply(qt, theme_preference(data_dir))  # the shop's colours from the first window on
    language = i18n.install(qt, data_dir)
    formatting.use(formatting.marks_for(language))  # amounts read as the shop's language
    executor = worker_pool()
    # Whatever the start meets (a passphrase or the wizard waiting for a person, a wallet
    # that did not open), collection resumes by then; normally "ready for a sale" did it.
    QTimer.singleShot(SETTLE_AFTER_MS, collector.settle)
    try:
        with _quit_on_signals(qt):
            early = _early_window(args, data_dir, qt, executor)
            # Loaded after the window is up (and the wallet opening): not needed to show it.
            import asyncio

            import qasync

            loop = qasync.QEventLoop(qt)
            loop.set_default_executor(executor)
            asyncio.set_event_loop(loop)
            try:
                with loop:
                    code = loop.run_until_complete(main(args, early))
            finally:
                asyncio.set_event_loop(None)
    finally:
        # Also waits for a wallet still opening: what it opened is closed by then.
        executor.shutdown(wait=True, cancel_futures=True)
    log.info("exited with code %d", code)
    return code


def _early_window(
    args: argparse.Namespace, data_dir: Path, qt: QApplication, executor: ThreadPoolExecutor
) -> Opening | None:
    """The main window's frame, shown now, when the shop's wallet will open without asking.

    The wallet starts opening in ``executor`` as soon as the window is up.

    None when a dialog must come first (a passphrase, a damaged keystore, no wallet
    yet, training mode): then nothing is shown behind it.
    """
    from pos_app.core.errors import PosError
    from pos_app.core.keystatus import key_status

    if training_requested(args) or not wallet_exists(data_dir):
        return None
    try:
        status = key_status(data_dir)  # keystore.json: a small read, no secret, no keyring
    except PosError:
        return None  # the unlock dialog says what is wrong with it
    if status.needs_passphrase:
        return None
    from pos_app.ui.main_window import MainWindow

    setup_logging(data_dir)
    window = MainWindow()
    _show(window)
    qt.processEvents()  # drawn and on screen, not just asked for
    log.info("main window shown")
    from pos_app.ui.dialogs.unlock import open_wallet

    return Opening(window, data_dir, status, executor.submit(open_wallet, data_dir, None))


@dataclass(frozen=True)
class Opening:
    """The main window shown before the event loop, and how the wallet behind it opens."""

    window: MainWindow
    data_dir: Path
    status: KeyStatus
    opened: Future[App]  # App.open running in a worker


# What a closed till asks main() to open next (never an exit code: main() maps them).
_SWITCH_TO_TRAINING = -100  # the wizard's "Try it first"
_LEAVE_TRAINING = -101  # App > Leave training mode


async def main(args: argparse.Namespace, early: Opening | None = None) -> int:
    """Set up or unlock the wallet, show the main window, close everything when it closes.

    Training mode (``--training``, or "Try it first" in the wizard) runs the play-money
    till; leaving it opens the shop's wallet, or its setup, in the same run. ``early``:
    the main window already shown by :func:`run_gui` while the wallet opens.
    """
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    training = training_requested(args)
    while True:
        if early is not None:
            code = await _main(args, data_dir, early=early)
            early = None  # a later round (after training) starts as usual
        else:
            code = await (_training(args, data_dir) if training else _main(args, data_dir))
        if code == _SWITCH_TO_TRAINING:
            training = True
        elif code == _LEAVE_TRAINING:
            training = False
        else:
            return code


async def _training(args: argparse.Namespace, data_dir: Path) -> int:
    """The play-money wallet beside the shop's, on a local test mint that lives as long as it."""
    from pos_app.ui.tasks import in_thread
    from pos_app.ui.training_start import start_with_progress

    log.info("starting training mode")
    started = await start_with_progress(data_dir)
    if started is None:
        log.info("training mode could not start")
        await _finish_tasks()
        # Chosen in the wizard: back to it, the trainee has read why.
        return 1 if training_requested(args) else _LEAVE_TRAINING
    env, _url, _info = started
    try:
        return await _main(args, env.data_dir, training_env=env)
    finally:
        await in_thread(env.stop_mint)
        env.deactivate()
        log.info("training mint stopped")


async def _main(
    args: argparse.Namespace,
    data_dir: Path,
    training_env: TrainingEnvironment | None = None,
    early: Opening | None = None,
) -> int:
    from pos_app.ui.tasks import stop_spawning

    stop_spawning(False)
    window = early.window if early is not None else None
    if early is not None:
        if _stop_requested.is_set():  # a signal before the window was there to close
            log.info("asked to stop before the wallet was open")
            early.window.quit(confirm=False)
        core = await _open_behind(early)
    else:
        setup_logging(data_dir if data_dir.is_dir() else None)
        core = await _unlock_or_set_up(data_dir)
    from pos_app.app import App  # loaded by now: the wallet opened, or its dialogs ran

    if early is None:  # the wizard ran (its module is loaded): it may have chosen training
        from pos_app.ui.dialogs.setup_wizard import TRY_TRAINING

        if core == TRY_TRAINING:
            log.info("training mode chosen in the setup wizard")
            return _SWITCH_TO_TRAINING
    if not isinstance(core, App):
        log.info("setup or unlock abandoned")
        if window is not None:
            window.quit(confirm=False)
        await _finish_tasks()
        return 1
    return await _run(args, data_dir, core, window, training_env)


async def _unlock_or_set_up(data_dir: Path) -> object:
    """The wallet with nothing shown behind: unlock (passphrase, training) or the wizard."""
    if wallet_exists(data_dir):
        from pos_app.ui.dialogs.unlock import unlock

        return await unlock(data_dir)
    from pos_app.ui.dialogs.setup_wizard import run_setup

    return await run_setup(data_dir)


async def _open_behind(early: Opening) -> App | None:
    """Open the wallet behind the shown window; a problem is shown as the unlock dialog does.

    Runs to the end even when the window closes meanwhile (a signal, Quit): the
    worker cannot be stopped half-way, and what it opened must be closed properly.
    """
    from pos_app.ui.dialogs.unlock import ask_unlock, open_silently

    core, problem = await open_silently(early.data_dir, early.opened)
    if core is not None:
        log.info("wallet open")
    if core is not None or early.window.was_closed:
        return core
    early.window.opening_failed()
    return await ask_unlock(early.data_dir, early.status, problem, parent=early.window)


async def _run(
    args: argparse.Namespace,
    data_dir: Path,
    core: App,
    window: MainWindow | None,
    training_env: TrainingEnvironment | None,
) -> int:
    """The open wallet's till until its window closes; everything closed after."""
    from pos_app.ui.bridge import CoreBridge
    from pos_app.ui.context import UiContext
    from pos_app.ui.dialogs.sign_in import ask_pin
    from pos_app.ui.main_window import MainWindow
    from pos_app.ui.tasks import stop_spawning

    setup_logging(data_dir)
    bridge = CoreBridge(core.bus)
    ui = UiContext(
        core, bridge, camera_override=getattr(args, "camera", None), training_env=training_env
    )
    api = None
    try:
        if window is not None and window.was_closed:
            log.info("the main window closed before the wallet was open")
            return 0
        member = None
        if await core.staff.any():  # the shop has staff accounts: who is at the till?
            member = await ask_pin(core.staff, can_cancel=False)
            if member is None:
                log.info("sign-in abandoned")
                if window is not None:
                    window.quit(confirm=False)
                return 1
            if window is not None and window.was_closed:
                log.info("the main window closed during the sign-in")
                return 0
        shown_now = window is None
        if window is None:
            window = MainWindow()
        window.attach(ui)
        _name_the_till(window, core)
        window.set_user(member)
        _show(window)  # for an early window: the keyboard back from the sign-in dialog
        if training_env is not None:
            window.open_customer_wallet()  # the trainee's customer, over the till's edge
        core.services.start()  # retries and mint health run while the window is open
        api = await _start_api(core, ui)
        if shown_now:
            log.info("main window shown")
        if _stop_requested.is_set():  # the signal came while no window was open to close
            log.info("asked to stop before the main window was shown")
            window.quit(confirm=False)
        await window.wait_closed()
        if window.leaving_training:
            log.info("leaving training mode")
            return _LEAVE_TRAINING
    finally:
        log.info("shutting down")
        if api is not None:
            await api.stop()
        await core.services.stop()
        log.info("services stopped")
        bridge.detach()
        stop_spawning()  # what the closed window's timers start now would meet a closed store
        await _finish_tasks()
        await core.aclose()
        log.info("database closed")
    return 0


def _name_the_till(window: MainWindow, core: App) -> None:
    """A till of the shop's shared database says in its title which till it is."""
    till = core.info().get("till")
    if till and not core.training:
        from PySide6.QtCore import QCoreApplication

        title = QCoreApplication.translate("MainWindow", "Cashu point of sale - {till}")
        window.setWindowTitle(title.format(till=till))


def _show(window: MainWindow) -> None:
    window.show()
    # Take the keyboard: a till may run X without a window manager to do it.
    window.raise_()
    window.activateWindow()


async def _start_api(core: App, ui: UiContext) -> ApiServer | None:
    """The local API when it is enabled; a port that cannot be used is said on the banner."""
    from pos_app.api import start_api
    from pos_app.core.errors import PosError

    try:
        return await start_api(core)
    except PosError as err:
        log.warning("the API did not start: %s", err.detail or err.user_message)
        ui.report(err)
        return None


async def _finish_tasks() -> None:
    """Let work started by closed windows end (briefly), then cancel what is left."""
    from pos_app.ui.tasks import running_tasks_list

    pending = running_tasks_list()
    if not pending:
        return
    import asyncio

    _done, late = await asyncio.wait(pending, timeout=SHUTDOWN_GRACE_SECONDS)
    for task in late:
        log.warning("cancelling %s at shutdown", task.get_name())
        task.cancel()
    if late:
        await asyncio.gather(*late, return_exceptions=True)


@contextlib.contextmanager
def _quit_on_signals(qt: QApplication) -> Iterator[None]:
    """Ctrl+C and SIGTERM close the app's windows, so it ends the normal way (exit code 0).

    A Python signal handler only runs when Python code runs; while Qt waits for
    events it would not. ``signal.set_wakeup_fd`` writes a byte to a socket that
    Qt watches, which wakes the loop so the handler runs at once.
    """
    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    def close_windows(signum: int, _frame: object) -> None:
        log.info("signal %d: closing the app", signum)
        _stop_requested.set()
        _close_all(qt)

    notifier.activated.connect(drain)
    try:
        old_fd = signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread (embedded): leave signals alone
        notifier.setEnabled(False)
        reader.close()
        writer.close()
        yield
        return
    old = {s: signal.signal(s, close_windows) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(old_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()


def _close_all(qt: QApplication) -> None:
    """Close every window without asking: the operating system wants the app to end."""
    from pos_app.ui.main_window import MainWindow

    for widget in qt.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.quit(confirm=False)
        elif widget.isVisible():
            widget.close()
