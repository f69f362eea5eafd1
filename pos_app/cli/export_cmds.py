"""Export history, bulk export and import (``wallet exports``, ``reclaim``, ``import``...)."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from pos_app.cli.args import day_arg
from pos_app.cli.context import open_app
from pos_app.core.choices import EXPORT_STATES
from pos_app.core.errors import ValidationError


def register_exports(wsub: Any, common: argparse.ArgumentParser) -> None:
    """Add the export history commands to the ``wallet`` group."""
    exp = wsub.add_parser(
        "exports", help="exported tokens and whether they were claimed", parents=[common]
    )
    exp.add_argument(
        "action",
        nargs="?",
        choices=["refresh"],
        help="refresh: ask the mints which open exports were claimed (NUT-07), then list",
    )
    exp.add_argument("--status", choices=EXPORT_STATES)
    exp.add_argument("--from", dest="first", metavar="DATE", help="first day, e.g. 2026-11-01")
    exp.add_argument("--to", dest="last", metavar="DATE", help="last day (included)")
    exp.add_argument("--mint", metavar="URL")
    exp.set_defaults(handler=cmd_exports)
    rec = wsub.add_parser(
        "reclaim", help="take an unclaimed export back into the wallet", parents=[common]
    )
    rec.add_argument("export_id", metavar="EXPORT_ID", type=int)
    rec.set_defaults(handler=cmd_reclaim)
    tok = wsub.add_parser(
        "export-token",
        help="the token of an unclaimed export again (optionally to a new file)",
        parents=[common],
    )
    tok.add_argument("export_id", metavar="EXPORT_ID", type=int)
    tok.add_argument("--out", metavar="FOLDER", help="write it to a new file in FOLDER, with a QR")
    tok.set_defaults(handler=cmd_export_token)
    everything = wsub.add_parser(
        "export-all",
        help="every mint and unit to a folder: one token file each, plus a manifest",
        parents=[common],
    )
    everything.add_argument("--out", required=True, metavar="DIR")
    everything.add_argument(
        "--min",
        dest="min_amount",
        type=int,
        default=1,
        metavar="AMOUNT",
        help="only mints and units holding at least AMOUNT (default 1)",
    )
    everything.add_argument(
        "--keep",
        type=int,
        default=0,
        metavar="AMOUNT",
        help="leave AMOUNT at each mint and unit, export what is above it (a swap's fee "
        "comes out of the export)",
    )
    everything.set_defaults(handler=cmd_export_all)
    sched = wsub.add_parser(
        "schedule",
        help="the scheduled export: its settings, last run and next run "
        "(set it with config set exports.schedule 18:30)",
        parents=[common],
    )
    sched.set_defaults(handler=cmd_schedule)
    imp = wsub.add_parser(
        "import", help="redeem the tokens of files or folders, each on its own", parents=[common]
    )
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.set_defaults(handler=cmd_import)


def _start_of(day: date | None) -> int | None:
    """Local midnight at the start of ``day``, in Unix seconds."""
    return None if day is None else int(datetime.combine(day, time()).timestamp())


async def cmd_exports(args: argparse.Namespace) -> list[dict[str, Any]] | dict[str, Any]:
    first, last = day_arg(args.first, "--from"), day_arg(args.last, "--to")
    if first and last and last < first:
        raise ValidationError("input.invalid", "--to is before --from.", f"{first} > {last}")
    async with open_app(args) as app:
        checked = await app.exports.refresh() if args.action == "refresh" else None
        found = await app.exports.list(
            status=args.status,
            since=_start_of(first),
            until=_start_of(last + timedelta(days=1) if last else None),
            mint=args.mint,
        )
    exports = [e.to_dict() for e in found]
    return exports if checked is None else {"checked": checked, "exports": exports}


async def cmd_reclaim(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.exports.reclaim(args.export_id)).to_dict()


async def cmd_export_token(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        if args.out:
            saved = await app.exports.save_file(args.export_id, Path(args.out))
        else:
            saved = {}
        shown = await app.exports.token(args.export_id)
        return {"id": args.export_id, "token": shown.token, "amount": shown.amount, **saved}


async def cmd_export_all(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.bulk.export_all(Path(args.out), min_amount=args.min_amount, keep=args.keep)


async def cmd_import(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.bulk.import_files([Path(p) for p in args.paths])


async def cmd_schedule(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.export_schedule.status()
