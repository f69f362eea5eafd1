"""Asking the owner why an interrupted operation is dismissed (open with ``.open()``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.models import sale_format as fmt
from pos_app.ui.models.attention_model import AttentionItem


class DismissDialog(QDialog):
    """A reason field and a Dismiss button that stays disabled until a reason is typed.

    Signals:
        reason_given(str): the owner confirmed with this reason.
    """

    reason_given = Signal(str)

    def __init__(
        self, item: AttentionItem, parent: QWidget | None = None, *, accepting: bool = False
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.setMinimumWidth(520)
        amount = fmt.sats(item.amount)
        if accepting:
            self.setWindowTitle(self.tr("Accept payment"))
            text = self.tr(
                "The payment ({amount}) will be credited to its sale. Why do you accept it?"
            )
            action = self.tr("Accept")
        elif item.source == "refund":
            self.setWindowTitle(self.tr("Refunded another way"))
            text = self.tr(
                "The refund of {amount} is recorded as given, and leaves the list. How was the "
                "customer refunded?"
            )
            action = self.tr("Record")
        elif item.source == "payment" and item.status == "failed":
            self.setWindowTitle(self.tr("Close failed payment"))
            text = self.tr(
                "The failed payment ({amount}) leaves the list; the sale is not credited. "
                "Nothing is deleted. How was it settled?"
            )
            action = self.tr("Close")
        elif item.source == "payment":
            self.setWindowTitle(self.tr("Reject payment"))
            text = self.tr(
                "The payment ({amount}) will be closed without crediting the sale. "
                "Nothing is deleted. Why is it rejected?"
            )
            action = self.tr("Reject")
        else:
            self.setWindowTitle(self.tr("Dismiss"))
            text = self.tr(
                "The app will stop trying to finish this operation ({amount}). Nothing is "
                "deleted: the token and the record stay. Why is it dismissed?"
            )
            action = self.tr("Dismiss")
        intro = QLabel(text.format(amount=amount))
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("For example: refunded the customer in cash"))
        self.reason.setMaxLength(500)
        buttons = QDialogButtonBox()
        self.dismiss_button = QPushButton(action)
        self.dismiss_button.setProperty("role", "primary" if accepting else "danger")
        self.dismiss_button.setEnabled(False)
        self.dismiss_button.setDefault(True)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(
            lambda text: self.dismiss_button.setEnabled(bool(text.strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Close with the reason, if there is one."""
        reason = self.reason.text().strip()
        if not reason:
            return
        super().accept()
        self.reason_given.emit(reason)
