"""Argument helpers shared by the command modules."""

from __future__ import annotations

import base64
import sys
from datetime import date
from pathlib import Path

from pos_app.core.errors import ValidationError

MAX_INPUT_BYTES = 4 * 1024 * 1024


def read_arg(value: str, what: str = "token") -> str | bytes:
    """The argument itself (stripped), or the bytes of stdin (``-``) or of a file (``@FILE``).

    Bytes are returned as read, because a raw ``crawB`` token is binary CBOR that any text
    decoding would corrupt; the parsers decode text themselves and raise ValidationError.
    """
    if value == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # stdin replaced by a text stream (embedding, tests)
            return sys.stdin.read(MAX_INPUT_BYTES).strip()
        return stream.read(MAX_INPUT_BYTES)
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            with path.open("rb") as f:
                return f.read(MAX_INPUT_BYTES)
        except OSError as exc:
            raise ValidationError(
                "input.unreadable", f"Cannot read the {what} file {path}.", str(exc)
            ) from exc
    return value.strip()


def read_token_text(value: str) -> str:
    """A token argument as text: raw ``crawB`` bytes become the same CBOR as ``cashuB`` text.

    Raises:
        ValidationError: ``token.invalid`` for bytes that are neither text nor a raw token.
    """
    data = read_arg(value, "token")
    if isinstance(data, str):
        return data
    if data.startswith(b"crawB"):
        return "cashuB" + base64.urlsafe_b64encode(data[5:]).decode("ascii").rstrip("=")
    try:
        return data.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise ValidationError("token.invalid", "This is not a Cashu token.", str(exc)) from exc


def day_arg(text: str | None, flag: str) -> date | None:
    """A ``--from``/``--to`` day (``2026-11-26``), or None when not given.

    Raises:
        ValidationError: ``input.invalid`` naming the flag.
    """
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(
            "input.invalid", f"{flag} must be a date such as 2026-11-26.", text
        ) from exc
