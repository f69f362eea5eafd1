"""Shared parts of the point-of-sale benchmarks (bench_wallet.py, bench_sales.py).

Not a benchmark itself (``make bench`` runs ``bench_*.py`` only); the scripts put the
repository root on ``sys.path`` and import it as ``tests.benchmarks.posbench``. It starts
a real nutshell mint, makes a wallet in a temporary directory, funds tokens with chosen
denominations and times the baseline every receive is compared with: a raw
``POST /v1/swap`` of the same inputs and output amounts, done straight through
:class:`MintClient` on pre-built outputs, i.e. the mint's own time plus one HTTP
round trip on loopback.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos_app.app import App
from pos_app.core.cashu.amounts import split_with_keyset
from pos_app.core.cashu.models import Keyset, Proof, Token
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.mint.client import MintClient
from tests.benchmarks.summary import record
from tests.support.funding import active_keyset, make_outputs, mint_proofs, open_client
from tests.support.testmint import MINT_VENV, TestMint, mint_venv_ready

ROOT = Path(__file__).resolve().parents[2]
EXIT_OK, EXIT_BUDGET, EXIT_PREREQ = 0, 1, 2
# Pause before each timed request: the mint finishes its background work on the previous
# one (proof-state notifications, database) instead of competing for the same CPUs.
SETTLE_SECONDS = 0.05
PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def prepare_environment() -> str:
    """Keep proxies away from loopback and give this run its own random database key."""
    for var in PROXY_VARS:
        os.environ.pop(var, None)
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    key = os.urandom(32).hex()
    os.environ["POS_DB_KEY"] = key
    return key


def missing_prerequisite() -> str | None:
    """Why the benchmark cannot run here, or None."""
    if not mint_venv_ready():
        return (
            f"nutshell venv not found at {MINT_VENV}: run `make mint-venv` first "
            "(the benchmark runs a real test mint from it)."
        )
    return None


def start_mint(base: Path, name: str = "bench mint") -> TestMint:
    """A fee-free nutshell mint (FakeWallet) on 127.0.0.1, started."""
    mint = TestMint(base / "mint", fee_ppk=0, name=name)
    mint.start()
    return mint


def run_with_mint(prefix: str, body: Callable[[Path, str], int]) -> int:
    """``body(temp_dir, mint_url)`` with a mint of its own; returns its exit status.

    Checks the prerequisites first (:data:`EXIT_PREREQ` when missing), keeps proxies
    away and sets a random database key; the mint and the directory go afterwards.
    """
    why = missing_prerequisite()
    if why:
        print(why, file=sys.stderr)
        return EXIT_PREREQ
    prepare_environment()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        base = Path(tmp)
        mint = start_mint(base)
        try:
            return body(base, mint.url)
        finally:
            mint.stop()


async def new_wallet(data_dir: Path, mint_url: str) -> App:
    """A fresh wallet (key from ``POS_DB_KEY``) that trusts ``mint_url``."""
    app, _ = App.init(data_dir, trust_env=False)
    await app.mints.add(mint_url)
    return app


def denominations(count: int) -> list[int]:
    """``count`` proof amounts cycling 1, 2, 4 ... 128, as a customer's wallet might hold.

    8 proofs make 255 (swapped into 8 outputs), 64 make 2040 (7 outputs).
    """
    return [1 << (i % 8) for i in range(count)]


async def fund_proofs(client: MintClient, count: int) -> list[Proof]:
    """Mint ``count`` fresh proofs (with DLEQ) of :func:`denominations`."""
    amounts = denominations(count)
    return await mint_proofs(client, sum(amounts), amounts=amounts)


async def fund_token(client: MintClient, count: int) -> str:
    """A V4 token of ``count`` fresh proofs, DLEQ included (as wallets send them)."""
    proofs = await fund_proofs(client, count)
    return serialize_token_v4(Token(mint=client.url, unit="sat", proofs=tuple(proofs)))


async def raw_swap_seconds(client: MintClient, keyset: Keyset, proofs: Sequence[Proof]) -> float:
    """Time one ``POST /v1/swap`` of ``proofs`` into the outputs a receive would ask for.

    The outputs (same amounts as :func:`split_with_keyset` gives the wallet) are built
    before the clock starts; the signatures are parsed by the client, not unblinded.
    """
    amounts = split_with_keyset(sum(p.amount for p in proofs), keyset.keys)
    outputs = make_outputs(keyset, amounts)
    await asyncio.sleep(SETTLE_SECONDS)
    started = time.perf_counter()
    signatures = await client.swap(proofs, outputs.messages)
    elapsed = time.perf_counter() - started
    if len(signatures) != len(amounts):
        raise RuntimeError("raw swap returned a wrong number of signatures")
    return elapsed


# Called with (token, amount) before the clock starts (untimed set-up, e.g. a new sale);
# returns the call to time, which raises when its result is wrong.
Operation = Callable[[str, int], Awaitable[Callable[[], Awaitable[None]]]]


async def overhead_rounds(
    app: App, url: str, sizes: Sequence[int], rounds: int, operation: Operation
) -> dict[int, tuple[Stats, Stats, Stats]]:
    """Alternate ``rounds`` timed operations and raw swaps per size.

    For each size, ``rounds + 1`` tokens and as many sets of raw-swap inputs of the
    same denominations are minted first; the first round only warms connections and
    caches up.

    Returns:
        Per size: (ours, raw swap, own) stats, "own" being ours minus the time spent
        inside that operation's own swap call.
    """
    clock = SwapClock(app.pool.get(url))
    results: dict[int, tuple[Stats, Stats, Stats]] = {}
    async with open_client(url) as client:
        keyset = await active_keyset(client)
        for n in sizes:
            amount = sum(denominations(n))
            tokens = [await fund_token(client, n) for _ in range(rounds + 1)]
            raw_inputs = [await fund_proofs(client, n) for _ in range(rounds + 1)]
            ours, raw, own = [], [], []
            for i in range(rounds + 1):
                timed = await operation(tokens[i], amount)
                clock.seconds = 0.0
                await asyncio.sleep(SETTLE_SECONDS)
                started = time.perf_counter()
                await timed()
                elapsed = time.perf_counter() - started
                raw_s = await raw_swap_seconds(client, keyset, raw_inputs[i])
                if i:
                    ours.append(elapsed)
                    raw.append(raw_s)
                    own.append(elapsed - clock.seconds)
            results[n] = (Stats.of(ours), Stats.of(raw), Stats.of(own))
    return results


class SwapClock:
    """Counts the time a client spends in ``swap`` (patched on that one instance).

    ``elapsed - clock.seconds`` is then our own time in a receive, with the mint's
    share taken out of the very same call: far less noisy than subtracting a swap
    timed separately, since the mint's time varies from one request to the next.
    """

    def __init__(self, client: MintClient) -> None:
        self.seconds = 0.0
        inner = client.swap

        async def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await inner(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        client.swap = timed  # type: ignore[method-assign]


@dataclass(frozen=True)
class Stats:
    """Best and median of a series of times, in milliseconds."""

    best: float
    median: float
    count: int

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Stats:
        ms = [s * 1e3 for s in seconds]
        return cls(min(ms), statistics.median(ms), len(ms))


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Seconds of the fastest of ``repeat`` calls of ``fn`` (after one warm-up call)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def overhead_row(
    label: str, ours: Stats, raw: Stats, own: Stats, budget_ms: float | None
) -> tuple[str, bool]:
    """One printed table row of a receive beside its raw swap, and whether it holds.

    The budget is judged on the median overhead (median ours - median raw swap).
    """
    over_median = ours.median - raw.median
    over_best = ours.best - raw.best
    ok = budget_ms is None or over_median <= budget_ms
    budget = f"{budget_ms:.0f}" if budget_ms is not None else "-"
    verdict = "-" if budget_ms is None else ("yes" if ok else "NO")
    line = (
        f"{label:<7} {ours.count:>4} {ours.median:>9.1f} {ours.best:>7.1f} {raw.median:>9.1f} "
        f"{raw.best:>7.1f} {over_median:>9.1f} {over_best:>7.1f} {own.median:>9.1f} "
        f"{own.best:>7.1f} {ours.median / raw.median:>6.2f} {budget:>7} {verdict:>4}"
    )
    return line, ok


def record_overhead(proofs: int, ours: Stats, raw: Stats, budget_ms: float | None) -> None:
    """The summary line of one overhead row: the median overhead, and ours / swap."""
    over = ours.median - raw.median
    goal = "-" if budget_ms is None else f"<= {budget_ms:.0f} ms"
    record(f"overhead, {proofs} proofs", over, goal, budget_ms is None or over <= budget_ms, "ms")


OVERHEAD_HEADER = (
    f"{'proofs':<7} {'runs':>4} {'ours med':>9} {'best':>7} {'swap med':>9} {'best':>7} "
    f"{'over med':>9} {'best':>7} {'own med':>9} {'best':>7} {'ratio':>6} {'budget':>7} "
    f"{'ok':>4}"
)
OVERHEAD_NOTES = """\
times in ms. ours: end to end; swap: the raw /v1/swap baseline (same inputs, same output
amounts, outputs built beforehand); over = ours - swap, the budgeted overhead (judged on
the medians); own = ours minus the time spent inside the mint call of that same run (the
overhead without the mint's run-to-run variance; a cross-check)."""
