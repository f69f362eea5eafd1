"""Per-proof crypto cost of receiving ecash, ours against nutshell's, measured in one run.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/bench_crypto.py [--sizes 1 8 64 1000] [--proofs 2000]

For each batch size the same work is done by both sides on the same inputs, generated here:
hash_to_curve + blind (B_ as hex), unblind (C as hex) and DLEQ verification of the mint's
signature, all starting from the hex strings a mint response carries. nutshell runs in its own
venv (.venv-mint, ``make mint-venv``) through tests/benchmarks/nutshell_crypto_worker.py.
Both sides get one warm-up pass, then the best of several passes is reported.

Exit status: 0 when both checks hold (<= 0.5 ms/proof, no slower than nutshell), 1 when one
fails, 2 when the nutshell venv is missing, 3 when the two sides disagree on a result.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pos_app.core.cashu import crypto  # noqa: E402
from tests.benchmarks.summary import record  # noqa: E402
from tests.support.testmint import MINT_VENV, mint_venv_ready  # noqa: E402

MINT_PYTHON = MINT_VENV / "bin" / "python"
WORKER = Path(__file__).with_name("nutshell_crypto_worker.py")
BUDGET_MS = 0.5
AMOUNTS = [1, 2, 4, 8, 16, 32, 64, 128]


def make_inputs(count: int, seed: int = 20260701) -> tuple[dict[int, str], list[dict]]:
    """Mint keys and ``count`` signed outputs (C_ with DLEQ), deterministic for a seed."""
    rng = random.Random(seed)
    private = {a: rng.randrange(1, crypto.N).to_bytes(32, "big") for a in AMOUNTS}
    keys = {a: crypto.PublicKey.from_valid_secret(k).format().hex() for a, k in private.items()}
    cases = []
    for i in range(count):
        amount = AMOUNTS[i % len(AMOUNTS)]
        secret = rng.randbytes(32).hex()
        r = rng.randrange(1, crypto.N).to_bytes(32, "big")
        C_, e, s = crypto.sign_blinded_with_dleq(private[amount], crypto.blind(secret, r))
        cases.append({"amount": amount, "secret": secret, "r": r.hex(), "C_": C_, "e": e, "s": s})
    return keys, cases


def ours_once(cases: list[dict], keys: dict[int, str]) -> tuple[float, list[str], bool]:
    """One pass of our pipeline; returns (seconds, C hex list, all DLEQs valid)."""
    out: list[str] = []
    all_ok = True
    start = time.perf_counter()
    for c in cases:
        K = keys[c["amount"]]
        r = bytes.fromhex(c["r"])
        B_ = crypto.blind(c["secret"], r)
        C = crypto.unblind(c["C_"], r, K)
        ok = crypto.verify_dleq_signature(B_, c["C_"], K, c["e"], c["s"])
        out.append(C)
        all_ok = all_ok and ok
    return time.perf_counter() - start, out, all_ok


def run_ours(cases: list[dict], keys: dict[int, str], repeats: int) -> dict:
    """Warm up once, then time ``repeats`` passes."""
    ours_once(cases, keys)
    times, result, all_ok = [], [], True
    for _ in range(repeats):
        seconds, result, ok = ours_once(cases, keys)
        times.append(seconds)
        all_ok = all_ok and ok
    return {
        "best_s": min(times),
        "median_s": statistics.median(times),
        "C": result,
        "dleq_ok": all_ok,
    }


def run_nutshell(cases: list[dict], keys: dict[int, str], repeats: int) -> dict:
    """The same passes in the nutshell venv (one warm-up pass included there)."""
    job = {"keys": {str(a): k for a, k in keys.items()}, "cases": cases, "repeats": repeats + 1}
    proc = subprocess.run(
        [str(MINT_PYTHON), str(WORKER)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if proc.returncode:
        sys.exit(f"nutshell worker failed ({proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout)


def _version(python: Path, dist: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({dist!r}))"
    proc = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "?"


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 8, 64, 1000])
    parser.add_argument(
        "--proofs", type=int, default=2000, help="proofs timed per size and side (min 5 passes)"
    )
    args = parser.parse_args()

    if not mint_venv_ready() or not MINT_PYTHON.exists():
        print(
            f"nutshell venv not found at {MINT_VENV}: run `make mint-venv` first "
            "(the baseline runs nutshell's own crypto functions in that venv).",
            file=sys.stderr,
        )
        return 2

    keys, all_cases = make_inputs(max(args.sizes))
    print(
        f"python {platform.python_version()} on {platform.machine()}; coincurve "
        f"{metadata.version('coincurve')} (ours) / {_version(MINT_PYTHON, 'coincurve')} "
        f"(nutshell {_version(MINT_PYTHON, 'cashu')})"
    )
    print("per proof: hash_to_curve + blind + unblind + DLEQ verify, from hex inputs")
    print("best of N passes; ratio = nutshell / ours (> 1 means we are faster)\n")
    header = (
        f"{'n':>6} {'passes':>6} {'ours ms/proof':>14} {'nutshell ms/proof':>18} "
        f"{'ratio':>6}  {'<=0.5ms':>7}  {'not slower':>10}"
    )
    print(header)
    print("-" * len(header))

    failed = False
    for n in args.sizes:
        cases = all_cases[:n]
        repeats = max(5, math.ceil(args.proofs / n))
        ours = run_ours(cases, keys, repeats)
        theirs = run_nutshell(cases, keys, repeats)
        if ours["C"] != theirs["C"] or not ours["dleq_ok"] or not theirs["dleq_ok"]:
            print(f"n={n}: the two implementations disagree (C or DLEQ result)", file=sys.stderr)
            return 3
        ours_ms = ours["best_s"] / n * 1e3
        theirs_ms = theirs["best_s"] / n * 1e3
        ratio = theirs_ms / ours_ms
        budget_ok = ours_ms <= BUDGET_MS
        faster_ok = ours_ms <= theirs_ms
        failed = failed or not (budget_ok and faster_ok)
        record(f"ms per proof, n={n}", ours_ms, f"<= {BUDGET_MS} ms", budget_ok, "ms")
        record(f"nutshell / ours, n={n}", ratio, ">= 1x", faster_ok, "x")
        print(
            f"{n:>6} {repeats:>6} {ours_ms:>14.4f} {theirs_ms:>18.4f} {ratio:>6.2f}  "
            f"{'yes' if budget_ok else 'NO':>7}  {'yes' if faster_ok else 'NO':>10}"
        )
    print("\nresults identical on both sides (C values, all DLEQs valid)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
