"""Where tokens come in: camera preview, animated-QR progress, hints and a paste field.

The hints are short notices such as "That is a payment request, not a token".

The panel owns one :class:`~pos_app.ui.scanner.ScannerWorker` while it scans; the
camera source comes from ``UiContext.camera_source()`` (``--camera`` or the
setting), so a test's video file goes through the same capture code as a camera.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.camera_view import CameraView

if TYPE_CHECKING:  # the scanner (numpy, zxing-cpp: 0.1 s) loads with the first scan
    from pos_app.ui.scanner.worker import ScannerWorker

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 640  # preview pictures are scaled in the decode thread, not here
HINT_SECONDS = 6


class ScanPanel(QWidget):
    """Camera, progress, hints and (unless ``paste`` is False) a paste field.

    Signals:
        token(str, str): a token text and where it came from (``scan`` or ``paste``).
        camera_failed(str): the camera could not be used; scanning has stopped.
    """

    token = Signal(str, str)
    camera_failed = Signal(str)

    def __init__(self, ui: UiContext, parent: QWidget | None = None, *, paste: bool = True) -> None:
        super().__init__(parent)
        self.ui = ui
        self.worker: ScannerWorker | None = None
        self._generation = 0  # bumped by start/stop: a late camera_source() answer is ignored
        self._stopping: asyncio.Future[bool] | None = None
        self._wanted = False  # between start() and stop(), whether or not the threads run yet
        self.camera = CameraView()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFormat(self.tr("Reading animated code… %p%"))
        self.progress.setMinimumHeight(30)
        self.progress.hide()
        self.hint = QLabel()
        self.hint.setObjectName("scan-hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(self.hint.hide)
        self.paste = QLineEdit()
        self.paste.setObjectName("paste-token")
        self.paste.setPlaceholderText(self.tr("Or paste a token here and press Enter"))
        self.paste.setMinimumHeight(48)
        self.paste.installEventFilter(self)  # Enter pays (and goes no further)
        self.paste_button = QPushButton(self.tr("Pay"))
        theme.set_icon(self.paste_button, "check-bold")
        self.paste_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.paste_button.clicked.connect(self._pasted)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste, 1)
        paste_row.addWidget(self.paste_button)
        self.paste.setVisible(paste)
        self.paste_button.setVisible(paste)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.camera, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.hint)
        layout.addLayout(paste_row)

    # -- scanning -----------------------------------------------------------------------------

    @property
    def scanning(self) -> bool:
        """True while the camera threads run."""
        return self.worker is not None and self.worker.running

    def start(self) -> None:
        """Open the camera; returns at once.

        The source is read, and the last camera session joined, off the GUI thread.
        """
        self._generation += 1
        generation = self._generation
        self._wanted = True
        self.camera.active = True
        self.camera.clear()
        self.camera.set_placeholder(self.tr("Starting the camera…"))
        spawn(
            self._start(generation),
            on_error=lambda err: self._camera_failed(err.user_message),
        )

    async def _start(self, generation: int) -> None:
        if self._stopping is not None:
            await self._stopping  # a session still closing would make start() a no-op
        source = await self.ui.camera_source()
        if generation != self._generation:
            return  # stopped (or restarted) meanwhile
        if self.worker is not None and str(self.worker.source) != str(source):
            self.worker.deleteLater()
            self.worker = None
        if self.worker is None:
            from pos_app.ui.scanner.worker import ScannerWorker

            self.worker = ScannerWorker(source, preview_width=PREVIEW_WIDTH, parent=self)
            self.worker.frame_ready.connect(self.camera.set_frame)
            self.worker.progress.connect(self._on_progress)
            self.worker.token_read.connect(lambda text: self.token.emit(text, "scan"))
            self.worker.request_read.connect(self._on_request)
            self.worker.message.connect(self._on_message)
            self.worker.error.connect(self._camera_failed)
        self.worker.start()

    def stop(self) -> None:
        """Stop scanning; the last picture stays, its guide greyed.

        Joining the camera and decode threads can take a camera read or a decode, so it
        happens in an executor thread, never on the GUI thread.
        """
        self._generation += 1
        self._wanted = False
        self.camera.active = False
        self.camera.update()
        self.progress.hide()
        worker = self.worker
        if worker is None or not worker.running or self._stopping is not None:
            return
        self._stopping = worker.stop_later()
        if self._stopping is not None:
            self._stopping.add_done_callback(self._stopped)

    def _stopped(self, future: asyncio.Future[bool]) -> None:
        self._stopping = None
        if not future.cancelled() and future.exception() is None and not future.result():
            log.warning("scanner threads did not stop within 2 s")

    def shutdown(self) -> None:
        """Stop now (the window is closing: the loop may not run again)."""
        self._generation += 1
        if self.worker is not None:
            self.worker.stop(1.0)

    def set_accepting(self, accepting: bool) -> None:
        """Allow pasting (and show the guide live) or not."""
        self.paste.setEnabled(accepting)
        self.paste_button.setEnabled(accepting)
        self.camera.active = accepting and self._wanted
        self.camera.update()

    # -- feedback -----------------------------------------------------------------------------

    def show_hint(self, text: str, level: str = "warn", seconds: int = HINT_SECONDS) -> None:
        """A short message under the camera for a few seconds."""
        color = getattr(theme.colors(), level, theme.colors().warn)
        self.hint.setStyleSheet(
            f"color: {color}; font-size: {theme.TYPE.body_large}pt; font-weight: 600;"
        )
        self.hint.setText(text)
        self.hint.show()
        self._hint_timer.start(seconds * 1000)

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(100 * fraction))
        self.progress.setVisible(fraction < 1.0)

    def _on_request(self, _text: str) -> None:
        self.show_hint(
            self.tr(
                "That is a payment request, not a token. Ask the customer to show the token "
                "from their wallet."
            )
        )

    def _on_message(self, text: str) -> None:
        from pos_app.ui.scanner.worker import MSG_REQUEST  # loaded: a worker sent this

        if text != MSG_REQUEST:  # request_read already said it, in our words
            self.show_hint(text)

    def _camera_failed(self, text: str) -> None:
        self.camera.clear()
        self.camera.set_placeholder(
            self.tr("Camera not available: {error}\nPaste the token instead.").format(error=text),
            "camera-off-outline",
        )
        self.camera_failed.emit(text)

    def eventFilter(self, watched: object, event: object) -> bool:
        """Enter in the paste field pays the token; the event stops here.

        QLineEdit would pass Enter on to the payment view after ``returnPressed``.
        """
        if (
            watched is self.paste
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._pasted()
            return True
        return super().eventFilter(watched, event)

    def _pasted(self) -> None:
        text = self.paste.text().strip()
        if not text or not self.paste.isEnabled():
            return
        self.paste.clear()
        self.token.emit(text, "paste")
