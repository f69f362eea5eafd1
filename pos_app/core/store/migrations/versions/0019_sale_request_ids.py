"""Each sale's payment request gets an id of its own, random: a wallet's right to pay it.

A wallet that pays over the network (NUT-18 ``post``) names the request, not the sale,
and holds no API key: the id must be unguessable. Sales made before keep NULL (their
requests carried the sale id's first 8 characters and offered no network payment).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sales", sa.Column("request_id", sa.String(length=32), nullable=True))
    # A unique index, not a constraint: SQLite adds it without copying the table.
    op.create_index(op.f("ix_sales_request_id"), "sales", ["request_id"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_sales_request_id"), table_name="sales")
    op.execute("ALTER TABLE sales DROP COLUMN request_id")
