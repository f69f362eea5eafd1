"""The ``pos-app`` command line: the same core services as the GUI, for scripts and admins.

:mod:`pos_app.launcher` decides between this, the GUI and the self-test; the
command line never names the GUI. Every sub-command prints JSON with
``--json`` and exits 0 on success, 1 on a refused or failed operation (with
``{"error": {"category", "code", "message"}}``), 2 on a usage error.

Parsing loads argparse and the command tables only: each command module keeps its
heavy imports (the composition root, SQLAlchemy, httpx) inside its handlers, so a
command pays for what it runs and ``pos-app --help`` for nothing
(tests/unit/test_cli_imports.py).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Awaitable, Sequence
from typing import Any

from pos_app import __version__
from pos_app.cli import (
    api_cmds,
    audit_cmds,
    items_cmds,
    outline,
    preset_cmds,
    protocol_cmds,
    report_cmds,
    sales_cmds,
    service_cmds,
    staff_cmds,
    storage_cmds,
    training_cmds,
    wallet_cmds,
    webhook_cmds,
)
from pos_app.cli.output import WithExitCode, emit, emit_error
from pos_app.core.errors import Category, PosError
from pos_app.core.logs import setup_logging
from pos_app.core.redaction import redact_text

COMMAND_MODULES = [
    protocol_cmds,
    wallet_cmds,
    sales_cmds,
    report_cmds,
    service_cmds,
    webhook_cmds,
    audit_cmds,
    staff_cmds,
    preset_cmds,
    items_cmds,
    training_cmds,
    api_cmds,
    storage_cmds,
]


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the sub-command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="data directory (or POS_DATA_DIR)",
    )
    common.add_argument(
        "--training",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use the training wallet (play money, local test mint) instead of the shop's "
        "(or POS_TRAINING=1)",
    )
    common.add_argument(
        "--as",
        dest="as_user",
        default=argparse.SUPPRESS,
        metavar="NAME",
        help="the staff member running the command, once the shop has staff accounts "
        "(PIN from POS_PIN, or asked on the terminal)",
    )
    return common


def build_parser(full: str | None = outline.EVERY) -> argparse.ArgumentParser:
    """The argument parser, assembled from the command modules.

    Args:
        full: the command built with its options and sub-commands, the others by name
            only (:mod:`pos_app.cli.outline`); ``outline.EVERY``: all of them.
    """
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="pos-app",
        description="Point of sale for Cashu ecash. Without a command, the desktop app starts.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"pos-app {__version__}")
    sub = outline.Subcommands(parser.add_subparsers(dest="command", metavar="COMMAND"), full)
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (``pos-app`` without the GUI): parse, run, print; the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = outline.parser_for(argv, build_parser)
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        missing_command(parser, args)
    return run(args)


def missing_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Exit 2 with usage: a command group without its sub-command, or no command at all."""
    if args.command is not None:
        parser.error(f"{args.command}: choose a sub-command (pos-app {args.command} -h)")
    parser.error("choose a command (pos-app -h)")


def run(args: argparse.Namespace) -> int:
    """Run the parsed command ``args.handler``; print its result or error; the exit code."""
    as_json = getattr(args, "json", False)
    handler = args.handler
    training_cmds.apply_training(args)
    _setup_logging(args)
    try:
        result = handler(args)
        if isinstance(result, Awaitable):
            import asyncio  # the async commands only: not --help, not token decode

            result = asyncio.run(_with_workers(result))
    except PosError as exc:
        _log_refusal(args, exc)
        emit_error(exc, as_json)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: never a traceback on the terminal, but keep it in the log
        logging.getLogger("pos_app.cli").exception("command failed")
        emit_error(internal_error(exc), as_json)
        return 1
    if isinstance(result, WithExitCode):
        emit(result.result, as_json)
        return result.code
    emit(result, as_json)
    return 0


def _log_refusal(args: argparse.Namespace, exc: PosError) -> None:
    """Keep why a command was refused in the data directory's log, for whoever looks later.

    Its code and detail, as the core logs what it refuses (the log's filter redacts).
    """
    logging.getLogger("pos_app.cli").warning(
        "%s refused: %s %s", args.command, exc.code, exc.detail
    )


async def _with_workers(command: Awaitable[Any]) -> Any:
    """Await ``command`` with the composition root's worker pool as the loop's executor."""
    import asyncio

    from pos_app.datadir import worker_pool

    asyncio.get_running_loop().set_default_executor(worker_pool())  # shut down by asyncio.run
    return await command


def _setup_logging(args: argparse.Namespace) -> None:
    """Log to the data directory when there is one; never print tracebacks on the terminal."""
    from pos_app.datadir import resolve_data_dir

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    setup_logging(data_dir if data_dir.is_dir() or args.command == "init" else None)
    logging.getLogger().addHandler(logging.NullHandler())  # silences logging.lastResort


def internal_error(exc: Exception) -> PosError:
    """Wrap an unexpected exception for display (its text redacted: output gets pasted)."""
    return PosError(
        "internal.error",
        "Something went wrong inside the app. Nothing was lost; the details are in the log.",
        redact_text(f"{type(exc).__name__}: {exc}"),
        category=Category.INTERNAL,
    )
