"""Copy a wallet's rows from one database into another at the same schema revision.

The ground of moving a till onto the shop's PostgreSQL server, and of the tests
that run a shop on PostgreSQL. Tables go in foreign-key order, in batches, through
plain inserts (not the ORM: the audit entries keep their hash chain as it is). The
report sums are not copied: the target's triggers build them as the sales and
payments arrive, exactly as they did on the source. PostgreSQL's id sequences are
moved past the copied ids afterwards, or the next insert would reuse an id.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection

from pos_app.core.store.db import Database
from pos_app.core.store.migrate import current_revision
from pos_app.core.store.schema import Base

# Kept by triggers from the rows of other tables.
DERIVED = frozenset({"sales_sums", "vat_sums", "payment_sums"})
BATCH = 1000


def copy_rows(source: Database, target: Database) -> dict[str, int]:
    """Copy every table's rows into the empty ``target``; rows per table.

    Raises:
        ValueError: when the two databases are not at the same schema revision.
    """
    if current_revision(source.engine) != current_revision(target.engine):
        raise ValueError("copy_rows needs both databases at the same schema revision")
    counts: dict[str, int] = {}
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in Base.metadata.sorted_tables:
            if table.name in DERIVED:
                continue
            rows = src.execute(select(table)).mappings()
            counts[table.name] = 0
            while batch := [dict(r) for r in rows.fetchmany(BATCH)]:
                dst.execute(insert(table), batch)
                counts[table.name] += len(batch)
        if target.backend == "postgresql":
            _move_sequences(dst)
    return counts


def _move_sequences(conn: Connection) -> None:
    """Set each serial id's sequence past the largest id copied."""
    for table in Base.metadata.sorted_tables:
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
