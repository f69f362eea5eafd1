"""The notification center: what needs the owner (needs review, mint offline, security)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import notification_text
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import spawn

LEVEL_COLOR = {"critical": "bad", "warning": "warn", "info": "info"}


class NotificationsDialog(QDialog):
    """Newest first; opening it does not mark anything read, the button does.

    Signals:
        marked_read(): everything was marked read (the unread counter is stale).
    """

    marked_read = Signal()

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("Notifications"))
        self.resize(640, 480)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.empty = QLabel(self.tr("Nothing needs your attention."))
        self.empty.setProperty("role", "muted")
        self.mark = QPushButton(self.tr("Mark all as read"))
        theme.set_icon(self.mark, "check-all")
        self.mark.clicked.connect(self.mark_all_read)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.mark, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.items: list[dict[str, Any]] = []
        self.refresh()

    def refresh(self) -> None:
        """Load the newest notifications."""
        spawn(self.ui.core.notifications.list(limit=200), on_done=self._show)

    def _show(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.list.clear()
        for n in items:
            when = fmt.when(n["at"])
            marker = "" if n["read"] else "● "
            title, body = notification_text(n["title"], n["body"], n.get("data"), n["kind"])
            item = QListWidgetItem(f"{marker}{title} — {when}\n{body}")
            item.setForeground(
                theme.qcolor(LEVEL_COLOR.get(n["level"], "info"))
                if not n["read"]
                else theme.qcolor("muted")
            )
            self.list.addItem(item)
        self.empty.setVisible(not items)
        self.mark.setEnabled(any(not n["read"] for n in items))

    def mark_all_read(self) -> None:
        """Mark everything read and tell the window to update its counter."""

        def done(_: object) -> None:
            self.refresh()
            self.marked_read.emit()

        spawn(self.ui.core.notifications.mark_read(), on_done=done)
