"""The owner's edit dialogs: a heading, a form, a line for the core's refusal, Cancel and Save.

Save hands the fields to the core in the background; the dialog closes when the core
accepts and stays open with everything typed when it refuses, saying why.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout

from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn


class CoreFormDialog(QDialog):
    """Subclasses build their form, call :meth:`lay_out`, and say what Save does in :meth:`work`."""

    busy = False

    def lay_out(self, heading: QLabel, form: QLayout, width: int, height: int) -> None:
        """Heading, form, the error line, then Cancel and Save at the bottom right."""
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.set_role(self.error, "error")
        self.error.hide()
        self.ok_button = QPushButton(QCoreApplication.translate("CoreFormDialog", "Save"))
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.submit)
        cancel = QPushButton(QCoreApplication.translate("CoreFormDialog", "Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(width, height)

    def work(self) -> Awaitable[Any] | None:
        """The core's change for the fields as typed, or None after saying what is wrong."""
        raise NotImplementedError

    def submit(self) -> None:
        """Hand the change to the core (once at a time); a refusal is said and the dialog stays."""
        if self.busy:
            return
        change = self.work()
        if change is None:
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        spawn(change, on_done=lambda _result: self.accept(), on_error=self.refused)

    def refused(self, err: PosError) -> None:
        """The core said no: Save works again and the reason is shown."""
        self.busy = False
        self.ok_button.setEnabled(True)
        self.say(error_line(err))

    def say(self, text: str) -> None:
        """Show ``text`` on the error line."""
        self.error.setText(text)
        self.error.show()
