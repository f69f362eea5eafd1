"""One editor per setting, made from its :class:`~pos_app.core.config.Option` declaration.

Every field shows its editor, an error line right under it (hidden until a value
is refused) and the option's help text. ``raw()`` returns what the owner typed or
chose, unparsed: the Settings page validates it with ``Option.parse`` and shows the
``ConfigError`` message with :meth:`OptionField.set_error`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.config import OPTIONS, Option
from pos_app.core.errors import ConfigError
from pos_app.ui.currencies import currency_choices, currency_code

NUMBER_WIDTH = 220
EDITOR_WIDTH = 520
# Radio buttons and check boxes big enough for a finger on a touch screen.
TOUCH_INDICATORS = """
QRadioButton::indicator, QCheckBox::indicator { width: 22px; height: 22px; }
QRadioButton, QCheckBox { spacing: 10px; min-height: 44px; }
"""


def tr(text: str) -> str:
    """Translate a text of this module (and the options' labels and help).

    lupdate files this module's ``tr("...")`` under the empty context and the options'
    texts under ``Settings``; the app's translator looks in both (pos_app.ui.i18n).
    """
    return QCoreApplication.translate("Settings", text)


# Why core.config refuses a value (``ConfigError.data["reason"]``), in the app's language.
# A reason not listed here (a new check) is shown as the core wrote it.
_REASONS: tuple[tuple[str, str], ...] = (
    (r"must be at least (?P<n>-?[\d.]+)", QT_TRANSLATE_NOOP("Settings", "must be at least {n}")),
    (r"must be at most (?P<n>-?[\d.]+)", QT_TRANSLATE_NOOP("Settings", "must be at most {n}")),
    (r"must be a whole number", QT_TRANSLATE_NOOP("Settings", "must be a whole number")),
    (
        r"must be a number such as .*",
        QT_TRANSLATE_NOOP("Settings", "must be a number such as 95000.50"),
    ),
    (r"must be a (finite )?number", QT_TRANSLATE_NOOP("Settings", "must be a number")),
    (r"must be true or false", QT_TRANSLATE_NOOP("Settings", "must be on or off")),
    (r"must be one of .*", QT_TRANSLATE_NOOP("Settings", "choose one of the listed values")),
    (
        r"must be sat or a three-letter currency code.*",
        QT_TRANSLATE_NOOP(
            "Settings", "choose a currency from the list, or type a three-letter code such as EUR"
        ),
    ),
    (r"must be an https:// address", QT_TRANSLATE_NOOP("Settings", "must be an https:// address")),
    (
        r"plain http is only allowed for this computer.*",
        QT_TRANSLATE_NOOP("Settings", "plain http is only allowed for this computer (localhost)"),
    ),
    (
        r"must look like name@example.com",
        QT_TRANSLATE_NOOP("Settings", "must look like name@example.com"),
    ),
    (
        r"each source needs a url and a path",
        QT_TRANSLATE_NOOP("Settings", "each service needs an address and a path"),
    ),
    (
        r"must be a time zone such as .*",
        QT_TRANSLATE_NOOP(
            "Settings",
            "must be a time zone such as Europe/Berlin, or empty for this computer's time zone",
        ),
    ),
    (
        r"must be a camera number.*",
        QT_TRANSLATE_NOOP("Settings", "choose a camera or a video file"),
    ),
    (
        r"must be a time of day such as 18:30.*",
        QT_TRANSLATE_NOOP(
            "Settings",
            "must be a time of day such as 18:30, optionally with weekdays such as "
            "18:30 mon-fri; empty turns it off",
        ),
    ),
    (
        r"(?P<day>'.*') is not a weekday.*",
        QT_TRANSLATE_NOOP(
            "Settings",
            "{day} is not a weekday; use mon, tue, wed, thu, fri, sat, sun (in English)",
        ),
    ),
    (
        r"name at least one weekday.*",
        QT_TRANSLATE_NOOP("Settings", "name at least one weekday, such as mon-fri"),
    ),
    (
        r"must be a full folder path.*",
        QT_TRANSLATE_NOOP("Settings", "must be a full folder path, such as /media/shop/USB"),
    ),
)


def refusal_text(err: ConfigError) -> str:
    """Why a value was refused: "<label>: <reason>." in the app's language."""
    reason = str(err.data.get("reason", "")) if isinstance(err.data, dict) else ""
    key = err.data.get("key") if isinstance(err.data, dict) else None
    for pattern, words in _REASONS:
        found = re.fullmatch(pattern, reason)
        if found:
            label = OPTIONS[key].label if key in OPTIONS else ""
            text = tr(words).format(**found.groupdict())
            return f"{tr(label)}: {text}." if label else f"{text}."
    return err.user_message


def select_or_add(combo: QComboBox, value: Any, label: str) -> None:
    """Select the item holding ``value``; add it as ``label`` first when it is not listed.

    A stored value the list lacks (a camera unplugged, a choice from a newer version)
    is shown rather than silently replaced by the first item.
    """
    index = combo.findData(value)
    if index < 0:
        combo.addItem(label, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def mode_texts() -> dict[str, tuple[str, str]]:
    """Title and one-line explanation of each acceptance mode."""
    return {
        "trusted_only": (
            tr("Trusted mints only"),
            tr("Tokens from trusted mints are accepted and kept; any other token is refused."),
        ),
        "hold_when_trusted": (
            tr("Keep trusted, pay out the rest"),
            tr("Tokens from trusted mints are kept; others are paid to the Lightning address."),
        ),
        "auto_convert": (
            tr("Pay out everything"),
            tr("Every token is paid to the Lightning address at once; the shop keeps no ecash."),
        ),
    }


class OptionField(QWidget):
    """Editor + error line + help text of one option.

    Signals:
        edited(): the owner changed the value.
    """

    edited = Signal()

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.setObjectName(f"field-{option.key}")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.help = QLabel(tr(option.help))
        self.help.setProperty("role", "muted")
        self.help.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 6)
        self._layout.setSpacing(4)

    def _finish(self, editor: QWidget | Any) -> None:
        """Lay out the editor (a widget or a layout), then the error line and the help."""
        if isinstance(editor, QWidget):
            self._layout.addWidget(editor)
        else:
            self._layout.addLayout(editor)
        self._layout.addWidget(self.error)
        self._layout.addWidget(self.help)

    @property
    def label(self) -> str:
        """The option's title, translated."""
        return tr(self.option.label)

    def raw(self) -> Any:
        """The value as entered (not yet validated)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored value."""
        raise NotImplementedError

    def set_error(self, message: str | None) -> None:
        """Show why the entered value is refused, or clear it."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class TextField(OptionField):
    """A line edit: text and numbers (checked on Save)."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.editor = QLineEdit()
        self.editor.setMinimumHeight(36)
        self.editor.textEdited.connect(self.edited)
        if option.kind in ("int", "float", "decimal"):
            self.editor.setMaximumWidth(NUMBER_WIDTH)
        else:
            self.editor.setMaximumWidth(EDITOR_WIDTH)
        if option.key == "lightning.address":
            self.editor.setPlaceholderText(tr("name@example.com or https://… (LNURL-pay)"))
        self._finish(self.editor)

    def raw(self) -> str:
        """The text typed."""
        return self.editor.text()

    def set_value(self, value: Any) -> None:
        """Show ``value`` as text (``60`` rather than ``60.0``)."""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        self.editor.setText("" if value is None else str(value))


class BoolField(OptionField):
    """A check box."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.editor = QCheckBox(tr("On"))
        self.editor.toggled.connect(self.edited)
        self._finish(self.editor)

    def raw(self) -> bool:
        """True when ticked."""
        return self.editor.isChecked()

    def set_value(self, value: Any) -> None:
        """Tick or untick."""
        self.editor.setChecked(bool(value))


class ChoiceField(OptionField):
    """A drop-down of the option's choices."""

    NAMES = {
        "keep": QT_TRANSLATE_NOOP("Settings", "Keep it"),
        "return": QT_TRANSLATE_NOOP("Settings", "Hand back change"),
        "system": QT_TRANSLATE_NOOP("Settings", "Same as the computer"),
        "light": QT_TRANSLATE_NOOP("Settings", "Light"),
        "dark": QT_TRANSLATE_NOOP("Settings", "Dark"),
    }

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.editor = QComboBox()
        self.editor.setMinimumHeight(36)
        self.editor.setMaximumWidth(EDITOR_WIDTH)
        for choice in option.choices:
            self.editor.addItem(tr(self.NAMES.get(choice, choice)), choice)
        self.editor.activated.connect(self.edited)
        self._finish(self.editor)

    def raw(self) -> Any:
        """The chosen value (not its display name)."""
        return self.editor.currentData()

    def set_value(self, value: Any) -> None:
        """Select ``value`` (added to the list if unknown)."""
        select_or_add(self.editor, value, str(value))


class ModeField(OptionField):
    """The acceptance mode: one radio button per mode, each with its one-line explanation."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        box = QVBoxLayout()
        box.setSpacing(2)
        texts = mode_texts()
        for mode in option.choices:
            title, explanation = texts.get(mode, (mode, ""))
            button = QRadioButton(title)
            button.setObjectName(f"mode-{mode}")
            self.group.addButton(button)
            self.buttons[mode] = button
            line = QLabel(explanation)
            line.setProperty("role", "muted")
            line.setWordWrap(True)
            line.setContentsMargins(28, 0, 0, 6)
            box.addWidget(button)
            box.addWidget(line)
        self.group.buttonClicked.connect(self.edited)
        self.help.hide()  # the explanations under each mode say it better
        self._finish(box)

    def raw(self) -> str | None:
        """The chosen mode, or None when none is chosen."""
        return next((m for m, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: Any) -> None:
        """Choose the mode ``value``."""
        if value in self.buttons:
            self.buttons[value].setChecked(True)


class RateSourcesField(OptionField):
    """Exchange rate sources as a table: address, path to the number, optional currency."""

    COLUMNS = ("url", "path", "currency")

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [tr("Address (https://…)"), tr("Path to the price"), tr("Currency")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self.edited)
        add = QPushButton(tr("Add source"))
        add.clicked.connect(self.add_row)
        remove = QPushButton(tr("Remove source"))
        remove.clicked.connect(self._remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(self.table)
        box.addLayout(buttons)
        self._finish(box)

    def add_row(self, values: dict[str, str] | None = None) -> None:
        """Append a row (empty, or with ``values``)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c, key in enumerate(self.COLUMNS):
            self.table.setItem(row, c, QTableWidgetItem(str((values or {}).get(key, ""))))
        if values is None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
            self.edited.emit()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def raw(self) -> list[dict[str, str]]:
        """The non-empty rows as ``{url, path[, currency]}`` dicts."""
        out = []
        for r in range(self.table.rowCount()):
            cells = {
                key: (self.table.item(r, c).text().strip() if self.table.item(r, c) else "")
                for c, key in enumerate(self.COLUMNS)
            }
            if not any(cells.values()):
                continue  # a row the owner added and left empty
            if not cells["currency"]:
                del cells["currency"]
            out.append(cells)
        return out

    def set_value(self, value: Any) -> None:
        """One row per source."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for entry in value if isinstance(value, list) else []:
            if isinstance(entry, dict):
                self.add_row({k: str(v) for k, v in entry.items()})
        self.table.blockSignals(False)


class CurrencyField(OptionField):
    """The shop currency: a list of currencies by name, and any other ISO code typed in."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.editor = QComboBox()
        self.editor.setEditable(True)
        self.editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.editor.setMinimumHeight(36)
        self.editor.setMaximumWidth(EDITOR_WIDTH)
        for code, name in currency_choices():
            self.editor.addItem(f"{name} ({code})", code)
        self.editor.lineEdit().setPlaceholderText(tr("Name or code, such as EUR"))
        self.editor.activated.connect(self.edited)
        self.editor.lineEdit().textEdited.connect(self.edited)
        self._finish(self.editor)

    def raw(self) -> str:
        """The chosen code; typed text that names no listed currency is passed on as is."""
        text = self.editor.currentText().strip()
        index = self.editor.findText(text)
        if index >= 0:
            return str(self.editor.itemData(index))
        return currency_code(text)

    def set_value(self, value: Any) -> None:
        """Select the currency ``value`` (an unlisted code is added)."""
        select_or_add(self.editor, value, str(value))


class LanguageField(OptionField):
    """The app's language, each listed by its own name."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        from pos_app.ui.i18n import language_names

        self.editor = QComboBox()
        self.editor.setMinimumHeight(36)
        self.editor.setMaximumWidth(NUMBER_WIDTH + 80)
        for code, name in language_names():
            if code in option.choices:
                self.editor.addItem(name, code)
        self.editor.activated.connect(self.edited)
        self._finish(self.editor)

    def raw(self) -> str:
        """The language code (``system`` for the computer's language)."""
        return str(self.editor.currentData())

    def set_value(self, value: Any) -> None:
        """Select the language ``value``."""
        select_or_add(self.editor, value, str(value))


class JsonField(OptionField):
    """Any other JSON setting as a small text editor."""

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(option, parent)
        self.editor = QPlainTextEdit()
        self.editor.setMaximumHeight(110)
        self.editor.textChanged.connect(self.edited)
        self._finish(self.editor)

    def raw(self) -> str:
        """The JSON text typed."""
        return self.editor.toPlainText()

    def set_value(self, value: Any) -> None:
        """Show ``value`` as indented JSON."""
        self.editor.blockSignals(True)
        self.editor.setPlainText(json.dumps(value, indent=2))
        self.editor.blockSignals(False)


BY_KIND: dict[str, type[OptionField]] = {
    "bool": BoolField,
    "choice": ChoiceField,
    "json": JsonField,
}


def make_field(option: Option, parent: QWidget | None = None) -> OptionField:
    """The editor for ``option``: a special one for some keys, else one by kind."""
    from pos_app.ui.widgets.device_fields import CameraField, ScreenField

    special: dict[str, type[OptionField]] = {
        "mode": ModeField,
        "rate.sources": RateSourcesField,
        "currency": CurrencyField,
        "language": LanguageField,
        "camera.source": CameraField,
        "display.customer_screen": ScreenField,
    }
    cls = special.get(option.key) or BY_KIND.get(option.kind, TextField)
    return cls(option, parent)
