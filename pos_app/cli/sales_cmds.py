"""Sales and settings: ``sale ...`` and ``config ...``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.cli.args import read_token_text
from pos_app.cli.context import open_app
from pos_app.core.errors import ConfigError, ValidationError

if TYPE_CHECKING:
    from pos_app.core.settings import SettingsService

PASSPHRASE_ENV = "POS_EXPORT_PASSPHRASE"  # noqa: S105 (a variable's name)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``sale`` and ``config`` command groups."""
    sale = sub.add_parser("sale", help="sales at the counter", parents=[common])
    ssub = sale.add_subparsers(dest="sale_command", metavar="COMMAND")
    new = ssub.add_parser(
        "new", help="start a sale and print its payment request", parents=[common]
    )
    new.add_argument(
        "--amount", help="in the shop currency, e.g. 4.50 (with --item: a custom line)"
    )
    new.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="SKU[:QTY]",
        help="a catalogue item (repeat for more lines)",
    )
    new.add_argument("--discount", metavar="10%|AMOUNT", help="off the whole basket")
    new.add_argument("--discount-reason", default="", metavar="REASON")
    new.add_argument(
        "--line-discount",
        action="append",
        default=[],
        metavar="LINE:10%|LINE:AMOUNT[:REASON]",
        help="off one line before any --discount (LINE counts the --item lines from 1, "
        "then --amount's line; repeat for more lines)",
    )
    new.add_argument(
        "--manager-override",
        action="store_true",
        help="allow a discount above discount.manager_limit_pct (staff roles: issue 16)",
    )
    new.add_argument("--tip", metavar="10%|AMOUNT", help="kept apart from the sales amount")
    new.add_argument("--currency", help="sat or a code such as EUR (default: the setting)")
    new.add_argument("--memo")
    new.add_argument("--order-id", help="the external order it is for (an online shop's number)")
    new.add_argument(
        "--even-if-offline",
        action="store_true",
        help="start the sale even when every trusted mint is offline (its tokens are kept "
        "and redeemed when the mint is back)",
    )
    new.set_defaults(handler=cmd_sale_new)
    pay = ssub.add_parser("pay", help="offer a token for a sale", parents=[common])
    pay.add_argument("sale_id")
    pay.add_argument("token", help="the token, - for stdin, or @FILE")
    pay.set_defaults(handler=cmd_sale_pay)
    show = ssub.add_parser("show", help="a sale, its payments and its refunds", parents=[common])
    show.add_argument("sale_id")
    show.add_argument(
        "--check-claims",
        action="store_true",
        help="first ask the mints (NUT-07) whether the refund tokens were claimed",
    )
    show.set_defaults(handler=cmd_sale_show)
    lst = ssub.add_parser("list", help="sales, newest first", parents=[common])
    lst.add_argument(
        "--state",
        choices=[
            "open",
            "partially_paid",
            "paid",
            "expired",
            "cancelled",
            "partially_refunded",
            "refunded",
        ],
    )
    lst.add_argument("--since", metavar="ISO", help="only sales created at or after this time")
    lst.add_argument("--limit", type=int, default=100)
    lst.add_argument("--order-id", help="only the sales made for this external order")
    lst.set_defaults(handler=cmd_sale_list)
    cancel = ssub.add_parser("cancel", help="cancel an unpaid sale", parents=[common])
    cancel.add_argument("sale_id")
    cancel.set_defaults(handler=cmd_sale_cancel)
    refund = ssub.add_parser(
        "refund",
        help="give a paid sale's money back as a token, whole or in part; or what a cancelled "
        "sale owes (or record a refund given otherwise)",
        parents=[common],
    )
    refund.add_argument("sale_id")
    refund.add_argument(
        "--amount",
        type=int,
        metavar="SAT",
        help="how much to give back, in the sale's unit (default: all that is still refundable)",
    )
    refund.add_argument(
        "--line",
        action="append",
        metavar="N[:QTY]",
        help="give back line N of a paid basket sale (its share of what was paid), or QTY of "
        "its units; repeat for more lines",
    )
    refund.add_argument(
        "--tip", action="store_true", help="with --line (or alone): also give the tip back"
    )
    refund.add_argument("--reason", metavar="TEXT", help="why (kept with the refund)")
    refund.add_argument("--out", metavar="PATH", help="also write the token to PATH (a folder)")
    refund.add_argument("--qr", action="store_true", help="with --out: a QR picture beside it")
    refund.add_argument(
        "--given-otherwise",
        metavar="REASON",
        help="record the refund as given another way (cash): no token is made",
    )
    refund.set_defaults(handler=cmd_sale_refund)
    refunds = ssub.add_parser("refunds", help="sales that owe a refund", parents=[common])
    refunds.set_defaults(handler=cmd_sale_refunds)
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
    export = csub.add_parser(
        "export",
        help="write every setting to a file (for another till or a backup of the setup)",
        parents=[common],
    )
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument(
        "--with-secrets",
        action="store_true",
        help="also the webhook secrets, encrypted under a passphrase (stdin, "
        "POS_EXPORT_PASSPHRASE, or asked twice on a terminal)",
    )
    export.set_defaults(handler=cmd_config_export)
    imp = csub.add_parser(
        "import",
        help="check a settings file, list its differences and apply them all or none",
        parents=[common],
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="only list the differences")
    imp.add_argument(
        "--with-secrets",
        action="store_true",
        help="also import the file's secrets (passphrase as for export)",
    )
    imp.set_defaults(handler=cmd_config_import)


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
        if not (args.item or args.discount or args.tip or args.line_discount):
            if args.amount is None:
                raise ValidationError("amount.invalid", "Give --amount or --item.", "")
            return await app.sales.new_sale(
                args.amount,
                args.currency,
                args.memo,
                offline_ok=args.even_if_offline,
                order_id=args.order_id,
            )
        from pos_app.core.payments.items import parse_item_arg, parse_line_discount_arg

        return await app.sales.new_sale(
            args.amount,
            args.currency,
            args.memo,
            offline_ok=args.even_if_offline,
            items=[parse_item_arg(text) for text in args.item],
            discount=args.discount,
            discount_reason=args.discount_reason,
            tip=args.tip,
            manager_override=args.manager_override,
            line_discounts=[parse_line_discount_arg(text) for text in args.line_discount],
            order_id=args.order_id,
        )


async def cmd_sale_pay(args: argparse.Namespace) -> dict[str, Any]:
    text = read_token_text(args.token)
    async with open_app(args) as app:
        return (await app.sales.pay(args.sale_id, text)).to_dict()


async def cmd_sale_show(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        if args.check_claims:
            sale_id = (await app.sales.show(args.sale_id))["sale_id"]  # a unique prefix will do
            await app.sales.refunds.check_claims(sale_id)
        return await app.sales.show(args.sale_id)


async def cmd_sale_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.sales.list(
            args.state, _since(args.since), limit=args.limit, order_id=args.order_id
        )


async def cmd_sale_cancel(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.sales.cancel(args.sale_id)


async def cmd_sale_refund(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        sale_id = (await app.sales.show(args.sale_id))["sale_id"]  # a unique prefix will do
        if args.given_otherwise is not None:
            return await app.sales.refunds.close(sale_id, args.given_otherwise)
        out = Path(args.out) if args.out else None
        result = await app.sales.refunds.refund(
            sale_id,
            amount=args.amount,
            lines=_lines(args.line),
            include_tip=args.tip,
            reason=args.reason,
            out=out,
            qr=args.qr,
        )
        return result.to_dict()


def _lines(raw: list[str] | None) -> dict[str, str | None] | None:
    """``--line N`` / ``--line N:QTY`` as ``{N: QTY or None}`` (the core checks them)."""
    if not raw:
        return None
    out: dict[str, str | None] = {}
    for item in raw:
        position, _, quantity = item.partition(":")
        if position.strip() in out:
            raise ValidationError("refund.unknown_line", f"Line {position} is named twice.", item)
        out[position.strip()] = quantity.strip() if quantity else None
    return out


async def cmd_sale_refunds(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.sales.refunds.owed()


async def cmd_sale_review(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        result = await app.sales.review(args.payment_id, accept=args.accept, reason=args.reason)
        return result.to_dict()


async def cmd_config_get(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return {"key": args.key, "value": await app.settings.get(args.key)}


async def cmd_config_set(args: argparse.Namespace) -> dict[str, Any]:
    from pos_app.core.payments.withdraw import THRESHOLD_KEYS

    async with open_app(args) as app:
        if args.key in THRESHOLD_KEYS:  # checked live against the Lightning address first
            value = app.config.option(args.key).parse(args.value)
            await app.withdrawals.check_threshold({**await app.settings.values(), args.key: value})
        # The option parses the text (JSON for json settings) and explains a bad value.
        value = await app.settings.set(args.key, args.value)
        return {"key": args.key, "value": value, **_reach(app.settings, args.key)}


async def cmd_config_unset(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        value = await app.settings.unset(args.key)
        return {"key": args.key, "value": value, **_reach(app.settings, args.key)}


def _reach(settings: SettingsService, key: str) -> dict[str, str]:
    """Which tills a change of ``key`` reaches, on a shop's shared database.

    A till's own file has one till: nothing is added, its output stays as it was.
    """
    from pos_app.core.config import SHOP, TILL

    if not settings.shared:
        return {}
    if settings.scope(key) == SHOP:
        return {"scope": SHOP, "applies_to": "all tills of the shop"}
    return {"scope": TILL, "applies_to": "this till only"}


async def cmd_config_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.settings.listing()


def _file_passphrase(confirm: bool) -> str:
    """The settings file's passphrase: the environment, a terminal (twice) or stdin."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        if sys.stdin.isatty():
            passphrase = getpass.getpass("Settings file passphrase: ")
            if confirm and getpass.getpass("Repeat the passphrase: ") != passphrase:
                raise ConfigError("config.passphrase_mismatch", "The passphrases differ.")
        else:
            passphrase = sys.stdin.readline().rstrip("\r\n")
    if not passphrase:
        raise ConfigError(
            "config.export_no_passphrase",
            f"Secrets need a passphrase: give it on stdin or in {PASSPHRASE_ENV}.",
        )
    return passphrase


async def cmd_config_export(args: argparse.Namespace) -> dict[str, Any]:
    from pos_app.core.settings_io import SettingsTransfer

    passphrase = _file_passphrase(confirm=True) if args.with_secrets else None
    async with open_app(args) as app:
        return await SettingsTransfer(app.settings).export(Path(args.out), passphrase)


async def cmd_config_import(args: argparse.Namespace) -> dict[str, Any]:
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise ConfigError(
            "config.import_unreadable",
            f"The settings file cannot be read: {exc.strerror}.",
            args.file,
        ) from exc
    from pos_app.core.settings_io import SettingsTransfer, plan_dict

    passphrase = _file_passphrase(confirm=False) if args.with_secrets else None
    async with open_app(args) as app:
        transfer = SettingsTransfer(app.settings)
        if args.dry_run:
            return plan_dict(await transfer.preview(data, passphrase), applied=False)
        plan = await transfer.apply(data, passphrase, check=app.withdrawals.check_threshold)
        return plan_dict(plan, applied=True)
