"""Analytics: a period's figures against the period before, by mint, by method, refusals.

The figures are the report service's (``core.reports.summary``), computed in SQL on
the database thread: the till keeps selling while they load, and while an export is
written. Periods are local days in the shop's time zone (``shop.timezone``, else this
computer's). A click on a bar or a heatmap cell opens Activity with the sales paid in
that slice.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.core import formatting
from pos_app.core.errors import PosError
from pos_app.core.payments.listing import PaidSlice
from pos_app.core.reports import Period, Series
from pos_app.core.reports.series import bucket_span, offsets
from pos_app.ui import messages, theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.end_of_day import EndOfDayDialog
from pos_app.ui.page import Page
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.pages.analytics_export import ExportBar
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.chart import ChartView, fill_table

PERIODS = (
    ("today", QT_TRANSLATE_NOOP("AnalyticsPage", "Today")),
    ("yesterday", QT_TRANSLATE_NOOP("AnalyticsPage", "Yesterday")),
    ("this_week", QT_TRANSLATE_NOOP("AnalyticsPage", "This week")),
    ("last_week", QT_TRANSLATE_NOOP("AnalyticsPage", "Last week")),
    ("this_month", QT_TRANSLATE_NOOP("AnalyticsPage", "This month")),
    ("last_month", QT_TRANSLATE_NOOP("AnalyticsPage", "Last month")),
    ("custom", QT_TRANSLATE_NOOP("AnalyticsPage", "Custom range")),
)
METHODS = {
    "swap": QT_TRANSLATE_NOOP("AnalyticsPage", "Ecash kept (swap)"),
    "melt": QT_TRANSLATE_NOOP("AnalyticsPage", "Paid out to Lightning (melt)"),
    "offline": QT_TRANSLATE_NOOP("AnalyticsPage", "Accepted offline"),
}


WEEKDAYS = (
    QT_TRANSLATE_NOOP("AnalyticsPage", "Mon"),
    QT_TRANSLATE_NOOP("AnalyticsPage", "Tue"),
    QT_TRANSLATE_NOOP("AnalyticsPage", "Wed"),
    QT_TRANSLATE_NOOP("AnalyticsPage", "Thu"),
    QT_TRANSLATE_NOOP("AnalyticsPage", "Fri"),
    QT_TRANSLATE_NOOP("AnalyticsPage", "Sat"),
    QT_TRANSLATE_NOOP("AnalyticsPage", "Sun"),
)


def bucket_label(start: datetime, size: str) -> str:
    """A bucket's start as a short label: ``14:00``, ``03-28``, ``W13``, ``2026-03``."""
    if size == "hour":
        return start.strftime("%m-%d %H:00")
    if size == "day":
        return start.strftime("%m-%d")
    if size == "week":
        return f"W{start.isocalendar().week:02d}"
    return start.strftime("%Y-%m")


def change_text(pct: float | None) -> str:
    """``+12.5 %`` / ``-3.0 %`` against the period before; a dash when it had nothing."""
    if pct is None:
        return "—"
    return f"{'+' if pct > 0 else ''}{formatting.decimal_text(f'{pct:.1f}')} %"


def _sum(values: dict[str, int]) -> int:
    return sum(values.values())


class Tile(QFrame):
    """One figure: its name, its value and the change against the period before."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        # Never squeezed below its lines by the tables under it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.name = QLabel(name)
        self.name.setProperty("role", "muted")
        self.name.setWordWrap(True)  # four tiles a row still fit the smallest till screen
        self.value = QLabel("—")
        self.value.setProperty("role", "subtitle")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change = QLabel("")
        self.change.setProperty("role", "caption")
        self.change.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.name)
        box.addWidget(self.value)
        box.addWidget(self.change)
        box.addStretch(1)  # figures of one row start at the same height

    def show_value(self, value: str, change: str = "") -> None:
        """Set the figure and its change."""
        self.value.setText(value)
        self.change.setText(change)
        # An empty line would only make the row taller and the charts under it smaller.
        self.change.setVisible(bool(change))
        self.updateGeometry()  # more lines: the page's grid must make the row taller


class AnalyticsPage(Page):
    """Figures of a period for the owner.

    Signals:
        loaded(): a summary was shown (:attr:`summary` is current).
        slice_opened(object, str): a bar or cell was clicked: its :class:`PaidSlice` and words.
    """

    shortcut = "F6"
    needs = "manager"  # takings and exports are the manager's
    loaded = Signal()
    slice_opened = Signal(object, str)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.title = self.tr("Analytics")
        self.summary: dict[str, Any] | None = None
        self._generation = 0
        heading = QLabel(self.tr("Analytics"))
        heading.setProperty("role", "title")
        self.period = QComboBox()
        for key, label in PERIODS:
            self.period.addItem(self.tr(label), key)
        self.first = QDateEdit(QDate.currentDate().addDays(-6))
        self.last = QDateEdit(QDate.currentDate())
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        # An icon only: with the custom dates the row must still fit a 1024 px till screen.
        self.refresh_button = QPushButton()
        self.refresh_button.setToolTip(self.tr("Refresh (Ctrl+R)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        theme.set_icon(self.refresh_button, "refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.end_of_day_button = QPushButton(self.tr("End of day…"))
        self.end_of_day_button.setToolTip(
            self.tr("X report, closing the day (Z report), Z reports")
        )
        self.end_of_day_button.clicked.connect(self.open_end_of_day)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for widget in (
            self.period,
            self.first,
            self.last,
            self.refresh_button,
            self.end_of_day_button,
        ):
            top.addWidget(widget)
        self.range = QLabel()
        self.range.setProperty("role", "muted")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        self.tiles = {
            "gross": Tile(self.tr("Gross sales")),
            "sales": Tile(self.tr("Sales")),
            "average": Tile(self.tr("Average ticket")),
            "fees": Tile(self.tr("Fees paid (mint / Lightning)")),
            "advance": Tile(self.tr("Fee advance collected")),
            "review": Tile(self.tr("Needs review")),
            "success": Tile(self.tr("Payments that went through")),
            "refused": Tile(self.tr("Refused payments")),
            "tips": Tile(self.tr("Tips (not in the sales)")),
            "vat": Tile(self.tr("VAT collected")),
        }
        grid = QGridLayout()
        grid.setSpacing(theme.SPACE.s)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 5, index % 5)

        self.by_mint = self._table(
            [self.tr("Mint"), self.tr("Payments"), self.tr("Amount"), self.tr("Share")]
        )
        self.by_method = self._table([self.tr("Method"), self.tr("Payments"), self.tr("Amount")])
        self.refusals = self._table([self.tr("Reason"), self.tr("Payments")])
        self.vat = self._table([self.tr("Rate"), self.tr("Net"), self.tr("VAT"), self.tr("Gross")])
        self.over_time = ChartView(self.tr("Sales over time"))
        self.unit = QComboBox()
        self.unit.setToolTip(self.tr("Show the amounts in sat or in the shop currency"))
        self.unit.currentIndexChanged.connect(self._draw_over_time)
        self.over_time.add_control(self.unit)
        self.fees = ChartView(self.tr("Fees over time"))
        self.success = ChartView(self.tr("Payments that went through, over time"))
        self.mints = ChartView(self.tr("Money received by mint"))
        self.week_hours = ChartView(self.tr("Sales by weekday and hour"))
        self.heat_kind = QComboBox()
        self.heat_kind.addItem(self.tr("Number of sales"), "sales")
        self.heat_kind.addItem(self.tr("Revenue (sat)"), "sat")
        self.heat_kind.currentIndexChanged.connect(self._draw_heatmap)
        self.week_hours.add_control(self.heat_kind)
        for chart in (self.over_time, self.fees, self.success, self.mints):
            chart.picked.connect(lambda _layer, index: self.open_bucket(index))
            chart.set_canvas_tip(self.tr("Click a bar to list its sales in Activity"))
        self.week_hours.picked.connect(self.open_hour)
        self.week_hours.set_canvas_tip(self.tr("Click a cell to list its sales in Activity"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.over_time, self.tr("Over time"))
        self.tabs.addTab(self.week_hours, self.tr("Weekday and hour"))
        self.tabs.addTab(self.mints, self.tr("Mints over time"))
        self.tabs.addTab(self.fees, self.tr("Fees"))
        self.tabs.addTab(self.success, self.tr("Success rate"))
        self.tabs.addTab(self.by_mint, self.tr("By mint"))
        self.tabs.addTab(self.by_method, self.tr("By method"))
        self.tabs.addTab(self.refusals, self.tr("Refused, by reason"))
        self.tabs.addTab(self.vat, self.tr("VAT by rate"))
        self.series: Series | None = None
        self.period_shown: Period | None = None
        self.export = ExportBar(ui, lambda: self.period_shown)
        top.addWidget(self.export.button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.range)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)
        below = QHBoxLayout()
        below.addWidget(self.status, 1)
        below.addWidget(self.export)
        layout.addLayout(below)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.refresh)
        self._show_dates()

    def open_end_of_day(self) -> EndOfDayDialog:
        """Show the end-of-day window (the till keeps working behind it)."""
        dialog = EndOfDayDialog(self.ui, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _show_dates(self) -> None:
        for edit in (self.first, self.last):
            edit.setVisible(self.custom)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    # -- period ------------------------------------------------------------------------------

    @property
    def custom(self) -> bool:
        """The custom range is chosen (the two dates apply)."""
        return self.period.currentData() == "custom"

    def _period_changed(self) -> None:
        self._show_dates()
        self.refresh()

    def choose(self, key: str, first: date | None = None, last: date | None = None) -> None:
        """Show period ``key`` (``custom`` with ``first`` and ``last``)."""
        for edit, day in ((self.first, first), (self.last, last)):
            if day is not None:
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        index = self.period.findData(key)
        if index == self.period.currentIndex():
            self.refresh()
        else:
            self.period.setCurrentIndex(index)

    def activated(self) -> None:
        """Fresh figures each time the page is shown."""
        self.refresh()

    def refresh(self) -> None:
        """Compute the chosen period's figures (on the database thread)."""
        if not self.isVisible():
            return  # computed when the page is shown (activated)
        reports = self.ui.core.reports
        custom = self.custom
        first, last = self.first.date().toPython(), self.last.date().toPython()
        name = self.period.currentData()
        self._generation += 1
        generation = self._generation
        self._say(self.tr("Counting…"), "muted")

        async def load() -> tuple[Period, dict[str, Any], Series]:
            # The setting is read here, off the GUI thread; empty is this computer's zone.
            zone = str(await self.ui.setting("shop.timezone") or "")
            if custom:
                period = reports.period(first=first, last=last, zone=zone)
            else:
                period = reports.period(name, zone=zone)
            return period, await reports.summary(period), await reports.series(period)

        spawn(load(), on_done=lambda got: self._show(generation, *got), on_error=self._failed)

    # -- showing -----------------------------------------------------------------------------

    def _show(
        self, generation: int, period_shown: Period, summary: dict[str, Any], series: Series
    ) -> None:
        if generation != self._generation:
            return  # another period was chosen meanwhile
        self.summary, self.series, self.period_shown = summary, series, period_shown
        period, change = summary["period"], summary["change_pct"]
        last_day = QDate.fromString(period["to"], "yyyy-MM-dd").addDays(-1)
        self.range.setText(
            self.tr("{first} to {last} ({zone}), compared with the period before").format(
                first=period["from"], last=last_day.toString("yyyy-MM-dd"), zone=period["zone"]
            )
        )
        gross = [
            f"{formatting.money(v, c)} ({change_text(change['gross'][c])})"
            for c, v in summary["gross"].items()
        ]
        sat = _sum(summary["gross_sat"])
        sat_change = change_text(change["gross_sat"].get("sat"))
        self.tiles["gross"].show_value(
            "\n".join(gross) or formatting.sats(0),
            self.tr("{sat} in all ({change})").format(sat=formatting.sats(sat), change=sat_change),
        )
        self.tiles["sales"].show_value(str(summary["sales"]), change_text(change["sales"]))
        average = [formatting.money(v, c) for c, v in summary["average_ticket"].items()]
        self.tiles["average"].show_value("\n".join(average) or "—")
        self.tiles["fees"].show_value(
            f"{formatting.sats(_sum(summary['mint_fees']))} / "
            f"{formatting.sats(_sum(summary['lightning_fees']))}"
        )
        self.tiles["advance"].show_value(formatting.sats(_sum(summary["fee_advance"])))
        self.tiles["review"].show_value(str(summary["needs_review"]))
        rate = summary["success_rate"]
        self.tiles["success"].show_value(
            "—" if rate is None else change_text(rate * 100).lstrip("+"),
            self.tr("{settled} of {attempts} payments").format(
                settled=summary["settled"], attempts=summary["attempts"]
            ),
        )
        self.tiles["refused"].show_value(str(sum(summary["refused"].values())))
        self._basket(summary)
        total = sum(row["credited"] for row in summary["by_mint"]) or 1
        fill_table(
            self.by_mint,
            [
                (
                    formatting.short_mint(row["mint"]),
                    str(row["payments"]),
                    formatting.sats(row["credited"], row["unit"]),
                    change_text(row["credited"] * 100 / total).lstrip("+"),
                )
                for row in summary["by_mint"]
            ],
        )
        fill_table(
            self.by_method,
            [
                (
                    self.tr(METHODS.get(row["method"], row["method"])),
                    str(row["payments"]),
                    formatting.sats(row["credited"], row["unit"]),
                )
                for row in summary["by_method"]
            ],
        )
        fill_table(
            self.refusals,
            [(self._reason(code), str(n)) for code, n in summary["refused"].items()],
        )
        self._charts(series)
        self._say("")
        self.loaded.emit()

    def _basket(self, summary: dict[str, Any]) -> None:
        """Tips apart from the sales, and the VAT the sales stored, per currency and rate."""
        tips = [formatting.money(v, c) for c, v in summary.get("tips", {}).items()]
        self.tiles["tips"].show_value(
            "\n".join(tips) or "—",
            self.tr("{sat} in all").format(sat=formatting.sats(_sum(summary.get("tips_sat", {}))))
            if tips
            else "",
        )
        lines = summary.get("vat", [])
        vat: dict[str, Decimal] = {}
        for line in lines:
            vat[line["currency"]] = vat.get(line["currency"], Decimal(0)) + Decimal(line["vat"])
        self.tiles["vat"].show_value(
            "\n".join(formatting.money(str(v), c) for c, v in vat.items()) or "—",
            self.tr("{rates} rate(s): see VAT by rate").format(rates=len(lines)) if lines else "",
        )
        fill_table(
            self.vat,
            [
                (
                    f"{formatting.decimal_text(line['rate'])} % ({line['currency']})",
                    formatting.money(line["net"], line["currency"]),
                    formatting.money(line["vat"], line["currency"]),
                    formatting.money(line["gross"], line["currency"]),
                )
                for line in lines
            ],
        )

    def _charts(self, series: Series) -> None:
        currencies = sorted({c for b in series.buckets for c in b.gross if c != "sat"})
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem("sat", "sat")
        for currency in currencies:
            self.unit.addItem(currency, currency)
        self.unit.setCurrentIndex(max(0, self.unit.findData(chosen)))
        self.unit.setVisible(bool(currencies))
        self.unit.blockSignals(False)
        self._draw_over_time()
        self._draw_heatmap()
        labels = self._labels()
        self.fees.stacked(
            labels,
            [
                (self.tr("Mint fees"), [b.mint_fees for b in series.buckets]),
                (self.tr("Lightning fees"), [b.lightning_fees for b in series.buckets]),
                (self.tr("Fee advance collected"), [b.fee_advance for b in series.buckets]),
            ],
            "sat",
            grouped=True,
        )
        self.success.bars(labels, [b.success_rate for b in series.buckets], "%", top=100)
        keys = series.mints()
        total = sum(b.by_mint.get(k, 0) for b in series.buckets for k in keys) or 1
        layers = []
        for key in keys:
            values = [b.by_mint.get(key, 0) for b in series.buckets]
            share = change_text(sum(values) * 100 / total).lstrip("+")
            mint, unit = key
            name = formatting.short_mint(mint) + ("" if unit == "sat" else f" ({unit})")
            layers.append((f"{name} · {share}", values))
        self.mints.stacked(labels, layers, "sat")

    def _labels(self) -> list[str]:
        assert self.series is not None
        return [bucket_label(b.start, self.series.size) for b in self.series.buckets]

    def _draw_heatmap(self) -> None:
        if self.series is None:
            return
        days = [self.tr(d) for d in WEEKDAYS]
        hours = [f"{h:02d}" for h in range(24)]
        if self.heat_kind.currentData() == "sat":
            self.week_hours.heatmap(days, hours, self.series.heatmap_sat, "sat")
        else:
            self.week_hours.heatmap(days, hours, self.series.heatmap_sales, self.tr("sales"))

    def _draw_over_time(self) -> None:
        if self.series is None:
            return
        unit = self.unit.currentData() or "sat"
        values: list[int | Decimal | None] = [
            b.sat if unit == "sat" else b.gross.get(unit, Decimal("0.00"))
            for b in self.series.buckets
        ]
        self.over_time.bars(self._labels(), values, unit)

    # -- slices in Activity --------------------------------------------------------------------

    def open_bucket(self, index: int) -> None:
        """List the sales paid in bucket ``index`` of the charts over time in Activity."""
        series = self.series
        if series is None or not 0 <= index < len(series.buckets):
            return
        since, until = bucket_span(series, index)
        zone = series.period.zone
        start = datetime.fromtimestamp(since, zone)
        end = datetime.fromtimestamp(until - 1, zone)
        if series.size == "hour":
            text = f"{start:%Y-%m-%d %H:%M}–{end:%H}:59"
        elif end.date() > start.date():  # a week or a month
            text = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
        else:
            text = f"{start:%Y-%m-%d}"
        self._open(PaidSlice(since, until), f"{text} ({zone.key})")

    def open_hour(self, weekday: int, hour: int) -> None:
        """List the sales paid in the period on ``weekday`` (0 Monday) at ``hour`` in Activity."""
        series = self.series
        if series is None or not (0 <= weekday < 7 and 0 <= hour < 24):
            return
        period = series.period
        paid = PaidSlice(
            period.start_ts,
            period.end_ts,
            weekday * 24 + hour,
            tuple(offsets(period)),
        )
        last = date.fromordinal(period.end.toordinal() - 1)
        text = self.tr("{day} {hour}:00–{hour}:59, {first} to {last} ({zone})").format(
            day=self.tr(WEEKDAYS[weekday]),
            hour=f"{hour:02d}",
            first=period.first.isoformat(),
            last=last.isoformat(),
            zone=period.zone.key,
        )
        self._open(paid, text)

    def _open(self, paid: PaidSlice, text: str) -> None:
        self.slice_opened.emit(paid, text)
        window = self.ui.window
        if window is None or not hasattr(window, "page"):
            return  # a page on its own (tests): the signal is all
        activity = window.page(ActivityPage)
        activity.show_slice(paid, text)
        window.show_page(window.pages.index(activity))

    def _reason(self, code: str) -> str:
        if code == "unknown":
            return self.tr("No reason recorded")
        return messages.reason(code)

    def _failed(self, err: PosError) -> None:
        self._say(messages.explain_error(err).text, "error")

    def _say(self, text: str, role: str = "") -> None:
        """The status line under the charts; hidden when it has nothing to say (room for them)."""
        theme.set_role(self.status, role)
        self.status.setText(text)
        self.status.setVisible(bool(text))
