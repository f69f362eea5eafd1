"""The export history through the command line against a real nutshell mint: claimed by
nutshell's own wallet, partly claimed then reclaimed, and a reclaim killed mid-way."""

from __future__ import annotations

import signal
from dataclasses import replace

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
