"""Outbound webhooks: ``webhooks add|list|remove|test|deliveries|redeliver|rotate-secret``."""

from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.context import open_app
from pos_app.core.choices import DELIVERY_STATES
from pos_app.core.errors import ValidationError
from pos_app.core.webhooks.catalog import EVENT_TYPES, FORMATS


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``webhooks`` command group (``webhook`` works too)."""
    hooks = sub.add_parser(
        "webhooks", aliases=["webhook"], help="signed events to other systems", parents=[common]
    )
    hsub = hooks.add_subparsers(dest="webhooks_command", metavar="COMMAND")
    add = hsub.add_parser(
        "add", help="add a receiver; prints its signing secret once", parents=[common]
    )
    add.add_argument("url")
    add.add_argument(
        "--events",
        metavar="A,B",
        help=f"comma-separated, default all: {', '.join(EVENT_TYPES)}",
    )
    add.add_argument("--format", choices=FORMATS, default="standard")
    add.add_argument("--btcpay-sig", action="store_true", help="also sign with a BTCPay-Sig header")
    add.set_defaults(handler=cmd_add)
    edit = hsub.add_parser(
        "edit", help="change a receiver (its secret, queue and history stay)", parents=[common]
    )
    edit.add_argument("endpoint_id", type=int)
    edit.add_argument("--url")
    edit.add_argument("--events", metavar="A,B", help="comma-separated; empty for all events")
    edit.add_argument("--format", choices=FORMATS)
    edit.add_argument(
        "--btcpay-sig", action=argparse.BooleanOptionalAction, help="the BTCPay-Sig header"
    )
    edit.set_defaults(handler=cmd_edit)
    lst = hsub.add_parser("list", help="receivers with their state", parents=[common])
    lst.set_defaults(handler=cmd_list)
    remove = hsub.add_parser(
        "remove", help="delete a receiver with its queue and history", parents=[common]
    )
    remove.add_argument("endpoint_id", type=int)
    remove.set_defaults(handler=cmd_remove)
    test = hsub.add_parser("test", help="send a test event now", parents=[common])
    test.add_argument("endpoint_id", type=int)
    test.set_defaults(handler=cmd_test)
    deliveries = hsub.add_parser(
        "deliveries", help="delivery history, newest first", parents=[common]
    )
    deliveries.add_argument("endpoint_id", nargs="?", type=int)
    deliveries.add_argument("--endpoint", type=int, help="same as ENDPOINT_ID")
    deliveries.add_argument("--status", "--state", dest="state", choices=DELIVERY_STATES)
    deliveries.add_argument("--limit", type=int, default=100)
    deliveries.set_defaults(handler=cmd_deliveries)
    show = hsub.add_parser("delivery", help="one delivery with every attempt", parents=[common])
    show.add_argument("delivery_id", type=int)
    show.set_defaults(handler=cmd_delivery)
    redeliver = hsub.add_parser(
        "redeliver",
        help="send a delivery again (same webhook-id), or every failed one of an endpoint",
        parents=[common],
    )
    redeliver.add_argument("delivery_id", nargs="?", type=int)
    redeliver.add_argument("--endpoint", type=int)
    redeliver.add_argument("--failed", action="store_true")
    redeliver.set_defaults(handler=cmd_redeliver)
    rotate = hsub.add_parser(
        "rotate-secret",
        aliases=["secret-rotate"],
        help="a new signing secret (printed once); the old one signs too for a grace period",
        parents=[common],
    )
    rotate.add_argument("endpoint_id", type=int)
    rotate.set_defaults(handler=cmd_rotate)
    resume = hsub.add_parser(
        "resume", help="send to a paused or disabled receiver again", parents=[common]
    )
    resume.add_argument("endpoint_id", type=int)
    resume.set_defaults(handler=cmd_resume)


async def cmd_add(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        result = await app.webhooks.add(
            args.url, args.events, args.format, btcpay_sig=args.btcpay_sig
        )
    result["note"] = "Copy the secret now: it is not shown again."
    return result


async def cmd_edit(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.webhooks.edit(
            args.endpoint_id,
            url=args.url,
            events=args.events,
            fmt=args.format,
            btcpay_sig=args.btcpay_sig,
        )


async def cmd_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.webhooks.list()


async def cmd_remove(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.webhooks.remove(args.endpoint_id)


async def cmd_test(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.webhooks.test(args.endpoint_id)


async def cmd_deliveries(args: argparse.Namespace) -> list[dict[str, Any]]:
    both = args.endpoint_id is not None and args.endpoint is not None
    if both and args.endpoint_id != args.endpoint:
        raise ValidationError(
            "input.invalid", "Give the endpoint once (ENDPOINT_ID or --endpoint).", ""
        )
    endpoint = args.endpoint_id if args.endpoint_id is not None else args.endpoint
    async with open_app(args) as app:
        return await app.webhooks.deliveries(endpoint, args.state, limit=args.limit)


async def cmd_delivery(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.webhooks.delivery(args.delivery_id)


async def cmd_redeliver(args: argparse.Namespace) -> dict[str, Any]:
    one = args.delivery_id is not None
    every = args.endpoint is not None and args.failed
    if one == every:
        raise ValidationError(
            "input.invalid",
            "Give a DELIVERY_ID, or --endpoint ID --failed for every failed delivery.",
            "",
        )
    async with open_app(args) as app:
        if one:
            return await app.webhooks.redeliver(args.delivery_id)
        return await app.webhooks.redeliver_failed(args.endpoint)


async def cmd_rotate(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        result = await app.webhooks.rotate_secret(args.endpoint_id)
    result["note"] = "Copy the secret now: it is not shown again."
    return result


async def cmd_resume(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.webhooks.resume(args.endpoint_id)
