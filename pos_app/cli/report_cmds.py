"""Reports: ``report summary``, ``report csv`` and ``report pdf``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from pos_app.cli.context import open_app
from pos_app.core.errors import ValidationError
from pos_app.core.reports.periods import NAMED


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``report`` command group."""
    report = sub.add_parser("report", help="the owner's figures and exports", parents=[common])
    rsub = report.add_subparsers(dest="report_command", metavar="COMMAND")
    span = argparse.ArgumentParser(add_help=False)
    span.add_argument("--period", choices=NAMED, help="a named period (default: today)")
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


def _day(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(
            "input.invalid", f"{flag} must be a date such as 2026-11-26.", text
        ) from exc


def _period(app: Any, args: argparse.Namespace) -> Any:
    first, last = _day(args.first, "--from"), _day(args.last, "--to")
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
