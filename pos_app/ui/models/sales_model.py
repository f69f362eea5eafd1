"""The sales list as a Qt table model: one page at a time, sorted, filtered and counted in SQL.

Nothing is sorted or filtered in Python: the view's header click becomes an
``ORDER BY`` on a whitelisted column, the filters become ``WHERE`` clauses and
the pager an ``OFFSET`` (see :mod:`pos_app.core.payments.listing`). The listing
service runs the queries on the database thread; the model applies the answer in
the GUI thread. A
changed sale refreshes only its own row when it is on screen; otherwise the
current page is fetched again and applied as a diff, so an unchanged page costs
no reset.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from pos_app.core.payments.listing import SaleRow, SalesPage, SalesQuery
from pos_app.ui import theme
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.models.sales_columns import COLUMNS
from pos_app.ui.tasks import spawn

if TYPE_CHECKING:
    from pos_app.app import App

_INDEX = QModelIndex | QPersistentModelIndex


class SalesModel(QAbstractTableModel):
    """The sales of the current page, for a ``QTableView`` with sorting enabled.

    Signals:
        page_loaded(): a fetched page (or row) was applied; :attr:`page` is current.
        failed(object): a query failed (a :class:`PosError`).
    """

    page_loaded = Signal()
    failed = Signal(object)

    # Sale events arrive in bursts (a payment changes the sale several times): fetch once.
    REFRESH_DELAY_MS = 150

    def __init__(self, core: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self._query = SalesQuery()
        self._rows: list[SaleRow] = []
        self._index: dict[str, int] = {}
        self._total = 0
        self._generation = 0
        self._loaded = False
        self.last_elapsed_ms = 0.0
        self.resets = 0  # full resets so far (tests check that a row update needs none)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.REFRESH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)

    # -- state ---------------------------------------------------------------------------

    @property
    def query(self) -> SalesQuery:
        """The filters, order and page shown."""
        return self._query

    @property
    def total(self) -> int:
        """Sales matching the filters, over all pages."""
        return self._total

    @property
    def page_count(self) -> int:
        """Pages in all (at least one)."""
        return max(1, -(-self._total // self._query.page_size))

    @property
    def loaded(self) -> bool:
        """True once the first page has arrived."""
        return self._loaded

    def sale_id(self, row: int) -> str | None:
        """The id of the sale on ``row``."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, sale_id: str) -> int | None:
        """The row showing ``sale_id``, if it is on this page."""
        return self._index.get(sale_id)

    def sale_rows(self) -> list[SaleRow]:
        """The rows of the current page."""
        return list(self._rows)

    # -- changing what is shown ----------------------------------------------------------

    def set_query(self, query: SalesQuery) -> None:
        """Show another query's page and fetch it."""
        self._query = query
        self.refresh()

    def set_filters(
        self,
        *,
        state: str | None = None,
        text: str = "",
        since: int | None = None,
        until: int | None = None,
    ) -> None:
        """New filters; back to the first page."""
        self.set_query(
            replace(self._query, state=state, text=text, since=since, until=until, page=0)
        )

    def set_page(self, page: int) -> None:
        """Go to page ``page`` (clamped to the pages there are)."""
        page = max(0, min(page, self.page_count - 1))
        if page != self._query.page:
            self.set_query(replace(self._query, page=page))

    def next_page(self) -> None:
        """One page on."""
        self.set_page(self._query.page + 1)

    def previous_page(self) -> None:
        """One page back."""
        self.set_page(self._query.page - 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column (called by the view's header); back to the first page."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMNS[column].key
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending, page=0))

    def refresh(self) -> None:
        """Fetch the current page again (applied as a diff when the same sales come back)."""
        self._debounce.stop()
        self._generation += 1
        generation, query = self._generation, self._query
        spawn(
            self.core.sales.listing.page(query),
            on_done=lambda page: self._apply_page(generation, page),
            on_error=self.failed.emit,
        )

    def refresh_soon(self) -> None:
        """Refresh after a short pause, once for a burst of changes."""
        self._debounce.start()

    def on_sale_changed(self, sale_id: str, *_args: object) -> None:
        """A sale changed: refresh its row if it is on screen, else the page (it may be new)."""
        if sale_id not in self._index:
            self.refresh_soon()
            return
        generation, query = self._generation, self._query
        spawn(
            self.core.sales.listing.row(query, sale_id),
            on_done=lambda row: self._apply_row(generation, sale_id, row),
            on_error=self.failed.emit,
        )

    # -- applying answers (GUI thread) ---------------------------------------------------

    def _apply_page(self, generation: int, page: SalesPage) -> None:
        if generation != self._generation:
            return  # a newer query was asked for meanwhile
        if page.rows == () and page.total and page.query.page >= page.page_count:
            self.set_page(page.page_count - 1)  # the page emptied (rows left the filter)
            return
        self.last_elapsed_ms = page.elapsed_ms
        self._total = page.total
        old_ids = [r.id for r in self._rows]
        new_rows = list(page.rows)
        if old_ids == [r.id for r in new_rows]:
            changed = [
                i for i, (a, b) in enumerate(zip(self._rows, new_rows, strict=True)) if a != b
            ]
            self._rows = new_rows
            for i in changed:
                self._row_changed(i)
        else:
            self.beginResetModel()
            self._rows = new_rows
            self._index = {r.id: i for i, r in enumerate(new_rows)}
            self.endResetModel()
            self.resets += 1
        self._loaded = True
        self.page_loaded.emit()

    def _apply_row(self, generation: int, sale_id: str, row: SaleRow | None) -> None:
        if generation != self._generation:
            return
        position = self._index.get(sale_id)
        if position is None:
            return
        if row is None:  # no longer matches the filters: the page changes
            self.refresh()
            return
        if self._rows[position] != row:
            self._rows[position] = row
            self._row_changed(position)
        self.page_loaded.emit()

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        """Rows on this page."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        """See :data:`COLUMNS`."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SalesModel", COLUMNS[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].numeric:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colour, alignment and tooltip of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column.key)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "state":
            return theme.qcolor(fmt.STATE_COLORS.get(row.state, "text"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "sale":
                return row.id
            if column.key == "mint" and row.mint:
                return row.mint
            if column.key == "memo":
                return row.memo
        return None

    @staticmethod
    def _text(row: SaleRow, key: str) -> str:
        match key:
            case "time":
                return fmt.when(row.created_at)
            case "sale":
                return row.id[:8]
            case "state":
                return fmt.state_label(row.state)
            case "amount":
                return fmt.money(row.amount, row.currency)
            case "sats":
                return _due_text(row)
            case "paid":
                return fmt.sats(row.paid, row.unit)
            case "mint":
                return fmt.mints_label(row.mint, row.mint_count)
            case _:
                return row.memo or ""


def _due_text(row: SaleRow) -> str:
    """The amount due in the token unit, when it says more than the Amount column.

    A sat sale without a fee advance is due exactly its amount: repeating it would only
    make the table harder to read.
    """
    if row.currency == "sat":
        try:
            if Decimal(row.amount) == row.due:
                return ""
        except (InvalidOperation, ValueError):
            pass
    return fmt.sats(row.due, row.unit)
