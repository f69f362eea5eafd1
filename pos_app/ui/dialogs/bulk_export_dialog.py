"""Exporting the whole balance to a folder in one step: a file per mint and unit, and a manifest.

Open with ``BulkExportDialog(ui, parent).open()``. The folder proposed is a USB drive
when one is plugged in (found off the GUI thread); a progress bar follows the files, and
"done" is shown only once every file and the manifest are written and synced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.export_dialog import _default_folder
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import in_thread, spawn


class BulkExportDialog(QDialog):
    """A floor and a folder; then the progress and the files written.

    Signals:
        exported(object): the result (``files``, ``manifest``, ``manifest_csv``).
        failed(object): the :class:`PosError` of a failed export.
    """

    exported = Signal(object)
    failed = Signal(object)

    def __init__(
        self, ui: UiContext, parent: QWidget | None = None, *, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.result: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Export everything"))
        self.resize(640, 460)
        title = QLabel(self.tr("Export everything to a folder"))
        title.setProperty("role", "title")
        intro = QLabel(
            self.tr(
                "Each mint's ecash is saved as one token file, with a list of the files "
                "(manifest) beside them. Whoever has the files can spend the ecash: keep the "
                "drive safe."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.floor = QSpinBox()
        self.floor.setRange(1, 2_000_000_000)
        self.floor.setMinimumHeight(44)
        self.folder = QLineEdit(str(folder) if folder is not None else "")
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.drive_hint = QLabel(self.tr("Looking for a USB drive…") if folder is None else "")
        self.drive_hint.setProperty("role", "muted")
        if folder is None:
            spawn(in_thread(_default_folder), on_done=self._folder_found)
        form = QFormLayout()
        form.addRow(self.tr("Only mints holding at least"), self.floor)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", self.drive_hint)
        self.progress = QProgressBar()
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export everything"))
        self.export_button.setProperty("role", "primary")
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _folder_found(self, found: tuple[list[Path], Path]) -> None:
        drives, default = found
        self.drive_hint.setText(
            self.tr("USB drive found: {path}").format(path=drives[0])
            if drives
            else self.tr("No USB drive found: the files go to this folder.")
        )
        if not self.folder.text():  # unless the owner typed one meanwhile
            self.folder.setText(str(default))

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Export to folder"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()

    def export(self) -> None:
        """Export every mint above the floor into the folder (as a task)."""
        typed = self.folder.text().strip()
        if not typed or not self.export_button.isEnabled():
            self.outcome.setText(self.tr("Choose a folder first."))
            return
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.outcome.setText(self.tr("Exporting…"))
        spawn(
            self.ui.core.bulk.export_all(
                Path(typed).expanduser(), min_amount=self.floor.value(), progress=self._step
            ),
            on_done=self._done,
            on_error=self._failed,
        )

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, result: dict[str, Any]) -> None:
        self.result = result
        lines = [self.tr("Done: {n} file(s) written and synced.").format(n=len(result["files"]))]
        lines += [
            f"{fmt.short_mint(f['mint'])}: {fmt.sats(f['amount'], f['unit'])} → "
            f"{Path(f['file']).name}"
            for f in result["files"]
        ]
        lines.append(self.tr("Manifest: {path}").format(path=result["manifest"]))
        self.outcome.setText("\n".join(lines))
        self.close_button.setText(self.tr("Close"))
        self.exported.emit(result)

    def _failed(self, err: PosError) -> None:
        self.export_button.setEnabled(True)
        self.progress.hide()
        self.outcome.setText(error_line(err))
        self.failed.emit(err)
