"""End of day window: the X report, closing a Z report after a question, the list, the files."""

from __future__ import annotations

import pytest

from pos_app.core.store.schema import Till
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.end_of_day import EndOfDayDialog
from pos_app.ui.pages.analytics import AnalyticsPage
from tests.gui.conftest import screenshots_dir
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.pdftext import pdf_text

pytestmark = pytest.mark.gui


@pytest.fixture
def mint():
    return FakeMint()


@pytest.fixture
def shop(tmp_path, monkeypatch, arun, mint):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    app = open_shop(tmp_path / "shop", mint)
    arun(app.mints.add(mint.url))
    arun(app.db.run(lambda s: app.config.set_many(s, {"shop.name": "Corner Cafe"})))
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


def test_the_day_is_closed_after_a_question_and_listed(shop, shop_ui, mint, arun, qtbot, tmp_path):
    sell(arun, shop, mint, 21)
    sell(arun, shop, mint, 13)
    page = AnalyticsPage(shop_ui)
    qtbot.addWidget(page)
    dialog = page.open_end_of_day()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15_000)
    assert dialog.report["kind"] == "X"
    shown = dialog.view.toPlainText()
    assert "X report" in shown and "34 sat" in shown and "Held by the wallet now" in shown
    assert dialog.reports.count() == 0

    dialog.ask_close()  # a question first: cancel closes nothing
    box = dialog.confirm_box
    cancel = next(b for b in box.buttons() if b is not dialog.confirm)
    cancel.click()
    qtbot.wait(200)
    assert arun(shop.reports.z_reports()) == []

    dialog.ask_close()
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.reports.count() == 1, timeout=15_000)
    assert dialog.report["kind"] == "Z" and dialog.report["number"] == 1
    assert dialog.reports.item(0).text().startswith("Z 1 ")
    assert "2 sales" in dialog.reports.item(0).text()
    assert "is closed" in dialog.status.text()
    dialog.grab().save(str(screenshots_dir(tmp_path) / "end-of-day.png"))

    dialog.close_day()  # nothing new: nothing closed
    qtbot.waitUntil(lambda: "nothing was closed" in dialog.status.text(), timeout=15_000)
    assert len(arun(shop.reports.z_reports())) == 1

    out = tmp_path / "z1.pdf"
    dialog.save_to("pdf", out)
    qtbot.waitUntil(lambda: "Saved to" in dialog.status.text(), timeout=15_000)
    assert "Corner Cafe - Z report 1" in pdf_text(out)

    dialog.show_x()  # after the close, the X report starts from zero sales
    qtbot.waitUntil(lambda: dialog.report["kind"] == "X", timeout=15_000)
    assert dialog.report["figures"]["sales"] == 0
    assert dialog.report["drawer"][0]["opening"] == 34


def test_choosing_a_z_report_shows_it(shop, shop_ui, mint, arun, qtbot):
    sell(arun, shop, mint, 8)
    arun(shop.reports.close_z())
    sell(arun, shop, mint, 5)
    arun(shop.reports.close_z())
    dialog = EndOfDayDialog(shop_ui)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.reports.count() == 2, timeout=15_000)
    dialog.reports.setCurrentRow(1)  # newest first: row 1 is Z 1
    qtbot.waitUntil(lambda: (dialog.report or {}).get("number") == 1, timeout=15_000)
    assert dialog.report["kind"] == "Z"
    assert "Z report 1" in dialog.view.toPlainText()


def test_end_of_day_screenshots_light_and_dark_and_the_printed_page(
    shop, shop_ui, mint, arun, qtbot, tmp_path
):
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from tests.support.screens_common import SCHEMES, save, themed

    for amount in (1200, 350, 64):
        sell(arun, shop, mint, amount)
    arun(shop.wallet.send(mint.url, "sat", 100))
    report = arun(shop.reports.close_z())
    out = screenshots_dir(tmp_path)
    shots = []
    for scheme in SCHEMES:
        with themed(scheme):
            dialog = EndOfDayDialog(shop_ui)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda d=dialog: d.reports.count() == 1, timeout=15_000)
            dialog.reports.setCurrentRow(0)
            qtbot.waitUntil(lambda d=dialog: (d.report or {}).get("kind") == "Z", timeout=15_000)
            (out / scheme).mkdir(parents=True, exist_ok=True)
            shots.append(save(dialog, out / scheme / "end_of_day_z_report.png"))
            dialog.close()
    pdf = tmp_path / "z.pdf"
    arun(shop.reports.write_z_pdf(report, pdf))
    doc = QPdfDocument()
    doc.load(str(pdf))
    page = out / "z_report_page.png"
    assert doc.render(0, QSize(827, 1169)).save(str(page))
    shots.append(page)
    assert all(p.stat().st_size > 5000 for p in shots)


def test_the_report_speaks_the_shop_language_on_screen_and_on_paper(
    shop, shop_ui, mint, arun, qtbot, qapp, tmp_path, monkeypatch
):
    from pos_app import language
    from pos_app.ui import i18n
    from pos_app.ui.dialogs.end_of_day import report_html

    sell(arun, shop, mint, 42)
    report = arun(shop.reports.close_z())
    monkeypatch.delenv("POS_APP_LANGUAGE", raising=False)
    language.remember(tmp_path, "de")
    try:
        assert i18n.install(qapp, tmp_path) == "de"
        shown = report_html(report)
        assert "Z-Bericht 1" in shown and "Ecash-Kasse: fake-mint.test (sat)" in shown
        assert "Jetzt in der Wallet" in shown and "Bei den Mints geprüft (NUT-07)" in shown
        dialog = EndOfDayDialog(shop_ui)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=15_000)
        out = tmp_path / "z.pdf"
        dialog.report = report
        dialog.save_to("pdf", out)
        qtbot.waitUntil(lambda: out.exists(), timeout=15_000)
        printed = pdf_text(out)
        assert "Corner Cafe - Z-Bericht 1" in printed and "Anfangsbestand" in printed
    finally:
        i18n.uninstall(qapp)
    assert "Ecash drawer: fake-mint.test (sat)" in report_html(report)


def test_closing_an_empty_wallet_says_there_is_nothing_to_close(shop_ui, qtbot):
    dialog = EndOfDayDialog(shop_ui)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15_000)
    dialog.close_day()
    qtbot.waitUntil(lambda: "Nothing to close" in dialog.status.text(), timeout=15_000)
    assert "no sale, payment or wallet change" in dialog.status.text()
    assert dialog.z_button.isEnabled() and dialog.reports.count() == 0


# -- one of several tills: "This till" or "Whole shop", shown only then ------------------
# The shop's shared PostgreSQL store is tested in tests/integration/test_z_per_till.py;
# here the till's database is stamped with a till id as a shared store's is
# (``Database.stamp_till``), which is all the dialog and the reports look at.

TILL_ID = "7d0c2f4e-0000-4000-8000-000000000002"


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
