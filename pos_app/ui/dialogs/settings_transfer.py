"""Export the shop's settings to a file, or import them with a preview of the differences.

Both dialogs are opened with ``open()`` and choose their file with a non-blocking
``QFileDialog.open()``; the work runs as tasks (:func:`pos_app.ui.tasks.spawn`).
Import shows every difference (old → new, secrets masked) and changes nothing until
Apply; the core then applies all of them or none (:mod:`pos_app.core.settings_io`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
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
from pos_app.core.settings_io import Plan, SettingsTransfer
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import explain_error
from pos_app.ui.tasks import spawn

FILE_FILTER = "Settings (*.json)"


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class _TransferDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.transfer = SettingsTransfer(ui.core.settings)
        self.busy = False
        self.file_dialog: QFileDialog | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)

    def _say(self, text: str, role: str) -> None:
        theme.set_role(self.status, role)
        self.status.setText(text)

    def _failed(self, err: PosError) -> None:
        self.busy = False
        self._say(explain_error(err).text, "error")

    def _choose(self, title: str, mode: QFileDialog.AcceptMode, slot: Any) -> None:
        dialog = QFileDialog(self, title, str(Path.home()), self.tr(FILE_FILTER))
        dialog.setAcceptMode(mode)
        dialog.setDefaultSuffix("json")
        if mode == QFileDialog.AcceptMode.AcceptSave:
            dialog.selectFile("pos-app-settings.json")
        dialog.fileSelected.connect(slot)
        self.file_dialog = dialog
        dialog.open()


class ExportSettingsDialog(_TransferDialog):
    """Choose whether secrets go along (then a passphrase, twice), then the file."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.setWindowTitle(self.tr("Export settings"))
        intro = QLabel(
            self.tr(
                "Every setting is written to a file that another till can import. The seed, "
                "the ecash and the database key are never in it."
            )
        )
        intro.setWordWrap(True)
        self.with_secrets = QCheckBox(self.tr("Include the webhook secrets (encrypted)"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat"), self.repeat)
        self.secret_fields = QWidget()
        self.secret_fields.setLayout(form)
        self.secret_fields.setVisible(False)
        self.with_secrets.toggled.connect(self.secret_fields.setVisible)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setProperty("role", "primary")
        self.export_button.clicked.connect(self.choose_file)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.with_secrets)
        layout.addWidget(self.secret_fields)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _passphrase(self) -> str | None:
        if not self.with_secrets.isChecked():
            return None
        return self.passphrase.text()

    def choose_file(self) -> None:
        """Check the passphrase, then ask where to write (non-blocking)."""
        if self.with_secrets.isChecked():
            if not self.passphrase.text():
                self._say(self.tr("Type a passphrase to protect the secrets."), "error")
                return
            if self.passphrase.text() != self.repeat.text():
                self._say(self.tr("The passphrases differ."), "error")
                return
        self._say("", "")
        self._choose(
            self.tr("Export settings to"), QFileDialog.AcceptMode.AcceptSave, self.export_to
        )

    def export_to(self, path: str) -> None:
        """Write the file (as a task)."""
        if self.busy or not path:
            return
        self.busy = True
        self.export_button.setEnabled(False)
        self._say(self.tr("Exporting…"), "muted")
        spawn(
            self.transfer.export(Path(path), self._passphrase()),
            on_done=self._exported,
            on_error=self._export_failed,
        )

    def _exported(self, done: dict[str, Any]) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self._say(
            self.tr("Exported {n} settings to {path}.").format(
                n=done["settings"], path=done["path"]
            ),
            "ok",
        )

    def _export_failed(self, err: PosError) -> None:
        self.export_button.setEnabled(True)
        self._failed(err)


class ImportSettingsDialog(_TransferDialog):
    """Choose a file, see every difference, then Apply (all or nothing) or Cancel."""

    applied = Signal(object)  # {key: value} of the settings stored

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.setWindowTitle(self.tr("Import settings"))
        self.data: bytes | None = None
        self.plan: Plan | None = None
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Only when the file holds secrets"))
        self.passphrase.editingFinished.connect(self.preview)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Setting"), self.tr("Now"), self.tr("From the file")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setProperty("role", "primary")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(720, 480)

    def choose_file(self) -> None:
        """Ask which file to import (non-blocking)."""
        self._choose(self.tr("Import settings from"), QFileDialog.AcceptMode.AcceptOpen, self.load)

    def load(self, path: str) -> None:
        """Read ``path`` and preview its differences."""
        if not path:
            return
        try:
            self.data = Path(path).read_bytes()
        except OSError as exc:
            self.data = None
            self._say(
                self.tr("The file cannot be read: {reason}").format(reason=exc.strerror), "error"
            )
            return
        self.file_label.setText(path)
        self.preview()

    def preview(self) -> None:
        """List what the file would change (nothing is changed)."""
        if self.data is None or self.busy:
            return
        self.busy = True
        self.apply_button.setEnabled(False)
        self.table.setRowCount(0)
        spawn(
            self.transfer.preview(self.data, self.passphrase.text() or None),
            on_done=self._previewed,
            on_error=self._failed,
        )

    def _previewed(self, plan: Plan) -> None:
        self.busy = False
        self.plan = plan
        self.table.setRowCount(len(plan.changes))
        for row, change in enumerate(plan.changes):
            for col, value in enumerate((change["key"], change["old"], change["new"])):
                self.table.setItem(row, col, QTableWidgetItem(_shown(value)))
        notes = []
        if not plan.changes:
            notes.append(self.tr("The file holds the settings this till already has."))
        else:
            notes.append(self.tr("{n} setting(s) will change.").format(n=len(plan.changes)))
        if plan.unknown:
            notes.append(
                self.tr("Not known to this version, left out: {keys}.").format(
                    keys=", ".join(plan.unknown)
                )
            )
        if plan.secrets_skipped:
            notes.append(self.tr("The file holds secrets: type its passphrase to import them."))
        self._say(" ".join(notes), "muted")
        self.apply_button.setEnabled(bool(plan.changes))

    def apply(self) -> None:
        """Store every difference in one transaction (as a task)."""
        if self.data is None or self.busy or not self.plan or not self.plan.changes:
            return
        self.busy = True
        self.apply_button.setEnabled(False)
        spawn(
            self.transfer.apply(
                self.data,
                self.passphrase.text() or None,
                check=self.ui.core.withdrawals.check_threshold,
            ),
            on_done=self._applied,
            on_error=self._failed,
        )

    def _applied(self, plan: Plan) -> None:
        self.busy = False
        self.plan = plan
        self.applied.emit(plan.settings)
        self.accept()
