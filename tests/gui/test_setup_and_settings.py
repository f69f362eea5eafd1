"""First-run setup, unlock and the Settings page, driven offscreen against a real test mint."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.app import App, wallet_exists
from pos_app.core.cashu import nut13
from pos_app.core.store import keys
from pos_app.core.store.db import DB_FILE
from pos_app.ui.dialogs import setup_wizard
from pos_app.ui.dialogs.setup_wizard import SetupWizard, run_setup
from pos_app.ui.dialogs.unlock import UnlockDialog, unlock
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.widgets.mint_list import BALANCE, ORDER, TRUSTED, URL
from tests.gui.conftest import screenshots_dir
from tests.support.funding import mint_token, open_client
from tests.support.qrvideo import static_qr_video
from tests.support.screens_settings import screenshot_states
from tests.support.testmint import free_port

pytestmark = pytest.mark.gui

RESTORE_WORDS = (
    "legal winner thank year wave sausage worth useful legal winner thank yellow"  # BIP39 vector
)


@pytest.fixture
def fast_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2, no keyring, and no key or passphrase from the environment."""
    monkeypatch.setattr(
        keys, "ARGON2_DEFAULTS", {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}
    )
    monkeypatch.setattr(keys, "_keyring_set", lambda _account, _value: False)
    monkeypatch.setattr(setup_wizard, "keyring_usable", lambda: False)
    monkeypatch.delenv(keys.ENV_KEY, raising=False)
    monkeypatch.delenv(keys.ENV_PASSPHRASE, raising=False)


def visible(cls: type[QWidget]) -> Callable[[], QWidget | None]:
    def find() -> QWidget | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()),
            None,
        )

    return find


def top_level(qtbot, cls: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: visible(cls)() is not None, timeout=10_000)
    return visible(cls)()


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def check_mint(qtbot, check, url: str) -> None:
    """Type ``url`` into a MintCheck, press Check and wait for the answer."""
    check.url_edit.clear()
    qtbot.keyClicks(check.url_edit, url)
    click(qtbot, check.check_button)
    qtbot.waitUntil(lambda: not check.busy, timeout=20_000)


def stored_mints(arun, app: App) -> list[dict]:
    return arun(app.db.run(app.mints.list))


# -- setup wizard --------------------------------------------------------------------------


def test_wizard_create_path_end_to_end(qtbot, qloop, arun, tmp_path, mint, fast_keys):
    data = tmp_path / "shop"
    task = asyncio.ensure_future(run_setup(data))
    wizard: SetupWizard = top_level(qtbot, SetupWizard)
    assert wizard.page is wizard.welcome
    assert not wizard.back_button.isEnabled()
    click(qtbot, wizard.next_button)

    # the new words are shown before anything is created, and Next waits for the tick
    assert wizard.page is wizard.seed
    words = wizard.new_mnemonic.split()
    assert len(words) == 12
    shown = [wizard.seed.grid.itemAt(i).widget().text() for i in range(wizard.seed.grid.count())]
    assert all(word in text for word, text in zip(words, shown, strict=True))
    assert not wizard.next_button.isEnabled()
    assert not (data / DB_FILE).exists()
    qtbot.keyClick(wizard.seed.written, Qt.Key.Key_Space)
    click(qtbot, wizard.next_button)

    # three words by position; a wrong one is refused next to its field
    confirm = wizard.confirm
    assert wizard.page is confirm
    assert len(confirm.positions) == 3 == len(set(confirm.positions))
    for edit, position in zip(confirm.edits, confirm.positions, strict=True):
        qtbot.keyClicks(edit, words[position])
    confirm.edits[2].clear()
    qtbot.keyClicks(confirm.edits[2], "zoo" if words[confirm.positions[2]] != "zoo" else "abandon")
    click(qtbot, wizard.next_button)
    assert wizard.page is confirm
    assert confirm.errors[2].isVisible() and not confirm.errors[0].isVisible()
    assert f"word #{confirm.positions[2] + 1}" in confirm.errors[2].text()
    confirm.edits[2].clear()
    qtbot.keyClicks(confirm.edits[2], words[confirm.positions[2]].upper())  # case is forgiven
    qtbot.keyClick(confirm.edits[2], Qt.Key.Key_Return)  # Enter = Next

    # database key: no keyring here, so the passphrase; too short, then mismatched
    key = wizard.key
    assert wizard.page is key
    assert not key.keyring.isEnabled() and key.passphrase.isChecked()
    qtbot.keyClicks(key.pass1, "short")
    qtbot.keyClicks(key.pass2, "short")
    click(qtbot, wizard.next_button)
    assert wizard.page is key and "at least 8" in key.error1.text()
    key.pass1.setText("")
    key.pass2.setText("")
    qtbot.keyClicks(key.pass1, "correct horse battery")
    qtbot.keyClicks(key.pass2, "correct horse batterY")
    click(qtbot, wizard.next_button)
    assert wizard.page is key and key.error2.isVisible()
    key.pass2.setText("")
    qtbot.keyClicks(key.pass2, "correct horse battery")
    click(qtbot, wizard.next_button)

    # the shop: checked while typed, with the reason under the field
    shop = wizard.shop
    assert wizard.page is shop
    qtbot.keyClicks(shop.name, "x" * 61)
    assert shop.errors["shop.name"].isVisible() and not wizard.next_button.isEnabled()
    assert "60 characters" in shop.errors["shop.name"].text()
    shop.name.setText("")
    shop.name.setText("Corner Café")  # (QTest cannot type é)
    qtbot.keyClicks(shop.address, "1 Main St | 10115 Berlin")
    qtbot.keyClicks(shop.vat_number, "DE123456789")
    assert not shop.errors["shop.name"].isVisible() and wizard.next_button.isEnabled()
    click(qtbot, wizard.next_button)
    # payments: the modes in plain words, and a preset
    assert wizard.page is wizard.payments and wizard.payments.mode == "trusted_only"
    wizard.payments.preset.setCurrentIndex(wizard.payments.preset.findData("market"))
    assert "weak connection" in wizard.payments.preset_words.text()
    click(qtbot, wizard.next_button)

    # Lightning address: optional when the shop keeps its mints' ecash
    assert wizard.page is wizard.lightning and "Optional" in wizard.lightning.need.text()
    assert wizard.next_button.isEnabled()
    click(qtbot, wizard.next_button)

    # fees and limits: the option's own rules, the reason under the field
    fees = wizard.fees
    assert wizard.page is fees
    fees.fields["limits.sale_max_sat"].editor.setText("-5")
    fees.fields["limits.sale_max_sat"].edited.emit()
    assert not wizard.next_button.isEnabled()
    assert fees.fields["limits.sale_max_sat"].error.isVisible()
    fees.fields["limits.sale_max_sat"].editor.setText("250000")
    fees.fields["limits.sale_max_sat"].edited.emit()
    assert wizard.next_button.isEnabled()
    click(qtbot, wizard.next_button)

    # mints: an unreachable address is explained; the real mint is checked and listed
    page = wizard.mints
    assert wizard.page is page and not wizard.next_button.isEnabled()
    check_mint(qtbot, page.check, f"http://127.0.0.1:{free_port()}")
    assert page.check.report is None
    assert "Nothing answered" in page.check.status.text()
    assert not page.add_button.isEnabled()
    check_mint(qtbot, page.check, mint.url)
    report = page.check.report
    assert report is not None and report.ok and report.units == ["sat"]
    text = page.check.status.text()
    assert "free mint" in text and "sat" in text and "12" in text  # name, unit, NUTs
    click(qtbot, page.add_button)
    assert page.urls == [mint.url] and page.list.count() == 1
    click(qtbot, wizard.next_button)

    # the camera: its picture, and the page's own test code read through it
    camera = wizard.camera
    assert wizard.page is camera and wizard.next_button.isEnabled()  # a test is not required
    video = static_qr_video(tmp_path / "phone.avi", camera.code, seconds=1)
    camera.set_source(str(video.path))
    qtbot.waitUntil(lambda: camera.result == "read", timeout=20_000)
    assert camera.status.text() == "The camera read the test code: it is ready."
    assert camera.view.has_frame
    click(qtbot, wizard.next_button)
    assert camera.worker is None  # the camera is closed once the page is left

    # the receipt printer: none installed here, so the print dialog each time
    assert wizard.page is wizard.printer
    assert wizard.printer.printer_name == ""
    click(qtbot, wizard.next_button)

    # the owner: two PINs that differ are refused; Back keeps what was typed
    owner = wizard.owner
    assert wizard.page is owner
    qtbot.keyClicks(owner.name, "Olga")
    qtbot.keyClicks(owner.pin1, "2468")
    qtbot.keyClicks(owner.pin2, "2469")
    assert owner.error.text() == "The two PINs differ." and not wizard.next_button.isEnabled()
    click(qtbot, wizard.back_button)
    click(qtbot, wizard.next_button)
    assert owner.name.text() == "Olga"
    owner.pin2.setText("2468")
    click(qtbot, wizard.next_button)

    assert wizard.page is wizard.summary
    summary = wizard.summary.summary.text()
    assert mint.url in summary and "Corner Café" in summary and "Olga" in summary
    assert "phone.avi, read a code" in summary
    assert "Receipts: the print dialog each time, 80mm paper" in summary
    mnemonic = wizard.mnemonic
    click(qtbot, wizard.next_button)  # Finish
    qtbot.waitUntil(task.done, timeout=30_000)
    app = task.result()
    assert isinstance(app, App)
    try:
        assert wallet_exists(data)
        assert keys.KeyStore(data).read_meta()["method"] == "passphrase"
        assert app.wallet.mnemonic() == mnemonic
        assert [
            {k: m[k] for k in ("url", "trusted", "priority", "name", "units")}
            for m in stored_mints(arun, app)
        ] == [
            {"url": mint.url, "trusted": True, "priority": 1, "name": "free mint", "units": ["sat"]}
        ]
        values = arun(app.settings.values())
        assert (values["shop.name"], values["shop.address"], values["shop.vat_number"]) == (
            "Corner Café",
            "1 Main St | 10115 Berlin",
            "DE123456789",
        )
        assert values["offline.enabled"] is True  # the market stall preset
        assert values["camera.source"] == str(video.path)
        assert (values["receipt.printer"], values["receipt.paper"]) == ("", "80mm")
        assert [(m.name, m.role) for m in arun(app.staff.list())] == [("Olga", "owner")]
    finally:
        arun(app.aclose())
    # the passphrase really is the key
    reopened = App.open(data, passphrase=lambda _creating: "correct horse battery")
    arun(reopened.aclose())


def test_wizard_restore_path_with_env_key(qtbot, qloop, arun, tmp_path, mint, monkeypatch):
    monkeypatch.setenv(keys.ENV_KEY, keys.new_random_key())
    data = tmp_path / "restored"
    task = asyncio.ensure_future(run_setup(data))
    wizard: SetupWizard = top_level(qtbot, SetupWizard)
    qtbot.keyClick(wizard.welcome.restore, Qt.Key.Key_Space)
    click(qtbot, wizard.next_button)
    assert wizard.page is wizard.restore
    assert wizard.step.text() == "Step 2 of 12"

    qtbot.keyClicks(wizard.restore.edit, RESTORE_WORDS.replace("yellow", "zoo"))
    click(qtbot, wizard.next_button)  # bad checksum
    assert wizard.page is wizard.restore and wizard.restore.error.isVisible()
    assert "not valid" in wizard.restore.error.text()
    wizard.restore.edit.clear()
    qtbot.keyClicks(wizard.restore.edit, "  " + RESTORE_WORDS.upper().replace(" ", "   "))
    click(qtbot, wizard.next_button)

    # POS_DB_KEY is set: no choice, just the notice
    assert wizard.page is wizard.key
    assert wizard.key.method == "env"
    assert wizard.key.notice.isVisible() and keys.ENV_KEY in wizard.key.notice.text()
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)  # the shop: all optional
    click(qtbot, wizard.next_button)  # payments: the defaults
    click(qtbot, wizard.next_button)  # no Lightning address (optional for this mode)
    click(qtbot, wizard.next_button)  # the usual fees and limits
    assert wizard.page is wizard.mints
    check_mint(qtbot, wizard.mints.check, mint.url)
    click(qtbot, wizard.mints.add_button)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)  # no camera test
    click(qtbot, wizard.next_button)  # no printer
    click(qtbot, wizard.next_button)  # no owner: a one-person shop
    assert "restored" in wizard.summary.summary.text()
    assert "no staff accounts" in wizard.summary.summary.text()
    assert "Lightning address: none" in wizard.summary.summary.text()
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(task.done, timeout=30_000)
    app = task.result()
    try:
        assert app.wallet.mnemonic() == RESTORE_WORDS
        assert keys.KeyStore(data).read_meta()["method"] == "env"
        assert [m["trusted"] for m in stored_mints(arun, app)] == [True]
    finally:
        arun(app.aclose())


def test_wizard_offers_keyring_only_when_available(qtbot, qloop, tmp_path):
    for available in (True, False):
        wizard = SetupWizard(tmp_path, lambda url: None, keyring_available=available, env_key=False)
        qtbot.addWidget(wizard)
        assert wizard.key.keyring.isEnabled() is available
        assert wizard.key.method == ("keyring" if available else "passphrase")


def test_wizard_quit_returns_none_and_creates_nothing(qtbot, qloop, tmp_path, fast_keys):
    data = tmp_path / "never"
    task = asyncio.ensure_future(run_setup(data))
    wizard: SetupWizard = top_level(qtbot, SetupWizard)
    click(qtbot, wizard.next_button)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # a stray Esc does not quit
    assert wizard.isVisible()
    click(qtbot, wizard.quit_button)
    qtbot.waitUntil(task.done)
    assert task.result() is None
    assert not data.exists()


def test_try_it_first_answers_training_and_creates_nothing(qtbot, qloop, tmp_path, fast_keys):
    data = tmp_path / "shop"
    task = asyncio.ensure_future(run_setup(data))
    wizard: SetupWizard = top_level(qtbot, SetupWizard)
    assert wizard.step.text() == "Step 1 of 13" and wizard.next_button.text() == "Next"
    qtbot.keyClick(wizard.welcome.create, Qt.Key.Key_Down)
    qtbot.keyClick(wizard.welcome.restore, Qt.Key.Key_Down)  # the arrows pick it, as radios do
    assert wizard.welcome.train.isChecked()
    assert wizard.next_button.text() == "Start training" and wizard.step.text() == ""
    wizard.welcome.create.setChecked(True)  # changing one's mind puts the steps back
    assert wizard.next_button.text() == "Next" and wizard.step.text() == "Step 1 of 13"
    wizard.welcome.train.setChecked(True)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(task.done)
    assert task.result() == setup_wizard.TRY_TRAINING
    assert not data.exists()  # training mode makes its own folder, not the shop's wallet


# -- unlock --------------------------------------------------------------------------------


def make_wallet(arun, data: Path, **kwargs) -> bytes:
    app, created = App.init(data, **kwargs)
    assert created
    arun(app.aclose())
    return hashlib.sha256((data / DB_FILE).read_bytes()).digest()


def test_unlock_with_passphrase_wrong_then_right(qtbot, qloop, arun, tmp_path, fast_keys):
    data = tmp_path / "locked"
    words = nut13.new_mnemonic()
    make_wallet(arun, data, mnemonic=words, key_method="passphrase", passphrase="open sesame 42")
    task = asyncio.ensure_future(unlock(data))
    dialog: UnlockDialog = top_level(qtbot, UnlockDialog)
    assert dialog.passphrase.isVisible() and not dialog.unlock_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "open sesame 43")
    click(qtbot, dialog.unlock_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "Wrong passphrase" in dialog.error.text()
    assert not task.done()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, "open sesame 42")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(task.done, timeout=10_000)
    app = task.result()
    try:
        assert app.wallet.mnemonic() == words
    finally:
        arun(app.aclose())


def test_unlock_silently_with_env_key(qtbot, qloop, arun, tmp_path, monkeypatch):
    monkeypatch.setenv(keys.ENV_KEY, keys.new_random_key())
    data = tmp_path / "env"
    make_wallet(arun, data)
    app = arun(unlock(data))
    assert visible(UnlockDialog)() is None
    arun(app.aclose())


def test_unlock_missing_keyring_entry_explains_and_never_recreates(
    qtbot, qloop, arun, tmp_path, monkeypatch, fast_keys
):
    stash: dict[str, str] = {}
    monkeypatch.setattr(keys, "_keyring_set", lambda a, v: stash.update({a: v}) is None)
    data = tmp_path / "ring"
    before = make_wallet(arun, data, key_method="keyring")
    assert keys.KeyStore(data).read_meta()["method"] == "keyring"
    monkeypatch.setattr(keys, "_keyring_get", lambda _account: None)  # the entry is gone

    task = asyncio.ensure_future(unlock(data))
    dialog: UnlockDialog = top_level(qtbot, UnlockDialog)
    assert not dialog.passphrase.isVisible()
    assert "keyring has no key" in dialog.error.text()
    click(qtbot, dialog.unlock_button)  # Try again: still no key
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible(), timeout=10_000)
    assert "keyring has no key" in dialog.error.text()
    click(qtbot, dialog.quit_button)
    qtbot.waitUntil(task.done)
    assert task.result() is None
    assert hashlib.sha256((data / DB_FILE).read_bytes()).digest() == before

    # once the keyring answers again, Try again opens the same wallet
    monkeypatch.setattr(keys, "_keyring_get", lambda account: stash.get(account))
    app = arun(unlock(data))
    arun(app.aclose())


# -- settings ------------------------------------------------------------------------------


@pytest.fixture
def page(ui, qtbot) -> SettingsPage:
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page._loaded)
    return page


def setting(arun, core, key: str):
    return arun(core.db.run(lambda s: core.config.get(s, key)))


def test_settings_page_is_generated_from_options(page, ui):
    assert page.title == "Settings" and page.shortcut == "F4"
    assert set(page.fields) == set(ui.core.config.options)
    assert page.field("mode").raw() == "trusted_only"
    assert page.field("display.customer_screen").raw() == -1
    assert page.field("camera.source").raw() == "0"


def test_settings_save_valid_and_refuse_invalid_next_to_field(page, ui, arun, qtbot, tmp_path):
    core = ui.core
    qtbot.keyClick(page.field("mode").buttons["auto_convert"], Qt.Key.Key_Space)
    currency = page.field("currency").editor
    currency.clear()
    qtbot.keyClicks(currency, "eur")
    fee = page.field("fees.max_mint_fee_pct")
    fee.editor.clear()
    qtbot.keyClicks(fee.editor, "150")  # above the maximum of 100
    expiry = page.field("sale.expiry_seconds")
    expiry.editor.clear()
    qtbot.keyClicks(expiry.editor, "soon")
    page.field("offline.enabled").editor.setChecked(True)
    qtbot.keyClicks(page.field("lightning.address").editor, "Shop@Example.com")
    sources = page.field("rate.sources")
    sources.add_row({"url": "https://rates.example/api", "path": "bitcoin.eur"})
    video = tmp_path / "qr.mp4"
    camera = page.field("camera.source")
    video.write_bytes(b"not really a video")
    camera.choose_file()
    qtbot.waitUntil(camera.file_dialog.isVisible)
    dialog = camera.file_dialog
    dialog.selectFile(str(video))
    dialog.accept()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # deleted once closed

    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: "Saved" in page.status.text(), timeout=10_000)

    # refused values: explained under their own field, not stored
    assert fee.error.isVisible() and "must be at most 100" in fee.error.text()
    assert fee.isAncestorOf(fee.error)
    assert expiry.error.isVisible() and "whole number" in expiry.error.text()
    assert not page.field("currency").error.isVisible()
    assert "2 setting(s) not saved" in page.status.text()
    assert setting(arun, core, "fees.max_mint_fee_pct") == 2.0
    assert setting(arun, core, "sale.expiry_seconds") == 900
    # valid ones stored, normalised
    assert setting(arun, core, "mode") == "auto_convert"
    assert setting(arun, core, "currency") == "EUR"
    assert setting(arun, core, "offline.enabled") is True
    assert setting(arun, core, "lightning.address") == "shop@example.com"
    assert setting(arun, core, "rate.sources") == [
        {"url": "https://rates.example/api", "path": "bitcoin.eur"}
    ]
    assert setting(arun, core, "camera.source") == str(video)

    # fixing the field clears its error and saves it
    fee.editor.clear()
    qtbot.keyClicks(fee.editor, "1.5")
    expiry.editor.clear()
    qtbot.keyClicks(expiry.editor, "600")
    page.status.clear()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.status.text() == "Saved 2 setting(s).", timeout=10_000)
    assert not fee.error.isVisible() and not expiry.error.isVisible()
    assert setting(arun, core, "fees.max_mint_fee_pct") == 1.5
    assert setting(arun, core, "sale.expiry_seconds") == 600

    # a bad rate source is refused too
    sources.add_row({"url": "http://rates.example", "path": "x"})
    click(qtbot, page.save_button)
    assert "plain http" in sources.error.text()


def test_a_fiat_currency_without_a_rate_is_refused_under_the_currency(page, ui, arun, qtbot):
    core = ui.core
    currency = page.field("currency")
    currency.editor.clear()
    qtbot.keyClicks(currency.editor, "chf")
    qtbot.keyClick(page.field("mode").buttons["hold_when_trusted"], Qt.Key.Key_Space)
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: "Saved 1 setting(s)" in page.status.text(), timeout=10_000)
    assert currency.error.isVisible() and "needs an exchange rate" in currency.error.text()
    assert "1 setting(s) not saved" in page.status.text()
    assert setting(arun, core, "currency") == "sat"
    assert setting(arun, core, "mode") == "hold_when_trusted"
    # with a fixed rate in the same save, both are stored
    fixed = page.field("rate.fixed")
    fixed.editor.clear()
    qtbot.keyClicks(fixed.editor, "80000")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.status.text() == "Saved 2 setting(s).", timeout=10_000)
    assert not currency.error.isVisible()
    assert setting(arun, core, "currency") == "CHF" and setting(arun, core, "rate.fixed") == "80000"


def test_add_mint_dialog_validates_live(page, ui, arun, qtbot, mint):
    page.mint_list.open_add_dialog()
    dialog = page.mint_list.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.add_button.isEnabled()

    check_mint(qtbot, dialog.check, "not a mint")
    assert "not a valid mint address" in dialog.check.status.text()
    check_mint(qtbot, dialog.check, f"http://127.0.0.1:{free_port()}")
    assert "Nothing answered" in dialog.check.status.text()
    assert not dialog.add_button.isEnabled()

    check_mint(qtbot, dialog.check, mint.url + "/")
    text = dialog.check.status.text()
    assert "free mint" in text and "Units: sat" in text and "Has everything" in text
    assert "NUTs" in text and "12" in text
    qtbot.keyClicks(dialog.check.url_edit, "x")  # editing drops the report
    assert not dialog.add_button.isEnabled()
    # keyboard only: Enter in the address checks, Enter again adds
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.check.url_edit.clear()
    dialog.check.url_edit.setFocus()
    qtbot.keyClicks(dialog.check.url_edit, mint.url)
    qtbot.keyClick(dialog.check.url_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.isVisible() and dialog.add_button.hasFocus()
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: page.mint_list.table.rowCount() == 1, timeout=10_000)
    assert page.mint_list.table.item(0, URL).text() == mint.url
    assert stored_mints(arun, ui.core)[0]["trusted"] is True

    # trust toggles from the table's check box
    page.mint_list.table.item(0, TRUSTED).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: stored_mints(arun, ui.core)[0]["trusted"] is False, timeout=10_000)
    qtbot.waitUntil(lambda: page.mint_list.mints[0]["trusted"] is False, timeout=10_000)
    page.mint_list.select(mint.url)
    assert page.mint_list.trust_button.text() == "Trust"
    click(qtbot, page.mint_list.trust_button)
    qtbot.waitUntil(lambda: stored_mints(arun, ui.core)[0]["trusted"] is True, timeout=10_000)


def test_remove_mint_with_balance_is_refused(page, ui, arun, qtbot, mint):
    core = ui.core
    arun(core.mints.add(mint.url, trusted=True))

    async def fresh_token() -> str:
        async with open_client(mint.url) as client:
            return await mint_token(client, 64)

    tok = arun(fresh_token())
    assert arun(core.wallet.receive(tok)).amount == 64
    mints = page.mint_list
    mints.refresh()
    qtbot.waitUntil(lambda: mints.table.rowCount() == 1, timeout=10_000)
    assert mints.table.item(0, BALANCE).text() == "64 sat"
    mints.select(mint.url)
    click(qtbot, mints.remove_button)
    qtbot.waitUntil(mints.message.isVisible, timeout=10_000)
    assert "still holds 64" in mints.message.text()
    assert stored_mints(arun, core)[0]["trusted"] is True


def test_remove_mint_without_balance(page, ui, arun, qtbot, mint):
    arun(ui.core.mints.add(mint.url, trusted=True))
    mints = page.mint_list
    mints.refresh()
    qtbot.waitUntil(lambda: mints.table.rowCount() == 1, timeout=10_000)
    mints.select(mint.url)
    click(qtbot, mints.remove_button)
    qtbot.waitUntil(lambda: "no longer used" in mints.message.text(), timeout=10_000)
    assert stored_mints(arun, ui.core)[0]["trusted"] is False


def test_up_and_down_reorder_the_trusted_mints(
    page, ui, arun, qtbot, mint, fee_mint, stranger_mint
):
    core = ui.core
    for url, trusted in ((mint.url, True), (fee_mint.url, True), (stranger_mint.url, False)):
        arun(core.mints.add(url, trusted=trusted))
    mints = page.mint_list
    mints.refresh()
    qtbot.waitUntil(lambda: mints.table.rowCount() == 3, timeout=10_000)

    def shown() -> list[tuple[str, str]]:
        return [
            (mints.table.item(r, ORDER).text(), mints.table.item(r, URL).text())
            for r in range(mints.table.rowCount())
        ]

    assert shown() == [("1", mint.url), ("2", fee_mint.url), ("—", stranger_mint.url)]
    mints.select(mint.url)
    assert not mints.up_button.isEnabled() and mints.down_button.isEnabled()
    mints.select(stranger_mint.url)  # not trusted: no place in the order
    assert not mints.up_button.isEnabled() and not mints.down_button.isEnabled()

    mints.select(fee_mint.url)
    assert mints.up_button.isEnabled() and not mints.down_button.isEnabled()
    click(qtbot, mints.up_button)
    qtbot.waitUntil(lambda: shown()[0] == ("1", fee_mint.url), timeout=10_000)
    assert shown() == [("1", fee_mint.url), ("2", mint.url), ("—", stranger_mint.url)]
    assert [(m["url"], m["priority"]) for m in stored_mints(arun, core)] == [
        (fee_mint.url, 1),
        (mint.url, 2),
        (stranger_mint.url, None),
    ]
    assert mints.selected_url() == fee_mint.url  # the moved mint stays selected
    assert "number 1" in mints.message.text()

    mints.select(mint.url)
    click(qtbot, mints.up_button)
    qtbot.waitUntil(lambda: shown()[0] == ("1", mint.url), timeout=10_000)
    mints.select(mint.url)
    click(qtbot, mints.down_button)
    qtbot.waitUntil(lambda: shown()[0] == ("1", fee_mint.url), timeout=10_000)
    assert stored_mints(arun, core)[0]["url"] == fee_mint.url


def drop_row(table, source: int, target: int) -> None:
    """Drag row ``source`` and drop it on row ``target`` (-1: below the last row)."""
    table.setCurrentCell(source, URL)
    if target >= 0:
        where = QPointF(table.visualRect(table.model().index(target, URL)).center())
    else:
        where = QPointF(5, table.viewport().height() - 2)
    mime = table.model().mimeData([table.model().index(source, URL)])
    event = QDropEvent(
        where,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    table.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.IgnoreAction  # Qt moves no cell itself


def test_dragging_a_row_moves_the_mint_in_the_shops_order(
    page, ui, arun, qtbot, mint, fee_mint, stranger_mint
):
    core = ui.core
    for url, trusted in ((mint.url, True), (fee_mint.url, True), (stranger_mint.url, False)):
        arun(core.mints.add(url, trusted=trusted))
    mints = page.mint_list
    mints.refresh()
    qtbot.waitUntil(lambda: mints.table.rowCount() == 3, timeout=10_000)

    def order() -> list[tuple[str, int | None]]:
        return [(m["url"], m["priority"]) for m in stored_mints(arun, core)]

    drop_row(mints.table, 1, 0)  # the second trusted mint dropped on the first
    qtbot.waitUntil(lambda: mints.table.item(0, URL).text() == fee_mint.url, timeout=10_000)
    assert order() == [(fee_mint.url, 1), (mint.url, 2), (stranger_mint.url, None)]
    assert mints.table.item(0, ORDER).text() == "1"

    drop_row(mints.table, 0, 2)  # dropped on an untrusted mint: last of the trusted
    qtbot.waitUntil(lambda: mints.table.item(0, URL).text() == mint.url, timeout=10_000)
    assert order() == [(mint.url, 1), (fee_mint.url, 2), (stranger_mint.url, None)]

    drop_row(mints.table, 2, 0)  # an untrusted mint has no place: refused, nothing moves
    assert "Only trusted mints" in mints.message.text()
    assert order() == [(mint.url, 1), (fee_mint.url, 2), (stranger_mint.url, None)]


def test_screenshots(ui, qloop, tmp_path, mint):
    shots = screenshot_states(ui, screenshots_dir(tmp_path) / "setup-settings", mint_url=mint.url)
    names = {p.stem for p in shots}
    assert {
        "wizard_2_seed",
        "unlock_2_wrong_passphrase",
        "unlock_4_shop_server_away",
        "add_mint_2_validated",
        "settings_4_items",
    } <= names
    assert all(p.stat().st_size > 1000 for p in shots)
