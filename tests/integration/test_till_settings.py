"""Till and shop settings on a shop's shared PostgreSQL database (issue 20).

A till option (camera, screens, printer, the local API...) set at one till is that
till's own; a shop option (money rules, receipts' header...) reaches every till. A
till with no value of its own reads the shop-wide row, which is where a till moved
from its own file left its values.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from pos_app.app import App
from pos_app.core.errors import PosError
from pos_app.core.settings_io import SettingsTransfer
from pos_app.core.store import shop_db
from pos_app.core.store.keys import parse_hex_key
from pos_app.core.store.schema import AuditEntry, Setting, Till, TillSetting
from pos_app.core.store.storage import read_storage
from tests.support.cli import Cli
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

pytestmark = pytest.mark.pg

PASSPHRASE = "counter passphrase"


def join(first: Path, second: Path, tmp_path: Path, name: str = "Counter 2") -> None:
    """A second till joins the shop of ``first`` with an enrolment file."""
    card = tmp_path / f"enrol-{name}.json"
    shop_db.write_enrolment_for(first, parse_hex_key(os.environ["POS_DB_KEY"]), card, PASSPHRASE)
    app, _ = App.init(
        second, enrolment=card, enrol_passphrase=PASSPHRASE, till_name=name, trust_env=False
    )
    asyncio.run(app.aclose())


def at(folder: Path, work):
    """Run ``work(app)`` on the till of ``folder``, opened for it and closed after."""

    async def run():
        app = App.open(folder, trust_env=False)
        try:
            return await work(app)
        finally:
            await app.aclose()

    return asyncio.run(run())


def test_a_till_option_stays_at_its_till_and_a_shop_option_reaches_every_till(tmp_path, shop_url):
    first, second = tmp_path / "till1", tmp_path / "till2"
    app, _ = App.init(first, storage_url=shop_url, till_name="Counter 1", trust_env=False)
    asyncio.run(app.aclose())
    join(first, second, tmp_path)
    ids = {f: read_storage(f).till_id for f in (first, second)}

    async def set_at_first(app):
        assert app.settings.shared
        await app.settings.set_many({"camera.source": "2", "display.kiosk": True})
        await app.settings.set("change.policy", "keep")
        return await app.settings.values()

    mine = at(first, set_at_first)
    assert (mine["camera.source"], mine["display.kiosk"], mine["change.policy"]) == (
        "2",
        True,
        "keep",
    )

    async def read_at_second(app):
        got = {k: await app.settings.get(k) for k in ("camera.source", "change.policy")}
        await app.settings.set("camera.source", "1")
        listing = {row["key"]: row for row in await app.settings.listing()}
        return got, await app.settings.values(), listing

    got, values, listing = at(second, read_at_second)
    assert got == {"camera.source": "0", "change.policy": "keep"}  # the default; the shop's
    assert (values["camera.source"], values["display.kiosk"]) == ("1", False)
    assert (listing["camera.source"]["scope"], listing["change.policy"]["scope"]) == (
        "till",
        "shop",
    )
    assert listing["camera.source"]["value"] == "1"

    async def read_at_first(app):
        return await app.settings.get("camera.source"), app.db.transact(rows)

    def rows(session):
        own = {
            (r.till_id, r.key): json.loads(r.value_json)
            for r in session.scalars(select(TillSetting))
        }
        shop = {r.key for r in session.scalars(select(Setting))}
        audit = [
            (a.till_id, json.loads(a.details_json))
            for a in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "settings.changed")
                .order_by(AuditEntry.id)
            )
        ]
        return own, shop, audit

    camera, (own, shop, audit) = at(first, read_at_first)
    assert camera == "2"  # the second till's choice did not reach the first
    assert own == {
        (ids[first], "till.name"): "Counter 1",  # written when the till joined
        (ids[first], "camera.source"): "2",
        (ids[first], "display.kiosk"): True,
        (ids[second], "till.name"): "Counter 2",
        (ids[second], "camera.source"): "1",
    }
    assert "change.policy" in shop and not shop & {"camera.source", "display.kiosk"}
    # Each change says at which till it was made; a till option's also whose value it is.
    one, two = ids[first], ids[second]
    assert audit == [
        (
            one,
            {
                "camera.source": {"old": "0", "new": "2", "till": one},
                "display.kiosk": {"old": False, "new": True, "till": one},
            },
        ),
        (one, {"change.policy": {"old": "return", "new": "keep"}}),
        (two, {"camera.source": {"old": "0", "new": "1", "till": two}}),
    ]

    # A till's own values go with its row in ``tills``.
    at(
        first,
        lambda app: asyncio.to_thread(
            app.db.transact, lambda s: s.execute(delete(Till).where(Till.id == ids[second]))
        ),
    )
    own_after, _, _ = at(first, lambda app: asyncio.to_thread(app.db.transact, rows))
    assert set(own_after) == {
        (ids[first], "till.name"),
        (ids[first], "camera.source"),
        (ids[first], "display.kiosk"),
    }


def test_a_moved_till_keeps_its_values_and_a_new_till_starts_from_them(
    tmp_path, pg_server, monkeypatch
):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    monkeypatch.setenv("POS_PG_PASSWORD", pg_server.password)
    first, second = tmp_path / "till1", tmp_path / "till2"

    async def set_up_alone():
        app = open_shop(first, FakeMint())
        try:
            assert not app.settings.shared  # a till's own file: one till, nothing to say
            await app.settings.set_many({"camera.source": "2", "receipt.paper": "58mm"})
            await app.settings.set("change.policy", "keep")
        finally:
            await app.aclose()

    asyncio.run(set_up_alone())
    url = pg_server.url(pg_server.create_database(), password=False)
    shop_db.move_to_shared(first, parse_hex_key(DB_KEY), url, "Counter 1")
    join(first, second, tmp_path)

    async def second_till(app):
        before = await app.settings.values(), await app.settings.get("camera.source")
        await app.settings.set("camera.source", "1")
        after = await app.settings.get("camera.source")
        back = await app.settings.unset("camera.source")  # its own value goes: the shop's again
        return before, after, back

    (values, camera), after, back = at(second, second_till)
    # Nothing else written: the shop's values from before it added tills.
    assert (values["camera.source"], values["receipt.paper"], values["change.policy"]) == (
        "2",
        "58mm",
        "keep",
    )
    assert (camera, after, back) == ("2", "1", "2")

    async def first_till(app):
        await app.settings.set("receipt.paper", "a4")
        return await app.settings.values()

    values = at(first, first_till)
    assert (values["camera.source"], values["receipt.paper"]) == ("2", "a4")
    paper = at(second, lambda app: app.settings.get("receipt.paper"))
    assert paper == "58mm"  # the first till's new roll is its own


def test_a_settings_file_carries_till_values_that_become_the_importing_tills_own(
    tmp_path, shop_url
):
    first, second = tmp_path / "till1", tmp_path / "till2"
    app, _ = App.init(first, storage_url=shop_url, till_name="Counter 1", trust_env=False)
    asyncio.run(app.aclose())
    join(first, second, tmp_path)
    out = tmp_path / "settings.json"

    async def export_at_first(app):
        await app.settings.set_many({"camera.source": "2", "receipt.paper": "58mm"})
        await SettingsTransfer(app.settings).export(out)

    at(first, export_at_first)
    exported = json.loads(out.read_text())["settings"]
    assert (exported["camera.source"], exported["receipt.paper"]) == ("2", "58mm")

    async def import_at_second(app):
        plan = await SettingsTransfer(app.settings).apply(out.read_bytes())
        return {c["key"] for c in plan.changes}, await app.settings.values()

    changed, values = at(second, import_at_second)
    assert changed == {"camera.source", "receipt.paper"}  # the shop's were already the same
    assert (values["camera.source"], values["receipt.paper"]) == ("2", "58mm")

    async def first_moves_on(app):
        await app.settings.set("camera.source", "5")
        return app.db.till_id

    one = at(first, first_moves_on)
    assert at(second, lambda app: app.settings.get("camera.source")) == "2"  # its own copy
    own = at(
        second,
        lambda app: asyncio.to_thread(
            app.db.transact,
            lambda s: {(r.till_id == one, r.key) for r in s.scalars(select(TillSetting))},
        ),
    )
    assert own == {
        (True, "till.name"),
        (True, "camera.source"),
        (True, "receipt.paper"),
        (False, "till.name"),
        (False, "camera.source"),
        (False, "receipt.paper"),
    }
    # The file's till name is the first till's: the second keeps its own.
    assert at(second, lambda app: app.settings.get("till.name")) == "Counter 2"


def test_config_set_and_list_say_how_far_a_change_reaches(tmp_path, shop_url, pg_server):
    first = tmp_path / "till1"
    app, _ = App.init(first, storage_url=shop_url, till_name="Counter 1", trust_env=False)
    asyncio.run(app.aclose())
    cli = Cli(first, key=os.environ["POS_DB_KEY"], env={"POS_PG_PASSWORD": pg_server.password})

    shop = cli.setup("config", "set", "change.policy", "keep")
    till = cli.setup("config", "set", "camera.source", "3")
    assert shop == {
        "key": "change.policy",
        "value": "keep",
        "scope": "shop",
        "applies_to": "all tills of the shop",
    }
    assert (till["scope"], till["applies_to"]) == ("till", "this till only")
    unset = cli.setup("config", "unset", "camera.source")
    assert (unset["value"], unset["scope"]) == ("0", "till")
    listing = {row["key"]: row["scope"] for row in cli.setup("config", "list")}
    assert (listing["camera.source"], listing["currency"], listing["api.listen"]) == (
        "till",
        "shop",
        "till",
    )


def test_a_till_has_one_name_in_its_settings_its_row_and_its_folder(tmp_path, shop_url):
    first, second = tmp_path / "till1", tmp_path / "till2"
    app, _ = App.init(first, storage_url=shop_url, till_name="Counter 1", trust_env=False)
    asyncio.run(app.aclose())
    join(first, second, tmp_path)
    assert at(second, lambda app: app.settings.get("till.name")) == "Counter 2"

    async def rename(app, name):
        try:
            await app.settings.set("till.name", name)
        except PosError as exc:
            return exc
        return await app.storage_status()

    taken = at(second, lambda app: rename(app, "Counter 1"))
    assert isinstance(taken, PosError) and "Another till" in taken.user_message
    status = at(second, lambda app: rename(app, "Back counter"))
    names = {t["name"]: t["this_till"] for t in status["tills"]}
    assert names == {"Counter 1": False, "Back counter": True}
    assert read_storage(second).till_name == "Back counter"  # the window's title says so
    assert at(first, lambda app: app.settings.get("till.name")) == "Counter 1"

    async def unset(app):
        try:
            await app.settings.unset("till.name")
        except PosError as exc:
            return exc

    kept = at(second, unset)
    assert isinstance(kept, PosError) and kept.code == "config.invalid"
    assert at(second, lambda app: app.settings.get("till.name")) == "Back counter"
