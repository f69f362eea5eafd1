"""Which changes start deliveries, and that a queue kicked while it drains is not left waiting.

The delivery side shares the database thread with the pay path: a change that queued
nothing must cost it nothing, and one queued for an endpoint already draining is taken
by that drain (no look-up), including when it arrives just as the drain finds its queue
empty.
"""

from __future__ import annotations

import asyncio

import pytest

from pos_app.core.events import EventBus
from pos_app.core.webhooks import signing
from pos_app.core.webhooks.delivery import Deliverer, Job
from pos_app.core.webhooks.sender import Answer
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.webhookreceiver import Inbox, WebhookReceiver


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def test_only_changes_that_queued_deliveries_start_them(tmp_path):
    mint = FakeMint()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        started: list[int] = []

        async def drain(endpoint_id):
            started.append(endpoint_id)
            return 0

        try:
            await app.mints.add(mint.url, trusted=True)
            app.webhooks.deliverer.drain = drain
            await app.sales.new_sale("1", "sat")  # services not started: nothing runs
            app.services.start()
            await app.sales.new_sale("2", "sat")  # no endpoint: nothing queued
            none = list(started)
            only_paid = (await app.webhooks.add("http://127.0.0.1:9/a", events="sale.paid"))["id"]
            await app.sales.new_sale("3", "sat")  # not an event that endpoint wants
            unwanted = list(started)
            every = (await app.webhooks.add("http://127.0.0.1:9/b"))["id"]
            await app.sales.new_sale("4", "sat")
            await asyncio.sleep(0)
            return none, unwanted, list(started), only_paid, every
        finally:
            await app.services.stop()
            await app.aclose()

    none, unwanted, started, only_paid, every = asyncio.run(scenario())
    assert (none, unwanted) == ([], [])
    assert started[0] == every and only_paid not in started


class ScriptedDb:
    """Answers each ``run`` from a script; a step may act first (an event arriving)."""

    def __init__(self, steps):
        self.steps = list(steps)

    async def run(self, _fn):
        action, answer = self.steps.pop(0)
        if action:
            action()
        return answer


class OkSender:
    def __init__(self):
        self.sent: list[str] = []

    async def post(self, _endpoint_id, _url, _body, headers, *, allow_private=True):
        del allow_private
        self.sent.append(headers["webhook-id"])
        return Answer(200, "", None, 1.0)


def _job(n: int) -> Job:
    return Job(
        n,
        1,
        "http://127.0.0.1:9/h",
        f"msg_{n}",
        "sale.paid",
        b"{}",
        [signing.new_secret()],
        "standard",
        False,
    )


def test_a_queue_kicked_as_its_drain_finds_it_empty_is_looked_at_again():
    async def scenario():
        sender = OkSender()
        deliverer = Deliverer(None, None, EventBus(), sender)
        deliverer.db = ScriptedDb(
            [
                # the drain's look-up finds nothing; meanwhile an event is committed
                (lambda: deliverer.kick([1]), None),
                (None, _job(7)),  # so it looks once more, and sends it
                (None, (True, [], None)),  # the record of that attempt
            ]
        )
        deliverer.kick([1])
        await asyncio.gather(*deliverer._draining.values())
        return sender.sent, deliverer.db.steps, dict(deliverer._draining)

    sent, left, draining = asyncio.run(scenario())
    assert sent == ["msg_7"]
    assert left == [] and draining == {}


def test_a_kick_after_a_drain_ended_starts_a_new_one():
    async def scenario():
        sender = OkSender()
        deliverer = Deliverer(None, None, EventBus(), sender)
        deliverer.db = ScriptedDb([(None, None), (None, _job(8)), (None, (True, [], None))])
        deliverer.kick([1])
        first = deliverer._draining[1]
        await first  # ended: its done callback has not run yet
        deliverer.kick([1])
        second = deliverer._draining[1]
        await second
        await asyncio.sleep(0)
        return first is not second, sender.sent, dict(deliverer._draining)

    distinct, sent, draining = asyncio.run(scenario())
    assert distinct and sent == ["msg_8"] and draining == {}


def test_stopping_the_services_stops_the_queue_being_worked_off(tmp_path):
    mint = FakeMint()
    inbox = Inbox("", delay=5.0)  # holds the request: the drain is under way
    receiver = WebhookReceiver(inbox).start()

    async def scenario():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            inbox.secret = (await app.webhooks.add(receiver.url()))["secret"]
            app.services.start()
            await app.sales.new_sale("1", "sat")
            for _ in range(500):
                if inbox.wire:
                    break
                await asyncio.sleep(0.01)
            drains = list(app.webhooks.deliverer._draining.values())
            await app.services.stop()
            pending = [d["state"] for d in await app.webhooks.deliveries()]
            return drains, pending
        finally:
            await app.aclose()

    try:
        drains, pending = asyncio.run(scenario())
    finally:
        receiver.stop()
    assert len(drains) == 1 and drains[0].cancelled()
    assert pending == ["pending"]  # sent again when the services run again
