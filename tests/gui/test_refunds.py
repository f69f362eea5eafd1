"""A cancelled, partly paid sale owes its customer: listed under "Needs attention" with a
Refund action that gives the paid amount back as a token (QR and file), recorded once.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.ui.dialogs.sale_details import SaleDetailsDialog
from pos_app.ui.models.attention_model import load_attention
from pos_app.ui.widgets.attention_panel import AttentionPanel
from tests.gui.conftest import make_token

pytestmark = [pytest.mark.gui, pytest.mark.mint]


def cancelled_after_paying(arun, core, url: str, due: str, paid: int) -> str:
    sale = arun(core.sales.new_sale(due, "sat"))
    result = arun(core.sales.pay(sale["sale_id"], make_token(url, paid), source="test"))
    assert result.state == "partially_paid" and result.paid == paid
    assert arun(core.sales.cancel(sale["sale_id"]))["state"] == "cancelled"
    return sale["sale_id"]


@pytest.fixture
def panel(ui, qtbot) -> AttentionPanel:
    p = AttentionPanel(ui)
    qtbot.addWidget(p)
    p.resize(1100, 300)
    p.show()
    return p


def test_refund_owed_is_listed_and_given_back_as_a_redeemable_token(
    ui, arun, qtbot, panel, mint, fee_mint, tmp_path
):
    core = ui.core
    arun(core.mints.add(mint.url))
    arun(core.mints.add(fee_mint.url))
    # The shop holds more at another mint: the refund still comes from the customer's mint.
    arun(core.wallet.receive(make_token(fee_mint.url, 500), source="test"))
    sale_id = cancelled_after_paying(arun, core, mint.url, "100", 40)
    assert arun(core.sales.show(sale_id))["refund_owed"] == 40

    panel.refresh()
    # The panel's first load may have run while the payment was in flight: wait for the
    # answer to this refresh, where that operation is done and the refund is owed.
    qtbot.waitUntil(
        lambda: panel.model.rowCount() == 1 and panel.model.item(0).source == "refund",
        timeout=10_000,
    )
    item = panel.model.item(0)
    assert (item.source, item.status, item.sale_id, item.amount) == (
        "refund",
        "refund_owed",
        sale_id,
        40,
    )
    assert "Cancelled after 40 sat was paid" in item.reason and "Refund" in item.reason
    assert panel.refund_button.isVisible() and panel.refund_button.isEnabled()
    assert not panel.retry_button.isEnabled() and not panel.accept_button.isVisible()

    qtbot.mouseClick(panel.refund_button, Qt.MouseButton.LeftButton)
    dialog = panel.refund_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.error.isVisible() and dialog.refund_button.isEnabled()
    dialog.folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.refunded, timeout=30_000) as done:
        qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    sent = done.args[0]
    assert sent.amount == 40 and sent.mint == mint.url
    assert parse_token(sent.token).amount == 40
    assert dialog.result_view.qr.text == sent.token and dialog.stack.currentIndex() == 1
    assert (tmp_path / sent.file.split("/")[-1]).read_text().strip() == sent.token
    assert "-40sat-" in sent.file
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10_000)
    assert "Refund token made: 40 sat." in panel.status.text()

    shown = arun(core.sales.show(sale_id))
    assert shown["refund_owed"] == 0 and shown["refund_amount"] == 40
    assert shown["refund_token"] == sent.token and shown["refunded_at"]
    # Recorded on the sale: never owed, or made, twice.
    with pytest.raises(PosError) as again:
        arun(core.sales.refunds.refund(sale_id))
    assert again.value.code == "refund.not_owed"
    details = SaleDetailsDialog(ui, sale_id)
    qtbot.addWidget(details)
    with qtbot.waitSignal(details.loaded, timeout=10_000):
        details.reload()
    assert details.fields["refund"].text().startswith("40 sat given back as a token")
    # The customer's wallet (nutshell) redeems the refund.
    assert "Received" in mint.cli_receive(sent.token)
    dialog.close()


def test_refund_given_in_cash_is_recorded_with_the_reason(ui, arun, qtbot, panel, mint):
    core = ui.core
    arun(core.mints.add(mint.url))
    sale_id = cancelled_after_paying(arun, core, mint.url, "50", 20)
    items = arun(load_attention(core))
    assert [(i.source, i.id) for i in items] == [("refund", sale_id)]
    with pytest.raises(PosError) as no_reason:
        arun(core.sales.refunds.close(sale_id, "  "))
    assert no_reason.value.code == "recovery.reason_required"
    closed = arun(core.sales.refunds.close(sale_id, "paid back in cash"))
    assert closed["refund_owed"] == 0 and closed["refund_note"] == "paid back in cash"
    assert closed["refund_token"] is None
    details = SaleDetailsDialog(ui, sale_id)
    qtbot.addWidget(details)
    with qtbot.waitSignal(details.loaded, timeout=10_000):
        details.reload()
    assert "given back otherwise" in details.fields["refund"].text()
    assert details.fields["refund"].text().endswith("paid back in cash")
    assert arun(load_attention(core)) == []
    # The shop keeps the ecash when it refunded in cash.
    assert arun(core.wallet.balance())["balances"][0]["amount"] == 20


def test_a_sale_that_took_nothing_owes_nothing(ui, arun, mint):
    core = ui.core
    arun(core.mints.add(mint.url))
    sale = arun(core.sales.new_sale("30", "sat"))
    arun(core.sales.cancel(sale["sale_id"]))
    assert arun(load_attention(core)) == []
    with pytest.raises(PosError) as refused:
        arun(core.sales.refunds.refund(sale["sale_id"]))
    assert refused.value.code == "refund.not_owed"


def test_a_file_that_cannot_be_written_does_not_leave_the_refund_owed(ui, arun, mint, tmp_path):
    core = ui.core
    arun(core.mints.add(mint.url))
    sale_id = cancelled_after_paying(arun, core, mint.url, "40", 16)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the USB folder should be")
    result = arun(core.sales.refunds.refund(sale_id, out=blocked / "refund.txt", qr=True))
    assert result.file is None and parse_token(result.token).amount == 16
    shown = arun(core.sales.show(sale_id))
    assert shown["refund_owed"] == 0 and shown["refund_token"] == result.token
    assert arun(load_attention(core)) == []
