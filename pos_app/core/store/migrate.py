"""Alembic configured in code: no ``alembic.ini`` is needed at run time.

The migration scripts ship inside the package (and the PyInstaller bundle);
:func:`upgrade` is cheap when the schema is already current: it reads the scripts'
``revision`` lines and the database's ``alembic_version`` row itself, and imports
Alembic (0.2 s of every start) only when the schema is behind.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged scripts (and a live connection)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    """The newest revision among the packaged scripts (Alembic's own answer)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def scripts_head(versions: Path = SCRIPTS / "versions") -> str | None:
    """The newest revision read from the scripts' ``revision``/``down_revision`` lines.

    None when the lines do not make one straight chain (a branch, a line written some
    other way): the caller then asks Alembic.
    """
    revisions, parents = set(), set()
    for script in versions.glob("*.py"):
        found = dict(_LINE.findall(script.read_text(encoding="utf-8")))
        revision = found.get("revision", "").strip("\"'")
        if not revision:
            return None
        revisions.add(revision)
        down = found.get("down_revision", "None")
        if down != "None":
            parents.add(down.strip("\"'"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    """The database's ``alembic_version`` row read directly (None: no table or no row)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except (OperationalError, ProgrammingError):  # no such table: an empty database
        return None
    return rows[0][0] if len(rows) == 1 else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (no-op when already there)."""
    if revision == "head":
        head = scripts_head()
        if head is not None and _stored_revision(engine) == head:
            return
        if current_revision(engine) == head_revision():
            return
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def downgrade_to_nothing(engine: Engine) -> None:
    """Undo every migration: the tables, indexes, triggers and functions they made go."""
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
