"""CaptureThread and FrameSlot: video file as camera, looping, pacing, drops, errors, stop."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest

from pos_app.ui.scanner.capture import CaptureThread, Frame, FrameSlot, parse_source
from pos_app.ui.scanner.decode import decode_frame
from tests.support.qrvideo import static_qr_video, write_video


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
        assert frame.image.shape == (720, 1280, 3) and frame.image.dtype == np.uint8
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
