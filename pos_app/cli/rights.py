"""Which role each command needs once the shop has staff accounts.

A cashier's commands sell and look; a manager's also move ecash in and out of the
wallet by hand, refund, review, keep the items catalogue and read reports and the audit
log; everything else (settings, mints, staff, webhooks, withdrawals and melts, the seed,
the services) is the owner's. A command missing here needs the owner: a new command is closed until
someone decides otherwise.
"""

from __future__ import annotations

import argparse

CASHIER = {
    "sale new", "sale pay", "sale show", "sale list", "sale cancel",
    "token decode", "request decode",
    "mints list", "mints check", "mints health",
    "wallet balance", "wallet pubkey", "preset list", "items list",
    "training customer pay",  # a trainee cashier practising at a training till
}  # fmt: skip
MANAGER = {
    "sale refund", "sale refunds", "sale review",
    "recovery list", "recovery run", "recovery dismiss",
    "wallet receive", "wallet check", "wallet exports", "wallet reclaim", "wallet export-token",
    "wallet export-all", "wallet import", "wallet send", "wallet withdrawals",
    "report summary", "report csv", "report pdf", "report x", "report z",
    "notifications list", "notifications read",
    "audit list", "audit export", "audit verify",
    "items add", "items update", "items remove", "items import", "items export",
}  # fmt: skip


def command_path(args: argparse.Namespace) -> str:
    """``sale new``, ``serve``...: the command and its sub-command as typed."""
    parts = [str(getattr(args, "command", "") or "")]
    for key, value in vars(args).items():
        if key.endswith("_command") and value:
            parts.append(str(value))
    return " ".join(p for p in parts if p)


def role_for(path: str) -> str:
    """The least role that may run ``path``."""
    if path in CASHIER:
        return "cashier"
    if path in MANAGER:
        return "manager"
    return "owner"
