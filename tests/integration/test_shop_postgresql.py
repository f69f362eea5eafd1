"""Tills of one shop on its PostgreSQL database: the first creates the shop, others join.

What a till keeps locally (``storage.json``, the shop key sealed under its own key) is
checked as a file, and what the tills share (the seed, the mints) through the app.
"""

from __future__ import annotations

import asyncio
import os
import re

import pytest
from sqlalchemy import delete, select

from pos_app.app import App, wallet_exists
from pos_app.core.errors import PosError, StorageError
from pos_app.core.store import shop_db
from pos_app.core.store.copy import copy_rows
from pos_app.core.store.db import DB_FILE
from pos_app.core.store.keys import parse_hex_key
from pos_app.core.store.schema import AuditEntry, Payment, ProofRow, Sale
from pos_app.core.store.storage import (
    SHOP_KEY_FILE,
    STORAGE_FILE,
    read_storage,
)
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

pytestmark = pytest.mark.pg

PASSPHRASE = "counter passphrase"


def close(app: App) -> None:
    asyncio.run(app.aclose())


def shows_words(data: bytes, words: str) -> bool:
    """Whether ``data`` holds the recovery phrase's first three words in a row.

    Not one word alone: a single BIP-39 word ("memory", "key", "salt"...) can be part of
    any file's own text, as the enrolment's KDF parameters are.
    """
    first = [re.escape(w.encode()) for w in words.split()[:3]]
    return re.search(rb"\W+".join(first), data) is not None


def files_of(folder):
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_first_till_creates_the_shop_and_keeps_no_password_or_key_in_a_file(
    tmp_path, shop_url, pg_server
):
    till = tmp_path / "till1"
    app, created = App.init(till, storage_url=shop_url, till_name="Counter 1", trust_env=False)
    words = app.wallet.mnemonic()
    info = app.info()
    close(app)
    assert created and wallet_exists(till)
    assert (info["storage"], info["till"], info["database"]) == (
        "postgresql",
        "Counter 1",
        shop_url,
    )
    storage = read_storage(till)
    assert (storage.backend, storage.url, storage.till_name) == (
        "postgresql",
        shop_url,
        "Counter 1",
    )
    kept = files_of(till)
    assert {STORAGE_FILE, SHOP_KEY_FILE} <= set(kept)
    for name, data in kept.items():
        assert pg_server.password.encode() not in data, name
        assert not shows_words(data, words) or name == "pos-app.log", name
    assert oct((till / SHOP_KEY_FILE).stat().st_mode & 0o777) == "0o600"

    again = App.open(till, trust_env=False)
    assert again.wallet.mnemonic() == words
    close(again)


def test_a_second_till_joins_with_an_enrolment_file_and_shares_the_wallet(tmp_path, shop_url):
    first, second = tmp_path / "till1", tmp_path / "till2"
    app, _ = App.init(first, storage_url=shop_url, till_name="Counter 1", trust_env=False)
    words = app.wallet.mnemonic()
    close(app)
    card = tmp_path / "usb" / "enrol.json"
    card.parent.mkdir()  # the stick is plugged in
    shop_db.write_enrolment_for(first, parse_hex_key(os.environ["POS_DB_KEY"]), card, PASSPHRASE)
    assert oct(card.stat().st_mode & 0o777) == "0o600"
    assert not shows_words(card.read_bytes(), words)

    joined, created = App.init(
        second, enrolment=card, enrol_passphrase=PASSPHRASE, till_name="Counter 2", trust_env=False
    )
    assert created
    assert joined.wallet.mnemonic() == words
    assert read_storage(second).till_id != read_storage(first).till_id
    close(joined)


def test_joining_fails_cleanly_and_leaves_the_folder_empty(tmp_path, shop_url, pg_server):
    first = tmp_path / "till1"
    app, _ = App.init(first, storage_url=shop_url, till_name="Counter 1", trust_env=False)
    close(app)
    other_shop = pg_server.url(pg_server.create_database(), password=False)
    close(App.init(tmp_path / "elsewhere", storage_url=other_shop, trust_env=False)[0])
    empty = pg_server.url(pg_server.create_database(), password=False)
    card = tmp_path / "enrol.json"
    shop_db.write_enrolment_for(first, parse_hex_key(os.environ["POS_DB_KEY"]), card, PASSPHRASE)

    cases = [
        (
            {"enrolment": card, "enrol_passphrase": PASSPHRASE, "storage_url": other_shop},
            "storage.not_this_shop",
        ),
        (
            {"enrolment": card, "enrol_passphrase": PASSPHRASE, "storage_url": empty},
            "storage.no_shop",
        ),
        (
            {"enrolment": card, "enrol_passphrase": "not the passphrase"},
            "storage.enrol_bad_passphrase",
        ),
        (
            {"enrolment": card, "enrol_passphrase": PASSPHRASE, "till_name": "Counter 1"},
            "storage.till_name_taken",
        ),
        ({"storage_url": shop_url}, "storage.shop_exists"),
    ]
    for n, (kwargs, code) in enumerate(cases):
        folder = tmp_path / f"other{n}"
        with pytest.raises(PosError) as err:
            App.init(folder, trust_env=False, **kwargs)
        assert err.value.code == code
        assert not folder.exists() or not any(folder.iterdir())
        assert not wallet_exists(folder)

    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(card.read_bytes().replace(b'"url"', b'"URL"'))
    with pytest.raises(PosError) as err:
        App.init(tmp_path / "x", enrolment=damaged, enrol_passphrase=PASSPHRASE, trust_env=False)
    assert err.value.code == "storage.enrol_damaged"


def test_a_till_that_cannot_keep_its_part_takes_back_what_it_wrote(tmp_path, shop_url, monkeypatch):
    # E.g. the keyring refuses the password: the shop (or the till's row) must not stay
    # behind on the server, or a retry finds "a shop exists" / "that name is taken".
    def refused(*_args, **_kwargs):
        raise StorageError("storage.keyring_failed", "The keyring refused the password.")

    with monkeypatch.context() as patched:
        patched.setattr(shop_db.st, "remember_password", refused)
        with pytest.raises(PosError):
            App.init(
                tmp_path / "till1", storage_url=shop_url, till_name="Counter 1", trust_env=False
            )
    assert not wallet_exists(tmp_path / "till1")
    app, _ = App.init(
        tmp_path / "till1", storage_url=shop_url, till_name="Counter 1", trust_env=False
    )
    close(app)
    card = tmp_path / "enrol.json"
    key = parse_hex_key(os.environ["POS_DB_KEY"])
    shop_db.write_enrolment_for(tmp_path / "till1", key, card, PASSPHRASE)
    with monkeypatch.context() as patched:
        patched.setattr(shop_db.st, "remember_password", refused)
        with pytest.raises(PosError):
            App.init(
                tmp_path / "till2",
                enrolment=card,
                enrol_passphrase=PASSPHRASE,
                till_name="Counter 2",
                trust_env=False,
            )
    app, _ = App.init(
        tmp_path / "till2",
        enrolment=card,
        enrol_passphrase=PASSPHRASE,
        till_name="Counter 2",
        trust_env=False,
    )
    names = [t["name"] for t in asyncio.run(app.storage_status())["tills"]]
    close(app)
    assert names == ["Counter 1", "Counter 2"]


def test_a_wrong_till_key_opens_nothing(tmp_path, shop_url, monkeypatch):
    till = tmp_path / "till1"
    app, _ = App.init(till, storage_url=shop_url, trust_env=False)
    close(app)
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())
    with pytest.raises(PosError) as err:
        App.open(till, trust_env=False)
    assert err.value.code == "storage.wrong_key"


def test_a_bad_address_is_refused_without_showing_the_password(tmp_path, pg_server):
    for url, code in (
        ("mysql://u:hunter22@host/db", "storage.bad_url"),
        ("postgresql://u:hunter22@/db", "storage.bad_url"),
        (f"postgresql://u:hunter22@127.0.0.1:{pg_server.port}/nosuchdb", "storage.pg_auth"),
    ):
        with pytest.raises(PosError) as err:
            App.init(tmp_path / "t", storage_url=url, trust_env=False)
        assert err.value.code == code
        assert "hunter22" not in f"{err.value.user_message} {err.value.detail}"
        assert not wallet_exists(tmp_path / "t")


def test_a_till_moves_its_wallet_onto_the_shops_database_and_keeps_every_sat(
    tmp_path, pg_server, monkeypatch
):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    monkeypatch.setenv("POS_PG_PASSWORD", pg_server.password)
    mint = FakeMint()
    till = tmp_path / "shop"

    async def sell_some():
        app = open_shop(till, mint)
        try:
            await app.mints.add(mint.url)
            for amount in (21, 300, 64):
                sale = await app.sales.new_sale(str(amount), "sat")
                await app.sales.pay(sale["sale_id"], mint.token(amount))
            return (await app.wallet.balance()), app.wallet.mnemonic()
        finally:
            await app.aclose()

    balance, words = asyncio.run(sell_some())
    taken = pg_server.url(pg_server.create_database(), password=False)
    other = tmp_path / "other"
    App.init(other, storage_url=taken, trust_env=False)[0].db.close()
    with pytest.raises(PosError) as err:
        shop_db.move_to_shared(till, parse_hex_key(DB_KEY), taken, None)
    assert err.value.code == "storage.shop_exists"
    assert (till / DB_FILE).exists() and not read_storage(till).shared

    def loses_a_proof(source, target):
        counts = copy_rows(source, target)
        target.transact(lambda s: s.execute(delete(ProofRow).where(ProofRow.id == 1)))
        return counts

    lossy = pg_server.url(pg_server.create_database(), password=False)
    monkeypatch.setattr(shop_db, "copy_rows", loses_a_proof)
    with pytest.raises(PosError) as err:
        shop_db.move_to_shared(till, parse_hex_key(DB_KEY), lossy, None)
    assert err.value.code == "storage.move_mismatch" and "proofs" in err.value.detail
    assert (till / DB_FILE).exists() and not read_storage(till).shared
    monkeypatch.undo()
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    monkeypatch.setenv("POS_PG_PASSWORD", pg_server.password)

    url = pg_server.url(pg_server.create_database(), password=False)
    moved = shop_db.move_to_shared(till, parse_hex_key(DB_KEY), url, "Counter 1")
    assert moved["copied"]["sales"] == 3 and moved["till_name"] == "Counter 1"
    assert not (till / DB_FILE).exists()
    assert (till / f"{DB_FILE}{shop_db.MOVED_SUFFIX}").exists()

    async def after():
        app = App.open(till, trust_env=False, transport=mint.transport())
        try:
            sales = await app.sales.list()
            return await app.wallet.balance(), app.wallet.mnemonic(), sales, app.db.backend
        finally:
            await app.aclose()

    balance_after, words_after, sales, backend = asyncio.run(after())
    assert (balance_after, words_after, backend) == (balance, words, "postgresql")
    assert sorted(s["due"] for s in sales) == [21, 64, 300]
    with pytest.raises(PosError) as err:
        shop_db.move_to_shared(till, parse_hex_key(DB_KEY), url, None)
    assert err.value.code == "storage.not_local"


def test_each_till_sells_into_the_one_wallet_and_its_rows_say_which_till(tmp_path, shop_url):
    mint = FakeMint()
    first, second = tmp_path / "till1", tmp_path / "till2"
    app, _ = App.init(
        first,
        storage_url=shop_url,
        till_name="Counter 1",
        trust_env=False,
        transport=mint.transport(),
    )
    close(app)
    card = tmp_path / "enrol.json"
    shop_db.write_enrolment_for(first, parse_hex_key(os.environ["POS_DB_KEY"]), card, PASSPHRASE)
    app, _ = App.init(
        second,
        enrolment=card,
        enrol_passphrase=PASSPHRASE,
        till_name="Counter 2",
        trust_env=False,
        transport=mint.transport(),
    )
    close(app)

    async def sell_at(folder, amount):
        app = App.open(folder, trust_env=False, transport=mint.transport())
        try:
            if not await app.mints.list_all():
                await app.mints.add(mint.url)
            sale = await app.sales.new_sale(str(amount), "sat")
            await app.sales.pay(sale["sale_id"], mint.token(amount))
            return sale["sale_id"], await app.wallet.balance(), await app.storage_status()
        finally:
            await app.aclose()

    one, _, _ = asyncio.run(sell_at(first, 21))
    two, balance, status = asyncio.run(sell_at(second, 100))
    assert balance["total"] == {"sat": 121}  # both tills' sales in the one wallet
    ids = {read_storage(f).till_name: read_storage(f).till_id for f in (first, second)}
    assert [(t["name"], t["this_till"]) for t in status["tills"]] == [
        ("Counter 1", False),
        ("Counter 2", True),
    ]
    assert (status["backend"], status["till_name"]) == ("postgresql", "Counter 2")

    def rows(session):
        sales = dict(session.execute(select(Sale.id, Sale.till_id)).all())
        payments = {p.sale_id: p.till_id for p in session.scalars(select(Payment))}
        actors = {a.till_id for a in session.scalars(select(AuditEntry))}
        return sales, payments, actors

    app = App.open(first, trust_env=False, transport=mint.transport())
    sales, payments, actors = app.db.transact(rows)
    close(app)
    assert sales == {one: ids["Counter 1"], two: ids["Counter 2"]}
    assert payments == sales
    assert {ids["Counter 1"], ids["Counter 2"]} <= actors
