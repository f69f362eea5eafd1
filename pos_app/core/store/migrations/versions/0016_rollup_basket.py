"""The day and hour sums learn the basket: tips, discounts and VAT by rate, apart from the sales.

``sales_sums.sat`` was ``due - fee_advance``; since the basket ``due`` holds the tip, so the
sums counted tips as sales. Now ``sat`` is ``due - fee_advance - tip_sat`` (the sales alone)
and the tip, the discount and the VAT are summed in columns of their own; ``vat_sums``
holds the sales' stored VAT breakdowns per rate (summed as stored, never recomputed).
The sums are rebuilt from the rows once here, and the triggers replaced (SQLite only, as
0007). A paid sale's basket figures join the figures a closed Z report protects (0006).

Discounts per line: a sale line keeps its own discount (``sale_lines.line_discount``,
JSON kind, value, amount, reason) and the sale their sum (``sales.line_discounts``); the
sums' discounts are the sale discount and the line discounts together.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

GRAINS = (("h", 3600), ("d", 86400))
NEW_COLUMNS = ("tip_cents", "tip_sat", "discounts", "discount_cents", "vat_cents")


def _cents(expr: str) -> str:
    return f"CAST(round(CAST({expr} AS NUMERIC) * 100) AS INTEGER)"


def _vat_total(row: str) -> str:
    """SQL: the sale's VAT (all rates) in cents, from its stored breakdown."""
    vat = _cents("json_extract(value, '$.vat')")
    # Built from constants only (row is NEW, OLD or sales): trigger text, not a query with input.
    return f"(SELECT coalesce(sum({vat}), 0) FROM json_each(coalesce({row}.vat_breakdown, '[]')))"  # noqa: S608


def _sale_values(row: str, basket: bool) -> tuple[str, str, list[str]]:
    """Columns, conflict update and the per-row values of a sale's sums (old or new shape)."""
    columns = "sales, cents, sat, fee_advance"
    values = [
        "1",
        _cents(f"{row}.amount"),
        f"({row}.due - {row}.fee_advance" + (f" - {row}.tip_sat)" if basket else ")"),
        f"{row}.fee_advance",
    ]
    if basket:
        columns += ", " + ", ".join(NEW_COLUMNS)
        discount = (
            f"({_cents(f'coalesce({row}.discount_amount, 0)')} + "
            f"{_cents(f'coalesce({row}.line_discounts, 0)')})"
        )
        values += [
            _cents(f"coalesce({row}.tip_amount, '0')"),
            f"{row}.tip_sat",
            f"(CASE WHEN {discount} > 0 THEN 1 ELSE 0 END)",
            discount,
            _vat_total(row),
        ]
    update = ", ".join(f"{c} = {c} + excluded.{c}" for c in columns.split(", "))
    return columns, update, values


def _sale(row: str, sign: str, basket: bool) -> str:
    """Upserts that add (``+``) or take away (``-``) sale ``row`` (NEW or OLD), both grains."""
    columns, update, values = _sale_values(row, basket)
    # Built from constants only (row is NEW or OLD): trigger text, not a query with input.
    out = [
        f"INSERT INTO sales_sums (grain, at, currency, unit, {columns}) "  # noqa: S608
        f"VALUES ('{grain}', {row}.paid_at / {size}, {row}.currency, {row}.unit, "
        + ", ".join(f"{sign}{v}" for v in values)
        + f") ON CONFLICT (grain, at, currency, unit) DO UPDATE SET {update};"
        for grain, size in GRAINS
    ]
    if basket:
        part = "json_extract(value, '$.{}')"
        out += [
            "INSERT INTO vat_sums (grain, at, currency, rate, sales, net, vat, gross) "  # noqa: S608
            f"SELECT '{grain}', {row}.paid_at / {size}, {row}.currency, "
            f"{part.format('rate')}, {sign}1, {sign}{_cents(part.format('net'))}, "
            f"{sign}{_cents(part.format('vat'))}, {sign}{_cents(part.format('gross'))} "
            f"FROM json_each(coalesce({row}.vat_breakdown, '[]')) WHERE true "
            "ON CONFLICT (grain, at, currency, rate) DO UPDATE SET sales = sales + "
            "excluded.sales, net = net + excluded.net, vat = vat + excluded.vat, "
            "gross = gross + excluded.gross;"
            for grain, size in GRAINS
        ]
    return " ".join(out)


PAID_NEW = "NEW.state = 'paid' AND NEW.paid_at IS NOT NULL"
PAID_OLD = "OLD.state = 'paid' AND OLD.paid_at IS NOT NULL"
OLD_SALE_COLUMNS = "state, paid_at, currency, unit, amount, due, fee_advance"
BASKET_FIGURES = "tip_amount, tip_sat, discount_amount, line_discounts, vat_breakdown"


def _triggers(basket: bool) -> dict[str, str]:
    columns = OLD_SALE_COLUMNS + (f", {BASKET_FIGURES}" if basket else "")
    return {
        "sales_sums_insert": f"AFTER INSERT ON sales WHEN {PAID_NEW} "
        f"BEGIN {_sale('NEW', '+', basket)} END",
        "sales_sums_update_old": f"AFTER UPDATE OF {columns} ON sales WHEN {PAID_OLD} "
        f"BEGIN {_sale('OLD', '-', basket)} END",
        "sales_sums_update_new": f"AFTER UPDATE OF {columns} ON sales WHEN {PAID_NEW} "
        f"BEGIN {_sale('NEW', '+', basket)} END",
        "sales_sums_delete": f"AFTER DELETE ON sales WHEN {PAID_OLD} "
        f"BEGIN {_sale('OLD', '-', basket)} END",
    }


CLOSED = "(SELECT coalesce(max(closed_at), 0) FROM z_reports)"
OLD_SALE_FIGURES = "state, currency, amount, unit, due, fee_advance, paid, rate, paid_at"


def _closed(basket: bool) -> str:
    figures = OLD_SALE_FIGURES + (f", subtotal, total, {BASKET_FIGURES}" if basket else "")
    return (
        f"BEFORE UPDATE OF {figures} ON sales "
        f"WHEN OLD.state = 'paid' AND OLD.paid_at < {CLOSED} BEGIN "
        "SELECT RAISE(ABORT, 'this sale is in a closed Z report'); END"
    )


def _rebuild(basket: bool) -> list[str]:
    """Statements that sum every paid sale again (the sums' rows for sales only)."""
    out = ["DELETE FROM sales_sums"]
    columns, _update, values = _sale_values("sales", basket)
    for grain, size in GRAINS:
        out.append(
            f"INSERT INTO sales_sums (grain, at, currency, unit, {columns}) "  # noqa: S608
            f"SELECT '{grain}', paid_at / {size}, currency, unit, "
            + ", ".join(f"sum({v})" for v in values)
            + " FROM sales WHERE state = 'paid' AND paid_at IS NOT NULL GROUP BY 2, 3, 4"
        )
        if basket:
            part = "json_extract(j.value, '$.{}')"
            out.append(
                "INSERT INTO vat_sums (grain, at, currency, rate, sales, net, vat, gross) "  # noqa: S608
                f"SELECT '{grain}', s.paid_at / {size}, s.currency, {part.format('rate')}, "
                f"count(*), sum({_cents(part.format('net'))}), "
                f"sum({_cents(part.format('vat'))}), sum({_cents(part.format('gross'))}) "
                "FROM sales s, json_each(s.vat_breakdown) j WHERE s.state = 'paid' AND "
                "s.paid_at IS NOT NULL AND s.vat_breakdown IS NOT NULL GROUP BY 2, 3, 4"
            )
    return out


def _swap(basket: bool) -> None:
    for name in _triggers(basket):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TRIGGER IF EXISTS sales_closed")
    for statement in _rebuild(basket):
        op.execute(statement)
    for name, body in _triggers(basket).items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"CREATE TRIGGER sales_closed {_closed(basket)}")


def upgrade() -> None:
    op.add_column("sale_lines", sa.Column("line_discount", sa.Text(), nullable=True))
    op.add_column("sales", sa.Column("line_discounts", sa.String(40), nullable=True))
    for name in NEW_COLUMNS:
        op.add_column(
            "sales_sums", sa.Column(name, sa.BigInteger(), nullable=False, server_default="0")
        )
    op.create_table(
        "vat_sums",
        sa.Column("grain", sa.String(length=1), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("rate", sa.String(length=8), nullable=False),
        sa.Column("sales", sa.BigInteger(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("vat", sa.BigInteger(), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("grain", "at", "currency", "rate", name=op.f("pk_vat_sums")),
    )
    if op.get_bind().dialect.name == "sqlite":
        _swap(basket=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _triggers(True):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("vat_sums")
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL), as 0010: no batch copy of the table.
    for name in reversed(NEW_COLUMNS):
        op.execute(f"ALTER TABLE sales_sums DROP COLUMN {name}")
    if op.get_bind().dialect.name == "sqlite":
        _swap(basket=False)
    op.execute("ALTER TABLE sales DROP COLUMN line_discounts")
    op.execute("ALTER TABLE sale_lines DROP COLUMN line_discount")
