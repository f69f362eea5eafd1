"""A virtual camera: pictures a window draws, read by the scanner as if filmed.

Training mode's customer wallet puts each QR frame it shows here; the till's capture
thread reads ``virtual:<name>`` like a camera, so the whole path (capture, decode,
animated-code assembly, checkout) runs as it does with a phone in front of a webcam.
Knows no Qt: the window converts its pictures to BGR arrays (the capture thread turns
them grey, as it does a real camera's frames).
"""

from __future__ import annotations

import threading

import numpy as np

PREFIX = "virtual:"
DEFAULT_FPS = 15.0
BLANK = (540, 960)  # what the camera sees before the window draws anything: a grey wall

_cameras: dict[str, VirtualCamera] = {}
_lock = threading.Lock()


class VirtualCamera:
    """The newest picture of a window, handed out at a camera's pace.

    The capture thread reads it like a camera: ``read`` waits one frame's time and hands
    out the current picture.
    """

    def __init__(self, name: str, fps: float = DEFAULT_FPS) -> None:
        self.name = name
        self.fps = fps
        self._image = np.full((*BLANK, 3), 128, np.uint8)
        self._closed = threading.Event()
        self._changed = threading.Condition()
        self.pictures = 0  # how many the window put (tests, diagnostics)

    @property
    def source(self) -> str:
        """What to give the scanner as its camera."""
        return PREFIX + self.name

    def show(self, image: np.ndarray) -> None:
        """The window's new picture (8-bit grey, height x width); it is copied."""
        with self._changed:
            self._image = np.ascontiguousarray(image).copy()
            self.pictures += 1
            self._changed.notify_all()

    def close(self) -> None:
        """The window is gone: readers get no more pictures."""
        self._closed.set()
        with self._changed:
            self._changed.notify_all()

    # -- what the capture thread reads ---------------------------------------------------------

    def is_open(self) -> bool:
        """True until the window closes."""
        return not self._closed.is_set()

    def read(self) -> tuple[bool, np.ndarray | None]:
        """The current picture after one frame's time, as a camera delivers (False: closed)."""
        if self._closed.wait(1.0 / self.fps):
            return False, None
        with self._changed:
            return True, self._image.copy()

    @property
    def size(self) -> tuple[int, int]:
        """``(width, height)`` of the current picture."""
        with self._changed:
            height, width = self._image.shape[:2]
        return width, height


def register(camera: VirtualCamera) -> VirtualCamera:
    """Make ``camera`` readable as ``virtual:<name>``."""
    with _lock:
        _cameras[camera.name] = camera
    return camera


def unregister(camera: VirtualCamera) -> None:
    """Close ``camera`` and forget it (if it is still the one by that name)."""
    camera.close()
    with _lock:
        if _cameras.get(camera.name) is camera:
            del _cameras[camera.name]


def find(source: str) -> VirtualCamera | None:
    """The open camera named by ``virtual:<name>``, or None."""
    with _lock:
        camera = _cameras.get(source.removeprefix(PREFIX))
    return camera if camera is not None and camera.is_open() else None
