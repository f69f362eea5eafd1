"""The sender connects only to addresses checked at the moment of connecting (no DNS rebinding).

A real receiver on 127.0.0.1 and a fake name service for ``hooks.test``: what the name
resolves to changes between lookups, as a hostile name server would make it.
"""

from __future__ import annotations

import asyncio
import socket
import time

import pytest

from pos_app.core.webhooks import signing, urls
from pos_app.core.webhooks.sender import Sender
from tests.support.webhookreceiver import Inbox, WebhookReceiver

METADATA = "169.254.169.254"
SECRET = signing.new_secret()


@pytest.fixture
def receiver():
    server = WebhookReceiver(Inbox(SECRET)).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def names(monkeypatch):
    """``hooks.test`` answers the queued addresses one lookup at a time (the last repeats)."""
    answers: list[str] = []
    lookups: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host != "hooks.test":
            return real(host, port, *args, **kwargs)
        address = answers.pop(0) if len(answers) > 1 else answers[0]
        lookups.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port)))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, lookups


def post(url: str, *, allow_private: bool, times: int = 1):
    async def run():
        sender = Sender(trust_env=False, timeout=3.0)
        try:
            return [
                await sender.post(1, url, b"{}", _signed(n), allow_private=allow_private)
                for n in range(times)
            ]
        finally:
            await sender.aclose()

    return asyncio.run(run())


def _signed(n: int) -> dict[str, str]:
    return signing.headers([SECRET], f"msg_{n}", int(time.time()), b"{}", btcpay=False)


def test_the_connection_goes_to_the_address_that_was_checked(receiver, names):
    answers, lookups = names
    # A name server that answers the loopback receiver once, then a cloud metadata address:
    # resolving again to connect would reach the metadata service.
    answers[:] = ["127.0.0.1", METADATA]
    (answer,) = post(f"http://hooks.test:{receiver.port}/hook", allow_private=True)
    assert answer.ok, answer
    assert lookups == ["127.0.0.1"]
    assert len(receiver.inbox.wire) == 1


def test_a_name_that_resolves_to_a_refused_address_is_refused_and_nothing_is_sent(receiver, names):
    answers, _ = names
    answers[:] = [METADATA]
    (answer,) = post(f"http://hooks.test:{receiver.port}/hook", allow_private=True)
    assert answer.status_code is None
    assert answer.error.startswith("webhook.url_refused: ")
    assert "metadata" in answer.error


def test_private_addresses_are_refused_when_the_setting_says_so(receiver, names):
    answers, _ = names
    answers[:] = ["127.0.0.1"]
    url = f"http://hooks.test:{receiver.port}/hook"
    (refused,) = post(url, allow_private=False)
    assert refused.error.startswith("webhook.url_refused: ")
    assert receiver.inbox.wire == []
    (allowed,) = post(url, allow_private=True)
    assert allowed.ok
    assert len(receiver.inbox.wire) == 1


def test_a_kept_alive_connection_is_not_looked_up_again(receiver, names):
    answers, lookups = names
    answers[:] = ["127.0.0.1"]
    answered = post(f"http://hooks.test:{receiver.port}/hook", allow_private=True, times=3)
    assert [a.ok for a in answered] == [True, True, True]
    assert len(lookups) == 1
    assert len({r.peer_port for r in receiver.inbox.wire}) == 1


def test_a_name_that_does_not_resolve_is_an_answer_not_a_crash():
    (answer,) = post("http://no-such-host.invalid/hook", allow_private=True)
    assert answer.status_code is None
    assert answer.error.startswith("webhook.unresolvable: ")


def test_the_checked_addresses_are_the_resolved_ones(names):
    answers, _ = names
    answers[:] = ["127.0.0.1"]
    found = asyncio.run(urls.resolve("http://hooks.test/", "hooks.test", 80, True))
    assert found == ["127.0.0.1"]
