"""The customer wallet of training mode: the part a customer's phone plays.

It holds test ecash from the training mint: FakeWallet marks every mint quote paid at
once, so the customer "buys" exactly what a payment needs when it pays, and keeps every
token it handed over (``customer/paid.jsonl``) so it can misbehave on demand:

- :meth:`CustomerWallet.pay`: a ``cashuB`` token for the request's amount;
- :func:`animated_parts`: the same token as the animated BC-UR QR parts a phone shows;
- :meth:`CustomerWallet.reuse_last`: the last token again (a double spend);
- :meth:`CustomerWallet.pay` with ``short_by``: too little;
- :meth:`CustomerWallet.pay` with ``claim_mint``: the proofs labelled with another mint's
  URL (an untrusted or made-up mint), which the till must refuse.

Every signature's DLEQ proof is checked before a proof is kept, as a real wallet does.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from secrets import randbelow, token_hex

import httpx

from pos_app.core.cashu import crypto
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.cashu.models import DLEQ, BlindedMessage, Keyset, Proof, Token
from pos_app.core.cashu.requests import parse_payment_request
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.cashu.ur import encode_token_ur
from pos_app.core.errors import MintError, ValidationError
from pos_app.core.mint.client import MintClient

QUOTE_PAID_TIMEOUT = 10.0
PAID_LOG = "paid.jsonl"


def _random_r() -> bytes:
    return (randbelow(crypto.N - 1) + 1).to_bytes(32, "big")


async def _active_keyset(client: MintClient) -> Keyset:
    keysets = [k for k in await client.active_keys() if k.unit == "sat" and k.active]
    if not keysets:
        raise MintError("training.no_keyset", "The training mint has no active sat keyset.", "")
    return min(keysets, key=lambda k: k.input_fee_ppk)


async def mint_proofs(client: MintClient, amount: int) -> list[Proof]:
    """Mint ``amount`` sat at ``client``'s mint (FakeWallet pays the quote), DLEQs checked."""
    keyset = await _active_keyset(client)
    quote = await client.mint_quote(amount, "sat")
    deadline = time.monotonic() + QUOTE_PAID_TIMEOUT
    while (state := (await client.mint_quote_state(quote.quote)).state) != "PAID":
        if state == "ISSUED" or time.monotonic() > deadline:
            raise MintError(
                "training.quote_unpaid",
                "The training mint did not mark the customer's top-up paid.",
                f"quote {quote.quote} is {state}",
            )
        await asyncio.sleep(0.05)
    pairs = [(token_hex(32), _random_r()) for _ in split_amount(amount)]
    messages = [
        BlindedMessage(amount=a, id=keyset.id, B_=crypto.blind(secret, r))
        for a, (secret, r) in zip(split_amount(amount), pairs, strict=True)
    ]
    signatures = await client.mint(quote.quote, messages)
    proofs = []
    for msg, (secret, r), sig in zip(messages, pairs, signatures, strict=True):
        key = keyset.key_for(sig.amount)
        if sig.amount != msg.amount or sig.dleq is None:
            raise MintError("training.bad_signature", "The training mint answered oddly.", str(sig))
        if not crypto.verify_signature_dleq(sig, msg.B_, key):
            raise MintError("training.bad_dleq", "The training mint's DLEQ proof failed.", sig.id)
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


def request_amount(request_text: str) -> int:
    """The sat amount a NUT-18 request (``creqA...`` or bech32) asks for.

    Raises:
        ValidationError: ``training.request_unsupported`` for requests this wallet cannot pay.
    """
    request = parse_payment_request(request_text)
    if request.amount is None or request.unit != "sat":
        raise ValidationError(
            "training.request_unsupported",
            "The customer wallet pays requests with a sat amount only.",
            request_text[:40],
        )
    if request.nut10 is not None:
        raise ValidationError(
            "training.request_unsupported",
            "The customer wallet cannot lock ecash to the shop yet (offline payments): "
            "switch offline payments off for training.",
            request.nut10.kind,
        )
    return request.amount


def animated_parts(token: str, max_fragment_len: int = 60) -> list[str]:
    """One full cycle of the animated BC-UR QR parts of ``token``, as a phone shows them."""
    encoder = encode_token_ur(token, max_fragment_len)
    return [encoder.next_part() for _ in range(max(encoder.seq_len, 1))]


class CustomerWallet:
    """Test ecash at the training mint, paid out as tokens; its history in ``directory``."""

    def __init__(self, directory: Path, mint_url: str) -> None:
        self.directory = Path(directory)
        self.mint_url = mint_url.rstrip("/")

    async def _mint(self, amount: int) -> list[Proof]:
        if amount <= 0:
            raise ValidationError(
                "amount.invalid", "The customer pays a positive amount.", str(amount)
            )
        async with httpx.AsyncClient(timeout=10, trust_env=False) as http:
            return await mint_proofs(MintClient(self.mint_url, http), amount)

    async def pay(
        self, request_text: str, *, short_by: int = 0, claim_mint: str | None = None
    ) -> str:
        """A ``cashuB`` token paying ``request_text`` (less ``short_by`` sat, for practice)."""
        amount = request_amount(request_text) - short_by
        proofs = await self._mint(amount)
        token = serialize_token_v4(
            Token(mint=claim_mint or self.mint_url, unit="sat", proofs=tuple(proofs))
        )
        if claim_mint is None:  # a double spend replays a token the shop's mint knows
            self._remember(token, amount)
        return token

    def reuse_last(self) -> str:
        """The last token this wallet handed over (spent already when the till took it).

        Raises:
            ValidationError: ``training.nothing_paid`` before the first payment.
        """
        path = self.directory / PAID_LOG
        lines = path.read_text().splitlines() if path.is_file() else []
        if not lines:
            raise ValidationError(
                "training.nothing_paid", "The customer has not paid anything yet.", ""
            )
        return json.loads(lines[-1])["token"]

    def _remember(self, token: str, amount: int) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        with (self.directory / PAID_LOG).open("a") as log:
            log.write(json.dumps({"at": int(time.time()), "amount": amount, "token": token}) + "\n")
