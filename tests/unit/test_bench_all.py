"""tools/bench_all.py: every benchmark runs even after one misses its goal; one summary table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from tests.benchmarks.summary import record
print("table for people")
record("{name}", {value}, "<= 10 ms", {ok}, "ms")
sys.exit({status})
"""


def bench(tmp_path: Path, name: str, value: float, ok: bool, status: int) -> Path:
    path = tmp_path / f"bench_{name}.py"
    text = SCRIPT.format(root=str(ROOT), name=name, value=value, ok=ok, status=status)
    path.write_text(text)
    return path


def test_all_scripts_run_and_the_summary_lists_every_figure(tmp_path: Path) -> None:
    slow = bench(tmp_path, "slow", 12.5, False, 1)
    fast = bench(tmp_path, "fast", 3.25, True, 0)
    missing = bench(tmp_path, "nomint", 0, True, 2)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bench_all.py"), str(slow), str(fast), str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    out = done.stdout
    assert out.count("table for people") == 3  # the failing first script did not stop the rest
    assert "bench-summary" not in out  # the machine lines are gathered, not shown
    summary = out.split("== summary", 1)[1]
    rows = [line.split() for line in summary.splitlines() if line.startswith("bench_")]
    assert ["bench_slow", "slow", "12.5", "ms", "<=", "10", "ms", "NO"] in rows
    assert ["bench_fast", "fast", "3.25", "ms", "<=", "10", "ms", "yes"] in rows
    assert any(r[:3] == ["bench_slow", "a", "goal"] for r in rows)
    assert any(r[:3] == ["bench_nomint", "prerequisite", "missing"] for r in rows)


def test_all_goals_holding_exits_zero(tmp_path: Path) -> None:
    fast = bench(tmp_path, "fast", 1, True, 0)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bench_all.py"), str(fast)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout
