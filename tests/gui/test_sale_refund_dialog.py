"""A paid sale's Refund action in Activity's sale details, on the fake mint.

The details show Refund for a paid sale; the dialog asks amount and reason, confirms on
its own page, makes the token (QR, file) and the details then list the refund, its claim
state, and what is left to give back.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pos_app.core.cashu.tokens import parse_token
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.sale_details import SaleDetailsDialog
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

pytestmark = [pytest.mark.gui]


@pytest.fixture
def mint() -> FakeMint:
    return FakeMint()


@pytest.fixture
def shop_ui(monkeypatch, arun, mint):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    work = Path(tempfile.mkdtemp(prefix="pos-gui-refund-"))
    core = open_shop(work / "wallet", mint)
    bridge = CoreBridge(core.bus)
    try:
        arun(core.mints.add(mint.url, trusted=True))
        yield UiContext(core, bridge)
    finally:
        bridge.detach()
        arun(core.aclose())
        shutil.rmtree(work, ignore_errors=True)


def test_a_paid_sale_is_refunded_in_part_from_its_details(shop_ui, arun, qtbot, mint, tmp_path):
    core = shop_ui.core
    sale_id = arun(core.sales.new_sale("21", "sat"))["sale_id"]
    assert arun(core.sales.pay(sale_id, mint.token(21))).state == "paid"
    details = SaleDetailsDialog(shop_ui, sale_id)
    qtbot.addWidget(details)
    details.show()
    qtbot.waitUntil(lambda: details.sale is not None and details.refund_button.isVisible())
    assert not details.check_claims_button.isVisible()

    qtbot.mouseClick(details.refund_button, Qt.MouseButton.LeftButton)
    dialog = details.refund_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.amount.text() == "21"  # the refundable rest by default
    dialog.amount.setText("30")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and dialog.stack.currentIndex() == 0  # too large: refused
    dialog.amount.setText("6")
    dialog.reason.setText("one cup broken")
    dialog.folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1 and "6 sat" in dialog.question.text()
    assert arun(core.sales.show(sale_id))["refunds"] == []  # nothing before the confirmation
    with qtbot.waitSignal(dialog.refunded, timeout=10_000) as done:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    sent = done.args[0]
    assert (sent.amount, parse_token(sent.token).amount, sent.mint) == (6, 6, mint.url)
    assert dialog.stack.currentIndex() == 2 and dialog.result_view.qr.text == sent.token
    assert (tmp_path / Path(sent.file).name).read_text().strip() == sent.token

    qtbot.waitUntil(lambda: "one cup broken" in details.fields["refund"].text(), timeout=10_000)
    text = details.fields["refund"].text()
    assert "Partly refunded" in text and "Pending" in text
    assert details.refund_button.isVisible() and details.check_claims_button.isVisible()
    shown = arun(core.sales.show(sale_id))
    assert (shown["refund_state"], shown["refundable"]) == ("partially_refunded", 15)

    later = tmp_path / "later"
    later.mkdir()
    with qtbot.waitSignal(dialog.file_saved, timeout=10_000) as saved:
        dialog.save_to(later)  # Save to file…, the folder chosen
    assert (later / Path(saved.args[0].file).name).read_text().strip() == sent.token
    assert str(later) in dialog.saved.text()

    mint.spend(list(parse_token(sent.token).proofs))  # the customer redeemed it
    qtbot.mouseClick(details.check_claims_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Claimed" in details.fields["refund"].text(), timeout=10_000)
    dialog.accept()
    details.accept()
