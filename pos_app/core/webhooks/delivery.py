"""The delivery round on the in-app timer: each endpoint's queue, in order, retried on schedule.

An endpoint gets its events in the order they happened: only its oldest pending
delivery is ever sent, and the next one waits until it is delivered or has failed
for good (after the last of the schedule's attempts). Endpoints are served
concurrently, so one that is down never delays another. Every attempt is stored.
A ``410 Gone`` disables the endpoint. One failing for :data:`PAUSE_AFTER` seconds is
paused: the delivery being retried keeps its schedule (a success makes the endpoint
active again), but once it fails for good the rest of the queue waits for the owner
instead of each event taking days of retries. Both, and a delivery that failed for
good, notify the owner.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.events import EventBus, Notification
from pos_app.core.faults import fault_point
from pos_app.core.store.db import Database
from pos_app.core.store.schema import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from pos_app.core.webhooks import backoff, payload, signing
from pos_app.core.webhooks.catalog import TEST_EVENT
from pos_app.core.webhooks.sender import Answer, Sender

log = logging.getLogger(__name__)

PAUSE_AFTER = 24 * 3600
BATCH = 200  # deliveries of one endpoint per round; the next round goes on at once
PRUNE_EVERY = 3600.0


@dataclass(frozen=True, slots=True)
class Job:
    """One attempt to make: a delivery, its endpoint and the exact request."""

    delivery_id: int
    endpoint_id: int
    url: str
    event_id: str
    event_type: str
    body: bytes
    secrets: list[str]
    fmt: str
    btcpay: bool
    allow_private: bool = True


def request_headers(job: Job, timestamp: int) -> dict[str, str]:
    """The headers of one attempt of ``job`` (signed with its timestamp)."""
    headers = signing.headers(job.secrets, job.event_id, timestamp, job.body, btcpay=job.btcpay)
    if job.fmt == "numo":
        headers["X-Numo-Event"] = "payment.received"
        headers["X-Numo-Event-Id"] = job.event_id
    return headers


def job_for(session: Session, delivery: WebhookDelivery, at: float, config: Config) -> Job:
    """The request of a delivery as its endpoint wants it now."""
    endpoint = session.get(WebhookEndpoint, delivery.endpoint_id)
    event = session.get(WebhookEvent, delivery.event_id)
    body = event.payload_json
    if endpoint.format == "numo":
        body = payload.encode(payload.numo_body(json.loads(body)))
    secrets = [endpoint.secret]
    if endpoint.previous_secret and (endpoint.previous_until or 0) > at:
        secrets.append(endpoint.previous_secret)
    return Job(
        delivery.id,
        endpoint.id,
        endpoint.url,
        event.id,
        event.type,
        body.encode("utf-8"),
        secrets,
        endpoint.format,
        endpoint.btcpay_sig,
        bool(config.get(session, "webhooks.allow_private")),
    )


def _notice(kind: str, title: str, body: str, dedupe: str, **facts: Any) -> Notification:
    return Notification(
        "warning", title, body, kind=kind, data={"dedupe": f"{kind}:{dedupe}", **facts}
    )


def record(
    session: Session,
    job: Job,
    answer: Answer,
    at: float,
    rand: Callable[[], float] = random.random,
) -> tuple[bool, list[Notification]]:
    """Store an attempt and decide what follows; returns (delivered, notices for the owner)."""
    delivery = session.get(WebhookDelivery, job.delivery_id)
    endpoint = session.get(WebhookEndpoint, job.endpoint_id)
    if delivery is None or endpoint is None:  # the endpoint was removed meanwhile
        return answer.ok, []
    now = int(at)
    session.add(
        WebhookAttempt(
            delivery_id=delivery.id,
            at=now,
            duration_ms=answer.duration_ms,
            status_code=answer.status_code,
            response_body=answer.body,
            error=answer.error,
        )
    )
    delivery.attempts += 1
    delivery.last_status = answer.status_code
    delivery.last_error = answer.error
    delivery.updated_at = now
    if answer.ok:
        delivery.state = "delivered"
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        if job.event_type != TEST_EVENT:
            endpoint.failing_since = None
            if endpoint.state == "paused":
                endpoint.state = "active"
                endpoint.state_reason = None
                endpoint.updated_at = now
        return True, []
    if job.event_type == TEST_EVENT:  # a test shows the answer; it is not retried
        delivery.state = "failed"
        delivery.next_attempt_at = None
        return False, []
    notices: list[Notification] = []
    endpoint.failing_since = endpoint.failing_since or now
    if answer.status_code == 410:
        endpoint.state = "disabled"
        endpoint.state_reason = "The receiver answered 410 Gone."
        endpoint.updated_at = now
        delivery.next_attempt_at = now  # kept for a resumed endpoint
        notices.append(
            _notice(
                "webhook_disabled",
                "Webhook disabled",
                f"{endpoint.url} answered that it no longer exists (410 Gone): webhooks to it "
                "are stopped. Remove it, or resume it once the receiver is back.",
                f"{endpoint.id}:{now}",
                url=endpoint.url,
                endpoint_id=endpoint.id,
            )
        )
        return False, notices
    retry_after = None
    if answer.status_code in (429, 503):
        retry_after = backoff.parse_retry_after(answer.retry_after, at)
    delay = backoff.next_delay(delivery.attempts, retry_after, rand)
    if delay is None:
        delivery.state = "failed"
        delivery.next_attempt_at = None
        notices.append(
            _notice(
                "webhook_failed",
                "Webhook not delivered",
                f"An event ({job.event_type}) could not be delivered to {endpoint.url} after "
                f"{delivery.attempts} attempts. Redeliver it from the delivery history once "
                "the receiver works.",
                str(delivery.id),
                url=endpoint.url,
                delivery_id=delivery.id,
                event=job.event_type,
                attempts=delivery.attempts,
            )
        )
    else:
        delivery.next_attempt_at = int(at + delay)
    if endpoint.state == "active" and now - endpoint.failing_since >= PAUSE_AFTER:
        endpoint.state = "paused"
        endpoint.state_reason = "Every delivery failed for 24 hours."
        endpoint.updated_at = now
        notices.append(
            _notice(
                "webhook_paused",
                "Webhook paused",
                f"Deliveries to {endpoint.url} have failed for 24 hours. The event being "
                "retried keeps trying; the ones after it wait until you resume the endpoint.",
                f"{endpoint.id}:{endpoint.failing_since}",
                url=endpoint.url,
                endpoint_id=endpoint.id,
            )
        )
    return False, notices


def due_endpoints(session: Session, at: float) -> list[int]:
    """Endpoints whose oldest pending delivery is due (a paused one: only one under way).

    Each endpoint's head is one seek in the (endpoint, state, id) index, so the timer's
    query costs the same with a backlog of thousands as with none.
    """
    head = (
        select(WebhookDelivery.id)
        .where(
            WebhookDelivery.endpoint_id == WebhookEndpoint.id,
            WebhookDelivery.state == "pending",
        )
        .order_by(WebhookDelivery.id)
        .limit(1)
        .correlate(WebhookEndpoint)
        .scalar_subquery()
    )
    rows = session.execute(
        select(WebhookEndpoint.id)
        .join(WebhookDelivery, WebhookDelivery.id == head)
        .where(
            WebhookEndpoint.state.in_(("active", "paused")),
            WebhookDelivery.next_attempt_at <= int(at),
            or_(WebhookEndpoint.state == "active", WebhookDelivery.attempts > 0),
        )
        .order_by(WebhookEndpoint.id)
    )
    return list(rows.scalars())


def next_job(session: Session, endpoint_id: int, at: float, config: Config) -> Job | None:
    """The endpoint's oldest pending delivery when it is due (else None: the queue waits)."""
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None or endpoint.state not in ("active", "paused"):
        return None
    head = session.scalars(
        select(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.state == "pending")
        .order_by(WebhookDelivery.id)
        .limit(1)
    ).first()
    if head is None or (head.next_attempt_at or 0) > at:
        return None
    if endpoint.state == "paused" and head.attempts == 0:
        return None  # the queue waits for the owner
    return job_for(session, head, at, config)


def prune(session: Session, at: float, days: int) -> int:
    """Forget finished deliveries (and their events) older than ``days``; returns how many."""
    cutoff = int(at) - days * 86400
    gone = session.execute(
        delete(WebhookDelivery).where(
            # "sending": a test whose till stopped before the answer came.
            WebhookDelivery.state.in_(("delivered", "failed", "sending")),
            WebhookDelivery.created_at < cutoff,
        )
    ).rowcount
    used = select(WebhookDelivery.event_id)
    session.execute(
        delete(WebhookEvent).where(WebhookEvent.created_at < cutoff, WebhookEvent.id.not_in(used))
    )
    return gone


class Deliverer:
    """Sends what is due; shared by the timer, "send test event" and redelivery."""

    def __init__(
        self,
        db: Database,
        config: Config,
        bus: EventBus,
        sender: Sender,
        *,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.db = db
        self.config = config
        self.bus = bus
        self.sender = sender
        self.clock = clock
        self.rand = rand
        self._locks: dict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._draining: dict[int, asyncio.Task[int]] = {}
        self._again: set[int] = set()  # endpoints kicked while draining
        self._pruned_at = 0.0

    async def round(self) -> int:
        """Send every endpoint's due deliveries and wait; returns how many were delivered.

        Drains already under way (kicked when their events committed) are waited for too:
        their deliveries are not due any more while in flight, and a round that returned
        before them would let a caller close the app under them.
        """
        at = self.clock()
        endpoint_ids = await self.db.run(lambda s: due_endpoints(s, at))
        counts = await asyncio.gather(*(self.drain(e) for e in endpoint_ids))
        in_flight = [t for t in self._draining.values() if not t.done()]
        if in_flight:
            await asyncio.gather(*in_flight, return_exceptions=True)
        await self._prune(at)
        return sum(counts)

    async def tick(self) -> None:
        """The timer's round: start draining each due endpoint that is not draining already.

        It does not wait for them, so a slow receiver with a backlog never holds up
        the events of another endpoint until the next tick.
        """
        at = self.clock()
        self.kick(await self.db.run(lambda s: due_endpoints(s, at)))
        await self._prune(at)

    def kick(self, endpoint_ids: Iterable[int]) -> None:
        """Start draining each of these endpoints that is not draining already.

        One that is draining picks up what was queued meanwhile itself; one whose head is
        not due yet costs one look-up.
        """
        for endpoint_id in endpoint_ids:
            draining = self._draining.get(endpoint_id)
            if draining is not None and not draining.done():
                self._again.add(endpoint_id)  # it looks once more before it ends
                continue
            task = asyncio.ensure_future(self.drain(endpoint_id))
            self._draining[endpoint_id] = task
            task.add_done_callback(lambda t, e=endpoint_id: self._drained(e, t))

    def _drained(self, endpoint_id: int, task: asyncio.Task[int]) -> None:
        if self._draining.get(endpoint_id) is task:  # not a newer drain started meanwhile
            del self._draining[endpoint_id]
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "webhook delivery to endpoint %d failed", endpoint_id, exc_info=task.exception()
            )

    async def stop(self) -> None:
        """Cancel the drains under way (their deliveries stay pending)."""
        tasks = list(self._draining.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _prune(self, at: float) -> None:
        if at - self._pruned_at >= PRUNE_EVERY:
            self._pruned_at = at
            days = int(await self.db.run(lambda s: self.config.get(s, "webhooks.history_days")))
            await self.db.run(lambda s: prune(s, at, days))

    async def drain(self, endpoint_id: int) -> int:
        """Send one endpoint's due deliveries in order until one fails or none is left."""
        delivered = 0
        async with self._locks[endpoint_id]:
            again = True
            while again and delivered < BATCH:
                self._again.discard(endpoint_id)
                at = self.clock()
                job = await self.db.run(lambda s, at=at: next_job(s, endpoint_id, at, self.config))
                while job is not None:
                    ok, job = await self._attempt(job, follow=delivered + 1 < BATCH)
                    if not ok:
                        return delivered
                    delivered += 1
                again = endpoint_id in self._again
        return delivered

    async def attempt(self, job: Job) -> bool:
        """One attempt of ``job``, stored; True when delivered."""
        ok, _ = await self._attempt(job, follow=False)
        return ok

    async def _attempt(self, job: Job, *, follow: bool) -> tuple[bool, Job | None]:
        """One attempt, stored; with ``follow``, the endpoint's next due job too.

        The record of one delivery and the look-up of the next share a transaction:
        the database thread is the pay path's too, and a backlog worked off behind a
        burst of sales should cost it as little as possible.
        """
        # The wall clock, not self.clock (a schedule that tests move): receivers compare
        # it with theirs and refuse a stale one.
        timestamp = int(time.time())
        answer = await self.sender.post(
            job.endpoint_id,
            job.url,
            job.body,
            request_headers(job, timestamp),
            allow_private=job.allow_private,
        )
        fault_point("webhook_before_record")  # the receiver has it; the till has no record yet
        at = self.clock()

        def settle(session: Session) -> tuple[bool, list[Notification], Job | None]:
            ok, notices = record(session, job, answer, at, self.rand)
            if not (ok and follow):
                return ok, notices, None
            return ok, notices, next_job(session, job.endpoint_id, at, self.config)

        ok, notices, following = await self.db.run(settle)
        if not ok:
            log.info(
                "webhook %s to endpoint %d failed: %s",
                job.event_id,
                job.endpoint_id,
                answer.status_code or answer.error,
            )
        for notice in notices:
            self.bus.publish(notice)
        return ok, following
