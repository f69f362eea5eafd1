"""The main window: navigation between Sell, Activity, Wallet and Settings, and a message banner.

The window can be shown before the wallet is open (:class:`MainWindow` without a
context): its frame, menu and sidebar come up with "Opening the wallet…" in the
page area and nothing to sell with, and :meth:`MainWindow.attach` fills it in once
the core exists. Only what that first frame draws is imported at module level; the
pages, dialogs and core modules come with :meth:`~MainWindow.attach` or later.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_app import __version__, collector
from pos_app.ui import messages, theme
from pos_app.ui.models import sale_format as fmt
from pos_app.ui.page_slots import SLOTS, LazyPages, PageSlot, slot_of

if TYPE_CHECKING:
    from pos_app.core.errors import PosError
    from pos_app.ui.context import UiContext
    from pos_app.ui.dialogs.notifications import NotificationsDialog
    from pos_app.ui.page import Page
    from pos_app.ui.pages.sell import SellPage
    from pos_app.ui.tray import Tray
    from pos_app.ui.widgets.items_panel import ItemsDialog
    from pos_app.ui.widgets.training_band import TrainingTitles

log = logging.getLogger(__name__)


def spawn(*args: Any, **kwargs: Any) -> Any:
    """:func:`pos_app.ui.tasks.spawn`, imported when first used.

    The window's frame is shown before asyncio is loaded; everything it spawns comes later.
    """
    from pos_app.ui.tasks import spawn as spawn_task

    return spawn_task(*args, **kwargs)


BANNER_SECONDS = 8
IDLE_CHECK_MS = 15_000
BANNER_CHARS = 240  # longer messages are cut (the whole text is in the tooltip)
UNBROKEN = 32  # a word this long (a token, a URL) gets break points so it wraps
PREFERRED = QSize(1440, 900)  # on a bigger screen the window stays this size
SMALLEST_SCREEN = QSize(1024, 700)  # the smallest till screen the layout must fit
SIDEBAR_WIDTH = 120
NAV_HEIGHT = 84


def wrappable(text: str) -> str:
    """``text`` cut to :data:`BANNER_CHARS`, with zero-width breaks inside very long words.

    A QLabel wraps only at spaces: one long token or URL would otherwise make the
    label, and so the window, as wide as the text.
    """
    if len(text) > BANNER_CHARS:
        text = text[: BANNER_CHARS - 1].rstrip() + "…"
    words = []
    step = UNBROKEN // 2
    for word in text.split(" "):
        if len(word) > UNBROKEN:
            words.append("\u200b".join(word[i : i + step] for i in range(0, len(word), step)))
        else:
            words.append(word)
    return " ".join(words)


class Banner(QLabel):
    """A one-line message across the top of the window (errors, notices), hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(theme.SPACE.m)
        self.setMinimumHeight(theme.TOUCH)
        self.level = "info"
        theme.changed().connect(self._style)
        # Ignored: the banner takes the width the window gives it and never asks for more.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def _style(self) -> None:
        style = theme.banner_style(self.level)
        self.setStyleSheet(style + f"font-size: {theme.TYPE.body_large}pt;")

    def show_message(self, text: str, level: str = "info", seconds: int = BANNER_SECONDS) -> None:
        """Show ``text`` coloured by ``level`` (info, ok, warn, bad) for a while."""
        self.level = level
        self._style()
        self.setText(wrappable(text))
        self.setToolTip(text if len(text) > BANNER_CHARS else "")
        self.show()
        self._timer.start(seconds * 1000)


class OpeningPanel(QLabel):
    """What the page area says while the wallet opens: no keypad, nothing to type into.

    It takes the keyboard focus, so keys pressed meanwhile reach nothing that sells.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opening")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("role", "title")
        self.setText(text)


class MainWindow(QMainWindow):
    """Pages in a stack, a button and a function-key shortcut for each.

    ``MainWindow(ui)`` is the whole window. ``MainWindow()`` is its frame while the
    wallet opens (nothing can be sold, the page keys and buttons do nothing, Quit
    works); :meth:`attach` then makes it the whole window. Pages are built the first
    time they are shown (:mod:`pos_app.ui.page_slots`); :attr:`pages` and :meth:`page`
    build the one asked for.
    """

    closed = Signal()
    ready_for_sale = Signal()  # the Sell page can take an amount (once, after attach)

    def __init__(self, ui: UiContext | None = None) -> None:
        super().__init__()
        self.ui: UiContext = cast("UiContext", None)  # set by attach()
        self.setWindowTitle(self.tr("Cashu point of sale"))
        self.kiosk = False
        self.is_ready = False
        self.banner = Banner()
        self.stack = QStackedWidget()
        self.pages = LazyPages(self.stack, self._make_page)
        self.opening = OpeningPanel(self.tr("Opening the wallet…"))
        self.stack.addWidget(self.opening)
        self.stack.setCurrentWidget(self.opening)
        self._nav = QButtonGroup(self)
        self._nav.setExclusive(True)
        self._shortcuts: list[QShortcut] = []
        space = theme.SPACE
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        nav = QVBoxLayout(sidebar)
        nav.setContentsMargins(space.xs + 2, space.m, space.xs + 2, space.s)
        nav.setSpacing(space.xs)
        for index, slot in enumerate(SLOTS):
            title = slot.translated_title()
            button = self._nav_button(f"{title}\n{slot.shortcut}", slot.icon)
            button.setCheckable(True)
            button.setObjectName(f"nav-{slot.kind}")
            button.setEnabled(False)  # until the wallet is open
            self._nav.addButton(button, index)
            nav.addWidget(button)
            shortcut = QShortcut(
                QKeySequence(slot.shortcut), self, activated=lambda i=index: self.show_page(i)
            )
            shortcut.setEnabled(False)
            self._shortcuts.append(shortcut)
        nav.addStretch(1)
        # Who is at the till, and switching (shown once the shop has staff accounts).
        self.user_button = self._nav_button("", "account-outline")
        self.user_button.setObjectName("user")
        self.user_button.setToolTip(self.tr("Switch user"))
        self.user_button.clicked.connect(self.switch_user)
        self.user_button.hide()
        nav.addWidget(self.user_button)
        self.bell = self._nav_button("", "bell-outline")
        self.bell.setObjectName("notifications")
        self.bell.clicked.connect(self.open_notifications)
        self.bell.setEnabled(False)
        nav.addWidget(self.bell)
        self.unread = 0
        self._set_unread(0)
        version = QLabel(f"v{__version__}")
        version.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        nav.addWidget(version)
        self._nav.idClicked.connect(self.show_page)

        self._right = right = QVBoxLayout()
        right.setContentsMargins(space.m, space.m, space.m, space.m)
        right.setSpacing(space.s)
        self._training_titles: TrainingTitles | None = None
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(sidebar)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.tray: Tray | None = None
        self.notifications_dialog: NotificationsDialog | None = None
        self.items_dialog: ItemsDialog | None = None
        self.quit_box: QMessageBox | None = None
        self._page = 0
        self._elevated: int | None = None
        self.lock_minutes = 0
        self.locked = False
        self.idle = IdleWatch(self)
        QApplication.instance().installEventFilter(self.idle)
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_CHECK_MS)
        self._idle_timer.timeout.connect(self.check_idle)
        self._quitting = False
        self.was_closed = False
        self._build_menu()
        self._centering = DialogCentering(self)
        QApplication.instance().installEventFilter(self._centering)
        self.fit_to_screen()
        if ui is not None:
            self.attach(ui)

    def attach(self, ui: UiContext) -> None:
        """The wallet is open: the core's services behind the window, and the Sell page."""
        from pos_app.ui.tray import Tray

        self.ui = ui
        ui.window = self
        if getattr(ui.core, "training", False):
            from pos_app.ui.widgets.training_band import TrainingTitles, training_band

            # Training mode must never be taken for the real till: a band on top, always.
            self.setWindowTitle(self.tr("Cashu point of sale - TRAINING"))
            band = training_band(self.tr("TRAINING - play money, not real sales"))
            self._right.insertWidget(0, band)
            self._training_titles = TrainingTitles(self)
            QApplication.instance().installEventFilter(self._training_titles)
        self._add_training_actions()
        ui.bridge.notification.connect(self._on_notification)
        ui.bridge.settings_saved.connect(self._settings_saved)
        self.tray = Tray(ui, self)
        for index in range(len(SLOTS)):
            self._nav.button(index).setEnabled(True)
            self._shortcuts[index].setEnabled(True)
        self.bell.setEnabled(True)
        self.items_action.setEnabled(True)
        self._idle_timer.start()
        sell = cast("SellPage", self.pages[0])
        sell.settings_applied.connect(self._sell_ready)
        self.show_page(0)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        self.is_ready = True
        self.refresh_unread()
        spawn(ui.settings(), on_done=self.apply_display)

    def _make_page(self, slot: PageSlot) -> Page:
        if self.ui is None:
            raise RuntimeError("the pages are made once the wallet is open (attach)")
        return slot.page_class()(self.ui)

    def _sell_ready(self) -> None:
        # Once: the Sell page applies its settings again on every visit.
        self.pages[0].settings_applied.disconnect(self._sell_ready)  # type: ignore[attr-defined]
        log.info("ready for a sale")
        collector.settle()  # what the start loaded is frozen; collection resumes
        self.ready_for_sale.emit()

    def opening_failed(self) -> None:
        """The wallet did not open: say so where the pages will be (a dialog explains why)."""
        if not self.is_ready:
            self.opening.setText(self.tr("The wallet is not open."))

    def _nav_button(self, text: str, icon: str) -> QToolButton:
        """A sidebar button: icon over its words, as wide as the sidebar."""
        button = QToolButton()
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(NAV_HEIGHT)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keypad's focus
        theme.set_icon(button, icon, size=theme.NAV_ICON, checked_role="info")
        return button

    # -- size, full screen and colours ---------------------------------------------------------

    def available(self) -> QRect:
        """The part of the window's screen not taken by panels and docks."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def fit_to_screen(self) -> None:
        """Size the window to its screen, centred in it.

        As large as :data:`PREFERRED`, never larger than the screen's free area.
        """
        area = self.available()
        width = min(area.width(), PREFERRED.width())
        height = min(area.height(), PREFERRED.height())
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def apply_display(self, values: dict[str, Any]) -> None:
        """Apply the ``display.*``, ``shop.timezone`` and ``staff.lock_minutes`` settings."""
        fmt.use_zone(str(values.get("shop.timezone") or ""))
        self.lock_minutes = int(values.get("staff.lock_minutes") or 0)
        chosen = str(values.get("display.theme", "system"))
        if chosen != theme.scheme():
            app = QApplication.instance()
            if isinstance(app, QApplication):
                theme.apply(app, chosen)
        self.set_kiosk(bool(values.get("display.kiosk", False)))

    def _settings_saved(self, changed: dict[str, Any]) -> None:
        if any(
            key.startswith("display.") or key in ("shop.timezone", "staff.lock_minutes")
            for key in changed
        ):
            spawn(self.ui.settings(), on_done=self.apply_display)

    def set_kiosk(self, on: bool) -> None:
        """Full screen without a window frame (a till), or a normal window."""
        if on == self.kiosk:
            return
        self.kiosk = on
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, on)
        if on:
            self.showFullScreen()
        elif visible:
            self.showNormal()
            self.fit_to_screen()

    def _build_menu(self) -> None:
        self._app_menu = menu = self.menuBar().addMenu(self.tr("&App"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():  # platforms without a standard Quit key
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(lambda: self.quit(confirm=True))
        self.items_action = QAction(self.tr("&Items…"), self)
        self.items_action.setShortcut(QKeySequence("Ctrl+I"))
        self.items_action.triggered.connect(self.open_items)
        self.items_action.setEnabled(False)  # until the wallet is open
        menu.addAction(self.items_action)
        menu.addSeparator()
        self.leaving_training = False
        self.leave_training_action: QAction | None = None
        self.customer_wallet: QWidget | None = None
        self.customer_wallet_action: QAction | None = None
        menu.addAction(self.quit_action)

    def _add_training_actions(self) -> None:
        menu = self._app_menu
        if self.ui.training_env is not None:
            self.customer_wallet_action = QAction(self.tr("&Customer wallet…"), self)
            self.customer_wallet_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
            self.customer_wallet_action.triggered.connect(self.open_customer_wallet)
            menu.insertAction(self.quit_action, self.customer_wallet_action)
        if getattr(self.ui.core, "training", False):
            self.leave_training_action = QAction(self.tr("&Leave training mode"), self)
            self.leave_training_action.triggered.connect(self.leave_training)
            menu.insertAction(self.quit_action, self.leave_training_action)

    def page(self, kind: type[Page]) -> Page:
        """The page of a given class (built now if it was not yet)."""
        return self.pages[slot_of(kind)]

    def set_user(self, member: Any) -> None:
        """``member`` is at the till from now on: shown, and written on what they do."""
        from pos_app.core import staff as actor
        from pos_app.core.staff import rank
        from pos_app.ui.dialogs.sign_in import ROLE_NAMES

        self.ui.user = member
        self._elevated = None
        actor.sign_in(member.name if member else None)
        self.user_button.setVisible(member is not None)
        if member is not None:
            self.user_button.setText(f"{member.name}\n{self.tr(ROLE_NAMES[member.role])}")
            spawn(self.ui.core.staff.signed_in(member.name), on_error=self.show_error)
        if member is not None and rank(member.role) < rank(SLOTS[self._page].needs):
            self.show_page(0)

    def check_idle(self) -> None:
        """Lock the till after ``staff.lock_minutes`` without input (never during a sale)."""
        if (
            self.ui is None
            or self.ui.user is None
            or self.locked
            or self.lock_minutes <= 0
            or self.idle.seconds() < self.lock_minutes * 60
            or self.open_sale() is not None
        ):
            return
        self.lock()

    def lock(self) -> None:
        """Back to Sell; nobody acts until someone signs in (Quit ends the app)."""
        from pos_app.core import staff as actor
        from pos_app.ui.dialogs.sign_in import ask_pin

        self.locked = True
        self.show_page(0)
        self._elevated = None
        actor.sign_in(None)

        async def ask() -> Any:
            try:
                return await ask_pin(self.ui.core.staff, can_cancel=False, parent=self, modal=True)
            finally:
                self.locked = False
                self.idle.touch()
                self._take_keyboard()

        def unlocked(member: Any) -> None:
            if member is None:
                self.quit(confirm=False)
            else:
                self.set_user(member)

        spawn(ask(), on_done=unlocked, on_error=self.show_error)

    def _take_keyboard(self) -> None:
        # Without a window manager nobody gives the window back its focus when a dialog
        # closes, and its shortcuts (Ctrl+Q, F1...) would stop working.
        self.raise_()
        self.activateWindow()

    def switch_user(self) -> None:
        """Ask who is at the till now (the current user stays when cancelled)."""
        from pos_app.ui.dialogs.sign_in import ask_pin

        async def ask() -> Any:
            try:
                return await ask_pin(self.ui.core.staff, parent=self)
            finally:
                self._take_keyboard()

        spawn(
            ask(), on_done=lambda member: member and self.set_user(member), on_error=self.show_error
        )

    def show_page(self, index: int) -> None:
        """Switch to page ``index`` (0: Sell).

        A page above the signed-in member's role opens once someone allowed types their
        PIN: they act on it until another page is chosen (no sign-out).
        """
        if self.ui is None:
            return  # the wallet is still opening: there is no page yet
        from pos_app.core import staff as actor
        from pos_app.core.staff import rank
        from pos_app.ui.dialogs.sign_in import ask_pin
        from pos_app.ui.page import Page

        user, slot = self.ui.user, SLOTS[index]
        if user is not None and rank(user.role) < rank(slot.needs) and self._elevated != index:
            self._nav.button(self._page).setChecked(True)  # stays where it is meanwhile

            async def allow() -> Any:
                try:
                    return await ask_pin(
                        self.ui.core.staff,
                        needs=slot.needs,
                        purpose=self.tr("Open {page}").format(page=slot.translated_title()),
                        parent=self,
                    )
                finally:
                    self._take_keyboard()

            def allowed(member: Any) -> None:
                if member is not None:
                    self._elevated = index
                    actor.sign_in(member.name)
                    self.show_page(index)

            spawn(allow(), on_done=allowed, on_error=self.show_error)
            return
        if self._elevated is not None and self._elevated != index:
            self._elevated = None  # leaving the page opened with another's PIN
            actor.sign_in(user.name if user is not None else None)
        self._page = index
        page = self.pages[index]  # made on its first visit
        current = self.stack.currentWidget()
        if isinstance(current, Page) and current is not page:
            current.deactivated()
        self.stack.setCurrentWidget(page)
        self._nav.button(index).setChecked(True)
        page.activated()

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
        if count:
            theme.set_icon(self.bell, "bell-badge-outline", "warn", size=theme.NAV_ICON)
        else:
            theme.set_icon(self.bell, "bell-outline", size=theme.NAV_ICON)

    def refresh_unread(self) -> None:
        """Update the unread counter on the notifications button."""
        spawn(self.ui.core.notifications.unread_count(), on_done=self._set_unread)

    def open_notifications(self) -> None:
        """Show the notification center (non-blocking)."""
        from pos_app.ui.dialogs.notifications import NotificationsDialog

        dialog = NotificationsDialog(self.ui, self)
        dialog.finished.connect(lambda _r: self.refresh_unread())
        dialog.marked_read.connect(self.refresh_unread)
        self.notifications_dialog = dialog
        dialog.open()

    def open_items(self) -> None:
        """The items catalogue for a manager (a cashier's till asks a manager's PIN first)."""
        from pos_app.core import staff as actor

        async def who_allowed() -> str | None:
            return actor.acting()

        spawn(
            self.ui.allowed("manager", self.tr("Changing the items needs a manager."), who_allowed),
            on_done=self._show_items,
            on_error=self.show_error,
        )

    def _show_items(self, acting: str | None) -> None:
        from pos_app.ui.widgets.items_panel import ItemsDialog

        if self.items_dialog is not None:
            self.items_dialog.close()
        # Made as whoever allowed it: a manager who typed their PIN at a cashier's till.
        dialog = ItemsDialog(self.ui, acting, self)
        dialog.finished.connect(lambda _result: self._take_keyboard())
        self.items_dialog = dialog
        dialog.show()
        dialog.raise_()  # a till may run X without a window manager to hand it the keyboard
        dialog.activateWindow()

    def open_sale(self) -> dict[str, object] | None:
        """The sale the Sell page is taking payment for, if one is open and not yet paid."""
        if not self.pages.is_built(0):
            return None  # no Sell page yet, so no sale either
        return cast("SellPage", self.pages[0]).open_sale()

    def open_customer_wallet(self) -> None:
        """Training: show the customer's phone (made once, raised after)."""
        from pos_app.ui.customer_wallet import CustomerWalletWindow

        if self.customer_wallet is None:
            self.customer_wallet = CustomerWalletWindow(self.ui, self.open_sale, self)
            # Shown, not focused: the cashier's keys stay on the till.
            self.customer_wallet.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        wallet = self.customer_wallet
        wallet.show()
        # At the till's right edge, inside the screen (its width is known once shown).
        area = self.screen().availableGeometry()
        right = min(self.frameGeometry().right(), area.right())
        wallet.move(max(area.left(), right - wallet.frameGeometry().width()), area.top())
        wallet.raise_()

    def leave_training(self) -> None:
        """Close the training till; the app goes on to the shop's wallet (or its setup)."""
        self.leaving_training = True
        self.quit(confirm=False)  # a training sale left open is play money

    def quit(self, *, confirm: bool = True) -> None:
        """End the app; with a sale open and ``confirm``, ask first (without blocking)."""
        sale = self.open_sale() if confirm else None
        if sale is None:
            self._quitting = True
            self.close()
            return
        if self.quit_box is not None:
            self.quit_box.raise_()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit"))
        box.setText(
            self.tr("A sale is open: {amount}, not paid yet.").format(
                amount=fmt.money(str(sale["amount"]), str(sale["currency"]))
            )
        )
        box.setInformativeText(
            self.tr(
                "If you quit now, the customer cannot pay it at this till; it stays in "
                "Activity and expires on its own. Money already received is kept."
            )
        )
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep selling"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(quit_button)  # Ctrl+Q then Enter: the owner meant it

        def answered() -> None:
            self.quit_box = None
            if box.clickedButton() is quit_button:
                self.quit(confirm=False)

        box.finished.connect(lambda _result: answered())
        self.quit_box = box
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before closing over an open sale; then stop every page and let the app finish."""
        if not self._quitting and self.open_sale() is not None:
            event.ignore()
            self.quit(confirm=True)
            return
        self._quitting = True
        if self.customer_wallet is not None:
            self.customer_wallet.close()
        for page in self.pages.built():  # a page never shown has nothing running
            page.shutdown()
        QApplication.instance().removeEventFilter(self._centering)
        if self._training_titles is not None:
            QApplication.instance().removeEventFilter(self._training_titles)
        if self.tray is not None:
            self.tray.hide()
        self.was_closed = True
        self.closed.emit()
        super().closeEvent(event)

    async def wait_closed(self) -> None:
        """Resolve when the window closes (at once if it already has).

        A SIGTERM can close the window between its show() and this call: the closed
        signal then has no listener yet, and waiting for it would never end.
        """
        if self.was_closed:
            return
        import asyncio

        done = asyncio.get_running_loop().create_future()
        self.closed.connect(lambda: done.done() or done.set_result(None))
        await done


class IdleWatch(QObject):
    """When someone last touched the till (a key, a click, a touch)."""

    INPUT = (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last = time.monotonic()

    def touch(self) -> None:
        """Count now as the last input."""
        self.last = time.monotonic()

    def seconds(self) -> float:
        """Seconds since the last input."""
        return time.monotonic() - self.last

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note input; never consumes it."""
        if event.type() in self.INPUT:
            self.last = time.monotonic()
        return False


class DialogCentering(QObject):
    """Centres the window's dialogs on the page area, so they never cover the sidebar.

    Qt centres a dialog on its parent window; this moves it, as it is shown, to the
    middle of the page area, kept inside the screen's free area.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Move a dialog of the main window when it is shown."""
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and watched.parentWidget() is not None
            and watched.parentWidget().window() is self._window
        ):
            self.center(watched)
        return False

    def center(self, dialog: QDialog) -> None:
        """Put ``dialog`` in the middle of the page area."""
        stack = self._window.stack
        middle = stack.mapToGlobal(stack.rect().center())
        area = self._window.available()
        frame = dialog.frameGeometry()
        width = min(frame.width(), area.width())
        height = min(frame.height(), area.height())
        if (width, height) != (frame.width(), frame.height()):
            dialog.resize(
                dialog.width() - frame.width() + width, dialog.height() - frame.height() + height
            )
        x = min(max(middle.x() - width // 2, area.left()), area.right() - width + 1)
        y = min(max(middle.y() - height // 2, area.top()), area.bottom() - height + 1)
        dialog.move(x, y)
