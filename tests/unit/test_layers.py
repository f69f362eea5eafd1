"""The layers of docs/architecture.md, read from the code's imports (an AST walk, no import).

- ``core`` never imports ``ui``, ``cli`` or ``api``, and no Qt;
- ``cli`` never imports ``ui`` (the launcher chooses the face); ``api`` neither ``ui`` nor ``cli``;
- ``core.cashu`` is pure: none of the app's other packages, no network, database or files;
- ``ui``, ``cli`` and ``api`` reach the core through its services: never ``core.store``,
  ``core.mint`` or SQLAlchemy, and no database session (``….db.run``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pos_app"

IO_MODULES = {"httpx", "sqlalchemy", "sqlcipher3", "socket", "subprocess", "requests", "keyring"}


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names; relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def modules(sub: str) -> dict[str, set[str]]:
    return {
        str(p.relative_to(ROOT)): imports(p)
        for p in sorted((PACKAGE / sub).rglob("*.py"))
        if "migrations" not in p.parts
    }


def offenders(sub: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    out = {}
    for name, found in modules(sub).items():
        bad = sorted(m for m in found if any(m == f or m.startswith(f + ".") for f in forbidden))
        if bad:
            out[name] = bad
    return out


def test_core_never_imports_a_face_or_qt():
    assert (
        offenders("core", ("pos_app.ui", "pos_app.cli", "pos_app.api", "PySide6", "qasync")) == {}
    )


def test_cli_never_imports_the_gui():
    assert offenders("cli", ("pos_app.ui", "PySide6", "qasync")) == {}


def test_the_api_imports_neither_the_gui_nor_the_command_line():
    assert offenders("api", ("pos_app.ui", "pos_app.cli", "PySide6", "qasync")) == {}


def test_protocol_core_is_pure():
    allowed_app = ("pos_app.core.cashu", "pos_app.core.errors")
    found = {}
    for name, mods in modules("core/cashu").items():
        bad = sorted(
            m
            for m in mods
            if (m.startswith("pos_app.") and not m.startswith(allowed_app))
            or m.split(".")[0] in IO_MODULES
        )
        if bad:
            found[name] = bad
    assert found == {}


def database_sessions(sub: str) -> dict[str, list[str]]:
    """Files that use the database directly (``<something>.db.run(...)`` and the like)."""
    out = {}
    for path in sorted((PACKAGE / sub).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        uses = sorted(
            {
                f"db.{node.attr}"
                for node in ast.walk(tree)
                if isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "db"
            }
        )
        if uses:
            out[str(path.relative_to(ROOT))] = uses
    return out


def test_faces_reach_the_core_through_services():
    forbidden = ("pos_app.core.store", "pos_app.core.mint", "sqlalchemy")
    found = {
        **offenders("ui", forbidden),
        **offenders("cli", forbidden),
        **offenders("api", forbidden),
    }
    for sub in ("ui", "cli", "api"):
        for name, uses in database_sessions(sub).items():
            found.setdefault(name, []).extend(uses)
    assert found == {}, "a face imports storage or the mint client: add a core service instead"


@pytest.mark.parametrize("argv", [["--version"], ["token", "decode", "-"]])
def test_a_command_loads_no_qt_and_no_matplotlib(argv):
    # matplotlib costs 0.5 s of every command's start; only the PDF writers need it.
    code = (
        "import sys\n"
        "from pos_app.launcher import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert not [m for m in sys.modules\n"
        "            if m.startswith(('PySide6', 'qasync', 'pos_app.ui', 'matplotlib',\n"
        "                             'fastapi', 'uvicorn', 'pos_app.api.'))]\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input="", capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr


def test_test_modules_have_unique_names():
    # pytest imports test modules by basename (rootdir-relative packages aside): two files
    # of one name in tests/unit and tests/integration stop the whole suite's collection.
    names: dict[str, list[str]] = {}
    for path in (ROOT / "tests").rglob("test_*.py"):
        names.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    assert {n: p for n, p in names.items() if len(p) > 1} == {}
