"""The catalogue service: every change is in the audit log whichever face made it, and an
int reference is an item's id only."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from pos_app import cli
from pos_app.core.errors import PosError

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


def item_entries(shop) -> list[tuple[str, str | None, dict]]:
    rc, entries = shop("audit", "list")
    assert rc == 0
    return [
        (e["action"], e["subject"], e["details"])
        for e in reversed(entries)
        if e["action"].startswith("item")
    ]


def test_add_update_remove_and_import_are_audited(shop, tmp_path):
    assert shop("items", "add", "--name", "Tea", "--price", "250", "--sku", "TEA")[0] == 0
    assert shop("items", "add", "--name", "Bun", "--price", "300")[0] == 0  # no SKU
    assert shop("items", "update", "TEA", "--price", "300", "--name", "Tea")[0] == 0
    assert shop("items", "update", "TEA", "--price", "300")[0] == 0  # nothing changed
    csv_file = tmp_path / "items.csv"
    csv_file.write_text("sku,name,price\nTEA,Tea,320\nCAKE,Cake,400\n", encoding="utf-8")
    assert shop("items", "import", str(csv_file))[0] == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,name,price\nX,Xylo,-1\n", encoding="utf-8")
    assert shop("items", "import", str(bad))[0] == 1  # refused: nothing written, no entry
    assert shop("items", "remove", "CAKE")[0] == 0

    entries = item_entries(shop)
    assert [(a, s) for a, s, _ in entries] == [
        ("item.added", "TEA"),
        ("item.added", "#2"),
        ("item.updated", "TEA"),
        ("item.imported", None),
        ("item.removed", "CAKE"),
    ]
    assert entries[0][2] == {"name": "Tea", "price": "250", "unit": "sat"}
    # only what changed, with its value before and after
    assert entries[2][2] == {"price": {"from": "250", "to": "300"}}
    assert entries[3][2] == {"added": 1, "updated": 1}
    assert entries[4][2] == {"name": "Cake"}
    assert shop("audit", "verify")[0] == 0  # the entries are chained like every other


def test_an_int_ref_is_the_id_only_never_a_sku(tmp_path, monkeypatch):
    """The app names the row it shows by id: a SKU "1" on another item must not win."""
    import asyncio

    from pos_app.app import App

    monkeypatch.setenv("POS_DB_KEY", KEY)
    app, _ = App.init(tmp_path / "wallet", trust_env=False)

    async def run():
        try:
            plain = await app.items.add(name="Bun", price="120")  # id 1, no SKU
            other = await app.items.add(name="Pie", price="300", sku=str(plain["id"]))
            assert (await app.items.update(plain["id"], price="130"))["name"] == "Bun"
            assert (await app.items.update(str(plain["id"]), price="310"))["name"] == "Pie"
            removed = await app.items.remove(plain["id"])
            assert removed["name"] == "Bun"
            assert [i["id"] for i in await app.items.list()] == [other["id"]]
            with pytest.raises(PosError) as missing:
                await app.items.update(plain["id"], price="1")
            assert missing.value.code == "item.not_found"
        finally:
            await app.aclose()

    asyncio.run(run())
