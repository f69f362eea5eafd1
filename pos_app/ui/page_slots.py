"""The main window's pages, known by name and built the first time each is shown.

Building every page up front made the till wait for screens nobody had asked for
(Settings alone took 0.16 s, and their modules pull in charts, the scanner and
the mint tools). The sidebar needs only each page's title, key, icon and role, so
those are listed here, and a page's module is imported and the page made when it
is first shown (or asked for by code). A test checks this list against the page
classes, so the two cannot drift apart.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from pos_app.ui.page import Page


@dataclass(frozen=True, slots=True)
class PageSlot:
    """One page of the sidebar before (and after) it is built.

    ``title`` is the source text; it is translated in the page class's context, the
    one its ``self.tr`` uses, so the catalogue holds it once.
    """

    module: str
    kind: str
    title: str
    shortcut: str
    needs: str
    icon: str

    def translated_title(self) -> str:
        """The title in the shop's language."""
        return QCoreApplication.translate(self.kind, self.title)

    def page_class(self) -> type[Page]:
        """The page's class (imports its module)."""
        return getattr(importlib.import_module(self.module), self.kind)


SLOTS: tuple[PageSlot, ...] = (
    PageSlot(
        "pos_app.ui.pages.sell",
        "SellPage",
        QT_TRANSLATE_NOOP("SellPage", "Sell"),
        "F1",
        "cashier",
        "cash-register",
    ),
    PageSlot(
        "pos_app.ui.pages.activity",
        "ActivityPage",
        QT_TRANSLATE_NOOP("ActivityPage", "Activity"),
        "F2",
        "cashier",
        "receipt-text-outline",
    ),
    PageSlot(
        "pos_app.ui.pages.wallet",
        "WalletPage",
        QT_TRANSLATE_NOOP("WalletPage", "Wallet"),
        "F3",
        "manager",
        "wallet-outline",
    ),
    PageSlot(
        "pos_app.ui.pages.settings",
        "SettingsPage",
        QT_TRANSLATE_NOOP("SettingsPage", "Settings"),
        "F4",
        "owner",
        "cog-outline",
    ),
    PageSlot(
        "pos_app.ui.pages.health",
        "HealthPage",
        QT_TRANSLATE_NOOP("HealthPage", "Mints"),
        "F5",
        "cashier",
        "access-point-network",
    ),
    PageSlot(
        "pos_app.ui.pages.analytics",
        "AnalyticsPage",
        QT_TRANSLATE_NOOP("AnalyticsPage", "Analytics"),
        "F6",
        "manager",
        "chart-bar",
    ),
)


def slot_of(kind: type) -> int:
    """The index of the page class ``kind`` (by name: no page module is imported)."""
    for index, slot in enumerate(SLOTS):
        if slot.kind == kind.__name__ and slot.module == kind.__module__:
            return index
    raise LookupError(f"no page {kind.__module__}.{kind.__name__} in the main window")


class LazyPages(Sequence["Page"]):
    """The window's pages in sidebar order, each made on first access.

    A placeholder holds each page's place in ``stack`` until then, so stack indexes
    are page indexes from the start. Iterating makes every page (what a caller asking
    for all of them means); :meth:`built` gives only those made so far.
    """

    def __init__(self, stack: QStackedWidget, make: Callable[[PageSlot], Page]) -> None:
        self._stack = stack
        self._make = make
        self._pages: list[Page | None] = [None] * len(SLOTS)
        for _slot in SLOTS:
            stack.addWidget(QWidget())

    def __len__(self) -> int:
        return len(SLOTS)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> list[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | list[Page]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(SLOTS))[index]]
        index = range(len(SLOTS))[index]  # negative indexes; IndexError past the end
        page = self._pages[index]
        if page is None:
            page = self._make(SLOTS[index])
            placeholder = self._stack.widget(index)
            # In before the placeholder goes: the current page keeps its place meanwhile.
            self._stack.insertWidget(index, page)
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[index] = page
        return page

    def __iter__(self) -> Iterator[Page]:
        return (self[i] for i in range(len(SLOTS)))

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """The index of a page that was built (no other page is made to find it)."""
        for i, page in enumerate(self._pages[start:stop], start):
            if page is not None and page is value:
                return i
        raise ValueError("not a page of this window")

    def is_built(self, index: int) -> bool:
        """True once page ``index`` was made."""
        return self._pages[index] is not None

    def built(self) -> list[Page]:
        """The pages made so far."""
        return [page for page in self._pages if page is not None]
