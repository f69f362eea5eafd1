"""A chart with its numbers: matplotlib on Qt, a Table toggle, exact values on hover.

Colours are the Okabe-Ito palette (told apart with every common colour-vision
deficiency) and the theme's text and surface colours, redrawn when the theme
changes. The table shows exactly the numbers the chart draws; its cells can be
selected and copied.

matplotlib (0.7 s of imports with numpy) loads when a chart is first shown or drawn,
not when the main window is built: the till opens on the Sell page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from pos_app.core import formatting
from pos_app.ui import theme

# Okabe & Ito (2008): blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Put ``rows`` of text in ``table``: the first column as a label, numbers to the right."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)


class ChartView(QWidget):
    """One chart (bars or a heatmap) and the table of its numbers.

    Args:
        title: shown above the chart.

    Signals:
        picked(int, int): a click on a bar (layer, bar index) or a heatmap cell (row, column),
            or Enter / a double click on its number in the table.
    """

    picked = Signal(int, int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._figure: Any = None
        self._canvas: Any = None
        self._canvas_tip = ""
        self._placeholder = QWidget()
        self._placeholder.setMinimumHeight(80)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, activated=self.copy)
        # Enter or a double click on a number picks it, as a click on the chart does.
        self.table.cellActivated.connect(self._cell_activated)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._placeholder)
        self.stack.addWidget(self.table)
        self.title = QLabel(title)
        self.title.setProperty("role", "subtitle")
        self.table_button = QPushButton(self.tr("Table"))
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(lambda on: self.stack.setCurrentIndex(int(on)))
        top = self._top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.table_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._hover: Callable[[float, float], str | None] = lambda _x, _y: None
        self._at: Callable[[float, float], tuple[int, int] | None] = lambda _x, _y: None
        self._cell: Callable[[int, int], tuple[int, int] | None] = lambda _r, _c: None
        self._redraw: Callable[[], None] = lambda: None
        # A bound method: Qt drops the connection when the chart is deleted.
        theme.changed().connect(self._theme_changed)

    @property
    def canvas(self) -> Any:
        """The matplotlib canvas (made, and matplotlib imported, on first use)."""
        if self._canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self._figure = Figure(figsize=(5, 2.6), dpi=90, layout="constrained")
            canvas = FigureCanvasQTAgg(self._figure)
            canvas.setMinimumHeight(80)  # the page still fits a 700 px high till screen
            canvas.setToolTip(self._canvas_tip)
            canvas.mpl_connect("motion_notify_event", self._moved)
            canvas.mpl_connect("button_press_event", self._pressed)
            index = self.stack.currentIndex()
            self.stack.insertWidget(0, canvas)
            self.stack.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            self.stack.setCurrentIndex(index)
            self._canvas = canvas
        return self._canvas

    @property
    def figure(self) -> Any:
        """The matplotlib figure (see :attr:`canvas`)."""
        self.canvas  # noqa: B018 - makes the figure
        return self._figure

    def set_canvas_tip(self, text: str) -> None:
        """The tooltip of the chart area (kept until the canvas exists)."""
        self._canvas_tip = text
        if self._canvas is not None:
            self._canvas.setToolTip(text)

    def showEvent(self, event: Any) -> None:
        """Render what was drawn while the chart was hidden (another tab was shown)."""
        super().showEvent(event)
        self.canvas.draw_idle()

    def _theme_changed(self) -> None:
        self._redraw()

    def add_control(self, widget: QWidget) -> None:
        """Put ``widget`` (a unit choice...) beside the Table button."""
        self._top.insertWidget(self._top.count() - 1, widget)

    # -- drawing ---------------------------------------------------------------------------

    def _axes(self) -> Any:
        c = theme.colors()
        # The chart's whole area in the figure's colour (a tab's pane is lighter in dark).
        self.setStyleSheet(f"QWidget#chart {{ background: {c.surface}; }}")
        self.figure.clear()
        self.figure.set_facecolor(c.surface)
        axes = self.figure.add_subplot()
        axes.set_facecolor(c.surface)
        axes.tick_params(colors=c.text, labelsize=8)
        for spine in axes.spines.values():
            spine.set_color(c.border)
        return axes

    def bars(
        self,
        labels: Sequence[str],
        values: Sequence[int | Decimal | None],
        unit: str,
        top: float | None = None,
    ) -> None:
        """Bars of ``values`` (one per label) in ``unit``; the table lists them exactly.

        Values stay integers or decimals: the table and the hover show them to the
        last digit and cent; only the drawing uses floats. None is a bucket with
        nothing to measure (no bar, a dash in the table); ``top`` fixes the scale
        (100 for percentages).
        """
        self.stacked(labels, [(unit, values)], unit, top)

    def stacked(
        self,
        labels: Sequence[str],
        layers: Sequence[tuple[str, Sequence[int | Decimal | None]]],
        unit: str,
        top: float | None = None,
        grouped: bool = False,
    ) -> None:
        """Bars of several ``(name, values)`` layers stacked per label, with a legend.

        One layer draws plain bars without a legend. ``grouped`` puts the layers side
        by side instead (figures that do not add up). The table has a column per layer
        and, for stacked layers, their total.
        """
        totals = len(layers) > 1 and not grouped

        def number(value: int | Decimal | None) -> float:
            return 0.0 if value is None else float(value)

        def draw() -> None:
            axes = self._axes()
            positions = list(range(len(labels)))
            base = [0.0] * len(labels)
            highest = 0.0
            width = 0.8 / len(layers) if grouped else 0.8
            drawn = []
            for index, (name, values) in enumerate(layers):
                heights = [number(v) for v in values]
                shift = (index - (len(layers) - 1) / 2) * width if grouped else 0.0
                drawn.append(
                    axes.bar(
                        [p + shift for p in positions],
                        heights,
                        bottom=None if grouped else base,
                        color=PALETTE[index % len(PALETTE)],
                        width=width,
                        label=name,
                    )
                )
                if grouped:
                    highest = max([highest, *heights])
                else:
                    base = [b + h for b, h in zip(base, heights, strict=True)]
                    highest = max([highest, *base])
            step = max(1, len(labels) // 12)  # at most about a dozen tick labels
            axes.set_xticks(positions[::step], list(labels)[::step], rotation=0)
            axes.set_ylabel(unit, color=theme.colors().text, fontsize=8)
            from matplotlib.ticker import FuncFormatter, MaxNLocator

            # Whole numbers with the shop's grouping, never "1e6" above the axis.
            axes.yaxis.set_major_formatter(
                FuncFormatter(lambda v, _pos: formatting.decimal_text(f"{v:.0f}"))
            )
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
            # Amounts are never negative; an empty period still shows a 0 to 1 scale.
            axes.set_ylim(0, top or highest * 1.05 or 1)
            axes.grid(axis="y", color=theme.colors().border, linewidth=0.5)
            axes.set_axisbelow(True)
            if len(layers) > 1:
                # Above the plot in one row: inside it would hide the tallest bars.
                legend = axes.legend(
                    fontsize=8,
                    loc="lower left",
                    bbox_to_anchor=(0, 1.0),
                    ncols=len(layers),
                    frameon=False,
                    borderaxespad=0.2,
                )
                for text in legend.get_texts():
                    text.set_color(theme.colors().text)

            def at(x: float, y: float) -> tuple[int, int] | None:
                point = axes.transData.transform((x, y))
                for row, bars in enumerate(drawn):
                    for column, bar in enumerate(bars):
                        if bar.get_height() and bar.contains_point(point):
                            return row, column
                return None

            def hover(x: float, y: float) -> str | None:
                found = at(x, y)
                if found is None:
                    return None
                row, column = found
                name, values = layers[row]
                value = f"{self._text(values[column])} {unit}"
                if len(layers) > 1:
                    return f"{labels[column]} · {name}: {value}"
                return f"{labels[column]}: {value}"

            self._hover, self._at = hover, at

        self._cell = lambda r, c: (max(0, min(c - 1, len(layers) - 1)), r)
        headers = [self.tr("When"), *(name for name, _ in layers)]
        if totals:
            headers.append(self.tr("Total"))
        rows = []
        for column, label in enumerate(labels):
            cells = [layer[column] for _, layer in layers]
            row = [label, *(self._text(v, plain=True) for v in cells)]
            if totals:
                row.append(str(sum(v for v in cells if v is not None)))
            rows.append(row)
        self._show(draw, headers, rows)

    @staticmethod
    def _text(value: int | Decimal | None, plain: bool = False) -> str:
        if value is None:
            return "—"
        return str(value) if plain else formatting.decimal_text(str(value))

    def heatmap(
        self,
        rows: Sequence[str],
        columns: Sequence[str],
        values: Sequence[Sequence[int]],
        unit: str,
    ) -> None:
        """A rows × columns map of ``values`` (weekday by hour); the table lists every cell."""

        def draw() -> None:
            axes = self._axes()
            image = axes.imshow(values, aspect="auto", cmap="cividis", interpolation="nearest")
            axes.set_yticks(range(len(rows)), rows)
            axes.set_xticks(range(0, len(columns), 3), list(columns)[::3])
            bar = self.figure.colorbar(image, ax=axes, shrink=0.9)
            bar.ax.tick_params(colors=theme.colors().text, labelsize=8)

            def at(x: float, y: float) -> tuple[int, int] | None:
                r, c = round(y), round(x)
                if 0 <= r < len(rows) and 0 <= c < len(columns):
                    return r, c
                return None

            def hover(x: float, y: float) -> str | None:
                found = at(x, y)
                if found is None:
                    return None
                r, c = found
                value = formatting.decimal_text(str(values[r][c]))
                return f"{rows[r]} {columns[c]}: {value} {unit}"

            self._hover, self._at = hover, at

        self._cell = lambda r, c: (r, c - 1) if c >= 1 else None
        cells = [(row, *(str(v) for v in line)) for row, line in zip(rows, values, strict=True)]
        self._show(draw, ["", *columns], cells)

    def _show(
        self, draw: Callable[[], None], headers: Sequence[str], rows: Sequence[Sequence[str]]
    ) -> None:
        """Draw now and again when the theme changes; list ``rows`` in the table."""

        def redraw() -> None:
            draw()
            if self.canvas.isVisible():  # a hidden tab's canvas has no size to lay out in
                self.canvas.draw_idle()

        self._redraw = redraw
        redraw()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        fill_table(self.table, rows)

    # -- interaction -----------------------------------------------------------------------

    def hover_text(self, x: float, y: float) -> str | None:
        """The exact value under data coordinates ``(x, y)``, if any."""
        return self._hover(x, y)

    def item_at(self, x: float, y: float) -> tuple[int, int] | None:
        """``(layer, bar)`` or ``(row, column)`` drawn at data coordinates ``(x, y)``, if any."""
        return self._at(x, y)

    def _cell_activated(self, row: int, column: int) -> None:
        found = self._cell(row, column)
        if found is not None:
            self.picked.emit(*found)

    def _pressed(self, event: Any) -> None:
        if event.button != 1 or event.xdata is None:
            return
        found = self.item_at(event.xdata, event.ydata)
        if found is not None:
            self.picked.emit(*found)

    def _moved(self, event: Any) -> None:
        text = None if event.xdata is None else self.hover_text(event.xdata, event.ydata)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    def copy(self) -> None:
        """The selected cells (or the whole table) to the clipboard, tab-separated."""
        ranges = self.table.selectedRanges()
        rows = range(self.table.rowCount())
        cols = range(self.table.columnCount())
        if ranges:
            rows = range(ranges[0].topRow(), ranges[0].bottomRow() + 1)
            cols = range(ranges[0].leftColumn(), ranges[0].rightColumn() + 1)
        lines = [
            "\t".join(self.table.horizontalHeaderItem(c).text() for c in cols),
            *(
                "\t".join(
                    (self.table.item(r, c).text() if self.table.item(r, c) else "") for c in cols
                )
                for r in rows
            ),
        ]
        QApplication.clipboard().setText("\n".join(lines))
