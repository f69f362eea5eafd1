"""The main window: navigation between Sell, Activity, Wallet and Settings, and a message banner."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app import __version__
from pos_app.core.errors import PosError
from pos_app.ui import messages, theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.notifications import NotificationsDialog
from pos_app.ui.page import Page
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.pages.health import HealthPage
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.pages.settings import SettingsPage
from pos_app.ui.pages.wallet import WalletPage
from pos_app.ui.tasks import spawn
from pos_app.ui.tray import Tray

BANNER_SECONDS = 8


class Banner(QLabel):
    """A one-line message across the top of the window (errors, notices), hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(10)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_message(self, text: str, level: str = "info", seconds: int = BANNER_SECONDS) -> None:
        """Show ``text`` coloured by ``level`` (info, ok, warn, bad) for a while."""
        self.setStyleSheet(theme.banner_style(level))
        self.setText(text)
        self.show()
        self._timer.start(seconds * 1000)


class MainWindow(QMainWindow):
    """Pages in a stack, a button and a function-key shortcut for each."""

    closed = Signal()

    def __init__(self, ui: UiContext) -> None:
        super().__init__()
        self.ui = ui
        ui.window = self
        self.setWindowTitle(self.tr("Cashu point of sale"))
        self.resize(1280, 800)
        self.banner = Banner()
        self.stack = QStackedWidget()
        self.pages: list[Page] = [
            SellPage(ui),
            ActivityPage(ui),
            WalletPage(ui),
            SettingsPage(ui),
            HealthPage(ui),
        ]
        self._nav = QButtonGroup(self)
        self._nav.setExclusive(True)
        nav = QVBoxLayout()
        nav.setSpacing(8)
        for index, page in enumerate(self.pages):
            self.stack.addWidget(page)
            button = QPushButton(f"{page.title}\n{page.shortcut}")
            button.setCheckable(True)
            button.setMinimumSize(130, 72)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keypad's focus
            button.setObjectName(f"nav-{type(page).__name__}")
            self._nav.addButton(button, index)
            nav.addWidget(button)
            if page.shortcut:
                QShortcut(
                    QKeySequence(page.shortcut), self, activated=lambda i=index: self.show_page(i)
                )
        nav.addStretch(1)
        self.bell = QPushButton()
        self.bell.setObjectName("notifications")
        self.bell.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bell.clicked.connect(self.open_notifications)
        nav.addWidget(self.bell)
        self.unread = 0
        self._set_unread(0)
        version = QLabel(f"v{__version__}")
        version.setProperty("role", "muted")
        nav.addWidget(version)
        self._nav.idClicked.connect(self.show_page)

        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addLayout(nav)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        ui.bridge.notification.connect(self._on_notification)
        self.tray = Tray(ui, self)
        self.notifications_dialog: NotificationsDialog | None = None
        self.show_page(0)
        self.refresh_unread()

    def page(self, kind: type[Page]) -> Page:
        """The page of a given class."""
        return next(p for p in self.pages if isinstance(p, kind))

    def show_page(self, index: int) -> None:
        """Switch to page ``index`` (0: Sell)."""
        current = self.stack.currentWidget()
        if isinstance(current, Page) and current is not self.pages[index]:
            current.deactivated()
        self.stack.setCurrentIndex(index)
        self._nav.button(index).setChecked(True)
        self.pages[index].activated()

    def show_error(self, err: PosError) -> None:
        """Tell the user what went wrong, in the message catalogue's words."""
        self.banner.show_message(messages.error_line(err), "bad")

    def show_info(self, text: str, level: str = "info") -> None:
        """A short notice in the banner."""
        self.banner.show_message(text, level)

    def _on_notification(self, level: str, title: str, body: str, kind: str, data: object) -> None:
        title, body = messages.notification_text(
            title, body, data if isinstance(data, dict) else None, kind
        )
        self.banner.show_message(
            f"{title}: {body}", {"critical": "bad", "warning": "warn"}.get(level, "info")
        )
        self.refresh_unread()

    def _set_unread(self, count: int) -> None:
        self.unread = count
        self.bell.setText(self.tr("Notifications") + (f"\n● {count}" if count else ""))

    def refresh_unread(self) -> None:
        """Update the unread counter on the notifications button."""
        spawn(self.ui.core.notifications.unread_count(), on_done=self._set_unread)

    def open_notifications(self) -> None:
        """Show the notification center (non-blocking)."""
        dialog = NotificationsDialog(self.ui, self)
        dialog.finished.connect(lambda _r: self.refresh_unread())
        dialog.marked_read.connect(self.refresh_unread)
        self.notifications_dialog = dialog
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop cameras and timers of every page, then let the app finish."""
        for page in self.pages:
            page.shutdown()
        self.tray.hide()
        self.closed.emit()
        super().closeEvent(event)

    async def wait_closed(self) -> None:
        """Resolve when the window closes."""
        done = asyncio.get_running_loop().create_future()
        self.closed.connect(lambda: done.done() or done.set_result(None))
        await done
