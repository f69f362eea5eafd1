"""One till as its own process, selling from a list of tokens: the several-tills stress test's till.

Usage::

    python -m tests.support.till_worker --data-dir TILL --tokens tokens.jsonl --results out.jsonl

The till opens its App once (the key from ``POS_DB_KEY``, the database password from
``POS_PG_PASSWORD``, as a headless till) and starts its background services as
``pos-app serve`` and the GUI do, so its retry timer recovers open operations, its own
or, through the job claims, those of a till that died. Then, one customer after the
other, it opens a sale of a token's amount and pays it with that token.

``tokens.jsonl`` holds one ``{"n", "amount", "mint", "token"}`` a line. Each step is
a JSON line appended to ``--results`` and flushed at once, so a SIGKILL loses nothing
written before it: ``{"n", "event": "paying", "sale_id", ...}`` before the pay and
``{"n", "event": "paid" | "refused" | "crashed", ...}`` after it (``crashed``: the
pay raised what is not a refusal of the app, a bug; the token is offered again). Started again on the same files,
the till goes on where it stopped: a token whose pay was cut off is offered again to
the same sale, as a cashier scans it again after a crash (the app must then refuse it
or take it, never count it twice).

When every token is done it writes ``{"event": "finished"}`` and keeps serving (its
timers still recover) until SIGTERM or SIGINT, then stops its services and exits 0.

``--fault N:POINT`` (repeatable) kills the process at the fault point ``POINT`` of
:mod:`pos_app.core.faults` during the pay of token ``N``. ``--lease-seconds`` shortens
the journal's lease (how long an operation's request is deemed in flight, 165 s) so a
test need not wait minutes for the recovery of a killed till's operation.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import IO, Any

from pos_app.app import App
from pos_app.core.errors import PosError
from pos_app.core.faults import ENV as FAULT_ENV
from pos_app.core.mint import client
from pos_app.core.wallet import journal

log = logging.getLogger("till_worker")
# A pay that raised what is not the app's refusal (a bug) is offered again this often.
CRASH_RETRIES = 2


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--tokens", required=True, type=Path)
    parser.add_argument("--results", required=True, type=Path)
    parser.add_argument("--fault", action="append", default=[], metavar="N:POINT")
    parser.add_argument("--lease-seconds", type=int)
    parser.add_argument("--exit-when-done", action="store_true", help="do not keep serving")
    parser.add_argument(
        "--export-every",
        type=int,
        default=0,
        metavar="K",
        help="after every K-th token is paid, export a third of it at its mint (wallet send)",
    )
    return parser.parse_args(argv)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON lines of ``path``; a last line cut off by a kill is skipped."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text().splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return rows


class Results:
    """The results file, appended to and flushed line by line."""

    def __init__(self, path: Path) -> None:
        earlier = read_jsonl(path)
        self.done = {r["n"] for r in earlier if r.get("event") in ("paid", "refused")}
        self.exported = {
            r["n"] for r in earlier if r.get("event") in ("exported", "export_refused")
        }
        # Pays that a kill cut off (or that raised): the token goes again to its sale.
        self.cut_off = {
            r["n"]: r["sale_id"]
            for r in earlier
            if r.get("event") in ("paying", "crashed") and r["n"] not in self.done
        }
        self._file: IO[str] = path.open("a")
        if earlier and not path.read_text().endswith("\n"):
            self._file.write("\n")  # a line the kill cut short ends here

    def write(self, **row: Any) -> None:
        row["t"] = round(time.time(), 4)  # when: the benchmark's sales per second
        self._file.write(json.dumps(row) + "\n")
        self._file.flush()  # in the kernel now: a SIGKILL does not lose it

    def close(self) -> None:
        self._file.close()


async def sell(
    app: App,
    tokens: list[dict[str, Any]],
    results: Results,
    faults: dict[int, str],
    export_every: int = 0,
):
    """Pay every token not done yet, each for a sale of its amount; export now and then."""
    for row in tokens:
        n = row["n"]
        if n not in results.done:
            await sell_one(app, row, results, faults)
        if export_every and n % export_every == export_every - 1 and n not in results.exported:
            await export(app, row, results)


async def export(app: App, row: dict[str, Any], results: Results) -> None:
    """Export a third of ``row``'s amount at its mint, as staff do to a USB stick.

    The coins are chosen and taken while the other tills take theirs (the shop's one
    wallet); a kill in the middle leaves the send to recovery.
    """
    n, amount = row["n"], max(1, row["amount"] // 3)
    # About half locked to a key (here the shop's own): a locked token always needs a swap,
    # where a plain one is usually made of stored coins as they are.
    lock = app.wallet.pubkey if row["amount"] % 2 else None
    results.write(n=n, event="exporting", amount=amount, locked=lock is not None)
    try:
        sent = await app.wallet.send(row["mint"], "sat", amount, lock=lock)
    except PosError as exc:
        results.write(n=n, event="export_refused", code=exc.code)
    except Exception as exc:  # a bug: the test fails on it
        log.exception("export after token %d failed", n)
        results.write(n=n, event="export_crashed", error=f"{type(exc).__name__}: {exc}"[:500])
        return
    else:
        results.write(
            n=n, event="exported", amount=sent.amount, fee=sent.fee, export_id=sent.export_id
        )
    results.exported.add(n)


async def sell_one(app: App, row: dict[str, Any], results: Results, faults: dict[int, str]) -> None:
    """Pay one token for a sale of its amount (the same sale again after a kill)."""
    n = row["n"]
    sale_id = results.cut_off.get(n)
    again = sale_id is not None
    if sale_id is None:
        sale = await app.sales.new_sale(str(row["amount"]), "sat")
        sale_id = sale["sale_id"]
    for _ in range(CRASH_RETRIES + 1):
        results.write(n=n, event="paying", sale_id=sale_id, amount=row["amount"], again=again)
        if n in faults:
            os.environ[FAULT_ENV] = faults[n]
        try:
            outcome = await pay(app, row, sale_id)
        finally:
            os.environ.pop(FAULT_ENV, None)
        results.write(n=n, sale_id=sale_id, amount=row["amount"], again=again, **outcome)
        if outcome["event"] != "crashed":
            break
        again = True  # the cashier scans the token again


async def pay(app: App, row: dict[str, Any], sale_id: str) -> dict[str, Any]:
    """Offer ``row``'s token for the sale; what became of it (a results line's fields)."""
    started = time.perf_counter()
    try:
        paid = await app.sales.pay(sale_id, row["token"])
    except PosError as exc:
        return {"event": "refused", "code": exc.code, "ms": _ms_since(started)}
    except Exception as exc:  # the GUI shows it and the cashier goes on: so does the till
        log.exception("pay of token %d failed", row["n"])
        return {
            "event": "crashed",
            "error": f"{type(exc).__name__}: {exc}"[:500],
            # A database's error code: 40001 is a serialization failure (a conflict).
            "sqlstate": getattr(getattr(exc, "orig", None), "sqlstate", None),
        }
    return {
        "event": "paid" if paid.state == "paid" else "refused",
        "state": paid.state,
        "paid": paid.paid,
        "payment_state": paid.payment.get("state"),
        "code": paid.payment.get("error_code"),
        "ms": _ms_since(started),
    }


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


async def run(args: argparse.Namespace) -> int:
    """Open the till, start its services, sell, then serve until told to stop."""
    if args.lease_seconds is not None:
        journal.LEASE_SECONDS = args.lease_seconds  # read by journal.lease() at each call
        # The lease outlasts the longest request, as in a shop (a swap's 30 s, a melt's
        # 150 s): recovery must never run an operation whose request is still in flight.
        client.REQUEST_DEADLINE = client.MELT_DEADLINE = max(1.0, args.lease_seconds - 3.0)
    faults = {int(n): point for n, point in (f.split(":", 1) for f in args.fault)}
    tokens = read_jsonl(args.tokens)
    results = Results(args.results)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    app = App.open(args.data_dir, trust_env=False)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        app.services.start()  # as `pos-app serve` and the GUI: retries, health, claims
        selling = asyncio.ensure_future(sell(app, tokens, results, faults, args.export_every))
        await asyncio.wait({selling, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if selling.done():
            selling.result()  # a bug in the till is the test's failure, not a quiet end
            results.write(event="finished", pid=os.getpid())
            if not args.exit_when_done:
                await stopping
        else:
            selling.cancel()
            await asyncio.gather(selling, return_exceptions=True)
        return 0
    finally:
        stopping.cancel()
        await app.aclose()  # stops the services and gives up their claims
        results.close()


def main(argv: list[str] | None = None) -> int:
    """Run one till until it is stopped."""
    return asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
