"""The left column of the payment view: the request QR, the change QR, or large words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.ui import theme
from pos_app.ui.widgets.qr import QrView


class SaleCode(QWidget):
    """Shows one of: the payment request (creqA or creqb1), a change token, a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note_color = "text"
        theme.changed().connect(self._style_note)
        self.bech32 = False  # show creqb1 (NUT-26) instead of creqA (NUT-18)
        self._requests = ("", "")
        self.title = QLabel()
        self.title.setStyleSheet(f"font-size: {theme.TYPE.subtitle}pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.qr = QrView()
        self.qr.setMinimumSize(300, 300)
        self.note = QLabel()  # large words where the QR would be (what remains, received...)
        self.note.setObjectName("pay-note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.format_button = QPushButton()
        self.format_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.format_button.setToolTip(
            self.tr(
                "Some wallets read only one of the two code formats: the classic one "
                "(Cashu NUT-18, creqA) or the shorter one (NUT-26, creqb1). Ctrl+R switches."
            )
        )
        self.format_button.clicked.connect(self.toggle_format)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.format_button)
        self.show_note("")

    @property
    def showing_request(self) -> bool:
        """True while the payment request is shown."""
        return self.format_button.isVisibleTo(self)

    def show_request(self, creqa: str, creqb: str) -> None:
        """The sale's payment request, in the format chosen last."""
        self._requests = (creqa, creqb)
        text = creqb if self.bech32 else creqa
        if self.qr.text != text:
            self.qr.set_text(text)
        self.title.setText(self.tr("Payment request: the customer scans it with a wallet"))
        self.format_button.setText(
            self.tr("Wallet cannot read it? Show the classic code")
            if self.bech32
            else self.tr("Wallet cannot read it? Show the short code")
        )
        self._show(qr=True)
        self.format_button.show()

    def show_change(self, token: str, amount: str) -> None:
        """A change token for the customer to scan (animated when long)."""
        self.title.setText(
            self.tr("Change for the customer: {amount}. Let them scan it.").format(amount=amount)
        )
        self.qr.set_text(token)
        self._show(qr=True)

    def show_note(self, text: str, color: str = "text") -> None:
        """Large words instead of a code (``color``: a theme colour name); "" shows nothing."""
        self.qr.clear()
        self.note.setText(text)
        self._note_color = color
        self._style_note()
        self._show(qr=False)

    def _style_note(self) -> None:
        color = getattr(theme.colors(), self._note_color)
        self.note.setStyleSheet(f"font-size: 32pt; font-weight: 700; color: {color};")

    def _show(self, *, qr: bool) -> None:
        self.qr.setVisible(qr)
        self.title.setVisible(qr)
        self.note.setVisible(not qr and bool(self.note.text()))
        self.format_button.hide()

    def toggle_format(self) -> None:
        """Switch the request between creqA (NUT-18) and creqb1 (NUT-26)."""
        self.bech32 = not self.bech32
        if self.showing_request:
            self.show_request(*self._requests)
