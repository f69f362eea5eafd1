"""One process at a time runs each shop-wide job, however many tills share the database.

The retries, the export checks, the scheduled export, the withdrawals, the keyset
sweep and the webhook deliveries act on the shop's wallet, not on one till's: two
tills running them at once would do the work twice (export twice, withdraw twice,
deliver each webhook twice). Before each round a process claims the job in
``job_claims``: one statement that inserts the claim, or takes it over when its
lease ran out, or renews it when this process holds it already; the row count says
who won. The holder keeps the job while it lives (it renews every round); when it
dies, another takes the job once the lease has run out.

Mint health stays with every till: each one's own path to the mints is what its
cashier needs to know.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import delete
from sqlalchemy.orm import Session

from pos_app.core.store.claims import new_holder, take_claim
from pos_app.core.store.db import Database
from pos_app.core.store.schema import JobClaim

__all__ = ["EXCLUSIVE", "MIN_LEASE_SECONDS", "JobClaims", "new_holder"]

EXCLUSIVE = frozenset({"retry", "exports", "export_schedule", "withdraw", "sweep", "webhooks"})
# A holder that stops renewing (it died, or its machine is off) gives the job up after
# its lease; a lease outlasts two of the job's rounds and at least this.
MIN_LEASE_SECONDS = 120.0


class JobClaims:
    """Claims jobs for one process (``holder``) on ``db``."""

    def __init__(self, db: Database, holder: str, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.holder = holder
        self.clock = clock

    async def claim(self, job: str, interval: float) -> bool:
        """True when this process runs ``job``'s round now (the claim taken or renewed)."""
        if job not in EXCLUSIVE:
            return True
        now = int(self.clock())
        until = now + int(max(2 * interval, MIN_LEASE_SECONDS))
        return await self.db.run(lambda s: take_claim(s, job, self.holder, now, until))

    async def release(self) -> None:
        """Give up every job this process holds (a clean stop: another may take them now)."""

        def free(session: Session) -> None:
            session.execute(delete(JobClaim).where(JobClaim.holder == self.holder))

        await self.db.run(free)
