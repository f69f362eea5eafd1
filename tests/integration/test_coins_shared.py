"""Coins taken by two tills at once on the shop's PostgreSQL database.

Each :class:`Database` here is a till. One till holds its transaction open between
choosing coins and taking them, and the other chooses meanwhile: it must pass over
the coins being taken (``FOR UPDATE SKIP LOCKED``), wait only when nothing else is
left, and never take a coin twice (the conditional update's row count).
"""

from __future__ import annotations

import concurrent.futures
import os
import threading

import pytest
from sqlalchemy import insert, select

from pos_app.core.errors import ValidationError
from pos_app.core.store.db import Database
from pos_app.core.store.schema import KeysetRow, Mint, ProofRow
from pos_app.core.wallet import coins, journal
from tests.support.fakeshop import SEALING_KEY

KID = "00" + "ab" * 7
pytestmark = pytest.mark.pg

WAIT = 10  # seconds a till may wait for the other before the test fails


def store_coins(db: Database, amounts: list[int], state: str = "unspent") -> list[int]:
    rows = [
        {
            "mint_id": 1,
            "keyset_id": KID,
            "unit": "sat",
            "amount": a,
            "state": state,
            "secret": os.urandom(32).hex(),
            "C": "02" + "11" * 32,
            "y": "02" + os.urandom(32).hex(),
            "origin": "test",
        }
        for a in amounts
    ]
    return db.transact(lambda s: list(s.scalars(insert(ProofRow).returning(ProofRow.id), rows)))


def states(db: Database) -> dict[int, str]:
    return db.transact(lambda s: dict(s.execute(select(ProofRow.id, ProofRow.state)).all()))


@pytest.fixture
def tills(pg_server):
    """Two tills on one new, migrated database with a mint and its keyset."""
    url = pg_server.url(pg_server.create_database())
    first = Database.postgresql(url, sealing_key=SEALING_KEY)
    first.migrate()

    def setup(session):
        session.add(Mint(id=1, url="https://m", trusted=True))
        session.flush()
        session.add(KeysetRow(id=KID, mint_id=1, unit="sat"))

    first.transact(setup)
    second = Database.postgresql(url, sealing_key=SEALING_KEY)
    yield first, second
    first.close()
    second.close()


def choose(session, amount: int) -> list[int]:
    picked, _fee = coins.select_coins(session, 1, "sat", amount, {KID: 0})
    return [c.row_id for c in picked]


def hold_then_take(db: Database, amount: int, chosen: threading.Event, go: threading.Event):
    """A till that chooses coins, then keeps its transaction open until told to take them."""

    def work(session):
        ids = choose(session, amount)
        chosen.set()
        assert go.wait(WAIT)
        journal.take_unspent(session, ids, "pending", spent_op_id="op-first")
        return ids

    return db.transact(work)


def test_a_till_passes_over_the_coins_another_till_is_taking(tills):
    first, second = tills
    big, small = store_coins(first, [8, 4])
    chosen, go = threading.Event(), threading.Event()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        held = pool.submit(hold_then_take, first, 8, chosen, go)
        assert chosen.wait(WAIT)
        # Without SKIP LOCKED this would wait for the first till (and fail after WAIT).
        taken = pool_call(second, lambda s: take(s, 4, "op-second"))
        go.set()
        assert held.result(WAIT) == [big]
    assert taken == [small]
    assert states(first) == {big: "pending", small: "pending"}


def test_when_only_locked_coins_are_left_a_till_waits_and_then_sees_them_gone(tills):
    first, second = tills
    [only] = store_coins(first, [8])
    chosen, go = threading.Event(), threading.Event()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        held = pool.submit(hold_then_take, first, 8, chosen, go)
        assert chosen.wait(WAIT)
        waiting = pool.submit(second.transact, lambda s: take(s, 8, "op-second"))
        # Not "insufficient funds" at once: the coin may come back if the first till fails.
        with pytest.raises(concurrent.futures.TimeoutError):
            waiting.result(0.5)
        go.set()
        assert held.result(WAIT) == [only]
        with pytest.raises(ValidationError) as short:
            waiting.result(WAIT)
    assert short.value.code == "wallet.insufficient_funds"
    assert states(first) == {only: "pending"}


@pytest.mark.parametrize("other_state", ["pending", "spent", "exported"])
def test_taking_coins_is_all_or_nothing(tills, other_state):
    first, _ = tills
    free = store_coins(first, [1, 2])
    [gone] = store_coins(first, [4], state=other_state)
    with pytest.raises(ValidationError) as busy:
        first.transact(lambda s: journal.take_unspent(s, [*free, gone], "pending", spent_op_id="x"))
    assert busy.value.code == "wallet.busy"
    assert busy.value.detail == "1 of 3 no longer unspent"
    assert states(first) == {free[0]: "unspent", free[1]: "unspent", gone: other_state}


def take(session, amount: int, op_id: str) -> list[int]:
    ids = choose(session, amount)
    journal.take_unspent(session, ids, "pending", spent_op_id=op_id)
    return ids


def pool_call(db: Database, fn):
    """Run ``fn`` in a transaction of ``db`` on another thread, failing after WAIT seconds."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(db.transact, fn).result(WAIT)
