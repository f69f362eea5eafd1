"""Settings page: Export settings… and Import settings… with a preview before anything changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import delete, select

from pos_app.core.store.schema import WebhookEndpoint
from pos_app.ui.dialogs.settings_transfer import ExportSettingsDialog, ImportSettingsDialog
from pos_app.ui.pages.settings import SettingsPage

SECRET = "whsec_Z3VpLXNlY3JldC1uZXZlci1pbi10aGUtZmlsZQ"
HOOK = "https://shop.example/gui"


@pytest.fixture
def page(ui, qtbot, arun) -> SettingsPage:
    arun(ui.core.settings.set("shop.name", "Corner Cafe"))
    arun(ui.core.db.run(lambda s: s.add(WebhookEndpoint(url=HOOK, secret=SECRET, state="active"))))
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page._loaded)
    return page


def _pick(dialog, path: Path) -> None:
    chooser = dialog.file_dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()  # open(), not exec()
    chooser.fileSelected.emit(str(path))
    chooser.close()


def _hooks(arun, core):
    return arun(
        core.db.run(lambda s: [(e.url, e.secret) for e in s.scalars(select(WebhookEndpoint))])
    )


def test_export_then_import_with_preview_apply_and_cancel(page, ui, qtbot, arun, tmp_path):
    core = ui.core
    qtbot.mouseClick(page.export_settings_button, Qt.MouseButton.LeftButton)
    export = page.transfer_dialog
    assert isinstance(export, ExportSettingsDialog) and export.isVisible()
    export.with_secrets.setChecked(True)
    assert export.secret_fields.isVisible()
    export.passphrase.setText("tea and cake")
    export.repeat.setText("tea and cakes")
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert "differ" in export.status.text() and export.file_dialog is None
    export.repeat.setText("tea and cake")
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "till.json"
    _pick(export, out)
    qtbot.waitUntil(lambda: not export.busy and out.exists(), timeout=20_000)
    assert str(out) in export.status.text()
    assert SECRET.encode() not in out.read_bytes()
    export.close()

    # The till changes after the export; the import brings the file's values back.
    arun(core.settings.set("shop.name", "Somewhere Else"))
    arun(core.db.run(lambda s: s.execute(delete(WebhookEndpoint))))
    page.reload()
    qtbot.waitUntil(lambda: page.field("shop.name").raw() == "Somewhere Else")

    # Cancel after the preview changes nothing.
    qtbot.mouseClick(page.import_settings_button, Qt.MouseButton.LeftButton)
    first = page.transfer_dialog
    assert isinstance(first, ImportSettingsDialog)
    qtbot.mouseClick(first.choose_button, Qt.MouseButton.LeftButton)
    _pick(first, out)
    qtbot.waitUntil(lambda: first.plan is not None, timeout=20_000)
    assert first.plan.secrets_skipped and "passphrase" in first.status.text()
    first.reject()
    assert arun(core.settings.get("shop.name")) == "Somewhere Else"

    # A wrong passphrase: refused, Apply stays off.
    qtbot.mouseClick(page.import_settings_button, Qt.MouseButton.LeftButton)
    dialog = page.transfer_dialog
    dialog.passphrase.setText("wrong")
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    _pick(dialog, out)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.status.text() != "", timeout=20_000)
    assert dialog.plan is None and not dialog.apply_button.isEnabled()
    assert "passphrase" in dialog.status.text().lower()

    # The right one: the differences old → new, then Apply.
    dialog.passphrase.setText("tea and cake")
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    rows = {
        dialog.table.item(r, 0).text(): (
            dialog.table.item(r, 1).text(),
            dialog.table.item(r, 2).text(),
        )
        for r in range(dialog.table.rowCount())
    }
    assert rows["shop.name"] == ("Somewhere Else", "Corner Cafe")
    assert rows[f"webhook:{HOOK}"][0] == "—" and SECRET not in rows[f"webhook:{HOOK}"][1]
    assert arun(core.settings.get("shop.name")) == "Somewhere Else"  # nothing yet
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: page.field("shop.name").raw() == "Corner Cafe", timeout=10_000)
    assert "Imported" in page.status.text()
    assert arun(core.settings.get("shop.name")) == "Corner Cafe"
    assert _hooks(arun, core) == [(HOOK, SECRET)]
