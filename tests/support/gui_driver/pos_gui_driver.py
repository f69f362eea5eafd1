"""Drives the real desktop app from a thread, the way a person at the till would.

The driver thread waits for the program's QApplication, then runs a scenario from
:mod:`tests.support.gui_scenarios`. Every look at or touch of a widget runs on the
GUI thread (a queued signal to an object living there); the driver thread only
waits. The program's own code decides everything else, including when it exits.

Results go to ``POS_GUI_RESULT`` (a file): a line per step, ``DONE`` at the end,
or ``FAILED`` and the traceback; after a failure the process exits with code 97.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

FAILED_EXIT = 97


def _application() -> Any:
    """The program's QApplication once it exists, looked up without importing Qt."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    made = getattr(widgets, "QApplication", None)
    return made.instance() if made is not None else None


class Driver:
    """What a scenario may do: look and act on the GUI thread, wait, and note steps."""

    def __init__(self, result_file: str, args: dict[str, Any]) -> None:
        self.result_file = result_file
        self.args = args
        self._invoker: Any = None

    def attach(self) -> None:
        """Wait for the program's QApplication and put an invoker on its thread."""
        # Nothing of Qt is imported here before the program has imported it and made its
        # application: two threads importing PySide6 at once can deadlock in its module
        # initialisation (a program and driver that both hung, silently, was seen in CI).
        deadline = time.monotonic() + 60
        while _application() is None:
            if time.monotonic() > deadline:
                raise TimeoutError("the program made no QApplication within 60 s")
            time.sleep(0.05)
        from PySide6.QtCore import QObject, Qt, Signal, Slot

        app = _application()

        class Invoker(QObject):
            call = Signal(object)

            def __init__(self) -> None:
                super().__init__()
                self.call.connect(self.run, Qt.ConnectionType.QueuedConnection)

            @Slot(object)
            def run(self, job: Callable[[], None]) -> None:
                job()

        invoker = Invoker()
        invoker.moveToThread(app.thread())
        self._invoker = invoker

    def gui(self, fn: Callable[..., Any], *args: Any, timeout: float = 30) -> Any:
        """Run ``fn(*args)`` on the GUI thread; its result, or its exception re-raised here."""
        answer: queue.Queue[tuple[bool, Any]] = queue.Queue(1)

        def job() -> None:
            try:
                answer.put((True, fn(*args)))
            except BaseException as exc:
                answer.put((False, exc))

        self._invoker.call.emit(job)
        ok, value = answer.get(timeout=timeout)
        if not ok:
            raise value
        return value

    def wait(self, predicate: Callable[[], Any], what: str, timeout: float = 30) -> Any:
        """Poll ``predicate`` on the GUI thread until it returns something truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.gui(predicate)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} s for {what}")
            time.sleep(0.05)

    def note(self, line: str) -> None:
        """Record a step in the result file."""
        with open(self.result_file, "a", encoding="utf-8") as f:
            f.write(line + "\n")


def start(name: str) -> None:
    """Run scenario ``name`` in a daemon thread."""
    driver = Driver(os.environ["POS_GUI_RESULT"], json.loads(os.environ.get("POS_GUI_ARGS", "{}")))

    def main() -> None:
        try:
            from tests.support import gui_scenarios

            driver.attach()
            getattr(gui_scenarios, name)(driver)
            driver.note("DONE")
        except BaseException:
            driver.note("FAILED\n" + traceback.format_exc())
            os._exit(FAILED_EXIT)

    threading.Thread(target=main, name="gui-driver", daemon=True).start()
