"""Baseline half of bench_crypto.py: the same per-proof work through nutshell's own functions.

Runs inside the nutshell venv (.venv-mint), so it imports nothing from pos_app. Reads a JSON
job on stdin, prints JSON timings on stdout. Not a test; started by bench_crypto.py.

Per proof, from the same hex inputs as our side: ``step1_alice`` (hash_to_curve + blind, B_
serialised to hex for the request), ``step3_alice`` (unblind, C serialised to hex) and
``alice_verify_dleq``; keyset keys are parsed once beforehand, as nutshell's wallet keeps them.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from cashu.core.crypto.b_dhke import alice_verify_dleq, step1_alice, step3_alice
from cashu.core.crypto.secp import PrivateKey, PublicKey


def run_once(cases: list[dict], keys: dict[int, PublicKey]) -> tuple[float, list[str], bool]:
    """One pass over the cases; returns (seconds, C hex list, all DLEQs valid)."""
    out: list[str] = []
    all_ok = True
    start = time.perf_counter()
    for c in cases:
        K = keys[c["amount"]]
        B_, r = step1_alice(c["secret"], PrivateKey(bytes.fromhex(c["r"])))
        _b_hex = B_.format().hex()
        C_ = PublicKey(bytes.fromhex(c["C_"]))
        C = step3_alice(C_, r, K)
        ok = alice_verify_dleq(
            B_, C_, PrivateKey(bytes.fromhex(c["e"])), PrivateKey(bytes.fromhex(c["s"])), K
        )
        out.append(C.format().hex())
        all_ok = all_ok and ok
    return time.perf_counter() - start, out, all_ok


def main() -> None:
    """Read the job, time ``repeats`` passes, print the best and median pass."""
    job = json.load(sys.stdin)
    keys = {int(a): PublicKey(bytes.fromhex(k)) for a, k in job["keys"].items()}
    cases = job["cases"]
    times: list[float] = []
    result: list[str] = []
    all_ok = True
    for _ in range(job["repeats"]):
        seconds, result, ok = run_once(cases, keys)
        times.append(seconds)
        all_ok = all_ok and ok
    json.dump(
        {
            "best_s": min(times),
            "median_s": statistics.median(times),
            "C": result,
            "dleq_ok": all_ok,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
