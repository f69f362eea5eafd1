"""Mint health: periodic checks of every trusted mint, history, and what the owner must know.

A check asks ``/v1/info`` and ``/v1/keysets`` and times them:
- ``online``: both answered within :data:`SLOW_MS`;
- ``degraded``: answered slowly, or one of them failed;
- ``offline``: neither answered.
A new active keyset is fetched and stored; a keyset that expires soon is
flagged; a changed mint public key is a security warning. History gives uptime
and p50/p95 latency over 24 hours and 7 days.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError, ValidationError
from pos_app.core.events import EventBus, MintHealthChanged, Notification
from pos_app.core.mint.client import normalize_url
from pos_app.core.store.db import Database
from pos_app.core.store.schema import HealthCheck, KeysetRow, Mint
from pos_app.core.wallet.mints import MintDirectory, trusted_in_priority

log = logging.getLogger(__name__)

SLOW_MS = 2000.0
OFFLINE_ALERT_SECONDS = 60  # the owner hears of a mint down for a minute
OFFLINE_RECHECK_SECONDS = 15.0  # while a mint is offline, check this often (not hourly)
STALE_SECONDS = 5  # a sale starts with a fresh check when the last one is older
SALE_CHECK_WAIT = 3.0  # ...but the till waits for it at most this long
EXPIRY_WARNING_SECONDS = 7 * 86400
HISTORY_DAYS = 30


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of one check."""

    url: str
    status: str
    latency_ms: float | None
    checked_at: int
    error_code: str | None = None
    new_keysets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app mints check``."""
        return {
            "url": self.url,
            "status": self.status,
            "latency_ms": None if self.latency_ms is None else round(self.latency_ms, 1),
            "checked_at": self.checked_at,
            "error_code": self.error_code,
            "new_keysets": list(self.new_keysets),
        }


def _duration(seconds: int) -> str:
    minutes = seconds // 60
    return "1 minute" if minutes <= 1 else f"{minutes} minutes"


def _consume_error(task: asyncio.Future[Any]) -> None:
    # A background round that failed is logged, not left as "exception never retrieved".
    if not task.cancelled() and task.exception() is not None:
        log.warning("mint check failed: %r", task.exception())


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-quantile (0..1) by linear interpolation, None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


class HealthMonitor:
    """Checks mints and keeps their history."""

    def __init__(
        self, db: Database, mints: MintDirectory, bus: EventBus, clock: Any = time.time
    ) -> None:
        self.db = db
        self.mints = mints
        self.bus = bus
        self.clock = clock
        self.any_offline = False  # after the last round: some trusted mint did not answer
        self._round: asyncio.Future[list[CheckResult]] | None = None
        self._alerted: set[tuple[str, int]] = set()
        # One check of a mint at a time: a check that began before the mint went down must
        # not store "online" over a later one that saw it offline (they would race).
        self._checking: dict[int, asyncio.Lock] = {}

    async def stop(self) -> None:
        """Cancel a sale-start check still waiting for a slow mint (before closing)."""
        if self._round is not None and not self._round.done():
            self._round.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._round

    async def trusted_status(self) -> list[dict[str, Any]]:
        """The shop's trusted mints as last checked: url, name, status, checked_at."""

        def read(session: Session) -> list[dict[str, Any]]:
            rows = trusted_in_priority(session)
            return [
                {"url": m.url, "name": m.name, "status": m.status, "checked_at": m.checked_at}
                for m in rows
            ]

        return await self.db.run(read)

    async def check_if_stale(
        self, max_age: float = STALE_SECONDS, wait: float = SALE_CHECK_WAIT
    ) -> list[dict[str, Any]]:
        """Before a sale: check the trusted mints again if the last check is old.

        "Old" is more than ``max_age`` seconds; the till waits at most ``wait`` seconds.

        A check still running after ``wait`` goes on in the background and publishes its
        result (``MintHealthChanged``); one round serves every caller meanwhile.

        Returns:
            :meth:`trusted_status` after the check (or as stored, when it is still running).
        """
        mints = await self.trusted_status()
        now = self.clock()
        if not any(m["checked_at"] is None or now - m["checked_at"] > max_age for m in mints):
            return mints
        if self._round is None or self._round.done():
            self._round = asyncio.ensure_future(self.check_all())
            self._round.add_done_callback(_consume_error)
        await asyncio.wait({self._round}, timeout=wait)
        return await self.trusted_status()

    async def check_all(self, url: str | None = None) -> list[CheckResult]:
        """Check every trusted mint (or one, trusted or not) concurrently."""

        def targets(session: Session) -> list[tuple[int, str]]:
            query = select(Mint.id, Mint.url)
            if url is None:
                query = query.where(Mint.trusted.is_(True))
            else:
                query = query.where(Mint.url == normalize_url(url))
            return [(i, u) for i, u in session.execute(query.order_by(Mint.id))]

        rows = await self.db.run(targets)
        if url is not None and not rows:
            raise ValidationError("mint.unknown", "This mint is not in the shop's list.", url)
        results = list(await asyncio.gather(*(self.check(mint_id, u) for mint_id, u in rows)))
        if url is None:
            self.any_offline = any(r.status == "offline" for r in results)
        return results

    async def check(self, mint_id: int, url: str) -> CheckResult:
        """Check one mint, store the result, publish changes and warnings.

        Checks of one mint run one after the other, so the status stored last is the one
        seen last.
        """
        async with self._checking.setdefault(mint_id, asyncio.Lock()):
            return await self._check(mint_id, url)

    async def _check(self, mint_id: int, url: str) -> CheckResult:
        client = self.mints.client(url)
        started = time.perf_counter()
        info, keysets = await asyncio.gather(
            client.info(retry=False), client.keysets(retry=False), return_exceptions=True
        )
        elapsed = (time.perf_counter() - started) * 1000
        errors = [r.code for r in (info, keysets) if isinstance(r, PosError)]
        for r in (info, keysets):
            if isinstance(r, BaseException) and not isinstance(r, PosError):
                raise r
        info = None if isinstance(info, PosError) else info
        keysets = None if isinstance(keysets, PosError) else keysets
        if info is None and keysets is None:
            status, latency = "offline", None
        elif errors or elapsed > SLOW_MS:
            status, latency = "degraded", elapsed
        else:
            status, latency = "online", elapsed
        new_ids: tuple[str, ...] = ()
        if keysets is not None:
            new_ids = await self._new_keysets(mint_id, url, keysets)
        result = CheckResult(
            url, status, latency, int(self.clock()), errors[0] if errors else None, new_ids
        )
        previous, since, old_pubkey = await self.db.run(lambda s: self._store(s, mint_id, result))
        if previous != status:
            self.bus.publish(MintHealthChanged(url, status, previous, latency))
            log.info("mint %s is %s (was %s)", url, status, previous)
        if (
            status == "offline"
            and since is not None
            and result.checked_at - since >= OFFLINE_ALERT_SECONDS
            and (url, since) not in self._alerted
        ):
            self._alerted.add((url, since))  # once per outage, not at every re-check
            self._notify(
                "warning",
                "Mint offline",
                f"{url} has not answered for {_duration(result.checked_at - since)}. Tokens "
                "from it cannot be confirmed until it is back: a payment taken now is at the "
                "shop's risk until then.",
                "mint_offline",
                f"{url}:{since}",  # once per outage
                url=url,
                minutes=(result.checked_at - since) // 60,
            )
        if info is not None and info.pubkey and old_pubkey and info.pubkey != old_pubkey:
            self._notify(
                "critical",
                "Mint key changed",
                f"The public key of {url} changed. This can mean the mint was replaced; "
                "check with its operator before accepting more of its tokens.",
                "security",
                f"{url}:{info.pubkey}",
                url=url,
            )
        await self._expiry_warnings(mint_id, url)
        return result

    async def _new_keysets(self, mint_id: int, url: str, listed: list[Any]) -> tuple[str, ...]:
        """Store keysets the mint lists that are new or changed their active flag or expiry.

        The keyset sweep (``wallet/sweep.py``) reads those stored flags.
        """
        stored = await self.db.run(
            lambda s: {
                k: (a, e)
                for k, a, e in s.execute(
                    select(KeysetRow.id, KeysetRow.active, KeysetRow.final_expiry).where(
                        KeysetRow.mint_id == mint_id
                    )
                ).all()
            }
        )
        changed = [k for k in listed if k.id not in stored]
        flags = {k.id: (k.active, k.final_expiry) for k in listed}
        if changed or any(stored[i] != flags[i] for i in flags if i in stored):
            try:
                await self.mints.sync_keysets(mint_id, url, listed=listed)
            except PosError as exc:
                log.warning("keyset sync of %s failed: %s", url, exc.code)
                return ()
        if changed:
            log.info("mint %s has new keysets %s", url, [k.id[:16] for k in changed])
        return tuple(k.id for k in changed)

    def _store(
        self, session: Session, mint_id: int, result: CheckResult
    ) -> tuple[str | None, int | None, str | None]:
        mint = session.get(Mint, mint_id)
        previous = mint.status if mint.status != "unknown" else None
        if mint.status != result.status:
            mint.status_since = result.checked_at
        mint.status = result.status
        mint.checked_at = result.checked_at
        mint.latency_ms = result.latency_ms
        session.add(
            HealthCheck(
                mint_id=mint_id,
                at=result.checked_at,
                status=result.status,
                latency_ms=result.latency_ms,
                error_code=result.error_code,
            )
        )
        session.execute(
            delete(HealthCheck).where(HealthCheck.at < result.checked_at - HISTORY_DAYS * 86400)
        )
        return previous, mint.status_since, mint.pubkey

    async def _expiry_warnings(self, mint_id: int, url: str) -> None:
        now = int(self.clock())

        def read(session: Session) -> list[tuple[str, int]]:
            rows = session.execute(
                select(KeysetRow.id, KeysetRow.final_expiry).where(
                    KeysetRow.mint_id == mint_id,
                    KeysetRow.final_expiry.is_not(None),
                    KeysetRow.final_expiry < now + EXPIRY_WARNING_SECONDS,
                )
            ).all()
            return [(k, e) for k, e in rows]

        for keyset_id, expiry in await self.db.run(read):
            days = max(0, (expiry - now) // 86400)
            self._notify(
                "warning",
                "Keyset expiring",
                f"Keys {keyset_id[:12]}… of {url} expire in {days} days. "
                "Swap or pay out coins of these keys soon.",
                "keyset_expiry",
                f"{keyset_id}",
                url=url,
                days=days,
            )

    def _notify(self, level: str, title: str, body: str, kind: str, key: str, **facts: Any) -> None:
        """Publish a notification; the center keeps one unread per ``kind:key``.

        ``facts`` (url, minutes...) travel in its data, so the app can word it in its own
        language (pos_app.ui.messages.notification_text).
        """
        data = {"dedupe": f"{kind}:{key}", **facts}
        self.bus.publish(Notification(level, title, body, kind=kind, data=data))

    async def history(self, url: str | None = None) -> list[dict[str, Any]]:
        """Uptime (percent of checks not offline) and p50/p95 latency per mint, 24 h and 7 days."""
        now = int(self.clock())

        def read(session: Session) -> list[dict[str, Any]]:
            mints = session.scalars(
                select(Mint).where(Mint.trusted.is_(True)).order_by(Mint.id)
            ).all()
            out = []
            for mint in mints:
                if url is not None and mint.url != url:
                    continue
                rows = session.execute(
                    select(HealthCheck.at, HealthCheck.status, HealthCheck.latency_ms).where(
                        HealthCheck.mint_id == mint.id, HealthCheck.at >= now - 7 * 86400
                    )
                ).all()
                entry: dict[str, Any] = {
                    "url": mint.url,
                    "name": mint.name,
                    "status": mint.status,
                    "since": mint.status_since,
                    "checked_at": mint.checked_at,
                    "latency_ms": mint.latency_ms,
                }
                for label, span in (("24h", 86400), ("7d", 7 * 86400)):
                    window = [r for r in rows if r.at >= now - span]
                    up = [r for r in window if r.status != "offline"]
                    latencies = [r.latency_ms for r in window if r.latency_ms is not None]
                    entry[label] = {
                        "checks": len(window),
                        "uptime_pct": round(100 * len(up) / len(window), 2) if window else None,
                        "p50_ms": _round(percentile(latencies, 0.5)),
                        "p95_ms": _round(percentile(latencies, 0.95)),
                    }
                out.append(entry)
            return out

        return await self.db.run(read)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
