"""The wallet through its command line, against real nutshell mints (no mocks of the mint)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import pytest

from pos_app.core.cashu.tokens import parse_token, serialize_token_v4
from tests.support.cli import Cli
from tests.support.tokens import redeem
from tests.support.tokens import token as make_token

pytestmark = pytest.mark.mint


def access_lines(mint) -> int:
    return len(re.findall(r'"(GET|POST) /v1/', mint.log_text()))


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli.wallet(tmp_path / "wallet")


def fee_of(token: str, ppk: int) -> int:
    return (len(parse_token(token).proofs) * ppk + 999) // 1000


def test_receive_v3_and_v4_with_fees(cli, mint, fee_mint):
    """Tokens made by nutshell's own wallet (V4 and V3) at a fee mint, and one of ours."""
    cli.ok("mints", "add", mint.url)
    cli.setup("mints", "add", fee_mint.url)
    fee_mint.cli_fund(200)
    v4 = fee_mint.cli_send(37)
    v3 = fee_mint.cli_send(21, legacy=True)
    free = make_token(mint.url, 50)
    assert v4.startswith("cashuB") and v3.startswith("cashuA")

    got4 = cli.ok("wallet", "receive", v4)
    assert got4["fee"] == fee_of(v4, 100) >= 1
    assert got4["amount"] == 37 - got4["fee"]
    got3 = cli.ok("wallet", "receive", v3)
    assert got3["amount"] == 21 - fee_of(v3, 100)
    assert cli.ok("wallet", "receive", free) == {
        "amount": 50,
        "fee": 0,
        "mint": mint.url,
        "unit": "sat",
        "proofs": 3,  # 32 + 16 + 2
    }

    balance = cli.ok("wallet", "balance")
    per_mint = {b["mint"]: b["amount"] for b in balance["balances"]}
    assert per_mint == {mint.url: 50, fee_mint.url: got4["amount"] + got3["amount"]}
    assert balance["total"] == {"sat": 50 + got4["amount"] + got3["amount"]}


def test_same_token_twice_is_refused(cli, mint):
    cli.setup("mints", "add", mint.url)
    token = make_token(mint.url, 16)
    assert cli.ok("wallet", "receive", token)["amount"] == 16
    again = cli.run("wallet", "receive", token)
    assert again.rc == 1 and again.error_code == "token.already_spent"
    assert cli.balance() == 16


def test_dleq_verified_and_refused_before_swap(cli, mint):
    cli.setup("mints", "add", mint.url)
    token = parse_token(make_token(mint.url, 32))
    proof = token.proofs[0]
    assert proof.dleq is not None
    forged = replace(
        token, proofs=(replace(proof, dleq=replace(proof.dleq, s="44" * 32)), *token.proofs[1:])
    )
    swaps_before = mint.log_text().count("POST /v1/swap")
    res = cli.run("wallet", "receive", serialize_token_v4(forged))
    assert res.rc == 1 and res.error_code == "token.dleq_invalid"
    assert mint.log_text().count("POST /v1/swap") == swaps_before
    assert cli.balance() == 0
    # Nothing was spent: the genuine token still redeems.
    assert cli.ok("wallet", "receive", serialize_token_v4(token))["amount"] == 32


def test_untrusted_mint_is_never_contacted(cli, mint, stranger_mint):
    other = stranger_mint
    token = make_token(other.url, 10)
    cli.setup("mints", "add", mint.url)
    before = access_lines(other)
    res = cli.run("wallet", "receive", token)
    assert res.rc == 1 and res.error_code == "mint.untrusted"
    assert access_lines(other) == before
    # Known but explicitly untrusted: still refused without contact.
    cli.ok("mints", "add", other.url, "--no-trust")
    before = access_lines(other)
    assert cli.run("wallet", "receive", token).error_code == "mint.untrusted"
    assert access_lines(other) == before
    assert cli.balance() == 0


def test_export_partial_then_claimed_and_checked(cli, mint, tmp_path):
    cli.setup("mints", "add", mint.url)
    cli.setup("wallet", "receive", make_token(mint.url, 100))
    out = tmp_path / "usb"
    out.mkdir()
    sent = cli.ok("wallet", "send", "--mint", mint.url, "--amount", "37", "--out", str(out), "--qr")
    assert sent["amount"] == 37 and parse_token(sent["token"]).amount == 37
    assert (out / sent["file"].split("/")[-1]).read_text().strip() == sent["token"]
    assert sent["qr_file"].endswith(".png")
    assert cli.balance() == 63

    unclaimed = cli.ok("wallet", "check")
    assert unclaimed["exports_spent"] == 0

    # The receiver claims only part of the token first, then the rest.
    token = parse_token(sent["token"])
    first, rest = token.proofs[:1], token.proofs[1:]
    redeem(mint.url, serialize_token_v4(replace(token, proofs=first)))
    partial = cli.ok("wallet", "check")
    assert partial["exports_partial"] == 1
    redeem(mint.url, serialize_token_v4(replace(token, proofs=rest)))
    full = cli.ok("wallet", "check")
    assert full["exports_spent"] == 1
    assert cli.balance() == 63


def test_send_locked_to_a_key(cli, mint, tmp_path):
    cli.setup("mints", "add", mint.url)
    cli.setup("wallet", "receive", make_token(mint.url, 64))
    other = Cli.wallet(tmp_path / "other", mint.url)
    pubkey = other.ok("wallet", "pubkey")["pubkey"]
    sent = cli.ok("wallet", "send", "--mint", mint.url, "--amount", "20", "--lock", pubkey)
    assert sent["locked_to"] == pubkey
    # The recipient (holding the key) redeems it; the sender's balance is exact.
    got = other.ok("wallet", "receive", sent["token"])
    assert got["amount"] == 20
    assert cli.balance() == 44


def test_wrong_key_refused_and_database_untouched(cli, mint):
    db = cli.data_dir / "wallet.db"
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    wrong = Cli(cli.data_dir, key="00" * 32)
    res = wrong.run("wallet", "balance")
    assert res.rc == 1 and res.error_code == "storage.wrong_key"
    assert "Traceback" not in res.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert cli.ok("wallet", "balance")["total"] == {}


def test_usage_error_exit_2(cli):
    assert cli.run("wallet", "send", "--amount", "x").rc == 2


def test_restore_from_seed_on_empty_directory(cli, mint, tmp_path):
    cli.setup("mints", "add", mint.url)
    cli.setup("wallet", "receive", make_token(mint.url, 100))
    cli.setup("wallet", "receive", make_token(mint.url, 27))
    sent = cli.ok("wallet", "send", "--mint", mint.url, "--amount", "30")
    redeem(mint.url, sent["token"])  # claimed: spent at the mint, must not come back
    expected = cli.balance()
    words = cli.ok("wallet", "seed", "--show", "--yes")["mnemonic"]
    seed_file = tmp_path / "seed.txt"
    seed_file.write_text(words + "\n")

    fresh = Cli(tmp_path / "restored")
    assert fresh.ok("init", "--restore-seed-file", str(seed_file))["restored_seed"] is True
    fresh.setup("mints", "add", mint.url)
    report = fresh.ok("wallet", "restore")
    assert report["total"] == {"sat": expected}
    assert fresh.balance() == expected
    # Counters moved past the restored outputs: a new receive must not collide.
    assert fresh.ok("wallet", "receive", make_token(mint.url, 5))["amount"] == 5
    assert fresh.ok("wallet", "restore")["total"] == {"sat": expected + 5}
    assert fresh.balance() == expected + 5
