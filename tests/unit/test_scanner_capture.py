"""CaptureThread and FrameSlot: video file as camera, looping, pacing, drops, errors, stop.

Cameras and video files go through Qt Multimedia, which needs a QCoreApplication
(pytest-qt's ``qapp``); its objects live in the capture thread's own event loop.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest

from pos_app.ui.scanner.capture import CaptureThread, Frame, FrameSlot, parse_source
from pos_app.ui.scanner.decode import decode_frame
from tests.support.qrvideo import static_qr_video, write_video


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """Qt Multimedia needs an application object (the app always has one)."""


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1 s at 10 fps of a static code."""
    path = tmp_path_factory.mktemp("capture") / "static.mp4"
    return static_qr_video(path, "cashuBcapture", seconds=1, fps=10).path


def _frame(seq: int) -> Frame:
    return Frame(np.zeros((2, 2, 3), np.uint8), seq, float(seq))


def test_frame_slot_newest_wins_and_counts_drops() -> None:
    slot = FrameSlot()
    assert slot.take(timeout=0) is None
    slot.put(_frame(0))
    slot.put(_frame(1))
    slot.put(_frame(2))
    assert slot.dropped == 2
    taken = slot.take(timeout=0)
    assert taken is not None and taken.seq == 2
    assert slot.take(timeout=0.01) is None  # taken already
    assert slot.peek() is taken  # the preview still sees it
    slot.put(_frame(3))
    assert slot.dropped == 2  # the previous one was taken: not a drop


def test_frame_slot_take_waits_for_a_frame() -> None:
    slot = FrameSlot()
    threading.Timer(0.05, slot.put, args=(_frame(7),)).start()
    taken = slot.take(timeout=5)
    assert taken is not None and taken.seq == 7


def test_frame_slot_close_wakes_the_consumer_at_once() -> None:
    slot = FrameSlot()
    slot.put(_frame(1))
    slot.close()
    assert slot.closed
    taken = slot.take(timeout=5)
    assert taken is not None and taken.seq == 1  # what was produced is still delivered
    started = time.monotonic()
    threading.Timer(0.05, slot.close).start()
    assert slot.take(timeout=5) is None
    assert time.monotonic() - started < 4  # woken, not timed out


@pytest.mark.parametrize(
    ("source", "expected"),
    [(0, 0), ("1", 1), (" 2 ", 2), ("video.mp4", "video.mp4"), (Path("a/b.avi"), "a/b.avi")],
)
def test_parse_source(source: object, expected: object) -> None:
    assert parse_source(source) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("source", [-1, "", True])
def test_parse_source_rejects(source: object) -> None:
    with pytest.raises(ValueError):
        parse_source(source)  # type: ignore[arg-type]


def test_video_file_plays_paced_and_loops(video: Path) -> None:
    opened = []
    capture = CaptureThread(video, speed=2.0, on_opened=lambda *a: opened.append(a))
    started = time.monotonic()
    capture.start()
    seqs = []
    while time.monotonic() - started < 1.2:
        frame = capture.slot.take(timeout=1)
        assert frame is not None
        assert frame.image.shape == (720, 1280) and frame.image.dtype == np.uint8  # grey
        seqs.append(frame.seq)
    elapsed = time.monotonic() - started
    assert capture.stop()
    assert capture.error is None
    assert opened == [(1280, 720, 10.0)]
    assert capture.fps == 10.0
    # 20 fps: a 10-frame file loops at least once in 1.2 s; paced, not as fast as it decodes.
    assert capture.loops >= 1
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert capture.frames_read <= 20 * elapsed + 2
    assert decode_frame(capture.latest_frame()) == ["cashuBcapture"]


def test_stale_frames_are_dropped(video: Path) -> None:
    capture = CaptureThread(video, speed=4.0)
    capture.start()
    assert capture.wait_opened(5)
    time.sleep(0.5)  # nobody takes frames meanwhile
    frame = capture.slot.take(timeout=1)
    assert capture.stop()
    assert frame is not None
    assert capture.dropped >= 1
    assert frame.seq >= capture.dropped  # the newest one, not the first


def test_no_loop_ends_the_thread(video: Path) -> None:
    capture = CaptureThread(video, speed=10.0, loop=False)
    capture.start()
    capture.join(5)
    assert not capture.is_alive()
    assert capture.frames_read == 10 and capture.loops == 0 and capture.error is None


def test_missing_file_reports_an_error(tmp_path: Path) -> None:
    errors: list[str] = []
    capture = CaptureThread(tmp_path / "nope.mp4", on_error=errors.append)
    capture.start()
    assert not capture.wait_opened(5)
    capture.join(5)
    assert not capture.is_alive()
    assert errors == [capture.error]
    assert errors[0].startswith("Video file not found") and "nope.mp4" in errors[0]


def test_unreadable_file_reports_an_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.mp4"
    bogus.write_bytes(b"this is not a video" * 100)
    errors: list[str] = []
    capture = CaptureThread(bogus, on_error=errors.append)
    capture.start()
    capture.join(10)
    assert not capture.is_alive()
    assert len(errors) == 1 and "bogus.mp4" in errors[0]


def test_missing_camera_reports_an_error() -> None:
    errors: list[str] = []
    capture = CaptureThread("97", on_error=errors.append)
    assert capture.is_camera
    capture.start()
    capture.join(15)
    assert not capture.is_alive()
    assert errors and errors[0].startswith("Cannot open camera 97")


def test_stop_is_prompt_even_for_a_slow_video(tmp_path: Path) -> None:
    path = write_video(tmp_path / "slow.avi", [np.full((720, 1280, 3), 99, np.uint8)] * 3, fps=1)
    capture = CaptureThread(path)
    capture.start()
    assert capture.wait_opened(5)
    time.sleep(0.1)  # now sleeping until the next frame, a second away
    started = time.monotonic()
    assert capture.stop(timeout=2)
    print(f"stop took {1000 * (time.monotonic() - started):.1f} ms")


def test_bad_speed_is_rejected(video: Path) -> None:
    with pytest.raises(ValueError):
        CaptureThread(video, speed=0)


def _video_frame(pixel_format: object, width: int, height: int, planes: list[np.ndarray]):
    """A QVideoFrame of ``pixel_format`` whose planes hold ``planes`` (rows padded by Qt)."""
    from PySide6.QtCore import QSize
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    for index, data in enumerate(planes):
        stride = frame.bytesPerLine(index)
        rows = np.frombuffer(frame.bits(index), np.uint8, count=stride * data.shape[0])
        rows.reshape(data.shape[0], stride)[:, : data.shape[1]] = data
    frame.unmap()
    return frame


def test_frame_to_gray_takes_the_luma_of_yuv_frames() -> None:
    from PySide6.QtMultimedia import QVideoFrameFormat

    from pos_app.ui.scanner.qtcapture import frame_to_gray

    pf = QVideoFrameFormat.PixelFormat
    rng = np.random.default_rng(3)
    luma = rng.integers(0, 256, (30, 42), dtype=np.uint8)  # odd width: padded rows
    chroma = np.full((15, 42), 128, np.uint8)
    quarter = np.full((15, 21), 128, np.uint8)
    yuyv = np.full((30, 84), 128, np.uint8)
    yuyv[:, 0::2] = luma
    uyvy = np.full((30, 84), 128, np.uint8)
    uyvy[:, 1::2] = luma
    cases = {
        pf.Format_YUV420P: [luma, quarter, quarter],
        pf.Format_NV12: [luma, chroma],
        pf.Format_YUYV: [yuyv],
        pf.Format_UYVY: [uyvy],
    }
    for pixel_format, planes in cases.items():
        frame = _video_frame(pixel_format, 42, 30, planes)
        grey = frame_to_gray(frame)
        assert grey is not None and grey.dtype == np.uint8, pixel_format
        assert np.array_equal(grey, luma), pixel_format
        assert grey.flags.c_contiguous and grey.flags.owndata  # not a view of mapped memory


def test_frame_to_gray_converts_other_formats_through_qimage() -> None:
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    from pos_app.ui.scanner.qtcapture import frame_to_gray

    white_left = np.zeros((20, 40, 4), np.uint8)
    white_left[:, :20] = 255
    white_left[:, :, 3] = 255
    frame = _video_frame(
        QVideoFrameFormat.PixelFormat.Format_RGBA8888, 40, 20, [white_left.reshape(20, 160)]
    )
    grey = frame_to_gray(frame)
    assert grey is not None and grey.shape == (20, 40)
    assert (grey[:, :20] == 255).all() and (grey[:, 20:] == 0).all()
    assert frame_to_gray(QVideoFrame()) is None  # an empty frame (the end of a video)


class _Format:
    def __init__(self, width: int, height: int, fps: float, jpeg: bool = False) -> None:
        from PySide6.QtCore import QSize
        from PySide6.QtMultimedia import QVideoFrameFormat

        pf = QVideoFrameFormat.PixelFormat
        self._size, self._fps = QSize(width, height), fps
        self._pixel = pf.Format_Jpeg if jpeg else pf.Format_YUYV

    def resolution(self):
        return self._size

    def maxFrameRate(self) -> float:
        return self._fps

    def pixelFormat(self):
        return self._pixel

    def __repr__(self) -> str:
        return f"{self._size.width()}x{self._size.height()}@{self._fps}{'jpeg' if self._pixel.name == 'Format_Jpeg' else ''}"


def test_camera_format_nearest_size_then_speed_then_not_jpeg() -> None:
    from pos_app.ui.scanner.qtcapture import camera_format

    small, big = _Format(640, 480, 30), _Format(1920, 1080, 30)
    slow_raw, jpeg = _Format(1280, 720, 10), _Format(1280, 720, 30, jpeg=True)
    raw = _Format(1280, 720, 30)
    assert camera_format([small, big, slow_raw, jpeg], (1280, 720)) is jpeg  # 10 fps is too slow
    assert camera_format([small, big, slow_raw, jpeg, raw], (1280, 720)) is raw  # no JPEG decode
    assert camera_format([small, big], (1280, 720)) is small  # nearest pixel count
    assert camera_format([small, big], None) is None  # the camera's default
    assert camera_format([], (1280, 720)) is None
