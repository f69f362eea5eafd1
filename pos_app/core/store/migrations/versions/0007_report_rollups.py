"""Sums of paid sales and of payments per hour and per day, kept by triggers, for fast reports.

A dashboard over two years of a busy shop would otherwise read every sale and
payment. It reads these sums instead: whole days from the daily rows, the hours at a
period's edges from the hourly ones (``core/reports/rollup.py``). Payments are
summed one dimension at a time (state; mint, method of the settled; reason of the
refused), which keeps the rows few. Triggers keep the sums exact on every insert,
update and delete, so no code path can forget them; the rows already there are
summed once here. On SQLite only (PostgreSQL gets its own triggers with shared
storage); without them the reports read the rows.

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

GRAINS = (("h", 3600), ("d", 86400))
SALE_SUMS = "sales = sales + excluded.sales, cents = cents + excluded.cents, " + (
    "sat = sat + excluded.sat, fee_advance = fee_advance + excluded.fee_advance"
)
PAYMENT_SUMS = "payments = payments + excluded.payments, amount = amount + excluded.amount, " + (
    "credited = credited + excluded.credited, mint_fee = mint_fee + excluded.mint_fee, "
    "lightning_fee = lightning_fee + excluded.lightning_fee"
)


def _sale(row: str, sign: str) -> str:
    """Upserts that add (``+``) or take away (``-``) sale ``row`` (NEW or OLD), both grains."""
    # Built from constants only (row is NEW or OLD): trigger text, not a query with input.
    return " ".join(
        "INSERT INTO sales_sums (grain, at, currency, unit, sales, cents, sat, fee_advance) "  # noqa: S608
        f"VALUES ('{grain}', {row}.paid_at / {size}, {row}.currency, {row}.unit, {sign}1, "
        f"{sign}CAST(round(CAST({row}.amount AS NUMERIC) * 100) AS INTEGER), "
        f"{sign}({row}.due - {row}.fee_advance), {sign}{row}.fee_advance) "
        f"ON CONFLICT (grain, at, currency, unit) DO UPDATE SET {SALE_SUMS};"
        for grain, size in GRAINS
    )


def _payment(row: str, sign: str) -> str:
    """Upserts that add or take away payment ``row`` in each dimension it counts in."""
    method = f"CASE WHEN {row}.offline THEN 'offline' ELSE coalesce({row}.method, '-') END"
    dims = (
        ("state", f"{row}.state", "1"),
        ("mint", f"coalesce({row}.mint_url, '')", f"{row}.state = 'settled'"),
        ("method", method, f"{row}.state = 'settled'"),
        ("reason", f"coalesce({row}.error_code, '')", f"{row}.state = 'rejected'"),
    )
    return " ".join(
        "INSERT INTO payment_sums (grain, at, dim, key, unit, payments, amount, credited, "
        f"mint_fee, lightning_fee) SELECT '{grain}', {row}.created_at / {size}, '{dim}', "
        f"{key}, coalesce({row}.unit, ''), {sign}1, {sign}{row}.amount, {sign}{row}.credited, "
        f"{sign}{row}.mint_fee, {sign}{row}.lightning_fee WHERE {when} "
        f"ON CONFLICT (grain, at, dim, key, unit) DO UPDATE SET {PAYMENT_SUMS};"
        for grain, size in GRAINS
        for dim, key, when in dims
    )


PAID_NEW = "NEW.state = 'paid' AND NEW.paid_at IS NOT NULL"
PAID_OLD = "OLD.state = 'paid' AND OLD.paid_at IS NOT NULL"
SALE_COLUMNS = "state, paid_at, currency, unit, amount, due, fee_advance"
PAYMENT_COLUMNS = (
    "state, method, offline, mint_url, unit, error_code, amount, credited, mint_fee, "
    "lightning_fee, created_at"
)
TRIGGERS = {
    "sales_sums_insert": f"AFTER INSERT ON sales WHEN {PAID_NEW} BEGIN {_sale('NEW', '+')} END",
    "sales_sums_update_old": f"AFTER UPDATE OF {SALE_COLUMNS} ON sales WHEN {PAID_OLD} "
    f"BEGIN {_sale('OLD', '-')} END",
    "sales_sums_update_new": f"AFTER UPDATE OF {SALE_COLUMNS} ON sales WHEN {PAID_NEW} "
    f"BEGIN {_sale('NEW', '+')} END",
    "sales_sums_delete": f"AFTER DELETE ON sales WHEN {PAID_OLD} BEGIN {_sale('OLD', '-')} END",
    "payment_sums_insert": f"AFTER INSERT ON payments BEGIN {_payment('NEW', '+')} END",
    "payment_sums_update": f"AFTER UPDATE OF {PAYMENT_COLUMNS} ON payments "
    f"BEGIN {_payment('OLD', '-')} {_payment('NEW', '+')} END",
    "payment_sums_delete": f"AFTER DELETE ON payments BEGIN {_payment('OLD', '-')} END",
}


def _backfill() -> list[str]:
    out = []
    for grain, size in GRAINS:
        out.append(
            "INSERT INTO sales_sums (grain, at, currency, unit, sales, cents, sat, fee_advance) "  # noqa: S608
            f"SELECT '{grain}', paid_at / {size}, currency, unit, count(*), "
            "sum(CAST(round(CAST(amount AS NUMERIC) * 100) AS INTEGER)), "
            "sum(due - fee_advance), sum(fee_advance) FROM sales "
            "WHERE state = 'paid' AND paid_at IS NOT NULL GROUP BY 2, 3, 4"
        )
        for dim, key, when in (
            ("state", "state", "1"),
            ("mint", "coalesce(mint_url, '')", "state = 'settled'"),
            (
                "method",
                "CASE WHEN offline THEN 'offline' ELSE coalesce(method, '-') END",
                "state = 'settled'",
            ),
            ("reason", "coalesce(error_code, '')", "state = 'rejected'"),
        ):
            out.append(
                "INSERT INTO payment_sums (grain, at, dim, key, unit, payments, amount, "  # noqa: S608
                f"credited, mint_fee, lightning_fee) SELECT '{grain}', created_at / {size}, "
                f"'{dim}', {key}, coalesce(unit, ''), count(*), sum(amount), sum(credited), "
                f"sum(mint_fee), sum(lightning_fee) FROM payments WHERE {when} "
                "GROUP BY 2, 4, 5"
            )
    return out


def upgrade() -> None:
    op.create_table(
        "sales_sums",
        sa.Column("grain", sa.String(length=1), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("sales", sa.BigInteger(), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.Column("sat", sa.BigInteger(), nullable=False),
        sa.Column("fee_advance", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("grain", "at", "currency", "unit", name=op.f("pk_sales_sums")),
    )
    op.create_table(
        "payment_sums",
        sa.Column("grain", sa.String(length=1), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("dim", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("payments", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("credited", sa.BigInteger(), nullable=False),
        sa.Column("mint_fee", sa.BigInteger(), nullable=False),
        sa.Column("lightning_fee", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("grain", "at", "dim", "key", "unit", name=op.f("pk_payment_sums")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in _backfill():
            op.execute(statement)
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("payment_sums")
    op.drop_table("sales_sums")
