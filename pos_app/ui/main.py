"""Starting the desktop app: Qt + qasync, first-run setup or unlock, then the main window."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from pos_app.app import resolve_data_dir, wallet_exists
from pos_app.core.logs import setup_logging

log = logging.getLogger(__name__)


def run_gui(args: argparse.Namespace) -> int:
    """Run the app until its window closes; returns the exit code."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from pos_app.ui import i18n, theme

    qt = QApplication.instance() or QApplication(sys.argv)
    qt.setApplicationName("pos-app")
    qt.setApplicationDisplayName("Cashu point of sale")
    theme.apply(qt)
    i18n.install(qt, getattr(args, "data_dir", None))
    loop = qasync.QEventLoop(qt)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(main(args))


async def main(args: argparse.Namespace) -> int:
    """Set up or unlock the wallet, show the main window, close everything when it closes."""
    from pos_app.ui.bridge import CoreBridge
    from pos_app.ui.context import UiContext
    from pos_app.ui.dialogs.setup_wizard import run_setup
    from pos_app.ui.dialogs.unlock import unlock
    from pos_app.ui.main_window import MainWindow

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    setup_logging(data_dir if data_dir.is_dir() else None)
    core = await (unlock(data_dir) if wallet_exists(data_dir) else run_setup(data_dir))
    if core is None:
        return 1
    setup_logging(data_dir)
    bridge = CoreBridge(core.bus)
    ui = UiContext(core, bridge, camera_override=getattr(args, "camera", None))
    window = MainWindow(ui)
    window.show()
    core.services.start()  # retries and mint health run while the window is open
    log.info("main window shown")
    try:
        await window.wait_closed()
    finally:
        await core.services.stop()
        bridge.detach()
        await core.aclose()
    return 0
