"""The Wallet page's export history on the fake mint: states, check claims, show the QR
again and save it anew, take an export back after a confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.staff import acting_as
from pos_app.core.store.schema import Export
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.export_token_dialog import ExportTokenDialog
from pos_app.ui.pages.wallet import WalletPage
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

pytestmark = [pytest.mark.gui]


@pytest.fixture
def mint() -> FakeMint:
    return FakeMint()


@pytest.fixture
def shop(tmp_path, monkeypatch, arun, mint):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    app = open_shop(tmp_path / "shop", mint)
    arun(app.mints.add(mint.url))
    arun(app.wallet.receive(mint.token(64)))
    yield app
    arun(app.aclose())


@pytest.fixture
def page(shop, qtbot):
    bridge = CoreBridge(shop.bus)
    p = WalletPage(UiContext(shop, bridge))
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    yield p
    p.shutdown()
    bridge.detach()


def load(page, qtbot):
    with qtbot.waitSignal(page.history.loaded, timeout=5000):
        page.activated()


def test_the_history_shows_each_export_and_what_can_be_done_with_it(page, shop, arun, mint, qtbot):
    load(page, qtbot)
    assert page.history.empty.isVisible() and not page.history.table.isVisible()
    sent = arun(shop.wallet.send(mint.url, "sat", 5))
    with acting_as("carl"):  # signed in: the history says who
        change = arun(shop.wallet.send(mint.url, "sat", 3))
    shop.db.transact(lambda s: setattr(_export(s, change.export_id), "purpose", "change"))
    load(page, qtbot)
    rows = page.history.rows_text()
    assert [r[1:] for r in rows] == [
        ("fake-mint.test", "3 sat", "Change", "Not claimed yet", "carl"),
        ("fake-mint.test", "5 sat", "Export", "Not claimed yet", "—"),
    ]
    history = page.history
    assert not history.show_button.isEnabled() and not history.reclaim_button.isEnabled()
    history.select(change.export_id)
    assert history.show_button.isEnabled() and not history.reclaim_button.isEnabled()
    history.select(sent.export_id)
    assert history.show_button.isEnabled() and history.reclaim_button.isEnabled()


def test_check_claims_follows_the_mint(page, shop, arun, mint, qtbot):
    full = arun(shop.wallet.send(mint.url, "sat", 6))
    part = arun(shop.wallet.send(mint.url, "sat", 9))
    mint.spend(list(parse_token(full.token).proofs))
    mint.spend([p for p in parse_token(part.token).proofs if p.amount == 8])
    load(page, qtbot)
    with qtbot.waitSignal(page.history.loaded, timeout=5000):  # a check elsewhere: the timer's
        arun(shop.exports.refresh(), timeout=5000)
    assert [r[4] for r in page.history.rows_text()] == ["Partly claimed (8 sat)", "Claimed"]
    mint.spend(list(parse_token(part.token).proofs))
    with qtbot.waitSignal(page.history.refreshed, timeout=5000) as done:
        qtbot.mouseClick(page.history.refresh_button, Qt.MouseButton.LeftButton)
    assert done.args[0] == "1 export(s) were claimed."
    qtbot.waitUntil(lambda: page.history.rows_text()[0][4] == "Claimed", timeout=5000)
    page.history.select(full.export_id)
    assert not page.history.show_button.isEnabled()


def test_take_back_asks_first_then_brings_the_money_back(page, shop, arun, mint, qtbot):
    sent = arun(shop.wallet.send(mint.url, "sat", 13))
    mint.spend([p for p in parse_token(sent.token).proofs if p.amount == 4])
    load(page, qtbot)
    history = page.history
    history.select(sent.export_id)
    box = history.ask_reclaim()
    assert box is not None and "13 sat" in box.text()
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    swaps = len(mint.requests("/v1/swap"))
    keep.click()
    qtbot.waitUntil(lambda: history.confirm_box is None, timeout=5000)
    assert len(mint.requests("/v1/swap")) == swaps  # kept out: nothing happened
    box = history.ask_reclaim()
    take = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(history.reclaimed, timeout=10_000) as done:
        take.click()
    assert (done.args[0].amount, done.args[0].claimed_amount) == (9, 4)
    assert "Taken back: 9 sat" in history.status.text()
    assert "4 sat had been claimed before." in history.status.text()
    qtbot.waitUntil(
        lambda: history.rows_text()[0][4] == "Taken back (4 sat claimed before)", timeout=5000
    )
    history.select(sent.export_id)
    assert not history.reclaim_button.isEnabled() and not history.show_button.isEnabled()
    assert arun(shop.wallet.balance())["total"] == {"sat": 60}


def test_show_qr_again_and_save_it_to_a_new_file(page, shop, arun, mint, qtbot, tmp_path):
    sent = arun(shop.wallet.send(mint.url, "sat", 7, out=tmp_path))
    load(page, qtbot)
    page.history.select(sent.export_id)
    dialog = page.history.show_token()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=5000)
    assert dialog.result_view.qr.text == sent.token
    assert "Unclaimed: 7 sat" in dialog.result_view.title.text()
    assert sent.file in dialog.result_view.facts.text()
    stick = tmp_path / "stick"
    stick.mkdir()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_to(stick)
    [written] = [p for p in stick.iterdir() if p.suffix == ".txt"]
    assert saved.args[0]["file"] == str(written)
    assert written.read_text().strip() == sent.token
    assert str(written) in dialog.note.text()
    dialog.close()


def test_a_claimed_token_is_not_shown_and_says_why(page, shop, arun, mint, qtbot):
    sent = arun(shop.wallet.send(mint.url, "sat", 4))
    load(page, qtbot)
    [stale] = page.history.records
    mint.spend(list(parse_token(sent.token).proofs))
    arun(shop.exports.refresh())  # claimed since the row was read: nothing left to show
    qtbot.waitUntil(lambda: page.history.rows_text()[0][4] == "Claimed", timeout=5000)
    page.history.select(sent.export_id)
    assert page.history.show_token() is None  # the list knows: no button
    dialog = ExportTokenDialog(page.ui, stale, page)  # a dialog opened just before the claim
    qtbot.waitUntil(lambda: bool(dialog.note.text()), timeout=5000)
    assert "Already claimed" in dialog.note.text() and not dialog.save_button.isEnabled()
    dialog.close()


def _export(session, export_id):
    return session.get(Export, export_id)


def test_export_everything_writes_a_file_per_mint_with_progress(page, shop, arun, qtbot, tmp_path):
    load(page, qtbot)
    qtbot.waitUntil(page.export_all_button.isEnabled, timeout=5000)
    dialog = page.open_export_all()
    assert dialog is not None
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog.folder.setText(str(stick))
    dialog.floor.setValue(65)
    with qtbot.waitSignal(dialog.failed, timeout=5000) as refused:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].code == "export.nothing" and dialog.export_button.isEnabled()
    dialog.floor.setValue(64)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    [written] = done.args[0]["files"]
    assert (dialog.progress.value(), dialog.progress.maximum()) == (1, 1)
    assert "Done: 1 file(s) written and synced." in dialog.outcome.text()
    assert parse_token((stick / written["file"]).read_text().strip()).amount == 64
    assert arun(shop.wallet.balance())["total"] == {}
    dialog.close()


def test_a_folder_of_token_files_is_imported_file_by_file(page, shop, arun, mint, qtbot, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    spent = mint.token(4)
    mint.spend(list(parse_token(spent).proofs))
    (folder / "a.txt").write_text(mint.token(8))
    (folder / "b.txt").write_text(spent)
    dialog = page.open_import()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.load_folder(folder)
    assert [r["result"] for r in done.args[0]] == ["imported", "spent"]
    assert dialog.outcome.text().splitlines() == [
        "a.txt: received 8 sat",
        "b.txt: already spent",
        "In all: 8 sat",
    ]
    assert arun(shop.wallet.balance())["total"] == {"sat": 72}
    dialog.close()
