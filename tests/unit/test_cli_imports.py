"""What a ``pos-app`` command loads: only what it runs (issue 17, the command line row).

Each case starts a real process (``python -X importtime -m pos_app ...``) and reads the
modules it imported from the interpreter's own import log, so nothing imported by this
test process can hide one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.cli import ROOT, Cli

HEAVY = ("sqlalchemy", "httpx", "alembic", "pos_app.app", "pos_app.core.store")
NEVER = ("PySide6", "qasync", "pos_app.ui", "matplotlib", "rich", "click")
# What a till on its own file never needs for these commands: the shared shop's driver and
# sealing, and the Argon2 of staff PINs (it has no staff yet).
OWN_FILE_NEVER = ("psycopg", "sqlalchemy.dialects.postgresql", "cryptography", "argon2")
# A V4 token from the NUT-00 test vectors.
TOKEN = next(
    case["expected_serialized"]
    for case in json.loads((ROOT / "tests" / "vectors" / "nut00_token_v4.json").read_text())[
        "cases"
    ]
    if case.get("expected_serialized", "").startswith("cashuB")
)


def imported(args: list[str], env: dict[str, str] | None = None) -> tuple[set[str], str]:
    """The modules ``pos-app ARGS`` imports in a process of its own, and its stdout."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pos_app", *args],
        input="",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "pos_app.launcher" in modules, done.stderr[-2000:]
    return modules, done.stdout


def loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.startswith(prefixes))


@pytest.mark.parametrize(
    "args",
    [["--help"], ["wallet", "receive", "--help"], ["sale", "list", "--help"], ["--version"]],
)
def test_parsing_loads_neither_the_database_layer_nor_http(args):
    modules, out = imported(args)
    assert "pos-app" in out
    assert loaded(modules, HEAVY + NEVER) == []


def test_decoding_a_token_needs_no_wallet(tmp_path):
    modules, out = imported(["--json", "--data-dir", str(tmp_path), "token", "decode", TOKEN])
    assert '"amount"' in out
    assert loaded(modules, HEAVY + NEVER) == []


@pytest.mark.parametrize(
    "args", [["wallet", "balance"], ["sale", "list"], ["mints", "list"], ["config", "list"]]
)
def test_a_command_on_a_current_wallet_loads_no_qt_and_no_alembic(tmp_path, args):
    cli = Cli.wallet(tmp_path / "wallet")
    modules, out = imported(cli.argv(*args), {"POS_DB_KEY": cli.key})
    assert out.strip(), "the command printed nothing"
    assert "pos_app.app" in modules  # it did open the wallet
    assert loaded(modules, ("alembic", *NEVER, *OWN_FILE_NEVER)) == []


@pytest.mark.parametrize(
    ("args", "shop_tables"),
    [
        (["wallet", "balance"], False),
        (["mints", "list"], False),
        # Stores the token and its refusal (an untrusted mint): flushes the outbox watches.
        (["wallet", "receive", TOKEN], False),
        (["sale", "list"], True),
    ],
)
def test_only_a_shop_command_maps_the_shop_tables(tmp_path, args, shop_tables):
    # pos_app.core.store.shop_schema (sales, payments, webhooks...) loads on first use.
    cli = Cli.wallet(tmp_path / "wallet")
    modules, out = imported(cli.argv(*args), {"POS_DB_KEY": cli.key})
    assert out.strip(), "the command printed nothing"
    assert ("pos_app.core.store.shop_schema" in modules) is shop_tables


def test_the_preset_names_offered_are_the_presets():
    # The command line offers the names before the presets (and the database layer) load.
    from pos_app.core.choices import PRESET_NAMES
    from pos_app.core.presets import PRESETS

    assert tuple(PRESETS) == PRESET_NAMES
