"""A QR code view: static for short texts, animated BC-UR (``ur:bytes``) for long tokens.

``qrcode`` is pure Python: choosing the best mask for a 200..600-character code
(a payment request, a change token) takes 30..90 ms, over the GUI's 50 ms budget.
Static codes are therefore encoded in a worker thread (and cached, since the
cashier's view and the customer display show the same request); animated parts
use a fixed mask and take a few milliseconds each.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_app.core.cashu.ur import encode_token_ur
from pos_app.ui.tasks import in_thread

log = logging.getLogger(__name__)

# Above this length a single QR code gets too dense for a phone camera at arm's length.
MAX_STATIC = 600
FRAGMENT = 150
FPS = 6
CACHE_SIZE = 16

Matrix = list[list[bool]]
_cache: OrderedDict[str, Matrix] = OrderedDict()


def qr_matrix(text: str, *, fixed_mask: bool = False) -> Matrix:
    """Modules of ``text`` as one QR code, quiet zone included (upper-case UR packs densest)."""
    import qrcode  # 0.1 s of imports, paid by the first code drawn, not by the start

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_L,
        border=2,
        mask_pattern=0 if fixed_mask else None,  # choosing a mask costs 4x: skip it for animation
    )
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def cached_matrix(text: str) -> Matrix:
    """:func:`qr_matrix`, remembered for the last few texts (thread-safe enough: idempotent)."""
    found = _cache.get(text)
    if found is None:
        found = _cache[text] = qr_matrix(text)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return found


class QrView(QWidget):
    """Shows ``text`` as a QR code that fills the widget, always black on white.

    Texts longer than ``MAX_STATIC`` are shown as an animated ``ur:bytes`` fountain
    code (what wallets such as cashu.me read); :attr:`animated` tells which, and
    :attr:`pending` is True while a static code is still being encoded.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self._matrix: Matrix = []
        self._text = ""
        self._encoder = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._next_part)

    @property
    def text(self) -> str:
        """What the code carries (the whole token, even when animated)."""
        return self._text

    @property
    def animated(self) -> bool:
        """True while cycling fountain parts."""
        return self._timer.isActive()

    @property
    def pending(self) -> bool:
        """True while a static code is being encoded."""
        return bool(self._text) and not self._matrix

    def set_text(self, text: str, *, max_static: int = MAX_STATIC) -> None:
        """Show ``text``; animate it as BC-UR when it is too long for one readable code."""
        self._timer.stop()
        self._text = text = text or ""
        self._encoder = None
        self._matrix = []
        if len(text) > max_static:
            self._encoder = encode_token_ur(text, FRAGMENT)
            self._next_part()
            self._timer.start(1000 // FPS)
        elif text in _cache:
            self._matrix = _cache[text]
        elif text:
            self._encode_static(text)
        self.update()

    def _encode_static(self, text: str) -> None:
        try:
            future = in_thread(cached_matrix, text)
        except RuntimeError:  # no asyncio loop (a bare Qt script): encode here
            self._matrix = cached_matrix(text)
            return
        future.add_done_callback(lambda f, t=text: self._encoded(t, f))

    def _encoded(self, text: str, future: asyncio.Future[Matrix]) -> None:
        if future.cancelled() or text != self._text:
            return  # replaced by another text meanwhile
        if future.exception() is not None:
            log.error("QR encoding failed", exc_info=future.exception())
            return
        self._matrix = future.result()
        try:
            self.update()
        except RuntimeError:  # the widget was deleted while encoding
            pass

    def clear(self) -> None:
        """Show nothing."""
        self.set_text("")

    def _next_part(self) -> None:
        if self._encoder is None:
            return
        self._matrix = qr_matrix(self._encoder.next_part().upper(), fixed_mask=True)
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
                        rect = QRectF(
                            left + x * module, top + y * module, module + 0.5, module + 0.5
                        )
                        painter.drawRect(rect)
        painter.end()
