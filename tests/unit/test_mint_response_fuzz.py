"""Fuzzing what a mint answers: nothing but a typed PosError may come out of the client.

Seeds are real answers of nutshell 0.21.0 (``tests/vectors``), each served back
to :class:`MintClient` through an in-process transport after one to three values
of its JSON were replaced, deleted, retyped or wrapped, or as raw damaged bytes,
with its own HTTP status or another one. A 200 answer may only fail as a protocol
or validation error; a 4xx as the mint's refusal; a 5xx as a network error.
Whatever parses must be well-typed and within range.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.core.cashu.models import MAX_AMOUNT, BlindedMessage, BlindSignature, Keyset, Proof
from pos_app.core.errors import Category, PosError
from pos_app.core.mint import client as client_module
from pos_app.core.mint.client import MintClient
from pos_app.core.mint.models import MeltQuote, MintInfo, MintQuote, ProofState
from tests.support.fuzzing import mutated_bytes, mutated_tree

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
LIVE = json.loads((VECTORS / "nutshell_0_21_0_live_responses.json").read_text())["cases"]
URL = "http://mint.test"
INFO = {
    "name": "Fuzz mint",
    "pubkey": "0296d0aa13b6a31cf0cd974249f28c7b7176d7274712c95a41c7d8066d3f29d679",
    "version": "Nutshell/0.21.0",
    "description": "seed",
    "nuts": {
        "4": {"methods": [{"method": "bolt11", "unit": "sat"}], "disabled": False},
        "5": {"methods": [{"method": "bolt11", "unit": "sat"}], "disabled": False},
        "7": {"supported": True},
        "12": {"supported": True},
    },
}
SEEDS = [{"path": "/v1/info", "status": 200, "body": INFO, "request": None}] + [
    {
        "path": c["request"]["path"],
        "status": c["http_status"],
        "body": c["response"],
        "request": c["request"]["body"],
    }
    for c in LIVE
]
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(),
        st.text(max_size=12),
        st.sampled_from(["PAID", "UNPAID", "PENDING", "SPENT", "ISSUED", "sat", "", "²", "1"]),
        st.sampled_from([INFO["pubkey"], "02" + "00" * 32, "00ffffffffffffff", "0" * 64]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["amount", "id", "C_", "keys", "1", "²", "state", "Y", "quote"]),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=10,
)


@pytest.fixture(autouse=True, scope="module")
def no_retries():
    # A 5xx is retried after a pause; one try says the same and keeps the fuzzing fast.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(client_module, "GET_RETRIES", 0)
        yield


async def _call(seed: Mapping[str, Any], client: MintClient) -> Any:
    path, body = seed["path"], seed["request"] or {}
    if path == "/v1/info":
        return await client.info(retry=False)
    if path == "/v1/keysets":
        return await client.keysets(retry=False)
    if path.startswith("/v1/keys/"):
        return await client.keys(path.rsplit("/", 1)[1])
    if path.startswith("/v1/mint/quote/bolt11/"):
        return await client.mint_quote_state(path.rsplit("/", 1)[1])
    if path.startswith("/v1/melt/quote/bolt11/"):
        return await client.melt_quote_state(path.rsplit("/", 1)[1])
    if path == "/v1/mint/quote/bolt11":
        return await client.mint_quote(body["amount"], body["unit"])
    if path == "/v1/melt/quote/bolt11":
        return await client.melt_quote(body["request"], body["unit"])
    outputs = [BlindedMessage.from_dict(o) for o in body.get("outputs") or ()]
    inputs = [Proof.from_dict(p) for p in body.get("inputs") or ()]
    if path == "/v1/mint/bolt11":
        return await client.mint(body["quote"], outputs)
    if path == "/v1/swap":
        return await client.swap(inputs, outputs)
    if path == "/v1/melt/bolt11":
        return await client.melt(body["quote"], inputs, outputs)
    if path == "/v1/checkstate":
        return await client.checkstate(body["Ys"])
    if path == "/v1/restore":
        return await client.restore(outputs)
    raise AssertionError(f"no call for {path}")


def serve(seed: Mapping[str, Any], status: int, content: bytes) -> Any:
    """Call the seed's endpoint against a mint that answers ``status`` and ``content``."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content)

    async def go() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        client = MintClient(URL, http, owns_http=True)
        try:
            return await _call(seed, client)
        finally:
            await client.aclose()

    return asyncio.run(go())


def _check_signature(sig: Any) -> None:
    assert isinstance(sig, BlindSignature)
    assert type(sig.amount) is int and 0 <= sig.amount < MAX_AMOUNT
    assert isinstance(sig.C_, str) and len(sig.C_) == 66


def check_result(result: Any) -> None:
    """Whatever a call returns is well-typed."""
    if isinstance(result, list):
        for item in result:
            check_result(item)
    elif isinstance(result, tuple):  # restore pairs
        output, sig = result
        assert isinstance(output, BlindedMessage)
        _check_signature(sig)
    elif isinstance(result, BlindSignature):
        _check_signature(result)
    elif isinstance(result, Keyset):
        assert isinstance(result.unit, str) and type(result.active) is bool
        assert type(result.input_fee_ppk) is int and result.input_fee_ppk >= 0
        assert all(type(a) is int and a > 0 and not a & (a - 1) for a in result.keys)
    elif isinstance(result, MintInfo):
        assert isinstance(result.name, str) and isinstance(result.nuts, Mapping)
        for nut in (4, 5, 7, 12):
            assert type(result.supports(nut)) is bool
            assert all(isinstance(u, str) for u in result.units(nut))
    elif isinstance(result, ProofState):
        assert result.state in ("UNSPENT", "PENDING", "SPENT")
        assert isinstance(result.Y, str) and len(result.Y) == 66
    elif isinstance(result, MeltQuote):
        assert result.state in ("UNPAID", "PENDING", "PAID")
        assert isinstance(result.quote, str) and isinstance(result.unit, str)
        assert type(result.amount) is int and 0 < result.amount < MAX_AMOUNT
        assert type(result.fee_reserve) is int and 0 <= result.fee_reserve < MAX_AMOUNT
        assert result.payment_preimage is None or isinstance(result.payment_preimage, str)
        for sig in result.change:
            _check_signature(sig)
    elif isinstance(result, MintQuote):
        assert result.state in ("UNPAID", "PAID", "ISSUED")
        assert isinstance(result.quote, str) and isinstance(result.request, str)
        assert result.amount is None or (type(result.amount) is int and result.amount > 0)
    else:
        raise AssertionError(f"unexpected result {result!r}")


def attempt(seed: Mapping[str, Any], status: int, content: bytes) -> None:
    try:
        result = serve(seed, status, content)
    except PosError as exc:
        assert exc.user_message and exc.code
        if status >= 500:
            assert exc.category == Category.NETWORK, exc
        elif status >= 400:
            assert exc.category != Category.INTERNAL, exc
        else:
            assert exc.category in (Category.PROTOCOL, Category.VALIDATION), exc
        return
    assert status < 400, f"HTTP {status} gave a result"
    check_result(result)


STATUSES = st.one_of(st.sampled_from([200, 200, 200, 201, 400, 404, 429, 500, 503]), st.none())


@FUZZ
@given(st.sampled_from(SEEDS), st.data())
def test_mutated_json_answers(seed, data):
    tree = data.draw(mutated_tree([seed["body"]], JSON_VALUES, json_safe=True))
    status = data.draw(STATUSES) or seed["status"]
    attempt(seed, status, json.dumps(tree).encode())


@FUZZ
@given(st.sampled_from(SEEDS), st.data())
def test_damaged_bytes(seed, data):
    content = data.draw(mutated_bytes([json.dumps(seed["body"]).encode()]))
    attempt(seed, data.draw(STATUSES) or seed["status"], content)


@FUZZ
@given(
    st.sampled_from(SEEDS),
    st.one_of(
        st.binary(max_size=200),
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        st.sampled_from([b"", b"null", b"[]", b"{}", b"NaN", b"[" * 5000, b'{"a":' * 3000]),
    ),
)
def test_random_answers(seed, content):
    attempt(seed, 200, content)


def test_the_seeds_themselves_pass_the_checks():
    # The live answers parse (200) or are refusals (4xx); otherwise the fuzz is vacuous.
    outcomes = {"ok": 0, "refused": 0}
    for seed in SEEDS:
        attempt(seed, seed["status"], json.dumps(seed["body"]).encode())
        try:
            serve(seed, seed["status"], json.dumps(seed["body"]).encode())
            outcomes["ok"] += 1
        except PosError:
            outcomes["refused"] += 1
    assert outcomes["ok"] >= 15 and outcomes["refused"] >= 8, outcomes


# -- the models on their own: more examples reach each field --------------------------------

OK = [s for s in SEEDS if s["status"] == 200]
MODELS = {
    "info": (MintInfo.from_dict, [INFO]),
    "melt": (MeltQuote.from_dict, [s["body"] for s in OK if "/melt/" in s["path"]]),
    "mint": (MintQuote.from_dict, [s["body"] for s in OK if "/mint/quote" in s["path"]]),
    "state": (
        ProofState.from_dict,
        [st_ for s in OK if s["path"] == "/v1/checkstate" for st_ in s["body"]["states"]],
    ),
    "keyset": (
        lambda d: Keyset.from_dict(d, "mint.bad_response"),
        [k for s in OK if s["path"].startswith("/v1/keys") for k in s["body"]["keysets"]],
    ),
}


@FUZZ
@given(st.sampled_from(sorted(MODELS)), st.data())
def test_mutated_model_fields(name, data):
    parse, seeds = MODELS[name]
    tree = data.draw(mutated_tree(seeds, JSON_VALUES))
    try:
        result = parse(tree)
    except PosError as exc:
        assert exc.category in (Category.PROTOCOL, Category.VALIDATION), exc
        assert exc.code in ("mint.bad_response", "keyset.invalid"), exc.code
        return
    check_result(result)


WRONG = [
    *(None, True, 0, -1, 2**64, 1.5, float("nan"), "", "x", "SPENT", "²", [], {}, ["PAID"]),
    {"²": INFO["pubkey"]},
    {"3": INFO["pubkey"]},
    {"1": "zz"},
    {"supported": "yes", "methods": [{"unit": 1}]},
]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_field_with_every_wrong_value(name):
    parse, seeds = MODELS[name]
    tried = 0
    for seed in seeds[:3]:
        for key in seed:
            for value in WRONG:
                tried += 1
                try:
                    result = parse({**seed, key: value})
                except PosError as exc:
                    assert exc.category in (Category.PROTOCOL, Category.VALIDATION), exc
                    continue
                check_result(result)
    assert tried >= len(WRONG)
