"""Staff at the till: who is signed in is shown and recorded; a page above their role
opens with the PIN of someone allowed, for that visit only."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.core.store import actor
from pos_app.ui.dialogs.sign_in import SignInDialog
from pos_app.ui.main_window import MainWindow
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.pages.wallet import WalletPage
from pos_app.ui.tasks import running_tasks


@pytest.fixture
def window(ui, qtbot, qloop, arun):
    staff = ui.core.staff
    arun(staff.add("olga", "owner", "246810"))
    arun(staff.add("mona", "manager", "4321"))
    arun(staff.add("carl", "cashier", "1357"))
    win = MainWindow(ui)
    qtbot.addWidget(win)
    win.show()
    carl = arun(staff.verify("carl", "1357"))
    win.set_user(carl)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
    yield win
    win.close()
    actor.sign_in(None)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def open_dialog(qtbot) -> SignInDialog:
    found: list[SignInDialog] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SignInDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


def type_pin(dialog: SignInDialog, name: str, pin: str) -> None:
    dialog.names.setCurrentIndex(dialog.names.findData(name))
    dialog.pin.setText(pin)
    dialog.submit()


def test_the_signed_in_cashier_is_shown_and_written_on_sales(window, ui, arun):
    assert window.user_button.isVisible()
    assert window.user_button.text() == "carl\ncashier"
    sale = arun(ui.core.sales.new_sale("5", "sat"))
    assert arun(ui.core.sales.show(sale["sale_id"]))["staff"] == "carl"


def test_a_page_above_the_cashier_opens_with_a_managers_pin_for_one_visit(window, qtbot):
    wallet = window.pages.index(window.page(WalletPage))
    window.show_page(wallet)
    dialog = open_dialog(qtbot)
    assert window.stack.currentIndex() == 0  # nothing opens before the PIN
    names = [dialog.names.itemData(i) for i in range(dialog.names.count())]
    assert names == ["mona", "olga"]  # only those who may, the least role first
    type_pin(dialog, "mona", "9999")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "Wrong name or PIN" in dialog.error.text() and dialog.pin.text() == ""
    assert window.stack.currentIndex() == 0
    dialog.reject()

    window.show_page(wallet)
    dialog = open_dialog(qtbot)
    qtbot.wait(1100)  # the wait after one wrong PIN
    type_pin(dialog, "mona", "4321")
    qtbot.waitUntil(lambda: window.stack.currentIndex() == wallet, timeout=5000)
    assert actor.who() == "mona"  # what is done here is the manager's
    window.show_page(0)
    assert actor.who() == "carl"
    window.show_page(wallet)  # a new visit asks again
    dialog = open_dialog(qtbot)
    dialog.reject()
    qtbot.wait(50)
    assert window.stack.currentIndex() == 0


def test_settings_need_the_owner_and_a_manager_is_not_offered(window, qtbot):
    settings = window.pages.index(window.page(SettingsPage))
    window.show_page(settings)
    dialog = open_dialog(qtbot)
    assert [dialog.names.itemData(i) for i in range(dialog.names.count())] == ["olga"]
    assert dialog.hint.text() == "This needs the owner's PIN."
    type_pin(dialog, "olga", "246810")
    qtbot.waitUntil(lambda: window.stack.currentIndex() == settings, timeout=5000)


def test_return_in_the_pin_field_signs_in_and_never_quits(window, qtbot):
    from PySide6.QtCore import Qt

    window.user_button.click()
    dialog = open_dialog(qtbot)
    assert dialog.names.itemData(0) == "carl"  # cashiers first
    dialog.pin.setText("0000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert dialog.isVisible()  # a wrong PIN: still asking, not closed
    dialog.reject()


def test_switch_user_signs_someone_else_in(window, qtbot, ui, arun):
    window.user_button.click()
    dialog = open_dialog(qtbot)
    type_pin(dialog, "olga", "246810")
    qtbot.waitUntil(lambda: window.user_button.text() == "olga\nowner", timeout=5000)
    qtbot.waitUntil(
        lambda: (
            [
                (e["subject"], e["actor"])
                for e in arun(ui.core.audit.list())
                if e["action"] == "staff.signed_in"
            ][:2]
            == [("olga", "olga"), ("carl", "carl")]
        ),
        timeout=5000,
    )
    settings = window.pages.index(window.page(SettingsPage))
    window.show_page(settings)  # the owner needs no one's PIN
    assert window.stack.currentIndex() == settings
    assert actor.who() == "olga"


def test_an_idle_till_locks_to_sell_and_asks_who_is_there(window, qtbot):
    wallet = window.pages.index(window.page(WalletPage))
    window.lock_minutes = 5
    window.idle.last -= 4 * 60
    window.check_idle()  # four minutes: nothing yet
    assert not window.locked
    window.idle.last -= 2 * 60
    window.check_idle()
    dialog = open_dialog(qtbot)
    assert window.locked and window.stack.currentIndex() == 0
    assert actor.who() == "system"  # nobody acts while locked
    assert dialog.cancel_button.text() == "Quit"
    assert dialog.isModal()
    type_pin(dialog, "mona", "4321")
    qtbot.waitUntil(lambda: window.user_button.text() == "mona\nmanager", timeout=5000)
    assert not window.locked and actor.who() == "mona"
    window.show_page(wallet)  # a manager opens the Wallet without anyone's PIN
    assert window.stack.currentIndex() == wallet


def test_never_locked_when_off(window):
    window.lock_minutes = 0
    window.idle.last -= 10 * 3600
    window.check_idle()
    assert not window.locked


def test_one_action_above_the_cashier_runs_as_the_manager_who_allowed_it(window, ui, qtbot):
    import asyncio

    from pos_app.core.errors import PosError

    seen: list[str] = []

    async def action() -> str:
        seen.append(actor.who())
        return "done"

    task = asyncio.ensure_future(ui.allowed("manager", "Dismiss", action))
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "Allow" and dialog.hint.text() == "This needs a manager's PIN."
    type_pin(dialog, "mona", "4321")
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.result() == "done" and seen == ["mona"]
    assert actor.who() == "carl"  # still signed in: the PIN allowed this one action

    task = asyncio.ensure_future(ui.allowed("manager", "Dismiss", action))
    open_dialog(qtbot).reject()
    qtbot.waitUntil(task.done, timeout=5000)
    with pytest.raises(PosError) as err:
        task.result()
    assert err.value.code == "staff.cancelled"
    assert err.value.user_message == "Nothing was done: it needs a manager's PIN."
    assert seen == ["mona"]


def test_a_cashiers_big_sale_is_made_once_a_manager_types_their_pin(window, ui, arun, qtbot):
    from pos_app.ui.pages.sell import SellPage

    arun(ui.core.settings.set("limits.confirm_above_sat", "500"))
    arun(ui.core.settings.set("currency", "sat"))
    sell = window.page(SellPage)
    sell.settings["currency"] = "sat"
    sell.charge("501")
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "Allow"
    assert (
        "needs a manager: this one is 501 sat" in dialog.findChildren(type(dialog.hint))[0].text()
    )
    type_pin(dialog, "mona", "4321")
    qtbot.waitUntil(lambda: sell.stack.currentWidget() is sell.payment, timeout=10_000)
    sale_id = sell.payment.sale_id
    assert arun(ui.core.sales.show(sale_id))["staff"] == "mona"
    assert actor.who() == "carl"
