"""No secret, proof or seed ever appears in a log line (scans the logs of the whole session).

Runs last (see ``pytest_collection_modifyitems``), or on its own after a parallel
run with ``POS_LOGSCAN_DIR`` naming that run's temp dir. It reads every ``pos-app.log*``
written under the session's temp dir: the CLI subprocesses' data directories and
the in-process capture. Proof secrets are 64 hex characters, or NUT-10 JSON with a
nonce; tokens start with cashuA/cashuB; a seed is a run of BIP39 words.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from mnemonic import Mnemonic

pytestmark = pytest.mark.logscan

HEX64 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")
TOKEN = re.compile(r"cashu[AB][A-Za-z0-9_\-+/=]{20,}")
REQUEST_OR_UR = re.compile(r"(creqA|creqb1|ur:bytes/)[A-Za-z0-9_\-+/=]{20,}", re.I)
NUT10 = re.compile(r'\\?"nonce\\?"')
WORDS = set(Mnemonic("english").wordlist)


def seed_like(line: str) -> bool:
    run = 0
    for word in re.findall(r"[a-z]+", line):
        run = run + 1 if word in WORDS else 0
        if run >= 12:
            return True
    return False


def test_no_secret_in_any_log(tmp_path_factory):
    # make test points this at the parallel run's temp dir (all workers' logs).
    given = os.environ.get("POS_LOGSCAN_DIR")
    base = Path(given).resolve() if given else tmp_path_factory.getbasetemp()
    files = sorted(base.rglob("pos-app.log*"))
    assert files, "no log files were written during the session"
    problems = []
    lines = 0
    for path in files:
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
        ):
            lines += 1
            for name, found in (
                ("64-hex secret", HEX64.search(line)),
                ("token", TOKEN.search(line)),
                ("request/UR", REQUEST_OR_UR.search(line)),
                ("NUT-10 secret", NUT10.search(line)),
                ("seed words", seed_like(line)),
            ):
                if found:
                    problems.append(f"{path.relative_to(base)}:{number}: {name}: {line[:200]}")
    print(f"scanned {lines} log lines in {len(files)} files")
    assert lines > 0
    assert not problems, "\n".join(problems[:20])
