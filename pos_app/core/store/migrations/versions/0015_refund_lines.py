"""Refunds by line: which lines of a basket sale each refund gave back.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refund_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_id", sa.String(36), nullable=False),
        sa.Column("sale_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.String(20), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["refund_id"], ["refunds.id"], name="fk_refund_lines_refund_id_refunds"
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name="fk_refund_lines_sale_id_sales"),
        sa.PrimaryKeyConstraint("id", name="pk_refund_lines"),
        sa.UniqueConstraint("refund_id", "position", name="uq_refund_lines_refund_id_position"),
    )
    op.create_index("ix_refund_lines_refund_id", "refund_lines", ["refund_id"])
    op.create_index("ix_refund_lines_sale_id", "refund_lines", ["sale_id"])


def downgrade() -> None:
    op.drop_index("ix_refund_lines_sale_id", table_name="refund_lines")
    op.drop_index("ix_refund_lines_refund_id", table_name="refund_lines")
    op.drop_table("refund_lines")
