"""App start: the real program to its main window, against a bare PySide6 window, in one run.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/bench_start.py [--rounds 5]

A wallet is made in a temporary data directory (``pos-app init``, key in ``POS_DB_KEY``
so no dialog asks for it). Each round starts ``python -m pos_app`` on the offscreen Qt
platform and times the process from its start to the log's "main window shown" (the
database opened and migrated, the window built and shown), then ends it with SIGTERM.
The baseline, in alternate rounds: the same Python starting a process that imports
PySide6 and shows an empty QMainWindow. Medians, and their ratio.

Exit status: 0 when the ratio is at most 3, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.summary import record  # noqa: E402

GOAL = 3.0
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "w = QMainWindow()\n"
    "w.show()\n"
    "app.processEvents()\n"
    "print('shown', flush=True)\n"
)


def bare_seconds(env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", BARE], env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    seconds = time.perf_counter() - started
    proc.wait(30)
    if line.strip() != "shown":
        raise RuntimeError("the bare window did not come up")
    return seconds


def app_seconds(env: dict[str, str], data_dir: Path) -> float:
    log = data_dir / "logs" / "pos-app.log"
    if log.exists():
        log.write_text("")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        while "main window shown" not in (log.read_text() if log.exists() else ""):
            if proc.poll() is not None:
                raise RuntimeError(f"pos-app exited with {proc.returncode} before its window")
            if time.perf_counter() - started > 60:
                raise RuntimeError("the main window did not come up within 60 s")
            time.sleep(0.005)
        return time.perf_counter() - started
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"pos-app did not end within 30 s of SIGTERM; log:\n{tail}"
            ) from None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pos-bench-start-") as tmp:
        data_dir = Path(tmp) / "shop"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "POS_DB_KEY": os.urandom(32).hex(),
            "HOME": tmp,  # no keyring, no settings of the person running it
        }
        # An installed app (and the bundle) has its byte-code: compiling every module on
        # each start would add 0.4 s that no shop pays. The warm-up round writes it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "pos_app", "--json", "--data-dir", str(data_dir), "init"],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        app_seconds(env, data_dir)  # warm the disk cache and the byte-code for both
        bare_seconds(env)
        ours, bare = [], []
        for _ in range(args.rounds):
            bare.append(bare_seconds(env))
            ours.append(app_seconds(env, data_dir))
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    ratio = ours_s / bare_s
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.rounds} rounds each")
    print(f"bare PySide6 window shown:  median {bare_s:.2f} s (best {min(bare):.2f})")
    print(f"pos-app main window shown:  median {ours_s:.2f} s (best {min(ours):.2f})")
    ok = ratio <= GOAL
    print(f"ratio {ratio:.1f}x; goal <= {GOAL:.0f}x: {'PASS' if ok else 'FAIL'}")
    record("start to main window / bare window", ratio, f"<= {GOAL:.0f}x", ok, "x")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
