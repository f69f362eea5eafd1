"""A proof is stored once by its ``y``, not by its secret.

On the shop's PostgreSQL database a proof's secret is sealed with a fresh nonce each
time (``core/store/sealing.py``): the unique constraint on ``secret`` can no longer
see two copies of one proof. ``y`` is hash_to_curve of the secret, stored in the
clear and already indexed; its index becomes unique, on both stores. No existing
wallet has two proofs with one ``y``: their secrets were unique.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index(op.f("ix_proofs_y"), table_name="proofs")
    op.create_index(op.f("ix_proofs_y"), "proofs", ["y"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_proofs_y"), table_name="proofs")
    op.create_index(op.f("ix_proofs_y"), "proofs", ["y"], unique=False)
