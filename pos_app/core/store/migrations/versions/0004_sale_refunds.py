"""Refunds of cancelled, partly paid sales: what was given back, when, and how.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("refund_amount", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("refund_token", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("refund_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("refunded_at", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_column("refunded_at")
        batch_op.drop_column("refund_note")
        batch_op.drop_column("refund_token")
        batch_op.drop_column("refund_amount")
