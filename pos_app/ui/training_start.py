"""Starting training mode in the desktop app: a progress window while the local mint starts.

The first start installs the mint into a folder the app owns, which takes minutes:
the window says what is happening. When it cannot start, the window says why and
the app ends once it is closed (never a modal ``exec()``: this runs on the event loop).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressDialog

from pos_app.core.errors import PosError
from pos_app.training import start_training


class TrainingStartWindow(QProgressDialog):
    """Progress of the training mint's installation and start; its error if it fails."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(QCoreApplication.translate("TrainingStart", "Training mode"))
        self.setLabelText(
            QCoreApplication.translate("TrainingStart", "Starting the training mint...")
        )
        self.setRange(0, 100)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setCancelButton(None)
        self.setMinimumWidth(420)

    def step(self, fraction: float) -> None:
        """Move the bar (texts come from the core in English: the bar is what moves)."""
        self.setValue(round(fraction * 100))

    def failed(self, exc: PosError) -> None:
        """Say why training mode cannot start; closing the window ends the app."""
        self.setLabelText(
            QCoreApplication.translate(
                "TrainingStart", "Training mode could not start: {reason}"
            ).format(reason=exc.user_message)
        )
        self.setCancelButtonText(QCoreApplication.translate("TrainingStart", "Close"))


async def start_with_progress(data_dir: Path) -> tuple[Any, str, dict[str, Any]] | None:
    """:func:`start_training` with a progress window; None when it failed and was closed."""
    window = TrainingStartWindow()
    window.show()
    loop = asyncio.get_running_loop()

    def progress(_text: str, fraction: float) -> None:  # called on the worker thread
        loop.call_soon_threadsafe(window.step, fraction)

    try:
        started = await start_training(data_dir, progress)
    except PosError as exc:
        closed = loop.create_future()
        window.canceled.connect(lambda: closed.done() or closed.set_result(None))
        window.failed(exc)
        await closed
        window.deleteLater()
        return None
    window.close()
    window.deleteLater()
    return started
