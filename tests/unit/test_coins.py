"""Coin selection over the store: the same answer as ``select_proofs`` over every coin."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from pos_app.core.cashu.amounts import select_proofs
from pos_app.core.errors import ValidationError
from pos_app.core.store.db import Database
from pos_app.core.store.schema import KeysetRow, Mint, ProofRow
from pos_app.core.wallet import coins

KEY = bytes(range(32))
KEYSETS = ("00aa", "00bb", "00old")  # the last one inactive when a case says so
MINT_ID, OTHER_MINT_ID = 1, 2


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = Database(tmp_path_factory.mktemp("coins") / "wallet.db", KEY, create=True)
    database.migrate()

    def setup(session):
        session.add(Mint(id=MINT_ID, url="https://a.example", trusted=True))
        session.add(Mint(id=OTHER_MINT_ID, url="https://b.example", trusted=True))
        session.flush()
        for ks in KEYSETS:
            session.add(KeysetRow(id=ks, mint_id=MINT_ID, unit="sat"))
        session.add(KeysetRow(id="00cc", mint_id=OTHER_MINT_ID, unit="sat"))

    database.transact(setup)
    yield database
    database.close()


coin = st.tuples(
    st.sampled_from(KEYSETS),
    st.integers(0, 9).map(lambda k: 1 << k),
    st.sampled_from(["unspent", "unspent", "unspent", "spent", "pending"]),
)


def store(db: Database, rows: list[tuple[str, int, str]], noise: int = 3) -> None:
    """Replace the stored proofs with ``rows`` plus coins of another mint and unit."""
    values = [
        {"mint_id": MINT_ID, "keyset_id": ks, "unit": "sat", "amount": a, "state": state}
        for ks, a, state in rows
    ]
    for _ in range(noise):
        values.append({"mint_id": OTHER_MINT_ID, "keyset_id": "00cc", "unit": "sat", "amount": 512})
        values.append({"mint_id": MINT_ID, "keyset_id": "00aa", "unit": "usd", "amount": 512})
    for v in values:
        v.setdefault("state", "unspent")
        v.update(secret=os.urandom(32).hex(), C="02" + "11" * 32, y="02" + os.urandom(32).hex())
        v.update(origin="test", created_at=0, updated_at=0)

    def write(session):
        session.execute(delete(ProofRow))
        if values:
            session.execute(insert(ProofRow), values)

    db.transact(write)


def reference_order(db: Database, preferred: frozenset[str]) -> list[coins.Coin]:
    """Every spendable coin, preferred keysets first, then largest amount and newest first."""
    available = db.transact(lambda s: coins.spendable(s, MINT_ID, "sat"))
    ordered = sorted(available, key=lambda c: (c.id not in preferred, -c.amount, -c.row_id))
    return ordered


def outcome(fn):
    try:
        return fn()
    except ValidationError as exc:
        return exc.code, exc.detail, exc.data


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(coin, max_size=40),
    target=st.integers(0, 3000),
    ppk=st.tuples(st.integers(0, 1000), st.integers(0, 300), st.integers(0, 2000)),
    old_inactive=st.booleans(),
    first_batch=st.sampled_from([1, 2, 5, 64]),
)
def test_select_coins_matches_select_proofs_over_every_coin(
    db, rows, target, ppk, old_inactive, first_batch, monkeypatch_module
):
    monkeypatch_module.setattr(coins, "FIRST_BATCH", first_batch)
    store(db, rows)
    fees = dict(zip(KEYSETS, ppk, strict=True))
    preferred = frozenset({"00old"} if old_inactive else ())
    expected = outcome(
        lambda: select_proofs(reference_order(db, preferred), target, fees, preferred)
    )
    got = outcome(
        lambda: db.transact(
            lambda s: coins.select_coins(s, MINT_ID, "sat", target, fees, prefer_inactive=preferred)
        )
    )
    assert got == expected


def test_select_coins_refuses_an_unknown_keyset_like_select_proofs(db):
    store(db, [("00aa", 8, "unspent")])
    with pytest.raises(ValidationError) as exc:
        db.transact(lambda s: coins.select_coins(s, MINT_ID, "sat", 4, {"00bb": 0}))
    assert exc.value.code == "keyset.unknown"


def test_select_coins_reads_only_what_it_needs(db, monkeypatch):
    monkeypatch.setattr(coins, "FIRST_BATCH", 4)
    store(db, [("00aa", 512, "unspent")] * 3 + [("00aa", 1, "unspent")] * 200)
    seen: list[int] = []
    real = coins.select_proofs

    def spy(candidates, *args):
        seen.append(len(candidates))
        return real(candidates, *args)

    monkeypatch.setattr(coins, "select_proofs", spy)
    selected, fee = db.transact(lambda s: coins.select_coins(s, MINT_ID, "sat", 1000, {"00aa": 0}))
    assert [c.amount for c in selected] == [512, 512] and fee == 0
    assert seen == [4]  # one small batch: the 200 one-sat coins were never read


def test_select_coins_batches_grow_fourfold_up_to_the_cap(db, monkeypatch):
    # Few reads for a wallet of small coins, without one read holding every row.
    monkeypatch.setattr(coins, "FIRST_BATCH", 2)
    monkeypatch.setattr(coins, "MAX_BATCH", 32)
    store(db, [("00aa", 1, "unspent")] * 100)
    seen: list[int] = []
    real = coins.select_proofs

    def spy(candidates, *args):
        seen.append(len(candidates))
        return real(candidates, *args)

    monkeypatch.setattr(coins, "select_proofs", spy)
    selected, fee = db.transact(lambda s: coins.select_coins(s, MINT_ID, "sat", 100, {"00aa": 0}))
    assert (len(selected), fee) == (100, 0)
    assert seen == [2, 2 + 8, 10 + 32, 42 + 32, 100]  # 2, x4, x4 capped at 32, 32, the rest


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(coin, max_size=30), data=st.data())
def test_exact_stored_matches_exact_coins(db, rows, data):
    store(db, rows)
    available = sorted(
        db.transact(lambda s: coins.spendable(s, MINT_ID, "sat")), key=lambda c: c.row_id
    )
    held = sorted({c.amount for c in available})
    # Mostly amounts the wallet holds the exact split of (random ones rarely are).
    payable = st.lists(st.sampled_from(held), unique=True).map(sum) if held else st.just(0)
    amount = data.draw(st.one_of(payable, st.integers(0, 1500)))
    expected = coins.exact_coins(available, amount)
    assert db.transact(lambda s: coins.exact_stored(s, MINT_ID, "sat", amount)) == expected


def test_exact_stored_takes_the_newest_coin_of_each_amount(db):
    store(db, [("00aa", 8, "unspent"), ("00bb", 8, "unspent"), ("00aa", 2, "unspent")])
    got = db.transact(lambda s: coins.exact_stored(s, MINT_ID, "sat", 10))
    assert [(c.amount, c.id) for c in got] == [(2, "00aa"), (8, "00bb")]  # the later 8
    assert db.transact(lambda s: coins.exact_stored(s, MINT_ID, "sat", 4)) is None


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_balances_per_mint_and_unit_count_unspent_coins_only(db):
    store(
        db,
        [
            ("00aa", 8, "unspent"),
            ("00bb", 2, "unspent"),
            ("00aa", 64, "spent"),
            ("00aa", 32, "pending"),
        ],
        noise=2,
    )
    got = db.transact(coins.balances)
    assert got == {
        "balances": [
            {"mint": "https://a.example", "unit": "sat", "amount": 10},
            {"mint": "https://a.example", "unit": "usd", "amount": 1024},
            {"mint": "https://b.example", "unit": "sat", "amount": 1024},
        ],
        "total": {"sat": 1034, "usd": 1024},
    }
    assert db.transact(lambda s: coins.balance_of(s, MINT_ID, "sat")) == 10
    assert db.transact(lambda s: coins.balance_of(s, MINT_ID, "eur")) == 0
    store(db, [], noise=0)
    assert db.transact(coins.balances) == {"balances": [], "total": {}}


def set_order(db: Database, **priorities: int | None) -> None:
    """Give mint ``a`` and ``b`` these priorities (None: untrusted)."""

    def write(session):
        for name, mint_id in (("a", MINT_ID), ("b", OTHER_MINT_ID)):
            row = session.get(Mint, mint_id)
            row.priority = priorities[name]
            row.trusted = priorities[name] is not None

    db.transact(write)


@pytest.fixture
def ordered(db):
    yield db
    set_order(db, a=None, b=None)
    db.transact(lambda s: [setattr(m, "trusted", True) for m in s.query(Mint)])


def test_first_trusted_mint_follows_the_shops_order(ordered):
    db = ordered
    store(db, [("00aa", 8, "unspent"), ("00aa", 2, "unspent")], noise=1)  # b holds 512 sat
    first = lambda unit, at_least=1: db.transact(  # noqa: E731
        lambda s: coins.first_trusted_mint(s, unit, at_least)
    )
    set_order(db, a=1, b=2)
    assert first("sat") == "https://a.example"  # first in the order, though b holds more
    assert first("sat", 10) == "https://a.example"
    assert first("sat", 11) == "https://b.example"  # a holds only 10: the next one
    assert first("usd") == "https://a.example"
    set_order(db, a=2, b=1)
    assert first("sat") == "https://b.example"
    assert first("sat", 512) == "https://b.example"
    assert first("usd") == "https://a.example"  # b, first, holds no usd at all
    assert first("usd", 512) == "https://a.example"
    with pytest.raises(ValidationError) as err:
        first("sat", 513)
    assert err.value.code == "wallet.insufficient_funds"
    assert err.value.user_message == "No trusted mint holds 513 sat of the shop's ecash."
    assert err.value.data == {"needed": 513}
    assert err.value.detail == "sat"


def test_first_trusted_mint_needs_one_coin_by_default(ordered):
    db = ordered
    store(db, [("00aa", 1, "unspent")], noise=0)
    set_order(db, a=1, b=2)
    assert db.transact(lambda s: coins.first_trusted_mint(s, "sat")) == "https://a.example"


def test_first_trusted_mint_counts_only_unspent_coins_of_trusted_mints(ordered):
    db = ordered
    store(db, [("00aa", 8, "unspent"), ("00aa", 64, "spent"), ("00bb", 32, "pending")], noise=1)
    set_order(db, a=1, b=None)  # b holds 512 sat, but is not trusted
    first = lambda at_least: db.transact(  # noqa: E731
        lambda s: coins.first_trusted_mint(s, "sat", at_least)
    )
    assert first(8) == "https://a.example"
    with pytest.raises(ValidationError):
        first(9)


def test_balances_list_mints_in_the_shops_order(ordered):
    db = ordered
    store(db, [("00aa", 8, "unspent")], noise=1)
    set_order(db, a=2, b=1)
    got = [(b["mint"], b["unit"]) for b in db.transact(coins.balances)["balances"]]
    assert got == [
        ("https://b.example", "sat"),
        ("https://a.example", "sat"),
        ("https://a.example", "usd"),
    ]
    set_order(db, a=None, b=1)  # an untrusted mint's coins come after the trusted ones
    got = [b["mint"] for b in db.transact(coins.balances)["balances"]]
    assert got == ["https://b.example", "https://a.example", "https://a.example"]


def test_fee_table_and_inactive_keysets(db):
    def set_keysets(session):
        for ks, fee, active in (("00aa", 100, True), ("00bb", 0, True), ("00old", 250, False)):
            row = session.get(KeysetRow, ks)
            row.input_fee_ppk, row.active = fee, active

    db.transact(set_keysets)
    fees, inactive = db.transact(lambda s: coins.fee_table(s, MINT_ID))
    assert fees == {"00aa": 100, "00bb": 0, "00old": 250}
    assert inactive == {"00old"}
    assert db.transact(lambda s: coins.fee_table(s, OTHER_MINT_ID))[0] == {"00cc": 0}


@pytest.mark.parametrize(
    ("held", "amount", "expected"),
    [
        ([1, 2, 4, 8], 13, [1, 4, 8]),
        ([1, 2, 4, 8], 0, []),
        ([2, 2, 8], 16, None),  # 16 is not held, however many smaller coins
        ([1, 8], 9, [1, 8]),
        ([1, 8], 10, None),
    ],
)
def test_exact_coins_is_the_binary_split(held, amount, expected):
    available = [coins.Coin(i, a, "00aa") for i, a in enumerate(held)]
    got = coins.exact_coins(available, amount)
    assert (None if got is None else [c.amount for c in got]) == expected


def test_exact_stored_edges(db):
    store(db, [("00aa", 1, "unspent"), ("00aa", 4, "spent")])
    assert db.transact(lambda s: coins.exact_stored(s, MINT_ID, "sat", 0)) == []
    assert db.transact(lambda s: coins.exact_stored(s, MINT_ID, "sat", -1)) is None
    assert db.transact(lambda s: coins.exact_stored(s, MINT_ID, "sat", 5)) is None  # the 4 is spent
    assert [c.amount for c in db.transact(lambda s: coins.exact_stored(s, MINT_ID, "sat", 1))] == [
        1
    ]
