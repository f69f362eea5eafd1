"""Printing command results as JSON or as readable text."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from pos_app.core.errors import PosError


@dataclass(frozen=True, slots=True)
class WithExitCode:
    """A command's result printed as any other, with a non-zero exit code.

    For a command that did several things and where none succeeded (``wallet withdraw
    --all``): the caller gets every part's error and a failing exit code.
    """

    result: Any
    code: int


def emit(result: Any, as_json: bool) -> None:
    """Print a command's result (a dict, list, string or None)."""
    if result is None:
        return
    if as_json:
        print(json.dumps(result, indent=2, sort_keys=False, default=str))
    elif isinstance(result, str):
        print(result)
    else:
        print(_human(result))


def emit_error(exc: PosError, as_json: bool) -> None:
    """Print a refusal: JSON on stdout with ``--json``, else a line on stderr."""
    if as_json:
        print(json.dumps({"error": exc.to_dict()}, indent=2))
    else:
        print(f"error: {exc.user_message} [{exc.code}]", file=sys.stderr)
        if exc.detail:
            print(f"  detail: {exc.detail}", file=sys.stderr)


def _human(value: Any, indent: int = 0) -> str:
    pad = "  " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:")
                lines.append(_human(item, indent + 1))
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        return "\n".join(
            f"{pad}-\n{_human(item, indent + 1)}"
            if isinstance(item, dict)
            else f"{pad}- {_scalar(item)}"
            for item in value
        )
    return f"{pad}{_scalar(value)}"


def _scalar(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)
