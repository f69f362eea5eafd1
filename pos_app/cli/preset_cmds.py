"""Presets of settings: ``preset list``, ``preset show NAME``, ``preset apply NAME``."""

from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.context import open_app
from pos_app.core.choices import PRESET_NAMES


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``preset`` group."""
    preset = sub.add_parser("preset", help="settings a kind of shop starts from", parents=[common])
    psub = preset.add_subparsers(dest="preset_command", metavar="COMMAND")
    lst = psub.add_parser("list", help="the presets and what each sets", parents=[common])
    lst.set_defaults(handler=cmd_list)
    for name, help_text, handler in (
        ("show", "what applying it would change here (nothing is changed)", cmd_show),
        ("apply", "change those settings (all or none); prints the changes", cmd_apply),
    ):
        cmd = psub.add_parser(name, help=help_text, parents=[common])
        cmd.add_argument("name", choices=PRESET_NAMES)
        cmd.set_defaults(handler=handler)


async def cmd_list(_args: argparse.Namespace) -> list[dict[str, Any]]:
    from pos_app.core.presets import Presets

    return [
        {"name": p.name, "title": p.title, "description": p.description, "settings": p.settings}
        for p in Presets.available()
    ]


async def cmd_show(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return {"preset": args.name, "changes": await app.presets.preview(args.name)}


async def cmd_apply(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return {"preset": args.name, "changes": await app.presets.apply(args.name)}
