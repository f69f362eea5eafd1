"""What the screenshot modules share: pumping Qt until a window is in a state, and saving it.

The ``screens_*`` modules run from a test body with the qasync loop of
``tests/gui/conftest.py`` installed (never inside a coroutine): pumping Qt also
runs the asyncio tasks the widgets spawn.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.ui import theme
from pos_app.ui.tasks import running_tasks

SCHEMES = ("light", "dark")


def pump_until(condition: Callable[[], object], timeout: float = 20.0) -> None:
    """Process Qt events until ``condition()`` holds.

    Raises:
        TimeoutError: when the window does not get there within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the state to capture")
        QTest.qWait(5)


def pump(seconds: float) -> None:
    """Process Qt events for a while (layouts, animations)."""
    QTest.qWait(round(seconds * 1000))


# After the widgets' tasks are done: the layout passes and paints their results queue.
LAYOUT_SECONDS = 0.03


def settle() -> None:
    """Wait until what the widgets load is shown: their tasks ended, then a layout pass.

    A condition, not a fixed pause per shot (which was 25 s of the screenshot tests' 64).
    """
    pump_until(lambda: running_tasks() == 0)
    pump(LAYOUT_SECONDS)


def save(widget: QWidget, path: Path) -> Path:
    """Save ``widget`` as a PNG at ``path`` once what it loads is shown (:func:`settle`)."""
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


@contextmanager
def themed(scheme: str) -> Iterator[None]:
    """The app's theme in ``scheme`` (light or dark) for a block; the look before it after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.styleSheet(), app.font(), app.style().name(), app.palette(), theme.scheme())
    theme.apply(app, scheme)
    try:
        yield
    finally:
        theme.apply(app, saved[4])
        app.setStyleSheet(saved[0])
        app.setFont(saved[1])
        app.setStyle(saved[2])
        app.setPalette(saved[3])
