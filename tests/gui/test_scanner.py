"""ScannerWorker end to end: generated videos stand in for the camera (offscreen Qt).

Timing is recorded and printed (run with ``-s`` to see it), never asserted: the
GUI thread's longest stall while scanning is measured with a 5 ms QTimer
watchdog (design budget: 50 ms).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.cashu.ur import URDecoder, encode_token_ur
from pos_app.ui.scanner import ScannerWorker
from pos_app.ui.scanner.assembler import MSG_LIGHTNING_INVOICE
from pos_app.ui.scanner.worker import MSG_REQUEST
from tests.support.qrvideo import QRVideo, animated_ur_video, fake_token, static_qr_video
from tests.support.watchdog import Watchdog

pytestmark = pytest.mark.gui

SHORT_TOKEN = fake_token(1, seed=11)
LONG_TOKEN = fake_token(55, seed=12)
INVOICE = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygs9qrsgqdfjx"
REQUEST = "creqApWF0gaNhdGVub3N0cmFheKlucHJvZmlsZTFxeTI4d3VtbjhnaGo3dW45ZDNzaGp0bnl2OWtoMnVld2Q5aHN6OW1od2RlbjV0ZTB3ZmprY2N0ZTljdXJ4dmVuOWVlaHFjdHJ2NWhzenJ0aHdkZW41dGUwZGVoaHh0bnZkYWtxcWd5ZGFxeTdjdXJrNDM5eWtwdGt5c3Y3dWRoZGh1NjhzdWNtMjk1YWtxZWZkZWhrZjBkNDk1Y3d1bmw1YWeBgmFuYjE3YWloYjdhOTAxNzZhYQphdWNzYXRhbYF4Imh0dHBzOi8vbm9mZWVzLnRlc3RudXQuY2FzaHUuc3BhY2U="
FRAGMENT = 300  # bytes per UR fragment for the long token


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, QRVideo]:
    base = tmp_path_factory.mktemp("scanner-videos")
    # A token whose UR has an even number of fragments: the starvation demo needs it.
    proofs = 6
    while encode_token_ur(fake_token(proofs, seed=13), 100).seq_len % 2:
        proofs += 1
    mid_token = fake_token(proofs, seed=13)
    mid_len = encode_token_ur(mid_token, 100).seq_len
    return {
        "static": static_qr_video(base / "static.mp4", SHORT_TOKEN, seconds=2, fps=10),
        "invoice": static_qr_video(base / "invoice.mp4", INVOICE, seconds=1, fps=10),
        "request": static_qr_video(base / "request.avi", REQUEST, seconds=1, fps=10),
        "long": animated_ur_video(base / "long.mp4", LONG_TOKEN, fps=10, max_fragment_len=FRAGMENT),
        "starving": animated_ur_video(base / "starve.mp4", mid_token, 10, 100, parts=mid_len),
        "fountain": animated_ur_video(base / "fountain.mp4", mid_token, 10, 100, parts=3 * mid_len),
    }


@pytest.fixture
def make_worker(qtbot) -> Iterator:
    made: list[ScannerWorker] = []

    def factory(source: object, **kwargs: object) -> ScannerWorker:
        worker = ScannerWorker(source, **kwargs)  # type: ignore[arg-type]
        made.append(worker)
        return worker

    yield factory
    for worker in made:
        assert worker.stop(timeout=3), "scanner threads did not stop"


class Recorder:
    def __init__(self, worker: ScannerWorker) -> None:
        self.tokens: list[str] = []
        self.progress: list[float] = []
        self.messages: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.frames: list[QImage] = []
        worker.token_read.connect(self.tokens.append)
        worker.progress.connect(self.progress.append)
        worker.message.connect(self.messages.append)
        worker.error.connect(self.errors.append)
        worker.request_read.connect(self.requests.append)
        worker.frame_ready.connect(self.frames.append)


def test_static_token_video(qtbot, make_worker, videos: dict[str, QRVideo]) -> None:
    worker = make_worker(videos["static"].path, speed=2.0)
    seen = Recorder(worker)
    started = time.monotonic()
    with qtbot.waitSignal(worker.token_read, timeout=10_000) as blocker:
        worker.start()
    print(f"\nstatic token read after {1000 * (time.monotonic() - started):.0f} ms")
    assert blocker.args == [SHORT_TOKEN]
    assert len(SHORT_TOKEN) > 300
    qtbot.wait(1500)  # the video loops on: the same code must not fire again
    elapsed = time.monotonic() - started
    assert seen.tokens == [SHORT_TOKEN]
    assert seen.messages == seen.errors == [] and seen.progress == []
    assert seen.frames, "no preview frame"
    assert seen.frames[-1].width() == 1280 and seen.frames[-1].height() == 720
    assert len(seen.frames) <= 15 * elapsed + 2  # preview throttled to 15 fps
    stats = worker.stats()
    assert stats.frames_decoded >= 1 and stats.frames_captured >= stats.frames_decoded
    print(f"stats {stats}")


def test_long_token_animated_ur(qtbot, make_worker, videos: dict[str, QRVideo]) -> None:
    video = videos["long"]
    assert 10_000 <= len(LONG_TOKEN) <= 20_000
    assert video.seq_len > 40 and len(video.texts) == 3 * video.seq_len
    worker = make_worker(video.path, speed=3.0)
    seen = Recorder(worker)
    with Watchdog() as watchdog:
        started = time.monotonic()
        with qtbot.waitSignal(worker.token_read, timeout=60_000) as blocker:
            worker.start()
        took = time.monotonic() - started
        qtbot.wait(300)
    assert blocker.args == [LONG_TOKEN]
    assert seen.tokens == [LONG_TOKEN]
    assert len(parse_token(LONG_TOKEN).proofs) == 55
    assert len(seen.progress) >= video.seq_len // 2
    assert seen.progress == sorted(seen.progress), "progress went backwards"
    assert seen.progress[0] < 0.1 and seen.progress[-1] == 1.0
    stats = worker.stats()
    print(
        f"\n{len(LONG_TOKEN)}-char token, {video.seq_len} fragments of {FRAGMENT} B: read in "
        f"{took:.2f} s at 30 fps, {len(seen.progress)} progress signals"
        f"\nGUI watchdog: max gap {1000 * watchdog.max_gap:.1f} ms over {watchdog.ticks} ticks "
        f"(budget 50 ms)\nstats {stats}"
    )


def test_sampling_every_other_frame_starves_on_fragments_only(
    qtbot, make_worker, videos: dict[str, QRVideo]
) -> None:
    starving, fountain = videos["starving"], videos["fountain"]
    assert starving.seq_len % 2 == 0 and starving.texts == fountain.texts[: starving.seq_len]
    worker = make_worker(starving.path, decode_every=2, speed=4.0)
    seen = Recorder(worker)
    worker.start()
    qtbot.wait(int(1000 * 3 * starving.seconds / 4) + 500)  # three loops and more
    assert worker.stop()
    assert seen.tokens == []
    assert seen.progress and max(seen.progress) <= 0.5 + 1e-9  # only the even fragments
    print(f"\nstarving: progress stuck at {max(seen.progress):.2f}; {worker.stats()}")

    worker = make_worker(fountain.path, decode_every=2, speed=4.0)
    seen = Recorder(worker)
    with qtbot.waitSignal(worker.token_read, timeout=30_000) as blocker:
        worker.start()
    assert blocker.args == [fountain_token(fountain)]
    assert parse_token(blocker.args[0]).proofs
    print(f"fountain parts: read; {worker.stats()}")


def fountain_token(video: QRVideo) -> str:
    """The token carried by an animated video (decoded from its own parts)."""
    decoder = URDecoder()
    for part in video.texts:
        decoder.receive_part(part)
        if decoder.is_complete:
            return decoder.result_text or ""
    raise AssertionError("video does not carry a complete message")


def test_non_token_qr_gives_a_message(qtbot, make_worker, videos: dict[str, QRVideo]) -> None:
    worker = make_worker(videos["invoice"].path, speed=2.0)
    seen = Recorder(worker)
    with qtbot.waitSignal(worker.message, timeout=10_000) as blocker:
        worker.start()
    assert blocker.args == [MSG_LIGHTNING_INVOICE]
    qtbot.wait(700)
    assert seen.messages == [MSG_LIGHTNING_INVOICE] and seen.tokens == []


def test_payment_request_scanned_by_mistake(qtbot, make_worker, videos: dict[str, QRVideo]) -> None:
    worker = make_worker(videos["request"].path, speed=2.0)
    seen = Recorder(worker)
    with qtbot.waitSignal(worker.request_read, timeout=10_000) as blocker:
        worker.start()
    assert blocker.args == [REQUEST]
    qtbot.waitUntil(lambda: seen.messages == [MSG_REQUEST], timeout=2000)
    assert seen.tokens == []


def test_missing_file_gives_an_error(qtbot, make_worker, tmp_path: Path) -> None:
    worker = make_worker(tmp_path / "missing.mp4")
    seen = Recorder(worker)
    with qtbot.waitSignals([worker.error, worker.stopped], timeout=10_000, order="strict"):
        worker.start()
    assert len(seen.errors) == 1
    assert seen.errors[0].startswith("Video file not found") and "missing.mp4" in seen.errors[0]
    qtbot.waitUntil(lambda: not worker.running, timeout=2000)


def test_bad_source_gives_an_error(qtbot, make_worker) -> None:
    worker = make_worker(-3)
    with qtbot.waitSignal(worker.error, timeout=1000) as blocker:
        worker.start()
    assert "camera" in blocker.args[0].lower()
    assert not worker.running


def test_stop_joins_quickly_and_restarts(qtbot, make_worker, videos: dict[str, QRVideo]) -> None:
    worker = make_worker(videos["static"].path)
    with qtbot.waitSignal(worker.token_read, timeout=10_000):
        worker.start()
    assert worker.running
    started = time.perf_counter()
    assert worker.stop(timeout=2)
    took = time.perf_counter() - started
    print(f"\nstop() took {1000 * took:.1f} ms")
    assert not worker.running and worker.latest_frame() is not None
    with qtbot.waitSignal(worker.token_read, timeout=10_000) as blocker:  # a fresh session
        worker.start()
    assert blocker.args == [SHORT_TOKEN]


def test_decode_every_validation() -> None:
    with pytest.raises(ValueError):
        ScannerWorker("0", decode_every=0)
    assert ScannerWorker("0").decode_every == ScannerWorker.decode_every == 1


def test_deleting_the_worker_ends_its_threads(qtbot, videos: dict[str, QRVideo]) -> None:
    parent = QObject()
    worker = ScannerWorker(videos["static"].path, parent=parent)
    with qtbot.waitSignal(worker.token_read, timeout=10_000):
        worker.start()
    shiboken6.delete(parent)  # the owning window closes without calling stop()
    qtbot.waitUntil(lambda: not worker.running, timeout=3000)
    assert worker.stop(timeout=1)
