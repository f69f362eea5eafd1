"""The items catalogue: ``items add|list|update|remove|import|export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pos_app.cli.context import open_app
from pos_app.core.errors import ValidationError

FIELDS = ("name", "price", "unit", "vat", "sku", "category", "colour")


def _fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--name", required=required)
    parser.add_argument("--price", required=required, help="in the unit, e.g. 3.50")
    parser.add_argument("--unit", help="the shop currency (default) or sat")
    parser.add_argument(
        "--vat", metavar="RATE", help="VAT percent (default: the first of vat.rates)"
    )
    parser.add_argument("--sku")
    parser.add_argument("--category")
    parser.add_argument("--colour", metavar="#RRGGBB")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``items`` command group."""
    items = sub.add_parser("items", help="the items catalogue", parents=[common])
    isub = items.add_subparsers(dest="items_command", metavar="COMMAND")
    add = isub.add_parser("add", help="add an item", parents=[common])
    _fields(add, required=True)
    add.set_defaults(handler=cmd_items_add)
    lst = isub.add_parser("list", help="every item, by category", parents=[common])
    lst.add_argument("--active", action="store_true", help="only items on sale")
    lst.set_defaults(handler=cmd_items_list)
    upd = isub.add_parser("update", help="change an item's fields", parents=[common])
    upd.add_argument("ref", metavar="SKU_OR_ID")
    _fields(upd, required=False)
    state = upd.add_mutually_exclusive_group()
    state.add_argument("--active", dest="active", action="store_true", default=None)
    state.add_argument("--inactive", dest="active", action="store_false")
    upd.set_defaults(handler=cmd_items_update)
    rem = isub.add_parser(
        "remove", help="delete an item (sales keep their lines)", parents=[common]
    )
    rem.add_argument("ref", metavar="SKU_OR_ID")
    rem.set_defaults(handler=cmd_items_remove)
    imp = isub.add_parser(
        "import", help="add or update items from a CSV (all rows or none)", parents=[common]
    )
    imp.add_argument("file", metavar="FILE.csv")
    imp.set_defaults(handler=cmd_items_import)
    exp = isub.add_parser("export", help="write the catalogue as CSV", parents=[common])
    exp.add_argument("--out", required=True, metavar="FILE.csv")
    exp.set_defaults(handler=cmd_items_export)


def _given(args: argparse.Namespace) -> dict[str, Any]:
    out = {("vat_rate" if k == "vat" else k): getattr(args, k, None) for k in FIELDS}
    if getattr(args, "active", None) is not None:
        out["active"] = args.active
    return out


async def cmd_items_add(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.items.add(**_given(args))


async def cmd_items_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.items.list(include_inactive=not args.active)


async def cmd_items_update(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.items.update(args.ref, **_given(args))


async def cmd_items_remove(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.items.remove(args.ref)


async def cmd_items_import(args: argparse.Namespace) -> dict[str, Any]:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("input.invalid", f"Cannot read {args.file}.", str(exc)) from exc
    async with open_app(args) as app:
        return await app.items.import_csv(text)


async def cmd_items_export(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        text = await app.items.export_csv()
    try:
        Path(args.out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ValidationError("input.invalid", f"Cannot write {args.out}.", str(exc)) from exc
    return {"file": str(args.out), "items": max(0, text.count("\n") - 1)}
