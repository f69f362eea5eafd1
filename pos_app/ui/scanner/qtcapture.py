"""Qt Multimedia sources of the capture thread: a camera or a video file, as grey frames.

:func:`run` is the body of a :class:`~pos_app.ui.scanner.capture.CaptureThread` for a
camera or a file. Its Qt objects are created in that thread and driven by an event loop
of its own, so opening a camera, its errors and a video's end never wait on the GUI
thread. Frames are queued to that thread from wherever Qt produces them (FFmpeg's
render thread, the camera backend's), reduced there to an 8-bit grey array
(:func:`frame_to_gray`: a copy of the Y plane of a YUV frame, well under a millisecond
at 720p) and put in the slot; decoding happens in the scanner's decode thread.

Queued, not direct: a direct slot would run Python in Qt's render thread, which then
waits for the GIL, while the capture thread holds the GIL stopping the player, which
waits for the render thread (a deadlock seen in one stop in ten).

A camera that errors, disappears (unplugged) or stops delivering pictures is opened
again a few times before the capture gives up, like a USB hiccup that re-enumerates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    QUrl,
    Slot,
)
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaMetaData,
    QMediaPlayer,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoSink,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pos_app.ui.scanner.capture import CaptureThread

log = logging.getLogger(__name__)

DEFAULT_FPS = 25.0
MIN_CAMERA_FPS = 15  # below this a code held up is read too slowly: prefer another format
# A camera that errs or goes quiet is opened again this many times, this far apart.
CAMERA_REOPEN_TRIES = 3
CAMERA_REOPEN_DELAY_MS = 500
CAMERA_STALL_MS = 3000  # no picture for this long from an active camera counts as an error
OPEN_TIMEOUT_MS = 10_000  # a source not open by then is reported, never waited on forever
MSG_NO_BACKEND = "The camera cannot be used: Qt Multimedia found no media backend."

_PF = QVideoFrameFormat.PixelFormat
# Formats whose first plane holds the 8-bit luma, as (column offset, column step).
_LUMA_PLANE = {
    _PF.Format_YUV420P: (0, 1),
    _PF.Format_YUV422P: (0, 1),
    _PF.Format_YV12: (0, 1),
    _PF.Format_NV12: (0, 1),
    _PF.Format_NV21: (0, 1),
    _PF.Format_IMC1: (0, 1),
    _PF.Format_IMC2: (0, 1),
    _PF.Format_IMC3: (0, 1),
    _PF.Format_IMC4: (0, 1),
    _PF.Format_Y8: (0, 1),
    _PF.Format_YUYV: (0, 2),
    _PF.Format_UYVY: (1, 2),
    _PF.Format_AYUV: (1, 4),
}


def frame_to_gray(frame: QVideoFrame) -> np.ndarray | None:
    """An 8-bit grey ``(height, width)`` copy of a video frame, or None for an empty one.

    The luma plane is copied as it is for YUV frames (what cameras and video files
    deliver); anything else goes through ``QImage`` conversion to ``Format_Grayscale8``.
    """
    if not frame.isValid() or frame.width() <= 0 or frame.height() <= 0:
        return None
    layout = _LUMA_PLANE.get(frame.pixelFormat())
    if layout is None:
        return image_to_gray(frame.toImage())
    if not frame.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        width, height, stride = frame.width(), frame.height(), frame.bytesPerLine(0)
        rows = np.frombuffer(frame.bits(0), np.uint8, count=stride * height).reshape(height, stride)
        offset, step = layout
        # A copy, always: the mapped memory goes back to the decoder's pool at unmap.
        return rows[:, offset : offset + width * step : step].copy()
    finally:
        frame.unmap()


def image_to_gray(image: QImage) -> np.ndarray | None:
    """An 8-bit grey ``(height, width)`` copy of a QImage, or None for a null one."""
    if image.isNull():
        return None
    if image.format() != QImage.Format.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), np.uint8, count=stride * height)
    return rows.reshape(height, stride)[:, :width].copy()


def camera_format(
    formats: Sequence[QCameraFormat], frame_size: tuple[int, int] | None
) -> QCameraFormat | None:
    """The camera format nearest ``frame_size`` (width, height), None to keep the default.

    Among formats of the nearest size: one of at least :data:`MIN_CAMERA_FPS`, then one
    that is not JPEG (which costs a decode per frame), then the faster, up to 30 fps.
    """
    if frame_size is None or not formats:
        return None
    area = frame_size[0] * frame_size[1]

    def cost(fmt: QCameraFormat) -> tuple[int, bool, bool, float]:
        size = fmt.resolution()
        fps = fmt.maxFrameRate()
        return (
            abs(size.width() * size.height() - area),
            fps < MIN_CAMERA_FPS,
            fmt.pixelFormat() == _PF.Format_Jpeg,
            -min(fps, 30.0),
        )

    return min(formats, key=cost)


def prepare() -> None:
    """Start Qt Multimedia's backend in the calling thread (see ``CaptureThread.start``)."""
    app = QCoreApplication.instance()
    if app is not None and app.thread() == QThread.currentThread():
        QMediaDevices.videoInputs()  # creates the backend and its device list here


def run(capture: CaptureThread) -> None:
    """Capture from ``capture.source`` (camera index or file) until stopped or failed."""
    if QCoreApplication.instance() is None:
        capture.fail("The camera needs the application to be running (no QCoreApplication).")
        return
    loop = QEventLoop()
    source: _Source
    if capture.is_camera:
        source = _CameraSource(capture, loop)
    else:
        path = Path(str(capture.source))
        if not path.is_file():
            capture.fail(f"Video file not found: {capture.source}")
            return
        source = _FileSource(capture, loop, path)
    try:
        if capture.set_wake(
            lambda: QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)
        ):
            source.begin()
            if not source.done:
                loop.exec()
    finally:
        capture.set_wake(None)
        source.end()
        shiboken6.delete(source)  # here, in the thread its Qt objects belong to
        shiboken6.delete(loop)


class _Source(QObject):
    """What the two sources share: the frame path into the slot, and finishing."""

    def __init__(self, capture: CaptureThread, loop: QEventLoop) -> None:
        super().__init__()
        self.capture = capture
        self.loop = loop
        self.done = False
        self.sink = QVideoSink(self)
        self.frames = 0  # frames delivered since (re)opening
        self.was_open = False  # the source opened once (a later failure is not "cannot open")
        self._converter_failed = False
        self.sink.videoFrameChanged.connect(self._frame, Qt.ConnectionType.QueuedConnection)
        self._open_timer = QTimer(self, singleShot=True, interval=OPEN_TIMEOUT_MS)
        self._open_timer.timeout.connect(self._open_timeout)

    def begin(self) -> None:
        """Open the source (asynchronously: the loop runs next)."""
        self._open_timer.start()
        self.open()

    def open(self) -> None:
        raise NotImplementedError

    def opened(self, width: int, height: int, fps: float) -> None:
        """Tell the capture thread the source is open."""
        self.was_open = True
        self._open_timer.stop()
        self.capture.opened(width, height, fps)

    def _open_timeout(self) -> None:
        self.finish(self.open_failed_message())

    def open_failed_message(self) -> str:
        raise NotImplementedError

    def end(self) -> None:
        """Stop delivering frames (called in the capture thread before deletion)."""
        self.sink.videoFrameChanged.disconnect(self._frame)

    def finish(self, error: str | None = None) -> None:
        """Stop the capture, with ``error`` for the cashier if it failed."""
        if error is not None:
            self.capture.fail(error)
        self.done = True
        self._open_timer.stop()
        self.loop.quit()

    @Slot(QVideoFrame)
    def _frame(self, frame: QVideoFrame) -> None:
        # In the capture thread: convert and hand over, never raise into Qt.
        if self.done or self.capture.stopping:
            return
        try:
            image = frame_to_gray(frame)
        except Exception:
            if not self._converter_failed:
                self._converter_failed = True
                log.exception("cannot convert a %s video frame", frame.pixelFormat())
            return
        if image is None:
            return
        self.frames += 1
        self.capture.deliver(image)


class _FileSource(_Source):
    """A video file played by ``QMediaPlayer`` at ``speed`` times its rate, looping."""

    def __init__(self, capture: CaptureThread, loop: QEventLoop, path: Path) -> None:
        super().__init__(capture, loop)
        self.path = path
        self.player = QMediaPlayer(self)
        self.player.setVideoOutput(self.sink)
        self.player.setPlaybackRate(capture.speed)
        self.player.mediaStatusChanged.connect(self._status)
        self.player.errorOccurred.connect(self._error)

    def open(self) -> None:
        if not self.player.isAvailable():  # no FFmpeg plugin (a broken install or bundle)
            self.finish(MSG_NO_BACKEND)
            return
        self.player.setSource(QUrl.fromLocalFile(str(self.path.resolve())))
        self.player.play()

    def open_failed_message(self) -> str:
        return f"Cannot open video file {self.capture.source}: unknown or damaged format."

    def end(self) -> None:
        super().end()
        self.player.stop()

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        Status = QMediaPlayer.MediaStatus
        name = self.capture.source
        if status == Status.LoadedMedia and not self.was_open:
            metadata = self.player.metaData()
            fps = _as_float(metadata.value(QMediaMetaData.Key.VideoFrameRate))
            size = metadata.value(QMediaMetaData.Key.Resolution)
            width, height = (size.width(), size.height()) if size else (0, 0)
            self.opened(width, height, fps if 0 < fps < 1000 else DEFAULT_FPS)
        elif status == Status.InvalidMedia:
            self.finish(self.open_failed_message())
        elif status == Status.EndOfMedia:
            frames, self.frames = self.frames, 0
            if frames == 0:
                self.finish(f"Video file {name} contains no readable frames.")
            elif not self.capture.loop:
                self.finish()
            else:
                self.capture.loops += 1
                self.player.setPosition(0)
                self.player.play()

    def _error(self, _error: QMediaPlayer.Error, text: str) -> None:
        if not self.was_open:
            self.finish(self.open_failed_message())
        else:
            self.finish(f"Video file {self.capture.source} stopped playing: {text}")


class _CameraSource(_Source):
    """The ``capture.source``-th camera of ``QMediaDevices.videoInputs()``, reopened on trouble."""

    def __init__(self, capture: CaptureThread, loop: QEventLoop) -> None:
        super().__init__(capture, loop)
        self.session = QMediaCaptureSession(self)
        self.session.setVideoSink(self.sink)
        self.devices = QMediaDevices(self)
        self.devices.videoInputsChanged.connect(self._devices_changed)
        self.camera: QCamera | None = None
        self.device: QCameraDevice | None = None
        self.tries = 0  # reopenings since the camera last delivered a picture
        self._reopen = QTimer(self, singleShot=True, interval=CAMERA_REOPEN_DELAY_MS)
        self._reopen.timeout.connect(self._open)
        self._watchdog = QTimer(self, interval=CAMERA_STALL_MS)
        self._watchdog.timeout.connect(self._check_stall)
        self._seen = 0  # frames at the last watchdog tick

    def open(self) -> None:
        self._open()

    def open_failed_message(self) -> str:
        return (
            f"Cannot open camera {self.capture.source}. Check that it is connected "
            "and not used by another program."
        )

    def end(self) -> None:
        super().end()
        self._watchdog.stop()
        self._reopen.stop()
        self._close()

    def _find(self) -> QCameraDevice | None:
        inputs = QMediaDevices.videoInputs()
        index = int(self.capture.source)
        if self.device is not None:  # the same camera, wherever it is listed now
            return next((d for d in inputs if d.id() == self.device.id()), None)
        return inputs[index] if index < len(inputs) else None

    def _open(self) -> None:
        device = self._find()
        if device is None and not self.was_open:
            self.finish(self.open_failed_message())
            return
        if device is None:
            self._trouble("not listed")
            return
        self.device = device
        camera = QCamera(device, self)
        if not camera.isAvailable():
            shiboken6.delete(camera)
            self.finish(MSG_NO_BACKEND)
            return
        chosen = camera_format(device.videoFormats(), self.capture.frame_size)
        if chosen is not None:
            camera.setCameraFormat(chosen)
        camera.errorOccurred.connect(self._error)
        camera.activeChanged.connect(self._active)
        self.camera = camera
        self.session.setCamera(camera)
        camera.start()
        if self.was_open:  # a reopened camera that stays dark is trouble again
            self._seen = self.frames
            self._watchdog.start()

    def _close(self) -> None:
        camera, self.camera = self.camera, None
        if camera is not None:
            camera.errorOccurred.disconnect(self._error)
            camera.activeChanged.disconnect(self._active)
            camera.stop()
            self.session.setCamera(None)
            shiboken6.delete(camera)

    def _active(self, active: bool) -> None:
        if not active or self.camera is None:
            return
        self._seen = self.frames
        self._watchdog.start()
        if not self.was_open:
            fmt = self.camera.cameraFormat()
            size = fmt.resolution()
            fps = fmt.maxFrameRate()
            self.opened(size.width(), size.height(), fps if fps > 0 else DEFAULT_FPS)

    def _error(self, _error: QCamera.Error, text: str) -> None:
        self._trouble(text)

    def _devices_changed(self) -> None:
        if self.device is not None and self.camera is not None and self._find() is None:
            self._trouble("unplugged")

    def _check_stall(self) -> None:
        if self.frames > self._seen:
            self._seen = self.frames
            self.tries = 0  # it works again: a later hiccup gets its own tries
        else:
            self._trouble(f"no picture for {CAMERA_STALL_MS} ms")

    def _trouble(self, why: str) -> None:
        """Open the camera again a few times, then give up with a message."""
        if self.done:
            return
        number = self.capture.source
        log.info("camera %s: %s (try %d)", number, why, self.tries + 1)
        self._watchdog.stop()
        self._close()
        if self.tries < CAMERA_REOPEN_TRIES:
            self.tries += 1
            self.capture.reopened += 1
            self._reopen.start()
        elif self.was_open:
            self.finish(f"Camera {number} stopped delivering pictures.")
        else:
            self.finish(self.open_failed_message())


def _as_float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
