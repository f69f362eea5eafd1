"""The audit log becomes a hash chain: each entry carries the hash of the one before.

Existing entries are chained in id order (pos_app.core.store.auditchain.link), so
``pos-app audit verify`` holds for a wallet from before this revision.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from pos_app.core.store.auditchain import GENESIS, link

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("chain", sa.String(length=64), nullable=True))
    log = sa.table(
        "audit_log", sa.column("id", sa.Integer), sa.column("at", sa.BigInteger),
        sa.column("actor", sa.String), sa.column("action", sa.String),
        sa.column("subject", sa.String), sa.column("details_json", sa.Text),
        sa.column("correlation_id", sa.String), sa.column("chain", sa.String),
    )  # fmt: skip
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            log.c.id, log.c.at, log.c.actor, log.c.action, log.c.subject,
            log.c.details_json, log.c.correlation_id,
        ).order_by(log.c.id)
    ).all()  # fmt: skip
    previous = GENESIS
    for row in rows:
        previous = link(previous, tuple(row))
        bind.execute(log.update().where(log.c.id == row[0]).values(chain=previous))


def downgrade() -> None:
    op.execute("ALTER TABLE audit_log DROP COLUMN chain")
