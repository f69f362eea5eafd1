"""Hourly sums of paid sales and of payments, kept by triggers, for fast reports.

A dashboard over two years of a busy shop would otherwise read every sale and
payment; it reads the hourly sums instead (thousands of rows instead of millions).
Triggers keep the sums exact on every insert, update and delete, so no code path can
forget them. The existing rows are summed once here. On SQLite only (PostgreSQL gets
its own triggers with shared storage); without them the reports read the rows.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SALE_KEY = "(hour, currency, unit)"
PAYMENT_KEY = "(hour, state, method, mint_url, unit, error_code)"


def _sale(row: str, sign: str) -> str:
    """The upsert that adds (sign +) or takes away (sign -) sale ``row`` (NEW or OLD)."""
    # Built from constants only (row is NEW or OLD): trigger text, not a query with input.
    return (
        "INSERT INTO sales_hourly (hour, currency, unit, sales, cents, sat, fee_advance) "  # noqa: S608
        f"VALUES ({row}.paid_at / 3600, {row}.currency, {row}.unit, {sign}1, "
        f"{sign}CAST(round(CAST({row}.amount AS NUMERIC) * 100) AS INTEGER), "
        f"{sign}({row}.due - {row}.fee_advance), {sign}{row}.fee_advance) "
        f"ON CONFLICT {SALE_KEY} DO UPDATE SET sales = sales + excluded.sales, "
        "cents = cents + excluded.cents, sat = sat + excluded.sat, "
        "fee_advance = fee_advance + excluded.fee_advance;"
    )


def _payment(row: str, sign: str) -> str:
    """The upsert that adds (sign +) or takes away (sign -) payment ``row`` (NEW or OLD)."""
    return (
        "INSERT INTO payments_hourly (hour, state, method, mint_url, unit, error_code, "  # noqa: S608
        "payments, amount, credited, mint_fee, lightning_fee) "
        f"VALUES ({row}.created_at / 3600, {row}.state, "
        f"CASE WHEN {row}.offline THEN 'offline' ELSE coalesce({row}.method, '-') END, "
        f"coalesce({row}.mint_url, ''), coalesce({row}.unit, ''), "
        f"coalesce({row}.error_code, ''), {sign}1, {sign}{row}.amount, {sign}{row}.credited, "
        f"{sign}{row}.mint_fee, {sign}{row}.lightning_fee) "
        f"ON CONFLICT {PAYMENT_KEY} DO UPDATE SET payments = payments + excluded.payments, "
        "amount = amount + excluded.amount, credited = credited + excluded.credited, "
        "mint_fee = mint_fee + excluded.mint_fee, "
        "lightning_fee = lightning_fee + excluded.lightning_fee;"
    )


PAID_NEW = "NEW.state = 'paid' AND NEW.paid_at IS NOT NULL"
PAID_OLD = "OLD.state = 'paid' AND OLD.paid_at IS NOT NULL"
SALE_COLUMNS = "state, paid_at, currency, unit, amount, due, fee_advance"
PAYMENT_COLUMNS = (
    "state, method, offline, mint_url, unit, error_code, amount, credited, mint_fee, "
    "lightning_fee, created_at"
)
TRIGGERS = {
    "sales_hourly_insert": f"AFTER INSERT ON sales WHEN {PAID_NEW} BEGIN {_sale('NEW', '+')} END",
    "sales_hourly_update_old": f"AFTER UPDATE OF {SALE_COLUMNS} ON sales WHEN {PAID_OLD} "
    f"BEGIN {_sale('OLD', '-')} END",
    "sales_hourly_update_new": f"AFTER UPDATE OF {SALE_COLUMNS} ON sales WHEN {PAID_NEW} "
    f"BEGIN {_sale('NEW', '+')} END",
    "sales_hourly_delete": f"AFTER DELETE ON sales WHEN {PAID_OLD} BEGIN {_sale('OLD', '-')} END",
    "payments_hourly_insert": f"AFTER INSERT ON payments BEGIN {_payment('NEW', '+')} END",
    "payments_hourly_update": f"AFTER UPDATE OF {PAYMENT_COLUMNS} ON payments "
    f"BEGIN {_payment('OLD', '-')} {_payment('NEW', '+')} END",
    "payments_hourly_delete": f"AFTER DELETE ON payments BEGIN {_payment('OLD', '-')} END",
}

BACKFILL = (
    "INSERT INTO sales_hourly (hour, currency, unit, sales, cents, sat, fee_advance) "
    "SELECT paid_at / 3600, currency, unit, count(*), "
    "sum(CAST(round(CAST(amount AS NUMERIC) * 100) AS INTEGER)), sum(due - fee_advance), "
    "sum(fee_advance) FROM sales WHERE state = 'paid' AND paid_at IS NOT NULL "
    "GROUP BY paid_at / 3600, currency, unit",
    "INSERT INTO payments_hourly (hour, state, method, mint_url, unit, error_code, payments, "
    "amount, credited, mint_fee, lightning_fee) "
    "SELECT created_at / 3600, state, "
    "CASE WHEN offline THEN 'offline' ELSE coalesce(method, '-') END, coalesce(mint_url, ''), "
    "coalesce(unit, ''), coalesce(error_code, ''), count(*), sum(amount), sum(credited), "
    "sum(mint_fee), sum(lightning_fee) FROM payments GROUP BY 1, 2, 3, 4, 5, 6",
)


def upgrade() -> None:
    op.create_table(
        "sales_hourly",
        sa.Column("hour", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("sales", sa.BigInteger(), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.Column("sat", sa.BigInteger(), nullable=False),
        sa.Column("fee_advance", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("hour", "currency", "unit", name=op.f("pk_sales_hourly")),
    )
    op.create_table(
        "payments_hourly",
        sa.Column("hour", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("mint_url", sa.String(length=500), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("error_code", sa.String(length=64), nullable=False),
        sa.Column("payments", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("credited", sa.BigInteger(), nullable=False),
        sa.Column("mint_fee", sa.BigInteger(), nullable=False),
        sa.Column("lightning_fee", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "hour",
            "state",
            "method",
            "mint_url",
            "unit",
            "error_code",
            name=op.f("pk_payments_hourly"),
        ),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in BACKFILL:
            op.execute(statement)
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("payments_hourly")
    op.drop_table("sales_hourly")
