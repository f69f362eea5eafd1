"""The TRAINING band: training mode must never be taken for the real till, on any screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pos_app.ui import theme

OBJECT_NAME = "training-band"


def training_band(text: str, size_pt: int | None = None) -> QLabel:
    """A bar in the warning colour saying ``text`` (``size_pt``: larger type, far screens)."""
    band = QLabel(text)
    band.setObjectName(OBJECT_NAME)
    band.setAlignment(Qt.AlignmentFlag.AlignCenter)
    band.setWordWrap(True)
    style = theme.banner_style("warn") + " padding: 6px;"
    if size_pt is not None:
        style += f" font-size: {size_pt}pt;"
    band.setStyleSheet(style)
    return band
