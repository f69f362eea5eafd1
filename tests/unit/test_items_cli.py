"""``pos-app items ...`` in-process: JSON out, errors with their codes, nothing half-imported."""

from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from pos_app import cli

KEY = "cd" * 32


@pytest.fixture
def shop(tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", KEY)
    data = tmp_path / "shop"

    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            rc = cli.main(["--json", "--data-dir", str(data), *args])
        return rc, json.loads(out.getvalue() or "null")

    assert run("init")[0] == 0
    return run


def test_items_crud_and_csv_round_trip(shop, tmp_path):
    assert shop("config", "set", "rate.fixed", "100000")[0] == 0
    assert shop("config", "set", "currency", "EUR")[0] == 0
    rc, added = shop(
        "items", "add", "--name", "Tea", "--price", "2,5", "--sku", "TEA", "--vat", "7"
    )
    assert rc == 0
    assert (added["price"], added["vat_rate"], added["unit"]) == ("2.50", "7", "EUR")
    rc, err = shop("items", "add", "--name", "Half", "--price", "2.5", "--unit", "sat")
    assert rc == 1 and err["error"]["code"] == "item.invalid"
    rc, _ = shop(
        "items", "add", "--name", "Mug", "--price", "900", "--unit", "sat", "--colour", "#ff0000"
    )
    assert rc == 0
    rc, changed = shop(
        "items", "update", "TEA", "--price", "3", "--inactive", "--category", "Drinks"
    )
    assert rc == 0 and (changed["price"], changed["active"], changed["category"]) == (
        "3.00",
        False,
        "Drinks",
    )
    assert [i["name"] for i in shop("items", "list", "--active")[1]] == ["Mug"]
    out = tmp_path / "items.csv"
    assert shop("items", "export", "--out", str(out))[1] == {"file": str(out), "items": 2}
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {(r["sku"], r["price"], r["active"]) for r in rows} == {
        ("TEA", "3.00", "false"),
        ("", "900", "true"),
    }

    bad = tmp_path / "bad.csv"
    bad.write_text("sku,name,price\nNEW,New,1\nTEA,Tea,abc\n", encoding="utf-8")
    rc, err = shop("items", "import", str(bad))
    assert rc == 1 and err["error"]["code"] == "items.import_invalid"
    assert len(shop("items", "list")[1]) == 2  # NEW was not added: all or nothing

    rc, err = shop("items", "add", "--name", "X", "--price", "1", "--sku", "TEA")
    assert rc == 1 and err["error"]["code"] == "item.duplicate_sku"
    rc, err = shop("items", "add", "--name", "X", "--price", "1", "--vat", "120")
    assert rc == 1 and err["error"]["code"] == "vat.invalid_rate"
    assert shop("items", "remove", "TEA")[0] == 0
    rc, err = shop("items", "remove", "TEA")
    assert rc == 1 and err["error"]["code"] == "item.not_found"


def test_sale_new_needs_an_amount_or_items(shop):
    rc, err = shop("sale", "new")
    assert rc == 1 and err["error"]["code"] == "amount.invalid"
    rc, err = shop("sale", "new", "--item", "A B")
    assert rc == 1 and err["error"]["code"] == "item.invalid"


def test_cashiers_read_the_catalogue_and_managers_keep_it(shop, monkeypatch):
    monkeypatch.setenv("POS_NEW_PIN", "246810")
    assert shop("staff", "add", "olga", "--role", "owner")[0] == 0
    for name, role, pin in (("mona", "manager", "4321"), ("carl", "cashier", "1357")):
        monkeypatch.setenv("POS_PIN", "246810")
        monkeypatch.setenv("POS_NEW_PIN", pin)
        assert shop("staff", "add", name, "--role", role, "--as", "olga")[0] == 0
    monkeypatch.setenv("POS_PIN", "1357")
    rc, refused = shop("items", "add", "--name", "Tea", "--price", "2", "--as", "carl")
    assert rc != 0 and refused["error"]["code"] == "staff.forbidden"
    assert "manager" in refused["error"]["message"]
    monkeypatch.setenv("POS_PIN", "4321")
    rc, added = shop("items", "add", "--name", "Tea", "--price", "2", "--sku", "T", "--as", "mona")
    assert rc == 0 and added["sku"] == "T"
    monkeypatch.setenv("POS_PIN", "1357")
    rc, listed = shop("items", "list", "--as", "carl")
    assert rc == 0 and [i["name"] for i in listed] == ["Tea"]
    rc, refused = shop("items", "remove", "T", "--as", "carl")
    assert refused["error"]["code"] == "staff.forbidden"
