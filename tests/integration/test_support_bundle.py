"""The support bundle as a whole: what a supporter needs is in it, no secret is.

A passphrase wallet at a real mint receives a token, exports one, is refused a
spent one and carries a log line and an error row from an older version that
still hold secrets. ``pos-app support-bundle`` runs as a subprocess, then every
file of the zip is read and searched for the passphrase, the database key, the
seed words, every proof's secret and signature, and the tokens.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from importlib import metadata

import pytest
from sqlalchemy import select

from pos_app import __version__
from pos_app.core.config import OPTIONS
from pos_app.core.store import migrate
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.keys import ENV_KEY, ENV_PASSPHRASE, derive_passphrase_key
from pos_app.core.store.schema import ErrorRecord, ProofRow
from tests.support.cli import run_pos_app
from tests.support.tokens import token as make_token

pytestmark = pytest.mark.mint

PASSPHRASE = "plum orchard 7 tuesday"
TOKEN_SHAPE = re.compile(r"cashu[AB][A-Za-z0-9_\-+/=]{20,}")


def pos_app(data_dir, *args):
    env = {k: v for k, v in os.environ.items() if k != ENV_KEY}
    env[ENV_PASSPHRASE] = PASSPHRASE
    result = run_pos_app(["--json", "--data-dir", str(data_dir), *args], env=env)
    return result


def ok(data_dir, *args):
    result = pos_app(data_dir, *args)
    assert result.rc == 0, str(result)
    return result.json


def test_bundle_holds_the_facts_and_no_secret(tmp_path, mint):
    shop = tmp_path / "shop"
    ok(shop, "init", "--key", "passphrase")
    ok(shop, "mints", "add", mint.url)
    received = make_token(mint.url, 40)
    assert ok(shop, "wallet", "receive", received)["amount"] == 40
    sent = ok(shop, "wallet", "send", "--mint", mint.url, "--amount", "8")["token"]
    refused = pos_app(shop, "wallet", "receive", received)
    assert refused.error_code == "token.already_spent", str(refused)
    words = ok(shop, "wallet", "seed", "--show", "--yes")["mnemonic"]

    meta = json.loads((shop / "keystore.json").read_text())
    key = derive_passphrase_key(PASSPHRASE, bytes.fromhex(meta["salt"]), meta["argon2"])
    db = Database(shop / DB_FILE, key)
    try:
        proofs = db.transact(lambda s: [(p.secret, p.C) for p in s.scalars(select(ProofRow))])
        secret = proofs[0][0]
        # An error row written by an older version, before details were redacted.
        legacy = ErrorRecord(
            category="mint",
            code="mint.refused",
            message="The mint refused.",
            detail=f"proof secret={secret}",
        )
        db.transact(lambda s: s.add(legacy))
    finally:
        db.close()
    assert len(proofs) >= 2  # the 32 kept and the 8 exported
    log_file = shop / "logs" / "pos-app.log"
    written = log_file.read_text()
    legacy = json.dumps({"msg": f"legacy received {received} proof {{'secret': '{secret}'}}"})
    log_file.write_text(written + legacy + "\n")  # a line from an older version
    try:
        out = ok(shop, "support-bundle", "--out", str(tmp_path / "support"))
    finally:
        # The session's log scan (tests/test_log_scan.py) reads this file too.
        log_file.write_text(log_file.read_text().replace(legacy + "\n", ""))
    assert secret not in log_file.read_text()
    with zipfile.ZipFile(out["file"]) as zf:
        files = {name: zf.read(name).decode() for name in zf.namelist()}

    # What it contains.
    assert set(files) == {
        "about.json",
        "settings.json",
        "mints.json",
        "services.json",
        "errors.json",
        "database.json",
        "logs/pos-app.log",
    }
    about = json.loads(files["about.json"])
    assert about["version"] == __version__
    assert about["libraries"]["SQLAlchemy"] == metadata.version("SQLAlchemy")
    assert about["python"] and about["platform"]
    settings = json.loads(files["settings.json"])
    assert set(OPTIONS) <= set(settings)
    assert [(m["url"], m["trusted"]) for m in json.loads(files["mints.json"])] == [(mint.url, True)]
    errors = {e["code"]: e for e in json.loads(files["errors.json"])}
    assert {"token.already_spent", "mint.refused"} <= set(errors)
    assert errors["mint.refused"]["detail"] == "proof secret=[redacted]"
    assert json.loads(files["database.json"]) == {"schema_revision": migrate.head_revision()}
    log_lines = files["logs/pos-app.log"].splitlines()
    assert any("receive" in line and "done: +40 sat" in line for line in log_lines)
    legacy_line = next(line for line in log_lines if "legacy received" in line)
    assert "[redacted]" in legacy_line

    # What it must not contain.
    everything = "\n".join(files.values())
    leaks = [
        name
        for name, value in (
            ("passphrase", PASSPHRASE),
            ("database key", key.hex()),
            ("seed", words),
            ("received token", received[:40]),
            ("exported token", sent[:40]),
        )
        if value in everything
    ]
    leaks += [f"proof secret {s[:12]}" for s, _ in proofs if s in everything]
    leaks += [f"proof C {c[:12]}" for _, c in proofs if c in everything]
    seed = words.split()
    text_words = re.findall(r"[a-z]+", everything)
    runs = {tuple(text_words[i : i + 3]) for i in range(len(text_words) - 2)}
    leaks += [
        f"seed words {i}-{i + 2}" for i in range(len(seed) - 2) if tuple(seed[i : i + 3]) in runs
    ]
    leaks += [f"token shape {m[:12]}" for m in TOKEN_SHAPE.findall(everything)]
    assert not leaks
