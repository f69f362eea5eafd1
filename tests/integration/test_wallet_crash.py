"""Crash safety: the CLI killed around the swap, and the mint down during a receive.

Afterwards ``recovery run`` (with the mint back) must leave the balance exact:
nothing lost, nothing counted twice.
"""

from __future__ import annotations

import signal

import pytest

from tests.support.cli import Cli
from tests.support.tokens import token as make_token

pytestmark = pytest.mark.mint


@pytest.fixture
def cli(tmp_path, mint) -> Cli:
    return Cli.wallet(tmp_path / "wallet", mint.url)


@pytest.mark.parametrize("point", ["before_swap", "after_swap"])
def test_killed_around_the_swap(cli, mint, point):
    token = make_token(mint.url, 42)
    killed = cli.run("wallet", "receive", token, env={"POS_TEST_FAULT": point})
    assert killed.rc == -signal.SIGKILL
    assert cli.balance() == 0

    pending = cli.ok("recovery", "list")
    assert [(op["kind"], op["status"]) for op in pending] == [("receive", "pending")]

    outcome = cli.ok("recovery", "run")
    assert [(o["state"], o["action"]) for o in outcome] == [
        ("recovered", "resent" if point == "before_swap" else "restored")
    ]
    assert cli.balance() == 42
    assert cli.ok("recovery", "list") == []

    # Running recovery again, or re-submitting the token, never counts it twice.
    assert cli.ok("recovery", "run") == []
    assert cli.run("wallet", "receive", token).error_code == "token.already_spent"
    assert cli.balance() == 42


def test_killed_after_a_send_swap(cli, mint):
    cli.setup("wallet", "receive", make_token(mint.url, 64))
    killed = cli.run(
        "wallet",
        "send",
        "--mint",
        mint.url,
        "--amount",
        "10",
        env={"POS_TEST_FAULT": "after_send_swap"},
    )
    assert killed.rc == -signal.SIGKILL
    assert cli.balance() == 0  # the inputs are pending until recovery resolves them
    outcome = cli.ok("recovery", "run")
    assert outcome[0]["state"] == "recovered"
    assert cli.balance() == 54  # 64 - 10 exported, fee-free mint
    exported = cli.ok("recovery", "list", "--all")
    assert any(op["kind"] == "send" and op["status"] == "recovered" for op in exported)


def test_mint_down_during_receive_is_redeemed_later(tmp_path, make_mint):
    mint = make_mint()
    cli = Cli.wallet(tmp_path / "wallet", mint.url)
    token = make_token(mint.url, 33)
    mint.stop()

    res = cli.run("wallet", "receive", token)
    assert res.rc == 1 and res.error_code == "mint.unreachable"
    assert "kept" in res.json["error"]["message"]
    assert cli.ok("recovery", "list")[0]["status"] == "pending"

    still_down = cli.ok("recovery", "run")
    assert still_down[0]["state"] == "pending" and still_down[0]["error_code"] == "mint.unreachable"
    assert cli.balance() == 0

    mint.start()
    done = cli.ok("recovery", "run")
    assert done[0]["state"] == "recovered"
    assert cli.balance() == 33
    assert cli.ok("recovery", "run") == []
    assert cli.balance() == 33


def test_mint_down_between_journal_and_swap(tmp_path, make_mint):
    """The mint dies after the token was journalled: the swap fails, recovery resends it."""
    mint = make_mint()
    cli = Cli.wallet(tmp_path / "wallet", mint.url)
    token = make_token(mint.url, 20)
    # Plan (keysets fetched) succeeds; the process dies right before the swap...
    assert (
        cli.run("wallet", "receive", token, env={"POS_TEST_FAULT": "before_swap"}).rc
        == -signal.SIGKILL
    )
    mint.stop()
    # ... and recovery while the mint is down changes nothing.
    assert cli.ok("recovery", "run")[0]["state"] == "pending"
    mint.start()
    assert cli.ok("recovery", "run")[0]["state"] == "recovered"
    assert cli.balance() == 20
