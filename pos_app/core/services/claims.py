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

import os
import secrets
import socket
import time
from collections.abc import Callable

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos_app.core.store.db import Database
from pos_app.core.store.schema import JobClaim

EXCLUSIVE = frozenset({"retry", "exports", "export_schedule", "withdraw", "sweep", "webhooks"})
# A holder that stops renewing (it died, or its machine is off) gives the job up after
# its lease; a lease outlasts two of the job's rounds and at least this.
MIN_LEASE_SECONDS = 120.0


def new_holder(till: str | None = None) -> str:
    """A name for this process in the claims: ``till@host:pid:tag``."""
    host = socket.gethostname()[:40]
    return f"{(till or '')[:40]}@{host}:{os.getpid()}:{secrets.token_hex(4)}"


def _gone_from_here(holder: str) -> bool:
    """True when ``holder`` was a process of this machine that no longer runs.

    Its claim need not wait for the lease: a till restarted after a crash (or a kill)
    takes its jobs back at once. A holder on another machine is judged by its lease.
    """
    try:
        place, pid, _tag = holder.rsplit(":", 2)
        host = place.rsplit("@", 1)[1]
        number = int(pid)
    except (ValueError, IndexError):
        return False
    if host != socket.gethostname()[:40] or number == os.getpid():
        return False
    try:
        os.kill(number, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, someone else's
        return False
    return False


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
        return await self.db.run(lambda s: self._take(s, job, now, until))

    def _take(self, session: Session, job: str, now: int, until: int) -> bool:
        table = JobClaim.__table__
        held = session.scalar(select(table.c.holder).where(table.c.job == job))
        free = [table.c.holder == self.holder, table.c.until < now]
        if held is not None and held != self.holder and _gone_from_here(held):
            free.append(table.c.holder == held)
        upsert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        taken = session.execute(
            upsert(table)
            .values(job=job, holder=self.holder, until=until)
            .on_conflict_do_update(
                index_elements=[table.c.job],
                set_={"holder": self.holder, "until": until},
                where=or_(*free),
            )
            .returning(table.c.holder)
        ).scalar()
        return taken == self.holder

    async def release(self) -> None:
        """Give up every job this process holds (a clean stop: another may take them now)."""

        def free(session: Session) -> None:
            session.execute(delete(JobClaim).where(JobClaim.holder == self.holder))

        await self.db.run(free)
