"""The cyclic garbage collector while a command or the app starts, and when a command exits.

A command is a short process that loads a large module graph once (SQLAlchemy, the
schema, httpx: a few hundred thousand objects). While that graph loads, the collector
walks it again and again as it grows, and once more while the interpreter shuts down:
about 0.15 s of a 0.8 s ``wallet receive``. So the launcher pauses collection for a
command (:func:`pause`); once the wallet is open (:func:`settle`, called by
``open_app``) what was loaded is frozen (``gc.freeze``: left out of every later walk,
never freed before exit) and collection resumes, so a long command such as ``serve``
collects its own garbage as usual. At exit (:func:`finish`) everything is frozen and
the interpreter ends without that last walk.

The desktop app's start loads the same graph and Qt's: the launcher pauses collection
there too, and the main window settles it once it is ready for a sale (0.81 -> 0.76 s to
"ready", median of 5). The app also settles it a few seconds after its start whatever
happened meanwhile (a passphrase or the setup wizard waiting for a person, a wallet that
did not open), so a collector paused for the start is never left off.

Only the process whose launcher paused collection is affected: a command run inside
another program (the tests' in-process ``cli.main``) leaves its collector alone.
"""

from __future__ import annotations

import gc

_state = {"owner": False, "paused": False}


def pause() -> None:
    """Stop collecting until the command or the app has loaded what it runs (the launcher)."""
    if gc.isenabled():
        gc.disable()
        _state.update(owner=True, paused=True)


def settle() -> None:
    """What was loaded is loaded: freeze it and collect as usual from now on (once)."""
    if _state["paused"]:
        _state["paused"] = False
        gc.freeze()
        gc.enable()


def finish() -> None:
    """The command is done and the process exits: no walk over everything at shutdown."""
    if _state["owner"]:
        settle()
        gc.freeze()
