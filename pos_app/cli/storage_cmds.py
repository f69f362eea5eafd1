"""``pos-app storage``: where this till keeps its wallet, and enrolment files for other tills.

``init --storage URL`` creates a shop on a PostgreSQL database (the first till) and
``init --enrol FILE`` joins one; ``storage enrol --out FILE`` writes that file on a
till of the shop and ``storage status`` shows the store and the shop's tills.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from pos_app.core.errors import ValidationError
from pos_app.datadir import resolve_data_dir

ENV_ENROL_PASSPHRASE = "POS_ENROL_PASSPHRASE"  # noqa: S105 - the variable's name


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``storage`` group."""
    storage = sub.add_parser(
        "storage", help="the shop's shared database: status and enrolment", parents=[common]
    )
    ssub = storage.add_subparsers(dest="storage_command", metavar="COMMAND")
    status = ssub.add_parser(
        "status", help="this till's store, its id and name, and the shop's tills", parents=[common]
    )
    status.set_defaults(handler=cmd_status)
    enrol = ssub.add_parser(
        "enrol",
        help="write an enrolment file another till joins the shop with "
        f"(passphrase from {ENV_ENROL_PASSPHRASE} or asked)",
        parents=[common],
    )
    enrol.add_argument("--out", required=True, help="the file to write (e.g. on a USB stick)")
    enrol.set_defaults(handler=cmd_enrol)
    move = ssub.add_parser(
        "migrate",
        help="move this till's wallet into a new shop on an empty PostgreSQL database "
        "(stop the till's app first); copied, compared, then switched",
        parents=[common],
    )
    move.add_argument(
        "--to",
        required=True,
        nargs=2,
        metavar=("postgresql", "URL"),
        help="postgresql postgresql://USER@HOST:PORT/DB",
    )
    move.add_argument("--till-name", help="this till's name in the shop (default: Till 1)")
    move.set_defaults(handler=cmd_migrate)


def add_init_options(init: argparse.ArgumentParser) -> None:
    """``init``'s options for a till on the shop's database."""
    init.add_argument(
        "--storage",
        metavar="URL",
        help="keep the wallet in the shop's PostgreSQL database "
        "(postgresql://USER@HOST:PORT/DB; the first till creates the shop there); "
        "the password from POS_PG_PASSWORD or the URL, kept in the OS keyring",
    )
    init.add_argument(
        "--enrol",
        metavar="FILE",
        help=f"join the shop of this enrolment file (passphrase from {ENV_ENROL_PASSPHRASE})",
    )
    init.add_argument("--till-name", help="this till's name in the shop (default: Till N)")


def enrol_passphrase(confirm: bool) -> str | None:
    """``POS_ENROL_PASSPHRASE``, else asked on the terminal (None when neither)."""
    given = os.environ.get(ENV_ENROL_PASSPHRASE)
    if given:
        return given
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Enrolment passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise ValidationError("storage.enrol_passphrase_differs", "The passphrases differ.")
    return first


async def cmd_status(args: argparse.Namespace) -> dict[str, Any]:
    from pos_app.cli.context import open_app

    async with open_app(args) as app:
        return await app.storage_status()


async def cmd_enrol(args: argparse.Namespace) -> dict[str, Any]:
    from pos_app.cli.context import terminal_passphrase
    from pos_app.core.shop_storage import write_enrolment

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    passphrase = enrol_passphrase(confirm=True)
    if not passphrase:
        raise ValidationError(
            "storage.enrol_no_passphrase",
            f"Give the enrolment file a passphrase ({ENV_ENROL_PASSPHRASE} or on the terminal).",
        )
    out = Path(args.out)
    write_enrolment(data_dir, out, passphrase, terminal_passphrase)
    return {
        "file": str(out),
        "next": "On the new till: pos-app init --enrol FILE (the same passphrase).",
    }


async def cmd_migrate(args: argparse.Namespace) -> dict[str, Any]:
    import asyncio

    from pos_app.cli.context import terminal_passphrase
    from pos_app.core.shop_storage import move_to_postgresql

    kind, url = args.to
    if kind != "postgresql":
        raise ValidationError(
            "storage.bad_url", f"A till's wallet can move to postgresql only, not {kind!r}."
        )
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    return await asyncio.to_thread(
        move_to_postgresql, data_dir, url, args.till_name, terminal_passphrase
    )
