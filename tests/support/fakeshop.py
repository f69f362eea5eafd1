"""A shop wallet wired to fake mints, opened in milliseconds for fast tests.

Creating a wallet runs every migration (about half a second); :func:`opened_shop`
copies a wallet made once per test process instead, and opens the copy through
:class:`~pos_app.app.App` (the composition root) with the fake mints' transport.
Every shop shares the template's seed; each test makes its own fake mints, so
the outputs it signs never meet another test's.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select

from pos_app.app import App
from pos_app.core import faults
from pos_app.core.events import Event
from pos_app.core.store.copy import copy_rows
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.keys import parse_hex_key
from pos_app.core.store.schema import AuditEntry
from pos_app.core.training.environment import MARKER
from tests.support.fakemint import FakeMint, transport

if TYPE_CHECKING:
    from tests.support.pgserver import PgServer

# The database key of every shop copied from the template (tests set POS_DB_KEY to it).
DB_KEY = os.urandom(32).hex()
# The shop key sealing the secrets of every PostgreSQL shop of this test process (the
# template's key check is made with it, so a shop opened with another key fails).
SEALING_KEY = os.urandom(32)
# Where shops are kept: None for their SQLite file (the default), else a function giving
# a new PostgreSQL database at the newest schema (the ``store`` fixture of tests/conftest.py
# sets it for tests marked ``both_stores``).
new_pg_database: Callable[[], str] | None = None
_template: Path | None = None
T = TypeVar("T")


def _template_dir() -> Path:
    global _template
    if _template is None:
        target = Path(tempfile.mkdtemp(prefix="pos-shop-template-")) / "wallet"
        old = os.environ.get("POS_DB_KEY")
        os.environ["POS_DB_KEY"] = DB_KEY
        try:
            app, _ = App.init(target, trust_env=False)
            # Nothing was sent or queued: closing the store is all (no event loop needed).
            app.notifications.close()
            app.db.close()
        finally:
            if old is None:
                os.environ.pop("POS_DB_KEY", None)
            else:
                os.environ["POS_DB_KEY"] = old
        _template = target
        # One template per test process, removed with it.
        atexit.register(shutil.rmtree, target.parent, ignore_errors=True)
    return _template


def shops_on(server: PgServer) -> Callable[[], str]:
    """For :data:`new_pg_database`: new shop databases on ``server``, copies of one template.

    The template is migrated and given the shop key check once per server and process.
    """
    template = server.template("pos_template", _migrate_template)
    return lambda: server.url(server.create_database(template=template))


def _migrate_template(url: str) -> None:
    db = Database.postgresql(url, sealing_key=SEALING_KEY)
    try:
        db.migrate()
        db.create_check()
    finally:
        db.close()


def _open(data_dir: Path, mints: tuple[FakeMint, ...]) -> App:
    # The copy is at the newest schema: App itself, without App.open's migration check
    # (loading the migration scripts would be a good part of a fast test).
    db = Database(data_dir / DB_FILE, parse_hex_key(os.environ["POS_DB_KEY"]))
    if new_pg_database is not None:
        db = _onto_postgresql(db, new_pg_database())
    try:
        return App(data_dir, db, trust_env=False, transport=transport(*mints))
    except BaseException:
        db.close()
        raise


def _onto_postgresql(lite: Database, url: str) -> Database:
    """The shop's rows moved from its SQLite file into a PostgreSQL database at ``url``."""
    try:
        target = Database.postgresql(url, sealing_key=SEALING_KEY)
        try:
            copy_rows(lite, target)
        except BaseException:
            target.close()
            raise
    finally:
        lite.close()
    return target


def open_shop(data_dir: Path, *mints: FakeMint, training: bool = False) -> App:
    """A fresh shop wallet in ``data_dir`` whose mint traffic goes to ``mints``.

    The caller must have set ``POS_DB_KEY`` to :data:`DB_KEY` (``monkeypatch.setenv``)
    and closes the app (``await app.aclose()``). ``training``: a training till's wallet
    (the folder carries training mode's marker).
    """
    shutil.copytree(_template_dir(), data_dir)
    if training:
        (data_dir / MARKER).write_text("training\n")
    return _open(data_dir, mints)


@contextlib.asynccontextmanager
async def opened_shop(*mints: FakeMint) -> AsyncIterator[App]:
    """:func:`open_shop` in a new folder, closed and deleted on exit."""
    work = Path(tempfile.mkdtemp(prefix="pos-shop-"))
    try:
        app = open_shop(work / "wallet", *mints)
        try:
            yield app
        finally:
            await app.aclose()
    finally:
        shutil.rmtree(work, ignore_errors=True)


class Killed(Exception):
    """The process killed at a fault point (``POS_TEST_FAULT``), here without dying."""


def arm_kill(monkeypatch: Any, point: str) -> None:
    """Make fault point ``point`` raise :class:`Killed` where it would kill the process."""

    def kill(_pid: int, sig: int) -> None:
        raise Killed(sig)

    monkeypatch.setenv("POS_TEST_FAULT", point)
    monkeypatch.setattr(faults.os, "kill", kill)


def rows(app: App, model: type[T], *where: Any) -> list[T]:
    """Every stored row of ``model`` (matching ``where``), in insertion order."""
    key = next(iter(model.__table__.primary_key.columns))
    return app.db.transact(lambda s: list(s.scalars(select(model).where(*where).order_by(key))))


def audit_trail(app: App) -> list[tuple[str, dict[str, Any]]]:
    """The audit entries as ``(action, details)``, oldest first."""
    return [(a.action, json.loads(a.details_json)) for a in rows(app, AuditEntry)]


def events(app: App) -> list[Event]:
    """A list that collects every event the app publishes from now on."""
    seen: list[Event] = []
    app.bus.subscribe(Event, seen.append)
    return seen
