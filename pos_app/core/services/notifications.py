"""The notification center: what needs the owner, kept until read.

Every :class:`~pos_app.core.events.Notification` published on the bus is stored
(the same event feeds webhooks later). A notification with a ``dedupe`` key in
its data is not repeated while an unread one with that key exists, so a mint
that stays offline does not flood the list.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos_app.core.events import EventBus, Notification
from pos_app.core.store.db import Database
from pos_app.core.store.schema import NotificationRow, now

log = logging.getLogger(__name__)


class NotificationCenter:
    """Stores notifications and answers what is unread."""

    def __init__(self, db: Database, bus: EventBus) -> None:
        self.db = db
        self._pending: set[asyncio.Future[Any]] = set()
        self._unsubscribe = bus.subscribe(Notification, self._on_event)

    def close(self) -> None:
        """Stop listening."""
        self._unsubscribe()

    def _on_event(self, event: Notification) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no loop (a plain script): write now
            self.db.transact(lambda s: store(s, event))
            return
        # The bus is synchronous; the write goes to the database thread like every other.
        future = asyncio.ensure_future(self.db.run(lambda s: store(s, event)))
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    async def flush(self) -> None:
        """Wait until every notification seen so far is stored."""
        if self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)

    async def list(self, *, unread_only: bool = False, limit: int = 100) -> list[dict[str, Any]]:
        """Newest first."""
        await self.flush()

        def read(session: Session) -> list[dict[str, Any]]:
            query = select(NotificationRow).order_by(NotificationRow.id.desc()).limit(limit)
            if unread_only:
                query = query.where(NotificationRow.read_at.is_(None))
            return [to_dict(n) for n in session.scalars(query)]

        return await self.db.run(read)

    async def unread_count(self) -> int:
        """How many are unread."""
        await self.flush()
        return await self.db.run(
            lambda s: int(s.scalar(select(func.count()).where(NotificationRow.read_at.is_(None))))
        )

    async def mark_read(self, ids: list[int] | None = None) -> None:
        """Mark some (or all) as read."""

        def write(session: Session) -> None:
            query = update(NotificationRow).where(NotificationRow.read_at.is_(None))
            if ids is not None:
                query = query.where(NotificationRow.id.in_(ids))
            session.execute(query.values(read_at=now()))

        await self.db.run(write)


def store(session: Session, event: Notification) -> None:
    """Insert a notification unless an unread one with the same dedupe key exists."""
    key = event.data.get("dedupe") if isinstance(event.data, dict) else None
    if key:
        exists = session.scalar(
            select(NotificationRow.id).where(
                NotificationRow.dedupe_key == key, NotificationRow.read_at.is_(None)
            )
        )
        if exists:
            return
    session.add(
        NotificationRow(
            level=event.level,
            kind=event.kind,
            title=event.title[:200],
            body=event.body,
            data_json=json.dumps(event.data, default=str),
            dedupe_key=key,
        )
    )


def to_dict(n: NotificationRow) -> dict[str, Any]:
    """JSON form."""
    return {
        "id": n.id,
        "at": n.at,
        "level": n.level,
        "kind": n.kind,
        "title": n.title,
        "body": n.body,
        "data": json.loads(n.data_json),
        "read": n.read_at is not None,
    }
