"""An offered token: parsed once, stored once, and kept even when its transaction fails."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from pos_app.core.cashu.crypto import hash_to_curve
from pos_app.core.cashu.models import Proof, Token
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.errors import PosError
from pos_app.core.events import EventBus
from pos_app.core.store.db import Database
from pos_app.core.store.schema import ReceivedToken
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.offer import OfferedToken


def token_text(mint: str, amounts: tuple[int, ...]) -> str:
    # Any valid points will do: the offer only reads the token, no mint checks it here.
    point = hash_to_curve(b"offer").format().hex()
    proofs = tuple(
        Proof(a, "009a1f293253e41e", f"secret-{i}", point) for i, a in enumerate(amounts)
    )
    return serialize_token_v4(Token(mint, "sat", proofs))


@pytest.fixture
def ctx(tmp_path) -> Iterator[WalletContext]:
    db = Database(tmp_path / "pos.db", os.urandom(32), create=True)
    db.migrate()
    yield WalletContext(db, None, EventBus(), bytes(64))  # type: ignore[arg-type]
    db.close()


def rows(ctx: WalletContext) -> list[ReceivedToken]:
    return ctx.db.transact(lambda s: list(s.scalars(select(ReceivedToken))))


def test_a_token_is_parsed_once_and_stored_with_its_facts(ctx):
    text = token_text("http://mint.test", (16, 4, 1))
    offer = OfferedToken.read(text, "scan")
    assert offer.error is None and offer.parsed() is offer.token
    assert (offer.token.mint, offer.token.amount) == ("http://mint.test", 21)
    token_id = asyncio.run(offer.keep(ctx))
    assert asyncio.run(offer.keep(ctx)) == token_id == offer.token_id  # stored once
    [row] = rows(ctx)
    assert (row.id, row.token_text, row.source, row.mint_url, row.amount) == (
        token_id,
        text,
        "scan",
        "http://mint.test",
        21,
    )


def test_text_that_is_no_token_is_still_an_offer_and_kept(ctx):
    offer = OfferedToken.read("cashuBnot-a-token", "paste")
    assert offer.token is None and isinstance(offer.error, PosError)
    with pytest.raises(PosError) as err:
        offer.parsed()
    assert err.value is offer.error and err.value.code.startswith("token.")
    asyncio.run(offer.keep(ctx))
    [row] = rows(ctx)
    assert (row.token_text, row.source, row.amount) == ("cashuBnot-a-token", "paste", None)


def test_a_row_of_a_rolled_back_transaction_does_not_count_as_kept(ctx):
    offer = OfferedToken.read("cashuBx", "api")

    def fails(session):
        offer.store(session)
        raise RuntimeError("the rest of the transaction failed")

    with pytest.raises(RuntimeError):
        ctx.db.transact(fails)
    assert offer.token_id is None and rows(ctx) == []
    asyncio.run(offer.keep(ctx))
    assert len(rows(ctx)) == 1


def test_store_inside_a_transaction_is_recorded_after_the_commit(ctx):
    offer = OfferedToken.read("cashuBx", "file")
    token_id = ctx.db.transact(offer.store)
    offer.stored(token_id)
    assert ctx.db.transact(offer.store) == token_id  # not stored again
    assert ctx.db.transact(lambda s: s.scalar(select(func.count(ReceivedToken.id)))) == 1
