"""The rate-lock countdown of a sale: minutes and seconds left, then ``expired``."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from pos_app.ui import theme

WARN_SECONDS = 60


def format_left(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss`` for an hour or more) of a non-negative duration."""
    total = max(0, int(seconds + 0.999))  # 0.2 s left still shows 0:01
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Countdown(QLabel):
    """Counts down to a wall-clock deadline (epoch seconds), turning amber in the last minute.

    Signals:
        expired(): the deadline passed while running (once per :meth:`start`).
    """

    expired = Signal()

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        super().__init__(parent)
        theme.changed().connect(self._recolour)
        self._clock = clock
        self._deadline: float | None = None
        self._color = ""
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        self.setProperty("role", "muted")

    @property
    def remaining(self) -> float:
        """Seconds left (0 when none or past)."""
        return 0.0 if self._deadline is None else max(0.0, self._deadline - self._clock())

    def start(self, deadline: float) -> None:
        """Count down to ``deadline``."""
        self._deadline = deadline
        self._timer.start()
        self._tick()

    def stop(self, text: str = "") -> None:
        """Stop counting and show ``text``."""
        self._timer.stop()
        self._deadline = None
        self._color = ""
        self.setStyleSheet("")
        self.setText(text)

    def _recolour(self) -> None:
        if self._deadline is not None:
            self._color = ""  # the next tick styles it in the new scheme
            self._tick()

    def _tick(self) -> None:
        left = self.remaining
        self.setText(self.tr("Price locked for {left}").format(left=format_left(left)))
        c = theme.colors()
        color = c.warn if left <= WARN_SECONDS else c.muted
        if color != self._color:  # restyling re-polishes the label: only on a change
            self._color = color
            self.setStyleSheet(f"color: {color}; font-weight: 600;")
        if left <= 0:
            self._timer.stop()
            self.setText(self.tr("Price lock ended"))
            self.expired.emit()
