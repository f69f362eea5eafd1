"""Every token refusal: its code, the cashier's message and the detail that names the cause.

The cashier sees the message and must be told the right next step (show the token again,
use a cashuB token, one token per mint). The detail goes to the log and the CLI's JSON; it
must name what was wrong (which field, which version byte) so a support person can tell a
damaged scan from a wallet bug without the token itself.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import cbor2
import pytest

from pos_app.core.cashu.models import DLEQ, Proof, Token
from pos_app.core.cashu.tokens import (
    MSG_BAD_MINT,
    MSG_DAMAGED,
    MSG_DUPLICATE,
    MSG_EMPTY,
    MSG_MULTI_MINT,
    MSG_NOT_CASHU,
    MSG_UNSUPPORTED,
    is_utf8_safe,
    normalize_mint_url,
    parse_token,
    serialize_token_raw,
    serialize_token_v4,
    token_version,
)
from pos_app.core.errors import ValidationError

C1 = "02bc9097997d81afb2cc7346b5e4345a9346bd2a506eb7958598a72f0cf85163ea"
C2 = "029e8e5050b890a7d6c0968db16bc1d5d5fa040ea1de284f6ec69d61299f671059"
KID = "009a1f293253e41e"
MINT = "https://mint.example"


def cashu_a(obj: Any) -> str:
    return "cashuA" + base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def cashu_b(obj: Any) -> str:
    return "cashuB" + base64.urlsafe_b64encode(cbor2.dumps(obj)).decode().rstrip("=")


# In the builders below, a field given as ``...`` is left out of the token entirely.
def v3_proof(**changes: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"amount": 1, "id": KID, "secret": "a", "C": C1}
    out.update(changes)
    return {k: v for k, v in out.items() if v is not ...}


def v3(*entries: dict[str, Any], **top: Any) -> str:
    return cashu_a({"token": list(entries), **top})


def v4_proof(**changes: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"a": 2, "s": "x", "c": bytes.fromhex(C1)}
    out.update(changes)
    return {k: v for k, v in out.items() if v is not ...}


def v4(*proofs: dict[str, Any], **top: Any) -> str:
    obj: dict[str, Any] = {
        "t": [{"i": bytes.fromhex(KID), "p": list(proofs or [v4_proof()])}],
        "m": MINT,
        "u": "sat",
    }
    obj.update(top)
    return cashu_b({k: v for k, v in obj.items() if v is not ...})


def refusal(call: Any, *args: Any) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args)
    return info.value


DLEQ_E_S = {"e": b"\xaa" * 32, "s": b"\xbb" * 32}
LONG_BAD_MINT = "ftp://" + "m" * 100 + ".example"

# input -> (code, cashier message, detail)
REFUSALS: list[tuple[str, Any, tuple[str, str, str]]] = [
    # -- outer layer
    ("not UTF-8", b"\xff\xfe\x00", ("token.invalid", MSG_NOT_CASHU, "neither craw nor UTF-8")),
    ("a number", 5, ("token.invalid", MSG_NOT_CASHU, "expected text or bytes, got int")),
    ("no input", None, ("token.invalid", MSG_NOT_CASHU, "expected text or bytes, got NoneType")),
    ("an invoice", "lnbc10u1p3xyz", ("token.invalid", MSG_NOT_CASHU, "missing 'cashu' prefix")),
    ("bare prefix", "cashu", ("token.invalid", MSG_NOT_CASHU, "missing 'cashu' prefix")),
    (
        "version C",
        "cashuCabcd",
        ("token.invalid", MSG_UNSUPPORTED, "unknown token version 'C'"),
    ),
    (
        "V3 not base64",
        "cashuA!!!!",
        ("token.invalid", MSG_DAMAGED, "not base64 (unexpected character)"),
    ),
    (
        "V4 not base64",
        "cashuB!!!!",
        ("token.invalid", MSG_DAMAGED, "not base64 (unexpected character)"),
    ),
    (
        "raw version A",
        b"crawA\xa0",
        ("token.invalid", MSG_UNSUPPORTED, "unknown raw token version b'A'"),
    ),
    (
        "raw without version",
        b"craw",
        ("token.invalid", MSG_UNSUPPORTED, "unknown raw token version b''"),
    ),
    (
        "raw trailing byte",
        b"crawB" + cbor2.dumps({}) + b"\x00",
        ("token.invalid", MSG_DAMAGED, "1 bytes after the CBOR item"),
    ),
    # -- V3 JSON
    (
        "V3 duplicate key",
        "cashuA" + base64.urlsafe_b64encode(b'{"token": [], "token": []}').decode(),
        (
            "token.invalid",
            MSG_DAMAGED,
            "V3 payload is not JSON: duplicate key in JSON object",
        ),
    ),
    ("V3 no token list", cashu_a({}), ("token.invalid", MSG_DAMAGED, "missing field 'token'")),
    (
        "V3 entry is a list",
        v3([]),  # type: ignore[arg-type]
        ("token.invalid", MSG_DAMAGED, "expected an object around 'mint'"),
    ),
    (
        "V3 entry without mint",
        v3({"proofs": [v3_proof()]}),
        ("token.invalid", MSG_DAMAGED, "missing field 'mint'"),
    ),
    (
        "V3 entry without proofs",
        v3({"mint": MINT}),
        ("token.invalid", MSG_DAMAGED, "missing field 'proofs'"),
    ),
    (
        "V3 mint is a number",
        v3({"mint": 5, "proofs": [v3_proof()]}),
        ("token.invalid", MSG_DAMAGED, "field 'mint': expected str, got int"),
    ),
    (
        "V3 bad mint URL",
        v3({"mint": "ftp://mint.example", "proofs": [v3_proof()]}),
        ("token.invalid", MSG_BAD_MINT, "bad mint URL 'ftp://mint.example'"),
    ),
    (
        "V3 two mints",
        v3(
            {"mint": "https://a.example", "proofs": [v3_proof()]},
            {"mint": "https://b.example/", "proofs": [v3_proof(secret="b", C=C2)]},
        ),
        ("token.multi_mint", MSG_MULTI_MINT, "mints https://a.example and https://b.example"),
    ),
    (
        "V3 amount 0",
        v3({"mint": MINT, "proofs": [v3_proof(amount=0)]}),
        ("token.invalid", MSG_DAMAGED, "field 'amount': amount 0 out of range"),
    ),
    (
        "V3 proof without C",
        v3({"mint": MINT, "proofs": [v3_proof(C=...)]}),
        ("token.invalid", MSG_DAMAGED, "missing field 'C'"),
    ),
    (
        "V3 no entries",
        v3(),
        ("token.empty", MSG_EMPTY, "no proofs"),
    ),
    (
        "V3 only empty entries",
        v3({"mint": MINT, "proofs": []}),
        ("token.empty", MSG_EMPTY, "no proofs"),
    ),
    (
        "V3 empty unit",
        v3({"mint": MINT, "proofs": [v3_proof()]}, unit=""),
        ("token.invalid", MSG_DAMAGED, "empty unit"),
    ),
    (
        "V3 same secret twice",
        v3({"mint": MINT, "proofs": [v3_proof(), v3_proof(C=C2)]}),
        ("token.invalid", MSG_DUPLICATE, "duplicate proof secret"),
    ),
    (
        "V3 lone surrogate in the secret",
        v3({"mint": MINT, "proofs": [v3_proof(secret="\ud800")]}),
        ("token.invalid", MSG_DAMAGED, "text is not valid Unicode"),
    ),
    (
        "V3 lone surrogate in the memo",
        v3({"mint": MINT, "proofs": [v3_proof()]}, memo="Table \udfff"),
        ("token.invalid", MSG_DAMAGED, "text is not valid Unicode"),
    ),
    (
        "V3 lone surrogate in the unit",
        v3({"mint": MINT, "proofs": [v3_proof()]}, unit="\ud800"),
        ("token.invalid", MSG_DAMAGED, "text is not valid Unicode"),
    ),
    (
        "V3 lone surrogate in the witness",
        v3({"mint": MINT, "proofs": [v3_proof(witness="\ud800")]}),
        ("token.invalid", MSG_DAMAGED, "text is not valid Unicode"),
    ),
    # -- V4 CBOR
    ("V4 not a map", cashu_b([1]), ("token.invalid", MSG_DAMAGED, "expected an object around 'm'")),
    ("V4 no mint", v4(m=...), ("token.invalid", MSG_DAMAGED, "missing field 'm'")),
    ("V4 null mint", v4(m=None), ("token.invalid", MSG_DAMAGED, "missing field 'm'")),
    (
        "V4 long bad mint",
        v4(m=LONG_BAD_MINT),
        ("token.invalid", MSG_BAD_MINT, f"bad mint URL {LONG_BAD_MINT[:80]!r}"),
    ),
    ("V4 no unit", v4(u=...), ("token.invalid", MSG_DAMAGED, "missing field 'u'")),
    (
        "V4 unit is a number",
        v4(u=5),
        ("token.invalid", MSG_DAMAGED, "field 'u': expected str, got int"),
    ),
    ("V4 empty unit", v4(u=""), ("token.invalid", MSG_DAMAGED, "empty unit")),
    (
        "V4 group is a list",
        v4(t=[[]]),
        ("token.invalid", MSG_DAMAGED, "expected an object around 'i'"),
    ),
    ("V4 no groups", v4(t=[]), ("token.empty", MSG_EMPTY, "no proofs")),
    ("V4 no group list", v4(t=...), ("token.invalid", MSG_DAMAGED, "missing field 't'")),
    (
        "V4 group without keyset id",
        v4(t=[{"p": [v4_proof()]}]),
        ("token.invalid", MSG_DAMAGED, "missing field 'i'"),
    ),
    (
        "V4 group without proofs",
        v4(t=[{"i": bytes.fromhex(KID)}]),
        ("token.invalid", MSG_DAMAGED, "missing field 'p'"),
    ),
    ("V4 no amount", v4(v4_proof(a=...)), ("token.invalid", MSG_DAMAGED, "missing field 'a'")),
    ("V4 null amount", v4(v4_proof(a=None)), ("token.invalid", MSG_DAMAGED, "missing field 'a'")),
    ("V4 no secret", v4(v4_proof(s=...)), ("token.invalid", MSG_DAMAGED, "missing field 's'")),
    ("V4 no C", v4(v4_proof(c=...)), ("token.invalid", MSG_DAMAGED, "missing field 'c'")),
    (
        "V4 amount as text",
        v4(v4_proof(a="2")),
        ("token.invalid", MSG_DAMAGED, "field 'a': expected int, got str"),
    ),
    (
        "V4 amount 0",
        v4(v4_proof(a=0)),
        ("token.invalid", MSG_DAMAGED, "field 'amount': amount 0 out of range"),
    ),
    (
        "V4 DLEQ without e",
        v4(v4_proof(d={"s": b"\xbb" * 32})),
        ("token.invalid", MSG_DAMAGED, "missing field 'e'"),
    ),
    (
        "V4 DLEQ without s",
        v4(v4_proof(d={"e": b"\xaa" * 32})),
        ("token.invalid", MSG_DAMAGED, "missing field 's'"),
    ),
    (
        "V4 DLEQ r as text",
        v4(v4_proof(d={**DLEQ_E_S, "r": "cc" * 32})),
        ("token.invalid", MSG_DAMAGED, "field 'r': expected bytes, got str"),
    ),
    (
        "V4 same secret in two groups",
        v4(
            t=[
                {"i": bytes.fromhex(KID), "p": [v4_proof()]},
                {"i": b"\x00" * 8, "p": [v4_proof(c=bytes.fromhex(C2))]},
            ]
        ),
        ("token.invalid", MSG_DUPLICATE, "duplicate proof secret"),
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_refusal_code_message_and_detail(data: Any, expected: tuple[str, str, str]) -> None:
    err = refusal(parse_token, data)
    assert (err.code, err.user_message, err.detail) == expected


def test_v3_empty_entry_before_the_proofs_is_skipped_not_the_end() -> None:
    # Wallets write one entry per mint; an emptied entry first must not hide the rest.
    token = parse_token(
        v3(
            {"mint": "https://b.example", "proofs": []},
            {"mint": MINT, "proofs": [v3_proof(amount=8)]},
            {"mint": MINT + "/", "proofs": [v3_proof(amount=2, secret="b", C=C2)]},
        )
    )
    assert token.mint == MINT
    assert [p.amount for p in token.proofs] == [8, 2]
    assert token.amount == 10


def test_only_trailing_slashes_leave_the_mint_url() -> None:
    # Mint URLs are compared as text when a token is matched to a trusted mint.
    assert parse_token(v4(m="https://mint.example/X//")).mint == "https://mint.example/X"
    assert parse_token(v3({"mint": MINT + "/sX", "proofs": [v3_proof()]})).mint == MINT + "/sX"
    token = Token(mint=MINT + "/X/", unit="sat", proofs=(Proof(1, KID, "a", C1),))
    assert cbor2.loads(serialize_token_raw(token)[5:])["m"] == MINT + "/X"
    assert parse_token(serialize_token_v4(token)).mint == MINT + "/X"


def test_v4_dleq_without_r_keeps_e_and_s() -> None:
    proof = parse_token(v4(v4_proof(d=DLEQ_E_S))).proofs[0]
    assert proof.dleq == DLEQ(e="aa" * 32, s="bb" * 32, r=None)


# -- normalize_mint_url -----------------------------------------------------------------


def test_normalize_mint_url_refuses_non_text_under_the_callers_code() -> None:
    err = refusal(normalize_mint_url, 5)
    assert (err.code, err.detail) == ("token.invalid", "field 'mint': expected str, got int")
    err = refusal(normalize_mint_url, b"https://m.example", "request.invalid")
    assert (err.code, err.detail) == ("request.invalid", "field 'mint': expected str, got bytes")


def test_normalize_mint_url_refusal_names_the_url() -> None:
    err = refusal(normalize_mint_url, "mint.example", "request.invalid")
    assert (err.code, err.user_message, err.detail) == (
        "request.invalid",
        MSG_BAD_MINT,
        "bad mint URL 'mint.example'",
    )


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("https://mint.example/", "https://mint.example"),
        ("HTTP://127.0.0.1:3338///", "HTTP://127.0.0.1:3338"),
        ("https://mint.example/cashu/api/X", "https://mint.example/cashu/api/X"),
        ("https://mint.example/?q=X/", "https://mint.example/?q=X"),
    ],
)
def test_normalize_mint_url_strips_only_slashes(url: str, normalized: str) -> None:
    assert normalize_mint_url(url) == normalized


# -- is_utf8_safe -----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["mint", "unit", "memo", "secret", "witness"])
def test_is_utf8_safe_checks_every_text_field(field: str) -> None:
    texts = {"mint": MINT, "unit": "sat", "memo": "Table 4", "secret": "a", "witness": "{}"}
    assert is_utf8_safe(_token(**texts))
    texts[field] = texts[field] + "\udc80"
    assert not is_utf8_safe(_token(**texts))


def _token(mint: str, unit: str, memo: str, secret: str, witness: str) -> Token:
    proofs = (Proof(1, KID, "plain", C1), Proof(2, KID, secret, C2, witness=witness))
    return Token(mint=mint, unit=unit, memo=memo, proofs=proofs)


# -- serialization refusals -------------------------------------------------------------


@pytest.mark.parametrize(
    ("proof", "field"),
    [
        (Proof(1, "00zz", "a", C1), "id"),
        (Proof(1, KID, "a", "02zz"), "C"),
        (Proof(1, KID, "a", C1, dleq=DLEQ(e="zz", s="bb" * 32)), "e"),
        (Proof(1, KID, "a", C1, dleq=DLEQ(e="aa" * 32, s="zz")), "s"),
        (Proof(1, KID, "a", C1, dleq=DLEQ(e="aa" * 32, s="bb" * 32, r="zz")), "r"),
    ],
)
def test_serialize_names_the_field_that_is_not_hex(proof: Proof, field: str) -> None:
    token = Token(mint=MINT, unit="sat", proofs=(Proof(2, KID, "ok", C2), proof))
    for serialize in (serialize_token_v4, serialize_token_raw):
        err = refusal(serialize, token)
        assert (err.code, err.user_message, err.detail) == (
            "token.invalid",
            MSG_DAMAGED,
            f"cannot serialize proof: field {field!r} is not hex",
        )


def test_serialize_bad_dleq_is_fine_when_dleq_is_left_out() -> None:
    proof = Proof(1, KID, "a", C1, dleq=DLEQ(e="zz", s="bb" * 32))
    text = serialize_token_v4(Token(mint=MINT, unit="sat", proofs=(proof,)), include_dleq=False)
    assert parse_token(text).proofs[0].dleq is None


def test_serialize_empty_token() -> None:
    for serialize in (serialize_token_v4, serialize_token_raw):
        err = refusal(serialize, Token(mint=MINT, unit="sat", proofs=()))
        assert (err.code, err.user_message, err.detail) == (
            "token.empty",
            MSG_EMPTY,
            "no proofs to serialize",
        )


# -- token_version ----------------------------------------------------------------------

V4_TEXT = v4()
V3_TEXT = v3({"mint": MINT, "proofs": [v3_proof()]})


@pytest.mark.parametrize(
    ("data", "version"),
    [
        (V3_TEXT, 3),
        (V4_TEXT, 4),
        (" \ncashu:" + V3_TEXT + "\n", 3),
        ("WEB+CASHU://" + V4_TEXT, 4),
        (V3_TEXT.encode(), 3),
        (bytearray(V4_TEXT.encode()), 4),
        (memoryview(b"crawB\xa0"), 4),
        (b"crawB", 4),
        (b"crawBB", 4),
        # Only the prefix is read: damage after it is for parse_token to report.
        ("cashuA", 3),
        (b"cashuB\xff\xfe", 4),
        ("cashuB!!!!", 4),
    ],
)
def test_token_version_reads_only_the_prefix(data: Any, version: int) -> None:
    assert token_version(data) == version


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"crawA\xa0", ("token.invalid", MSG_UNSUPPORTED, "unknown raw token version")),
        (b"craw", ("token.invalid", MSG_UNSUPPORTED, "unknown raw token version")),
        (b"\xffcashuA", ("token.invalid", MSG_NOT_CASHU, "not a cashuA/cashuB token")),
        ("cashuC1234", ("token.invalid", MSG_NOT_CASHU, "not a cashuA/cashuB token")),
        ("cashu", ("token.invalid", MSG_NOT_CASHU, "not a cashuA/cashuB token")),
        ("", ("token.invalid", MSG_NOT_CASHU, "not a cashuA/cashuB token")),
        ("creqA" + V4_TEXT[6:], ("token.invalid", MSG_NOT_CASHU, "not a cashuA/cashuB token")),
        (7, ("token.invalid", MSG_NOT_CASHU, "expected text, got int")),
        (None, ("token.invalid", MSG_NOT_CASHU, "expected text, got NoneType")),
    ],
)
def test_token_version_refusals(data: Any, expected: tuple[str, str, str]) -> None:
    err = refusal(token_version, data)
    assert (err.code, err.user_message, err.detail) == expected


def test_token_version_of_what_we_serialize() -> None:
    token = parse_token(V3_TEXT)
    assert token_version(serialize_token_v4(token)) == 4
    assert token_version(serialize_token_raw(token)) == 4
