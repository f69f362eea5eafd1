"""Trusted mints have an order: change, exports, withdrawals and payment requests follow it.

``priority`` is 1 for the first trusted mint, then 2, 3... without gaps; a mint the
shop does not trust has none. Existing trusted mints are ordered as they were added.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mints", sa.Column("priority", sa.Integer(), nullable=True))
    mints = sa.table(
        "mints", sa.column("id", sa.Integer), sa.column("trusted", sa.Boolean),
        sa.column("priority", sa.Integer),
    )  # fmt: skip
    bind = op.get_bind()
    trusted = bind.execute(
        sa.select(mints.c.id).where(mints.c.trusted.is_(True)).order_by(mints.c.id)
    ).scalars()
    for position, mint_id in enumerate(list(trusted), start=1):
        bind.execute(mints.update().where(mints.c.id == mint_id).values(priority=position))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of the table would drop
    # ``mints`` on the way, and its ON DELETE CASCADE would take the keysets with it.
    op.execute("ALTER TABLE mints DROP COLUMN priority")
