"""Keys of the local REST API: made with scopes, shown once, kept as a hash, revocable.

A key is ``pos_`` and 43 random URL-safe characters (256 bits). Only its SHA-256 is
stored (a random key of that strength needs no slow hash), with its first characters to
recognise it in a list. Checking a key finds its row by the hash, then refuses it when
it is revoked, expired or lacks the scope the route needs; every refusal is a
:class:`SecurityError` whose code the API turns into 401 or 403.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pos_app.core.apiblocks import ApiBlocks
from pos_app.core.choices import API_SCOPES
from pos_app.core.errors import SecurityError, ValidationError
from pos_app.core.store.db import Database
from pos_app.core.store.schema import ApiIdempotency, ApiKey, Secret
from pos_app.core.wallet.journal import audit

SCOPES = API_SCOPES
PREFIX = "pos_"
SHOWN_CHARS = 10  # of the key, in lists: enough to tell keys apart, useless to an attacker
LAST_USED_EVERY = 60  # seconds: a busy key's last use is written at most this often
IDEMPOTENCY_SECONDS = 24 * 3600  # an Idempotency-Key is remembered this long
CHECK_CACHE_SECONDS = 2  # a key checked this recently is trusted without a read
CHECK_CACHE_KEYS = 1000
CALLS_FLUSH_SECONDS = 0.5  # API calls are audited in batches, within this
CALLS_FLUSH_COUNT = 200
TLS_PASSWORD = "api_tls_key_password"  # noqa: S105 (a secrets row's name)
_IDEM_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")  # printable ASCII, as a header carries it
_NAME = re.compile(r"^[A-Za-z0-9 ._-]{1,30}$")  # "api:" + name fits a staff column


def key_hash(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """An API key as listed: never the key itself."""

    id: int
    name: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: int
    expires_at: int | None
    last_used_at: int | None
    revoked_at: int | None

    def allows(self, scope: str) -> bool:
        """True when the key has ``scope`` (``admin`` has every scope)."""
        return scope in self.scopes or "admin" in self.scopes

    def to_dict(self) -> dict[str, Any]:
        """JSON shape (CLI, API)."""
        return {
            "id": self.id,
            "name": self.name,
            "prefix": self.prefix,
            "scopes": list(self.scopes),
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "last_used_at": self.last_used_at,
            "revoked_at": self.revoked_at,
        }


def _record(row: ApiKey) -> KeyRecord:
    return KeyRecord(
        row.id,
        row.name,
        row.prefix,
        tuple(json.loads(row.scopes_json)),
        row.created_at,
        row.expires_at,
        row.last_used_at,
        row.revoked_at,
    )


def _scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(s.strip() for s in scopes if s.strip()))
    unknown = [s for s in chosen if s not in SCOPES]
    if unknown or not chosen:
        raise ValidationError(
            "api.bad_scopes",
            f"Give one or more scopes from: {', '.join(SCOPES)}.",
            ", ".join(unknown),
            data={"unknown": unknown, "scopes": list(SCOPES)},
        )
    return chosen


class ApiKeys:
    """Create, list, revoke and check API keys (audited as ``api.key_*``).

    Args:
        db: the wallet database (keys live beside the money they guard, encrypted).
        clock: Unix time (tests move it).
    """

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock
        # A key checked a moment ago is not read again (a revoke here forgets them all).
        self._checked: dict[str, tuple[float, KeyRecord]] = {}
        self._calls: list[
            tuple[str, dict[str, Any], str | None]
        ] = []  # api.call entries not yet written
        self._flush: asyncio.TimerHandle | None = None
        self._flushing: set[asyncio.Future[int]] = set()
        self.blocks = ApiBlocks(db, clock)  # addresses refused after wrong keys

    async def create(
        self, name: str, scopes: Iterable[str], *, expires_at: int | None = None
    ) -> dict[str, Any]:
        """A new key; the answer holds ``key``, which is never shown again.

        Raises:
            ValidationError: ``api.bad_name``, ``api.bad_scopes``, ``api.bad_expiry``,
                ``api.name_taken``.
        """
        name = name.strip()
        if not _NAME.match(name):
            raise ValidationError(
                "api.bad_name",
                "Name the key with 1 to 30 letters, digits, spaces, dots, dashes or underscores.",
                name[:60],
            )
        chosen = _scopes(scopes)
        now = int(self.clock())
        if expires_at is not None and expires_at <= now:
            raise ValidationError("api.bad_expiry", "The expiry must be in the future.", "")
        key = PREFIX + secrets.token_urlsafe(32)

        def write(session: Session) -> KeyRecord:
            if session.scalar(select(ApiKey).where(ApiKey.name == name)) is not None:
                raise ValidationError(
                    "api.name_taken", f"A key named {name} exists already: choose another name."
                )
            row = ApiKey(
                name=name,
                prefix=key[:SHOWN_CHARS],
                key_hash=key_hash(key),
                scopes_json=json.dumps(list(chosen)),
                created_at=now,
                expires_at=expires_at,
            )
            session.add(row)
            session.flush()
            audit(session, "api.key_created", name, {"scopes": list(chosen), "id": row.id})
            return _record(row)

        record = await self.db.run(write)
        return {**record.to_dict(), "key": key}

    async def list(self) -> list[KeyRecord]:
        """Every key, revoked ones too (newest first)."""

        def read(session: Session) -> list[KeyRecord]:
            rows = session.scalars(select(ApiKey).order_by(ApiKey.id.desc()))
            return [_record(r) for r in rows]

        return await self.db.run(read)

    async def revoke(self, name: str) -> KeyRecord:
        """Revoke the key named ``name`` at once (a revoked key stays listed).

        Raises:
            ValidationError: ``api.unknown_key``.
        """

        def write(session: Session) -> KeyRecord:
            row = session.scalar(select(ApiKey).where(ApiKey.name == name))
            if row is None:
                raise ValidationError("api.unknown_key", f"There is no API key named {name}.")
            if row.revoked_at is None:
                row.revoked_at = int(self.clock())
                audit(session, "api.key_revoked", name, {"id": row.id})
            return _record(row)

        self._checked.clear()
        return await self.db.run(write)

    async def check(self, key: str | None, scope: str | None) -> KeyRecord:
        """The key's record when it may use ``scope`` (None: any valid key).

        Raises:
            SecurityError: ``api.unauthorized`` (no key, unknown, revoked or expired) or
                ``api.forbidden`` (a valid key without the scope).
        """
        now = int(self.clock())

        def read(session: Session) -> KeyRecord | None:
            row = session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash(key or "")))
            if row is None or row.revoked_at is not None:
                return None
            if row.expires_at is not None and row.expires_at <= now:
                return None
            if row.last_used_at is None or now - row.last_used_at >= LAST_USED_EVERY:
                row.last_used_at = now
            return _record(row)

        digest = key_hash(key or "")
        cached = self._checked.get(digest)
        if cached is not None and now - cached[0] < CHECK_CACHE_SECONDS:
            record: KeyRecord | None = cached[1]
            if record is not None and record.expires_at is not None and record.expires_at <= now:
                record = None
        else:
            record = await self.db.run(read) if key and key.startswith(PREFIX) else None
            if record is not None:
                if len(self._checked) > CHECK_CACHE_KEYS:
                    self._checked.clear()
                self._checked[digest] = (now, record)
        if record is None:
            raise SecurityError(
                "api.unauthorized",
                "A valid API key is needed: send it as Authorization: Bearer <key>.",
            )
        if scope is not None and not record.allows(scope):
            raise SecurityError(
                "api.forbidden",
                f"This API key may not do that: it needs the {scope} scope.",
                record.name,
                data={"needs": scope, "scopes": list(record.scopes)},
            )
        return record

    async def once(
        self,
        key_id: int,
        idem_key: str,
        fingerprint: str,
        make: Callable[[], Awaitable[str]],
    ) -> tuple[str, bool]:
        """Make a sale once per ``(key_id, idem_key)``: ``(sale id, True)`` on a retry.

        The key is reserved before ``make`` runs, so two calls at once make one sale; a
        failed ``make`` frees it for a retry. Keys are remembered for a day.

        Raises:
            ValidationError: ``api.bad_idempotency_key``, ``api.idempotency_mismatch`` (the
                same key with another request), ``api.idempotency_in_progress`` (the first
                call is still being handled).
        """
        if not _IDEM_KEY.match(idem_key):
            raise ValidationError(
                "api.bad_idempotency_key",
                "Idempotency-Key must be 1 to 200 printable characters without spaces.",
            )
        now = int(self.clock())
        mine = (ApiIdempotency.api_key_id == key_id, ApiIdempotency.idem_key == idem_key)

        def reserve(session: Session) -> tuple[str | None, bool]:
            session.execute(
                delete(ApiIdempotency).where(ApiIdempotency.created_at < now - IDEMPOTENCY_SECONDS)
            )
            row = session.scalar(select(ApiIdempotency).where(*mine))
            if row is None:
                session.add(
                    ApiIdempotency(
                        api_key_id=key_id,
                        idem_key=idem_key,
                        fingerprint=fingerprint,
                        created_at=now,
                    )
                )
                return None, True
            if row.fingerprint != fingerprint:
                raise ValidationError(
                    "api.idempotency_mismatch",
                    "This Idempotency-Key was used for another request: use a new key.",
                    idem_key[:60],
                )
            return row.sale_id, False

        existing, reserved = await self.db.run(reserve)
        if not reserved:
            if existing is None:
                raise ValidationError(
                    "api.idempotency_in_progress",
                    "A request with this Idempotency-Key is still being handled: try again.",
                    idem_key[:60],
                )
            return existing, True
        try:
            sale_id = await make()
        except BaseException:
            await self.db.run(lambda s: s.execute(delete(ApiIdempotency).where(*mine)))
            raise

        def remember(session: Session) -> None:
            row = session.scalar(select(ApiIdempotency).where(*mine))
            if row is not None:
                row.sale_id = sale_id

        await self.db.run(remember)
        return sale_id, False

    def record_call(
        self,
        key_name: str | None,
        method: str,
        route: str,
        status: int,
        client: str,
        *,
        key_id: int | None = None,
        correlation_id: str | None = None,
    ) -> None:
        """Audit one API call (``api.call``): who, what, the answer; never a body.

        Who: the key's name (the entry's subject) and id; the call's correlation id is the
        entry's.

        Calls are written together, within :data:`CALLS_FLUSH_SECONDS` or every
        :data:`CALLS_FLUSH_COUNT` calls, in one transaction: a committed write per call
        would cost more than the call (about 10 ms here). The call's own time is in the
        entry. :meth:`flush_calls` writes the rest (the API calls it when it stops).
        """
        details = {
            "key_id": key_id,
            "method": method,
            "route": route,
            "status": status,
            "client": client,
            "at": int(self.clock()),
        }
        self._calls.append((key_name or "-", details, correlation_id))
        if len(self._calls) >= CALLS_FLUSH_COUNT:
            self._start_flush()
        elif self._flush is None:
            loop = asyncio.get_running_loop()
            self._flush = loop.call_later(CALLS_FLUSH_SECONDS, self._start_flush)

    def _start_flush(self) -> None:
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        task = asyncio.ensure_future(self.flush_calls())
        self._flushing.add(task)
        task.add_done_callback(self._flushing.discard)

    async def flush_calls(self) -> int:
        """Write the API calls not yet in the audit log; how many."""
        calls, self._calls = self._calls, []
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        if not calls:
            return 0

        def write(session: Session) -> None:
            for name, details, cid in calls:
                audit(session, "api.call", name, details, correlation_id=cid, actor=f"api:{name}")

        await self.db.run(write)
        return len(calls)

    async def tls_password(self) -> str:
        """The password of the API's TLS key file: made on first use, kept only in here."""

        def read(session: Session) -> str:
            row = session.get(Secret, TLS_PASSWORD)
            if row is None:
                row = Secret(name=TLS_PASSWORD, value=secrets.token_urlsafe(32))
                session.add(row)
            return row.value

        return await self.db.run(read)

    async def record_block(self, address: str, seconds: float, failures: int = 0) -> None:
        """Keep and audit an address blocked after failed keys (``api.address_blocked``)."""
        await self.blocks.record(address, seconds, failures)
