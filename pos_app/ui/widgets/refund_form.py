"""The parts both refund dialogs share: the token's folder, the buttons, the saved note.

:class:`~pos_app.ui.dialogs.refund_dialog.RefundDialog` (what a cancelled sale owes) and
:class:`~pos_app.ui.dialogs.sale_refund_dialog.SaleRefundDialog` (a paid sale, whole or
by line) differ in what they ask; where the token file goes, how the form ends and what
the result says about the file are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.payments.refunds import RefundResult
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import in_thread


class TokenFolderRow(QWidget):
    """A folder for the refund token file (optional), typed or chosen without blocking."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = QLineEdit(text)
        self.folder.setPlaceholderText(self.tr("Folder for the token file (optional)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)

    def choose(self, *_args: object, on_chosen: Callable[[str], Any] | None = None) -> None:
        """Open the folder dialog (``open()``): the choice goes to the field or ``on_chosen``."""
        dialog = QFileDialog(self.window(), self.tr("Save the refund token to"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(on_chosen or self.folder.setText)
        dialog.open()

    def path(self) -> Path | None:
        """The typed folder (``~`` expanded), None when empty."""
        typed = self.folder.text().strip()
        return Path(typed).expanduser() if typed else None


async def existing(folder: Path | None) -> Path | None:
    """``folder`` when it is there now (a USB drive may be gone), else None."""
    return folder if folder is not None and await in_thread(folder.is_dir) else None


def error_label() -> QLabel:
    """A hidden, wrapping error line."""
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def heading(title: str, intro: str) -> tuple[QLabel, QLabel]:
    """A form's title and its muted explanation."""
    top = QLabel(title)
    top.setProperty("role", "title")
    text = QLabel(intro)
    text.setWordWrap(True)
    text.setProperty("role", "muted")
    return top, text


def form_buttons(
    primary: str, on_primary: Callable[[], Any], secondary: str, on_secondary: Callable[[], Any]
) -> tuple[QHBoxLayout, QPushButton]:
    """The bottom row: a secondary button (Cancel, Back) and the primary one, tall for touch."""
    back = QPushButton(secondary)
    back.setMinimumHeight(44)
    back.clicked.connect(on_secondary)
    button = QPushButton(primary)
    button.setProperty("role", "primary")
    button.setMinimumHeight(44)
    button.clicked.connect(on_primary)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(back)
    row.addWidget(button)
    return row, button


def form_page(
    title: QLabel, intro: QLabel, fields: QLayout, error: QLabel, buttons: QLayout
) -> QWidget:
    """A form page: title, explanation, the fields, the error line, then the buttons below."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(title)
    layout.addWidget(intro)
    layout.addLayout(fields)
    layout.addWidget(error)
    layout.addStretch(1)
    layout.addLayout(buttons)
    return page


def saved_note(result: RefundResult, wanted_file: bool) -> str:
    """What became of the token file."""
    if result.file:
        return QCoreApplication.translate("RefundForm", "Saved to: {path}").format(path=result.file)
    if wanted_file:
        return QCoreApplication.translate(
            "RefundForm",
            "The file could not be saved to that folder (is the USB drive plugged in?). "
            "The token is kept with the refund: let the customer scan it, or copy it.",
        )
    return QCoreApplication.translate(
        "RefundForm", "No file saved (no folder): copy the token or let it be scanned."
    )


def result_heading(result: RefundResult) -> str:
    """The token page's title."""
    return QCoreApplication.translate(
        "RefundForm", "Refund of {amount}: let the customer scan it"
    ).format(amount=fmt.sats(result.amount, result.unit))


def mint_note(result: RefundResult) -> str:
    """Which mint the token is from."""
    return QCoreApplication.translate("RefundForm", "From mint: {mint}").format(
        mint=fmt.short_mint(result.mint)
    )
