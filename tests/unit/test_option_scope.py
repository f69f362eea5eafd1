"""Options are the shop's or one till's: declared per option, listed in the docs, and a
single till on its own file keeps every value in ``settings`` as before (issue 20)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select, text

from pos_app.core.config import OPTIONS, SCOPES, TILL, Config, Option
from pos_app.core.store import migrate
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import Setting, Till, TillSetting

KEY = bytes(range(32))
DOCS = Path(__file__).resolve().parents[2] / "docs" / "several-tills.md"


def test_every_option_declares_a_scope_and_the_docs_list_the_till_ones():
    assert {o.scope for o in OPTIONS.values()} == set(SCOPES)
    section = DOCS.read_text(encoding="utf-8").split("## Settings: this till's")[1]
    section = section.split("\n## ")[0]
    documented = set(re.findall(r"`([a-z_]+\.[a-z_.]+|language)`", section))
    till = {k for k, o in OPTIONS.items() if o.scope == TILL}
    assert till <= documented  # every till option is named on the IT page
    assert documented & set(OPTIONS) == till  # and no shop option is named as a till's
    # The money rules are the shop's, at every till.
    assert not till & {"mode", "currency", "fees.max_mint_fee_pct", "vat.rates", "shop.name"}


@pytest.mark.parametrize("scope", ["", "everywhere"])
def test_an_option_must_say_whether_it_is_the_shops_or_a_tills(scope):
    with pytest.raises(ValueError, match="scope"):
        Option("x.y", "str", "", "X", "An x.", "Shop", scope=scope)


def rows(db: Database) -> tuple[dict[str, str], list[tuple[str, str]]]:
    def read(session):
        shop = {r.key: r.value_json for r in session.scalars(select(Setting))}
        own = [(r.till_id, r.key) for r in session.scalars(select(TillSetting))]
        return shop, own

    return db.transact(read)


def test_the_migration_leaves_a_single_tills_values_where_they_were(tmp_path):
    path = tmp_path / DB_FILE
    db = Database(path, KEY, create=True)
    migrate.upgrade(db.engine, "0026")
    with db.engine.begin() as conn:
        for key, value in (
            ("camera.source", "2"),
            ("display.kiosk", True),
            ("mode", "auto_convert"),
        ):
            conn.execute(
                text("INSERT INTO settings (key, value_json, updated_at) VALUES (:k, :v, 7)"),
                {"k": key, "v": json.dumps(value)},
            )
    with db.engine.connect() as conn:
        before = dict(conn.execute(text("SELECT key, value_json FROM settings")).all())
    migrate.upgrade(db.engine, "0027")
    db.close()
    db = Database(path, KEY)
    db.migrate()
    try:
        assert rows(db) == (before, [])
        values = db.transact(lambda s: Config().values(s, ["camera.source", "display.kiosk"]))
        assert values == {"camera.source": "2", "display.kiosk": True}
    finally:
        db.close()


@pytest.fixture
def db(tmp_path):
    db = Database(tmp_path / DB_FILE, KEY, create=True)
    db.migrate()
    yield db
    db.close()


def test_a_single_till_keeps_till_options_in_settings(db):
    config = Config()
    assert db.till_id is None
    db.transact(lambda s: config.set_many(s, {"camera.source": "1", "change.policy": "keep"}))
    assert rows(db) == ({"camera.source": '"1"', "change.policy": '"keep"'}, [])
    db.transact(lambda s: config.unset(s, "camera.source"))
    assert db.transact(lambda s: config.get(s, "camera.source")) == "0"  # the default


def test_a_till_reads_its_own_value_then_the_shop_wide_one_then_the_default(db):
    # The till's id rides on the sessions (a shared store's; the same code on any store).
    config = Config()
    db.transact(lambda s: config.set(s, "receipt.paper", "58mm"))  # before the shop had tills
    db.transact(lambda s: s.add(Till(id="t-1", name="Counter 1")))
    db.stamp_till("t-1")

    def read(session):
        keys = ["receipt.paper", "camera.source", "change.policy"]
        return [config.get(session, k) for k in keys], config.values(session, keys)

    one, many = db.transact(read)
    assert one == list(many.values()) == ["58mm", "0", "return"]
    db.transact(lambda s: config.set_many(s, {"receipt.paper": "a4", "change.policy": "keep"}))
    one, many = db.transact(read)
    assert one == list(many.values()) == ["a4", "0", "keep"]
    shop, own = rows(db)
    assert (shop, own) == (
        {"receipt.paper": '"58mm"', "change.policy": '"keep"'},
        [("t-1", "receipt.paper")],
    )
    db.transact(lambda s: config.unset(s, "receipt.paper"))
    assert db.transact(lambda s: config.get(s, "receipt.paper")) == "58mm"
