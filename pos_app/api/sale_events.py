"""A sale's changes as server-sent events (``GET /sales/{id}/events``).

The stream opens with a ``retry:`` hint and the sale as it is, then sends the sale again
each time its state or paid amount changes, a comment every :data:`HEARTBEAT_SECONDS`
so proxies keep a quiet stream open, and an ``end`` event when the sale reaches a final
state or the client's timeout runs out. Changes are waited for as the long-poll waits
(:meth:`SalesService.wait_change`): a client that goes away cancels the wait, which
unsubscribes from the bus.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

from pos_app.core.errors import PosError, SecurityError

if TYPE_CHECKING:
    from pos_app.core.payments.sales import SalesService

log = logging.getLogger(__name__)

FINAL_STATES = ("paid", "cancelled", "expired")  # no payment is taken after these
HEARTBEAT_SECONDS = 15.0
RETRY_MS = 3000  # how long a client waits before reconnecting (EventSource honours it)
MAX_STREAMS = 100  # open streams at once (each holds a subscription and a socket)


def frame(event: str, data: dict[str, Any], event_id: int | None = None) -> str:
    """One SSE message; the JSON is one line, so one ``data:`` field carries it."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


def _seen(sale: dict[str, Any]) -> tuple[Any, Any]:
    return sale["state"], sale["paid"]


class SaleStreams:
    """Open event streams of sales, at most :data:`MAX_STREAMS` at once."""

    def __init__(self, sales: SalesService) -> None:
        self.sales = sales
        self.open = 0
        self.heartbeat = HEARTBEAT_SECONDS

    def check_room(self) -> None:
        """Refuse a new stream when :data:`MAX_STREAMS` are open (``api.too_many_streams``).

        Counted when a stream starts, not here: a stream that never starts (its client
        left first) never runs its ``finally`` and must not hold a place.
        """
        if self.open >= MAX_STREAMS:
            raise SecurityError(
                "api.too_many_streams",
                "Too many event streams are open: close one or use /wait instead.",
                data={"retry_after": RETRY_MS // 1000, "limit": MAX_STREAMS},
            )

    async def stream(
        self,
        sale_id: str,
        first: dict[str, Any],
        timeout: float,
        view: Callable[[dict[str, Any]], dict[str, Any]] = lambda sale: sale,
    ) -> AsyncIterator[str]:
        """The frames of ``sale_id``'s stream (``first``: the sale as read when it opened).

        Each change is waited for with :meth:`SalesService.wait_change` (the bus wakes it;
        it reads the sale again for an expiry), at most a heartbeat at a time.
        ``view``: the sale as the caller may see it (the API withholds owed ecash).
        """
        loop = asyncio.get_running_loop()
        self.open += 1
        try:
            number, failed = 1, False
            yield f"retry: {RETRY_MS}\n\n"
            yield frame("sale", view(first), number)
            last = _seen(first)
            deadline = loop.time() + timeout
            while last[0] not in FINAL_STATES and (left := deadline - loop.time()) > 0:
                try:
                    sale = await self.sales.wait_change(
                        sale_id, last[0], min(left, self.heartbeat), paid=last[1]
                    )
                except PosError as err:  # the answer has begun: said as an event, then the end
                    log.warning("events of sale %s: %s", sale_id, err.code)
                    yield frame("error", {"code": err.code, "message": err.user_message})
                    failed = True
                    break
                if _seen(sale) != last:
                    number += 1
                    last = _seen(sale)
                    yield frame("sale", view(sale), number)
                elif loop.time() < deadline:
                    yield ": keep-alive\n\n"
            reason = "error" if failed else "final" if last[0] in FINAL_STATES else "timeout"
            yield frame("end", {"reason": reason, "state": last[0]})
        finally:
            self.open -= 1
