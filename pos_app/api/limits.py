"""Rate limits and blocking for the local API, kept in memory (they start afresh with the app).

A moving window counts each identity's calls in the last ``window`` seconds: a key, a
client address, or an address's failed authentications. An address that fails
authentication too often is blocked for a while, whatever key it sends next.
"""

from __future__ import annotations

import ipaddress
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PRUNE_ABOVE = 10_000  # identities kept before the idle ones are forgotten


def client_of(request: Any) -> str:
    """The calling address of a request (what limits and the audit count by)."""
    return request.client.host if request.client else "-"


class MovingWindow:
    """At most ``limit`` calls per identity in any ``window`` seconds."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._calls: dict[str, deque[float]] = {}

    def _recent(self, identity: str, now: float) -> deque[float]:
        calls = self._calls.setdefault(identity, deque())
        while calls and calls[0] <= now - self.window:
            calls.popleft()
        return calls

    def hit(self, identity: str) -> float | None:
        """Count a call; None when it is allowed, else the seconds until one would be."""
        now = self.clock()
        calls = self._recent(identity, now)
        if len(calls) >= self.limit:
            return max(0.0, calls[0] + self.window - now)
        calls.append(now)
        if len(self._calls) > PRUNE_ABOVE:
            self._prune(now)
        return None

    def forget(self, identity: str) -> None:
        """Start counting ``identity`` afresh."""
        self._calls.pop(identity, None)

    def remaining(self, identity: str) -> int:
        """Calls left in the window now."""
        return max(0, self.limit - len(self._recent(identity, self.clock())))

    def _prune(self, now: float) -> None:
        for identity in [i for i, c in self._calls.items() if not c or c[-1] <= now - self.window]:
            del self._calls[identity]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a call is refused: the error code, its message and when to come back."""

    code: str
    message: str
    retry_after: float
    limit: int


def _over(window: MovingWindow, identity: str, what: str) -> Refusal | None:
    """Count a call in ``window``; the refusal (``what``, then when to retry) once over it."""
    wait = window.hit(identity)
    if wait is None:
        return None
    return Refusal("api.rate_limited", f"{what}: wait and try again.", wait, window.limit)


class Guard:
    """The API's limits: per key, per client address, and blocking after failed keys.

    Args:
        per_key: calls a key may make per minute.
        per_client: calls one address may make per minute (all its keys together).
        failures: failed authentications an address may make in ``failure_window`` s.
        block_seconds: how long an address that failed too often is refused.
        per_payer: payments one address may post to payment requests per minute (that
            route has no key, so its own stricter window; see :meth:`payer`).
    """

    def __init__(
        self,
        per_key: int,
        per_client: int,
        *,
        failures: int = 10,
        failure_window: float = 600.0,
        block_seconds: float = 900.0,
        per_payer: int = 30,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        self.payers = MovingWindow(per_payer, 60.0, clock)
        self.keys = MovingWindow(per_key, 60.0, clock)
        self.clients = MovingWindow(per_client, 60.0, clock)
        self.failures = MovingWindow(failures, failure_window, clock)
        self.block_seconds = block_seconds
        self.blocked: dict[str, float] = {}  # address -> until (clock time)

    def client(self, address: str) -> Refusal | None:
        """Refuse an address that is blocked or over its limit."""
        until = self.blocked.get(address)
        if until is not None:
            if until > self.clock():
                return Refusal(
                    "api.blocked",
                    "Too many calls with a wrong API key came from this address: it is "
                    "blocked for a while.",
                    until - self.clock(),
                    self.failures.limit,
                )
            del self.blocked[address]
        return _over(self.clients, address, "Too many calls from this address")

    def key(self, name: str) -> Refusal | None:
        """Refuse a key over its limit."""
        return _over(self.keys, name, "Too many calls with this API key")

    def payer(self, address: str) -> Refusal | None:
        """Refuse an address posting payments too often (the keyless payment-request route)."""
        return _over(self.payers, address, "Too many payments sent from this address")

    def failed(self, address: str) -> bool:
        """Count a failed authentication; True when this one blocks the address."""
        self.failures.hit(address)
        if self.failures.remaining(address) > 0:
            return False
        self.blocked[address] = self.clock() + self.block_seconds
        self.failures.forget(address)  # a fresh count once the block ends
        return True

    def block(self, address: str, seconds: float) -> None:
        """Refuse ``address`` for ``seconds`` (a block kept from before a restart)."""
        self.blocked[address] = self.clock() + seconds

    def lift(self, address: str) -> None:
        """Let ``address`` in again now (an owner lifted its block)."""
        self.blocked.pop(address, None)
        self.failures.forget(address)


class AddressRules:
    """The owner's allow and block lists (``api.allow``, ``api.block``: CIDRs, comma-separated).

    An empty allow list lets every address in; the block list wins over the allow list.
    A caller without an IP address (a Unix socket) passes only when no allow list is set.
    """

    def __init__(self, allow: str = "", block: str = "") -> None:
        self.allow = _networks(allow)
        self.block = _networks(block)

    def admits(self, address: str) -> bool:
        """True when ``address`` may call the API."""
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return not self.allow
        if ip.version == 6 and ip.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is that IPv4
            ip = ip.ipv4_mapped
        if any(ip in net for net in self.block):
            return False
        return not self.allow or any(ip in net for net in self.allow)


def _networks(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(p.strip(), strict=False) for p in text.split(",") if p.strip()]
