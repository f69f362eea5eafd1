"""Webhooks for the faces (CLI, Settings page): endpoints, history, redelivery, tests, the timer.

The secret of an endpoint is returned once, by :meth:`WebhookService.add` and
:meth:`WebhookService.rotate_secret`; listings never show it.
"""

from __future__ import annotations

import ipaddress
import json
import random
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.choices import DELIVERY_STATES
from pos_app.core.config import Config
from pos_app.core.errors import ValidationError
from pos_app.core.events import (
    EventBus,
    MintHealthChanged,
    OperationChanged,
    OperationRecovered,
    PaymentRejected,
    SaleChanged,
)
from pos_app.core.services.supervisor import Supervisor
from pos_app.core.store.db import Database, session_till
from pos_app.core.store.schema import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from pos_app.core.webhooks import outbox, signing, urls
from pos_app.core.webhooks.backoff import iso
from pos_app.core.webhooks.catalog import ALL, FORMATS, TEST_EVENT, parse_events
from pos_app.core.webhooks.delivery import Deliverer, job_for
from pos_app.core.webhooks.sender import Sender

STATES = DELIVERY_STATES
POLL_SECONDS = 1.0  # also catches events committed by another process (a CLI command)
# Events published after a commit that may have written to the outbox: send at once.
_WAKE_ON = (SaleChanged, PaymentRejected, MintHealthChanged, OperationChanged, OperationRecovered)


def _time(ts: int | None) -> str | None:
    return None if ts is None else iso(ts)


def _endpoint(session: Session, endpoint_id: int) -> WebhookEndpoint:
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise ValidationError(
            "webhook.unknown_endpoint", f"There is no webhook endpoint {endpoint_id}.", ""
        )
    return endpoint


def endpoint_dict(session: Session, e: WebhookEndpoint) -> dict[str, Any]:
    """An endpoint as listed (never its secret)."""
    counts = dict(
        session.execute(
            select(WebhookDelivery.state, func.count())
            .where(WebhookDelivery.endpoint_id == e.id)
            .group_by(WebhookDelivery.state)
        ).all()
    )
    last = session.scalars(
        select(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == e.id, WebhookDelivery.attempts > 0)
        .order_by(WebhookDelivery.updated_at.desc(), WebhookDelivery.id.desc())
        .limit(1)
    ).first()
    return {
        "id": e.id,
        "url": e.url,
        "events": json.loads(e.events_json),
        "format": e.format,
        "btcpay_sig": e.btcpay_sig,
        "state": e.state,
        "state_reason": e.state_reason,
        "failing_since": _time(e.failing_since),
        "pending": counts.get("pending", 0),
        "failed": counts.get("failed", 0),
        "delivered": counts.get("delivered", 0),
        "last_delivery": None
        if last is None
        else {
            "id": last.id,
            "state": last.state,
            "status_code": last.last_status,
            "at": _time(last.updated_at),
        },
        "created_at": _time(e.created_at),
    }


def delivery_dict(session: Session, d: WebhookDelivery, *, attempts: bool) -> dict[str, Any]:
    """A delivery with its event (and its attempts, newest last)."""
    event = session.get(WebhookEvent, d.event_id)
    out: dict[str, Any] = {
        "id": d.id,
        "endpoint_id": d.endpoint_id,
        "event_id": d.event_id,
        "type": event.type if event else None,
        "state": d.state,
        "attempts": d.attempts,
        "next_attempt_at": _time(d.next_attempt_at),
        "last_status": d.last_status,
        "last_error": d.last_error,
        "delivered_at": _time(d.delivered_at),
        "created_at": _time(d.created_at),
    }
    if attempts:
        out["history"] = [
            {
                "at": _time(a.at),
                "duration_ms": a.duration_ms,
                "status_code": a.status_code,
                "response": a.response_body,
                "error": a.error,
            }
            for a in session.scalars(
                select(WebhookAttempt)
                .where(WebhookAttempt.delivery_id == d.id)
                .order_by(WebhookAttempt.id)
            )
        ]
    return out


class WebhookService:
    """Endpoints and deliveries of one till.

    Args:
        db, config, bus: the store, the settings and where owner notices go.
        trust_env: let httpx read proxy variables (tests pass False).
        clock, rand: time and jitter (tests pass their own).
    """

    def __init__(
        self,
        db: Database,
        config: Config,
        bus: EventBus,
        *,
        trust_env: bool = True,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
        training: bool = False,
    ) -> None:
        # A training till's play-money sales must never reach a receiver: no outbox rows
        # are written and no endpoint can be added.
        self.training = training
        if not training:
            outbox.install(db)
        self._queued = outbox.Watch(db)
        self.db = db
        self.config = config
        self.clock = clock
        self.sender = Sender(trust_env=trust_env)
        self.deliverer = Deliverer(db, config, bus, self.sender, clock=clock, rand=rand)
        self._bus = bus
        self._unsubscribe: list[Callable[[], None]] = []

    def attach(self, supervisor: Supervisor) -> None:
        """Run the deliveries on ``supervisor``'s timer; a change that queued some starts them.

        The timer's round finds what is due (retries, another process's events); the
        events of this process start their endpoints' queues at once (:meth:`Deliverer.kick`).
        """
        # Stopping the services stops the queues being worked off too (deliveries stay
        # pending): nothing is sent while the services are stopped.
        supervisor.add("webhooks", self.deliverer.tick, POLL_SECONDS, stop=self.deliverer.stop)

        def wake(_event: object) -> None:
            endpoint_ids = self._queued.take()
            if endpoint_ids and supervisor.running("webhooks"):
                self.deliverer.kick(endpoint_ids)

        for kind in _WAKE_ON:
            self._unsubscribe.append(self._bus.subscribe(kind, wake))

    def _checked(self, url: str, fmt: str) -> tuple[str, str]:
        """A receiver's address and format as stored (``webhook.*`` refusals otherwise)."""
        url = url.strip()
        host, _port = urls.check_url(url)
        if fmt not in FORMATS:
            raise ValidationError(
                "webhook.unknown_format", f"The format must be one of {', '.join(FORMATS)}.", fmt
            )
        return url, host

    def _check_address(self, session: Session, url: str, host: str) -> None:
        allow_private = bool(self.config.get(session, "webhooks.allow_private"))
        try:
            ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            pass  # a name: its addresses are checked before every attempt
        else:
            urls.check_address(url, host.strip("[]"), allow_private)

    async def add(
        self,
        url: str,
        events: str | None = None,
        fmt: str = "standard",
        *,
        btcpay_sig: bool = False,
    ) -> dict[str, Any]:
        """A new endpoint; the answer holds its secret, shown this once."""
        if self.training:
            raise ValidationError(
                "webhook.training",
                "Training mode sends no webhooks: its sales are play money.",
                url,
            )
        url, host = self._checked(url, fmt)
        names = parse_events(events)
        secret = signing.new_secret()
        at = int(self.clock())

        def write(session: Session) -> dict[str, Any]:
            self._check_address(session, url, host)
            endpoint = WebhookEndpoint(
                url=url,
                events_json=json.dumps(names),
                format=fmt,
                btcpay_sig=btcpay_sig,
                secret=secret,
                state="active",
                created_at=at,
                updated_at=at,
            )
            session.add(endpoint)
            session.flush()
            return {**endpoint_dict(session, endpoint), "secret": secret}

        return await self.db.run(write)

    async def edit(
        self,
        endpoint_id: int,
        *,
        url: str | None = None,
        events: str | None = None,
        fmt: str | None = None,
        btcpay_sig: bool | None = None,
    ) -> dict[str, Any]:
        """Change an endpoint's address, events, format or BTCPay signature (None: keep).

        Its secret, its queue and its history stay; ``events`` ``""`` means every event.
        """
        at = int(self.clock())

        def write(session: Session) -> tuple[dict[str, Any], bool]:
            endpoint = _endpoint(session, endpoint_id)
            new_url, host = self._checked(
                endpoint.url if url is None else url, endpoint.format if fmt is None else fmt
            )
            self._check_address(session, new_url, host)
            moved = new_url != endpoint.url
            endpoint.url = new_url
            if fmt is not None:
                endpoint.format = fmt
            if events is not None:
                endpoint.events_json = json.dumps(parse_events(events))
            if btcpay_sig is not None:
                endpoint.btcpay_sig = btcpay_sig
            endpoint.updated_at = at
            session.flush()
            return endpoint_dict(session, endpoint), moved

        shown, moved = await self.db.run(write)
        if moved:  # the kept-alive connection goes to the old address
            await self.sender.forget(endpoint_id)
        return shown

    async def list(self) -> list[dict[str, Any]]:
        """Every endpoint, oldest first."""

        def read(session: Session) -> list[dict[str, Any]]:
            rows = session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id))
            return [endpoint_dict(session, e) for e in rows]

        return await self.db.run(read)

    async def remove(self, endpoint_id: int) -> dict[str, Any]:
        """Delete an endpoint with its queue and history."""

        def write(session: Session) -> dict[str, Any]:
            endpoint = _endpoint(session, endpoint_id)
            shown = endpoint_dict(session, endpoint)
            session.delete(endpoint)
            return {"removed": True, **shown}

        result = await self.db.run(write)
        await self.sender.forget(endpoint_id)
        return result

    async def rotate_secret(self, endpoint_id: int) -> dict[str, Any]:
        """A new secret (shown once); the old one also signs during the grace period."""
        secret = signing.new_secret()
        at = int(self.clock())

        def write(session: Session) -> dict[str, Any]:
            endpoint = _endpoint(session, endpoint_id)
            grace = float(self.config.get(session, "webhooks.secret_grace_hours")) * 3600
            endpoint.previous_secret = endpoint.secret if grace > 0 else None
            endpoint.previous_until = int(at + grace) if grace > 0 else None
            endpoint.secret = secret
            endpoint.updated_at = at
            return {
                "id": endpoint.id,
                "secret": secret,
                "previous_valid_until": _time(endpoint.previous_until),
            }

        return await self.db.run(write)

    async def resume(self, endpoint_id: int) -> dict[str, Any]:
        """Send to a paused or disabled endpoint again (its queue starts now)."""
        at = int(self.clock())

        def write(session: Session) -> dict[str, Any]:
            endpoint = _endpoint(session, endpoint_id)
            endpoint.state = "active"
            endpoint.state_reason = None
            endpoint.failing_since = None
            endpoint.updated_at = at
            for d in session.scalars(
                select(WebhookDelivery).where(
                    WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.state == "pending"
                )
            ):
                d.next_attempt_at = min(d.next_attempt_at or at, at)
            return endpoint_dict(session, endpoint)

        return await self.db.run(write)

    async def test(self, endpoint_id: int) -> dict[str, Any]:
        """Send a ``webhook.test`` event to one endpoint now; the delivery with its answer."""
        at = int(self.clock())

        def write(session: Session) -> Any:
            endpoint = _endpoint(session, endpoint_id)
            conn = session.connection()
            data = {"endpoint_id": endpoint.id, "message": "Test event from pos-app."}
            till = outbox.till_name(conn, session_till(session))
            event_id = outbox.write(conn, TEST_EVENT, data, [endpoint.id], at, till=till)
            delivery = session.scalars(
                select(WebhookDelivery).where(WebhookDelivery.event_id == event_id)
            ).one()
            # Not "pending": the timer's queue must not send it too, nor wait behind it.
            delivery.state = "sending"
            return job_for(session, delivery, at, self.config)

        job = await self.db.run(write)
        await self.deliverer.attempt(job)
        return await self.delivery(job.delivery_id)

    async def delivery(self, delivery_id: int) -> dict[str, Any]:
        """One delivery with every attempt."""

        def read(session: Session) -> dict[str, Any]:
            d = session.get(WebhookDelivery, delivery_id)
            if d is None:
                raise ValidationError(
                    "webhook.unknown_delivery", f"There is no webhook delivery {delivery_id}.", ""
                )
            return delivery_dict(session, d, attempts=True)

        return await self.db.run(read)

    async def deliveries(
        self, endpoint_id: int | None = None, state: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """Deliveries newest first, optionally of one endpoint and/or one state."""
        if state is not None and state not in STATES:
            raise ValidationError(
                "webhook.unknown_state", f"The state must be one of {', '.join(STATES)}.", state
            )

        def read(session: Session) -> list[dict[str, Any]]:
            query = select(WebhookDelivery).order_by(WebhookDelivery.id.desc()).limit(limit)
            if endpoint_id is not None:
                _endpoint(session, endpoint_id)
                query = query.where(WebhookDelivery.endpoint_id == endpoint_id)
            if state is not None:
                query = query.where(WebhookDelivery.state == state)
            return [delivery_dict(session, d, attempts=False) for d in session.scalars(query)]

        return await self.db.run(read)

    async def redeliver(self, delivery_id: int) -> dict[str, Any]:
        """Queue a delivery again: same ``webhook-id`` and body, a new timestamp and schedule."""
        at = int(self.clock())

        def write(session: Session) -> None:
            d = session.get(WebhookDelivery, delivery_id)
            if d is None:
                raise ValidationError(
                    "webhook.unknown_delivery", f"There is no webhook delivery {delivery_id}.", ""
                )
            _requeue(d, at)

        await self.db.run(write)
        return await self.delivery(delivery_id)

    async def redeliver_failed(self, endpoint_id: int) -> dict[str, Any]:
        """Queue every failed delivery of an endpoint again (oldest first, in order)."""
        at = int(self.clock())

        def write(session: Session) -> list[int]:
            _endpoint(session, endpoint_id)
            rows = session.scalars(
                select(WebhookDelivery)
                .where(
                    WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.state == "failed"
                )
                .order_by(WebhookDelivery.id)
            ).all()
            for d in rows:
                _requeue(d, at)
            return [d.id for d in rows]

        ids = await self.db.run(write)
        return {"endpoint_id": endpoint_id, "requeued": ids}

    async def round(self) -> int:
        """One round of the timer (see :class:`Deliverer`)."""
        return await self.deliverer.round()

    async def aclose(self) -> None:
        """Stop listening and close the HTTP clients."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        await self.deliverer.stop()
        await self.sender.aclose()


def _requeue(d: WebhookDelivery, at: int) -> None:
    d.state = "pending"
    d.attempts = 0
    d.next_attempt_at = at
    d.updated_at = at


__all__ = ["ALL", "WebhookService"]
