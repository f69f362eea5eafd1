"""The events a till reports, and which of them an endpoint receives."""

from __future__ import annotations

import json

from pos_app.core.errors import ValidationError

EVENT_TYPES = (
    "sale.created",
    "sale.paid",
    "sale.partially_paid",
    "sale.expired",
    "sale.cancelled",
    "sale.refunded",
    "payment.refused",
    "payment.needs_review",
    "recovery.needs_review",
    "recovery.resolved",
    "mint.offline",
    "mint.online",
    "wallet.exported",
    "report.z_closed",
)
# Sent only by "send test event", to the one endpoint tested; never subscribed to.
TEST_EVENT = "webhook.test"
ALL = "*"
FORMATS = ("standard", "numo")
# A Numo receiver knows one event: a payment received (our sale.paid).
NUMO_EVENTS = ("sale.paid",)


def parse_events(text: str | None) -> list[str]:
    """``a,b`` (or empty for every event) as a checked list; ``["*"]`` means all.

    Raises:
        ValidationError: ``webhook.unknown_event`` naming the unknown ones.
    """
    names = [n.strip() for n in (text or "").split(",") if n.strip()]
    if not names or ALL in names:
        return [ALL]
    unknown = [n for n in names if n not in EVENT_TYPES]
    if unknown:
        raise ValidationError(
            "webhook.unknown_event",
            f"Unknown webhook event {', '.join(unknown)}. Known: {', '.join(EVENT_TYPES)}.",
            ",".join(unknown),
        )
    return sorted(set(names), key=EVENT_TYPES.index)


def wants(events_json: str, fmt: str, event_type: str) -> bool:
    """True when an endpoint subscribed with ``events_json`` in format ``fmt`` gets the type."""
    if fmt == "numo" and event_type not in NUMO_EVENTS:
        return False
    events = json.loads(events_json)
    return ALL in events or event_type in events
