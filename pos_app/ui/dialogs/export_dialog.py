"""Exporting ecash to a file (a USB stick by default), then showing the token as a QR code.

Open with ``ExportDialog(ui, balances, parent).open()``. The export runs as a
task; the form stays usable and shows any failure in plain words. Looking for a
USB drive and checking the folder touch the file system, so they run in a thread
(a drive being unplugged can hang a ``stat`` for seconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError, ValidationError
from pos_app.core.wallet.send import SendResult
from pos_app.ui import removable
from pos_app.ui.context import UiContext
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import in_thread, spawn
from pos_app.ui.widgets.token_result import TokenResult


class ExportDialog(QDialog):
    """Mint, amount, optional lock key and folder; then the token's QR, path and a Copy button.

    Args:
        ui: the app's context.
        balances: ``core.wallet.balance()["balances"]`` (mint, unit, amount), to choose from.
        parent: dialog parent.
        folder: the folder to propose (default: a removable drive, else Documents).

    Signals:
        exported(object): the :class:`SendResult` of a finished export.
        failed(object): the :class:`PosError` of a failed one.
    """

    exported = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        ui: UiContext,
        balances: list[dict[str, Any]],
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.sent: SendResult | None = None
        self.setWindowTitle(self.tr("Export ecash"))
        self.resize(680, 600)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form(balances, folder))
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- the form --------------------------------------------------------------------------

    def _build_form(self, balances: list[dict[str, Any]], folder: Path | None) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Export ecash to a file"))
        title.setProperty("role", "title")
        intro = QLabel(
            self.tr(
                "The token is saved as a text file, with a QR picture beside it. Whoever has the "
                "file can spend the ecash, so keep it safe, or lock it to the recipient's key so "
                "that only they can redeem it."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.mint = QComboBox()
        for b in balances:
            if b["amount"] > 0:
                label = f"{fmt.short_mint(b['mint'])} — {fmt.sats(b['amount'], b['unit'])}"
                self.mint.addItem(label, b)
        self.amount = QSpinBox()
        self.amount.setRange(1, 1)
        self.amount.setMinimumHeight(44)
        self.amount.setStyleSheet("font-size: 18pt;")
        self.lock = QLineEdit()
        self.lock.setPlaceholderText(self.tr("Optional: the recipient's public key (66 hex)"))
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
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setProperty("role", "primary")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Mint"), self.mint)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Lock to key"), self.lock)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", self.drive_hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.mint.currentIndexChanged.connect(self._mint_chosen)
        self._mint_chosen()
        if self.mint.count() == 0:
            self._show_error(self.tr("There is no ecash to export yet."))
            self.export_button.setEnabled(False)
        return page

    def _folder_found(self, found: tuple[list[Path], Path]) -> None:
        drives, default = found
        self.drive_hint.setText(
            self.tr("USB drive found: {path}").format(path=drives[0])
            if drives
            else self.tr("No USB drive found: the file goes to this folder.")
        )
        if not self.folder.text():  # unless the owner chose a folder meanwhile
            self.folder.setText(str(default))

    def _mint_chosen(self, *_args: object) -> None:
        chosen = self.mint.currentData()
        if chosen:
            self.amount.setRange(1, max(1, int(chosen["amount"])))
            self.amount.setSuffix(f" {chosen['unit']}")

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Export to folder"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def export(self) -> None:
        """Make the token and write it to the folder (as a task)."""
        chosen = self.mint.currentData()
        if not chosen or not self.export_button.isEnabled():
            return
        typed = self.folder.text().strip()
        folder = Path(typed).expanduser() if typed else None
        lock = self.lock.text().strip() or None
        self._show_error("")
        self.export_button.setEnabled(False)
        self.export_button.setText(self.tr("Exporting…"))
        spawn(
            self._send(chosen, self.amount.value(), lock, folder),
            on_done=self.show_result,
            on_error=self._export_failed,
        )

    async def _send(
        self, chosen: dict[str, Any], amount: int, lock: str | None, folder: Path | None
    ) -> SendResult:
        if folder is None or not await in_thread(folder.is_dir):
            raise ValidationError(
                "export.no_folder",
                self.tr("Choose a folder that exists (is the USB drive plugged in?)."),
                str(folder),
            )
        return await self.ui.core.wallet.send(
            chosen["mint"], chosen["unit"], amount, lock=lock, out=folder, qr=True
        )

    def _export_failed(self, err: PosError) -> None:
        self.export_button.setEnabled(True)
        self.export_button.setText(self.tr("Export"))
        self._show_error(err.user_message)
        self.failed.emit(err)

    # -- the result ------------------------------------------------------------------------

    def _build_result(self) -> QWidget:
        self.result_view = TokenResult()
        self.result_view.finished.connect(self.accept)
        return self.result_view

    def show_result(self, result: SendResult) -> None:
        """Show the exported token as a QR code, with its file and a Copy button."""
        self.sent = result
        lines = [self.tr("Saved to: {path}").format(path=result.file or "—")]
        if result.locked_to:
            lines.append(self.tr("Locked to: {key}").format(key=result.locked_to))
        if result.fee:
            lines.append(self.tr("Mint fee: {fee}").format(fee=fmt.sats(result.fee, result.unit)))
        self.result_view.show_token(
            self.tr("Exported {amount}").format(amount=fmt.sats(result.amount, result.unit)),
            result.token,
            lines,
        )
        self.stack.setCurrentIndex(1)
        self.exported.emit(result)

    def copy_token(self) -> None:
        """Put the token on the clipboard."""
        self.result_view.copy_token()

    def done(self, result: int) -> None:
        """Stop the QR animation when the dialog closes."""
        self.result_view.clear()
        super().done(result)


def _default_folder() -> tuple[list[Path], Path]:
    """The removable drives mounted now and the folder to propose (blocking: use a thread)."""
    drives = removable.removable_drives()
    return drives, removable.default_export_folder(drives)
