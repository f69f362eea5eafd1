"""Webhook delivery over real HTTP on 127.0.0.1 to a receiver that checks signatures.

The shop runs on the fake mint (fast); the receiver is a real HTTP server verifying
with the ``standardwebhooks`` package. Time is a clock the test moves, so the retry
schedule (5 s ... 24 h) runs in milliseconds; signature timestamps stay real.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from sqlalchemy import select

from pos_app.core.events import Notification
from pos_app.core.store.schema import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from pos_app.core.webhooks import backoff, signing
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, _open, open_shop
from tests.support.webhookreceiver import Inbox, WebhookReceiver


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


class Clock:
    """Real time plus what the test has skipped."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def __call__(self) -> float:
        return time.time() + self.skipped

    def skip(self, seconds: float) -> None:
        self.skipped += seconds


def use_clock(app, clock: Clock) -> None:
    app.webhooks.clock = clock
    app.webhooks.deliverer.clock = clock
    app.webhooks.deliverer.rand = lambda: 0.5  # the schedule's own times


def notices(app) -> list[Notification]:
    seen: list[Notification] = []
    app.bus.subscribe(Notification, seen.append)
    return seen


async def sell(app, mint, amount=21):
    sale_id = (await app.sales.new_sale(str(amount), "sat"))["sale_id"]
    await app.sales.pay(sale_id, mint.token(amount))
    return sale_id


def deliveries(app):
    return app.db.transact(
        lambda s: list(s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))
    )


def run(coro):
    return asyncio.run(coro)


def test_receiver_down_then_back_across_a_till_restart_gets_everything_once_in_order(tmp_path):
    mint = FakeMint()
    inbox = Inbox("")
    receiver = WebhookReceiver(inbox).start()
    clock = Clock()
    folder = tmp_path / "shop"

    async def before_restart():
        app = open_shop(folder, mint)
        use_clock(app, clock)
        try:
            await app.mints.add(mint.url, trusted=True)
            endpoint = await app.webhooks.add(receiver.url())
            inbox.secret = endpoint["secret"]
            first = await sell(app, mint)
            assert await app.webhooks.round() == 2
            receiver.stop()  # down: connections are refused
            second = await sell(app, mint)
            third = await sell(app, mint, 5)
            assert await app.webhooks.round() == 0
            states = [(d.state, d.attempts) for d in deliveries(app)]
            return endpoint, [first, second, third], states
        finally:
            await app.aclose()

    endpoint, sales, states = run(before_restart())
    # The head of the queue was tried once; the events behind it wait their turn.
    assert states == [("delivered", 1)] * 2 + [("pending", 1)] + [("pending", 0)] * 3
    back = WebhookReceiver(inbox, port=receiver.port).start()

    async def after_restart():
        app = _open(folder, (mint,))
        use_clock(app, clock)
        try:
            assert await app.webhooks.round() == 0  # the retry is not due for 5 s
            clock.skip(6)
            assert await app.webhooks.round() == 4
            return deliveries(app), await app.webhooks.list()
        finally:
            await app.aclose()

    try:
        rows, [listed] = run(after_restart())
    finally:
        back.stop()
    assert [d.state for d in rows] == ["delivered"] * 6
    assert inbox.types() == ["sale.created", "sale.paid"] * 3
    assert [e["data"]["sale_id"] for e in inbox.events.values()] == [
        s for s in sales for _ in range(2)
    ]
    assert all(r.verified for r in inbox.wire)
    # HTTP/1.1 keep-alive: the two events before the outage came over one connection.
    assert inbox.wire[0].peer_port == inbox.wire[1].peer_port
    assert (listed["delivered"], listed["pending"], listed["state"]) == (6, 0, "active")
    assert "secret" not in listed and endpoint["secret"] not in json.dumps(listed)


def test_one_failing_event_holds_its_endpoint_not_the_others(tmp_path):
    mint = FakeMint()
    failing, fine = Inbox(""), Inbox("")
    clock = Clock()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        use_clock(app, clock)
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(failing) as r1, WebhookReceiver(fine) as r2:
                failing.secret = (await app.webhooks.add(r1.url()))["secret"]
                fine.secret = (await app.webhooks.add(r2.url()))["secret"]
                failing.status = 500
                await sell(app, mint)
                await app.webhooks.round()
                await app.webhooks.round()  # not due yet: nothing more is sent
                wire_while_failing = [r.headers["webhook-id"] for r in failing.wire]
                failing.status = 200
                clock.skip(6)
                await app.webhooks.round()
                return wire_while_failing, deliveries(app)
        finally:
            await app.aclose()

    wire_while_failing, rows = run(scenario())
    assert fine.types() == ["sale.created", "sale.paid"]
    assert len(wire_while_failing) == 1  # only the head, once
    assert failing.types() == ["sale.created", "sale.paid"]
    head = failing.wire[0].headers["webhook-id"]
    assert [r.headers["webhook-id"] for r in failing.wire[:2]] == [head, head]
    assert [d.attempts for d in rows if d.endpoint_id == 1] == [2, 1]


def test_redelivery_sends_the_same_id_and_body_with_a_new_timestamp(tmp_path):
    mint = FakeMint()
    inbox = Inbox("")

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(inbox) as receiver:
                inbox.secret = (await app.webhooks.add(receiver.url(), "sale.paid"))["secret"]
                await sell(app, mint)
                await app.webhooks.round()
                await asyncio.sleep(1.1)  # a later second: a new timestamp
                again = await app.webhooks.redeliver(deliveries(app)[0].id)
                await app.webhooks.round()
                return again, await app.webhooks.delivery(again["id"])
        finally:
            await app.aclose()

    queued, done = run(scenario())
    assert (queued["state"], queued["attempts"]) == ("pending", 0)
    assert (done["state"], done["attempts"], len(done["history"])) == ("delivered", 1, 2)
    first, second = inbox.wire
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.body == second.body
    assert int(second.headers["webhook-timestamp"]) > int(first.headers["webhook-timestamp"])
    assert inbox.types() == ["sale.paid"]  # the receiver saw it once


def test_after_the_last_attempt_the_delivery_fails_and_the_owner_is_told(tmp_path):
    mint = FakeMint()
    inbox = Inbox("")
    clock = Clock()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        use_clock(app, clock)
        told = notices(app)
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(inbox) as receiver:
                inbox.secret = (await app.webhooks.add(receiver.url(), "sale.paid"))["secret"]
                inbox.status = 500
                inbox.answer = b"x" * 10_000
                await sell(app, mint)
                waits = []
                for _ in range(backoff.MAX_ATTEMPTS):
                    await app.webhooks.round()
                    row = deliveries(app)[0]
                    if row.next_attempt_at:
                        waits.append(row.next_attempt_at - int(clock()))
                        clock.skip(row.next_attempt_at - clock() + 1)
                failed = await app.webhooks.deliveries(state="failed")
                [endpoint] = await app.webhooks.list()
                inbox.status = 200
                requeued = await app.webhooks.redeliver_failed(endpoint["id"])
                await app.webhooks.round()  # paused: the queue waits for the owner
                waited = len(inbox.wire)
                resumed = await app.webhooks.resume(endpoint["id"])
                await app.webhooks.round()
                attempts = app.db.transact(lambda s: s.scalars(select(WebhookAttempt)).all())
                return waits, failed, endpoint, requeued, told, attempts, waited, resumed
        finally:
            await app.aclose()

    waits, failed, endpoint, requeued, told, attempts, waited, resumed = run(scenario())
    assert waits == pytest.approx(list(backoff.SCHEDULE[1:]), abs=1)
    assert len(failed) == 1 and failed[0]["attempts"] == 10 and failed[0]["last_status"] == 500
    kinds = [n.kind for n in told]
    assert "webhook_failed" in kinds
    # Failing for 24 h paused the endpoint (after the 8th attempt), yet the delivery under
    # way kept its schedule to the end; the requeued one waited for the owner to resume.
    assert endpoint["state"] == "paused" and "webhook_paused" in kinds
    assert kinds.index("webhook_paused") < kinds.index("webhook_failed")
    assert_app_words_match(told)
    assert requeued["requeued"] == [failed[0]["id"]]
    assert waited == 10 and resumed["state"] == "active"
    assert len(inbox.wire) == 11 and inbox.types() == ["sale.paid"]
    assert [len(a.response_body) for a in attempts[:10]] == [2048] * 10  # cut to 2 kB


def assert_app_words_match(told):
    # The app words these notices from their facts (so they can be translated); in
    # English that must read exactly as the core wrote them.
    from pos_app.ui.messages import notification_text

    for notice in told:
        assert notice.data["url"] and notice.body
        assert notification_text(notice.title, notice.body, notice.data, notice.kind) == (
            notice.title,
            notice.body,
        )


def test_gone_disables_retry_after_is_honoured_and_redirects_are_not_followed(tmp_path):
    mint = FakeMint()
    gone, busy, moved, target = Inbox(""), Inbox(""), Inbox(""), Inbox("")
    clock = Clock()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        use_clock(app, clock)
        told = notices(app)
        try:
            await app.mints.add(mint.url, trusted=True)
            with (
                WebhookReceiver(gone) as r1,
                WebhookReceiver(busy) as r2,
                WebhookReceiver(moved) as r3,
                WebhookReceiver(target) as r4,
            ):
                for inbox, server in ((gone, r1), (busy, r2), (moved, r3)):
                    inbox.secret = (await app.webhooks.add(server.url(), "sale.paid"))["secret"]
                gone.status = 410
                busy.status, busy.headers = 429, {"Retry-After": "120"}
                moved.status, moved.headers = 307, {"Location": r4.url()}
                await sell(app, mint)
                started = int(clock())
                await app.webhooks.round()
                clock.skip(6)
                await app.webhooks.round()  # the 307 endpoint retries; the others wait
                return started, await app.webhooks.list(), deliveries(app), told
        finally:
            await app.aclose()

    started, (e_gone, _busy, _moved), rows, told = run(scenario())
    assert (e_gone["state"], e_gone["pending"]) == ("disabled", 1)
    assert [n.kind for n in told] == ["webhook_disabled"]
    assert_app_words_match(told)
    assert rows[1].next_attempt_at >= started + 120 and len(busy.wire) == 1
    assert len(moved.wire) == 2 and target.wire == []
    assert (rows[2].last_status, rows[2].state) == (307, "pending")


def test_a_slow_receiver_times_out_and_a_rotated_secret_signs_twice_during_grace(tmp_path):
    mint = FakeMint()
    inbox = Inbox("")
    clock = Clock()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        use_clock(app, clock)
        app.webhooks.sender.timeout = 0.3
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(inbox) as receiver:
                endpoint = await app.webhooks.add(receiver.url())
                inbox.secret = endpoint["secret"]
                inbox.delay = 2.0
                slow = await app.webhooks.test(endpoint["id"])
                inbox.delay = 0
                rotated = await app.webhooks.rotate_secret(endpoint["id"])
                during = await app.webhooks.test(endpoint["id"])  # the old secret still works
                clock.skip(25 * 3600)
                after = await app.webhooks.test(endpoint["id"])  # ...but not after the grace
                inbox.secret = rotated["secret"]
                new = await app.webhooks.test(endpoint["id"])
                return endpoint, slow, rotated, during, after, new
        finally:
            await app.aclose()

    endpoint, slow, rotated, during, after, new = run(scenario())
    assert slow["state"] == "failed" and "no answer within 0.3 s" in slow["last_error"]
    assert slow["history"][0]["duration_ms"] < 1500
    assert rotated["secret"] != endpoint["secret"] and rotated["previous_valid_until"]
    assert during["state"] == "delivered"
    assert (after["state"], after["last_status"]) == ("failed", 401)
    assert new["state"] == "delivered"
    signatures = [r.headers["webhook-signature"].count("v1,") for r in inbox.wire]
    assert signatures[-3:] == [2, 1, 1]


def test_numo_format_and_btcpay_signature(tmp_path):
    mint = FakeMint()
    inbox = Inbox("")

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(inbox) as receiver:
                endpoint = await app.webhooks.add(receiver.url(), None, "numo", btcpay_sig=True)
                inbox.secret = endpoint["secret"]
                sale_id = await sell(app, mint)
                await app.webhooks.round()
                return sale_id, endpoint
        finally:
            await app.aclose()

    sale_id, endpoint = run(scenario())
    [request] = inbox.wire
    body = json.loads(request.body)
    assert request.verified and request.headers["x-numo-event"] == "payment.received"
    assert request.headers["btcpay-sig"] == signing.btcpay_signature(
        endpoint["secret"], request.body
    )
    assert (body["payloadVersion"], body["payment"]["paymentId"]) == (2, sale_id)
    assert (body["payment"]["amountSats"], body["payment"]["mintUrl"]) == (21, mint.url)
    assert body["eventId"] == request.headers["webhook-id"]


def test_the_in_app_timer_sends_right_after_a_sale(tmp_path):
    mint = FakeMint()
    inbox = Inbox("")

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(inbox) as receiver:
                inbox.secret = (await app.webhooks.add(receiver.url()))["secret"]
                app.services.start()
                started = time.perf_counter()
                await sell(app, mint)
                while len(inbox.events) < 2 and time.perf_counter() - started < 10:
                    await asyncio.sleep(0.02)
                return time.perf_counter() - started
        finally:
            await app.aclose()

    elapsed = run(scenario())
    assert inbox.types() == ["sale.created", "sale.paid"]
    assert elapsed < 3


def test_removing_an_endpoint_drops_its_queue(tmp_path):
    mint = FakeMint()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            endpoint = await app.webhooks.add("http://127.0.0.1:9/hook")
            await sell(app, mint)
            removed = await app.webhooks.remove(endpoint["id"])
            left = app.db.transact(
                lambda s: (
                    s.scalars(select(WebhookDelivery)).all(),
                    s.scalars(select(WebhookEndpoint)).all(),
                )
            )
            return removed, left
        finally:
            await app.aclose()

    removed, left = run(scenario())
    assert removed["removed"] is True and removed["pending"] == 2
    assert left == ([], [])


def test_history_older_than_the_setting_is_forgotten_and_the_queue_kept(tmp_path):
    mint = FakeMint()
    inbox = Inbox("")
    clock = Clock()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        use_clock(app, clock)
        try:
            await app.mints.add(mint.url, trusted=True)
            await app.settings.set("webhooks.history_days", "7")
            with WebhookReceiver(inbox) as receiver:
                inbox.secret = (await app.webhooks.add(receiver.url(), "sale.paid"))["secret"]
                await sell(app, mint)
                await app.webhooks.round()  # delivered (and the first prune: nothing old)
                receiver.stop()
                await sell(app, mint)
                clock.skip(6 * 86400)
                await app.webhooks.round()  # pruned, but six days are within the seven kept
                kept = len(deliveries(app))
                clock.skip(2 * 86400)
                await app.webhooks.round()
                return kept, [(d.state, d.attempts) for d in deliveries(app)]
        finally:
            await app.aclose()

    kept, left = run(scenario())
    assert kept == 2
    # The delivered one (8 days old) is gone; the pending one stays, however old.
    assert [s for s, _a in left] == ["pending"]


def test_an_endpoint_removed_during_a_delivery_is_simply_gone(tmp_path):
    mint = FakeMint()
    inbox = Inbox("", delay=0.5)

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(inbox) as receiver:
                endpoint = await app.webhooks.add(receiver.url(), "sale.paid")
                inbox.secret = endpoint["secret"]
                await sell(app, mint)
                sending = asyncio.ensure_future(app.webhooks.round())
                while not inbox.wire:
                    await asyncio.sleep(0.01)
                await app.webhooks.remove(endpoint["id"])
                delivered = await sending
                return delivered, await app.webhooks.list(), deliveries(app)
        finally:
            await app.aclose()

    delivered, listed, rows = run(scenario())
    # Removing closes the endpoint's connection: the attempt under way ends unrecorded.
    assert (delivered, listed, rows) == (0, [], [])


def test_a_slow_receiver_with_a_backlog_does_not_hold_up_another(tmp_path):
    mint = FakeMint()
    slow, fast = Inbox("", delay=0.4), Inbox("")

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            with WebhookReceiver(slow) as r1, WebhookReceiver(fast) as r2:
                slow.secret = (await app.webhooks.add(r1.url()))["secret"]
                for _ in range(3):  # a backlog of six events for the slow receiver
                    await sell(app, mint)
                app.services.start()
                while not slow.wire:
                    await asyncio.sleep(0.01)
                fast.secret = (await app.webhooks.add(r2.url()))["secret"]
                await sell(app, mint)
                started = time.perf_counter()
                while len(fast.events) < 2 and time.perf_counter() - started < 10:
                    await asyncio.sleep(0.01)
                return time.perf_counter() - started, len(slow.wire)
        finally:
            await app.aclose()

    waited, slow_seen = run(scenario())
    assert fast.types() == ["sale.created", "sale.paid"]
    # The fast one got both before the slow one (0.4 s an event) was through its eight.
    assert waited < 1.6 and slow_seen < 8
