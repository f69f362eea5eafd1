"""The wizard pages about the recovery words: create or restore, show, confirm, or type them."""

from __future__ import annotations

import secrets
from functools import cache

from mnemonic import Mnemonic
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from pos_app.core.cashu import nut13
from pos_app.core.errors import ValidationError
from pos_app.ui import theme
from pos_app.ui.widgets.setup_pages import SetupPage, error_label, show_error, text_label

CONFIRM_WORDS = 3


@cache
def wordlist() -> list[str]:
    """The BIP39 English words (for completion while typing)."""
    return list(Mnemonic("english").wordlist)


class WelcomePage(SetupPage):
    """Create a new wallet or restore one from its recovery words."""

    help_anchor = "welcome"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Welcome"),
            self.tr("This computer holds the shop's ecash wallet. Let's set it up."),
            parent,
        )
        self.create = QRadioButton(self.tr("Create a new wallet"))
        self.restore = QRadioButton(self.tr("Restore a wallet from its recovery words"))
        self.train = QRadioButton(self.tr("Try it first (training mode)"))
        self.create.setChecked(True)
        group = QButtonGroup(self)
        for button, hint in (
            (self.create, self.tr("For a new shop: you get 12 recovery words to write down.")),
            (self.restore, self.tr("You have the 12 or 24 words of an earlier wallet.")),
            (
                self.train,
                self.tr(
                    "Play money on a test mint that runs on this computer: practise sales "
                    "before the shop is set up. Nothing is made for the shop yet; App, Leave "
                    "training mode comes back here."
                ),
            ),
        ):
            group.addButton(button)
            button.setStyleSheet("font-size: 15pt; padding: 6px;")
            self.layout_.addWidget(button)
            hint_label = text_label(hint, "muted")
            hint_label.setContentsMargins(32, 0, 0, 10)
            self.layout_.addWidget(hint_label)
        self.layout_.addStretch(1)

    def entered(self) -> None:
        """Focus where typing starts."""
        next(b for b in (self.create, self.restore, self.train) if b.isChecked()).setFocus()


class SeedPage(SetupPage):
    """The new recovery words, shown once, with a box to tick once they are written down."""

    help_anchor = "recovery-words"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Your recovery words"),
            self.tr(
                "Write these words on paper, in this order, and keep it safe. They are the "
                "only way to get the shop's money back if this computer is lost. The app "
                "does not show them again."
            ),
            parent,
        )
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.grid = QGridLayout(self.card)
        self.grid.setContentsMargins(18, 14, 18, 14)
        self.grid.setHorizontalSpacing(28)
        self.written = QCheckBox(self.tr("I have written down all the words, in order"))
        self.written.toggled.connect(self.complete_changed)
        self.layout_.addWidget(self.card)
        self.layout_.addWidget(self.written)
        self.layout_.addStretch(1)

    def set_words(self, mnemonic: str) -> None:
        """Show ``mnemonic`` as numbered words in columns."""
        words = mnemonic.split()
        rows = (len(words) + 2) // 3
        muted = theme.colors().muted
        for i, word in enumerate(words):
            number = f"{i + 1}.".rjust(3).replace(" ", "&nbsp;")
            label = QLabel(f"<span style='color:{muted}'>{number}</span> <b>{word}</b>")
            label.setStyleSheet("font-size: 16pt; font-family: monospace;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(label, i % rows, i // rows)

    def is_complete(self) -> bool:
        """See :meth:`SetupPage.is_complete`."""
        return self.written.isChecked()

    def entered(self) -> None:
        """Focus where typing starts."""
        self.written.setFocus()


class ConfirmPage(SetupPage):
    """Three words asked by position, chosen at random, to prove the backup exists."""

    help_anchor = "recovery-words"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Check your backup"),
            self.tr("Type these words from your paper, to make sure it is right."),
            parent,
        )
        self.words: list[str] = []
        self.positions: list[int] = []  # 0-based, ascending
        self.edits: list[QLineEdit] = []
        self.errors: list[QLabel] = []
        self.form = QGridLayout()
        self.form.setColumnStretch(1, 1)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)

    def set_mnemonic(self, mnemonic: str) -> None:
        """Pick the positions to ask for and build one field per position."""
        self.words = mnemonic.split()
        rng = secrets.SystemRandom()
        self.positions = sorted(rng.sample(range(len(self.words)), CONFIRM_WORDS))
        completer = QCompleter(wordlist(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        for row, position in enumerate(self.positions):
            label = QLabel(self.tr("Word #{n}").format(n=position + 1))
            label.setStyleSheet("font-size: 15pt;")
            edit = QLineEdit()
            edit.setObjectName(f"confirm-word-{position + 1}")
            edit.setMinimumHeight(40)
            edit.setCompleter(completer)
            edit.textChanged.connect(self.complete_changed)
            error = error_label()
            label.setBuddy(edit)
            self.form.addWidget(label, row * 2, 0)
            self.form.addWidget(edit, row * 2, 1)
            self.form.addWidget(error, row * 2 + 1, 1)
            self.edits.append(edit)
            self.errors.append(error)

    def is_complete(self) -> bool:
        """See :meth:`SetupPage.is_complete`."""
        return all(edit.text().strip() for edit in self.edits)

    def validate(self) -> bool:
        """See :meth:`SetupPage.validate`."""
        ok = True
        for position, edit, error in zip(self.positions, self.edits, self.errors, strict=True):
            right = edit.text().strip().lower() == self.words[position]
            show_error(
                error,
                None
                if right
                else self.tr("This is not word #{n}. Check your paper.").format(n=position + 1),
            )
            ok = ok and right
        return ok

    def entered(self) -> None:
        """Focus where typing starts."""
        if self.edits:
            self.edits[0].setFocus()


class RestorePage(SetupPage):
    """The words of an earlier wallet, checked against the BIP39 list and checksum."""

    help_anchor = "welcome"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Restore from recovery words"),
            self.tr("Type the 12 or 24 words, in order, separated by spaces."),
            parent,
        )
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("restore-words")
        self.edit.setPlaceholderText(self.tr("word1 word2 word3 …"))
        self.edit.setStyleSheet("font-size: 15pt; font-family: monospace;")
        self.edit.setMaximumHeight(140)
        self.edit.textChanged.connect(self._changed)
        self.count = text_label("", "muted")
        self.error = error_label()
        self.mnemonic = ""
        for widget in (self.edit, self.count, self.error):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(
            text_label(
                self.tr(
                    "After setup, use Restore on the Wallet page to get back the coins "
                    "this wallet held at your mints."
                ),
                "muted",
            )
        )
        self.layout_.addStretch(1)
        self._changed()

    def _changed(self) -> None:
        n = len(self.edit.toPlainText().split())
        self.count.setText(self.tr("{n} words").format(n=n))
        self.error.hide()
        self.complete_changed.emit()

    def is_complete(self) -> bool:
        """See :meth:`SetupPage.is_complete`."""
        return len(self.edit.toPlainText().split()) >= 12

    def validate(self) -> bool:
        """See :meth:`SetupPage.validate`."""
        try:
            nut13.seed_from_mnemonic(self.edit.toPlainText())
        except ValidationError as err:
            show_error(self.error, err.user_message)
            return False
        self.mnemonic = nut13.normalize_mnemonic(self.edit.toPlainText())
        return True

    def entered(self) -> None:
        """Focus where typing starts."""
        self.edit.setFocus()
