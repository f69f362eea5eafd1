"""Copy a wallet's rows from one database into another at the same schema revision.

The ground of moving a till onto the shop's PostgreSQL server, and of the tests
that run a shop on PostgreSQL. Tables go in foreign-key order, in batches, through
plain inserts (not the ORM: the audit entries keep their hash chain as it is). The
report sums are not copied: the target's triggers build them as the sales and
payments arrive, exactly as they did on the source. PostgreSQL's id sequences are
moved past the copied ids afterwards, or the next insert would reuse an id.

Rows are read and written through the models' column types, so secrets are opened
by the source and sealed by the target (``core/store/sealing.py``): a SQLite file's
plain secrets arrive sealed on PostgreSQL, and a target without its shop key takes
nothing. The target keeps its own shop key check.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import StatementError

from pos_app.core.errors import StorageError
from pos_app.core.store.db import Database
from pos_app.core.store.migrate import current_revision
from pos_app.core.store.schema import all_tables
from pos_app.core.store.sealing import CHECK_NAME

# Kept by triggers from the rows of other tables.
DERIVED = frozenset({"sales_sums", "vat_sums", "payment_sums"})
BATCH = 1000


def copy_rows(source: Database, target: Database) -> dict[str, int]:
    """Copy every table's rows into the empty ``target``; rows per table.

    Raises:
        ValueError: when the two databases are not at the same schema revision.
        StorageError: ``storage.no_shop_key`` when the target must seal and cannot.
    """
    if current_revision(source.engine) != current_revision(target.engine):
        raise ValueError("copy_rows needs both databases at the same schema revision")
    counts: dict[str, int] = {}
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in all_tables().sorted_tables:
            if table.name in DERIVED:
                continue
            query = select(table)
            if table.name == "secrets":
                query = query.where(table.c.name != CHECK_NAME)
            rows = src.execute(query).mappings()
            counts[table.name] = 0
            while batch := [dict(r) for r in rows.fetchmany(BATCH)]:
                try:
                    dst.execute(insert(table), batch)
                except StatementError as exc:
                    if isinstance(exc.orig, StorageError):
                        raise exc.orig from None
                    raise
                counts[table.name] += len(batch)
        if target.backend == "postgresql":
            _move_sequences(dst)
    return counts


def _move_sequences(conn: Connection) -> None:
    """Set each serial id's sequence past the largest id copied."""
    for table in all_tables().sorted_tables:
        for column in table.primary_key.columns:
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if sequence is None:
                continue
            largest = conn.execute(select(func.max(column))).scalar()
            conn.execute(
                text("SELECT setval(:s, :v, :called)"),
                {"s": sequence, "v": largest or 1, "called": largest is not None},
            )
