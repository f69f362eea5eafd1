"""An in-process Cashu mint for fast tests: a test double, not a mint.

:class:`FakeMint` answers the NUT endpoints the wallet calls (info, keysets, keys,
swap, checkstate, restore, melt quote/melt/quote state for bolt11, mint quote/mint)
through an httpx transport, with the real crypto of :mod:`pos_app.core.cashu.crypto`:
it signs with DLEQ proofs, checks every input's ``C == k·Y`` (and P2PK witnesses),
charges ``input_fee_ppk`` and refuses spent or pending inputs, re-signed outputs and
unbalanced swaps with the codes and texts nutshell 0.21 sends
(``tests/vectors/nutshell_0_21_0_live_responses.json``). It keeps no database and
pays no Lightning invoice: a melt's outcome is scripted by the test
(:meth:`FakeMint.invoice`). The integration tests against a real nutshell mint
(``tests/support/testmint.py``) stay the reference; this double makes the failure
branches cheap to reach, which mutation testing needs.

    mint = FakeMint(fee_ppk=100)
    app, _ = App.init(data_dir, trust_env=False, transport=mint.transport())
    await app.mints.add(mint.url)
    text = mint.token(21)                      # proofs the mint signed itself
    mint.fault("POST", "/v1/swap", "drop")     # apply the swap, lose the answer

Faults (per endpoint: method and a regular expression on the path, first match
wins, ``times`` limits how often one applies; the same actions as
:class:`tests.support.mintproxy.MintProxy`, whose rewrite helpers work here too):

- ``unreachable``: a connection error before the mint sees the request;
- ``drop``: apply the request, then lose the answer (a read error);
- ``timeout``: apply the request, then time out;
- ``answer``: answer ``status``/``body`` without applying (``body`` may be a function
  of the request's JSON);
- ``rewrite``: apply, then answer ``rewrite(request, status, answer)``;
- ``delay``: wait ``delay`` seconds, then apply and answer.

Several mints share one transport with :func:`transport` (routed by URL);
``mint.down = True`` makes one unreachable. Mints on one transport also share a
Lightning network: a melt that pays another's mint-quote invoice marks that quote
``PAID``. A mint quote is paid at once, as nutshell's FakeWallet does, unless
``mint.brr = False``: then only such a melt (or :meth:`FakeMint.pay_quote`) pays it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import secrets as random_source
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import bolt11
import httpx
from bolt11 import Bolt11, MilliSatoshi, TagChar, Tags
from coincurve import PrivateKey, PublicKey

from pos_app.core.cashu import crypto, p2pk
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.cashu.keysets import input_fee, keyset_id_v2
from pos_app.core.cashu.models import DLEQ, BlindedMessage, Keyset, Proof, Token
from pos_app.core.cashu.tokens import serialize_token_v4
from pos_app.core.errors import ValidationError

Rewrite = Callable[[Any, int, Any], tuple[int, Any]]
ACTIONS = ("unreachable", "drop", "timeout", "answer", "rewrite", "delay")
AMOUNTS = tuple(2**i for i in range(64))
ALL_NUTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)


class Refusal(Exception):
    """A 400 answer as nutshell words it: ``{"detail": ..., "code": ...}``."""

    def __init__(self, detail: str, code: int = 11000) -> None:
        super().__init__(detail)
        self.detail = detail
        self.code = code


@dataclass
class Fault:
    """One injected fault: which requests it matches and what it does to them."""

    method: str
    path: re.Pattern[str]
    action: str
    status: int = 400
    body: Any = None
    rewrite: Rewrite | None = None
    delay: float = 0.0
    times: int | None = 1
    used: int = 0


@dataclass
class FakeKeyset:
    """A keyset with its private keys (the mint's side of :class:`Keyset`)."""

    keyset: Keyset
    private: dict[int, bytes]

    @property
    def id(self) -> str:
        return self.keyset.id


@dataclass
class MeltScript:
    """What paying one invoice does: its cost and how the payment ends."""

    amount: int
    fee_reserve: int
    fee_paid: int
    outcome: str  # PAID | UNPAID | PENDING | FAILED (a 400 "Lightning payment failed")
    unit: str = "sat"


@dataclass
class MeltQuoteState:
    """A melt quote the mint issued, and the inputs and change of its melt."""

    id: str
    request: str
    script: MeltScript
    state: str = "UNPAID"
    inputs: list[Proof] = field(default_factory=list)
    outputs: list[BlindedMessage] = field(default_factory=list)
    change: list[dict[str, Any]] = field(default_factory=list)


class FakeMint:
    """An in-process mint (see the module doc).

    Args:
        url: its base URL (never contacted: the transport answers).
        fee_ppk: ``input_fee_ppk`` of the first sat keyset.
        name: ``/v1/info`` name; also seeds the keys, so one name always has the same keys.
        nuts: the NUTs ``/v1/info`` lists as supported.
    """

    def __init__(
        self,
        url: str = "http://fake-mint.test",
        *,
        fee_ppk: int = 0,
        name: str = "fake mint",
        nuts: tuple[int, ...] = ALL_NUTS,
    ) -> None:
        self.url = url.rstrip("/")
        self.name = name
        self.nuts = nuts
        self.down = False
        self.keysets: dict[str, FakeKeyset] = {}
        self.spent: dict[str, str | None] = {}  # Y -> witness
        self.pending: set[str] = set()
        self.signed: dict[str, dict[str, Any]] = {}  # B_ -> its signature
        self.melt_scripts: dict[str, MeltScript] = {}
        self.any_invoice: MeltScript | None = None  # script for real BOLT11 invoices
        self.melt_quotes: dict[str, MeltQuoteState] = {}
        self.mint_quotes: dict[str, dict[str, Any]] = {}
        self.brr = True  # mint quotes paid at once (nutshell's FakeWallet default)
        self.peers: list[FakeMint] = []  # the mints on the same transport (Lightning network)
        self.faults: list[Fault] = []
        self.log: list[tuple[str, str, str]] = []  # (method, path, action)
        self.pubkey = PublicKey.from_valid_secret(self._scalar("pubkey")).format().hex()
        self.add_keyset(fee_ppk=fee_ppk)

    # -- setup ---------------------------------------------------------------------

    def _scalar(self, *parts: object) -> bytes:
        digest = hashlib.sha256("|".join(map(str, (self.name, *parts))).encode()).digest()
        return (int.from_bytes(digest, "big") % (crypto.N - 1) + 1).to_bytes(32, "big")

    def add_keyset(self, unit: str = "sat", *, fee_ppk: int = 0, active: bool = True) -> str:
        """A new keyset (keys derived from the name, unit, fee and count); returns its id."""
        generation = len(self.keysets)
        private = {a: self._scalar(unit, fee_ppk, generation, a) for a in AMOUNTS}
        keys = {a: PublicKey.from_valid_secret(k).format().hex() for a, k in private.items()}
        keyset = Keyset(
            id=keyset_id_v2(keys, unit, fee_ppk),
            unit=unit,
            active=active,
            input_fee_ppk=fee_ppk,
            keys=keys,
        )
        self.keysets[keyset.id] = FakeKeyset(keyset, private)
        return keyset.id

    def set_active(self, keyset_id: str, active: bool) -> None:
        """Activate or retire a keyset (a retired one still redeems, never signs)."""
        ks = self.keysets[keyset_id]
        ks.keyset = replace(ks.keyset, active=active)

    def active_keyset(self, unit: str = "sat") -> FakeKeyset:
        """The first active keyset of ``unit``."""
        return next(k for k in self.keysets.values() if k.keyset.active and k.keyset.unit == unit)

    def transport(self) -> httpx.AsyncBaseTransport:
        """An httpx transport that answers for this mint alone."""
        return transport(self)

    # -- tokens the mint signs itself ----------------------------------------------

    def issue(
        self,
        amount: int,
        *,
        unit: str = "sat",
        keyset_id: str | None = None,
        secrets: list[str] | None = None,
        dleq: bool = True,
    ) -> list[Proof]:
        """Fresh unspent proofs worth ``amount`` (powers of two), as a wallet holds them."""
        ks = self.keysets[keyset_id] if keyset_id else self.active_keyset(unit)
        amounts = split_amount(amount)
        secrets = secrets or [random_source.token_hex(32) for _ in amounts]
        proofs = []
        for a, secret in zip(amounts, secrets, strict=True):
            r = self._scalar("r", secret)
            B_ = crypto.blind(secret, r)
            C_, e, s = crypto.sign_blinded_with_dleq(ks.private[a], B_)
            C = crypto.unblind(C_, r, ks.keyset.keys[a])
            proof_dleq = DLEQ(e=e, s=s, r=r.hex()) if dleq else None
            proofs.append(Proof(amount=a, id=ks.id, secret=secret, C=C, dleq=proof_dleq))
        return proofs

    def token(
        self,
        amount: int,
        *,
        locked_to: str | None = None,
        sigflag: str | None = None,
        locktime: int | None = None,
        unit: str = "sat",
        keyset_id: str | None = None,
        dleq: bool = True,
    ) -> str:
        """A V4 token of ``amount``, plain or P2PK-locked to ``locked_to``."""
        secrets = None
        if locked_to is not None:
            secrets = [
                p2pk.make_p2pk_secret(locked_to, sigflag=sigflag, locktime=locktime)
                for _ in split_amount(amount)
            ]
        proofs = self.issue(amount, unit=unit, keyset_id=keyset_id, secrets=secrets, dleq=dleq)
        return serialize_token_v4(Token(self.url, unit, tuple(proofs)), include_dleq=dleq)

    def invoice(
        self,
        amount: int,
        *,
        fee_reserve: int = 0,
        fee_paid: int | None = None,
        outcome: str = "PAID",
        request: str | None = None,
    ) -> str:
        """Script the payment of an invoice of ``amount``; returns the invoice text.

        ``fee_paid`` (default: all the reserve) is what the Lightning route cost; the
        rest comes back as change. ``outcome`` PENDING stays so until :meth:`settle`.
        """
        request = request or f"lnbcfake{amount}n1{random_source.token_hex(20)}"
        self.melt_scripts[request] = MeltScript(
            amount, fee_reserve, fee_reserve if fee_paid is None else fee_paid, outcome
        )
        return request

    def pay_any_invoice(
        self, *, fee_reserve: int = 0, fee_paid: int | None = None, outcome: str = "PAID"
    ) -> None:
        """Quote every real BOLT11 invoice not scripted by :meth:`invoice` (its amount
        decoded), with this reserve, route cost and outcome: for invoices a test cannot
        know in advance, such as those a Lightning address issues during a checkout."""
        reserve = fee_reserve if fee_paid is None else fee_paid
        self.any_invoice = MeltScript(0, fee_reserve, reserve, outcome)

    def pay_quote(self, quote_id: str) -> None:
        """Mark a mint quote paid, as if its invoice was paid from anywhere."""
        quote = self.mint_quotes[quote_id]
        if quote["state"] == "UNPAID":
            quote["state"] = "PAID"

    def settle(self, quote_id: str, outcome: str) -> None:
        """End a PENDING melt: PAID spends its inputs (and signs change), UNPAID frees them."""
        quote = self.melt_quotes[quote_id]
        self._finish_melt(quote, outcome)

    # -- what the mint knows ---------------------------------------------------------

    def state_of(self, proof: Proof | str) -> str:
        """``UNSPENT``, ``PENDING`` or ``SPENT`` for a proof (or a secret)."""
        secret = proof.secret if isinstance(proof, Proof) else proof
        y = crypto.y_of_secret(secret)
        return "SPENT" if y in self.spent else "PENDING" if y in self.pending else "UNSPENT"

    def spend(self, proofs: list[Proof]) -> None:
        """Mark proofs spent, as if someone redeemed them elsewhere."""
        for p in proofs:
            self.spent[crypto.y_of_secret(p.secret)] = p.witness

    def requests(self, path: str | None = None) -> list[tuple[str, str, str]]:
        """The requests seen so far (to ``path`` when given)."""
        return [r for r in self.log if path is None or r[1] == path]

    # -- faults ------------------------------------------------------------------------

    def fault(
        self,
        method: str,
        path: str,
        action: str,
        *,
        status: int = 400,
        body: Any = None,
        rewrite: Rewrite | None = None,
        delay: float = 0.0,
        times: int | None = 1,
    ) -> Fault:
        """Inject a fault for ``method`` requests whose path matches the regex ``path``."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        if action == "rewrite" and rewrite is None:
            raise ValueError("rewrite needs a function")
        rule = Fault(
            method.upper(), re.compile(path + "$"), action, status, body, rewrite, delay, times
        )
        self.faults.append(rule)
        return rule

    def honest(self) -> None:
        """Forget every fault."""
        self.faults.clear()

    def _match(self, method: str, path: str) -> Fault | None:
        for rule in self.faults:
            if rule.method == method and rule.path.match(path):
                if rule.times is not None and rule.used >= rule.times:
                    continue
                rule.used += 1
                return rule
        return None

    # -- HTTP ------------------------------------------------------------------------------

    async def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (after any fault that matches it)."""
        path = request.url.path
        method = request.method
        if self.down:
            self.log.append((method, path, "down"))
            raise httpx.ConnectError("fake mint is down", request=request)
        body = json.loads(request.content) if request.content else None
        rule = self._match(method, path)
        self.log.append((method, path, rule.action if rule else "answer"))
        if rule is not None:
            if rule.action == "unreachable":
                raise httpx.ConnectError("connection refused (injected)", request=request)
            if rule.action == "answer":
                reply = rule.body(body) if callable(rule.body) else rule.body
                return httpx.Response(rule.status, json=reply)
            if rule.action == "delay":
                await asyncio.sleep(rule.delay)
        status, answer = self._apply(method, path, body)
        if rule is not None:
            if rule.action == "drop":
                raise httpx.ReadError("connection closed before the answer (injected)")
            if rule.action == "timeout":
                raise httpx.ReadTimeout("no answer in time (injected)", request=request)
            if rule.action == "rewrite":
                assert rule.rewrite is not None
                status, answer = rule.rewrite(body, status, answer)
        return httpx.Response(status, json=answer)

    def _apply(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        routes: list[tuple[str, str, Callable[..., Any]]] = [
            ("GET", r"/v1/info", self._info),
            ("GET", r"/v1/keysets", self._keysets),
            ("GET", r"/v1/keys", self._keys),
            ("GET", r"/v1/keys/(\w+)", self._keys),
            ("POST", r"/v1/swap", self._swap),
            ("POST", r"/v1/checkstate", self._checkstate),
            ("POST", r"/v1/restore", self._restore),
            ("POST", r"/v1/melt/quote/bolt11", self._melt_quote),
            ("GET", r"/v1/melt/quote/bolt11/([\w-]+)", self._melt_quote_state),
            ("POST", r"/v1/melt/bolt11", self._melt),
            ("POST", r"/v1/mint/quote/bolt11", self._mint_quote),
            ("GET", r"/v1/mint/quote/bolt11/([\w-]+)", self._mint_quote_state),
            ("POST", r"/v1/mint/bolt11", self._mint),
        ]
        for verb, pattern, handler in routes:
            found = re.fullmatch(pattern, path)
            if verb == method and found:
                try:
                    args = found.groups() if method == "GET" else (body or {},)
                    return 200, handler(*args)
                except Refusal as exc:
                    return 400, {"detail": exc.detail, "code": exc.code}
                except (ValidationError, KeyError, TypeError, ValueError) as exc:
                    return 422, {"detail": f"invalid request: {exc}"}
        return 404, {"detail": "Not Found"}

    # -- endpoints ---------------------------------------------------------------------

    def _info(self) -> dict[str, Any]:
        nuts: dict[str, Any] = {str(n): {"supported": True} for n in self.nuts}
        for n in (4, 5):
            if n in self.nuts:
                nuts[str(n)] = {"methods": [{"method": "bolt11", "unit": "sat"}], "disabled": False}
        return {"name": self.name, "pubkey": self.pubkey, "version": "FakeMint/1", "nuts": nuts}

    def _keysets(self) -> dict[str, Any]:
        return {"keysets": [k.keyset.to_dict(include_keys=False) for k in self.keysets.values()]}

    def _keys(self, keyset_id: str | None = None) -> dict[str, Any]:
        if keyset_id is None:
            chosen = [k for k in self.keysets.values() if k.keyset.active]
        elif keyset_id in self.keysets:
            chosen = [self.keysets[keyset_id]]
        else:
            raise Refusal(f"keyset not found: {keyset_id}", 12001)
        return {"keysets": [k.keyset.to_dict() for k in chosen]}

    def _swap(self, body: dict[str, Any]) -> dict[str, Any]:
        inputs = [Proof.from_dict(p) for p in body["inputs"]]
        outputs = [BlindedMessage.from_dict(o) for o in body.get("outputs") or []]
        ys = self._verify_inputs(inputs)
        if not p2pk.verify_transaction(inputs, outputs, time.time()) and _locked(inputs):
            raise Refusal(_witness_problem(inputs))
        self._verify_outputs(outputs)
        fee = self._fee(inputs)
        total_in, total_out = sum(p.amount for p in inputs), sum(o.amount for o in outputs)
        if total_out + fee != total_in:
            raise Refusal(
                f"inputs ({total_in}) - fees ({fee}) vs outputs ({total_out}) are not balanced."
            )
        for y, p in zip(ys, inputs, strict=True):
            self.spent[y] = p.witness
        return {"signatures": [self._sign(o) for o in outputs]}

    def _checkstate(self, body: dict[str, Any]) -> dict[str, Any]:
        states = []
        for y in body["Ys"]:
            state = "SPENT" if y in self.spent else "PENDING" if y in self.pending else "UNSPENT"
            states.append({"Y": y, "state": state, "witness": self.spent.get(y)})
        return {"states": states}

    def _restore(self, body: dict[str, Any]) -> dict[str, Any]:
        outputs, signatures = [], []
        for o in body["outputs"]:
            sig = self.signed.get(BlindedMessage.from_dict(o).B_)
            if sig is not None:
                outputs.append({**o, "C_": None})  # nutshell echoes the output with a null C_
                signatures.append(sig)
        return {"outputs": outputs, "signatures": signatures}

    def _melt_quote(self, body: dict[str, Any]) -> dict[str, Any]:
        script = self.melt_scripts.get(body["request"]) or self._any_invoice(body["request"])
        if script is None:
            raise Refusal("Bech32 string is not valid.", 0)
        if body.get("unit", "sat") != script.unit:
            raise Refusal(f"unit {body.get('unit')} not supported", 11013)
        quote = MeltQuoteState(str(uuid.uuid4()), body["request"], script)
        self.melt_quotes[quote.id] = quote
        return self._melt_answer(quote)

    def _any_invoice(self, request: str) -> MeltScript | None:
        if self.any_invoice is None:
            return None
        try:
            msat = bolt11.decode(request).amount_msat
        except Exception:  # nutshell's words for any request it cannot decode
            return None
        if msat is None:
            return None
        script = replace(self.any_invoice, amount=int(msat) // 1000)
        self.melt_scripts[request] = script
        return script

    def _melt_quote_state(self, quote_id: str) -> dict[str, Any]:
        if quote_id not in self.melt_quotes:
            raise Refusal("quote not found", 0)
        return self._melt_answer(self.melt_quotes[quote_id])

    def _melt(self, body: dict[str, Any]) -> dict[str, Any]:
        quote = self.melt_quotes.get(body["quote"])
        if quote is None:
            raise Refusal("quote not found", 0)
        if quote.state == "PENDING":
            raise Refusal("melt quote is pending.", 20005)
        if quote.state == "PAID":
            raise Refusal("melt quote already paid", 20006)
        inputs = [Proof.from_dict(p) for p in body["inputs"]]
        outputs = [BlindedMessage.from_dict(o) for o in body.get("outputs") or []]
        ys = self._verify_inputs(inputs)
        if not p2pk.verify_transaction(inputs, outputs, time.time(), quote.id) and _locked(inputs):
            raise Refusal(_witness_problem(inputs))
        if outputs:
            self._verify_outputs(outputs, blank=True)
        fee = self._fee(inputs)
        needed = quote.script.amount + quote.script.fee_reserve + fee
        provided = sum(p.amount for p in inputs)
        if provided < needed:
            raise Refusal(
                f"not enough inputs provided for melt. Provided: {provided}, needed: {needed}"
            )
        quote.inputs, quote.outputs = inputs, outputs
        self.pending.update(ys)
        self._finish_melt(quote, quote.script.outcome)
        if quote.script.outcome == "FAILED":
            raise Refusal("Lightning payment failed: no route (scripted)", 20000)
        return self._melt_answer(quote)

    def _finish_melt(self, quote: MeltQuoteState, outcome: str) -> None:
        ys = [crypto.y_of_secret(p.secret) for p in quote.inputs]
        if outcome == "PENDING":
            quote.state = "PENDING"
            return
        self.pending.difference_update(ys)
        if outcome != "PAID":  # UNPAID, FAILED: the payment did not go out
            quote.state = "UNPAID"
            return
        for y, p in zip(ys, quote.inputs, strict=True):
            self.spent[y] = p.witness
        quote.state = "PAID"
        for peer in self.peers:  # the invoice was another mint's: its quote is now paid
            for mint_quote in peer.mint_quotes.values():
                if mint_quote["request"] == quote.request:
                    peer.pay_quote(mint_quote["quote"])
        script = quote.script
        excess = (
            sum(p.amount for p in quote.inputs)
            - self._fee(quote.inputs)
            - script.amount
            - script.fee_paid
        )
        amounts = sorted(split_amount(excess), reverse=True) if excess > 0 else []
        quote.change = [
            self._sign(BlindedMessage(a, o.id, o.B_))
            for a, o in zip(amounts, quote.outputs, strict=False)
        ]

    def _melt_answer(self, quote: MeltQuoteState) -> dict[str, Any]:
        return {
            "quote": quote.id,
            "amount": quote.script.amount,
            "unit": quote.script.unit,
            "request": quote.request,
            "fee_reserve": quote.script.fee_reserve,
            "state": quote.state,
            "expiry": None,
            "payment_preimage": "00" * 32 if quote.state == "PAID" else None,
            "change": quote.change or None,
        }

    def _mint_quote(self, body: dict[str, Any]) -> dict[str, Any]:
        quote = {
            "quote": str(uuid.uuid4()),
            "request": self._bolt11(int(body["amount"])),
            "amount": body["amount"],
            "unit": body.get("unit", "sat"),
            "state": "PAID" if self.brr else "UNPAID",
            "expiry": None,
        }
        self.mint_quotes[quote["quote"]] = quote
        return quote

    def _mint_quote_state(self, quote_id: str) -> dict[str, Any]:
        if quote_id not in self.mint_quotes:
            raise Refusal("quote not found", 0)
        return self.mint_quotes[quote_id]

    def _bolt11(self, amount: int) -> str:
        """A real, signed BOLT11 invoice of this mint's node (decodable by any wallet)."""
        tags = Tags()
        tags.add(TagChar.payment_hash, random_source.token_hex(32))
        tags.add(TagChar.payment_secret, random_source.token_hex(32))
        tags.add(TagChar.description, f"{self.name} mint quote")
        tags.add(TagChar.expire_time, 3600)
        invoice = Bolt11(
            currency="bcrt",
            date=int(time.time()),
            tags=tags,
            amount_msat=MilliSatoshi(amount * 1000),
        )
        node = PrivateKey(self._scalar("node"))
        return bolt11.encode(invoice, node.secret.hex())

    def _mint(self, body: dict[str, Any]) -> dict[str, Any]:
        quote = self.mint_quotes.get(body["quote"])
        if quote is None:
            raise Refusal("quote not found", 0)
        outputs = [BlindedMessage.from_dict(o) for o in body["outputs"]]
        self._verify_outputs(outputs)  # re-sent outputs: 11003 before the quote check
        if quote["state"] == "ISSUED":
            raise Refusal("quote already issued", 20002)
        if quote["state"] != "PAID":
            raise Refusal("quote not paid", 20001)
        if sum(o.amount for o in outputs) != quote["amount"]:
            raise Refusal("amount to mint does not match quote amount", 11000)
        quote["state"] = "ISSUED"
        return {"signatures": [self._sign(o) for o in outputs]}

    # -- checks and signing, in nutshell's order -------------------------------------------

    def _verify_inputs(self, inputs: list[Proof]) -> list[str]:
        if not inputs:
            raise Refusal("no proofs provided.")
        ys = [crypto.y_of_secret(p.secret) for p in inputs]
        if len(set(ys)) != len(ys):
            raise Refusal("Duplicate inputs provided", 11007)
        for p in inputs:
            ks = self.keysets.get(p.id)
            if ks is None:
                raise Refusal(f"keyset {p.id} unknown", 0)
            if p.amount not in ks.private:
                raise Refusal("invalid amount.")
            if not crypto.verify_unblinded(ks.private[p.amount], p.secret, p.C):
                raise Refusal("proofs could not be verified", 10001)
        if any(y in self.spent for y in ys):
            raise Refusal("proofs already spent", 11001)
        if any(y in self.pending for y in ys):
            raise Refusal("proofs are pending", 11002)
        return ys

    def _verify_outputs(self, outputs: list[BlindedMessage], *, blank: bool = False) -> None:
        if not outputs:
            raise Refusal("no outputs provided.", 0)
        if any(o.id != outputs[0].id for o in outputs):
            raise Refusal("outputs have different keyset ids.")
        ks = self.keysets.get(outputs[0].id)
        if ks is None:
            raise Refusal("keyset id unknown.")
        if not ks.keyset.active:
            raise Refusal("keyset is inactive", 12002)
        if not blank and any(o.amount not in ks.private for o in outputs):
            raise Refusal("invalid amount.")
        if len({o.B_ for o in outputs}) != len(outputs):
            raise Refusal("Duplicate outputs provided", 11008)
        if any(o.B_ in self.signed for o in outputs):
            raise Refusal("outputs already signed", 11003)

    def _fee(self, inputs: list[Proof]) -> int:
        return input_fee(self.keysets[p.id].keyset.input_fee_ppk for p in inputs)

    def _sign(self, output: BlindedMessage) -> dict[str, Any]:
        key = self.keysets[output.id].private[output.amount]
        C_, e, s = crypto.sign_blinded_with_dleq(key, output.B_)
        sig = {"id": output.id, "amount": output.amount, "C_": C_, "dleq": {"e": e, "s": s}}
        self.signed[output.B_] = sig
        return sig


def _locked(inputs: list[Proof]) -> bool:
    return any(p2pk.parse_secret(p.secret) is not None for p in inputs)


def _witness_problem(inputs: list[Proof]) -> str:
    if any(p.witness is None for p in inputs):
        return "no signatures in proof."
    return "signature threshold not met."


def transport(*mints: FakeMint) -> httpx.AsyncBaseTransport:
    """One transport for several fake mints, routed by URL; other hosts are unreachable."""
    by_base = {m.url: m for m in mints}
    for m in mints:
        m.peers = [other for other in mints if other is not m]

    async def route(request: httpx.Request) -> httpx.Response:
        base = f"{request.url.scheme}://{request.url.netloc.decode()}"
        mint = by_base.get(base)
        if mint is None:
            raise httpx.ConnectError(f"no fake mint at {base}", request=request)
        return await mint.handle(request)

    return httpx.MockTransport(route)
