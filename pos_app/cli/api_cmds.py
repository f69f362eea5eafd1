"""The local API: ``api keys create|list|revoke``, ``api status``, ``api blocks list|unblock``.

All of them are the owner's (as Settings, API).
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from typing import Any

from pos_app.cli.context import open_app
from pos_app.core.choices import API_SCOPES
from pos_app.core.errors import ValidationError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``api`` group."""
    api = sub.add_parser(
        "api", help="the local REST API: its keys, address and blocks", parents=[common]
    )
    asub = api.add_subparsers(dest="api_command", metavar="COMMAND")
    keys = asub.add_parser("keys", help="API keys: made with scopes, shown once", parents=[common])
    ksub = keys.add_subparsers(dest="keys_command", metavar="COMMAND")
    create = ksub.add_parser(
        "create", help="a new key; it is printed once and never again", parents=[common]
    )
    create.add_argument("--name", required=True)
    create.add_argument(
        "--scopes", required=True, help=f"comma-separated, from: {', '.join(API_SCOPES)}"
    )
    create.add_argument("--expires", help="last day it works (YYYY-MM-DD, UTC)")
    create.set_defaults(handler=cmd_create)
    lst = ksub.add_parser("list", help="every key (never the key itself)", parents=[common])
    lst.set_defaults(handler=cmd_list)
    revoke = ksub.add_parser("revoke", help="a key stops working at once", parents=[common])
    revoke.add_argument("name")
    revoke.set_defaults(handler=cmd_revoke)
    status = asub.add_parser(
        "status",
        help="where the API serves, and its certificate's SHA-256 fingerprint to pin",
        parents=[common],
    )
    status.set_defaults(handler=cmd_status)
    blocks = asub.add_parser(
        "blocks", help="addresses refused after repeated wrong keys", parents=[common]
    )
    bsub = blocks.add_subparsers(dest="blocks_command", metavar="COMMAND")
    blist = bsub.add_parser("list", help="the addresses blocked now", parents=[common])
    blist.set_defaults(handler=cmd_blocks_list)
    unblock = bsub.add_parser("unblock", help="let an address in again now", parents=[common])
    unblock.add_argument("address")
    unblock.set_defaults(handler=cmd_unblock)


def end_of_day(text: str) -> int:
    """``YYYY-MM-DD`` as the Unix time at which that UTC day ends."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            "api.bad_expiry", "Give the expiry as a date such as 2027-06-30.", text
        ) from None
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()) + 86400


async def cmd_create(args: argparse.Namespace) -> dict[str, Any]:
    expires = end_of_day(args.expires) if args.expires else None
    async with open_app(args) as app:
        return await app.api_keys.create(args.name, args.scopes.split(","), expires_at=expires)


async def cmd_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return [k.to_dict() for k in await app.api_keys.list()]


async def cmd_revoke(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.api_keys.revoke(args.name)).to_dict()


async def cmd_status(args: argparse.Namespace) -> dict[str, Any]:
    from pos_app.api.tls import status  # cryptography only when asked

    async with open_app(args) as app:
        return await status(app)


async def cmd_blocks_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return [b.to_dict() for b in await app.api_keys.blocks.list()]


async def cmd_unblock(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.api_keys.blocks.unblock(args.address)).to_dict()
