"""Which process runs each shop-wide timer job: one row per job, taken with a lease.

Several tills on one database (and a GUI beside ``pos-app serve`` on one file) would
otherwise each run the retries, the scheduled export, the withdrawals, the keyset
sweep and the webhook deliveries (``core/services/claims.py``).

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_claims",
        sa.Column("job", sa.String(length=40), nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("until", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("job", name=op.f("pk_job_claims")),
    )


def downgrade() -> None:
    op.drop_table("job_claims")
