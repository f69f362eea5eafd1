"""Per-package coverage of the last test run, and the floors ``make coverage`` enforces.

Reads the combined coverage data that pytest-cov wrote (see ``[tool.coverage]``
in pyproject.toml: line and branch coverage over ``pos_app``, CLI subprocesses
included), prints one line per package, and exits 1 when ``pos_app/core`` or
the whole of ``pos_app`` is below its floor. The figures are coverage.py's own
(statements and branches together), so they match the table and the HTML report.

    python tools/coverage_floor.py [--core 85] [--total 70]
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import coverage
from coverage.exceptions import NoDataError

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "pos_app"
CORE = "pos_app/core"


def percent(cov: coverage.Coverage, include: list[str]) -> float:
    """coverage.py's total for the files matching ``include`` (statements and branches)."""
    return cov.report(include=include, file=io.StringIO())


def packages() -> dict[str, list[str]]:
    """Each package folder under ``pos_app`` with its own modules (not its sub-packages')."""
    found: dict[str, list[str]] = {}
    for module in sorted((ROOT / PACKAGE).rglob("*.py")):
        found.setdefault(module.parent.relative_to(ROOT).as_posix(), []).append(str(module))
    return dict(sorted(found.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--core", type=float, default=85.0, help="floor for pos_app/core (%%)")
    parser.add_argument("--total", type=float, default=70.0, help="floor for all of pos_app (%%)")
    args = parser.parse_args(argv)

    cov = coverage.Coverage(config_file=str(ROOT / "pyproject.toml"))
    cov.load()
    try:
        by_package = {folder: percent(cov, files) for folder, files in packages().items()}
        core = percent(cov, [f"{ROOT / CORE}/*"])
        total = percent(cov, [f"{ROOT / PACKAGE}/*"])
    except NoDataError:
        print("coverage_floor: no coverage data; run the tests with --cov first", file=sys.stderr)
        return 1

    print("coverage per package (statements and branches):")
    for folder, value in by_package.items():
        print(f"  {folder:<40} {value:5.1f}%")
    print(f"  {CORE + '/ (all)':<40} {core:5.1f}%   floor {args.core:.0f}%")
    print(f"  {PACKAGE + '/ (all)':<40} {total:5.1f}%   floor {args.total:.0f}%")
    html = ROOT / "build" / "coverage" / "html" / "index.html"
    if html.exists():
        print(f"report: {html}")
    failed = [
        f"{name} {value:.1f}% < {floor:.0f}%"
        for name, value, floor in ((CORE, core, args.core), (PACKAGE, total, args.total))
        if value < floor
    ]
    if failed:
        print("coverage below the floor: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
