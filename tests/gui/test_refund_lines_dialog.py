"""Refunding two of a basket sale's three lines through the sale refund dialog (fake mint)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.payments.items import LineSpec
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.sale_details import SaleDetailsDialog
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.pdftext import pdf_text

pytestmark = [pytest.mark.gui]


@pytest.fixture
def mint() -> FakeMint:
    return FakeMint()


@pytest.fixture
def shop_ui(monkeypatch, arun, mint):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    work = Path(tempfile.mkdtemp(prefix="pos-gui-refund-lines-"))
    core = open_shop(work / "wallet", mint)
    bridge = CoreBridge(core.bus)
    try:
        arun(core.mints.add(mint.url, trusted=True))
        arun(core.items.add(name="Bread", price="250", unit="sat", sku="BRD"))
        arun(core.items.add(name="Jam", price="120", unit="sat", sku="JAM"))
        arun(core.items.add(name="Milk", price="90", unit="sat", sku="MLK"))
        yield UiContext(core, bridge)
    finally:
        bridge.detach()
        arun(core.aclose())
        shutil.rmtree(work, ignore_errors=True)


def test_two_of_three_lines_are_refunded_through_the_dialog(shop_ui, arun, qtbot, mint, tmp_path):
    core = shop_ui.core
    sale = arun(
        core.sales.new_sale(
            None,
            "sat",
            items=[LineSpec("BRD", 3), LineSpec("JAM"), LineSpec("MLK")],
            tip="40",
        )
    )
    sale_id = sale["sale_id"]
    assert sale["due"] == 750 + 120 + 90 + 40
    assert arun(core.sales.pay(sale_id, mint.token(sale["due"]))).state == "paid"
    details = SaleDetailsDialog(shop_ui, sale_id)
    qtbot.addWidget(details)
    details.show()
    qtbot.waitUntil(lambda: details.sale is not None and details.refund_button.isVisible())
    qtbot.mouseClick(details.refund_button, Qt.MouseButton.LeftButton)
    dialog = details.refund_dialog
    qtbot.waitUntil(lambda: len(dialog.picker.boxes) == 3, timeout=10_000)
    assert dialog.amount.text() == "1000"  # nothing checked: the whole sale, one click away
    assert not dialog.picker.tip.isHidden()

    dialog.picker.boxes[1].setChecked(True)
    qtbot.waitUntil(lambda: dialog.amount.text() == "750", timeout=10_000)
    assert dialog.amount.isReadOnly()
    dialog.picker.quantities[1].setValue(2)  # two of the three breads
    qtbot.waitUntil(lambda: dialog.amount.text() == "500", timeout=10_000)
    dialog.picker.boxes[3].setChecked(True)
    qtbot.waitUntil(lambda: dialog.amount.text() == "590", timeout=10_000)
    assert dialog.picker.selection() == {1: 2, 3: None}
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1 and "590 sat" in dialog.question.text()
    with qtbot.waitSignal(dialog.refunded, timeout=10_000) as done:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    sent = done.args[0]
    assert (sent.amount, parse_token(sent.token).amount) == (590, 590)
    assert [(x["position"], x["quantity"]) for x in sent.lines] == [(1, "2"), (3, "1")]

    shown = arun(core.sales.show(sale_id))
    assert (shown["refund_state"], shown["refundable"]) == ("partially_refunded", 410)
    left = arun(core.sales.refunds.line_options(sale_id))
    assert [x["left_quantity"] for x in left["lines"]] == ["1", "1", "0"]

    # The refund's receipt, from the dialog's result, as a PDF.
    qtbot.waitUntil(lambda: not dialog.receipts.isHidden(), timeout=10_000)
    pdf = tmp_path / "refund.pdf"
    dialog.receipts.save(pdf)
    qtbot.waitUntil(lambda: "refund.pdf" in dialog.receipts.note.text(), timeout=10_000)
    text = pdf_text(pdf)
    for part in ("REFUND", sent.refund_id[:8], sale_id[:8], "Bread", "Milk", "590 sat"):
        assert part in text, (part, text)
    assert "Jam" not in text and "Not yet" in text
    dialog.accept()

    # ... and from the sale details' refunds, once the customer claimed it.
    mint.spend(list(parse_token(sent.token).proofs))
    arun(core.sales.refunds.check_claims(sale_id))
    details.reload()
    qtbot.waitUntil(lambda: not details.refund_receipt_row.isHidden(), timeout=10_000)
    qtbot.waitUntil(lambda: details.sale["refunds"][0]["claim_state"] == "claimed", timeout=10_000)
    assert details.refund_choice.count() == 1
    again_pdf = tmp_path / "again.pdf"
    details.refund_receipts.save(again_pdf)
    qtbot.waitUntil(lambda: "again.pdf" in details.refund_receipts.note.text(), timeout=10_000)
    reprinted = pdf_text(again_pdf)
    assert "REFUND" in reprinted and "590 sat" in reprinted and "Yes" in reprinted

    # Unchecking everything gives the typed (whole) amount back.
    qtbot.waitUntil(lambda: details.refund_button.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: details.sale["refundable"] == 410, timeout=10_000)
    qtbot.mouseClick(details.refund_button, Qt.MouseButton.LeftButton)
    again = details.refund_dialog
    qtbot.waitUntil(lambda: len(again.picker.boxes) == 3, timeout=10_000)
    assert not again.picker.boxes[3].isEnabled()  # the milk went back already
    again.picker.boxes[2].setChecked(True)
    qtbot.waitUntil(lambda: again.amount.text() == "120", timeout=10_000)
    again.picker.boxes[2].setChecked(False)
    qtbot.waitUntil(lambda: again.amount.text() == "410", timeout=10_000)
    assert not again.amount.isReadOnly()
    again.accept()
    details.accept()
