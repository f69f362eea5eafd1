"""Fuzzing LNURL-pay, LUD-21 and exchange-rate bodies: only their typed refusals may escape.

The seeds are well-formed answers (a payRequest, a callback answer carrying a
real signed BOLT11 invoice, a LUD-21 verify answer, rate bodies in the shapes
of common sources), damaged one to three values at a time or byte by byte, and
served through an in-process transport. An LNURL body may fail only as
``lightning.bad_response``/``lightning.address_invalid``, or as the mismatch a
hostile body is (``lightning.invoice_mismatch``/``lightning.preimage_mismatch``);
a rate body only makes the source fail (``rate.unavailable`` when it was the
only one). Whatever parses is well-typed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from decimal import Decimal
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.core.cashu.bech32m import Variant
from pos_app.core.cashu.bech32m import encode as bech32_encode
from pos_app.core.errors import PosError
from pos_app.core.payments.lnurl import (
    Invoice,
    LightningAddress,
    PayParams,
    VerifyResult,
    resolve_address,
)
from pos_app.core.payments.rates import MAX_BTC_PRICE, MIN_BTC_PRICE, Rate, RateService
from tests.support.fuzzing import mutated_bytes, mutated_text, mutated_tree
from tests.support.lnurlserver import LnurlServer

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PAY_URL = "https://pay.example/.well-known/lnurlp/shop"
METADATA = json.dumps([["text/plain", "Coffee shop"], ["text/identifier", "shop@pay.example"]])
PREIMAGE = "5e" * 32
PAYMENT_HASH = hashlib.sha256(bytes.fromhex(PREIMAGE)).hexdigest()
AMOUNT_SAT = 21
# A real signed invoice for exactly 21 sat committing to METADATA (the seed callback answer).
BOLT11 = LnurlServer().make_invoice(
    AMOUNT_SAT * 1000,
    PAYMENT_HASH,
    description_hash=hashlib.sha256(METADATA.encode()).hexdigest(),
    expiry=10 * 365 * 24 * 3600,
)
PAY_REQUEST = {
    "tag": "payRequest",
    "callback": "https://pay.example/lnurlp/shop/callback",
    "minSendable": 1000,
    "maxSendable": 100_000_000_000,
    "metadata": METADATA,
    "commentAllowed": 32,
}
PARAMS = PayParams(
    callback=PAY_REQUEST["callback"],
    min_sendable=1000,
    max_sendable=100_000_000_000,
    metadata=METADATA,
    comment_allowed=32,
)
# The verify URL carries no 64-hex id: a damaged one is logged as unusable, and the
# session's log scan (tests/test_log_scan.py) takes any 64-hex string for a secret.
CALLBACK = {"pr": BOLT11, "routes": [], "verify": "https://pay.example/verify/invoice-21"}
VERIFY = {"status": "OK", "settled": True, "preimage": PREIMAGE, "pr": BOLT11}
INVOICE = Invoice(
    bolt11=BOLT11,
    payment_hash=PAYMENT_HASH,
    amount_sat=AMOUNT_SAT,
    verify_url=CALLBACK["verify"],
    description_hash=PARAMS.metadata_hash,
)
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(),
        st.text(max_size=12),
        st.sampled_from(
            ["ERROR", "OK", "payRequest", "http://evil.example/cb", "00" * 32, BOLT11[:-1], ""]
        ),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["status", "reason", "pr", "price", "tag"]), inner),
    ),
    max_leaves=8,
)
STATUSES = st.sampled_from([200, 200, 200, 200, 201, 302, 400, 404, 500])


def _serve(status: int, content: bytes, call: Any) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content)

    async def go() -> Any:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            return await call(http)

    return asyncio.run(go())


# -- LNURL-pay and LUD-21 -----------------------------------------------------------------------

LNURL_CODES = {
    "params": {"lightning.bad_response", "lightning.address_invalid"},
    "invoice": {"lightning.bad_response", "lightning.invoice_mismatch"},
    "verify": {
        "lightning.bad_response",
        "lightning.invoice_mismatch",
        "lightning.preimage_mismatch",
    },
}
LNURL_SEEDS = {"params": PAY_REQUEST, "invoice": CALLBACK, "verify": VERIFY}


def lnurl_call(kind: str, http: httpx.AsyncClient) -> Any:
    address = LightningAddress(http, PAY_URL, clock=lambda: 1_800_000_000)
    if kind == "params":
        return address.params()
    if kind == "invoice":
        return address.invoice(AMOUNT_SAT, "thanks", params=PARAMS)
    return address.verify(INVOICE)


def check_lnurl(kind: str, status: int, content: bytes) -> None:
    try:
        result = _serve(status, content, lambda http: lnurl_call(kind, http))
    except PosError as exc:
        allowed = LNURL_CODES[kind] | ({"lightning.unreachable"} if status >= 500 else set())
        assert exc.code in allowed, (exc.code, exc.detail)
        assert exc.user_message
        return
    assert status == 200
    if kind == "params":
        assert isinstance(result, PayParams)
        assert type(result.min_sendable) is int and result.min_sendable >= 1
        assert type(result.max_sendable) is int and result.min_sendable <= result.max_sendable
        assert type(result.comment_allowed) is int and result.comment_allowed >= 0
        assert isinstance(result.metadata, str) and isinstance(result.description, str)
        assert result.callback.startswith("https://")
    elif kind == "invoice":
        assert isinstance(result, Invoice)
        assert result.amount_sat == AMOUNT_SAT and result.payment_hash == PAYMENT_HASH
        assert result.description_hash == PARAMS.metadata_hash
        assert result.verify_url is None or result.verify_url.startswith("https://")
    else:
        assert isinstance(result, VerifyResult)
        assert type(result.settled) is bool and type(result.proven) is bool
        assert not result.proven or result.preimage == PREIMAGE


@FUZZ
@given(st.sampled_from(sorted(LNURL_SEEDS)), st.data())
def test_lnurl_mutated_bodies(kind, data):
    tree = data.draw(mutated_tree([LNURL_SEEDS[kind]], JSON_VALUES, json_safe=True))
    check_lnurl(kind, data.draw(STATUSES), json.dumps(tree).encode())


@FUZZ
@given(st.sampled_from(sorted(LNURL_SEEDS)), st.data())
def test_lnurl_damaged_bytes(kind, data):
    content = data.draw(mutated_bytes([json.dumps(LNURL_SEEDS[kind]).encode()]))
    check_lnurl(kind, 200, content)


@FUZZ
@given(
    st.sampled_from(sorted(LNURL_SEEDS)),
    st.one_of(
        st.binary(max_size=100),
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        st.sampled_from(
            [b"[" * 5000, b'{"tag": "payRequest", "commentAllowed": Infinity}', b"NaN"]
        ),
    ),
)
def test_lnurl_random_bodies(kind, content):
    check_lnurl(kind, 200, content)


def test_lnurl_special_values_of_each_field():
    for kind, seed in LNURL_SEEDS.items():
        for key in seed:
            for value in (None, True, -1, 0, 1.5, 2**70, float("inf"), "", [], {}, "[" * 3000):
                check_lnurl(kind, 200, json.dumps({**seed, key: value}).encode())
    # The untouched seeds succeed, or the checks above prove nothing.
    params = _serve(200, json.dumps(PAY_REQUEST).encode(), lambda h: lnurl_call("params", h))
    assert params.description == "Coffee shop"
    invoice = _serve(200, json.dumps(CALLBACK).encode(), lambda h: lnurl_call("invoice", h))
    assert invoice.payment_hash == PAYMENT_HASH
    verified = _serve(200, json.dumps(VERIFY).encode(), lambda h: lnurl_call("verify", h))
    assert verified.proven and verified.paid


ADDRESSES = [
    "shop@pay.example",
    PAY_URL,
    "lnurlp://pay.example/lnurlp/shop",
    "lightning:" + bech32_encode("lnurl", PAY_URL.encode(), Variant.BECH32).upper(),
    "shop@127.0.0.1:8080",
]


@FUZZ
@given(st.one_of(mutated_text(ADDRESSES), st.text(max_size=80)))
def test_lightning_addresses(text):
    try:
        url = resolve_address(text)
    except PosError as exc:
        assert exc.code == "lightning.address_invalid"
        return
    assert url.lower().startswith(("https://", "http://"))


# -- exchange rates -----------------------------------------------------------------------------

RATE_SEEDS = [
    ("data.amount", {"data": {"base": "BTC", "currency": "USD", "amount": "43210.57"}}),
    ("bitcoin.{currency}", {"bitcoin": {"usd": 43210.57}}),
    ("result.XXBTZUSD.c.0", {"result": {"XXBTZUSD": {"c": ["43210.10000", "0.01"]}}}),
    ("0.price", [{"symbol": "BTCUSD", "price": 43210}]),
    ("", "43210.5"),
]


def check_rate(path: str, status: int, content: bytes) -> None:
    sources = [{"url": "https://rates.example/{currency}", "path": path}]

    async def call(http: httpx.AsyncClient) -> Rate:
        service = RateService(http, sources, None, 60, clock=lambda: 1000.0)
        return await service.rate("usd")

    try:
        rate = _serve(status, content, call)
    except PosError as exc:
        assert exc.code == "rate.unavailable", exc.code
        return
    assert status == 200
    assert isinstance(rate.btc_price, Decimal) and rate.btc_price.is_finite()
    assert MIN_BTC_PRICE <= rate.btc_price <= MAX_BTC_PRICE
    assert rate.currency == "USD"
    # A locked rate is stored with the sale and read back.
    assert Rate.from_dict(json.loads(json.dumps(rate.to_dict()))) == rate


@FUZZ
@given(st.sampled_from(RATE_SEEDS), st.data())
def test_rate_mutated_bodies(seed, data):
    path, body = seed
    tree = data.draw(mutated_tree([body], JSON_VALUES, json_safe=True)) if body else body
    check_rate(path, data.draw(STATUSES), json.dumps(tree).encode())


@FUZZ
@given(st.sampled_from(RATE_SEEDS), st.data())
def test_rate_damaged_bytes(seed, data):
    path, body = seed
    check_rate(path, 200, data.draw(mutated_bytes([json.dumps(body).encode()])))


@FUZZ
@given(
    st.sampled_from([p for p, _ in RATE_SEEDS]),
    st.one_of(
        st.binary(max_size=100),
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        st.sampled_from([b"NaN", b"Infinity", b"1e999999", b"9" * 5000, b"[" * 5000]),
    ),
)
def test_rate_random_bodies(path, content):
    check_rate(path, 200, content)


@FUZZ
@given(
    mutated_tree(
        [Rate("USD", Decimal("43210.5"), "https://rates.example", 1000.0).to_dict()],
        st.one_of(JSON_VALUES, st.just(10**400), st.just(float("inf"))),
    )
)
def test_stored_rates(tree):
    try:
        rate = Rate.from_dict(tree)
    except PosError as exc:
        assert exc.code == "rate.invalid"
        return
    assert MIN_BTC_PRICE <= rate.btc_price <= MAX_BTC_PRICE


def test_rate_seeds_parse():
    for path, body in RATE_SEEDS:
        check_rate(path, 200, json.dumps(body).encode())

        async def call(http: httpx.AsyncClient, path: str = path) -> Rate:
            sources = [{"url": "https://rates.example/{currency}", "path": path}]
            return await RateService(http, sources, None, 60).rate("usd")

        assert _serve(200, json.dumps(body).encode(), call).btc_price > 40000
