"""Sales and settings: ``sale ...`` and ``config ...``."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from pos_app import language
from pos_app.cli.args import read_token_text
from pos_app.cli.context import open_app
from pos_app.core.errors import ValidationError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``sale`` and ``config`` command groups."""
    sale = sub.add_parser("sale", help="sales at the counter", parents=[common])
    ssub = sale.add_subparsers(dest="sale_command", metavar="COMMAND")
    new = ssub.add_parser(
        "new", help="start a sale and print its payment request", parents=[common]
    )
    new.add_argument("--amount", required=True, help="in the shop currency, e.g. 4.50")
    new.add_argument("--currency", help="sat or a code such as EUR (default: the setting)")
    new.add_argument("--memo")
    new.set_defaults(handler=cmd_sale_new)
    pay = ssub.add_parser("pay", help="offer a token for a sale", parents=[common])
    pay.add_argument("sale_id")
    pay.add_argument("token", help="the token, - for stdin, or @FILE")
    pay.set_defaults(handler=cmd_sale_pay)
    show = ssub.add_parser("show", help="a sale and its payments", parents=[common])
    show.add_argument("sale_id")
    show.set_defaults(handler=cmd_sale_show)
    lst = ssub.add_parser("list", help="sales, newest first", parents=[common])
    lst.add_argument("--state", choices=["open", "partially_paid", "paid", "expired", "cancelled"])
    lst.add_argument("--since", metavar="ISO", help="only sales created at or after this time")
    lst.add_argument("--limit", type=int, default=100)
    lst.set_defaults(handler=cmd_sale_list)
    cancel = ssub.add_parser("cancel", help="cancel an unpaid sale", parents=[common])
    cancel.add_argument("sale_id")
    cancel.set_defaults(handler=cmd_sale_cancel)
    review = ssub.add_parser(
        "review", help="accept or reject a payment that needs review", parents=[common]
    )
    review.add_argument("payment_id")
    decision = review.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true", help="credit it to its sale")
    decision.add_argument("--reject", action="store_true", help="close it without crediting")
    review.add_argument("--reason", required=True)
    review.set_defaults(handler=cmd_sale_review)

    config = sub.add_parser("config", help="settings", parents=[common])
    csub = config.add_subparsers(dest="config_command", metavar="COMMAND")
    get = csub.add_parser("get", help="one setting", parents=[common])
    get.add_argument("key")
    get.set_defaults(handler=cmd_config_get)
    set_ = csub.add_parser("set", help="change a setting (validated)", parents=[common])
    set_.add_argument("key")
    set_.add_argument("value")
    set_.set_defaults(handler=cmd_config_set)
    unset = csub.add_parser("unset", help="back to the default", parents=[common])
    unset.add_argument("key")
    unset.set_defaults(handler=cmd_config_unset)
    lst = csub.add_parser("list", help="every setting with its value and help", parents=[common])
    lst.set_defaults(handler=cmd_config_list)


def _since(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
    except ValueError as exc:
        raise ValidationError(
            "input.invalid", "--since must be an ISO date such as 2026-11-26.", text
        ) from exc


async def cmd_sale_new(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.sales.new_sale(args.amount, args.currency, args.memo)


async def cmd_sale_pay(args: argparse.Namespace) -> dict[str, Any]:
    text = read_token_text(args.token)
    async with open_app(args) as app:
        return (await app.sales.pay(args.sale_id, text)).to_dict()


async def cmd_sale_show(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.sales.show(args.sale_id)


async def cmd_sale_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.sales.list(args.state, _since(args.since), limit=args.limit)


async def cmd_sale_cancel(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.sales.cancel(args.sale_id)


async def cmd_sale_review(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        result = await app.sales.review(args.payment_id, accept=args.accept, reason=args.reason)
        return result.to_dict()


async def cmd_config_get(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return {"key": args.key, "value": await app.db.run(lambda s: app.config.get(s, args.key))}


async def cmd_config_set(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        # The option parses the text (JSON for json settings) and explains a bad value.
        raw = args.value
        value = await app.db.run(lambda s: app.config.set(s, args.key, raw))
        if args.key == "language":  # read before the wallet is unlocked: kept beside it too
            language.remember(app.data_dir, value)
        return {"key": args.key, "value": value}


async def cmd_config_unset(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        await app.db.run(lambda s: app.config.unset(s, args.key))
        if args.key == "language":
            language.remember(app.data_dir, language.SYSTEM)
        return {"key": args.key, "value": app.config.option(args.key).default}


async def cmd_config_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        values = await app.db.run(app.config.values)
        return [
            {
                "key": key,
                "value": values[key],
                "default": opt.default,
                "type": opt.kind,
                "choices": list(opt.choices) or None,
                "group": opt.group,
                "help": opt.help,
            }
            for key, opt in app.config.options.items()
        ]
