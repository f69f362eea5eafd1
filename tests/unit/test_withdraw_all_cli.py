"""``pos-app wallet withdraw --all`` in-process: the real parser, output and exit code.

The command's wallet is a fake shop (two fake mints holding 1000 sat each, the
loopback Lightning address) opened in place of the data directory's.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from pos_app.cli import main, withdraw_cmds
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.lnurlserver import LnurlServer

FUND = (512, 256, 128, 64, 32, 8)
A, B = "http://a.test", "http://b.test"


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


@pytest.fixture
def lnurl():
    with LnurlServer(settle="auto", hash="zero") as server:
        yield server


@pytest.fixture
def shop(tmp_path, lnurl, monkeypatch):
    """Set the fake shop's mints' scripts, then run the command line on it."""
    mints = {url: FakeMint(url, name=url) for url in (A, B)}
    for mint in mints.values():
        mint.pay_any_invoice(fee_reserve=10, fee_paid=3)
    opened: list[Path] = []

    @contextlib.asynccontextmanager
    async def fake_open(args):
        folder = tmp_path / f"shop{len(opened)}"
        opened.append(folder)
        app = open_shop(folder, *mints.values())
        try:
            for mint in mints.values():
                await app.mints.add(mint.url)
                for amount in FUND:
                    await app.wallet.receive(mint.token(amount))
            await app.settings.set("lightning.address", lnurl.address())
            yield app
        finally:
            await app.aclose()

    monkeypatch.setattr(withdraw_cmds, "open_app", fake_open)
    return mints, opened


def cli(capsys, *args):
    code = main(["wallet", "withdraw", *args])
    out = capsys.readouterr()
    return code, out


def test_all_prints_each_mint_and_the_totals(shop, capsys, lnurl):
    code, out = cli(capsys, "--all", "--json")
    assert code == 0, out
    result = json.loads(out.out)
    assert set(result) == {"withdrawals", "paid", "fees"}
    assert [(w["mint"], w["state"], w["amount"], w["fee"]) for w in result["withdrawals"]] == [
        (A, "paid", 950, 3),
        (B, "paid", 950, 3),
    ]
    assert (result["paid"], result["fees"]) == (1900, 6)
    assert [w["proof"] for w in result["withdrawals"]] == ["proven", "proven"]
    assert len(lnurl.invoices()) == 2


def test_one_refused_and_one_paid_exits_zero_with_the_error_listed(shop, capsys):
    mints, _ = shop
    mints[A].pay_any_invoice(fee_reserve=50, fee_paid=50)  # over the 2 % fee cap
    code, out = cli(capsys, "--all", "--json")
    assert code == 0, out
    refused, paid = json.loads(out.out)["withdrawals"]
    assert (refused["mint"], refused["state"], refused["amount"]) == (A, "refused", 0)
    assert refused["error"]["code"] == "withdraw.fee_too_high"
    assert refused["error"]["category"] == "validation"
    assert (paid["mint"], paid["state"], "error" in paid) == (B, "paid", False)


def test_nothing_paid_and_a_refusal_exits_one_but_still_lists_every_mint(shop, capsys, lnurl):
    lnurl.set_default(min_sendable=2_000_000)
    code, out = cli(capsys, "--all", "--json")
    assert code == 1
    result = json.loads(out.out)
    assert [(w["mint"], w["error"]["code"]) for w in result["withdrawals"]] == [
        (A, "withdraw.too_small"),
        (B, "withdraw.too_small"),
    ]
    assert (result["paid"], result["fees"]) == (0, 0)


def test_the_readable_form_says_the_same_with_the_same_exit_code(shop, capsys, lnurl):
    lnurl.set_default(min_sendable=2_000_000)
    code, out = cli(capsys, "--all")
    assert code == 1
    assert out.out.count("code: withdraw.too_small") == 2 and "paid: 0" in out.out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--all", "--mint", A), "not allowed with argument"),
        (("--all", "--amount", "5"), "--amount cannot be used with --all"),
    ],
)
def test_all_is_not_combined_with_a_mint_or_an_amount(shop, capsys, args, words):
    _, opened = shop
    with pytest.raises(SystemExit) as usage:
        main(["wallet", "withdraw", *args])
    assert usage.value.code == 2
    assert words in capsys.readouterr().err
    assert opened == []  # refused before the wallet was opened


def test_one_mint_as_before(shop, capsys):
    code, out = cli(capsys, "--mint", B, "--amount", "600", "--json")
    assert code == 0, out
    result = json.loads(out.out)
    assert (result["mint"], result["amount"], result["state"]) == (B, 600, "paid")
