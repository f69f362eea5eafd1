"""What ``pos-app`` (the console script, ``python -m pos_app`` and the bundle) starts.

One parser for everything: without a command the desktop app starts, with
``--self-test`` the installation check runs, and a command runs on the command
line. Each face is imported only when chosen, so a command never loads Qt and
the GUI never pays for the commands it does not run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pos_app import cli, collector, process_end
from pos_app.cli import outline


def build_parser(full: str | None = outline.EVERY) -> argparse.ArgumentParser:
    """The command line's parser plus the options of the desktop app and the self-test.

    Args:
        full: the command built in full (see :func:`pos_app.cli.build_parser`).
    """
    parser = cli.build_parser(full)
    parser.add_argument(
        "--camera", metavar="SOURCE", help="desktop app: camera index or video file for this run"
    )
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    return parser


def run() -> int:
    """The program (the ``pos-app`` console script, ``python -m pos_app``, the bundle).

    A command's process ends at once when it is done (:mod:`pos_app.process_end`).
    """
    return main(program=True)


def main(argv: Sequence[str] | None = None, *, program: bool = False) -> int:
    """Parse ``argv`` and run what it asks; the exit code.

    ``program``: this process is the program itself (:func:`run`), which a command ends.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = outline.parser_for(argv, build_parser)
    args = parser.parse_args(argv)
    if args.self_test:
        from pos_app.selftest import run_self_test

        return run_self_test(as_json=getattr(args, "json", False))
    if getattr(args, "handler", None) is not None:
        collector.pause()
        try:
            code = cli.run(args)
        finally:
            collector.finish()
        if program:
            process_end.end(code)
        return code
    if args.command is not None:
        cli.missing_command(parser, args)
    collector.pause()  # settled once the window is ready for a sale (or a few seconds on)
    from pos_app.ui.main import run_gui

    return run_gui(args)
