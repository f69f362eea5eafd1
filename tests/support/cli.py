"""Run ``pos-app`` as a subprocess, the way a script or an admin would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    """Exit code, parsed JSON stdout (when any) and raw streams."""

    rc: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        return json.loads(self.stdout)

    @property
    def error_code(self) -> str | None:
        try:
            return self.json["error"]["code"]
        except (ValueError, KeyError, TypeError):
            return None


class Cli:
    """``pos-app --json --data-dir DIR ...`` with a fixed database key."""

    def __init__(
        self, data_dir: Path, key: str | None = None, env: dict[str, str] | None = None
    ) -> None:
        self.data_dir = Path(data_dir)
        self.key = key or os.urandom(32).hex()
        self.env = dict(env or {})

    def run(
        self,
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> Result:
        full_env = {**os.environ, "POS_DB_KEY": self.key, **self.env, **(env or {})}
        proc = subprocess.run(
            [sys.executable, "-m", "pos_app", "--json", "--data-dir", str(self.data_dir), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=full_env,
            cwd=ROOT,
            timeout=timeout,
            check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def ok(self, *args: str, **kwargs: Any) -> Any:
        """Run and require exit 0; returns the parsed JSON."""
        res = self.run(*args, **kwargs)
        assert res.rc == 0, f"pos-app {' '.join(args)} -> {res.rc}\n{res.stdout}\n{res.stderr}"
        return res.json

    def balance(self, mint: str | None = None, unit: str = "sat") -> int:
        data = self.ok("wallet", "balance")
        return sum(
            b["amount"]
            for b in data["balances"]
            if b["unit"] == unit and (mint is None or b["mint"] == mint)
        )
