"""One line per budgeted figure, for the summary table of ``make bench``.

Not a benchmark itself. Each ``bench_*.py`` prints its own table for people; it also
calls :func:`record` for every figure that has a goal, and ``tools/bench_all.py``
collects those lines from all the scripts into one table at the end.
"""

from __future__ import annotations

import json

MARK = "bench-summary "


def record(measure: str, value: float, goal: str, ok: bool, unit: str = "") -> None:
    """Print ``measure``'s figure (``value`` ``unit``), its ``goal`` in words, and whether it holds."""
    line = {"measure": measure, "value": round(value, 3), "unit": unit, "goal": goal, "ok": ok}
    print(MARK + json.dumps(line), flush=True)


def parse(line: str) -> dict | None:
    """The record printed on ``line``, or None for any other line."""
    if not line.startswith(MARK):
        return None
    try:
        found = json.loads(line[len(MARK) :])
    except ValueError:
        return None
    return found if isinstance(found, dict) and "measure" in found else None
