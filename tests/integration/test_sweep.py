"""Keyset sweep against a real mint that rotates its keys (restarted on a new derivation path)."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import time
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest
from sqlalchemy import select, update

from pos_app.app import App
from pos_app.core.events import Notification
from pos_app.core.store.schema import KeysetRow, ProofRow
from pos_app.core.wallet.mints import mint_row
from tests.support.cli import Cli
from tests.support.tokens import token, token_async

pytestmark = pytest.mark.mint


def rotate(mint):
    """Rotate the mint's keys as its operator would: the old keyset inactive, a new one active.

    nutshell keeps every keyset it derived active across a restart on a new derivation
    path, so the old one is switched off in its database while it is stopped.
    """
    mint.stop()
    db = sqlite3.connect(mint.data_dir / "db" / "mint.sqlite3")
    try:
        db.execute("UPDATE keysets SET active = 0")
        db.commit()
    finally:
        db.close()
    mint.start(extra_env={"MINT_DERIVATION_PATH": "m/0'/0'/1'"})


@asynccontextmanager
async def shop(tmp_path, mint):
    os.environ["POS_DB_KEY"] = os.urandom(32).hex()
    app, _ = App.init(tmp_path / "shop", trust_env=False)
    notices: list[Notification] = []
    app.bus.subscribe(Notification, notices.append)
    app.notices = notices
    try:
        await app.mints.add(mint.url)
        yield app
    finally:
        await app.aclose()
        os.environ.pop("POS_DB_KEY", None)


def held(session, url):
    """Unspent proofs as (keyset id, amount), and each keyset's active flag and fee."""
    mint_id = mint_row(session, url).id
    proofs = session.execute(
        select(ProofRow.keyset_id, ProofRow.amount).where(
            ProofRow.mint_id == mint_id, ProofRow.state == "unspent"
        )
    ).all()
    keysets = {
        k.id: (k.active, k.input_fee_ppk)
        for k in session.scalars(select(KeysetRow).where(KeysetRow.mint_id == mint_id))
    }
    return [(k, a) for k, a in proofs], keysets


def test_coins_on_a_rotated_keyset_end_on_the_active_one_within_the_fee_cap(tmp_path, make_mint):
    mint = make_mint(fee_ppk=100, name="rotating")

    async def scenario():
        async with shop(tmp_path, mint) as app:
            await app.wallet.receive(await token_async(mint.url, 1000))
            before_proofs, _ = await app.db.run(lambda s: held(s, mint.url))
            before = sum(a for _, a in before_proofs)
            [old] = {k for k, _ in before_proofs}
            # Nothing stale yet: nothing is swapped.
            assert await app.sweeper.round(sync=True) == []

            rotate(mint)
            # The timer reads the stored flags; the health monitor's check stores the rotation.
            assert await app.sweeper.round() == []
            await app.services.health.check_all()
            await app.settings.set("sweep.max_fee_sat", 0)
            [skipped] = await app.sweeper.round()
            fee = -(-len(before_proofs) * 100 // 1000)  # 100 ppk per input, rounded up
            assert (skipped.state, skipped.reason, skipped.fee) == ("skipped", "fee_too_high", fee)
            assert skipped.amount == before
            proofs, keysets = await app.db.run(lambda s: held(s, mint.url))
            assert sorted(proofs) == sorted(before_proofs)  # untouched
            assert keysets[old][0] is False and len(keysets) == 2
            [notice] = [n for n in app.notices if n.kind == "sweep_fee_cap"]
            assert (notice.data["fee"], notice.data["cap"], notice.data["amount"]) == (
                fee,
                0,
                before,
            )
            await app.sweeper.round()  # the same refusal is not told again
            assert len([n for n in app.notices if n.kind == "sweep_fee_cap"]) == 1

            await app.settings.set("sweep.max_fee_sat", 10)
            [done] = await app.sweeper.round()
            assert (done.state, done.fee, done.kept) == ("done", fee, before - fee)
            proofs, keysets = await app.db.run(lambda s: held(s, mint.url))
            [new] = [k for k, (active, _) in keysets.items() if active]
            assert new != old and {k for k, _ in proofs} == {new}
            assert sum(a for _, a in proofs) == before - fee
            assert (await app.wallet.balance())["total"]["sat"] == before - fee
            # Swept coins are good: they pay an export at the mint, and nothing is left to sweep.
            sent = await app.wallet.send(mint.url, "sat", 100)
            assert sent.amount == 100
            assert await app.sweeper.round() == []
            assert await app.wallet.recovery.open_operations() == []

    asyncio.run(scenario())


def expiring(app, url, keyset_id, when):
    """Stub the mint's keyset list so ``keyset_id`` expires at ``when`` (nutshell sets none)."""
    client = app.mints.client(url)
    real = client.keysets

    async def listed(**kwargs):
        return [
            replace(k, final_expiry=when) if k.id == keyset_id else k for k in await real(**kwargs)
        ]

    client.keysets = listed


def test_coins_on_a_keyset_close_to_its_final_expiry_go_to_a_fresh_one(tmp_path, make_mint):
    mint = make_mint(name="expiring")

    async def scenario():
        async with shop(tmp_path, mint) as app:
            await app.wallet.receive(await token_async(mint.url, 100))
            proofs, _ = await app.db.run(lambda s: held(s, mint.url))
            [old] = {k for k, _ in proofs}
            mint.restart(extra_env={"MINT_DERIVATION_PATH": "m/0'/0'/1'"})  # both stay active
            expiring(app, mint.url, old, int(time.time()) + 5 * 86400)
            await app.settings.set("sweep.expiry_days", 3)
            await app.services.health.check_all()  # stores the new keyset and the expiry
            assert await app.sweeper.round() == []  # five days left: more than three
            await app.settings.set("sweep.expiry_days", 30)
            [done] = await app.sweeper.round()
            assert (done.state, done.fee, done.kept) == ("done", 0, 100)
            proofs, keysets = await app.db.run(lambda s: held(s, mint.url))
            assert {k for k, _ in proofs} == {next(k for k in keysets if k != old)}
            assert sum(a for _, a in proofs) == 100
            # A later change of an expiry alone (no new keyset) is stored by the health check.
            later = int(time.time()) + 9 * 86400
            expiring(app, mint.url, old, later)
            await app.services.health.check_all()
            assert await app.db.run(lambda s: s.get(KeysetRow, old).final_expiry) == later

    asyncio.run(scenario())


def test_an_expiring_keyset_with_nowhere_to_go_is_left(tmp_path, mint):
    async def scenario():
        async with shop(tmp_path, mint) as app:
            await app.wallet.receive(await token_async(mint.url, 64))
            proofs, _ = await app.db.run(lambda s: held(s, mint.url))
            [keyset] = {k for k, _ in proofs}
            soon = int(time.time()) + 5 * 86400
            expiring(app, mint.url, keyset, soon)
            await app.settings.set("sweep.expiry_days", 3)
            assert await app.sweeper.round(sync=True) == []  # five days left: more than three
            await app.settings.set("sweep.expiry_days", 30)
            [result] = await app.sweeper.round(sync=True)
            # The mint has no other keyset: its keys expire too, so there is nowhere to go.
            assert (result.state, result.reason) == ("skipped", "no_fresh_keyset")
            stored = await app.db.run(lambda s: s.get(KeysetRow, keyset).final_expiry)
            assert stored == soon

    asyncio.run(scenario())


def test_killed_after_the_sweep_swap_is_finished_by_recovery(tmp_path, make_mint):
    mint = make_mint(fee_ppk=100, name="rotating-kill")
    shop_cli = Cli.wallet(tmp_path / "shop", mint.url)
    shop_cli.setup("wallet", "receive", token(mint.url, 300))
    before = shop_cli.balance()
    rotate(mint)
    killed = shop_cli.run("wallet", "sweep", env={"POS_TEST_FAULT": "after_sweep_swap"})
    assert killed.rc == -signal.SIGKILL
    assert [(op["kind"], op["status"]) for op in shop_cli.setup("recovery", "list")] == [
        ("send", "pending")
    ]
    outcome = shop_cli.ok("recovery", "run")
    assert [(o["state"], o["action"]) for o in outcome] == [("recovered", "restored")]
    after = shop_cli.balance()
    assert 0 < before - after <= 2  # one input fee, charged once
    assert shop_cli.ok("wallet", "sweep") == []
    assert shop_cli.balance() == after
    exports = shop_cli.ok("wallet", "exports")
    assert exports == []  # a sweep hands nothing out


def test_stale_keyset_rules(tmp_path, mint):
    """Inactive, or a final expiry before the horizon; 0 and None mean no expiry."""

    async def scenario():
        async with shop(tmp_path, mint) as app:
            from pos_app.core.wallet.sweep import stale_keysets

            mint_id = await app.db.run(lambda s: mint_row(s, mint.url).id)
            [keyset] = await app.db.run(
                lambda s: list(s.scalars(select(KeysetRow.id).where(KeysetRow.mint_id == mint_id)))
            )

            async def stale(expiry, active=True, before=1000):
                await app.db.run(
                    lambda s: (
                        s.execute(
                            update(KeysetRow)
                            .where(KeysetRow.id == keyset)
                            .values(final_expiry=expiry, active=active)
                        )
                        and None
                    )
                )
                return await app.db.run(lambda s: stale_keysets(s, mint_id, before))

            assert await stale(None) == set()
            assert await stale(0) == set()
            assert await stale(999) == {keyset}
            assert await stale(1000) == set()
            assert await stale(None, active=False) == {keyset}

    asyncio.run(scenario())
