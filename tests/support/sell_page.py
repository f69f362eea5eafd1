"""The Sell page as the GUI tests drive it: shown at a till's size, then an amount charged."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos_app.ui.context import UiContext
from pos_app.ui.pages.sell import SellPage


def show_sell_page(qtbot, ui: UiContext, size: tuple[int, int] = (1130, 760)) -> SellPage:
    """A Sell page, shown and activated, its settings loaded (close it with ``shutdown``)."""
    page = SellPage(ui)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: bool(page.settings), timeout=10_000)
    return page


def charge(qtbot, page: SellPage, amount: str) -> str:
    """Type the amount on the keyboard, press Enter, wait for the payment view; the sale id."""
    assert page.on_keypad
    qtbot.keyClicks(page.keypad, amount)
    qtbot.keyClick(page.keypad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.payment.state == "waiting", timeout=10_000)
    return page.payment.sale_id
