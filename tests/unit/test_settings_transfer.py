"""Settings export and import: envelope, secrets under a passphrase, all or nothing."""

from __future__ import annotations

import asyncio
import base64
import json

import pytest
from sqlalchemy import select

from pos_app.core.config import Config
from pos_app.core.errors import ConfigError
from pos_app.core.settings import SettingsService
from pos_app.core.settings_io import FORMAT_VERSION, MASK, SettingsTransfer
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import AuditEntry, WebhookEndpoint

SECRET = "whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr"
HOOK = "https://shop.example/hooks"


def _store(path):
    path.mkdir(exist_ok=True)
    db = Database(path / DB_FILE, bytes(range(32)), create=True)
    db.migrate()
    return db


@pytest.fixture
def till(tmp_path):
    db = _store(tmp_path / "a")
    service = SettingsService(db, Config())

    def add_hook(session):
        session.add(WebhookEndpoint(url=HOOK, events_json='["*"]', secret=SECRET, state="active"))

    db.transact(add_hook)
    asyncio.run(
        service.set_many(
            {
                "shop.name": "Corner Cafe",
                "till.name": "Till 2",
                "currency": "eur",
                "rate.fixed": "95000.50",
                "fees.max_mint_fee_pct": "2.5",
            }
        )
    )
    yield service
    db.close()


@pytest.fixture
def fresh(tmp_path):
    db = _store(tmp_path / "b")
    yield SettingsService(db, Config())
    db.close()


def _hooks(service):
    return service.db.transact(
        lambda s: [(e.url, e.secret) for e in s.scalars(select(WebhookEndpoint))]
    )


def _audits(service):
    return service.db.transact(
        lambda s: [
            (a.action, json.loads(a.details_json))
            for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "config.import"))
        ]
    )


def test_round_trip_on_a_fresh_till_reproduces_the_settings(till, fresh, tmp_path):
    out = tmp_path / "settings.json"
    written = asyncio.run(SettingsTransfer(till).export(out))
    assert written["secrets"] is False
    data = out.read_bytes()
    envelope = json.loads(data)
    header = envelope["header"]
    assert header["format_version"] == FORMAT_VERSION and header["till"]["name"] == "Till 2"
    assert header["created"].endswith("Z") and envelope["secrets"] is None
    assert SECRET.encode() not in data  # no passphrase: no secrets at all

    transfer = SettingsTransfer(fresh)
    plan = asyncio.run(transfer.apply(data))
    assert asyncio.run(fresh.values()) == asyncio.run(till.values())
    keys = {c["key"] for c in plan.changes}
    assert {"shop.name", "currency", "rate.fixed"} <= keys
    assert not any(k.startswith("webhook:") for k in keys) and _hooks(fresh) == []
    [(_, details)] = _audits(fresh)
    assert set(details["keys"]) == keys and details["from_till"] == "Till 2"
    # Importing again changes nothing and writes no second entry.
    assert asyncio.run(transfer.apply(data)).changes == []
    assert len(_audits(fresh)) == 1
    assert not list(tmp_path.glob(".settings.json.*"))  # no temporary file left


def test_secrets_are_encrypted_and_come_back_only_with_the_passphrase(till, fresh, tmp_path):
    out = tmp_path / "with-secrets.json"
    asyncio.run(SettingsTransfer(till).export(out, "correct horse"))
    data = out.read_bytes()
    assert SECRET.encode() not in data and b"shop.example/hooks" not in data
    sealed = json.loads(data)["secrets"]
    assert sealed["kdf"]["name"] == "argon2id" and sealed["cipher"]["name"] == "AES-256-GCM"

    transfer = SettingsTransfer(fresh)
    # Without the passphrase only the settings are imported.
    plan = asyncio.run(transfer.preview(data))
    assert plan.secrets_skipped and not plan.webhooks
    plan = asyncio.run(transfer.apply(data, "correct horse"))
    change = next(c for c in plan.changes if c["key"] == f"webhook:{HOOK}")
    assert change == {"key": f"webhook:{HOOK}", "old": None, "new": MASK}
    assert _hooks(fresh) == [(HOOK, SECRET)]
    [(_, details)] = _audits(fresh)
    assert SECRET not in json.dumps(details)


def test_a_wrong_passphrase_is_refused_and_nothing_applied(till, fresh, tmp_path):
    out = tmp_path / "s.json"
    asyncio.run(SettingsTransfer(till).export(out, "right"))
    before = asyncio.run(fresh.values())
    with pytest.raises(ConfigError) as refused:
        asyncio.run(SettingsTransfer(fresh).apply(out.read_bytes(), "wrong"))
    assert refused.value.code == "config.import_bad_passphrase"
    assert asyncio.run(fresh.values()) == before and _hooks(fresh) == [] and _audits(fresh) == []


def _flip_ciphertext(envelope):
    raw = bytearray(base64.b64decode(envelope["secrets"]["ciphertext"]))
    raw[3] ^= 0x01
    envelope["secrets"]["ciphertext"] = base64.b64encode(bytes(raw)).decode()


def _change_header(envelope):
    envelope["header"]["till"]["name"] = "Till 3"


def _change_setting(envelope):
    envelope["settings"]["shop.name"] = "Evil Corp"


@pytest.mark.parametrize("tamper", [_flip_ciphertext, _change_header, _change_setting])
def test_a_changed_byte_is_refused_and_nothing_applied(till, fresh, tmp_path, tamper):
    out = tmp_path / "s.json"
    asyncio.run(SettingsTransfer(till).export(out, "right"))
    envelope = json.loads(out.read_bytes())
    tamper(envelope)
    before = asyncio.run(fresh.values())
    with pytest.raises(ConfigError) as refused:
        asyncio.run(SettingsTransfer(fresh).apply(json.dumps(envelope).encode(), "right"))
    assert refused.value.code == "config.import_damaged"
    assert asyncio.run(fresh.values()) == before and _hooks(fresh) == []


def test_truncated_file_is_damaged(fresh):
    with pytest.raises(ConfigError) as refused:
        asyncio.run(SettingsTransfer(fresh).preview(b'{"header": {"format"'))
    assert refused.value.code == "config.import_damaged"


@pytest.mark.parametrize(
    ("field", "value"), [("format_version", FORMAT_VERSION + 1), ("app_version", "99.0.0")]
)
def test_a_newer_envelope_is_refused_with_a_clear_message(till, fresh, tmp_path, field, value):
    out = tmp_path / "s.json"
    asyncio.run(SettingsTransfer(till).export(out))
    envelope = json.loads(out.read_bytes())
    envelope["header"][field] = value
    with pytest.raises(ConfigError) as refused:
        asyncio.run(SettingsTransfer(fresh).apply(json.dumps(envelope).encode()))
    assert refused.value.code == "config.import_newer"
    assert "Update this till" in refused.value.user_message
    assert asyncio.run(fresh.get("shop.name")) != "Corner Cafe"


def test_an_invalid_value_refuses_the_whole_file_and_unknown_keys_are_reported(
    till, fresh, tmp_path
):
    out = tmp_path / "s.json"
    asyncio.run(SettingsTransfer(till).export(out))
    envelope = json.loads(out.read_bytes())
    envelope["settings"]["no.such.setting"] = 1
    data_ok = json.dumps(envelope).encode()
    plan = asyncio.run(SettingsTransfer(fresh).preview(data_ok))
    assert plan.unknown == ["no.such.setting"]

    envelope["settings"]["fees.max_mint_fee_pct"] = "lots"
    before = asyncio.run(fresh.values())
    with pytest.raises(ConfigError) as refused:
        asyncio.run(SettingsTransfer(fresh).apply(json.dumps(envelope).encode()))
    assert refused.value.code == "config.import_invalid"
    assert [i["key"] for i in refused.value.data["invalid"]] == ["fees.max_mint_fee_pct"]
    assert asyncio.run(fresh.values()) == before and _audits(fresh) == []


def test_settings_only_valid_together_are_refused_all_or_nothing(till, fresh, tmp_path):
    out = tmp_path / "s.json"
    asyncio.run(SettingsTransfer(till).export(out))
    envelope = json.loads(out.read_bytes())
    envelope["settings"]["rate.fixed"] = None  # EUR without any rate
    envelope["settings"]["rate.sources"] = []
    before = asyncio.run(fresh.values())
    with pytest.raises(ConfigError):
        asyncio.run(SettingsTransfer(fresh).apply(json.dumps(envelope).encode()))
    assert asyncio.run(fresh.values()) == before


def test_preview_applies_nothing(till, fresh, tmp_path):
    out = tmp_path / "s.json"
    asyncio.run(SettingsTransfer(till).export(out))
    before = asyncio.run(fresh.values())
    plan = asyncio.run(SettingsTransfer(fresh).preview(out.read_bytes()))
    old = next(c for c in plan.changes if c["key"] == "shop.name")
    assert old["new"] == "Corner Cafe" and old["old"] == before["shop.name"]
    assert asyncio.run(fresh.values()) == before and _audits(fresh) == []


def test_the_withdrawal_threshold_is_checked_live_before_anything_is_stored(fresh, tmp_path):
    source = SettingsService(fresh.db, Config())
    out = tmp_path / "s.json"
    asyncio.run(SettingsTransfer(source).export(out))
    envelope = json.loads(out.read_bytes())
    envelope["settings"]["withdraw.threshold"] = 5
    envelope["settings"]["shop.name"] = "Threshold Shop"
    seen = []

    async def refuse(values):
        seen.append(dict(values))
        raise ConfigError("config.withdraw_threshold", "too low", data={"minimum": 10})

    with pytest.raises(ConfigError) as refused:
        asyncio.run(SettingsTransfer(fresh).apply(json.dumps(envelope).encode(), check=refuse))
    assert refused.value.code == "config.withdraw_threshold"
    assert seen and seen[0]["withdraw.threshold"] == 5
    assert asyncio.run(fresh.get("shop.name")) != "Threshold Shop"
    # A file that leaves those settings alone is not checked.
    envelope["settings"]["withdraw.threshold"] = asyncio.run(fresh.get("withdraw.threshold"))
    asyncio.run(SettingsTransfer(fresh).apply(json.dumps(envelope).encode(), check=refuse))
    assert asyncio.run(fresh.get("shop.name")) == "Threshold Shop" and len(seen) == 1


def test_export_to_a_missing_folder_is_refused_and_leaves_no_file(till, tmp_path):
    with pytest.raises(ConfigError) as refused:
        asyncio.run(SettingsTransfer(till).export(tmp_path / "nowhere" / "s.json"))
    assert refused.value.code == "config.export_unwritable"
    assert not (tmp_path / "nowhere").exists()


def test_export_replaces_an_older_file_whole(till, tmp_path):
    out = tmp_path / "s.json"
    out.write_text("old contents that are longer than nothing" * 100)
    asyncio.run(SettingsTransfer(till).export(out))
    assert json.loads(out.read_bytes())["settings"]["shop.name"] == "Corner Cafe"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".s.json")] == []
