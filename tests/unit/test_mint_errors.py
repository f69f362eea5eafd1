"""The mint-refusal mapping against real nutshell 0.21 answers and the spec's code table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos_app.core.errors import Category, MintError, NetworkError, ProtocolError
from pos_app.core.mint import errors

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
LIVE = json.loads((VECTORS / "nutshell_0_21_0_live_responses.json").read_text())["cases"]
REFUSALS = [c for c in LIVE if c["http_status"] >= 400]

# What each refusal nutshell 0.21 really sent must map to, keyed by a piece of its text.
EXPECTED_BY_DETAIL = {
    "outputs already signed": "mint.outputs_already_signed",
    "are not balanced": "mint.not_balanced",
    "proofs already spent": "token.already_spent",
    "no outputs provided": "mint.refused",
    "quote already issued": "mint.quote_issued",
    "outputs have different keyset ids": "mint.refused",
    "no signatures in proof": "token.locked",
    "keyset id unknown": "mint.keyset_unknown",
    "keyset 01cdcd": "mint.keyset_unknown",
    "proofs could not be verified": "token.invalid",
    "keyset not found": "mint.keyset_unknown",
    "Bech32 string is not valid": "mint.invoice_invalid",
    "quote not found": "mint.quote_unknown",
}


def expected_for(detail: str) -> str:
    hits = [code for piece, code in EXPECTED_BY_DETAIL.items() if piece in detail]
    assert len(hits) == 1, f"classify this new live refusal in EXPECTED_BY_DETAIL: {detail!r}"
    return hits[0]


def test_vector_file_has_refusals():
    assert len(REFUSALS) >= 13
    assert {c["response"]["code"] for c in REFUSALS} >= {0, 11000, 11001, 10001, 12001}


@pytest.mark.parametrize("case", REFUSALS, ids=lambda c: c["response"]["detail"][:40])
def test_live_refusal_maps_to_stable_code(case):
    body = case["response"]
    err = errors.mint_refusal(
        case["http_status"], body["code"], body["detail"], case["request"]["path"]
    )
    assert isinstance(err, MintError)
    assert err.code == expected_for(body["detail"])
    # the mint's own words survive for the logs and the support desk
    assert body["detail"] in err.detail
    assert case["request"]["path"] in err.detail
    assert err.data == {"mint_code": body["code"], "mint_detail": body["detail"]}
    assert err.user_message and "\n" not in err.user_message


def test_every_live_refusal_code_is_dotted_and_not_internal():
    for case in REFUSALS:
        body = case["response"]
        err = errors.mint_refusal(400, body["code"], body["detail"], "/v1/x")
        assert err.code.count(".") == 1 and err.code == err.code.lower()
        assert err.category in (Category.MINT, Category.SECURITY)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (10001, "token.invalid"),
        (11001, "token.already_spent"),
        (11002, "token.pending"),
        (11003, "mint.outputs_already_signed"),
        (11004, "mint.outputs_pending"),
        (11005, "mint.not_balanced"),
        (11006, "mint.amount_out_of_range"),
        (11007, "mint.duplicate"),
        (11008, "mint.duplicate"),
        (11009, "mint.unit_mismatch"),
        (11010, "mint.unit_mismatch"),
        (11011, "mint.invoice_invalid"),
        (11012, "mint.invoice_invalid"),
        (11013, "mint.unit_unsupported"),
        (11014, "mint.too_many_items"),
        (11015, "mint.too_many_items"),
        (12001, "mint.keyset_unknown"),
        (12002, "mint.keyset_inactive"),
        (12003, "mint.keyset_expired"),
        (20001, "mint.quote_not_paid"),
        (20002, "mint.quote_issued"),
        (20003, "mint.disabled"),
        (20004, "mint.lightning_failed"),
        (20005, "mint.quote_pending"),
        (20006, "mint.invoice_already_paid"),
        (20007, "mint.quote_expired"),
        (30001, "mint.auth_required"),
        (31001, "mint.auth_required"),
        (31004, "mint.rate_limited"),
    ],
)
def test_spec_codes_without_text(code, expected):
    # a mint that says nothing useful in words: the code alone decides
    err = errors.mint_refusal(400, code, "error", "/v1/swap")
    assert err.code == expected
    assert err.data["mint_code"] == code


def test_bad_signature_is_a_security_matter():
    err = errors.mint_refusal(400, 10001, "proofs could not be verified", "/v1/swap")
    assert err.category is Category.SECURITY


def test_old_numbering_11002_not_balanced():
    # before the January 2026 renumbering 11002 meant "transaction is not balanced"
    err = errors.mint_refusal(400, 11002, "Transaction is not balanced.", "/v1/swap")
    assert err.code == "mint.not_balanced"
    err = errors.mint_refusal(400, 11002, "inputs and outputs are unbalanced", "/v1/swap")
    assert err.code == "mint.not_balanced"
    # the new meaning still wins when the text agrees with it
    assert errors.mint_refusal(400, 11002, "proofs are pending", "/v1/swap").code == (
        "token.pending"
    )


def test_old_numbering_11005_unit_error():
    err = errors.mint_refusal(400, 11005, "Inputs and outputs not of same unit", "/v1/swap")
    assert err.code == "mint.unit_mismatch"


@pytest.mark.parametrize(
    ("code", "detail", "expected"),
    [
        (0, "Token already spent.", "token.already_spent"),
        (11000, "proofs are pending", "token.pending"),
        (11000, "outputs are pending", "mint.outputs_pending"),
        (0, "quote is pending", "mint.quote_pending"),
        (10002, "outputs have already been signed before.", "mint.outputs_already_signed"),
        (10003, "proofs could not be verified", "token.invalid"),
        (11000, "input amounts (10) less than output amounts (12).", "mint.not_balanced"),
        (11000, "signature threshold not met. 1 < 2.", "token.locked"),
        (11000, "HTLC preimage does not match.", "token.locked"),
        (0, "Mint quote not found.", "mint.quote_unknown"),
        (0, "quote is expired", "mint.quote_expired"),
        (0, "invoice already paid", "mint.invoice_already_paid"),
        (None, "Duplicate inputs provided", "mint.duplicate"),
        (None, "keyset is inactive, cannot sign messages", "mint.keyset_inactive"),
        (None, "something nobody expected", "mint.refused"),
        (None, "", "mint.refused"),
    ],
)
def test_generic_codes_fall_back_to_text(code, detail, expected):
    assert errors.mint_refusal(400, code, detail, "/v1/swap").code == expected


def test_code_wins_over_misleading_text():
    # 11001 is not a renumbered code: the code decides even if the text says "pending"
    assert errors.mint_refusal(400, 11001, "was pending, now spent", "/v1/swap").code == (
        "token.already_spent"
    )


def test_rate_limited_status():
    err = errors.mint_refusal(429, None, "Rate limit exceeded.", "/v1/swap")
    assert err.code == "mint.rate_limited"
    assert isinstance(err, MintError)


def test_transport_errors():
    exc = OSError("connection refused")
    err = errors.unreachable("http://127.0.0.1:1", exc)
    assert isinstance(err, NetworkError) and err.code == "mint.unreachable"
    assert "connection refused" in err.detail
    assert errors.timed_out("u", TimeoutError()).code == "mint.timeout"
    err = errors.server_error("u", 502, "x" * 2000)
    assert err.code == "mint.server_error" and "HTTP 502" in err.detail and len(err.detail) < 600
    bad = errors.bad_response("u", "not JSON")
    assert isinstance(bad, ProtocolError) and bad.code == "mint.bad_response"
    assert bad.category is Category.PROTOCOL


def test_to_dict_keeps_mint_text():
    err = errors.mint_refusal(400, 11001, "proofs already spent", "/v1/swap")
    out = err.to_dict()
    assert out["category"] == "mint" and out["code"] == "token.already_spent"
    assert out["data"]["mint_detail"] == "proofs already spent"
