"""``pos-app webhooks`` end to end: a sale paid at the real mint reaches a verifying receiver,
also when the till is killed in the middle of a delivery.
"""

from __future__ import annotations

import json
import signal

import pytest

from tests.support.cli import Cli
from tests.support.tokens import token
from tests.support.webhookreceiver import Inbox, WebhookReceiver

pytestmark = pytest.mark.mint


def test_a_sale_at_the_real_mint_reaches_the_receiver_despite_a_kill_mid_delivery(tmp_path, mint):
    shop = Cli.wallet(tmp_path / "shop", mint.url)
    inbox = Inbox("")
    with WebhookReceiver(inbox) as receiver:
        added = shop.ok("webhooks", "add", receiver.url(), "--events", "sale.created,sale.paid")
        inbox.secret = added["secret"]
        assert added["secret"].startswith("whsec_") and added["events"] == [
            "sale.created",
            "sale.paid",
        ]
        listed = shop.run("webhooks", "list")
        assert listed.rc == 0 and added["secret"] not in listed.stdout
        sale = shop.ok("sale", "new", "--amount", "21", "--currency", "sat")
        paid = shop.ok("sale", "pay", sale["sale_id"], token(mint.url, 21))
        assert paid["state"] == "paid"
        assert inbox.wire == []  # committed, not yet sent: the CLI runs no timer

        # The receiver gets the first event; the till dies before recording that it did.
        killed = shop.run(
            "serve", "--seconds", "30", env={"POS_TEST_FAULT": "webhook_before_record"}
        )
        assert killed.rc == -signal.SIGKILL
        assert len(inbox.wire) == 1

        served = shop.ok("serve", "--seconds", "3")
        assert {s["name"] for s in served["services"]} >= {"webhooks", "retry", "health"}
        deliveries = shop.ok("webhooks", "deliveries", "--endpoint", str(added["id"]))

    assert inbox.types() == ["sale.created", "sale.paid"]
    ids = [r.headers["webhook-id"] for r in inbox.wire]
    assert ids[0] == ids[1] and len(set(ids)) == 2  # one duplicate on the wire, by id
    assert all(r.verified for r in inbox.wire)
    body = inbox.events[ids[2]]
    assert (body["data"]["sale_id"], body["data"]["paid"]) == (sale["sale_id"], 21)
    assert body["data"]["payments"][0]["mint"] == mint.url
    assert [(d["type"], d["state"], d["attempts"]) for d in deliveries] == [
        ("sale.paid", "delivered", 1),
        ("sale.created", "delivered", 1),  # the killed attempt left no record
    ]


def test_the_commands_answer_and_refuse_clearly(tmp_path, mint):
    shop = Cli.wallet(tmp_path / "shop", mint.url)
    inbox = Inbox("")
    with WebhookReceiver(inbox) as receiver:
        added = shop.ok("webhook", "add", receiver.url(), "--format", "numo", "--btcpay-sig")
        inbox.secret = added["secret"]
        tested = shop.ok("webhooks", "test", str(added["id"]))
        assert (tested["state"], tested["type"]) == ("delivered", "webhook.test")
        assert tested["history"][0]["status_code"] == 200
        assert json.loads(inbox.wire[0].body)["eventType"] == "payment.received"
        rotated = shop.ok("webhooks", "rotate-secret", str(added["id"]))
        assert rotated["secret"] != added["secret"] and rotated["previous_valid_until"]
        again = shop.ok("webhooks", "redeliver", str(tested["id"]))
        assert (again["state"], again["attempts"]) == ("pending", 0)
    assert shop.ok("webhooks", "deliveries", "--status", "failed") == []
    [listed] = shop.ok("webhooks", "list")
    assert (listed["format"], listed["btcpay_sig"], listed["pending"]) == ("numo", True, 1)

    refusals = {
        "scheme": shop.run("webhooks", "add", "ftp://example.com/hook"),
        "metadata": shop.run("webhooks", "add", "http://169.254.169.254/latest"),
        "event": shop.run("webhooks", "add", "https://example.com/h", "--events", "sale.payed"),
        "endpoint": shop.run("webhooks", "remove", "99"),
        "redeliver": shop.run("webhooks", "redeliver"),
    }
    assert {k: r.error_code for k, r in refusals.items()} == {
        "scheme": "webhook.url_refused",
        "metadata": "webhook.url_refused",
        "event": "webhook.unknown_event",
        "endpoint": "webhook.unknown_endpoint",
        "redeliver": "input.invalid",
    }
    assert all(r.rc == 1 for r in refusals.values())
    removed = shop.ok("webhooks", "remove", str(added["id"]))
    assert removed["removed"] is True and shop.ok("webhooks", "list") == []
