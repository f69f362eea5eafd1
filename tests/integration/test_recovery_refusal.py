"""A token queued while its mint was down, then spent elsewhere: recovery closes it for good."""

from __future__ import annotations

import asyncio
import os

import pytest
from sqlalchemy import select, update

from pos_app.app import App
from pos_app.core.errors import NetworkError
from pos_app.core.store.schema import KeysetRow, Operation, ReceivedToken
from tests.support.tokens import token_async

pytestmark = pytest.mark.mint


def test_queued_token_spent_elsewhere_fails_once_and_stays_closed(tmp_path, make_mint, monkeypatch):
    mint = make_mint()
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())

    async def scenario() -> None:
        app, _ = App.init(tmp_path / "shop", trust_env=False)
        try:
            await app.mints.add(mint.url)
            tok = await token_async(mint.url, 21)
            mint.stop()
            with pytest.raises(NetworkError):
                await app.wallet.receive(tok)
            mint.start()
            mint.cli_receive(tok)  # the customer spent it elsewhere meanwhile

            op_id = (await app.wallet.recovery.open_operations())[0]
            outcome = await app.wallet.recovery.run(op_id)
            assert (outcome.state, outcome.error_code) == ("failed", "token.already_spent")
            op = await app.db.run(lambda s: s.get(Operation, op_id))
            assert op.state == "failed" and op.next_retry_at is None
            assert await app.wallet.recovery.open_operations() == []
            stored = await app.db.run(lambda s: s.scalars(select(ReceivedToken)).one())
            assert stored.state == "rejected" and stored.token_text == tok
            assert (await app.wallet.balance())["total"] == {}
        finally:
            await app.aclose()

    asyncio.run(scenario())


def test_token_queued_before_planning_and_refused_later_stays_failed(
    tmp_path, make_mint, monkeypatch
):
    """The mint was down before its new keys were known: the token is queued unplanned.

    Recovery plans it once the mint is back, and the mint then refuses the swap (the
    customer spent the token meanwhile): the operation is failed for good, not reopened.
    """
    mint = make_mint()
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())

    async def scenario() -> None:
        app, _ = App.init(tmp_path / "shop", trust_env=False)
        try:
            await app.mints.add(mint.url)
            tok = await token_async(mint.url, 21)
            # As if the mint had rotated to keys the shop has not fetched yet.
            await app.db.run(lambda s: s.execute(update(KeysetRow).values(keys_json=None)))
            mint.stop()
            with pytest.raises(NetworkError):
                await app.wallet.receive(tok)
            op_id = (await app.wallet.recovery.open_operations())[0]
            op = await app.db.run(lambda s: s.get(Operation, op_id))
            assert op.step == "queued"
            mint.start()
            mint.cli_receive(tok)

            outcome = await app.wallet.recovery.run(op_id)
            assert outcome.state == "failed" and outcome.error_code == "token.already_spent"
            op = await app.db.run(lambda s: s.get(Operation, op_id))
            assert op.state == "failed" and op.next_retry_at is None
            assert await app.wallet.recovery.open_operations() == []
        finally:
            await app.aclose()

    asyncio.run(scenario())
