"""The setup wizard checks what needs the network while it is typed: the rate, the Lightning address.

Real checks (the app's own rate service and LNURL-pay client) against local servers on
127.0.0.1; nothing reaches the internet.
"""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QObject

from pos_app.core.payments.lnurl import LightningAddress
from pos_app.core.payments.rates import RateService
from pos_app.ui.dialogs.setup_wizard import SetupWizard
from pos_app.ui.widgets.live_check import LiveCheck
from tests.support.lnurlserver import LnurlServer
from tests.support.rateserver import RateServer

pytestmark = pytest.mark.gui


async def lightning(address: str):
    service = LightningAddress(None, address, trust_env=False)
    try:
        return await service.params()
    finally:
        await service.aclose()


@pytest.fixture
def servers():
    with RateServer() as rates, LnurlServer(min_sendable=10_000, max_sendable=5_000_000) as ln:
        yield rates, ln


@pytest.fixture
def wizard(qtbot, qloop, tmp_path, servers, arun):
    rates, _ln = servers
    source = {
        "url": rates.set("/eur", {"data": {"rates": {"EUR": "61234.5"}}}),
        "path": "data.rates.EUR",
        "currency": "EUR",
    }
    broken = {"url": rates.fail("/usd", "500"), "path": "x", "currency": "USD"}
    service = RateService(None, [source, broken], None, 60, trust_env=False)
    made = SetupWizard(
        tmp_path / "wallet",
        lambda url: None,
        keyring_available=False,
        env_key=False,
        rate=service.rate,
        lightning=lightning,
    )
    qtbot.addWidget(made)
    made.show()
    yield made
    arun(service.aclose())


def test_the_rate_of_the_chosen_currency_is_shown_live(wizard, qtbot):
    shop = wizard.shop
    wizard.show_page(shop)
    assert shop.rate_label.text() == ""  # sat needs no rate
    shop.currency.setCurrentIndex(shop.currency.findData("EUR"))
    qtbot.waitUntil(lambda: "61,234.50 EUR" in shop.rate_label.text(), timeout=10_000)
    assert "127.0.0.1" in shop.rate_label.text() and shop.rate.btc_price == 61234.5
    shop.currency.setCurrentIndex(shop.currency.findData("USD"))
    qtbot.waitUntil(lambda: "No USD rate now" in shop.rate_label.text(), timeout=10_000)
    assert shop.rate is None and wizard.next_button.isEnabled()  # said, not blocking
    shop.currency.setCurrentIndex(shop.currency.findData("sat"))
    assert shop.rate_label.text() == ""


def test_a_lightning_address_is_needed_checked_and_kept_when_going_back(wizard, servers, qtbot):
    _rates, ln = servers
    wizard.show_page(wizard.payments)
    wizard.payments.modes.button(2).setChecked(True)  # pay everything out to Lightning
    wizard.go_next()
    page = wizard.lightning
    assert wizard.page is page and "needed" in page.need.text()
    assert not wizard.next_button.isEnabled()  # empty, and the mode pays out to it

    page.address.setText("nobody@127.0.0.1:9")
    page.address.textEdited.emit("nobody@127.0.0.1:9")
    qtbot.waitUntil(lambda: page.status.property("role") == "error", timeout=10_000)
    assert page.status.text() and not wizard.next_button.isEnabled()

    page.address.setText("not an address")
    page.address.textEdited.emit("not an address")
    qtbot.waitUntil(lambda: "Checking" not in page.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: page.status.property("role") == "error", timeout=10_000)
    assert not wizard.next_button.isEnabled()

    good = ln.address("shop")
    page.address.setText(good)
    page.address.textEdited.emit(good)
    qtbot.waitUntil(wizard.next_button.isEnabled, timeout=10_000)
    assert "from 10 to 5,000 sat" in page.status.text()

    wizard.go_back()
    assert wizard.page is wizard.payments
    wizard.go_next()
    assert page.address.text() == good and wizard.next_button.isEnabled()  # Back lost nothing
    assert page.settings() == {"lightning.address": good}
    wizard.show_page(wizard.summary)
    summary = wizard.summary.summary.text()
    assert f"Lightning address: {good} (10 to 5,000 sat)" in summary


def test_keeping_ecash_makes_the_address_optional(wizard):
    wizard.show_page(wizard.payments)
    wizard.go_next()
    assert wizard.page is wizard.lightning and "Optional" in wizard.lightning.need.text()
    assert wizard.next_button.isEnabled() and wizard.lightning.settings() == {}


def test_only_the_newest_answer_counts(qtbot, qloop):
    async def slow_then_fast(value: str) -> str:
        await asyncio.sleep(0.3 if value == "old" else 0.0)
        return value.upper()

    owner = QObject()
    live = LiveCheck(slow_then_fast, delay_ms=0, parent=owner)
    heard = []
    live.passed.connect(lambda value, answer: heard.append((value, answer)))
    live.now("old")
    live.now("new")
    qtbot.wait(500)
    assert heard == [("new", "NEW")]
