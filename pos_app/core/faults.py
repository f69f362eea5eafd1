"""Test-only fault injection: kill the process at a named point of an operation.

Off unless the environment variable ``POS_TEST_FAULT`` names the point (e.g.
``before_swap``); the crash-safety tests run the CLI as a subprocess with it set
and check that recovery leaves the balance exact.
"""

from __future__ import annotations

import os
import signal

ENV = "POS_TEST_FAULT"


def fault_point(name: str) -> None:
    """SIGKILL this process when ``POS_TEST_FAULT`` equals ``name``; otherwise do nothing."""
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
