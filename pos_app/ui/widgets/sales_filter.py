"""The filter bar above the sales list: state, text search and an optional date range."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos_app.ui.models import sale_format as fmt

# Typing pauses this long before the list is queried again.
SEARCH_DELAY_MS = 250


@dataclass(frozen=True, slots=True)
class SalesFilter:
    """What the bar asks for (``since`` included, ``until`` excluded, Unix seconds)."""

    state: str | None = None
    text: str = ""
    since: int | None = None
    until: int | None = None


def day_start(day: QDate) -> int:
    """The first second of ``day`` in local time."""
    return int(QDateTime(day, QTime(0, 0)).toSecsSinceEpoch())


class SalesFilterBar(QWidget):
    """State combo, search field and "From … to …" dates.

    Signals:
        changed(object): the :class:`SalesFilter` after any change (typing is debounced).
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QComboBox()
        self.state.addItem(self.tr("All sales"), None)
        for state in fmt.FILTER_STATES:
            self.state.addItem(fmt.state_label(state), state)
        self.state.setAccessibleName(self.tr("Sale state"))
        # As wide as a short state; the longest ("Partly refunded", in German longer) is
        # shown in full in the open list, and must not widen the row past a 1024 px till.
        self.state.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.state.setMinimumContentsLength(9)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search memo or sale id (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(70)
        self.dates = QCheckBox(self.tr("From"))
        self.since = QDateEdit(QDate.currentDate().addDays(-7))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.reset_button = QPushButton(self.tr("Clear filters"))

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._emit)
        self.state.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.search.returnPressed.connect(self._emit)
        self.dates.toggled.connect(self._dates_toggled)
        self.since.dateChanged.connect(self._emit_if_dated)
        self.until.dateChanged.connect(self._emit_if_dated)
        self.reset_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.dates)
        layout.addWidget(self.since)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addWidget(self.until)
        layout.addWidget(self.reset_button)

    def value(self) -> SalesFilter:
        """The filter as set now."""
        since = until = None
        if self.dates.isChecked():
            first, last = sorted((self.since.date(), self.until.date()))
            since, until = day_start(first), day_start(last.addDays(1))
        return SalesFilter(self.state.currentData(), self.search.text().strip(), since, until)

    def set_state(self, state: str | None) -> None:
        """Choose a state (None: all)."""
        self.state.setCurrentIndex(max(0, self.state.findData(state)))

    def clear(self) -> None:
        """Back to all sales, no search, no dates."""
        blockers = [self.state, self.search, self.dates]
        for widget in blockers:
            widget.blockSignals(True)
        self.state.setCurrentIndex(0)
        self.search.clear()
        self.dates.setChecked(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        for widget in blockers:
            widget.blockSignals(False)
        self._emit()

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self._emit()

    def _emit_if_dated(self) -> None:
        if self.dates.isChecked():
            self._emit()

    def _emit(self) -> None:
        self._typing.stop()
        self.changed.emit(self.value())
