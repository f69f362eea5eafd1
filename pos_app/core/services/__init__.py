"""Background services of the app: retries, mint health, notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos_app.core.services.health import OFFLINE_RECHECK_SECONDS, HealthMonitor
from pos_app.core.services.notifications import NotificationCenter
from pos_app.core.services.retry import RetryService
from pos_app.core.services.supervisor import Supervisor

if TYPE_CHECKING:
    from pos_app.app import App


class Services:
    """The app's timers, started and stopped together (GUI and ``pos-app serve``)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.supervisor = Supervisor()
        self.retry = RetryService(app.wallet.recovery, app.config)
        self.health = HealthMonitor(app.db, app.mints, app.bus)
        self.supervisor.add("retry", self.retry.round, self.retry.interval)
        self.supervisor.add("health", self.health.check_all, self._health_interval)

    async def _health_interval(self) -> float:
        setting = float(
            await self.app.db.run(lambda s: self.app.config.get(s, "health.interval_seconds"))
        )
        # A mint that is down is watched closely, so its return (and a long outage) is
        # noticed within seconds rather than a whole interval.
        return min(setting, OFFLINE_RECHECK_SECONDS) if self.health.any_offline else setting

    def start(self) -> None:
        """Start every service."""
        self.supervisor.start()

    async def stop(self) -> None:
        """Stop every service."""
        await self.supervisor.stop()
        await self.health.stop()

    def status(self) -> list[dict[str, Any]]:
        """Each service's state."""
        return self.supervisor.status()


__all__ = ["HealthMonitor", "NotificationCenter", "RetryService", "Services", "Supervisor"]
