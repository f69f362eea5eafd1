"""The parser built for one command says and parses exactly what the full parser does."""

from __future__ import annotations

import argparse

import pytest

from pos_app import cli, launcher
from pos_app.cli import outline


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _helps(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict:
    """The help of ``parser`` and of every sub-command under it, by command path."""
    found = {path: parser.format_help()}
    for name, sub in _subcommands(parser).items():
        found.update(_helps(sub, (*path, name)))
    return found


FULL = launcher.build_parser()
COMMANDS = sorted(_subcommands(FULL))


def test_the_outline_reads_as_the_full_parser_at_the_top():
    built = launcher.build_parser(None)
    assert built.format_help() == FULL.format_help()
    assert sorted(_subcommands(built)) == COMMANDS
    # The commands left out have no options of their own: that is what it saves.
    assert all(len(sub._actions) == 0 for sub in _subcommands(built).values())


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_built_alone_has_the_help_of_the_full_parser(name):
    built = launcher.build_parser(name)
    full = _helps(FULL)
    alone = _helps(built)
    assert {p: h for p, h in alone.items() if p[:1] in ((), (name,))} == {
        p: h for p, h in full.items() if p[:1] in ((), (name,))
    }
    others = [sub for n, sub in _subcommands(built).items() if n != name]
    assert all(len(sub._actions) == 0 for sub in others if sub is not _subcommands(built)[name])


LINES = [
    ["--json", "--data-dir", "d", "wallet", "receive", "cashuB..."],
    ["wallet", "receive", "--json", "cashuB..."],
    ["--as", "wallet", "sale", "show", "7"],  # an option's value named like a command
    ["--data-dir=wallet", "webhook", "list"],  # an alias
    ["--training", "report", "z", "--list", "--json"],
    ["--camera", "0"],
    [],
    ["--self-test", "--json"],
]


@pytest.mark.parametrize("argv", LINES, ids=lambda a: " ".join(a) or "none")
def test_a_line_parses_as_with_the_full_parser(argv):
    expected = vars(FULL.parse_args(argv))
    got = vars(outline.parser_for(argv, launcher.build_parser).parse_args(argv))
    assert got == expected


@pytest.mark.parametrize(
    "argv",
    [["-h"], ["--version"], ["walet", "balance"], ["wallet"], ["wallet", "-h"], ["sale", "pay"]],
    ids=" ".join,
)
def test_help_and_mistakes_are_said_as_by_the_full_parser(argv, capsys):
    def said(run) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            run()
        out = capsys.readouterr()
        return exited.value.code, out.out, out.err

    def full_parser() -> None:  # what main did before: the full parser, then the same checks
        args = FULL.parse_args(argv)
        cli.missing_command(FULL, args)

    assert said(lambda: launcher.main(argv)) == said(full_parser)
