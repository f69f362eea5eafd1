"""A banner on the payment screen when the mint a customer's token needs is offline."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.wallet.mints import mint_status
from pos_app.ui import theme
from pos_app.ui.context import UiContext
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
        spawn(self.ui.core.db.run(lambda s: mint_status(s, url)), on_done=self._show)

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
