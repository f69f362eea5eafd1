"""Presets: what a preset would change is shown first; applying changes exactly that."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy import select

from pos_app.core.errors import PosError
from pos_app.core.presets import PRESETS
from pos_app.core.store.schema import AuditEntry
from tests.support.cli import Cli
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, scenario):
    async def main():
        app = open_shop(tmp_path / "shop", FakeMint())
        try:
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def test_a_preset_shows_its_changes_then_applies_them_all(tmp_path):
    async def scenario(app):
        await app.settings.set("sale.expiry_seconds", "300")  # already as the cafe wants
        shown = await app.presets.preview("market")
        before = await app.settings.values()
        applied = await app.presets.apply("market")
        after = await app.settings.values()
        again = await app.presets.preview("market")
        audits = app.db.transact(
            lambda s: [
                (a.action, a.subject, json.loads(a.details_json))
                for a in s.scalars(
                    select(AuditEntry).where(AuditEntry.action.startswith("settings"))
                )
            ]
        )
        return shown, before, applied, after, again, audits

    shown, before, applied, after, again, audits = run_shop(tmp_path, scenario)
    market = PRESETS["market"].settings
    assert shown == applied and again == []
    assert {c["key"] for c in shown} == {
        "offline.enabled",
        "offline.max_per_sale",
        "offline.max_per_day",
        "sale.expiry_seconds",
    }  # "mode" is trusted_only already: not a change
    for change in shown:
        assert change["old"] == before[change["key"]] and change["new"] == market[change["key"]]
        assert after[change["key"]] == market[change["key"]]
    assert audits[-1] == ("settings.preset", "market", {"keys": [c["key"] for c in shown]})
    changed = audits[-2]
    assert changed[0] == "settings.changed"
    assert changed[2]["offline.enabled"] == {"old": False, "new": True}


def test_an_unknown_preset_is_refused(tmp_path):
    async def scenario(app):
        with pytest.raises(PosError) as err:
            await app.presets.apply("bakery")
        return err.value

    err = run_shop(tmp_path, scenario)
    assert err.code == "preset.unknown" and "cafe, market, online, minimal" in err.user_message


def test_every_preset_sets_valid_values_of_known_settings(tmp_path):
    async def scenario(app):
        results = {}
        for name in PRESETS:
            results[name] = await app.presets.apply(name)  # validated like any change
        return results, set(app.config.options)

    results, known = run_shop(tmp_path, scenario)
    for name, preset in PRESETS.items():
        assert {c["key"] for c in results[name]} <= set(preset.settings) & known


def test_preset_commands(tmp_path):
    shop = Cli(tmp_path / "cli", key=DB_KEY)
    shop.setup("init")
    names = [p["name"] for p in shop.setup("preset", "list")]
    assert names == ["cafe", "market", "online", "minimal"]
    shown = shop.setup("preset", "show", "online")
    assert shown["preset"] == "online" and shown["changes"]
    applied = shop.setup("preset", "apply", "online")
    assert applied["changes"] == shown["changes"]
    assert shop.setup("preset", "show", "online")["changes"] == []
    assert shop.setup("config", "get", "mints.convert_untrusted")["value"] is True
