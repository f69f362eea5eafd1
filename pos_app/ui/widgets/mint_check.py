"""Checking a mint live before the shop trusts it: address field, Check button, and the report.

Used by the setup wizard (before the wallet exists) and by the Add-mint dialog; both
pass the ``inspect`` coroutine function to call (``MintDirectory.inspect``).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.errors import Category, PosError
from pos_app.core.wallet.mints import REQUIRED_NUTS, MintReport
from pos_app.ui import theme
from pos_app.ui.tasks import spawn

Inspect = Callable[[str], Awaitable[MintReport]]


# The features a shop needs and the optional ones, in plain words (NUT numbers are the
# Cashu specification's chapters; they stay in the technical line for the curious).
FEATURES = {
    7: QT_TRANSLATE_NOOP("MintCheck", "checks whether a token is spent"),
    9: QT_TRANSLATE_NOOP("MintCheck", "restores the shop's coins from its recovery words"),
    12: QT_TRANSLATE_NOOP("MintCheck", "proves its tokens are genuine"),
    5: QT_TRANSLATE_NOOP("MintCheck", "pays out to Lightning"),
    8: QT_TRANSLATE_NOOP("MintCheck", "returns Lightning fee change"),
    11: QT_TRANSLATE_NOOP("MintCheck", "tokens made out to the shop (offline payments)"),
}
SAT_KEYSET = "a sat keyset"  # the core's word when the mint has no sat unit


def _feature(entry: str) -> str:
    """The core's "NUT-07 proof state checks" (or "missing NUT-05 ...") in plain words."""
    found = re.search(r"NUT-(\d+)", entry)
    if found and int(found.group(1)) in FEATURES:
        return _translate(FEATURES[int(found.group(1))])
    if entry == SAT_KEYSET:
        return QCoreApplication.translate("MintCheck", "prices in sats")
    return entry


def report_html(report: MintReport) -> str:
    """The report as rich text: name, address, units, what works, then the technical line."""
    c = theme.colors()
    tr = _translate
    nuts = ", ".join(str(n) for n in report.nuts) or "—"
    name = report.name or tr("(no name)")
    units = tr("Units: {units}").format(units=", ".join(report.units) or "—")
    technical = tr("Technical: Cashu NUTs {list}").format(list=nuts)
    lines = [
        f"<b style='font-size:15pt'>{escape(name)}</b>",
        f"<span style='color:{c.muted}'>{escape(report.url)}</span>",
        escape(units),
    ]
    if report.ok:
        good = tr("Has everything a shop needs")
        needs = ", ".join(_translate(FEATURES[n]) for n in REQUIRED_NUTS)
        good_html = f"<b>✓ {escape(good)}</b> ({escape(needs)})."
        lines.append(f"<span style='color:{c.ok}'>{good_html}</span>")
    else:
        lacks = tr("This mint lacks:")
        missing = ", ".join(_feature(m) for m in report.missing)
        bad_html = f"<b>✗ {escape(lacks)}</b> {escape(missing)}"
        lines.append(f"<span style='color:{c.bad}'>{bad_html}</span>")
    if report.warnings:
        optional = ", ".join(_feature(w) for w in report.warnings)
        text = tr("Works, but this mint cannot do: {what}").format(what=optional)
        lines.append(f"<span style='color:{c.warn}'>{escape(text)}</span>")
    lines.append(f"<span style='color:{c.muted}; font-size:9pt'>{escape(technical)}</span>")
    return "<br>".join(lines)


def _translate(text: str) -> str:
    return QCoreApplication.translate("MintCheck", text)


class MintCheck(QWidget):
    """An address field with a Check button; shows the live report or the problem.

    Signals:
        checked(object): a :class:`MintReport` for the address now in the field.
        failed(str): the check failed; the cashier-facing reason.
        cleared(): the address was edited, so the last report no longer applies.
    """

    checked = Signal(object)
    failed = Signal(str)
    cleared = Signal()

    def __init__(self, inspect: Inspect, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inspect = inspect
        self.report: MintReport | None = None
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://mint.example.com")
        self.url_edit.setMinimumHeight(40)
        self.url_edit.returnPressed.connect(self.check)
        self.url_edit.textEdited.connect(self._edited)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.check_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card = QFrame()
        self.card.setProperty("role", "card")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(14, 10, 14, 10)
        card_layout.addWidget(self.status)
        self.card.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Mint address"))
        label.setBuddy(self.url_edit)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.card)

    @property
    def busy(self) -> bool:
        """True while a check is running."""
        return not self.check_button.isEnabled()

    def check(self) -> None:
        """Check the address in the field against the live mint."""
        url = self.url_edit.text().strip()
        if not url or self.busy:
            return
        self.report = None
        self.check_button.setEnabled(False)
        self._show(self.tr("Checking {url}…").format(url=escape(url)))
        spawn(self._inspect(url), on_done=self._done, on_error=self._failed)

    def clear(self) -> None:
        """Empty the field and hide the report."""
        self.url_edit.clear()
        self.report = None
        self.card.hide()

    def _done(self, report: MintReport) -> None:
        self.check_button.setEnabled(True)
        self.report = report
        self._show(report_html(report))
        self.checked.emit(report)

    def _failed(self, err: PosError) -> None:
        self.check_button.setEnabled(True)
        self.report = None
        reason = self.explain(err)
        title = self.tr("This mint cannot be used")
        self._show(f"<b>{escape(title)}</b><br>{escape(reason)}", "error")
        self.failed.emit(reason)

    def explain(self, err: PosError) -> str:
        """Why the check failed, in the owner's words (the core's text speaks of tokens)."""
        if err.category == Category.NETWORK:
            return self.tr(
                "Nothing answered at this address. Check the address and the internet connection."
            )
        if err.category in (Category.PROTOCOL, Category.MINT):
            return self.tr("This address did not answer like a Cashu mint: {reason}").format(
                reason=err.user_message
            )
        return err.user_message

    def _edited(self) -> None:
        if self.report is not None or self.card.isVisible():
            self.report = None
            self.card.hide()
            self.cleared.emit()

    def _show(self, html: str, role: str = "") -> None:
        theme.set_role(self.status, role)
        self.status.setText(html)
        self.card.show()
