"""The items catalogue in the Settings page: the items, add, edit, take off sale, remove, CSV.

Changes apply at once (no Save), as for the staff and the webhooks. Every rule and every
audit entry is the core's (:class:`pos_app.core.payments.items.ItemsService`); after a
change the Sell page's quick keys are rebuilt (``bridge.items_changed``). Files are
chosen with ``QFileDialog.open()`` and read or written off the GUI thread (:mod:`items_csv`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.config import vat_rates
from pos_app.core.errors import PosError
from pos_app.core.payments.basket import rate_text
from pos_app.core.staff import acting_as
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.item_dialog import ItemDialog
from pos_app.ui.messages import error_line
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.items_csv import export_file, import_file, refusal_lines

CSV_FILTER = "CSV (*.csv)"


class ActingAs:
    """A core service whose every call is made as ``name`` (audit entries name them)."""

    def __init__(self, service: Any, name: str) -> None:
        self._service = service
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        method = getattr(self._service, attr)

        async def call(*args: Any, **kwargs: Any) -> Any:
            with acting_as(self._name):
                return await method(*args, **kwargs)

        return call


class ItemsPanel(QWidget):
    """The catalogue above, what can be done to it below."""

    def __init__(
        self, ui: UiContext, parent: QWidget | None = None, *, acting: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        # A manager who typed their PIN at a cashier's till: every change is made as them.
        self.service: Any = ui.core.items if acting is None else ActingAs(ui.core.items, acting)
        self.items: list[dict[str, Any]] = []
        self.currency = "sat"
        self.default_rate = "0"
        self.dialog: ItemDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.busy = False  # an import or export is running
        self._load = 0  # the newest load (older answers are dropped)
        self._select_id: int | None = None  # selected once the list shows it

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("SKU"),
                self.tr("Category"),
                self.tr("Price"),
                self.tr("VAT"),
                self.tr("On sale"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(180)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())

        self.add_button = QPushButton(self.tr("Add…"))
        theme.set_icon(self.add_button, "plus")
        self.add_button.clicked.connect(self.open_add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setProperty("role", "danger")
        self.remove_button.clicked.connect(self.ask_remove)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.ask_import)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.ask_export)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.import_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._selected()
        ui.bridge.settings_saved.connect(self._settings_saved)

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the catalogue and the shop's currency and default VAT rate."""
        self._load += 1
        spawn(self._read(self._load), on_done=self._show, on_error=self._error)

    def _settings_saved(self, changed: dict[str, Any]) -> None:
        if {"currency", "vat.rates"} & set(changed):  # prices' unit, the default rate
            self.refresh()

    async def _read(self, load: int) -> tuple[int, dict[str, Any], list[dict[str, Any]]]:
        return load, await self.ui.settings(), await self.service.list()

    def _show(self, answer: tuple[int, dict[str, Any], list[dict[str, Any]]]) -> None:
        load, settings, items = answer
        if load != self._load:
            return
        self.currency = settings["currency"]
        self.default_rate = rate_text(vat_rates(settings["vat.rates"])[0])
        selected = self._select_id or (self.selected() or {}).get("id")
        self._select_id = None
        self.items = items
        self.table.setRowCount(len(items))
        muted = QBrush(QColor(theme.colors().muted))
        for r, item in enumerate(items):
            rate = item["vat_rate"]
            cells = [
                item["name"],
                item["sku"] or "—",
                item["category"] or "—",
                f"{item['price']} {item['unit']}",
                f"{rate} %"
                if rate is not None
                else self.tr("{rate} % (default)").format(rate=self.default_rate),
                self.tr("Yes") if item["active"] else self.tr("No"),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not item["active"]:
                    cell.setForeground(muted)
                self.table.setItem(r, c, cell)
            if item["id"] == selected:
                self.table.selectRow(r)
        self._selected()

    def selected(self) -> dict[str, Any] | None:
        """The selected item, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def select(self, name: str) -> None:
        """Select the item called ``name`` (tests)."""
        for r, item in enumerate(self.items):
            if item["name"] == name:
                self.table.selectRow(r)

    def _selected(self) -> None:
        item = self.selected()
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(item is not None)
        for button in (self.import_button, self.export_button):
            button.setEnabled(not self.busy)

    # -- add and edit ------------------------------------------------------------------------

    def _open(self, dialog: ItemDialog, done: str) -> ItemDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._changed(done))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _categories(self) -> list[str]:
        return sorted({i["category"] for i in self.items if i["category"]})

    def open_add(self) -> ItemDialog:
        """Ask for a new item's fields."""
        items = self.service

        async def add(fields: dict[str, Any]) -> dict[str, Any]:
            item = await items.add(**fields)
            self._select_id = item["id"]
            return item

        return self._open(
            ItemDialog(
                self.tr("Add an item"),
                add,
                currency=self.currency,
                default_rate=self.default_rate,
                categories=self._categories(),
                parent=self,
            ),
            self.tr("Added."),
        )

    def open_edit(self) -> ItemDialog | None:
        """Change the selected item's fields."""
        item = self.selected()
        if item is None:
            return None
        items, item_id = self.service, int(item["id"])

        async def update(fields: dict[str, Any]) -> dict[str, Any]:
            return await items.update(item_id, **fields)

        return self._open(
            ItemDialog(
                self.tr("Edit {name}").format(name=item["name"]),
                update,
                currency=self.currency,
                default_rate=self.default_rate,
                item=item,
                categories=self._categories(),
                parent=self,
            ),
            self.tr("Saved."),
        )

    # -- removing ----------------------------------------------------------------------------

    def ask_remove(self) -> QMessageBox | None:
        """Ask before removing the selected item; taking it off sale is offered too."""
        item = self.selected()
        if item is None:
            return None
        if self.confirm_box is not None:
            self.confirm_box.close()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove"))
        box.setText(self.tr("Remove {name} from the catalogue?").format(name=item["name"]))
        box.setInformativeText(
            self.tr(
                "Sales that sold it keep their lines. To keep it for later, take it off sale "
                "instead: it leaves the Sell page's quick keys."
            )
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        off_sale = None
        if item["active"]:
            off_sale = box.addButton(self.tr("Take off sale"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        item_id = int(item["id"])

        def answered() -> None:
            self.confirm_box = None
            if box.clickedButton() is remove:
                self._apply(self.service.remove(item_id), self.tr("Removed."))
            elif off_sale is not None and box.clickedButton() is off_sale:
                self._apply(self.service.update(item_id, active=False), self.tr("Taken off sale."))

        box.finished.connect(lambda _result: answered())
        self.confirm_box = box
        box.open()
        return box

    def _apply(self, change: Any, done: str) -> None:
        spawn(change, on_done=lambda _r: self._changed(done), on_error=self._error)

    # -- CSV ---------------------------------------------------------------------------------

    def _choose(self, title: str, mode: QFileDialog.AcceptMode, slot: Any) -> QFileDialog:
        dialog = QFileDialog(self, title, str(Path.home()), CSV_FILTER)
        dialog.setAcceptMode(mode)
        dialog.setDefaultSuffix("csv")
        if mode == QFileDialog.AcceptMode.AcceptSave:
            dialog.selectFile("items.csv")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(slot)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def ask_import(self) -> QFileDialog:
        """Choose a CSV to import (not blocking)."""
        return self._choose(
            self.tr("Import items from"), QFileDialog.AcceptMode.AcceptOpen, self.import_from
        )

    def ask_export(self) -> QFileDialog:
        """Choose where to write the catalogue (not blocking)."""
        return self._choose(
            self.tr("Export items to"), QFileDialog.AcceptMode.AcceptSave, self.export_to
        )

    def _begin(self) -> bool:
        if self.busy:
            return False
        self.busy = True
        self._selected()
        return True

    def _end(self) -> None:
        self.busy = False
        self._selected()

    def import_from(self, path: str) -> None:
        """Add or update the items of the CSV at ``path``: all its rows or none."""
        if not path or not self._begin():
            return
        self._say(self.tr("Importing…"), "muted")
        spawn(
            import_file(self.service, Path(path)),
            on_done=self._imported,
            on_error=self._import_failed,
        )

    def _imported(self, counts: dict[str, Any]) -> None:
        self._end()
        self._changed(
            self.tr("Imported: {added} added, {updated} updated.").format(
                added=counts["added"], updated=counts["updated"]
            )
        )

    def _import_failed(self, err: PosError) -> None:
        self._end()
        if err.code != "items.import_invalid":
            self._error(err)
        else:
            self._say("\n".join(refusal_lines(err)), "error")

    def export_to(self, path: str) -> None:
        """Write the catalogue as CSV to ``path``, in the columns Import reads."""
        if not path or not self._begin():
            return
        spawn(
            export_file(self.service, Path(path)),
            on_done=self._exported,
            on_error=self._export_failed,
        )

    def _exported(self, done: tuple[Path, int]) -> None:
        self._end()
        path, count = done
        self._say(self.tr("Exported {n} item(s) to {path}.").format(n=count, path=path), "ok")

    def _export_failed(self, err: PosError) -> None:
        self._end()
        self._error(err)

    # -- messages ----------------------------------------------------------------------------

    def _changed(self, text: str) -> None:
        self._say(text, "ok")
        self.refresh()
        self.ui.bridge.items_changed.emit()

    def _error(self, err: PosError) -> None:
        self._say(error_line(err), "error")

    def _say(self, text: str, role: str) -> None:
        theme.set_role(self.message, role)
        self.message.setText(text)
        self.message.setVisible(bool(text))


class ItemsDialog(QDialog):
    """The catalogue manager in its own window (App -> Items…), for managers at the till."""

    def __init__(self, ui: UiContext, acting: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Items"))
        self.panel = ItemsPanel(ui, self, acting=acting)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addLayout(bottom)
        self.resize(900, 560)
        self.panel.refresh()
