"""Applying a preset from Settings: choose one, see every change it makes, then apply.

Nothing changes before Apply; the list shows each setting's name as Settings shows it,
its value now and the preset's. Apply makes them all or none (:mod:`pos_app.core.presets`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.presets import Presets
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn


def shown_value(value: Any) -> str:
    """A setting's value as a person reads it."""
    if isinstance(value, bool):
        return QCoreApplication.translate("PresetDialog", "on" if value else "off")
    return str(value)


class PresetDialog(QDialog):
    """The presets, the changes of the chosen one, and Apply.

    Signals:
        previewed(): the chosen preset's changes are shown.
        applied(list): the changes made.
    """

    previewed = Signal()
    applied = Signal(list)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.changes: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Presets"))
        self.resize(900, 560)
        self.presets = QListWidget()
        for preset in Presets.available():
            item = QListWidgetItem(QCoreApplication.translate("Presets", preset.title))
            item.setData(256, preset.name)
            item.setToolTip(QCoreApplication.translate("Presets", preset.description))
            self.presets.addItem(item)
        self.presets.setMaximumWidth(260)
        self.presets.currentItemChanged.connect(lambda *_a: self.preview())
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Now"), self.tr("Then")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setProperty("role", "primary")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        right = QVBoxLayout()
        right.addWidget(self.description)
        right.addWidget(self.table, 1)
        body = QHBoxLayout()
        body.addWidget(self.presets)
        body.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.presets.setCurrentRow(0)

    def chosen(self) -> str | None:
        """The selected preset's name."""
        item = self.presets.currentItem()
        return None if item is None else str(item.data(256))

    def choose(self, name: str) -> None:
        """Select preset ``name``."""
        for row in range(self.presets.count()):
            if self.presets.item(row).data(256) == name:
                self.presets.setCurrentRow(row)

    def preview(self) -> None:
        """Show what the selected preset would change here."""
        name = self.chosen()
        if name is None:
            return
        preset = next(p for p in Presets.available() if p.name == name)
        self.description.setText(QCoreApplication.translate("Presets", preset.description))
        self.apply_button.setEnabled(False)
        spawn(
            self.ui.core.presets.preview(name),
            on_done=lambda changes: self._show(name, changes),
            on_error=self._failed,
        )

    def _show(self, name: str, changes: list[dict[str, Any]]) -> None:
        if name != self.chosen():
            return  # an answer for a preset no longer chosen (a quick second click)
        self.changes = changes
        options = self.ui.core.config.options
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            label = QCoreApplication.translate("Settings", options[change["key"]].label)
            for column, text in enumerate(
                (label, shown_value(change["old"]), shown_value(change["new"]))
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(change["key"])
                self.table.setItem(row, column, item)
        self.apply_button.setEnabled(bool(changes))
        theme.set_role(self.status, "muted")
        self.status.setText(
            self.tr("{n} settings change.").format(n=len(changes))
            if changes
            else self.tr("Nothing to change: this shop is set up like that already.")
        )
        self.previewed.emit()

    def apply(self) -> None:
        """Apply the selected preset (all of its changes or none)."""
        name = self.chosen()
        if name is None or not self.changes:
            return
        self.apply_button.setEnabled(False)
        spawn(self.ui.core.presets.apply(name), on_done=self._applied, on_error=self._failed)

    def _applied(self, changes: list[dict[str, Any]]) -> None:
        theme.set_role(self.status, "ok")
        self.status.setText(self.tr("Applied: {n} settings changed.").format(n=len(changes)))
        self.changes = []
        self.applied.emit(changes)

    def _failed(self, err: PosError) -> None:
        theme.set_role(self.status, "error")
        self.status.setText(error_line(err))
