"""QR decoding of one camera frame: zxing-cpp first, pyzbar as a fallback.

zxing-cpp reads numpy arrays directly and releases the GIL while it works, so
the decode thread never holds up the GUI thread. pyzbar needs the system
library ``libzbar0``; without it importing pyzbar raises ImportError (or
OSError on some platforms), so it is probed once at import and used only when
present (:data:`PYZBAR_AVAILABLE`), and only for frames where zxing-cpp saw a
code but could not read it (a checksum or format error). Most camera frames hold
no code at all: running pyzbar on them cost 25-30 ms a frame, six times
zxing-cpp's own time, and found nothing zxing-cpp had not seen.

QR byte segments carry no reliable charset: UTF-8 is tried first (what every
wallet writes), then the QR standard's default ISO-8859-1, unless the code
declares its charset with an ECI, which zxing-cpp applies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import zxingcpp

log = logging.getLogger(__name__)

_pyzbar_decode: Callable[..., Any] | None
_PYZBAR_QR: Any
try:  # pragma: no cover - depends on the system library
    from pyzbar.pyzbar import ZBarSymbol as _ZBarSymbol
    from pyzbar.pyzbar import decode as _pyzbar_decode

    _PYZBAR_QR = [_ZBarSymbol.QRCODE]
except (ImportError, OSError) as exc:  # libzbar0 missing, or a broken install
    _pyzbar_decode = None
    _PYZBAR_QR = None
    log.debug("pyzbar unavailable: %s", exc)

PYZBAR_AVAILABLE: bool = _pyzbar_decode is not None
"""True when pyzbar and its system library ``libzbar`` could be loaded."""

# Symbology identifiers of QR codes that carry an ECI (ISO/IEC 15424: ]Q2, ]Q4, ]Q6).
_ECI_IDENTIFIERS = frozenset({"]Q2", "]Q4", "]Q6"})
_QR_FORMATS = zxingcpp.BarcodeFormat.QRCode


def qr_text(raw: bytes, *, has_eci: bool = False, eci_text: str | None = None) -> str:
    """Text of a QR code's content bytes.

    Args:
        raw: the content bytes as stored in the code.
        has_eci: the code declares its charset with an ECI.
        eci_text: the decoder's text under that ECI (used when ``has_eci``).

    Returns:
        ``eci_text`` for an ECI code, else ``raw`` as UTF-8 if valid, else as ISO-8859-1.
    """
    if has_eci and eci_text is not None:
        return eci_text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def to_gray(frame: np.ndarray) -> np.ndarray:
    """A contiguous ``uint8`` greyscale view of a BGR, BGRA or grey frame.

    Raises:
        ValueError: for an array that is not an image.
    """
    if not isinstance(frame, np.ndarray) or frame.size == 0:
        raise ValueError("frame is not an image array")
    if frame.dtype != np.uint8:
        frame = np.clip(frame, 0, 255).astype(np.uint8)
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    if frame.ndim == 2:
        return np.ascontiguousarray(frame)
    if frame.ndim == 3 and frame.shape[2] in (3, 4):
        return _bgr_luma(frame)
    raise ValueError(f"unsupported frame shape {frame.shape}")


def _bgr_luma(frame: np.ndarray) -> np.ndarray:
    """BT.601 luma of a BGR(A) image in 8.8 fixed point (within 1 of OpenCV's BGR2GRAY)."""
    blue, green, red = (frame[:, :, i].astype(np.uint16) for i in range(3))
    luma = blue * 29 + green * 150 + red * 77 + 128  # weights sum to 256: no overflow
    return (luma >> 8).astype(np.uint8)


def decode_zxing(gray: np.ndarray) -> list[str]:
    """QR texts zxing-cpp finds in a greyscale image."""
    return zxing_read(gray)[0]


def zxing_read(gray: np.ndarray) -> tuple[list[str], bool]:
    """QR texts zxing-cpp reads, and whether it saw a code it could not read."""
    out = []
    unread = False
    for barcode in zxingcpp.read_barcodes(gray, formats=_QR_FORMATS, return_errors=True):
        if not barcode.valid:
            unread = True
            continue
        has_eci = barcode.symbology_identifier in _ECI_IDENTIFIERS
        out.append(qr_text(bytes(barcode.bytes), has_eci=has_eci, eci_text=barcode.text))
    return out, unread


def decode_pyzbar(gray: np.ndarray) -> list[str]:
    """QR texts pyzbar finds in a greyscale image (empty without ``libzbar``)."""
    if _pyzbar_decode is None:
        return []
    return [qr_text(bytes(symbol.data)) for symbol in _pyzbar_decode(gray, symbols=_PYZBAR_QR)]


def decode_frame(frame: np.ndarray, *, fallback: bool = True) -> list[str]:
    """All QR code texts in one frame, each once, in the decoder's order.

    zxing-cpp reads first; pyzbar, if available and ``fallback`` is set, reads
    only when zxing-cpp saw a code it could not read and read none. A decoder
    failure is logged and counts as nothing found, so one odd frame never stops
    the scan.

    Args:
        frame: a BGR (camera), BGRA or greyscale ``uint8`` image.
        fallback: allow the pyzbar fallback.

    Returns:
        The decoded texts; empty when there is no readable QR code or no image.
    """
    try:
        gray = to_gray(frame)
    except ValueError:
        return []
    try:
        texts, unread = zxing_read(gray)
    except Exception:
        log.exception("QR decoder zxing-cpp failed on a frame")
        texts, unread = [], False
    if not texts and unread and fallback and PYZBAR_AVAILABLE:
        try:
            texts = decode_pyzbar(gray)
        except Exception:
            log.exception("QR decoder pyzbar failed on a frame")
    return _unique(texts)


def _unique(texts: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(texts))
