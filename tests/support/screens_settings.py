"""Screenshots of the setup wizard, the unlock dialog, the Settings page and the Add-mint dialog.

``screenshot_states(ui, out_dir)`` puts each window in the states the issue names and
saves PNGs. It pumps Qt itself (never inside a coroutine), so call it from a test
body with the qasync loop of ``tests/gui/conftest.py`` installed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from pos_app.core.errors import NetworkError, StorageError
from pos_app.core.keystatus import KeyStatus
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.add_mint import AddMintDialog
from pos_app.ui.dialogs.setup_wizard import SetupWizard
from pos_app.ui.dialogs.unlock import UnlockDialog
from pos_app.ui.pages.settings import SettingsPage
from tests.support.qrvideo import static_qr_video
from tests.support.screens_common import SCHEMES, pump_until, save, themed
from tests.support.testmint import free_port

VALID_WORDS = "abandon " * 11 + "about"  # the BIP39 test vector


def _save(widget: QWidget, out_dir: Path, name: str, shots: list[Path]) -> None:
    shots.append(save(widget, out_dir / f"{name}.png"))


def _wizard_states(ui: UiContext, out_dir: Path, mint_url: str | None, shots: list[Path]) -> None:
    wizard = SetupWizard(
        out_dir / "unused-wallet",
        ui.core.mints.inspect,
        keyring_available=False,
        env_key=False,
        printers=lambda: ["Till roll (80 mm)", "Office laser"],
        print_direct=lambda _receipt, _name, _paper: True,
    )
    wizard.show()
    assert wizard.page is wizard.welcome
    _save(wizard, out_dir, "wizard_1_welcome", shots)
    wizard.go_next()
    assert wizard.page is wizard.seed and not wizard.next_button.isEnabled()
    _save(wizard, out_dir, "wizard_2_seed", shots)
    wizard.seed.written.setChecked(True)
    wizard.go_next()
    confirm = wizard.confirm
    for i, (position, edit) in enumerate(zip(confirm.positions, confirm.edits, strict=True)):
        right = confirm.words[position]
        edit.setText(right if i != 1 else "zoo" if right != "zoo" else "abandon")
    wizard.go_next()  # refused: the second word is wrong
    assert wizard.page is confirm and confirm.errors[1].isVisible()
    _save(wizard, out_dir, "wizard_3_confirm_error", shots)
    confirm.edits[1].setText(confirm.words[confirm.positions[1]])
    wizard.go_next()
    wizard.key.pass1.setText("correct horse battery")
    wizard.key.pass2.setText("correct horse")
    wizard.go_next()  # refused: the passphrases differ
    assert wizard.page is wizard.key and wizard.key.error2.isVisible()
    _save(wizard, out_dir, "wizard_4_key_passphrase_error", shots)
    wizard.key.pass2.setText("correct horse battery")
    wizard.go_next()
    assert wizard.page is wizard.shop
    wizard.shop.name.setText("Corner Café")
    wizard.shop.address.setText("1 Main Street | 10115 Berlin")
    wizard.shop.vat_number.setText("x" * 61)  # too long: the reason under the field
    _save(wizard, out_dir, "wizard_4b_shop_error", shots)
    wizard.shop.vat_number.setText("DE123456789")
    wizard.go_next()
    assert wizard.page is wizard.payments
    wizard.payments.preset.setCurrentIndex(wizard.payments.preset.findData("cafe"))
    _save(wizard, out_dir, "wizard_4c_payments", shots)
    wizard.go_next()
    assert wizard.page is wizard.fees
    _save(wizard, out_dir, "wizard_4e_fees", shots)
    wizard.go_next()
    assert wizard.page is wizard.mints and not wizard.next_button.isEnabled()
    _save(wizard, out_dir, "wizard_5_mints_empty", shots)
    wizard.mints.check.url_edit.setText(f"http://127.0.0.1:{free_port()}")
    wizard.mints.check.check()
    pump_until(lambda: not wizard.mints.check.busy)
    assert "Nothing answered" in wizard.mints.check.status.text()
    _save(wizard, out_dir, "wizard_6_mints_unreachable", shots)
    if mint_url:
        wizard.mints.check.url_edit.setText(mint_url)
        wizard.mints.check.check()
        pump_until(lambda: wizard.mints.check.report is not None)
        assert wizard.mints.check.report.ok and wizard.mints.add_button.isEnabled()
        _save(wizard, out_dir, "wizard_7_mint_checked", shots)
        wizard.mints.add_checked()
        assert wizard.mints.urls == [mint_url]
        _save(wizard, out_dir, "wizard_8_mint_listed", shots)
        wizard.go_next()
        camera = wizard.camera
        assert wizard.page is camera
        video = static_qr_video(out_dir / "test-code.avi", camera.code, seconds=1)
        camera.set_source(str(video.path))
        pump_until(lambda: camera.result == "read" and camera.view.has_frame, timeout=20)
        _save(wizard, out_dir, "wizard_8c_camera_test", shots)
        wizard.go_next()
        assert wizard.page is wizard.printer
        wizard.printer.printer.setCurrentIndex(1)
        wizard.printer.print_test()
        assert wizard.printer.result == "printed"
        _save(wizard, out_dir, "wizard_8d_printer_test", shots)
        wizard.go_next()
        assert wizard.page is wizard.owner
        wizard.owner.name.setText("Olga")
        wizard.owner.pin1.setText("2468")
        wizard.owner.pin2.setText("2468")
        _save(wizard, out_dir, "wizard_8b_owner", shots)
        wizard.go_next()
        assert wizard.page is wizard.summary and mint_url in wizard.summary.summary.text()
        _save(wizard, out_dir, "wizard_9_summary", shots)
        wizard.set_busy(wizard.tr("Creating the encrypted wallet…"))
        assert wizard.summary.progress.isVisible() and not wizard.next_button.isEnabled()
        _save(wizard, out_dir, "wizard_10_creating", shots)
        wizard.set_busy(None)
    wizard.hide()
    wizard.deleteLater()

    restore = _restore_wizard(ui, out_dir, keyring_available=True, env_key=False, bad_words=True)
    assert restore.page is restore.restore and restore.restore.error.isVisible()
    _save(restore, out_dir, "wizard_restore_error", shots)
    restore.restore.edit.setPlainText(VALID_WORDS)
    restore.go_next()
    assert restore.page is restore.key and restore.key.method == "keyring"
    _save(restore, out_dir, "wizard_key_keyring", shots)
    restore.hide()
    restore.deleteLater()

    env = _restore_wizard(ui, out_dir, keyring_available=False, env_key=True)
    assert env.page is env.key and env.key.method == "env"
    _save(env, out_dir, "wizard_key_env", shots)
    env.hide()
    env.deleteLater()


def _restore_wizard(
    ui: UiContext, out_dir: Path, *, keyring_available: bool, env_key: bool, bad_words: bool = False
) -> SetupWizard:
    """A wizard on the restore path, past the words (or stopped on them by a bad checksum)."""
    wizard = SetupWizard(
        out_dir / "unused-wallet",
        ui.core.mints.inspect,
        keyring_available=keyring_available,
        env_key=env_key,
    )
    wizard.show()
    wizard.welcome.restore.setChecked(True)
    wizard.go_next()
    wizard.restore.edit.setPlainText("abandon " * 11 + "zoo" if bad_words else VALID_WORDS)
    wizard.go_next()
    return wizard


def _unlock_states(out_dir: Path, shots: list[Path]) -> None:
    dialog = UnlockDialog(out_dir / "wallet", KeyStatus("passphrase", False, False))
    dialog.show()
    assert dialog.passphrase.isVisible() and not dialog.unlock_button.isEnabled()
    _save(dialog, out_dir, "unlock_1_passphrase", shots)
    dialog.passphrase.setText("not the passphrase")
    dialog.show_problem(StorageError("storage.wrong_key", "The database key is wrong."))
    assert "Wrong passphrase" in dialog.error.text()
    _save(dialog, out_dir, "unlock_2_wrong_passphrase", shots)
    dialog.hide()
    dialog.deleteLater()
    problems = (
        (
            "unlock_3_keyring_missing",
            KeyStatus("keyring", False, False),
            StorageError(
                "storage.no_key",
                "No database key is available.",
                "the OS keyring has no key for this wallet",
            ),
            "keyring has no key",
        ),
        (
            "unlock_4_shop_server_away",
            KeyStatus("keyring", True, False),
            NetworkError(
                "storage.pg_unreachable",
                "No database server answers at that address.",
                "db.shop.lan:5432/shop: connection refused",
            ),
            "database server does not answer",
        ),
    )
    for name, status, err, shown in problems:
        problem = UnlockDialog(out_dir / "wallet", status)
        problem.show()
        problem.show_problem(err)
        assert shown in problem.error.text()
        _save(problem, out_dir, name, shots)
        problem.hide()
        problem.deleteLater()


def _settings_states(ui: UiContext, out_dir: Path, shots: list[Path]) -> None:
    page = SettingsPage(ui)
    page.resize(1100, 820)
    page.show()
    page.activated()
    known = len(ui.core.db.transact(ui.core.mints.list))
    pump_until(lambda: page._loaded and page.mint_list.table.rowCount() == known)
    _save(page, out_dir, "settings_1_top", shots)
    page.field("fees.max_mint_fee_pct").editor.setText("150")
    page.field("lightning.address").editor.setText("not an address")
    page.save()
    assert page.field("fees.max_mint_fee_pct").error.isVisible()
    assert page.field("lightning.address").error.isVisible()
    _save(page, out_dir, "settings_2_error_next_to_field", shots)
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    _save(page, out_dir, "settings_3_bottom", shots)
    page.scroll.ensureWidgetVisible(page.items)
    _save(page, out_dir, "settings_4_items", shots)
    page.hide()
    page.deleteLater()


def _add_mint_states(ui: UiContext, out_dir: Path, mint_url: str | None, shots: list[Path]) -> None:
    dialog = AddMintDialog(ui.core)
    dialog.show()
    dialog.check.url_edit.setText(f"http://127.0.0.1:{free_port()}")
    dialog.check.check()
    pump_until(lambda: not dialog.check.busy)
    assert "Nothing answered" in dialog.check.status.text() and not dialog.add_button.isEnabled()
    _save(dialog, out_dir, "add_mint_1_unreachable", shots)
    if mint_url:
        dialog.check.url_edit.setText(mint_url)
        dialog.check.check()
        pump_until(lambda: dialog.report is not None)
        assert dialog.add_button.isEnabled()
        _save(dialog, out_dir, "add_mint_2_validated", shots)
        dialog.add_button.click()  # so the Settings page shows the mint in its list
        pump_until(lambda: not dialog.isVisible())
    dialog.hide()
    dialog.deleteLater()


def screenshot_states(ui: UiContext, out_dir: Path, *, mint_url: str | None = None) -> list[Path]:
    """Save a PNG of every state of the setup, unlock, settings and add-mint windows.

    Args:
        ui: a UiContext over an open wallet (its mints are checked live).
        out_dir: where the PNGs go.
        mint_url: a running mint for the "validated mint" states (else the first
            mint the wallet knows, else those states are skipped); it is added to
            the wallet as trusted, so the Settings page shows it.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if mint_url is None:
        known = [m for m in ui.core.db.transact(ui.core.mints.list) if m["trusted"]]
        mint_url = known[0]["url"] if known else None
    shots: list[Path] = []
    for scheme in SCHEMES:
        with themed(scheme):
            folder = out_dir / scheme
            folder.mkdir(exist_ok=True)
            _wizard_states(ui, folder, mint_url, shots)
            _unlock_states(folder, shots)
            _add_mint_states(ui, folder, mint_url, shots)
            _settings_states(ui, folder, shots)
    return shots
