"""Does sending webhooks slow the till's pay path? Sales with and without, in one run.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/bench_webhooks.py [--sales 1000] [--block 10]

A real nutshell mint and two wallets trusting it. Wallet A has no webhooks at all
(the outbox hook is removed while it sells). Wallet B has an endpoint for every
event at a slow local receiver (each answer takes 0.2 s), so a backlog builds up and
is worked off while it sells. Each wallet's timers (health checks, retries, and B's
deliveries) run while it sells. Sales alternate
in blocks of ``--block`` between A and B, so drift (disk, CPU of the other agents)
hits both; each ``SalesService.pay`` of a one-proof token is timed, funding is not.

Budget (issue 13): median pay time with webhooks / without <= 1.05.
Exit status: 0 within budget, 1 over it, 2 when the nutshell venv is missing.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks import posbench
from tests.benchmarks.posbench import Stats
from tests.benchmarks.summary import record

BUDGET = 1.05
RECEIVER_DELAY = 0.2


async def sell(app, client, times: list[float]) -> None:
    text = await posbench.fund_token(client, 1)
    sale = await app.sales.new_sale("1", "sat")
    started = time.perf_counter()
    result = await app.sales.pay(sale["sale_id"], text)
    times.append(time.perf_counter() - started)
    if result.state != "paid":
        raise RuntimeError(f"sale ended {result.to_dict()}")


async def measure(base: Path, url: str, sales: int, block: int) -> tuple[Stats, Stats, int]:
    from pos_app.core.webhooks import outbox
    from tests.support.funding import open_client
    from tests.support.webhookreceiver import Inbox, WebhookReceiver

    inbox = Inbox("", delay=RECEIVER_DELAY)
    receiver = WebhookReceiver(inbox).start()
    plain = await posbench.new_wallet(base / "a", url)
    hooked = await posbench.new_wallet(base / "b", url)
    outbox.uninstall(plain.db)  # the same till without webhooks
    inbox.secret = (await hooked.webhooks.add(receiver.url()))["secret"]
    without: list[float] = []
    with_hooks: list[float] = []
    try:
        async with open_client(url) as client:
            for _ in range(2):  # warm-up, not counted
                await sell(plain, client, [])
                await sell(hooked, client, [])
            while len(with_hooks) < sales:
                plain.services.start()
                for _ in range(block):
                    await sell(plain, client, without)
                await plain.services.stop()
                hooked.services.start()
                for _ in range(block):
                    await sell(hooked, client, with_hooks)
                await hooked.services.stop()
        delivered = len(inbox.events)
    finally:
        await plain.aclose()
        await hooked.aclose()
        receiver.stop()
    return Stats.of(without), Stats.of(with_hooks), delivered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=1000, help="sales per wallet")
    parser.add_argument("--block", type=int, default=10)
    args = parser.parse_args(argv)

    def body(base: Path, url: str) -> int:
        without, with_hooks, delivered = asyncio.run(measure(base, url, args.sales, args.block))
        ratio = with_hooks.median / without.median
        print(f"pay without webhooks: median {without.median:.1f} ms (n={without.count})")
        print(f"pay with webhooks:    median {with_hooks.median:.1f} ms (n={with_hooks.count})")
        print(f"ratio {ratio:.3f} (budget {BUDGET}); events delivered meanwhile: {delivered}")
        record("pay with / without webhooks", ratio, f"<= {BUDGET}", ratio <= BUDGET, "x")
        return posbench.EXIT_OK if ratio <= BUDGET else posbench.EXIT_BUDGET

    return posbench.run_with_mint("pos-bench-webhooks-", body)


if __name__ == "__main__":
    sys.exit(main())
