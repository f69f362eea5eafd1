"""A paced load on the local API from a process of its own, as a web shop would call it.

Usage: ``API_KEY=pos_... python -m tests.support.api_load URL PATH RATE SECONDS CLIENTS``

``CLIENTS`` threads, each with its own keep-alive connection, send ``GET URL+PATH`` so
that together they start ``RATE`` requests a second for ``SECONDS`` seconds (a client
that falls behind sends at once, never skips). Prints one JSON line: the statuses, the
achieved rate of 200 answers, the latencies' median and 95th percentile, and errors.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time

import httpx


def run(url: str, path: str, key: str, rate: float, seconds: float, clients: int) -> dict:
    statuses: list[int] = []
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    per_client = int(rate * seconds / clients)
    step = clients / rate
    start = time.perf_counter() + 0.2  # every client connects first, then starts on one beat
    ends: list[float] = []

    def client(index: int) -> None:
        seen, took = [], []
        headers = {"Authorization": f"Bearer {key}"}
        try:
            with httpx.Client(base_url=url, headers=headers, trust_env=False) as http:
                for n in range(per_client):
                    wait = start + (n + index / clients) * step - time.perf_counter()
                    if wait > 0:
                        time.sleep(wait)
                    sent = time.perf_counter()
                    seen.append(http.get(path, timeout=10).status_code)
                    took.append(time.perf_counter() - sent)
        except httpx.HTTPError as exc:
            with lock:
                errors.append(repr(exc))
        with lock:
            statuses.extend(seen)
            latencies.extend(took)
            ends.append(time.perf_counter())

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ok = sum(1 for s in statuses if s == 200)
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(statuses),
        "expected": per_client * clients,
        "statuses": sorted(set(statuses)),
        "rate": ok / max(max(ends) - start, 1e-9),
        "median_ms": 1000 * statistics.median(ordered),
        "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
        "errors": errors[:3],
    }


def main() -> int:
    url, path, rate, seconds, clients = sys.argv[1:6]
    result = run(url, path, os.environ["API_KEY"], float(rate), float(seconds), int(clients))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
