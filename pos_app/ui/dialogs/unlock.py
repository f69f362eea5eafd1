"""Opening an existing wallet: silently with the keyring or ``POS_DB_KEY``, else with a passphrase.

Opening runs in a thread (Argon2 and the database's first read take a while). A
wrong passphrase is said in the dialog and the owner tries again; a missing key
(keyring entry gone, ``POS_DB_KEY`` unset) is explained with Try again and Quit.
Nothing here ever creates a database: a wallet that cannot be opened stays as it is.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.keystatus import ENV_KEY, KeyStatus, key_status
from pos_app.ui import theme
from pos_app.ui.tasks import as_pos_error, in_thread, spawn, until_finished

if TYPE_CHECKING:
    from pos_app.app import App

log = logging.getLogger(__name__)


def open_wallet(data_dir: Path, passphrase: str | None) -> App:
    """``App.open`` with a typed passphrase, if any (blocking: call it in a thread).

    The composition root (the database layer, the HTTP client) is imported here, in
    the worker: a window shown before the wallet opens does not wait for it.
    """
    from pos_app.app import App

    source = (lambda _creating: passphrase) if passphrase is not None else None
    return App.open(data_dir, passphrase=source)


class UnlockDialog(QDialog):
    """Passphrase entry (when the wallet uses one) and any problem opening the wallet.

    Args:
        data_dir: the wallet's data directory.
        status: how the wallet keeps its key: whether to ask for the passphrase, and
            clearer messages when the key is missing or wrong.
    """

    def __init__(self, data_dir: Path, status: KeyStatus, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.status = status
        self.method = status.method
        self.ask_passphrase = ask_passphrase = status.needs_passphrase
        self.app: App | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Unlock the wallet"))
        self.resize(640, 420)  # room for a wrapped problem text: labels don't grow a dialog

        self.heading = QLabel(self.tr("Unlock the wallet"))
        self.heading.setProperty("role", "title")
        self.text = QLabel(self.tr("Enter the passphrase of the shop's wallet."))
        self.text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumHeight(44)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.textChanged.connect(self._typed)
        self.passphrase.setVisible(ask_passphrase)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self.reject)
        self.unlock_button = QPushButton(
            self.tr("Unlock") if ask_passphrase else self.tr("Try again")
        )
        self.unlock_button.setProperty("role", "primary")
        theme.set_icon(self.unlock_button, "lock-open-variant-outline")
        self.unlock_button.setMinimumWidth(140)
        self.unlock_button.clicked.connect(self.submit)
        for button in (self.quit_button, self.unlock_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        folder = QLabel(self.tr("Wallet folder: {path}").format(path=self.data_dir))
        folder.setProperty("role", "muted")
        folder.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(12)
        for widget in (
            self.heading,
            self.text,
            self.passphrase,
            self.error,
            self.progress,
            folder,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._typed()

    def _typed(self) -> None:
        self.unlock_button.setEnabled(
            not self.busy and (not self.ask_passphrase or bool(self.passphrase.text()))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter unlocks; Esc quits as usual."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.unlock_button.isEnabled():
                self.submit()
            return
        super().keyPressEvent(event)

    def set_busy(self, busy: bool) -> None:
        """Lock the dialog while the wallet is being opened."""
        self.busy = busy
        self.progress.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.quit_button.setEnabled(not busy)
        self._typed()
        if busy:
            self.error.hide()

    def submit(self) -> None:
        """Try to open the wallet (with the typed passphrase, if asked)."""
        if self.busy:
            return
        self.set_busy(True)
        passphrase = self.passphrase.text() if self.ask_passphrase else None
        spawn(
            in_thread(open_wallet, self.data_dir, passphrase),
            on_done=self._opened,
            on_error=self.show_problem,
        )

    def _opened(self, app: App) -> None:
        self.set_busy(False)
        self.app = app
        self.accept()

    def show_problem(self, err: PosError) -> None:
        """Explain why the wallet did not open; the owner may try again or quit."""
        self.set_busy(False)
        if not self.ask_passphrase:
            self.heading.setText(self.tr("The wallet cannot be opened"))
            self.text.setText(
                self.tr(
                    "The wallet is unchanged: the app never replaces it with a new one. "
                    "Fix the problem below and press Try again, or Quit."
                )
            )
        html = f"<b>{escape(self.explain(err))}</b>"
        if err.detail and not self.ask_passphrase:
            html += f"<br><span style='font-size:10pt'>{escape(err.detail)}</span>"
        self.error.setText(html)
        self.error.show()
        if self.ask_passphrase:
            self.passphrase.setFocus()
            self.passphrase.selectAll()

    def explain(self, err: PosError) -> str:
        """The message for ``err``, made specific to how this wallet keeps its key."""
        if err.code == "storage.wrong_key":
            if self.ask_passphrase:
                return self.tr("Wrong passphrase. Check it and try again.")
            if self.status.env_key:
                return self.tr("The key in {var} does not open this wallet.").format(var=ENV_KEY)
        if err.code == "storage.no_key":
            if self.method == "keyring":
                return self.tr(
                    "This computer's keyring has no key for this wallet. Log in to your "
                    "desktop session or unlock the keyring, then try again."
                )
            if self.method == "env":
                return self.tr(
                    "This wallet's key was given in {var}, which is not set now. Start the "
                    "app with the same {var}."
                ).format(var=ENV_KEY)
        if err.code.startswith("storage.pg_"):
            return self.shop_database_problem(err)
        return err.user_message

    def shop_database_problem(self, err: PosError) -> str:
        """Why the shop's PostgreSQL database did not open, for a till that was set up on it.

        The wizard's words (type the password, check the name) do not fit here: the
        address is the one the till joined with, and the password comes from the
        keyring or ``POS_PG_PASSWORD``.
        """
        # Here, not at the top: the store is loaded by now (it raised ``err``), and the
        # window shown before the wallet opens must not wait for it.
        from pos_app.core.shop_storage import ENV_PG_PASSWORD

        texts = {
            "storage.pg_unreachable": self.tr(
                "The shop's database server does not answer. Check that it runs and that "
                "this computer is on the shop's network, then press Try again."
            ),
            "storage.pg_auth": self.tr(
                "The shop's database server refused the user name or the password. If the "
                "password was changed, start the app with {var} set to the new one."
            ).format(var=ENV_PG_PASSWORD),
            "storage.pg_no_password": self.tr(
                "The shop's database server asks for a password, and this computer has none "
                "for it in its keyring. Start the app with {var} set to it."
            ).format(var=ENV_PG_PASSWORD),
            "storage.pg_no_database": self.tr(
                "The shop's database is no longer on its server. Ask whoever runs the server."
            ),
            "storage.pg_tls": self.tr(
                "The secure connection to the shop's database server failed: its certificate "
                "does not match the CA file or the server's name."
            ),
            "storage.pg_refused": self.tr(
                "The shop's database server refuses this computer or this user. Ask for it "
                "to be let in (pg_hba.conf)."
            ),
            "storage.pg_failed": self.tr(
                "The shop's database server did not let this till in. Try again; if it keeps "
                "failing, ask whoever runs the server."
            ),
        }
        return texts.get(err.code, err.user_message)

    def reject(self) -> None:
        """Quit (not while the wallet is being opened)."""
        if not self.busy:
            super().reject()

    async def wait(self) -> App | None:
        """Show the dialog; the opened App, or None when the owner quits."""
        result = await until_finished(self, self.passphrase if self.ask_passphrase else None)
        return self.app if result == QDialog.DialogCode.Accepted else None


async def unlock(data_dir: Path, parent: QWidget | None = None) -> App | None:
    """Open the wallet in ``data_dir``; None when the owner gives up."""
    data_dir = Path(data_dir)
    status, problem = await read_key_status(data_dir)
    if problem is None and not status.needs_passphrase:  # POS_DB_KEY, the keyring
        app, problem = await open_silently(data_dir)
        if app is not None:
            return app
    return await ask_unlock(data_dir, status, problem, parent)


async def read_key_status(data_dir: Path) -> tuple[KeyStatus, PosError | None]:
    """How the wallet keeps its key, and the problem reading that (a damaged keystore)."""
    try:
        return await in_thread(key_status, Path(data_dir)), None
    except PosError as err:
        return KeyStatus(None, env_key=False, env_passphrase=False), err


async def open_silently(
    data_dir: Path, started: Future[App] | None = None
) -> tuple[App | None, PosError | None]:
    """Open the wallet without asking (in a worker); the App, or why it did not open.

    ``started``: :func:`open_wallet` for ``data_dir`` already running in a worker.
    """
    try:
        if started is not None:
            return await asyncio.wrap_future(started), None
        return await in_thread(open_wallet, Path(data_dir), None), None
    except Exception as exc:  # shown to the owner by the dialog, whatever it is
        problem = as_pos_error(exc)
        log.warning("wallet did not open: %s %s", problem.code, problem.detail, exc_info=exc)
        return None, problem


async def ask_unlock(
    data_dir: Path, status: KeyStatus, problem: PosError | None, parent: QWidget | None = None
) -> App | None:
    """The unlock dialog: the passphrase, or ``problem`` with Try again and Quit."""
    dialog = UnlockDialog(Path(data_dir), status, parent=parent)
    if problem is not None:
        dialog.show_problem(problem)
    try:
        return await dialog.wait()
    finally:
        dialog.deleteLater()
