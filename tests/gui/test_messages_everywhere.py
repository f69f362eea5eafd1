"""One message catalogue: an error code reads the same on every screen.

The Sell page (the payment view's status card), Activity (the attention list and a
sale's payments), the notification center, the tray and the window's banner all take
their words from pos_app.ui.messages; this test renders one code in each of them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos_app.core.errors import PosError
from pos_app.ui.dialogs.notifications import NotificationsDialog
from pos_app.ui.dialogs.sale_details import SaleDetailsDialog
from pos_app.ui.messages import explain, reason, reason_detail
from pos_app.ui.models.attention_model import AttentionItem, AttentionModel, reason_text
from pos_app.ui.pages.payment import PaymentView
from pos_app.ui.tray import Tray

# A refusal at the counter, a mint that stays down, a Lightning payout that cannot be
# proven, and the case that once had two wordings (the shop's own journal and the mint).
CODES = {
    "token.already_spent": "The shop already received this token.",
    "mint.unreachable": "",
    "lightning.unproven": "The Lightning payment could not be proven.",
    "mint.untrusted": "Token from a mint the shop does not trust.",
}


def _payment(code: str, message: str) -> dict:
    return {
        "state": "failed",
        "method": "swap",
        "proof": None,
        "offline": False,
        "mint": "https://mint.example",
        "amount": 100,
        "credited": 0,
        "fee": 0,
        "mint_fee": 0,
        "lightning_fee": 0,
        "error_code": code,
        "error": message,
    }


@pytest.mark.parametrize("code", sorted(CODES))
def test_one_code_reads_the_same_everywhere(qtbot, ui, code):
    message = CODES[code]
    advice = explain(code)
    assert advice.title and advice.text and advice.title != advice.text

    # Sell: the payment view's status card after the mint refused the token.
    view = PaymentView(ui)
    qtbot.addWidget(view)
    view.sale = {
        "sale_id": "s-1",
        "due": 100,
        "paid": 0,
        "currency": "sat",
        "amount": "100",
        "payment_request": "creqAexample",
        "payment_request_bech32": "creqb1example",
    }
    view.state = "processing"
    view._on_error("s-1", PosError(code, message or "core words"))
    sell = (view.status.title.text(), view.status.text.text())
    if code != "mint.unreachable":  # the core's words are kept there: they name the mint
        assert sell == (advice.title, advice.text)

    # Activity: the attention list's reason and its tooltip.
    item = AttentionItem(
        "operation",
        "op-1",
        "receive",
        "pending",
        1,
        None,
        reason_text(code, message),
        None,
        100,
        detail=reason_detail(code, message),
    )
    model = AttentionModel()
    model.set_items([item])
    cell = model.index(0, 4)
    assert model.data(cell) == advice.title
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == advice.text

    # Activity: a sale's payments table.
    details = SaleDetailsDialog(ui, "no-such-sale")
    qtbot.addWidget(details)
    details._show_payments([_payment(code, message)], "sat")
    assert details.payments.item(0, 7).text() == advice.title
    assert details.payments.item(0, 7).toolTip() == advice.text

    # Notifications: the center and the tray show the catalogue's sentence.
    data = {"sale_id": "abcdef0123", "code": code}
    center = NotificationsDialog(ui)
    qtbot.addWidget(center)
    center._show(
        [
            {
                "id": 1,
                "at": 0,
                "level": "warning",
                "kind": "offline_failed",
                "title": "Offline payment failed",
                "body": "core words",
                "data": data,
                "read": False,
            }
        ]
    )
    listed = center.list.item(0).text()
    assert f"{advice.title}: {advice.text}" in listed and "abcdef01" in listed
    tray = Tray(ui)
    tray.on_notification("critical", "Offline payment failed", "core words", "x", data)
    assert tray.shown[-1][1].startswith(f"{advice.title}: {advice.text}")
    tray.hide()

    assert reason(code) == advice.title


def test_unknown_codes_keep_the_core_words():
    assert reason("export.something_new", "Core words.") == "Core words."
    assert reason_detail("export.something_new", "Core words.") == "Core words."
    assert reason(None) == "—"


def test_notifications_with_facts_are_worded_by_the_app(qapp, tmp_path, monkeypatch):
    from pos_app.ui import i18n
    from pos_app.ui.messages import notification_text

    data = {"dedupe": "mint_offline:https://m.example", "url": "https://m.example", "minutes": 3}
    core_words = "https://m.example has not answered for 3 minutes."
    assert notification_text("Mint offline", core_words, data, "mint_offline") == (
        "Mint offline",
        core_words,
    )
    # a notification stored before its facts travelled with it keeps the core's words
    assert notification_text("Mint offline", "old words", {}, "mint_offline")[1] == "old words"
    monkeypatch.setenv("POS_APP_LANGUAGE", "de")
    try:
        i18n.install(qapp, tmp_path)
        assert notification_text("Mint offline", core_words, data, "mint_offline") == (
            "Mint offline",
            "https://m.example antwortet seit 3 Minuten nicht.",
        )
    finally:
        i18n.uninstall(qapp)


def test_security_notifications_are_worded_by_their_title(qapp):
    # Three notifications share the kind "security": each keeps its own sentence, worded
    # from its facts, never the mint-key sentence (which needs a url they may not have).
    from pos_app.ui.messages import notification_text

    locked = {"name": "carl", "failures": 5, "minutes": 15}
    assert notification_text("Staff account locked", "core", locked, "security") == (
        "Staff account locked",
        "carl typed 5 wrong PINs in a row and is locked for 15 minutes.",
    )
    change = {"operation_id": "op", "url": "https://m.example"}
    assert notification_text("Mint sent bad change", "core", change, "security")[1].startswith(
        "https://m.example paid a Lightning invoice"
    )
    key = {"url": "https://m.example"}
    assert (
        "public key of https://m.example"
        in notification_text("Mint key changed", "core", key, "security")[1]
    )


def test_every_notification_title_the_core_writes_is_translatable():
    # A title missing from the catalogue stays English in every language.
    import ast
    from pathlib import Path

    import pos_app.core
    from pos_app.ui import messages

    titles = set()
    for path in Path(pos_app.core.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            title = node.args[1]
            if name in ("Notification", "_notice") and isinstance(title, ast.Constant):
                titles.add(title.value)
    assert {"Webhook paused", "Staff account locked", "Change not given"} <= titles
    assert titles - set(messages._NOTIFICATION_TITLES) == set()
