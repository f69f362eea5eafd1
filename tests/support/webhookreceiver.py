"""A webhook receiver on 127.0.0.1 that checks signatures with the ``standardwebhooks`` package.

The package is the independent implementation of the scheme: a body the till
signed wrongly is refused here exactly as a real receiver would refuse it.

    inbox = Inbox(secret)
    with WebhookReceiver(inbox) as receiver:      # receiver.url("/hook")
        ...
    receiver.stop()                               # down: connections are refused
    WebhookReceiver(inbox, port=receiver.port)    # back on the same address

:class:`Inbox` outlives the servers: every request on the wire (``wire``) and the
events as the receiver's application sees them, deduplicated by ``webhook-id``
(``events``, in arrival order).
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.support.rateserver import Handler, LoopbackServer


@dataclass
class Received:
    """One request as it arrived."""

    headers: dict[str, str]
    body: bytes
    verified: bool
    at: float
    peer_port: int = 0  # the till's side of the connection: the same port = kept alive


@dataclass
class Inbox:
    """What the receiver got, and how it answers (``status``, ``delay``, ``headers``)."""

    secret: str
    status: int = 200
    delay: float = 0.0
    answer: bytes = b'{"ok":true}'
    headers: dict[str, str] = field(default_factory=dict)
    wire: list[Received] = field(default_factory=list)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, headers: dict[str, str], body: bytes, peer_port: int = 0) -> int:
        """Verify and record one request; the status to answer."""
        try:
            Webhook(self.secret).verify(body, headers)
            verified = True
        except WebhookVerificationError:
            verified = False
        with self.lock:
            self.wire.append(Received(headers, body, verified, time.time(), peer_port))
            status = self.status
            if verified and 200 <= status < 300:
                self.events.setdefault(headers["webhook-id"], json.loads(body))
        return status if verified else 401

    def types(self) -> list[str]:
        """Event types delivered, in order, once each."""
        with self.lock:
            return [e["type"] for e in self.events.values()]


class WebhookReceiver(LoopbackServer):
    """Answers POSTs according to its :class:`Inbox`."""

    def __init__(self, inbox: Inbox, port: int = 0) -> None:
        super().__init__(port)
        self.inbox = inbox
        self._connections: set[socket.socket] = set()

    def stop(self) -> None:
        """Down for real: the listening socket and every kept-alive connection close."""
        super().stop()
        for conn in list(self._connections):
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def url(self, path: str = "/hook") -> str:
        """Where the till sends."""
        return self.base_url + path

    def handle(self, request: Handler) -> None:
        self._connections.add(request.connection)
        length = int(request.headers.get("Content-Length", "0"))
        body = request.rfile.read(length)
        headers = {k.lower(): v for k, v in request.headers.items()}
        # Recorded on arrival, answered after the delay: a slow receiver that has the event
        # even though the till gave up waiting (so the till's retry is a duplicate).
        status = self.inbox.take(headers, body, request.client_address[1])
        if self.inbox.delay:
            self.hang(self.inbox.delay)
        with contextlib.suppress(OSError):  # the till gave up and closed the connection
            request.send_response(status)
            for name, value in self.inbox.headers.items():
                request.send_header(name, value)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(self.inbox.answer)))
            request.end_headers()
            request.wfile.write(self.inbox.answer)
