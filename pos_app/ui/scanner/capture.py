"""Camera capture in its own thread, newest frame wins.

A :class:`CaptureThread` reads frames with OpenCV from a camera (an index such
as ``0`` or ``"0"``) or from a video file, through the same
``cv2.VideoCapture`` code path, so tests stand a video file in for the camera.
A video file plays in a loop at its own frame rate (times ``speed``), like a
phone held in front of the camera for as long as it takes.

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

import cv2
import numpy as np

from pos_app.ui.scanner import virtual

log = logging.getLogger(__name__)

Source = int | str | Path

# Consecutive failed reads before a camera counts as gone (a USB hiccup loses a few).
_CAMERA_READ_RETRIES = 25
_CAMERA_RETRY_DELAY = 0.02
_DEFAULT_FPS = 25.0


@dataclass(frozen=True, slots=True)
class Frame:
    """One captured frame.

    Attributes:
        image: BGR image, ``uint8`` of shape ``(height, width, 3)``.
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
    """Read frames from a camera or a looping video file into a :class:`FrameSlot`.

    Args:
        source: camera index (``0`` or ``"0"``) or video file path.
        speed: playback speed factor for video files (1.0 = the file's own frame
            rate; tests use 2..4); ignored for cameras, which pace themselves.
        loop: play a video file again from the start when it ends.
        frame_size: ``(width, height)`` to ask a camera for; None keeps its default.
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
        self.fps = 0.0
        self._stop_event = threading.Event()
        self._opened = threading.Event()

    # -- consumer side -------------------------------------------------------------

    @property
    def dropped(self) -> int:
        """Frames replaced in the slot before anyone took them."""
        return self.slot.dropped

    def latest_frame(self) -> np.ndarray | None:
        """The newest BGR image (for a preview), or None before the first frame."""
        frame = self.slot.peek()
        return None if frame is None else frame.image

    def wait_opened(self, timeout: float | None = None) -> bool:
        """Wait until the source is open or has failed; True if it is open."""
        self._opened.wait(timeout)
        return self._opened.is_set() and self.error is None

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the thread to stop and wait up to ``timeout`` seconds for it.

        Returns:
            True if the thread has ended (or never started).
        """
        self._stop_event.set()
        self.slot.close()
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
        capture: cv2.VideoCapture | None = None
        try:
            capture = self._open()
            if capture is not None:
                self._opened.set()
                self._read_loop(capture)
        except Exception as exc:  # a bug or a driver failure: report it, never die silently
            log.exception("camera thread failed")
            self._fail(f"The camera stopped working ({type(exc).__name__}).")
        finally:
            self._opened.set()
            if capture is not None:
                capture.release()
            self.slot.close()

    def _fail(self, message: str) -> None:
        if self.error is not None:
            return
        self.error = message
        log.warning("capture %s: %s", describe_source(self.source), message)
        if self.on_error is not None:
            try:
                self.on_error(message)
            except Exception:
                log.exception("capture on_error callback failed")

    def _open(self) -> cv2.VideoCapture | None:
        if self.is_virtual:
            camera = virtual.find(str(self.source))
            if camera is None:
                self._fail("The customer wallet is not open: open it from the App menu.")
                return None
            self.fps = camera.fps
            return camera  # type: ignore[return-value]  (read like a VideoCapture)
        if not self.is_camera and not Path(self.source).is_file():
            self._fail(f"Video file not found: {self.source}")
            return None
        capture = cv2.VideoCapture(self.source)
        if not capture.isOpened():
            capture.release()
            if self.is_camera:
                self._fail(
                    f"Cannot open camera {self.source}. Check that it is connected "
                    "and not used by another program."
                )
            else:
                self._fail(f"Cannot open video file {self.source}: unknown or damaged format.")
            return None
        if self.is_camera and self.frame_size is not None:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.frame_size[0])
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.frame_size[1])
        fps = capture.get(cv2.CAP_PROP_FPS)
        self.fps = fps if 0 < fps < 1000 else _DEFAULT_FPS
        if self.on_opened is not None:
            width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH))
            height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
            try:
                self.on_opened(width, height, self.fps)
            except Exception:
                log.exception("capture on_opened callback failed")
        return capture

    def _read_loop(self, capture: cv2.VideoCapture) -> None:
        live = self.is_camera or self.is_virtual  # they pace themselves
        interval = 0.0 if live else 1.0 / (self.fps * self.speed)
        next_due = time.monotonic()
        failures = 0
        frames_this_pass = 0
        while not self._stop_event.is_set():
            ok, image = capture.read()
            if not ok or image is None:
                if self.is_virtual:
                    self._fail("The customer wallet was closed.")
                    return
                if self.is_camera:
                    failures += 1
                    if failures > _CAMERA_READ_RETRIES:
                        self._fail(f"Camera {self.source} stopped delivering pictures.")
                        return
                    self._stop_event.wait(_CAMERA_RETRY_DELAY)
                    continue
                if frames_this_pass == 0:
                    self._fail(f"Video file {self.source} contains no readable frames.")
                    return
                if not self.loop:
                    return
                if not self._rewind(capture):
                    capture.release()
                    capture = cv2.VideoCapture(self.source)
                    if not capture.isOpened():
                        self._fail(f"Cannot reopen video file {self.source}.")
                        return
                self.loops += 1
                frames_this_pass = 0
                continue
            failures = 0
            frames_this_pass += 1
            if interval:
                # Pace to an absolute schedule so timing does not drift; after a stall,
                # start a new schedule instead of bursting to catch up.
                now = time.monotonic()
                if next_due > now:
                    if self._stop_event.wait(next_due - now):
                        return
                    next_due += interval
                else:
                    next_due = now + interval
            self.slot.put(Frame(_as_bgr(image), self.frames_read, time.monotonic()))
            self.frames_read += 1

    @staticmethod
    def _rewind(capture: cv2.VideoCapture) -> bool:
        return bool(capture.set(cv2.CAP_PROP_POS_FRAMES, 0))


def _as_bgr(image: np.ndarray) -> np.ndarray:
    """Cameras may hand out grey or BGRA images; the rest of the scanner expects BGR."""
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return image
