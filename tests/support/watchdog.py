"""A GUI-thread watchdog for tests: the longest gap between ticks of a 5 ms timer.

Recorded and printed, never asserted as a timing budget (docs/architecture.md section 7);
tests fail only on a gap so large it means a real block.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class Watchdog:
    """Longest gap between ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.ticks:
            self.max_gap = max(self.max_gap, now - self.last)
        self.last = now
        self.ticks += 1

    def __enter__(self) -> Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()
