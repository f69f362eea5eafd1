"""The command line, whole process: ``pos-app wallet receive`` against nutshell's ``cashu receive``.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/bench_cli.py [--rounds 9] [--proofs 8]

A real nutshell mint (``.venv-mint``) serves both wallets: ours (a data directory made
with the app, the mint trusted, key in ``POS_DB_KEY``) and nutshell's own CLI wallet (its
``cashu`` script from the same venv as the mint, the baseline). Each round gives both
a fresh token of ``--proofs`` proofs and times each process from its start to its exit:
interpreter start, imports, opening the wallet, the swap at the mint, writing the
proofs. Medians, and their ratio (ours / nutshell's). Nine rounds by default: four runs of five
rounds gave ratios 0.024 apart, six runs of nine 0.014 apart.

Exit status: 0 when the ratio is at most 0.4, 1 otherwise, 2 without the nutshell venv.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks import posbench  # noqa: E402
from tests.benchmarks.summary import record  # noqa: E402
from tests.support.funding import open_client  # noqa: E402
from tests.support.testmint import TestMint  # noqa: E402

GOAL = 0.4


async def tokens(url: str, count: int, proofs: int) -> list[str]:
    async with open_client(url) as client:
        return [await posbench.fund_token(client, proofs) for _ in range(count)]


def ours_seconds(data_dir: Path, token: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pos_app",
            "--json",
            "--data-dir",
            str(data_dir),
            "wallet",
            "receive",
            token,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"pos-app wallet receive failed: {done.stdout}{done.stderr}")
    return seconds


def nutshell_seconds(mint: TestMint, token: str) -> float:
    started = time.perf_counter()
    mint.cli_receive(token)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--proofs", type=int, default=8)
    args = parser.parse_args()
    # Byte-code as installed programs have it (the first round writes ours).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

    why = posbench.missing_prerequisite()
    if why:
        print(why, file=sys.stderr)
        return posbench.EXIT_PREREQ
    posbench.prepare_environment()
    with tempfile.TemporaryDirectory(prefix="pos-bench-cli-") as tmp:
        mint = posbench.start_mint(Path(tmp))
        try:
            return measure(mint, Path(tmp) / "shop", args.rounds, args.proofs)
        finally:
            mint.stop()


def measure(mint: TestMint, data_dir: Path, rounds: int, proofs: int) -> int:
    async def make() -> None:
        app = await posbench.new_wallet(data_dir, mint.url)
        await app.aclose()

    asyncio.run(make())
    given = asyncio.run(tokens(mint.url, 2 * (rounds + 1), proofs))
    ours_seconds(data_dir, given.pop())  # warm-up (byte-code, disk cache), not counted
    nutshell_seconds(mint, given.pop())
    ours, theirs = [], []
    for _ in range(rounds):
        theirs.append(nutshell_seconds(mint, given.pop()))
        ours.append(ours_seconds(data_dir, given.pop()))
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    ratio = ours_s / theirs_s
    print(f"receive of a {proofs}-proof token, whole process, {rounds} rounds each")
    print(f"nutshell  cashu receive:          median {theirs_s:.2f} s (best {min(theirs):.2f})")
    print(f"ours      pos-app wallet receive: median {ours_s:.2f} s (best {min(ours):.2f})")
    ok = ratio <= GOAL
    print(f"ratio {ratio:.2f}; goal <= {GOAL}: {'PASS' if ok else 'FAIL'}")
    record(f"wallet receive ({proofs} proofs) / nutshell", ratio, f"<= {GOAL}", ok, "x")
    return posbench.EXIT_OK if ok else posbench.EXIT_BUDGET


if __name__ == "__main__":
    sys.exit(main())
