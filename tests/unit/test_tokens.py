"""Token parsing and V4 serialization against the NUT-00 vectors and edge cases."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import cbor2
import pytest

from pos_app.core.cashu.models import DLEQ, Proof, Token
from pos_app.core.cashu.tokens import (
    parse_token,
    serialize_token_raw,
    serialize_token_v4,
)
from pos_app.core.errors import ValidationError

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
V3 = json.loads((VECTORS / "nut00_token_v3.json").read_text())["cases"]
V4 = json.loads((VECTORS / "nut00_token_v4.json").read_text())["cases"]
V4_STRINGS = [c for c in V4 if "expected_serialized" in c]
V4_RAW = next(c for c in V4 if c["kind"] == "raw_binary")

C1 = "02bc9097997d81afb2cc7346b5e4345a9346bd2a506eb7958598a72f0cf85163ea"
C2 = "029e8e5050b890a7d6c0968db16bc1d5d5fa040ea1de284f6ec69d61299f671059"
SHORT_V2_ID = "01a2b3c4d5e6f708"
FULL_V2_ID = "01" + "ab" * 32


def v3_view(token: Token) -> dict[str, Any]:
    """The token in the V3 JSON shape of the vectors."""
    out: dict[str, Any] = {
        "token": [{"mint": token.mint, "proofs": [p.to_dict() for p in token.proofs]}],
        "unit": token.unit,
    }
    if token.memo is not None:
        out["memo"] = token.memo
    return out


def v4_view(token: Token) -> dict[str, Any]:
    """The token in the V4 JSON shape of the vectors (bytes shown as hex)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for p in token.proofs:
        groups.setdefault(p.id, []).append({"a": p.amount, "s": p.secret, "c": p.C})
    out: dict[str, Any] = {"t": [{"i": i, "p": ps} for i, ps in groups.items()]}
    if token.memo is not None:
        out["d"] = token.memo
    out.update(m=token.mint, u=token.unit)
    return out


def cbor_from_vector_json(obj: dict[str, Any]) -> dict[str, Any]:
    """Turn the vector's hex display of t[].i and t[].p[].c back into bytes."""
    out = dict(obj)
    out["t"] = [
        {"i": bytes.fromhex(g["i"]), "p": [{**p, "c": bytes.fromhex(p["c"])} for p in g["p"]]}
        for g in obj["t"]
    ]
    return out


def cashu_b(obj: Any) -> str:
    return "cashuB" + base64.urlsafe_b64encode(cbor2.dumps(obj)).decode().rstrip("=")


def cashu_a(obj: Any) -> str:
    return "cashuA" + base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def proof(amount: int = 1, secret: str = "s1", kid: str = "009a1f293253e41e", **kw: Any) -> Proof:
    return Proof(amount=amount, id=kid, secret=secret, C=kw.pop("C", C1), **kw)


def base_v4(**overrides: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "t": [
            {
                "i": bytes.fromhex("009a1f293253e41e"),
                "p": [{"a": 2, "s": "x", "c": bytes.fromhex(C1)}],
            }
        ],
        "m": "https://mint.example",
        "u": "sat",
    }
    obj.update(overrides)
    return obj


def assert_invalid(text: Any, code: str = "token.invalid") -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_token(text)
    assert info.value.code == code, info.value
    assert info.value.user_message
    return info.value


# -- NUT-00 vectors ------------------------------------------------------------


@pytest.mark.parametrize("case", V3, ids=[c["name"] for c in V3])
def test_v3_vectors(case: dict[str, Any]) -> None:
    if case["kind"] == "serialize":
        # We never emit V3, so the serialize vector is checked by decoding its output.
        assert v3_view(parse_token(case["expected_serialized"])) == case["token_json"]
    elif not case["expected_valid"]:
        err = assert_invalid(case["serialized"])
        assert err.user_message == "This is not a Cashu token."
    else:
        expected = case.get("expected_token_json") or case["expected_token_json_derived"]
        assert v3_view(parse_token(case["serialized"])) == expected


def test_v3_padded_and_unpadded_agree() -> None:
    padded, unpadded = (c["serialized"] for c in V3 if "padding" in c["name"])
    assert padded.endswith("==") and not unpadded.endswith("=")
    assert parse_token(padded) == parse_token(unpadded)


@pytest.mark.parametrize("case", V4_STRINGS, ids=[c["name"] for c in V4_STRINGS])
def test_v4_vector_decodes(case: dict[str, Any]) -> None:
    assert v4_view(parse_token(case["expected_serialized"])) == case["token_json"]


@pytest.mark.parametrize("case", V4_STRINGS, ids=[c["name"] for c in V4_STRINGS])
def test_v4_vector_encodes_byte_exact(case: dict[str, Any]) -> None:
    # The spec's first string carries one '=' of padding, the second none; we
    # always emit unpadded base64url, so the comparison drops the padding.
    token = parse_token(case["expected_serialized"])
    assert serialize_token_v4(token) == case["expected_serialized"].rstrip("=")
    # The CBOR itself is byte-identical to the vector's JSON written in its key order.
    raw = serialize_token_raw(token)[5:]
    assert raw == cbor2.dumps(cbor_from_vector_json(case["token_json"]))


def test_v4_raw_vector() -> None:
    raw = bytes.fromhex(V4_RAW["expected_raw_hex"])
    assert raw[:5] == b"crawB"
    token = parse_token(raw)
    assert v4_view(token) == V4_RAW["token_json"]
    assert serialize_token_raw(token) == raw
    # Same token as the text form of the first V4 vector.
    assert token == parse_token(V4_STRINGS[0]["expected_serialized"])


# -- input variants ------------------------------------------------------------

TEXT = V4_STRINGS[1]["expected_serialized"]  # contains '-' and '_'


def _standard_alphabet(text: str) -> str:
    return text[:6] + text[6:].replace("-", "+").replace("_", "/")


@pytest.mark.parametrize(
    "variant",
    [
        "cashu:" + TEXT,
        "CASHU:" + TEXT,
        "Cashu://" + TEXT,
        "web+cashu://" + TEXT,
        "web+cashu:" + TEXT,
        "  \n" + TEXT + "\r\n ",
        TEXT + "==",  # over-long is tolerated as long as the data length works out
        _standard_alphabet(TEXT),
        "cashu:" + _standard_alphabet(TEXT) + "==",
        TEXT[:60] + "\n" + TEXT[60:],  # wrapped in an e-mail
        TEXT.encode(),
        bytearray(TEXT.encode()),
        memoryview(("cashu:" + TEXT).encode()),
    ],
)
def test_prefix_padding_alphabet_variants(variant: str | bytes) -> None:
    assert "+" in _standard_alphabet(TEXT) and "/" in _standard_alphabet(TEXT)
    assert parse_token(variant) == parse_token(TEXT)


def test_v3_standard_alphabet_and_scheme() -> None:
    text = next(c["serialized"] for c in V3 if c["name"] == "valid TokenV3")
    raw = base64.urlsafe_b64decode(text[6:] + "=" * (-len(text[6:]) % 4))
    std = "cashuA" + base64.b64encode(raw).decode()
    assert parse_token("cashu:" + std) == parse_token(text)


# -- round trips ---------------------------------------------------------------


def _rich_token() -> Token:
    dleq = DLEQ(e="aa" * 32, s="bb" * 32, r="cc" * 32)
    return Token(
        mint="https://mint.example/cashu",
        unit="usd",
        memo="Table 4",
        proofs=(
            proof(1, "a", FULL_V2_ID, dleq=dleq, witness='{"signatures":["00"]}'),
            proof(2, "b", SHORT_V2_ID, C=C2, dleq=DLEQ(e="11" * 32, s="22" * 32)),
            proof(4, "c", FULL_V2_ID),
            proof(2**63, '["P2PK",{"nonce":"1","data":"02"}]', "009a1f293253e41e"),
        ),
    )


def test_round_trip_keeps_everything() -> None:
    token = _rich_token()
    for encoded in (serialize_token_v4(token), serialize_token_raw(token)):
        back = parse_token(encoded)
        # Proofs come back grouped by keyset in first-seen order.
        assert [p.secret for p in back.proofs] == [
            "a",
            "c",
            "b",
            '["P2PK",{"nonce":"1","data":"02"}]',
        ]
        assert sorted(back.proofs, key=lambda p: p.secret) == sorted(
            token.proofs, key=lambda p: p.secret
        )
        assert (back.mint, back.unit, back.memo, back.amount) == (
            token.mint,
            "usd",
            "Table 4",
            token.amount,
        )


def test_short_and_full_ids_kept_as_written() -> None:
    back = parse_token(serialize_token_v4(_rich_token()))
    assert back.keyset_ids == (FULL_V2_ID, SHORT_V2_ID, "009a1f293253e41e")
    obj = cbor2.loads(serialize_token_raw(_rich_token())[5:])
    assert [len(g["i"]) for g in obj["t"]] == [33, 8, 8]


def test_v4_layout_key_order_and_types() -> None:
    obj = cbor2.loads(serialize_token_raw(_rich_token())[5:])
    assert list(obj) == ["t", "d", "m", "u"]
    first = obj["t"][0]["p"][0]
    assert list(first) == ["a", "s", "c", "d", "w"]
    assert isinstance(first["c"], bytes) and isinstance(first["w"], str)
    assert first["d"] == {"e": b"\xaa" * 32, "s": b"\xbb" * 32, "r": b"\xcc" * 32}
    assert list(obj["t"][1]["p"][0]["d"]) == ["e", "s"]  # no r when the proof has none


def test_include_dleq_false_drops_dleq() -> None:
    back = parse_token(serialize_token_v4(_rich_token(), include_dleq=False))
    assert all(p.dleq is None for p in back.proofs)
    assert back.proofs[0].witness == '{"signatures":["00"]}'


def test_no_memo_means_no_d_key() -> None:
    token = Token(mint="http://localhost:3338", unit="sat", proofs=(proof(),))
    obj = cbor2.loads(serialize_token_raw(token)[5:])
    assert list(obj) == ["t", "m", "u"]
    assert serialize_token_v4(token).startswith("cashuBo")  # a 3-entry map
    assert "=" not in serialize_token_v4(token)


def test_serializer_strips_trailing_slash_and_groups_case_insensitively() -> None:
    token = Token(
        mint="https://mint.example/",
        unit="sat",
        proofs=(proof(1, "a", "009A1F293253E41E"), proof(2, "b", "009a1f293253e41e")),
    )
    obj = cbor2.loads(serialize_token_raw(token)[5:])
    assert obj["m"] == "https://mint.example"
    assert len(obj["t"]) == 1


def test_serialize_rejects_empty_and_non_hex() -> None:
    with pytest.raises(ValidationError) as info:
        serialize_token_v4(Token(mint="https://m", unit="sat", proofs=()))
    assert info.value.code == "token.empty"
    with pytest.raises(ValidationError) as info:
        serialize_token_v4(Token(mint="https://m", unit="sat", proofs=(proof(C="zz"),)))
    assert info.value.code == "token.invalid"


# -- semantics -----------------------------------------------------------------


def test_v3_same_mint_entries_merge() -> None:
    p1 = {"amount": 1, "id": "009a1f293253e41e", "secret": "a", "C": C1}
    p2 = {"amount": 2, "id": "009a1f293253e41e", "secret": "b", "C": C2}
    token = parse_token(
        cashu_a(
            {
                "token": [
                    {"mint": "https://m.example/", "proofs": [p1]},
                    {"mint": "https://m.example", "proofs": [p2]},
                ]
            }
        )
    )
    assert token.mint == "https://m.example"
    assert token.amount == 3 and token.unit == "sat" and token.memo is None


def test_v3_several_mints_rejected() -> None:
    p1 = {"amount": 1, "id": "009a1f293253e41e", "secret": "a", "C": C1}
    p2 = {"amount": 2, "id": "009a1f293253e41e", "secret": "b", "C": C2}
    err = assert_invalid(
        cashu_a(
            {
                "token": [
                    {"mint": "https://a.example", "proofs": [p1]},
                    {"mint": "https://b.example", "proofs": [p2]},
                ]
            }
        ),
        "token.multi_mint",
    )
    assert "several mints" in err.user_message


def test_v3_entry_without_proofs_does_not_count_as_second_mint() -> None:
    p1 = {"amount": 1, "id": "009a1f293253e41e", "secret": "a", "C": C1}
    token = parse_token(
        cashu_a(
            {
                "token": [
                    {"mint": "https://a.example", "proofs": [p1]},
                    {"mint": "https://b.example", "proofs": []},
                ],
                "unit": "usd",
            }
        )
    )
    assert token.mint == "https://a.example" and token.unit == "usd"


def test_v3_witness_object_becomes_json_string() -> None:
    p1 = {
        "amount": 1,
        "id": "009a1f293253e41e",
        "secret": "a",
        "C": C1,
        "witness": {"signatures": ["ab"]},
    }
    token = parse_token(cashu_a({"token": [{"mint": "https://a.example", "proofs": [p1]}]}))
    assert token.proofs[0].witness == '{"signatures":["ab"]}'


def test_v4_trailing_slashes_stripped_and_undefined_memo_is_absent() -> None:
    token = parse_token(cashu_b(base_v4(m="https://mint.example/path//", d=cbor2.undefined)))
    assert token.mint == "https://mint.example/path"
    assert token.memo is None


def test_v4_unknown_keys_ignored() -> None:
    obj = base_v4(x=1)
    obj["t"][0]["p"][0]["pe"] = b"\x02" * 33  # NUT-28 p2pk_e: not modelled, dropped
    obj["t"][0]["z"] = "?"
    assert parse_token(cashu_b(obj)).amount == 2


@pytest.mark.parametrize(
    ("obj", "code"),
    [
        (base_v4(t=[]), "token.empty"),
        (base_v4(t=[{"i": b"\x00" * 8, "p": []}]), "token.empty"),
        (base_v4(m=None), "token.invalid"),
        (base_v4(u=None), "token.invalid"),
        (base_v4(u=""), "token.invalid"),
        (base_v4(m="ftp://mint.example"), "token.invalid"),
        (base_v4(m="mint.example"), "token.invalid"),
        (base_v4(m="https:// mint"), "token.invalid"),
        (base_v4(m=b"https://mint.example"), "token.invalid"),
        (base_v4(d=5), "token.invalid"),
        (base_v4(t={}), "token.invalid"),
        (base_v4(t=[{"i": "009a1f293253e41e", "p": []}]), "token.invalid"),
        (
            base_v4(t=[{"i": b"\x00" * 5, "p": [{"a": 1, "s": "x", "c": bytes.fromhex(C1)}]}]),
            "token.invalid",
        ),
        (
            base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": True, "s": "x", "c": bytes.fromhex(C1)}]}]),
            "token.invalid",
        ),
        (
            base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": 0, "s": "x", "c": bytes.fromhex(C1)}]}]),
            "token.invalid",
        ),
        (
            base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": 2**64, "s": "x", "c": bytes.fromhex(C1)}]}]),
            "token.invalid",
        ),
        (
            base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": 1.0, "s": "x", "c": bytes.fromhex(C1)}]}]),
            "token.invalid",
        ),
        (
            base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": 1, "s": "", "c": bytes.fromhex(C1)}]}]),
            "token.invalid",
        ),
        (
            base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": 1, "s": b"x", "c": bytes.fromhex(C1)}]}]),
            "token.invalid",
        ),
        (base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": 1, "s": "x", "c": C1}]}]), "token.invalid"),
        (
            base_v4(t=[{"i": b"\x00" * 8, "p": [{"a": 1, "s": "x", "c": b"\x04" + b"\x00" * 32}]}]),
            "token.invalid",
        ),
        (
            base_v4(
                t=[{"i": b"\x00" * 8, "p": [{"a": 1, "s": "x", "c": bytes.fromhex(C1), "w": {}}]}]
            ),
            "token.invalid",
        ),
        (
            base_v4(
                t=[
                    {
                        "i": b"\x00" * 8,
                        "p": [{"a": 1, "s": "x", "c": bytes.fromhex(C1), "d": {"e": b"1"}}],
                    }
                ]
            ),
            "token.invalid",
        ),
        (
            base_v4(
                t=[
                    {
                        "i": b"\x00" * 8,
                        "p": [
                            {
                                "a": 1,
                                "s": "x",
                                "c": bytes.fromhex(C1),
                                "d": {"e": "aa" * 32, "s": "bb" * 32},
                            }
                        ],
                    }
                ]
            ),
            "token.invalid",
        ),
        (
            base_v4(
                t=[
                    {
                        "i": b"\x00" * 8,
                        "p": [
                            {"a": 1, "s": "x", "c": bytes.fromhex(C1)},
                            {"a": 2, "s": "x", "c": bytes.fromhex(C2)},
                        ],
                    }
                ]
            ),
            "token.invalid",
        ),
        ([1, 2], "token.invalid"),
        ("just text", "token.invalid"),
    ],
)
def test_v4_structure_errors(obj: Any, code: str) -> None:
    assert_invalid(cashu_b(obj), code)


def test_duplicate_secret_message() -> None:
    p = {"a": 1, "s": "x", "c": bytes.fromhex(C1)}
    err = assert_invalid(
        cashu_b(base_v4(t=[{"i": b"\x00" * 8, "p": [p]}, {"i": b"\x01" * 8, "p": [p]}]))
    )
    assert "same coin twice" in err.user_message


@pytest.mark.parametrize(
    ("obj", "code"),
    [
        ({"token": []}, "token.empty"),
        ({"token": [{"mint": "https://a.example", "proofs": []}]}, "token.empty"),
        ({}, "token.invalid"),
        ({"token": {}}, "token.invalid"),
        ({"token": [{"proofs": []}]}, "token.invalid"),
        ({"token": [{"mint": "https://a.example", "proofs": [{"amount": 1}]}]}, "token.invalid"),
        (
            {
                "token": [
                    {
                        "mint": "https://a.example",
                        "proofs": [{"amount": 1, "id": "zz", "secret": "a", "C": C1}],
                    }
                ]
            },
            "token.invalid",
        ),
        (
            {
                "token": [
                    {
                        "mint": "https://a.example",
                        "proofs": [
                            {"amount": 1, "id": "009a1f293253e41e", "secret": "\ud800", "C": C1}
                        ],
                    }
                ]
            },
            "token.invalid",
        ),
        (
            {
                "token": [
                    {
                        "mint": "https://a.example",
                        "proofs": [{"amount": 1, "id": "009a1f293253e41e", "secret": "a", "C": C1}],
                    }
                ],
                "unit": 5,
            },
            "token.invalid",
        ),
        (
            {
                "token": [
                    {
                        "mint": "https://a.example",
                        "proofs": [{"amount": 1, "id": "009a1f293253e41e", "secret": "a", "C": C1}],
                    }
                ],
                "memo": ["x"],
            },
            "token.invalid",
        ),
        ([], "token.invalid"),
        ("cashu", "token.invalid"),
    ],
)
def test_v3_structure_errors(obj: Any, code: str) -> None:
    assert_invalid(cashu_a(obj), code)


def test_v3_duplicate_json_key_rejected() -> None:
    body = b'{"token": [], "token": [{"mint": "https://a.example", "proofs": []}]}'
    assert_invalid("cashuA" + base64.urlsafe_b64encode(body).decode())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "This is not a Cashu token."),
        ("   ", "This is not a Cashu token."),
        ("cashu", "This is not a Cashu token."),
        ("cashu:", "This is not a Cashu token."),
        ("lnbc10u1p3xyz", "This is not a Cashu token."),
        ("creqAo2FpaDdm", "This is not a Cashu token."),
        ("CASHUB" + TEXT[6:], "This is not a Cashu token."),
        (
            "cashuC" + TEXT[6:],
            "This Cashu token format is not supported; ask the customer for a cashuB token.",
        ),
        ("cashuB", "This token is damaged or incomplete; ask the customer to show it again."),
        (TEXT[:-10], "This token is damaged or incomplete; ask the customer to show it again."),
        (TEXT + "A", "This token is damaged or incomplete; ask the customer to show it again."),
        (TEXT + "AA", "This token is damaged or incomplete; ask the customer to show it again."),
        (
            TEXT[:40] + "!" + TEXT[41:],
            "This token is damaged or incomplete; ask the customer to show it again.",
        ),
        (
            TEXT[:40] + "=" + TEXT[41:],
            "This token is damaged or incomplete; ask the customer to show it again.",
        ),
        ("cashuBé", "This token is damaged or incomplete; ask the customer to show it again."),
        ("cashuAeyJ0b2tlbiI6W119", "This token contains no ecash."),
    ],
)
def test_bad_text(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_token(text)
    assert info.value.user_message == message
    assert info.value.code in ("token.invalid", "token.empty")


def test_trailing_cbor_bytes_rejected() -> None:
    raw = cbor2.dumps(base_v4()) + b"\x00"
    assert_invalid("cashuB" + base64.urlsafe_b64encode(raw).decode())
    assert_invalid(b"crawB" + raw)


@pytest.mark.parametrize(
    "raw",
    [
        b"crawA" + cbor2.dumps(base_v4()),
        b"craw",
        b"crawB",
        b"crawB\xff",
        b"\xff\xfe\x00",
        b"crawB" + cbor2.dumps(cbor2.CBORTag(55799, base_v4())),  # tags are refused
        b"crawB" + cbor2.dumps({"m": "https://a", "m ": 1}),
        b"crawB" + bytes.fromhex("a26161016161 02".replace(" ", "")),  # duplicate map key
        b"crawB" + b"\x81" * 64,  # nested too deep
    ],
)
def test_bad_raw(raw: bytes) -> None:
    assert_invalid(raw)


@pytest.mark.parametrize("value", [None, 5, 1.5, ["cashuB"], {"t": []}])
def test_non_text_input(value: Any) -> None:
    assert_invalid(value)


def test_error_detail_is_technical_and_message_is_for_cashier() -> None:
    err = assert_invalid(cashu_b(base_v4(u=None)))
    assert "'u'" in err.detail
    assert err.to_dict()["category"] == "validation"
