"""A sale may carry the external order it is for (an online shop's order number).

Set when the sale is made (the API's ``order_id``, ``pos-app sale new --order-id``),
shown with the sale and in its webhook events, and searched by the shop's systems: an
index, not unique (a cancelled sale's order may be sold again).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sales", sa.Column("order_id", sa.String(length=100), nullable=True))
    op.create_index(op.f("ix_sales_order_id"), "sales", ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sales_order_id"), table_name="sales")
    op.execute("ALTER TABLE sales DROP COLUMN order_id")
