"""Ending a command's process as the interpreter would, minus the teardown of its modules.

At exit the interpreter frees the objects of every imported module one by one: for a
command (SQLAlchemy, the schema, httpx and the app loaded, the garbage collector frozen
by :mod:`pos_app.collector`) that took 13 ms of a 0.5 s ``wallet receive``; 5 ms remain
with :func:`end`. Everything with an effect still runs, in the interpreter's order: the
non-daemon threads are joined (the database's and the TLS loader's), ``atexit`` runs
(the log's last lines, temporary directories, coverage's data file), the streams are
flushed. Only the program's own entry (:func:`pos_app.launcher.run`) and the children of
the tests' warm command server end this way: a command run inside another program (a
test calling ``cli.main``) returns to it.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn


def end(code: int) -> NoReturn:
    """Join the threads, run ``atexit``, flush the streams and end with ``code``."""
    threading._shutdown()  # type: ignore[attr-defined]  # what Py_Finalize does first
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120  # as Python says that it could not flush on exit
    os._exit(code)
