"""The audit log as a hash chain: an edited, deleted or reordered entry is found.

Each entry's ``chain`` is the sha256 of the previous chain value and its fields, its id among
them, so changing an entry, taking one out of the middle or swapping two breaks the
chain at that place. The first entry follows :data:`GENESIS`. Entries are chained as
they are flushed (a ``before_flush`` hook on every session of the wallet database):
transactions start with ``BEGIN IMMEDIATE``, so no other process appends between
reading the last link and writing the next. Cutting entries off the end leaves a
shorter chain that still verifies: the head (last id and hash) is printed on every Z
report, so a later check can compare against it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from pos_app.core.store import actor
from pos_app.core.store.schema import AuditEntry, now

GENESIS = "0" * 64
BATCH = 2000


def link(previous: str, fields: Sequence[Any]) -> str:
    """The chain value of one entry after ``previous``.

    ``fields``: its id, at, actor, action, subject, details_json and correlation_id.
    """
    body = json.dumps(list(fields), separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{previous}\n{body}".encode()).hexdigest()


# Built once, on the table: read at every flush that appends (twice in a sale's payment),
# and building and compiling an ORM statement costs several times running it.
_TABLE = AuditEntry.__table__
_HEAD = select(_TABLE.c.id, _TABLE.c.chain).order_by(_TABLE.c.id.desc()).limit(1)


def head(session: Session) -> tuple[int, str]:
    """The last entry's id and chain value (0 and :data:`GENESIS` for an empty log).

    Read afresh on every call, in the session's transaction: never cached, so a
    transaction run again after a conflict chains after what the other till wrote.
    """
    row = session.execute(_HEAD).first()
    return (row[0], row[1] or GENESIS) if row else (0, GENESIS)


def chain_new_entries(session: Session, _context: Any, _instances: Any) -> None:
    """``before_flush``: give the session's new audit entries their ids and chain values."""
    new = [obj for obj in session.new if isinstance(obj, AuditEntry) and obj.chain is None]
    if not new:
        return
    new.sort(key=lambda obj: inspect(obj).insert_order)
    with session.no_autoflush:
        last_id, previous = head(session)
    for offset, entry in enumerate(new, start=1):
        entry.id = last_id + offset
        entry.at = entry.at if entry.at is not None else now()
        entry.actor = entry.actor or actor.who()
        entry.details_json = entry.details_json if entry.details_json is not None else "{}"
        previous = entry.chain = link(
            previous,
            (
                entry.id,
                entry.at,
                entry.actor,
                entry.action,
                entry.subject,
                entry.details_json,
                entry.correlation_id,
            ),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """What :func:`verify` found."""

    entries: int
    head_id: int
    head: str
    broken_at: int | None = None  # the first entry whose link does not hold
    reason: str = ""

    @property
    def ok(self) -> bool:
        """The whole chain holds."""
        return self.broken_at is None

    def to_dict(self) -> dict[str, Any]:
        """JSON form of ``pos-app audit verify``."""
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head_id": self.head_id,
            "head": self.head,
            "broken_at": self.broken_at,
            "reason": self.reason,
        }


def verify(rows: Iterable[tuple[Any, ...]]) -> Verdict:
    """Walk the rows in id order and report the first broken link.

    Each row: id, at, actor, action, subject, details_json, correlation_id, chain.
    """
    previous, count, last_id = GENESIS, 0, 0
    for *fields, chain in rows:
        count += 1
        entry_id = fields[0]
        expected = link(previous, fields)
        if chain != expected:
            why = "not chained" if chain is None else "does not follow the entry before it"
            return Verdict(count, last_id, previous, entry_id, why)
        previous, last_id = chain, entry_id
    return Verdict(count, last_id, previous)


def verify_session(session: Session) -> Verdict:
    """:func:`verify` over the whole log, read in batches."""

    def rows() -> Iterable[tuple[Any, ...]]:
        after = 0
        while True:
            batch = session.execute(
                select(
                    AuditEntry.id,
                    AuditEntry.at,
                    AuditEntry.actor,
                    AuditEntry.action,
                    AuditEntry.subject,
                    AuditEntry.details_json,
                    AuditEntry.correlation_id,
                    AuditEntry.chain,
                )
                .where(AuditEntry.id > after)
                .order_by(AuditEntry.id)
                .limit(BATCH)
            ).all()
            if not batch:
                return
            yield from (tuple(r) for r in batch)
            after = batch[-1][0]

    return verify(rows())
