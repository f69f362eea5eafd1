"""The store on a real PostgreSQL server: the same schema, and one writer's guarantees across tills.

Several tills share one database. On SQLite one write lock made the core's
read-then-write code atomic; on PostgreSQL SERIALIZABLE transactions that the
store runs again after a conflict must give the same results. These tests open
several :class:`Database` objects on one server (each one a till) and make them
collide on purpose.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time

import pytest
from alembic import command
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from pos_app.core.errors import NetworkError, StorageError
from pos_app.core.store import migrate
from pos_app.core.store.copy import copy_rows
from pos_app.core.store.db import DB_FILE, SERIALIZATION_TRIES, Database
from pos_app.core.store.schema import (
    Counter,
    KeysetRow,
    Mint,
    Payment,
    PaymentSum,
    Sale,
    SalesSum,
    VatSum,
    all_tables,
)
from pos_app.core.wallet import journal
from tests.support.report_history import history
from tests.support.testmint import free_port

pytestmark = pytest.mark.pg

KID = "01" + "00" * 32
SQLITE_KEY = bytes(range(32))


def shape(db: Database) -> dict[str, tuple[set[str], set[str], set[tuple[str, ...]]]]:
    """Each table's columns, index names and unique column sets."""
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        return {
            name: (
                {c["name"] for c in inspector.get_columns(name)},
                {
                    i["name"]
                    for i in inspector.get_indexes(name)
                    if not i.get("duplicates_constraint")  # PostgreSQL's index of a UNIQUE
                },
                {tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)},
            )
            for name in inspector.get_table_names()
            if name != "alembic_version"
        }


def migrated(url: str) -> Database:
    db = Database.postgresql(url)
    db.migrate()
    return db


def with_keyset(db: Database) -> None:
    def setup(session):
        session.add(Mint(id=1, url="https://m", trusted=True))
        session.flush()
        session.add(KeysetRow(id=KID, mint_id=1, unit="sat"))

    db.transact(setup)


def test_migrations_make_the_models_and_the_same_schema_as_sqlite(pg_url, tmp_path):
    db = migrated(pg_url)
    assert db.backend == "postgresql"
    on_pg = shape(db)
    assert set(on_pg) == set(all_tables().tables)
    for name, table in all_tables().tables.items():
        assert on_pg[name][0] == set(table.columns.keys()), name
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()

    lite = Database(tmp_path / DB_FILE, SQLITE_KEY, create=True)
    lite.migrate()
    assert on_pg == shape(lite)  # same columns and the same indexes on both
    lite.close()


def test_each_downgrade_and_upgrade_runs_on_postgresql(pg_url):
    db = migrated(pg_url)
    head = shape(db)
    with db.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    assert shape(db) == {}
    db.migrate()
    assert shape(db) == head
    db.close()


def test_two_tills_reserving_counters_never_get_the_same_one(pg_server):
    url = pg_server.url(pg_server.create_database())
    tills = [migrated(url)] + [Database.postgresql(url) for _ in range(3)]
    with_keyset(tills[0])
    start = threading.Barrier(len(tills))

    def reserve(db: Database) -> list[int]:
        start.wait()
        return [db.transact(lambda s: journal.reserve_counters(s, KID, 3)) for _ in range(40)]

    with concurrent.futures.ThreadPoolExecutor(len(tills)) as pool:
        got = [n for part in pool.map(reserve, tills) for n in part]
    assert sorted(got) == list(range(0, 3 * 40 * len(tills), 3))
    with tills[0].read() as session:
        assert session.get(Counter, KID).next_counter == 3 * 40 * len(tills)
    for db in tills:
        db.close()


def test_a_conflicting_transaction_runs_again_with_fresh_reads(pg_url):
    first, second = migrated(pg_url), Database.postgresql(pg_url)
    with_keyset(first)
    first.transact(lambda s: journal.reserve_counters(s, KID, 1))
    inside, go_on = threading.Event(), threading.Event()
    runs: list[int] = []

    def slow_reserve(session):
        seen = session.get(Counter, KID).next_counter
        runs.append(seen)
        if len(runs) == 1:  # the first run waits while the other till takes counters
            inside.set()
            go_on.wait(10)
        session.get(Counter, KID).next_counter = seen + 10
        return seen

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        late = pool.submit(first.transact, slow_reserve)
        assert inside.wait(10)
        assert second.transact(lambda s: journal.reserve_counters(s, KID, 5)) == 1
        go_on.set()
        assert late.result(30) == 6  # its first run read 1 and was aborted
    assert runs == [1, 6]
    with first.read() as session:
        assert session.get(Counter, KID).next_counter == 16
    first.close()
    second.close()


def test_conflicts_are_retried_a_bounded_number_of_times(pg_url):
    db = migrated(pg_url)
    calls: list[int] = []

    class Conflict(Exception):
        sqlstate = "40001"

    def always_conflicts(session):
        calls.append(1)
        raise DBAPIError("UPDATE …", None, Conflict())

    with pytest.raises(DBAPIError):
        db.transact(always_conflicts)
    assert len(calls) == SERIALIZATION_TRIES

    class Broken(Exception):
        sqlstate = "23505"  # a unique violation is a bug or bad data: never run again

    def breaks(session):
        calls.append(1)
        raise DBAPIError("INSERT …", None, Broken())

    calls.clear()
    with pytest.raises(DBAPIError):
        db.transact(breaks)
    assert len(calls) == 1
    db.close()


def test_tills_that_keep_colliding_queue_up_instead_of_running_out_of_tries(pg_server):
    # A read-then-write of one hot row (as the audit chain's head or an hour's report sums
    # are): on four tills at once nearly every first try conflicts. Retries queue behind
    # the shop-wide lock, so every transaction ends, and none is lost.
    url = pg_server.url(pg_server.create_database())
    tills = [migrated(url)] + [Database.postgresql(url) for _ in range(3)]
    with_keyset(tills[0])
    tills[0].transact(lambda s: journal.reserve_counters(s, KID, 1))  # the row, at 1
    start = threading.Barrier(len(tills))
    tries: list[int] = []

    def bump(session):
        tries.append(1)
        row = session.get(Counter, KID)
        time.sleep(0.01)  # the work between the read and the write: others commit meanwhile
        row.next_counter += 1

    def work(db: Database) -> None:
        start.wait()
        for _ in range(40):
            db.transact(bump)

    with concurrent.futures.ThreadPoolExecutor(len(tills)) as pool:
        for done in [pool.submit(work, db) for db in tills]:
            done.result(120)
    with tills[0].read() as session:
        assert session.get(Counter, KID).next_counter == 1 + 40 * len(tills)
    assert len(tries) > 40 * len(tills)  # they did collide
    for db in tills:
        db.close()


def test_a_retry_waits_for_the_tries_under_way_and_reads_after_them(pg_url):
    first, second = migrated(pg_url), Database.postgresql(pg_url)
    with_keyset(first)
    inside, go_on = threading.Event(), threading.Event()
    runs: list[int] = []

    class Conflict(Exception):
        sqlstate = "40001"

    def slow_first_try(session):  # another till's transaction, under way
        inside.set()
        assert go_on.wait(10)
        return journal.reserve_counters(session, KID, 7)

    def conflicts_once(session):
        row = session.get(Counter, KID)
        runs.append(row.next_counter if row is not None else 0)
        if len(runs) == 1:
            raise DBAPIError("UPDATE …", None, Conflict())
        return runs[-1]

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        other = pool.submit(first.transact, slow_first_try)
        assert inside.wait(10)
        waiting = pool.submit(second.transact, conflicts_once)
        with pytest.raises(concurrent.futures.TimeoutError):
            waiting.result(0.5)
        assert runs == [0]  # its first try ran beside the other; its retry waits
        go_on.set()
        assert other.result(10) == 0
        assert waiting.result(10) == 7  # it ran after the other's commit, and saw it
    first.close()
    second.close()


def test_transactions_are_serializable(pg_url):
    db = migrated(pg_url)
    level = db.transact(lambda s: s.execute(text("SHOW transaction_isolation")).scalar_one())
    assert level == "serializable"
    db.close()


def test_a_wrong_password_or_no_server_is_a_clear_error_without_the_password(pg_server):
    name = pg_server.create_database()
    wrong = pg_server.url(name).replace(pg_server.password, "not-the-password")
    with pytest.raises(StorageError) as err:
        Database.postgresql(wrong)
    # The same codes as the setup wizard's connection test (core/store/pg_errors.py).
    assert err.value.code == "storage.pg_auth"
    assert "not-the-password" not in str(err.value.detail)
    assert "authentication failed" in str(err.value.detail)
    assert err.value.__cause__ is None and err.value.__suppress_context__

    with pytest.raises(NetworkError) as err:
        Database.postgresql(
            f"postgresql+psycopg://u:secret@127.0.0.1:{free_port()}/x?connect_timeout=2"
        )
    assert err.value.code == "storage.pg_unreachable"
    assert "secret" not in str(err.value.detail)

    gone = pg_server.url(name).rsplit("/", 1)[0] + "/no_such_database"
    with pytest.raises(StorageError) as err:
        Database.postgresql(gone)
    assert err.value.code == "storage.pg_no_database"
    assert pg_server.password not in str(err.value.detail)


def test_the_store_works_through_the_database_thread(pg_url):
    db = migrated(pg_url)
    with_keyset(db)

    async def body():
        return await db.run(lambda s: s.execute(select(KeysetRow.id)).scalars().all())

    assert asyncio.run(body()) == [KID]
    db.close()


def test_a_wallet_copied_onto_postgresql_has_every_row_and_the_same_sums(pg_url, tmp_path):
    lite = Database(tmp_path / DB_FILE, SQLITE_KEY, create=True)
    lite.migrate()
    sales, payments = history(seed=5)

    def write(session):
        session.add_all(Sale(**s) for s in sales)
        session.flush()
        session.add_all(Payment(**p) for p in payments)
        session.add(Mint(id=1, url="https://m", trusted=True))

    lite.transact(write)
    target = migrated(pg_url)
    counts = copy_rows(lite, target)
    assert (counts["sales"], counts["payments"], counts["mints"]) == (
        len(sales),
        len(payments),
        1,
    )

    def everything(session):
        return {
            model.__tablename__: sorted(
                tuple(getattr(row, c.key) for c in model.__table__.columns)
                for row in session.scalars(select(model))
            )
            for model in (Sale, Payment, SalesSum, VatSum, PaymentSum)
        }

    assert target.transact(everything) == lite.transact(everything)
    # The ids go on after the copied ones: the next mint gets a new id.
    target.transact(lambda s: s.add(Mint(url="https://n", trusted=True)))
    with target.read() as session:
        assert sorted(session.scalars(select(Mint.id))) == [1, 2]
    unmigrated = Database.postgresql(pg_url.rsplit("/", 1)[0] + "/postgres")
    with pytest.raises(ValueError, match="same schema revision"):
        copy_rows(lite, unmigrated)
    unmigrated.close()
    lite.close()
    target.close()
