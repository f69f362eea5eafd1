"""The wallet's database: opening it, migrations, and off-loop access.

One till keeps an encrypted SQLite file: SQLCipher encrypts every page with a raw
256-bit key (no KDF at open: the key is already random or Argon2-stretched). A
wrong key makes the first read fail with "file is not a database"; that becomes
``storage.wrong_key`` and the file is left untouched. Every transaction takes the
write lock at BEGIN, so the core's read-then-write code runs as if alone.

Several tills share a PostgreSQL database (:meth:`Database.postgresql`). There the
same guarantee comes from SERIALIZABLE transactions: the server aborts one of two
transactions that would not have given the same result one after the other, and
:meth:`Database.transact` runs the aborted one again. Transaction functions never
talk to a mint (the journal is built on that), so running one again is safe.

All database work of the async core goes through one worker thread
(:meth:`Database.run`), so the event loop never waits on disk or network.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import importlib
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, PendingRollbackError, StatementError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from pos_app.core.errors import PosError, StorageError
from pos_app.datadir import DB_FILE  # noqa: F401 - its old home: many import it here

T = TypeVar("T")
log = logging.getLogger(__name__)

# PostgreSQL's "could not serialize access" and "deadlock detected": the transaction
# was rolled back as a whole and may simply run again.
_RETRY_SQLSTATES = frozenset({"40001", "40P01"})
# Tries of one transaction before the conflict is reported; the pause between them
# grows and is jittered so two tills that collided do not collide again in step.
SERIALIZATION_TRIES = 10
# The shop's transaction gate (Database.transact): an advisory lock, whose keys are per
# database, so one key serves every till of the shop.
GATE_KEY = 0x706F735F7265  # "pos_re"
GATE_SHARED = ("SELECT pg_advisory_lock_shared(:key)", "SELECT pg_advisory_unlock_shared(:key)")
GATE_ALONE = ("SELECT pg_advisory_lock(:key)", "SELECT pg_advisory_unlock(:key)")
# SQLAlchemy's code for "Can't reconnect until invalid transaction is rolled back": the
# transaction's connection was invalidated (it broke) and a statement or COMMIT came after.
_BROKE_UNDER_FN = "8s2b"


def _wrong_key(path: Path, exc: Exception) -> StorageError:
    return StorageError(
        "storage.wrong_key",
        "The database key is wrong. Check POS_DB_KEY, the keyring or the passphrase.",
        f"{path}: {exc}",
    )


def open_connection(path: Path, key: bytes) -> sqlcipher3.Connection:
    """Open ``path`` with ``key`` and prove the key is right before returning."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # else a wrong key prints to stderr
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise _wrong_key(path, exc) from exc
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed receive survives a power cut; the journal depends on it.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def make_engine(path: Path, key: bytes) -> Engine:
    """A SQLAlchemy engine over SQLCipher connections keyed with ``key``."""
    engine = create_engine(
        "sqlite+pysqlite://",
        # The DBAPI is sqlcipher3, not sqlite3: told so, SQLAlchemy wraps its errors
        # (IntegrityError, OperationalError) as it does sqlite3's; otherwise they
        # pass through raw and ``except sqlalchemy.exc.IntegrityError`` never matches.
        module=sqlcipher3.dbapi2,
        creator=lambda: open_connection(path, key),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=False,
        # A failed statement's message would otherwise quote its bound values:
        # proof secrets, the seed. Errors travel to logs, the errors table and bundles.
        hide_parameters=True,
    )

    # pysqlite's implicit transactions break SAVEPOINT and lock late; take the
    # write lock at BEGIN so two processes (GUI and CLI) never deadlock.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


# A network cut while a statement waits for its answer: with the system's defaults the
# connection (and the database thread, and the till) would wait two hours for TCP to give
# up. Probed after 20 s of silence, it is declared dead ~40 s into the cut, and data the
# server does not acknowledge within 20 s ends it too; the transaction then reports
# storage.pg_unreachable (Database.transact).
PG_KEEPALIVE = {
    "keepalives": 1,
    "keepalives_idle": 20,
    "keepalives_interval": 5,
    "keepalives_count": 4,
    "tcp_user_timeout": 20_000,
}


def make_pg_engine(url: str) -> Engine:
    """A SQLAlchemy engine over psycopg 3 (sync) whose transactions are SERIALIZABLE."""
    return create_engine(
        url,
        isolation_level="SERIALIZABLE",
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        # A shared server restarts or drops idle connections; a dead one is replaced.
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"connect_timeout": 10, "application_name": "pos-app", **PG_KEEPALIVE},
    )


def must_retry(exc: BaseException) -> bool:
    """A serialization failure or deadlock the server resolved by aborting us."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) in _RETRY_SQLSTATES


TILL_INFO = "till_id"  # key of this till's id in a shared store's Session.info
# The tables whose new rows say at which till they were made (``Database.stamp_till``).
STAMPED = frozenset({"sales", "payments", "operations", "audit_log"})


def session_till(session: Session) -> str | None:
    """The id of the till this session works for on a shared store; None on a till's own file."""
    return session.info.get(TILL_INFO)


def upsert_insert(session: Session) -> Any:
    """The ``insert`` of the session's database (SQLite's or PostgreSQL's), for an upsert.

    Imported when first used: the PostgreSQL dialect costs a till on its own file some
    20 ms of every start, for nothing.
    """
    name = session.get_bind().dialect.name
    return importlib.import_module(f"sqlalchemy.dialects.{name}").insert


class Database:
    """An open wallet database.

    Args:
        path: the database file.
        key: the 32-byte SQLCipher key.
        create: allow creating a new file; otherwise a missing file is an error
            (a wrong data directory must not silently start an empty wallet).
    """

    def __init__(self, path: Path, key: bytes, *, create: bool = False) -> None:
        self.path: Path | None = Path(path)
        if not self.path.exists() and not create:
            raise StorageError(
                "wallet.not_initialized",
                "There is no wallet in this data directory yet. Run `pos-app init` first.",
                str(self.path),
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._attach(make_engine(self.path, key))

    @classmethod
    def postgresql(cls, url: str, sealing_key: bytes | None = None) -> Database:
        """The shop's shared database on a PostgreSQL server (``postgresql+psycopg://…``).

        Args:
            url: the server and database, with the password and TLS options.
            sealing_key: the 32-byte shop key that seals its secrets
                (:mod:`pos_app.core.store.sealing`). When the database holds a key check,
                it is verified here, before anything is read or written. None: the
                sealed columns refuse to be read or written (``storage.no_shop_key``).

        Raises:
            StorageError: ``storage.wrong_key`` when the key check does not open; the
                server's refusal (``storage.pg_auth``, ``storage.pg_no_database``...: see
                :func:`pos_app.core.store.pg_errors.connect_error`).
            NetworkError: ``storage.pg_unreachable`` when no server answers.
        """
        from pos_app.core.store import sealing

        self = cls.__new__(cls)
        self.path = None
        engine = make_pg_engine(url)
        sealer = None if sealing_key is None else sealing.Sealer(sealing_key)
        # The sealed column type gets the dialect, not the engine or the session, at each
        # value: the engine's own dialect instance is where the key can reach it.
        setattr(engine.dialect, sealing.DIALECT_ATTR, sealer)
        self._attach(engine)
        if sealer is not None:
            try:
                with self._said_as_at_open(), engine.connect() as conn:
                    sealing.check_key(conn, sealer, required=False)
            except BaseException:
                self.close()
                raise
        return self

    @contextlib.contextmanager
    def _said_as_at_open(self) -> Iterator[None]:
        """A driver's failure in the checks at open said as :meth:`_attach` says it.

        The server can go away between the first connection and the next (it is stopping,
        the network drops): the till then says why, not the driver's text.

        Raises:
            StorageError: :func:`pos_app.core.store.pg_errors.connect_error`'s refusals.
            NetworkError: ``storage.pg_unreachable``.
        """
        try:
            yield
        except DBAPIError as exc:
            from pos_app.core.store import pg_errors

            raise pg_errors.connect_error(exc, self.engine.url) from None

    def create_check(self) -> None:
        """Write the shop key check into a new shop's database (after :meth:`migrate`)."""
        from pos_app.core.store import sealing

        sealing.create_check(self)

    def verify_check(self) -> None:
        """Prove the key check is there and opens under this database's shop key.

        Raises:
            StorageError: ``storage.wrong_key``, ``storage.no_key_check``; the server's
                refusals (:meth:`_said_as_at_open`).
            NetworkError: ``storage.pg_unreachable``.
        """
        from pos_app.core.store import sealing

        with self._said_as_at_open():
            sealing.verify_check(self)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def _attach(self, engine: Engine) -> None:
        """Prove the database opens, then set up sessions and the database thread.

        Raises:
            StorageError: the SQLCipher file's own (``storage.wrong_key``), a PostgreSQL
                server's refusal (:func:`pos_app.core.store.pg_errors.connect_error`),
                else ``storage.open_failed``.
            NetworkError: ``storage.pg_unreachable`` when no PostgreSQL server answers.
        """
        self.engine = engine
        try:
            with self.engine.connect():
                pass
        except StorageError:
            self.engine.dispose()
            raise
        except Exception as exc:
            self.engine.dispose()
            cause = exc.__cause__ or exc
            if isinstance(cause, StorageError):
                raise cause from None
            if isinstance(exc, DBAPIError) and engine.dialect.name == "postgresql":
                # Said as the wizard's connection test says it, the password taken out.
                from pos_app.core.store import pg_errors

                raise pg_errors.connect_error(exc, engine.url) from None
            where = self.path or engine.url.render_as_string(hide_password=True)
            raise StorageError(
                "storage.open_failed", "The database could not be opened.", f"{where}: {exc}"
            ) from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.till_id: str | None = None  # set by stamp_till on a shop's shared database
        self._listening: set[tuple[str, Callable[..., Any]]] = set()  # see listen()
        # Every audit entry written through this database joins the hash chain.
        from pos_app.core.store.auditchain import chain_new_entries

        self.listen("before_flush", chain_new_entries)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        self._lock = threading.RLock()

    def stamp_till(self, till_id: str) -> None:
        """Write ``till_id`` on every sale, payment, operation and audit entry made here.

        On a shop's shared database each row then says at which till it happened (the
        per-till reports and the audit log read it); a till's own file needs no stamp.
        Every session also carries the id (:func:`session_till`): the till-scoped
        settings (``core.config``) are read and written per till through it.
        """
        self.till_id = till_id
        self._sessions.configure(info={TILL_INFO: till_id})

        def stamp(session: Session, _context: Any, _instances: Any) -> None:
            for row in session.new:
                # By table, not by column: a Z report's NULL till is the shop's report.
                if getattr(row, "__tablename__", None) in STAMPED and row.till_id is None:
                    row.till_id = till_id

        self.listen("before_flush", stamp)

    def migrate(self) -> None:
        """Bring the schema to the newest migration."""
        from pos_app.core.store.migrate import upgrade

        upgrade(self.engine)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def listen(self, name: str, fn: Callable[..., Any]) -> None:
        """Register a session event (such as ``after_flush``) for this database's sessions.

        Idempotent: registering the same function twice registers it once. What is
        registered is kept here, not asked of SQLAlchemy: its registry is keyed by
        ``id()``, and a closed database's sessionmaker whose id a new one reuses made
        ``event.contains`` answer True for a listener this one never had (seen in CI).
        """
        if (name, fn) not in self._listening:
            event.listen(self._sessions, name, fn)
            self._listening.add((name, fn))

    def unlisten(self, name: str, fn: Callable[..., Any]) -> None:
        """Remove a session event registered with :meth:`listen` (no-op when absent)."""
        if (name, fn) in self._listening:
            event.remove(self._sessions, name, fn)
            self._listening.discard((name, fn))

    def read(self) -> Session:
        """A session for reads (caller closes it)."""
        return self._sessions()

    def transact(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one transaction on the calling thread.

        On PostgreSQL a transaction the server aborted for a conflict with another
        till's runs again, from the start, with fresh reads. First tries run side by side
        (each holds the shop's gate shared); a try after a conflict holds it alone, once
        the tries under way have ended, so it meets no other till's writes: transactions
        that keep colliding on a hot row (the audit chain's head, a keyset's counter, an
        hour's report sums) queue up instead of aborting each other until their tries run
        out. The gate is taken before the transaction begins, so its reads start after
        the commits of those it waited for.

        A transaction whose connection broke before its COMMIT (an admin ended it, the
        server restarted) was rolled back: it runs once more, on a new connection. One
        that broke during the COMMIT may or may not be saved, so it never runs again: it
        is reported, as is a server that does not answer (connection refused or timed out).

        Raises:
            NetworkError: ``storage.pg_unreachable`` when the shop's server was lost
                (:func:`pos_app.core.store.pg_errors.lost_connection`; its detail says
                when the COMMIT's outcome is not known).
            StorageError: a refusal of the server on a new connection (a password
                changed meanwhile: ``storage.pg_auth``...).
        """
        conflicts = 0
        reconnected = False
        while True:
            committing = False
            try:
                with self._gate(alone=conflicts > 0), self.session() as session:
                    result = fn(session)
                    committing = True  # the flush and COMMIT run as the block ends
                return result
            except DBAPIError as exc:
                if must_retry(exc):
                    conflicts += 1
                    if conflicts == SERIALIZATION_TRIES:
                        raise
                    log.debug("transaction conflicted (try %d), running it again", conflicts)
                    if conflicts > 1:  # alone, and still aborted (by a reader): give it a moment
                        time.sleep(random.uniform(0, min(0.25, 0.004 * 2**conflicts)))
                    continue
                lost = self._lost(exc, committing=committing)
                if lost is None:
                    raise
                broke_before_commit = exc.connection_invalidated and not committing
            except StatementError as exc:
                # SQLAlchemy wraps what a column type raises while binding a value; a
                # sealed column's StorageError (no shop key) is the caller's to see as is.
                if isinstance(exc.orig, StorageError):
                    raise exc.orig from None
                raise
            except PendingRollbackError as exc:
                # The connection broke under ``fn``, which caught that (a receive's
                # completion keeps its proofs whatever the caller's added writes do): the
                # COMMIT was not even sent.
                if exc.code != _BROKE_UNDER_FN or self.path is not None:
                    raise
                from pos_app.core.store import pg_errors

                where = pg_errors.where(self.engine.url)
                lost = pg_errors.server_lost(f"{where}: the connection broke")
                broke_before_commit = True
            # The server lost the connection. Before the COMMIT nothing was saved: once, the
            # transaction runs again on a new connection; otherwise the till is told.
            if broke_before_commit and not reconnected:
                reconnected = True
                log.info("connection to the database lost (%s); running again", lost.detail)
                continue
            log.warning("%s: %s", lost.code, lost.detail)
            raise lost from None

    def _lost(self, exc: DBAPIError, *, committing: bool) -> PosError | None:
        """The error for a lost PostgreSQL server (None: not that, or a SQLite file)."""
        if self.path is not None:
            return None
        from pos_app.core.store import pg_errors

        return pg_errors.lost_connection(exc, self.engine.url, committing=committing)

    @contextlib.contextmanager
    def _gate(self, *, alone: bool) -> Iterator[None]:
        """Hold the shop's transaction gate: shared, or alone (PostgreSQL; SQLite: nothing).

        A session-level advisory lock on a connection of its own, so it is held from
        before the transaction begins until after it ended. A connection that broke
        holds no lock any more (the server drops a session's locks with it): its unlock
        is not needed, and its failure must not hide how the transaction ended.
        """
        if self.path is not None:  # SQLite: one writer at a time already (BEGIN IMMEDIATE)
            yield
            return
        lock, unlock = GATE_ALONE if alone else GATE_SHARED
        with self.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text(lock), {"key": GATE_KEY})
            try:
                yield
            finally:
                try:
                    conn.execute(text(unlock), {"key": GATE_KEY})
                except DBAPIError as exc:
                    if not exc.connection_invalidated:
                        raise
                    log.info("the gate's connection was lost; the server let the lock go")

    async def run(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn(session)`` in one transaction on the database thread."""
        loop = asyncio.get_running_loop()
        # The caller's context goes along: who is acting (core.store.actor) is written
        # on the rows this transaction makes.
        context = contextvars.copy_context()
        return await loop.run_in_executor(self._executor, context.run, self.transact, fn)

    def close(self) -> None:
        """Finish pending work and close every connection."""
        self._executor.shutdown(wait=True)
        self.engine.dispose()
