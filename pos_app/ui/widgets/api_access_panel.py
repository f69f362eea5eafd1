"""Settings -> API, under the keys: how the API is served, and the addresses it blocked.

A red line says when the API is served without encryption on the network (the owner's
explicit choice). The certificate's SHA-256 fingerprint is shown to pin in the clients.
Addresses blocked after repeated wrong keys are listed with when their block ends; an
unblock applies to the running API at once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.apiblocks import BlockRecord
from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.webhook_panel import panel_table


def _when(unix: int) -> str:
    return datetime.fromtimestamp(unix).strftime("%Y-%m-%d %H:%M")


class ApiAccessPanel(QWidget):
    """The insecure warning, the address and fingerprint, and the blocked addresses."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.blocks: list[BlockRecord] = []
        self.warning = QLabel(
            self.tr(
                "The API is served without encryption on the network: API keys and payments "
                "can be read by anyone on it."
            )
        )
        self.warning.setWordWrap(True)
        theme.set_role(self.warning, "error")
        self.warning.hide()
        self.served = QLabel()
        self.served.setWordWrap(True)
        self.served.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.served.hide()
        self.table = panel_table(
            [self.tr("Address"), self.tr("Blocked until"), self.tr("Wrong keys")], 90
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.unblock_button = QPushButton(self.tr("Unblock"))
        self.unblock_button.setEnabled(False)
        self.unblock_button.clicked.connect(self.unblock)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        heading = QLabel(self.tr("Addresses blocked after repeated wrong keys"))
        heading.setStyleSheet("font-weight: 600;")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unblock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.served)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        ui.bridge.settings_saved.connect(self._settings_saved)

    def refresh(self) -> None:
        """Read how the API is served and the blocks again."""
        spawn(self._serving(), on_done=self._show_serving, on_error=self._serving_error)
        spawn(self.ui.core.api_keys.blocks.list(), on_done=self._show, on_error=self._error)

    def _settings_saved(self, changed: dict[str, Any]) -> None:
        if any(key.startswith("api.") for key in changed):
            spawn(self._serving(), on_done=self._show_serving, on_error=self._serving_error)

    async def _serving(self) -> dict[str, Any] | None:
        values = await self.ui.settings()
        if not values.get("api.enabled"):
            return None
        from pos_app.api.tls import status  # cryptography only on this page

        return await status(self.ui.core)

    def _show_serving(self, status: dict[str, Any] | None) -> None:
        self.warning.setVisible(bool(status and status["insecure_network"]))
        if status is None:
            self.served.hide()
            return
        theme.set_role(self.served, "muted")
        text = self.tr("Served at {url}.").format(url=status["url"])
        if status["fingerprint"]:
            pin = self.tr("Certificate fingerprint (SHA-256), to pin in the clients: {fingerprint}")
            text += " " + pin.format(fingerprint=status["fingerprint"])
        self.served.setText(text)
        self.served.show()

    def _serving_error(self, err: PosError) -> None:
        self.warning.hide()
        theme.set_role(self.served, "error")
        self.served.setText(error_line(err))
        self.served.show()

    def _show(self, blocks: list[BlockRecord]) -> None:
        self.blocks = blocks
        self.table.setRowCount(len(blocks))
        for row, block in enumerate(blocks):
            cells = [block.address, _when(block.until), str(block.failures)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selected()

    def selected(self) -> BlockRecord | None:
        """The block of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.blocks[rows[0].row()] if rows else None

    def _selected(self) -> None:
        self.unblock_button.setEnabled(self.selected() is not None)

    def unblock(self) -> None:
        """Let the selected address in again now."""
        chosen = self.selected()
        if chosen is None:
            return
        spawn(
            self.ui.core.api_keys.blocks.unblock(chosen.address),
            on_done=lambda _r: self._unblocked(chosen.address),
            on_error=self._error,
        )

    def _unblocked(self, address: str) -> None:
        self._say(self.tr("{address} may call the API again.").format(address=address), "ok")
        spawn(self.ui.core.api_keys.blocks.list(), on_done=self._show, on_error=self._error)

    def _error(self, err: PosError) -> None:
        self._say(error_line(err), "error")

    def _say(self, text: str, role: str) -> None:
        theme.set_role(self.message, role)
        self.message.setText(text)
        self.message.show()
