"""The storage commands as an admin types them: a shop on PostgreSQL, joined and moved to."""

from __future__ import annotations

import json

import pytest

from tests.support.cli import Cli

pytestmark = pytest.mark.pg

PASSPHRASE = "enrol passphrase 7"


def test_a_shop_is_created_joined_listed_and_a_till_moved_onto_it(tmp_path, pg_server):
    env = {"POS_PG_PASSWORD": pg_server.password, "POS_ENROL_PASSPHRASE": PASSPHRASE}
    url = pg_server.url(pg_server.create_database(), password=False).replace(
        "postgresql+psycopg://", "postgresql://"
    )
    first = Cli(tmp_path / "till1", env=env)
    made = first.ok("init", "--storage", url, "--till-name", "Counter 1")
    assert (made["created"], made["storage"], made["till"]) == (True, "postgresql", "Counter 1")
    assert pg_server.password not in json.dumps(made)

    card = tmp_path / "usb" / "enrol.json"
    unplugged = first.run("storage", "enrol", "--out", str(card))
    assert unplugged.rc == 1 and unplugged.error_code == "storage.enrol_unwritable"
    card.parent.mkdir()  # the stick is plugged in
    assert first.ok("storage", "enrol", "--out", str(card))["file"] == str(card)
    second = Cli(tmp_path / "till2", env=env)
    joined = second.ok("init", "--enrol", str(card), "--till-name", "Counter 2")
    assert (joined["created"], joined["till"]) == (True, "Counter 2")
    wrong = Cli(tmp_path / "till3", env={**env, "POS_ENROL_PASSPHRASE": "not the one!"})
    refused = wrong.run("init", "--enrol", str(card))
    assert refused.rc == 1 and refused.error_code == "storage.enrol_bad_passphrase"

    status = second.ok("storage", "status")
    assert [(t["name"], t["this_till"]) for t in status["tills"]] == [
        ("Counter 1", False),
        ("Counter 2", True),
    ]
    assert second.ok("wallet", "balance")["total"] == {}

    own = Cli(tmp_path / "till4", env=env)
    own.ok("init")
    assert own.ok("storage", "status")["backend"] == "sqlite"
    taken = own.run("storage", "migrate", "--to", "postgresql", url)
    assert taken.rc == 1 and taken.error_code == "storage.shop_exists"
    fresh = pg_server.url(pg_server.create_database(), password=False)
    moved = own.ok("storage", "migrate", "--to", "postgresql", fresh, "--till-name", "Back room")
    assert moved["till_name"] == "Back room" and moved["copied"]["secrets"] == 1
    after = own.ok("storage", "status")
    assert (after["backend"], after["till_name"]) == ("postgresql", "Back room")
    not_pg = own.run("storage", "migrate", "--to", "mysql", fresh)
    assert not_pg.rc == 1 and not_pg.error_code == "storage.bad_url"
