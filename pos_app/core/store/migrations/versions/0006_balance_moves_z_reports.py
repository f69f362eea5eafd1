"""The balance ledger and closed Z reports, and the triggers that keep closed things closed.

``balance_moves`` starts with one ``opening`` move per mint and unit: what the wallet
held when the ledger began. On SQLite, triggers refuse to change or remove a Z report
or a balance move, and to change the figures of a sale paid, or a payment settled or
refused, before the last Z report's close (PostgreSQL gets its own triggers with
shared storage).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import time

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CLOSED = "(SELECT coalesce(max(closed_at), 0) FROM z_reports)"
# A paid sale's figures and a finished payment's figures, as the reports read them.
SALE_FIGURES = "state, currency, amount, unit, due, fee_advance, paid, rate, paid_at"
PAYMENT_FIGURES = (
    "state, method, mint_url, unit, amount, credited, mint_fee, lightning_fee, offline"
)

TRIGGERS = {
    "z_reports_no_update": "BEFORE UPDATE ON z_reports BEGIN "
    "SELECT RAISE(ABORT, 'a closed Z report cannot change'); END",
    "z_reports_no_delete": "BEFORE DELETE ON z_reports BEGIN "
    "SELECT RAISE(ABORT, 'a closed Z report cannot be removed'); END",
    "balance_moves_no_update": "BEFORE UPDATE ON balance_moves BEGIN "
    "SELECT RAISE(ABORT, 'the balance ledger is append-only'); END",
    "balance_moves_no_delete": "BEFORE DELETE ON balance_moves BEGIN "
    "SELECT RAISE(ABORT, 'the balance ledger is append-only'); END",
    "sales_closed": f"BEFORE UPDATE OF {SALE_FIGURES} ON sales "
    f"WHEN OLD.state = 'paid' AND OLD.paid_at < {CLOSED} BEGIN "
    "SELECT RAISE(ABORT, 'this sale is in a closed Z report'); END",
    "payments_closed": f"BEFORE UPDATE OF {PAYMENT_FIGURES} ON payments "
    f"WHEN OLD.state IN ('settled', 'rejected') AND OLD.created_at < {CLOSED} BEGIN "
    "SELECT RAISE(ABORT, 'this payment is in a closed Z report'); END",
}


def upgrade() -> None:
    op.create_table(
        "balance_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("mint_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("delta", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("operation_id", sa.String(length=36), nullable=True),
        sa.Column("export_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["mint_id"], ["mints.id"], name=op.f("fk_balance_moves_mint_id_mints")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_balance_moves")),
    )
    with op.batch_alter_table("balance_moves", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_balance_moves_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_balance_moves_operation_id"), ["operation_id"], unique=False
        )
    op.create_table(
        "z_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("till", sa.String(length=60), nullable=False),
        sa.Column("opened_at", sa.BigInteger(), nullable=False),
        sa.Column("closed_at", sa.BigInteger(), nullable=False),
        sa.Column("moves_through", sa.BigInteger(), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_z_reports")),
        sa.UniqueConstraint("number", name=op.f("uq_z_reports_number")),
    )
    op.get_bind().execute(
        sa.text(
            "INSERT INTO balance_moves (at, mint_id, unit, delta, reason) "
            "SELECT :at, mint_id, unit, sum(amount), 'opening' FROM proofs "
            "WHERE state IN ('unspent', 'pending') GROUP BY mint_id, unit HAVING sum(amount) != 0"
        ),
        {"at": int(time.time())},
    )
    if op.get_bind().dialect.name == "sqlite":
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("z_reports")
    with op.batch_alter_table("balance_moves", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_balance_moves_operation_id"))
        batch_op.drop_index(batch_op.f("ix_balance_moves_at"))
    op.drop_table("balance_moves")
