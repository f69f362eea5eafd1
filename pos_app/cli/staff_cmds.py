"""Staff accounts: ``staff add``, ``list``, ``remove``, ``pin``, ``role``, ``unlock``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from pos_app.cli.context import open_app
from pos_app.core.choices import ROLES
from pos_app.core.errors import ValidationError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``staff`` group."""
    staff = sub.add_parser("staff", help="staff accounts, roles and PINs", parents=[common])
    ssub = staff.add_subparsers(dest="staff_command", metavar="COMMAND")
    add = ssub.add_parser(
        "add",
        help="a new account (the first must be the owner's); its PIN from POS_NEW_PIN or asked",
        parents=[common],
    )
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    add.set_defaults(handler=cmd_add)
    lst = ssub.add_parser("list", help="every account and its role", parents=[common])
    lst.set_defaults(handler=cmd_list)
    rm = ssub.add_parser("remove", help="delete an account (not the last owner)", parents=[common])
    rm.add_argument("name")
    rm.set_defaults(handler=cmd_remove)
    pin = ssub.add_parser(
        "pin", help="set a new PIN (from POS_NEW_PIN or asked); unlocks", parents=[common]
    )
    pin.add_argument("name")
    pin.set_defaults(handler=cmd_pin)
    role = ssub.add_parser(
        "role", help="give an account another role (not the last owner)", parents=[common]
    )
    role.add_argument("name")
    role.add_argument("--role", choices=ROLES, required=True)
    role.set_defaults(handler=cmd_role)
    unlock = ssub.add_parser(
        "unlock", help="end a lock after wrong PINs now (the PIN stays)", parents=[common]
    )
    unlock.add_argument("name")
    unlock.set_defaults(handler=cmd_unlock)


def new_pin(name: str) -> str:
    """The new PIN: ``POS_NEW_PIN``, else typed twice on the terminal."""
    pin = os.environ.get("POS_NEW_PIN")
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise ValidationError("staff.pin_required", f"Give {name}'s new PIN in POS_NEW_PIN.", name)
    first = getpass.getpass(f"New PIN for {name}: ")
    if getpass.getpass("Repeat the PIN: ") != first:
        raise ValidationError("staff.pin_mismatch", "The two PINs differ.", name)
    return first


async def cmd_add(args: argparse.Namespace) -> dict[str, Any]:
    pin = new_pin(args.name)
    async with open_app(args) as app:
        return (await app.staff.add(args.name, args.role, pin)).to_dict()


async def cmd_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return [m.to_dict() for m in await app.staff.list()]


async def cmd_remove(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        await app.staff.remove(args.name)
    return {"removed": args.name}


async def cmd_pin(args: argparse.Namespace) -> dict[str, Any]:
    pin = new_pin(args.name)
    async with open_app(args) as app:
        await app.staff.set_pin(args.name, pin)
    return {"name": args.name, "pin": "changed"}


async def cmd_role(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.staff.set_role(args.name, args.role)).to_dict()


async def cmd_unlock(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.staff.unlock(args.name)).to_dict()
