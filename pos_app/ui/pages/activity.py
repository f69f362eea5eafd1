"""The Activity page: every sale, page by page, and what needs the owner's attention."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.payments.listing import PaidSlice
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.sale_details import SaleDetailsDialog
from pos_app.ui.messages import error_line
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.models.sales_columns import COLUMN_KEYS
from pos_app.ui.models.sales_model import SalesModel
from pos_app.ui.page import Page
from pos_app.ui.widgets.attention_panel import AttentionPanel
from pos_app.ui.widgets.pager import Pager
from pos_app.ui.widgets.sales_filter import SalesFilter, SalesFilterBar


class ActivityPage(Page):
    """Sales with their state, amounts and mints; details on Enter; Retry and Dismiss below."""

    shortcut = "F2"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.title = self.tr("Activity")
        self.details_dialog: SaleDetailsDialog | None = None
        self.model = SalesModel(ui.core, self)
        self._reselect: str | None = None

        heading = QLabel(self.title)
        heading.setProperty("role", "title")
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.attention_label = QLabel()
        self.attention_label.hide()
        header = QHBoxLayout()
        header.addWidget(heading)
        header.addStretch(1)
        header.addWidget(self.count_label)
        header.addSpacing(16)
        header.addWidget(self.attention_label)

        self.filters = SalesFilterBar()
        self.filters.changed.connect(self._filter)
        self.filters.reset_button.clicked.connect(self.clear_slice)
        # A slice of an Analytics chart (a bar, a heatmap cell): said above the list, clearable.
        self.slice_label = QLabel()
        self.slice_label.setWordWrap(True)
        self.slice_clear = QPushButton(self.tr("Show all sales"))
        theme.set_icon(self.slice_clear, "close")
        self.slice_clear.clicked.connect(self.clear_slice)
        self.slice_bar = QWidget()
        slice_row = QHBoxLayout(self.slice_bar)
        slice_row.setContentsMargins(0, 0, 0, 0)
        slice_row.addWidget(self.slice_label, 1)
        slice_row.addWidget(self.slice_clear)
        self.slice_bar.hide()
        self._style_slice()
        theme.changed().connect(self._style_slice)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            COLUMN_KEYS.index("time"), Qt.SortOrder.DescendingOrder
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(COLUMN_KEYS.index("memo"), QHeaderView.ResizeMode.Stretch)
        columns.setSortIndicatorShown(True)
        self.table.doubleClicked.connect(lambda _index: self.open_details())
        self.details_button = QPushButton(self.tr("Details (Enter)"))
        theme.set_icon(self.details_button, "text-box-search-outline")
        self.details_button.clicked.connect(self.open_details)
        self.pager = Pager()
        self.pager.previous.connect(self.model.previous_page)
        self.pager.next.connect(self.model.next_page)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        below = QHBoxLayout()
        below.addWidget(self.details_button)
        below.addWidget(self.error, 1)
        below.addStretch(1)
        below.addWidget(self.pager)
        sales = QWidget()
        sales_layout = QVBoxLayout(sales)
        sales_layout.setContentsMargins(0, 0, 0, 0)
        sales_layout.addWidget(self.table, 1)
        sales_layout.addLayout(below)

        self.attention = AttentionPanel(ui)
        self.attention.count_changed.connect(self._attention_count)
        self.attention.open_sale.connect(self.open_details)
        self.attention.acted.connect(lambda _text: self.model.refresh())
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.slice_bar)
        layout.addWidget(sales, 1)
        layout.addWidget(self.attention)  # as tall as its few rows

        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(self._failed)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.bridge.sale_changed.connect(self._on_sale_changed)
        self._shortcut(QKeySequence.StandardKey.Find, self.filters.search.setFocus)
        self._shortcut(QKeySequence.StandardKey.Refresh, self.refresh)
        self._shortcut("Ctrl+PgUp", self.model.previous_page)
        self._shortcut("Ctrl+PgDown", self.model.next_page)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table, activated=self.open_details)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._update_buttons()

    def _shortcut(self, key: object, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(key), self, activated=slot)  # type: ignore[call-overload]
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- Page hooks ------------------------------------------------------------------------

    def activated(self) -> None:
        """Fetch the current page and the attention list."""
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        """Reload the sales page and the attention list."""
        self.model.refresh()
        self.attention.refresh()

    # -- sales list ------------------------------------------------------------------------

    def _filter(self, value: SalesFilter) -> None:
        self.model.set_filters(
            state=value.state, text=value.text, since=value.since, until=value.until
        )

    def show_slice(self, paid: PaidSlice, text: str) -> None:
        """List only the sales paid in ``paid`` (a chart's slice), described by ``text``."""
        self.slice_label.setText(self.tr("Paid in {slice}").format(slice=text))
        self.slice_bar.show()
        self.model.set_query(replace(self.model.query, paid=paid, page=0))

    def _style_slice(self) -> None:
        self.slice_label.setStyleSheet(theme.banner_style("info", 8))

    def clear_slice(self) -> None:
        """Back to every sale the other filters let through."""
        if self.model.query.paid is None:
            return
        self.slice_bar.hide()
        self.model.set_query(replace(self.model.query, paid=None, page=0))

    def _on_sale_changed(self, sale_id: str, *args: object) -> None:
        if self.model.loaded:  # before the first activation there is nothing to update
            self.model.on_sale_changed(sale_id, *args)

    def _page_loaded(self) -> None:
        self.error.hide()  # also the "no sales" line, shown again below when it still applies
        self.pager.show_page(self.model.query.page, self.model.page_count)
        total = self.model.total
        query = self.model.query
        filtered = query.state or query.text or query.since or query.paid
        if total == 1:
            text = self.tr("1 matching sale") if filtered else self.tr("1 sale")
        else:
            text = self.tr("{n} matching sales") if filtered else self.tr("{n} sales")
        self.count_label.setText(text.format(n=fmt.group(str(total))))
        if not total:
            self._notice(
                self.tr("No sales match these filters.") if filtered else self.tr("No sales yet."),
                "muted",
            )
        self._update_buttons()

    def _failed(self, err: PosError) -> None:
        self._notice(error_line(err), "error")

    def _notice(self, text: str, role: str) -> None:
        """A line beside the pager: why the list is empty, or why it could not be read."""
        theme.set_role(self.error, role)
        self.error.setText(text)
        self.error.show()

    def _remember_selection(self) -> None:
        self._reselect = self.selected_sale()

    def _restore_selection(self) -> None:
        row = self.model.row_of(self._reselect) if self._reselect else None
        if row is not None:
            self.table.selectRow(row)
        self._reselect = None

    def selected_sale(self) -> str | None:
        """The id of the highlighted sale."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.sale_id(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        self.details_button.setEnabled(self.selected_sale() is not None)

    def open_details(self, sale_id: str | None = None) -> SaleDetailsDialog | None:
        """Show a sale's details (the highlighted one by default) without blocking."""
        sale_id = sale_id if isinstance(sale_id, str) else self.selected_sale()
        if not sale_id:
            return None
        if self.details_dialog is not None:
            self.details_dialog.close()
        dialog = SaleDetailsDialog(self.ui, sale_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_a, d=dialog: self._forget_dialog(d))
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: SaleDetailsDialog) -> None:
        if self.details_dialog is dialog:
            self.details_dialog = None

    # -- attention -------------------------------------------------------------------------

    def _attention_count(self, count: int) -> None:
        if not count:
            self.attention_label.hide()
            return
        self.attention_label.setText(
            (self.tr("1 needs attention") if count == 1 else self.tr("{n} need attention")).format(
                n=count
            )
        )
        self.attention_label.setStyleSheet(theme.banner_style("warn", 10) + "padding: 4px 12px;")
        self.attention_label.show()

    def shutdown(self) -> None:
        """Close an open details dialog."""
        if self.details_dialog is not None:
            self.details_dialog.close()
