"""The audit log's hash chain: written as entries come, and broken by any edit.

An edited entry, one taken out of the middle, two swapped, or an entry written
around the app (raw SQL) are found by ``verify`` at the first entry that does not
follow; entries written by two database handles on one file (the GUI and the
command line) and in several flushes still form one chain; a wallet from before
the chain existed is chained by its migration.
"""

from __future__ import annotations

import asyncio
import csv

import pytest
from sqlalchemy import text

from pos_app.core.audit import AuditFilter, AuditLog
from pos_app.core.store import auditchain, migrate
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import AuditEntry
from pos_app.core.wallet import journal

KEY = bytes(range(32))


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / DB_FILE, KEY, create=True)
    database.migrate()
    yield database
    database.close()


def write(db, *actions, per_transaction=1):
    """Audit entries as the app writes them: ``journal.audit`` in transactions."""
    for start in range(0, len(actions), per_transaction):

        def add(session, chunk=actions[start : start + per_transaction]):
            for i, action in enumerate(chunk):
                journal.audit(session, action, f"subject-{i}", {"amount": i}, correlation_id="c")
                if i % 2:
                    session.flush()  # several flushes in one transaction

        db.transact(add)


def verdict(db):
    return db.transact(auditchain.verify_session)


def test_entries_are_chained_as_they_are_written(db):
    write(db, "a.one", "a.two", "b.three", "b.four", "c.five", per_transaction=2)
    result = verdict(db)
    assert result.ok and result.entries == 5 and result.head_id == 5
    rows = db.transact(
        lambda s: s.execute(text("SELECT id, chain FROM audit_log ORDER BY id")).all()
    )
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5]
    assert len({r[1] for r in rows}) == 5 and all(len(r[1]) == 64 for r in rows)
    assert db.transact(auditchain.head) == (5, rows[-1][1])


def test_two_handles_on_one_file_write_one_chain(tmp_path, db):
    other = Database(tmp_path / DB_FILE, KEY)
    try:
        write(db, "gui.one")
        write(other, "cli.one", "cli.two")
        write(db, "gui.two")
    finally:
        other.close()
    assert verdict(db).ok and verdict(db).entries == 4


@pytest.mark.parametrize(
    ("tamper", "broken_at"),
    [
        ("UPDATE audit_log SET details_json = '{\"amount\": 99}' WHERE id = 3", 3),
        ("UPDATE audit_log SET at = at + 1 WHERE id = 2", 2),
        ("UPDATE audit_log SET actor = 'mallory' WHERE id = 4", 4),
        ("DELETE FROM audit_log WHERE id = 3", 4),
        ("UPDATE audit_log SET chain = NULL WHERE id = 5", 5),
    ],
)
def test_an_edited_or_deleted_entry_breaks_the_chain_where_it_happened(db, tamper, broken_at):
    write(db, "a", "b", "c", "d", "e", "f")
    db.transact(lambda s: s.execute(text(tamper)))
    result = verdict(db)
    assert not result.ok and result.broken_at == broken_at
    assert result.head_id == broken_at - 1 - (1 if tamper.startswith("DELETE") else 0)


def test_two_swapped_entries_break_the_chain(db):
    write(db, "first", "second", "third")
    swap = (
        "UPDATE audit_log SET action = CASE id WHEN 1 THEN 'second' ELSE 'first' END, "
        "chain = CASE id WHEN 1 THEN (SELECT chain FROM audit_log WHERE id = 2) "
        "ELSE (SELECT chain FROM audit_log WHERE id = 1) END WHERE id IN (1, 2)"
    )
    db.transact(lambda s: s.execute(text(swap)))
    assert verdict(db).broken_at == 1


def test_an_entry_slipped_in_around_the_app_is_found(db):
    write(db, "a", "b")
    db.transact(
        lambda s: s.execute(
            text(
                "INSERT INTO audit_log (at, actor, action, details_json) VALUES (1, 'x', 'y', '{}')"
            )
        )
    )
    result = verdict(db)
    assert (result.broken_at, result.reason) == (3, "not chained")


def test_the_migration_chains_a_log_written_before_it(tmp_path):
    old = Database(tmp_path / "old.db", KEY, create=True)
    try:
        migrate.upgrade(old.engine, "0010")
        with old.engine.begin() as conn:
            for i in range(4):
                conn.execute(
                    text(
                        "INSERT INTO audit_log (at, actor, action, subject, details_json) "
                        "VALUES (:at, 'system', :action, NULL, '{}')"
                    ),
                    {"at": 1000 + i, "action": f"old.{i}"},
                )
        old.migrate()
        assert verdict(old).ok and verdict(old).entries == 4
        write(old, "new.one")
        assert verdict(old).ok and verdict(old).entries == 5
    finally:
        old.close()


def test_the_log_is_listed_filtered_and_exported(tmp_path, db):
    write(db, "melt.done", "melt.failed", "receive.done", "melt.done")
    log = AuditLog(db)

    async def run():
        melts = await log.list(AuditFilter(action="melt."))
        done = await log.list(AuditFilter(action="melt.done", limit=1))
        none = await log.list(AuditFilter(actor="nobody"))
        path = await log.export_csv(tmp_path / "audit.csv", AuditFilter(action="melt."))
        return melts, done, none, path, await log.head(), (await log.verify()).ok

    melts, done, none, path, head, ok = asyncio.run(run())
    assert [e["action"] for e in melts] == ["melt.done", "melt.failed", "melt.done"]
    assert [e["id"] for e in done] == [4] and none == []
    assert melts[0]["details"] == {"amount": 0} and melts[0]["id"] == 4  # newest first
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["action"] for r in rows] == ["melt.done", "melt.failed", "melt.done"]
    assert [int(r["id"]) for r in rows] == [1, 2, 4]  # oldest first
    assert head["id"] == 4 and ok
    assert not (tmp_path / "audit.csv.part").exists()


def test_an_entry_added_by_the_orm_directly_is_chained_too(db):
    db.transact(lambda s: s.add(AuditEntry(action="direct")))
    db.transact(lambda s: s.add_all([AuditEntry(action="x"), AuditEntry(action="y")]))
    result = verdict(db)
    assert result.ok and result.entries == 3
