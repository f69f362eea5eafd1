"""Staff in Settings: the owner adds, changes, unlocks and removes accounts through the panel;
the core's refusals are said in place and nothing is lost."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QGroupBox, QMessageBox

from pos_app.core.store import actor
from pos_app.ui.dialogs.sign_in import SignInDialog
from pos_app.ui.main_window import MainWindow
from pos_app.ui.pages.analytics import AnalyticsPage
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.pages.wallet import WalletPage
from pos_app.ui.tasks import running_tasks
from pos_app.ui.widgets.staff_panel import MemberDialog, StaffPanel


def settle(qtbot) -> None:
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


@pytest.fixture
def owner_window(ui, qtbot, qloop, arun):
    staff = ui.core.staff
    arun(staff.add("olga", "owner", "246810"))
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    win.set_user(arun(staff.verify("olga", "246810")))
    settle(qtbot)
    settings = win.pages.index(win.page(SettingsPage))
    win.show_page(settings)
    assert win.stack.currentIndex() == settings
    panel = win.page(SettingsPage).staff
    qtbot.waitUntil(lambda: [m.name for m in panel.members] == ["olga"], timeout=5000)
    yield win, panel
    win.close()
    actor.sign_in(None)
    settle(qtbot)


def names(panel: StaffPanel) -> list[tuple[str, str]]:
    return [
        (panel.table.item(r, 0).text(), panel.table.item(r, 1).text())
        for r in range(panel.table.rowCount())
    ]


def fill(dialog: MemberDialog, *, name="", role=None, pin="", again=None) -> None:
    dialog.name.setText(name)
    if role is not None:
        dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.pin.setText(pin)
    dialog.pin_again.setText(pin if again is None else again)
    dialog.ok_button.click()


def test_the_panel_is_a_staff_group_of_the_settings_page(owner_window):
    win, panel = owner_window
    boxes = [b for b in win.page(SettingsPage).findChildren(QGroupBox) if b.title() == "Staff"]
    assert len(boxes) == 1 and boxes[0].isAncestorOf(panel)
    assert names(panel) == [("olga", "owner")]
    assert panel.table.item(0, 2).text() != "—"  # her sign-in above is recorded
    assert panel.table.item(0, 3).text() == "—"


def test_the_owner_adds_a_cashier_who_can_then_sign_in(owner_window, ui, qtbot, arun):
    _win, panel = owner_window
    dialog = panel.open_add()
    assert dialog.isVisible()
    fill(dialog, name="cleo", role="cashier", pin="2468")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: ("cleo", "cashier") in names(panel), timeout=5000)
    assert panel.message.text() == "Added."
    added = [e for e in arun(ui.core.audit.list()) if e["action"] == "staff.added"]
    assert (added[0]["subject"], added[0]["actor"]) == ("cleo", "olga")

    sign_in = SignInDialog(ui.core.staff, arun(ui.core.staff.list()))
    qtbot.addWidget(sign_in)
    signed = []
    sign_in.signed.connect(signed.append)
    sign_in.names.setCurrentIndex(sign_in.names.findData("cleo"))
    sign_in.pin.setText("2468")
    sign_in.submit()
    qtbot.waitUntil(lambda: bool(signed), timeout=5000)
    assert (signed[0].name, signed[0].role) == ("cleo", "cashier")


@pytest.mark.parametrize(
    ("pin", "again", "reason"),
    [
        ("123", "123", "A PIN is 4 to 8 digits."),
        ("2468", "2469", "The two PINs are not the same"),
    ],
)
def test_a_bad_pin_is_refused_with_the_reason_and_nothing_is_added(
    owner_window, ui, qtbot, arun, pin, again, reason
):
    _win, panel = owner_window
    dialog = panel.open_add()
    fill(dialog, name="cleo", role="cashier", pin=pin, again=again)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert reason in dialog.error.text()
    assert dialog.isVisible() and dialog.name.text() == "cleo"  # the name typed is kept
    settle(qtbot)
    assert [m.name for m in arun(ui.core.staff.list())] == ["olga"]
    # corrected, the same dialog adds it
    fill(dialog, name="cleo", role="cashier", pin="2468")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert [m.name for m in arun(ui.core.staff.list())] == ["olga", "cleo"]


def test_change_pin_and_role(owner_window, ui, qtbot, arun):
    from pos_app.core.errors import PosError

    _win, panel = owner_window
    arun(ui.core.staff.add("carl", "cashier", "1357"))
    panel.refresh()
    qtbot.waitUntil(lambda: len(panel.members) == 2, timeout=5000)
    panel.select("carl")
    assert panel.pin_button.isEnabled() and not panel.unlock_button.isEnabled()
    dialog = panel.open_change_pin()
    fill(dialog, pin="97531")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert arun(ui.core.staff.verify("carl", "97531")).name == "carl"
    with pytest.raises(PosError):
        arun(ui.core.staff.verify("carl", "1357"))

    panel.select("carl")
    dialog = panel.open_change_role()
    fill(dialog, role="manager")
    qtbot.waitUntil(lambda: ("carl", "manager") in names(panel), timeout=5000)
    assert panel.message.text() == "Role changed."


def answer(qtbot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_the_last_owner_can_be_neither_removed_nor_demoted(owner_window, ui, qtbot, arun):
    _win, panel = owner_window
    panel.select("olga")
    box = panel.ask_remove()
    assert box is not None and "olga" in box.text()
    answer(qtbot, box, "Remove")
    qtbot.waitUntil(lambda: panel.message.isVisible(), timeout=5000)
    assert "last owner" in panel.message.text()
    dialog = panel.open_change_role()
    fill(dialog, role="manager")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "last owner" in dialog.error.text()
    dialog.reject()
    assert [(m.name, m.role) for m in arun(ui.core.staff.list())] == [("olga", "owner")]


def test_removal_asks_first_and_keep_keeps(owner_window, ui, qtbot, arun):
    _win, panel = owner_window
    arun(ui.core.staff.add("carl", "cashier", "1357"))
    panel.refresh()
    qtbot.waitUntil(lambda: len(panel.members) == 2, timeout=5000)
    panel.select("carl")
    answer(qtbot, panel.ask_remove(), "Keep")
    settle(qtbot)
    assert len(arun(ui.core.staff.list())) == 2
    panel.select("carl")
    answer(qtbot, panel.ask_remove(), "Remove")
    qtbot.waitUntil(lambda: names(panel) == [("olga", "owner")], timeout=5000)
    assert any(e["action"] == "staff.removed" for e in arun(ui.core.audit.list()))


def test_a_locked_account_is_shown_and_unlocked(owner_window, ui, qtbot, arun):
    from pos_app.core.errors import PosError

    _win, panel = owner_window
    arun(ui.core.settings.set("staff.pin_lock_after", 2))
    arun(ui.core.staff.add("carl", "cashier", "1357"))
    for _ in range(2):  # no wait after the first: the second locks
        with pytest.raises(PosError):
            arun(ui.core.staff.verify("carl", "0000"))
    with pytest.raises(PosError) as err:
        arun(ui.core.staff.verify("carl", "1357"))
    assert err.value.code == "staff.locked"
    panel.refresh()
    qtbot.waitUntil(lambda: len(panel.members) == 2, timeout=5000)
    row = [m.name for m in panel.members].index("carl")
    assert panel.table.item(row, 3).text() != "—"
    panel.select("carl")
    assert panel.unlock_button.isEnabled()
    panel.unlock_button.click()
    qtbot.waitUntil(lambda: panel.message.text() == "Unlocked.", timeout=5000)
    settle(qtbot)
    assert arun(ui.core.staff.verify("carl", "1357")).name == "carl"


@pytest.fixture
def cashier_window(ui, qtbot, qloop, arun):
    staff = ui.core.staff
    arun(staff.add("olga", "owner", "246810"))
    arun(staff.add("mona", "manager", "4321"))
    arun(staff.add("carl", "cashier", "1357"))
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    win.set_user(arun(staff.verify("carl", "1357")))
    settle(qtbot)
    yield win
    win.close()
    actor.sign_in(None)
    settle(qtbot)


def test_a_cashier_reaches_neither_settings_nor_exports(cashier_window, qtbot):
    win = cashier_window
    for page, offered in (
        (SettingsPage, ["olga"]),  # the seed and staff live here
        (WalletPage, ["mona", "olga"]),  # exports, withdrawals
        (AnalyticsPage, ["mona", "olga"]),  # takings and their exports
    ):
        win.show_page(win.pages.index(win.page(page)))
        found: list[SignInDialog] = []

        def shown(found=found) -> bool:
            found[:] = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, SignInDialog) and w.isVisible()
            ]
            return bool(found)

        qtbot.waitUntil(shown, timeout=5000)
        dialog = found[0]
        assert [dialog.names.itemData(i) for i in range(dialog.names.count())] == offered
        dialog.reject()
        settle(qtbot)
        assert win.stack.currentIndex() == 0 and actor.who() == "carl"
