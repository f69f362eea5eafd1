"""Argument helpers shared by the command modules."""

from __future__ import annotations

import sys
from pathlib import Path

from pos_app.core.errors import ValidationError

MAX_INPUT_BYTES = 4 * 1024 * 1024


def read_text_arg(value: str, what: str = "token") -> str:
    """Resolve a text argument: ``-`` reads stdin, ``@FILE`` reads a file, else the text itself."""
    if value == "-":
        return sys.stdin.read(MAX_INPUT_BYTES).strip()
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            with path.open("rb") as f:
                data = f.read(MAX_INPUT_BYTES)
        except OSError as exc:
            raise ValidationError(
                "input.unreadable", f"Cannot read the {what} file {path}.", str(exc)
            ) from exc
        return data.decode("utf-8", errors="replace").strip()
    return value.strip()
