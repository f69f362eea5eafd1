"""``pos-app config export`` and ``config import`` from real processes."""

from __future__ import annotations

import json

from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import WebhookEndpoint
from tests.support.cli import Cli

SECRET = "whsec_Y2xpLXNlY3JldC1uZXZlci1pbi10aGUtZmlsZQ"


def test_export_then_dry_run_then_import_on_another_till(tmp_path):
    source = Cli.wallet(tmp_path / "a", shop__name="Market Stall", till__name="Till 7")
    db = Database(source.data_dir / DB_FILE, bytes.fromhex(source.key))
    try:
        db.transact(
            lambda s: s.add(
                WebhookEndpoint(url="https://shop.example/h", secret=SECRET, state="active")
            )
        )
    finally:
        db.close()
    out = tmp_path / "settings.json"
    written = source.ok(
        "config", "export", "--out", str(out), "--with-secrets", stdin="open sesame\n"
    )
    assert written["secrets"] is True and written["webhooks"] == 1
    assert SECRET.encode() not in out.read_bytes()

    target = Cli.wallet(tmp_path / "b")
    dry = target.ok("config", "import", str(out), "--dry-run")
    assert dry["applied"] is False and dry["unknown"] == []
    assert {"key": "shop.name", "old": "", "new": "Market Stall"} in dry["changes"]
    assert target.ok("config", "get", "shop.name")["value"] == ""

    wrong = target.run(
        "config", "import", str(out), "--with-secrets", env={"POS_EXPORT_PASSPHRASE": "nope"}
    )
    assert wrong.rc != 0 and wrong.error_code == "config.import_bad_passphrase", str(wrong)
    assert target.ok("config", "get", "shop.name")["value"] == ""

    done = target.ok(
        "config", "import", str(out), "--with-secrets", env={"POS_EXPORT_PASSPHRASE": "open sesame"}
    )
    assert done["applied"] is True
    keys = {c["key"] for c in done["changes"]}
    assert {"shop.name", "till.name", "webhook:https://shop.example/h"} <= keys
    assert SECRET not in json.dumps(done)
    assert target.ok("config", "get", "till.name")["value"] == "Till 7"

    newer = json.loads(out.read_bytes())
    newer["header"]["app_version"] = "999.0"
    (tmp_path / "newer.json").write_text(json.dumps(newer))
    refused = target.run("config", "import", str(tmp_path / "newer.json"))
    assert refused.rc != 0 and refused.error_code == "config.import_newer", str(refused)
