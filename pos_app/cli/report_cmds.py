"""Reports: ``report summary``, ``csv``, ``pdf``, and the end-of-day ``report x`` and ``z``.

On a shop's shared database ``report x`` and ``z`` are this till's; ``--shop`` makes them
the whole shop's (see ``core.reports.closing``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pos_app.cli.args import day_arg
from pos_app.cli.context import open_app
from pos_app.core.choices import PERIOD_NAMES
from pos_app.core.errors import ValidationError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``report`` command group."""
    report = sub.add_parser("report", help="the owner's figures and exports", parents=[common])
    rsub = report.add_subparsers(dest="report_command", metavar="COMMAND")
    span = argparse.ArgumentParser(add_help=False)
    span.add_argument("--period", choices=PERIOD_NAMES, help="a named period (default: today)")
    span.add_argument("--from", dest="first", metavar="DATE", help="first day, e.g. 2026-11-01")
    span.add_argument("--to", dest="last", metavar="DATE", help="last day (included)")
    span.add_argument(
        "--tz",
        metavar="ZONE",
        help="time zone, e.g. Europe/Berlin (default: the shop.timezone setting, else local)",
    )
    summary = rsub.add_parser(
        "summary",
        help="sales, fees, mints, methods and refusals of a period, with the change",
        parents=[common, span],
    )
    summary.set_defaults(handler=cmd_report_summary)
    csv = rsub.add_parser("csv", help="one row per payment of a period", parents=[common, span])
    csv.add_argument("--out", required=True, metavar="FILE")
    csv.add_argument("--daily", action="store_true", help="one row per day instead of per payment")
    csv.set_defaults(handler=cmd_report_csv)
    pdf = rsub.add_parser(
        "pdf", help="the figures, charts and tables of a period as a PDF", parents=[common, span]
    )
    pdf.add_argument("--out", required=True, metavar="FILE")
    pdf.set_defaults(handler=cmd_report_pdf)
    shift = argparse.ArgumentParser(add_help=False)
    shift.add_argument(
        "--tz", metavar="ZONE", help="time zone, e.g. Europe/Berlin (default: local)"
    )
    shift.add_argument(
        "--no-check",
        dest="check",
        action="store_false",
        help="do not ask the mints whether the drawer's ecash is unspent (NUT-07)",
    )
    shift.add_argument(
        "--shop",
        dest="scope",
        action="store_const",
        const="shop",
        default="till",
        help="on a shop's shared database: the whole shop's report (every till's sales and "
        "the ecash drawer) instead of this till's; a single till's one report is both",
    )
    x = rsub.add_parser(
        "x",
        help="interim report since the last Z report, with the ecash drawer count (stores nothing)",
        parents=[common, shift],
    )
    x.set_defaults(handler=cmd_report_x)
    z = rsub.add_parser(
        "z",
        help="close the period with a numbered Z report, or list and show them",
        parents=[common, shift],
    )
    action = z.add_mutually_exclusive_group(required=True)
    action.add_argument("--close", action="store_true", help="close the period now")
    action.add_argument("--list", action="store_true", help="every Z report, newest first")
    action.add_argument("--show", type=int, metavar="N", help="Z report number N")
    z.add_argument("--pdf", metavar="FILE", help="with --close or --show: also write it as a PDF")
    z.add_argument("--csv", metavar="FILE", help="with --close or --show: also write it as CSV")
    z.set_defaults(handler=cmd_report_z)


def _period(app: Any, args: argparse.Namespace) -> Any:
    first, last = day_arg(args.first, "--from"), day_arg(args.last, "--to")
    if args.period and (first or last):
        raise ValidationError(
            "input.invalid", "Give either --period or --from/--to, not both.", args.period
        )
    return app.reports.period(args.period, first=first, last=last, zone=args.tz)


async def cmd_report_summary(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.reports.summary(_period(app, args))


async def cmd_report_csv(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        if args.daily:
            return await app.reports.write_daily_csv(_period(app, args), Path(args.out))
        return await app.reports.write_csv(_period(app, args), Path(args.out))


async def cmd_report_pdf(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        shop = await app.settings.get("shop.name")
        return await app.reports.write_pdf(_period(app, args), Path(args.out), shop)


def _readable(args: argparse.Namespace, report: dict[str, Any]) -> Any:
    """The report as JSON with ``--json``, else as the printed report's lines."""
    if getattr(args, "json", False):
        return report
    from pos_app.core.reports.zsections import as_text

    text = as_text(report)
    if report.get("closed") is False:
        text = f"Nothing happened since Z report {report['number']}: nothing was closed.\n\n{text}"
    for kind, path in report.get("files", {}).items():
        text += f"\n\n{kind.upper()} written to {path}"
    return text


async def cmd_report_x(args: argparse.Namespace) -> Any:
    async with open_app(args) as app:
        return _readable(
            args, await app.reports.x_report(args.tz, check=args.check, scope=args.scope)
        )


async def cmd_report_z(args: argparse.Namespace) -> Any:
    if args.list and (args.pdf or args.csv):
        raise ValidationError("input.invalid", "--pdf and --csv go with --close or --show.", "")
    async with open_app(args) as app:
        if args.list:
            return await app.reports.z_reports(args.scope)
        if args.close:
            report = await app.reports.close_z(args.tz, check=args.check, scope=args.scope)
        else:
            report = await app.reports.z_report(args.show, args.scope)
        files = {}
        if args.pdf:
            files["pdf"] = (await app.reports.write_z_pdf(report, Path(args.pdf)))["file"]
        if args.csv:
            files["csv"] = (await app.reports.write_z_csv(report, Path(args.csv)))["file"]
        return _readable(args, {**report, "files": files} if files else report)
