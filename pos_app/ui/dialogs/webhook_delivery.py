"""One webhook delivery with every attempt: when, how long, the receiver's answer or the error.

The owner reads here why a receiver refuses events (its status code and the first
2 kB of what it answered, as stored by the sender) before redelivering.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn


def _when(stamp: str | None) -> str:
    return (stamp or "—").replace("T", " ").rstrip("Z")


class DeliveryDialog(QDialog):
    """The attempts of one delivery; the selected attempt's answer below the table.

    Signals:
        loaded(): the delivery was read and shown.
        redelivered(): the owner sent it again (the panel reloads its history).
    """

    loaded = Signal()
    redelivered = Signal()

    def __init__(
        self, ui: UiContext, delivery_id: int, state_text: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.delivery_id = delivery_id
        self.state_text = state_text
        self.attempts: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Webhook delivery {id}").format(id=delivery_id))
        self.resize(760, 480)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Duration"), self.tr("Answer"), self.tr("Error")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_answer)
        self.answer = QPlainTextEdit()
        self.answer.setReadOnly(True)
        self.answer.setPlaceholderText(self.tr("The receiver sent no answer body."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.redeliver_button = QPushButton(self.tr("Redeliver"))
        self.redeliver_button.clicked.connect(self.redeliver)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.redeliver_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("What the receiver answered (first 2 kB)")))
        layout.addWidget(self.answer, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the delivery and its attempts again."""
        spawn(
            self.ui.core.webhooks.delivery(self.delivery_id),
            on_done=self._show,
            on_error=self._error,
        )

    def _show(self, delivery: dict[str, Any]) -> None:
        self.attempts = delivery.get("history", [])
        lines = [
            self.tr("Event: {type}").format(type=delivery["type"] or "—"),
            self.tr("State: {state}, {attempts} attempt(s)").format(
                state=self.state_text(delivery["state"]), attempts=len(self.attempts)
            ),
        ]
        if delivery["next_attempt_at"] and delivery["state"] == "pending":
            lines.append(
                self.tr("Next attempt: {when}").format(when=_when(delivery["next_attempt_at"]))
            )
        if delivery["delivered_at"]:
            lines.append(self.tr("Delivered: {when}").format(when=_when(delivery["delivered_at"])))
        self.summary.setText("\n".join(lines))
        self.table.setRowCount(len(self.attempts))
        for r, attempt in enumerate(self.attempts):
            cells = [
                _when(attempt["at"]),
                self.tr("{ms} ms").format(ms=round(attempt["duration_ms"] or 0)),
                str(attempt["status_code"] or "—"),
                attempt["error"] or "",
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.attempts:
            self.table.selectRow(len(self.attempts) - 1)  # the newest attempt
        self._show_answer()
        self.loaded.emit()

    def _show_answer(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        chosen = self.attempts[rows[0].row()] if rows else None
        self.answer.setPlainText((chosen or {}).get("response") or "")

    def redeliver(self) -> None:
        """Send the delivery again (same webhook-id, new timestamp)."""
        spawn(
            self.ui.core.webhooks.redeliver(self.delivery_id),
            on_done=self._redelivered,
            on_error=self._error,
        )

    def _redelivered(self, _result: Any) -> None:
        self.message.hide()
        self.redelivered.emit()
        self.reload()

    def _error(self, err: PosError) -> None:
        theme.set_role(self.message, "error")
        self.message.setText(error_line(err))
        self.message.show()
