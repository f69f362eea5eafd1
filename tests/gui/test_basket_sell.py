"""The basket on the Sell page: quick keys, lines, the core's totals, a discount, against
the real core (a shop store in a temp folder; sat prices need no exchange rate)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pos_app.core.store import actor
from pos_app.ui.dialogs.sign_in import SignInDialog
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.tasks import running_tasks
from tests.gui.conftest import screenshots_dir
from tests.support.screens_common import SCHEMES, save, themed

pytestmark = pytest.mark.gui


def set_option(arun, ui, key: str, value: str) -> None:
    arun(ui.core.db.run(lambda s: ui.core.config.set(s, key, value)))


@pytest.fixture
def shop(ui, arun):
    set_option(arun, ui, "currency", "sat")
    set_option(arun, ui, "vat.rates", "19, 7, 0")
    items = ui.core.items
    arun(items.add(sku="COF", name="Coffee", price="300", vat_rate="19", category="Drinks",
                   colour="#aa5500"))  # fmt: skip
    arun(items.add(sku="TEA", name="Tea", price="250", vat_rate="7", category="Drinks"))
    arun(items.add(sku="CAKE", name="Cake", price="420", category="Food"))
    arun(items.add(sku="OLD", name="Gone", price="1", category="Food", active=False))
    return ui


def open_sell(qtbot, ui) -> SellPage:
    page = SellPage(ui)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: bool(page.settings) and running_tasks() == 0, timeout=10_000)
    return page


@pytest.fixture
def sell(qtbot, shop) -> Iterator[SellPage]:
    page = open_sell(qtbot, shop)
    qtbot.waitUntil(lambda: page.basket.has_items, timeout=5000)
    yield page
    page.shutdown()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def tap(qtbot, page: SellPage, sku: str) -> None:
    qtbot.mouseClick(page.basket.keys[sku], Qt.MouseButton.LeftButton)


def shown_lines(page: SellPage) -> list[str]:
    return [page.basket.list.item(n).text() for n in range(page.basket.list.count())]


def charge_basket(qtbot, page: SellPage) -> str:
    qtbot.keyClick(page.keypad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.payment.state == "waiting", timeout=10_000)
    return page.payment.sale_id


def test_quick_keys_by_category_with_name_price_and_colour(sell):
    tabs = sell.basket.tabs
    assert [tabs.tabText(n) for n in range(tabs.count())] == ["Drinks", "Food"]
    assert set(sell.basket.keys) == {"COF", "TEA", "CAKE"}  # not the inactive item
    assert sell.basket.keys["COF"].text() == "Coffee\n300 sat"
    assert "#aa5500" in sell.basket.keys["COF"].styleSheet()
    assert sell.basket.isVisible()


def test_a_quick_key_adds_a_line_and_again_one_more(qtbot, sell):
    assert not sell.keypad.charge_button.isEnabled()
    tap(qtbot, sell, "COF")
    assert sell.keypad.charge_button.isEnabled()  # the basket is the sale
    assert shown_lines(sell) == ["1 x Coffee    300 sat"]
    tap(qtbot, sell, "COF")
    tap(qtbot, sell, "TEA")
    assert shown_lines(sell) == ["2 x Coffee    600 sat", "1 x Tea    250 sat"]
    assert sell.basket.total_label.text() == "Total: 850 sat"


def test_plus_minus_remove_and_clear(qtbot, sell):
    tap(qtbot, sell, "COF")
    tap(qtbot, sell, "CAKE")
    basket = sell.basket
    basket.list.setCurrentRow(0)
    qtbot.mouseClick(basket.plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(basket.plus, Qt.MouseButton.LeftButton)
    assert shown_lines(sell)[0] == "3 x Coffee    900 sat"
    qtbot.mouseClick(basket.minus, Qt.MouseButton.LeftButton)
    assert shown_lines(sell)[0] == "2 x Coffee    600 sat"
    qtbot.mouseClick(basket.minus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(basket.minus, Qt.MouseButton.LeftButton)  # not below one
    assert shown_lines(sell)[0] == "1 x Coffee    300 sat"
    qtbot.mouseClick(basket.remove, Qt.MouseButton.LeftButton)
    assert shown_lines(sell) == ["1 x Cake    420 sat"]
    qtbot.mouseClick(basket.clear_button, Qt.MouseButton.LeftButton)
    assert shown_lines(sell) == [] and basket.total_label.text() == "Total: 0 sat"
    assert not basket.remove.isEnabled()


def test_the_typed_amount_becomes_a_custom_line(qtbot, sell):
    qtbot.mouseClick(sell.basket.add_amount, Qt.MouseButton.LeftButton)
    assert sell.keypad.error_label.text() == "Type an amount first." and sell.basket.lines == []
    qtbot.keyClicks(sell.keypad, "75")
    qtbot.mouseClick(sell.basket.add_amount, Qt.MouseButton.LeftButton)
    assert shown_lines(sell) == ["1 x Amount    75 sat"]
    assert sell.basket.lines[0].vat_rate == Decimal(19)  # the default rate
    assert sell.keypad.amount_text == ""


def test_charging_the_basket_stores_what_the_preview_showed(qtbot, sell, arun):
    tap(qtbot, sell, "COF")
    tap(qtbot, sell, "COF")
    tap(qtbot, sell, "TEA")
    tap(qtbot, sell, "CAKE")
    qtbot.keyClicks(sell.keypad, "33")
    qtbot.mouseClick(sell.basket.add_amount, Qt.MouseButton.LeftButton)
    preview = sell.basket.preview()
    sale_id = charge_basket(qtbot, sell)
    stored = arun(sell.ui.core.sales.show(sale_id))
    assert stored["total"] == preview["total"] == "1303"
    assert stored["due"] == 1303 and stored["amount"] == "1303"
    assert [(x["name"], x["quantity"], x["gross"], x["vat"]) for x in stored["lines"]] == [
        (x["name"], x["quantity"], x["gross"], x["vat"]) for x in preview["lines"]
    ]
    assert stored["vat"] == preview["vat"]
    assert sell.basket.lines == [] and not sell.basket.isVisible()  # the sale is shown
    qtbot.keyClick(sell.payment, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: sell.on_keypad, timeout=5000)
    assert sell.basket.isVisible()


def test_a_discount_within_the_limit_is_stored(qtbot, sell, arun):
    set_option(arun, sell.ui, "discount.manager_limit_pct", "20")
    tap(qtbot, sell, "CAKE")
    sell.basket.ask_discount()
    dialog = sell.basket.dialog
    dialog.value.setText("10%")
    dialog.reason.setText("regular")
    dialog.accept()
    # The line reads its price before the discount, the discount its own row: they add up.
    assert shown_lines(sell)[0].endswith("    420 sat")
    assert shown_lines(sell)[-1] == "Discount regular: -42"
    assert sell.basket.total_label.text() == "Total: 378 sat"
    sale_id = charge_basket(qtbot, sell)
    stored = arun(sell.ui.core.sales.show(sale_id))
    assert stored["total"] == "378" and stored["discount"]["reason"] == "regular"


def test_a_bad_or_too_large_discount_is_refused_with_a_message(qtbot, sell):
    tap(qtbot, sell, "CAKE")
    assert not sell.basket.set_discount("ten")
    assert sell.basket.error.text() and sell.basket.discount is None
    assert not sell.basket.set_discount("500")  # more than the basket
    assert sell.basket.error.text() and sell.basket.discount is None
    assert sell.basket.total_label.text() == "Total: 420 sat"


def test_a_line_discount_comes_off_its_line_and_is_stored_as_previewed(qtbot, sell, arun):
    set_option(arun, sell.ui, "discount.manager_limit_pct", "50")
    tap(qtbot, sell, "COF")
    tap(qtbot, sell, "CAKE")
    assert not sell.basket.line_discount_button.isEnabled() or sell.basket.lines
    sell.basket.list.setCurrentRow(1)  # the cake
    sell.basket.ask_line_discount()
    dialog = sell.basket.dialog
    assert "Cake" in dialog.windowTitle()
    dialog.value.setText("20")
    dialog.reason.setText("day old")
    dialog.accept()
    assert shown_lines(sell)[1] == "1 x Cake    420 sat\n    Discount day old: -20"
    assert sell.basket.total_label.text() == "Total: 700 sat"
    # More of the line keeps its discount (an amount off the line, not per unit).
    sell.basket.list.setCurrentRow(1)
    sell.basket.step(1)
    assert sell.basket.lines[1].discount is not None
    assert sell.basket.total_label.text() == "Total: 1120 sat"
    assert sell.basket.set_discount("10%", "regular")  # the sale's share comes after
    preview = sell.basket.preview()
    sale_id = charge_basket(qtbot, sell)
    stored = arun(sell.ui.core.sales.show(sale_id))
    assert stored["total"] == preview["total"] == "1008"
    assert [ln["line_discount"] for ln in stored["lines"]] == [
        ln["line_discount"] for ln in preview["lines"]
    ]
    assert stored["lines"][1]["line_discount"]["amount"] == "20"


def test_a_bad_line_discount_is_refused_and_an_empty_one_removes_it(qtbot, sell):
    tap(qtbot, sell, "TEA")
    assert not sell.basket.set_line_discount(0, "300")  # more than the line
    assert sell.basket.error.text() and sell.basket.lines[0].discount is None
    assert not sell.basket.set_line_discount(0, "ten")
    assert sell.basket.set_line_discount(0, "10%", "friend")
    assert sell.basket.total_label.text() == "Total: 225 sat"
    assert sell.basket.set_line_discount(0, "")
    assert sell.basket.lines[0].discount is None
    assert sell.basket.total_label.text() == "Total: 250 sat"


def pin_dialog(qtbot) -> SignInDialog:
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


@pytest.mark.parametrize("pin", ["4321", "9999"])
def test_a_discount_above_the_limit_needs_a_managers_pin(qtbot, sell, arun, pin):
    ui = sell.ui
    set_option(arun, ui, "discount.manager_limit_pct", "20")
    arun(ui.core.staff.add("olga", "owner", "246810"))
    arun(ui.core.staff.add("mona", "manager", "4321"))
    arun(ui.core.staff.add("carl", "cashier", "1357"))
    ui.user = arun(ui.core.staff.verify("carl", "1357"))
    actor.sign_in("carl")
    try:
        tap(qtbot, sell, "CAKE")
        if pin == "4321":  # the limit looks at a line's own discount as at the sale's
            assert sell.basket.set_line_discount(0, "50%", "staff")
        else:
            assert sell.basket.set_discount("50%", "staff")
        qtbot.keyClick(sell.keypad, Qt.Key.Key_Return)
        dialog = pin_dialog(qtbot)
        assert "above 20" in dialog.findChildren(type(dialog.hint))[0].text()
        dialog.names.setCurrentIndex(dialog.names.findData("mona"))
        dialog.pin.setText(pin)
        dialog.submit()
        if pin == "4321":
            qtbot.waitUntil(lambda: sell.payment.state == "waiting", timeout=10_000)
            stored = arun(ui.core.sales.show(sell.payment.sale_id))
            assert stored["total"] == "210" and stored["staff"] == "mona"
        else:
            qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
            dialog.reject()
            qtbot.waitUntil(lambda: bool(sell.keypad.error_label.text()), timeout=5000)
            assert "manager" in sell.keypad.error_label.text() and sell.on_keypad
            assert sell.basket.total_label.text() == "Total: 210 sat"  # nothing lost
            assert arun(ui.core.sales.list()) == []
    finally:
        actor.sign_in(None)
        ui.user = None


def test_a_shop_without_items_keeps_the_plain_keypad(qtbot, ui, arun):
    set_option(arun, ui, "currency", "sat")
    page = open_sell(qtbot, ui)
    try:
        assert not page.basket.isVisible() and not page.basket.has_items
        qtbot.keyClick(page.keypad, Qt.Key.Key_Return)
        assert page.keypad.error_label.text() == "Type an amount first."
        qtbot.keyClicks(page.keypad, "21")
        qtbot.keyClick(page.keypad, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.payment.state == "waiting", timeout=10_000)
        stored = arun(ui.core.sales.show(page.payment.sale_id))
        assert stored["amount"] == "21" and stored["lines"] == []
    finally:
        page.shutdown()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


@pytest.fixture
def tipping(qtbot, shop, arun) -> Iterator[SellPage]:
    set_option(arun, shop, "tips.enabled", "true")
    set_option(arun, shop, "tips.presets", "10, 15")
    set_option(arun, shop, "display.customer_screen", "0")
    page = open_sell(qtbot, shop)
    qtbot.waitUntil(lambda: page.basket.has_items and page.customer is not None, timeout=5000)
    yield page
    page.shutdown()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def ask_tip(qtbot, page: SellPage) -> None:
    tap(qtbot, page, "CAKE")
    tap(qtbot, page, "TEA")  # 670 sat
    assert page.customer.state == "basket"
    assert "1 x Cake" in page.customer.lines.text() and page.customer.amount.text()
    qtbot.keyClick(page.keypad, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.tips and page.customer.state == "tip"


def test_a_tip_preset_tapped_on_the_customer_display_is_added_to_what_is_due(qtbot, tipping, arun):
    ask_tip(qtbot, tipping)
    keys = tipping.customer.tips.presets
    assert [b.text() for b in keys.values()] == ["10%\n67 sat", "15%\n101 sat"]
    assert list(tipping.tips.presets) == ["10%", "15%"]  # the cashier's copy too
    qtbot.mouseClick(keys["15%"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tipping.payment.state == "waiting", timeout=10_000)
    stored = arun(tipping.ui.core.sales.show(tipping.payment.sale_id))
    assert stored["total"] == "670" and stored["amount"] == "670"  # the tip stays apart
    assert stored["tip"]["amount"] == "101" and stored["tip"]["sat"] == 101
    assert stored["due"] == 771
    assert tipping.customer.state == "waiting" and tipping.customer.qr.text


def test_no_tip_and_other_amount_on_the_cashiers_screen(qtbot, tipping, arun):
    ask_tip(qtbot, tipping)
    qtbot.mouseClick(tipping.tips.no_tip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tipping.payment.state == "waiting", timeout=10_000)
    stored = arun(tipping.ui.core.sales.show(tipping.payment.sale_id))
    assert stored["tip"]["amount"] == "0" and stored["due"] == 670
    qtbot.keyClick(tipping.payment, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tipping.on_keypad, timeout=5000)

    ask_tip(qtbot, tipping)
    tipping.tips.other.setText("30")
    qtbot.mouseClick(tipping.tips.other_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tipping.payment.state == "waiting", timeout=10_000)
    stored = arun(tipping.ui.core.sales.show(tipping.payment.sale_id))
    assert stored["tip"]["amount"] == "30" and stored["due"] == 700


def test_an_expired_basket_sale_is_renewed_with_its_lines_and_tip(qtbot, tipping, arun):
    ask_tip(qtbot, tipping)
    qtbot.mouseClick(tipping.tips.presets["10%"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tipping.payment.state == "waiting", timeout=10_000)
    first = tipping.payment.sale_id
    old = arun(tipping.ui.core.sales.show(first))
    tipping.payment.renew.emit(str(old["amount"]), "")  # what Enter on an expired sale does
    qtbot.waitUntil(lambda: tipping.payment.sale_id not in (None, first), timeout=10_000)
    qtbot.waitUntil(lambda: tipping.payment.state == "waiting", timeout=10_000)
    new = arun(tipping.ui.core.sales.show(tipping.payment.sale_id))
    assert [x["name"] for x in new["lines"]] == ["Cake", "Tea"]
    assert new["tip"] == old["tip"] and new["due"] == old["due"] == 737
    assert tipping.basket.lines == []


def test_back_from_the_tip_choice_keeps_the_basket(qtbot, tipping, arun):
    ask_tip(qtbot, tipping)
    qtbot.mouseClick(tipping.tips.back, Qt.MouseButton.LeftButton)
    assert tipping.on_keypad and len(tipping.basket.lines) == 2
    assert tipping.customer.state == "basket"
    assert arun(tipping.ui.core.sales.list()) == []


def test_the_window_with_quick_keys_and_a_basket_still_fits_a_small_till(qtbot, shop, arun):
    from pos_app.ui.main_window import MainWindow

    for n in range(30):  # many keys and long names scroll instead of widening
        arun(shop.core.items.add(sku=f"X{n}", name=f"A rather long item name {n}", price="5"))
    win = MainWindow(shop)
    qtbot.addWidget(win)
    win.show()
    sell = win.page(SellPage)
    qtbot.waitUntil(lambda: len(sell.basket.keys) == 33, timeout=10_000)
    for _ in range(12):
        tap(qtbot, sell, "X3")
    tap(qtbot, sell, "CAKE")
    assert sell.basket.isVisible()
    assert win.minimumSizeHint().width() <= 1024, win.minimumSizeHint()
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_screenshots_of_the_basket_and_the_tip_choice(qtbot, tipping, tmp_path):
    out = screenshots_dir(tmp_path) / "sell"
    out.mkdir(parents=True, exist_ok=True)
    tipping.resize(1130, 760)
    for sku in ("COF", "COF", "TEA", "CAKE"):
        tap(qtbot, tipping, sku)
    assert tipping.basket.set_line_discount(2, "50", "spilt")
    assert tipping.basket.set_discount("10%", "regular")
    shots = []
    for scheme in SCHEMES:
        with themed(scheme):
            shots.append(save(tipping, out / f"{scheme}-basket.png"))
            shots.append(save(tipping.customer, out / f"{scheme}-customer-basket.png"))
    qtbot.keyClick(tipping.keypad, Qt.Key.Key_Return)
    assert tipping.stack.currentWidget() is tipping.tips
    for scheme in SCHEMES:
        with themed(scheme):
            shots.append(save(tipping, out / f"{scheme}-tip-choice.png"))
            shots.append(save(tipping.customer, out / f"{scheme}-customer-tip.png"))
    tipping.customer.tips.pad_button.click()
    tipping.customer.tips.pad.press("2")
    for scheme in SCHEMES:
        with themed(scheme):
            shots.append(save(tipping.customer, out / f"{scheme}-customer-tip-other.png"))
    assert all(p.stat().st_size > 1000 for p in shots)


def test_other_amount_typed_on_the_customer_display_keys(qtbot, tipping, arun):
    ask_tip(qtbot, tipping)
    chooser = tipping.customer.tips
    assert not tipping.tips.pad_button.isVisible()  # the cashier types into a field
    assert chooser.pad_button.isVisible() and not chooser.pad.isVisible()
    qtbot.mouseClick(chooser.pad_button, Qt.MouseButton.LeftButton)
    pad = chooser.pad
    assert pad.isVisible() and not pad.ok.isEnabled()
    assert not pad.keys["."].isEnabled()  # a sat shop: whole sat only
    for key in ("4", "0", "\u232b", "5"):
        qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)
    assert pad.shown.text() == "45 sat"
    qtbot.mouseClick(pad.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tipping.payment.state == "waiting", timeout=10_000)
    stored = arun(tipping.ui.core.sales.show(tipping.payment.sale_id))
    assert stored["tip"]["amount"] == "45" and stored["due"] == 715


def test_cancel_on_the_customer_tip_keys_goes_back_to_the_presets(qtbot, tipping):
    ask_tip(qtbot, tipping)
    chooser = tipping.customer.tips
    qtbot.mouseClick(chooser.pad_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chooser.pad.keys["7"], Qt.MouseButton.LeftButton)
    cancel = next(b for b in chooser.pad.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not chooser.pad.isVisible() and chooser.pad_button.isVisible()
    assert tipping.stack.currentWidget() is tipping.tips  # still choosing, nothing charged
    qtbot.mouseClick(chooser.no_tip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tipping.payment.state == "waiting", timeout=10_000)


@pytest.fixture
def euro_shop(ui, arun):
    set_option(arun, ui, "rate.fixed", "100000")  # 1 sat = 0.001 EUR
    set_option(arun, ui, "currency", "EUR")
    set_option(arun, ui, "vat.rates", "19, 7")
    arun(ui.core.items.add(sku="COF", name="Coffee", price="3.50", vat_rate="7"))
    arun(ui.core.items.add(sku="BAR", name="Lightning bar", price="1500", unit="sat"))
    return ui


def test_a_euro_basket_with_an_item_priced_in_sat_is_charged_as_previewed(qtbot, euro_shop, arun):
    page = open_sell(qtbot, euro_shop)
    try:
        qtbot.waitUntil(lambda: "BAR" in page.basket.keys, timeout=5000)
        assert page.basket.keys["BAR"].text() == "Lightning bar\n1500 sat"
        assert page.basket.keys["COF"].text() == "Coffee\n3.50 EUR"
        tap(qtbot, page, "COF")
        tap(qtbot, page, "BAR")
        tap(qtbot, page, "BAR")
        assert shown_lines(page)[1] == "2 x Lightning bar    3.00 EUR"  # 1500 sat = 1.50 EUR
        assert page.basket.set_line_discount(0, "0.50", "loyalty")
        assert page.basket.set_discount("10%", "regular")
        preview = page.basket.preview()
        assert page.basket.total_label.text() == f"Total: {preview['total']} EUR"
        sale_id = charge_basket(qtbot, page)
        stored = arun(euro_shop.core.sales.show(sale_id))
        assert (stored["total"], stored["currency"]) == (preview["total"], "EUR") == ("5.40", "EUR")
        assert [(x["name"], x["gross"]) for x in stored["lines"]] == [
            (x["name"], x["gross"]) for x in preview["lines"]
        ]
        assert stored["vat"] == preview["vat"]
        assert stored["due"] == 5400  # sat at the locked rate
    finally:
        page.shutdown()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_without_a_rate_an_item_priced_in_sat_waits_for_one(qtbot, euro_shop, arun):
    dead_source = [{"url": "http://127.0.0.1:9/ticker", "path": "bitcoin.eur"}]  # refuses
    config = euro_shop.core.config
    arun(
        euro_shop.core.db.run(
            lambda s: config.set_many(s, {"rate.sources": dead_source, "rate.fixed": "0"})
        )
    )
    page = open_sell(qtbot, euro_shop)
    try:
        qtbot.waitUntil(lambda: "COF" in page.basket.keys, timeout=10_000)
        assert "BAR" not in page.basket.keys  # its price is not known without a rate
    finally:
        page.shutdown()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
