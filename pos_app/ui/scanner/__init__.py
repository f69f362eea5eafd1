"""QR scanner of the point of sale: camera thread, decoder, token assembly, Qt worker.

:mod:`.capture`, :mod:`.decode` and :mod:`.assembler` know no Qt and are tested
on their own; :mod:`.worker` ties them to Qt signals. The worker is imported
lazily so the pure parts work where Qt is not installed or not wanted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos_app.ui.scanner.assembler import (
    DEFAULT_DEDUPE_SECONDS,
    Complete,
    Invalid,
    NotAToken,
    Progress,
    ScanAssembler,
    ScanEvent,
    classify,
)
from pos_app.ui.scanner.capture import CaptureThread, Frame, FrameSlot, parse_source
from pos_app.ui.scanner.decode import PYZBAR_AVAILABLE, decode_frame

if TYPE_CHECKING:
    from pos_app.ui.scanner.worker import ScannerWorker, ScanStats, frame_to_qimage

__all__ = [
    "DEFAULT_DEDUPE_SECONDS",
    "PYZBAR_AVAILABLE",
    "CaptureThread",
    "Complete",
    "Frame",
    "FrameSlot",
    "Invalid",
    "NotAToken",
    "Progress",
    "ScanAssembler",
    "ScanEvent",
    "ScanStats",
    "ScannerWorker",
    "classify",
    "decode_frame",
    "frame_to_qimage",
    "parse_source",
]

_QT_NAMES = {"ScannerWorker", "ScanStats", "frame_to_qimage"}


def __getattr__(name: str) -> Any:
    if name in _QT_NAMES:
        from pos_app.ui.scanner import worker

        return getattr(worker, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
