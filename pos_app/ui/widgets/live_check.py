"""A check that runs over the network while the owner types (a rate, a Lightning address).

It waits until the value has not changed for a moment, runs the check off the GUI
thread, and reports only the answer for the newest value: a slow answer for what was
typed before never overwrites the answer for what is there now.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from pos_app.core.errors import PosError
from pos_app.ui.tasks import spawn


class LiveCheck(QObject):
    """The newest value's check, run when typing pauses.

    Signals:
        started(str): the value being checked.
        passed(str, object): the value and the check's answer.
        failed(str, object): the value and the :class:`PosError`.
    """

    started = Signal(str)
    passed = Signal(str, object)
    failed = Signal(str, object)

    def __init__(
        self,
        check: Callable[[str], Awaitable[Any]],
        delay_ms: int = 600,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.value = ""
        self._asked = 0  # the newest check; older answers are dropped
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)

    def request(self, value: str) -> None:
        """Check ``value`` once typing pauses."""
        self.value = value
        self._asked += 1  # what was asked before is stale from now on
        self._timer.start()

    def now(self, value: str) -> None:
        """Check ``value`` at once."""
        self.value = value
        self._timer.stop()
        self._run()

    def _run(self) -> None:
        self._asked += 1
        asked, value = self._asked, self.value
        self.started.emit(value)

        def done(answer: Any) -> None:
            if asked == self._asked:
                self.passed.emit(value, answer)

        def refused(err: PosError) -> None:
            if asked == self._asked:
                self.failed.emit(value, err)

        spawn(self.check(value), on_done=done, on_error=refused)  # type: ignore[arg-type]
