"""Every migration can be undone step by step and applied again (a rollback of a bad release).

Each downgrade must leave exactly the schema of the revision before it: the
tables and columns seen after ``downgrade(N-1)`` are those seen after a plain
``upgrade(N-1)`` on an empty database.
"""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from pos_app.core.store import migrate
from pos_app.core.store.db import DB_FILE, Database

KEY = bytes(range(32))


def schema(db: Database) -> dict[str, set[str]]:
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        return {
            name: {c["name"] for c in inspector.get_columns(name)}
            for name in inspector.get_table_names()
            if name != "alembic_version"
        }


def test_each_downgrade_restores_the_previous_schema(tmp_path):
    revisions = [
        s.revision
        for s in reversed(
            list(ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions())
        )
    ]
    assert len(revisions) >= 3
    expected: dict[str, dict[str, set[str]]] = {"base": {}}
    for revision in revisions:
        fresh = Database(tmp_path / f"{revision}-{DB_FILE}", KEY, create=True)
        migrate.upgrade(fresh.engine, revision)
        expected[revision] = schema(fresh)
        fresh.close()

    db = Database(tmp_path / DB_FILE, KEY, create=True)
    db.migrate()
    for previous in ["base", *revisions][-2::-1]:
        with db.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), previous)
        assert schema(db) == expected[previous], previous
        assert migrate.current_revision(db.engine) == (None if previous == "base" else previous)
    db.migrate()
    assert schema(db) == expected[revisions[-1]]
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()
