"""Sales, payments, operations and audit entries say at which till they happened.

Set on a shop's shared PostgreSQL database (the till's id from its ``storage.json``);
NULL on a till's own SQLite file, where there is only one. Plain ADD COLUMN on both.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

TABLES = ("operations", "sales", "payments", "audit_log")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("till_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL), as 0010: no batch copy of the table.
    for table in reversed(TABLES):
        op.execute(f"ALTER TABLE {table} DROP COLUMN till_id")
