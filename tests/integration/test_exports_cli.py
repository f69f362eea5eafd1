"""The export history through the command line against a real nutshell mint: claimed by
nutshell's own wallet, partly claimed then reclaimed, and a reclaim killed mid-way."""

from __future__ import annotations

import json
import signal
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from pos_app.core.cashu.tokens import parse_token, serialize_token_v4
from tests.support.cli import Cli
from tests.support.tokens import redeem
from tests.support.tokens import token as make_token

pytestmark = pytest.mark.mint


@pytest.fixture
def cli(tmp_path, mint) -> Cli:
    cli = Cli.wallet(tmp_path / "wallet")
    cli.setup("mints", "add", mint.url)
    cli.setup("wallet", "receive", make_token(mint.url, 100))
    return cli


def listed(cli, *args):
    return {e["id"]: e for e in cli.ok("wallet", "exports", *args)}


def test_an_export_claimed_by_another_wallet_shows_claimed_and_cannot_be_reclaimed(
    cli, mint, tmp_path
):
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = cli.ok("wallet", "send", "--mint", mint.url, "--amount", "21", "--out", str(usb))
    [export] = cli.ok("wallet", "exports")
    assert {k: export[k] for k in ("mint", "unit", "amount", "file", "state")} == {
        "mint": mint.url,
        "unit": "sat",
        "amount": 21,
        "file": sent["file"],
        "state": "pending",
    }
    assert listed(cli, "--status", "claimed") == {}
    today, yesterday = date.today(), date.today() - timedelta(days=1)
    assert list(listed(cli, "--from", str(today), "--to", str(today))) == [export["id"]]
    assert listed(cli, "--to", str(yesterday)) == {}
    assert listed(cli, "--from", str(today + timedelta(days=1))) == {}
    bad = cli.run("wallet", "exports", "--from", "yesterday")
    assert bad.rc == 1 and bad.error_code == "input.invalid"

    assert "Received" in mint.cli_receive(sent["token"])  # nutshell's own wallet claims it
    refreshed = cli.ok("wallet", "exports", "refresh")
    assert refreshed["checked"]["exports_spent"] == 1
    assert [(e["state"], e["claimed_amount"]) for e in refreshed["exports"]] == [("claimed", 21)]
    assert list(listed(cli, "--status", "claimed", "--mint", mint.url)) == [export["id"]]

    refused = cli.run("wallet", "reclaim", str(export["id"]))
    assert refused.rc == 1 and refused.error_code == "export.claimed"
    assert cli.balance() == 79


def test_a_partly_claimed_export_is_reclaimed_once(cli, mint):
    sent = cli.ok("wallet", "send", "--mint", mint.url, "--amount", "37")  # 1 + 4 + 32
    token = parse_token(sent["token"])
    first = min(token.proofs, key=lambda p: p.amount)
    redeem(mint.url, serialize_token_v4(replace(token, proofs=(first,))))
    [export] = cli.ok("wallet", "exports", "--status", "pending")

    back = cli.ok("wallet", "reclaim", str(export["id"]))
    assert back == {
        "id": export["id"],
        "state": "reclaimed",
        "unit": "sat",
        "amount": 37 - first.amount,
        "fee": 0,
        "claimed_amount": first.amount,
        "already": False,
    }
    assert cli.balance() == 100 - first.amount
    again = cli.ok("wallet", "reclaim", str(export["id"]))
    assert again["already"] and again["amount"] == back["amount"]
    assert cli.balance() == 100 - first.amount
    assert list(listed(cli, "--status", "reclaimed")) == [export["id"]]
    # The reclaimed token is spent: its holder cannot redeem it any more.
    with pytest.raises(RuntimeError, match=r"(?i)spent"):
        mint.cli_receive(sent["token"])


def test_a_reclaim_killed_after_the_swap_is_finished_by_recovery(cli, mint):
    sent = cli.ok("wallet", "send", "--mint", mint.url, "--amount", "30")
    [export] = cli.ok("wallet", "exports")
    killed = cli.run("wallet", "reclaim", str(export["id"]), env={"POS_TEST_FAULT": "after_swap"})
    assert killed.rc == -signal.SIGKILL
    assert cli.balance() == 70
    busy = cli.run("wallet", "reclaim", str(export["id"]))
    assert busy.error_code == "export.reclaim_open"
    [outcome] = cli.ok("recovery", "run")
    assert (outcome["kind"], outcome["state"], outcome["action"]) == (
        "receive",
        "recovered",
        "restored",
    )
    assert cli.balance() == 100
    assert [(e["state"], e["claimed_amount"]) for e in cli.ok("wallet", "exports")] == [
        ("reclaimed", 0)
    ]
    assert parse_token(sent["token"]).amount == 30


def test_bulk_export_of_three_mints_then_import_of_the_folder_at_another_till(
    cli, mint, fee_mint, make_mint, tmp_path
):
    third = make_mint(fee_ppk=0, name="third mint")
    for other, amount in ((fee_mint, 50), (third, 5)):
        cli.setup("mints", "add", other.url)
        cli.setup("wallet", "receive", make_token(other.url, amount))
    held = {b["mint"]: b["amount"] for b in cli.ok("wallet", "balance")["balances"]}
    usb = tmp_path / "usb"
    usb.mkdir()
    done = cli.ok("wallet", "export-all", "--out", str(usb), "--min", "5")
    assert {f["mint"]: f["amount"] for f in done["files"]} == held
    assert cli.ok("wallet", "balance")["total"] == {}
    manifest = json.loads(Path(done["manifest"]).read_text())["files"]
    assert sorted(m["file"] for m in manifest) == sorted(p.name for p in usb.glob("*.txt"))
    assert Path(done["manifest_csv"]).read_text().splitlines()[0] == (
        "file,mint,unit,amount,proofs,created"
    )
    # Someone redeems the third mint's file before the stick reaches the other till.
    spent_file = next(f["file"] for f in done["files"] if f["mint"] == third.url)
    redeem(third.url, Path(spent_file).read_text().strip())

    other = Cli.wallet(tmp_path / "other-till")
    for url in (mint.url, fee_mint.url, third.url):
        other.setup("mints", "add", url)
    results = {Path(r["file"]).name: r for r in other.ok("wallet", "import", str(usb))}
    by_mint = {f["mint"]: results[Path(f["file"]).name] for f in done["files"]}
    assert by_mint[mint.url]["result"] == "imported" and by_mint[mint.url]["amount"] == 100
    fee = by_mint[fee_mint.url]["fee"]
    assert by_mint[fee_mint.url]["amount"] == held[fee_mint.url] - fee and fee >= 1
    assert (by_mint[third.url]["result"], by_mint[third.url]["code"]) == (
        "spent",
        "token.already_spent",
    )
    again = other.ok("wallet", "import", str(usb), spent_file)
    assert sorted(r["result"] for r in again) == ["already_imported", "already_imported", "spent"]
    assert other.balance() == 100 + held[fee_mint.url] - fee
