"""Claims: which process holds a piece of shared work (a timer job, an operation) now.

A claim is a row of ``job_claims`` taken by one statement that only one process can
win: it inserts the claim, or takes it over when its holder's lease ran out (or that
holder was a process of this machine that no longer runs), or renews it when the
same holder asks again. The returned holder says who won, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import secrets
import socket

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from pos_app.core.store.db import upsert_insert
from pos_app.core.store.schema import JobClaim


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


def take_claim(session: Session, job: str, holder: str, now: int, until: int) -> bool:
    """True when ``holder`` holds ``job`` until ``until`` (taken, taken over or renewed)."""
    table = JobClaim.__table__
    held = session.scalar(select(table.c.holder).where(table.c.job == job))
    free = [table.c.holder == holder, table.c.until < now]
    if held is not None and held != holder and _gone_from_here(held):
        free.append(table.c.holder == held)
    upsert = upsert_insert(session)
    taken = session.execute(
        upsert(table)
        .values(job=job, holder=holder, until=until)
        .on_conflict_do_update(
            index_elements=[table.c.job],
            set_={"holder": holder, "until": until},
            where=or_(*free),
        )
        .returning(table.c.holder)
    ).scalar()
    return taken == holder


def give_up_claim(session: Session, job: str, holder: str) -> None:
    """Let ``job`` go if ``holder`` holds it (another may take it at once)."""
    session.execute(delete(JobClaim).where(JobClaim.job == job, JobClaim.holder == holder))
