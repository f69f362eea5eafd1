"""Indexes for the reports: paid sales by the time they were paid, payments of a state by time.

Without them SQLite reads every paid sale (the ``state`` index alone selects most rows)
for a report of one day.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_sales_state_paid_at", "sales", ["state", "paid_at"])
    op.create_index("ix_payments_state_created_at", "payments", ["state", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_payments_state_created_at", table_name="payments")
    op.drop_index("ix_sales_state_paid_at", table_name="sales")
