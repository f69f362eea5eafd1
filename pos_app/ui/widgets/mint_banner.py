"""Banners for offline mints: the token's mint, and the shop's own mints.

:class:`MintOfflineBanner` sits on the payment screen; :class:`ShopMintsBanner` on the
whole Sell page; :class:`AllOfflinePrompt` on the Sell page when a sale was refused
because every trusted mint is offline.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.messages import Advice
from pos_app.ui.tasks import spawn


class MintOfflineBanner(QLabel):
    """Hidden until a token from a mint known to be offline is read; hides when it is back."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.changed().connect(self._recolour)
        self.ui = ui
        self.setObjectName("mint-offline")
        self.setWordWrap(True)
        self.setMargin(8)
        self.mint = ""
        self.hide()
        ui.bridge.mint_health_changed.connect(self._on_health)

    def check(self, token_text: str) -> None:
        """Look up the health of the token's mint (off the GUI thread) and warn if offline."""
        try:
            url = parse_token(token_text).mint
        except PosError:
            return  # the payment itself explains a bad token
        spawn(self.ui.core.mints.status(url), on_done=self._show)

    def hide(self) -> None:
        """Hide and forget the mint."""
        self.mint = ""
        super().hide()

    def _recolour(self) -> None:
        self.setStyleSheet(theme.banner_style("warn"))

    def _show(self, found: tuple[str, str, str] | None) -> None:
        if found is None:
            return
        url, name, status = found
        if status != "offline":
            if url == self.mint:
                self.hide()
            return
        self.mint = url
        self.setStyleSheet(theme.banner_style("warn"))
        text = self.tr(
            "The mint %1 is offline right now. "
            "A token from it is kept and redeemed when it answers."
        )
        self.setText(text.replace("%1", name or url))
        self.show()

    def _on_health(self, url: str, status: str, _previous: object, _latency: object) -> None:
        if url == self.mint and status != "offline":
            self.hide()


class ShopMintsBanner(QLabel):
    """Shown on the Sell page while any of the shop's trusted mints is offline.

    :meth:`check` re-checks the mints when the last check is a few seconds old (at a
    sale's start); health events from the monitor keep it current in between.

    Signals:
        updated(list): the trusted mints (url, name, status) it last showed.
    """

    updated = Signal(list)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName("shop-mints-offline")
        self.setWordWrap(True)
        self.setMargin(8)
        self.offline: list[str] = []
        super().hide()
        ui.bridge.mint_health_changed.connect(self._health_changed)  # dropped with the banner

    def _health_changed(self, *_event: object) -> None:
        self.refresh()

    def check(self) -> None:
        """Check the mints now if the last check is stale (short wait), then show the result."""
        spawn(
            self.ui.core.services.health.check_if_stale(),
            on_done=self._show,
            on_error=lambda _err: self.refresh(),
        )

    def refresh(self) -> None:
        """Show the stored health of the shop's mints."""
        spawn(self.ui.core.services.health.trusted_status(), on_done=self._show)

    def _show(self, mints: list[dict[str, Any]]) -> None:
        down = [m for m in mints if m["status"] == "offline"]
        self.offline = [m["url"] for m in down]
        if not down:
            super().hide()
        else:
            names = ", ".join(m["name"] or m["url"] for m in down)
            if len(down) == len(mints):
                text = self.tr(
                    "The shop's mint is offline: %1. A payment cannot be confirmed now; a "
                    "token taken meanwhile is at the shop's risk until the mint is back."
                )
            else:
                text = self.tr(
                    "Offline now: %1. Tokens from that mint cannot be confirmed; tokens from "
                    "the shop's other mints are fine."
                )
            self.setStyleSheet(theme.banner_style("warn"))
            self.setText(text.replace("%1", names))
            self.show()
        self.updated.emit(mints)


class AllOfflinePrompt(QFrame):
    """Every trusted mint is offline: the cashier decides before any request is shown.

    Signals:
        anyway(): show the request all the same (tokens are kept until a mint is back).
        dismissed(): do not start the sale now.
    """

    anyway = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("all-mints-offline")
        theme.changed().connect(self._recolour)
        self.title = QLabel()
        self.title.setObjectName("all-mints-offline-title")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.anyway_button = QPushButton(self.tr("Show the request anyway"))
        self.anyway_button.clicked.connect(self._anyway)
        self.wait_button = QPushButton(self.tr("Not now"))
        self.wait_button.clicked.connect(self._dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(self.anyway_button)
        buttons.addWidget(self.wait_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self._recolour()
        self.hide()

    def ask(self, advice: Advice) -> None:
        """Show the refusal's words and the two choices."""
        self.title.setText(f"<b>{advice.title}</b>")
        self.text.setText(advice.text)
        self._recolour()
        self.show()
        self.anyway_button.setFocus()

    def _recolour(self) -> None:
        self.setStyleSheet(theme.banner_style("warn"))

    def _anyway(self) -> None:
        self.hide()
        self.anyway.emit()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
