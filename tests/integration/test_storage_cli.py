"""The storage commands as an admin types them: a shop on PostgreSQL, joined and moved to."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from pos_app.app import App
from pos_app.core.errors import NetworkError
from pos_app.core.store.storage import STORAGE_FILE, read_storage, write_storage
from tests.support.cli import Cli, run_pos_app
from tests.support.testmint import free_port

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


def plain(url: str) -> str:
    """``url`` as an admin types it (``postgresql://``, not SQLAlchemy's driver name)."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def files_holding(folder: Path, text: str) -> list[str]:
    """The files under ``folder`` (logs among them) in which ``text`` appears."""
    return [str(p) for p in folder.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def test_a_wrong_password_or_no_server_is_said_as_the_wizard_says_it(tmp_path, pg_server):
    # The store's opening says what the wizard's connection test says (core/store/pg_errors).
    url = plain(pg_server.url(pg_server.create_database(), password=False))
    wrong = "not-the-password-" + pg_server.password
    till = Cli(tmp_path / "till", env={"POS_PG_PASSWORD": wrong})
    refused = till.run("init", "--storage", url)
    assert (refused.rc, refused.error_code) == (1, "storage.pg_auth"), str(refused)
    assert "password authentication failed" in refused.json["error"]["detail"]
    assert wrong not in refused.stdout + refused.stderr
    assert (till.data_dir / "logs").is_dir() and files_holding(till.data_dir, wrong) == []
    assert not (till.data_dir / STORAGE_FILE).exists()  # nothing half-made

    nobody = f"postgresql://{pg_server.user}@127.0.0.1:{free_port()}/shop"
    away = Cli(tmp_path / "away", env={"POS_PG_PASSWORD": pg_server.password}).run(
        "init", "--storage", nobody
    )
    assert (away.rc, away.error_code) == (1, "storage.pg_unreachable"), str(away)
    assert away.json["error"]["category"] == "network"


def test_a_till_whose_server_has_gone_away_says_so_at_start(tmp_path, pg_server, monkeypatch):
    env = {"POS_PG_PASSWORD": pg_server.password}
    till = Cli(tmp_path / "till", env=env)
    till.setup(
        "init", "--storage", plain(pg_server.url(pg_server.create_database(), password=False))
    )
    kept = read_storage(till.data_dir)
    assert kept.url is not None
    # The server moved or stopped: storage.json now names a port where nothing listens.
    gone = make_url(kept.url).set(port=free_port()).render_as_string(hide_password=False)
    write_storage(till.data_dir, replace(kept, url=gone))

    res = till.run("wallet", "balance")
    assert (res.rc, res.error_code) == (1, "storage.pg_unreachable"), str(res)
    human = run_pos_app(
        ["--data-dir", str(till.data_dir), "wallet", "balance"],
        env={**os.environ, "POS_DB_KEY": till.key, **env},
    )
    assert human.rc == 1 and "Traceback" not in human.stderr
    assert human.stderr.startswith("error: No database server answers at that address."), human
    # ... and the till's log keeps why, with the address, for whoever looks later.
    logged = files_holding(till.data_dir / "logs", "wallet refused: storage.pg_unreachable ")
    assert logged and files_holding(till.data_dir / "logs", f":{make_url(gone).port}/"), logged

    # The desktop app opens through App.open, in a worker: the same error reaches its dialog.
    monkeypatch.setenv("POS_DB_KEY", till.key)
    monkeypatch.setenv("POS_PG_PASSWORD", pg_server.password)
    with pytest.raises(NetworkError) as err:
        App.open(till.data_dir, trust_env=False)
    assert err.value.code == "storage.pg_unreachable"
    assert f":{make_url(gone).port}/" in err.value.detail
