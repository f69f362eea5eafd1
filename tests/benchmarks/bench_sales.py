"""Time from ``sale pay`` to ``paid`` for tokens of 1, 8 and 64 proofs, beside the raw swap.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/bench_sales.py [--rounds 20] [--sizes 1 8 64]

A real nutshell mint (``.venv-mint``, ``make mint-venv``) and a fresh wallet that trusts
it are made in a temporary directory, with the default settings (``trusted_only``: a
token of a trusted mint is swapped). For each round a sale of exactly the token's value
is opened with ``SalesService.new_sale`` (not timed), then ``await SalesService.pay`` is
timed until it returns the sale ``paid``: storing the token, the payment row, the checks,
the journal, the swap, the new proofs and the settlement. Each round is followed by the
baseline: a raw ``POST /v1/swap`` of fresh proofs of the same denominations into the same
output amounts, on outputs built before the clock starts (the mint's own time plus one
loopback round trip). Overhead = pay - raw swap, judged on the medians; "own" (the pay
minus the time spent inside its own mint call) is printed beside it as a cross-check.

Budgets (docs/architecture.md section 8, receive overhead beyond the mint's swap time): <= 20 ms for
8 proofs, <= 60 ms for 64 proofs; 1 proof is reported without a budget.

Exit status: 0 when the budgets hold, 1 when one fails, 2 when the nutshell venv is missing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks import posbench
from tests.benchmarks.posbench import Stats

BUDGET_MS = {8: 20.0, 64: 60.0}


async def pay_rounds(
    data_dir: Path, url: str, sizes: list[int], rounds: int
) -> dict[int, tuple[Stats, Stats, Stats]]:
    """Alternate ``rounds`` paid sales and raw swaps per size; returns (pay, raw, own) stats."""
    app = await posbench.new_wallet(data_dir, url)

    async def pay(token: str, amount: int) -> Callable[[], Awaitable[None]]:
        sale = await app.sales.new_sale(str(amount), "sat")  # not timed

        async def timed() -> None:
            result = await app.sales.pay(sale["sale_id"], token)
            if result.state != "paid" or result.paid != amount:
                raise RuntimeError(f"sale of {amount} sat ended {result.to_dict()}")

        return timed

    try:
        return await posbench.overhead_rounds(app, url, sizes, rounds, pay)
    finally:
        await app.aclose()


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed sales per size")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 8, 64])
    args = parser.parse_args()

    def run(base: Path, url: str) -> int:
        results = asyncio.run(pay_rounds(base / "wallet", url, args.sizes, args.rounds))
        return report(args, results)

    return posbench.run_with_mint("bench-sales-", run)


def report(args: argparse.Namespace, results: dict[int, tuple[Stats, Stats, Stats]]) -> int:
    """Print the table; returns the exit status."""
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"sale pay -> paid in a fresh wallet, {args.rounds} timed rounds per size")
    print("ours = SalesService.pay end to end; swap = raw /v1/swap, same inputs and outputs\n")
    print(posbench.OVERHEAD_HEADER)
    print("-" * len(posbench.OVERHEAD_HEADER))
    ok = True
    for n, (ours, raw, own) in results.items():
        line, holds = posbench.overhead_row(str(n), ours, raw, own, BUDGET_MS.get(n))
        posbench.record_overhead(n, ours, raw, BUDGET_MS.get(n))
        print(line)
        ok &= holds
    print("\n" + posbench.OVERHEAD_NOTES)
    return posbench.EXIT_OK if ok else posbench.EXIT_BUDGET


if __name__ == "__main__":
    sys.exit(main())
