"""Run every benchmark, even after one misses its goal, and end with one summary table.

Usage (``make bench``)::

    .venv/bin/python tools/bench_all.py [tests/benchmarks/bench_scan.py ...]

Each ``tests/benchmarks/bench_*.py`` runs in its own process, its output shown as it
comes; the figures each one records (``tests/benchmarks/summary.py``) are gathered into
a table of measure, value, goal and verdict, followed by each script's exit status
(0 all goals hold, 1 a goal missed, 2 a prerequisite missing, other: the script failed).

Exit status: 0 when every script exited 0, else 1.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.summary import parse  # noqa: E402

STATUS = {0: "goals hold", 1: "a goal missed", 2: "prerequisite missing"}


def run(script: Path) -> tuple[int, float, list[dict]]:
    """Exit status, seconds and recorded figures of one benchmark script."""
    shown = script.relative_to(ROOT) if script.is_relative_to(ROOT) else script
    print(f"== {shown}", flush=True)
    started = time.monotonic()
    figures = []
    with subprocess.Popen(
        [sys.executable, str(script)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            found = parse(line)
            if found is None:
                print(line, end="", flush=True)
            else:
                figures.append(found)
    return proc.returncode, time.monotonic() - started, figures


def table(results: list[tuple[Path, int, float, list[dict]]]) -> str:
    """The summary: one row per recorded figure, then one per script."""
    rows = [("benchmark", "measure", "value", "goal", "ok")]
    for script, _status, _seconds, figures in results:
        for f in figures:
            value = f"{f['value']:g}{(' ' + f['unit']) if f['unit'] else ''}"
            rows.append((script.stem, f["measure"], value, f["goal"], "yes" if f["ok"] else "NO"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    for script, status, seconds, _figures in results:
        said = STATUS.get(status, f"failed (exit {status})")
        lines.append(f"{script.stem:<16} {said:<22} {seconds:6.0f} s")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    scripts = [Path(a).resolve() for a in argv] or sorted(
        (ROOT / "tests" / "benchmarks").glob("bench_*.py")
    )
    results = [(s, *run(s)) for s in scripts]
    print("\n== summary\n" + table(results))
    return 0 if all(status == 0 for _s, status, _t, _f in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
