"""The local API's keys in the Settings page: listed, made with scopes, shown once, revoked.

Below them, how the API is served and the addresses it blocked (:mod:`.api_access_panel`).

Changes apply at once (no Save), as for the webhooks. A new key is shown once, with a
Copy button, and is gone when the page is left; only its first characters stay listed.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.apikeys import SCOPES, KeyRecord
from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.api_access_panel import ApiAccessPanel
from pos_app.ui.widgets.webhook_panel import panel_table


def _day(unix: int | None) -> str:
    return "" if unix is None else datetime.fromtimestamp(unix).strftime("%Y-%m-%d %H:%M")


class ApiKeysPanel(QWidget):
    """The keys above; a name, scopes and an optional last day to make a new one below."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.keys: list[KeyRecord] = []
        self.confirm_box: QMessageBox | None = None
        self.table = panel_table(
            [
                self.tr("Name"),
                self.tr("Scopes"),
                self.tr("Starts with"),
                self.tr("Last used"),
                self.tr("State"),
            ],
            140,
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Who uses it: web shop, kiosk…"))
        self.name.setMaxLength(30)
        self.scopes = {scope: QCheckBox(scope) for scope in SCOPES}
        scope_grid = QGridLayout()
        for i, box in enumerate(self.scopes.values()):
            scope_grid.addWidget(box, i // 4, i % 4)
        self.expires = QLineEdit()
        self.expires.setPlaceholderText(self.tr("Last day (YYYY-MM-DD), or empty: no end"))
        self.create_button = QPushButton(self.tr("Make key"))
        self.create_button.clicked.connect(self.create)
        self.key_box = QWidget()
        self.key = QLineEdit()
        self.key.setReadOnly(True)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.key.text()))
        key_row = QHBoxLayout(self.key_box)
        key_row.setContentsMargins(0, 0, 0, 0)
        key_row.addWidget(QLabel(self.tr("The new key, shown once:")))
        key_row.addWidget(self.key, 1)
        key_row.addWidget(copy)
        self.key_box.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.revoke_button)
        form = QHBoxLayout()
        form.addWidget(self.name, 2)
        form.addWidget(self.expires, 2)
        form.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(scope_grid)
        layout.addWidget(self.key_box)
        layout.addWidget(self.message)
        self.access = ApiAccessPanel(ui)  # how it is served, and the blocked addresses
        layout.addWidget(self.access)

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the keys again (the new key's box is closed: it is shown only once)."""
        self.key_box.hide()
        self.key.clear()
        spawn(self.ui.core.api_keys.list(), on_done=self._show, on_error=self._error)
        self.access.refresh()

    def _show(self, keys: list[KeyRecord]) -> None:
        self.keys = keys
        self.table.setRowCount(len(keys))
        for row, k in enumerate(keys):
            cells = [k.name, ", ".join(k.scopes), k.prefix + "…", _day(k.last_used_at)]
            cells.append(self.state_text(k))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selected()

    def state_text(self, k: KeyRecord) -> str:
        """Active, revoked (when) or expired."""
        if k.revoked_at is not None:
            return self.tr("revoked {when}").format(when=_day(k.revoked_at))
        if k.expires_at is not None and k.expires_at <= time.time():
            return self.tr("expired")
        if k.expires_at is not None:
            return self.tr("active until {day}").format(day=_day(k.expires_at - 86400)[:10])
        return self.tr("active")

    def selected(self) -> KeyRecord | None:
        """The key of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.keys[rows[0].row()] if rows else None

    def _selected(self) -> None:
        chosen = self.selected()
        self.revoke_button.setEnabled(chosen is not None and chosen.revoked_at is None)

    # -- changes -----------------------------------------------------------------------------

    def create(self) -> None:
        """Make a key with the typed name, the ticked scopes and the last day, if any."""
        expires = None
        text = self.expires.text().strip()
        if text:
            try:
                day = date.fromisoformat(text)
            except ValueError:
                self._say(self.tr("Type the last day as 2027-06-30, or leave it empty."), "error")
                return
            expires = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()) + 86400
        scopes = [scope for scope, box in self.scopes.items() if box.isChecked()]
        spawn(
            self.ui.core.api_keys.create(self.name.text(), scopes, expires_at=expires),
            on_done=self._created,
            on_error=self._error,
        )

    def _created(self, made: dict[str, Any]) -> None:
        self.name.clear()
        self.expires.clear()
        for box in self.scopes.values():
            box.setChecked(False)
        self._say(self.tr("Key {name} made. Copy it now: it is not shown again.").format(
            name=made["name"]), "ok")  # fmt: skip
        spawn(self.ui.core.api_keys.list(), on_done=self._show, on_error=self._error)
        self.key.setText(made["key"])
        self.key_box.show()

    def ask_revoke(self) -> QMessageBox | None:
        """Ask before revoking the selected key (without blocking)."""
        chosen = self.selected()
        if chosen is None or self.confirm_box is not None:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Revoke key"))
        box.setText(
            self.tr("Revoke {name}? Whatever uses it stops working at once.").format(
                name=chosen.name
            )
        )
        revoke = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            self.confirm_box = None
            if box.clickedButton() is revoke:
                spawn(
                    self.ui.core.api_keys.revoke(chosen.name),
                    on_done=lambda _r: self._revoked(chosen.name),
                    on_error=self._error,
                )

        box.finished.connect(lambda _result: answered())
        self.confirm_box = box
        box.open()
        return box

    def _revoked(self, name: str) -> None:
        self._say(self.tr("Key {name} revoked.").format(name=name), "ok")
        spawn(self.ui.core.api_keys.list(), on_done=self._show, on_error=self._error)

    def _error(self, err: PosError) -> None:
        self._say(error_line(err), "error")

    def _say(self, text: str, role: str) -> None:
        theme.set_role(self.message, role)
        self.message.setText(text)
        self.message.show()
