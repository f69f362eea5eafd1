"""Wrong database passphrases (or keys) are throttled, counted and reported once it opens.

The count lives beside the database (``unlock-failures.json``: how many in a row and
when the last was), because nothing can be written inside it before it opens. Each
failure after the first makes the next try wait longer (1, 2, 4... seconds, at most
a minute); the first successful open audits how many failures came before it and,
from :data:`TELL_AFTER` on, notifies the owner.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from pos_app.core.errors import SecurityError

FILE = "unlock-failures.json"
MAX_WAIT_SECONDS = 60
TELL_AFTER = 3


def now() -> float:
    """Seconds since the epoch (a module function, so tests can move time)."""
    return time.time()


def wait_after(failures: int) -> int:
    """Seconds before the next try after ``failures`` wrong passphrases in a row."""
    return 0 if failures <= 1 else min(2 ** (failures - 2), MAX_WAIT_SECONDS)


class UnlockGuard:
    """The failure count of one data directory."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] | None = None) -> None:
        self.path = Path(data_dir) / FILE
        self.clock = clock or now

    def _read(self) -> tuple[int, float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return int(data["failures"]), float(data["last"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def check(self) -> None:
        """Refuse a try that comes too soon after a wrong one (``storage.wait``)."""
        failures, last = self._read()
        left = last + wait_after(failures) - self.clock()
        if left > 0:
            seconds = max(1, int(left + 0.999))
            raise SecurityError(
                "storage.wait",
                f"Wait {seconds} s before the next try: the passphrase was wrong "
                f"{failures} times in a row.",
                f"{failures} failures",
                data={"seconds": seconds, "failures": failures},
            )

    def failed(self) -> None:
        """One more wrong passphrase."""
        failures, _last = self._read()
        part = self.path.with_name(FILE + ".part")
        part.write_text(json.dumps({"failures": failures + 1, "last": self.clock()}))
        os.replace(part, self.path)

    def succeeded(self) -> int:
        """The wallet opened: how many wrong tries came before (the count starts again)."""
        failures, _last = self._read()
        if failures:
            self.path.unlink(missing_ok=True)
        return failures
