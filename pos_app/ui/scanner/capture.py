"""Camera capture in its own thread, newest frame wins.

A :class:`CaptureThread` reads frames with Qt Multimedia from a camera (an index
such as ``0`` or ``"0"``, in the order of ``QMediaDevices.videoInputs()``) or from
a video file (:mod:`.qtcapture`), so tests stand a video file in for the camera,
or from training's virtual camera (:mod:`.virtual`). A video file plays in a loop
at its own frame rate (times ``speed``), like a phone held in front of the camera
for as long as it takes. Every frame becomes an 8-bit grey image: all the decoder
reads, and the cheapest thing to take from a camera (the Y plane of its YUV frames).

Qt Multimedia rather than OpenCV: its FFmpeg backend is bundled already (camera
list, chime), and OpenCV with its own FFmpeg, OpenBLAS and codecs was a third of
the installed bundle for one ``VideoCapture``.

Frames go into a :class:`FrameSlot` that holds one frame: a new frame replaces
the one waiting, and a replaced frame nobody took counts as dropped. The
consumer (the decode loop) always gets the newest frame and never a backlog.

Nothing here raises in the capture thread: a camera that cannot be opened or
stops delivering frames ends the thread with :attr:`CaptureThread.error` set
and ``on_error`` called with a message a cashier can act on.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pos_app.ui.scanner import virtual
from pos_app.ui.scanner.decode import to_gray

log = logging.getLogger(__name__)

Source = int | str | Path


@dataclass(frozen=True, slots=True)
class Frame:
    """One captured frame.

    Attributes:
        image: grey image, ``uint8`` of shape ``(height, width)``.
        seq: capture number, 0 for the first frame, counting on across video loops.
        timestamp: ``time.monotonic()`` when the frame was read.
    """

    image: np.ndarray
    seq: int
    timestamp: float


class FrameSlot:
    """A single-slot buffer between one producer and one consumer: newest frame wins."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._fresh = False  # the latest frame has not been taken yet
        self._closed = False
        self.dropped = 0

    def put(self, frame: Frame) -> None:
        """Store ``frame``, replacing (and counting as dropped) a frame not taken yet."""
        with self._cond:
            if self._fresh:
                self.dropped += 1
            self._latest = frame
            self._fresh = True
            self._cond.notify_all()

    def take(self, timeout: float | None = None) -> Frame | None:
        """Wait up to ``timeout`` seconds for a frame not taken yet and take it.

        Returns:
            The newest frame, or None when none arrived in time or the slot is
            closed and holds nothing new.
        """
        with self._cond:
            self._cond.wait_for(lambda: self._fresh or self._closed, timeout)
            if not self._fresh:
                return None
            self._fresh = False
            return self._latest

    def peek(self) -> Frame | None:
        """The newest frame, taken or not (for a preview); does not take it."""
        with self._cond:
            return self._latest

    @property
    def closed(self) -> bool:
        """True once the producer has finished."""
        return self._closed

    def close(self) -> None:
        """No more frames will come: wake the consumer at once instead of at its timeout."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()


def parse_source(source: Source) -> int | str:
    """A camera index for an int or a string of digits, else a file path as text.

    Raises:
        ValueError: for a negative camera index or an empty string.
    """
    if isinstance(source, bool):
        raise ValueError("camera source must be an index or a file path")
    if isinstance(source, int):
        if source < 0:
            raise ValueError(f"camera index {source} is negative")
        return source
    text = str(source).strip()
    if not text:
        raise ValueError("empty camera source")
    return int(text) if text.isdigit() else text


def describe_source(source: Source) -> str:
    """Short human name of a source, for messages."""
    parsed = parse_source(source)
    if isinstance(parsed, int):
        return f"camera {parsed}"
    if parsed.startswith(virtual.PREFIX):
        return f"virtual camera {parsed.removeprefix(virtual.PREFIX)}"
    return f"video file {parsed}"


class CaptureThread(threading.Thread):
    """Read frames from a camera, a looping video file or a virtual camera into a slot.

    A camera or a video file needs a ``QCoreApplication`` (the app's, or a test's):
    its Qt objects live in this thread, which runs a Qt event loop of its own.

    Args:
        source: camera index (``0`` or ``"0"``), video file path or ``virtual:<name>``.
        speed: playback speed factor for video files (1.0 = the file's own frame
            rate; tests use 2..4); ignored for cameras, which pace themselves.
        loop: play a video file again from the start when it ends.
        frame_size: ``(width, height)`` to ask a camera for (the nearest format it
            offers); None keeps its default.
        on_error: called once, in the capture thread, with a cashier-facing message
            when the source cannot be opened or stops delivering frames.
        on_opened: called in the capture thread once the source is open, with
            ``(width, height, fps)``.
        slot: the buffer to fill (a new one by default).

    Attributes:
        slot: the single-frame buffer the consumer reads.
        error: the error message, or None.
        frames_read: frames read from the source so far.
        loops: how many times a video file started over.
        reopened: how many times a camera was opened again after an error.
        fps: the source's frame rate (0 until opened).
    """

    def __init__(
        self,
        source: Source,
        *,
        speed: float = 1.0,
        loop: bool = True,
        frame_size: tuple[int, int] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_opened: Callable[[int, int, float], None] | None = None,
        slot: FrameSlot | None = None,
    ) -> None:
        super().__init__(name="pos-camera", daemon=True)
        if not speed > 0:
            raise ValueError(f"speed must be positive, got {speed}")
        self.source = parse_source(source)
        self.is_camera = isinstance(self.source, int)
        # A window's pictures (training's customer wallet), paced like a camera.
        self.is_virtual = isinstance(self.source, str) and self.source.startswith(virtual.PREFIX)
        self.speed = float(speed)
        self.loop = loop
        self.frame_size = frame_size
        self.on_error = on_error
        self.on_opened = on_opened
        self.slot = slot if slot is not None else FrameSlot()
        self.error: str | None = None
        self.frames_read = 0
        self.loops = 0
        self.reopened = 0
        self.fps = 0.0
        self._stop_event = threading.Event()
        self._opened = threading.Event()
        self._wake_lock = threading.Lock()
        self._wake: Callable[[], None] | None = None  # ends the Qt event loop of this thread

    # -- consumer side -------------------------------------------------------------

    @property
    def dropped(self) -> int:
        """Frames replaced in the slot before anyone took them."""
        return self.slot.dropped

    def latest_frame(self) -> np.ndarray | None:
        """The newest grey image (for a preview), or None before the first frame."""
        frame = self.slot.peek()
        return None if frame is None else frame.image

    def wait_opened(self, timeout: float | None = None) -> bool:
        """Wait until the source is open or has failed; True if it is open."""
        self._opened.wait(timeout)
        return self._opened.is_set() and self.error is None

    def start(self) -> None:
        """Start the thread; Qt Multimedia is loaded here, in the caller's (GUI) thread.

        Its device list and backend are process-wide objects: created by the first user,
        they must belong to the long-lived GUI thread, not to a capture thread that ends.
        """
        if not self.is_virtual:
            try:
                from pos_app.ui.scanner import qtcapture
            except ImportError:
                pass  # run() reports it to the cashier
            else:
                qtcapture.prepare()
        super().start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the thread to stop and wait up to ``timeout`` seconds for it.

        Returns:
            True if the thread has ended (or never started).
        """
        self._stop_event.set()
        self.slot.close()
        with self._wake_lock:  # held: the loop is not deleted while the wake-up is posted
            if self._wake is not None:
                self._wake()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)
        return not self.is_alive()

    @property
    def stopping(self) -> bool:
        """True once :meth:`stop` was called."""
        return self._stop_event.is_set()

    # -- capture thread ------------------------------------------------------------

    def run(self) -> None:
        """Thread body: open, read until stopped or failed, release."""
        try:
            if self.is_virtual:
                self._run_virtual()
            else:
                self._run_qt()
        except Exception as exc:  # a bug or a driver failure: report it, never die silently
            log.exception("camera thread failed")
            self.fail(f"The camera stopped working ({type(exc).__name__}).")
        finally:
            self._opened.set()
            self.slot.close()

    def set_wake(self, wake: Callable[[], None] | None) -> bool:
        """For :mod:`.qtcapture`: how :meth:`stop` ends this thread's event loop.

        Returns:
            False when :meth:`stop` was called already (do not start the loop).
        """
        with self._wake_lock:
            self._wake = wake
            return not self._stop_event.is_set()

    def fail(self, message: str) -> None:
        """Record the error (the first one counts) and tell ``on_error``."""
        if self.error is not None:
            return
        self.error = message
        log.warning("capture %s: %s", describe_source(self.source), message)
        if self.on_error is not None:
            try:
                self.on_error(message)
            except Exception:
                log.exception("capture on_error callback failed")

    def opened(self, width: int, height: int, fps: float) -> None:
        """The source is open: record its frame rate and tell ``on_opened``."""
        self.fps = fps
        self._opened.set()
        if self.on_opened is not None:
            try:
                self.on_opened(width, height, fps)
            except Exception:
                log.exception("capture on_opened callback failed")

    def deliver(self, image: np.ndarray) -> None:
        """A new grey frame (any thread): into the slot, numbered."""
        self.slot.put(Frame(image, self.frames_read, time.monotonic()))
        self.frames_read += 1

    def _run_qt(self) -> None:
        try:
            from pos_app.ui.scanner import qtcapture
        except ImportError as exc:  # on Linux, Qt Multimedia needs the system's libpulse
            log.warning("Qt Multimedia cannot load: %s", exc)
            self.fail(f"The camera cannot be used: Qt Multimedia does not load ({exc}).")
            return
        qtcapture.run(self)

    def _run_virtual(self) -> None:
        camera = virtual.find(str(self.source))
        if camera is None:
            self.fail("The customer wallet is not open: open it from the App menu.")
            return
        width, height = camera.size
        self.opened(width, height, camera.fps)
        while not self._stop_event.is_set():
            ok, image = camera.read()  # paced by the camera: one frame's time
            if not ok or image is None:
                self.fail("The customer wallet was closed.")
                return
            self.deliver(to_gray(image))
