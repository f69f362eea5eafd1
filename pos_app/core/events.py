"""In-process event bus: the core publishes typed events, the UI, audit and webhooks listen.

Handlers are plain callables run synchronously in publish order; a failing
handler is logged and never stops the publisher or the other handlers. The UI
bridge turns events into Qt signals; it must not do slow work in a handler.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

log = logging.getLogger(__name__)

E = TypeVar("E", bound="Event")


@dataclass(frozen=True, slots=True)
class Event:
    """Base of every core event."""


@dataclass(frozen=True, slots=True)
class BalanceChanged(Event):
    """Proofs were added or removed at a mint."""

    mint: str
    unit: str


@dataclass(frozen=True, slots=True)
class ExportsChanged(Event):
    """A check found exported tokens claimed (or partly) since the last one."""

    claimed: int
    partly: int


@dataclass(frozen=True, slots=True)
class OperationChanged(Event):
    """A journal operation changed state (``pending``, ``done``, ``needs_review``...)."""

    operation_id: str
    kind: str
    state: str
    error_code: str | None = None


@dataclass(frozen=True, slots=True)
class OperationRecovered(Event):
    """The recovery finished an operation that had been interrupted."""

    operation_id: str
    kind: str
    amount: int


@dataclass(frozen=True, slots=True)
class SaleChanged(Event):
    """A sale was created or changed state (amounts in the sale's token unit)."""

    sale_id: str
    state: str
    paid: int = 0
    due: int = 0


@dataclass(frozen=True, slots=True)
class SalePaid(Event):
    """A sale is fully paid."""

    sale_id: str
    amount: int
    unit: str
    change_token: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentRejected(Event):
    """A token offered for a sale was refused; the token was not spent."""

    sale_id: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class MintHealthChanged(Event):
    """A trusted mint's health status changed."""

    mint: str
    status: str
    previous: str | None = None
    latency_ms: float | None = None


@dataclass(frozen=True, slots=True)
class Notification(Event):
    """Something the owner should see (needs review, mint down for long, security warning)."""

    level: str  # info | warning | critical
    title: str
    body: str
    kind: str = "general"
    data: dict[str, Any] = field(default_factory=dict)


class EventBus:
    """Synchronous publish/subscribe keyed by event class (subclasses reach base handlers)."""

    def __init__(self) -> None:
        self._handlers: dict[type[Event], list[Callable[[Any], None]]] = defaultdict(list)

    def subscribe(self, kind: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        """Call ``handler`` for every event of ``kind``; returns an unsubscribe function."""
        self._handlers[kind].append(handler)

        def unsubscribe() -> None:
            if handler in self._handlers[kind]:
                self._handlers[kind].remove(handler)

        return unsubscribe

    def publish(self, event: Event) -> None:
        """Deliver ``event`` to every handler of its class and its base classes."""
        for kind in type(event).__mro__:
            for handler in list(self._handlers.get(kind, ())):
                try:
                    handler(event)
                except Exception:
                    log.exception("event handler %r failed for %s", handler, type(event).__name__)
