"""Report figures and the payments CSV against a history counted independently
(``tests/support/report_history.py``), across a daylight-saving change."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import sys
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text as sql

from pos_app.core.errors import ValidationError
from pos_app.core.reports import ReportService, change_pct
from pos_app.core.reports import periods as P
from pos_app.core.reports import series as series_module
from pos_app.core.reports.payments_csv import DAILY_HEADER, HEADER, in_currency
from pos_app.core.store.db import Database
from pos_app.core.store.schema import Payment, Sale
from tests.support.report_history import (
    BERLIN,
    empty_bucket,
    expected,
    hand_buckets,
    history,
    local_ts,
    sale_off,
    within,
)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def shop(request, tmp_path_factory):
    """A store with a generated history, on each backend (the reports read both alike)."""
    if request.param == "sqlite":
        db = Database(tmp_path_factory.mktemp("reports") / "pos.db", os.urandom(32), create=True)
    else:
        server = request.getfixturevalue("pg_server")
        db = Database.postgresql(server.url(server.create_database()))
    db.migrate()
    sales, payments = history()

    def write(session):
        session.add_all(Sale(**s) for s in sales)
        session.flush()
        session.add_all(Payment(**p) for p in payments)

    db.transact(write)
    now = local_ts(date(2026, 4, 1), 15)
    yield ReportService(db, clock=lambda: now), sales, payments
    db.close()


PERIODS = [
    ("today", None, None),
    ("yesterday", None, None),
    ("this_week", None, None),
    ("last_week", None, None),
    ("this_month", None, None),
    ("last_month", None, None),
    (None, date(2026, 3, 29), date(2026, 3, 29)),  # 23 hours long
    (None, date(2026, 3, 28), date(2026, 3, 30)),
    (None, date(2026, 3, 22), date(2026, 4, 2)),
]


@pytest.mark.parametrize(("name", "first", "last"), PERIODS)
def test_figures_match_the_rows_counted_by_hand(shop, name, first, last):
    service, sales, payments = shop
    period = service.period(name, first=first, last=last, zone="Europe/Berlin")
    got = asyncio.run(service.summary(period))
    want = expected(sales, payments, period)
    assert {k: got[k] for k in want} == want
    before = expected(sales, payments, period.previous())
    assert {k: got["previous"][k] for k in before} == before
    assert got["change_pct"]["sales"] == change_pct(want["sales"], before["sales"])
    for currency, text in want["gross"].items():
        count = sum(
            1
            for s in sales
            if s["state"] == "paid" and within(s["paid_at"], period) and s["currency"] == currency
        )
        average = (Decimal(text) / count).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        assert got["average_ticket"][currency] == str(average)


def test_the_history_has_something_in_every_figure(shop):
    service, _, _ = shop
    period = service.period(first=date(2026, 3, 22), last=date(2026, 4, 2), zone="Europe/Berlin")
    got = asyncio.run(service.summary(period))
    assert got["sales"] > 100 and set(got["gross"]) == {"EUR", "USD", "sat"}
    assert {m["method"] for m in got["by_method"]} == {"swap", "melt", "offline"}
    assert len(got["by_mint"]) == 3 and got["needs_review"] > 0
    assert set(got["refused"]) == {
        "token.already_spent",
        "mint.untrusted",
        "fee.too_high",
        "unknown",
    }
    assert 0 < got["success_rate"] < 1


def test_a_day_across_the_clock_change_is_23_hours_and_still_one_day():
    spring = P.custom(date(2026, 3, 29), date(2026, 3, 29), BERLIN)
    autumn = P.custom(date(2026, 10, 25), date(2026, 10, 25), BERLIN)
    assert spring.end_ts - spring.start_ts == 23 * 3600
    assert autumn.end_ts - autumn.start_ts == 25 * 3600
    assert spring.start_ts == int(datetime(2026, 3, 28, 23, tzinfo=ZoneInfo("UTC")).timestamp())


@pytest.mark.parametrize(
    ("name", "first", "end", "previous"),
    [
        ("today", date(2026, 4, 1), date(2026, 4, 2), (date(2026, 3, 31), date(2026, 4, 1))),
        ("yesterday", date(2026, 3, 31), date(2026, 4, 1), (date(2026, 3, 30), date(2026, 3, 31))),
        ("this_week", date(2026, 3, 30), date(2026, 4, 6), (date(2026, 3, 23), date(2026, 3, 30))),
        ("last_week", date(2026, 3, 23), date(2026, 3, 30), (date(2026, 3, 16), date(2026, 3, 23))),
        ("this_month", date(2026, 4, 1), date(2026, 5, 1), (date(2026, 3, 1), date(2026, 4, 1))),
        ("last_month", date(2026, 3, 1), date(2026, 4, 1), (date(2026, 2, 1), date(2026, 3, 1))),
    ],
)
def test_named_periods_and_what_they_are_compared_with(name, first, end, previous):
    period = P.named(name, date(2026, 4, 1), BERLIN)  # a Wednesday
    assert (period.first, period.end) == (first, end)
    assert (period.previous().first, period.previous().end) == previous


def test_bad_periods_and_zones_are_refused_with_a_reason(shop):
    service, _, _ = shop
    with pytest.raises(ValidationError) as err:
        service.period("fortnight")
    assert err.value.code == "report.bad_period"
    with pytest.raises(ValidationError) as err:
        service.period(first=date(2026, 3, 2), last=date(2026, 3, 1))
    assert err.value.code == "report.bad_period"
    with pytest.raises(ValidationError) as err:
        service.period("today", zone="Mars/Olympus")
    assert err.value.code == "report.bad_zone"


def test_the_local_zone_comes_from_tz(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert P.local_zone().key == "America/New_York"
    monkeypatch.setenv("TZ", ":Europe/Paris")  # the POSIX form with a colon
    assert P.local_zone().key == "Europe/Paris"
    monkeypatch.delenv("TZ")
    system = P.local_zone()
    monkeypatch.setenv("TZ", "Nowhere/Else")  # not a zone: the system's, never an error
    assert P.local_zone() == system


def test_csv_has_one_row_per_payment_with_its_sale(shop, tmp_path):
    service, sales, payments = shop
    period = service.period(first=date(2026, 3, 28), last=date(2026, 3, 30), zone="Europe/Berlin")
    seen = []
    result = asyncio.run(
        service.write_csv(
            period, tmp_path / "p.csv", lambda done, total: seen.append((done, total))
        )
    )
    raw = (tmp_path / "p.csv").read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    with (tmp_path / "p.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    offered = sorted(
        (p for p in payments if within(p["created_at"], period)),
        key=lambda p: (p["created_at"], p["id"]),
    )
    assert result["rows"] == len(rows) == len(offered) > 0
    assert seen[-1] == (len(rows), len(rows))
    assert list(rows[0]) == list(HEADER)
    by_sale = {s["id"]: s for s in sales}
    for row, p in zip(rows, offered, strict=True):
        sale = by_sale[p["sale_id"]]
        assert row["payment_id"] == p["id"] and row["sale_id"] == p["sale_id"]
        moment = datetime.fromisoformat(row["time"])
        assert int(moment.timestamp()) == p["created_at"] and moment.utcoffset() in (
            timedelta(hours=1),
            timedelta(hours=2),
        )
        assert row["method"] == ("offline" if p["offline"] else p["method"])
        assert (row["state"], row["mint"], int(row["amount"])) == (
            p["state"],
            p["mint_url"],
            p["amount"],
        )
        assert (int(row["credited"]), row["currency"], row["rate"]) == (
            p["credited"],
            sale["currency"],
            sale["rate"] or "",
        )
        assert (int(row["mint_fee"]), int(row["lightning_fee"])) == (
            p["mint_fee"],
            p["lightning_fee"],
        )
        assert int(row["sale_fee_advance"]) == sale["fee_advance"]
        assert row["reason"] == (p["error_code"] or "")
        assert (row["sale_amount"], row["sale_tip"], int(row["sale_tip_sat"])) == (
            sale["amount"],
            sale["tip_amount"] or "0",
            sale["tip_sat"],
        )
        assert Decimal(row["sale_discount"]) == sale_off(sale)
        lines = json.loads(sale["vat_breakdown"] or "[]")
        vat = sum((Decimal(x["vat"]) for x in lines), Decimal(0))
        assert row["sale_vat"] == ("" if not lines else str(vat))
        assert int(row["sale_refunded_sat"]) == 0
    assert any(r["sale_tip"] != "0" for r in rows) and any(r["sale_vat"] for r in rows)
    assert sum(int(r["credited"]) for r in rows if r["state"] == "settled") == sum(
        p["credited"] for p in offered if p["state"] == "settled"
    )


def test_the_daily_csv_has_the_tips_discounts_vat_and_refunds_of_each_day(shop, tmp_path):
    service, sales, _ = shop
    period = service.period(first=date(2026, 3, 22), last=date(2026, 4, 2), zone="Europe/Berlin")
    asyncio.run(service.write_daily_csv(period, tmp_path / "d.csv"))
    with (tmp_path / "d.csv").open(encoding="utf-8-sig", newline="") as handle:
        days = list(csv.DictReader(handle))
    assert list(days[0]) == list(DAILY_HEADER)
    assert {"tips", "tips_sat", "discounts", "vat", "refunded"} <= set(days[0])
    for day in days:
        one = date.fromisoformat(day["day"])
        paid = [
            s
            for s in sales
            if s["state"] == "paid" and within(s["paid_at"], P.custom(one, one, BERLIN))
        ]
        tips, off, vat = defaultdict(Decimal), defaultdict(Decimal), defaultdict(Decimal)
        for s in paid:
            tips[s["currency"]] += Decimal(s["tip_amount"] or 0)
            off[s["currency"]] += sale_off(s)
            for line in json.loads(s["vat_breakdown"] or "[]"):
                vat[s["currency"]] += Decimal(line["vat"])

        def joined(table):
            return "; ".join(
                f"{c} {v.quantize(Decimal('0.01'))}" for c, v in sorted(table.items()) if v
            )

        assert (day["tips"], day["discounts"], day["vat"]) == (
            joined(tips),
            joined(off),
            joined(vat),
        )
        assert int(day["tips_sat"]) == sum(s["tip_sat"] for s in paid)
        assert int(day["amount_sat"]) == sum(
            s["due"] - s["fee_advance"] - s["tip_sat"] for s in paid
        )
        assert (
            day["refunded"] == ""
        )  # the history gives nothing back (refunds: test_basket_reports)
    assert any(d["tips"] for d in days) and any(d["vat"] for d in days)


def test_a_payment_in_currency_at_the_sales_rate():
    assert in_currency(100_000, "EUR", "95000.50") == "95.00"
    assert in_currency(1_000_000, "EUR", "87654.32") == "876.54"
    assert in_currency(5, "EUR", "100000") == "0.01"  # 0.005 rounds half up
    assert in_currency(21, "sat", None) == "21" and in_currency(21, "EUR", None) == ""


def test_a_failed_csv_leaves_no_half_file(shop, tmp_path):
    service, _, _ = shop
    period = service.period(first=date(2026, 3, 22), last=date(2026, 4, 2), zone="Europe/Berlin")
    out = tmp_path / "p.csv"
    out.write_text("the previous export\n")

    def broken(_done, _total):
        raise OSError("disk full")

    with pytest.raises(OSError):
        asyncio.run(service.write_csv(period, out, broken))
    assert out.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["p.csv"]


def test_the_till_writes_while_a_long_csv_export_runs(shop, tmp_path, monkeypatch):
    from pos_app.core.reports import payments_csv

    service, _, payments = shop
    monkeypatch.setattr(payments_csv, "BATCH", 7)  # many short turns on the database thread
    period = service.period(first=date(2026, 3, 22), last=date(2026, 4, 2), zone="Europe/Berlin")
    seen = []

    async def main():
        export = asyncio.ensure_future(
            service.write_csv(period, tmp_path / "all.csv", lambda done, _t: seen.append(done))
        )
        while len(seen) < 3 and not export.done():  # the export is under way
            await asyncio.sleep(0.001)
        # A write the till makes (here: a setting) gets its turn before the export ends.
        await service.db.run(
            lambda s: s.execute(
                sql("INSERT INTO settings (key, value_json, updated_at) VALUES ('x', '1', 0)")
            )
        )
        written_while_running = not export.done()
        await service.db.run(lambda s: s.execute(sql("DELETE FROM settings WHERE key = 'x'")))
        return written_while_running, await export

    written_while_running, done = asyncio.run(main())
    assert written_while_running
    assert done["rows"] == sum(1 for p in payments if within(p["created_at"], period))
    with (tmp_path / "all.csv").open(encoding="utf-8-sig", newline="") as handle:
        ids = [row["payment_id"] for row in csv.DictReader(handle)]
    assert len(ids) == len(set(ids)) == done["rows"]  # keyset paging: none twice, none lost


@pytest.mark.parametrize(
    ("first", "last", "size"),
    [
        (date(2026, 3, 29), date(2026, 3, 29), "hour"),  # the 23-hour day
        (date(2026, 3, 28), date(2026, 3, 29), None),  # two days: by the hour
        (date(2026, 3, 22), date(2026, 4, 2), None),  # by day
        (date(2026, 3, 16), date(2026, 4, 5), "week"),
        (date(2026, 2, 1), date(2026, 4, 30), "month"),
    ],
)
def test_series_buckets_are_the_rows_counted_by_hand(shop, first, last, size):
    service, sales, payments = shop
    period = service.period(first=first, last=last, zone="Europe/Berlin")
    got = asyncio.run(service.series(period, size))
    want, heat, heat_sat = hand_buckets(sales, payments, period, got.size)
    for bucket in got.buckets:
        counted = want.pop(bucket.start, None) or empty_bucket()
        assert {k: getattr(bucket, k) for k in counted} == counted, bucket.start
        rate = bucket.success_rate
        if counted["attempts"]:
            assert abs(float(rate) - counted["settled"] * 100 / counted["attempts"]) <= 0.05
        else:
            assert rate is None
    assert want == {}  # no activity fell outside the buckets
    assert got.heatmap_sales == heat
    assert got.heatmap_sat == heat_sat
    if period.days > 2:  # every mint took money; the largest first
        totals = defaultdict(int)
        for p in payments:
            if p["state"] == "settled" and within(p["created_at"], period):
                totals[(p["mint_url"], p["unit"])] += p["credited"]
        assert got.mints() == sorted(totals, key=lambda k: (-totals[k], k))
    starts = [b.start for b in got.buckets]
    assert starts == sorted(set(starts))
    if got.size == "hour" and period.days == 1:
        assert len(starts) == 23  # 02:00 does not exist that night
    assert sum(b.sales for b in got.buckets) == expected(sales, payments, period)["sales"]


def test_the_offset_spans_of_a_period_with_both_clock_changes():
    period = P.custom(date(2026, 3, 1), date(2026, 11, 30), BERLIN)
    spans = series_module.offsets(period)
    assert [(datetime.fromtimestamp(at, UTC).isoformat(), off) for at, off in spans] == [
        ("2026-02-28T23:00:00+00:00", 3600),
        ("2026-03-29T01:00:00+00:00", 7200),
        ("2026-10-25T01:00:00+00:00", 3600),
    ]
    assert series_module.size_for(period) == "month"
    assert series_module.size_for(P.custom(date(2026, 3, 1), date(2026, 3, 31), BERLIN)) == "day"


def test_a_paid_slice_takes_the_local_hour_of_the_week_across_the_autumn_change(tmp_path):
    """Activity's slice filter (SQL) against wall clocks read by Python, sale by sale."""
    from pos_app.core.payments.listing import PaidSlice, SalesQuery, fetch_page

    db = Database(tmp_path / "pos.db", os.urandom(32), create=True)
    db.migrate()
    period = P.custom(date(2026, 10, 19), date(2026, 11, 1), BERLIN)  # clocks go back on the 25th
    sales = []
    # One sale every 20 minutes (UTC) over the period: both 02:00 hours of the 25th included.
    for n, ts in enumerate(range(period.start_ts, period.end_ts, 1200)):
        sales.append(
            dict(
                id=f"{n:08d}-0000-4000-8000-000000000000",
                state="paid" if n % 5 else "cancelled",
                currency="sat",
                amount="100",
                unit="sat",
                due=100,
                fee_advance=0,
                paid=100 if n % 5 else 0,
                payment_request="creqA",
                payment_request_bech32="creqb",
                expires_at=ts + 600,
                paid_at=ts + 7 if n % 5 else None,
                created_at=ts,
                updated_at=ts,
            )
        )
    db.transact(lambda s: s.add_all(Sale(**row) for row in sales))
    spans = tuple(series_module.offsets(period))
    try:
        seen = 0
        for weekday in range(7):
            for hour in range(24):
                paid = PaidSlice(period.start_ts, period.end_ts, weekday * 24 + hour, spans)
                query = SalesQuery(paid=paid, page_size=1000)
                got = {r.id for r in db.transact(lambda s, q=query: fetch_page(s, q)).rows}
                want = {
                    s["id"]
                    for s in sales
                    if s["paid_at"] is not None
                    and (
                        datetime.fromtimestamp(s["paid_at"], BERLIN).weekday(),
                        datetime.fromtimestamp(s["paid_at"], BERLIN).hour,
                    )
                    == (weekday, hour)
                }
                assert got == want, (weekday, hour)
                seen += len(got)
        assert seen == sum(1 for s in sales if s["state"] == "paid")
        # Sunday 02:00 happens twice on the 25th: both hours are in that cell (and week 43's).
        sunday_two = PaidSlice(period.start_ts, period.end_ts, 6 * 24 + 2, spans)
        rows = db.transact(lambda s: fetch_page(s, SalesQuery(paid=sunday_two, page_size=1000)))
        on_the_25th = {
            r.id for r in rows.rows if datetime.fromtimestamp(r.created_at, BERLIN).day == 25
        }
        both_hours = int(datetime(2026, 10, 25, 0, tzinfo=UTC).timestamp())  # 02:00 CEST
        assert on_the_25th == {
            s["id"]
            for s in sales
            if s["paid_at"] is not None and both_hours <= s["created_at"] < both_hours + 7200
        }
        assert len(on_the_25th) >= 4  # two hours of sales every 20 minutes, one in five unpaid
        # A time range alone: exactly the paid sales of the range.
        start, end = period.start_ts + 3600, period.start_ts + 5 * 3600
        query = SalesQuery(paid=PaidSlice(start, end), page_size=1000)
        got = {r.id for r in db.transact(lambda s: fetch_page(s, query)).rows}
        assert got == {
            s["id"] for s in sales if s["paid_at"] is not None and start <= s["paid_at"] < end
        }
    finally:
        db.close()


def test_the_plan_choice_never_changes_the_figures(shop, monkeypatch):
    """Through the indexes or by a scan of the table: the same figures and series."""
    # The package's own ``figures`` is the function; the module is in sys.modules.
    figures_module = sys.modules["pos_app.core.reports.figures"]
    service, sales, payments = shop
    db = service.db
    period = service.period(first=date(2026, 3, 28), last=date(2026, 3, 30), zone="Europe/Berlin")
    day = service.period(first=date(2026, 3, 29), last=date(2026, 3, 29), zone="Europe/Berlin")

    def wide(p, column=Payment.created_at):
        return db.transact(lambda s: figures_module.wide(s, column, p.start_ts, p.end_ts))

    # The history spans 12 days: 3 of them are over a tenth of it, 1 of them is not.
    assert wide(period) and not wide(day)
    assert not db.transact(
        lambda s: figures_module.wide(s, Sale.paid_at, 0, 2**40, Sale.state == "no such state")
    )  # nothing to span: the indexes
    results = []
    for share in (2.0, 0.0):  # never wide, always wide
        monkeypatch.setattr(figures_module, "SCAN_SHARE", share)
        got = asyncio.run(service.summary(period))
        by_hour = asyncio.run(service.series(period, "hour"))
        results.append((got, [(b.start, b.sales, b.sat, b.by_mint) for b in by_hour.buckets]))
    assert results[0] == results[1]
    want = expected(sales, payments, period)
    assert {k: results[0][0][k] for k in want} == want
