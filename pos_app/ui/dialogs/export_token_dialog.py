"""An unclaimed export's token again: its QR code (animated when long), Copy, and save it anew.

Open with ``ExportTokenDialog(ui, record, parent).open()``; the token is read as a task
(only the proofs nobody redeemed, as of the last check). "Save to a file…" writes a new
file (never replacing one) into a folder the owner picks, a USB drive by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.core.errors import PosError
from pos_app.core.wallet.exports import ExportRecord, ExportToken
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.export_dialog import _default_folder
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import in_thread, spawn
from pos_app.ui.widgets.token_result import TokenResult


class ExportTokenDialog(QDialog):
    """The token of one export as a QR code, with Copy, Save to a file… and Done.

    Signals:
        shown(object): the :class:`ExportToken` is on screen.
        saved(object): ``{"file", "qr_file"}`` of a new file.
        failed(object): the :class:`PosError` of a failed read or save.
    """

    shown = Signal(object)
    saved = Signal(object)
    failed = Signal(object)

    def __init__(self, ui: UiContext, record: ExportRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.record = record
        self.current: ExportToken | None = None
        self.folder_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Exported token"))
        self.resize(640, 620)
        self.result_view = TokenResult()
        self.result_view.finished.connect(self.accept)
        self.result_view.title.setText(self.tr("Reading the token…"))
        self.save_button = QPushButton(self.tr("Save to a file…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.choose_folder)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_view, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.save_button)
        spawn(ui.core.exports.token(record.id), on_done=self.show_token, on_error=self._failed)

    def show_token(self, shown: ExportToken) -> None:
        """Show the token of the unclaimed proofs, with its facts."""
        self.current = shown
        record = shown.record
        lines = [
            self.tr("Exported on {when} at {mint}").format(
                when=fmt.when(record.created_at), mint=fmt.short_mint(record.mint)
            ),
            self.tr("Saved to: {path}").format(path=record.file or "—"),
        ]
        if shown.amount != record.amount:
            lines.append(
                self.tr(
                    "{claimed} of {amount} were claimed already; this token holds the rest."
                ).format(
                    claimed=fmt.sats(record.claimed_amount, record.unit),
                    amount=fmt.sats(record.amount, record.unit),
                )
            )
        self.result_view.show_token(
            self.tr("Unclaimed: {amount}").format(amount=fmt.sats(shown.amount, record.unit)),
            shown.token,
            lines,
        )
        self.save_button.setEnabled(True)
        self.shown.emit(shown)

    def _failed(self, err: PosError) -> None:
        self.result_view.title.setText(self.tr("The token cannot be shown"))
        self.note.setText(error_line(err))
        self.failed.emit(err)

    def choose_folder(self) -> None:
        """Ask for a folder (a USB drive when one is plugged in), without blocking."""
        spawn(in_thread(_default_folder), on_done=self._ask_folder)

    def _ask_folder(self, found: tuple[list[Path], Path]) -> None:
        _drives, default = found
        dialog = QFileDialog(self, self.tr("Save the token to a folder"), str(default))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        self.folder_dialog = dialog
        dialog.open()

    def save_to(self, folder: Path) -> None:
        """Write the token to a new file in ``folder`` (as a task)."""
        self.save_button.setEnabled(False)
        self.note.setText(self.tr("Saving…"))
        spawn(
            self.ui.core.exports.save_file(self.record.id, folder),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, saved: dict[str, Any]) -> None:
        self.save_button.setEnabled(True)
        self.note.setText(self.tr("Saved to: {path}").format(path=saved["file"]))
        self.saved.emit(saved)

    def _save_failed(self, err: PosError) -> None:
        self.save_button.setEnabled(True)
        self.note.setText(error_line(err))
        self.failed.emit(err)

    def done(self, result: int) -> None:
        """Stop the QR animation when the dialog closes."""
        self.result_view.clear()
        if self.folder_dialog is not None:
            self.folder_dialog.close()
        super().done(result)
