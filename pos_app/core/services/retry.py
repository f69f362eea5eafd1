"""The retry service: resolves open operations when their next attempt is due.

Operations of one mint are tried one after the other (a mint that just came
back is not hit by a burst); different mints proceed in parallel. The schedule
itself (backoff, attempts, needs_review) lives in :class:`Recovery`, shared with
manual retries, which never run at the same time as the timer for one operation.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.store.schema import Operation
from pos_app.core.wallet.recovery import Outcome, Recovery, RetryPolicy

log = logging.getLogger(__name__)

TICK_MAX = 5.0


class RetryService:
    """Finds due operations and hands them to :class:`Recovery`, serialised per mint."""

    def __init__(self, recovery: Recovery, config: Config) -> None:
        self.recovery = recovery
        self.config = config
        self._mint_locks: dict[int, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def due(self) -> dict[int, list[str]]:
        """Open operations whose next attempt is due, grouped by mint, oldest first.

        An operation that failed outside recovery has no schedule yet: it gets its
        first retry ``retry.first_delay_seconds`` after the service first sees it.
        """
        now = self.recovery.clock()

        def read(session: Session) -> dict[int, list[str]]:
            policy = RetryPolicy.from_settings(self.config.values(session))
            session.execute(
                update(Operation)
                .where(Operation.state == "pending", Operation.next_retry_at.is_(None))
                .values(next_retry_at=int(now + policy.first_delay))
            )
            rows = session.execute(
                select(Operation.id, Operation.mint_id)
                .where(Operation.state == "pending", Operation.next_retry_at <= int(now))
                .order_by(Operation.created_at)
            ).all()
            grouped: dict[int, list[str]] = defaultdict(list)
            for op_id, mint_id in rows:
                grouped[mint_id].append(op_id)
            return dict(grouped)

        return await self.recovery.ctx.db.run(read)

    async def round(self) -> list[Outcome]:
        """Try every due operation once."""
        groups = await self.due()
        results = await asyncio.gather(*(self._mint_round(m, ids) for m, ids in groups.items()))
        return [o for group in results for o in group]

    async def _mint_round(self, mint_id: int, op_ids: list[str]) -> list[Outcome]:
        outcomes = []
        async with self._mint_locks[mint_id]:
            for op_id in op_ids:
                outcome = await self.recovery.run(op_id)
                outcomes.append(outcome)
                if outcome.action == "error" and outcome.error_code in (
                    "mint.unreachable",
                    "mint.timeout",
                ):
                    break  # the mint is down: its other operations wait for their own schedule
        return outcomes

    async def interval(self) -> float:
        """How long to sleep between rounds: short enough for the first retry delay."""

        def read(session: Session) -> Any:
            return self.config.get(session, "retry.first_delay_seconds")

        first = float(await self.recovery.ctx.db.run(read))
        return max(0.2, min(TICK_MAX, first / 2))
