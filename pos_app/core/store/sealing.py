"""Secrets sealed by the application on the shop's shared PostgreSQL database.

A till's SQLCipher file is encrypted as a whole; a PostgreSQL server is not, and its
dumps, backups and administrators see every row. So on PostgreSQL every column that
could spend the shop's money or impersonate it (proof secrets, tokens, the seed, the
webhook signing secrets, the journal's inputs and outputs) holds its value sealed
with AES-256-GCM under the 32-byte shop key, which only the tills hold. A dump alone
spends nothing.

A sealed value is ``s1:`` and the base64url of a random 96-bit nonce followed by the
ciphertext and its tag. The associated data is the column (``proofs.secret``): a
value copied into another column does not open there. It is not bound to its row:
the type sees one value at a time, and a value moved to another row of the same
column gains an attacker nothing (only its own row's owner could spend it anyway,
and a proof's secret that does not match its ``C`` is refused by the mint).

GCM authenticates: a wrong key or a changed byte is an error, never wrong text. A
sealed value cannot be compared in SQL (the same text seals differently each time),
so :class:`Sealed` refuses every comparison but ``IS [NOT] NULL``; queries find rows
by a digest (``y``, ``text_digest``) and compare the opened text in Python.

The key check: the first till writes a known text sealed under the shop key
(:func:`create_check`); opening the database verifies it before anything else
(:meth:`Database.postgresql <pos_app.core.store.db.Database.postgresql>`), so a till
with another shop's key is told at open, not at its first sale.
"""

from __future__ import annotations

import base64
import binascii
import os
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator

from pos_app.core.errors import StorageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Dialect

    from pos_app.core.store.db import Database

PREFIX = "s1:"
NONCE_BYTES = 12
KEY_BYTES = 32
# The key check's row in ``secrets`` and the text it seals (any fixed text does).
CHECK_NAME = "shop_key_check"
CHECK_TEXT = "pos-app shop key check v1"
CHECK_PURPOSE = "secrets.value"
UNDEFINED_TABLE = "42P01"  # PostgreSQL's SQLSTATE
# Where a dialect carries its engine's sealer (see Database.postgresql).
DIALECT_ATTR = "pos_sealer"


def _damaged(purpose: str, why: str) -> StorageError:
    return StorageError(
        "storage.sealed_damaged",
        "A secret in the shop's database cannot be opened: it was changed or written "
        "with another shop key. Nothing was paid or changed.",
        f"{purpose}: {why}",
    )


def _wrong_key(detail: str) -> StorageError:
    return StorageError(
        "storage.wrong_key",
        "The shop key of this till does not open the shop's database. Join the shop "
        "again with an enrolment file from one of its tills.",
        detail,
    )


class Sealer:
    """AES-256-GCM under one shop key."""

    def __init__(self, key: bytes) -> None:
        # Imported here: only a till on the shop's PostgreSQL database seals (6 ms a start).
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(key) != KEY_BYTES:
            raise ValueError(f"a shop key has {KEY_BYTES} bytes, not {len(key)}")
        self._aead = AESGCM(key)

    def seal(self, purpose: str, value: str) -> str:
        """``value`` sealed for the column ``purpose`` (a fresh nonce each time)."""
        nonce = os.urandom(NONCE_BYTES)
        box = self._aead.encrypt(nonce, value.encode("utf-8"), purpose.encode("ascii"))
        return PREFIX + base64.urlsafe_b64encode(nonce + box).rstrip(b"=").decode("ascii")

    def open(self, purpose: str, sealed: str) -> str:
        """The text sealed for ``purpose``.

        Raises:
            StorageError: ``storage.sealed_damaged`` for anything that is not a value
                sealed under this key for this purpose (plain text included: a value
                written around the app is not trusted either).
        """
        if not sealed.startswith(PREFIX):
            raise _damaged(purpose, "not a sealed value")
        body = sealed[len(PREFIX) :]
        try:
            raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except (binascii.Error, ValueError):
            raise _damaged(purpose, "not base64url") from None
        if len(raw) < NONCE_BYTES + 16:
            raise _damaged(purpose, "too short")
        from cryptography.exceptions import InvalidTag

        try:
            plain = self._aead.decrypt(
                raw[:NONCE_BYTES], raw[NONCE_BYTES:], purpose.encode("ascii")
            )
        except InvalidTag:
            raise _damaged(purpose, "authentication failed (wrong key or changed value)") from None
        return plain.decode("utf-8")


def sealer_of(dialect: Dialect) -> Sealer | None:
    """The sealer values of ``dialect``'s engine go through; None: they stay plain.

    Raises:
        StorageError: ``storage.no_shop_key`` on a store other than the SQLCipher file
            opened without a shop key: a secret is never written there in the clear,
            nor read as if it were.
    """
    sealer = getattr(dialect, DIALECT_ATTR, None)
    if sealer is None and dialect.name != "sqlite":
        raise StorageError(
            "storage.no_shop_key",
            "The shop's database was opened without its shop key: its secrets cannot be used.",
            dialect.name,
        )
    return sealer


class Sealed(TypeDecorator[str]):
    """Text sealed under the shop key on PostgreSQL, plain in the SQLCipher file.

    Args:
        purpose: the column, ``table.column``; sealed into each value.
    """

    impl = Text
    cache_ok = True

    class Comparator(TypeDecorator.Comparator[str]):
        """Refuses comparisons that would silently match nothing on sealed values."""

        _NULL_TESTS = (operators.is_, operators.is_not)
        _EQUALITY = (operators.eq, operators.ne)

        def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
            """Only ``IS [NOT] NULL`` (and ``== None``); anything else is a TypeError."""
            null_test = op in self._NULL_TESTS or (
                op in self._EQUALITY and len(other) == 1 and other[0] is None
            )
            if null_test:
                return super().operate(op, *other, **kwargs)
            raise TypeError(
                f"{self.type.purpose} is sealed on a shared store: find rows by a digest "
                "and compare the text in Python"
            )

        def reverse_operate(self, op: Any, other: Any, **kwargs: Any) -> Any:
            """As :meth:`operate` (``"text" + column``)."""
            return self.operate(op, other, **kwargs)

    comparator_factory = Comparator

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        """The value as stored: sealed when the engine has a shop key."""
        if value is None:
            return None
        sealer = sealer_of(dialect)
        return value if sealer is None else sealer.seal(self.purpose, value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        """The stored value opened (a damaged one raises ``storage.sealed_damaged``)."""
        if value is None:
            return None
        sealer = sealer_of(dialect)
        return value if sealer is None else sealer.open(self.purpose, value)


def _stored_check(conn: Connection) -> str | None:
    """The check's stored (sealed) text; None when there is none or no schema yet.

    Raw SQL on purpose: the stored form is what is wanted, not the type's opening.
    """
    try:
        with conn.begin_nested():
            return conn.execute(
                text("SELECT value FROM secrets WHERE name = :n"), {"n": CHECK_NAME}
            ).scalar()
    except ProgrammingError as exc:
        # No secrets table: a database no shop was made in yet. Anything else (the
        # server gone) must not pass for "no check".
        if getattr(exc.orig, "sqlstate", None) == UNDEFINED_TABLE:
            return None
        raise


def check_key(conn: Connection, sealer: Sealer, *, required: bool) -> None:
    """Prove ``sealer`` holds the shop key of the database behind ``conn``.

    Args:
        conn: a connection to the database.
        sealer: the till's shop key.
        required: a missing check is an error too (else it passes: a shop being made).

    Raises:
        StorageError: ``storage.wrong_key``; ``storage.no_key_check`` when required and
            missing.
    """
    stored = _stored_check(conn)
    if stored is None:
        if required:
            raise StorageError(
                "storage.no_key_check",
                "The shop's database has no shop key check: it was not made by this app.",
                CHECK_NAME,
            )
        return
    try:
        opened = sealer.open(CHECK_PURPOSE, stored)
    except StorageError as exc:
        raise _wrong_key(exc.detail) from None
    if opened != CHECK_TEXT:
        raise _wrong_key(f"{CHECK_NAME}: another text")


def create_check(db: Database) -> None:
    """Write the key check into a new shop's database (kept when it is already there).

    Raises:
        StorageError: ``storage.wrong_key`` when a check of another key is there.
    """
    sealer = getattr(db.engine.dialect, DIALECT_ATTR, None)
    if sealer is None:
        raise StorageError("storage.no_shop_key", "A key check needs the shop key.", db.backend)
    from pos_app.core.store.schema import Secret

    def write(session: Any) -> None:
        check_key(session.connection(), sealer, required=False)
        if session.get(Secret, CHECK_NAME) is None:
            session.add(Secret(name=CHECK_NAME, value=CHECK_TEXT))

    db.transact(write)


def verify_check(db: Database) -> None:
    """Prove the database's key check opens under this till's shop key (it must be there)."""
    sealer = getattr(db.engine.dialect, DIALECT_ATTR, None)
    if sealer is None:
        raise StorageError("storage.no_shop_key", "A key check needs the shop key.", db.backend)
    with db.engine.connect() as conn:
        check_key(conn, sealer, required=True)
