"""The hourly sums the reports read: kept exact by triggers through inserts, state changes,
edits and deletes, and giving the same figures and series as the rows themselves."""

from __future__ import annotations

import json
import os
import random
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import MetaData, Table, delete, func, inspect, select, text, update

from pos_app.core.reports import periods as P
from pos_app.core.reports import rollup
from pos_app.core.reports import series as S
from pos_app.core.reports.figures import Figures, figures, figures_from_rows
from pos_app.core.store.db import Database
from pos_app.core.store.schema import Payment, PaymentSum, Sale, SalesSum, VatSum
from tests.support.report_history import expected, history


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db(request, tmp_path):
    """A store holding a generated history, on each backend (the triggers are each its own)."""
    if request.param == "sqlite":
        database = Database(tmp_path / "pos.db", os.urandom(32), create=True)
    else:
        server = request.getfixturevalue("pg_server")
        database = Database.postgresql(server.url(server.create_database()))
    database.migrate()
    sales, payments = history(seed=3)

    def write(session):
        session.add_all(Sale(**s) for s in sales)
        session.flush()
        session.add_all(Payment(**p) for p in payments)

    database.transact(write)
    yield database
    database.close()


GRAINS = (("h", 3600), ("d", 86400))


def sums_from_rows(session):
    """The sums computed here, by hand, from every row, for both grains."""
    sales, payments, vat = {}, {}, {}
    paid = session.scalars(select(Sale).where(Sale.state == "paid", Sale.paid_at.is_not(None)))
    for s in paid:
        lines = json.loads(s.vat_breakdown or "[]")
        off = int((Decimal(s.discount_amount or 0) + Decimal(s.line_discounts or 0)) * 100)
        for grain, size in GRAINS:
            key = (grain, s.paid_at // size, s.currency, s.unit)
            before = sales.get(key, (0,) * 9)
            sales[key] = tuple(
                a + b
                for a, b in zip(
                    before,
                    (
                        1,
                        int(Decimal(s.amount) * 100),
                        s.due - s.fee_advance - s.tip_sat,  # the sales never hold the tip
                        s.fee_advance,
                        int(Decimal(s.tip_amount or 0) * 100),
                        s.tip_sat,
                        off > 0,
                        off,
                        sum(int(Decimal(x["vat"]) * 100) for x in lines),
                    ),
                    strict=True,
                )
            )
            for x in lines:
                vkey = (grain, s.paid_at // size, s.currency, x["rate"])
                n, net, tax, gross = vat.get(vkey, (0, 0, 0, 0))
                vat[vkey] = (
                    n + 1,
                    net + int(Decimal(x["net"]) * 100),
                    tax + int(Decimal(x["vat"]) * 100),
                    gross + int(Decimal(x["gross"]) * 100),
                )
    for p in session.scalars(select(Payment)):
        dims = [("state", p.state)]
        if p.state == "settled":
            dims += [
                ("mint", p.mint_url or ""),
                ("method", "offline" if p.offline else p.method or "-"),
            ]
        if p.state == "rejected":
            dims.append(("reason", p.error_code or ""))
        for grain, size in GRAINS:
            for dim, value in dims:
                key = (grain, p.created_at // size, dim, value, p.unit or "")
                n, amount, credited, mfee, lfee = payments.get(key, (0, 0, 0, 0, 0))
                payments[key] = (
                    n + 1,
                    amount + p.amount,
                    credited + p.credited,
                    mfee + p.mint_fee,
                    lfee + p.lightning_fee,
                )
    return sales, payments, vat


def sums_kept(session):
    sales = {
        (r.grain, r.at, r.currency, r.unit): (
            r.sales,
            r.cents,
            r.sat,
            r.fee_advance,
            r.tip_cents,
            r.tip_sat,
            r.discounts,
            r.discount_cents,
            r.vat_cents,
        )
        for r in session.scalars(select(SalesSum))
        if r.sales
    }
    vat = {
        (r.grain, r.at, r.currency, r.rate): (r.sales, r.net, r.vat, r.gross)
        for r in session.scalars(select(VatSum))
        if r.sales
    }
    payments = {
        (r.grain, r.at, r.dim, r.key, r.unit): (
            r.payments,
            r.amount,
            r.credited,
            r.mint_fee,
            r.lightning_fee,
        )
        for r in session.scalars(select(PaymentSum))
        if r.payments
    }
    return sales, payments, vat


def test_the_triggers_keep_the_sums_exact_through_every_kind_of_change(db):
    rng = random.Random(7)

    def churn(session):
        payments = list(session.scalars(select(Payment.id)))
        sales = list(session.scalars(select(Sale.id)))
        for pid in rng.sample(payments, 40):
            session.execute(
                update(Payment)
                .where(Payment.id == pid)
                .values(
                    state=rng.choice(["settled", "rejected", "needs_review", "dismissed"]),
                    error_code=rng.choice([None, "token.already_spent"]),
                    credited=rng.randrange(0, 500),
                    offline=rng.random() < 0.2,
                )
            )
        for sid in rng.sample(sales, 30):
            session.execute(
                update(Sale)
                .where(Sale.id == sid)
                .values(
                    state=rng.choice(["paid", "cancelled", "expired"]),
                    paid_at=Sale.paid_at + rng.choice([0, 3600, 86400]),
                    amount="12.34",
                )
            )
        # The basket's figures change too: a tip, a discount, a breakdown added or removed.
        for sid in rng.sample(sales, 30):
            session.execute(
                update(Sale)
                .where(Sale.id == sid)
                .values(
                    tip_amount=rng.choice([None, "0", "1.50", "7"]),
                    tip_sat=rng.choice([0, 15, 700]),
                    discount_amount=rng.choice([None, "0", "2.25"]),
                    line_discounts=rng.choice([None, "0.40", "3"]),
                    vat_breakdown=rng.choice(
                        [
                            None,
                            '[{"rate": "7", "net": "11.53", "vat": "0.81", "gross": "12.34"}]',
                            '[{"rate": "0", "net": "2.00", "vat": "0.00", "gross": "2.00"}, '
                            '{"rate": "19", "net": "8.69", "vat": "1.65", "gross": "10.34"}]',
                        ]
                    ),
                )
            )
        # A sale paid now that had no payment time, and rows removed altogether.
        gone = rng.sample(payments, 10)
        session.execute(delete(Payment).where(Payment.id.in_(gone)))
        spare = session.scalars(select(Sale.id).where(~Sale.id.in_(select(Payment.sale_id)))).all()
        session.execute(delete(Sale).where(Sale.id.in_(spare[:5])))

    db.transact(churn)
    assert db.transact(sums_kept) == db.transact(sums_from_rows)


ZONES_AND_DAYS = [
    ("Europe/Berlin", date(2026, 3, 28), date(2026, 3, 30)),  # across the spring change
    ("Europe/Berlin", date(2026, 3, 1), date(2026, 4, 15)),
    ("America/New_York", date(2026, 3, 24), date(2026, 3, 30)),
    ("UTC", date(2026, 3, 25), date(2026, 3, 25)),
]


@pytest.mark.parametrize(("zone", "first", "last"), ZONES_AND_DAYS)
def test_the_sums_give_the_figures_and_series_of_the_rows(db, zone, first, last):
    period = P.custom(first, last, P.zone(zone))
    assert rollup.covers(period)

    def both(session):
        summed = figures(session, period)
        rows = figures_from_rows(session, period, Figures(period))
        return summed.to_dict(), rows.to_dict()

    summed, rows = db.transact(both)
    assert summed == rows and summed["sales"] > 0
    for size in ("hour", "day", "week", "month"):
        series = db.transact(lambda s, n=size: S.series(s, period, n))
        original = rollup.covers
        try:
            rollup.covers = lambda _period: False  # the same series, read from the rows
            from_rows = db.transact(lambda s, n=size: S.series(s, period, n))
        finally:
            rollup.covers = original
        assert series == from_rows, size
        assert sum(b.sales for b in series.buckets) == summed["sales"]


def test_a_half_hour_zone_and_a_shift_are_read_from_the_rows():
    kolkata = P.custom(date(2026, 3, 1), date(2026, 3, 2), P.zone("Asia/Kolkata"))
    assert not rollup.covers(kolkata)
    assert not rollup.covers(P.Span(3600 * 10 + 5, 3600 * 20, P.zone("UTC")))
    assert rollup.covers(P.Span(3600 * 10, 3600 * 20, P.zone("UTC")))
    # Lord Howe moves its clocks by half an hour: whole-hour bounds, half-hour offsets.
    assert not rollup.covers(
        P.custom(date(2026, 4, 1), date(2026, 4, 10), P.zone("Australia/Lord_Howe"))
    )


def test_a_half_hour_zone_still_matches_the_hand_count(db):
    sales, payments = history(seed=3)
    period = P.custom(date(2026, 3, 20), date(2026, 3, 31), P.zone("Asia/Kolkata"))
    got = db.transact(lambda s: figures(s, period)).to_dict()
    want = expected(sales, payments, period)
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("before", ["0006", "0014"])
def test_the_migration_sums_what_was_there_before(tmp_path, before):
    """0007 sums the sales first; 0016 sums them again without the tips (then in ``due``)."""
    from pos_app.core.store import migrate

    database = Database(tmp_path / "old.db", os.urandom(32), create=True)
    try:
        migrate.upgrade(database.engine, before)
        sales, payments = history(seed=9)

        def at_0006(session, model):  # the table as that revision had it: its columns only
            columns = inspect(session.connection()).get_columns(model.__tablename__)
            there = {c["name"] for c in columns}
            return Table(
                model.__tablename__,
                MetaData(),
                *(c._copy() for c in model.__table__.columns if c.name in there),
            )

        def write(session):  # an older wallet: no triggers yet
            session.execute(at_0006(session, Sale).insert(), sales)
            session.execute(at_0006(session, Payment).insert(), payments)

        database.transact(write)
        assert database.transact(
            lambda s: s.execute(text("SELECT count(*) FROM sales")).scalar()
        ) == len(sales)
        daily_sat = text("SELECT sum(sat) FROM sales_sums WHERE grain = 'd'")
        paid = [x for x in sales if x["state"] == "paid"]
        tips = sum(x.get("tip_sat", 0) for x in paid)
        if before == "0014":  # the sums 0007 kept counted the tips as sales
            assert tips > 0
            assert database.transact(lambda s: s.scalar(daily_sat)) == sum(
                x["due"] - x["fee_advance"] for x in paid
            )
        migrate.upgrade(database.engine)
        assert database.transact(lambda s: s.scalar(daily_sat)) == sum(
            x["due"] - x["fee_advance"] for x in paid
        ) - (tips if before == "0014" else 0)
        assert database.transact(sums_kept) == database.transact(sums_from_rows)
        assert database.transact(lambda s: s.scalar(select(func.count()).select_from(SalesSum)))
        vat_rows = database.transact(lambda s: s.scalar(select(func.count()).select_from(VatSum)))
        assert (vat_rows > 0) == (before == "0014")
    finally:
        database.close()
