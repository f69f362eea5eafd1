"""The camera preview with the scan area drawn over it."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_app.ui import theme

SCAN_AREA = 0.86  # side of the scan square, as a fraction of the picture's height
GUIDE_COLOR = "#34c759"  # bright on any picture, light or dark scheme alike
PLACEHOLDER_COLOR = "#d0d3d8"  # the preview is dark in both schemes
PLACEHOLDER_ICON = "camera-outline"


class CameraView(QWidget):
    """Shows the newest preview frame, letterboxed, with a square scan guide in the middle.

    The decoder reads the whole frame; the guide only tells the customer where to hold
    the phone. Without a frame the view shows :attr:`placeholder` text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self._image: QImage | None = None
        self.placeholder = self.tr("Starting the camera…")
        self.placeholder_icon = PLACEHOLDER_ICON
        self.frames_shown = 0
        self.active = True  # False draws the guide grey (not scanning)

    def set_frame(self, image: QImage) -> None:
        """Show a new preview picture."""
        self._image = image
        self.frames_shown += 1
        self.update()

    def set_placeholder(self, text: str, icon: str = PLACEHOLDER_ICON) -> None:
        """Text (and icon) shown while there is no picture (camera starting, missing...)."""
        self.placeholder = text
        self.placeholder_icon = icon
        self.update()

    def clear(self) -> None:
        """Forget the picture."""
        self._image = None
        self.update()

    @property
    def has_frame(self) -> bool:
        """True once a picture arrived."""
        return self._image is not None

    def sizeHint(self) -> QSize:
        """16:9."""
        return QSize(480, 270)

    def _picture_rect(self) -> QRectF:
        if self._image is None or self._image.isNull():
            return QRectF(self.rect())
        scale = min(self.width() / self._image.width(), self.height() / self._image.height())
        w, h = self._image.width() * scale, self._image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, _event: object) -> None:
        """Picture (or placeholder), then the corner marks of the scan area."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111316"))
        target = self._picture_rect()
        if self._image is None:
            # No picture, no scan guide: corners over nothing would say "scanning".
            self._paint_placeholder(painter)
            painter.end()
            return
        painter.drawImage(target, self._image)
        side = target.height() * SCAN_AREA
        area = QRectF(target.center().x() - side / 2, target.center().y() - side / 2, side, side)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(GUIDE_COLOR if self.active else "#9aa0a6")
        # Dim outside the scan area so the eye goes to the square.
        shade = QColor(0, 0, 0, 90)
        painter.fillRect(
            QRectF(target.left(), target.top(), target.width(), area.top() - target.top()),
            shade,
        )
        painter.fillRect(
            QRectF(target.left(), area.bottom(), target.width(), target.bottom() - area.bottom()),
            shade,
        )
        painter.fillRect(
            QRectF(target.left(), area.top(), area.left() - target.left(), area.height()), shade
        )
        painter.fillRect(
            QRectF(area.right(), area.top(), target.right() - area.right(), area.height()),
            shade,
        )
        pen = QPen(color, max(4.0, side / 32), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        arm = side / 5
        for x, y, dx, dy in (
            (area.left(), area.top(), 1, 1),
            (area.right(), area.top(), -1, 1),
            (area.left(), area.bottom(), 1, -1),
            (area.right(), area.bottom(), -1, -1),
        ):
            painter.drawLine(QLineF(x, y, x + dx * arm, y))
            painter.drawLine(QLineF(x, y, x, y + dy * arm))
        painter.end()

    def _paint_placeholder(self, painter: QPainter) -> None:
        """A camera symbol above the placeholder text, centred."""
        box = self.rect().adjusted(12, 12, -12, -12)
        side = min(64, box.height() // 3)
        if side >= 24:
            pixmap = theme.icon(self.placeholder_icon, color=PLACEHOLDER_COLOR).pixmap(side, side)
            painter.drawPixmap(box.center().x() - side // 2, box.center().y() - side - 8, pixmap)
            box.setTop(box.center().y())
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        else:
            flags = Qt.AlignmentFlag.AlignCenter
        painter.setPen(QColor(PLACEHOLDER_COLOR))
        painter.drawText(box, flags | Qt.TextFlag.TextWordWrap, self.placeholder)
