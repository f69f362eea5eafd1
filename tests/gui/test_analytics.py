"""Analytics page: a period's figures, by mint and method, refusals; the till keeps working."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from pos_app.core import formatting
from pos_app.core.reports import periods
from pos_app.core.store.schema import Payment, Sale
from pos_app.ui import messages
from pos_app.ui.main_window import SMALLEST_SCREEN, MainWindow
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.pages.analytics import AnalyticsPage, change_text
from tests.gui.conftest import screenshots_dir
from tests.support.pdftext import pdf_text
from tests.support.report_history import expected, history

pytestmark = pytest.mark.gui


@pytest.fixture
def shop(core, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    sales, payments = history(seed=5)

    def write(session):
        session.add_all(Sale(**s) for s in sales)
        session.flush()
        session.add_all(Payment(**p) for p in payments)

    core.db.transact(write)
    return sales, payments


@pytest.fixture
def page(ui, qtbot) -> AnalyticsPage:
    p = AnalyticsPage(ui)
    qtbot.addWidget(p)
    p.resize(1300, 860)
    p.show()
    return p


def show_range(page: AnalyticsPage, qtbot, first: date, last: date) -> None:
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.choose("custom", first, last)


def column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_the_figures_are_the_rows_counted_by_hand(shop, page, qtbot, tmp_path):
    sales, payments = shop
    show_range(page, qtbot, date(2026, 3, 28), date(2026, 3, 30))
    period = periods.custom(date(2026, 3, 28), date(2026, 3, 30), periods.zone("Europe/Berlin"))
    want = expected(sales, payments, period)
    before = expected(sales, payments, period.previous())
    tiles = page.tiles
    assert tiles["sales"].value.text() == str(want["sales"])
    assert tiles["sales"].change.text() == change_text(
        round((want["sales"] - before["sales"]) * 100 / before["sales"], 1)
    )
    gross_lines = tiles["gross"].value.text().split("\n")
    assert sorted(line.split(" (")[0] for line in gross_lines) == sorted(
        formatting.money(amount, currency) for currency, amount in want["gross"].items()
    )
    assert tiles["gross"].change.text().startswith(formatting.sats(want["gross_sat"]["sat"]))
    assert tiles["fees"].value.text() == (
        f"{formatting.sats(want['mint_fees']['sat'])} / "
        f"{formatting.sats(want['lightning_fees']['sat'])}"
    )
    assert tiles["advance"].value.text() == formatting.sats(want["fee_advance"]["sat"])
    assert tiles["review"].value.text() == str(want["needs_review"])
    assert tiles["refused"].value.text() == str(sum(want["refused"].values()))
    assert tiles["success"].change.text() == (f"{want['settled']} of {want['attempts']} payments")
    assert column(page.by_mint, 0) == [formatting.short_mint(m["mint"]) for m in want["by_mint"]]
    assert column(page.by_mint, 2) == [formatting.sats(m["credited"]) for m in want["by_mint"]]
    assert column(page.by_method, 1) == [str(m["payments"]) for m in want["by_method"]]
    assert column(page.refusals, 0) == [
        "No reason recorded" if code == "unknown" else messages.reason(code)
        for code in want["refused"]
    ]
    # Tips apart from the sales, and the VAT the sales stored (history: tips and VAT in EUR).
    assert sorted(tiles["tips"].value.text().split("\n")) == sorted(
        formatting.money(v, c) for c, v in want["tips"].items()
    )
    assert tiles["tips"].change.text() == f"{formatting.sats(want['tips_sat']['sat'])} in all"
    vat_total = defaultdict(Decimal)
    for line in want["vat"]:
        vat_total[line["currency"]] += Decimal(line["vat"])
    assert sorted(tiles["vat"].value.text().split("\n")) == sorted(
        formatting.money(str(v), c) for c, v in vat_total.items()
    )
    assert column(page.vat, 3) == [formatting.money(v["gross"], v["currency"]) for v in want["vat"]]
    assert column(page.vat, 0)[0] == f"{want['vat'][0]['rate']} % ({want['vat'][0]['currency']})"
    assert "2026-03-28 to 2026-03-30 (Europe/Berlin)" in page.range.text()
    qtbot.wait(100)  # the new lines lay out on the next turn of the event loop
    for tile in tiles.values():  # no figure is cut off
        assert tile.value.height() >= tile.value.sizeHint().height()
    page.grab().save(str(screenshots_dir(tmp_path) / "analytics.png"))


def test_named_periods_and_an_empty_one(shop, page, qtbot):
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.choose("last_month")
    assert page.summary["period"]["name"] == "last_month"
    show_range(page, qtbot, date(2020, 1, 1), date(2020, 1, 2))  # before any sale
    assert page.tiles["sales"].value.text() == "0"
    assert page.tiles["sales"].change.text() == "—"
    assert page.tiles["success"].value.text() == "—"
    assert page.tiles["tips"].value.text() == page.tiles["vat"].value.text() == "—"
    assert page.vat.rowCount() == 0
    assert page.by_mint.rowCount() == page.refusals.rowCount() == 0
    assert page.over_time.figure.axes[0].get_ylim() == (0, 1)  # no "-0" ticks when empty


def test_a_range_that_ends_before_it_starts_is_explained(shop, page, qtbot):
    page.choose("custom", date(2026, 3, 30), date(2026, 3, 28))
    qtbot.waitUntil(lambda: page.status.property("role") == "error")  # the zone is read first
    assert "ends before it starts" in page.status.text()


def test_charts_draw_the_numbers_their_tables_list(shop, page, qtbot, tmp_path):
    del shop  # the history is in the database
    show_range(page, qtbot, date(2026, 3, 22), date(2026, 4, 2))
    series = page.series
    assert series.size == "day" and len(series.buckets) == 12
    table = page.over_time.table
    assert table.rowCount() == 12
    assert [int(table.item(r, 1).text()) for r in range(12)] == [b.sat for b in series.buckets]
    assert (
        sum(int(table.item(r, 1).text()) for r in range(12))
        == sum(b.sat for b in series.buckets)
        == sum(b.sat for b in series.buckets if b.sat)
        > 1_000_000
    )
    # The shop currency instead of sat: the same buckets, in EUR.
    page.unit.setCurrentIndex(page.unit.findData("EUR"))
    assert page.over_time.table.item(0, 0).text() == "03-22"
    assert [page.over_time.table.item(r, 1).text() for r in range(12)] == [
        str(b.gross.get("EUR", "0.00")) for b in series.buckets
    ]
    # Hovering a bar tells its exact value.
    first = series.buckets[0].gross["EUR"]
    assert page.over_time.hover_text(0, 1) == f"03-22: {formatting.decimal_text(str(first))} EUR"
    assert page.over_time.hover_text(40, 1) is None
    heat = page.week_hours.table
    assert heat.rowCount() == 7 and heat.columnCount() == 25
    assert sum(int(heat.item(r, c).text()) for r in range(7) for c in range(1, 25)) == sum(
        b.sales for b in series.buckets
    )
    page.week_hours.table.selectAll()
    page.week_hours.copy()
    copied = page.week_hours.table.model()  # the table stays; the clipboard has it all
    assert copied.rowCount() == 7
    from PySide6.QtWidgets import QApplication

    lines = QApplication.clipboard().text().split("\n")
    assert len(lines) == 8 and lines[1].startswith("Mon\t")
    page.over_time.table_button.setChecked(True)
    assert page.over_time.stack.currentWidget() is page.over_time.table
    page.tabs.setCurrentWidget(page.week_hours)
    qtbot.wait(100)
    page.grab().save(str(screenshots_dir(tmp_path) / "analytics-heatmap.png"))


def test_the_pdf_report_carries_the_figures_and_the_shop_name(shop, core, arun, tmp_path):
    sales, payments = shop
    period = core.reports.period(first=date(2026, 3, 28), last=date(2026, 3, 30))
    out = tmp_path / "report.pdf"
    done = arun(core.reports.write_pdf(period, out, "Corner Café"))
    assert out.read_bytes().startswith(b"%PDF") and done["pages"] >= 3
    text = pdf_text(out)
    want = expected(sales, payments, period)
    assert text.count("Corner Café") == done["pages"]  # on every page
    assert "Report 2026-03-28 to 2026-03-30 (Europe/Berlin)" in text

    def shown(value: str) -> str:
        return value.replace("\u202f", " ")

    for currency, amount in want["gross"].items():
        assert shown(formatting.money(amount, currency)) in text
    assert shown(formatting.sats(want["gross_sat"]["sat"])) in text
    for mint in want["by_mint"]:
        assert formatting.short_mint(mint["mint"]) in text
        assert shown(formatting.sats(mint["credited"])) in text
    for code in want["refused"]:
        assert code in text


@pytest.fixture
def window(ui, qtbot, qloop):
    from pos_app.ui.tasks import running_tasks

    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
    yield win
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def click_chart(qtbot, chart, x: float, y: float) -> None:
    """A real left click on the canvas at data coordinates (x, y)."""
    from PySide6.QtCore import QPoint, Qt

    chart.canvas.draw()
    axes = chart.figure.axes[0]
    px, py = axes.transData.transform((x, y))
    ratio = chart.canvas.device_pixel_ratio
    at = QPoint(round(px / ratio), round(chart.canvas.height() - py / ratio))
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=at)


def listed_ids(activity, qtbot) -> set[str]:
    """Every sale id Activity lists, over all its pages."""
    model = activity.model
    ids: set[str] = set()
    while True:
        ids |= {row.id for row in model.sale_rows()}
        if model.query.page + 1 >= model.page_count:
            return ids
        with qtbot.waitSignal(model.page_loaded, timeout=10_000):
            model.next_page()


def test_a_click_on_a_bar_or_a_cell_lists_that_slice_in_activity(shop, window, qtbot):
    from PySide6.QtCore import Qt

    from tests.support.report_history import local_ts, sales_paid_at_hour, sales_paid_in

    sales, _payments = shop
    page = window.page(AnalyticsPage)
    activity = window.page(ActivityPage)
    window.show_page(window.pages.index(page))
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.choose("custom", date(2026, 3, 28), date(2026, 3, 29))  # by the hour, 23 + 24 h
    # With the custom dates shown the window still fits the smallest till screen.
    assert window.minimumSizeHint().width() <= SMALLEST_SCREEN.width()
    assert window.minimumSizeHint().height() <= SMALLEST_SCREEN.height()
    series = page.series
    assert series.size == "hour"
    busiest = max(range(len(series.buckets)), key=lambda i: series.buckets[i].sat)
    start = series.buckets[busiest].start
    with qtbot.waitSignal(activity.model.page_loaded, timeout=10_000):
        click_chart(qtbot, page.over_time, busiest, 1)
    assert window.stack.currentWidget() is activity
    # Counted independently: sales paid in that local hour, from the generated rows.
    since = local_ts(start.date(), start.hour)
    want = sales_paid_in(sales, since, since + 3600)
    assert want and activity.model.total == len(want)
    assert listed_ids(activity, qtbot) == want
    assert activity.slice_bar.isVisible()
    assert f"{start:%Y-%m-%d %H}:00" in activity.slice_label.text()
    assert activity.count_label.text() == (
        "1 matching sale" if len(want) == 1 else f"{len(want)} matching sales"
    )

    # A heatmap cell: that weekday and hour within the period (the clocks change on the 29th).
    window.show_page(window.pages.index(page))
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.choose("custom", date(2026, 3, 22), date(2026, 4, 2))
    page.tabs.setCurrentWidget(page.week_hours)
    heat = page.series.heatmap_sales
    weekday, hour = max(
        ((d, h) for d in range(7) for h in range(24)), key=lambda c: heat[c[0]][c[1]]
    )
    with qtbot.waitSignal(activity.model.page_loaded, timeout=10_000):
        click_chart(qtbot, page.week_hours, hour, weekday)
    period = periods.custom(date(2026, 3, 22), date(2026, 4, 2), periods.zone("Europe/Berlin"))
    want = sales_paid_at_hour(sales, period, weekday, hour)
    assert len(want) == heat[weekday][hour] > 1
    assert listed_ids(activity, qtbot) == want
    # Every hour of the week adds up to the period's paid sales: no sale in two cells.
    assert sum(
        len(sales_paid_at_hour(sales, period, d, h)) for d in range(7) for h in range(24)
    ) == (sum(map(sum, heat)))

    # Clearing the slice lists every sale again.
    with qtbot.waitSignal(activity.model.page_loaded, timeout=10_000):
        activity.slice_clear.click()
    assert not activity.slice_bar.isVisible()
    assert activity.model.total == len(sales)

    # Without a mouse: Enter on a number of the table opens the same slice.
    window.show_page(window.pages.index(page))
    page.week_hours.table_button.setChecked(True)
    table = page.week_hours.table
    table.setCurrentCell(weekday, hour + 1)  # column 0 names the day
    with qtbot.waitSignal(activity.model.page_loaded, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert listed_ids(activity, qtbot) == want
    # "Clear filters" also ends the slice.
    with qtbot.waitSignal(activity.model.page_loaded, timeout=10_000):
        activity.filters.reset_button.click()
    assert not activity.slice_bar.isVisible() and activity.model.query.paid is None


def test_fees_success_and_mints_over_time_draw_the_hand_counted_numbers(shop, page, qtbot):
    from collections import defaultdict

    from tests.support.report_history import empty_bucket, hand_buckets

    sales, payments = shop
    show_range(page, qtbot, date(2026, 3, 22), date(2026, 4, 2))
    period = periods.custom(date(2026, 3, 22), date(2026, 4, 2), periods.zone("Europe/Berlin"))
    want, _heat, heat_sat = hand_buckets(sales, payments, period, "day")
    starts = [b.start for b in page.series.buckets]
    counted = [want.get(start, empty_bucket()) for start in starts]

    fees = page.fees.table
    assert [fees.horizontalHeaderItem(c).text() for c in range(fees.columnCount())] == [
        "When",
        "Mint fees",
        "Lightning fees",
        "Fee advance collected",
    ]
    for r, b in enumerate(counted):
        assert [int(fees.item(r, c).text()) for c in (1, 2, 3)] == [
            b["mint_fees"],
            b["lightning_fees"],
            b["fee_advance"],
        ]
    assert sum(b["lightning_fees"] for b in counted) > 0

    rates = page.success.table
    for r, b in enumerate(counted):
        text = rates.item(r, 1).text()
        if b["attempts"]:
            assert abs(float(text) - 100 * b["settled"] / b["attempts"]) <= 0.05
        else:
            assert text == "—"
    assert page.success.figure.axes[0].get_ylim() == (0, 100)

    # Stacked by mint: a column per mint (with its share of the period) and the total.
    mints = page.mints.table
    totals = defaultdict(int)
    for b in counted:
        for key, amount in b["by_mint"].items():
            totals[key] += amount
    order = sorted(totals, key=lambda k: (-totals[k], k))
    everything = sum(totals.values())
    headers = [mints.horizontalHeaderItem(c).text() for c in range(mints.columnCount())]
    assert headers[0] == "When" and headers[-1] == "Total" and len(headers) == len(order) + 2
    for c, (mint, _unit) in enumerate(order, start=1):
        share = change_text(totals[(mint, "sat")] * 100 / everything).lstrip("+")
        assert headers[c] == f"{formatting.short_mint(mint)} · {share}"
        assert [int(mints.item(r, c).text()) for r in range(len(counted))] == [
            b["by_mint"].get((mint, "sat"), 0) for b in counted
        ]
    assert [int(mints.item(r, len(order) + 1).text()) for r in range(len(counted))] == [
        sum(b["by_mint"].values()) for b in counted
    ]
    # Hover names the mint of the layer under the pointer.
    first = next(i for i, b in enumerate(counted) if b["by_mint"].get(order[0]))
    amount = counted[first]["by_mint"][order[0]]
    assert page.mints.hover_text(first, amount / 2) == (
        f"{starts[first]:%m-%d} · {headers[1]}: {formatting.decimal_text(str(amount))} sat"
    )

    # The heatmap in revenue: the sat of the sales paid in each weekday and hour.
    page.heat_kind.setCurrentIndex(page.heat_kind.findData("sat"))
    heat = page.week_hours.table
    assert [[int(heat.item(r, c).text()) for c in range(1, 25)] for r in range(7)] == heat_sat
    busiest = max(((d, h) for d in range(7) for h in range(24)), key=lambda c: heat_sat[c[0]][c[1]])
    assert page.week_hours.hover_text(busiest[1], busiest[0]).endswith(
        f": {formatting.decimal_text(str(heat_sat[busiest[0]][busiest[1]]))} sat"
    )


def test_exports_are_written_in_the_background_with_progress(shop, page, qtbot, tmp_path):
    import csv

    from tests.support.report_history import within

    _sales, payments = shop
    show_range(page, qtbot, date(2026, 3, 22), date(2026, 4, 2))
    period = page.period_shown
    export = page.export
    seen = []
    export._progress.connect(lambda done, total: seen.append((done, total)))
    out = tmp_path / "payments.csv"
    with qtbot.waitSignal(export.finished, timeout=15_000):
        export.start("payments", out)
        # Running on the database thread: the GUI shows it and takes no second export.
        assert export.running and not export.button.isEnabled() and export.bar.isVisible()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    offered = [p for p in payments if within(p["created_at"], period)]
    assert len(rows) == len(offered) > 0
    assert seen[-1] == (len(rows), len(rows))
    assert not export.bar.isVisible() and export.button.isEnabled()
    assert export.label.text() == f"Saved payments.csv ({len(rows)} rows)"

    # Through the menu and the save dialog (window-modal, no nested event loop).
    daily = tmp_path / "daily.csv"
    menu = export.button.menu()
    assert [a.text() for a in menu.actions()] == [
        "Payments (CSV)…",
        "Daily summary (CSV)…",
        "Report (PDF)…",
    ]
    menu.actions()[1].trigger()
    dialog = export._dialog
    assert dialog.isVisible() and dialog.selectedFiles()[0].endswith(
        "daily-2026-03-22-to-2026-04-02.csv"
    )
    dialog.selectFile(str(daily))
    with qtbot.waitSignal(export.finished, timeout=15_000):
        dialog.accept()
    with daily.open(encoding="utf-8-sig", newline="") as handle:
        days = list(csv.reader(handle))
    assert len(days) == 1 + 12  # a header and a row per day

    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(export.finished, timeout=30_000):
        export.start("pdf", pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "2026-03-22 to 2026-04-02" in pdf_text(pdf)

    # A folder that does not exist: explained, nothing written, the button usable again.
    with qtbot.waitSignal(export.failed, timeout=15_000):
        export.start("payments", tmp_path / "missing" / "p.csv")
    assert export.label.property("role") == "error" and export.label.text()
    assert export.button.isEnabled() and not (tmp_path / "missing").exists()


def test_the_shop_time_zone_setting_sets_the_pages_days(core, page, qtbot, arun, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    arun(core.settings.set("shop.timezone", "America/New_York"))
    show_range(page, qtbot, date(2026, 3, 28), date(2026, 3, 30))
    assert "(America/New_York)" in page.range.text()
    assert page.period_shown.zone.key == "America/New_York"
    arun(core.settings.set("shop.timezone", ""))  # empty: this computer's zone
    show_range(page, qtbot, date(2026, 3, 28), date(2026, 3, 30))
    assert page.period_shown.zone.key == "Europe/Berlin"


def test_screenshots_of_a_month(ui, qtbot, qloop, tmp_path, monkeypatch):
    from pos_app.ui.tasks import running_tasks
    from tests.support.screens_analytics import screenshot_states

    monkeypatch.setenv("TZ", "Europe/Berlin")
    shots = screenshot_states(ui, screenshots_dir(tmp_path) / "analytics")
    names = {p.name for p in shots}
    for scheme in ("light", "dark"):
        for state in ("over-time", "weekday-and-hour", "mints-over-time", "fees", "success-rate"):
            assert f"analytics-{scheme}-{state}.png" in names
    assert all(p.stat().st_size > 5000 for p in shots)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_a_day_or_week_bar_is_its_local_days_within_the_period(shop, page, qtbot, core, arun):
    from pos_app.core.payments.listing import SalesQuery
    from tests.support.report_history import local_ts, sales_paid_in

    sales, _payments = shop
    opened = []
    page.slice_opened.connect(lambda paid, text: opened.append((paid, text)))
    show_range(page, qtbot, date(2026, 3, 22), date(2026, 4, 2))
    day = [b.start.date() for b in page.series.buckets].index(date(2026, 3, 29))
    click_chart(qtbot, page.over_time, day, 1)
    paid, text = opened[-1]
    # The 23-hour day of the spring change, from local midnight to local midnight.
    assert (paid.since, paid.until) == (
        local_ts(date(2026, 3, 29), 0),
        local_ts(date(2026, 3, 30), 0),
    )
    assert paid.until - paid.since == 23 * 3600 and paid.hour_of_week is None
    assert text == "2026-03-29 (Europe/Berlin)"
    listed = arun(core.sales.listing.page(SalesQuery(paid=paid, page_size=500)))
    assert {r.id for r in listed.rows} == sales_paid_in(sales, paid.since, paid.until)

    # Weeks: the first starts before the period (a Wednesday): its slice starts with the period.
    show_range(page, qtbot, date(2026, 3, 25), date(2026, 5, 15))
    assert page.series.size == "week"
    page.open_bucket(0)
    paid, text = opened[-1]
    assert (paid.since, paid.until) == (
        local_ts(date(2026, 3, 25), 0),
        local_ts(date(2026, 3, 30), 0),
    )
    assert text == "2026-03-25 – 2026-03-29 (Europe/Berlin)"
    page.open_bucket(len(page.series.buckets))  # past the last bar: nothing
    assert len(opened) == 2


@pytest.mark.parametrize("lang", ["de", "fr", "es"])
def test_the_page_fits_the_smallest_till_screen_in_every_language(
    ui, qtbot, qloop, qapp, tmp_path, monkeypatch, lang
):
    from pos_app import language
    from pos_app.ui import i18n
    from pos_app.ui.tasks import running_tasks

    monkeypatch.delenv("POS_APP_LANGUAGE", raising=False)
    language.remember(tmp_path, lang)
    assert i18n.install(qapp, tmp_path) == lang
    try:
        win = MainWindow(ui)
        qtbot.addWidget(win)
        win.show()
        page = win.page(AnalyticsPage)
        win.show_page(win.pages.index(page))
        with qtbot.waitSignal(page.loaded, timeout=15_000):
            page.choose("custom", date(2026, 3, 1), date(2026, 3, 31))  # the dates are shown
        assert page.tabs.tabText(0) != "Over time"  # translated
        hint = win.minimumSizeHint()
        assert hint.width() <= SMALLEST_SCREEN.width() and hint.height() <= SMALLEST_SCREEN.height()
        win.close()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
    finally:
        i18n.uninstall(qapp)
