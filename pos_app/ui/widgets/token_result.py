"""A token handed over at the till: its QR code (animated when long), what happened, Copy, Done.

Shared by the export and refund dialogs, which differ only in the title and the lines
of facts they show under the code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.widgets.qr import QrView


class TokenResult(QWidget):
    """Title, QR code, facts and the Copy / Done buttons.

    Signals:
        finished(): Done was pressed.
    """

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.token = ""
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.qr = QrView()
        self.qr.setMinimumSize(360, 360)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy token"))
        self.copy_button.clicked.connect(self.copy_token)
        done = QPushButton(self.tr("Done"))
        done.setProperty("role", "primary")
        done.clicked.connect(self.finished)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)

    def show_token(self, title: str, token: str, facts: list[str]) -> None:
        """Show ``token`` under ``title`` with ``facts`` (one line each) below the code."""
        self.token = token
        self.title.setText(title)
        self.qr.set_text(token)
        self.copy_button.setText(self.tr("Copy token"))
        if self.qr.animated:
            facts = [
                *facts,
                self.tr("Long token: the QR code is animated; scan it until it completes."),
            ]
        self.facts.setText("\n".join(facts))

    def copy_token(self) -> None:
        """Put the token on the clipboard."""
        if self.token:
            QGuiApplication.clipboard().setText(self.token)
            self.copy_button.setText(self.tr("Copied"))

    def clear(self) -> None:
        """Stop the QR animation (the dialog is closing)."""
        self.qr.clear()
