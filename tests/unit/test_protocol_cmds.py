"""The ``token decode`` and ``request decode`` handlers in-process, over every spec vector.

tests/integration/test_cli_protocol.py runs a sample of the same inputs through the
real console script and requires the very same output.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from pos_app.cli import protocol_cmds
from pos_app.core.cashu.nip19 import decode_profile
from pos_app.core.cashu.tokens import token_version
from pos_app.core.errors import ValidationError

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
TOKEN_KEYS = {"version", "mint", "unit", "amount", "memo", "proofs", "keysets", "has_dleq"}
REQUEST_KEYS = {
    "id",
    "amount",
    "unit",
    "single_use",
    "mints",
    "description",
    "transports",
    "nut10",
}
LONG_NAMES = {"i": "id", "a": "amount", "u": "unit", "s": "single_use", "d": "description"}


def cases(name: str) -> list[dict[str, Any]]:
    return json.loads((VECTORS / f"{name}.json").read_text())["cases"]


def handler_token(arg: str) -> dict[str, Any]:
    return protocol_cmds.token_decode(argparse.Namespace(token=arg))


def handler_request(arg: str) -> dict[str, Any]:
    return protocol_cmds.request_decode(argparse.Namespace(request=arg))


def test_decode_spec_token_vectors(tmp_path):
    v3_valid = [c for c in cases("nut00_token_v3") if c.get("expected_valid") is True]
    v3_invalid = [c for c in cases("nut00_token_v3") if c.get("expected_valid") is False]
    v4 = [c for c in cases("nut00_token_v4") if "expected_serialized" in c]
    (raw_case,) = [c for c in cases("nut00_token_v4") if c["kind"] == "raw_binary"]
    raw_file = tmp_path / "token.craw"
    raw_file.write_bytes(bytes.fromhex(raw_case["expected_raw_hex"]))
    assert v3_valid and v3_invalid and v4

    for case in v3_valid:
        out = handler_token(case["serialized"])
        assert set(out) == TOKEN_KEYS
        want = case.get("expected_token_json") or case["expected_token_json_derived"]
        (entry,) = want["token"]
        assert out == {
            "version": 3,
            "mint": entry["mint"],
            "unit": want.get("unit", "sat"),
            "amount": sum(p["amount"] for p in entry["proofs"]),
            "memo": want.get("memo"),
            "proofs": len(entry["proofs"]),
            "keysets": list(dict.fromkeys(p["id"] for p in entry["proofs"])),
            "has_dleq": False,
        }, case["name"]
    for case in v4:
        tj = case["token_json"]
        assert handler_token(case["expected_serialized"]) == {
            "version": 4,
            "mint": tj["m"],
            "unit": tj["u"],
            "amount": sum(p["a"] for g in tj["t"] for p in g["p"]),
            "memo": tj.get("d"),
            "proofs": sum(len(g["p"]) for g in tj["t"]),
            "keysets": [group["i"] for group in tj["t"]],
            "has_dleq": False,
        }, case["name"]
    raw_out = handler_token(f"@{raw_file}")
    assert raw_out["version"] == 4 and raw_out["mint"] == raw_case["token_json"]["m"]
    for case in v3_invalid:
        with pytest.raises(ValidationError) as caught:
            handler_token(case["serialized"])
        assert caught.value.code == "token.invalid"


def request_expected(obj: dict[str, Any]) -> dict[str, Any]:
    """A NUT-18 JSON object under the CLI's long names."""
    out: dict[str, Any] = {name: obj.get(short) for short, name in LONG_NAMES.items()}
    out["mints"] = obj.get("m", [])
    out["transports"] = [
        {
            "type": t["t"],
            "target": t["a"],
            "tags": t["g"] if isinstance(t.get("g"), list) else [],
        }
        for t in obj.get("t", [])
    ]
    lock = obj.get("nut10")
    out["nut10"] = lock and {"kind": lock["k"], "data": lock["d"], "tags": lock.get("t", [])}
    return out


def same_transports(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g["type"] == w["type"]
        if w["type"] == "nostr" and g["target"] != w["target"]:
            # NUT-26 re-encodes the key: npub vs relay-less nprofile hold the same profile
            assert decode_profile(g["target"]) == decode_profile(w["target"])
        else:
            assert g["target"] == w["target"]
        assert g["tags"] == w["tags"]


REQUEST_VECTORS = [*cases("nut18_payment_requests"), *cases("nut26_payment_requests_bech32m")]


@pytest.mark.parametrize("case", REQUEST_VECTORS, ids=lambda c: c["encoded"][:5] + c["name"])
def test_request_vector_long_names(case):
    out = handler_request(case["encoded"])
    assert set(out) == REQUEST_KEYS
    source = case.get("decoded_from_encoded_derived") or case["payment_request_json"]
    want = request_expected(source)
    same_transports(out.pop("transports"), want.pop("transports"))
    assert out == want


def test_refusals(tmp_path):
    v4 = cases("nut00_token_v4")[0]["expected_serialized"]
    empty_file = tmp_path / "empty.txt"
    empty_file.write_bytes(b"")
    for text in ("", "cashuC" + v4[6:], "casshuA" + v4[6:], f"@{empty_file}"):
        with pytest.raises(ValidationError) as caught:
            handler_token(text)
        assert caught.value.code == "token.invalid"
    for text in ("", "creqb1qqqq", "creqA", "CREQB1"):
        with pytest.raises(ValidationError) as caught:
            handler_request(text)
        assert caught.value.code == "request.invalid"


def test_token_version_reads_the_prefix():
    v4 = cases("nut00_token_v4")[0]["expected_serialized"]
    v3 = next(c for c in cases("nut00_token_v3") if c.get("expected_valid"))["serialized"]
    raw = bytes.fromhex(
        next(c for c in cases("nut00_token_v4") if c["kind"] == "raw_binary")["expected_raw_hex"]
    )
    assert token_version(v4) == 4
    assert token_version(v3) == 3
    assert token_version(raw) == 4
    assert token_version(f"  cashu:{v3}\n") == 3
    assert token_version(f"WEB+CASHU://{v4}") == 4
    assert token_version(v4.encode()) == 4
    for bad in ("", "cashu", "cashuC123", "casshuA", b"crawA\x00", b"\xff", 7):
        with pytest.raises(ValidationError) as caught:
            token_version(bad)  # type: ignore[arg-type]
        assert caught.value.code == "token.invalid"
