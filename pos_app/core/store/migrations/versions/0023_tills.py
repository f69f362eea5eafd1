"""The tills of a shop that share one PostgreSQL database.

Each till that joins the shop's database has a row: its id (made by the till, kept in
its ``storage.json``), its name, when it joined and when it was last seen. A single
till on its own SQLite file has the table and no row.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tills",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tills")),
        sa.UniqueConstraint("name", name=op.f("uq_tills_name")),
    )


def downgrade() -> None:
    op.drop_table("tills")
