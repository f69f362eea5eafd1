"""The app's timers, started and stopped together: retries, mint health, export checks."""

from __future__ import annotations

from typing import Any

from pos_app.core.events import EventBus
from pos_app.core.services.claims import JobClaims
from pos_app.core.services.health import OFFLINE_RECHECK_SECONDS, HealthMonitor
from pos_app.core.services.retry import RetryService
from pos_app.core.services.supervisor import Supervisor
from pos_app.core.settings import SettingsService
from pos_app.core.store.db import Database
from pos_app.core.wallet.exports import CHECK_INTERVAL as EXPORT_CHECK_SECONDS
from pos_app.core.wallet.exports import Exports
from pos_app.core.wallet.mints import MintDirectory
from pos_app.core.wallet.recovery import Recovery


class Services:
    """The app's timers, started and stopped together (GUI and ``pos-app serve``).

    Args:
        recovery: resolves open operations (the retry timer's work).
        settings: intervals and retry settings, read before each round.
        db, mints, bus: what the mint health monitor checks and tells.
        exports: the export history, whose open exports a timer checks with their mints.
    """

    def __init__(
        self,
        recovery: Recovery,
        settings: SettingsService,
        db: Database,
        mints: MintDirectory,
        bus: EventBus,
        *,
        exports: Exports | None = None,
        claims: JobClaims | None = None,
    ) -> None:
        self.settings = settings
        self.claims = claims
        self.supervisor = Supervisor(claims.claim if claims is not None else None)
        self.retry = RetryService(recovery, settings.config)
        self.health = HealthMonitor(db, mints, bus)
        self.supervisor.add("retry", self.retry.round, self.retry.interval)
        self.supervisor.add("health", self.health.check_all, self._health_interval)
        if exports is not None:
            self.supervisor.add("exports", exports.refresh_round, EXPORT_CHECK_SECONDS)

    async def _health_interval(self) -> float:
        setting = float(await self.settings.get("health.interval_seconds"))
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
        if self.claims is not None:
            await self.claims.release()

    def status(self) -> list[dict[str, Any]]:
        """Each service's state."""
        return self.supervisor.status()
