"""X and Z reports on the fake mint: the drawer count adds up, numbers never repeat or skip,
a closed report and the sales it counted cannot change, a crash leaves no half report."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from pos_app.core import formatting
from pos_app.core.errors import ValidationError
from pos_app.core.reports.closing import digest_of
from pos_app.core.reports.drawer import count, last_move
from pos_app.core.reports.zfiles import write_z_csv, write_z_pdf
from pos_app.core.reports.zsections import as_text, notes, sections
from pos_app.core.store.schema import BalanceMove, ProofRow, ZReport
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, Killed, arm_kill, open_shop
from tests.support.pdftext import pdf_text

pytestmark = pytest.mark.both_stores


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, scenario, *mints):
    async def main():
        app = open_shop(tmp_path / "shop", *mints)
        try:
            for mint in mints:
                await app.mints.add(mint.url)
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def per_mint(app, where):
    """The amount of the proofs matching SQL condition ``where``, per mint URL."""
    query = text(
        "SELECT m.url, sum(p.amount) FROM proofs p JOIN mints m ON m.id = p.mint_id "
        f"WHERE {where} GROUP BY m.url"
    )
    return app.db.transact(lambda s: dict(s.execute(query).all()))


def held(app):
    """What the wallet holds per mint URL, counted from the proofs themselves."""
    return per_mint(app, "p.state IN ('unspent', 'pending')")


def received(app):
    """The customers' coins the wallet stored, per mint URL."""
    return per_mint(app, "p.origin = 'received'")


async def sell(app, mint, amount):
    sale = await app.sales.new_sale(str(amount), "sat")
    return await app.sales.pay(sale["sale_id"], mint.token(amount))


def test_the_drawer_adds_up_over_receives_exports_and_withdrawals(tmp_path):
    mint = FakeMint(fee_ppk=100)  # every input costs a tenth of a sat, rounded up per swap
    other = FakeMint("http://other-mint.test", name="other")

    async def scenario(app):
        await sell(app, mint, 500)
        await sell(app, mint, 300)
        await sell(app, other, 64)
        sent = await app.wallet.send(mint.url, "sat", 120)
        invoice = mint.invoice(100, fee_reserve=8, fee_paid=3)
        paid = await app.wallet.melt(invoice, mint.url)
        return await app.reports.x_report("UTC"), sent, paid, held(app), received(app)

    report, sent, paid, holds, received_proofs = run_shop(tmp_path, scenario, mint, other)
    lines = {line["mint"]: line for line in report["drawer"]}
    main, second = lines[mint.url], lines[other.url]
    assert main["opening"] == 0 and second["opening"] == 0
    # Customers paid 500 + 300 on the fee mint; the swap fees came out of their tokens.
    assert main["received"] == received_proofs[mint.url] < 800
    assert main["exported"] == -120
    assert main["withdrawn"] == -100
    assert main["fees"] < 0
    assert main["expected"] == main["opening"] + sum(
        main[k]
        for k in (
            *("received", "restored", "reclaimed", "exported", "withdrawn", "fees"),
            *("spent_elsewhere", "other"),
        )
    )
    assert main["held"] == holds[mint.url] == main["expected"]
    assert main["difference"] == 0 and main["pending"] == 0
    assert second == {
        **second,
        "received": 64,
        "exported": 0,
        "fees": 0,
        "expected": 64,
        "held": 64,
        "difference": 0,
    }
    # Fees are what the wallet spent beyond what it handed out: the send's swap fee and
    # the melt's input fee plus the 3 sat the route cost.
    assert -main["fees"] == sent.fee + paid.input_fee + 3


def stored_reports(app):
    return app.db.transact(lambda s: list(s.scalars(select(ZReport).order_by(ZReport.number))))


def test_z_numbers_follow_each_other_and_a_second_close_closes_nothing(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        with pytest.raises(ValidationError) as nothing:
            await app.reports.close_z("UTC")
        await sell(app, mint, 21)
        x = await app.reports.x_report("UTC")
        first = await app.reports.close_z("UTC")
        again = await app.reports.close_z("UTC")
        await sell(app, mint, 5)
        second = await app.reports.close_z("UTC")
        return nothing.value, x, first, again, second, await app.reports.z_reports()

    nothing, x, first, again, second, listed = run_shop(tmp_path, scenario, mint)
    assert nothing.code == "report.z_nothing"
    assert x["kind"] == "X" and x["number"] == 1  # what the next Z will be; X stores nothing
    assert (first["number"], first["closed"], first["figures"]["sales"]) == (1, True, 1)
    assert "training" not in first and "training" not in x  # a shop's reports keep their shape
    assert first["figures"]["gross_sat"] == {"sat": 21}
    assert first["drawer"][0]["expected"] == first["drawer"][0]["held"] == 21
    assert first["mint_check"] == [
        {"mint": mint.url, "unit": "sat", "reachable": True, "unspent": 21}
    ]
    assert (again["number"], again["closed"]) == (1, False)
    assert (second["number"], second["closed"], second["figures"]["sales"]) == (2, True, 1)
    assert second["drawer"][0]["opening"] == 21 and second["drawer"][0]["expected"] == 26
    assert second["previous"]["number"] == 1 and second["previous"]["digest"] == first["digest"]
    assert second["period"]["start"] == first["period"]["end"]
    assert [r["number"] for r in listed] == [2, 1] and all(r["intact"] for r in listed)
    assert x["figures"] == {**first["figures"]}  # nothing happened between the X and the Z


def test_a_training_tills_reports_say_they_are_not_real(tmp_path):
    from pos_app.core.reports.zsections import title

    mint = FakeMint()

    async def scenario(app):
        await sell(app, mint, 8)
        x = await app.reports.x_report("UTC")
        z = await app.reports.close_z("UTC")
        return x, z, await app.reports.z_reports()

    async def main():
        app = open_shop(tmp_path / "training", mint, training=True)
        try:
            await app.mints.add(mint.url)
            return await scenario(app)
        finally:
            await app.aclose()

    x, z, listed = asyncio.run(main())
    assert x["training"] is True and z["training"] is True
    assert title(z) == "TRAINING - not a real report: Z report 1"
    assert sections(x)[0].title == "TRAINING - not a real report: X report"
    assert listed[0]["intact"]  # stored with the mark, digest and all


def test_a_closed_report_and_what_it_counted_cannot_change(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await sell(app, mint, 21)
        await app.reports.close_z("UTC")
        [row] = stored_reports(app)
        for statement in (
            "UPDATE z_reports SET content_json = '{}'",
            "DELETE FROM z_reports",
            "UPDATE balance_moves SET delta = delta + 1",
            "DELETE FROM balance_moves",
            "UPDATE sales SET amount = '1'",
            "UPDATE sales SET state = 'cancelled'",
            "UPDATE payments SET credited = 0",
        ):
            with pytest.raises(IntegrityError, match=r"closed|append-only"):
                await app.db.run(lambda s, q=statement: s.execute(text(q)))
        # What the reports do not read may still change (a sale's memo).
        await app.db.run(lambda s: s.execute(text("UPDATE sales SET memo = 'late note'")))
        return row, stored_reports(app)

    row, after = run_shop(tmp_path, scenario, mint)
    assert digest_of("", row.content_json) == row.digest
    assert [(r.number, r.content_json) for r in after] == [(row.number, row.content_json)]


def test_an_edited_report_shows_as_not_intact(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await sell(app, mint, 21)
        await app.reports.close_z("UTC")
        await sell(app, mint, 3)
        await app.reports.close_z("UTC")

        def tamper(s):  # someone with the key drops the trigger and edits report 1
            on = " ON z_reports" if app.db.backend == "postgresql" else ""
            s.execute(text(f"DROP TRIGGER z_reports_no_update{on}"))
            s.execute(
                text(
                    "UPDATE z_reports SET content_json = replace(content_json, '21', '12') WHERE number = 1"
                )
            )

        await app.db.run(tamper)
        return await app.reports.z_reports(), await app.reports.z_report(1)

    listed, shown = run_shop(tmp_path, scenario, mint)
    assert [(r["number"], r["intact"]) for r in listed] == [(2, True), (1, False)]
    assert shown["intact"] is False


def test_a_crash_while_closing_leaves_no_report_and_the_next_close_is_number_one(
    tmp_path, monkeypatch
):
    mint = FakeMint()

    async def scenario(app):
        await sell(app, mint, 21)
        arm_kill(monkeypatch, "z.before_commit")
        with pytest.raises(Killed):
            await app.reports.close_z("UTC")
        monkeypatch.delenv("POS_TEST_FAULT")
        after_crash = stored_reports(app)
        closed = await app.reports.close_z("UTC")
        return after_crash, closed

    after_crash, closed = run_shop(tmp_path, scenario, mint)
    assert after_crash == []
    assert (closed["number"], closed["figures"]["sales"]) == (1, 1)


def test_the_mint_check_finds_spent_coins_and_a_mint_that_is_down(tmp_path):
    mint = FakeMint()
    down = FakeMint("http://down-mint.test", name="down")

    async def scenario(app):
        await sell(app, mint, 16)
        await sell(app, down, 8)
        stolen = app.db.transact(
            lambda s: [
                r.secret
                for r in s.scalars(
                    select(ProofRow).where(ProofRow.state == "unspent", ProofRow.amount == 16)
                )
            ]
        )
        mint.spent.update({y: None for y in map(y_of, stolen)})  # the seed was used elsewhere
        down.down = True
        return await app.reports.x_report("UTC")

    report = run_shop(tmp_path, scenario, mint, down)
    checks = {c["mint"]: c for c in report["mint_check"]}
    assert checks[mint.url] == {"mint": mint.url, "unit": "sat", "reachable": True, "spent": 16}
    assert checks[down.url]["reachable"] is False
    said = " ".join(notes(report))
    assert "already spent" in said and "did not answer" in said
    # The X report reads; the wallet still holds the coins until the owner runs Check.
    assert {line["mint"]: line["held"] for line in report["drawer"]} == {mint.url: 16, down.url: 8}


def y_of(secret):
    from pos_app.core.cashu.crypto import y_of_secret

    return y_of_secret(secret)


def test_the_z_report_prints_to_pdf_and_csv_with_the_drawer(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.db.run(lambda s: app.config.set_many(s, {"shop.name": "Corner Cafe"}))
        await sell(app, mint, 1234)
        return await app.reports.close_z("Europe/Berlin")

    report = run_shop(tmp_path, scenario, mint)
    pdf, table = tmp_path / "z.pdf", tmp_path / "z.csv"
    assert write_z_pdf(pdf, report) >= 1
    rows = write_z_csv(table, report)
    assert rows == sum(len(s.rows) for s in sections(report))
    text_of_csv = table.read_text(encoding="utf-8-sig")
    assert "Z report 1" in text_of_csv and "Ecash drawer" in text_of_csv
    assert pdf.read_bytes().startswith(b"%PDF")
    printed = pdf_text(pdf)
    slip = as_text(report).splitlines()
    assert slip[0] == "Z report 1" and all(len(line) <= 64 for line in slip if line[:2] != "- ")
    held_line = next(line for line in slip if line.startswith("Held by the wallet now"))
    assert held_line.endswith(formatting.sats(report["drawer"][0]["held"]))
    assert "Corner Cafe - Z report 1" in printed
    assert "Held by the wallet now" in printed and "Difference (held - expected)" in printed
    # The audit log's head as it was at the close: a later `audit verify` must reach it.
    audit = report["audit"]
    assert audit["id"] > 0 and len(audit["chain"]) == 64
    assert f"#{audit['id']} {audit['chain'][:16]}" in as_text(report)


def test_a_wallet_from_before_the_ledger_opens_it_with_what_it_held(tmp_path):
    from pos_app.core.store import migrate
    from pos_app.core.store.db import DB_FILE, Database

    db = Database(tmp_path / DB_FILE, bytes(range(32)), create=True)
    try:
        migrate.upgrade(db.engine, "0005")

        def old_wallet(s):
            s.execute(
                text(
                    "INSERT INTO mints (id, url, trusted, name, status, added_at, "
                    "updated_at) VALUES (1, 'http://a.test', 1, '', 'unknown', 0, 0), "
                    "(2, 'http://b.test', 1, '', 'unknown', 0, 0)"
                )
            )
            s.execute(
                text(
                    "INSERT INTO keysets (id, mint_id, unit, active, input_fee_ppk, "
                    "first_seen_at, updated_at) VALUES ('00aa', 1, 'sat', 1, 0, 0, 0), "
                    "('00bb', 2, 'sat', 1, 0, 0, 0)"
                )
            )
            for n, (mint, keyset, amount, state) in enumerate(
                [
                    (1, "00aa", 8, "unspent"),
                    (1, "00aa", 4, "pending"),
                    (1, "00aa", 16, "spent"),
                    (1, "00aa", 2, "exported"),
                    (2, "00bb", 32, "unspent"),
                    (2, "00bb", 1, "spent"),
                ]
            ):
                s.execute(
                    text(
                        "INSERT INTO proofs (mint_id, keyset_id, unit, amount, secret, C, y, "
                        "state, origin, created_at, updated_at) VALUES (:m, :k, 'sat', :a, :s, "
                        "'02', :y, :st, 'received', 0, 0)"
                    ),
                    {"m": mint, "k": keyset, "a": amount, "s": f"s{n}", "y": f"y{n}", "st": state},
                )

        db.transact(old_wallet)
        migrate.upgrade(db.engine)
        moves = db.transact(
            lambda s: sorted(
                (m.mint_id, m.unit, m.delta, m.reason) for m in s.scalars(select(BalanceMove))
            )
        )
        assert moves == [(1, "sat", 12, "opening"), (2, "sat", 32, "opening")]
        drawer = db.transact(lambda s: count(s, 0, last_move(s)))
        assert [(d["mint"], d["opening"], d["expected"], d["held"]) for d in drawer] == [
            ("http://a.test", 12, 12, 12),
            ("http://b.test", 32, 32, 32),
        ]
    finally:
        db.close()


def melt_op(app):
    from pos_app.core.store.schema import Operation

    return app.db.transact(
        lambda s: s.scalars(select(Operation).where(Operation.kind == "melt")).one()
    )


@pytest.mark.parametrize("end", ["PAID", "UNPAID"])
def test_a_withdrawal_in_flight_is_shown_pending_then_counted_where_it_ended(tmp_path, end):
    mint = FakeMint()

    async def scenario(app):
        await sell(app, mint, 16)
        await app.wallet.melt(mint.invoice(10, fee_reserve=2, fee_paid=1, outcome="PENDING"))
        during = await app.reports.x_report("UTC")
        op = melt_op(app)
        mint.settle(op.quote_id, end)
        await app.wallet.recovery.run(op.id)
        return during, await app.reports.x_report("UTC"), held(app)

    during, after, holds = run_shop(tmp_path, scenario, mint)
    [line] = during["drawer"]
    # Reserved coins are still the wallet's: held, pending, and nothing withdrawn yet.
    assert (line["held"], line["pending"], line["withdrawn"], line["difference"]) == (16, 16, 0, 0)
    assert any("have not finished" in n for n in notes(during))
    assert during["open_operations"] == 1
    [line] = after["drawer"]
    assert line["held"] == line["expected"] == holds[mint.url] and line["pending"] == 0
    if end == "PAID":  # 10 paid, 1 routing fee, 5 change back into the wallet
        assert (line["withdrawn"], line["fees"], line["held"]) == (-10, -1, 5)
    else:  # the coins came back: nothing left the wallet
        assert (line["withdrawn"], line["fees"], line["held"]) == (0, 0, 16)


def test_the_z_report_lists_the_rates_the_sales_were_priced_at(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        settings = {"currency": "EUR", "rate.fixed": "50000", "rate.sources": []}
        await app.db.run(lambda s: app.config.set_many(s, settings))
        for price in ("2.50", "1.20"):
            sale = await app.sales.new_sale(price, "EUR")
            await app.sales.pay(sale["sale_id"], mint.token(sale["due"]))
        return await app.reports.close_z("UTC")

    report = run_shop(tmp_path, scenario, mint)
    [rate] = report["rates"]
    assert (rate["currency"], rate["sales"], rate["lowest"], rate["highest"]) == (
        "EUR",
        2,
        "50000",
        "50000",
    )
    assert report["figures"]["gross"] == {"EUR": "3.70"}
    rows = {s.title: s.rows for s in sections(report)}
    assert rows["Rates used"][0][:2] == ("EUR", "2")


def test_an_export_taken_back_counts_out_then_in_and_the_drawer_still_adds_up(tmp_path):
    mint = FakeMint(fee_ppk=100)

    async def scenario(app):
        await sell(app, mint, 300)
        sent = await app.wallet.send(mint.url, "sat", 50)
        back = await app.exports.reclaim(sent.export_id)
        return await app.reports.x_report("UTC"), back, held(app)

    report, back, holds = run_shop(tmp_path, scenario, mint)
    [line] = report["drawer"]
    assert line["exported"] == -50
    assert line["reclaimed"] == back.amount - back.fee == 50 - back.fee  # the swap back's fee
    assert line["expected"] == line["held"] == holds[mint.url] and line["difference"] == 0
    [export] = report["exports"]
    assert (export["purpose"], export["amount"]) == ("export", 50)


def test_without_a_zone_the_report_uses_the_shops_time_zone_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # this computer's zone differs from the shop's
    mint = FakeMint()

    async def scenario(app):
        await app.db.run(lambda s: app.config.set_many(s, {"shop.timezone": "Europe/Berlin"}))
        await sell(app, mint, 21)
        return await app.reports.x_report(), await app.reports.close_z("America/New_York")

    x, z = run_shop(tmp_path, scenario, mint)
    assert x["period"]["zone"] == "Europe/Berlin"
    assert z["period"]["zone"] == "America/New_York"  # a zone given still wins
