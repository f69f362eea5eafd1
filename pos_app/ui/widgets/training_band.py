"""The TRAINING band: training mode must never be taken for the real till, on any screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

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


class TrainingTitles(QObject):
    """An application event filter: every window shown in training mode says so in its title.

    The main window, the customer display and the customer wallet carry bands and their own
    titles; this also reaches the dialogs and the windows opened from them (Items, a sale's
    details, the print dialog).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mark = QCoreApplication.translate("TrainingTitles", "TRAINING")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Mark a window's title as it is shown."""
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and self.mark not in watched.windowTitle()
        ):
            title = watched.windowTitle()
            watched.setWindowTitle(f"{title} - {self.mark}" if title else self.mark)
        return False
