"""Sales per second with 1, 2 and 4 tills on PostgreSQL beside 1 till on SQLCipher, same run.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/bench_tills.py [--sales 200]

Two real nutshell mints (``.venv-mint``; one fee-free, one charging 100 ppk input fees)
and a PostgreSQL server (``tests/support/pgserver.py``, with fsync and synchronous
commits turned back on, as on a shop's server) are started in a temporary directory. Each case is a fresh shop: one till on its own SQLCipher file, then 1, 2 and
4 tills on a new PostgreSQL database. ``--sales`` tokens (varied amounts at either mint,
minted beforehand) are shared out among the case's tills; each till is its own process
(``tests/support/till_worker.py``, background services running as in ``pos-app
serve``) paying one sale after the other, like a cashier. Sales per second: the sales
paid over the time from the first pay started to the last one ended (the tills' start
is not counted); a pay that raised (``raised``, see the xfail in test_tills_stress.py)
is not counted as a sale. The pay time of each sale (``SalesService.pay``, as in
``bench_sales.py``) is kept too.

Printed as ratios against baselines measured in the same run, with no goal (issue 20
asks for the figures): PostgreSQL's pay time over SQLCipher's with one till (the pay
overhead of the shared store), and 2 and 4 tills' sales per second over one till's on
PostgreSQL (how selling scales). On a machine of two cores the four tills, two mints
and the server share them: the scaling says what a small shop's server would see, not
what the store allows.

Exit status: 0 when every case ran, 2 when the nutshell venv or PostgreSQL is missing,
1 when a sale was refused (other than after a pay that raised).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, text

from tests.benchmarks import posbench
from tests.benchmarks.summary import record
from tests.support.pgserver import PgServer, PgUnavailable
from tests.support.testmint import TestMint
from tests.support.tillshop import TillProcess, bulk_tokens, make_tills, write_jsonl

CASES = (("sqlcipher", 1), ("postgresql", 1), ("postgresql", 2), ("postgresql", 4))
FINISH_TIMEOUT = 600.0


@dataclass(frozen=True)
class Case:
    """One case's figures."""

    store: str
    tills: int
    sales: int  # paid
    raised: int  # pays that raised (not counted in ``sales``)
    seconds: float
    pay_ms: float  # median

    @property
    def rate(self) -> float:
        return self.sales / self.seconds


async def _tokens(urls: list[str], count: int, rng: random.Random) -> list[dict]:
    wanted = [(n, urls[n % len(urls)], rng.randint(60, 300)) for n in range(count)]
    made = await asyncio.gather(
        *(bulk_tokens(u, [a for _, m, a in wanted if m == u]) for u in urls)
    )
    left = {u: iter(t) for u, t in zip(urls, made, strict=True)}
    return [{"n": n, "amount": a, "mint": m, "token": next(left[m])} for n, m, a in wanted]


def run_case(base: Path, store: str, count: int, urls: list[str], url: str | None, sales: int):
    """Sell ``sales`` tokens on ``count`` tills of a fresh shop; the case's figures."""
    folders = make_tills(base, urls, count, storage_url=url)
    rows = asyncio.run(_tokens(urls, sales, random.Random(sales * 10 + count)))
    tills = []
    for i, folder in enumerate(folders):
        write_jsonl(base / f"tokens{i + 1}.jsonl", rows[i::count])
        till = TillProcess(folder, base / f"tokens{i + 1}.jsonl", "--exit-when-done")
        till.start()
        tills.append(till)
    deadline = time.monotonic() + FINISH_TIMEOUT
    for till in tills:
        while till.alive:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{till.folder.name} did not finish:\n{till.tail()}")
            time.sleep(0.2)
        if till.reap() != 0:
            raise RuntimeError(f"{till.folder.name} failed:\n{till.tail()}")
    outcomes = [r for t in tills for r in t.rows() if r.get("event") not in ("paying", "finished")]
    paid = [r for r in outcomes if r["event"] == "paid"]
    # A pay that raised (test_tills_stress.py's xfail: conflicts between tills) is offered
    # again and refused while its operation is open; its sale is left to recovery.
    raised = sum(r["event"] == "crashed" for r in outcomes)
    unpaid = [r for r in outcomes if r["event"] not in ("paid", "crashed")]
    if len(paid) + raised < sales or any(r.get("code") != "token.in_use" for r in unpaid):
        raise RuntimeError(f"{sales - len(paid)} sales not paid, e.g. {unpaid[:3]}")
    first = min(r["t"] for t in tills for r in t.rows() if r.get("event") == "paying")
    last = max(r["t"] for r in outcomes)
    ms = statistics.median(r["ms"] for r in paid)
    print(f"{store} x{count}: {len(paid)} paid, {raised} raised, {last - first:.1f} s", flush=True)
    return Case(store, count, len(paid), raised, last - first, ms)


def make_durable(server: PgServer) -> None:
    """Restart the server with fsync and synchronous commits on, as a shop's server runs.

    The tests' server skips the disk (``tests/support/pgserver.py`` starts it with
    ``fsync=off`` on its command line, which no setting overrides); compared with
    SQLCipher, which syncs its commits, that would flatter PostgreSQL.
    """
    options = f"-p {server.port} -k {server.root} -c listen_addresses=127.0.0.1"
    # PgServer's own runner: as root it runs pg_ctl as the server's owner.
    server._run(
        "pg_ctl", "-D", str(server.data), "-l", str(server.log), "-o", options, "-w", "restart"
    )
    engine = create_engine(server.url())
    try:
        with engine.connect() as conn:
            shown = {
                n: conn.execute(text(f"SHOW {n}")).scalar() for n in ("fsync", "synchronous_commit")
            }
    finally:
        engine.dispose()
    if set(shown.values()) != {"on"}:
        raise RuntimeError(f"the server runs without durability: {shown}")


def main() -> int:
    """Run the cases and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sales", type=int, default=200, help="sales per case")
    args = parser.parse_args()
    why = posbench.missing_prerequisite()
    if why:
        print(why, file=sys.stderr)
        return posbench.EXIT_PREREQ
    posbench.prepare_environment()
    try:
        server = PgServer().start()
    except PgUnavailable as exc:
        print(f"no PostgreSQL: {exc}", file=sys.stderr)
        return posbench.EXIT_PREREQ
    os.environ["POS_PG_PASSWORD"] = server.password
    make_durable(server)
    with tempfile.TemporaryDirectory(prefix="bench-tills-") as tmp:
        base = Path(tmp)
        mints = [
            TestMint(base / "mint-a", fee_ppk=0, name="mint A"),
            TestMint(base / "mint-b", fee_ppk=100, name="mint B"),
        ]
        try:
            for mint in mints:
                mint.start()
            urls = [m.url for m in mints]
            cases = []
            for store, count in CASES:
                url = server.url(server.create_database(), password=False)
                where = base / f"{store}-{count}"
                where.mkdir()
                shared = url if store == "postgresql" else None
                cases.append(run_case(where, store, count, urls, shared, args.sales))
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return posbench.EXIT_BUDGET
        finally:
            for mint in mints:
                mint.stop()
            server.stop()
    report(cases, args.sales)
    return posbench.EXIT_OK


def report(cases: list[Case], sales: int) -> None:
    """Print the table and the ratios (recorded for ``make bench``'s summary, no goal)."""
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"{sales} sales per case, two mints (one with input fees), each till its own process\n")
    print(
        f"{'store':<11} {'tills':>5} {'sales/s':>8} {'pay med ms':>11} {'seconds':>8} {'raised':>7}"
    )
    for c in cases:
        print(
            f"{c.store:<11} {c.tills:>5} {c.rate:>8.1f} {c.pay_ms:>11.1f} {c.seconds:>8.1f} "
            f"{c.raised:>7}"
        )
    sqlcipher = cases[0]
    pg = {c.tills: c for c in cases if c.store == "postgresql"}
    overhead = pg[1].pay_ms / sqlcipher.pay_ms
    print(f"\npay time, PostgreSQL / SQLCipher (1 till): {overhead:.2f}")
    print(f"sales/s, PostgreSQL / SQLCipher (1 till):  {pg[1].rate / sqlcipher.rate:.2f}")
    record("pay time PostgreSQL / SQLCipher, 1 till", overhead, "-", True, "x")
    record("sales/s PostgreSQL / SQLCipher, 1 till", pg[1].rate / sqlcipher.rate, "-", True, "x")
    for n in (2, 4):
        scale = pg[n].rate / pg[1].rate
        print(f"sales/s, {n} tills / 1 till (PostgreSQL):    {scale:.2f}")
        record(f"sales/s {n} tills / 1 till, PostgreSQL", scale, "-", True, "x")


if __name__ == "__main__":
    sys.exit(main())
