"""What a shop does with the real program, step by step (run by ``gui_driver``).

Each function takes the :class:`~tests.support.gui_driver.pos_gui_driver.Driver`,
whose ``args`` come from the test (mint URL, passphrase, token). Scenarios act
through the widgets a person uses (buttons, fields, the keypad, the Quit action)
and note each step; the test then checks the program's exit code, its stderr and
its log.
"""

from __future__ import annotations

import gc
import threading
import time
from typing import Any

STAYS_UP_SECONDS = 3.0


def top(class_name: str) -> Any:
    """The visible top-level window of that class, if any (call on the GUI thread)."""
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == class_name and widget.isVisible():
            return widget
    return None


def main_window_stays_up(d: Any) -> Any:
    """Wait for the main window and its wallet, then check it is still shown a bit later.

    With ``POS_DB_KEY`` the window is shown while the wallet opens: its pages come after.
    """
    window = d.wait(lambda: top("MainWindow"), "the main window")
    d.note("main window shown")
    d.wait(lambda: window.is_ready, "the wallet open in the main window", timeout=60)
    time.sleep(STAYS_UP_SECONDS)
    if not d.gui(window.isVisible):
        raise AssertionError("the main window closed by itself")
    d.note("main window stays up")
    # Opening the wallet ran in a worker thread: it must be the app's own pool (the kind
    # the GUI tests use), not qasync's QThreads, which abort the process if alive at exit.
    workers = [t.name for t in threading.enumerate() if t.name.startswith("pos-app")]
    if not workers:
        raise AssertionError(f"no pos-app worker thread: {[t.name for t in threading.enumerate()]}")
    return window


def quit_by_menu(d: Any, window: Any) -> None:
    """Ctrl+Q's action, as the menu and the shortcut trigger it; the program then exits."""
    d.note("DONE")  # written first: the process may be gone before the call returns
    d.gui(window.quit_action.trigger)


def first_run(d: Any) -> None:
    """New shop: create a wallet kept under a passphrase, trust the test mint, Finish."""
    wizard = d.wait(lambda: top("SetupWizard"), "the setup wizard")
    d.note("wizard shown")

    def create() -> None:
        wizard.welcome.create.setChecked(True)
        wizard.next_button.click()

    d.gui(create)
    d.wait(lambda: wizard.page is wizard.seed, "the recovery words")

    def written() -> None:
        wizard.seed.written.setChecked(True)
        wizard.next_button.click()

    d.gui(written)
    d.wait(lambda: wizard.page is wizard.confirm, "the backup check")

    def confirm() -> None:
        page = wizard.confirm
        for position, edit in zip(page.positions, page.edits, strict=True):
            edit.setText(page.words[position])
        wizard.next_button.click()

    d.gui(confirm)
    d.wait(lambda: wizard.page is wizard.key, "the key page")

    def passphrase() -> None:
        wizard.key.passphrase.setChecked(True)
        wizard.key.pass1.setText(d.args["passphrase"])
        wizard.key.pass2.setText(d.args["passphrase"])
        wizard.next_button.click()

    d.gui(passphrase)
    d.wait(lambda: wizard.page is wizard.shop, "the shop page")
    d.gui(lambda: wizard.shop.name.setText("Smoke Test Shop"))
    d.gui(wizard.next_button.click)
    d.wait(lambda: wizard.page is wizard.payments, "the payments page")
    d.gui(wizard.next_button.click)
    d.wait(lambda: wizard.page is wizard.lightning, "the Lightning address page")
    d.gui(wizard.next_button.click)  # optional while the shop keeps its mints' ecash
    d.wait(lambda: wizard.page is wizard.fees, "the fees and limits page")
    d.gui(wizard.next_button.click)  # the usual fees and limits
    d.wait(lambda: wizard.page is wizard.mints, "the mints page")

    def check_mint() -> None:
        wizard.mints.check.url_edit.setText(d.args["mint"])
        wizard.mints.check.check_button.click()

    d.gui(check_mint)
    d.wait(lambda: wizard.mints.add_button.isEnabled(), "the mint check")
    d.gui(wizard.mints.add_button.click)
    d.gui(wizard.next_button.click)
    d.wait(lambda: wizard.page is wizard.camera, "the camera test")
    d.gui(wizard.next_button.click)  # no camera on a test box: said, and skippable
    d.wait(lambda: wizard.page is wizard.printer, "the receipt printer page")
    d.gui(wizard.next_button.click)
    d.wait(lambda: wizard.page is wizard.owner, "the owner page")
    d.gui(wizard.next_button.click)  # no staff accounts: unlock goes straight to the till
    d.wait(lambda: wizard.page is wizard.summary, "the summary")
    d.note("finish")
    d.gui(wizard.next_button.click)
    window = main_window_stays_up(d)
    if d.gui(lambda: top("SetupWizard")) is not None:
        raise AssertionError("the wizard is still shown")
    quit_by_menu(d, window)


def unlock_sell_quit(d: Any) -> None:
    """Restart: a wrong passphrase is refused, the right one opens; a sale is paid; Quit."""
    dialog = d.wait(lambda: top("UnlockDialog"), "the unlock dialog")
    d.note("unlock shown")

    def type_passphrase(text: str) -> None:
        dialog.passphrase.setText(text)
        dialog.unlock_button.click()

    d.gui(type_passphrase, d.args["passphrase"] + "x")
    d.wait(
        lambda: dialog.error.isVisible() and "Wrong passphrase" in dialog.error.text(),
        "the wrong passphrase message",
    )
    d.note("wrong passphrase refused")
    d.gui(type_passphrase, d.args["passphrase"])
    window = main_window_stays_up(d)
    sell_a_token(d, window)
    quit_by_menu(d, window)


def open_sale(d: Any, window: Any) -> Any:
    """Type the amount on the keypad and charge; the Sell page once the request shows."""
    sell = window.pages[0]

    def charge() -> None:
        for key in d.args["amount"]:
            sell.keypad.press(key)
        sell.keypad.submit()

    d.gui(charge)
    d.wait(lambda: sell.payment.state == "waiting", "the payment request", timeout=60)
    return sell


def sell_a_token(d: Any, window: Any) -> None:
    """Type the amount on the keypad, charge, paste the customer's token, see Paid."""
    sell = open_sale(d, window)
    d.note("sale open")

    def paste() -> None:
        sell.payment.scan.paste.setText(d.args["token"])
        sell.payment.scan.paste_button.click()

    d.gui(paste)
    d.wait(lambda: sell.payment.state == "paid", "Paid", timeout=60)
    d.note("paid")


def quit_with_open_sale(d: Any) -> None:
    """Quit with a sale waiting: asked; Keep selling keeps the app; Quit then ends it."""
    window = main_window_stays_up(d)
    sell = open_sale(d, window)
    d.gui(window.quit_action.trigger)
    box = d.wait(lambda: window.quit_box, "the question before quitting")
    d.note("asked before quitting")

    def answer(role_name: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        role = getattr(QMessageBox.ButtonRole, role_name)
        button = next(b for b in box.buttons() if box.buttonRole(b) == role)
        button.click()

    d.gui(answer, "RejectRole")
    d.wait(lambda: window.quit_box is None, "the question to close")
    time.sleep(1)
    if not d.gui(window.isVisible):
        raise AssertionError("Keep selling closed the app")
    if d.gui(lambda: sell.payment.state) != "waiting":
        raise AssertionError("the sale was left")
    d.note("kept selling")
    d.gui(window.close)  # the window's close button asks too
    box = d.wait(lambda: window.quit_box, "the question before closing")
    d.note("DONE")
    d.gui(answer, "AcceptRole")


def wait_for_signal(d: Any) -> None:
    """Main window up; the test then sends SIGTERM or SIGINT."""
    main_window_stays_up(d)
    d.note("DONE")


def quit_while_opening(d: Any) -> None:
    """Ctrl+Q as soon as the main window shows, while its wallet is still opening."""
    window = d.wait(lambda: top("MainWindow"), "the main window")

    def quit_now() -> bool:
        opening = not window.is_ready
        window.quit_action.trigger()
        return opening

    d.note("DONE")  # first: the process may be gone before the call returns
    if d.gui(quit_now):
        d.note("quit before ready")


def quit_setup(d: Any) -> None:
    """Open the wizard, leave it waiting, then press Quit on its first page."""
    wizard = d.wait(lambda: top("SetupWizard"), "the setup wizard")
    # The start paused the garbage collector until the till is ready for a sale, which a
    # wizard nobody answers never is: a few seconds on it resumes all the same
    # (pos_app.ui.main.SETTLE_AFTER_MS), what the start loaded frozen.
    d.wait(gc.isenabled, "collection to resume while the wizard waits")
    if gc.get_freeze_count() > 0:
        d.note("collector settled")
    d.note("DONE")
    d.gui(wizard.quit_button.click)


def check_training_till(d: Any, window: Any) -> None:
    """The TRAINING band, a way out, and the customer wallet beside the till."""

    def look() -> None:
        from PySide6.QtWidgets import QLabel

        band = window.findChild(QLabel, "training-band")
        if band is None or not band.isVisible() or window.leave_training_action is None:
            raise AssertionError("no TRAINING band or no way to leave training mode")
        if window.customer_wallet is None or not window.customer_wallet.isVisible():
            raise AssertionError("the customer wallet is not shown beside the training till")

    d.gui(look)
    d.note("training till shown")


def training_till_quit(d: Any) -> None:
    """``pos-app --training``: the till comes up as a trainee finds it; then Quit."""
    window = main_window_stays_up(d)
    check_training_till(d, window)
    quit_by_menu(d, window)


def try_training_then_leave(d: Any) -> None:
    """First start: "Try it first", the training till comes up, leave it, back at the wizard."""
    wizard = d.wait(lambda: top("SetupWizard"), "the setup wizard")

    def try_first() -> None:
        wizard.welcome.train.setChecked(True)
        if wizard.next_button.text() != "Start training":
            raise AssertionError(f"the button says {wizard.next_button.text()!r}")
        wizard.next_button.click()

    d.gui(try_first)
    window = main_window_stays_up(d)
    check_training_till(d, window)
    d.gui(window.leave_training_action.trigger)
    again = d.wait(
        lambda: top("SetupWizard") if top("MainWindow") is None else None, "the wizard again"
    )
    d.note("back at the wizard")
    d.note("DONE")
    d.gui(again.quit_button.click)


def api_pays_the_tills_sale(d: Any) -> None:
    """The till and the API at once: a sale charged at the till, paid over HTTP, shows Paid."""
    import httpx

    window = main_window_stays_up(d)
    sell = open_sale(d, window)
    sale_id = d.gui(lambda: sell.payment.sale_id)
    d.note("sale open")
    headers = {"Authorization": f"Bearer {d.args['key']}"}
    with httpx.Client(base_url=d.args["api"], trust_env=False, timeout=30) as http:
        shown = http.get(f"/sales/{sale_id}", headers=headers)
        if shown.status_code != 200 or shown.json()["state"] != "open":
            raise AssertionError(f"the API does not see the till's sale: {shown.text}")
        paid = http.post(
            f"/sales/{sale_id}/payments", json={"token": d.args["token"]}, headers=headers
        )
    if paid.status_code != 200 or paid.json()["state"] != "paid":
        raise AssertionError(f"the API did not take the payment: {paid.text}")
    d.note("paid over the API")
    d.wait(lambda: sell.payment.state == "paid", "Paid on the till's screen", timeout=30)
    d.note("paid on the till")
    quit_by_menu(d, window)
