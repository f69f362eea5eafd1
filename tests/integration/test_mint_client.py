"""MintClient against real nutshell mints, plus loopback servers for the faults a mint can't fake.

The real mint covers every answer it can give (keys, swaps, double spends, refusals);
small ``http.server`` stand-ins cover only transport behaviour: hanging, garbage,
5xx and connection reuse.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from coincurve import PrivateKey

from pos_app.core.cashu import crypto, nut13
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.cashu.keysets import input_fee, keyset_id_v2, resolve_keyset_id
from pos_app.core.cashu.models import Proof
from pos_app.core.cashu.tokens import parse_token, token_version
from pos_app.core.errors import Category, MintError, NetworkError, PosError, ProtocolError
from pos_app.core.mint import client as client_module
from pos_app.core.mint.client import MintClient, MintPool
from tests.support.funding import (
    make_outputs,
    mint_proofs,
    nutshell_cli_tokens,
    open_client,
    to_proofs,
)
from tests.support.testmint import free_port

pytestmark = pytest.mark.mint

UNKNOWN_KEYSET = "01" + "cd" * 32


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def ys(proofs: list[Proof]) -> list[str]:
    return [crypto.y_of_secret(p.secret) for p in proofs]


# -- an httpx transport that counts requests and may rewrite answers -----------------------


class CountingTransport(httpx.AsyncBaseTransport):
    """Forwards to the network; records every request; ``mutate`` may rewrite a body."""

    def __init__(self, mutate: Callable[[str, bytes], bytes | None] | None = None) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests: list[tuple[str, str]] = []
        self.mutate = mutate

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url.path))
        response = await self.inner.handle_async_request(request)
        if self.mutate is None:
            return response
        body = await response.aread()  # decoded: drop the headers describing the wire form
        changed = self.mutate(request.url.path, body)
        return httpx.Response(
            response.status_code,
            headers={"content-type": response.headers.get("content-type", "")},
            content=body if changed is None else changed,
        )

    async def aclose(self) -> None:
        await self.inner.aclose()

    def count(self, method: str, path: str) -> int:
        return self.requests.count((method, path))


# -- a loopback HTTP server scripted per request ----------------------------------------------

Reply = tuple[int, bytes, str] | None  # status, body, content type; None = never answer
Script = Callable[[str, str, int], Reply]  # method, path, how many times seen (1-based)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # docs/architecture.md: avoid refused connections under bursts

    def __init__(self, script: Script) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script = script
        self.seen: list[tuple[str, str, int]] = []  # method, path, client port
        self.release = threading.Event()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return sum(1 for m, p, _ in self.seen if (m, p) == (method, path))

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up on a hanging request is expected


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse is observable
    disable_nagle_algorithm = True  # docs/architecture.md: else ~45 ms per request on loopback

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _serve(self) -> None:
        server: _Server = self.server  # type: ignore[assignment]
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with server.lock:
            server.seen.append((self.command, self.path, self.client_address[1]))
            nth = sum(1 for m, p, _ in server.seen if (m, p) == (self.command, self.path))
        reply = server.script(self.command, self.path, nth)
        if reply is None:
            server.release.wait(10)
            self.close_connection = True
            return
        status, body, ctype = reply
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _serve


@contextmanager
def local_server(script: Script) -> Iterator[_Server]:
    server = _Server(script)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


def as_json(obj: Any, status: int = 200) -> Reply:
    return status, json.dumps(obj).encode(), "application/json"


def failures(
    url: str,
    error: type[PosError],
    calls: Callable[[MintClient], list[Awaitable[Any]]],
    *,
    timeout: float = 10.0,
) -> list[tuple[PosError, float]]:
    """Await each of ``calls(client)`` in turn; each must raise ``error``.

    Returns:
        Each error with the seconds its call took.
    """

    async def body() -> list[tuple[PosError, float]]:
        async with open_client(url, timeout=timeout) as client:
            errs = []
            for call in calls(client):
                started = time.monotonic()
                with pytest.raises(error) as caught:
                    await call
                errs.append((caught.value, time.monotonic() - started))
            return errs

    return run(body())


Y = "02" + "11" * 32  # a proof's Y: any point will do for checkstate
INFO = {"name": "stand-in", "version": "test/0", "nuts": {"7": {"supported": True}}}


# -- tokens made by nutshell's own CLI wallet ---------------------------------------------


@pytest.fixture(scope="module")
def nutshell_tokens(mint) -> dict[str, str]:
    return nutshell_cli_tokens(mint)  # this module is the one that spends them


# -- info, keysets, keys --------------------------------------------------------------------


def test_info(mint):
    async def body():
        async with open_client(mint.url) as c:
            return await c.info()

    info = run(body())
    assert info.name == mint.name
    assert info.version.startswith("Nutshell/0.21")
    want = PrivateKey(hashlib.sha256(mint.key.encode()).digest()).public_key
    assert info.pubkey == want.format().hex()
    assert {"4", "5", "7", "8", "9", "10", "11", "12"} <= set(info.nuts)
    for nut in (4, 5, 7, 8, 9, 10, 11, 12):
        assert info.supports(nut), nut
    assert not info.supports(15)  # MPP needs LND/CLN, not FakeWallet
    assert info.units(4) == ["sat"]
    assert info.units(5) == ["sat"]


def test_keysets_keys_ids_and_cache(mint):
    counter = CountingTransport()

    async def body():
        async with open_client(mint.url, transport=counter) as c:
            keysets = await c.keysets()
            listed = next(k for k in keysets if k.unit == "sat" and k.active)
            assert listed.keys == {}  # /v1/keysets carries no keys
            keyset = await c.keys(listed.id)
            before = len(counter.requests)
            again = await c.keys(listed.id)
            assert again is keyset
            assert len(counter.requests) == before  # a cache hit is no request
            assert c.cached_keys(listed.id) is keyset
            active = await c.active_keys()
            return listed, keyset, active

    listed, keyset, active = run(body())
    assert counter.count("GET", f"/v1/keys/{listed.id}") == 1
    assert keyset.id == listed.id and keyset.input_fee_ppk == 0
    assert len(keyset.keys) == 64 and min(keyset.keys) == 1 and max(keyset.keys) == 2**63
    # independent recomputation of the v2 id from what the mint sent
    assert keyset.id == keyset_id_v2(keyset.keys, "sat", 0, keyset.final_expiry)
    assert listed.id in [k.id for k in active]


def test_keys_whose_id_does_not_match_are_refused(mint):
    def swap_two_keys(path: str, body: bytes) -> bytes | None:
        if not path.startswith("/v1/keys/"):
            return None
        data = json.loads(body)
        keys = data["keysets"][0]["keys"]
        keys["1"], keys["2"] = keys["2"], keys["1"]
        return json.dumps(data).encode()

    async def body():
        async with open_client(mint.url, transport=CountingTransport(swap_two_keys)) as c:
            keyset_id = (await c.keysets())[0].id
            with pytest.raises(ProtocolError) as caught:
                await c.keys(keyset_id)
            assert c.cached_keys(keyset_id) is None  # a bad keyset is never cached
            return caught.value

    err = run(body())
    assert err.code == "keyset.id_mismatch"


def test_pool_shares_one_client_and_connection_per_url(mint):
    counter = CountingTransport()

    async def with_real_mint():
        pool = MintPool(trust_env=False, transport=counter)
        a = pool.get(mint.url)
        assert pool.get(mint.url + "/") is a
        assert pool.get(mint.url.replace("http://", "HTTP://")) is a
        assert pool.get("http://127.0.0.2:9") is not a
        await a.info()
        await pool.get(mint.url + "/").keysets()
        await pool.aclose()

    run(with_real_mint())
    assert counter.requests == [("GET", "/v1/info"), ("GET", "/v1/keysets")]

    # Connection reuse, seen from the server: every request arrives from the same client port.
    with local_server(lambda m, p, n: as_json(INFO)) as server:

        async def many_requests():
            pool = MintPool(trust_env=False)
            for _ in range(5):
                await pool.get(server.url).info()
            await pool.aclose()

        run(many_requests())
    ports = {port for _, _, port in server.seen}
    assert len(server.seen) == 5 and len(ports) == 1


# -- real tokens from nutshell's CLI ---------------------------------------------------------


def test_decode_nutshell_cli_tokens(mint, nutshell_tokens):
    async def body():
        async with open_client(mint.url) as c:
            return [k.id for k in await c.keysets()]

    known = run(body())
    v4 = parse_token(nutshell_tokens["v4"])
    assert token_version(nutshell_tokens["v4"]) == 4
    assert v4.mint == mint.url and v4.unit == "sat" and v4.amount == 21
    for kid in v4.keyset_ids:
        assert len(kid) == 16 and kid.startswith("01")  # short v2 id
        assert resolve_keyset_id(kid, known) in known
    v3 = parse_token(nutshell_tokens["v3"])
    assert token_version(nutshell_tokens["v3"]) == 3
    assert v3.mint == mint.url and v3.unit == "sat" and v3.amount == 11
    assert all(kid in known for kid in v3.keyset_ids)  # V3 carries full ids


def test_swap_nutshell_token_into_nut13_outputs(mint, nutshell_tokens):
    seed = os.urandom(64)
    token = parse_token(nutshell_tokens["v4"])

    async def body():
        async with open_client(mint.url) as c:
            known = [k.id for k in await c.keysets()]
            inputs = [replace(p, id=resolve_keyset_id(p.id, known)) for p in token.proofs]
            keyset = await c.keys(inputs[0].id)
            amounts = split_amount(token.amount)
            outputs = make_outputs(keyset, amounts, seed=seed, counter_start=0)
            derived = nut13.derive_range(seed, keyset.id, 0, len(amounts))
            assert list(outputs.secrets) == [s for s, _ in derived]

            sigs = await c.swap(inputs, outputs.messages)
            assert [s.amount for s in sigs] == amounts
            for msg, sig in zip(outputs.messages, sigs, strict=True):
                key = keyset.key_for(sig.amount)
                assert crypto.verify_signature_dleq(sig, msg.B_, key)
            proofs = to_proofs(outputs, sigs)
            assert all(crypto.verify_dleq_proof(p, keyset.key_for(p.amount)) for p in proofs)

            spent = await c.checkstate(ys(inputs))
            fresh = await c.checkstate(ys(proofs))

            # Rebuild the outputs from the seed alone, plus two never used: only ours return.
            rebuilt = make_outputs(keyset, [*amounts, 1, 1], seed=seed, counter_start=0)
            restored = await c.restore(rebuilt.messages)

            with pytest.raises(MintError) as double:
                again = make_outputs(keyset, amounts)
                await c.swap(inputs, again.messages)
            return sigs, outputs, spent, fresh, restored, double.value, proofs

    sigs, outputs, spent, fresh, restored, double, proofs = run(body())
    assert [s.state for s in spent] == ["SPENT"] * len(token.proofs)
    assert [s.state for s in fresh] == ["UNSPENT"] * len(proofs)
    assert [o.B_ for o, _ in restored] == [m.B_ for m in outputs.messages]
    assert [s.C_ for _, s in restored] == [s.C_ for s in sigs]
    assert [s.amount for _, s in restored] == [s.amount for s in sigs]

    assert double.code == "token.already_spent"
    assert double.category is Category.MINT
    assert double.data["mint_code"] == 11001
    assert "already spent" in double.detail


def test_swap_nutshell_v3_token(mint, nutshell_tokens):
    token = parse_token(nutshell_tokens["v3"])

    async def body():
        async with open_client(mint.url) as c:
            keyset = await c.keys(token.proofs[0].id)
            outputs = make_outputs(keyset, split_amount(token.amount))
            proofs = to_proofs(outputs, await c.swap(token.proofs, outputs.messages))
            return await c.checkstate(ys(proofs)), await c.checkstate(ys(list(token.proofs)))

    fresh, spent = run(body())
    assert {s.state for s in fresh} == {"UNSPENT"}
    assert {s.state for s in spent} == {"SPENT"}


# -- refusals, typed -------------------------------------------------------------------------


def test_tampered_signature_is_token_invalid(mint):
    async def body():
        async with open_client(mint.url) as c:
            (proof,) = await mint_proofs(c, 8)
            keyset = await c.keys(proof.id)
            forged = replace(proof, C=PrivateKey().public_key.format().hex())
            outputs = make_outputs(keyset, [8])
            with pytest.raises(MintError) as caught:
                await c.swap([forged], outputs.messages)
            return caught.value, await c.checkstate(ys([proof]))

    err, state = run(body())
    assert err.code == "token.invalid"
    assert err.category is Category.SECURITY
    assert err.data["mint_code"] == 10001
    assert state[0].state == "UNSPENT"  # nothing was spent by the refused swap


def test_unbalanced_swap(mint):
    async def body():
        async with open_client(mint.url) as c:
            proofs = await mint_proofs(c, 16)
            keyset = await c.keys(proofs[0].id)
            errs = []
            for amounts in ([16, 1], [8]):
                with pytest.raises(MintError) as caught:
                    await c.swap(proofs, make_outputs(keyset, amounts).messages)
                errs.append(caught.value)
            return errs, await c.checkstate(ys(proofs))

    errs, states = run(body())
    too_much, too_little = errs
    assert too_much.code == too_little.code == "mint.not_balanced"
    # nutshell words the two cases differently and sends the generic code 11000 for both
    assert "less than output amounts (17)" in too_much.data["mint_detail"]
    assert "vs outputs (8) are not balanced" in too_little.data["mint_detail"]
    assert {s.state for s in states} == {"UNSPENT"}


def test_unknown_keyset(mint):
    async def body():
        async with open_client(mint.url) as c:
            proofs = await mint_proofs(c, 4)
            keyset = await c.keys(proofs[0].id)
            errs = []
            with pytest.raises(MintError) as caught:
                await c.keys(UNKNOWN_KEYSET)
            errs.append(caught.value)
            bad_outputs = [
                replace(m, id=UNKNOWN_KEYSET) for m in make_outputs(keyset, [4]).messages
            ]
            with pytest.raises(MintError) as caught:
                await c.swap(proofs, bad_outputs)
            errs.append(caught.value)
            bad_inputs = [replace(p, id=UNKNOWN_KEYSET) for p in proofs]
            with pytest.raises(MintError) as caught:
                await c.swap(bad_inputs, make_outputs(keyset, [4]).messages)
            errs.append(caught.value)
            return errs

    by_keys, by_outputs, by_inputs = run(body())
    assert by_keys.code == "mint.keyset_unknown" and by_keys.data["mint_code"] == 12001
    assert by_outputs.code == "mint.keyset_unknown"
    assert by_inputs.code == "mint.keyset_unknown"


def test_melt_quote_for_invalid_invoice(mint):
    async def body():
        async with open_client(mint.url) as c:
            with pytest.raises(MintError) as caught:
                await c.melt_quote("lnbc1notaninvoice")
            return caught.value

    err = run(body())
    assert err.code == "mint.invoice_invalid"
    assert err.data["mint_detail"]


# -- fees ----------------------------------------------------------------------------------


def test_fee_mint_swap_pays_input_fee(fee_mint):
    async def body():
        async with open_client(fee_mint.url) as c:
            keyset = next(k for k in await c.active_keys() if k.unit == "sat")
            results = []
            for amounts in ([2, 4, 8, 16], [1] * 11):
                proofs = await mint_proofs(c, sum(amounts), amounts=amounts)
                fee = input_fee([keyset.input_fee_ppk] * len(proofs))
                with pytest.raises(MintError) as caught:  # fee not paid
                    await c.swap(proofs, make_outputs(keyset, split_amount(sum(amounts))).messages)
                outputs = make_outputs(keyset, split_amount(sum(amounts) - fee))
                new = to_proofs(outputs, await c.swap(proofs, outputs.messages))
                results.append((len(proofs), fee, caught.value, sum(p.amount for p in new)))
            return keyset, results

    keyset, results = run(body())
    assert keyset.input_fee_ppk == 100
    # the fee is part of a v2 id's preimage
    assert keyset.id == keyset_id_v2(keyset.keys, "sat", 100, keyset.final_expiry)
    assert keyset.id != keyset_id_v2(keyset.keys, "sat", 0, keyset.final_expiry)
    (n4, fee4, err4, out4), (n11, fee11, err11, out11) = results
    assert (n4, fee4, out4) == (4, 1, 30 - 1)
    assert (n11, fee11, out11) == (11, 2, 11 - 2)  # ceil(1100 / 1000)
    for err in (err4, err11):
        assert err.code == "mint.not_balanced"
    assert f"fees ({fee4})" in err4.data["mint_detail"]


# -- transport faults ------------------------------------------------------------------------


def test_unreachable_mint():
    url = f"http://127.0.0.1:{free_port()}"

    for err, _ in failures(url, NetworkError, lambda c: [c.info(), c.checkstate([Y])]):
        assert err.code == "mint.unreachable"
        assert err.category is Category.NETWORK
        assert url in err.detail


def test_timeout_get_retried_post_not():
    with local_server(lambda m, p, n: None) as server:
        (get_err, get_s), (post_err, post_s) = failures(
            server.url, NetworkError, lambda c: [c.info(), c.checkstate([Y])], timeout=0.3
        )
        assert get_err.code == post_err.code == "mint.timeout"
        assert server.count("GET", "/v1/info") == 1 + client_module.GET_RETRIES
        assert server.count("POST", "/v1/checkstate") == 1
    assert post_s < 2.0 and get_s < 5.0  # the client's timeout was honoured


def test_non_json_answers_are_bad_responses():
    def script(method: str, path: str, n: int) -> Reply:
        if path == "/v1/info":
            return 200, b"<html>captive portal</html>", "text/html"
        if path == "/v1/keysets":
            return as_json(["not", "an", "object"])
        return 200, b"{truncated", "application/json"

    with local_server(script) as server:
        errs = failures(
            server.url, ProtocolError, lambda c: [c.info(), c.keysets(), c.checkstate([Y])]
        )
    assert [e.code for e, _ in errs] == ["mint.bad_response"] * 3
    assert server.count("GET", "/v1/info") == 1  # a bad 200 is not retried


def test_get_retried_once_after_5xx_then_succeeds():
    def script(method: str, path: str, n: int) -> Reply:
        return (503, b"busy", "text/plain") if n == 1 else as_json(INFO)

    with local_server(script) as server:

        async def body():
            async with open_client(server.url) as c:
                return await c.info()

        info = run(body())
        assert info.name == "stand-in" and info.supports(7)
        assert server.count("GET", "/v1/info") == 2


def test_get_gives_up_after_retries_and_post_is_never_retried():
    with local_server(lambda m, p, n: (502, b"bad gateway", "text/html")) as server:
        errs = failures(server.url, NetworkError, lambda c: [c.info(), c.swap([], [])])
        assert [e.code for e, _ in errs] == ["mint.server_error"] * 2
        assert server.count("GET", "/v1/info") == 1 + client_module.GET_RETRIES
        assert server.count("POST", "/v1/swap") == 1  # the swap may have happened: no replay
