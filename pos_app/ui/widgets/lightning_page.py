"""The setup wizard's Lightning address page, checked live (LUD-16 / LNURL-pay).

Payments from other mints, and every payment in the "pay everything out" mode, go to
this address, so for those modes it must answer before the wizard goes on; a shop that
keeps its own mints' ecash may leave it empty. The check asks the address's service for
its pay parameters and shows the smallest and largest amount it accepts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from pos_app.core.errors import PosError
from pos_app.core.payments.lnurl import PayParams
from pos_app.ui import theme
from pos_app.ui.messages import error_line
from pos_app.ui.widgets.live_check import LiveCheck
from pos_app.ui.widgets.setup_pages import SetupPage, text_label

Check = Callable[[str], Awaitable[PayParams]]


class LightningPage(SetupPage):
    """A Lightning address, its live check, and whether the chosen mode needs one."""

    help_anchor = "lightning"

    def __init__(self, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Lightning address"),
            self.tr("Where the till pays out to Lightning: name@example.com or an LNURL-pay link."),
            parent,
        )
        self.required = False
        self.checked: str | None = None  # the address that answered
        self.params: PayParams | None = None
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("name@example.com"))
        self.address.textEdited.connect(self._edited)
        self.status = text_label("", "muted")
        self.need = text_label("", "muted")
        form = QFormLayout()
        form.addRow(self.tr("Lightning address"), self.address)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.need)
        self.layout_.addStretch(1)
        self.live = LiveCheck(check, parent=self)
        self.live.started.connect(self._checking)
        self.live.passed.connect(self._passed)
        self.live.failed.connect(self._failed)

    def set_required(self, required: bool) -> None:
        """Whether the address must answer before Next (the mode or preset pays out)."""
        self.required = required
        self.need.setText(
            self.tr("The payment mode or preset you chose pays out to this address: it is needed.")
            if required
            else self.tr("Optional: you keep your mints' ecash. You can add it later in Settings.")
        )
        self.complete_changed.emit()

    def prefill(self, address: str) -> None:
        """Show the address already set, checked again at once."""
        self.address.setText(address)
        self._edited(address)
        if address.strip():
            self.live.now(address.strip())

    def _edited(self, text: str) -> None:
        self.checked, self.params = None, None
        if text.strip():
            self.live.request(text.strip())
        else:
            self._say("", "muted")
        self.complete_changed.emit()

    def _checking(self, _value: str) -> None:
        self._say(self.tr("Checking the address…"), "muted")

    def _passed(self, value: str, params: PayParams) -> None:
        if value != self.address.text().strip():
            return
        self.checked, self.params = value, params
        text = self.tr("It answers: payments from {low} to {high} sat.").format(
            low=f"{params.min_sat:,}", high=f"{params.max_sat:,}"
        )
        if params.description:
            text += " " + params.description[:120]
        self._say(text, "ok")
        self.complete_changed.emit()

    def _failed(self, value: str, err: PosError) -> None:
        if value == self.address.text().strip():
            self._say(error_line(err), "error")
            self.complete_changed.emit()

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        theme.set_role(self.status, role)

    def is_complete(self) -> bool:
        """Empty when not needed, else an address that answered."""
        typed = self.address.text().strip()
        if not typed:
            return not self.required
        return self.checked == typed

    def settings(self) -> dict[str, Any]:
        """The settings this page sets (nothing when left empty)."""
        typed = self.address.text().strip()
        return {"lightning.address": typed} if typed else {}

    def entered(self) -> None:
        """Typing starts in the address."""
        self.address.setFocus()
