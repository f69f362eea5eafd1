"""Activity page: sales listed, sorted, filtered and paged in SQL; details; Retry and Dismiss.

Sales are made through ``core.sales`` with real tokens from the test mints;
paging uses sales rows inserted in bulk. Query times are printed, never asserted.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.dialects import postgresql

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.payments.listing import (
    SORT_KEYS,
    SaleRow,
    SalesQuery,
    fetch_page,
    page_statement,
)
from pos_app.core.store.schema import Sale
from pos_app.ui.dialogs.sale_details import SaleDetailsDialog
from pos_app.ui.models.attention_model import AttentionItem
from pos_app.ui.models.sales_columns import COLUMN_KEYS
from pos_app.ui.models.sales_model import SalesModel
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.tasks import running_tasks
from tests.gui.conftest import make_token, screenshots_dir
from tests.support.activity_data import (
    insert_payment,
    insert_sales,
    insert_stuck_operation,
    sale_rows,
)
from tests.support.screens_activity_wallet import screenshot_states

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ui, qtbot) -> ActivityPage:
    p = ActivityPage(ui)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    return p


def load(page: ActivityPage, qtbot) -> None:
    """Activate the page and wait for the sales and the attention list."""
    with qtbot.waitSignals([page.model.page_loaded, page.attention.loaded], timeout=10_000):
        page.activated()


def test_every_column_sorts_in_sql():
    assert COLUMN_KEYS == SORT_KEYS


def column(page: ActivityPage, key: str) -> list[str]:
    c = COLUMN_KEYS.index(key)
    m = page.model
    return [m.data(m.index(r, c)) for r in range(m.rowCount())]


def wait_rows(page: ActivityPage, qtbot, predicate, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: predicate(page.model.sale_rows()), timeout=timeout)


@pytest.fixture
def shop(core, arun, mint):
    """The core with the shared mint trusted, and three real sales: paid, part paid, open."""
    arun(core.mints.add(mint.url))
    paid = arun(core.sales.new_sale("21", memo="coffee"))
    arun(core.sales.pay(paid["sale_id"], make_token(mint.url, 21), source="scan"))
    part = arun(core.sales.new_sale("50", memo="cake"))
    arun(core.sales.pay(part["sale_id"], make_token(mint.url, 20), source="scan"))
    open_ = arun(core.sales.new_sale("1000", memo="tea"))
    ids = {"paid": paid["sale_id"], "part": part["sale_id"], "open": open_["sale_id"]}
    # Made within one second: spread their times so that "newest first" has one answer.
    base = int(time.time()) - 100

    def spread(session) -> None:
        for age, sale_id in enumerate((ids["open"], ids["part"], ids["paid"])):
            session.get(Sale, sale_id).created_at = base - 10 * age

    arun(core.db.run(spread))
    return ids


@pytest.mark.mint
def test_sales_listed_with_state_amounts_and_mint(page, qtbot, shop, mint):
    load(page, qtbot)
    rows = {r.id: r for r in page.model.sale_rows()}
    assert set(rows) == set(shop.values())
    assert rows[shop["paid"]].state == "paid" and rows[shop["paid"]].paid == 21
    assert rows[shop["part"]].state == "partially_paid" and rows[shop["part"]].paid == 20
    assert rows[shop["open"]].mint is None
    assert rows[shop["paid"]].mint == mint.url and rows[shop["paid"]].mint_count == 1
    # Newest first by default; the texts are what the cashier reads.
    assert column(page, "memo") == ["tea", "cake", "coffee"]
    assert column(page, "state") == ["Open", "Partly paid", "Paid"]
    assert column(page, "amount") == ["1\u202f000 sat", "50 sat", "21 sat"]
    assert column(page, "sats") == ["", "", ""]  # due exactly the amount: not repeated
    assert column(page, "mint")[2] == mint.url.removeprefix("http://")
    assert page.count_label.text() == "3 sales"
    assert page.pager.label.text() == "Page 1 of 1"
    assert not page.pager.next_button.isEnabled()


def test_due_in_sat_shows_only_what_the_amount_does_not_say():
    def row(amount: str, currency: str, due: int) -> SaleRow:
        return SaleRow("s", 0, "paid", amount, currency, "sat", due, due, None)

    text = SalesModel._text
    assert text(row("1200", "sat", 1200), "sats") == ""
    assert text(row("1200", "sat", 1202), "sats") == "1\u202f202 sat"  # a fee advance
    assert text(row("4.50", "EUR", 4737), "sats") == "4\u202f737 sat"
    assert text(row("4.50", "EUR", 4737), "amount") == "4.50 EUR"


@pytest.mark.mint
def test_sorting_by_a_header_orders_in_sql(page, qtbot, shop):
    load(page, qtbot)
    sats = COLUMN_KEYS.index("sats")
    with qtbot.waitSignal(page.model.page_loaded):
        page.table.sortByColumn(sats, Qt.SortOrder.AscendingOrder)
    assert page.model.query.sort == "sats" and not page.model.query.descending
    assert column(page, "memo") == ["coffee", "cake", "tea"]
    with qtbot.waitSignal(page.model.page_loaded):
        page.table.sortByColumn(sats, Qt.SortOrder.DescendingOrder)
    assert column(page, "memo") == ["tea", "cake", "coffee"]
    with qtbot.waitSignal(page.model.page_loaded):
        page.table.sortByColumn(COLUMN_KEYS.index("time"), Qt.SortOrder.AscendingOrder)
    assert column(page, "memo") == ["coffee", "cake", "tea"]

    def order_by(query: SalesQuery) -> str:
        sql = str(page_statement(query).compile(dialect=postgresql.dialect()))
        return sql.split("ORDER BY", 1)[1].split("LIMIT", 1)[0].strip()

    assert order_by(SalesQuery(sort="sats")) == "sales.due DESC, sales.id DESC"
    assert (
        order_by(SalesQuery(sort="time", descending=False)) == "sales.created_at ASC, sales.id ASC"
    )
    assert order_by(SalesQuery(sort="amount")).startswith(
        "CAST(sales.amount AS NUMERIC(20, 8)) DESC"
    )
    assert "min(payments_1.mint_url)" in order_by(SalesQuery(sort="mint"))
    # Anything not whitelisted falls back to time, never into the SQL text.
    assert (
        order_by(SalesQuery(sort="id; DROP TABLE sales")) == "sales.created_at DESC, sales.id DESC"
    )


@pytest.mark.mint
def test_filter_by_state_and_search(page, qtbot, shop):
    load(page, qtbot)
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.set_state("paid")
    assert [r.id for r in page.model.sale_rows()] == [shop["paid"]]
    assert page.count_label.text() == "1 matching sale"
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.set_state("partially_paid")
    assert [r.id for r in page.model.sale_rows()] == [shop["part"]]
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.clear()
    assert len(page.model.sale_rows()) == 3
    with qtbot.waitSignal(page.model.page_loaded, timeout=3000):
        qtbot.keyClicks(page.filters.search, "TEA")  # memo, case-insensitive, debounced
    assert [r.id for r in page.model.sale_rows()] == [shop["open"]]
    page.filters.search.clear()
    with qtbot.waitSignal(page.model.page_loaded, timeout=3000):
        qtbot.keyClicks(page.filters.search, shop["part"][:6])  # sale id prefix
    assert [r.id for r in page.model.sale_rows()] == [shop["part"]]
    page.filters.search.setText("%")  # LIKE wildcards are matched literally
    with qtbot.waitSignal(page.model.page_loaded, timeout=3000):
        page.filters.search.returnPressed.emit()
    assert page.model.sale_rows() == []


def test_paging_ten_thousand_sales(page, qtbot, core, arun):
    rows = sale_rows(10_120)
    started = time.perf_counter()
    insert_sales(core, rows)
    print(f"\ninserted {len(rows)} sales in {time.perf_counter() - started:.2f} s")
    load(page, qtbot)
    assert page.model.total == 10_120 and page.model.page_count == 203
    assert page.pager.label.text() == "Page 1 of 203"
    assert [r.id for r in page.model.sale_rows()] == [r["id"] for r in rows[:50]]
    first_page = [r.id for r in page.model.sale_rows()]
    with qtbot.waitSignal(page.model.page_loaded):
        qtbot.mouseClick(page.pager.next_button, Qt.MouseButton.LeftButton)
    assert [r.id for r in page.model.sale_rows()] == [r["id"] for r in rows[50:100]]
    assert page.pager.label.text() == "Page 2 of 203" and page.pager.previous_button.isEnabled()
    assert not set(first_page) & {r.id for r in page.model.sale_rows()}
    with qtbot.waitSignal(page.model.page_loaded):
        page.model.set_page(202)
    assert len(page.model.sale_rows()) == 20 and not page.pager.next_button.isEnabled()
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.set_state("paid")
    paid = [r for r in rows if r["state"] == "paid"]
    assert page.model.total == len(paid) and page.model.query.page == 0
    assert [r.id for r in page.model.sale_rows()] == [r["id"] for r in paid[:50]]
    with qtbot.waitSignal(page.model.page_loaded):
        page.table.sortByColumn(COLUMN_KEYS.index("sats"), Qt.SortOrder.DescendingOrder)
    top = sorted(paid, key=lambda r: (r["due"], r["id"]), reverse=True)[:50]
    assert [r.id for r in page.model.sale_rows()] == [r["id"] for r in top]

    # Timings of every sortable column, first and a middle page, straight on the database.
    timings = []
    for key in COLUMN_KEYS:
        for p in (0, 100):
            query = SalesQuery(sort=key, page=p)
            started = time.perf_counter()
            result = core.db.transact(lambda s, q=query: fetch_page(s, q))
            timings.append(f"{key}/p{p}: {1000 * (time.perf_counter() - started):.1f} ms")
            assert len(result.rows) == 50
    print("page fetch (10 120 sales): " + ", ".join(timings))
    print(f"GUI model last fetch: {page.model.last_elapsed_ms:.1f} ms")


@pytest.mark.mint
def test_a_changed_sale_updates_its_row_without_a_reset(page, qtbot, core, arun, shop, mint):
    load(page, qtbot)
    resets = page.model.resets
    row = page.model.row_of(shop["part"])
    with qtbot.waitSignal(page.model.dataChanged, timeout=20_000) as changed:
        arun(core.sales.pay(shop["part"], make_token(mint.url, 30), source="scan"))
    assert changed.args[0].row() == row
    wait_rows(page, qtbot, lambda rows: rows[row].state == "paid")
    assert page.model.sale_rows()[row].paid == 50
    assert page.model.resets == resets  # one row refreshed, not the page

    # A new sale is not on the page yet: the page is fetched again and the sale comes first.
    new = arun(core.sales.new_sale("5", memo="new one"))
    wait_rows(page, qtbot, lambda rows: rows[0].id == new["sale_id"])
    assert page.model.total == 4


@pytest.mark.mint
def test_a_sale_leaving_the_filter_leaves_the_page(page, qtbot, core, arun, shop, mint):
    load(page, qtbot)
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.set_state("partially_paid")
    assert [r.id for r in page.model.sale_rows()] == [shop["part"]]
    arun(core.sales.pay(shop["part"], make_token(mint.url, 30), source="scan"))
    wait_rows(page, qtbot, lambda rows: rows == [])
    assert page.model.total == 0 and page.count_label.text() == "0 matching sales"
    assert page.error.isVisible() and page.error.text() == "No sales match these filters."
    with qtbot.waitSignal(page.model.page_loaded):
        page.filters.set_state("paid")
    assert {r.id for r in page.model.sale_rows()} == {shop["paid"], shop["part"]}
    assert not page.error.isVisible()


@pytest.mark.mint
def test_details_dialog_shows_payments_and_change(page, qtbot, core, arun, mint, make_mint):
    arun(core.mints.add(mint.url))
    arun(core.db.run(lambda s: core.config.set(s, "change.policy", "return")))
    sale = arun(core.sales.new_sale("50", memo="change please"))
    stranger = make_mint(name="stranger")
    with pytest.raises(PosError, match="does not accept"):
        arun(core.sales.pay(sale["sale_id"], make_token(stranger.url, 8)))
    arun(core.sales.pay(sale["sale_id"], make_token(mint.url, 64), source="scan"))
    load(page, qtbot)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.details_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=5000)
    assert dialog.isVisible() and dialog.sale["sale_id"] == sale["sale_id"]
    assert "Paid" in dialog.heading.text()
    assert dialog.fields["memo"].text() == "change please"
    assert dialog.fields["paid"].text() == "64 sat, 0 sat remaining"
    table = dialog.payments
    assert table.rowCount() == 2
    cells = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(2)
    }  # both payments may carry the same second: find them by state
    # the catalogue's title in the list, its sentence in the tooltip (as on the Sell page)
    assert cells["Rejected"][7] == "Mint not accepted"
    assert cells["Settled"][1:5] == [
        "Redeemed",
        mint.url.removeprefix("http://"),
        "64 sat",
        "64 sat",
    ]
    assert dialog.request.text() == sale["payment_request"]
    assert dialog.change_box.isVisible()
    assert parse_token(dialog.change_qr.text).amount == 14
    assert dialog.change_title.text() == "Change: 14 sat"
    dialog.close()
    qtbot.waitUntil(lambda: page.details_dialog is None, timeout=2000)


@pytest.mark.mint
def test_details_say_what_each_mint_paid(qtbot, ui, core, arun, mint, stranger_mint):
    arun(core.mints.add(mint.url))
    arun(core.mints.add(stranger_mint.url))
    sale = arun(core.sales.new_sale("100"))
    for url, amount in ((stranger_mint.url, 30), (mint.url, 50), (stranger_mint.url, 20)):
        arun(core.sales.pay(sale["sale_id"], make_token(url, amount), source="scan"))
    dialog = SaleDetailsDialog(ui, sale["sale_id"])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    first, second = (u.removeprefix("http://") for u in (stranger_mint.url, mint.url))
    assert dialog.fields["paid"].text() == (
        f"100 sat, 0 sat remaining ({first} 50 sat, {second} 50 sat)"
    )
    assert dialog.payments.rowCount() == 3
    # Reprint: the receipt of the paid sale, with the shop's header from the settings
    arun(core.settings.set("shop.name", "Corner Café"))
    arun(core.settings.set("shop.vat_number", "DE123456789"))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    assert dialog.receipts.isVisibleTo(dialog)
    text = dialog.receipts.receipt().text()
    assert text.startswith("Corner Café\nVAT no. DE123456789")
    assert sale["sale_id"] in text and first in text and second in text


@pytest.mark.mint
def test_recovering_operation_retried_and_resolved(page, qtbot, core, arun, make_mint):
    own = make_mint(name="flaky")
    arun(core.mints.add(own.url))
    sale = arun(core.sales.new_sale("30", memo="while offline"))
    tok = make_token(own.url, 30)
    own.stop()
    res = arun(core.sales.pay(sale["sale_id"], tok, source="scan"))
    assert res.payment["state"] == "recovering"
    load(page, qtbot)
    panel = page.attention
    items = panel.model.items()
    assert len(items) == 1 and items[0].source == "operation" and items[0].kind == "receive"
    assert items[0].sale_id == sale["sale_id"] and items[0].status == "pending"
    assert page.attention_label.isVisible() and page.attention_label.text() == "1 needs attention"
    assert panel.retry_button.isEnabled() and panel.dismiss_button.isEnabled()

    with qtbot.waitSignal(panel.acted, timeout=20_000) as acted:  # still down
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert acted.args[0].startswith("Not yet")
    qtbot.waitUntil(lambda: panel.model.items() and panel.model.items()[0].attempts >= 1)

    own.start()
    with qtbot.waitSignal(panel.acted, timeout=20_000) as acted:
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert acted.args[0] == "Finished: 30 sat recovered."
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    assert panel.empty.isVisible() and not page.attention_label.isVisible()
    wait_rows(page, qtbot, lambda rows: rows and rows[0].state == "paid")
    assert arun(core.wallet.recovery_list()) == []


@pytest.mark.mint
def test_dismiss_with_a_reason(page, qtbot, core, arun, make_mint):
    own = make_mint(name="gone")
    arun(core.mints.add(own.url))
    sale = arun(core.sales.new_sale("16"))
    tok = make_token(own.url, 16)
    own.stop()
    arun(core.sales.pay(sale["sale_id"], tok, source="scan"))
    other = insert_stuck_operation(core, amount=8)
    load(page, qtbot)
    panel = page.attention
    assert len(panel.model.items()) == 2
    row = next(i for i, it in enumerate(panel.model.items()) if it.sale_id == sale["sale_id"])
    panel.view.selectRow(row)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    dialog = panel.dismiss_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.dismiss_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "refunded in cash")
    assert dialog.dismiss_button.isEnabled()
    with qtbot.waitSignal(panel.acted, timeout=10_000) as acted:
        qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert acted.args[0] == "Dismissed."
    qtbot.waitUntil(lambda: [it.id for it in panel.model.items()] == [other], timeout=5000)
    assert page.attention_label.text() == "1 needs attention"
    ops = arun(core.wallet.recovery_list(include_closed=True))
    assert {o["id"]: o["status"] for o in ops}[next(o["id"] for o in ops if o["id"] != other)] == (
        "dismissed"
    )


def test_an_older_attention_read_finishing_last_is_not_shown(page, qtbot, monkeypatch):
    """An event's refresh and the page's own overlap; the list shown is the newest read's."""
    import asyncio

    from pos_app.ui.widgets import attention_panel

    old_item = AttentionItem("operation", "old", "receive", "pending", 0, None, "-", None, 1, "")
    new_item = AttentionItem("operation", "new", "receive", "pending", 0, None, "-", None, 2, "")
    release = asyncio.Event()
    calls = []

    async def fake_load(core):
        calls.append(core)
        if len(calls) == 1:
            await release.wait()  # the first read is slow: it finishes after the second
            return [old_item]
        return [new_item]

    monkeypatch.setattr(attention_panel, "load_attention", fake_load)
    panel = page.attention
    shown = []
    panel.loaded.connect(lambda: shown.append([it.id for it in panel.model.items()]))
    panel.refresh()
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.refresh()
    release.set()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=5000)
    qtbot.wait(50)
    assert [it.id for it in panel.model.items()] == ["new"]
    assert shown == [["new"]]


def test_payment_needing_review_is_listed(page, qtbot, core, arun):
    rows = sale_rows(1)
    insert_sales(core, rows)
    sale_id = rows[0]["id"]
    payment = insert_payment(
        core,
        sale_id,
        state="needs_review",
        method="melt",
        amount=500,
        error_code="lightning.unproven",
        error_message="The token was converted, but the Lightning payment could not be proven.",
        proof_status="unproven",
    )
    review_op = insert_stuck_operation(core, state="needs_review", attempts=20, amount=70)
    load(page, qtbot)
    items = page.attention.model.items()
    assert items[0].id == review_op and items[0].status == "needs_review"
    page.attention.view.selectRow(0)
    assert page.attention.retry_button.isEnabled() and page.attention.dismiss_button.isEnabled()
    assert page.attention.model.data(page.attention.model.index(0, 1)) == "Needs review"
    items = items[1:]
    assert items == [
        AttentionItem(
            "payment",
            payment,
            "payment",
            "needs_review",
            0,
            None,
            "Payout not proven",
            sale_id,
            500,
            detail="The token was converted, but the Lightning payment could not be proven. "
            "The owner must review it; the token is kept.",
        )
    ]
    page.attention.view.selectRow(1)
    assert not page.attention.retry_button.isEnabled()
    # A payment in review is accepted (credited) or rejected by the owner.
    assert page.attention.dismiss_button.isEnabled() and page.attention.accept_button.isEnabled()
    assert page.attention.details_button.isEnabled()
    qtbot.mouseClick(page.attention.details_button, Qt.MouseButton.LeftButton)
    dialog = page.details_dialog
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=5000)
    assert dialog.payments.item(0, 6).text() == "Not proven"
    dialog.close()

    qtbot.mouseClick(page.attention.accept_button, Qt.MouseButton.LeftButton)
    decide = page.attention.dismiss_dialog
    assert decide.windowTitle() == "Accept payment" and not decide.dismiss_button.isEnabled()
    qtbot.keyClicks(decide.reason, "seen in the Lightning wallet")
    qtbot.mouseClick(decide.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.attention.model.items()) == 1, timeout=10_000)
    shown = arun(core.sales.show(sale_id))
    assert shown["payments"][0]["state"] == "settled" and shown["paid"] >= 500
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=5000)


def test_screenshots(ui, qtbot, tmp_path):
    out = screenshots_dir(tmp_path) / "activity-wallet"
    shots = screenshot_states(ui, out)
    names = [
        "activity_sales.png",
        "activity_refund.png",
        "activity_sale_details.png",
        "activity_dismiss.png",
        "activity_filtered.png",
        "wallet_balances.png",
        "wallet_export_form.png",
        "wallet_export_qr.png",
        "wallet_import_paste.png",
        "wallet_import_scanning.png",
        "wallet_import_done.png",
    ]
    assert [p.relative_to(out).as_posix() for p in shots] == [
        f"{scheme}/{name}" for scheme in ("light", "dark") for name in names
    ]
    assert all(p.stat().st_size > 5000 for p in shots)
