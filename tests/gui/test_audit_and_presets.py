"""Settings tools for the owner: the audit log (read, checked, exported) and the presets."""

from __future__ import annotations

import csv

from sqlalchemy import text

from pos_app.core.wallet import journal
from pos_app.ui.dialogs.audit_dialog import AuditDialog


def test_the_owner_reads_checks_and_exports_the_log(ui, qtbot, tmp_path):
    core = ui.core
    for action in ("melt.done", "receive.done", "melt.failed"):
        core.db.transact(lambda s, a=action: journal.audit(s, a, "op-7", {"amount": 21}))
    dialog = AuditDialog(ui)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 3, timeout=5000)
    assert dialog.table.item(0, 3).text() == "melt.failed"  # newest first
    assert dialog.table.item(0, 2).text() == "system" and dialog.table.item(0, 4).text() == "op-7"

    dialog.action.setText("melt.")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.reload()
    assert [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())] == [
        "melt.failed",
        "melt.done",
    ]

    with qtbot.waitSignal(dialog.checked, timeout=5000) as good:
        dialog.check()
    assert good.args[0].ok and dialog.verdict.text().startswith("The log holds")

    path = tmp_path / "audit.csv"
    dialog.export_to(str(path))
    qtbot.waitUntil(lambda: dialog.verdict.text() == "Saved: audit.csv", timeout=5000)
    with path.open(newline="") as f:
        assert [r["action"] for r in csv.DictReader(f)] == ["melt.done", "melt.failed"]

    target = int(dialog.table.item(1, 0).text())
    core.db.transact(
        lambda s: s.execute(
            text("UPDATE audit_log SET actor = 'mallory' WHERE id = :i"), {"i": target}
        )
    )
    with qtbot.waitSignal(dialog.checked, timeout=5000) as bad:
        dialog.check()
    assert bad.args[0].broken_at == target
    assert dialog.verdict.text().startswith(f"Entry #{target} does not follow")


def test_settings_open_the_audit_log(ui, qtbot):
    from pos_app.ui.pages.settings import SettingsPage

    page = SettingsPage(ui)
    qtbot.addWidget(page)
    dialog = page.open_audit()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.entries is not None, timeout=5000)
    dialog.close()


def test_a_preset_chosen_in_settings_shows_its_changes_then_applies_them(ui, qtbot, arun):
    from pos_app.ui.pages.settings import SettingsPage

    page = SettingsPage(ui)
    qtbot.addWidget(page)
    dialog = page.open_presets()
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.choose("market")
    rows = [
        tuple(dialog.table.item(r, c).text() for c in range(3))
        for r in range(dialog.table.rowCount())
    ]
    assert ("Accept payments while a mint is offline", "off", "on") in rows
    assert arun(ui.core.settings.get("offline.enabled")) is False  # nothing before Apply
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.apply_button.click()
    assert arun(ui.core.settings.get("offline.enabled")) is True
    assert dialog.status.text() == f"Applied: {len(rows)} settings changed."
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.preview()
    assert dialog.table.rowCount() == 0 and not dialog.apply_button.isEnabled()
    dialog.close()
