"""Z reports per till and for the shop on a shared PostgreSQL store (issue 20).

Two tills of one shop sell into the one wallet (the fake mint). Each closes its own Z
report over its own sales, numbered and chained per till, without the drawer; the
shop's report counts every till's sales, with a line per till and the drawer. The
numbering's unique indexes hold for the shop's reports (``till_id`` NULL) on both stores.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time

import httpx
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from pos_app.api.app import make_api
from pos_app.api.limits import Guard
from pos_app.app import App
from pos_app.core.errors import ValidationError
from pos_app.core.reports.closing import digest_of
from pos_app.core.store import migrate, shop_db
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.keys import parse_hex_key
from pos_app.core.store.schema import Payment, Sale, ZReport
from pos_app.core.store.storage import read_storage
from tests.support.cli import Cli
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.report_history import history

PASSPHRASE = "counter passphrase"
SQLITE_KEY = bytes(range(32))


def two_tills(tmp_path, shop_url, mint):
    """Counter 1 creates the shop, Counter 2 joins it with an enrolment file."""
    first, second = tmp_path / "till1", tmp_path / "till2"
    app, _ = App.init(
        first, storage_url=shop_url, till_name="Counter 1", trust_env=False,
        transport=mint.transport(),
    )  # fmt: skip
    asyncio.run(app.aclose())
    card = tmp_path / "enrol.json"
    shop_db.write_enrolment_for(first, parse_hex_key(os.environ["POS_DB_KEY"]), card, PASSPHRASE)
    app, _ = App.init(
        second, enrolment=card, enrol_passphrase=PASSPHRASE, till_name="Counter 2",
        trust_env=False, transport=mint.transport(),
    )  # fmt: skip
    asyncio.run(app.aclose())
    return first, second


async def sell(app, mint, amount):
    sale = await app.sales.new_sale(str(amount), "sat")
    await app.sales.pay(sale["sale_id"], mint.token(amount))
    return sale["sale_id"]


@pytest.mark.pg
def test_each_till_closes_its_own_z_and_the_shop_report_sums_the_tills(tmp_path, shop_url):
    mint = FakeMint()
    first, second = two_tills(tmp_path, shop_url, mint)
    ids = {read_storage(f).till_name: read_storage(f).till_id for f in (first, second)}
    out = {}

    async def scenario():
        one = App.open(first, trust_env=False, transport=mint.transport())
        two = App.open(second, trust_env=False, transport=mint.transport())
        try:
            await one.mints.add(mint.url)
            assert one.reports.shared() and two.reports.shared()
            first_sale = await sell(one, mint, 21)
            await sell(two, mint, 100)
            await sell(two, mint, 7)
            x_one = await one.reports.x_report("UTC")
            z_one = await one.reports.close_z("UTC")
            z_two = await two.reports.close_z("UTC")
            again = await two.reports.close_z("UTC")  # nothing new at Counter 2
            await sell(one, mint, 5)
            z_one_2 = await one.reports.close_z("UTC")
            # Given at Counter 2, for Counter 1's sale: it shows in Counter 1's report.
            await two.sales.refunds.refund(first_sale, amount=5)
            out["refund_x_two"] = await two.reports.x_report("UTC")
            out["z_one_3"] = await one.reports.close_z("UTC")
            x_shop = await two.reports.x_report("UTC", scope="shop")
            out["api"] = await api_x(two)
            shop = await two.reports.close_z("UTC", scope="shop")
            shop_again = await one.reports.close_z("UTC", scope="shop")
            lists = (
                await one.reports.z_reports(),
                await two.reports.z_reports(),
                await one.reports.z_reports(scope="shop"),
            )
            shown = (
                await one.reports.z_report(1),
                await two.reports.z_report(1),
                await one.reports.z_report(1, scope="shop"),
            )
            with pytest.raises(ValidationError) as unknown:
                await two.reports.z_report(2)
            return (
                x_one,
                z_one,
                z_two,
                again,
                z_one_2,
                x_shop,
                shop,
                shop_again,
                lists,
                shown,
                unknown.value.code,
            )
        finally:
            await one.aclose()
            await two.aclose()

    x_one, z_one, z_two, again, z_one_2, x_shop, shop, shop_again, lists, shown, unknown = (
        asyncio.run(scenario())
    )
    # Each till's own report: its sales only, numbered from 1, no drawer (the shop's).
    assert x_one["figures"]["sales"] == 1 and x_one["scope"] == "till"
    assert (z_one["number"], z_one["figures"]["sales"], z_one["figures"]["gross_sat"]) == (
        1,
        1,
        {"sat": 21},
    )
    assert (z_one["till"], z_one["till_id"], z_one["drawer"]) == (
        "Counter 1",
        ids["Counter 1"],
        [],
    )
    assert (z_two["number"], z_two["figures"]["sales"], z_two["figures"]["gross_sat"]) == (
        1,
        2,
        {"sat": 107},
    )
    assert z_two["figures"]["settled"] == 2 and z_two["till"] == "Counter 2"
    assert (again["closed"], again["number"]) == (False, 1)
    # Counter 1's second report follows its own first: its number and its digest.
    assert (z_one_2["number"], z_one_2["figures"]["gross_sat"]) == (2, {"sat": 5})
    assert z_one_2["previous"] == {
        "number": 1,
        "digest": z_one["digest"],
        "closed_at": z_one["period"]["end"],
    }
    # A refund alone is something to close, at the till of the sale it gives back.
    assert out["refund_x_two"]["figures"]["refunds"] == 0
    z_one_3 = out["z_one_3"]
    assert (z_one_3["closed"], z_one_3["number"], z_one_3["figures"]["sales"]) == (True, 3, 0)
    assert (z_one_3["figures"]["refunds"], z_one_3["figures"]["refunded_sat"]) == (1, {"sat": 5})
    # The shop's report: every till's sales, the drawer, and a line per till that adds up.
    assert x_shop["figures"]["sales"] == shop["figures"]["sales"] == 4
    assert shop["scope"] == "shop" and "till_id" not in shop
    assert shop["figures"]["gross_sat"] == {"sat": 133}
    assert [(d["expected"], d["held"], d["exported"]) for d in shop["drawer"]] == [(128, 128, -5)]
    assert shop["figures"]["refunds"] == 1
    lines = {t["till"]: t for t in shop["tills"]}
    assert set(lines) == {"Counter 1", "Counter 2"}
    assert (lines["Counter 1"]["sales"], lines["Counter 1"]["gross_sat"]) == (2, {"sat": 26})
    assert (lines["Counter 2"]["sales"], lines["Counter 2"]["gross_sat"]) == (2, {"sat": 107})
    assert sum(t["sales"] for t in shop["tills"]) == shop["figures"]["sales"]
    assert (lines["Counter 1"]["refunds"], lines["Counter 2"]["refunds"]) == (1, 0)
    assert lines["Counter 1"]["last_z"]["number"] == 3
    assert not lines["Counter 1"]["open"] and not lines["Counter 2"]["open"]
    assert (shop["number"], shop["closed"], shop_again["closed"]) == (1, True, False)
    # Listing and showing stay in the chain asked for, and each chain holds.
    mine, theirs, shops = lists
    assert [(r["number"], r["intact"]) for r in mine] == [(3, True), (2, True), (1, True)]
    assert [(r["number"], r["sales"]) for r in theirs] == [(1, 2)]
    assert [(r["number"], r["sales"]) for r in shops] == [(1, 4)]
    assert [s["figures"]["sales"] for s in shown] == [1, 2, 4]
    assert all(s["intact"] for s in shown)
    assert unknown == "report.z_unknown"
    # The API's X report: this till's by default, the shop's with scope=shop.
    till_x, shop_x, bad = out["api"]
    assert (till_x["scope"], till_x["figures"]["sales"], till_x["till"]) == ("till", 0, "Counter 2")
    assert (shop_x["scope"], shop_x["figures"]["sales"]) == ("shop", 4)
    assert bad == 422
    # The command line at Counter 1: its own X report, and the shop's Z reports with --shop.
    cli = Cli(first, key=os.environ["POS_DB_KEY"])
    x = cli.ok("report", "x", "--no-check", "--tz", "UTC")
    assert (x["scope"], x["till"], x["previous"]["number"]) == ("till", "Counter 1", 3)
    listed = cli.ok("report", "z", "--list", "--shop")
    assert [(r["number"], r["sales"]) for r in listed] == [(1, 4)]


async def api_x(app):
    """The till's API: GET /reports/x as this till's, as the shop's, and with a bad scope."""
    made = await app.api_keys.create("reports", ["reports:read"])
    headers = {"Authorization": f"Bearer {made['key']}"}
    transport = httpx.ASGITransport(app=make_api(app, Guard(1000, 1000, failures=1000)))
    async with httpx.AsyncClient(transport=transport, base_url="http://till/api/v1") as client:
        answers = [
            await client.get("/reports/x", params={"scope": scope, "tz": "UTC"}, headers=headers)
            for scope in ("till", "shop", "everything")
        ]
    return answers[0].json(), answers[1].json(), answers[2].status_code


@pytest.mark.pg
def test_a_close_freezes_its_own_tills_sales_and_not_the_other_tills(tmp_path, shop_url):
    mint = FakeMint()
    first, second = two_tills(tmp_path, shop_url, mint)

    def touch(app, sale_id):
        """Write a paid sale's figure as it is (a second payment settling does so)."""
        app.db.transact(
            lambda s: s.execute(update(Sale).where(Sale.id == sale_id).values(paid=Sale.paid))
        )

    async def scenario():
        one = App.open(first, trust_env=False, transport=mint.transport())
        two = App.open(second, trust_env=False, transport=mint.transport())
        try:
            await one.mints.add(mint.url)
            ones = await sell(one, mint, 10)
            twos = await sell(two, mint, 20)
            await asyncio.sleep(1.1)  # paid a whole second before the closes
            await one.reports.close_z("UTC")
            touch(two, twos)  # Counter 1's close counted none of Counter 2's sales
            with pytest.raises(IntegrityError):
                touch(one, ones)
            await one.reports.close_z("UTC", scope="shop")
            with pytest.raises(IntegrityError):
                touch(two, twos)  # the shop's report counted it
        finally:
            await one.aclose()
            await two.aclose()

    asyncio.run(scenario())


def report(till_id, number):
    return ZReport(
        till_id=till_id,
        number=number,
        till="T",
        opened_at=0,
        closed_at=1,
        moves_through=0,
        content_json="{}",
        digest=digest_of("", "{}"),
    )


def add(db, *rows):
    db.transact(lambda s: s.add_all(rows))


@pytest.mark.both_stores
def test_numbers_are_unique_per_till_and_for_the_shop_whose_till_id_is_null(
    tmp_path, store, request
):
    if store == "sqlite":
        db = Database(tmp_path / DB_FILE, SQLITE_KEY, create=True)
    else:
        db = Database.postgresql(request.getfixturevalue("pg_url"))
    db.migrate()
    try:
        add(db, report(None, 1), report("till-a", 1), report("till-b", 1), report("till-a", 2))
        for duplicate in (report(None, 1), report("till-a", 2)):
            with pytest.raises(IntegrityError):
                add(db, duplicate)
        with pytest.raises(IntegrityError):  # a closed report still cannot change
            db.transact(lambda s: s.execute(update(ZReport).values(digest="0" * 64)))
        with pytest.raises(IntegrityError):
            db.transact(lambda s: s.execute(text("DELETE FROM z_reports")))
        assert db.transact(lambda s: len(s.scalars(select(ZReport)).all())) == 4
    finally:
        db.close()


def test_a_single_tills_reports_survive_the_migration_and_stay_closed(tmp_path):
    db = Database(tmp_path / DB_FILE, SQLITE_KEY, create=True)
    migrate.upgrade(db.engine, "0027")
    before = {
        "number": 1,
        "till": "Till",
        "opened_at": 0,
        "closed_at": 10,
        "moves_through": 0,
        "content_json": "{}",
        "digest": "d" * 64,
        "created_at": 10,
    }
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO z_reports (number, till, opened_at, closed_at, moves_through, "
                "content_json, digest, created_at) VALUES (:number, :till, :opened_at, "
                ":closed_at, :moves_through, :content_json, :digest, :created_at)"
            ),
            before,
        )
    db.migrate()
    try:
        rows = db.transact(
            lambda s: [(r.till_id, r.number, r.digest) for r in s.scalars(select(ZReport))]
        )
        assert rows == [(None, 1, "d" * 64)]
        with pytest.raises(IntegrityError):
            add(db, report(None, 1))
        with pytest.raises(IntegrityError):
            db.transact(lambda s: s.execute(update(ZReport).values(till="other")))
    finally:
        db.close()


def test_a_single_till_has_one_chain_whatever_the_scope_and_its_reports_keep_their_shape(
    tmp_path,
):
    cli = Cli(tmp_path / "wallet")
    cli.setup("init")
    sales, payments = history(seed=11)
    db = Database(cli.data_dir / DB_FILE, bytes.fromhex(cli.key))
    try:

        def write(session):
            session.add_all(Sale(**s) for s in sales)
            session.flush()
            session.add_all(Payment(**p) for p in payments)

        db.transact(write)
    finally:
        db.close()
    x_till = cli.ok("report", "x", "--tz", "UTC")
    x_shop = cli.ok("report", "x", "--shop", "--tz", "UTC")
    assert x_till["figures"] == x_shop["figures"] and x_till["figures"]["sales"] > 0
    assert not {"scope", "tills", "till_id"} & set(x_till)  # the shape it always had
    closed = cli.ok("report", "z", "--close", "--shop", "--tz", "UTC")
    again = cli.ok("report", "z", "--close", "--tz", "UTC")
    assert (closed["number"], closed["closed"], again["number"], again["closed"]) == (
        1,
        True,
        1,
        False,
    )
    assert cli.ok("report", "z", "--list") == cli.ok("report", "z", "--list", "--shop")
    db = Database(cli.data_dir / DB_FILE, bytes.fromhex(cli.key))
    try:
        kept = db.transact(lambda s: [(r.till_id, r.number) for r in s.scalars(select(ZReport))])
    finally:
        db.close()
    assert kept == [(None, 1)]


@pytest.mark.parametrize("store", ["postgresql"], indirect=True)
def test_a_close_on_postgresql_waits_for_a_sale_being_paid_and_counts_it(
    tmp_path, store, monkeypatch
):
    """Without the close's table lock the sale, stamped before the close and committed
    after it, would be in neither this report nor the next (which starts at its end)."""
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    mint = FakeMint()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            sale = await app.sales.new_sale("42", "sat")
            started = threading.Event()

            def pay_slowly(session):
                session.execute(
                    update(Sale)
                    .where(Sale.id == sale["sale_id"])
                    .values(state="paid", paid=Sale.due, paid_at=int(time.time()))
                )
                started.set()
                time.sleep(1.5)  # a payment still committing when the close begins

            paying = asyncio.get_running_loop().run_in_executor(None, app.db.transact, pay_slowly)
            await asyncio.to_thread(started.wait, 10)
            closed = await app.reports.close_z("UTC", check=False)
            await paying
            return closed
        finally:
            await app.aclose()

    closed = asyncio.run(scenario())
    assert closed["closed"] and closed["figures"]["sales"] == 1
    assert closed["figures"]["gross_sat"] == {"sat": 42}
