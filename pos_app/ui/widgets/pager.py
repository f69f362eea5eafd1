"""Previous / next buttons around a "Page N of M" label."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class Pager(QWidget):
    """Page controls; the owner calls :meth:`show_page` after each load.

    Signals:
        previous(): the "Previous" button was pressed.
        next(): the "Next" button was pressed.
    """

    previous = Signal()
    next = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.previous_button.setToolTip(self.tr("Previous page (Ctrl+Page Up)"))
        self.next_button.setToolTip(self.tr("Next page (Ctrl+Page Down)"))
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(160)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.label)
        layout.addWidget(self.next_button)
        self.show_page(0, 1)

    def show_page(self, page: int, pages: int) -> None:
        """Show page ``page`` (zero-based) of ``pages``; disable what leads nowhere."""
        self.label.setText(self.tr("Page {page} of {pages}").format(page=page + 1, pages=pages))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < pages)
