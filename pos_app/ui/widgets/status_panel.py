"""A large, coloured statement of where a payment stands (waiting, paid, refused...)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.ui import theme
from pos_app.ui.widgets.spinner import Spinner

# Payment view state -> theme colour field. Every state differs in colour *and* words.
STATE_COLORS = {
    "waiting": "info",
    "processing": "info",
    "paid": "ok",
    "partial": "warn",
    "refused": "bad",
    "offline": "warn",
    "review": "warn",
    "failed": "bad",
    "expired": "muted",
    "cancelled": "muted",
}

# A symbol beside the title, so the state reads without colour vision too.
STATE_MARKS = {
    "waiting": "\u25cb",  # ○
    "paid": "\u2714",  # ✔
    "partial": "\u25d1",  # ◑
    "refused": "\u2716",  # ✖
    "offline": "\u21bb",  # ↻
    "review": "\u26a0",  # ⚠
    "failed": "\u2716",  # ✖ as refused: the money did not arrive
    "expired": "\u25f7",  # ◷ (a clock face that every common font has)
    "cancelled": "\u2715",  # ✕
}


def tint(color: str, alpha: int) -> str:
    """``rgba()`` of a ``#rrggbb`` colour with ``alpha`` 0..255."""
    c = QColor(color)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"


class StatusPanel(QFrame):
    """A card with a big title, a sentence, and a spinner while processing.

    Args:
        title_pt: title size in points (large enough to read from a step away).
        parent: Qt parent.
    """

    def __init__(self, title_pt: int = 26, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-panel")
        self.state = ""
        theme.changed().connect(self._recolour)
        self.mark = QLabel()
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark.setMinimumWidth(56)
        self.spinner = Spinner(52)
        self.spinner.hide()
        self.title = QLabel()
        self.title.setObjectName("status-title")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("status-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._title_pt = title_pt
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.title)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 14, 18, 14)
        row.setSpacing(16)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.spinner, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words, 1)

    def _recolour(self) -> None:
        if self.state:
            self.set_state(self.state, self.title.text(), self.text.text())

    def set_state(self, state: str, title: str, text: str = "") -> None:
        """Show ``state`` (a key of :data:`STATE_COLORS`) with its words."""
        self.state = state
        color = getattr(theme.colors(), STATE_COLORS.get(state, "info"))
        self.setStyleSheet(
            f"QFrame#status-panel {{ background: {tint(color, 40)}; "
            f"border: 3px solid {color}; border-radius: 12px; }}"
            f"QLabel#status-title {{ color: {color}; font-size: {self._title_pt}pt; "
            "font-weight: 700; background: transparent; border: none; }"
            f"QLabel#status-text {{ font-size: {theme.TYPE.body_large}pt; "
            "background: transparent; border: none; }"
        )
        self.mark.setStyleSheet(
            f"color: {color}; font-size: {self._title_pt + 8}pt; background: transparent;"
        )
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        if state == "processing":
            self.mark.hide()
            self.spinner.set_color(color)
            self.spinner.start()
        else:
            self.spinner.stop()
            self.mark.setText(STATE_MARKS.get(state, ""))
            self.mark.show()
