"""The basket: a catalogue of items, a sale's lines, its VAT breakdown, discount and tip.

Sales typed as one amount keep NULL in the new columns (and a tip of 0 sat).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SALE_COLUMNS = (
    ("subtotal", sa.String(40)),
    ("discount_kind", sa.String(8)),
    ("discount_value", sa.String(40)),
    ("discount_amount", sa.String(40)),
    ("discount_reason", sa.Text()),
    ("tip_amount", sa.String(40)),
    ("vat_breakdown", sa.Text()),
    ("vat_rounding", sa.String(8)),
    ("prices_include_vat", sa.Boolean()),
    ("total", sa.String(40)),
)


def upgrade() -> None:
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("price", sa.String(40), nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("vat_rate", sa.String(8), nullable=True),
        sa.Column("category", sa.String(100), nullable=True),
        sa.Column("sku", sa.String(64), nullable=True),
        sa.Column("colour", sa.String(16), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_items"),
        sa.UniqueConstraint("sku", name="uq_items_sku"),
    )
    op.create_index("ix_items_category", "items", ["category"])
    op.create_table(
        "sale_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("sku", sa.String(64), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.String(20), nullable=False),
        sa.Column("unit_price", sa.String(40), nullable=False),
        sa.Column("vat_rate", sa.String(8), nullable=False),
        sa.Column("discount", sa.String(40), nullable=False),
        sa.Column("net", sa.String(40), nullable=False),
        sa.Column("vat", sa.String(40), nullable=False),
        sa.Column("gross", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name="fk_sale_lines_sale_id_sales"),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name="fk_sale_lines_item_id_items", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sale_lines"),
        sa.UniqueConstraint("sale_id", "position", name="uq_sale_lines_sale_id_position"),
    )
    op.create_index("ix_sale_lines_sale_id", "sale_lines", ["sale_id"])
    for name, kind in SALE_COLUMNS:
        op.add_column("sales", sa.Column(name, kind, nullable=True))
    op.add_column(
        "sales", sa.Column("tip_sat", sa.BigInteger(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    op.drop_index("ix_sale_lines_sale_id", table_name="sale_lines")
    op.drop_table("sale_lines")
    op.drop_index("ix_items_category", table_name="items")
    op.drop_table("items")
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL), as 0010: no batch copy of ``sales``.
    for name in ["tip_sat", *(n for n, _ in reversed(SALE_COLUMNS))]:
        op.execute(f"ALTER TABLE sales DROP COLUMN {name}")
