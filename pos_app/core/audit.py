"""Reading the audit log: filtered lists, a CSV file, and the check of its hash chain."""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.store import auditchain
from pos_app.core.store.db import Database
from pos_app.core.store.schema import AuditEntry

COLUMNS = ("id", "at", "actor", "action", "subject", "details", "correlation_id", "chain")


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which entries to show: by action (a prefix such as ``melt.``), actor and time."""

    action: str | None = None
    actor: str | None = None
    since: int | None = None  # unix seconds, inclusive
    until: int | None = None  # exclusive
    limit: int | None = None

    def apply(self, query: Any) -> Any:
        """``query`` narrowed to this filter (newest first)."""
        if self.action:
            query = (
                query.where(AuditEntry.action.startswith(self.action))
                if self.action.endswith(".")
                else query.where(AuditEntry.action == self.action)
            )
        if self.actor:
            query = query.where(AuditEntry.actor == self.actor)
        if self.since is not None:
            query = query.where(AuditEntry.at >= self.since)
        if self.until is not None:
            query = query.where(AuditEntry.at < self.until)
        query = query.order_by(AuditEntry.id.desc())
        return query.limit(self.limit) if self.limit else query


def entry_dict(entry: AuditEntry) -> dict[str, Any]:
    """JSON form of one entry (``details`` parsed)."""
    return {
        "id": entry.id,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "subject": entry.subject,
        "details": json.loads(entry.details_json or "{}"),
        "correlation_id": entry.correlation_id,
        "chain": entry.chain,
    }


class AuditLog:
    """The audit log of one wallet database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def list(self, where: AuditFilter | None = None) -> list[dict[str, Any]]:
        """Entries matching ``where``, newest first."""
        where = where or AuditFilter()

        def read(session: Session) -> list[dict[str, Any]]:
            return [entry_dict(e) for e in session.scalars(where.apply(select(AuditEntry)))]

        return await self.db.run(read)

    async def verify(self) -> auditchain.Verdict:
        """Check the whole hash chain; the verdict names the first broken entry."""
        return await self.db.run(auditchain.verify_session)

    async def head(self) -> dict[str, Any]:
        """The last entry's id and chain value (printed on Z reports)."""
        entry_id, chain = await self.db.run(auditchain.head)
        return {"id": entry_id, "chain": chain}

    async def export_csv(self, path: Path | str, where: AuditFilter | None = None) -> Path:
        """Write the matching entries, oldest first, to ``path`` (temporary file, then rename)."""
        entries = list(reversed(await self.list(where)))
        path = Path(path)
        part = path.with_name(path.name + ".part")
        with part.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            for e in entries:
                writer.writerow(
                    [e["id"], e["at"], e["actor"], e["action"], e["subject"] or "",
                     json.dumps(e["details"], sort_keys=True), e["correlation_id"] or "",
                     e["chain"] or ""]
                )  # fmt: skip
            out.flush()
            os.fsync(out.fileno())
        part.replace(path)
        return path
