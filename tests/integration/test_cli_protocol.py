"""``pos-app token decode`` and ``pos-app request decode`` as a script would run them.

Every call is a real subprocess of the installed ``pos-app`` console script. The
calls of one test start together (the interpreter start-up dominates each one).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pos_app.cli import protocol_cmds
from pos_app.core.cashu.nip19 import decode_profile
from pos_app.core.cashu.tokens import parse_token, serialize_token_raw, token_version
from pos_app.core.errors import ValidationError
from tests.support.funding import mint_token, nutshell_cli_tokens, open_client

ROOT = Path(__file__).resolve().parents[2]
POS_APP = ROOT / ".venv" / "bin" / "pos-app"
VECTORS = ROOT / "tests" / "vectors"

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


@dataclass
class Run:
    args: tuple[str, ...]
    rc: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        return json.loads(self.stdout)

    def __str__(self) -> str:
        args = " ".join(a[:40] for a in self.args)
        return f"pos-app {args} -> {self.rc}\n{self.stdout}\n{self.stderr}"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    # A data directory of its own: decoding must not need (or touch) a wallet.
    return {**os.environ, "POS_DATA_DIR": str(tmp_path_factory.mktemp("cli-data"))}


def run_all(env: dict[str, str], calls: list[tuple[tuple[str, ...], bytes | None]]) -> list[Run]:
    def one(call: tuple[tuple[str, ...], bytes | None]) -> Run:
        args, stdin = call
        proc = subprocess.run(
            [str(POS_APP), *args],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            env=env,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        return Run(args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, calls))


def decode_tokens(env: dict[str, str], *args_list: str, stdin: bytes | None = None) -> list[Run]:
    return run_all(env, [(("token", "decode", a, "--json"), stdin) for a in args_list])


def assert_ok_token(run: Run) -> dict[str, Any]:
    assert run.rc == 0, str(run)
    out = run.json
    assert set(out) == TOKEN_KEYS, str(run)
    assert "Traceback" not in run.stderr
    return out


def assert_validation_error(run: Run) -> dict[str, Any]:
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


# -- spec vectors ---------------------------------------------------------------------------
#
# Every vector goes through the command's handler in-process (cheap); a sample of them also
# through the real console script, whose output must be the same.


def handler_token(arg: str) -> dict[str, Any]:
    return protocol_cmds.token_decode(argparse.Namespace(token=arg))


def handler_request(arg: str) -> dict[str, Any]:
    return protocol_cmds.request_decode(argparse.Namespace(request=arg))


def test_decode_spec_token_vectors(env, tmp_path):
    v3_valid = [c for c in cases("nut00_token_v3") if c.get("expected_valid") is True]
    v3_invalid = [c for c in cases("nut00_token_v3") if c.get("expected_valid") is False]
    v4 = [c for c in cases("nut00_token_v4") if "expected_serialized" in c]
    (raw_case,) = [c for c in cases("nut00_token_v4") if c["kind"] == "raw_binary"]
    raw_file = tmp_path / "token.craw"
    raw_file.write_bytes(bytes.fromhex(raw_case["expected_raw_hex"]))

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

    sample = [v3_valid[0]["serialized"], *(c["expected_serialized"] for c in v4), f"@{raw_file}"]
    runs = decode_tokens(env, *sample)
    assert [assert_ok_token(r) for r in runs] == [handler_token(a) for a in sample]


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


def test_request_decode_subprocess(env):
    names = {
        "Complete Payment Request",
        "Nostr Transport Payment Request",
        "Payment Request with NUT-10 Locking",
        "Relay Tag Extraction from nprofile",
        "Multiple Transports",
        "Single-Use Field (false)",
    }
    sample = [c["encoded"] for c in REQUEST_VECTORS if c["name"] in names]
    assert len(sample) == 8  # three NUT-18 and five NUT-26 vectors
    runs = run_all(env, [(("request", "decode", text, "--json"), None) for text in sample])
    for text, run in zip(sample, runs, strict=True):
        assert run.rc == 0, str(run)
        assert "Traceback" not in run.stderr
        assert run.json == handler_request(text)
        assert set(run.json) == REQUEST_KEYS


# -- refusals and usage errors -----------------------------------------------------------------


def test_invalid_input_is_a_validation_error(env, tmp_path):
    v4 = cases("nut00_token_v4")[0]["expected_serialized"]
    creqa = cases("nut18_payment_requests")[1]["encoded"]
    empty_file = tmp_path / "empty.txt"
    empty_file.write_bytes(b"")
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
    # the same refusals in-process, for inputs that need no process boundary
    for text in ("", "cashuC" + v4[6:], "casshuA" + v4[6:]):
        with pytest.raises(ValidationError) as caught:
            handler_token(text)
        assert caught.value.code == "token.invalid"
    with pytest.raises(ValidationError) as caught:
        handler_token(f"@{empty_file}")
    assert caught.value.code == "token.invalid"
    for text in ("", "creqb1qqqq", "creqA", "CREQB1"):
        with pytest.raises(ValidationError) as caught:
            handler_request(text)
        assert caught.value.code == "request.invalid"


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


# -- tokens.token_version, which the command relies on ----------------------------------------


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
