"""Items in Settings: the owner adds, edits, takes off sale, removes, exports and imports the
catalogue through the panel, against the real core; the Sell page's quick keys follow; the
core's refusals are said in place and nothing typed is lost."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QMessageBox

from pos_app.core.store import actor
from pos_app.ui.dialogs.item_dialog import ItemDialog
from pos_app.ui.dialogs.sign_in import SignInDialog
from pos_app.ui.main_window import MainWindow
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.tasks import running_tasks
from pos_app.ui.widgets.items_panel import ItemsPanel
from tests.gui.conftest import screenshots_dir
from tests.support.screens_common import SCHEMES, save, themed

pytestmark = pytest.mark.gui


def settle(qtbot) -> None:
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def set_option(arun, ui, key: str, value: str) -> None:
    arun(ui.core.db.run(lambda s: ui.core.config.set(s, key, value)))


@pytest.fixture
def owner_window(ui, qtbot, qloop, arun):
    set_option(arun, ui, "currency", "sat")
    set_option(arun, ui, "vat.rates", "19, 7, 0")
    staff = ui.core.staff
    arun(staff.add("olga", "owner", "246810"))
    arun(ui.core.items.add(sku="TEA", name="Tea", price="250", vat_rate="7", category="Drinks"))
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    win.set_user(arun(staff.verify("olga", "246810")))
    settle(qtbot)
    win.show_page(win.pages.index(win.page(SettingsPage)))
    panel = win.page(SettingsPage).items
    qtbot.waitUntil(lambda: rows(panel) == [("Tea", "TEA", "Drinks", "250 sat")], timeout=5000)
    yield win, panel
    win.close()
    actor.sign_in(None)
    settle(qtbot)


def rows(panel: ItemsPanel) -> list[tuple[str, ...]]:
    return [
        tuple(panel.table.item(r, c).text() for c in range(4))
        for r in range(panel.table.rowCount())
    ]


def fill(dialog: ItemDialog, **fields: str) -> None:
    for key, value in fields.items():
        widget = getattr(dialog, key)
        if key == "category":
            widget.setCurrentText(value)
        else:
            widget.setText(value)
    dialog.ok_button.click()


def quick_keys(win: MainWindow) -> dict[str, str]:
    return {sku: key.text() for sku, key in win.page(SellPage).basket.keys.items()}


def item_actions(ui, arun) -> list[tuple[str, str, str]]:
    return [
        (e["action"], e["subject"], e["actor"])
        for e in reversed(arun(ui.core.audit.list()))
        if e["action"].startswith("item.")
    ]


def test_an_item_added_in_settings_is_a_quick_key_on_the_sell_page(owner_window, ui, qtbot, arun):
    win, panel = owner_window
    boxes = [b for b in win.page(SettingsPage).findChildren(QGroupBox) if b.title() == "Items"]
    assert len(boxes) == 1 and boxes[0].isAncestorOf(panel)
    assert panel.table.item(0, 4).text() == "7 %" and panel.table.item(0, 5).text() == "Yes"
    dialog = panel.open_add()
    assert dialog.isVisible() and dialog.vat_rate.placeholderText() == "Shop default (19 %)"
    fill(dialog, name="Flat white", sku="FW", category="Drinks", price="450", colour="#336699")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: len(rows(panel)) == 2, timeout=5000)
    assert rows(panel)[0] == ("Flat white", "FW", "Drinks", "450 sat")
    assert panel.table.item(0, 4).text() == "19 % (default)"
    assert panel.selected()["sku"] == "FW"  # the new item is selected
    assert panel.message.text() == "Added."
    qtbot.waitUntil(lambda: "FW" in quick_keys(win), timeout=5000)
    assert quick_keys(win)["FW"] == "Flat white\n450 sat"
    assert "#336699" in win.page(SellPage).basket.keys["FW"].styleSheet()
    assert item_actions(ui, arun)[-1] == ("item.added", "FW", "olga")


def test_editing_the_price_changes_the_quick_key_and_the_basket_line(owner_window, ui, qtbot, arun):
    win, panel = owner_window
    sell = win.page(SellPage)
    qtbot.waitUntil(lambda: "TEA" in sell.basket.keys, timeout=5000)
    sell.basket.add_item(sell.basket.items[0])  # a tea waits in the basket meanwhile
    panel.select("Tea")
    dialog = panel.open_edit()
    assert (dialog.name.text(), dialog.sku.text(), dialog.price.text()) == ("Tea", "TEA", "250")
    assert (dialog.vat_rate.text(), dialog.category.currentText()) == ("7", "Drinks")
    fill(dialog, price="275")
    qtbot.waitUntil(lambda: rows(panel) == [("Tea", "TEA", "Drinks", "275 sat")], timeout=5000)
    assert panel.message.text() == "Saved."
    qtbot.waitUntil(lambda: quick_keys(win).get("TEA") == "Tea\n275 sat", timeout=5000)
    assert sell.basket.total_label.text() == "Total: 275 sat"  # what the sale will charge
    assert item_actions(ui, arun)[-1] == ("item.updated", "TEA", "olga")
    assert arun(ui.core.audit.list())[0]["details"] == {"price": {"from": "250", "to": "275"}}


def test_a_bad_price_is_refused_in_the_dialog_and_the_input_stays(owner_window, ui, qtbot, arun):
    _win, panel = owner_window
    dialog = panel.open_add()
    fill(dialog, name="Scone", sku="SCONE", price="2.555")  # sat: whole numbers only
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text().startswith("Price: A price is zero or more")
    assert dialog.isVisible()
    assert (dialog.name.text(), dialog.sku.text(), dialog.price.text()) == (
        "Scone",
        "SCONE",
        "2.555",
    )
    assert dialog.focusWidget() is dialog.price
    fill(dialog, sku="TEA", price="300")  # a SKU in use: said with its field
    qtbot.waitUntil(lambda: dialog.error.text().startswith("SKU: "), timeout=5000)
    assert "TEA" in dialog.error.text() and dialog.isVisible()
    settle(qtbot)
    assert [i["name"] for i in arun(ui.core.items.list())] == ["Tea"]
    fill(dialog, sku="SCONE")  # corrected, the same dialog adds it
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert [i["name"] for i in arun(ui.core.items.list())] == ["Scone", "Tea"]


def answer(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


def test_removal_asks_first_and_offers_taking_off_sale(owner_window, ui, qtbot, arun):
    win, panel = owner_window
    qtbot.waitUntil(lambda: "TEA" in quick_keys(win), timeout=5000)
    panel.select("Tea")
    box = panel.ask_remove()
    assert "Tea" in box.text()
    answer(box, "Keep")
    settle(qtbot)
    assert len(arun(ui.core.items.list())) == 1 and "TEA" in quick_keys(win)

    panel.select("Tea")
    answer(panel.ask_remove(), "Take off sale")
    qtbot.waitUntil(lambda: panel.message.text() == "Taken off sale.", timeout=5000)
    qtbot.waitUntil(lambda: panel.table.item(0, 5).text() == "No", timeout=5000)
    qtbot.waitUntil(lambda: quick_keys(win) == {}, timeout=5000)
    assert not arun(ui.core.items.list())[0]["active"]

    panel.select("Tea")
    box = panel.ask_remove()
    assert "Take off sale" not in [b.text() for b in box.buttons()]  # it is off sale already
    answer(box, "Remove")
    qtbot.waitUntil(lambda: rows(panel) == [], timeout=5000)
    assert arun(ui.core.items.list()) == []
    assert [a for a, _s, _w in item_actions(ui, arun)][-2:] == ["item.updated", "item.removed"]


def test_csv_export_then_import_round_trip_through_files(owner_window, ui, qtbot, arun, tmp_path):
    win, panel = owner_window
    arun(ui.core.items.add(name="Bun", price="120", category="Food"))  # no SKU
    panel.refresh()
    qtbot.waitUntil(lambda: len(rows(panel)) == 2, timeout=5000)
    out = tmp_path / "catalogue.csv"
    chooser = panel.ask_export()
    assert chooser.isVisible()  # opened, not exec()'d: the loop runs on
    chooser.selectFile(str(out))
    chooser.accept()
    qtbot.waitUntil(lambda: panel.message.text().startswith("Exported 2 item(s)"), timeout=5000)
    exported = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {(r["sku"], r["name"], r["price"], r["vat_rate"]) for r in exported} == {
        ("TEA", "Tea", "250", "7"),
        ("", "Bun", "120", ""),
    }

    for item in arun(ui.core.items.list()):
        arun(ui.core.items.remove(item["id"]))
    rows_in = [r | {"price": "260"} if r["sku"] == "TEA" else r for r in exported]
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(exported[0]))
        writer.writeheader()
        writer.writerows(rows_in)
    chooser = panel.ask_import()
    chooser.selectFile(str(out))
    chooser.accept()
    qtbot.waitUntil(lambda: panel.message.text() == "Imported: 2 added, 0 updated.", timeout=5000)
    imported = {("Bun", "—", "Food", "120 sat"), ("Tea", "TEA", "Drinks", "260 sat")}
    qtbot.waitUntil(lambda: set(rows(panel)) == imported, timeout=5000)
    qtbot.waitUntil(lambda: quick_keys(win).get("TEA") == "Tea\n260 sat", timeout=5000)
    assert len(quick_keys(win)) == 2
    assert item_actions(ui, arun)[-1] == ("item.imported", None, "olga")

    # Imported again: the SKU's item is updated, the one without SKU added once more.
    panel.import_from(str(out))
    qtbot.waitUntil(lambda: panel.message.text() == "Imported: 1 added, 1 updated.", timeout=5000)


def test_a_refused_import_lists_its_lines_and_changes_nothing(
    owner_window, ui, qtbot, arun, tmp_path
):
    _win, panel = owner_window
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sku,name,price,vat_rate\nOK,Fine,100,\nX1,Cheap,-5,\nX2,Odd,10,150\n", encoding="utf-8"
    )
    panel.import_from(str(bad))
    qtbot.waitUntil(lambda: "nothing was imported" in panel.message.text(), timeout=5000)
    lines = panel.message.text().splitlines()
    assert lines[0] == "2 row(s) are not valid; nothing was imported."
    assert lines[1].startswith("Line 3 (price): ")
    assert lines[2].startswith("Line 4 (vat_rate): ")
    assert panel.message.property("role") == "error"
    assert rows(panel) == [("Tea", "TEA", "Drinks", "250 sat")]

    header = tmp_path / "header.csv"
    header.write_text("title,cost\nTea,1\n", encoding="utf-8")
    panel.import_from(str(header))
    qtbot.waitUntil(lambda: "Unknown columns: title, cost." in panel.message.text(), timeout=5000)
    assert panel.message.text().startswith("The first line must name the columns")

    latin = tmp_path / "latin.csv"
    latin.write_bytes("name,price\nCaf\xe9,1\n".encode("latin-1"))
    panel.import_from(str(latin))
    qtbot.waitUntil(lambda: "not UTF-8" in panel.message.text(), timeout=5000)
    panel.import_from(str(tmp_path / "missing.csv"))
    qtbot.waitUntil(lambda: "cannot be read" in panel.message.text(), timeout=5000)
    settle(qtbot)
    assert len(arun(ui.core.items.list())) == 1


def test_an_item_without_sku_sells_at_its_price(owner_window, ui, qtbot, arun):
    win, panel = owner_window
    dialog = panel.open_add()
    fill(dialog, name="Bun", price="120")
    qtbot.waitUntil(lambda: len(rows(panel)) == 2, timeout=5000)
    sell = win.page(SellPage)
    bun = next(i for i in arun(ui.core.items.list()) if i["name"] == "Bun")
    key = f"#{bun['id']}"
    qtbot.waitUntil(lambda: key in sell.basket.keys, timeout=5000)
    win.show_page(0)
    qtbot.waitUntil(sell.basket.isVisible, timeout=5000)
    qtbot.mouseClick(sell.basket.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(sell.basket.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(sell.basket.keys["TEA"], Qt.MouseButton.LeftButton)
    assert sell.basket.total_label.text() == "Total: 490 sat"
    qtbot.keyClick(sell.keypad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sell.payment.state == "waiting", timeout=10_000)
    sale_id = sell.payment.sale_id
    stored = arun(ui.core.sales.show(sale_id))
    assert stored["total"] == "490"
    assert [(x["name"], x["quantity"]) for x in stored["lines"]] == [("Bun", "2"), ("Tea", "1")]
    qtbot.keyClick(sell.payment, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: sell.on_keypad, timeout=5000)
    qtbot.waitUntil(lambda: arun(ui.core.sales.show(sale_id))["state"] != "waiting", timeout=5000)
    settle(qtbot)  # the cancelled sale's events reach a window still open


@pytest.fixture
def cashier_window(ui, qtbot, qloop, arun):
    staff = ui.core.staff
    arun(staff.add("olga", "owner", "246810"))
    arun(staff.add("mona", "manager", "4321"))
    arun(staff.add("carl", "cashier", "1357"))
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    win.set_user(arun(staff.verify("carl", "1357")))
    settle(qtbot)
    yield win
    win.close()
    actor.sign_in(None)
    settle(qtbot)


def test_a_cashier_cannot_open_the_items(cashier_window, qtbot):
    win = cashier_window
    settings = win.page(SettingsPage)
    win.show_page(win.pages.index(settings))
    found: list[SignInDialog] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SignInDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    # The catalogue is the owner's, as `pos-app items` is (pos_app/cli/rights.py).
    assert [found[0].names.itemData(i) for i in range(found[0].names.count())] == ["olga"]
    found[0].reject()
    settle(qtbot)
    assert win.stack.currentIndex() == 0 and not settings.items.isVisible()
    assert actor.who() == "carl"


def signin_dialog(qtbot) -> SignInDialog:
    found: list[SignInDialog] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SignInDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


def test_a_manager_keeps_the_items_from_a_cashiers_till_with_their_pin(
    cashier_window, ui, arun, qtbot
):
    win = cashier_window
    win.items_action.trigger()  # App -> Items… (Ctrl+I)
    dialog = signin_dialog(qtbot)
    # Managers and the owner may, as `pos-app items add` (pos_app/cli/rights.py).
    assert sorted(dialog.names.itemData(i) for i in range(dialog.names.count())) == [
        "mona",
        "olga",
    ]
    dialog.names.setCurrentIndex(dialog.names.findData("mona"))
    dialog.pin.setText("4321")
    dialog.submit()
    qtbot.waitUntil(lambda: win.items_dialog is not None and win.items_dialog.isVisible())
    panel = win.items_dialog.panel
    form = panel.open_add()
    form.name.setText("Scone")
    form.sku.setText("SCN")
    form.price.setText("300")
    form.submit()
    qtbot.waitUntil(lambda: "Scone" in [r[0] for r in rows(panel)], timeout=5000)
    sell = win.page(SellPage)
    qtbot.waitUntil(lambda: "SCN" in sell.basket.keys, timeout=5000)
    trail = arun(ui.core.audit.list())
    added = [e for e in trail if e["action"] == "item.added"]
    assert [e["actor"] for e in added] == ["mona"]  # made as the manager who allowed it
    assert actor.who() == "carl"  # the cashier is still the one at the till
    win.items_dialog.close()
    settle(qtbot)


def test_nobody_typing_a_managers_pin_opens_no_items(cashier_window, qtbot):
    win = cashier_window
    win.items_action.trigger()
    signin_dialog(qtbot).reject()
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5000)
    assert win.items_dialog is None
    settle(qtbot)


def test_the_panel_and_its_dialog_fit_a_small_till_screenshots(ui, qtbot, arun, tmp_path):
    set_option(arun, ui, "currency", "sat")
    arun(ui.core.items.add(sku="FW", name="Flat white", price="450", category="Drinks"))
    arun(ui.core.items.add(sku="TEA", name="Tea", price="250", vat_rate="7", category="Drinks"))
    arun(ui.core.items.add(name="Croissant with butter", price="380", category="Food"))
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.activated()
    panel = page.items
    qtbot.waitUntil(lambda: page._loaded and len(rows(panel)) == 3, timeout=5000)
    panel.select("Tea")
    out = screenshots_dir(tmp_path) / "settings"
    out.mkdir(parents=True, exist_ok=True)
    for scheme in SCHEMES:
        with themed(scheme):
            page.scroll.ensureWidgetVisible(panel)
            save(page, out / f"items-{scheme}.png")
            dialog = panel.open_add()
            fill(dialog, name="Scone", price="-1")
            qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
            assert dialog.sizeHint().width() <= 1024 and dialog.width() <= 1024
            save(dialog, out / f"item-dialog-error-{scheme}.png")
            dialog.reject()
    # The page still fits the smallest window (1024x700): no sideways scrolling.
    assert page.scroll.widget().minimumSizeHint().width() <= page.scroll.viewport().width()
    assert not page.scroll.horizontalScrollBar().isVisible()
    settle(qtbot)


def test_an_item_in_a_former_currency_is_not_silently_repriced(owner_window, ui, qtbot, arun):
    _win, panel = owner_window
    set_option(arun, ui, "rate.fixed", "100000")
    set_option(arun, ui, "currency", "EUR")
    arun(ui.core.items.add(sku="PIE", name="Pie", price="2.50"))
    set_option(arun, ui, "currency", "USD")
    ui.bridge.settings_saved.emit({"currency": "USD"})
    qtbot.waitUntil(lambda: panel.currency == "USD" and len(rows(panel)) == 2, timeout=5000)
    panel.select("Pie")
    dialog = panel.open_edit()
    assert dialog.unit.currentData() == "EUR"
    assert [dialog.unit.itemData(i) for i in range(dialog.unit.count())] == ["USD", "sat", "EUR"]
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text().startswith("Price: An item's price is in the shop currency (USD)")
    dialog.unit.setCurrentIndex(0)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: ("Pie", "PIE", "—", "2.50 USD") in rows(panel), timeout=5000)


def test_older_catalogue_loads_are_ignored(owner_window, qtbot):
    win, panel = owner_window
    sell = win.page(SellPage)
    qtbot.waitUntil(lambda: "TEA" in sell.basket.keys, timeout=5000)
    sell.reload_items()  # its loads go through ui.tasks.Newest (tested with the attention list)
    panel.refresh()
    panel._show((panel._load - 1, {"currency": "EUR", "vat.rates": "0"}, []))
    assert rows(panel) == [("Tea", "TEA", "Drinks", "250 sat")]
    settle(qtbot)
    assert "TEA" in sell.basket.keys and panel.currency == "sat"


def test_the_key_colour_is_picked_without_blocking(owner_window, qtbot):
    from PySide6.QtGui import QColor

    _win, panel = owner_window
    dialog = panel.open_add()
    dialog.choose_colour()
    picker = dialog.colour_dialog
    assert picker.isVisible()  # opened, not exec()'d
    picker.setCurrentColor(QColor("#123456"))
    picker.accept()
    assert dialog.colour.text() == "#123456"
    dialog.reject()
