"""Four tills selling at once on one PostgreSQL database, killed at random, lose nothing.

Four till processes (``tests/support/till_worker.py``, each with its background services
running as in ``pos-app serve``) pay 1,000 sales between them with tokens of two real
mints, one fee-free and one charging input fees. While they sell, a random till is
SIGKILLed and started again every few seconds, and four sales are killed at the fault
points right before and right after the mint's swap. A restarted till offers the token
whose pay was cut off to the same sale again, as a cashier would. When every till is
done and every open operation is closed (by the tills' own retry timers), the shop's
database must show:

- every token paid its sale exactly once, and the proofs held at each mint add up to the
  tokens paid there less the mint's fees (the ledger's balance moves agree);
- no proof stored twice (by ``Y`` or by secret) and every one UNSPENT at its mint (NUT-07);
- no operation left open, and each one that a kill interrupted recovered exactly once:
  one successful attempt, one ``receive.done`` entry, its proofs counted once;
- no pay raised an error other than the app's refusals: not even a conflict with
  another till (a transaction that conflicted runs its next tries alone, behind the
  shop's gate, ``Database.transact``; before that gate 3 to 39 pays in 1,000 ran out
  of tries on the audit chain's head, a keyset's counter or an hour's report sums).

The run happens once (a module fixture, some two to three minutes on two cores) and each
property is its own test.

The journal's lease (how long an operation's request is deemed in flight: 135 s) is
shortened for the tills to 15 s, so recovery starts soon after a kill.

``POS_STRESS_SEED`` repeats a run (the seed is in every failure's message).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from pos_app.app import App
from pos_app.core.cashu import crypto
from pos_app.core.store.schema import (
    AuditEntry,
    BalanceMove,
    Export,
    Mint,
    Operation,
    OperationAttempt,
    Payment,
    ProofRow,
    Sale,
)
from pos_app.core.store.storage import read_storage
from tests.support.funding import open_client
from tests.support.testmint import TestMint, mint_venv_ready
from tests.support.tillshop import TillProcess, bulk_tokens, make_tills, write_jsonl

# Alone: four tills, two mints and the server take both cores; beside another worker's
# test they would starve it (and be starved), so it runs in make test's serial phase.
pytestmark = [pytest.mark.pg, pytest.mark.mint, pytest.mark.alone, pytest.mark.timeout(600)]

SALES = int(os.environ.get("POS_STRESS_SALES", "1000"))
TILLS = 4
RANDOM_KILLS = 6
KILL_EVERY = (2.0, 5.0)  # seconds between random kills
# The lease must outlast the longest request, as in a shop (165 s against a melt's 150 s
# deadline); the tills' request deadlines are cut to 12 s to match (till_worker). At 6 s
# with the shop's 30 s swap deadline, a swap slowed past the lease (a benchmark ran beside
# the test) was resent by another till's recovery while its own till still waited for
# it: one ran it, the other failed it, and the sale was left unpaid with the money held.
LEASE_SECONDS = 15
FAULT_POINTS = ("before_swap", "after_swap")
EXPORT_EVERY = 25  # each till exports a third of every 25th token paid (wallet send)
SELL_TIMEOUT = 300.0  # all sales done by then, kills included
SETTLE_TIMEOUT = 90.0  # then every open operation closed by then


def _seed() -> int:
    return int(os.environ.get("POS_STRESS_SEED") or random.SystemRandom().randrange(10**6))


class Chaos:
    """The tills, their kills and what each kill interrupted."""

    def __init__(self, tills: list[TillProcess], app: App, seed: int) -> None:
        self.tills = tills
        self.app = app
        self.rng = random.Random(seed)
        self.till_ids = {t.folder: read_storage(t.folder).till_id for t in tills}
        self.random_kills = 0
        self.fault_kills = 0
        self.interrupted: set[str] = set()  # operations open at a kill of their till

    def open_ops_of(self, till: TillProcess) -> set[str]:
        till_id = self.till_ids[till.folder]
        return set(
            self.app.db.transact(
                lambda s: s.scalars(
                    select(Operation.id).where(
                        Operation.till_id == till_id, Operation.state == "pending"
                    )
                ).all()
            )
        )

    def restart_the_dead(self) -> None:
        """Start again every till that died; a death other than a kill fails the test."""
        for till in self.tills:
            code = till.reap()
            if code is None:
                continue
            assert code == -signal.SIGKILL, f"{till.folder.name} exited {code}:\n{till.tail()}"
            self.fault_kills += 1
            till.fault_fired()
            self.interrupted |= self.open_ops_of(till)
            till.start()

    def kill_one(self) -> None:
        """SIGKILL a random till that is still selling, note its open operations, restart it."""
        selling = [t for t in self.tills if t.alive and not t.finished]
        if not selling:
            return
        till = self.rng.choice(selling)
        till.kill()
        self.random_kills += 1
        self.interrupted |= self.open_ops_of(till)
        till.start()

    def run(self) -> None:
        """Until every till has sold its tokens: restart the dead, kill one now and then."""
        deadline = time.monotonic() + SELL_TIMEOUT
        next_kill = time.monotonic() + self.rng.uniform(*KILL_EVERY)
        while not all(t.finished for t in self.tills):
            assert time.monotonic() < deadline, "the tills did not finish selling in time"
            self.restart_the_dead()
            if self.random_kills < RANDOM_KILLS and time.monotonic() >= next_kill:
                self.kill_one()
                next_kill = time.monotonic() + self.rng.uniform(*KILL_EVERY)
            time.sleep(0.25)
        self.restart_the_dead()


def _wait_until_settled(app: App) -> None:
    """Until no operation is pending and no payment waits: the tills' timers recover them."""
    deadline = time.monotonic() + SETTLE_TIMEOUT

    def still_open(session):
        ops = session.scalar(select(func.count()).where(Operation.state == "pending"))
        waiting = session.scalar(select(func.count()).where(Payment.state == "recovering"))
        return ops + waiting

    while app.db.transact(still_open):
        assert time.monotonic() < deadline, "operations still open after the tills stopped selling"
        time.sleep(0.5)


async def _mint_states(proofs: dict[str, list[str]]) -> Counter[str]:
    states: Counter[str] = Counter()
    for url, ys in proofs.items():
        async with open_client(url, timeout=60.0) as client:
            for at in range(0, len(ys), 500):
                states.update(s.state for s in await client.checkstate(ys[at : at + 500]))
    return states


@dataclass
class StressRun:
    """One run of the four tills, shared by the checks below."""

    tills: list[TillProcess]
    rows: list[dict]  # the tokens: n, amount, mint, token
    chaos: Chaos
    app: App  # the test's view of the shop's database (no services)
    why: str


@pytest.fixture(scope="module")
def run(pg_server, tmp_path_factory) -> Iterator[StressRun]:
    """The shop, its 1,000 tokens and four tills that sold them under kills, all settled."""
    if not mint_venv_ready():
        pytest.fail("the pinned test mint is not installed: run `make mint-venv`")
    seed = _seed()
    rng = random.Random(seed)
    why = f"seed {seed} (POS_STRESS_SEED={seed} repeats it)"
    base = tmp_path_factory.mktemp("tills-stress")
    mints = [
        TestMint(base / "mint-a", fee_ppk=0, name="mint A"),
        TestMint(base / "mint-b", fee_ppk=100, name="mint B"),
    ]
    with pytest.MonkeyPatch.context() as env, contextlib.ExitStack() as stack:
        env.setenv("POS_PG_PASSWORD", pg_server.password)
        env.setenv("POS_DB_KEY", os.urandom(32).hex())
        for mint in mints:
            mint.start()
            stack.callback(mint.stop)
        urls = [m.url for m in mints]
        shop = pg_server.url(pg_server.create_database(), password=False)
        folders = make_tills(
            base, urls, TILLS, storage_url=shop, settings={"retry.first_delay_seconds": 1}
        )
        rows = _tokens(urls, rng)
        tills = []
        for i, folder in enumerate(folders):
            mine = rows[i::TILLS]
            write_jsonl(base / f"tokens{i + 1}.jsonl", mine)
            # Till i is killed at one fault point, half-way through its tokens.
            faults = {mine[len(mine) // 2 + i]["n"]: FAULT_POINTS[i % len(FAULT_POINTS)]}
            tills.append(
                TillProcess(
                    folder,
                    base / f"tokens{i + 1}.jsonl",
                    f"--lease-seconds={LEASE_SECONDS}",
                    f"--export-every={EXPORT_EVERY}",
                    faults=faults,
                )
            )
        app = App.open(folders[0], trust_env=False)
        stack.callback(lambda: asyncio.run(app.aclose()))
        started = time.monotonic()
        for till in tills:
            till.start()
        chaos = Chaos(tills, app, seed)
        try:
            chaos.run()
            selling = time.monotonic() - started
            _wait_until_settled(app)
        finally:
            for till in tills:
                if till.alive:
                    assert till.stop() == 0, till.tail()
        print(
            f"\n{SALES} sales on {TILLS} tills in {selling:.1f} s, all settled after "
            f"{time.monotonic() - started:.1f} s; {chaos.random_kills} random kills, "
            f"{chaos.fault_kills} at fault points, {len(chaos.interrupted)} operations "
            f"interrupted; {why}"
        )
        yield StressRun(tills, rows, chaos, app, why)


def _tokens(urls: list[str], rng: random.Random) -> list[dict]:
    """The customers: varied amounts at either mint, minted in a few requests."""
    wanted = [(n, rng.choice(urls), rng.randint(60, 300)) for n in range(SALES)]
    by_mint = {u: [(n, a) for n, m, a in wanted if m == u] for u in urls}

    async def mint_all() -> dict[int, str]:
        made = await asyncio.gather(*(bulk_tokens(u, [a for _, a in by_mint[u]]) for u in urls))
        return {
            n: t
            for u, ts in zip(urls, made, strict=True)
            for (n, _), t in zip(by_mint[u], ts, strict=True)
        }

    tokens = asyncio.run(mint_all())
    return [{"n": n, "amount": a, "mint": m, "token": tokens[n]} for n, m, a in wanted]


def test_the_kills_happened_and_caught_operations_open(run):
    assert run.chaos.random_kills == RANDOM_KILLS, run.why
    assert run.chaos.fault_kills == TILLS, run.why
    assert run.chaos.interrupted, f"no kill caught an operation open: nothing tested; {run.why}"


def test_every_token_paid_its_sale_once(run):
    check_sales(run.tills, run.rows, run.app, run.why)


def test_what_is_held_is_what_was_paid_less_exports_and_fees_each_proof_once(run):
    held = check_money(run.app, run.rows, run.why)
    states = asyncio.run(_mint_states(held))
    assert states == Counter({"UNSPENT": sum(len(v) for v in held.values())}), run.why


def test_no_operation_open_and_each_interrupted_one_recovered_once(run):
    check_operations(run.app, run.chaos.interrupted, run.why)


def test_no_pay_or_export_raised_not_even_a_conflict_with_another_till(run):
    events = [r for t in run.tills for r in t.rows()]
    crashed = [r for r in events if r.get("event") in ("crashed", "export_crashed")]
    assert not crashed, f"{len(crashed)} pays or exports raised, e.g. {crashed[:3]}; {run.why}"
    exported = [r for r in events if r.get("event") == "exported"]
    refused = [r for r in events if r.get("event") == "export_refused"]
    # The tills took coins from the one wallet side by side: none was told "busy".
    assert len(exported) >= SALES // EXPORT_EVERY - len(refused) and exported, run.why
    assert not refused, f"exports refused: {refused[:3]}; {run.why}"


def check_sales(tills: list[TillProcess], rows: list[dict], app: App, why: str) -> None:
    """Every token's sale is paid, by one settled payment."""
    sale_of = {r["n"]: r["sale_id"] for t in tills for r in t.rows() if r.get("event") == "paying"}
    assert set(sale_of) == {r["n"] for r in rows}, why

    def read(session):
        sales = {s.id: s for s in session.scalars(select(Sale))}
        settled = Counter(
            session.scalars(select(Payment.sale_id).where(Payment.state == "settled")).all()
        )
        return sales, settled

    sales, settled = app.db.transact(read)
    for row in rows:
        sale = sales[sale_of[row["n"]]]
        assert (sale.state, sale.paid, sale.due) == ("paid", row["amount"], row["amount"]), (
            row["n"],
            why,
        )
    # Sales a kill cut off before their pay began stay open, never paid.
    assert set(settled) == set(sale_of.values()), why
    assert set(settled.values()) == {1}, f"a sale settled twice; {why}"


def check_money(app: App, rows: list[dict], why: str) -> dict[str, list[str]]:
    """Held per mint = tokens paid there less fees = the ledger; no proof twice. Returns the Ys."""
    paid_in: dict[str, int] = defaultdict(int)
    for row in rows:
        paid_in[row["mint"]] += row["amount"]

    def read(session):
        urls = dict(session.execute(select(Mint.id, Mint.url)).all())
        proofs = session.execute(
            select(ProofRow.mint_id, ProofRow.amount, ProofRow.state, ProofRow.y, ProofRow.secret)
        ).all()
        payments = session.execute(
            select(Payment.mint_url, Payment.amount, Payment.mint_fee).where(
                Payment.state == "settled"
            )
        ).all()
        moves = session.execute(
            select(BalanceMove.mint_id, func.sum(BalanceMove.delta)).group_by(BalanceMove.mint_id)
        ).all()
        exports = session.execute(
            select(Export.mint_id, func.sum(Export.amount)).group_by(Export.mint_id)
        ).all()
        send_fees = session.execute(
            select(Operation.mint_id, func.sum(Operation.fee))
            .where(Operation.kind == "send", Operation.state.in_(("done", "recovered")))
            .group_by(Operation.mint_id)
        ).all()
        return urls, proofs, payments, moves, exports, send_fees

    urls, proofs, payments, moves, exports, send_fees = app.db.transact(read)
    # Kept (unspent), handed out in an unclaimed export, or spent by the shop's own swaps.
    assert {p.state for p in proofs} <= {"unspent", "exported", "spent"}, why
    assert len({p.y for p in proofs}) == len(proofs), f"a proof stored twice (Y); {why}"
    assert len({p.secret for p in proofs}) == len(proofs), f"a proof stored twice (secret); {why}"
    assert all(crypto.y_of_secret(p.secret) == p.y for p in proofs), why
    held: dict[str, int] = defaultdict(int)
    ys: dict[str, list[str]] = defaultdict(list)
    for p in proofs:
        if p.state == "spent":
            continue
        if p.state == "unspent":
            held[urls[p.mint_id]] += p.amount
        ys[urls[p.mint_id]].append(p.y)  # kept or exported: unspent at the mint
    face: dict[str, int] = defaultdict(int)
    fees: dict[str, int] = defaultdict(int)
    for p in payments:
        face[p.mint_url] += p.amount
        fees[p.mint_url] += p.mint_fee
    assert dict(face) == dict(paid_in), f"tokens paid per mint; {why}"
    out = {urls[m]: int(a) for m, a in exports}
    sent_fees = {urls[m]: int(f) for m, f in send_fees}
    assert out, f"no export was made: the test would not check them; {why}"
    # Paid sales less the mints' fees, less what the tills exported and their swaps' fees.
    expected = {
        url: paid_in[url] - fees[url] - out.get(url, 0) - sent_fees.get(url, 0) for url in paid_in
    }
    assert dict(held) == expected, f"held {dict(held)} != paid less fees {expected}; {why}"
    assert {urls[m]: int(d) for m, d in moves} == expected, f"the ledger disagrees; {why}"
    assert sum(fees.values()) > 0, f"the fee mint charged nothing: fees untested; {why}"
    return dict(ys)


def check_operations(app: App, interrupted: set[str], why: str) -> None:
    """No operation open; each closed once; each interrupted one recovered exactly once."""

    def read(session):
        ops = {o.id: o for o in session.scalars(select(Operation))}
        attempts = session.execute(
            select(OperationAttempt.operation_id, OperationAttempt.state, OperationAttempt.manual)
        ).all()
        done = Counter(
            session.scalars(
                select(AuditEntry.subject).where(AuditEntry.action == "receive.done")
            ).all()
        )
        gained = dict(
            session.execute(
                select(BalanceMove.operation_id, func.sum(BalanceMove.delta))
                .where(BalanceMove.delta > 0)
                .group_by(BalanceMove.operation_id)
            ).all()
        )
        settled_ops = set(
            session.scalars(select(Payment.operation_id).where(Payment.state == "settled")).all()
        )
        return ops, attempts, done, gained, settled_ops

    ops, attempts, done, gained, settled_ops = app.db.transact(read)
    states = Counter(o.state for o in ops.values())
    assert set(states) <= {"done", "recovered", "failed"}, f"{states}; {why}"
    closed = {i for i, o in ops.items() if o.state in ("done", "recovered")}
    receives = {i for i in closed if ops[i].kind == "receive"}
    assert receives == settled_ops, f"an operation's money and its payment disagree; {why}"
    assert {i for i, n in done.items() if n} == receives and set(done.values()) == {1}, why
    for op_id in receives:
        op = ops[op_id]
        assert gained.get(op_id) == op.input_amount - op.fee, (op_id, why)
    assert {ops[i].kind for i in closed} == {"receive", "send"}, f"no export swapped; {why}"
    # The attempts that closed an operation: one each, never by a person's retry.
    closing = Counter(i for i, state, _ in attempts if state in ("done", "recovered", "failed"))
    assert not any(manual for *_, manual in attempts), why
    assert set(closing.values()) <= {1}, f"an operation closed twice: {closing}; {why}"
    for op_id in interrupted:
        op = ops[op_id]
        # A receive is finished; a send is finished or, when it never reached the mint,
        # released (nothing left the wallet).
        allowed = ("recovered",) if op.kind == "receive" else ("recovered", "failed")
        assert op.state in allowed, (op_id, op.kind, op.state, why)
        assert closing[op_id] == 1, f"{op_id} closed {closing[op_id]} times; {why}"
    assert {i for i in closing if ops[i].state == "recovered"} == {
        i for i, o in ops.items() if o.state == "recovered"
    }, why
