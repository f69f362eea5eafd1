"""The audit log: ``audit list``, ``audit export`` and ``audit verify``."""

from __future__ import annotations

import argparse
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from pos_app.cli.args import day_arg
from pos_app.cli.context import open_app
from pos_app.cli.output import WithExitCode
from pos_app.core.errors import ValidationError

if TYPE_CHECKING:
    from pos_app.core.audit import AuditFilter


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``audit`` group."""
    audit = sub.add_parser("audit", help="the tamper-evident audit log", parents=[common])
    asub = audit.add_subparsers(dest="audit_command", metavar="COMMAND")
    for name, help_text, handler in (
        ("list", "entries, newest first", cmd_list),
        ("export", "entries to a CSV file, oldest first", cmd_export),
    ):
        cmd = asub.add_parser(name, help=help_text, parents=[common])
        cmd.add_argument("--action", help="one action, or a family ending in a dot (melt.)")
        cmd.add_argument("--actor", help="who (system, or a staff member)")
        cmd.add_argument("--from", dest="first", metavar="DATE", help="first day, e.g. 2026-11-01")
        cmd.add_argument("--to", dest="last", metavar="DATE", help="last day, included")
        cmd.add_argument("--limit", type=int, help="at most this many entries")
        if name == "export":
            cmd.add_argument("--out", required=True, metavar="FILE")
        cmd.set_defaults(handler=handler)
    verify = asub.add_parser(
        "verify",
        help="check the hash chain; exit 1 and name the first broken entry if it does not hold",
        parents=[common],
    )
    verify.set_defaults(handler=cmd_verify)


def _filter(args: argparse.Namespace) -> AuditFilter:
    from pos_app.core.audit import AuditFilter

    first, last = day_arg(args.first, "--from"), day_arg(args.last, "--to")
    if first and last and last < first:
        raise ValidationError("input.invalid", "--to is before --from.", f"{first} > {last}")
    if args.limit is not None and args.limit <= 0:
        raise ValidationError("input.invalid", "--limit must be more than zero.", str(args.limit))

    def start(day: Any) -> int | None:
        return None if day is None else int(datetime.combine(day, time()).timestamp())

    return AuditFilter(
        action=args.action,
        actor=args.actor,
        since=start(first),
        until=start(last + timedelta(days=1)) if last else None,
        limit=args.limit,
    )


async def cmd_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    where = _filter(args)
    async with open_app(args) as app:
        return await app.audit.list(where)


async def cmd_export(args: argparse.Namespace) -> dict[str, Any]:
    where = _filter(args)
    async with open_app(args) as app:
        path = await app.audit.export_csv(args.out, where)
        return {"file": str(path), "entries": len(await app.audit.list(where))}


async def cmd_verify(args: argparse.Namespace) -> Any:
    async with open_app(args) as app:
        verdict = await app.audit.verify()
    return verdict.to_dict() if verdict.ok else WithExitCode(verdict.to_dict(), 1)
