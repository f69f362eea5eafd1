"""Test videos of QR codes, written with OpenCV, that stand in for the camera.

A QR code is rendered with the ``qrcode`` package onto a 720p grey "scene" (a
white card with its quiet zone, centred, a margin around it) with a little
fixed-seed noise, so the decoder works on something close to a camera picture
rather than a perfect bitmap. Videos are ``mp4v`` in ``.mp4`` by default, or
``MJPG`` in ``.avi`` (a webcam's usual stream); OpenCV writes them (a test-only
dependency) and the app reads them back with Qt Multimedia's FFmpeg backend, as
it reads a camera (``pos_app.ui.scanner.qtcapture``), which decodes both.

``animated_ur_video`` behaves like a wallet showing a large token: the UR
fountain encoder makes new parts forever, so the video carries ``parts`` parts
(by default three times ``seq_len``: the plain fragments, then mixes). A
looping video of only the ``seq_len`` fragments can starve a decoder that
samples every k-th frame, which is exactly what a test can show with it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import qrcode
from qrcode.constants import ERROR_CORRECT_L, ERROR_CORRECT_M

from pos_app.core.cashu.models import DLEQ, Proof, Token
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.cashu.ur import encode_token_ur

SIZE = (1280, 720)
MARGIN = 40
_CODECS = {".mp4": "mp4v", ".avi": "MJPG", ".mkv": "MJPG"}


@dataclass(frozen=True)
class QRVideo:
    """A written test video.

    Attributes:
        path: the file.
        texts: the QR text of each frame, in order.
        fps: frames per second.
        seq_len: fragments of the UR message (0 for a static code).
    """

    path: Path
    texts: tuple[str, ...]
    fps: float
    seq_len: int = 0

    @property
    def seconds(self) -> float:
        """Length of one pass through the video."""
        return len(self.texts) / self.fps


def fake_token(
    proofs: int = 8,
    seed: int = 1,
    mint: str = "https://mint.example.com",
    memo: str | None = None,
    dleq: bool = True,
) -> str:
    """A well-formed ``cashuB`` token of ``proofs`` made-up proofs (with DLEQ data if ``dleq``).

    Hex fields have the right lengths and ``C`` is a valid compressed point prefix, so
    :func:`~pos_app.core.cashu.tokens.parse_token` accepts it; no mint ever signed it.
    About 290 characters per proof with DLEQ, 160 without.
    """
    rng = np.random.default_rng(seed)

    def hex_bytes(n: int) -> str:
        return rng.bytes(n).hex()

    keyset = "00" + hex_bytes(7)
    items = tuple(
        Proof(
            amount=1 << (i % 12),
            id=keyset,
            secret=hex_bytes(32),
            C=("02" if i % 2 else "03") + hex_bytes(32),
            dleq=DLEQ(e=hex_bytes(32), s=hex_bytes(32), r=hex_bytes(32)) if dleq else None,
        )
        for i in range(proofs)
    )
    return serialize_token_v4(Token(mint=mint, unit="sat", proofs=items, memo=memo))


@functools.lru_cache(maxsize=64)
def qr_matrix(
    text: str, error_correction: int = ERROR_CORRECT_M, mask_pattern: int | None = None
) -> np.ndarray:
    """The QR code of ``text`` as a ``uint8`` image, one pixel per module, quiet zone included.

    ``qrcode`` picks the densest mode per segment, so an upper-case UR part uses
    the alphanumeric mode, as wallets do. A fixed ``mask_pattern`` (0..7) skips
    the mask search, which is most of ``qrcode``'s time.
    """
    code = qrcode.QRCode(border=4, error_correction=error_correction, mask_pattern=mask_pattern)
    code.add_data(text)
    code.make(fit=True)
    dark = np.array(code.get_matrix(), dtype=bool)
    matrix = np.where(dark, 0, 255).astype(np.uint8)
    matrix.flags.writeable = False  # shared through the cache
    return matrix


def render_qr_frame(
    text: str | None,
    size: tuple[int, int] = SIZE,
    *,
    margin: int = MARGIN,
    noise: float = 4.0,
    seed: int = 0,
    error_correction: int = ERROR_CORRECT_M,
    mask_pattern: int | None = None,
) -> np.ndarray:
    """A BGR frame of ``size`` (width, height) showing the QR code of ``text`` (None: none).

    The code is scaled by a whole number of pixels per module to the largest
    size that fits the frame height less ``margin`` on each side; a fixed grain
    pattern (``noise``, standard deviation in grey levels) covers the frame.

    Raises:
        ValueError: when the code has more modules than the frame has room for.
    """
    width, height = size
    frame = np.full((height, width), 110, dtype=np.uint8)
    if text is not None:
        matrix = qr_matrix(text, error_correction, mask_pattern)
        modules = matrix.shape[0]
        scale = (height - 2 * margin) // modules
        if scale < 1:
            raise ValueError(f"a {modules}-module QR code does not fit a {height}-pixel frame")
        side = modules * scale
        code = cv2.resize(matrix, (side, side), interpolation=cv2.INTER_NEAREST)
        top, left = (height - side) // 2, (width - side) // 2
        frame[top : top + side, left : left + side] = code
    if noise > 0:
        noisy = frame.astype(np.int16) + _noise(frame.shape, noise, seed)
        frame = np.clip(noisy, 0, 255).astype(np.uint8)
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


@functools.lru_cache(maxsize=4)
def _noise(shape: tuple[int, ...], sigma: float, seed: int) -> np.ndarray:
    # One fixed pattern per video: sensor-like grain that the codec can still compress.
    return np.random.default_rng(seed).normal(0.0, sigma, shape).astype(np.int16)


def write_video(
    path: str | Path,
    frames: Iterable[np.ndarray],
    fps: float = 10.0,
    size: tuple[int, int] = SIZE,
) -> Path:
    """Write BGR frames of ``size`` to ``.mp4`` (mp4v) or ``.avi`` (MJPG); returns the path.

    Raises:
        ValueError: for another container.
        RuntimeError: when OpenCV cannot write it.
    """
    path = Path(path)
    codec = _CODECS.get(path.suffix.lower())
    if codec is None:
        raise ValueError(f"unsupported video container {path.suffix!r}: use .mp4 or .avi")
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*codec), fps, size)
    if not writer.isOpened():
        raise RuntimeError(f"OpenCV cannot write {codec} into {path}")
    try:
        for frame in frames:
            writer.write(frame)
    finally:
        writer.release()
    return path


def static_qr_video(
    path: str | Path,
    text: str,
    seconds: float = 2,
    fps: float = 10,
    size: tuple[int, int] = SIZE,
) -> QRVideo:
    """A video of one static QR code held still for ``seconds``."""
    count = max(1, round(seconds * fps))
    frame = render_qr_frame(text, size)
    path = write_video(path, (frame for _ in range(count)), fps, size)
    return QRVideo(path, (text,) * count, fps)


def ur_parts(token_text: str, max_fragment_len: int = 200, parts: int | None = None) -> list[str]:
    """The first ``parts`` UR parts a wallet would show for a token, upper-cased for the QR.

    ``parts`` defaults to three times ``seq_len`` (fragments, then fountain mixes).
    """
    encoder = encode_token_ur(token_text, max_fragment_len)
    count = 3 * encoder.seq_len if parts is None else parts
    return [encoder.next_part().upper() for _ in range(count)]


def animated_ur_video(
    path: str | Path,
    token_text: str,
    fps: float = 10,
    max_fragment_len: int = 200,
    parts: int | None = None,
    size: tuple[int, int] = SIZE,
) -> QRVideo:
    """A video of an animated UR code: one part per frame, ``parts`` frames.

    Args:
        path: ``.mp4`` or ``.avi`` file to write.
        token_text: the token the code carries.
        fps: frames (parts) per second; wallets show 5..10.
        max_fragment_len: UR fragment size in bytes.
        parts: how many distinct parts (default ``3 * seq_len``); ``seq_len``
            gives the starving loop of plain fragments only.
        size: frame size (width, height).
    """
    seq_len = encode_token_ur(token_text, max_fragment_len).seq_len
    texts = ur_parts(token_text, max_fragment_len, parts)
    # Level L, as wallets use for animated codes; masks cycle to keep qrcode fast.
    frames = (
        render_qr_frame(text, size, error_correction=ERROR_CORRECT_L, mask_pattern=i % 8)
        for i, text in enumerate(texts)
    )
    return QRVideo(write_video(path, frames, fps, size), tuple(texts), fps, seq_len)
