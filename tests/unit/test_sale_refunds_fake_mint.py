"""Refunds of paid sales on the fake mint: whole, partial, too large, two mints, crashes.

Each test pays a sale as a till does (``app.sales.pay``), gives money back with
``app.sales.refunds.refund`` and checks the refund rows, the sale's refunded sum and
state, the token made and the shop's coins, whatever happened on the way.
"""

from __future__ import annotations

import asyncio
import json
import os

import pytest
from sqlalchemy import select, text

from pos_app.app import App
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.payments.listing import SalesQuery
from pos_app.core.reports import zsections
from pos_app.core.store import migrate
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import (
    Operation,
    ProofRow,
    Refund,
    Sale,
    WebhookEvent,
    text_digest,
)
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, Killed, arm_kill, open_shop


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, scenario, *mints):
    async def main():
        app = open_shop(tmp_path / "shop", *mints)
        try:
            for m in mints:
                await app.mints.add(m.url, trusted=True)
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


async def paid_sale(app, amount, *tokens):
    sale_id = (await app.sales.new_sale(str(amount), "sat"))["sale_id"]
    for offered in tokens:
        await app.sales.pay(sale_id, offered)
    return sale_id


def refunds(app):
    return app.db.transact(
        lambda s: list(s.scalars(select(Refund).order_by(Refund.created_at, Refund.id)))
    )


def unspent(app, url=None):
    def read(s):
        rows = s.scalars(select(ProofRow).where(ProofRow.state == "unspent"))
        return sum(r.amount for r in rows if url is None or r.mint.url == url)

    return app.db.transact(read)


def unspent_at(app, mint_id):
    return app.db.transact(
        lambda s: sum(
            r.amount
            for r in s.scalars(
                select(ProofRow).where(ProofRow.state == "unspent", ProofRow.mint_id == mint_id)
            )
        )
    )


async def refused(coro):
    with pytest.raises(PosError) as err:
        await coro
    return err.value


def test_a_whole_refund_gives_everything_back_once_and_its_claim_shows(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await paid_sale(app, 21, mint.token(21))
        result = await app.sales.refunds.refund(sale_id, reason="broken")
        shown = await app.sales.show(sale_id)
        again = await refused(app.sales.refunds.refund(sale_id))
        before = await app.sales.refunds.check_claims(sale_id)
        mint.spend(list(parse_token(result.token).proofs))  # the customer redeemed it
        after = await app.sales.refunds.check_claims(sale_id)
        return result, shown, again, before, after, unspent(app)

    result, shown, again, before, after, left = run_shop(tmp_path, scenario, mint)
    token = parse_token(result.token)
    assert (result.amount, token.amount, token.mint, result.mint) == (21, 21, mint.url, mint.url)
    assert shown["state"] == "paid" and shown["refund_state"] == "refunded"
    assert shown["refund_amount"] == 21 and shown["refundable"] == 0
    [row] = shown["refunds"]
    assert (row["refund_id"], row["state"], row["amount"], row["reason"]) == (
        result.refund_id,
        "done",
        21,
        "broken",
    )
    assert row["token"] == result.token and row["claim_state"] == "pending"
    assert again.code == "refund.not_owed"
    assert [r["claim_state"] for r in before] == ["pending"]
    assert [r["claim_state"] for r in after] == ["claimed"]
    assert left == 0


def test_partial_refunds_up_to_what_was_paid_and_no_further(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await paid_sale(app, 21, mint.token(21))
        first = await app.sales.refunds.refund(sale_id, amount=5)
        middle = await app.sales.show(sale_id)
        too_large = await refused(app.sales.refunds.refund(sale_id, amount=17))
        zero = await refused(app.sales.refunds.refund(sale_id, amount=0))
        second = await app.sales.refunds.refund(sale_id, amount=16)
        end = await app.sales.show(sale_id)
        more = await refused(app.sales.refunds.refund(sale_id, amount=1))
        return first, middle, too_large, zero, second, end, more, unspent(app)

    first, middle, too_large, zero, second, end, more, left = run_shop(tmp_path, scenario, mint)
    assert parse_token(first.token).amount == 5 and parse_token(second.token).amount == 16
    assert (middle["refund_state"], middle["refund_amount"], middle["refundable"]) == (
        "partially_refunded",
        5,
        16,
    )
    assert too_large.code == "refund.too_large" and too_large.data["refundable"] == 16
    assert zero.code == "amount.invalid"
    assert (end["refund_state"], end["refund_amount"], end["refundable"]) == ("refunded", 21, 0)
    assert [r["amount"] for r in end["refunds"]] == [5, 16]
    assert more.code == "refund.not_owed"
    assert left == 0


def test_an_open_sale_is_not_refunded(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await paid_sale(app, 21, mint.token(10))
        return await refused(app.sales.refunds.refund(sale_id)), refunds(app)

    err, rows = run_shop(tmp_path, scenario, mint)
    assert err.code == "refund.sale_open" and rows == []


def test_a_sale_paid_from_two_mints_is_refunded_from_the_mint_that_holds_enough(tmp_path):
    a, b = FakeMint("http://a.test", name="a"), FakeMint("http://b.test", name="b")

    async def scenario(app):
        sale_id = await paid_sale(app, 30, a.token(10), b.token(20))
        short = await refused(app.sales.refunds.refund(sale_id, amount=25))
        after_short = (await app.sales.show(sale_id))["refundable"]
        from_b = await app.sales.refunds.refund(sale_id, amount=15)
        from_a = await app.sales.refunds.refund(sale_id, amount=10)
        rest = await app.sales.refunds.refund(sale_id)
        return short, after_short, from_b, from_a, rest, refunds(app), await app.sales.show(sale_id)

    short, after_short, from_b, from_a, rest, rows, shown = run_shop(tmp_path, scenario, a, b)
    # No single mint holds 25: nothing is given, the reservation is failed, nothing is owed less.
    assert short.code == "wallet.insufficient_funds" and after_short == 30
    assert [(r.state, r.amount) for r in rows] == [
        ("failed", 25),
        ("done", 15),
        ("done", 10),
        ("done", 5),
    ]
    # The sale's first mint (a) holds 10 only: 15 comes from b; then a's 10; the rest from b.
    assert (from_b.mint, from_a.mint, rest.mint) == (b.url, a.url, b.url)
    assert [parse_token(r.token).mint for r in (from_b, from_a, rest)] == [b.url, a.url, b.url]
    assert rest.amount == 5 and shown["refund_state"] == "refunded"


def test_a_refund_whose_swap_answer_was_lost_is_completed_by_recovery_once(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await paid_sale(app, 21, mint.token(21))  # coins 16 + 4 + 1: 3 needs a swap
        mint.fault("POST", "/v1/swap", "drop")
        lost = await refused(app.sales.refunds.refund(sale_id, amount=3))
        [making] = refunds(app)
        during = await refused(app.sales.refunds.refund(sale_id, amount=19))
        outcomes = await app.wallet.recovery.run_all()
        [done] = refunds(app)
        return lost, making, during, outcomes, done, await app.sales.show(sale_id), unspent(app)

    lost, making, during, outcomes, done, shown, left = run_shop(tmp_path, scenario, mint)
    assert lost.code.startswith("mint.") and making.state == "making"
    assert making.operation_id is not None and making.token_text is None
    assert during.code == "refund.too_large"  # the refund under way is counted
    assert [o.state for o in outcomes] == ["recovered"]
    assert (done.state, done.amount, parse_token(done.token_text).amount) == ("done", 3, 3)
    assert shown["refund_amount"] == 3 and shown["refund_state"] == "partially_refunded"
    assert left == 18


def test_a_refund_the_mint_refused_is_failed_and_still_owed(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await paid_sale(app, 21, mint.token(21))
        mint.fault("POST", "/v1/swap", "answer", body={"detail": "keyset inactive", "code": 12002})
        err = await refused(app.sales.refunds.refund(sale_id, amount=3))
        return err, refunds(app), await app.sales.show(sale_id), unspent(app)

    err, [row], shown, left = run_shop(tmp_path, scenario, mint)
    assert err.code and row.state == "failed" and row.token_text is None
    assert shown["refund_amount"] == 0 and shown["refundable"] == 21 and left == 21


def test_a_till_killed_after_the_refund_swap_finishes_it_on_restart(tmp_path, monkeypatch):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            sale_id = await paid_sale(app, 21, mint.token(21))
            arm_kill(monkeypatch, "after_send_swap")
            with pytest.raises(Killed):
                await app.sales.refunds.refund(sale_id, amount=3)
            monkeypatch.delenv("POS_TEST_FAULT")
        finally:
            await app.aclose()
        again = App.open(tmp_path / "shop", trust_env=False, transport=mint.transport())
        try:
            [before] = refunds(again)
            outcomes = await again.wallet.recovery.run_all()
            [after] = refunds(again)
            sale = again.db.transact(lambda s: s.get(Sale, sale_id))
            ops = again.db.transact(lambda s: list(s.scalars(select(Operation))))
            events = again.db.transact(lambda s: list(s.scalars(select(WebhookEvent))))
            rest = await again.sales.refunds.refund(sale_id)
            return before, outcomes, after, sale, ops, events, rest, unspent(again)
        finally:
            await again.aclose()

    before, outcomes, after, sale, ops, _events, rest, left = asyncio.run(main())
    assert before.state == "making" and before.token_text is None
    assert [o.state for o in outcomes] == ["recovered"]
    assert after.state == "done" and parse_token(after.token_text).amount == 3
    assert after.operation_id == before.operation_id
    assert sum(1 for op in ops if op.kind == "send") == 1  # made once
    assert (sale.refund_amount, sale.refund_token) == (3, after.token_text)
    assert rest.amount == 18 and left == 0


def test_the_x_report_counts_the_sale_gross_and_the_refund_apart(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.db.run(
            lambda s: app.config.set_many(s, {"currency": "EUR", "rate.fixed": "1000000"})
        )
        sale_id = (await app.sales.new_sale("0.21", "EUR"))["sale_id"]
        await app.sales.pay(sale_id, mint.token(21))
        await app.sales.refunds.refund(sale_id, amount=5)
        report = await app.reports.x_report("UTC", check=False)
        return report, zsections.as_text(report)

    report, text = run_shop(tmp_path, scenario, mint)
    f = report["figures"]
    assert f["sales"] == 1 and f["gross"] == {"EUR": "0.21"} and f["gross_sat"] == {"sat": 21}
    assert (f["refunds"], f["refunded"], f["refunded_sat"]) == (1, {"EUR": "0.05"}, {"sat": 5})
    assert f["net"] == {"EUR": "0.16"}
    assert "Refunds" in text and "Net after refunds (EUR)" in text


def test_each_refund_queues_a_sale_refunded_webhook_in_its_transaction(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.webhooks.add("https://shop.example/hooks", "sale.refunded")
        sale_id = await paid_sale(app, 21, mint.token(21))
        await app.sales.refunds.refund(sale_id, amount=5)
        await app.sales.refunds.refund(sale_id)
        rows = app.db.transact(lambda s: list(s.scalars(select(WebhookEvent))))
        return [json.loads(r.payload_json) for r in rows]

    bodies = run_shop(tmp_path, scenario, mint)
    assert [b["type"] for b in bodies] == ["sale.refunded", "sale.refunded"]
    assert [
        (b["data"]["state"], b["data"]["refund_amount"], b["data"]["refund_state"]) for b in bodies
    ] == [
        ("paid", 5, "partially_refunded"),
        ("paid", 21, "refunded"),
    ]


def test_the_migration_copies_a_cancelled_sales_refund_with_its_token_and_claim(tmp_path):
    db = Database(tmp_path / DB_FILE, os.urandom(32), create=True)
    migrate.upgrade(db.engine, "0010")
    token_text = "cashuBrefundtoken"
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mints (id, url, trusted, name, status, added_at, updated_at) "
                "VALUES (1, 'http://m.test', 1, '', 'online', 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO exports (id, token_text, text_digest, mint_id, unit, amount, "
                "file_path, purpose, state, claimed_amount, created_at) VALUES (4, :t, :d, 1, "
                "'sat', 30, '/usb/r.txt', 'refund', 'spent', 30, 100)"
            ),
            {"t": token_text, "d": text_digest(token_text)},
        )
        for sale_id, token, note, refunded_at in (
            ("s-token", token_text, None, 200),
            ("s-cash", None, "cash", 300),
            ("s-owed", None, None, None),
        ):
            conn.execute(
                text(
                    "INSERT INTO sales (id, state, currency, amount, unit, due, fee_advance, "
                    "paid, rate, payment_request, payment_request_bech32, change_amount, "
                    "refund_amount, refund_token, refund_note, refunded_at, expires_at, "
                    "created_at, updated_at) VALUES (:id, 'cancelled', 'EUR', '1.00', 'sat', "
                    "100, 0, 30, '1000000', '', '', 0, :ra, :tok, :note, :at, 0, 0, 0)"
                ),
                {
                    "id": sale_id,
                    "ra": 30 if refunded_at else 0,
                    "tok": token,
                    "note": note,
                    "at": refunded_at,
                },
            )
    migrate.upgrade(db.engine, "0013")
    with db.engine.connect() as conn:
        got = conn.execute(
            text(
                "SELECT sale_id, state, amount, amount_currency, token_text, export_id, mint_url, "
                "file_path, claim_state, note, done_at FROM refunds ORDER BY sale_id"
            )
        ).all()
    db.close()
    assert [tuple(r) for r in got] == [
        ("s-cash", "done", 30, "0.30", None, None, None, None, None, "cash", 300),
        (
            "s-token",
            "done",
            30,
            "0.30",
            token_text,
            4,
            "http://m.test",
            "/usb/r.txt",
            "claimed",
            None,
            200,
        ),
    ]


def test_a_refund_whose_send_the_owner_dismissed_is_owed_again(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await paid_sale(app, 21, mint.token(21))
        mint.fault("POST", "/v1/swap", "drop")
        await refused(app.sales.refunds.refund(sale_id, amount=3))
        [making] = refunds(app)
        await app.wallet.recovery.dismiss(making.operation_id, "the till's clock was wrong")
        [failed] = refunds(app)
        return failed, await app.sales.refunds.refundable(sale_id)

    failed, rest = run_shop(tmp_path, scenario, mint)
    assert failed.state == "failed" and failed.note.startswith("dismissed:") and rest == 21


def test_the_activity_filter_finds_partly_and_wholly_refunded_sales(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        whole = await paid_sale(app, 8, mint.token(8))
        part = await paid_sale(app, 8, mint.token(8))
        untouched = await paid_sale(app, 8, mint.token(8))
        await app.sales.refunds.refund(whole)
        await app.sales.refunds.refund(part, amount=3)
        found = {}
        for state in ("refunded", "partially_refunded", "paid"):
            page = await app.sales.listing.page(SalesQuery(state=state))
            found[state] = {r.id for r in page.rows}
        listed = {s["sale_id"] for s in await app.sales.list("refunded")}
        return whole, part, untouched, found, listed

    whole, part, untouched, found, listed = run_shop(tmp_path, scenario, mint)
    assert found["refunded"] == {whole} and listed == {whole}
    assert found["partially_refunded"] == {part}
    assert found["paid"] == {whole, part, untouched}  # still paid sales for the reports


def test_a_sale_in_a_closed_z_report_can_be_refunded_and_the_next_report_shows_it(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = await paid_sale(app, 21, mint.token(21))
        closed = await app.reports.close_z("UTC", check=False)
        await asyncio.sleep(1.1)  # the close ends at the next whole second
        result = await app.sales.refunds.refund(sale_id, amount=4)
        after = await app.reports.x_report("UTC", check=False)
        again = await app.reports.z_report(closed["number"])
        return closed, result, after, again

    closed, result, after, again = run_shop(tmp_path, scenario, mint)
    assert closed["figures"]["sales"] == 1 and closed["figures"]["refunds"] == 0
    assert again["figures"] == closed["figures"]  # the closed report did not change
    assert after["figures"]["sales"] == 0 and after["figures"]["refunds"] == 1
    assert after["figures"]["refunded_sat"] == {"sat": result.amount}
