"""Building the options of the command that runs, not of every command.

The full parser has over a hundred sub-parsers, and argparse spends ~20 ms making
them (each argument asks gettext and the terminal's size): a noticeable part of a
short command's run. A command line names one command, so :func:`parser_for`
first parses with the *outline*, where every command is there by name, aliases and
help but without its options, which says which command the line names exactly as
the full parser would (or prints the top-level help, the version or the invalid
choice, in the same words). Then it builds that command in full.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

# ``build_parser(EVERY)``: every command in full; None: the outline.
EVERY = "*"


class Ignored:
    """Takes whatever a command module does to a command left out, and keeps nothing."""

    def __getattr__(self, _name: str) -> Callable[..., Ignored]:
        return self._ignore

    def _ignore(self, *_args: Any, **_kwargs: Any) -> Ignored:
        return self


class Subcommands:
    """The top-level sub-parsers as the command modules see them (the ``sub`` they add to).

    The command ``full`` (every one for :data:`EVERY`) is added as its module builds it,
    any other by name, aliases and help only.
    """

    def __init__(self, action: Any, full: str | None) -> None:
        self._action = action
        self._full = full

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        """As argparse's: the parser to build (or :class:`Ignored` for a command left out)."""
        aliases = kwargs.get("aliases", ())
        if self._full in (EVERY, name, *aliases):
            return self._action.add_parser(name, **kwargs)
        self._action.add_parser(name, help=kwargs.get("help"), aliases=aliases, add_help=False)
        return Ignored()


def parser_for(
    argv: Sequence[str], build: Callable[[str | None], argparse.ArgumentParser]
) -> argparse.ArgumentParser:
    """The parser for ``argv``: the command it names in full, the others by name.

    Args:
        argv: the command line, without the program's name.
        build: makes the parser with the named command in full (None: the outline).

    Exits as argparse does for the top-level ``-h``, ``--version`` and a command that
    does not exist, in the words of the full parser.
    """
    outline = build(None)
    named = outline.parse_known_args(argv)[0].command
    return outline if named is None else build(named)
