"""Fuzzing the token and payment-request parsers: nothing but ValidationError may escape.

Inputs are random bytes and text, and above all *damaged real data*: the spec
vectors with characters flipped, inserted, deleted or cut off; their CBOR/JSON
decoded, one value swapped for something of another type, and re-encoded with
valid base64 / a valid Bech32m checksum so the damage reaches the structure
checks instead of stopping at the outer layer. Whatever parses must be
well-typed and survive a re-encoding round trip.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import cbor2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.core.cashu import bech32m
from pos_app.core.cashu.models import DLEQ, MAX_AMOUNT, Proof, Token
from pos_app.core.cashu.requests import (
    Nut10Option,
    PaymentRequest,
    Transport,
    decode_creqa,
    decode_creqb,
    encode_creqa,
    encode_creqb,
    parse_payment_request,
)
from pos_app.core.cashu.tokens import parse_token, serialize_token_raw, serialize_token_v4
from pos_app.core.errors import ValidationError
from tests.support.fuzzing import mutated_bytes, mutated_text, mutated_tree

VECTORS = Path(__file__).resolve().parent.parent / "vectors"


def _cases(name: str) -> list[dict[str, Any]]:
    return json.loads((VECTORS / name).read_text())["cases"]


# The two invalid V3 vectors (bad or missing prefix) are left out as seeds:
# mutating them rarely gets past the prefix check.
V3_STRINGS = [
    c.get("serialized") or c["expected_serialized"]
    for c in _cases("nut00_token_v3.json")
    if c.get("expected_valid", True)
]
V4_CASES = _cases("nut00_token_v4.json")
V4_STRINGS = [c["expected_serialized"] for c in V4_CASES if "expected_serialized" in c]
RAW_TOKENS = [bytes.fromhex(c["expected_raw_hex"]) for c in V4_CASES if "expected_raw_hex" in c]
CREQA = [c["encoded"] for c in _cases("nut18_payment_requests.json")]
CREQB = [c["encoded"] for c in _cases("nut26_payment_requests_bech32m.json")]
TOKEN_TEXTS = V3_STRINGS + V4_STRINGS
REQUEST_TEXTS = CREQA + CREQB

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    body = text.replace("+", "-").replace("/", "_").rstrip("=")
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


# Values a wallet might wrongly put anywhere in a CBOR token or request.
CBOR_LEAVES = st.one_of(
    st.none(),
    st.just(cbor2.undefined),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, 1, 2**63, 2**64 - 1, 2**64, -1]),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.binary(max_size=40),
    st.sampled_from(["sat", "P2PK", "HTLC", "nostr", "post", "https://m.example", "", "\x00"]),
    st.binary(min_size=33, max_size=33).map(lambda b: b"\x02" + b[1:]),
    st.binary(min_size=8, max_size=8),
)
CBOR_VALUES = st.recursive(
    CBOR_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from([*"tiapsucmdgwkre", "nut10", "x"]), inner, max_size=5),
    ),
    max_leaves=12,
)
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False),
        st.text(max_size=12),
        st.sampled_from(["sat", "009a1f293253e41e", "https://m.example", ""]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "token",
                    "mint",
                    "proofs",
                    "amount",
                    "id",
                    "secret",
                    "C",
                    "unit",
                    "memo",
                    "witness",
                    "dleq",
                    "e",
                    "s",
                    "r",
                ]
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=12,
)


V4_TREES = [cbor2.loads(_unb64(s[6:])) for s in V4_STRINGS]
V3_TREES = [json.loads(_unb64(s[6:])) for s in V3_STRINGS if s.startswith("cashuA")]
CREQA_TREES = [cbor2.loads(_unb64(s[5:])) for s in CREQA]
CREQB_PAYLOADS = [bech32m.decode(s)[1] for s in CREQB]


# -- checks on whatever parses --------------------------------------------------------


def check_token(token: Token) -> None:
    assert isinstance(token, Token)
    assert isinstance(token.mint, str) and token.mint.lower().startswith(("http://", "https://"))
    assert not token.mint.endswith("/")
    assert isinstance(token.unit, str) and token.unit
    assert token.memo is None or isinstance(token.memo, str)
    assert isinstance(token.proofs, tuple) and token.proofs
    for proof in token.proofs:
        assert isinstance(proof, Proof)
        assert type(proof.amount) is int and 0 < proof.amount < MAX_AMOUNT
        assert isinstance(proof.id, str) and len(proof.id) in (14, 16, 66)
        bytes.fromhex(proof.id)
        assert isinstance(proof.secret, str) and proof.secret
        assert isinstance(proof.C, str) and len(proof.C) == 66
        assert proof.witness is None or isinstance(proof.witness, str)
        assert proof.dleq is None or isinstance(proof.dleq, DLEQ)
    back = parse_token(serialize_token_v4(token))
    assert (back.mint, back.unit, back.memo) == (token.mint, token.unit, token.memo)
    assert sorted(back.proofs, key=lambda p: p.secret) == sorted(
        token.proofs, key=lambda p: p.secret
    )
    assert parse_token(serialize_token_raw(token)) == back


def _check_tags(tags: Any) -> None:
    assert isinstance(tags, tuple)
    for tag in tags:
        assert isinstance(tag, tuple) and tag and all(isinstance(x, str) for x in tag)


def check_request(request: PaymentRequest) -> None:
    assert isinstance(request, PaymentRequest)
    assert request.id is None or isinstance(request.id, str)
    assert request.amount is None or (
        type(request.amount) is int and 0 < request.amount < MAX_AMOUNT
    )
    assert request.amount is None or request.unit is not None
    assert request.unit is None or (isinstance(request.unit, str) and request.unit)
    assert request.single_use is None or type(request.single_use) is bool
    assert isinstance(request.mints, tuple) and all(isinstance(m, str) and m for m in request.mints)
    assert request.description is None or isinstance(request.description, str)
    assert isinstance(request.transports, tuple)
    for transport in request.transports:
        assert isinstance(transport, Transport)
        assert isinstance(transport.type, str) and isinstance(transport.target, str)
        _check_tags(transport.tags)
    if request.nut10 is not None:
        assert isinstance(request.nut10, Nut10Option)
        assert isinstance(request.nut10.kind, str) and isinstance(request.nut10.data, str)
        _check_tags(request.nut10.tags)
    json.dumps(request.to_dict())
    assert decode_creqa(encode_creqa(request)) == request
    try:
        compact = encode_creqb(request)
    except ValidationError:
        return
    again = decode_creqb(compact)
    assert encode_creqb(again) == compact


def try_token(text: Any) -> None:
    try:
        token = parse_token(text)
    except ValidationError as exc:
        assert exc.code in ("token.invalid", "token.empty", "token.multi_mint")
        assert exc.user_message
        return
    check_token(token)


def try_request(fn: Any, text: Any) -> None:
    try:
        request = fn(text)
    except ValidationError as exc:
        assert exc.code == "request.invalid"
        assert exc.user_message
        return
    check_request(request)


REQUEST_PARSERS = st.sampled_from([decode_creqa, decode_creqb, parse_payment_request])


# -- tokens ---------------------------------------------------------------------------


@FUZZ
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_token_random_input(data: bytes | str) -> None:
    try_token(data)


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=200).map(lambda b: "cashuB" + _b64(b)),
        st.binary(max_size=200).map(lambda b: "cashuA" + _b64(b)),
        st.binary(max_size=200).map(lambda b: b"crawB" + b),
        CBOR_VALUES.map(lambda v: "cashuB" + _b64(cbor2.dumps(v))),
        JSON_VALUES.map(lambda v: "cashuA" + _b64(json.dumps(v).encode())),
    )
)
def test_token_random_payloads(text: str | bytes) -> None:
    try_token(text)


@FUZZ
@given(mutated_text(TOKEN_TEXTS))
def test_token_mutated_strings(text: str) -> None:
    try_token(text)


@FUZZ
@given(mutated_bytes(RAW_TOKENS))
def test_token_mutated_raw(raw: bytes) -> None:
    try_token(raw)


@FUZZ
@given(mutated_tree(V4_TREES, CBOR_VALUES), st.booleans())
def test_token_retyped_cbor(tree: Any, raw: bool) -> None:
    data = cbor2.dumps(tree)
    try_token(b"crawB" + data if raw else "cashuB" + _b64(data))


@FUZZ
@given(mutated_tree(V3_TREES, JSON_VALUES, json_safe=True))
def test_token_retyped_json(tree: Any) -> None:
    try_token("cashuA" + _b64(json.dumps(tree).encode()))


@FUZZ
@given(mutated_bytes([_unb64(s[6:]) for s in V4_STRINGS]))
def test_token_mutated_cbor_bytes(data: bytes) -> None:
    try_token("cashuB" + _b64(data))


# -- requests -------------------------------------------------------------------------


@FUZZ
@given(
    REQUEST_PARSERS,
    st.one_of(st.text(max_size=300), st.binary(max_size=50), st.none(), st.integers()),
)
def test_request_random_input(fn: Any, text: Any) -> None:
    try_request(fn, text)


@FUZZ
@given(
    REQUEST_PARSERS,
    st.one_of(
        st.binary(max_size=200).map(lambda b: "creqA" + _b64(b)),
        st.binary(max_size=200).map(lambda b: bech32m.encode("creqb", b).upper()),
        CBOR_VALUES.map(lambda v: "creqA" + _b64(cbor2.dumps(v))),
    ),
)
def test_request_random_payloads(fn: Any, text: str) -> None:
    try_request(fn, text)


@FUZZ
@given(REQUEST_PARSERS, mutated_text(REQUEST_TEXTS))
def test_request_mutated_strings(fn: Any, text: str) -> None:
    try_request(fn, text)


@FUZZ
@given(mutated_tree(CREQA_TREES, CBOR_VALUES))
def test_request_retyped_cbor(tree: Any) -> None:
    try_request(parse_payment_request, "creqA" + _b64(cbor2.dumps(tree)))


@FUZZ
@given(mutated_bytes(CREQB_PAYLOADS), st.booleans())
def test_request_mutated_tlv(payload: bytes, upper: bool) -> None:
    text = bech32m.encode("creqb", payload)
    try_request(decode_creqb, text.upper() if upper else text)


def test_vectors_pass_the_same_checks() -> None:
    # The checks above must hold for the untouched vectors too, or the fuzz
    # tests would be vacuous.
    for text in TOKEN_TEXTS:
        check_token(parse_token(text))
    for raw in RAW_TOKENS:
        check_token(parse_token(raw))
    for text in REQUEST_TEXTS:
        check_request(parse_payment_request(text))
