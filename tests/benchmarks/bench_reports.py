"""Reports over a long history: the dashboard, a period switch and the CSV, against count(*).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/bench_reports.py [--payments 1000000] [--days 730]

A synthetic history (sales and their payments over ``--days`` days, several mints,
currencies, methods and refusals) is written to a new encrypted database. Then, in the
same run, a plain ``SELECT count(*) FROM payments`` is timed as the baseline, and:
the whole dashboard (figures of the period and of the period before, and the series)
for several periods, a switch between named periods (p95 over 20 switches), and the
payments CSV of one month and of everything, with the Python heap's peak while writing
(it must not grow with the row count). Ratios against the baseline are printed beside
the absolute times; budgets: dashboard <= 300 ms, switch p95 <= 150 ms, CSV of a month
<= 2 s, of everything <= 20 s.

Exit status: 0 when every budget holds, 1 when one does not.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from pos_app.core.reports import ReportService  # noqa: E402
from pos_app.core.reports.periods import NAMED, custom, zone  # noqa: E402
from pos_app.core.store.db import Database  # noqa: E402
from pos_app.core.store.schema import Payment, Sale  # noqa: E402
from tests.benchmarks.summary import record  # noqa: E402

BUDGET_MS = {"dashboard": 300.0, "switch_p95": 150.0, "csv_month": 2000.0, "csv_all": 20000.0}
MINTS = ("https://a.example", "https://b.example", "https://c.example", "http://127.0.0.1:3338")
STATES = ("settled",) * 8 + ("rejected", "needs_review")
ZONE = "Europe/Berlin"


def fill(db: Database, payments: int, days: int, end: date) -> None:
    """Write the synthetic history in batches (one transaction each), oldest first."""
    rng = random.Random(2026)
    tz = zone(ZONE)
    first = custom(end - timedelta(days=days - 1), end, tz)
    start, span = first.start_ts, first.end_ts - first.start_ts
    batch_sales: list[dict] = []
    batch_payments: list[dict] = []
    n = made = 0

    def flush() -> None:
        def write(session) -> None:
            session.execute(insert(Sale), batch_sales)
            session.execute(insert(Payment), batch_payments)

        db.transact(write)
        batch_sales.clear()
        batch_payments.clear()

    while made < payments:
        # In time order, as a till writes them (rows of a month lie together on disk).
        created = start + made * span // payments + rng.randrange(30)
        currency = rng.choice(("EUR", "EUR", "sat"))
        cents = rng.randrange(100, 20_000)
        amount = str(cents) if currency == "sat" else f"{cents // 100}.{cents % 100:02d}"
        sale_id = f"{n:012d}-0000-0000-0000-000000000000"[:36]
        count = rng.choice((1, 1, 1, 2))
        batch_sales.append(
            dict(
                id=sale_id,
                state="paid",
                currency=currency,
                amount=amount,
                unit="sat",
                due=cents * 10,
                fee_advance=rng.choice((0, 1)),
                paid=cents * 10,
                rate=None if currency == "sat" else "95000",
                payment_request="creqA",
                payment_request_bech32="creqb",
                expires_at=created + 600,
                paid_at=created + 30,
                created_at=created,
                updated_at=created,
            )
        )
        for k in range(count):
            state = rng.choice(STATES)
            batch_payments.append(
                dict(
                    id=f"{sale_id}-{k}"[-36:],
                    sale_id=sale_id,
                    state=state,
                    method=rng.choice(("swap", "swap", "melt")),
                    mint_url=rng.choice(MINTS),
                    unit="sat",
                    amount=cents * 10 // count,
                    credited=cents * 10 // count if state == "settled" else 0,
                    mint_fee=rng.choice((0, 1)),
                    lightning_fee=0,
                    offline=False,
                    error_code="token.already_spent" if state == "rejected" else None,
                    created_at=created + k,
                    updated_at=created + k,
                )
            )
            made += 1
        n += 1
        if len(batch_payments) >= 20_000:
            flush()
    if batch_payments:
        flush()


def best_ms(fn, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--payments", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=730)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
        db = Database(Path(tmp) / "pos.db", os.urandom(32), create=True)
        db.migrate()
        end = date.today()
        started = time.perf_counter()
        fill(db, args.payments, args.days, end)
        print(
            f"history: {args.payments:,} payments over {args.days} days, written in "
            f"{time.perf_counter() - started:.1f} s"
        )
        service = ReportService(db)
        loop = asyncio.new_event_loop()
        run = loop.run_until_complete
        rows = db.transact(lambda s: s.scalar(select(func.count()).select_from(Payment)))
        base = best_ms(
            lambda: db.transact(lambda s: s.scalar(select(func.count()).select_from(Payment)))
        )
        print(f"baseline: SELECT count(*) of {rows:,} payments: {base:.1f} ms\n")
        results: dict[str, float] = {}

        def dashboard(period) -> None:
            run(service.summary(period))
            run(service.series(period))

        print(f"{'measure':<34}{'ms':>10}{'x count(*)':>12}{'budget ms':>11}")
        periods = [(name, service.period(name, zone=ZONE)) for name in NAMED]
        periods.append(
            (
                "two years",
                service.period(first=end - timedelta(days=args.days - 1), last=end, zone=ZONE),
            )
        )
        worst = 0.0
        for name, period in periods:
            ms = best_ms(lambda p=period: dashboard(p), rounds=3)
            worst = max(worst, ms)
            print(
                f"{'dashboard ' + name:<34}{ms:>10.1f}{ms / base:>12.1f}{BUDGET_MS['dashboard']:>11.0f}"
            )
        results["dashboard"] = worst
        switches = []
        rng = random.Random(7)
        for _ in range(20):
            period = service.period(rng.choice(NAMED), zone=ZONE)
            started = time.perf_counter()
            dashboard(period)
            switches.append((time.perf_counter() - started) * 1000)
        results["switch_p95"] = statistics.quantiles(switches, n=20)[-1]
        print(
            f"{'period switch p95 (20)':<34}{results['switch_p95']:>10.1f}"
            f"{results['switch_p95'] / base:>12.1f}{BUDGET_MS['switch_p95']:>11.0f}"
        )
        for key, period in (
            ("csv_month", service.period("last_month", zone=ZONE)),
            ("csv_all", periods[-1][1]),
        ):
            out = Path(tmp) / f"{key}.csv"
            started = time.perf_counter()
            done = run(service.write_csv(period, out))
            results[key] = (time.perf_counter() - started) * 1000
            # The heap's peak from a second, traced run: tracing slows Python several times.
            tracemalloc.start()
            run(service.write_csv(period, out))
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            label = f"{key} ({done['rows']:,} rows, heap peak {peak:.1f} MB)"
            print(
                f"{label:<34}"
                f"{results[key]:>10.1f}{results[key] / base:>12.1f}{BUDGET_MS[key]:>11.0f}"
            )
        loop.close()
        db.close()
    failed = [k for k, v in results.items() if v > BUDGET_MS[k]]
    for key, value in results.items():
        record(key, value, f"<= {BUDGET_MS[key]:.0f} ms", value <= BUDGET_MS[key], "ms")
    print("\nbudgets: " + ("all hold" if not failed else "over budget: " + ", ".join(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
