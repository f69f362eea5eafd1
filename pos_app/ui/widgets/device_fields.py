"""Editors for the device settings: the camera (or a video file) and the customer screen."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QWidget

from pos_app.core.config import Option
from pos_app.ui.widgets.option_fields import EDITOR_WIDTH, OptionField, select_or_add, tr

log = logging.getLogger(__name__)


def video_inputs() -> list[str]:
    """Names of the cameras Qt sees, in index order (empty when Qt Multimedia is unusable)."""
    try:
        multimedia = importlib.import_module("PySide6.QtMultimedia")
        return [device.description() for device in multimedia.QMediaDevices.videoInputs()]
    except (ImportError, RuntimeError) as exc:  # e.g. libpulse missing on a headless box
        log.info("camera list unavailable: %s", exc)
        return []


class CameraField(OptionField):
    """The camera: the devices found (stored as their index) or a video file to play."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.editor = QComboBox()
        self.editor.setMinimumHeight(36)
        self.editor.setMaximumWidth(EDITOR_WIDTH)
        names = video_inputs()
        for index, name in enumerate(names):
            self.editor.addItem(f"{index}: {name}", str(index))
        if not names:
            for index in range(3):
                self.editor.addItem(tr("Camera {n}").format(n=index), str(index))
        self.editor.activated.connect(self.edited)
        self.file_button = QPushButton(tr("Video file…"))
        self.file_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(self.file_button)
        row.addStretch(1)
        self.file_dialog: QFileDialog | None = None
        self._finish(row)

    def choose_file(self) -> None:
        """Pick a video file (non-blocking dialog)."""
        dialog = QFileDialog(self, tr("Choose a video file"))
        dialog.setNameFilter(tr("Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.file_dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: QFileDialog) -> None:
        # A hidden dialog kept alive can stay the "active window" and swallow shortcuts.
        dialog.deleteLater()
        if self.file_dialog is dialog:
            self.file_dialog = None

    def _file_chosen(self, path: str) -> None:
        if path:
            self.set_value(path)
            self.edited.emit()

    def raw(self) -> str:
        """A camera number as text, or a video file path."""
        return str(self.editor.currentData() or "")

    def set_value(self, value: Any) -> None:
        """Select the camera or video file ``value``."""
        text = str(value)
        select_or_add(
            self.editor, text, tr("Camera {n}").format(n=text) if text.isdigit() else text
        )


class ScreenField(OptionField):
    """The customer display: off, or one of the connected screens by number."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.editor = QComboBox()
        self.editor.setMinimumHeight(36)
        self.editor.setMaximumWidth(EDITOR_WIDTH)
        self.editor.addItem(tr("Off"), -1)
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            self.editor.addItem(f"{index}: {screen.name()} ({size.width()}×{size.height()})", index)
        self.editor.activated.connect(self.edited)
        self._finish(self.editor)

    def raw(self) -> int:
        """The screen number, -1 when off."""
        return int(self.editor.currentData())

    def set_value(self, value: Any) -> None:
        """Select screen ``value`` (listed as not connected if absent)."""
        select_or_add(self.editor, value, tr("Screen {n} (not connected)").format(n=value))
