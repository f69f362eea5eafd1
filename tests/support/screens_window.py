"""Screenshots of the main window: every page, a long message, and a dialog over it.

``screenshot_states(ui, out_dir)`` shows each page of a :class:`MainWindow` at a
1280x800 till screen in the light and the dark theme. A dialog is pictured where it
opens over the window (Qt's grab of a window leaves its dialogs out).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.main_window import MainWindow
from tests.support.screens_common import SCHEMES, pump_until, save, settle, themed

SIZE = (1280, 800)
LONG_MESSAGE = (
    "The mint did not accept the token: "
    + "cashuBo2FteCJodHRwczovL21pbnQuY29mZmVlLmV4YW1wbGVhdWNzYXRhdIGiYWlIAJofKTJT" * 6
    + " Ask the customer for another token."
)

# When a page shows its data (it loads it in the background when shown).
READY = {
    "settings": lambda page: page._loaded and page.mint_list.table.rowCount() > 0,
    "health": lambda page: bool(page.rows),
}


def with_dialog(window: QWidget, dialog: QWidget, path: Path) -> Path:
    """Save ``window`` with ``dialog`` drawn where it is on screen."""
    settle()
    picture = QPixmap(window.grab())
    painter = QPainter(picture)
    offset = dialog.frameGeometry().topLeft() - window.frameGeometry().topLeft()
    painter.drawPixmap(offset, dialog.grab())
    # A desktop draws a frame and shadow around a dialog; the offscreen platform does not.
    painter.setPen(QColor(theme.colors().border))
    painter.drawRect(QRect(offset, dialog.frameGeometry().size()).adjusted(-1, -1, 0, 0))
    painter.end()
    if not picture.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def screenshot_states(ui: UiContext, out_dir: Path | str) -> list[Path]:
    """Every page of the main window in both themes; returns the PNG paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    for scheme in SCHEMES:
        with themed(scheme):
            # As a shop chooses it: the window applies the stored setting when it opens.
            ui.core.db.transact(
                lambda session, chosen=scheme: ui.core.config.set(session, "display.theme", chosen)
            )
            window = MainWindow(ui)
            pump_until(lambda dark=scheme == "dark": theme.is_dark() == dark)
            window.resize(*SIZE)
            window.show()
            for index, page in enumerate(window.pages):
                window.show_page(index)
                name = type(page).__name__.removesuffix("Page").lower()
                ready = READY.get(name)
                if ready is not None:
                    pump_until(lambda ready=ready, page=page: ready(page))
                shots.append(save(window, out / f"window-{scheme}-{name}.png"))
            window.show_page(0)
            window.show_info(LONG_MESSAGE, "bad")
            shots.append(save(window, out / f"window-{scheme}-long-message.png"))
            window.banner.hide()
            # The offscreen screen is 800 px wide: shift the window so the dialog centred
            # on its page area is on that screen, as it would be on a 1280 px one.
            window.move(-240, 0)
            window.open_notifications()
            dialog = window.notifications_dialog
            assert dialog is not None
            pump_until(dialog.isVisible)
            shots.append(with_dialog(window, dialog, out / f"window-{scheme}-notifications.png"))
            dialog.close()
            window.close()
            window.deleteLater()
    ui.core.db.transact(lambda session: ui.core.config.unset(session, "display.theme"))
    return shots
