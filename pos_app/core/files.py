"""Small files the app keeps or hands out whole: never half written, readable by the owner only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_private(path: Path, data: bytes) -> None:
    """``data`` at ``path``, readable by this user only, replacing the file in one step.

    Written beside it (``mkstemp`` makes the file 0600), synced, then renamed over it: a
    crash or a full disk leaves the old file or the new one, never half of one. The folder
    must exist: a missing one (a USB stick not plugged in) is the caller's ``OSError``.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
