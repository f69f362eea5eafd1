"""The Wallet page's withdrawals on two fake mints: off without an address, the amounts per
mint and the address shown before anything is paid, one mint or all, the history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.models.sale_format import sats
from pos_app.ui.pages.wallet import WalletPage
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.lnurlserver import LnurlServer

pytestmark = [pytest.mark.gui]

FUND = (512, 256, 128, 64, 32, 8)
A, B = "http://a.test", "http://b.test"
MELT = "/v1/melt/bolt11"


@pytest.fixture
def lnurl():
    with LnurlServer(settle="auto", hash="zero") as server:
        yield server


@pytest.fixture
def mints():
    made = {url: FakeMint(url, name=url) for url in (A, B)}
    for mint in made.values():
        mint.pay_any_invoice(fee_reserve=10, fee_paid=3)
    return made


@pytest.fixture
def shop(tmp_path, monkeypatch, arun, mints):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    app = open_shop(tmp_path / "shop", *mints.values())
    for mint in mints.values():
        arun(app.mints.add(mint.url))
        for amount in FUND:
            arun(app.wallet.receive(mint.token(amount)))
    yield app
    arun(app.aclose())


@pytest.fixture
def page(shop, qtbot):
    bridge = CoreBridge(shop.bus)
    p = WalletPage(UiContext(shop, bridge))
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    p.histories.setCurrentWidget(p.withdrawals)
    yield p
    p.shutdown()
    bridge.detach()


def load(page, qtbot):
    with qtbot.waitSignal(page.withdrawals.loaded, timeout=5000):
        page.activated()


def with_address(page, shop, arun, qtbot, lnurl):
    arun(shop.settings.set("lightning.address", lnurl.address()))
    load(page, qtbot)
    assert page.withdrawals.withdraw_button.isEnabled()


def open_dialog(page, qtbot):
    dialog = page.withdrawals.open_withdraw()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    return dialog


def pay(dialog, qtbot):
    with qtbot.waitSignal(dialog.withdrawn, timeout=10_000) as done:
        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_without_a_lightning_address_the_action_is_off_and_says_why(page, shop, qtbot, lnurl):
    load(page, qtbot)
    w = page.withdrawals
    assert not w.withdraw_button.isEnabled()
    assert w.reason.text() == (
        "No Lightning address is set: set the shop's Lightning address in Settings to withdraw."
    )
    assert w.open_withdraw() is None
    assert w.empty.isVisible() and not w.table.isVisible()
    # Saved on the Settings page: the action follows at once.
    page.ui.bridge.settings_saved.emit({"lightning.address": lnurl.address()})
    assert w.withdraw_button.isEnabled()
    assert w.reason.text() == f"To {lnurl.address()}"


def test_all_mints_shows_each_amount_and_the_address_before_paying(
    page, shop, arun, qtbot, lnurl, mints
):
    with_address(page, shop, arun, qtbot, lnurl)
    dialog = open_dialog(page, qtbot)
    assert dialog.address.text() == lnurl.address()
    assert dialog.chooser.currentText() == "All mints (2)"
    assert dialog.rows_text() == [
        ("a.test", sats(1000), "950 sat", ""),
        ("b.test", sats(1000), "950 sat", ""),
    ]
    assert dialog.pay_button.text() == f"Pay out {sats(1900)} from 2 mints"
    assert f"About {sats(1900)} in all will be paid to {lnurl.address()}" in dialog.note.text()
    # Shown, not paid: no invoice, no quote, no melt yet.
    assert lnurl.invoices() == []
    assert all(not m.requests("/v1/melt/quote/bolt11") for m in mints.values())

    result = pay(dialog, qtbot)
    assert (result.paid, result.fees) == (1900, 6)
    assert dialog.outcome.text().splitlines() == [
        "a.test: 950 sat paid (fee 3 sat).",
        "b.test: 950 sat paid (fee 3 sat).",
        f"In all: {sats(1900)} paid, fees 6 sat.",
    ]
    assert not dialog.pay_button.isEnabled()  # one payout per opening
    w = page.withdrawals
    paid = [
        ("a.test", "950 sat", "3 sat", "Paid", "Preimage checked"),
        ("b.test", "950 sat", "3 sat", "Paid", "Preimage checked"),
    ]
    qtbot.waitUntil(lambda: sorted(r[1:] for r in w.rows_text()) == paid, timeout=5000)
    assert w.table.item(0, 5).toolTip() == "Preimage: " + "00" * 32
    assert arun(shop.wallet.balance())["total"] == {"sat": 2 * (1000 - 953)}
    dialog.close()


def test_one_mint_chosen_pays_only_that_mint(page, shop, arun, qtbot, lnurl, mints):
    with_address(page, shop, arun, qtbot, lnurl)
    dialog = open_dialog(page, qtbot)
    dialog.chooser.setCurrentIndex(dialog.chooser.findData(B))
    assert dialog.rows_text() == [("b.test", sats(1000), "950 sat", "")]
    assert dialog.pay_button.text() == "Pay out 950 sat"
    result = pay(dialog, qtbot)
    assert (result.mint, result.state, result.amount) == (B, "paid", 950)
    assert dialog.outcome.text() == "b.test: 950 sat paid (fee 3 sat)."
    assert not mints[A].requests("/v1/melt/quote/bolt11")
    qtbot.waitUntil(lambda: len(page.withdrawals.rows_text()) == 1, timeout=5000)
    assert page.withdrawals.rows_text()[0][1] == "b.test"
    dialog.close()


def test_a_refused_mint_is_said_and_the_other_still_pays(page, shop, arun, qtbot, lnurl, mints):
    mints[A].pay_any_invoice(fee_reserve=50, fee_paid=50)  # over the 2 % fee cap
    with_address(page, shop, arun, qtbot, lnurl)
    dialog = open_dialog(page, qtbot)
    result = pay(dialog, qtbot)
    assert [(r.mint, r.state) for r in result.results] == [(A, "refused"), (B, "paid")]
    lines = dialog.outcome.text().splitlines()
    assert lines[0].startswith("a.test: not paid. Withdrawing 950 sat from this mint could cost")
    assert lines[1:] == ["b.test: 950 sat paid (fee 3 sat).", "In all: 950 sat paid, fees 3 sat."]
    assert arun(shop.wallet.balance())["balances"][0]["amount"] == 1000  # A untouched


def test_a_single_mint_refused_says_why_and_pays_nothing(page, shop, arun, qtbot, lnurl, mints):
    mints[A].pay_any_invoice(fee_reserve=50, fee_paid=50)
    with_address(page, shop, arun, qtbot, lnurl)
    dialog = open_dialog(page, qtbot)
    dialog.chooser.setCurrentIndex(dialog.chooser.findData(A))
    result = pay(dialog, qtbot)
    assert (result.mint, result.state, result.error.code) == (A, "refused", "withdraw.fee_too_high")
    assert dialog.outcome.text().startswith("a.test: not paid. Withdrawing 950 sat")
    assert dialog.outcome.text().endswith("Nothing was paid.")
    assert dialog.close_button.isEnabled()
    assert arun(shop.wallet.balance())["total"] == {"sat": 2000}


def test_an_address_that_cannot_be_read_pays_nothing_and_says_why(page, shop, arun, qtbot, lnurl):
    with_address(page, shop, arun, qtbot, lnurl)
    arun(shop.settings.set("lightning.address", "shop@127.0.0.1:9"))  # nothing listens
    dialog = page.withdrawals.open_withdraw()
    with qtbot.waitSignal(dialog.failed, timeout=15_000) as failed:
        pass
    assert failed.args[0].code.startswith("lightning.")
    assert dialog.note.text() == "Nothing was paid." and dialog.outcome.text()
    assert not dialog.pay_button.isEnabled() and dialog.plan is None
    dialog.close()


def test_mints_the_address_would_refuse_are_shown_and_nothing_can_be_paid(
    page, shop, arun, qtbot, lnurl
):
    lnurl.set_default(min_sendable=2_000_000)
    with_address(page, shop, arun, qtbot, lnurl)
    dialog = open_dialog(page, qtbot)
    assert [r[2:] for r in dialog.rows_text()] == [
        ("—", f"Less than the {sats(2000)} the address accepts"),
        ("—", f"Less than the {sats(2000)} the address accepts"),
    ]
    assert not dialog.pay_button.isEnabled()
    assert dialog.note.text() == "Nothing can be withdrawn from this choice now."
    dialog.close()


def test_the_dialog_stays_open_while_it_pays(page, shop, arun, qtbot, lnurl, mints):
    mints[A].fault("POST", MELT, "delay", delay=0.5)
    with_address(page, shop, arun, qtbot, lnurl)
    dialog = open_dialog(page, qtbot)
    dialog.chooser.setCurrentIndex(dialog.chooser.findData(A))
    with qtbot.waitSignal(dialog.withdrawn, timeout=10_000):
        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and not dialog.close_button.isEnabled()
        dialog.reject()  # Escape or the window's close button
        assert dialog.isVisible()
    assert dialog.close_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()


def test_a_withdrawal_by_the_timer_shows_up_in_the_history(page, shop, arun, qtbot, lnurl):
    arun(
        shop.settings.set_many(
            {"lightning.address": lnurl.address(), "withdraw.auto": True, "withdraw.threshold": 1}
        )
    )
    load(page, qtbot)
    assert page.withdrawals.rows_text() == []
    arun(shop.withdrawals.auto_round())  # its notices make the list read again
    qtbot.waitUntil(lambda: len(page.withdrawals.rows_text()) == 2, timeout=5000)


def test_a_payout_without_a_clear_answer_is_on_its_way_not_refused(
    page, shop, arun, qtbot, lnurl, mints
):
    mints[A].fault("POST", MELT, "drop")
    with_address(page, shop, arun, qtbot, lnurl)
    dialog = open_dialog(page, qtbot)
    result = pay(dialog, qtbot)
    assert [(r.mint, r.state) for r in result.results] == [(A, "pending"), (B, "paid")]
    assert dialog.outcome.text().splitlines()[0] == (
        "a.test: 950 sat on its way; the app checks it and finishes it by itself."
    )
    w = page.withdrawals
    shown = [("a.test", "In progress", "—"), ("b.test", "Paid", "Preimage checked")]
    qtbot.waitUntil(
        lambda: sorted((r[1], r[4], r[5]) for r in w.rows_text()) == shown, timeout=5000
    )
    dialog.close()
