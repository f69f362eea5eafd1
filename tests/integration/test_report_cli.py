"""``pos-app report``: the figures and the CSV of a period, from a real process."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest

from pos_app.core.reports import periods
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import Payment, Sale
from tests.support.cli import Cli
from tests.support.pdftext import pdf_text
from tests.support.report_history import expected, history
from tests.support.tokens import token


@pytest.fixture
def shop(tmp_path):
    cli = Cli(tmp_path / "wallet")
    cli.setup("init")
    sales, payments = history(seed=11)
    db = Database(cli.data_dir / DB_FILE, bytes.fromhex(cli.key))
    try:

        def write(session):
            session.add_all(Sale(**s) for s in sales)
            session.flush()
            session.add_all(Payment(**p) for p in payments)

        db.transact(write)
    finally:
        db.close()
    return cli, sales, payments


def test_summary_and_csv_of_a_period_across_the_clock_change(shop, tmp_path):
    cli, sales, payments = shop
    span = ("--from", "2026-03-28", "--to", "2026-03-30", "--tz", "Europe/Berlin")
    got = cli.ok("report", "summary", *span)
    period = periods.custom(date(2026, 3, 28), date(2026, 3, 30), periods.zone("Europe/Berlin"))
    want = expected(sales, payments, period)
    assert {k: got[k] for k in want} == want
    assert got["period"]["from"] == "2026-03-28" and got["period"]["to"] == "2026-03-31"
    assert got["period"]["end"] - got["period"]["start"] == 3 * 86400 - 3600

    out = tmp_path / "payments.csv"
    done = cli.ok("report", "csv", *span, "--out", str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert done["rows"] == len(rows) == want["attempts"]
    assert sum(int(r["credited"]) for r in rows if r["state"] == "settled") == sum(
        m["credited"] for m in want["by_mint"]
    )

    daily = tmp_path / "days.csv"
    cli.ok("report", "csv", *span, "--daily", "--out", str(daily))
    with daily.open(encoding="utf-8-sig", newline="") as handle:
        days = list(csv.DictReader(handle))
    assert [d["day"] for d in days] == ["2026-03-28", "2026-03-29", "2026-03-30"]
    assert sum(int(d["sales"]) for d in days) == want["sales"]
    assert sum(int(d["amount_sat"]) for d in days) == want["gross_sat"]["sat"]
    assert sum(int(d["payments"]) for d in days) == want["attempts"]
    assert sum(int(d["went_through"]) for d in days) == want["settled"]
    eur = [part for d in days for part in d["gross"].split("; ") if part.startswith("EUR ")]
    assert sum(Decimal(p.split()[1]) for p in eur) == Decimal(want["gross"]["EUR"])

    cli.setup("config", "set", "shop.name", "Corner Café")
    pdf = tmp_path / "report.pdf"
    made = cli.ok("report", "pdf", *span, "--out", str(pdf))
    assert made["pages"] >= 3 and pdf.read_bytes().startswith(b"%PDF")  # text: test_analytics


def test_bad_periods_are_refused_with_their_reason(shop):
    cli, _, _ = shop
    bad_zone = cli.run("report", "summary", "--period", "today", "--tz", "Mars/Olympus")
    assert (bad_zone.rc, bad_zone.error_code) == (1, "report.bad_zone")
    backwards = cli.run("report", "summary", "--from", "2026-03-02", "--to", "2026-03-01")
    assert (backwards.rc, backwards.error_code) == (1, "report.bad_period")
    both = cli.run("report", "summary", "--period", "today", "--from", "2026-03-01")
    assert (both.rc, both.error_code) == (1, "input.invalid")
    not_a_date = cli.run("report", "csv", "--from", "March", "--out", "x.csv")
    assert (not_a_date.rc, not_a_date.error_code) == (1, "input.invalid")
    assert cli.run("report", "summary", "--period", "fortnight").rc == 2


@pytest.mark.mint
def test_x_and_z_reports_from_the_command_line_with_a_real_mint(tmp_path, fee_mint):
    shop = Cli.wallet(tmp_path / "shop", fee_mint.url, shop__name="Corner Cafe")
    for amount in (100, 50):
        sale = shop.ok("sale", "new", "--amount", str(amount), "--currency", "sat")
        shop.ok("sale", "pay", sale["sale_id"], token(fee_mint.url, amount + 2))
    shop.ok("wallet", "send", "--amount", "40", "--mint", fee_mint.url)
    held = shop.balance()

    x = shop.ok("report", "x", "--tz", "Europe/Berlin")
    assert x["kind"] == "X" and x["figures"]["sales"] == 2
    [drawer] = x["drawer"]
    assert drawer["held"] == drawer["expected"] == held and drawer["difference"] == 0
    # Exported: the 40 sat sent, and the change given back for the overpaid sales.
    handed = {e["purpose"]: e["amount"] for e in x["exports"]}
    assert handed["export"] == 40 and handed["change"] > 0
    assert drawer["exported"] == -sum(handed.values())
    assert drawer["fees"] < 0  # the swaps of the exports paid the mint's input fee
    [checked] = x["mint_check"]
    assert checked == {"mint": fee_mint.url, "unit": "sat", "reachable": True, "unspent": held}

    pdf = tmp_path / "z.pdf"
    z = shop.ok("report", "z", "--close", "--pdf", str(pdf))
    assert (z["kind"], z["number"], z["closed"]) == ("Z", 1, True)
    assert z["figures"] == x["figures"] and z["drawer"] == x["drawer"]
    assert z["files"]["pdf"] == str(pdf) and "Corner Cafe - Z report 1" in pdf_text(pdf)
    again = shop.ok("report", "z", "--close")
    assert (again["number"], again["closed"]) == (1, False)
    listed = shop.ok("report", "z", "--list")
    assert [(r["number"], r["sales"], r["intact"]) for r in listed] == [(1, 2, True)]
    table = tmp_path / "z.csv"
    shown = shop.ok("report", "z", "--show", "1", "--csv", str(table))
    assert shown["digest"] == z["digest"] and shown["intact"] is True
    assert "Ecash drawer" in table.read_text(encoding="utf-8-sig")
    missing = shop.run("report", "z", "--show", "7")
    assert missing.rc != 0 and missing.error_code == "report.z_unknown"


def test_without_tz_the_shops_time_zone_setting_applies(shop):
    cli, sales, payments = shop
    refused = cli.run("config", "set", "shop.timezone", "Mars/Olympus")
    assert (refused.rc, refused.error_code) == (1, "config.invalid")
    cli.setup("config", "set", "shop.timezone", "America/New_York")
    got = cli.ok("report", "summary", "--from", "2026-03-28", "--to", "2026-03-30")
    zone = periods.zone("America/New_York")
    assert got["period"]["zone"] == "America/New_York"
    assert (
        got["period"]["start"]
        == periods.custom(date(2026, 3, 28), date(2026, 3, 30), zone).start_ts
    )
    # --tz still wins over the setting.
    berlin = cli.ok(
        "report", "summary", "--from", "2026-03-28", "--to", "2026-03-30", "--tz", "Europe/Berlin"
    )
    assert berlin["period"]["zone"] == "Europe/Berlin"
    period = periods.custom(date(2026, 3, 28), date(2026, 3, 30), periods.zone("Europe/Berlin"))
    assert berlin["sales"] == expected(sales, payments, period)["sales"]
