"""Webhooks in the Settings page: receivers with a status light, add, test, history, redeliver.

Changes apply at once (no Save), as for the mints. A new receiver's signing secret
is shown once, with a Copy button, and is gone when the page is left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.webhook_delivery import DeliveryDialog
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn

LIGHTS = {"active": "#2e7d32", "paused": "#ef6c00", "disabled": "#c62828"}
STATES = ("", "pending", "delivered", "failed")


def panel_table(columns: list[str], height: int) -> QTableWidget:
    """A read-only table of rows picked one at a time, its second column stretched."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setMinimumHeight(height)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


class WebhookPanel(QWidget):
    """Receivers above, the selected one's delivery history below."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.endpoints: list[dict[str, Any]] = []
        self.deliveries: list[dict[str, Any]] = []

        self.url = QLineEdit()
        self.url.setPlaceholderText("https://shop.example/hooks/pos")
        self.events = QLineEdit()
        self.events.setPlaceholderText(self.tr("All events (or e.g. sale.paid,sale.cancelled)"))
        self.format = QComboBox()
        self.format.addItem(self.tr("Standard"), "standard")
        self.format.addItem(self.tr("Numo compatible"), "numo")
        self.btcpay = QCheckBox(self.tr("BTCPay signature too"))
        self.add_button = QPushButton(self.tr("Add receiver"))
        theme.set_icon(self.add_button, "plus")
        self.add_button.clicked.connect(self.add)
        self.cancel_edit_button = QPushButton(self.tr("Cancel"))
        self.cancel_edit_button.clicked.connect(self.stop_editing)
        self.cancel_edit_button.hide()
        self.editing: int | None = None
        form = QGridLayout()
        form.addWidget(self.url, 0, 0, 1, 2)
        form.addWidget(self.add_button, 0, 2)
        form.addWidget(self.cancel_edit_button, 0, 3)
        form.addWidget(self.events, 1, 0)
        form.addWidget(self.format, 1, 1)
        form.addWidget(self.btcpay, 1, 2)

        self.secret = QLineEdit()
        self.secret.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.secret.text())
        )
        self.secret_hint = QLabel(
            self.tr("Signing secret: copy it into the receiver now, it is not shown again.")
        )
        self.secret_hint.setWordWrap(True)
        self.secret_box = QWidget()
        secret_row = QGridLayout(self.secret_box)
        secret_row.setContentsMargins(0, 0, 0, 0)
        secret_row.addWidget(self.secret_hint, 0, 0, 1, 2)
        secret_row.addWidget(self.secret, 1, 0)
        secret_row.addWidget(self.copy_button, 1, 1)
        self.secret_box.hide()

        self.table = panel_table(
            [self.tr("State"), self.tr("Address"), self.tr("Events"), self.tr("Last delivery")],
            120,
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.start_editing)
        self.test_button = QPushButton(self.tr("Send test event"))
        self.test_button.clicked.connect(lambda: self._on_selected(self.ui.core.webhooks.test))
        self.rotate_button = QPushButton(self.tr("New secret"))
        self.rotate_button.clicked.connect(self.rotate)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.clicked.connect(lambda: self._on_selected(self.ui.core.webhooks.resume))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setProperty("role", "danger")
        self.remove_button.clicked.connect(lambda: self._on_selected(self.ui.core.webhooks.remove))
        buttons = QHBoxLayout()
        for button in (
            self.edit_button,
            self.test_button,
            self.rotate_button,
            self.resume_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.state_filter = QComboBox()
        for state, label in zip(
            STATES,
            (self.tr("All"), self.tr("Waiting"), self.tr("Delivered"), self.tr("Failed")),
            strict=True,
        ):
            self.state_filter.addItem(label, state)
        self.state_filter.currentIndexChanged.connect(self.refresh_history)
        self.history = panel_table(
            [self.tr("Time"), self.tr("Event"), self.tr("State"), self.tr("Answer")], 140
        )
        self.history.doubleClicked.connect(lambda _index: self.open_delivery())
        self.details_button = QPushButton(self.tr("Attempts…"))
        self.details_button.clicked.connect(self.open_delivery)
        self.delivery_dialog: DeliveryDialog | None = None
        self.redeliver_button = QPushButton(self.tr("Redeliver"))
        self.redeliver_button.clicked.connect(self.redeliver)
        self.redeliver_failed_button = QPushButton(self.tr("Redeliver all failed"))
        self.redeliver_failed_button.clicked.connect(
            lambda: self._on_selected(self.ui.core.webhooks.redeliver_failed)
        )
        history_bar = QHBoxLayout()
        history_bar.addWidget(QLabel(self.tr("Delivery history")))
        history_bar.addWidget(self.state_filter)
        history_bar.addStretch(1)
        history_bar.addWidget(self.details_button)
        history_bar.addWidget(self.redeliver_button)
        history_bar.addWidget(self.redeliver_failed_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.secret_box)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(history_bar)
        layout.addWidget(self.history)
        layout.addWidget(self.message)
        self._selected()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the receivers (and the selected one's history)."""
        self.secret_box.hide()
        self.secret.clear()
        spawn(self.ui.core.webhooks.list(), on_done=self._show, on_error=self._error)

    def _show(self, endpoints: list[dict[str, Any]]) -> None:
        selected = self.selected_id()
        self.endpoints = endpoints
        self.table.setRowCount(len(endpoints))
        for r, e in enumerate(endpoints):
            last = e["last_delivery"]
            cells = [
                "●",
                e["url"],
                ", ".join(e["events"]).replace("*", self.tr("all")),
                "—"
                if last is None
                else f"{last['at']} {last['state']} {last['status_code'] or ''}",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setForeground(QColor(LIGHTS.get(e["state"], "#757575")))
                    item.setToolTip(self.state_text(e["state"]))
                self.table.setItem(r, c, item)
            if e["id"] == selected:
                self.table.selectRow(r)
        self._selected()

    def state_text(self, state: str) -> str:
        """A receiver's or a delivery's state in the app's language."""
        texts = {
            "active": self.tr("active"),
            "paused": self.tr("paused"),
            "disabled": self.tr("disabled"),
            "pending": self.tr("waiting"),
            "sending": self.tr("sending"),
            "delivered": self.tr("delivered"),
            "failed": self.tr("failed"),
        }
        return texts.get(state, state)

    def _last(self, last: dict[str, Any]) -> str:
        status = f" ({last['status_code']})" if last["status_code"] else ""
        return (
            f"{last['at'].replace('T', ' ').rstrip('Z')} {self.state_text(last['state'])}{status}"
        )

    def selected_id(self) -> int | None:
        """The selected receiver's id."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.endpoints):
            return None
        return self.endpoints[rows[0].row()]["id"]

    def _selected(self) -> None:
        chosen = self.selected_id() is not None
        for button in (
            self.edit_button,
            self.test_button,
            self.rotate_button,
            self.resume_button,
            self.remove_button,
            self.redeliver_failed_button,
        ):
            button.setEnabled(chosen)
        self.refresh_history()

    def refresh_history(self) -> None:
        """Reload the history of the selected receiver with the chosen state."""
        endpoint = self.selected_id()
        if endpoint is None:
            self._show_history([])
            return
        spawn(
            self.ui.core.webhooks.deliveries(endpoint, self.state_filter.currentData() or None),
            on_done=self._show_history,
            on_error=self._error,
        )

    def _show_history(self, rows: list[dict[str, Any]]) -> None:
        self.deliveries = rows
        self.history.setRowCount(len(rows))
        for r, d in enumerate(rows):
            answer = str(d["last_status"] or d["last_error"] or "—")
            when = d["created_at"].replace("T", " ").rstrip("Z")
            state = f"{self.state_text(d['state'])} ({d['attempts']})"
            cells = [when, d["type"], state, answer]
            for c, text in enumerate(cells):
                self.history.setItem(r, c, QTableWidgetItem(text))
        self.redeliver_button.setEnabled(bool(rows))
        self.details_button.setEnabled(bool(rows))

    # -- actions -----------------------------------------------------------------------------

    def start_editing(self) -> None:
        """Put the selected receiver in the form; the add button then saves the changes."""
        chosen = next((e for e in self.endpoints if e["id"] == self.selected_id()), None)
        if chosen is None:
            return
        self.editing = chosen["id"]
        self.url.setText(chosen["url"])
        self.events.setText("" if "*" in chosen["events"] else ",".join(chosen["events"]))
        self.format.setCurrentIndex(max(0, self.format.findData(chosen["format"])))
        self.btcpay.setChecked(bool(chosen["btcpay_sig"]))
        self.add_button.setText(self.tr("Save changes"))
        self.cancel_edit_button.show()

    def stop_editing(self) -> None:
        """Leave the edit: an empty form adds a new receiver again."""
        self.editing = None
        self.url.clear()
        self.events.clear()
        self.btcpay.setChecked(False)
        self.add_button.setText(self.tr("Add receiver"))
        self.cancel_edit_button.hide()

    def add(self) -> None:
        """Add the typed receiver (show its secret once), or save the one being edited."""
        if self.editing is not None:
            spawn(
                self.ui.core.webhooks.edit(
                    self.editing,
                    url=self.url.text(),
                    events=self.events.text(),
                    fmt=self.format.currentData(),
                    btcpay_sig=self.btcpay.isChecked(),
                ),
                on_done=self._edited,
                on_error=self._error,
            )
            return
        spawn(
            self.ui.core.webhooks.add(
                self.url.text(),
                self.events.text() or None,
                self.format.currentData(),
                btcpay_sig=self.btcpay.isChecked(),
            ),
            on_done=self._added,
            on_error=self._error,
        )

    def _added(self, endpoint: dict[str, Any]) -> None:
        self.url.clear()
        self.events.clear()
        self.message.hide()
        spawn(self.ui.core.webhooks.list(), on_done=self._show, on_error=self._error)
        self._show_secret(endpoint["secret"])

    def _edited(self, _endpoint: dict[str, Any]) -> None:
        self.stop_editing()
        self.message.hide()
        spawn(self.ui.core.webhooks.list(), on_done=self._show, on_error=self._error)

    def _show_secret(self, secret: str) -> None:
        self.secret.setText(secret)
        self.secret_box.show()

    def rotate(self) -> None:
        """A new secret for the selected receiver (the old one signs too for a while)."""
        endpoint = self.selected_id()
        if endpoint is not None:
            spawn(
                self.ui.core.webhooks.rotate_secret(endpoint),
                on_done=lambda r: self._show_secret(r["secret"]),
                on_error=self._error,
            )

    def _chosen_delivery(self) -> int | None:
        rows = self.history.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.deliveries):
            return int(self.deliveries[rows[0].row()]["id"])
        return None

    def redeliver(self) -> None:
        """Send the selected delivery again."""
        chosen = self._chosen_delivery()
        if chosen is not None:
            spawn(
                self.ui.core.webhooks.redeliver(chosen),
                on_done=lambda _r: self.refresh_history(),
                on_error=self._error,
            )

    def open_delivery(self) -> None:
        """Every attempt of the selected delivery and the receiver's answers (non-blocking)."""
        chosen = self._chosen_delivery()
        if chosen is None:
            return
        if self.delivery_dialog is not None:
            self.delivery_dialog.close()
        dialog = DeliveryDialog(self.ui, chosen, self.state_text, self)
        dialog.redelivered.connect(self.refresh_history)
        self.delivery_dialog = dialog
        dialog.show()

    def _on_selected(self, action: Any) -> None:
        endpoint = self.selected_id()
        if endpoint is not None:
            spawn(action(endpoint), on_done=self._done, on_error=self._error)

    def _done(self, _result: Any) -> None:
        self.message.hide()
        spawn(self.ui.core.webhooks.list(), on_done=self._show, on_error=self._error)

    def _error(self, err: PosError) -> None:
        theme.set_role(self.message, "error")
        self.message.setText(error_line(err))
        self.message.show()
