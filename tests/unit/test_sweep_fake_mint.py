"""The keyset sweep on the fake mint: which coins move, what it costs, caps, faults, batches."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import select

from pos_app.core.errors import PosError
from pos_app.core.events import Notification
from pos_app.core.store.schema import KeysetRow, Operation, ProofRow
from pos_app.core.wallet import sweep
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

FUND = (512, 256, 128, 64, 32, 8)  # six proofs


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run(tmp_path, mint, scenario, *, fund=FUND, settings=None):
    async def main():
        app = open_shop(tmp_path / "shop", mint)
        notices: list[Notification] = []
        try:
            await app.mints.add(mint.url)
            for amount in fund:
                await app.wallet.receive(mint.token(amount))
            if settings:
                await app.settings.set_many(settings)
            app.bus.subscribe(Notification, notices.append)
            return await scenario(app, notices)
        finally:
            await app.aclose()

    return asyncio.run(main())


def proofs(app, state="unspent"):
    return app.db.transact(
        lambda s: sorted(
            (r.keyset_id, r.amount)
            for r in s.scalars(select(ProofRow).where(ProofRow.state == state))
        )
    )


def rotated(fee_ppk=100):
    """A mint whose shop coins will sit on a keyset it retires after the funding."""
    mint = FakeMint(fee_ppk=fee_ppk)
    return mint, mint.active_keyset().id


def test_coins_of_a_retired_keyset_move_to_the_new_one_for_the_input_fee(tmp_path):
    mint, old = rotated()

    async def scenario(app, notices):
        before = proofs(app)
        assert await app.sweeper.round(sync=True) == []  # nothing retired yet: no swap
        new = mint.add_keyset(fee_ppk=0)
        mint.set_active(old, False)
        [done] = await app.sweeper.round(sync=True)
        return before, new, done, proofs(app), proofs(app, "spent"), notices

    before, new, done, after, spent, notices = run(tmp_path, mint, scenario)
    total = sum(a for _, a in before)
    fee = -(-len(before) * 100 // 1000)  # 100 ppk per input, rounded up
    assert {k for k, _ in before} == {old} and len(before) > 10
    assert (done.state, done.amount, done.fee, done.kept, done.reason) == (
        "done",
        total,
        fee,
        total - fee,
        None,
    )
    assert {k for k, _ in after} == {new} and sum(a for _, a in after) == total - fee
    assert sorted(spent) == before
    assert notices == []


def test_an_expiry_inside_the_horizon_makes_a_keyset_stale(tmp_path):
    mint, old = rotated(fee_ppk=0)

    async def scenario(app, notices):
        mint.add_keyset(fee_ppk=0)
        await app.mints.sync_keysets(1, mint.url)  # as the health check stores a new keyset
        soon = int(time.time()) + 10 * 86400

        def expire(session):
            session.get(KeysetRow, old).final_expiry = soon

        await app.db.run(expire)
        # The stored flags decide (the health check keeps them); no sync here.
        await app.settings.set("sweep.expiry_days", 9)
        first = await app.sweeper.round()
        await app.settings.set("sweep.expiry_days", 11)
        second = await app.sweeper.round()
        return first, second, proofs(app)

    first, second, after = run(tmp_path, mint, scenario)
    assert first == []
    assert [(r.state, r.fee) for r in second] == [("done", 0)]
    assert old not in {k for k, _ in after}


def test_a_fee_above_the_cap_moves_nothing_and_is_told_once_per_fee_and_cap(tmp_path):
    mint, old = rotated(fee_ppk=1000)  # 1 sat per input

    async def scenario(app, notices):
        mint.add_keyset(fee_ppk=0)
        mint.set_active(old, False)
        before = proofs(app)
        rounds = [await app.sweeper.round(sync=True), await app.sweeper.round()]
        await app.settings.set("sweep.max_fee_sat", len(before) - 1)  # still below: told again
        rounds.append(await app.sweeper.round())
        return before, rounds, proofs(app), notices, await ops(app)

    before, rounds, after, notices, operations = run(
        tmp_path, mint, scenario, settings={"sweep.max_fee_sat": 2}
    )
    fee = len(before)
    assert [[(r.state, r.reason, r.fee) for r in found] for found in rounds] == [
        [("skipped", "fee_too_high", fee)]
    ] * 3
    assert after == before and operations == []
    told = [n for n in notices if n.kind == "sweep_fee_cap"]
    assert [(n.data["fee"], n.data["cap"], n.level) for n in told] == [
        (fee, 2, "warning"),
        (fee, fee - 1, "warning"),
    ]
    assert told[0].data["amount"] == sum(a for _, a in before)


def test_a_fee_at_the_cap_is_paid(tmp_path):
    mint, old = rotated()

    async def scenario(app, notices):
        mint.add_keyset(fee_ppk=0)
        mint.set_active(old, False)
        fee = -(-len(proofs(app)) * 100 // 1000)
        await app.settings.set("sweep.max_fee_sat", fee)
        return fee, await app.sweeper.round(sync=True)

    fee, [done] = run(tmp_path, mint, scenario)
    assert (done.state, done.fee) == ("done", fee)


def test_a_coin_worth_no_more_than_its_fee_is_left(tmp_path):
    mint, old = rotated(fee_ppk=1000)

    async def scenario(app, notices):
        mint.add_keyset(fee_ppk=0)
        mint.set_active(old, False)
        return await app.sweeper.round(sync=True), proofs(app)

    [skipped], left = run(tmp_path, mint, scenario, fund=(2,))
    # The receive of the 2 sat token kept 1 sat; moving it would cost that sat.
    assert (skipped.state, skipped.reason, skipped.amount, skipped.fee) == (
        "skipped",
        "too_small",
        1,
        1,
    )
    assert [a for _, a in left] == [1]


def test_no_fresh_keyset_means_nowhere_to_go(tmp_path):
    mint, old = rotated(fee_ppk=0)

    async def scenario(app, notices):
        def expire(session):
            session.get(KeysetRow, old).final_expiry = int(time.time()) + 86400

        await app.db.run(expire)
        return await app.sweeper.round(), proofs(app)

    [skipped], left = run(tmp_path, mint, scenario)
    assert (skipped.state, skipped.reason) == ("skipped", "no_fresh_keyset")
    assert {k for k, _ in left} == {old}


def test_a_dropped_answer_is_finished_by_recovery_once(tmp_path):
    mint, old = rotated()

    async def scenario(app, notices):
        new = mint.add_keyset(fee_ppk=0)
        mint.set_active(old, False)
        held = proofs(app)
        total = sum(a for _, a in held) - -(-len(held) * 100 // 1000)
        mint.fault("POST", "/v1/swap", "drop")
        with pytest.raises(PosError):
            await app.sweeper.round(mint.url, sync=True)
        assert await app.sweeper.round() == []  # the timer logs it and goes on
        [op] = await ops(app)
        outcome = await app.wallet.recovery.run(op.id)
        again = await app.sweeper.round(sync=True)
        return new, total, outcome, again, proofs(app), await ops(app)

    new, total, outcome, again, after, operations = run(tmp_path, mint, scenario)
    assert (outcome.state, outcome.action) == ("recovered", "restored")
    assert again == []
    assert {k for k, _ in after} == {new} and sum(a for _, a in after) == total
    assert [(o.kind, o.state, o.export_id) for o in operations] == [("send", "recovered", None)]
    assert '"purpose": "sweep"' in operations[0].details_json


def test_many_coins_move_in_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(sweep, "MAX_INPUTS", 4)
    mint, old = rotated(fee_ppk=0)

    async def scenario(app, notices):
        new = mint.add_keyset(fee_ppk=0)
        mint.set_active(old, False)
        first = await app.sweeper.round(sync=True)
        second = await app.sweeper.round()
        return new, first, second, proofs(app)

    new, first, second, after = run(tmp_path, mint, scenario)
    # The four largest first, then the rest.
    assert [(r.amount, r.kept) for r in first] == [(512 + 256 + 128 + 64, 960)]
    assert [(r.amount, r.kept) for r in second] == [(32 + 8, 40)]
    assert {k for k, _ in after} == {new} and sum(a for _, a in after) == 1000


def test_an_untrusted_mint_is_not_swept(tmp_path):
    mint, old = rotated(fee_ppk=0)

    async def scenario(app, notices):
        mint.add_keyset(fee_ppk=0)
        mint.set_active(old, False)
        await app.mints.sync_keysets(1, mint.url)
        await app.mints.trust(mint.url, False)
        return await app.sweeper.round(), proofs(app)

    found, left = run(tmp_path, mint, scenario)
    assert found == [] and {k for k, _ in left} == {old}


async def ops(app):
    return await app.db.run(
        lambda s: list(s.scalars(select(Operation).where(Operation.kind == "send")))
    )
