"""Who is acting: the staff member signed in for this command or screen, else "system".

A context variable, so every row written meanwhile (audit entries, sales, payments,
exports) records the same person; :meth:`Database.run` carries it to the database
thread.
"""

from __future__ import annotations

import contextvars

SYSTEM = "system"

current: contextvars.ContextVar[str] = contextvars.ContextVar("pos_actor", default=SYSTEM)


def acting() -> str | None:
    """The staff member acting now, or None when it is the app itself."""
    who = current.get()
    return None if who == SYSTEM else who
