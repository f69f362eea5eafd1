"""Bulk export to a folder (files, manifest, failures) and import of several files or a folder."""

from __future__ import annotations

import asyncio
import csv
import json
import os
from pathlib import Path

import pytest

from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.store.schema import Export, ProofRow
from pos_app.core.wallet import bulk, send
from pos_app.core.wallet.coins import balances
from pos_app.core.wallet.exportfile import read_token_file, write_atomic
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop, rows


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def shop(tmp_path, mints, scenario, funds):
    async def main():
        app = open_shop(tmp_path / "shop", *mints)
        try:
            for mint, fund in zip(mints, funds, strict=True):
                await app.mints.add(mint.url)
                for amount in fund:
                    await app.wallet.receive(mint.token(amount))
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def balance(app):
    return {(b["mint"], b["amount"]) for b in app.db.transact(balances)["balances"]}


def other_mint(name="other"):
    return FakeMint(f"http://{name}-mint.test", name=name)


def test_every_mint_above_the_floor_goes_to_its_own_file_with_a_manifest(tmp_path):
    a, b, c = FakeMint(fee_ppk=1000), other_mint(), other_mint("small")
    out = tmp_path / "stick"
    out.mkdir()
    seen = []

    async def scenario(app):
        swaps = len(a.requests("/v1/swap"))
        done = await app.bulk.export_all(
            out, min_amount=10, progress=lambda n, total: seen.append((n, total))
        )
        return done, len(a.requests("/v1/swap")) - swaps, balance(app), rows(app, Export)

    done, swaps, left, exports = shop(
        tmp_path, (a, b, c), scenario, ([32, 8], [20], [9])
    )  # a holds 31 + 7 after its 1-sat fees
    assert swaps == 0  # the coins leave as they are: no fee
    assert left == {(c.url, 9)}
    assert seen == [(1, 2), (2, 2)]
    by_mint = {f["mint"]: f for f in done["files"]}
    assert set(by_mint) == {a.url, b.url}
    assert (by_mint[a.url]["amount"], by_mint[b.url]["amount"]) == (38, 20)
    for f in done["files"]:
        token = parse_token(read_token_file(f["file"]))
        assert (token.mint, token.amount, len(token.proofs)) == (
            f["mint"],
            f["amount"],
            f["proofs"],
        )
    assert {e.file_path for e in exports} == {f["file"] for f in done["files"]}
    manifest = json.loads(Path(done["manifest"]).read_text())["files"]
    assert [m["file"] for m in manifest] == [os.path.basename(f["file"]) for f in done["files"]]
    with open(done["manifest_csv"], newline="") as f:
        table = list(csv.DictReader(f))
    assert [(r["file"], r["mint"], r["amount"], r["proofs"]) for r in table] == [
        (m["file"], m["mint"], str(m["amount"]), str(m["proofs"])) for m in manifest
    ]
    assert all(r["created"] == m["created"] for r, m in zip(table, manifest, strict=True))
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary left


@pytest.mark.parametrize("floor", [0, -1, True])
def test_a_floor_below_one_is_refused(tmp_path, floor):
    async def scenario(app):
        with pytest.raises(PosError) as err:
            await app.bulk.export_all(tmp_path, min_amount=floor)
        return err.value

    assert shop(tmp_path, (FakeMint(),), scenario, ([8],)).code == "amount.invalid"


def test_a_missing_folder_or_nothing_above_the_floor_exports_nothing(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        with pytest.raises(PosError) as missing:
            await app.bulk.export_all(tmp_path / "unplugged")
        with pytest.raises(PosError) as nothing:
            await app.bulk.export_all(tmp_path, min_amount=9)
        exactly = await app.bulk.export_all(tmp_path, min_amount=8)
        return missing.value, nothing.value, exactly, rows(app, Export)

    missing, nothing, exactly, exports = shop(tmp_path, (mint,), scenario, ([8],))
    assert missing.code == "export.no_folder" and nothing.code == "export.nothing"
    assert [f["amount"] for f in exactly["files"]] == [8] and len(exports) == 1


def test_a_file_that_cannot_be_written_leaves_the_token_in_the_history(tmp_path, monkeypatch):
    a, b = FakeMint(), other_mint()
    real = bulk._write_token
    calls = []

    def failing(folder, text, amount, unit, mint, **kwargs):
        calls.append(mint)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(folder, text, amount, unit, mint, **kwargs)

    monkeypatch.setattr(bulk, "_write_token", failing)

    async def scenario(app):
        with pytest.raises(PosError) as err:
            await app.bulk.export_all(tmp_path)
        history = await app.exports.list()
        back = await app.exports.reclaim(next(e.id for e in history if e.file is None))
        return err.value, history, back, balance(app)

    err, history, back, left = shop(tmp_path, (a, b), scenario, ([16], [4]))
    assert err.code == "export.write_failed" and "export history" in err.user_message
    assert len(err.data["files"]) == 1 and err.data["export_id"] == back.export_id
    assert sorted((e.amount, e.file is None) for e in history) == [(4, True), (16, False)]
    assert back.amount == 4 and left == {(b.url, 4)}
    assert not list(tmp_path.glob("cashu-manifest-*"))


def test_write_atomic_never_replaces_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "token.txt"
    write_atomic(target, b"first")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"second")
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token.txt"]


def test_a_bulk_export_imported_back_is_taken_back_once(tmp_path):
    a, b = FakeMint(), other_mint()
    out = tmp_path / "stick"
    out.mkdir()

    async def scenario(app):
        await app.bulk.export_all(out)
        first = await app.bulk.import_files([out])
        again = await app.bulk.import_files([out])
        return first, again, balance(app), await app.exports.list(status="reclaimed")

    first, again, left, reclaimed = shop(tmp_path, (a, b), scenario, ([16], [4]))
    assert sorted((r["result"], r["amount"]) for r in first) == [
        ("reclaimed", 4),
        ("reclaimed", 16),
    ]
    assert [r["result"] for r in again] == ["already_imported", "already_imported"]
    assert left == {(a.url, 16), (b.url, 4)} and len(reclaimed) == 2


def test_import_reports_each_file_and_loses_nothing_when_one_fails(tmp_path):
    mint = FakeMint()
    folder = tmp_path / "in"
    folder.mkdir()
    fresh, spent = mint.token(8), mint.token(4)
    mint.spend(list(parse_token(spent).proofs))
    (folder / "a-fresh.txt").write_text(f"here it is: {fresh}\n")
    (folder / "b-same.txt").write_text(fresh)
    (folder / "c-spent.txt").write_text(spent)
    (folder / "d-binary.txt").write_bytes(b"\xff\xfe\x00")
    loose = tmp_path / "loose.txt"
    loose.write_text(mint.token(2))

    async def scenario(app):
        results = await app.bulk.import_files([folder, loose, folder / "a-fresh.txt"])
        with pytest.raises(PosError) as missing:
            await app.bulk.import_files([tmp_path / "nope"])
        with pytest.raises(PosError) as empty:
            await app.bulk.import_files([_empty(tmp_path)])
        return results, missing.value, empty.value, balance(app)

    results, missing, empty, left = shop(tmp_path, (mint,), scenario, ([],))
    outcome = {os.path.basename(r["file"]): (r["result"], r["amount"]) for r in results}
    assert outcome == {
        "a-fresh.txt": ("imported", 8),
        "b-same.txt": ("already_imported", 0),
        "c-spent.txt": ("spent", 0),
        "d-binary.txt": ("failed", 0),
        "loose.txt": ("imported", 2),
    }
    assert len(results) == 5  # a file named twice is read once
    assert missing.code == "import.not_found" and empty.code == "import.nothing"
    assert left == {(mint.url, 10)}


def _empty(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def test_send_all_exports_every_coin_as_stored(tmp_path):
    mint = FakeMint(fee_ppk=1000)

    async def scenario(app):
        with pytest.raises(PosError) as unknown:
            await send.send_all(app.ctx, "http://nowhere.test", "sat")
        with pytest.raises(PosError) as none:
            await send.send_all(app.ctx, mint.url, "usd")
        swaps = len(mint.requests("/v1/swap"))
        sent = await send.send_all(app.ctx, mint.url, "sat", memo="all of it")
        return unknown.value, none.value, sent, len(mint.requests("/v1/swap")) - swaps

    unknown, none, sent, swaps = shop(tmp_path, (mint,), scenario, ([16, 8],))
    assert (unknown.code, unknown.user_message, unknown.detail) == (
        "mint.unknown",
        "This mint is not in the shop's list.",
        "http://nowhere.test",
    )
    assert (none.code, none.user_message, none.detail, none.data) == (
        "wallet.insufficient_funds",
        "The shop holds no usd at this mint.",
        f"{mint.url} usd",
        {"needed": 1},
    )
    token = parse_token(sent.token)
    assert (sent.amount, sent.fee, swaps, token.amount, token.memo) == (22, 0, 0, 22, "all of it")
    assert (sent.mint, sent.unit) == (mint.url, "sat")


def test_send_all_marks_the_coins_exported(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sent = await send.send_all(app.ctx, mint.url, "sat")
        return sent, rows(app, ProofRow), rows(app, Export)

    sent, proofs, [export] = shop(tmp_path, (mint,), scenario, ([5],))
    assert {(p.amount, p.state, p.export_id) for p in proofs} == {
        (1, "exported", export.id),
        (4, "exported", export.id),
    }
    assert (export.amount, export.purpose, export.token_text) == (5, "export", sent.token)
