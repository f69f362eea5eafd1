"""The setup wizard's camera test: the live picture, and a code read through it.

The page shows its own test code. Held up to the camera on a phone's photo or on paper
(or any other QR code), it is read by the same capture and decode threads as at the
counter, so a passed test means the till's camera reads codes. Skipping is allowed: a
till also takes pasted tokens, and Settings keeps the camera choice.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from pos_app.core.config import OPTIONS
from pos_app.core.errors import ConfigError
from pos_app.ui import theme
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.camera_view import CameraView
from pos_app.ui.widgets.option_fields import make_field
from pos_app.ui.widgets.qr import QrView
from pos_app.ui.widgets.setup_pages import SetupPage, text_label

if TYPE_CHECKING:  # the scanner (numpy, zxing-cpp) loads when the page is first shown
    import numpy as np

    from pos_app.ui.scanner.worker import ScannerWorker

log = logging.getLogger(__name__)

SHOWN_CHARS = 40  # of a code that is not the test code


class _Reads(QObject):
    """Carries every text the decoder finds from the decode thread to the GUI thread."""

    text = Signal(str)


def _reporting(decode: Callable[[np.ndarray], list[str]], reads: _Reads) -> Callable:
    def decoder(image: np.ndarray) -> list[str]:
        texts = decode(image)
        for text in texts:
            reads.text.emit(text)  # queued: the page lives in the GUI thread
        return texts

    return decoder


class CameraTestPage(SetupPage):
    """Choose the camera, watch its picture, and show it a code.

    Attributes:
        code: the text of the test code shown on the page.
        result: ``"read"`` once a code was read, ``"failed"`` when the camera could not be
            used, None while untested.
    """

    help_anchor = "camera"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Camera test"),
            self.tr(
                "The camera reads the customers' ecash. Hold a QR code in front of it: "
                "this page's code photographed with a phone, or any other."
            ),
            parent,
        )
        self.code = f"pos-app camera test {secrets.token_hex(3).upper()}"
        self.result: str | None = None
        self.worker: ScannerWorker | None = None
        self._stopping: asyncio.Future[Any] | None = None
        self._generation = 0  # bumped by start and stop: a late start is dropped
        self._reads = _Reads(self)
        self._reads.text.connect(self._read)

        self.field = make_field(OPTIONS["camera.source"])
        self.field.set_value(OPTIONS["camera.source"].default)
        self.field.edited.connect(self._source_changed)
        self.view = CameraView()
        self.view.setMinimumSize(320, 200)
        self.qr = QrView()
        self.qr.setFixedSize(200, 200)
        self.qr.set_text(self.code)
        caption = text_label(self.tr("The test code"), "caption")
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        side = QVBoxLayout()
        side.addWidget(self.qr)
        side.addWidget(caption)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(side)
        self.status = text_label("")
        self.status.setMinimumHeight(48)
        self.later = text_label(
            self.tr(
                "No camera yet? Go on: the till also takes pasted tokens, and the camera can "
                "be chosen later in Settings, Devices."
            ),
            "muted",
        )
        form = QFormLayout()
        form.addRow(self.field.label, self.field)
        self.layout_.addLayout(form)
        self.layout_.addLayout(row, 1)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.later)

    # -- the page's life ---------------------------------------------------------------------

    def entered(self) -> None:
        """Start the camera."""
        self.start()

    def left(self) -> None:
        """Stop the camera (off the GUI thread)."""
        self.stop()

    def set_source(self, value: str) -> None:
        """Show a stored camera choice (Run setup again), or a test's video file."""
        self.field.set_value(value)
        self._source_changed()

    def source(self) -> str:
        """The chosen camera number or video file, as stored."""
        return str(self.field.raw())

    def _source_changed(self) -> None:
        self.result = None
        if self.isVisible():
            self.start()

    # -- scanning ----------------------------------------------------------------------------

    def start(self) -> None:
        """Open the chosen camera (the previous one is closed first); returns at once."""
        self._generation += 1
        self._say(self.tr("Starting the camera…"), "muted")
        self.view.clear()
        self.view.set_placeholder(self.tr("Starting the camera…"))
        spawn(self._start(self._generation), on_error=lambda err: self._failed(err.user_message))

    async def _start(self, generation: int) -> None:
        old = self.worker
        if old is not None:
            self.worker = None
            stopping = old.stop_later()
            if stopping is not None:
                await stopping
            old.deleteLater()
        if self._stopping is not None:
            await self._stopping
        if generation != self._generation:
            return
        from pos_app.ui.scanner.decode import decode_frame
        from pos_app.ui.scanner.worker import ScannerWorker

        worker = ScannerWorker(
            self.source(),
            preview_width=480,
            decoder=_reporting(decode_frame, self._reads),
            parent=self,
        )
        worker.frame_ready.connect(self.view.set_frame)
        worker.error.connect(self._failed)
        self.worker = worker
        worker.start()
        if self.result is None and worker.running:
            self._say(self.tr("Looking for a code…"), "muted")

    def stop(self) -> None:
        """Close the camera; joining its threads happens in an executor thread."""
        self._generation += 1
        worker, self.worker = self.worker, None
        if worker is None:
            return
        self._stopping = worker.stop_later()
        if self._stopping is None:
            worker.deleteLater()
            return
        self._stopping.add_done_callback(lambda _f: self._stopped(worker))

    def _stopped(self, worker: ScannerWorker) -> None:
        self._stopping = None
        worker.deleteLater()

    def shutdown(self) -> None:
        """Stop now: the wizard is closing."""
        self._generation += 1
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop(1.0)

    # -- what the camera found ---------------------------------------------------------------

    def _read(self, text: str) -> None:
        if self.worker is None:
            return  # a frame decoded as the camera closed
        self.result = "read"
        if text.strip() == self.code:
            self._say(self.tr("The camera read the test code: it is ready."), "ok")
        else:
            shown = text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"
            self._say(
                self.tr("The camera read a code ({text}): it is ready.").format(text=shown), "ok"
            )
        self.complete_changed.emit()

    def _failed(self, error: str) -> None:
        self.result = "failed"
        self.view.clear()
        self.view.set_placeholder(self.tr("No picture"), "camera-off-outline")
        self._say(
            self.tr(
                "The camera could not be used: {error} Choose another camera, or go on and "
                "test it later."
            ).format(error=error.rstrip(".") + "."),
            "error",
        )

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        theme.set_role(self.status, role)

    # -- the wizard's questions --------------------------------------------------------------

    def is_complete(self) -> bool:
        """The choice is a camera number or a file (a test is not required)."""
        try:
            OPTIONS["camera.source"].parse(self.source())
        except ConfigError:
            return False
        return True

    def settings(self) -> dict[str, Any]:
        """The setting this page sets."""
        return {"camera.source": OPTIONS["camera.source"].parse(self.source())}

    def summary(self) -> str:
        """One line for the summary page."""
        name = self.field.editor.currentText()
        return {
            "read": self.tr("Camera: {name}, read a code"),
            "failed": self.tr("Camera: {name}, could not be opened (test it later)"),
        }.get(self.result or "", self.tr("Camera: {name}, not tested")).format(name=name)
