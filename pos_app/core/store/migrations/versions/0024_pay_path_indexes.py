"""Drop the indexes no query uses on the tables every payment writes.

A sale's payment inserts proofs, a payment and an operation and updates the sale; each
index is one more B-tree written in that transaction. Dropped: ``proofs.keyset_id``
(every query by keyset also names the state and mint: ``ix_proofs_state_mint_unit_amount``);
``payments.mint_url`` and ``payments.operation_id`` (read with their payment, never
searched); ``payments.state`` and ``sales.state`` (the leading column of
``ix_payments_state_created_at`` and ``ix_sales_state_paid_at``, which serve those
queries); ``operations.correlation_id`` (no query by it). Keysets are never deleted, so
the foreign key of ``proofs.keyset_id`` needs no index for its checks.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04
"""

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

DROPPED = (
    ("proofs", "ix_proofs_keyset_id", "keyset_id"),
    ("payments", "ix_payments_mint_url", "mint_url"),
    ("payments", "ix_payments_operation_id", "operation_id"),
    ("payments", "ix_payments_state", "state"),
    ("sales", "ix_sales_state", "state"),
    ("operations", "ix_operations_correlation_id", "correlation_id"),
)


def upgrade() -> None:
    for table, name, _column in DROPPED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for table, name, column in DROPPED:
        op.create_index(name, table, [column], unique=False)
