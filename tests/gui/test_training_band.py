"""Training mode's main window carries a TRAINING band; the shop's never does."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from pos_app.app import App
from pos_app.core.training.environment import TrainingEnvironment
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.main_window import MainWindow
from pos_app.ui.receipt import ShopHeader, build_receipt
from pos_app.ui.tasks import running_tasks

pytestmark = pytest.mark.gui


def show(ui: UiContext, qtbot) -> MainWindow:
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    return win


def close(win: MainWindow, qtbot) -> None:
    win.close()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def test_a_training_wallet_shows_the_band(tmp_path, monkeypatch, qtbot, qloop, arun):
    env = TrainingEnvironment(tmp_path)
    env.prepare()
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())
    core, _ = App.init(env.data_dir, trust_env=False)
    bridge = CoreBridge(core.bus)
    try:
        assert core.training
        win = show(UiContext(core, bridge), qtbot)
        band = win.findChild(QLabel, "training-band")
        assert band is not None and band.isVisible()
        assert "TRAINING" in band.text() and "TRAINING" in win.windowTitle()
        assert win.minimumSizeHint().width() <= 1024
        dialog = QDialog(win)
        dialog.setWindowTitle("Items")
        dialog.show()  # every window of a training till says so, dialogs too
        assert dialog.windowTitle() == "Items - TRAINING"
        dialog.close()
        close(win, qtbot)
        after = QDialog()
        after.setWindowTitle("Items")
        after.show()  # the training till is gone: nothing is marked any more
        assert after.windowTitle() == "Items"
        after.close()
    finally:
        bridge.detach()
        arun(core.aclose())


def test_the_shop_wallet_has_no_band(ui, qtbot, qloop):
    assert not ui.core.training
    win = show(ui, qtbot)
    assert win.findChild(QLabel, "training-band") is None
    assert "TRAINING" not in win.windowTitle()
    dialog = QDialog(win)
    dialog.setWindowTitle("Items")
    dialog.show()
    assert dialog.windowTitle() == "Items"
    dialog.close()
    close(win, qtbot)


SALE = {
    "sale_id": "3f6c2a9e-0000-4000-8000-000000000000",
    "state": "paid",
    "amount": "21",
    "currency": "sat",
    "due": 21,
    "paid": 21,
    "rate": None,
    "fee_advance": 0,
    "memo": None,
    "created_at": 1_764_000_000,
    "paid_at": 1_764_000_042,
    "change_token": None,
    "payments": [{"state": "settled", "fee": 0, "mint": "http://127.0.0.1:3338"}],
}


def test_a_training_receipt_says_it_is_none(qtbot):
    training = build_receipt(SALE, ShopHeader(name="Corner Café", training=True))
    assert training.banner == "TRAINING - NOT A RECEIPT"
    assert training.header[0] == "TRAINING - NOT A RECEIPT"
    assert "TRAINING - NOT A RECEIPT" in training.text()
    real = build_receipt(SALE, ShopHeader(name="Corner Café"))
    assert "TRAINING" not in real.text()


def test_the_customer_display_of_a_training_till_says_do_not_pay(qtbot):
    from pos_app.ui.customer_display import CustomerDisplay

    training = CustomerDisplay(training=True)
    shop = CustomerDisplay()
    for display in (training, shop):
        qtbot.addWidget(display)
        display.show()
    band = training.findChild(QLabel, "training-band")
    assert band is not None and band.isVisible()
    assert band.text() == "TRAINING - practice only, do not pay"
    assert shop.findChild(QLabel, "training-band") is None
