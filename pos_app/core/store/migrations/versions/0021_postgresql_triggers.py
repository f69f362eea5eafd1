"""PostgreSQL gets the triggers SQLite has had since 0006, 0007 and 0016.

On SQLite, triggers keep the report sums (``sales_sums``, ``vat_sums``,
``payment_sums``) exact on every insert, update and delete, and refuse to change a
closed Z report, the balance ledger, or the figures of a sale or payment a closed Z
report counted. Those scripts made them for SQLite only; a shop's shared PostgreSQL
database needs the same rules, or its reports would read empty sums and a closed
report could be edited. Here they are, as PL/pgSQL trigger functions with the same
names, conditions and effects as the SQLite ones at 0016.

Differences from SQLite's text: JSON is read with ``json_array_elements`` and
``->>``; cents are BIGINT; a trigger's WHEN cannot hold a subquery, so the
closed-period checks ask ``z_reports`` inside the function; the refusals raise
SQLSTATE 23000 (integrity constraint violation), which SQLAlchemy reports as
``IntegrityError`` as it does SQLite's ``RAISE(ABORT)``.

No rows are summed again here: no PostgreSQL store held sales before this revision.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

GRAINS = (("h", 3600), ("d", 86400))
CLOSED = "(SELECT coalesce(max(closed_at), 0) FROM z_reports)"
PAID_NEW = "NEW.state = 'paid' AND NEW.paid_at IS NOT NULL"
PAID_OLD = "OLD.state = 'paid' AND OLD.paid_at IS NOT NULL"
BASKET_FIGURES = "tip_amount, tip_sat, discount_amount, line_discounts, vat_breakdown"
SALE_COLUMNS = f"state, paid_at, currency, unit, amount, due, fee_advance, {BASKET_FIGURES}"
SALE_FIGURES = (
    "state, currency, amount, unit, due, fee_advance, paid, rate, paid_at, subtotal, total, "
    f"{BASKET_FIGURES}"
)
PAYMENT_FIGURES = (
    "state, method, mint_url, unit, amount, credited, mint_fee, lightning_fee, offline"
)
PAYMENT_COLUMNS = (
    "state, method, offline, mint_url, unit, error_code, amount, credited, mint_fee, "
    "lightning_fee, created_at"
)


def _cents(expr: str) -> str:
    return f"CAST(round(CAST({expr} AS NUMERIC) * 100) AS BIGINT)"


def _vat_rows(row: str) -> str:
    return f"json_array_elements(coalesce({row}.vat_breakdown, '[]')::json) AS j(value)"


def _sale(row: str, sign: str) -> list[str]:
    """Upserts that add (``+``) or take away (``-``) sale ``row`` (NEW or OLD), both grains."""
    tip = _cents(f"coalesce({row}.tip_amount, '0')")
    sale_discount = _cents(f"coalesce({row}.discount_amount, '0')")
    line_discounts = _cents(f"coalesce({row}.line_discounts, '0')")
    discount = f"({sale_discount} + {line_discounts})"
    vat = _cents("j.value->>'vat'")
    vat_total = f"(SELECT coalesce(sum({vat}), 0) FROM {_vat_rows(row)})"  # noqa: S608
    values = [
        "1",
        _cents(f"{row}.amount"),
        f"({row}.due - {row}.fee_advance - {row}.tip_sat)",
        f"{row}.fee_advance",
        tip,
        f"{row}.tip_sat",
        f"(CASE WHEN {discount} > 0 THEN 1 ELSE 0 END)",
        discount,
        vat_total,
    ]
    columns = [
        "sales",
        "cents",
        "sat",
        "fee_advance",
        "tip_cents",
        "tip_sat",
        "discounts",
        "discount_cents",
        "vat_cents",
    ]
    update = ", ".join(f"{c} = sales_sums.{c} + excluded.{c}" for c in columns)
    part = "j.value->>'{}'"
    out = []
    for grain, size in GRAINS:
        # Built from constants only (row is NEW or OLD): trigger text, not a query with input.
        out.append(
            f"INSERT INTO sales_sums (grain, at, currency, unit, {', '.join(columns)}) "  # noqa: S608
            f"VALUES ('{grain}', {row}.paid_at / {size}, {row}.currency, {row}.unit, "
            + ", ".join(f"{sign}{v}" for v in values)
            + f") ON CONFLICT (grain, at, currency, unit) DO UPDATE SET {update};"
        )
        out.append(
            "INSERT INTO vat_sums (grain, at, currency, rate, sales, net, vat, gross) "  # noqa: S608
            f"SELECT '{grain}', {row}.paid_at / {size}, {row}.currency, "
            f"{part.format('rate')}, {sign}1, {sign}{_cents(part.format('net'))}, "
            f"{sign}{_cents(part.format('vat'))}, {sign}{_cents(part.format('gross'))} "
            f"FROM {_vat_rows(row)} "
            "ON CONFLICT (grain, at, currency, rate) DO UPDATE SET "
            "sales = vat_sums.sales + excluded.sales, net = vat_sums.net + excluded.net, "
            "vat = vat_sums.vat + excluded.vat, gross = vat_sums.gross + excluded.gross;"
        )
    return out


def _payment(row: str, sign: str) -> list[str]:
    """Upserts that add or take away payment ``row`` in each dimension it counts in."""
    method = f"CASE WHEN {row}.offline THEN 'offline' ELSE coalesce({row}.method, '-') END"
    dims = (
        ("state", f"{row}.state", "true"),
        ("mint", f"coalesce({row}.mint_url, '')", f"{row}.state = 'settled'"),
        ("method", method, f"{row}.state = 'settled'"),
        ("reason", f"coalesce({row}.error_code, '')", f"{row}.state = 'rejected'"),
    )
    columns = ("payments", "amount", "credited", "mint_fee", "lightning_fee")
    update = ", ".join(f"{c} = payment_sums.{c} + excluded.{c}" for c in columns)
    # Built from constants only (row is NEW or OLD): trigger text, not a query with input.
    return [
        f"IF {when} THEN "  # noqa: S608
        "INSERT INTO payment_sums (grain, at, dim, key, unit, payments, amount, credited, "
        f"mint_fee, lightning_fee) VALUES ('{grain}', {row}.created_at / {size}, '{dim}', "
        f"{key}, coalesce({row}.unit, ''), {sign}1, {sign}{row}.amount, {sign}{row}.credited, "
        f"{sign}{row}.mint_fee, {sign}{row}.lightning_fee) "
        f"ON CONFLICT (grain, at, dim, key, unit) DO UPDATE SET {update}; END IF;"
        for grain, size in GRAINS
        for dim, key, when in dims
    ]


def _refuse(message: str, when: str = "true") -> list[str]:
    return [
        f"IF {when} THEN RAISE EXCEPTION '{message}' USING ERRCODE = '23000'; END IF;",
    ]


# name: (timing and event, table, WHEN condition or None, the function's statements)
TRIGGERS: dict[str, tuple[str, str, str | None, list[str]]] = {
    "z_reports_no_update": (
        "BEFORE UPDATE",
        "z_reports",
        None,
        _refuse("a closed Z report cannot change"),
    ),
    "z_reports_no_delete": (
        "BEFORE DELETE",
        "z_reports",
        None,
        _refuse("a closed Z report cannot be removed"),
    ),
    "balance_moves_no_update": (
        "BEFORE UPDATE",
        "balance_moves",
        None,
        _refuse("the balance ledger is append-only"),
    ),
    "balance_moves_no_delete": (
        "BEFORE DELETE",
        "balance_moves",
        None,
        _refuse("the balance ledger is append-only"),
    ),
    "sales_closed": (
        f"BEFORE UPDATE OF {SALE_FIGURES}",
        "sales",
        "OLD.state = 'paid'",
        _refuse("this sale is in a closed Z report", f"OLD.paid_at < {CLOSED}"),
    ),
    "payments_closed": (
        f"BEFORE UPDATE OF {PAYMENT_FIGURES}",
        "payments",
        "OLD.state IN ('settled', 'rejected')",
        _refuse("this payment is in a closed Z report", f"OLD.created_at < {CLOSED}"),
    ),
    "sales_sums_insert": ("AFTER INSERT", "sales", PAID_NEW, _sale("NEW", "+")),
    "sales_sums_update_old": (
        f"AFTER UPDATE OF {SALE_COLUMNS}",
        "sales",
        PAID_OLD,
        _sale("OLD", "-"),
    ),
    "sales_sums_update_new": (
        f"AFTER UPDATE OF {SALE_COLUMNS}",
        "sales",
        PAID_NEW,
        _sale("NEW", "+"),
    ),
    "sales_sums_delete": ("AFTER DELETE", "sales", PAID_OLD, _sale("OLD", "-")),
    "payment_sums_insert": ("AFTER INSERT", "payments", None, _payment("NEW", "+")),
    "payment_sums_update": (
        f"AFTER UPDATE OF {PAYMENT_COLUMNS}",
        "payments",
        None,
        _payment("OLD", "-") + _payment("NEW", "+"),
    ),
    "payment_sums_delete": ("AFTER DELETE", "payments", None, _payment("OLD", "-")),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, (timing, table, when, body) in TRIGGERS.items():
        op.execute(
            f"CREATE FUNCTION pos_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + " ".join(body)
            # A BEFORE trigger that returned NULL would skip the row's change silently.
            + (" RETURN OLD;" if timing.endswith("DELETE") else " RETURN NEW;")
            + " END $$"
        )
        condition = f" WHEN ({when})" if when else ""
        op.execute(
            f"CREATE TRIGGER {name} {timing} ON {table} FOR EACH ROW{condition} "
            f"EXECUTE FUNCTION pos_{name}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, (_timing, table, _when, _body) in TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS pos_{name}()")
