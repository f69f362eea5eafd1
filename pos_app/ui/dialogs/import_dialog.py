"""Importing a token into the shop's wallet: pasted, scanned with the camera, or read from a file.

Open with ``ImportDialog(ui, parent).open()``. The camera is the Sell page's
:class:`~pos_app.ui.widgets.scan_panel.ScanPanel` (without its paste field); it
and the file are read off the GUI thread; the redeem runs as a task, and its
result or error is shown in the dialog in plain words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.wallet.exportfile import read_token_file
from pos_app.core.wallet.receive import ReceiveResult
from pos_app.ui import removable, theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import in_thread, spawn
from pos_app.ui.widgets.scan_panel import ScanPanel

PREVIEW_SIZE = QSize(480, 270)


class ImportDialog(QDialog):
    """Paste field, Scan and Open file buttons, and the outcome.

    Signals:
        received(object): the :class:`ReceiveResult` of a redeemed token.
        imported(object): the per-file results of a folder's import.
        failed(object): the :class:`PosError` of a refused one.
    """

    received = Signal(object)
    imported = Signal(object)
    failed = Signal(object)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.scanning = False
        self.source = "paste"
        self._busy = False
        self.setWindowTitle(self.tr("Import ecash"))
        self.resize(720, 620)
        title = QLabel(self.tr("Import ecash"))
        title.setProperty("role", "title")
        hint = QLabel(self.tr("Paste a token, scan its QR code, or open a token file."))
        hint.setProperty("role", "muted")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("cashuB… (Ctrl+V to paste)"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumHeight(110)
        self.text.textChanged.connect(self._typed)
        self.scan_button = QPushButton(self.tr("Scan"))
        self.scan_button.clicked.connect(self.toggle_scan)
        self.file_button = QPushButton(self.tr("Open file…"))
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button = QPushButton(self.tr("Open folder…"))
        self.folder_button.setToolTip(
            self.tr("Import every token file of a folder (an export of everything, say).")
        )
        self.folder_button.clicked.connect(self._choose_folder)
        self.receive_button = QPushButton(self.tr("Receive"))
        self.receive_button.setProperty("role", "primary")
        self.receive_button.setToolTip(self.tr("Ctrl+Enter"))
        self.receive_button.clicked.connect(self.receive)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.receive)
        buttons = QHBoxLayout()
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.receive_button)

        self.scan = ScanPanel(ui, paste=False)
        self.scan.camera.setMinimumSize(PREVIEW_SIZE)
        self.scan.token.connect(lambda text, _source: self._scanned(text))
        self.scan.camera_failed.connect(self._camera_error)
        self.scan.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addWidget(self.scan, 1)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addLayout(bottom)

    # -- input -----------------------------------------------------------------------------

    def set_token(self, text: str, source: str) -> None:
        """Put ``text`` in the field as coming from ``source`` (``scan``, ``file``...)."""
        self.text.blockSignals(True)
        self.text.setPlainText(text)
        self.text.blockSignals(False)
        self.source = source

    def _typed(self) -> None:
        self.source = "paste"

    def _choose_file(self) -> None:
        """Ask for a token file, starting where tokens are exported (found off the GUI thread)."""
        self.file_button.setEnabled(False)
        spawn(
            in_thread(removable.default_export_folder),
            on_done=self._open_file_dialog,
            on_error=lambda _err: self._open_file_dialog(Path.home()),
        )

    def _open_file_dialog(self, folder: Path) -> None:
        self.file_button.setEnabled(True)
        dialog = QFileDialog(
            self,
            self.tr("Open a token file"),
            str(folder),
            self.tr("Token files (*.txt);;All files (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.load_file(Path(path)))
        dialog.open()

    def load_file(self, path: Path) -> None:
        """Read a token file off the GUI thread, then redeem its token."""
        self._set_outcome(self.tr("Reading {name}…").format(name=path.name), "muted")
        spawn(
            in_thread(read_token_file, path),
            on_done=lambda text: (self.set_token(text, "file"), self.receive()),
            on_error=self._refused,
        )

    def _choose_folder(self) -> None:
        """Ask for a folder of token files, starting where tokens are exported."""
        self.folder_button.setEnabled(False)
        spawn(
            in_thread(removable.default_export_folder),
            on_done=self._open_folder_dialog,
            on_error=lambda _err: self._open_folder_dialog(Path.home()),
        )

    def _open_folder_dialog(self, folder: Path) -> None:
        self.folder_button.setEnabled(True)
        dialog = QFileDialog(self, self.tr("Open a folder of token files"), str(folder))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda path: self.load_folder(Path(path)))
        dialog.open()

    def load_folder(self, folder: Path) -> None:
        """Redeem every token file of ``folder``, each on its own (as a task)."""
        if self._busy:
            return
        self._busy = True
        self.folder_button.setEnabled(False)
        self._set_outcome(self.tr("Importing the files of {name}…").format(name=folder), "muted")
        spawn(
            self.ui.core.bulk.import_files([folder]),
            on_done=self._folder_imported,
            on_error=self._folder_failed,
        )

    def _folder_imported(self, results: list[dict]) -> None:
        self._busy = False
        self.folder_button.setEnabled(True)
        words = {
            "imported": self.tr("received {amount}"),
            "reclaimed": self.tr("taken back into the wallet: {amount}"),
            "already_imported": self.tr("imported before, skipped"),
            "spent": self.tr("already spent"),
            "pending": self.tr("the mint did not answer; it is redeemed later"),
        }
        lines = []
        totals: dict[str, int] = {}
        for r in results:
            unit = r.get("unit", "sat")
            if r["result"] in words:
                said = words[r["result"]].format(amount=fmt.sats(r["amount"], unit))
            else:  # failed: the core's reason
                said = r.get("message") or r["result"]
            lines.append(f"{Path(r['file']).name}: {said}")
            if r["result"] in ("imported", "reclaimed"):
                totals[unit] = totals.get(unit, 0) + r["amount"]
        total = ", ".join(fmt.sats(v, unit) for unit, v in sorted(totals.items())) or fmt.sats(0)
        lines.append(self.tr("In all: {amount}").format(amount=total))
        self._set_outcome("\n".join(lines), "ok" if totals else "muted")
        self.imported.emit(results)

    def _folder_failed(self, err: PosError) -> None:
        self._busy = False
        self.folder_button.setEnabled(True)
        self._refused(err)

    # -- camera ----------------------------------------------------------------------------

    def toggle_scan(self) -> None:
        """Start the camera, or stop it when it runs."""
        if self.scanning:
            self.stop_scan()
            return
        self.scanning = True
        self.scan.show()
        self.scan.start()
        self.scan_button.setText(self.tr("Stop scanning"))

    def stop_scan(self) -> None:
        """Stop the camera (off the GUI thread) and hide the preview."""
        self.scanning = False
        self.scan.stop()
        self.scan.hide()
        self.scan_button.setText(self.tr("Scan"))

    def _scanned(self, text: str) -> None:
        self.stop_scan()
        self.set_token(text, "scan")
        self.receive()

    def _camera_error(self, text: str) -> None:
        self.stop_scan()
        self._set_outcome(text, "error")

    # -- redeem ----------------------------------------------------------------------------

    def receive(self) -> None:
        """Redeem the token in the field at its mint."""
        text = self.text.toPlainText().strip()
        if self._busy:
            return
        if not text:
            self._set_outcome(self.tr("Paste, scan or open a token first."), "error")
            return
        self._busy = True
        self.receive_button.setEnabled(False)
        self._set_outcome(self.tr("Redeeming at the mint…"), "muted")
        spawn(
            self.ui.core.wallet.receive(text, source=self.source),
            on_done=self._received,
            on_error=self._refused,
        )

    def _received(self, result: ReceiveResult) -> None:
        self._busy = False
        self.receive_button.setEnabled(True)
        text = self.tr("Received {amount} at {mint}.").format(
            amount=fmt.sats(result.amount, result.unit), mint=fmt.short_mint(result.mint)
        )
        if result.fee:
            text += " " + self.tr("The mint kept {fee} as its fee.").format(
                fee=fmt.sats(result.fee, result.unit)
            )
        for warning in result.warnings:
            text += "\n" + warning
        self.set_token("", "paste")
        self._set_outcome(text, "ok")
        self.received.emit(result)

    def _refused(self, err: PosError) -> None:
        self._busy = False
        self.receive_button.setEnabled(True)
        self._set_outcome(error_line(err), "error")
        self.failed.emit(err)

    def _set_outcome(self, text: str, role: str) -> None:
        theme.set_role(self.outcome, role)
        self.outcome.setText(text)

    def done(self, result: int) -> None:
        """Stop the camera when the dialog closes."""
        self.stop_scan()
        super().done(result)
