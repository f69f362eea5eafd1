"""Who is at the till: a staff member's name and PIN (only once the shop has staff accounts).

The same dialog signs someone in (at start, after an idle lock, "Switch user") and
lets a manager or owner allow one step above the cashier's rights in place, without
signing the cashier out (``needs`` names the role, ``purpose`` says what for). A
wrong PIN is said in the dialog; the waits and locks after wrong PINs are the core's
(:mod:`pos_app.core.staff`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.staff import Member, rank
from pos_app.ui.context import ROLE_WORDS
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn, until_finished

ROLE_NAMES = {
    "cashier": QT_TRANSLATE_NOOP("SignInDialog", "cashier"),
    "manager": QT_TRANSLATE_NOOP("SignInDialog", "manager"),
    "owner": QT_TRANSLATE_NOOP("SignInDialog", "owner"),
}


class SignInDialog(QDialog):
    """A name (of those whose role reaches ``needs``) and a PIN.

    Args:
        staff: the core's :class:`~pos_app.core.staff.StaffService`.
        members: the accounts (from ``staff.list()``).
        needs: the least role that may sign here.
        purpose: what the PIN allows, when it is not a sign-in ("Open Settings").
        can_cancel: False at start, where the only way out is to quit.

    Signals:
        signed(object): the :class:`Member` whose PIN was accepted.
    """

    signed = Signal(object)

    def __init__(
        self,
        staff: Any,
        members: list[Member],
        *,
        needs: str = "cashier",
        purpose: str = "",
        can_cancel: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.staff = staff
        self.needs = needs
        self.member: Member | None = None
        self.busy = False
        # The least role first: at a till, cashiers sign in most.
        allowed = sorted(
            (m for m in members if rank(m.role) >= rank(needs)),
            key=lambda m: (rank(m.role), m.name),
        )
        self.setWindowTitle(self.tr("Sign in") if not purpose else self.tr("Allow"))
        heading = QLabel(purpose or self.tr("Who is at the till?"))
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        self.hint = QLabel(
            self.tr("This needs {who}'s PIN.").format(who=self.tr(ROLE_WORDS[needs]))
            if purpose
            else self.tr("Choose your name and type your PIN.")
        )
        self.hint.setWordWrap(True)
        self.names = QComboBox()
        self.names.setMinimumHeight(44)
        for m in allowed:
            self.names.addItem(f"{m.name} ({self.tr(ROLE_NAMES[m.role])})", m.name)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(44)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", self.pin))
        self.pin.returnPressed.connect(self.submit)
        self.pin.textChanged.connect(lambda _t: self._ready())
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.ok_button = QPushButton(self.tr("Sign in") if not purpose else self.tr("Allow"))
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setMinimumHeight(48)
        self.ok_button.clicked.connect(self.submit)
        # Return in the PIN field signs in; it must never press Quit.
        self.ok_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel") if can_cancel else self.tr("Quit"))
        self.cancel_button.setMinimumHeight(48)
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.names)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(520, 360)
        if not allowed:
            self._say(self.tr("Nobody here may do this."))
        self._ready()

    def _ready(self) -> None:
        self.ok_button.setEnabled(
            not self.busy and self.names.count() > 0 and len(self.pin.text()) >= 4
        )

    def submit(self) -> None:
        """Check the PIN (in the core: the wait after wrong PINs is counted there)."""
        if self.busy or not self.ok_button.isEnabled():
            return
        self.busy = True
        self._ready()
        name, pin = self.names.currentData(), self.pin.text()
        spawn(
            self.staff.verify(name, pin, needs=self.needs),
            on_done=self._accepted,
            on_error=self._refused,
        )

    def _accepted(self, member: Member) -> None:
        self.busy = False
        self.member = member
        self.signed.emit(member)
        self.accept()

    def _refused(self, err: PosError) -> None:
        self.busy = False
        self.pin.clear()
        self._say(error_line(err))
        self._ready()
        self.pin.setFocus()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def keyPressEvent(self, event: Any) -> None:
        """Escape cancels only where cancelling is allowed (not at start)."""
        if event.key() == Qt.Key.Key_Escape and self.cancel_button.text() == self.tr("Quit"):
            return
        super().keyPressEvent(event)

    async def wait(self) -> Member | None:
        """Show the dialog; the signed-in member, or None when cancelled."""
        result = await until_finished(self, self.pin)
        return self.member if result == QDialog.DialogCode.Accepted else None


async def ask_pin(
    staff: Any,
    *,
    needs: str = "cashier",
    purpose: str = "",
    can_cancel: bool = True,
    parent: QWidget | None = None,
    modal: bool = False,
) -> Member | None:
    """A staff member's PIN for ``needs`` (None: cancelled); the dialog is gone afterwards.

    ``modal``: nothing else of the app can be used meanwhile (a locked till).
    """
    members = await staff.list()
    dialog = SignInDialog(
        staff, members, needs=needs, purpose=purpose, can_cancel=can_cancel, parent=parent
    )
    if modal:
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    try:
        return await dialog.wait()
    finally:
        dialog.deleteLater()
