"""Addresses the local API refuses after repeated wrong keys: kept, listed, lifted by hand.

The API's guard counts failures in memory and blocks there (fast, per call); each block
is also written here, so Settings and ``pos-app api blocks`` show it, a restarted app
keeps it, and an owner can lift it. A lift reaches the running API at once in this
process and within :data:`ACTIVE_CACHE_SECONDS` from another (the command line).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import ValidationError
from pos_app.core.store.db import Database
from pos_app.core.store.schema import ApiBlock
from pos_app.core.wallet.journal import audit

ACTIVE_CACHE_SECONDS = 2.0  # a blocked address's state is read again at most this often


@dataclass(frozen=True, slots=True)
class BlockRecord:
    """An address blocked now: since when, until when, after how many wrong keys."""

    address: str
    blocked_at: int
    until: int
    failures: int

    def to_dict(self) -> dict[str, Any]:
        """JSON shape (CLI)."""
        return {
            "address": self.address,
            "blocked_at": self.blocked_at,
            "until": self.until,
            "failures": self.failures,
        }


class ApiBlocks:
    """The API's automatic blocks in the database (audited as ``api.address_*``).

    Args:
        db: the wallet database.
        clock: Unix time (tests move it).
    """

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock
        self._active: dict[str, tuple[float, bool]] = {}  # address -> (read at, blocked)

    async def record(self, address: str, seconds: float, failures: int) -> BlockRecord:
        """Block ``address`` for ``seconds`` after ``failures`` wrong keys."""
        now = int(self.clock())
        until = now + int(seconds)

        def write(session: Session) -> BlockRecord:
            row = session.get(ApiBlock, address)
            if row is None:
                row = ApiBlock(address=address)
                session.add(row)
            row.blocked_at, row.until, row.failures, row.lifted_at = now, until, failures, None
            details = {"seconds": int(seconds), "until": until, "failures": failures}
            audit(session, "api.address_blocked", address, details, actor="api:-")
            return BlockRecord(address, now, until, failures)

        # Known before the write ends: a call racing it must not read "not blocked" and
        # let the API lift the block it has just made.
        self._active[address] = (self.clock(), True)
        return await self.db.run(write)

    async def list(self) -> list[BlockRecord]:
        """The addresses blocked now, the latest block first."""
        now = int(self.clock())

        def read(session: Session) -> list[BlockRecord]:
            rows = session.scalars(
                select(ApiBlock)
                .where(ApiBlock.until > now, ApiBlock.lifted_at.is_(None))
                .order_by(ApiBlock.blocked_at.desc(), ApiBlock.address)
            )
            return [BlockRecord(r.address, r.blocked_at, r.until, r.failures) for r in rows]

        return await self.db.run(read)

    async def unblock(self, address: str) -> BlockRecord:
        """Lift the block on ``address`` now (audited ``api.address_unblocked``).

        Raises:
            ValidationError: ``api.not_blocked`` when the address is not blocked now.
        """
        now = int(self.clock())
        address = address.strip()

        def write(session: Session) -> BlockRecord:
            row = session.get(ApiBlock, address)
            if row is None or row.lifted_at is not None or row.until <= now:
                raise ValidationError(
                    "api.not_blocked", f"The address {address[:64]} is not blocked now."
                )
            row.lifted_at = now
            audit(session, "api.address_unblocked", address, {"until": row.until})
            return BlockRecord(row.address, row.blocked_at, row.until, row.failures)

        try:
            return await self.db.run(write)
        finally:
            self._active.pop(address, None)

    async def active(self, address: str) -> bool:
        """True while ``address`` is blocked in the database (read again every 2 s at most)."""
        now = self.clock()
        cached = self._active.get(address)
        if cached is not None and now - cached[0] < ACTIVE_CACHE_SECONDS:
            return cached[1]

        def read(session: Session) -> bool:
            row = session.get(ApiBlock, address)
            return row is not None and row.lifted_at is None and row.until > int(now)

        blocked = await self.db.run(read)
        self._active[address] = (now, blocked)
        return blocked
