"""A busy indicator: a rotating arc, painted, so it needs no image or animation file."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from pos_app.ui import theme

STEP_DEGREES = 30
INTERVAL_MS = 60


class Spinner(QWidget):
    """Spins while shown and :meth:`start` was called; stops its timer when hidden."""

    def __init__(self, size: int = 48, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._angle = 0
        self._color = theme.qcolor("info")
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._advance)
        self.setFixedSize(size, size)

    def set_color(self, color: QColor | str) -> None:
        """The arc's colour."""
        self._color = QColor(color)
        self.update()

    @property
    def spinning(self) -> bool:
        """True while the arc turns."""
        return self._timer.isActive()

    def start(self) -> None:
        """Show and turn."""
        self.show()
        self._timer.start()

    def stop(self) -> None:
        """Stop and hide."""
        self._timer.stop()
        self.hide()

    def _advance(self) -> None:
        self._angle = (self._angle + STEP_DEGREES) % 360
        self.update()

    def sizeHint(self) -> QSize:
        """Square."""
        return QSize(self.width(), self.height())

    def paintEvent(self, _event: object) -> None:
        """A three-quarter arc, rotated by the current angle."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(3.0, self.width() / 9)
        pen = QPen(self._color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        margin = width
        rect = QRectF(margin, margin, self.width() - 2 * margin, self.height() - 2 * margin)
        painter.drawArc(rect, -self._angle * 16, 270 * 16)
        painter.end()
