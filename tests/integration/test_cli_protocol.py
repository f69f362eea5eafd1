"""``pos-app token decode`` and ``pos-app request decode`` as a script would run them.

Every call is a real subprocess of the installed ``pos-app`` console script. The
calls of one test start together (the interpreter start-up dominates each one).
The handlers themselves are checked in-process over every spec vector in
tests/unit/test_protocol_cmds.py; here a sample must give the same output.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from pos_app.cli import protocol_cmds
from pos_app.core.cashu.tokens import parse_token, serialize_token_raw
from tests.support.cli import POS_APP, Result, run_pos_app
from tests.support.funding import mint_token, nutshell_cli_tokens, open_client

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
TOKEN_KEYS = {"version", "mint", "unit", "amount", "memo", "proofs", "keysets", "has_dleq"}


def cases(name: str) -> list[dict[str, Any]]:
    return json.loads((VECTORS / f"{name}.json").read_text())["cases"]


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    # A data directory of its own: decoding must not need (or touch) a wallet.
    return {**os.environ, "POS_DATA_DIR": str(tmp_path_factory.mktemp("cli-data"))}


def run_all(env: dict[str, str], calls: list[tuple[tuple[str, ...], bytes | None]]) -> list[Result]:
    def one(call: tuple[tuple[str, ...], bytes | None]) -> Result:
        args, stdin = call
        return run_pos_app(args, stdin=stdin, env=env, command=[str(POS_APP)], timeout=60)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, calls))


def decode_tokens(env: dict[str, str], *args_list: str, stdin: bytes | None = None) -> list[Result]:
    return run_all(env, [(("token", "decode", a, "--json"), stdin) for a in args_list])


def assert_ok_token(run: Result) -> dict[str, Any]:
    assert run.rc == 0, str(run)
    out = run.json
    assert set(out) == TOKEN_KEYS, str(run)
    assert "Traceback" not in run.stderr
    return out


def assert_validation_error(run: Result) -> dict[str, Any]:
    assert run.rc == 1, str(run)
    assert "Traceback" not in run.stderr, str(run)
    error = run.json["error"]
    assert error["category"] == "validation", str(run)
    assert isinstance(error["code"], str) and "." in error["code"]
    assert isinstance(error["message"], str) and error["message"]
    return error


def expected_token(text: str | bytes, version: int) -> dict[str, Any]:
    token = parse_token(text)
    return {
        "version": version,
        "mint": token.mint,
        "unit": token.unit,
        "amount": token.amount,
        "memo": token.memo,
        "proofs": len(token.proofs),
        "keysets": list(token.keyset_ids),
        "has_dleq": token.has_dleq,
    }


# -- real tokens ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_tokens(mint) -> dict[str, str]:
    """V4 (short keyset ids) and V3 from nutshell's CLI, and a V4 with DLEQ minted by us."""

    async def ours() -> str:
        async with open_client(mint.url) as c:
            return await mint_token(c, 6, memo="merci")

    # decoding needs no mint: these may already be spent by test_mint_client, it doesn't matter
    return {**nutshell_cli_tokens(mint), "ours": asyncio.run(ours())}


@pytest.mark.mint
def test_decode_real_tokens_every_way(mint, real_tokens, env, tmp_path):
    v4, v3, ours = real_tokens["v4"], real_tokens["v3"], real_tokens["ours"]
    raw = serialize_token_raw(parse_token(v4))
    (tmp_path / "v4.txt").write_text(f"\n  {v4}\n")
    (tmp_path / "raw.bin").write_bytes(raw)
    calls = [
        (("token", "decode", v4, "--json"), None),
        (("token", "decode", v3, "--json"), None),
        (("token", "decode", ours, "--json"), None),
        (("token", "decode", "cashu:" + v4, "--json"), None),
        (("--json", "token", "decode", f"WEB+CASHU://{v3}"), None),
        (("token", "decode", "-", "--json"), f"cashu:{v4}\n".encode()),
        (("token", "decode", f"@{tmp_path / 'v4.txt'}", "--json"), None),
        (("token", "decode", f"@{tmp_path / 'raw.bin'}", "--json"), None),
        (("token", "decode", "-", "--json"), raw),
    ]
    runs = run_all(env, calls)
    outs = [assert_ok_token(r) for r in runs]
    want4, want3 = expected_token(v4, 4), expected_token(v3, 3)
    assert outs[0] == want4
    assert outs[1] == want3
    assert outs[2] == expected_token(ours, 4)
    assert outs[3:] == [want4, want3, want4, want4, want4, want4]

    assert want4["mint"] == want3["mint"] == mint.url
    assert (want4["amount"], want3["amount"]) == (21, 11)
    assert all(len(k) == 16 and k.startswith("01") for k in want4["keysets"])  # short ids
    assert all(len(k) == 66 for k in want3["keysets"])
    assert outs[2]["has_dleq"] is True and outs[2]["memo"] == "merci"
    assert outs[2]["amount"] == 6 and outs[2]["proofs"] == 2


# -- spec vectors: the console script prints what the handler returns ----------------------------


def test_decode_spec_token_vectors_subprocess(env, tmp_path):
    v3 = next(c for c in cases("nut00_token_v3") if c.get("expected_valid") is True)
    v4 = [c["expected_serialized"] for c in cases("nut00_token_v4") if "expected_serialized" in c]
    (raw_case,) = [c for c in cases("nut00_token_v4") if c["kind"] == "raw_binary"]
    raw_file = tmp_path / "token.craw"
    raw_file.write_bytes(bytes.fromhex(raw_case["expected_raw_hex"]))
    sample = [v3["serialized"], *v4, f"@{raw_file}"]
    runs = decode_tokens(env, *sample)
    handler = [protocol_cmds.token_decode(argparse.Namespace(token=a)) for a in sample]
    assert [assert_ok_token(r) for r in runs] == handler


def test_request_decode_subprocess(env):
    names = {
        "Complete Payment Request",
        "Nostr Transport Payment Request",
        "Payment Request with NUT-10 Locking",
        "Relay Tag Extraction from nprofile",
        "Multiple Transports",
        "Single-Use Field (false)",
    }
    vectors = [*cases("nut18_payment_requests"), *cases("nut26_payment_requests_bech32m")]
    sample = [c["encoded"] for c in vectors if c["name"] in names]
    assert len(sample) == 8  # three NUT-18 and five NUT-26 vectors
    runs = run_all(env, [(("request", "decode", text, "--json"), None) for text in sample])
    for text, run in zip(sample, runs, strict=True):
        assert run.rc == 0, str(run)
        assert "Traceback" not in run.stderr
        assert run.json == protocol_cmds.request_decode(argparse.Namespace(request=text))


# -- refusals and usage errors -----------------------------------------------------------------


def test_invalid_input_is_a_validation_error(env, tmp_path):
    v4 = cases("nut00_token_v4")[0]["expected_serialized"]
    creqa = cases("nut18_payment_requests")[1]["encoded"]
    junk_raw = tmp_path / "junk.craw"
    junk_raw.write_bytes(b"crawB\xff\x00\x13garbage")
    calls = [
        (("token", "decode", "garbage", "--json"), None),
        (("token", "decode", v4[: len(v4) // 2], "--json"), None),
        (("token", "decode", "", "--json"), None),
        (("token", "decode", "-", "--json"), b"definitely not a token\n"),
        (("token", "decode", "-", "--json"), b"\xff\xfe\x00binary garbage"),
        (("token", "decode", f"@{junk_raw}", "--json"), None),
        (("token", "decode", f"@{tmp_path / 'missing.txt'}", "--json"), None),
        (("request", "decode", "garbage", "--json"), None),
        (("request", "decode", creqa[: len(creqa) // 2], "--json"), None),
        (("request", "decode", "-", "--json"), b"\xff\xfe garbage"),
    ]
    codes = [assert_validation_error(r)["code"] for r in run_all(env, calls)]
    assert codes == [
        *["token.invalid"] * 6,
        "input.unreadable",
        *["request.invalid"] * 3,
    ]


def test_errors_without_json_go_to_stderr(env):
    (run,) = run_all(env, [(("token", "decode", "garbage"), None)])
    assert run.rc == 1
    assert run.stdout == ""
    assert "[token.invalid]" in run.stderr and "Traceback" not in run.stderr


def test_usage_errors_exit_2(env):
    calls = [
        (("token", "decode", "--json"), None),
        (("token", "decode", "cashuBxx", "--no-such-option"), None),
        (("request", "frobnicate"), None),
    ]
    for run in run_all(env, calls):
        assert run.rc == 2, str(run)
        assert "usage:" in run.stderr and "Traceback" not in run.stderr
        assert run.stdout == ""
