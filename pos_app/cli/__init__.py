"""The ``pos-app`` command line: the same core services as the GUI, for scripts and admins.

Without a sub-command it starts the GUI. Every sub-command prints JSON with
``--json`` and exits 0 on success, 1 on a refused or failed operation (with
``{"error": {"category", "code", "message"}}``), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import logging
import sys
from collections.abc import Sequence

from pos_app import __version__
from pos_app.cli import protocol_cmds, sales_cmds, service_cmds, wallet_cmds
from pos_app.cli.output import emit, emit_error
from pos_app.core.errors import Category, PosError
from pos_app.core.logs import setup_logging
from pos_app.core.redaction import redact_text

COMMAND_MODULES = [protocol_cmds, wallet_cmds, sales_cmds, service_cmds]


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
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, assembled from the command modules."""
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="pos-app",
        description="Point of sale for Cashu ecash. Without a command, the desktop app starts.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"pos-app {__version__}")
    parser.add_argument(
        "--camera", metavar="SOURCE", help="camera index or video file for this run"
    )
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``pos-app`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    as_json = getattr(args, "json", False)
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.command is not None:  # a command group without its sub-command
            parser.error(f"{args.command}: choose a sub-command (pos-app {args.command} -h)")
        return run_gui(args, parser)
    _setup_logging(args)
    try:
        result = handler(args)
        if inspect.isawaitable(result):
            result = asyncio.run(result)
    except PosError as exc:
        emit_error(exc, as_json)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: never a traceback on the terminal, but keep it in the log
        logging.getLogger("pos_app.cli").exception("command failed")
        emit_error(internal_error(exc), as_json)
        return 1
    emit(result, as_json)
    return 0


def _setup_logging(args: argparse.Namespace) -> None:
    """Log to the data directory when there is one; never print tracebacks on the terminal."""
    from pos_app.app import resolve_data_dir

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


def run_gui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Start the desktop app (or run the installation self-test)."""
    if args.self_test:
        from pos_app.selftest import run_self_test

        return run_self_test(as_json=getattr(args, "json", False))
    from pos_app.ui.main import run_gui as start

    return start(args)
