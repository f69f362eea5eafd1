"""Base class of the main window's pages."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pos_app.ui.context import UiContext


class Page(QWidget):
    """A page of the main window: a title, a keyboard shortcut, and activation hooks.

    Subclasses set :attr:`title` (already translated with ``self.tr`` in ``__init__``)
    and :attr:`shortcut`, build their widgets in ``__init__`` and refresh their data
    in :meth:`activated` (called each time the page is shown).
    """

    title = "Page"
    shortcut = ""
    needs = "cashier"  # the least staff role that may open it (pos_app.core.staff)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui

    def activated(self) -> None:
        """The page became visible."""

    def deactivated(self) -> None:
        """Another page was chosen."""

    def shutdown(self) -> None:
        """The window is closing: stop cameras, timers and tasks."""
