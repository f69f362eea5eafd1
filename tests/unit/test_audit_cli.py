"""``pos-app audit list / export / verify`` as an owner runs them, and after tampering."""

from __future__ import annotations

import csv

from sqlalchemy import text

from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.wallet import journal
from tests.support.cli import Cli


def test_audit_commands_list_export_and_catch_an_edit(tmp_path):
    shop = Cli(tmp_path / "shop")
    shop.setup("init")
    db = Database(shop.data_dir / DB_FILE, bytes.fromhex(shop.key))
    try:
        for action in ("melt.done", "receive.done", "melt.failed"):
            db.transact(lambda s, a=action: journal.audit(s, a, "op-1", {"amount": 5}))
    finally:
        db.close()

    verified = shop.ok("audit", "verify")
    assert verified["ok"] is True and verified["broken_at"] is None
    assert verified["entries"] >= 3 and verified["head_id"] == verified["entries"]
    melts = shop.ok("audit", "list", "--action", "melt.")
    assert [e["action"] for e in melts] == ["melt.failed", "melt.done"]
    assert shop.ok("audit", "list", "--limit", "1")[0]["action"] == "melt.failed"
    out = tmp_path / "audit.csv"
    exported = shop.ok("audit", "export", "--out", str(out), "--action", "melt.")
    assert exported == {"file": str(out), "entries": 2}
    with out.open(newline="") as f:
        assert [r["action"] for r in csv.DictReader(f)] == ["melt.done", "melt.failed"]
    bad = shop.run("audit", "list", "--limit", "0")
    assert bad.rc != 0 and bad.error_code == "input.invalid"

    db = Database(shop.data_dir / DB_FILE, bytes.fromhex(shop.key))
    try:
        target = melts[1]["id"]
        db.transact(
            lambda s: s.execute(
                text("UPDATE audit_log SET details_json = '{\"amount\": 500}' WHERE id = :i"),
                {"i": target},
            )
        )
    finally:
        db.close()
    broken = shop.run("audit", "verify")
    assert broken.rc == 1
    assert broken.json["ok"] is False and broken.json["broken_at"] == target
    assert broken.json["reason"] == "does not follow the entry before it"
