"""Opening the wallet for a command.

The composition root (and with it the database layer and the HTTP client) is
imported when a command opens the wallet, not when the command line is parsed.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from pos_app import collector
from pos_app.cli.rights import command_path, role_for
from pos_app.core.errors import ValidationError
from pos_app.datadir import resolve_data_dir

if TYPE_CHECKING:
    from pos_app.app import App


def terminal_passphrase(confirm: bool) -> str | None:
    """Ask for the database passphrase on the terminal (None when not interactive)."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Database passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        print("The passphrases differ.", file=sys.stderr)
        return None
    return first


def terminal_pin(name: str) -> str | None:
    """``POS_PIN``, else the PIN asked on the terminal (None when neither is there)."""
    pin = os.environ.get("POS_PIN")
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"PIN for {name}: ")


@contextlib.asynccontextmanager
async def open_app(args: argparse.Namespace) -> AsyncIterator[App]:
    """The wallet of ``--data-dir`` (or ``POS_DATA_DIR``), closed afterwards.

    Once the shop has staff accounts, the command runs as ``--as NAME`` after its PIN
    is checked against the role the command needs (:mod:`pos_app.cli.rights`); what
    it writes records that name.
    """
    from pos_app.app import App
    from pos_app.core.staff import acting_as

    app = App.open(
        resolve_data_dir(getattr(args, "data_dir", None)), passphrase=terminal_passphrase
    )
    collector.settle()
    try:
        name = await _signed_in(app, args)
        if name is None:
            yield app
        else:
            with acting_as(name):
                yield app
    finally:
        await app.aclose()


async def _signed_in(app: App, args: argparse.Namespace) -> str | None:
    """Who runs the command (None: no staff accounts yet, or ``serve``, the owner's)."""
    path = command_path(args)
    if path == "serve" or not await app.staff.any():
        return None
    name = getattr(args, "as_user", None)
    needs = role_for(path)
    if not name:
        raise ValidationError(
            "staff.required",
            f"This shop has staff accounts: run it as someone, with --as NAME (it needs a "
            f"{needs}).",
            path,
            data={"needs": needs},
        )
    pin = terminal_pin(name)
    if pin is None:
        raise ValidationError(
            "staff.pin_required", f"Give {name}'s PIN in POS_PIN, or run it in a terminal.", name
        )
    await app.staff.verify(name, pin, needs=needs)
    return name
