"""In-app timers as asyncio tasks: started and stopped with the app, restarted when they fail.

A service is an async function run in a loop with a pause between rounds. An
exception in a round is logged and the round is retried after a growing pause;
it never takes the app down (docs/architecture.md section 6).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

RESTART_FIRST = 1.0
RESTART_MAX = 300.0


@dataclass
class Service:
    """One periodic job.

    Args:
        name: for logs and status.
        work: one round of work.
        interval: seconds to wait between rounds (a callable is read before each wait,
            so a setting change applies without a restart).
        stop: ends what the rounds started in the background (awaited by
            :meth:`Supervisor.stop` after the rounds are cancelled).
    """

    name: str
    work: Callable[[], Awaitable[None]]
    interval: Callable[[], Awaitable[float]] | float
    stop: Callable[[], Awaitable[None]] | None = field(default=None, repr=False)
    failures: int = 0
    rounds: int = 0
    held_elsewhere: int = 0  # rounds another process ran (see Supervisor's claim)
    last_error: str | None = None
    task: asyncio.Task[None] | None = field(default=None, repr=False)
    wake: asyncio.Event = field(default_factory=asyncio.Event, repr=False)


class Supervisor:
    """Owns the services' tasks.

    Args:
        claim: asked before each round, with the service's name and interval: False
            when another process runs that job now (``core/services/claims.py``), and
            the round is skipped. None: every round runs (one process alone).
    """

    def __init__(self, claim: Callable[[str, float], Awaitable[bool]] | None = None) -> None:
        self.services: dict[str, Service] = {}
        self.claim = claim

    def add(
        self,
        name: str,
        work: Callable[[], Awaitable[None]],
        interval: Callable[[], Awaitable[float]] | float,
        *,
        stop: Callable[[], Awaitable[None]] | None = None,
    ) -> Service:
        """Register a service (started by :meth:`start`; ``stop``: see :class:`Service`)."""
        service = Service(name, work, interval, stop=stop)
        self.services[name] = service
        return service

    def start(self) -> None:
        """Start every registered service that is not running."""
        for service in self.services.values():
            if service.task is None or service.task.done():
                service.task = asyncio.ensure_future(self._run(service))

    def running(self, name: str) -> bool:
        """Whether the service ``name`` is registered and started."""
        service = self.services.get(name)
        return service is not None and service.task is not None and not service.task.done()

    def wake(self, name: str) -> None:
        """Run a service's next round now (e.g. after a setting changed)."""
        service = self.services.get(name)
        if service is not None:
            service.wake.set()

    async def stop(self) -> None:
        """Cancel every service and wait for them to end."""
        tasks = [s.task for s in self.services.values() if s.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for service in self.services.values():
            service.task = None
            if service.stop is not None:
                await service.stop()

    async def _run(self, service: Service) -> None:
        interval: float | None = None  # the last one read: the claim's lease follows it
        while True:
            try:
                ours = True
                if self.claim is not None:
                    if interval is None:
                        interval = await _interval(service)
                    ours = await self.claim(service.name, interval)
                if ours:
                    await service.work()
                    service.rounds += 1
                else:
                    service.held_elsewhere += 1
                service.failures = 0
                pause = interval = await _interval(service)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                service.failures += 1
                service.last_error = f"{type(exc).__name__}: {exc}"
                pause = min(RESTART_FIRST * 2 ** (service.failures - 1), RESTART_MAX)
                log.exception(
                    "service %s failed (%d in a row); next try in %.0fs",
                    service.name,
                    service.failures,
                    pause,
                )
            service.wake.clear()
            await _pause(service.wake, pause)

    def status(self) -> list[dict[str, object]]:
        """Each service's health, for the support bundle and the UI."""
        return [
            {
                "name": s.name,
                "running": s.task is not None and not s.task.done(),
                "rounds": s.rounds,
                "held_elsewhere": s.held_elsewhere,
                "failures": s.failures,
                "last_error": s.last_error,
            }
            for s in self.services.values()
        ]


async def _pause(wake: asyncio.Event, seconds: float) -> None:
    """Wait ``seconds`` or until ``wake`` is set; a cancel ends it at once.

    Not ``asyncio.wait_for``: on Python 3.11, woken just before a stop cancelled it, it
    never returned and the stop hung (seen with webhook wake-ups after a sale; a test
    repeats it). ``asyncio.wait`` returns on the cancel; the inner wait is cancelled here.
    """
    waiter = asyncio.ensure_future(wake.wait())
    try:
        await asyncio.wait({waiter}, timeout=seconds)
    finally:
        waiter.cancel()


async def _interval(service: Service) -> float:
    value = service.interval
    return float(await value()) if callable(value) else float(value)
