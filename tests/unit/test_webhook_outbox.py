"""The webhook outbox: events written in the transaction of their cause, on the fake mint.

Each test drives the till as a shop does (sales, payments, health checks, exports)
and reads what the outbox holds: which events, in which order, for which endpoint,
and that every body fits the published JSON Schema and carries no secret.
"""

from __future__ import annotations

import ast
import asyncio
import itertools
import json
import re
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select

from pos_app.core.store.db import Database
from pos_app.core.store.schema import (
    Mint,
    Operation,
    Payment,
    ProofRow,
    ReceivedToken,
    Sale,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from pos_app.core.webhooks import outbox
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs/webhooks/event-v1.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, mint, scenario):
    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def events(app):
    """(type, body) of every event, oldest first (deliveries keep the order)."""

    def read(session):
        rows = session.execute(
            select(WebhookEvent.type, WebhookEvent.payload_json, WebhookDelivery.endpoint_id)
            .join(WebhookDelivery, WebhookDelivery.event_id == WebhookEvent.id)
            .order_by(WebhookDelivery.id)
        ).all()
        return [(t, json.loads(p), e) for t, p, e in rows]

    return app.db.transact(read)


def test_a_till_without_webhooks_writes_no_events(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
        await app.sales.pay(sale_id, mint.token(21))
        return app.db.transact(lambda s: s.scalars(select(WebhookEvent)).all())

    assert run_shop(tmp_path, mint, scenario) == []


def test_a_sale_reports_each_step_in_order_and_every_body_fits_the_schema(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.settings.set("till.name", "Counter 2")
        before = (await app.sales.new_sale("3", "sat"))["sale_id"]
        await app.sales.pay(before, mint.token(3))  # before any endpoint: not reported
        await app.webhooks.add("http://127.0.0.1:9/hook")
        sale_id = (await app.sales.new_sale("21", "sat", order_id=" web-1001 "))["sale_id"]
        await app.sales.pay(sale_id, mint.token(8))
        spent = mint.token(5)
        await app.wallet.receive(spent)
        with pytest.raises(Exception):  # noqa: B017 - the refusal itself is tested elsewhere
            await app.sales.pay(sale_id, spent)
        await app.sales.pay(sale_id, mint.token(5))  # still partly paid: reported again
        await app.sales.pay(sale_id, mint.token(8))
        other = (await app.sales.new_sale("5", "sat"))["sale_id"]
        await app.sales.cancel(other)
        late = (await app.sales.new_sale("7", "sat"))["sale_id"]
        app.sales.clock = lambda: 4e9  # long after the sale expired
        await app.sales.list()
        return sale_id, other, late, events(app)

    sale_id, other, late, found = run_shop(tmp_path, mint, scenario)
    assert [(t, b["data"].get("sale_id")) for t, b, _ in found] == [
        ("sale.created", sale_id),
        ("sale.partially_paid", sale_id),
        ("payment.refused", sale_id),
        ("sale.partially_paid", sale_id),
        ("sale.paid", sale_id),
        ("sale.created", other),
        ("sale.cancelled", other),
        ("sale.created", late),
        ("sale.expired", late),
    ]
    for _type, body, _endpoint in found:
        VALIDATOR.validate(body)
        assert body["till"] == "Counter 2" and body["version"] == 1
    partial, refused, second, paid = (found[i][1]["data"] for i in (1, 2, 3, 4))
    assert (partial["paid"], partial["due"], partial["state"]) == (8, 21, "partially_paid")
    assert (second["paid"], second["state"]) == (13, "partially_paid")
    assert refused["error_code"] == "token.already_spent" and refused["state"] == "rejected"
    assert (refused["currency"], refused["sale_amount"]) == ("sat", "21")
    assert refused["correlation_id"] == paid["correlation_id"]
    # The online shop's order number, trimmed, in every event of that sale (not the others').
    assert {b["data"]["order_id"] for t, b, _ in found if t.startswith("sale.")} == {
        "web-1001",
        None,
    }
    assert paid["order_id"] == partial["order_id"] == "web-1001"
    assert (paid["paid"], paid["state"], paid["currency"], paid["amount"]) == (
        21,
        "paid",
        "sat",
        "21",
    )
    # Payments of one second have no order between them: compared as a set.
    assert sorted((p["credited"], p["method"], p["mint"]) for p in paid["payments"]) == [
        (5, "swap", mint.url),
        (8, "swap", mint.url),
        (8, "swap", mint.url),
    ]
    assert paid["paid_at"] is not None and paid["correlation_id"]
    assert len({b["id"] for _t, b, _e in found}) == len(found)


def test_bodies_carry_no_token_proof_secret_or_seed(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.settings.set("till.name", "Back room")
        endpoint = await app.webhooks.add("http://127.0.0.1:9/hook")
        offered = [mint.token(10), mint.token(30)]
        sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
        for text in offered:  # the second overpays: change is made
            await app.sales.pay(sale_id, text)
        await app.wallet.send(mint.url, "sat", 4)
        await app.webhooks.test(endpoint["id"])

        def secrets(session):
            proofs = session.scalars(select(ProofRow)).all()
            tokens = session.scalars(select(ReceivedToken.token_text)).all()
            sale = session.get(Sale, sale_id)
            return (
                [p.secret for p in proofs] + [p.C for p in proofs],
                [*tokens, sale.change_token, sale.payment_request],
            )

        proof_parts, token_texts = app.db.transact(secrets)
        return endpoint["secret"], app.wallet.mnemonic(), proof_parts, token_texts, events(app)

    secret, words, proof_parts, token_texts, found = run_shop(tmp_path, mint, scenario)
    types = [t for t, _b, _e in found]
    assert "wallet.exported" in types and "webhook.test" in types and "sale.paid" in types
    text = "\n".join(json.dumps(b) for _t, b, _e in found)
    assert not re.search(r"cashu[AB]|crawB|creqA|whsec_|lnbc", text)
    assert secret.removeprefix("whsec_") not in text
    assert all(part not in text for part in proof_parts if part)
    assert all(t not in text for t in token_texts if t)
    # A single word may be an event value too ("swap", "test" and "wallet" are BIP-39
    # words); a leaked seed shows as neighbouring words, joined or listed.
    seed = words.split()
    pairs = list(itertools.pairwise(seed))
    assert not any(f"{a} {b}" in text or f'"{a}", "{b}"' in text for a, b in pairs)
    assert sum(len(b["data"].get("payments", [])) for _t, b, _e in found) >= 2
    assert {b["till"] for _t, b, _e in found} == {"Back room"}  # the test event's too
    exported = next(b for t, b, _e in found if t == "wallet.exported")["data"]
    assert (exported["amount"], exported["unit"], exported["mint"]) == (4, "sat", mint.url)


def test_an_event_exists_only_if_its_cause_committed(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.webhooks.add("http://127.0.0.1:9/hook")
        sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]

        def cancel_then_fail(session):
            session.get(Sale, sale_id).state = "cancelled"
            session.flush()  # the outbox rows are written here...
            raise RuntimeError("power cut")  # ...and go with the rollback

        with pytest.raises(RuntimeError):
            await app.db.run(cancel_then_fail)
        after_rollback = [t for t, _b, _e in events(app)]
        await app.sales.cancel(sale_id)
        return after_rollback, [t for t, _b, _e in events(app)]

    after_rollback, after_commit = run_shop(tmp_path, mint, scenario)
    assert after_rollback == ["sale.created"]
    assert after_commit == ["sale.created", "sale.cancelled"]


def test_each_endpoint_gets_what_it_subscribed_to(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        paid_only = await app.webhooks.add("http://127.0.0.1:9/a", "sale.paid")
        numo = await app.webhooks.add("http://127.0.0.1:9/b", None, "numo")
        gone = await app.webhooks.add("http://127.0.0.1:9/c")
        paused = await app.webhooks.add("http://127.0.0.1:9/d", "sale.created")

        def states(session):
            session.get(WebhookEndpoint, gone["id"]).state = "disabled"
            session.get(WebhookEndpoint, paused["id"]).state = "paused"

        await app.db.run(states)
        sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
        await app.sales.pay(sale_id, mint.token(21))
        return [paid_only["id"], numo["id"], gone["id"], paused["id"]], events(app)

    (a, b, c, d), found = run_shop(tmp_path, mint, scenario)
    by_endpoint = {e: [t for t, _b, x in found if x == e] for e in (a, b, c, d)}
    assert by_endpoint == {
        a: ["sale.paid"],
        b: ["sale.paid"],
        c: [],
        d: ["sale.created"],  # paused: queued for when it is resumed
    }


def test_a_closed_z_report_is_reported_with_its_figures_and_drawer(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.mints.add(mint.url)
        endpoint = await app.webhooks.add("http://127.0.0.1:9/z", "report.z_closed")
        sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
        await app.sales.pay(sale_id, mint.token(21))
        await app.db.run(lambda s: app.config.set_many(s, {"vat.rates": "19"}))
        tipped = await app.sales.new_sale("30", "sat", tip="5")  # a custom line at 19 %
        await app.sales.pay(tipped["sale_id"], mint.token(35))
        z = await app.reports.close_z("UTC")
        again = await app.reports.close_z("UTC")  # nothing new: no second event
        return endpoint["id"], z, again, events(app)

    endpoint, z, again, found = run_shop(tmp_path, mint, scenario)
    assert (z["closed"], z["figures"]["sales"], again["closed"]) == (True, 2, False), (z, again)
    [(kind, body, target)] = found
    assert (kind, target) == ("report.z_closed", endpoint)
    VALIDATOR.validate(body)
    data = body["data"]
    assert (data["number"], data["digest"], data["sales"]) == (1, z["digest"], 2)
    assert data["gross_sat"] == {"sat": 51}  # the sales without the tip
    assert (data["tips"], data["tips_sat"]) == ({"sat": "5.00"}, {"sat": 5})
    # 30 sat gross at 19 %: VAT round(30 * 19 / 119) = 5, net 25
    assert data["vat"] == [
        {
            "currency": "sat",
            "rate": "19",
            "sales": 1,
            "net": "25.00",
            "vat": "5.00",
            "gross": "30.00",
        }
    ]
    assert (data["discounts"], data["refunds"]) == (0, 0)
    assert data["drawer"] == [
        {"mint": mint.url, "unit": "sat", "expected": 56, "held": 56, "difference": 0}
    ]


def test_mint_health_and_recovery_changes_are_reported(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.webhooks.add("http://127.0.0.1:9/hook", "mint.offline,mint.online")
        await app.webhooks.add("http://127.0.0.1:9/ops", "recovery.needs_review,recovery.resolved")
        health = app.services.health
        await health.check_all()  # unknown -> online: nothing to report
        mint.fault("GET", "/v1/.*", "unreachable", times=None)
        await health.check_all()
        await health.check_all()  # still offline: reported once
        mint.honest()
        await health.check_all()
        await app.wallet.receive(mint.token(8))
        op_id = app.db.transact(lambda s: s.scalars(select(Operation.id)).one())

        def move(state):
            def write(session):
                session.get(Operation, op_id).state = state

            return write

        for state in ("needs_review", "dismissed", "recovered", "pending", "needs_review"):
            await app.db.run(move(state))
        await app.db.run(move("failed"))
        return events(app)

    found = run_shop(tmp_path, mint, scenario)
    assert [(t, b["data"].get("status") or b["data"].get("state")) for t, b, _e in found] == [
        ("mint.offline", "offline"),
        ("mint.online", "online"),
        ("recovery.needs_review", "needs_review"),
        ("recovery.resolved", "dismissed"),  # the owner closed it
        ("recovery.resolved", "recovered"),  # recovery finished it
        ("recovery.needs_review", "needs_review"),
        ("recovery.resolved", "failed"),
    ]
    offline, online = found[0][1]["data"], found[1][1]["data"]
    assert (offline["mint"], offline["previous"], online["previous"]) == (
        mint.url,
        "online",
        "offline",
    )
    previous = [b["data"]["previous"] for _t, b, _e in found[2:]]
    assert previous == ["done", "needs_review", "dismissed", "pending", "needs_review"]
    assert {b["data"]["mint"] for _t, b, _e in found[2:]} == {mint.url}
    for _t, body, _e in found:
        VALIDATOR.validate(body)


# The outbox sees ORM attribute changes only; a bulk UPDATE of these tables would report
# nothing. Operation's bulk update in the retry service sets its schedule, not its state.
REPORTED = {"Sale", "Payment", "Mint", "Export"}


def bulk_writes(source: str) -> list[str]:
    """Bulk ``update``/``insert`` of a reported table, or one setting an operation's state."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id not in ("update", "insert") or not node.args:
            continue
        table = node.args[0]
        if isinstance(table, ast.Name) and table.id in REPORTED:
            found.append(f"{node.func.id}({table.id})")
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "values"
            and any(k.arg == "state" for k in node.keywords)
            and "update(Operation)" in ast.unparse(node.func.value)
        ):
            found.append("update(Operation).values(state=...)")
    return found


def test_state_changes_of_reported_tables_go_through_orm_attributes():
    offenders = {}
    for path in sorted((ROOT / "pos_app").rglob("*.py")):
        found = bulk_writes(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}
    # The scan finds what it looks for:
    assert bulk_writes("s.execute(update(Sale).values(state='paid'))") == ["update(Sale)"]
    assert bulk_writes("s.execute(insert(Export), rows)") == ["insert(Export)"]
    assert bulk_writes("update(Operation).where(x).values(state='failed')") == [
        "update(Operation).values(state=...)"
    ]
    assert bulk_writes("update(Operation).where(Operation.state == 'p').values(a=1)") == []


def test_the_hook_is_installed_once_and_only_on_the_tills_database(tmp_path):
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    db = Database(tmp_path / "a.db", bytes(32), create=True)
    other = Database(tmp_path / "b.db", bytes(32), create=True)
    try:
        outbox.install(db)
        outbox.install(db)
        assert event.contains(db._sessions, "after_flush", outbox._after_flush)
        assert not event.contains(other._sessions, "after_flush", outbox._after_flush)
        assert not event.contains(Session, "after_flush", outbox._after_flush)
    finally:
        db.close()
        other.close()
    assert Mint.__tablename__ == "mints"


def test_a_refund_given_back_is_reported(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.webhooks.add("http://127.0.0.1:9/hook", "sale.cancelled,sale.refunded")
        sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
        await app.sales.pay(sale_id, mint.token(8))
        await app.sales.cancel(sale_id)
        await app.sales.refunds.close(sale_id, "paid back in cash")
        return events(app)

    found = run_shop(tmp_path, mint, scenario)
    assert [t for t, _b, _e in found] == ["sale.cancelled", "sale.refunded"]
    refunded = found[1][1]["data"]
    assert (refunded["refund_amount"], refunded["state"]) == (8, "cancelled")
    assert refunded["refunded_at"] is not None and found[0][1]["data"]["refunded_at"] is None
    VALIDATOR.validate(found[1][1])
    assert "cash" not in json.dumps(found)  # the owner's note stays in the till


def test_the_published_schema_names_every_event():
    from pos_app.core.webhooks.catalog import EVENT_TYPES, TEST_EVENT

    assert set(SCHEMA["properties"]["type"]["enum"]) == {*EVENT_TYPES, TEST_EVENT}
    typed = {rule["if"]["properties"]["type"]["const"] for rule in SCHEMA["allOf"]}
    assert typed == {*EVENT_TYPES, TEST_EVENT}
    bad = {"version": 1, "id": "evt_" + "0" * 32, "type": "sale.paid", "till": "T"}
    bad |= {"created_at": "2026-12-02T13:05:38Z", "data": {"sale_id": "x"}}
    assert list(VALIDATOR.iter_errors(bad))  # a sale without its facts is refused


def test_events_of_one_flush_come_sale_first_then_payment_then_what_the_sale_became(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        endpoint = await app.webhooks.add("http://127.0.0.1:9/hook")
        doubtful = (await app.sales.new_sale("21", "sat"))["sale_id"]
        await app.sales.pay(doubtful, mint.token(8))
        lost = (await app.sales.new_sale("5", "sat"))["sale_id"]
        await app.sales.pay(lost, mint.token(3))
        dropped = (await app.sales.new_sale("5", "sat"))["sale_id"]
        dropped_too = (await app.sales.new_sale("6", "sat"))["sale_id"]
        fresh = (await app.sales.new_sale("7", "sat"))["sale_id"]
        urls = ["https://never.checked", "https://down.too"]
        await app.db.run(
            lambda s: s.add_all([Mint(url=u, trusted=True, status="unknown") for u in urls])
        )

        def one_transaction(session):
            # Everything read first, then changed in the opposite order of the report, so
            # that one flush (at the commit) carries it all.
            mints = session.scalars(select(Mint).where(Mint.url.in_(urls))).all()
            payment = session.scalars(select(Payment).where(Payment.sale_id == doubtful)).one()
            failing = session.scalars(select(Payment).where(Payment.sale_id == lost)).one()
            sales = {i: session.get(Sale, i) for i in (dropped, dropped_too, fresh, doubtful)}
            for row in mints:
                row.status = "offline"
            sales[dropped].state = "cancelled"
            sales[dropped_too].state = "cancelled"
            failing.state = "failed"
            payment.state = "needs_review"
            sales[fresh].updated_at += 1  # a change that reports nothing
            sales[doubtful].updated_at += 1  # partly paid, but nothing new
            session.add(
                Sale(
                    id="new-sale",
                    state="open",
                    currency="sat",
                    amount="1",
                    due=1,
                    payment_request="x",
                    payment_request_bech32="x",
                    expires_at=4_000_000_000,
                )
            )

        before = len(events(app))
        await app.db.run(one_transaction)
        rows = app.db.transact(
            lambda s: s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)).all()
        )
        return endpoint, doubtful, events(app)[before:], rows

    endpoint, doubtful, found, rows = run_shop(tmp_path, mint, scenario)
    types = [t for t, _b, _e in found]
    assert types[0] == "sale.created"
    assert sorted(types[1:3]) == ["payment.needs_review", "payment.refused"]
    assert types[3:] == ["sale.cancelled"] * 2 + ["mint.offline"] * 2
    review = next(b["data"] for t, b, _e in found if t == "payment.needs_review")
    assert (review["sale_id"], review["credited"], review["sale_amount"]) == (doubtful, 8, "21")
    assert found[-1][1]["data"]["previous"] is None  # "unknown" is no status to report
    refused = next(b["data"] for t, b, _e in found if t == "payment.refused")
    assert (refused["state"], refused["credited"]) == ("failed", 3)
    for _t, body, _e in found:
        VALIDATOR.validate(body)
    assert {(d.endpoint_id, d.state, d.attempts) for d in rows} == {(endpoint["id"], "pending", 0)}
    assert all(d.next_attempt_at == d.created_at == d.updated_at for d in rows)
    assert all(d.next_attempt_at is not None and d.delivered_at is None for d in rows)


def test_without_the_hook_nothing_is_written_and_installing_it_twice_writes_once(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.webhooks.add("http://127.0.0.1:9/hook")
        outbox.uninstall(app.db)
        outbox.uninstall(app.db)
        try:
            await app.sales.new_sale("1", "sat")
            without = len(events(app))
        finally:
            outbox.install(app.db)
            outbox.install(app.db)
        await app.sales.new_sale("2", "sat")
        return without, [t for t, _b, _e in events(app)]

    without, after = run_shop(tmp_path, mint, scenario)
    assert (without, after) == (0, ["sale.created"])
