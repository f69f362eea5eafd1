"""A shop of several till processes for the stress test and the benchmark of several tills.

:func:`make_tills` creates the tills (the first on the shop's PostgreSQL database, the
others joined with an enrolment file, or one till on its own SQLCipher file),
:func:`bulk_tokens` mints the customers' tokens in a few mint requests, and
:class:`TillProcess` runs one :mod:`tests.support.till_worker` and kills or stops it.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pos_app.app import App
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.cashu.models import Token
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.store import shop_db
from pos_app.core.store.keys import parse_hex_key
from tests.support.funding import mint_proofs, open_client
from tests.support.till_worker import read_jsonl

ROOT = Path(__file__).resolve().parents[2]
ENROL_PASSPHRASE = "stress enrolment"
# Tokens per mint request: a few hundred outputs, well under nutshell's limit of 1000.
TOKENS_PER_QUOTE = 40


async def _mint_batch(url: str, amounts: Sequence[int]) -> list[str]:
    split = [split_amount(a) for a in amounts]
    async with open_client(url, timeout=60.0) as client:
        proofs = await mint_proofs(client, sum(amounts), amounts=[d for s in split for d in s])
    tokens, at = [], 0
    for denominations in split:
        mine = tuple(proofs[at : at + len(denominations)])
        at += len(denominations)
        tokens.append(serialize_token_v4(Token(mint=url, unit="sat", proofs=mine)))
    return tokens


async def bulk_tokens(url: str, amounts: Sequence[int]) -> list[str]:
    """One V4 token (with DLEQ) per amount at ``url``, minted :data:`TOKENS_PER_QUOTE` at a time.

    Two requests at a time: with a dozen quotes at once, nutshell (on SQLite) answered
    a quote's state with 400 now and then.
    """
    batches = [amounts[i : i + TOKENS_PER_QUOTE] for i in range(0, len(amounts), TOKENS_PER_QUOTE)]
    room = asyncio.Semaphore(2)

    async def batch(wanted: Sequence[int]) -> list[str]:
        async with room:
            return await _mint_batch(url, wanted)

    minted = await asyncio.gather(*(batch(b) for b in batches))
    return [t for part in minted for t in part]


def _close(app: App) -> None:
    asyncio.run(app.aclose())


async def _configure(app: App, mint_urls: Sequence[str], settings: dict[str, Any]) -> None:
    # One event loop for the work and the close: the mint clients belong to it.
    try:
        for url in mint_urls:
            await app.mints.add(url)
        if settings:
            await app.settings.set_many(settings)
    finally:
        await app.aclose()


def make_tills(
    base: Path,
    mint_urls: Sequence[str],
    count: int,
    *,
    storage_url: str | None,
    settings: dict[str, Any] | None = None,
) -> list[Path]:
    """Create ``count`` tills of one shop under ``base`` trusting ``mint_urls``; their folders.

    Args:
        base: where the tills' folders go (``till1`` ...).
        mint_urls: the shop's mints.
        count: how many tills (one when ``storage_url`` is None).
        storage_url: the shop's PostgreSQL database (without the password, which
            ``POS_PG_PASSWORD`` gives); None: one till on its own SQLCipher file.
        settings: shop settings to set before any till sells.

    The key of every till comes from ``POS_DB_KEY``, which the caller sets.
    """
    first = base / "till1"
    app, _ = App.init(first, storage_url=storage_url, till_name="Till 1", trust_env=False)
    asyncio.run(_configure(app, mint_urls, settings or {}))
    if count == 1:
        return [first]
    card = base / "enrol.json"
    shop_db.write_enrolment_for(
        first, parse_hex_key(os.environ["POS_DB_KEY"]), card, ENROL_PASSPHRASE
    )
    folders = [first]
    for i in range(2, count + 1):
        folder = base / f"till{i}"
        joined, _ = App.init(
            folder,
            enrolment=card,
            enrol_passphrase=ENROL_PASSPHRASE,
            till_name=f"Till {i}",
            trust_env=False,
        )
        _close(joined)
        folders.append(folder)
    return folders


def write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    """Write ``rows`` as JSON lines."""
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


class TillProcess:
    """One ``python -m tests.support.till_worker`` selling the tokens of ``tokens``.

    Its results go to ``<folder>.results.jsonl`` (kept over restarts: a restarted till
    goes on where it stopped), its stderr to ``<folder>.log``.
    """

    def __init__(
        self, folder: Path, tokens: Path, *extra: str, faults: dict[int, str] | None = None
    ) -> None:
        self.folder = folder
        self.tokens = tokens
        self.results = folder.with_name(folder.name + ".results.jsonl")
        self.log = folder.with_name(folder.name + ".log")
        self.extra = list(extra)
        self.faults = dict(faults or {})  # token n -> fault point, each fired once
        self.proc: subprocess.Popen[bytes] | None = None
        self.exits: list[int] = []  # the return code of every run that ended

    def start(self) -> None:
        """Start the till, with the faults still to fire (see :meth:`fault_fired`)."""
        args = [sys.executable, "-m", "tests.support.till_worker", "--data-dir", str(self.folder)]
        args += ["--tokens", str(self.tokens), "--results", str(self.results), *self.extra]
        args += [f"--fault={n}:{p}" for n, p in self.faults.items()]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=log)

    def fault_fired(self) -> None:
        """The till killed itself at a fault point: that of the token in flight is spent.

        A fault whose pay another kill cut off first stays, and fires when the restarted
        till offers that token again.
        """
        rows = self.rows()
        ended = {r["n"] for r in rows if r.get("event") in ("paid", "refused", "crashed")}
        for n in {r["n"] for r in rows if r.get("event") == "paying"} - ended:
            self.faults.pop(n, None)

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def reap(self) -> int | None:
        """The return code if the process ended (recorded once), else None."""
        if self.proc is None or self.proc.poll() is None:
            return None
        code = self.proc.returncode
        self.exits.append(code)
        self.proc = None
        return code

    def kill(self) -> None:
        """SIGKILL the till and reap it (a zombie would still hold its claims)."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.reap()

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM the till and wait for its clean stop; its return code."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout)
        code = self.reap()
        assert code is not None
        return code

    def rows(self) -> list[dict[str, Any]]:
        """What the till wrote so far."""
        return read_jsonl(self.results)

    @property
    def finished(self) -> bool:
        """The till has written ``finished`` since its last start (its tokens are all done)."""
        rows = self.rows()
        return bool(rows) and rows[-1].get("event") == "finished"

    def tail(self, chars: int = 3000) -> str:
        """The end of the till's log, for a failure's message."""
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""
