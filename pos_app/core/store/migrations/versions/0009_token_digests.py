"""An indexed digest of every kept token's text (received tokens and exports).

Importing a file asks whether its token was imported or exported before. By text
alone that reads every received token (one per sale, up to kilobytes each); by an
indexed SHA-256 of the text it is one seek. The rows already there get their digest
here, in SQL, through a function the migration lends the connection.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("received_tokens", "exports")


def _sha256_hex(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # sqlite3/sqlcipher3 connection under SQLAlchemy's: a deterministic SQL function.
        bind.connection.driver_connection.create_function(
            "pos_sha256_hex", 1, _sha256_hex, deterministic=True
        )
        digest = "pos_sha256_hex(token_text)"
    else:  # PostgreSQL has SHA-256 built in
        digest = "encode(sha256(convert_to(token_text, 'UTF8')), 'hex')"
    for table in TABLES:
        # A plain ADD COLUMN (no table copy); NULL is allowed for SQLite's sake, and
        # every row has a digest once the UPDATE below is done.
        op.add_column(table, sa.Column("text_digest", sa.String(64), nullable=True))
        op.execute(f"UPDATE {table} SET text_digest = {digest}")  # noqa: S608
        op.create_index(f"ix_{table}_text_digest", table, ["text_digest"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_text_digest", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("text_digest")
