"""Tokens for tests, minted at a real test mint: plain or P2PK-locked, with DLEQ proofs."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from pos_app.core.cashu import crypto, p2pk
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.cashu.models import BlindedMessage, Token
from pos_app.core.cashu.tokens import serialize_token_v4
from tests.support.funding import (
    Outputs,
    active_keyset,
    mint_token,
    open_client,
    random_r,
    to_proofs,
    wait_quote_paid,
)


async def locked_token_async(
    url: str, amount: int, pubkey: str, *, locktime: int | None = None, refund: Sequence[str] = ()
) -> str:
    """A V4 token whose proofs are P2PK-locked to ``pubkey`` (NUT-11), with DLEQ."""
    async with open_client(url) as client:
        keyset = await active_keyset(client)
        amounts = split_amount(amount)
        secrets = [
            p2pk.make_p2pk_secret(pubkey, locktime=locktime, refund=tuple(refund)) for _ in amounts
        ]
        rs = [random_r() for _ in amounts]
        messages = tuple(
            BlindedMessage(amount=a, id=keyset.id, B_=crypto.blind(s, r))
            for a, s, r in zip(amounts, secrets, rs, strict=True)
        )
        quote = await client.mint_quote(amount)
        await wait_quote_paid(client, quote.quote)
        outputs = Outputs(keyset, messages, tuple(secrets), tuple(rs))
        proofs = to_proofs(outputs, await client.mint(quote.quote, messages))
    return serialize_token_v4(Token(mint=url, unit="sat", proofs=tuple(proofs)))


async def token_async(url: str, amount: int) -> str:
    """A plain V4 token of ``amount`` sat (with DLEQ), minted through our own client."""
    async with open_client(url) as client:
        return await mint_token(client, amount)


def token(url: str, amount: int) -> str:
    """Synchronous :func:`token_async` (not inside a running event loop)."""
    return asyncio.run(token_async(url, amount))


def locked_token(url: str, amount: int, pubkey: str, **kwargs: object) -> str:
    """Synchronous :func:`locked_token_async`."""
    return asyncio.run(locked_token_async(url, amount, pubkey, **kwargs))  # type: ignore[arg-type]
