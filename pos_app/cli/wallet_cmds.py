"""Wallet administration: ``init``, ``mints ...``, ``wallet ...`` and ``recovery ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pos_app.cli.args import read_token_text
from pos_app.cli.context import open_app, terminal_passphrase
from pos_app.cli.export_cmds import register_exports
from pos_app.cli.service_cmds import register_mint_checks
from pos_app.cli.storage_cmds import add_init_options, enrol_passphrase
from pos_app.cli.withdraw_cmds import register_withdraw
from pos_app.core import formatting
from pos_app.core.errors import ValidationError
from pos_app.datadir import resolve_data_dir


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the wallet command groups."""
    init = sub.add_parser("init", help="create the data directory and the wallet", parents=[common])
    init.add_argument(
        "--restore-seed-file", metavar="FILE", help="start from the BIP39 words in FILE"
    )
    init.add_argument(
        "--key",
        choices=["env", "keyring", "passphrase"],
        help="where the database key is kept (default: first available)",
    )
    add_init_options(init)
    init.set_defaults(handler=cmd_init)

    mints = sub.add_parser("mints", help="manage the shop's mints", parents=[common])
    msub = mints.add_subparsers(dest="mints_command", metavar="COMMAND")
    add = msub.add_parser("add", help="add a mint (checked live)", parents=[common])
    add.add_argument("url")
    trust = add.add_mutually_exclusive_group()
    trust.add_argument(
        "--trust",
        dest="trusted",
        action="store_true",
        default=True,
        help="accept its tokens (default)",
    )
    trust.add_argument(
        "--no-trust",
        dest="trusted",
        action="store_false",
        help="know it without accepting its tokens",
    )
    add.add_argument(
        "--force", action="store_true", help="add even when it lacks features a shop needs"
    )
    add.set_defaults(handler=cmd_mints_add)
    lst = msub.add_parser(
        "list", help="list known mints, trusted ones in the shop's order", parents=[common]
    )
    lst.set_defaults(handler=cmd_mints_list)
    prio = msub.add_parser(
        "priority",
        help="move a trusted mint to position N (1 = first choice for change, exports, "
        "withdrawals and payment requests)",
        parents=[common],
    )
    prio.add_argument("url")
    prio.add_argument("position", type=int, metavar="N")
    prio.set_defaults(handler=cmd_mints_priority)
    rm = msub.add_parser(
        "remove", help="stop using a mint (it must hold no money)", parents=[common]
    )
    rm.add_argument("url")
    rm.set_defaults(handler=cmd_mints_remove)
    register_mint_checks(msub, common)

    wallet = sub.add_parser("wallet", help="the shop's ecash", parents=[common])
    wsub = wallet.add_subparsers(dest="wallet_command", metavar="COMMAND")
    rcv = wsub.add_parser("receive", help="redeem a token", parents=[common])
    rcv.add_argument("token", help="the token, - for stdin, or @FILE")
    rcv.set_defaults(handler=cmd_receive)
    bal = wsub.add_parser("balance", help="balance per mint and unit", parents=[common])
    bal.set_defaults(handler=cmd_balance)
    snd = wsub.add_parser("send", help="export ecash as a token", parents=[common])
    snd.add_argument(
        "--mint", help="default: the first trusted mint, in the shop's order, holding enough"
    )
    snd.add_argument("--unit", default="sat")
    snd.add_argument("--amount", required=True, type=int)
    snd.add_argument("--lock", metavar="PUBKEY", help="lock the token to this public key (NUT-11)")
    snd.add_argument(
        "--out", metavar="FILE", help="also write the token to FILE (a folder picks a name)"
    )
    snd.add_argument("--qr", action="store_true", help="with --out, also write a QR PNG")
    snd.add_argument("--memo")
    snd.set_defaults(handler=cmd_send)
    chk = wsub.add_parser(
        "check", help="reconcile with the mints (claimed exports, stale coins)", parents=[common]
    )
    chk.set_defaults(handler=cmd_check)
    rst = wsub.add_parser("restore", help="find the seed's coins at the mints", parents=[common])
    rst.add_argument("--mint")
    rst.set_defaults(handler=cmd_restore)
    mlt = wsub.add_parser("melt", help="pay a Lightning invoice", parents=[common])
    mlt.add_argument("--invoice", required=True)
    mlt.add_argument("--mint")
    mlt.set_defaults(handler=cmd_melt)
    register_exports(wsub, common)
    register_withdraw(wsub, common)
    pub = wsub.add_parser("pubkey", help="the shop's P2PK public key", parents=[common])
    pub.set_defaults(handler=cmd_pubkey)
    seed = wsub.add_parser("seed", help="show the seed words", parents=[common])
    seed.add_argument("--show", action="store_true", required=True)
    seed.add_argument(
        "--yes", action="store_true", required=True, help="confirm: the words give full access"
    )
    seed.set_defaults(handler=cmd_seed)

    rec = sub.add_parser("recovery", help="interrupted operations", parents=[common])
    rsub = rec.add_subparsers(dest="recovery_command", metavar="COMMAND")
    rl = rsub.add_parser("list", help="operations still open or needing review", parents=[common])
    rl.add_argument("--all", action="store_true", help="include finished operations")
    rl.set_defaults(handler=cmd_recovery_list)
    rr = rsub.add_parser("run", help="try to finish open operations now", parents=[common])
    rr.add_argument("id", nargs="?")
    rr.set_defaults(handler=cmd_recovery_run)
    rd = rsub.add_parser(
        "dismiss", help="close an operation by hand, with a reason", parents=[common]
    )
    rd.add_argument("id")
    rd.add_argument("--reason", required=True)
    rd.set_defaults(handler=cmd_recovery_dismiss)


async def cmd_init(args: argparse.Namespace) -> dict[str, Any]:
    """Create (or confirm) the wallet."""
    from pos_app.app import App

    mnemonic = None
    if args.restore_seed_file:
        try:
            mnemonic = Path(args.restore_seed_file).read_text()
        except OSError as exc:
            raise ValidationError(
                "input.unreadable", "Cannot read the seed file.", str(exc)
            ) from exc
    enrolment = Path(args.enrol) if args.enrol else None
    app, created = App.init(
        resolve_data_dir(getattr(args, "data_dir", None)),
        mnemonic=mnemonic,
        key_method=args.key,
        passphrase_source=terminal_passphrase,
        storage_url=args.storage,
        enrolment=enrolment,
        enrol_passphrase=enrol_passphrase(confirm=False) if enrolment else None,
        till_name=args.till_name,
    )
    try:
        return {"created": created, "restored_seed": mnemonic is not None, **app.info()}
    finally:
        await app.aclose()


async def cmd_mints_add(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.mints.add(args.url, trusted=args.trusted, force=args.force)


async def cmd_mints_list(args: argparse.Namespace) -> list[dict[str, Any]] | str:
    async with open_app(args) as app:
        mints = await app.mints.list_all()
    return mints if getattr(args, "json", False) else mints_text(mints)


async def cmd_mints_priority(args: argparse.Namespace) -> list[dict[str, Any]] | str:
    async with open_app(args) as app:
        mints = await app.mints.prioritize(args.url, args.position)
    return mints if getattr(args, "json", False) else mints_text(mints)


def mints_text(mints: list[dict[str, Any]]) -> str:
    """The mints for a person: trusted ones numbered in the shop's order, then the others."""
    lines = []
    for m in mints:
        place = f"{m['priority']}." if m["trusted"] else "-"
        trust = m["status"] if m["trusted"] else "not trusted"
        units = ", ".join(m["units"]) or "no units"
        lines.append(f"{place} {m['name'] or m['url']}  {m['url']}  ({units}; {trust})")
    return "\n".join(lines) or "no mints"


async def cmd_mints_remove(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        await app.mints.delete(args.url)
        return {"removed": args.url}


async def cmd_receive(args: argparse.Namespace) -> dict[str, Any]:
    text = read_token_text(args.token)
    async with open_app(args) as app:
        return (await app.wallet.receive(text, source="cli")).to_dict()


async def cmd_balance(args: argparse.Namespace) -> dict[str, Any] | str:
    async with open_app(args) as app:
        balance = await app.wallet.balance()
        if getattr(args, "json", False):
            return balance
        formatting.use(formatting.marks_for(await app.settings.get("language")))
    return balance_text(balance)


def balance_text(balance: dict[str, Any]) -> str:
    """The balance for a person: totals per unit, then each mint's share."""
    lines = [
        f"total: {formatting.sats(amount, unit)}" for unit, amount in balance["total"].items()
    ] or [f"total: {formatting.sats(0)}"]
    lines += [
        f"  {formatting.short_mint(b['mint'])}: {formatting.sats(b['amount'], b['unit'])}"
        for b in balance["balances"]
    ]
    return "\n".join(lines)


async def cmd_send(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        result = await app.wallet.send(
            args.mint,
            args.unit,
            args.amount,
            lock=args.lock,
            out=Path(args.out) if args.out else None,
            qr=args.qr,
            memo=args.memo,
        )
        return result.to_dict()


async def cmd_check(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return await app.wallet.check()


async def cmd_restore(args: argparse.Namespace) -> dict[str, Any]:
    def progress(p: dict[str, Any]) -> None:
        if not getattr(args, "json", False):
            print(
                f"  {p['mint']} {p['keyset'][:16]}… counter {p['counter']}: {p['found']} found",
                file=sys.stderr,
            )

    async with open_app(args) as app:
        return (await app.wallet.restore(args.mint, progress)).to_dict()


async def cmd_melt(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.wallet.melt(args.invoice, args.mint)).to_dict()


async def cmd_pubkey(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return {"pubkey": app.wallet.pubkey}


async def cmd_seed(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return {"mnemonic": app.wallet.mnemonic()}


async def cmd_recovery_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        return await app.wallet.recovery_list(include_closed=args.all)


async def cmd_recovery_run(args: argparse.Namespace) -> list[dict[str, Any]]:
    async with open_app(args) as app:
        if args.id:
            outcomes = [await app.wallet.recovery.run(args.id, manual=True)]
        else:
            outcomes = await app.wallet.recovery.run_all()
        return [o.to_dict() for o in outcomes]


async def cmd_recovery_dismiss(args: argparse.Namespace) -> dict[str, Any]:
    async with open_app(args) as app:
        return (await app.wallet.recovery.dismiss(args.id, args.reason)).to_dict()
