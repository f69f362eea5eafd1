"""The setup wizard's storage step: this till's own file, or the shop's PostgreSQL database.

The choice sits on the Welcome page (:class:`StorageChoice`; "This till only" keeps
the wizard as it was). Creating or joining the shop's database adds
:class:`StoragePage` after Welcome: the server's address (or an enrolment file, which
carries it), the password, the till's name, and a Test connection that must pass
before Next. The test runs in a worker (:func:`pos_app.ui.tasks.in_thread`) and
changes nothing on the server; the shop is created or joined at Finish, through
:meth:`pos_app.app.App.init` as ``pos-app init --storage`` / ``--enrol`` do.

The password is never shown back, logged or written: the test's messages are made
from error codes, and the core keeps it in the keyring (or takes ``POS_PG_PASSWORD``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import PosError
from pos_app.core.shop_storage import (
    ENV_PG_PASSWORD,
    ServerCheck,
    address_with_password,
    check_join,
    check_new_shop,
    server_url,
)
from pos_app.ui.tasks import in_thread, spawn
from pos_app.ui.widgets.setup_pages import SetupPage, text_label

log = logging.getLogger(__name__)

LOCAL, CREATE, JOIN = "local", "create", "join"
DEFAULT_PORT = 5432

CheckNew = Callable[[str, str | None], ServerCheck]
CheckJoin = Callable[[Path, str, str | None, str | None], ServerCheck]


class StorageChoice(QGroupBox):
    """Where this till keeps the wallet: its own file (default), or the shop's database.

    Signals:
        changed(): another choice was made.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Where this till keeps the wallet"), parent)
        self.local = QRadioButton(self.tr("This till only (encrypted file on this computer)"))
        self.create = QRadioButton(self.tr("Create the shop's database (first till)"))
        self.join = QRadioButton(self.tr("Join the shop's database"))
        self.local.setChecked(True)
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        # Welcome is full already: the why is in the tooltips, the database's page and F1.
        hints = (
            self.tr("One till: the wallet in an encrypted file on this computer."),
            self.tr(
                "Several tills share one PostgreSQL database: the first till creates the shop "
                "there, with its recovery words."
            ),
            self.tr(
                "Another till of the shop made an enrolment file: this till joins the shop "
                "with it (the shop's recovery words are in its database)."
            ),
        )
        for button, hint in zip((self.local, self.create, self.join), hints, strict=True):
            group.addButton(button)
            layout.addWidget(button)
            button.setToolTip(hint)
            button.toggled.connect(lambda on: on and self.changed.emit())

    @property
    def kind(self) -> str:
        """``local``, ``create`` or ``join``."""
        if self.create.isChecked():
            return CREATE
        return JOIN if self.join.isChecked() else LOCAL


class FileField(QWidget):
    """A file's path, typed or picked with a non-blocking file dialog.

    Signals:
        changed(): the path changed.
    """

    changed = Signal()

    def __init__(self, title: str, name_filter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.name_filter = name_filter
        self.edit = QLineEdit()
        self.edit.setMinimumHeight(36)
        self.edit.textChanged.connect(self.changed)
        self.button = QPushButton(self.tr("Choose…"))
        self.button.clicked.connect(self.choose)
        self.dialog: QFileDialog | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    @property
    def path(self) -> Path | None:
        """The path given, or None."""
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def choose(self) -> None:
        """Open the file dialog (``open()``: no nested event loop)."""
        dialog = QFileDialog(self, self.title)
        dialog.setNameFilter(self.name_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if self.path is not None:
            dialog.selectFile(str(self.path))
        dialog.fileSelected.connect(lambda path: path and self.edit.setText(path))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: QFileDialog) -> None:
        # A hidden dialog kept alive can stay the "active window" and swallow keys.
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumHeight(36)
    return edit


class StoragePage(SetupPage):
    """The shop's database: the address or the enrolment file, and a test that must pass.

    Args:
        check_new: tests an address for a new shop (``shop_storage.check_new_shop``).
        check_join: tests an enrolment file (``shop_storage.check_join``).
        env_password: ``POS_PG_PASSWORD`` is set (an empty password field takes it);
            None reads the environment.
    """

    help_anchor = "shop-database"

    def __init__(
        self,
        check_new: CheckNew = check_new_shop,
        check_join: CheckJoin = check_join,
        *,
        env_password: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("The shop's database"), "", parent)
        self._check_new = check_new
        self._check_join = check_join
        self.mode = CREATE
        self.check: ServerCheck | None = None  # the test that passed for what is typed now
        self.testing = False
        self._round = 0  # a test's answer counts only if nothing changed meanwhile

        self.host = QLineEdit()
        self.host.setPlaceholderText("db.shop.lan")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setMinimumHeight(36)
        self.database = QLineEdit()
        self.database.setPlaceholderText("pos")
        self.user = QLineEdit()
        self.user.setPlaceholderText("pos")
        self.password = _password_edit()
        self.verify = QCheckBox(self.tr("Verify the server (TLS with the shop's CA certificate)"))
        self.ca_file = FileField(
            self.tr("The CA certificate of the shop's database server"),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        self.ca_file.setEnabled(False)
        self.enrolment = FileField(
            self.tr("The enrolment file"), self.tr("Enrolment files (*.json);;All files (*)")
        )
        self.enrol_passphrase = _password_edit()
        self.join_password = _password_edit()
        self.till_name = QLineEdit()
        self.till_name.setMaxLength(60)
        self.till_name.setPlaceholderText(self.tr("e.g. Counter 1 (empty: Till 1, Till 2, …)"))
        for edit in (self.host, self.database, self.user, self.till_name):
            edit.setMinimumHeight(36)

        self.server_form = QWidget()
        grid = QGridLayout(self.server_form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.port.setFixedWidth(110)
        address = QWidget()
        address_row = QHBoxLayout(address)
        address_row.setContentsMargins(0, 0, 0, 0)
        address_row.addWidget(self.host, 1)
        port_label = QLabel(self.tr("Port"))
        port_label.setBuddy(self.port)
        address_row.addWidget(port_label)
        address_row.addWidget(self.port)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Server"), address),
            (self.tr("Database"), self.database),
            (self.tr("User"), self.user),
            (self.tr("Password"), self.password),
        ]
        for row, (text, widget) in enumerate(rows):
            self._add_row(grid, row, text, widget)
        grid.addWidget(self.verify, len(rows), 1)
        self._add_row(grid, len(rows) + 1, self.tr("CA file"), self.ca_file)

        self.join_form = QWidget()
        grid = QGridLayout(self.join_form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for row, (text, widget) in enumerate(
            (
                (self.tr("Enrolment file"), self.enrolment),
                (self.tr("Its passphrase"), self.enrol_passphrase),
                (self.tr("Database password"), self.join_password),
            )
        ):
            self._add_row(grid, row, text, widget)

        name_row = QGridLayout()
        name_row.setColumnStretch(1, 1)
        self._add_row(name_row, 0, self.tr("This till's name"), self.till_name)
        self.password_hint = text_label("", "muted")
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        self.status = text_label("")
        self.status.setObjectName("storage-status")
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        self.layout_.addWidget(self.server_form)
        self.layout_.addWidget(self.join_form)
        self.layout_.addLayout(name_row)
        self.layout_.addWidget(self.password_hint)
        self.layout_.addLayout(test_row)
        self.layout_.addWidget(self.status)
        self.layout_.addStretch(1)
        # The three grids' labels one width, so their fields line up.
        labels = self.findChildren(QLabel, "storage-label")
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

        for edit in (
            self.host,
            self.database,
            self.user,
            self.password,
            self.enrol_passphrase,
            self.join_password,
            self.till_name,
        ):
            edit.textChanged.connect(self._edited)
        self.port.valueChanged.connect(self._edited)
        self.verify.toggled.connect(self._verify_toggled)
        self.ca_file.changed.connect(self._edited)
        self.enrolment.changed.connect(self._edited)
        self.env_password = (
            bool(os.environ.get(ENV_PG_PASSWORD)) if env_password is None else env_password
        )
        self.set_mode(CREATE)

    def _add_row(self, grid: QGridLayout, row: int, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setObjectName("storage-label")
        grid.setHorizontalSpacing(10)  # as the page's own layout: the fields line up
        label.setBuddy(widget)
        grid.addWidget(label, row, 0)
        grid.addWidget(widget, row, 1)

    # -- state -------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        """Show the server's address (``create``) or the enrolment file (``join``)."""
        if mode != self.mode:
            self._edited()
        self.mode = mode
        joining = mode == JOIN
        self.server_form.setVisible(not joining)
        self.join_form.setVisible(joining)
        self.subtitle = (
            self.tr(
                "Join the shop with the enrolment file made on one of its tills (pos-app "
                "storage enrol). The database's address comes from the file."
            )
            if joining
            else self.tr(
                "This till creates the shop on an empty PostgreSQL database. The other tills "
                "join it later with an enrolment file."
            )
        )
        env = self.tr("{var} is set: leave the password empty to use it.").format(
            var=ENV_PG_PASSWORD
        )
        self.password_hint.setText(
            env
            if self.env_password
            else self.tr(
                "The password is kept in this computer's keyring, never in a file. Without a "
                "keyring, start the app with {var} set instead."
            ).format(var=ENV_PG_PASSWORD)
        )

    def _verify_toggled(self, on: bool) -> None:
        self.ca_file.setEnabled(on)
        self._edited()

    def _edited(self, *_: object) -> None:
        """Anything typed makes the last test stale: it must be run again."""
        self._round += 1
        had = self.check is not None or self.testing or bool(self.status.text())
        self.check = None
        self.testing = False
        if had:
            self._say("", "")
        self.complete_changed.emit()

    def is_complete(self) -> bool:
        """See :meth:`SetupPage.is_complete`: a test passed for what is typed now."""
        return self.check is not None and not self.testing

    def entered(self) -> None:
        """Focus where typing starts."""
        (self.enrolment.edit if self.mode == JOIN else self.host).setFocus()

    def left(self) -> None:
        """A test still running is forgotten (its answer would land on a page not shown)."""
        if self.testing:
            self._edited()

    # -- the test ----------------------------------------------------------------------------

    def test(self) -> None:
        """Test the connection in a worker; Next waits for it to pass."""
        if self.testing:
            return
        self._round += 1
        this_round = self._round
        try:
            work = self._work()
        except PosError as err:
            self._failed(this_round, err)
            return
        self.check = None
        # The button stays enabled (a second press is ignored): disabled, it would hand
        # the keyboard focus on to Quit, where the next Enter would end the setup.
        self.testing = True
        self._say(self.tr("Connecting…"), "muted")
        self.complete_changed.emit()

        async def run() -> ServerCheck:
            return await in_thread(work)

        spawn(
            run(),
            on_done=lambda check: self._passed(this_round, check),
            on_error=lambda err: self._failed(this_round, err),
        )

    def _work(self) -> Callable[[], ServerCheck]:
        """What the worker runs, made from the fields (on the GUI thread).

        Raises:
            PosError: ``storage.bad_url`` when the address is incomplete, or a missing
                enrolment file or passphrase.
        """
        name = self.till_name.text().strip() or None
        if self.mode == JOIN:
            path = self.enrolment.path
            if path is None:
                raise PosError("storage.enrol_missing", "Choose the enrolment file.")
            passphrase = self.enrol_passphrase.text()
            if not passphrase:
                raise PosError("storage.enrol_no_passphrase", "Type the file's passphrase.")
            password = self.join_password.text() or None
            return lambda: self._check_join(path, passphrase, password, name)
        ca = self.ca_file.path if self.verify.isChecked() else None
        if self.verify.isChecked() and ca is None:
            raise PosError("storage.no_ca_file", "Choose the CA file to verify the server with.")
        url = server_url(
            self.host.text(), self.port.value(), self.database.text(), self.user.text(), ca
        )
        password = self.password.text() or None
        return lambda: self._check_new(url, password)

    def _passed(self, this_round: int, check: ServerCheck) -> None:
        if this_round != self._round:
            return  # something was typed meanwhile: that is what must be tested
        self.testing = False
        self.check = check
        self._say(self.success_text(check), "ok")
        self.complete_changed.emit()

    def _failed(self, this_round: int, err: PosError) -> None:
        if this_round != self._round:
            return
        log.info("shop database test failed: %s (%s)", err.code, err.detail)
        self.testing = False
        self.check = None
        self._say(self.error_text(err), "error")
        self.complete_changed.emit()

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def success_text(self, check: ServerCheck) -> str:
        """What the passed test found, and what Finish will do there."""
        found = self.tr("Connected to PostgreSQL {version} at {where}.").format(
            version=check.version, where=check.where
        )
        if self.mode == JOIN:
            then = self.tr(
                "It holds the shop (tills so far: {n}; the enrolment file was made on {till}): "
                "this till joins it."
            ).format(n=check.tills, till=check.made_on or "?")
        else:
            then = self.tr("The database is empty: Finish creates the shop there.")
        kept = {
            "env": self.tr("The password comes from {var}.").format(var=ENV_PG_PASSWORD),
            "keyring": self.tr("The password will be kept in this computer's keyring."),
            "none": self.tr("The server asked for no password."),
        }[check.password_from]
        return f"{found} {then} {kept}"

    def error_text(self, err: PosError) -> str:
        """The test's problem in the shop's words (the core's own text for the rest)."""
        texts = {
            "storage.pg_auth": self.tr(
                "Wrong user name or password: the server refused them. Check both."
            ),
            "storage.pg_no_password": self.tr(
                "The server asks for a password: type it (or set {var})."
            ).format(var=ENV_PG_PASSWORD),
            "storage.pg_unreachable": self.tr(
                "No database server answers at that address. Check the server's name, the "
                "port, and that the server runs."
            ),
            "storage.pg_no_database": self.tr(
                "The server has no database of that name. Check the name, or ask for the "
                "database to be made."
            ),
            "storage.pg_tls": self.tr(
                "The secure connection failed: the server does not offer TLS, or its "
                "certificate does not match the CA file or the server's name."
            ),
            "storage.pg_refused": self.tr(
                "The server refuses this computer or this user. Ask for it to be let in "
                "(pg_hba.conf)."
            ),
            "storage.pg_no_rights": self.tr(
                "This user may not create tables in the database. Make the user the "
                "database's owner."
            ),
            "storage.shop_exists": self.tr(
                "This database already holds a shop. Give an empty database, or choose Join "
                "the shop's database with an enrolment file from one of its tills."
            ),
            "storage.not_empty": self.tr(
                "This database is not empty: it holds tables of another program. Give the "
                "shop an empty database of its own."
            ),
            "storage.no_shop": self.tr(
                "This database holds no shop yet. Create the shop on the first till."
            ),
            "storage.not_this_shop": self.tr(
                "The enrolment file is for another shop than the one this database holds."
            ),
            "storage.till_name_taken": self.tr(
                "The shop already has a till of that name. Choose another name."
            ),
            "storage.enrol_bad_passphrase": self.tr(
                "The passphrase does not open this enrolment file."
            ),
            "storage.enrol_damaged": self.tr("The enrolment file is damaged or was changed."),
            "storage.enrol_missing": self.tr("Choose the enrolment file."),
            "storage.enrol_no_passphrase": self.tr("Type the enrolment file's passphrase."),
            "storage.no_ca_file": self.tr("Choose the CA file to verify the server with."),
            "storage.no_password_store": self.tr(
                "This computer has no keyring to keep the database password in. Start the "
                "app with {var} set to it (the password is never written to a file)."
            ).format(var=ENV_PG_PASSWORD),
            "storage.pg_password_differs": self.tr(
                "{var} is set to another password. Leave the password empty to use it, or "
                "change {var}."
            ).format(var=ENV_PG_PASSWORD),
        }
        return texts.get(err.code, err.user_message)

    # -- finishing ---------------------------------------------------------------------------

    def init_options(self) -> dict[str, Any]:
        """What :meth:`pos_app.app.App.init` needs to create or join the shop (after a test)."""
        assert self.check is not None
        name = self.till_name.text().strip() or None
        if self.mode == JOIN:
            password = self.join_password.text()
            return {
                # None: the file's address, with the password from POS_PG_PASSWORD or the keyring
                "storage_url": address_with_password(self.check.url, password)
                if password
                else None,
                "enrolment": self.enrolment.path,
                "enrol_passphrase": self.enrol_passphrase.text(),
                "till_name": name,
            }
        return {
            "storage_url": address_with_password(self.check.url, self.password.text() or None),
            "till_name": name,
        }

    def summary(self) -> str:
        """The summary's line about the store."""
        assert self.check is not None
        name = self.till_name.text().strip() or self.tr("a numbered till")
        if self.mode == JOIN:
            return self.tr("Storage: joins the shop's database at {where} as {name}").format(
                where=self.check.where, name=name
            )
        text = self.tr("Storage: creates the shop's database at {where}; this till is {name}")
        return text.format(where=self.check.where, name=name)
