"""Z reports per till: each till of a shared store numbers and chains its own.

``z_reports.till_id`` is the till whose sales a report closed; NULL is the shop's report
(every till's rows and the ecash drawer). A single till on its own SQLite file has only
NULL reports, exactly as before. Numbers are unique per till: a unique index on
``(till_id, number)`` for the tills' reports and a partial unique index on ``number``
where ``till_id IS NULL`` for the shop's, because NULLs are distinct in a unique index
on SQLite and PostgreSQL alike: ``(till_id, number)`` alone would let two shop reports
share a number. (An index on ``coalesce(till_id, '')`` would do the same, but SQLite's
reflection skips expression indexes, so the two stores' schemas could not be compared.)

The triggers that freeze what a closed report counted ask for the closes that counted the
row: its own till's and the shop's. A close at another till no longer freezes this
till's sales and payments (a second payment settling on a paid sale still updates it).

On SQLite the table is copied to drop the old constraint (batch mode); the triggers on
it and those that read it are dropped first (a rename with a trigger reading a missing
table fails) and made again after.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

TILL_INDEX = "uq_z_reports_till_id_number"
SHOP_INDEX = "uq_z_reports_shop_number"
SALE_FIGURES = (  # as 0016 left them (SQLite) and 0021 made them (PostgreSQL)
    "state, currency, amount, unit, due, fee_advance, paid, rate, paid_at, subtotal, total, "
    "tip_amount, tip_sat, discount_amount, line_discounts, vat_breakdown"
)
PAYMENT_FIGURES = (
    "state, method, mint_url, unit, amount, credited, mint_fee, lightning_fee, offline"
)
CLOSED_ANY = "(SELECT coalesce(max(closed_at), 0) FROM z_reports)"
# The closes that counted the row: the shop's (till_id NULL) and its own till's.
CLOSED_FOR_ROW = (
    "(SELECT coalesce(max(closed_at), 0) FROM z_reports "
    "WHERE till_id IS NULL OR till_id = OLD.till_id)"
)


def _sqlite_triggers(closed: str) -> dict[str, str]:
    return {
        "z_reports_no_update": "BEFORE UPDATE ON z_reports BEGIN "
        "SELECT RAISE(ABORT, 'a closed Z report cannot change'); END",
        "z_reports_no_delete": "BEFORE DELETE ON z_reports BEGIN "
        "SELECT RAISE(ABORT, 'a closed Z report cannot be removed'); END",
        "sales_closed": f"BEFORE UPDATE OF {SALE_FIGURES} ON sales "
        f"WHEN OLD.state = 'paid' AND OLD.paid_at < {closed} BEGIN "
        "SELECT RAISE(ABORT, 'this sale is in a closed Z report'); END",
        "payments_closed": f"BEFORE UPDATE OF {PAYMENT_FIGURES} ON payments "
        f"WHEN OLD.state IN ('settled', 'rejected') AND OLD.created_at < {closed} BEGIN "
        "SELECT RAISE(ABORT, 'this payment is in a closed Z report'); END",
    }


def _pg_functions(closed: str) -> list[str]:
    """The closed-period trigger functions of 0021 with ``closed`` as the last close."""
    refuse = "IF {when} THEN RAISE EXCEPTION '{message}' USING ERRCODE = '23000'; END IF;"
    bodies = {
        "sales_closed": refuse.format(
            when=f"OLD.paid_at < {closed}", message="this sale is in a closed Z report"
        ),
        "payments_closed": refuse.format(
            when=f"OLD.created_at < {closed}", message="this payment is in a closed Z report"
        ),
    }
    return [
        f"CREATE OR REPLACE FUNCTION pos_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN NEW; END $$"
        for name, body in bodies.items()
    ]


def _sqlite_swap(closed: str, change) -> None:
    for name in _sqlite_triggers(closed):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("z_reports", recreate="always") as batch_op:
        change(batch_op)
    for name, body in _sqlite_triggers(closed).items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade() -> None:
    def change(batch_op) -> None:
        batch_op.add_column(sa.Column("till_id", sa.String(length=36), nullable=True))
        batch_op.drop_constraint("uq_z_reports_number", type_="unique")

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_swap(CLOSED_FOR_ROW, change)
    else:
        op.add_column("z_reports", sa.Column("till_id", sa.String(length=36), nullable=True))
        op.drop_constraint("uq_z_reports_number", "z_reports", type_="unique")
        for statement in _pg_functions(CLOSED_FOR_ROW):
            op.execute(statement)
    op.create_index(TILL_INDEX, "z_reports", ["till_id", "number"], unique=True)
    shop_only = sa.text("till_id IS NULL")
    op.create_index(
        SHOP_INDEX,
        "z_reports",
        ["number"],
        unique=True,
        sqlite_where=shop_only,
        postgresql_where=shop_only,
    )


def downgrade() -> None:
    # Fails (a unique violation) when tills have numbered their own reports: the old
    # schema has one numbering for the whole store, and no report may be dropped.
    op.drop_index(SHOP_INDEX, table_name="z_reports")
    op.drop_index(TILL_INDEX, table_name="z_reports")

    def change(batch_op) -> None:
        batch_op.create_unique_constraint("uq_z_reports_number", ["number"])
        batch_op.drop_column("till_id")

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_swap(CLOSED_ANY, change)
    else:
        for statement in _pg_functions(CLOSED_ANY):
            op.execute(statement)
        op.execute("ALTER TABLE z_reports ADD CONSTRAINT uq_z_reports_number UNIQUE (number)")
        op.execute("ALTER TABLE z_reports DROP COLUMN till_id")
