"""Refunds as records of their own: whole or partial refunds of paid sales, and the old ones.

A sale can now give money back more than once (partial refunds of a paid sale); each
refund is a row of ``refunds`` linked to its sale and to the token it handed out
(``exports``). The refunds of cancelled sales recorded on the sale itself (migration 0004)
are copied in, with their export found by the token's digest; the sale keeps its
``refund_amount`` (now the sum of its refunds) and ``refunded_at`` (the last one).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import hashlib
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

CLAIMS = {"exported": "pending", "partially_spent": "partially_claimed", "spent": "claimed"}


def upgrade() -> None:
    op.create_table(
        "refunds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("amount_currency", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("token_text", sa.Text(), nullable=True),
        sa.Column("export_id", sa.Integer(), nullable=True),
        sa.Column("operation_id", sa.String(length=36), nullable=True),
        sa.Column("mint_url", sa.String(length=500), nullable=True),
        sa.Column("file_path", sa.Text(), nullable=True),
        sa.Column("claim_state", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("done_at", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["export_id"], ["exports.id"], name="fk_refunds_export_id_exports"),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name="fk_refunds_sale_id_sales"),
        sa.PrimaryKeyConstraint("id", name="pk_refunds"),
    )
    for column in ("sale_id", "state", "export_id", "operation_id", "created_at", "done_at"):
        op.create_index(f"ix_refunds_{column}", "refunds", [column])
    _copy_old_refunds()


def _copy_old_refunds() -> None:
    bind = op.get_bind()
    sales = bind.execute(
        sa.text(
            "SELECT id, unit, currency, rate, refund_amount, refund_token, refund_note, "
            "refunded_at FROM sales WHERE refunded_at IS NOT NULL"
        )
    ).all()
    for sale_id, unit, currency, rate, amount, token, note, at in sales:
        export = None
        if token:
            digest = hashlib.sha256(token.encode()).hexdigest()
            export = bind.execute(
                sa.text(
                    "SELECT e.id, e.state, e.file_path, m.url FROM exports e "
                    "JOIN mints m ON m.id = e.mint_id WHERE e.text_digest = :d"
                ),
                {"d": digest},
            ).first()
        bind.execute(
            sa.text(
                "INSERT INTO refunds (id, sale_id, state, amount, unit, currency, "
                "amount_currency, reason, token_text, export_id, mint_url, file_path, "
                "claim_state, note, created_at, done_at, updated_at) VALUES (:id, :sale, 'done', "
                ":amount, :unit, :currency, :fiat, :reason, :token, :export, :mint, :file, "
                ":claim, :note, :at, :at, :at)"
            ),
            {
                "id": str(uuid.uuid4()),
                "sale": sale_id,
                "amount": int(amount or 0),
                "unit": unit,
                "currency": currency,
                "fiat": _in_currency(int(amount or 0), rate, currency),
                "reason": "sale cancelled",
                "token": token,
                "export": export[0] if export else None,
                "file": export[2] if export else None,
                "mint": export[3] if export else None,
                "claim": (CLAIMS.get(export[1], export[1]) if export else None) if token else None,
                "note": note,
                "at": int(at),
            },
        )


def _in_currency(amount: int, rate: str | None, currency: str) -> str:
    from decimal import Decimal, InvalidOperation

    if currency == "sat" or not rate:
        return str(amount)
    try:
        value = Decimal(amount) * Decimal(rate) / Decimal(100_000_000)
    except (InvalidOperation, ValueError):
        return str(amount)
    return format(value.quantize(Decimal("0.01")), "f")


def downgrade() -> None:
    for column in ("sale_id", "state", "export_id", "operation_id", "created_at", "done_at"):
        op.drop_index(f"ix_refunds_{column}", table_name="refunds")
    op.drop_table("refunds")
