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
loopback round trip). Overhead = pay - raw swap, on the medians; "own" (the pay minus
the time spent inside its own mint call) is printed beside it as a cross-check.

Goals (issue 17, "Pay path"): the overhead as a share of the raw swap, over / swap, at most
15 % for 8 proofs and 10 % for 64 proofs; 1 proof is reported without a goal. The overhead
in ms is printed as well. A ratio, not a time: the mint's swap and our own work slow down
together on a loaded machine, so the share holds where absolute budgets would not.

Exit status: 0 when the goals hold, 1 when one fails, 2 when the nutshell venv is missing.
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
from tests.benchmarks.summary import record

# Largest overhead over the raw swap, as a share of the swap's median time.
GOAL_SHARE = {8: 0.15, 64: 0.10}
HEADER = (
    f"{'proofs':<7} {'runs':>4} {'ours med':>9} {'best':>7} {'swap med':>9} {'best':>7} "
    f"{'over med':>9} {'own med':>9} {'over/swap':>10} {'goal':>6} {'ok':>4}"
)
NOTES = """\
times in ms. ours: end to end; swap: the raw /v1/swap baseline (same inputs, same output
amounts, outputs built beforehand); over = ours - swap (medians); over/swap is judged against
the goal; own = ours minus the time spent inside the mint call of that same run (the
overhead without the mint's run-to-run variance; a cross-check)."""


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
    print(HEADER)
    print("-" * len(HEADER))
    ok = True
    for n, (ours, raw, own) in results.items():
        line, holds = share_row(n, ours, raw, own, GOAL_SHARE.get(n))
        print(line)
        ok &= holds
    print("\n" + NOTES)
    return posbench.EXIT_OK if ok else posbench.EXIT_BUDGET


def share_row(
    proofs: int, ours: Stats, raw: Stats, own: Stats, goal: float | None
) -> tuple[str, bool]:
    """One table row, judged on over / swap of the medians; its summary line is recorded."""
    over = ours.median - raw.median
    share = over / raw.median
    holds = goal is None or share <= goal
    record(
        f"sale pay overhead / swap, {proofs} proofs",
        share * 100,
        "-" if goal is None else f"<= {goal * 100:.0f} % of the swap",
        holds,
        "%",
    )
    goal_text = "-" if goal is None else f"{goal * 100:.0f} %"
    verdict = "-" if goal is None else ("yes" if holds else "NO")
    line = (
        f"{proofs:<7} {ours.count:>4} {ours.median:>9.1f} {ours.best:>7.1f} {raw.median:>9.1f} "
        f"{raw.best:>7.1f} {over:>9.1f} {own.median:>9.1f} {share * 100:>8.1f} % "
        f"{goal_text:>6} {verdict:>4}"
    )
    return line, holds


if __name__ == "__main__":
    sys.exit(main())
