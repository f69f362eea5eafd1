"""decode_frame: zxing-cpp on rendered frames, text decoding, the pyzbar fallback rule."""

from __future__ import annotations

import importlib.util

import cv2
import numpy as np
import pytest
import qrcode

from pos_app.ui.scanner import decode
from pos_app.ui.scanner.decode import PYZBAR_AVAILABLE, decode_frame, qr_text, to_gray
from tests.support.qrvideo import SIZE, fake_token, qr_matrix, render_qr_frame, ur_parts

TOKEN = fake_token(3)


def test_reads_a_token_frame_exactly() -> None:
    assert decode_frame(render_qr_frame(TOKEN)) == [TOKEN]


def test_reads_an_upper_case_ur_part() -> None:
    part = ur_parts(fake_token(20), 200, 1)[0]
    assert part.startswith("UR:BYTES/1-")
    assert decode_frame(render_qr_frame(part)) == [part]


def test_reads_a_2000_character_code() -> None:
    text = fake_token(8)[:2000]
    assert len(text) == 2000
    assert decode_frame(render_qr_frame(text)) == [text]


def test_utf8_text_is_decoded() -> None:
    text = "Grüße, café €5 — 日本"
    assert decode_frame(render_qr_frame(text)) == [text]


def test_grey_and_bgra_frames() -> None:
    frame = render_qr_frame(TOKEN)
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    assert decode_frame(grey) == [TOKEN]
    assert decode_frame(grey[:, :, None]) == [TOKEN]
    assert decode_frame(cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)) == [TOKEN]


def test_bgr_to_grey_is_opencvs_luma() -> None:
    # The scanner's own BT.601 conversion (no OpenCV in the app), checked against OpenCV's.
    rng = np.random.default_rng(7)
    for channels, code in ((3, cv2.COLOR_BGR2GRAY), (4, cv2.COLOR_BGRA2GRAY)):
        frame = rng.integers(0, 256, (40, 60, channels), dtype=np.uint8)
        diff = to_gray(frame).astype(int) - cv2.cvtColor(frame, code).astype(int)
        assert np.abs(diff).max() <= 1, channels


def test_two_codes_in_one_frame() -> None:
    left, right = "https://example.com/a", "cashuBsecond"
    frame = np.full((720, 1280), 110, np.uint8)
    for text, x in ((left, 80), (right, 700)):
        code = cv2.resize(qr_matrix(text), None, fx=12, fy=12, interpolation=cv2.INTER_NEAREST)
        frame[100 : 100 + code.shape[0], x : x + code.shape[1]] = code
    assert sorted(decode_frame(frame)) == sorted([left, right])


def test_inverted_code_is_read() -> None:
    frame = 255 - render_qr_frame(TOKEN)
    assert decode_frame(frame) == [TOKEN]


@pytest.mark.parametrize(
    "frame",
    [
        np.full((SIZE[1], SIZE[0], 3), 110, np.uint8),
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((10, 10, 5), np.uint8),
        None,
        "not an image",
    ],
)
def test_nothing_to_read(frame: object) -> None:
    assert decode_frame(frame) == []  # type: ignore[arg-type]


def test_qr_text_charsets() -> None:
    assert qr_text("naïve €".encode()) == "naïve €"
    assert qr_text(b"caf\xe9") == "café"  # not UTF-8: the QR default ISO-8859-1
    assert qr_text(b"\x93\xfa", has_eci=True, eci_text="日") == "日"
    assert qr_text(b"plain", has_eci=False, eci_text="ignored") == "plain"


def test_latin1_code_is_decoded_as_latin1() -> None:
    # qrcode writes a str as UTF-8; give it raw ISO-8859-1 bytes instead.
    code = qrcode.QRCode(border=4)
    code.add_data(b"caf\xe9 na\xefve")
    code.make(fit=True)
    matrix = np.where(np.array(code.get_matrix(), bool), 0, 255).astype(np.uint8)
    frame = cv2.resize(matrix, None, fx=12, fy=12, interpolation=cv2.INTER_NEAREST)
    assert decode_frame(frame) == ["café naïve"]


def test_pyzbar_flag_matches_the_system() -> None:
    try:
        import pyzbar.pyzbar  # noqa: F401

        loadable = True
    except (ImportError, OSError):
        loadable = False
    assert importlib.util.find_spec("pyzbar") is not None
    assert loadable == PYZBAR_AVAILABLE


def damaged(text: str, share: float) -> np.ndarray:
    """A frame of ``text`` with a white square over the middle ``share`` of the code."""
    frame = render_qr_frame(text)
    h, w = frame.shape[:2]
    side = int(min(h, w) * 0.8 * share / 2)  # the code fills about 80 % of the height
    frame[h // 2 - side : h // 2 + side, w // 2 - side : w // 2 + side] = 255
    return frame


def test_zxing_reports_a_code_it_saw_but_could_not_read() -> None:
    assert decode.zxing_read(decode.to_gray(render_qr_frame(TOKEN))) == ([TOKEN], False)
    assert decode.zxing_read(decode.to_gray(render_qr_frame(None))) == ([], False)
    assert decode.zxing_read(decode.to_gray(damaged(TOKEN, 0.5))) == ([], True)


def test_pyzbar_is_only_asked_for_a_code_zxing_saw_but_could_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []

    def fake_pyzbar(gray: np.ndarray) -> list[str]:
        calls.append(gray.shape)
        return ["from pyzbar", "from pyzbar"]

    monkeypatch.setattr(decode, "PYZBAR_AVAILABLE", True)
    monkeypatch.setattr(decode, "decode_pyzbar", fake_pyzbar)
    assert decode_frame(render_qr_frame(TOKEN)) == [TOKEN]
    assert decode_frame(render_qr_frame(None)) == []  # most frames: no code, no second decoder
    assert calls == []
    unreadable = damaged(TOKEN, 0.5)
    assert decode_frame(unreadable) == ["from pyzbar"]  # duplicates folded
    assert calls == [(SIZE[1], SIZE[0])]  # greyscale
    assert decode_frame(unreadable, fallback=False) == []
    monkeypatch.setattr(decode, "PYZBAR_AVAILABLE", False)
    assert decode_frame(unreadable) == []
    assert len(calls) == 1


def test_a_failing_pyzbar_counts_as_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(gray: np.ndarray) -> list[str]:
        raise OSError("libzbar crashed")

    monkeypatch.setattr(decode, "PYZBAR_AVAILABLE", True)
    monkeypatch.setattr(decode, "decode_pyzbar", broken)
    assert decode_frame(damaged(TOKEN, 0.5)) == []


def test_decoder_failure_counts_as_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(gray: np.ndarray) -> list[str]:
        raise RuntimeError("driver glitch")

    monkeypatch.setattr(decode, "zxing_read", broken)
    monkeypatch.setattr(decode, "PYZBAR_AVAILABLE", False)
    assert decode_frame(render_qr_frame(TOKEN)) == []
