"""Qt glue of the scanner: camera thread, decode thread, signals to the GUI.

::

    camera thread ──newest frame──▶ decode thread ──queued signal──▶ GUI thread
    (CaptureThread)   (FrameSlot)   decode_frame + ScanAssembler    ScannerWorker signals

Neither the camera nor the decoder ever runs on the GUI thread. The decode
thread takes the newest frame (older ones are dropped), decodes it, feeds the
:class:`~pos_app.ui.scanner.assembler.ScanAssembler` and hands the events to
the worker's GUI-thread slot over a queued connection; that slot emits the
public signals, so receivers always run in the GUI thread however they connect.

Preview frames are throttled (``preview_fps``) and never queue up: when the GUI
has not picked up the previous preview yet, the new one replaces it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

from pos_app.ui.scanner.assembler import (
    DEFAULT_DEDUPE_SECONDS,
    Complete,
    Invalid,
    NotAToken,
    Progress,
    ScanAssembler,
    ScanEvent,
)
from pos_app.ui.scanner.capture import CaptureThread, Frame, Source, parse_source
from pos_app.ui.scanner.decode import decode_frame

log = logging.getLogger(__name__)

MSG_REQUEST = "This is a payment request, not ecash. Ask the customer to show their token."
MSG_CAMERA_DENIED = (
    "This program may not use the camera: allow it in the system's privacy settings, "
    "then scan again."
)
_POLL_SECONDS = 0.1  # how often an idle decode thread checks for stop


def frame_to_qimage(image: np.ndarray, max_width: int | None = None) -> QImage:
    """A QImage that owns a copy of a grey (or BGR) frame, scaled down to ``max_width`` if wider."""
    image = np.ascontiguousarray(image)
    height, width = image.shape[:2]
    grey = image.ndim == 2
    fmt = QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_BGR888
    view = QImage(image.data, width, height, image.strides[0], fmt)
    if max_width is not None and width > max_width:
        # Smooth (area-like) scaling keeps a small preview of a fine QR code legible.
        return view.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
    return view.copy()  # the view borrows numpy memory; the copy may cross threads


def parse_source_or_none(source: Source) -> int | str | None:
    """:func:`parse_source`, None for a bad source (``start`` reports it)."""
    try:
        return parse_source(source)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ScanStats:
    """Counters of one scanning session.

    Attributes:
        frames_captured: frames the camera thread read.
        frames_dropped: frames replaced before the decode thread took them.
        frames_skipped: frames taken but not decoded (``decode_every``).
        frames_decoded: frames run through the decoder.
        decode_ms_mean: mean decode time (decoder only), milliseconds.
        decode_ms_max: longest decode time, milliseconds.
        previews: preview images handed to the GUI.
    """

    frames_captured: int
    frames_dropped: int
    frames_skipped: int
    frames_decoded: int
    decode_ms_mean: float
    decode_ms_max: float
    previews: int


class ScannerWorker(QObject):
    """Scan QR codes from a camera or a video file without blocking the GUI.

    Signals (all emitted in the thread the worker lives in, the GUI thread):
        frame_ready(QImage): preview picture, at most ``preview_fps`` per second.
        progress(float): 0..1 while an animated code is collected (1.0 when done).
        token_read(str): a token (``cashuA…``/``cashuB…``) was read.
        request_read(str): a payment request was read (also reported by ``message``).
        message(str): something to tell the cashier (not a token, bad code).
        error(str): the camera or video could not be used; scanning has stopped.
        stopped(): the capture and decode threads have ended.

    Args:
        source: camera index or video file path (see :class:`CaptureThread`).
        decode_every: decode one frame in ``k`` (by capture number); 1 decodes
            every frame the decoder can keep up with. Defaults to the class
            attribute :attr:`decode_every`.
        preview_fps: upper bound on ``frame_ready`` signals per second (0: none).
        preview_width: scale preview pictures down to this width (None: full size).
        speed: playback speed of a video file (tests).
        dedupe_seconds: see :class:`ScanAssembler`.
        frame_size: ``(width, height)`` to ask a camera for.
        decoder: the frame decoder (tests may pass a slow or failing one).
        clock: monotonic clock for the assembler.
        parent: Qt parent.
    """

    frame_ready = Signal(QImage)
    progress = Signal(float)
    token_read = Signal(str)
    request_read = Signal(str)
    message = Signal(str)
    error = Signal(str)
    stopped = Signal()

    # From the worker threads: (session, "event"|"error"|"preview"|"ended", payload).
    _relay = Signal(object)

    decode_every: int = 1

    def __init__(
        self,
        source: Source,
        *,
        decode_every: int | None = None,
        preview_fps: float = 15.0,
        preview_width: int | None = None,
        speed: float = 1.0,
        dedupe_seconds: float = DEFAULT_DEDUPE_SECONDS,
        frame_size: tuple[int, int] | None = (1280, 720),
        decoder: Callable[[np.ndarray], list[str]] = decode_frame,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        every = type(self).decode_every if decode_every is None else decode_every
        if every < 1:
            raise ValueError(f"decode_every must be at least 1, got {every}")
        self.source = source
        self.decode_every = every
        self.preview_fps = preview_fps
        self.preview_width = preview_width
        self.speed = speed
        self.frame_size = frame_size
        self._decoder = decoder
        self.assembler = ScanAssembler(dedupe_seconds, clock)
        self._capture: CaptureThread | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._preview: QImage | None = None  # newest preview not yet handed over
        self._preview_posted = False
        self._collecting = False
        self._session = 0  # start() count: late signals of an old session are told apart
        self._wanted = False  # between start() and stop(), also while asking for the camera
        self._decode_ms: deque[float] = deque(maxlen=2000)
        self._counts = {"skipped": 0, "decoded": 0, "previews": 0}
        self._relay.connect(self._on_relay, Qt.ConnectionType.QueuedConnection)

    # -- control (GUI thread) ------------------------------------------------------

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop` (or a fatal error)."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Open the source and start scanning; returns at once (opening happens off-thread).

        For a camera, where the system asks the user first (macOS), scanning starts once
        the camera is allowed; a refusal is reported by :attr:`error`.
        """
        if self.running:
            return
        self._wanted = True
        if not self._camera_allowed():
            return
        self._stop.clear()
        self._session += 1
        with self._lock:
            self._preview, self._preview_posted = None, False
        self.assembler.reset()
        self._collecting = False
        self._decode_ms.clear()
        self._counts = dict.fromkeys(self._counts, 0)
        try:
            self._capture = CaptureThread(
                self.source,
                speed=self.speed,
                frame_size=self.frame_size,
                on_error=lambda text, s=self._session: self._post(s, "error", text),
            )
        except ValueError as exc:
            self.error.emit(f"Invalid camera setting: {exc}")
            return
        self._thread = threading.Thread(
            target=self._decode_loop,
            args=(self._capture, self._session),
            name="pos-qr-decode",
            daemon=True,
        )
        self._capture.start()
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop both threads, waiting up to ``timeout`` seconds in all.

        Returns:
            True if both threads have ended.
        """
        self._wanted = False  # a camera permission answered later no longer starts it
        self._stop.set()
        deadline = time.monotonic() + timeout
        ok = True
        if self._capture is not None:
            ok = self._capture.stop(timeout) and ok
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(max(0.0, deadline - time.monotonic()))
            ok = ok and not self._thread.is_alive()
        return ok

    def stop_later(self, timeout: float = 2.0) -> asyncio.Future[bool] | None:
        """Stop without holding the GUI thread: the join runs in an executor thread.

        Joining can take a camera read or a decode. Without a running event loop (a
        window closing, a bare Qt test) it joins here, for at most half of ``timeout``,
        and returns None.
        """
        from pos_app.ui.tasks import in_thread

        try:
            return in_thread(self.stop, timeout)
        except RuntimeError:
            self.stop(timeout / 2)
            return None

    def _camera_allowed(self) -> bool:
        """True to start now; else the permission is refused or asked (answer: a restart)."""
        try:
            from PySide6.QtCore import QCameraPermission
        except ImportError:  # a Qt without permissions: none are needed
            return True
        app = QCoreApplication.instance()
        if app is None or not isinstance(parse_source_or_none(self.source), int):
            return True
        status = app.checkPermission(QCameraPermission())
        if status == Qt.PermissionStatus.Granted:
            return True
        if status == Qt.PermissionStatus.Undetermined:
            app.requestPermission(QCameraPermission(), self, self._permission_answered)
        else:
            self.error.emit(MSG_CAMERA_DENIED)
        return False

    def _permission_answered(self, permission: Any) -> None:
        if permission.status() != Qt.PermissionStatus.Granted:
            self.error.emit(MSG_CAMERA_DENIED)
        elif self._wanted:
            self.start()

    def latest_frame(self) -> np.ndarray | None:
        """The newest camera picture (grey), or None."""
        return None if self._capture is None else self._capture.latest_frame()

    def stats(self) -> ScanStats:
        """Counters of the current (or last) session."""
        times = list(self._decode_ms)
        capture = self._capture
        return ScanStats(
            frames_captured=capture.frames_read if capture else 0,
            frames_dropped=capture.dropped if capture else 0,
            frames_skipped=self._counts["skipped"],
            frames_decoded=self._counts["decoded"],
            decode_ms_mean=sum(times) / len(times) if times else 0.0,
            decode_ms_max=max(times, default=0.0),
            previews=self._counts["previews"],
        )

    # -- decode thread -------------------------------------------------------------

    def _decode_loop(self, capture: CaptureThread, session: int) -> None:
        interval = 1.0 / self.preview_fps if self.preview_fps > 0 else None
        next_preview = 0.0
        try:
            while not self._stop.is_set():
                frame = capture.slot.take(_POLL_SECONDS)
                if frame is None:
                    if capture.slot.closed or not capture.is_alive():
                        break  # stopped, failed, or a video that does not loop has ended
                    continue
                if interval is not None and frame.timestamp >= next_preview:
                    next_preview = frame.timestamp + interval
                    self._post_preview(frame, session)
                if frame.seq % self.decode_every:
                    self._counts["skipped"] += 1
                    continue
                for event in self._decode(frame):
                    self._post(session, "event", event)
        except Exception:  # a bug: report it rather than scan on silently dead
            log.exception("QR decode loop failed")
            self._post(session, "error", "The scanner stopped because of an internal error.")
        finally:
            capture.stop(0)
            self._post(session, "ended", None)

    def _post(self, session: int, kind: str, payload: Any) -> None:
        """Hand an item to the GUI thread (queued); stop if the worker was deleted."""
        try:
            self._relay.emit((session, kind, payload))
        except RuntimeError:  # the C++ object is gone (parent deleted while scanning)
            self._stop.set()

    def _decode(self, frame: Frame) -> list[ScanEvent]:
        started = time.perf_counter()
        try:
            texts = self._decoder(frame.image)
        except Exception:
            log.exception("QR decoder failed on frame %d", frame.seq)
            texts = []
        self._decode_ms.append((time.perf_counter() - started) * 1000.0)
        self._counts["decoded"] += 1
        return self.assembler.feed_frame(texts) if texts else []

    def _post_preview(self, frame: Frame, session: int) -> None:
        image = frame_to_qimage(frame.image, self.preview_width)
        with self._lock:
            self._preview = image
            if self._preview_posted:
                return  # the GUI has not taken the previous one: this one replaces it
            self._preview_posted = True
        self._post(session, "preview", None)

    # -- GUI thread ----------------------------------------------------------------

    @Slot(object)
    def _on_relay(self, item: tuple[int, str, Any]) -> None:
        session, kind, payload = item
        if kind == "event":  # even from a stopped session: a token read is never dropped
            self._dispatch(payload)
        elif session != self._session:
            return  # a late preview, error or end of a previous session
        elif kind == "preview":
            with self._lock:
                image, self._preview = self._preview, None
                self._preview_posted = False
            if image is not None and not self._stop.is_set():
                self._counts["previews"] += 1
                self.frame_ready.emit(image)
        elif kind == "error":
            self.error.emit(payload)
        elif kind == "ended":
            self.stopped.emit()

    def _dispatch(self, event: ScanEvent) -> None:
        match event:
            case Progress(fraction=fraction):
                self._collecting = True
                self.progress.emit(fraction)
            case Complete(text=text, kind=kind):
                if self._collecting:
                    self.progress.emit(1.0)
                    self._collecting = False
                if kind == "token":
                    self.token_read.emit(text)
                else:
                    self.request_read.emit(text)
                    self.message.emit(MSG_REQUEST)
            case NotAToken(message=text) | Invalid(message=text):
                self.message.emit(text)
