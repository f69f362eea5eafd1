"""Tokens for tests, minted at a real test mint: plain or P2PK-locked, with DLEQ proofs.

Also the other end of a payment: :func:`redeem` spends a token at its mint the
way the receiving wallet would (a customer claiming change, a second till holding
the shop's key), so its proofs are SPENT there afterwards. Everything goes
through our own :class:`MintClient` (see :mod:`tests.support.funding`), which is
some ten times faster than nutshell's CLI wallet (``TestMint.cli_*``); use that one
where a token must come from another wallet implementation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace

from pos_app.core.cashu import p2pk
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.cashu.keysets import input_fee, resolve_keyset_id
from pos_app.core.cashu.models import Proof
from pos_app.core.cashu.tokens import parse_token
from tests.support.funding import active_keyset, make_outputs, mint_token, open_client, to_proofs


async def locked_token_async(
    url: str, amount: int, pubkey: str, *, locktime: int | None = None, refund: Sequence[str] = ()
) -> str:
    """A V4 token whose proofs are P2PK-locked to ``pubkey`` (NUT-11), with DLEQ."""
    secrets = [
        p2pk.make_p2pk_secret(pubkey, locktime=locktime, refund=tuple(refund))
        for _ in split_amount(amount)
    ]
    async with open_client(url) as client:
        return await mint_token(client, amount, secrets=secrets)


async def token_async(url: str, amount: int) -> str:
    """A plain V4 token of ``amount`` sat (with DLEQ), minted through our own client."""
    async with open_client(url) as client:
        return await mint_token(client, amount)


async def redeem_async(url: str, text: str, *, key: bytes | None = None) -> list[Proof]:
    """Swap a token's proofs at ``url`` into fresh ones, paying the input fee.

    Args:
        url: the token's mint.
        text: the token.
        key: private key that signs P2PK-locked proofs (SIG_INPUTS).

    Returns:
        The new proofs (the receiving wallet's coins).
    """
    token = parse_token(text)
    async with open_client(url) as client:
        fees = {k.id: k.input_fee_ppk for k in await client.keysets()}
        inputs = [replace(p, id=resolve_keyset_id(p.id, list(fees))) for p in token.proofs]
        if key is not None:
            inputs = p2pk.sign_proofs(inputs, key)
        keyset = await active_keyset(client, token.unit)
        fee = input_fee(fees[p.id] for p in inputs)
        outputs = make_outputs(keyset, split_amount(token.amount - fee))
        return to_proofs(outputs, await client.swap(inputs, outputs.messages))


def token(url: str, amount: int) -> str:
    """Synchronous :func:`token_async` (not inside a running event loop)."""
    return asyncio.run(token_async(url, amount))


def locked_token(url: str, amount: int, pubkey: str, **kwargs: object) -> str:
    """Synchronous :func:`locked_token_async`."""
    return asyncio.run(locked_token_async(url, amount, pubkey, **kwargs))  # type: ignore[arg-type]


def redeem(url: str, text: str, *, key: bytes | None = None) -> list[Proof]:
    """Synchronous :func:`redeem_async`."""
    return asyncio.run(redeem_async(url, text, key=key))
