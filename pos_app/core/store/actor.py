"""Who is acting: the staff member signed in for this command or screen, else "system".

A context variable, so every row written meanwhile (audit entries, sales, payments,
exports) records the same person; :meth:`Database.run` carries it to the database
thread. The desktop app has one person at the till at a time: :func:`sign_in` sets
them for the whole process (Qt's slots do not run in one task's context), and a
context value, where set (a command run ``--as``), comes first.
"""

from __future__ import annotations

import contextvars

SYSTEM = "system"

current: contextvars.ContextVar[str | None] = contextvars.ContextVar("pos_actor", default=None)
_till: dict[str, str | None] = {"signed_in": None}


def sign_in(name: str | None) -> None:
    """The staff member at the till from now on (None: nobody, the app itself)."""
    _till["signed_in"] = name


def who() -> str:
    """The name written on an audit entry now: the acting staff member, else "system"."""
    return current.get() or _till["signed_in"] or SYSTEM


def acting() -> str | None:
    """The staff member acting now, or None when it is the app itself."""
    name = who()
    return None if name == SYSTEM else name
