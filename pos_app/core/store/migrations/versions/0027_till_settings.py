"""Settings of one till on a shop's shared database (camera, printer, display...).

Options declared with scope "till" in ``core.config`` are kept per till here when the
store is shared; the shop-wide ``settings`` table keeps the rest, and a till with no
row of its own for a till option reads the shop-wide row (the value the shop had
before it added tills). A single till on its own SQLite file has no till id and keeps
every option in ``settings`` as before: this migration only adds the empty table, so
no value is moved or lost. A till's rows go with its ``tills`` row.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "till_settings",
        sa.Column("till_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["till_id"],
            ["tills.id"],
            name=op.f("fk_till_settings_till_id_tills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("till_id", "key", name=op.f("pk_till_settings")),
    )


def downgrade() -> None:
    op.drop_table("till_settings")
