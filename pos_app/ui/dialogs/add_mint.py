"""The Add-mint dialog: check a mint live, then add it (trusted or not) to the shop's list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.app import App
from pos_app.core.errors import PosError
from pos_app.core.wallet.mints import MintReport
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.mint_check import MintCheck


class AddMintDialog(QDialog):
    """Address → Check (live report with what is missing) → Add.

    A trusted mint must have everything a shop needs; an untrusted one (its tokens
    are only paid out to Lightning) may lack some. Shown with :meth:`open`.

    Signals:
        added(dict): the mint was stored; what ``MintDirectory.add`` returned.
    """

    added = Signal(dict)

    def __init__(self, core: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setWindowTitle(self.tr("Add a mint"))
        self.resize(720, 540)  # room for the report: wrapped labels don't grow a dialog
        self.check = MintCheck(core.mints.inspect)
        self.check.checked.connect(self._update)
        self.check.failed.connect(self._update)
        self.check.cleared.connect(self._update)
        self.trusted = QCheckBox(self.tr("Trusted: accept this mint's tokens as payment"))
        self.trusted.setChecked(True)
        self.trusted.toggled.connect(self._update)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.add_button = QPushButton(self.tr("Add mint"))
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(self._add)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (cancel, self.add_button):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = QLabel(self.tr("Add a mint"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        hint = QLabel(
            self.tr(
                "Type the mint's address and press Check. The app asks the mint what it "
                "supports before it is added."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)
        layout.addWidget(self.check)
        layout.addWidget(self.trusted)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._adding = False
        self._update()

    @property
    def report(self) -> MintReport | None:
        """The last successful check of the address in the field."""
        return self.check.report

    def _update(self, *_: Any) -> None:
        report = self.check.report
        usable = report is not None and (report.ok or not self.trusted.isChecked())
        self.add_button.setEnabled(usable and not self._adding)
        if usable and self.check.url_edit.hasFocus():
            self.add_button.setFocus()  # so Enter (or Space) now adds it
        self.error.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the address field checks; on a button it presses it; Esc cancels."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            return  # the address field's own Enter already started the check
        super().keyPressEvent(event)

    def _add(self) -> None:
        report = self.check.report
        if report is None or self._adding:
            return
        self._adding = True
        self._update()
        self.add_button.setText(self.tr("Adding…"))
        spawn(
            self.core.mints.add(report.url, trusted=self.trusted.isChecked()),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, result: dict) -> None:
        self._adding = False
        self.added.emit(result)
        self.accept()

    def _failed(self, err: PosError) -> None:
        self._adding = False
        self.add_button.setText(self.tr("Add mint"))
        self._update()
        self.error.setText(error_line(err))
        self.error.show()
