"""Payouts from the shop's own coins: ``wallet withdraw`` and ``withdrawals``; ``wallet sweep``."""

from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.context import open_app


def register_withdraw(wsub: Any, common: argparse.ArgumentParser) -> None:
    """Add the withdrawal and keyset sweep commands to the ``wallet`` group."""
    wd = wsub.add_parser(
        "withdraw",
        help="pay ecash out to the shop's Lightning address (as the automatic withdrawal does)",
        parents=[common],
    )
    wd.add_argument(
        "--mint",
        metavar="URL",
        help="the trusted mint (default: the first in the shop's order that holds enough)",
    )
    wd.add_argument(
        "--amount", type=int, help="sats to pay out (default: withdraw.percent of the balance)"
    )
    wd.set_defaults(handler=cmd_withdraw)
    hist = wsub.add_parser("withdrawals", help="past withdrawals, newest first", parents=[common])
    hist.set_defaults(handler=cmd_withdrawals)
    sw = wsub.add_parser(
        "sweep", help="swap coins on old or expiring keys to the current keys", parents=[common]
    )
    sw.add_argument("--mint", metavar="URL", help="only this trusted mint")
    sw.set_defaults(handler=cmd_sweep)


async def cmd_withdraw(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.withdrawals.withdraw(args.mint, args.amount)).to_dict()


async def cmd_withdrawals(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.withdrawals.history()


async def cmd_sweep(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return [r.to_dict() for r in await app.sweeper.round(args.mint, sync=True)]
