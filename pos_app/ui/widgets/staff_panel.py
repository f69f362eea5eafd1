"""Staff in the Settings page: accounts with their role, last sign-in and lock; add, change, unlock.

Changes apply at once (no Save), as for the mints and webhooks. Every rule (PIN format,
names, the first and the last owner) and every audit entry is the core's
(:class:`pos_app.core.staff.StaffService`); the panel only checks that a new PIN was
typed the same twice, which the core never sees.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.staff import ROLES, Member
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.core_form import CoreFormDialog
from pos_app.ui.dialogs.sign_in import ROLE_NAMES
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import spawn


def role_name(role: str) -> str:
    """A role in the app's language."""
    return QCoreApplication.translate("SignInDialog", ROLE_NAMES[role])


def _pin_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setPlaceholderText(placeholder)
    # Digits only, but any length: a short PIN reaches the core, which says why it is refused.
    field.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", field))
    return field


class MemberDialog(CoreFormDialog):
    """A name, a role and a PIN typed twice, each only when asked for.

    Args:
        title: the window's title and heading.
        submit: makes the change in the core: ``submit(name, role, pin)`` (``None`` for
            what was not asked).
        name: the account changed (None: a new one, the name is asked).
        role: the role shown first, when the role is asked.
        ask_role, ask_pin: which fields are shown.
    """

    def __init__(
        self,
        title: str,
        submit: Callable[[str, str | None, str | None], Awaitable[Any]],
        *,
        name: str | None = None,
        role: str | None = None,
        ask_role: bool = False,
        ask_pin: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.fixed_name = name
        self.setWindowTitle(title)
        heading = QLabel(title if name is None else f"{title}: {name}")
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("Name"))
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem(role_name(r), r)
        self.role.setCurrentIndex(max(0, self.role.findData(role or "cashier")))
        self.pin = _pin_field(self.tr("4 to 8 digits"))
        self.pin_again = _pin_field(self.tr("The same again"))
        self.pin_again.returnPressed.connect(self.submit)
        form = QFormLayout()
        if name is None:
            form.addRow(self.tr("Name"), self.name)
        if ask_role:
            form.addRow(self.tr("Role"), self.role)
        if ask_pin:
            form.addRow(self.tr("PIN"), self.pin)
            form.addRow(self.tr("PIN again"), self.pin_again)
        self.ask_role, self.ask_pin = ask_role, ask_pin
        self.lay_out(heading, form, 440, 300)

    def work(self) -> Awaitable[Any] | None:
        """The change as typed; two different PINs are refused here, before the core."""
        if self.ask_pin and self.pin.text() != self.pin_again.text():
            self.say(self.tr("The two PINs are not the same: type the new PIN again twice."))
            self.pin_again.clear()
            return None
        name = self.fixed_name if self.fixed_name is not None else self.name.text()
        return self._submit(
            name,
            self.role.currentData() if self.ask_role else None,
            self.pin.text() if self.ask_pin else None,
        )

    def refused(self, err: PosError) -> None:
        """The PINs are typed again after any refusal (they are never kept on screen)."""
        if self.ask_pin:
            self.pin.clear()
            self.pin_again.clear()
        super().refused(err)


class StaffPanel(QWidget):
    """The accounts above, what can be done to the selected one below."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.members: list[Member] = []
        self.dialog: MemberDialog | None = None
        self.confirm_box: QMessageBox | None = None

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Last sign-in"), self.tr("Locked until")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(140)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)

        self.add_button = QPushButton(self.tr("Add…"))
        theme.set_icon(self.add_button, "plus")
        self.add_button.clicked.connect(self.open_add)
        self.pin_button = QPushButton(self.tr("Change PIN…"))
        self.pin_button.clicked.connect(self.open_change_pin)
        self.role_button = QPushButton(self.tr("Change role…"))
        self.role_button.clicked.connect(self.open_change_role)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setProperty("role", "danger")
        self.remove_button.clicked.connect(self.ask_remove)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.pin_button,
            self.role_button,
            self.unlock_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._selected()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the accounts."""
        spawn(self.ui.core.staff.list(), on_done=self._show, on_error=self._error)

    def _show(self, members: list[Member]) -> None:
        selected = self.selected()
        self.members = members
        self.table.setRowCount(len(members))
        now = time.time()
        for r, m in enumerate(members):
            locked = m.locked_until is not None and m.locked_until > now
            cells = [
                m.name,
                role_name(m.role),
                fmt.when(m.last_sign_in) if m.last_sign_in else "—",
                fmt.when(m.locked_until) if locked else "—",
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if selected is not None and m.name == selected.name:
                self.table.selectRow(r)
        self._selected()

    def selected(self) -> Member | None:
        """The selected account, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.members):
            return None
        return self.members[rows[0].row()]

    def select(self, name: str) -> None:
        """Select the account called ``name`` (tests, and after adding it)."""
        for r, m in enumerate(self.members):
            if m.name == name:
                self.table.selectRow(r)

    def _selected(self) -> None:
        member = self.selected()
        for button in (self.pin_button, self.role_button, self.remove_button):
            button.setEnabled(member is not None)
        self.unlock_button.setEnabled(
            member is not None and (bool(member.locked_until) or member.failures > 0)
        )

    # -- changes -----------------------------------------------------------------------------

    def _open(self, dialog: MemberDialog, done: str) -> MemberDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._changed(done))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def open_add(self) -> MemberDialog:
        """Ask for a new account's name, role and PIN."""
        staff = self.ui.core.staff

        async def add(name: str, role: str | None, pin: str | None) -> Any:
            return await staff.add(name, role or "", pin or "")

        return self._open(
            MemberDialog(self.tr("Add staff"), add, ask_role=True, ask_pin=True, parent=self),
            self.tr("Added."),
        )

    def open_change_pin(self) -> MemberDialog | None:
        """Ask for the selected account's new PIN."""
        member = self.selected()
        if member is None:
            return None
        staff = self.ui.core.staff

        async def change(name: str, _role: str | None, pin: str | None) -> Any:
            return await staff.set_pin(name, pin or "")

        return self._open(
            MemberDialog(self.tr("New PIN"), change, name=member.name, ask_pin=True, parent=self),
            self.tr("PIN changed."),
        )

    def open_change_role(self) -> MemberDialog | None:
        """Ask for the selected account's new role."""
        member = self.selected()
        if member is None:
            return None
        staff = self.ui.core.staff

        async def change(name: str, role: str | None, _pin: str | None) -> Any:
            return await staff.set_role(name, role or "")

        return self._open(
            MemberDialog(
                self.tr("Change role"),
                change,
                name=member.name,
                role=member.role,
                ask_role=True,
                parent=self,
            ),
            self.tr("Role changed."),
        )

    def unlock(self) -> None:
        """Let the selected account try its PIN again at once."""
        member = self.selected()
        if member is None:
            return
        spawn(
            self.ui.core.staff.unlock(member.name),
            on_done=lambda _m: self._changed(self.tr("Unlocked.")),
            on_error=self._error,
        )

    def ask_remove(self) -> QMessageBox | None:
        """Ask before removing the selected account (non-blocking)."""
        member = self.selected()
        if member is None:
            return None
        if self.confirm_box is not None:
            self.confirm_box.close()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove"))
        box.setText(self.tr("Remove {name}'s account?").format(name=member.name))
        box.setInformativeText(
            self.tr("They can no longer sign in. What they did stays in the audit log.")
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            self.confirm_box = None
            if box.clickedButton() is remove:
                self.remove(member.name)

        box.finished.connect(lambda _result: answered())
        self.confirm_box = box
        box.open()
        return box

    def remove(self, name: str) -> None:
        """Remove ``name``'s account (the core refuses the last owner)."""
        spawn(
            self.ui.core.staff.remove(name),
            on_done=lambda _r: self._changed(self.tr("Removed.")),
            on_error=self._error,
        )

    def _changed(self, text: str) -> None:
        self._say(text, "ok")
        self.refresh()

    def _error(self, err: PosError) -> None:
        self._say(error_line(err), "error")

    def _say(self, text: str, role: str) -> None:
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()
