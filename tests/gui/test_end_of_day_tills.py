"""End of day on one of several tills: "This till" or "Whole shop", shown only then.

The shop's shared PostgreSQL store is tested in tests/integration/test_z_per_till.py;
here the till's database is stamped with a till id as a shared store's is
(``Database.stamp_till``), which is all the dialog and the reports look at.
"""

from __future__ import annotations

import pytest

from pos_app.core.store.schema import Till
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.end_of_day import EndOfDayDialog
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

pytestmark = pytest.mark.gui

TILL_ID = "7d0c2f4e-0000-4000-8000-000000000002"


@pytest.fixture
def mint():
    return FakeMint()


@pytest.fixture
def shop(tmp_path, monkeypatch, arun, mint):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    app = open_shop(tmp_path / "shop", mint)
    arun(app.mints.add(mint.url))
    yield app
    arun(app.aclose())


@pytest.fixture
def shop_ui(shop, qtbot):
    bridge = CoreBridge(shop.bus)
    yield UiContext(shop, bridge)
    bridge.detach()


def sell(arun, shop, mint, amount):
    sale = arun(shop.sales.new_sale(str(amount), "sat"))
    return arun(shop.sales.pay(sale["sale_id"], mint.token(amount)))


def test_a_single_till_shows_no_choice(shop_ui, qtbot):
    dialog = EndOfDayDialog(shop_ui)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15_000)
    assert not dialog.scope_choice.isVisibleTo(dialog)
    assert "this till's sales" not in dialog.view.toPlainText()


def test_one_of_several_tills_closes_its_own_day_or_the_whole_shops(
    shop, shop_ui, mint, arun, qtbot
):
    sell(arun, shop, mint, 21)  # before the shop had tills: the shop's, no till's
    shop.db.transact(lambda s: s.add(Till(id=TILL_ID, name="Counter 2")))
    shop.db.stamp_till(TILL_ID)
    sell(arun, shop, mint, 13)
    dialog = EndOfDayDialog(shop_ui)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15_000)
    assert dialog.scope_choice.isVisibleTo(dialog) and dialog.scope() == "till"
    shown = dialog.view.toPlainText()
    assert "this till's sales" in shown and "Counter 2" in shown
    assert "13 sat" in shown and "34 sat" not in shown and "Ecash drawer" not in shown

    dialog.close_day()
    qtbot.waitUntil(lambda: dialog.reports.count() == 1, timeout=15_000)
    assert dialog.report["scope"] == "till" and dialog.report["figures"]["sales"] == 1

    dialog.scope_choice.setCurrentIndex(1)  # Whole shop
    qtbot.waitUntil(
        lambda: dialog.report is not None and dialog.report.get("scope") == "shop",
        timeout=15_000,
    )
    shown = dialog.view.toPlainText()
    assert "Shop X report" in shown and "34 sat" in shown and "Ecash drawer" in shown
    assert "By till" in shown and "(before the shop had tills)" in shown
    qtbot.waitUntil(lambda: dialog.reports.count() == 0, timeout=15_000)  # no shop Z yet

    dialog.ask_close()
    assert "whole shop" in dialog.confirm_box.text()
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.reports.count() == 1, timeout=15_000)
    assert (dialog.report["kind"], dialog.report["number"]) == ("Z", 1)
    assert dialog.report["figures"]["sales"] == 2
    assert "Shop Z report 1" in dialog.view.toPlainText()
    till_reports = arun(shop.reports.z_reports("till"))
    assert [(r["number"], r["sales"]) for r in till_reports] == [(1, 1)]
