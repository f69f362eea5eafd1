"""Training mode's customer wallet on screen, paying the till through the virtual camera.

The training mint is the real pinned nutshell (``.venv-mint``), started as the app starts
it; the till is the Sell page on the training wallet; the customer's QR codes reach the
scanner through the virtual camera, so capture, decode, BC-UR assembly and checkout all
run as with a phone in front of a webcam.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from pos_app.app import App
from pos_app.training import start_training
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.customer_wallet import CustomerWalletWindow
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.scanner import virtual
from pos_app.ui.tasks import running_tasks
from tests.gui.conftest import screenshots_dir
from tests.support.sell_page import charge, show_sell_page
from tests.support.testmint import MINT_VENV, mint_venv_ready

pytestmark = [
    pytest.mark.gui,
    pytest.mark.mint,
    pytest.mark.skipif(not mint_venv_ready(), reason="needs `make mint-venv`"),
]


@pytest.fixture
def training(tmp_path, monkeypatch, qloop, arun) -> Iterator[UiContext]:
    for key in ("POS_DATA_DIR", "POS_DB_KEY", "POS_DB_PASSPHRASE"):
        monkeypatch.setenv(key, "the shop's, given back after the test")
    monkeypatch.setenv("POS_TRAINING_MINT_PYTHON", str(MINT_VENV / "bin" / "python"))
    env, _url, _info = arun(start_training(tmp_path), timeout=90_000)
    core = App.open(env.data_dir, trust_env=False)
    bridge = CoreBridge(core.bus)
    try:
        yield UiContext(core, bridge, training_env=env)
    finally:
        bridge.detach()
        arun(core.aclose())
        env.stop_mint()
        env.deactivate()


@pytest.fixture
def till(training, qtbot) -> Iterator[tuple[SellPage, CustomerWalletWindow]]:
    page = show_sell_page(qtbot, training, (1024, 700))
    wallet = CustomerWalletWindow(training, page.open_sale)
    qtbot.addWidget(wallet)
    wallet.show()
    yield page, wallet
    wallet.close()
    page.shutdown()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=90_000)


def test_an_animated_payment_through_the_virtual_camera_then_a_refused_double_spend(
    till, training, qtbot, arun, tmp_path
):
    page, wallet = till
    assert arun(training.camera_source()) == "virtual:customer-wallet"
    assert "No sale at the till" in wallet.asked.text() and not wallet.pay_button.isEnabled()

    sale_id = charge(qtbot, page, "21")
    qtbot.waitUntil(lambda: wallet.animated_button.isEnabled(), timeout=5000)
    assert wallet.asked.text() == "The till asks for 21 sat."
    assert page.payment.scan.worker.source == "virtual:customer-wallet"
    wallet.animated_button.click()
    qtbot.waitUntil(lambda: wallet.qr.animated, timeout=30_000)  # BC-UR parts, a phone's pace
    shots = screenshots_dir(tmp_path) / "training"
    shots.mkdir(parents=True, exist_ok=True)
    wallet.grab().save(str(shots / "customer_wallet_animated.png"))
    qtbot.waitUntil(lambda: page.payment.state == "paid", timeout=60_000)
    sale = arun(training.core.sales.show(sale_id))
    assert sale["paid"] == 21 and [p["state"] for p in sale["payments"]] == ["settled"]
    assert wallet.camera.pictures > 0 and page.payment.scan.camera.frames_shown > 0
    # Taken: the phone stops showing it, or the next sale would read it again.
    qtbot.waitUntil(lambda: wallet.qr.text == "", timeout=5000)
    QGuiApplication.clipboard().clear()
    wallet.copy_button.click()
    assert QGuiApplication.clipboard().text() == wallet.token.strip()

    # The same token again, at the next sale: the till's real refusal.
    qtbot.keyClick(page.payment, Qt.Key.Key_Return)
    second = charge(qtbot, page, "21")
    qtbot.waitUntil(lambda: wallet.again_button.isEnabled(), timeout=5000)
    wallet.again_button.click()
    qtbot.waitUntil(lambda: page.payment.state == "refused", timeout=60_000)
    assert page.payment.status.title.text() == "Already spent"
    assert arun(training.core.sales.show(second))["state"] == "open"


def test_a_token_from_an_unknown_mint_and_one_too_small_are_refused(till, training, qtbot, arun):
    page, wallet = till
    arun(training.core.settings.set("display.customer_screen", 0))
    page.reload_settings()
    qtbot.waitUntil(lambda: page.customer is not None, timeout=5000)
    assert page.customer.training  # the customer's screen says TRAINING too
    sale_id = charge(qtbot, page, "13")
    qtbot.waitUntil(lambda: wallet.foreign_button.isEnabled(), timeout=5000)
    wallet.foreign_button.click()
    qtbot.waitUntil(lambda: page.payment.state == "refused", timeout=60_000)
    assert page.payment.status.title.text() == "Mint not accepted"
    wallet.short_button.click()
    qtbot.waitUntil(lambda: page.payment.state == "partial", timeout=60_000)
    sale = arun(training.core.sales.show(sale_id))
    assert (sale["paid"], sale["state"]) == (12, "partially_paid")


def test_the_mint_down_for_a_while_then_the_kept_token_is_redeemed(till, training, qtbot, arun):
    page, wallet = till
    wallet.down_seconds = 3.0
    sale_id = charge(qtbot, page, "8")
    qtbot.waitUntil(lambda: wallet.mint_down_button.isEnabled(), timeout=5000)
    wallet.mint_down_button.click()  # the customer pays, then the mint stops
    qtbot.waitUntil(lambda: page.payment.state == "offline", timeout=60_000)
    assert training.training_env.mint is not None and not training.training_env.mint.running
    assert page.payment.status.title.text() == "Not confirmed: mint offline"
    qtbot.waitUntil(lambda: wallet.mint_back_at is None, timeout=60_000)
    assert training.training_env.mint.running and "back" in wallet.status.text()
    outcomes = arun(training.core.wallet.recovery.run_all(), timeout=60_000)
    assert [o.state for o in outcomes] == ["recovered"]
    qtbot.waitUntil(lambda: page.payment.state == "paid", timeout=10_000)
    assert arun(training.core.sales.show(sale_id))["paid"] == 8


def test_closing_the_customer_wallet_gives_the_till_its_camera_back(training, qtbot, arun):
    wallet = CustomerWalletWindow(training, lambda: None)
    qtbot.addWidget(wallet)
    assert virtual.find("virtual:customer-wallet") is wallet.camera
    wallet.to_till.setChecked(False)  # a real webcam pointed at a phone
    assert arun(training.camera_source()) == "0"
    wallet.to_till.setChecked(True)
    wallet.close()
    assert virtual.find("virtual:customer-wallet") is None
    assert arun(training.camera_source()) == "0"
