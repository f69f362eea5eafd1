"""Settings -> Webhooks: add a receiver, its secret shown once, a test event, history, redelivery."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from pos_app.ui.pages.settings import SettingsPage
from tests.gui.conftest import screenshots_dir
from tests.support.settings_page import show_settings_page
from tests.support.webhookreceiver import Inbox, WebhookReceiver


@pytest.fixture
def page(ui, qtbot) -> SettingsPage:
    return show_settings_page(qtbot, ui, advanced=True)


def test_a_receiver_is_added_tested_and_redelivered_from_the_page(page, core, qtbot):
    panel = page.webhooks
    inbox = Inbox("")
    with WebhookReceiver(inbox) as receiver:
        panel.url.setText(receiver.url())
        panel.events.setText("sale.paid")
        panel.add_button.click()
        qtbot.waitUntil(lambda: panel.secret_box.isVisible() and panel.table.rowCount() == 1)
        secret = panel.secret.text()
        assert secret.startswith("whsec_")
        panel.copy_button.click()
        assert QGuiApplication.clipboard().text() == secret
        inbox.secret = secret

        panel.table.selectRow(0)
        assert panel.test_button.isEnabled()
        panel.test_button.click()
        qtbot.waitUntil(lambda: len(inbox.events) == 1 and panel.history.rowCount() == 1)
        qtbot.waitUntil(lambda: "delivered" in panel.history.item(0, 2).text())
        assert panel.history.item(0, 1).text() == "webhook.test"
        assert panel.history.item(0, 3).text() == "200"

        panel.history.selectRow(0)
        panel.redeliver_button.click()
        qtbot.waitUntil(lambda: "waiting" in panel.history.item(0, 2).text())

    page.activated()  # leaving and coming back: the secret is not shown again
    qtbot.waitUntil(lambda: not panel.secret_box.isVisible())
    assert panel.secret.text() == ""
    assert "all" not in panel.table.item(0, 2).text()
    # The page still fits the smallest window (1024x700): no sideways scrolling.
    assert page.scroll.widget().minimumSizeHint().width() <= page.scroll.viewport().width()
    assert not page.scroll.horizontalScrollBar().isVisible()


def test_a_refused_address_is_explained_under_the_list(page, qtbot):
    panel = page.webhooks
    panel.url.setText("ftp://example.com/hook")
    panel.add_button.click()
    qtbot.waitUntil(panel.message.isVisible)
    assert "http" in panel.message.text()
    assert panel.table.rowCount() == 0


def test_a_receiver_is_edited_and_keeps_its_secret_and_history(page, core, arun, qtbot):
    panel = page.webhooks
    added = arun(core.webhooks.add("http://127.0.0.1:9/old", "sale.paid"))
    page.activated()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    panel.table.selectRow(0)
    panel.edit_button.click()
    assert (panel.url.text(), panel.events.text()) == ("http://127.0.0.1:9/old", "sale.paid")
    assert panel.cancel_edit_button.isVisible()
    panel.url.setText("http://127.0.0.1:9/new")
    panel.events.setText("")  # every event
    panel.btcpay.setChecked(True)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.editing is None and "new" in panel.table.item(0, 1).text())
    [endpoint] = arun(core.webhooks.list())
    assert (endpoint["id"], endpoint["url"], endpoint["events"]) == (
        added["id"],
        "http://127.0.0.1:9/new",
        ["*"],
    )
    assert endpoint["btcpay_sig"] is True
    assert not panel.secret_box.isVisible()  # an edit never shows or changes the secret
    assert panel.add_button.text() == "Add receiver" and not panel.cancel_edit_button.isVisible()
    assert page.scroll.widget().minimumSizeHint().width() <= page.scroll.viewport().width()


def test_each_attempt_and_the_receivers_answer_are_shown_screenshot(
    page, core, arun, qtbot, tmp_path
):
    panel = page.webhooks
    inbox = Inbox("")
    with WebhookReceiver(inbox) as receiver:
        inbox.secret = arun(core.webhooks.add(receiver.url(), "sale.paid"))["secret"]
        inbox.status, inbox.answer = 500, b'{"error":"database is down"}'
        page.activated()
        qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
        panel.table.selectRow(0)
        panel.test_button.click()
        qtbot.waitUntil(lambda: panel.history.rowCount() == 1)
        qtbot.waitUntil(lambda: "failed" in panel.history.item(0, 2).text())
        panel.history.selectRow(0)
        panel.details_button.click()
        dialog = panel.delivery_dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
        assert dialog.table.item(0, 2).text() == "500"
        assert "webhook.test" in dialog.summary.text() and "failed" in dialog.summary.text()
        assert dialog.answer.toPlainText() == '{"error":"database is down"}'
        assert dialog.table.item(0, 1).text().endswith(" ms")

        inbox.status, inbox.answer = 200, b'{"ok":true}'
        with qtbot.waitSignal(dialog.redelivered):
            dialog.redeliver_button.click()
        arun(core.webhooks.round())
        dialog.reload()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
        assert dialog.table.item(1, 2).text() == "200"  # the newest attempt, selected
        assert dialog.answer.toPlainText() == '{"ok":true}'
        dialog.table.selectRow(0)
        assert "database is down" in dialog.answer.toPlainText()
        assert "delivered" in dialog.summary.text()
        dialog.grab().save(str(screenshots_dir(tmp_path) / "webhook-attempts.png"))
        dialog.close()
