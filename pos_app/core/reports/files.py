"""Report files are replaced whole: written beside the target, synced, then renamed over it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced(out: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes ``out``, else it is removed.

    A failure half-way (a full disk, a cancelled export) leaves the previous file as it
    was: a report is never half written.
    """
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    try:
        yield tmp
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
