"""The order of the trusted mints: 1, 2, 3... without gaps, kept through every change."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text

from pos_app.cli.wallet_cmds import mints_text
from pos_app.core.errors import ValidationError
from pos_app.core.store import migrate
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import Mint
from pos_app.core.wallet.mints import MintDirectory, trusted_in_priority

KEY = bytes(range(32))


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / DB_FILE, KEY, create=True)
    database.migrate()
    yield database
    database.close()


@pytest.fixture
def directory(db):
    return MintDirectory(db, pool=None)  # type: ignore[arg-type]  # no network here


def url(n: int) -> str:
    return f"https://m{n}.example"


def add(db: Database, directory: MintDirectory, *numbers: int, trusted: bool = True) -> None:
    """Known mints, trusted (or not) as the directory's ``add`` stores them."""

    def write(session):
        for n in numbers:
            row = Mint(url=url(n), trusted=False)
            session.add(row)
            session.flush()
            directory.set_trusted(session, row.url, trusted)

    db.transact(write)


def order(db: Database) -> list[tuple[str, int]]:
    return db.transact(lambda s: [(m.url[8:10], m.priority) for m in trusted_in_priority(s)])


def move(db: Database, directory: MintDirectory, n: int, position: int) -> None:
    db.transact(lambda s: directory.set_priority(s, url(n), position))


def test_new_trusted_mints_go_last_and_untrusted_ones_have_no_place(db, directory):
    add(db, directory, 1, 2)
    add(db, directory, 3, trusted=False)
    add(db, directory, 4)
    assert order(db) == [("m1", 1), ("m2", 2), ("m4", 3)]
    listed = db.transact(directory.list)
    assert [(m["url"], m["priority"], m["trusted"]) for m in listed] == [
        (url(1), 1, True),
        (url(2), 2, True),
        (url(4), 3, True),
        (url(3), None, False),
    ]


def test_moving_a_mint_renumbers_the_others_densely(db, directory):
    add(db, directory, 1, 2, 3, 4)
    move(db, directory, 4, 1)
    assert order(db) == [("m4", 1), ("m1", 2), ("m2", 3), ("m3", 4)]
    move(db, directory, 4, 3)
    assert order(db) == [("m1", 1), ("m2", 2), ("m4", 3), ("m3", 4)]
    move(db, directory, 1, 4)
    assert order(db) == [("m2", 1), ("m4", 2), ("m3", 3), ("m1", 4)]
    move(db, directory, 3, 99)  # past the end: last
    assert order(db) == [("m2", 1), ("m4", 2), ("m1", 3), ("m3", 4)]
    move(db, directory, 2, 1)  # already there: nothing changes
    assert order(db) == [("m2", 1), ("m4", 2), ("m1", 3), ("m3", 4)]


def test_trust_changes_keep_the_order_dense(db, directory):
    add(db, directory, 1, 2, 3)
    db.transact(lambda s: directory.set_trusted(s, url(2), False))
    assert order(db) == [("m1", 1), ("m3", 2)]
    db.transact(lambda s: directory.set_trusted(s, url(2), True))  # trusted again: last
    assert order(db) == [("m1", 1), ("m3", 2), ("m2", 3)]
    db.transact(lambda s: directory.set_trusted(s, url(3), True))  # still trusted: stays
    assert order(db) == [("m1", 1), ("m3", 2), ("m2", 3)]
    db.transact(lambda s: directory.remove(s, url(1)))  # holds nothing: forgotten
    assert order(db) == [("m3", 1), ("m2", 2)]
    assert db.transact(lambda s: s.scalar(select(Mint.priority).where(Mint.url == url(1)))) is None


@pytest.mark.parametrize("position", [0, -1, True, "2", 1.0])
def test_a_position_is_a_whole_number_from_one(db, directory, position):
    add(db, directory, 1, 2)
    with pytest.raises(ValidationError) as err:
        db.transact(lambda s: directory.set_priority(s, url(1), position))
    assert err.value.code == "mint.priority_invalid"
    assert err.value.user_message == "The position must be a whole number, 1 for the first mint."
    assert order(db) == [("m1", 1), ("m2", 2)]


def test_unknown_and_untrusted_mints_cannot_be_placed(db, directory):
    add(db, directory, 1)
    add(db, directory, 2, trusted=False)
    with pytest.raises(ValidationError) as unknown:
        move(db, directory, 9, 1)
    assert (unknown.value.code, unknown.value.detail) == ("mint.unknown", url(9))
    with pytest.raises(ValidationError) as untrusted:
        move(db, directory, 2, 1)
    assert untrusted.value.code == "mint.not_trusted"
    assert untrusted.value.user_message == (
        "Only trusted mints have a place in the order. Trust this mint first."
    )
    assert order(db) == [("m1", 1)]


def test_the_migration_orders_existing_trusted_mints_as_they_were_added(tmp_path):
    db = Database(tmp_path / DB_FILE, KEY, create=True)
    migrate.upgrade(db.engine, "0009")
    with db.engine.begin() as conn:
        for mint_id, trusted in ((5, True), (2, False), (7, True), (3, True)):
            conn.execute(
                insert(Mint.__table__).values(
                    id=mint_id,
                    url=url(mint_id),
                    trusted=trusted,
                    name="",
                    status="unknown",
                    added_at=0,
                    updated_at=0,
                )
            )
    migrate.upgrade(db.engine, "0010")
    with db.engine.connect() as conn:
        got = conn.execute(text("SELECT id, priority FROM mints ORDER BY id")).all()
    db.close()
    assert [tuple(r) for r in got] == [(2, None), (3, 1), (5, 2), (7, 3)]


def test_the_mints_list_for_a_person_numbers_the_trusted_ones():
    text = mints_text(
        [
            {"url": url(2), "trusted": True, "priority": 1, "name": "Two", "status": "online",
             "units": ["sat", "usd"]},
            {"url": url(1), "trusted": True, "priority": 2, "name": "", "status": "offline",
             "units": ["sat"]},
            {"url": url(3), "trusted": False, "priority": None, "name": "Three",
             "status": "unknown", "units": []},
        ]
    )  # fmt: skip
    assert text.splitlines() == [
        f"1. Two  {url(2)}  (sat, usd; online)",
        f"2. {url(1)}  {url(1)}  (sat; offline)",
        f"- Three  {url(3)}  (no units; not trusted)",
    ]
    assert mints_text([]) == "no mints"
