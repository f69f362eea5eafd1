"""Payouts from the shop's own coins: ``wallet withdraw`` and ``withdrawals``; ``wallet sweep``."""

from __future__ import annotations

import argparse
from collections.abc import Coroutine
from typing import Any

from pos_app.cli.context import open_app
from pos_app.cli.output import WithExitCode


def register_withdraw(wsub: Any, common: argparse.ArgumentParser) -> None:
    """Add the withdrawal and keyset sweep commands to the ``wallet`` group."""
    wd = wsub.add_parser(
        "withdraw",
        help="pay ecash out to the shop's Lightning address (as the automatic withdrawal does)",
        description=(
            "Pay the shop's ecash out to its Lightning address (setting lightning.address). "
            "With --all, every trusted mint holding coins pays out in turn, in the shop's "
            "order: a mint that is refused (below the address's minimum, fees over "
            "withdraw.max_fee_percent, offline, a payout still open there) is listed with its "
            "error and the others still pay. The result lists each mint with the total paid "
            "and the fees. Exit code with --all: 1 only when nothing at all could be paid and "
            "at least one mint was refused (a payout left pending counts as paid for that); "
            "no mint holding coins is not an error."
        ),
        parents=[common],
    )
    which = wd.add_mutually_exclusive_group()
    which.add_argument(
        "--mint",
        metavar="URL",
        help="the trusted mint (default: the first in the shop's order that holds enough)",
    )
    which.add_argument(
        "--all",
        action="store_true",
        help="every trusted mint holding coins, one after the other (withdraw.percent of each)",
    )
    wd.add_argument(
        "--amount",
        type=int,
        help="sats to pay out (default: withdraw.percent of the balance); not with --all",
    )
    wd.set_defaults(handler=cmd_withdraw, usage_error=wd.error)
    hist = wsub.add_parser("withdrawals", help="past withdrawals, newest first", parents=[common])
    hist.set_defaults(handler=cmd_withdrawals)
    sw = wsub.add_parser(
        "sweep", help="swap coins on old or expiring keys to the current keys", parents=[common]
    )
    sw.add_argument("--mint", metavar="URL", help="only this trusted mint")
    sw.set_defaults(handler=cmd_sweep)


def cmd_withdraw(args: argparse.Namespace) -> Coroutine[Any, Any, Any]:
    """Check the options (a usage error exits 2 before the wallet is opened), then pay."""
    if args.all:
        if args.amount is not None:
            args.usage_error("--amount cannot be used with --all (each mint pays its share)")
        return _withdraw_all(args)
    return _withdraw_one(args)


async def _withdraw_one(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.withdrawals.withdraw(args.mint, args.amount)).to_dict()


async def _withdraw_all(args: argparse.Namespace) -> dict[str, Any] | WithExitCode:
    async with open_app(args) as app:
        done = await app.withdrawals.withdraw_all()
    return WithExitCode(done.to_dict(), 1) if done.failed else done.to_dict()


async def cmd_withdrawals(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.withdrawals.history()


async def cmd_sweep(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return [r.to_dict() for r in await app.sweeper.round(args.mint, sync=True)]
