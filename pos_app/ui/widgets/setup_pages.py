"""Setup wizard pages: the base class, database key, trusted mints and summary.

The recovery-word pages are in ``seed_pages.py``; the flow is ``ui/dialogs/setup_wizard.py``.

Each page says whether it is complete (Next enabled) and validates itself when the
owner presses Next, showing any problem under the field concerned.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.keystatus import ENV_KEY, MIN_PASSPHRASE
from pos_app.core.wallet.mints import MintReport
from pos_app.ui.widgets.mint_check import Inspect, MintCheck


def text_label(text: str, role: str = "") -> QLabel:
    """A word-wrapped label with a theme role (``muted``, ``error``)."""
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def error_label() -> QLabel:
    """A hidden error line, shown by :func:`show_error`."""
    label = text_label("", "error")
    label.hide()
    return label


def show_error(label: QLabel, text: str | None) -> None:
    """Show ``text`` in an error line, or hide it when empty."""
    label.setText(text or "")
    label.setVisible(bool(text))


class SetupPage(QWidget):
    """One step: a title, a subtitle, completeness and validation.

    Signals:
        complete_changed(): :meth:`is_complete` may have changed.
    """

    complete_changed = Signal()
    enter_goes_next = True  # Enter in a line edit of this page presses Next
    help_anchor = ""  # the page's section of the local help (docs/help/setup.html)

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.subtitle = subtitle
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(10)

    def is_complete(self) -> bool:
        """True when Next may be pressed."""
        return True

    def validate(self) -> bool:
        """Check the page when Next is pressed; show problems on the page."""
        return True

    def entered(self) -> None:
        """The page is now shown: put the focus where typing starts."""

    def left(self) -> None:
        """Another page is shown, or the wizard closes: stop what the page runs."""


class KeyPage(SetupPage):
    """How the database key is kept: POS_DB_KEY, the OS keyring, or a passphrase."""

    help_anchor = "database-key"

    def __init__(
        self, *, keyring_available: bool, env_key: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Protect the wallet"),
            self.tr("The wallet's database is encrypted. Choose where its key is kept."),
            parent,
        )
        self.env_key = env_key
        self.keyring = QRadioButton(self.tr("This computer's keyring"))
        self.passphrase = QRadioButton(self.tr("A passphrase, asked at every start"))
        self.pass1 = QLineEdit()
        self.pass2 = QLineEdit()
        self.error1 = error_label()
        self.error2 = error_label()
        self.notice = text_label(
            self.tr(
                "{var} is set in the environment: the database will be encrypted with "
                "that key. Keep it safe: without it the wallet cannot be opened."
            ).format(var=ENV_KEY)
        )
        if env_key:
            self.layout_.addWidget(self.notice)
            self.layout_.addStretch(1)
            return
        group = QButtonGroup(self)
        group.addButton(self.keyring)
        group.addButton(self.passphrase)
        self.layout_.addWidget(self.keyring)
        keyring_hint = (
            self.tr("The app opens without asking when you log in to this computer.")
            if keyring_available
            else self.tr("No keyring is available on this computer.")
        )
        hint = text_label(keyring_hint, "muted")
        hint.setContentsMargins(32, 0, 0, 8)
        self.layout_.addWidget(hint)
        self.keyring.setEnabled(keyring_available)
        self.layout_.addWidget(self.passphrase)
        form = QGridLayout()
        form.setContentsMargins(32, 0, 0, 0)
        form.setColumnStretch(1, 1)
        for row, (text, edit, error) in enumerate(
            (
                (self.tr("Passphrase"), self.pass1, self.error1),
                (self.tr("Repeat it"), self.pass2, self.error2),
            )
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMinimumHeight(40)
            edit.textChanged.connect(self._typed)
            label = QLabel(text)
            label.setBuddy(edit)
            form.addWidget(label, row * 2, 0)
            form.addWidget(edit, row * 2, 1)
            form.addWidget(error, row * 2 + 1, 1)
        self.pass1.setPlaceholderText(self.tr("at least {n} characters").format(n=MIN_PASSPHRASE))
        self.layout_.addLayout(form)
        self.layout_.addWidget(
            text_label(
                self.tr(
                    "Without the passphrase the wallet cannot be opened; your recovery words "
                    "still restore the money."
                ),
                "muted",
            )
        )
        self.layout_.addStretch(1)
        (self.keyring if keyring_available else self.passphrase).setChecked(True)
        self.keyring.toggled.connect(self._method_changed)
        self._method_changed()

    @property
    def method(self) -> str:
        """``env``, ``keyring`` or ``passphrase``."""
        if self.env_key:
            return "env"
        return "keyring" if self.keyring.isChecked() else "passphrase"

    def _method_changed(self) -> None:
        for widget in (self.pass1, self.pass2):
            widget.setEnabled(self.method == "passphrase")
        self.complete_changed.emit()

    def _typed(self) -> None:
        self.error1.hide()
        self.error2.hide()
        self.complete_changed.emit()

    def is_complete(self) -> bool:
        """See :meth:`SetupPage.is_complete`."""
        return self.method != "passphrase" or bool(self.pass1.text() and self.pass2.text())

    def validate(self) -> bool:
        """See :meth:`SetupPage.validate`."""
        if self.method != "passphrase":
            return True
        if len(self.pass1.text()) < MIN_PASSPHRASE:
            show_error(
                self.error1,
                self.tr("Choose at least {n} characters.").format(n=MIN_PASSPHRASE),
            )
            return False
        if self.pass1.text() != self.pass2.text():
            show_error(self.error2, self.tr("The two passphrases differ."))
            return False
        return True

    def entered(self) -> None:
        """Focus where typing starts."""
        if self.method == "passphrase":
            self.pass1.setFocus()


class MintsPage(SetupPage):
    """At least one trusted mint, each checked live before it is listed."""

    help_anchor = "mints"

    enter_goes_next = False  # Enter in the address field checks the mint

    def __init__(self, inspect: Inspect, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Trusted mints"),
            self.tr(
                "Customers pay with ecash from mints the shop trusts. Add at least one; "
                "more can be added later in Settings."
            ),
            parent,
        )
        self.reports: dict[str, MintReport] = {}
        self.locked: set[str] = set()  # already stored in the wallet: cannot be taken off
        self.check = MintCheck(inspect)
        self.check.checked.connect(self._checked)
        self.check.cleared.connect(self._checked)
        self.check.failed.connect(self._checked)
        self.add_button = QPushButton(self.tr("Add to the shop's mints"))
        self.add_button.clicked.connect(self.add_checked)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.remove_button = QPushButton(self.tr("Take off the list"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        self.layout_.addWidget(self.check)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(text_label(self.tr("The shop's mints:"), "muted"))
        self.layout_.addWidget(self.list)
        self.layout_.addStretch(1)
        self._checked()

    @property
    def urls(self) -> list[str]:
        """The chosen mints, in the order added."""
        return list(self.reports)

    def _checked(self, *_: object) -> None:
        report = self.check.report
        self.add_button.setEnabled(
            report is not None and report.ok and report.url not in self.reports
        )
        if self.add_button.isEnabled():
            self.add_button.setFocus()
        self.remove_button.setEnabled(bool(self.reports))

    def add_checked(self) -> None:
        """Put the mint just checked on the list."""
        report = self.check.report
        if report is None or not report.ok or report.url in self.reports:
            return
        self.reports[report.url] = report
        self.list.addItem(f"{report.name or report.url} — {report.url}")
        self.check.clear()
        self.check.url_edit.setFocus()
        self._checked()
        self.complete_changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow() if self.list.currentRow() >= 0 else self.list.count() - 1
        if row < 0:
            return
        url = self.urls[row]
        if url in self.locked:
            return
        del self.reports[url]
        self.list.takeItem(row)
        self._checked()
        self.complete_changed.emit()

    def is_complete(self) -> bool:
        """See :meth:`SetupPage.is_complete`."""
        return bool(self.reports)

    def entered(self) -> None:
        """Focus where typing starts."""
        self.check.url_edit.setFocus()


class SummaryPage(SetupPage):
    """What will be created; Finish creates it, with a busy bar while it runs."""

    help_anchor = "summary"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ready"), self.tr("Check the choices, then press Finish."), parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.busy_label = QLabel()
        self.busy_label.hide()
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        for widget in (self.summary, self.busy_label, self.progress, self.error):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
