"""Addresses the local API blocked after repeated wrong keys (seen in Settings, kept on restart).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_blocks",
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("blocked_at", sa.BigInteger(), nullable=False),
        sa.Column("until", sa.BigInteger(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("lifted_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_api_blocks")),
    )
    op.create_index(op.f("ix_api_blocks_until"), "api_blocks", ["until"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_api_blocks_until"), table_name="api_blocks")
    op.drop_table("api_blocks")
