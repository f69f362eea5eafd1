"""A QR code view: static for short texts, animated BC-UR (``ur:bytes``) for long tokens."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_app.core.cashu.ur import encode_token_ur

# Above this length a single QR code gets too dense for a phone camera at arm's length.
MAX_STATIC = 600
FRAGMENT = 150
FPS = 6


def qr_matrix(text: str, *, fixed_mask: bool = False) -> list[list[bool]]:
    """Modules of ``text`` as one QR code, quiet zone included (upper-case UR packs densest)."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_L,
        border=2,
        mask_pattern=0 if fixed_mask else None,  # choosing a mask costs 4x: skip it for animation
    )
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def matrix_image(matrix: list[list[bool]], scale: int = 8) -> QImage:
    """A black-on-white image of a module matrix (for receipts and exports)."""
    n = len(matrix)
    image = QImage(n * scale, n * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * scale, y * scale, scale, scale)
    painter.end()
    return image


class QrView(QWidget):
    """Shows ``text`` as a QR code that fills the widget, always black on white.

    Texts longer than ``MAX_STATIC`` are shown as an animated ``ur:bytes`` fountain
    code (what wallets such as cashu.me read); :attr:`animated` tells which.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self._matrix: list[list[bool]] = []
        self._text = ""
        self._encoder = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._next_part)
        self.frames_shown = 0

    @property
    def text(self) -> str:
        """What the code carries (the whole token, even when animated)."""
        return self._text

    @property
    def animated(self) -> bool:
        """True while cycling fountain parts."""
        return self._timer.isActive()

    def set_text(self, text: str, *, max_static: int = MAX_STATIC) -> None:
        """Show ``text``; animate it as BC-UR when it is too long for one readable code."""
        self._timer.stop()
        self._text = text or ""
        self._encoder = None
        if not text:
            self._matrix = []
        elif len(text) <= max_static:
            self._matrix = qr_matrix(text)
        else:
            self._encoder = encode_token_ur(text, FRAGMENT)
            self._next_part()
            self._timer.start(1000 // FPS)
        self.update()

    def clear(self) -> None:
        """Show nothing."""
        self.set_text("")

    def _next_part(self) -> None:
        if self._encoder is None:
            return
        self._matrix = qr_matrix(self._encoder.next_part().upper(), fixed_mask=True)
        self.frames_shown += 1
        self.update()

    def sizeHint(self) -> QSize:
        """Square by default."""
        return QSize(360, 360)

    def paintEvent(self, _event: object) -> None:
        """Draw the modules, centred and as large as fits, with crisp edges."""
        painter = QPainter(self)
        side = min(self.width(), self.height())
        left = (self.width() - side) / 2
        top = (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        if self._matrix:
            n = len(self._matrix)
            module = side / n
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("black"))
            for y, row in enumerate(self._matrix):
                for x, dark in enumerate(row):
                    if dark:
                        painter.drawRect(
                            QRectF(left + x * module, top + y * module, module + 0.5, module + 0.5)
                        )
        painter.end()
