"""When a failed delivery is tried again: the Standard Webhooks schedule, with jitter.

Attempt 1 is immediate; after failure ``n`` the next waits ``SCHEDULE[n]`` seconds
(5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: about 75 h in all), moved by
up to :data:`JITTER` either way so that tills which failed together do not retry
together. A receiver's ``Retry-After`` (429, 503) is honoured when it asks for longer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

SCHEDULE = (0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)
MAX_ATTEMPTS = len(SCHEDULE)
JITTER = 0.1
CAP = 86400  # no wait is longer than a day, whatever a receiver asks


def next_delay(
    failures: int,
    retry_after: float | None = None,
    rand: Callable[[], float] = random.random,
) -> float | None:
    """Seconds until the next attempt after ``failures`` failed ones; None when none is left."""
    if failures >= MAX_ATTEMPTS:
        return None
    base = SCHEDULE[failures]
    delay = base * (1 - JITTER + 2 * JITTER * rand())
    if retry_after is not None:
        delay = max(delay, retry_after)
    return min(delay, CAP)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """``Retry-After`` as seconds from ``now`` (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)


def iso(ts: float) -> str:
    """Unix seconds as ISO-8601 UTC (``2026-12-02T13:05:38Z``)."""
    return datetime.fromtimestamp(int(ts), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
