"""Keeping the shop healthy: ``serve``, ``mints check``/``health``, notifications, support."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pos_app.api import start_api
from pos_app.cli.context import open_app


def register_mint_checks(msub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``mints check`` and ``mints health`` to the ``mints`` group."""
    check = msub.add_parser("check", help="check mint health now", parents=[common])
    check.add_argument("url", nargs="?")
    check.set_defaults(handler=cmd_mints_check)
    health = msub.add_parser(
        "health", help="uptime and latency over 24 h and 7 days", parents=[common]
    )
    health.add_argument("url", nargs="?")
    health.set_defaults(handler=cmd_mints_health)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``serve``, ``notifications`` and ``support-bundle``."""
    serve = sub.add_parser(
        "serve", help="run the background services headless until interrupted", parents=[common]
    )
    serve.add_argument(
        "--seconds", type=float, help="stop after this many seconds (for scripts and tests)"
    )
    serve.set_defaults(handler=cmd_serve)

    notes = sub.add_parser("notifications", help="what needs the owner", parents=[common])
    nsub = notes.add_subparsers(dest="notifications_command", metavar="COMMAND")
    nlist = nsub.add_parser("list", help="newest first", parents=[common])
    nlist.add_argument("--unread", action="store_true")
    nlist.set_defaults(handler=cmd_notifications_list)
    nread = nsub.add_parser("read", help="mark as read (all, or the given ids)", parents=[common])
    nread.add_argument("ids", nargs="*", type=int)
    nread.set_defaults(handler=cmd_notifications_read)

    bundle = sub.add_parser(
        "support-bundle", help="zip logs and settings (no secrets) for support", parents=[common]
    )
    bundle.add_argument("--out", required=True, metavar="DIR")
    bundle.set_defaults(handler=cmd_support_bundle)


async def cmd_serve(args: argparse.Namespace) -> dict[str, Any]:
    import asyncio
    import signal

    async with open_app(args) as app:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        app.services.start()
        api = None
        try:
            api = await start_api(app)
            if api is not None:
                pin = f", certificate SHA-256 {api.tls.fingerprint}" if api.tls else ""
                print(f"API listening on {api.url}{pin}", file=sys.stderr, flush=True)
            await asyncio.wait_for(stop.wait(), timeout=args.seconds)
        except TimeoutError:
            pass
        finally:
            if api is not None:
                await api.stop()
            status = app.services.status()
            await app.services.stop()
        return {"stopped": True, "services": status, "api": api.url if api else None}


async def cmd_mints_check(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        results = await app.services.health.check_all(args.url)
        return [r.to_dict() for r in results]


async def cmd_mints_health(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.services.health.history(args.url)


async def cmd_notifications_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.notifications.list(unread_only=args.unread)


async def cmd_notifications_read(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        await app.notifications.mark_read(args.ids or None)
        return {"unread": await app.notifications.unread_count()}


async def cmd_support_bundle(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return {"file": str(await app.support_bundle(Path(args.out)))}
