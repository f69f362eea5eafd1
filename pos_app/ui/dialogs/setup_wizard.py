"""First-run setup: new or restored seed, database key, trusted mints, then the wallet is made.

Nothing is written until Finish: the recovery words are generated (or typed) and
confirmed first, mints are checked live with a throw-away HTTP pool, and only then
``App.init`` creates the encrypted wallet (in a thread: Argon2 takes a while) and the
mints are added as trusted. The wizard is shown non-modally and awaited through a
future; it never runs a nested event loop.

Where the wallet lives is chosen on the Welcome page (``storage_step.py``): this
till's own file (the path as it always was), a new shop on a PostgreSQL database (the
database's page, then the same path: the seed and the shop's settings go into the
shop's database) or joining a shop (the database's page, the till's key, its camera
and printer, Finish: the seed, mints and shop settings are the shop's already).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.app import App, mint_inspector
from pos_app.core.cashu import nut13
from pos_app.core.config import OPTIONS
from pos_app.core.errors import PosError
from pos_app.core.keystatus import ENV_KEY, key_status, keyring_usable
from pos_app.core.payments.lnurl import PayParams, pay_params
from pos_app.core.payments.rates import Rate, RateService
from pos_app.core.presets import PRESETS
from pos_app.paths import help_path
from pos_app.ui import receipt
from pos_app.ui.dialogs.storage_step import CREATE, JOIN, LOCAL, StorageChoice, StoragePage
from pos_app.ui.tasks import in_thread, spawn, until_finished
from pos_app.ui.widgets.camera_test_page import CameraTestPage
from pos_app.ui.widgets.fees_page import FeesPage
from pos_app.ui.widgets.lightning_page import LightningPage
from pos_app.ui.widgets.mint_check import Inspect
from pos_app.ui.widgets.option_fields import TOUCH_INDICATORS
from pos_app.ui.widgets.printer_page import PrintDirect, PrinterPage, system_printers
from pos_app.ui.widgets.seed_pages import ConfirmPage, RestorePage, SeedPage, WelcomePage
from pos_app.ui.widgets.setup_pages import KeyPage, MintsPage, SetupPage, SummaryPage
from pos_app.ui.widgets.shop_pages import OwnerPage, PaymentsPage, ShopPage

log = logging.getLogger(__name__)

TRY_TRAINING = "training"  # what the wizard answers when the owner chose to try it first


class SetupWizard(QDialog):
    """The pages in a stack with Back / Next (Finish) / Quit.

    Args:
        data_dir: where the wallet will be created.
        inspect: checks a mint live (``MintDirectory.inspect``).
        keyring_available: offer the OS keyring.
        env_key: ``POS_DB_KEY`` is set (it will be used; no choice offered).
        rate: fetches a currency's rate live (None: not shown).
        lightning: fetches a Lightning address's pay parameters live (None: the address
            page is left out).
        printers: lists the system's printers (the printer page).
        print_direct: prints the test receipt on a named printer.
        storage: the shop database's page (None: the default one; tests give their own).
    """

    def __init__(
        self,
        data_dir: Path,
        inspect: Inspect,
        *,
        keyring_available: bool,
        env_key: bool,
        rate: Callable[[str], Awaitable[Rate]] | None = None,
        lightning: Callable[[str], Awaitable[PayParams]] | None = None,
        printers: Callable[[], list[str]] = system_printers,
        print_direct: PrintDirect = receipt.print_direct,
        storage: StoragePage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.app: App | None = None
        self.busy = False
        self._added: set[str] = set()
        self.new_mnemonic = nut13.new_mnemonic()
        self.setWindowTitle(self.tr("Set up the point of sale"))
        self.resize(840, 680)
        self.setStyleSheet(TOUCH_INDICATORS)

        self.welcome = WelcomePage()
        self.storage_choice = StorageChoice()
        # On Welcome, above its closing stretch: "this till only" adds no page.
        self.welcome.layout_.insertWidget(self.welcome.layout_.count() - 1, self.storage_choice)
        self.storage = storage if storage is not None else StoragePage()
        self.seed = SeedPage()
        self.seed.set_words(self.new_mnemonic)
        self.confirm = ConfirmPage()
        self.confirm.set_mnemonic(self.new_mnemonic)
        self.restore = RestorePage()
        self.key = KeyPage(keyring_available=keyring_available, env_key=env_key)
        self.shop = ShopPage(rate)
        self.payments = PaymentsPage()
        self.lightning = LightningPage(lightning) if lightning is not None else None
        self.fees = FeesPage()
        self.mints = MintsPage(inspect)
        self.camera = CameraTestPage()
        self.printer = PrinterPage(printers, print_direct)
        self.owner = OwnerPage()
        self.summary = SummaryPage()
        self._configured = False  # the shop's settings and owner are made once
        self.chose_training = False
        self.stack = QStackedWidget()
        for page in self.all_pages:
            self.stack.addWidget(page)
            page.complete_changed.connect(self._update_buttons)

        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.step = QLabel()
        self.step.setProperty("role", "muted")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.step, 0, Qt.AlignmentFlag.AlignTop)

        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self.reject)
        self.help_button = QPushButton(self.tr("Help  F1"))
        self.help_button.setToolTip(self.tr("What this step means, in the app's own help"))
        self.help_button.clicked.connect(self.open_help)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setProperty("role", "primary")
        self.next_button.setMinimumWidth(140)
        self.next_button.clicked.connect(self.go_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.help_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        for button in (self.quit_button, self.help_button, self.back_button, self.next_button):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.welcome.train.toggled.connect(lambda _on: self._welcome_changed())
        self.storage_choice.changed.connect(self._welcome_changed)
        self.show_page(self.path()[0])

    # -- state -------------------------------------------------------------------------------

    @property
    def all_pages(self) -> list[SetupPage]:
        """Every page, whichever path is taken."""
        return [
            self.welcome,
            self.storage,
            self.seed,
            self.confirm,
            self.restore,
            self.key,
            self.shop,
            self.payments,
            *([self.lightning] if self.lightning else []),
            self.fees,
            self.mints,
            self.camera,
            self.printer,
            self.owner,
            self.summary,
        ]

    @property
    def restoring(self) -> bool:
        """True on the restore path."""
        return self.welcome.restore.isChecked()

    @property
    def mnemonic(self) -> str:
        """The recovery words the wallet will use."""
        return self.restore.mnemonic if self.restoring else self.new_mnemonic

    @property
    def trying(self) -> bool:
        """True when the owner chose to try training mode first."""
        return self.welcome.train.isChecked()

    @property
    def store(self) -> str:
        """Where the wallet will live: ``local``, ``create`` (a new shop) or ``join``."""
        return LOCAL if self.trying else self.storage_choice.kind

    def path(self) -> list[SetupPage]:
        """The pages of the chosen path, in order."""
        if self.trying:
            return [self.welcome]
        if self.store == JOIN:
            # The seed, mints and shop settings are the shop's already; the till keeps
            # its key and sets up its own devices.
            return [
                self.welcome,
                self.storage,
                self.key,
                self.camera,
                self.printer,
                self.summary,
            ]
        words = [self.restore] if self.restoring else [self.seed, self.confirm]
        return [
            self.welcome,
            *([self.storage] if self.store == CREATE else []),
            *words,
            self.key,
            self.shop,
            self.payments,
            *([self.lightning] if self.lightning else []),
            self.fees,
            self.mints,
            self.camera,
            self.printer,
            self.owner,
            self.summary,
        ]

    @property
    def page(self) -> SetupPage:
        """The page shown."""
        return self.stack.currentWidget()  # type: ignore[return-value]

    # -- navigation --------------------------------------------------------------------------

    def show_page(self, page: SetupPage) -> None:
        """Show ``page`` with its title."""
        if page is not self.page:
            self.page.left()
        self.stack.setCurrentWidget(page)
        path = self.path()
        self.heading.setText(page.title)
        self.subtitle.setText(page.subtitle)
        self.step.setText(
            self.tr("Step {i} of {n}").format(i=path.index(page) + 1, n=len(path))
            if len(path) > 1
            else ""
        )
        if page is self.summary:
            self._fill_summary()
        if page is self.storage:
            self.storage.set_mode(self.store)
            self.subtitle.setText(self.storage.subtitle)
        if page is self.lightning:
            preset = PRESETS.get(self.payments.preset_name or "")
            pays_out = bool(preset and preset.settings.get("withdraw.auto"))
            self.lightning.set_required(self.payments.mode != "trusted_only" or pays_out)
        if page is self.printer:
            self.printer.set_shop(self.shop.settings())
        self._update_buttons()
        page.entered()

    def go_next(self) -> None:
        """Validate the page and move on (or create the wallet on the last page)."""
        if self.busy or not self.page.is_complete() or not self.page.validate():
            return
        if self.page is self.welcome and self.trying:
            self.chose_training = True
            self.accept()
            return
        if self.page is self.summary:
            self.finish()
            return
        path = self.path()
        self.show_page(path[path.index(self.page) + 1])

    def go_back(self) -> None:
        """The previous page (once the wallet exists, only the mints can still change)."""
        path = self.path()
        index = path.index(self.page)
        if index > 0 and not self.busy and (self.app is None or self.page is self.summary):
            self.show_page(path[index - 1])

    def _update_buttons(self) -> None:
        page = self.page
        first = page is self.path()[0]
        locked = self.app is not None and page is self.mints
        self.back_button.setEnabled(not first and not self.busy and not locked)
        self.next_button.setEnabled(page.is_complete() and not self.busy)
        if page is self.summary:
            self.next_button.setText(self.tr("Finish"))
        elif page is self.welcome and self.trying:
            self.next_button.setText(self.tr("Start training"))
        else:
            self.next_button.setText(self.tr("Next"))
        self.quit_button.setEnabled(not self.busy)

    def _welcome_changed(self) -> None:
        self.storage_choice.setEnabled(not self.trying)  # training makes nothing
        if self.page is self.welcome:
            self.show_page(self.welcome)  # the step count and the button's words change

    def help_url(self) -> QUrl:
        """The local help page at the shown step's section."""
        url = QUrl.fromLocalFile(str(help_path("setup.html")))
        url.setFragment(self.page.help_anchor)
        return url

    def open_help(self) -> None:
        """Open the shown step's help in the browser (a local file: no internet needed)."""
        if not QDesktopServices.openUrl(self.help_url()):
            log.info("no browser opened the help page %s", self.help_url().toString())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses Next (except where Enter means something else); Esc does not quit."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            elif not isinstance(focus, QLineEdit) or self.page.enter_goes_next:
                self.go_next()
            return
        if key == Qt.Key.Key_Escape:
            return  # a stray Esc must not throw away the recovery words shown
        if key == Qt.Key.Key_F1:
            self.open_help()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        """Closing (Finish or Quit): the camera is released first."""
        self.camera.shutdown()
        super().done(result)

    def reject(self) -> None:
        """Quit, unless the wallet is being created right now."""
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window quits setup (not while the wallet is being created)."""
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    # -- finishing ---------------------------------------------------------------------------

    def _fill_summary(self) -> None:
        method = {
            "env": self.tr("taken from {var}").format(var=ENV_KEY),
            "keyring": self.tr("kept in this computer's keyring"),
            "passphrase": self.tr("made from your passphrase, asked at every start"),
        }[self.key.method]
        if self.store == JOIN:
            items = [
                self.storage.summary(),
                self.tr("Database key: {method}").format(method=method),
                self.camera.summary(),
                self.printer.summary(),
                self.tr("Data folder: {path}").format(path=self.data_dir),
            ]
            self._show_summary(items)
            return
        words = len(self.mnemonic.split())
        items = [
            *([self.storage.summary()] if self.store == CREATE else []),
            self.tr("Wallet: restored from {n} recovery words").format(n=words)
            if self.restoring
            else self.tr("Wallet: new, with the {n} recovery words you wrote down").format(n=words),
            self.tr("Database key: {method}").format(method=method),
            self.tr("Trusted mints: {mints}").format(mints=", ".join(self.mints.urls)),
            self.tr("Shop: {name}, prices in {currency}").format(
                name=self.shop.name.text().strip() or self.tr("(no name)"),
                currency=self.shop.currency.currentData(),
            ),
            self.tr("Payments: {mode}").format(mode=self.payments.modes.checkedButton().text()),
            *self._live_lines(),
            self._fees_line(),
            self.camera.summary(),
            self.printer.summary(),
            self.tr("Preset: {preset}").format(preset=self.payments.preset.currentText()),
            self.tr("Owner: {name}, with a PIN").format(name=self.owner.owner()[0])
            if self.owner.owner()
            else self.tr("Owner: no staff accounts (add them later in Settings, Staff)"),
            self.tr("Data folder: {path}").format(path=self.data_dir),
        ]
        self._show_summary(items)

    def _show_summary(self, items: list[str]) -> None:
        self.summary.summary.setText(
            "<ul style='margin-left:-20px'>"
            + "".join(f"<li style='margin-bottom:6px'>{escape(i)}</li>" for i in items)
            + "</ul>"
        )

    def _fees_line(self) -> str:
        changed = self.fees.changed()
        if not changed:
            return self.tr("Fees and limits: the usual ones")
        return self.tr("Fees and limits: {changes}").format(
            changes="; ".join(f"{label} {value}" for label, value in changed)
        )

    def _live_lines(self) -> list[str]:
        """What the live checks found: the rate now, and the Lightning address's range."""
        lines = []
        rate = self.shop.rate
        if rate is not None and rate.currency == self.shop.currency.currentData():
            lines.append(
                self.tr("Exchange rate now: 1 BTC = {price} {currency}").format(
                    price=f"{rate.btc_price:,.2f}", currency=rate.currency
                )
            )
        if self.lightning is not None:
            address = self.lightning.settings().get("lightning.address")
            params = self.lightning.params
            lines.append(
                self.tr("Lightning address: {address} ({low} to {high} sat)").format(
                    address=address, low=f"{params.min_sat:,}", high=f"{params.max_sat:,}"
                )
                if address and params is not None
                else self.tr("Lightning address: none (add it later in Settings)")
            )
        return lines

    def chosen(self) -> dict[str, Any]:
        """The settings the shop's pages set (after the preset: they win over it)."""
        chosen = {**self.shop.settings(), "mode": self.payments.mode, **self.fees.settings()}
        if self.lightning is not None:
            chosen.update(self.lightning.settings())
        return {**chosen, **self.camera.settings(), **self.printer.settings()}

    def set_busy(self, text: str | None) -> None:
        """Show a busy bar with ``text`` and lock the buttons, or unlock them (None)."""
        self.busy = text is not None
        self.summary.busy_label.setText(text or "")
        self.summary.busy_label.setVisible(self.busy)
        self.summary.progress.setVisible(self.busy)
        if self.busy:
            self.summary.error.hide()
        self._update_buttons()

    def finish(self) -> None:
        """Create the wallet and add the mints, off the GUI thread."""
        spawn(self._create(), on_done=lambda _app: self.accept(), on_error=self._failed)

    async def _create(self) -> App:
        if self.app is None:
            joining = self.store == JOIN
            self.set_busy(
                self.tr("Joining the shop's database…")
                if joining
                else self.tr("Creating the shop's database…")
                if self.store == CREATE
                else self.tr("Creating the encrypted wallet…")
            )
            self.app, _created = await in_thread(
                App.init,
                self.data_dir,
                mnemonic=None if joining else self.mnemonic,
                key_method=self.key.method,
                passphrase=self.key.pass1.text() if self.key.method == "passphrase" else None,
                **(self.storage.init_options() if self.store != LOCAL else {}),
            )
        for url in self.mints.urls:
            if url in self._added:
                continue
            self.set_busy(self.tr("Adding the mint {url}…").format(url=url))
            await self.app.mints.add(url, trusted=True)
            self._added.add(url)
            self.mints.locked.add(url)
        if not self._configured and self.store == JOIN:
            # The shop's settings are there already: only this till's own devices.
            own = {**self.camera.settings(), **self.printer.settings()}
            await self.app.settings.set_many(
                {key: value for key, value in own.items() if OPTIONS[key].scope == "till"}
            )
            self._configured = True
        if not self._configured:
            self.set_busy(self.tr("Saving the shop's settings…"))
            if self.payments.preset_name:
                await self.app.presets.apply(self.payments.preset_name)
            await self.app.settings.set_many(self.chosen())
            owner = self.owner.owner()
            if owner is not None:
                await self.app.staff.add(owner[0], "owner", owner[1])
            self._configured = True
        self.set_busy(None)
        return self.app

    def _failed(self, err: PosError) -> None:
        self.set_busy(None)
        text = err.user_message
        if self.app is not None:
            text = self.tr(
                "The wallet was created, but a mint could not be added: {reason} Press Finish "
                "to try again, or go Back to change the mints."
            ).format(reason=err.user_message)
        self.summary.error.setText(text)
        self.summary.error.show()

    async def wait(self) -> App | str | None:
        """Show the wizard and resolve when it closes: the opened App, or None if the owner quit.

        :data:`TRY_TRAINING` when the owner chose to try training mode first (nothing made).

        A wallet created before a later step failed is closed (not deleted) when the
        owner quits; the next start unlocks it.
        """
        result = await until_finished(self)
        if self.chose_training:
            return TRY_TRAINING
        if result == QDialog.DialogCode.Accepted and self.app is not None:
            return self.app
        if self.app is not None:
            await self.app.aclose()
            self.app = None
        return None


async def run_setup(data_dir: Path, parent: QWidget | None = None) -> App | str | None:
    """First start: set up a wallet in ``data_dir``; the opened App, or None if the owner quits.

    :data:`TRY_TRAINING` when the owner chose training mode first.
    """
    available = await in_thread(keyring_usable)
    env_key = bool((await in_thread(key_status, data_dir)).env_key)
    rates = RateService(
        None, OPTIONS["rate.sources"].default, None, OPTIONS["rate.max_age_seconds"].default
    )

    async with mint_inspector() as inspect:
        wizard = SetupWizard(
            data_dir,
            inspect,
            keyring_available=available,
            env_key=env_key,
            rate=rates.rate,
            lightning=pay_params,
            parent=parent,
        )
        try:
            return await wizard.wait()
        finally:
            wizard.deleteLater()
            await rates.aclose()
