"""The shop's mints in the Settings page: order, name, address, units, balance and trust.

Changes apply at once (no Save): adding checks the mint live, removing is refused
while the mint still holds the shop's money, the Trusted box flips trust, and
dragging a trusted mint's row (or Up and Down, for the keyboard) moves it in the
shop's order (change, exports, withdrawals and payment requests use the first
mints first).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.add_mint import AddMintDialog
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.tasks import spawn

ORDER, NAME, URL, UNITS, BALANCE, TRUSTED = range(6)


class OrderTable(QTableWidget):
    """A table whose rows can be dragged; a drop says where, the list itself moves nothing.

    The shop's order is stored by the core; the rows are redrawn from it after a move,
    so a refused move leaves the table as it was.

    Signals:
        row_dropped(int, int): the dragged row and the row it was dropped on (-1: below
            the last row).
    """

    row_dropped = Signal(int, int)

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)

    def dropEvent(self, event: QDropEvent) -> None:
        """Report the move and stop Qt from moving the items itself."""
        source = self.currentRow()
        target = self.indexAt(event.position().toPoint()).row()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0 and source != target:
            self.row_dropped.emit(source, target)


class MintList(QWidget):
    """A table of known mints (trusted ones in the shop's order) and their buttons.

    Add…, Up, Down, Trust and Remove.

    Signals:
        changed(): the list of mints or a trust flag changed.
    """

    changed = Signal()

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.mints: list[dict[str, Any]] = []
        self.dialog: AddMintDialog | None = None
        self.table = OrderTable(0, 6)
        self.table.row_dropped.connect(self.move_row)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Name"), self.tr("Address"), self.tr("Units"),
             self.tr("Balance"), self.tr("Trusted")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setMinimumHeight(170)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(URL, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("Add mint…"))
        theme.set_icon(self.add_button, "plus")
        self.add_button.clicked.connect(self.open_add_dialog)
        self.up_button = QPushButton(self.tr("Up"))
        theme.set_icon(self.up_button, "arrow-up")
        self.up_button.setToolTip(self.tr("Use this mint before the one above it"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Down"))
        theme.set_icon(self.down_button, "arrow-down")
        self.down_button.setToolTip(self.tr("Use this mint after the one below it"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.trust_button = QPushButton(self.tr("Trust"))
        theme.set_icon(self.trust_button, "shield-check-outline")
        self.trust_button.clicked.connect(self._toggle_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        theme.set_icon(self.remove_button, "delete-outline")
        self.remove_button.setProperty("role", "danger")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._selection_changed()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload mints and balances from the wallet."""
        spawn(self._load(), on_done=self._show, on_error=self._error)

    async def _load(self) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        core = self.ui.core
        return await core.mints.list_all(), await core.wallet.balance()

    def _show(self, loaded: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
        mints, balance = loaded
        held: dict[str, list[str]] = defaultdict(list)
        for row in balance.get("balances", []):
            held[row["mint"]].append(fmt.sats(row["amount"], row["unit"]))
        selected = self.selected_url()
        self.mints = mints
        self.table.blockSignals(True)
        self.table.setRowCount(len(mints))
        for r, mint in enumerate(mints):
            cells = [
                str(mint["priority"]) if mint["trusted"] and mint.get("priority") else "—",
                mint["name"] or "—",
                mint["url"],
                ", ".join(mint["units"]) or "—",
                ", ".join(held.get(mint["url"], [])) or "0",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
            trust = QTableWidgetItem(self.tr("Trusted") if mint["trusted"] else self.tr("No"))
            trust.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            trust.setCheckState(
                Qt.CheckState.Checked if mint["trusted"] else Qt.CheckState.Unchecked
            )
            self.table.setItem(r, TRUSTED, trust)
            if mint["url"] == selected:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self._selection_changed()

    # -- actions -----------------------------------------------------------------------------

    def selected_url(self) -> str | None:
        """The address of the selected mint, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.mints):
            return None
        return self.mints[rows[0].row()]["url"]

    def select(self, url: str) -> None:
        """Select the row of ``url``."""
        for r, mint in enumerate(self.mints):
            if mint["url"] == url:
                self.table.selectRow(r)

    def open_add_dialog(self) -> None:
        """Show the Add-mint dialog (not blocking: the list refreshes when a mint is added)."""
        self.dialog = AddMintDialog(self.ui.core, self.window())
        self.dialog.added.connect(self._added)
        self.dialog.open()

    def move_selected(self, step: int) -> None:
        """Move the selected trusted mint ``step`` places (-1: up, 1: down) in the order."""
        url = self.selected_url()
        mint = next((m for m in self.mints if m["url"] == url), None)
        if mint is None or not mint["trusted"] or not mint.get("priority"):
            return
        position = mint["priority"] + step
        if position < 1 or position > self._trusted_count():
            return
        core = self.ui.core
        spawn(
            core.mints.prioritize(mint["url"], position),
            on_done=lambda _: self._after(
                self.tr("{url} is now number {n} in the order.").format(url=url, n=position)
            ),
            on_error=self._error,
        )

    def move_row(self, source: int, target: int) -> None:
        """A trusted mint's row dropped on another row: it takes that row's place.

        Dropped on an untrusted mint or below the last row, it becomes the last trusted.
        """
        if not 0 <= source < len(self.mints):
            return
        mint = self.mints[source]
        if not mint["trusted"] or not mint.get("priority"):
            self._say(self.tr("Only trusted mints have a place in the order."), "error")
            return
        onto = self.mints[target] if 0 <= target < len(self.mints) else None
        position = (
            onto["priority"]
            if onto is not None and onto["trusted"] and onto.get("priority")
            else self._trusted_count()
        )
        if position == mint["priority"]:
            return
        self.table.selectRow(source)
        self.move_selected(position - mint["priority"])

    def _trusted_count(self) -> int:
        return sum(1 for m in self.mints if m["trusted"])

    def remove_selected(self) -> None:
        """Stop using the selected mint; refused while it holds money or open operations."""
        url = self.selected_url()
        if url is None:
            return
        core = self.ui.core
        spawn(
            core.mints.delete(url),
            on_done=lambda _: self._after(self.tr("{url} is no longer used.").format(url=url)),
            on_error=self._error,
        )

    def set_trusted(self, url: str, trusted: bool) -> None:
        """Change the trust flag of ``url``."""
        core = self.ui.core
        text = (
            self.tr("{url} is trusted: its tokens are accepted.")
            if trusted
            else self.tr("{url} is no longer trusted.")
        )
        spawn(
            core.mints.trust(url, trusted),
            on_done=lambda _: self._after(text.format(url=url)),
            on_error=self._error,
        )

    def _toggle_selected(self) -> None:
        url = self.selected_url()
        if url is not None:
            mint = next(m for m in self.mints if m["url"] == url)
            self.set_trusted(url, not mint["trusted"])

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == TRUSTED and item.row() < len(self.mints):
            mint = self.mints[item.row()]
            trusted = item.checkState() == Qt.CheckState.Checked
            if trusted != mint["trusted"]:
                self.set_trusted(mint["url"], trusted)

    def _selection_changed(self) -> None:
        url = self.selected_url()
        mint = next((m for m in self.mints if m["url"] == url), None)
        self.trust_button.setEnabled(mint is not None)
        self.remove_button.setEnabled(mint is not None)
        place = mint.get("priority") if mint and mint["trusted"] else None
        self.up_button.setEnabled(bool(place) and place > 1)
        self.down_button.setEnabled(bool(place) and place < self._trusted_count())
        self.trust_button.setText(
            self.tr("Don't trust") if mint and mint["trusted"] else self.tr("Trust")
        )

    def _added(self, result: dict) -> None:
        self._after(self.tr("Added {name}.").format(name=result.get("name") or result["url"]))

    def _after(self, text: str) -> None:
        self._say(text, "")
        self.refresh()
        self.changed.emit()

    def _error(self, err: PosError) -> None:
        self._say(error_line(err), "error")
        self.refresh()  # a refused trust toggle must show the stored state again

    def _say(self, text: str, role: str) -> None:
        theme.set_role(self.message, role)
        self.message.setText(text)
        self.message.show()
