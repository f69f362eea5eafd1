"""Opening the wallet for a command."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import AsyncIterator

from pos_app.app import App, resolve_data_dir


def terminal_passphrase(confirm: bool) -> str | None:
    """Ask for the database passphrase on the terminal (None when not interactive)."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Database passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        print("The passphrases differ.", file=sys.stderr)
        return None
    return first


@contextlib.asynccontextmanager
async def open_app(args: argparse.Namespace) -> AsyncIterator[App]:
    """The wallet of ``--data-dir`` (or ``POS_DATA_DIR``), closed afterwards."""
    app = App.open(
        resolve_data_dir(getattr(args, "data_dir", None)), passphrase=terminal_passphrase
    )
    try:
        yield app
    finally:
        await app.aclose()
