"""Fund test wallets by minting at a real test mint through our own :class:`MintClient`.

FakeWallet marks a mint quote paid about 0.1 s after it is made, so
:func:`mint_proofs` is: quote → poll until PAID → blind outputs → ``POST
/v1/mint/bolt11`` → check every DLEQ → unblind. The proofs carry their DLEQ
``{e, s, r}``, as a wallet that hands them on would include it.

Outputs are random, or NUT-13 outputs from a seed and counter when a test wants
to restore them later. :func:`make_outputs` and :func:`to_proofs` are the same
two halves for swaps done by the tests themselves.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from secrets import randbelow, token_hex
from typing import TYPE_CHECKING, Any

import httpx

from pos_app.core.cashu import crypto, nut13
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.cashu.models import DLEQ, BlindedMessage, BlindSignature, Keyset, Proof, Token
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.mint.client import MintClient

if TYPE_CHECKING:
    from tests.support.testmint import TestMint

QUOTE_PAID_TIMEOUT = 10.0
_CLI_TOKENS: dict[str, dict[str, str]] = {}


@asynccontextmanager
async def open_client(
    url: str,
    *,
    timeout: float = 10.0,
    transport: httpx.AsyncBaseTransport | None = None,
) -> AsyncIterator[MintClient]:
    """A :class:`MintClient` on its own ``httpx.AsyncClient`` (no proxies), closed on exit.

    Use one per ``asyncio.run``: httpx connections belong to the loop that opened them.
    """
    http = httpx.AsyncClient(timeout=timeout, trust_env=False, transport=transport)
    client = MintClient(url, http, owns_http=True)
    try:
        yield client
    finally:
        await client.aclose()


@dataclass(frozen=True)
class Outputs:
    """Blinded messages with the secrets and blinding factors to unblind their signatures."""

    keyset: Keyset
    messages: tuple[BlindedMessage, ...]
    secrets: tuple[str, ...]
    rs: tuple[bytes, ...]

    @property
    def amount(self) -> int:
        return sum(m.amount for m in self.messages)


def random_r() -> bytes:
    """A random blinding scalar in [1, n-1]."""
    return (randbelow(crypto.N - 1) + 1).to_bytes(32, "big")


def make_outputs(
    keyset: Keyset,
    amounts: Sequence[int],
    *,
    seed: bytes | None = None,
    counter_start: int = 0,
    secrets: Sequence[str] | None = None,
) -> Outputs:
    """Outputs for ``amounts`` on ``keyset``.

    Secrets are random, NUT-13 from ``seed`` and counters, or the given ``secrets``
    (e.g. NUT-10 secrets, one per amount) with random blinding factors.
    """
    if secrets is not None:
        pairs = [(secret, random_r()) for secret in secrets]
    elif seed is None:
        pairs = [(token_hex(32), random_r()) for _ in amounts]
    else:
        pairs = nut13.derive_range(seed, keyset.id, counter_start, len(amounts))
    messages = tuple(
        BlindedMessage(amount=a, id=keyset.id, B_=crypto.blind(secret, r))
        for a, (secret, r) in zip(amounts, pairs, strict=True)
    )
    return Outputs(keyset, messages, tuple(s for s, _ in pairs), tuple(r for _, r in pairs))


def to_proofs(outputs: Outputs, signatures: Sequence[BlindSignature]) -> list[Proof]:
    """Check each signature's DLEQ against the keyset and unblind it into a Proof.

    Raises:
        AssertionError: a signature does not match its output or its DLEQ fails.
    """
    assert len(signatures) == len(outputs.messages), "one signature per output"
    proofs = []
    for msg, secret, r, sig in zip(
        outputs.messages, outputs.secrets, outputs.rs, signatures, strict=True
    ):
        assert sig.amount == msg.amount and sig.id == msg.id, f"{sig} does not answer {msg}"
        key = outputs.keyset.key_for(sig.amount)
        assert sig.dleq is not None, "the mint sent no DLEQ"
        assert crypto.verify_signature_dleq(sig, msg.B_, key), f"bad DLEQ on {sig}"
        proofs.append(
            Proof(
                amount=sig.amount,
                id=sig.id,
                secret=secret,
                C=crypto.unblind(sig.C_, r, key),
                dleq=DLEQ(e=sig.dleq.e, s=sig.dleq.s, r=r.hex()),
            )
        )
    return proofs


async def active_keyset(client: MintClient, unit: str = "sat") -> Keyset:
    """The mint's active keyset for ``unit`` with the lowest input fee, keys included."""
    keysets = [k for k in await client.active_keys() if k.unit == unit and k.active]
    if not keysets:
        raise AssertionError(f"{client.url} has no active {unit} keyset")
    return min(keysets, key=lambda k: k.input_fee_ppk)


async def wait_quote_paid(client: MintClient, quote_id: str) -> None:
    """Poll a mint quote until FakeWallet reports it PAID."""
    deadline = time.monotonic() + QUOTE_PAID_TIMEOUT
    while (state := (await client.mint_quote_state(quote_id)).state) != "PAID":
        if state == "ISSUED" or time.monotonic() > deadline:
            raise AssertionError(f"mint quote {quote_id} is {state}, not PAID")
        await asyncio.sleep(0.05)


async def mint_proofs(
    client: MintClient,
    amount: int,
    *,
    unit: str = "sat",
    seed: bytes | None = None,
    counter_start: int = 0,
    amounts: Sequence[int] | None = None,
    secrets: Sequence[str] | None = None,
) -> list[Proof]:
    """Mint ``amount`` into fresh proofs (with DLEQ ``{e, s, r}``), checking every DLEQ.

    Args:
        client: the mint.
        amount: total to mint.
        unit: keyset unit.
        seed: derive NUT-13 outputs from this seed (counters from ``counter_start``);
            random secrets when None.
        counter_start: first NUT-13 counter.
        amounts: the denominations wanted (must sum to ``amount``); the binary split when None.
        secrets: the proofs' secrets, one per amount (e.g. P2PK-locked ones).
    """
    amounts = list(amounts) if amounts is not None else split_amount(amount)
    assert sum(amounts) == amount, f"{amounts} do not sum to {amount}"
    keyset = await active_keyset(client, unit)
    quote = await client.mint_quote(amount, unit)
    await wait_quote_paid(client, quote.quote)
    outputs = make_outputs(keyset, amounts, seed=seed, counter_start=counter_start, secrets=secrets)
    signatures = await client.mint(quote.quote, outputs.messages)
    return to_proofs(outputs, signatures)


async def mint_token(
    client: MintClient,
    amount: int,
    *,
    memo: str | None = None,
    include_dleq: bool = True,
    **minting: Any,
) -> str:
    """Mint ``amount`` (``minting``: the options of :func:`mint_proofs`) as a V4 token."""
    proofs = await mint_proofs(client, amount, **minting)
    unit = minting.get("unit", "sat")
    token = Token(mint=client.url, unit=unit, proofs=tuple(proofs), memo=memo)
    return serialize_token_v4(token, include_dleq=include_dleq)


def nutshell_cli_tokens(mint: TestMint) -> dict[str, str]:
    """Tokens made by nutshell's own CLI wallet at ``mint``, once per mint and session.

    ``"v4"``: 21 sat, ``cashuB`` with 8-byte short keyset ids; ``"v3"``: 11 sat, ``cashuA``
    with full ids. Shared by every test of the session, so decode them freely, but only
    tests/integration/test_mint_client.py spends them; make your own with ``mint.cli_send``
    for anything else that spends.
    """
    key = str(mint.data_dir)
    if key not in _CLI_TOKENS:
        mint.cli_fund(40)
        _CLI_TOKENS[key] = {"v4": mint.cli_send(21), "v3": mint.cli_send(11, legacy=True)}
    return dict(_CLI_TOKENS[key])
