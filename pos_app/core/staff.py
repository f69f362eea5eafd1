"""Staff accounts: roles, PINs, who may do what, and who did it.

Three roles, each with the rights of the one before: a **cashier** sells, sees
sales and reprints receipts; a **manager** also refunds, reviews, dismisses,
exports, imports, reads reports and the audit log; the **owner** also changes
settings, mints, staff, webhooks, and moves the wallet's money out (withdrawals,
melts, the seed). Until the first account exists nobody is asked for a PIN (a
single-person shop); the first account must be the owner's.

PINs are 4 to 8 digits, stored as Argon2id hashes. Wrong PINs are throttled: after
each failure the account waits longer before the next try (1, 2, 4... seconds, at
most a minute); after ``staff.pin_lock_after`` failures in a row (default
:data:`LOCK_AFTER`) it is locked for ``staff.pin_lock_minutes`` (default
:data:`LOCK_SECONDS`) and the owner is notified; the owner can unlock it at once.
Every failure, lock, unlock and success after failures is audited, as is every
change to the accounts. The last owner can be neither removed nor demoted: someone
must always be able to manage the staff and the settings.

Who acts is a context variable (:data:`pos_app.core.store.actor.current`): set once a
PIN is accepted, it is written on every audit entry, sale, payment and export made
meanwhile.
"""

from __future__ import annotations

import contextlib
import functools
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.choices import ROLES
from pos_app.core.config import Config
from pos_app.core.errors import SecurityError, ValidationError
from pos_app.core.events import EventBus, Notification
from pos_app.core.store.actor import acting, current, sign_in, who
from pos_app.core.store.schema import AuditEntry, StaffMember
from pos_app.core.wallet import journal

if TYPE_CHECKING:
    from argon2 import PasswordHasher

__all__ = [
    "ROLES",
    "Member",
    "StaffService",
    "acting",
    "acting_as",
    "check_pin",
    "rank",
    "sign_in",
    "who",
]

LOCK_AFTER = 5
LOCK_SECONDS = 15 * 60
MAX_WAIT_SECONDS = 60
PIN = re.compile(r"^[0-9]{4,8}$")
NAME = re.compile(r"^[\w .'-]{1,40}$")


@functools.cache
def _hasher() -> PasswordHasher:
    """The PINs' Argon2id (imported on first use: most commands check no PIN, ~4 ms a start)."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


@contextlib.contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Record ``name`` as the one acting within the block."""
    token = current.set(name)
    try:
        yield
    finally:
        current.reset(token)


def rank(role: str) -> int:
    """0 for cashier, 1 for manager, 2 for owner."""
    return ROLES.index(role)


@dataclass(frozen=True, slots=True)
class Member:
    """A staff account as shown (never the PIN's hash)."""

    name: str
    role: str
    locked_until: int | None
    failures: int
    created_at: int
    last_sign_in: int | None = None  # from the audit log (None: never since it was added)

    def to_dict(self) -> dict[str, Any]:
        """JSON form of ``pos-app staff list``."""
        return {
            "name": self.name,
            "role": self.role,
            "locked_until": self.locked_until,
            "failures": self.failures,
            "created_at": self.created_at,
            "last_sign_in": self.last_sign_in,
        }


def _member(row: StaffMember, last_sign_in: int | None = None) -> Member:
    return Member(row.name, row.role, row.locked_until, row.failures, row.created_at, last_sign_in)


def _last_sign_ins(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(AuditEntry.subject, func.max(AuditEntry.at))
        .where(AuditEntry.action == "staff.signed_in")
        .group_by(AuditEntry.subject)
    )
    return {name: int(at) for name, at in rows if name is not None}


def check_pin(pin: str) -> str:
    """A PIN of 4 to 8 digits (``staff.pin_invalid`` otherwise)."""
    if not PIN.match(pin or ""):
        raise ValidationError("staff.pin_invalid", "A PIN is 4 to 8 digits.", "pin format")
    return pin


def wait_after(failures: int) -> int:
    """Seconds an account waits after ``failures`` wrong PINs in a row."""
    if failures <= 1:  # a first typo costs nothing
        return 0
    return min(2 ** (failures - 2), MAX_WAIT_SECONDS)


class StaffService:
    """Staff accounts of one wallet database.

    Args:
        db: the wallet database.
        bus: where the owner's notifications go (a locked account).
        clock: seconds since the epoch.
        config: the settings (how many wrong PINs lock an account, and for how long).
    """

    def __init__(
        self,
        db: Any,
        bus: EventBus,
        clock: Callable[[], float] = time.time,
        config: Config | None = None,
    ) -> None:
        self.db = db
        self.bus = bus
        self.clock = clock
        self.config = config or Config()

    async def any(self) -> bool:
        """Whether any account exists (until then nobody is asked for a PIN)."""
        return await self.db.run(_count) > 0

    async def list(self) -> list[Member]:
        """Every account, owners first."""

        def read(session: Session) -> list[Member]:
            rows = session.scalars(select(StaffMember).order_by(StaffMember.name))
            last = _last_sign_ins(session)
            members = (_member(r, last.get(r.name)) for r in rows)
            return sorted(members, key=lambda m: (-rank(m.role), m.name))

        return await self.db.run(read)

    async def add(self, name: str, role: str, pin: str) -> Member:
        """Create an account; the first one must be the owner's.

        Raises:
            ValidationError: ``staff.name_invalid``, ``staff.role_invalid``,
                ``staff.pin_invalid``, ``staff.exists``, ``staff.first_owner``.
        """
        name = (name or "").strip()
        if not NAME.match(name) or name == "system":
            raise ValidationError(
                "staff.name_invalid",
                "A name is 1 to 40 letters, digits, spaces, dots, dashes or apostrophes.",
                name,
            )
        _check_role(role)
        digest = _hasher().hash(check_pin(pin))
        now = int(self.clock())

        def write(session: Session) -> Member:
            if session.scalar(select(StaffMember).where(StaffMember.name == name)) is not None:
                raise ValidationError(
                    "staff.exists", "There is already someone of that name.", name
                )
            if _count(session) == 0 and role != "owner":
                raise ValidationError(
                    "staff.first_owner",
                    "The first account must be the owner's: it can add the others.",
                    role,
                )
            row = StaffMember(name=name, role=role, pin_hash=digest, failures=0, created_at=now)
            session.add(row)
            journal.audit(session, "staff.added", name, {"role": role})
            return _member(row)

        return await self.db.run(write)

    async def remove(self, name: str) -> None:
        """Delete an account; the last owner cannot be removed (``staff.last_owner``)."""

        def write(session: Session) -> None:
            row = self._row(session, name)
            if row.role == "owner" and _owners(session) == 1:
                raise ValidationError("staff.last_owner", "The last owner cannot be removed.", name)
            session.delete(row)
            journal.audit(session, "staff.removed", name, {"role": row.role})

        await self.db.run(write)

    async def set_pin(self, name: str, pin: str) -> None:
        """Give ``name`` a new PIN (and clear its failures and lock)."""
        digest = _hasher().hash(check_pin(pin))

        def write(session: Session) -> None:
            row = self._row(session, name)
            row.pin_hash, row.failures, row.locked_until = digest, 0, None
            journal.audit(session, "staff.pin_changed", name, {})

        await self.db.run(write)

    async def set_role(self, name: str, role: str) -> Member:
        """Give ``name`` another role; the last owner cannot be demoted (``staff.last_owner``)."""
        _check_role(role)

        def write(session: Session) -> Member:
            row = self._row(session, name)
            if row.role == role:
                return _member(row)
            if row.role == "owner" and _owners(session) == 1:
                raise ValidationError(
                    "staff.last_owner",
                    "The last owner cannot get another role: make someone else owner first.",
                    name,
                )
            journal.audit(session, "staff.role_changed", name, {"from": row.role, "to": role})
            row.role = role
            return _member(row)

        return await self.db.run(write)

    async def unlock(self, name: str) -> Member:
        """End ``name``'s lock and wrong-PIN wait at once (its PIN stays)."""

        def write(session: Session) -> Member:
            row = self._row(session, name)
            journal.audit(
                session,
                "staff.unlocked",
                name,
                {"locked_until": row.locked_until, "failures": row.failures},
            )
            row.failures, row.locked_until, row.last_failure_at = 0, None, None
            return _member(row)

        return await self.db.run(write)

    async def signed_in(self, name: str) -> None:
        """Audit that ``name`` took the till (a sign-in, a switch, after an idle lock)."""
        await self.db.run(lambda s: journal.audit(s, "staff.signed_in", name, {}, actor=name))

    async def verify(self, name: str, pin: str, *, needs: str = "cashier") -> Member:
        """Check ``name``'s PIN and that its role reaches ``needs``.

        Raises:
            SecurityError: ``staff.unknown``, ``staff.bad_pin``, ``staff.wait`` (too soon
                after a wrong PIN), ``staff.locked``.
            ValidationError: ``staff.forbidden`` (the role is not enough).
        """
        now = int(self.clock())

        lock_after, lock_seconds = LOCK_AFTER, LOCK_SECONDS

        def check(session: Session) -> tuple[Member | None, SecurityError | None, bool]:
            nonlocal lock_after, lock_seconds
            lock_after = int(self.config.get(session, "staff.pin_lock_after"))
            lock_seconds = 60 * int(self.config.get(session, "staff.pin_lock_minutes"))
            row = session.scalar(select(StaffMember).where(StaffMember.name == name))
            if row is None:
                journal.audit(session, "staff.pin_failed", name, {"reason": "unknown"})
                return (
                    None,
                    SecurityError("staff.unknown", "Wrong name or PIN.", f"no account {name!r}"),
                    False,
                )
            if row.locked_until and row.locked_until > now:
                return (
                    None,
                    SecurityError(
                        "staff.locked",
                        f"{name} is locked after {lock_after} wrong PINs; try again in "
                        f"{_minutes(row.locked_until - now)}, or ask the owner to set a new PIN.",
                        f"locked until {row.locked_until}",
                        data={"until": row.locked_until},
                    ),
                    False,
                )
            ready = (row.last_failure_at or 0) + wait_after(row.failures)
            if ready > now:
                return (
                    None,
                    SecurityError(
                        "staff.wait",
                        f"Wait {ready - now} s before the next try.",
                        f"{row.failures} wrong PINs",
                        data={"seconds": ready - now},
                    ),
                    False,
                )
            if _matches(row.pin_hash, pin):
                if row.failures:
                    journal.audit(session, "staff.pin_ok", name, {"after_failures": row.failures})
                row.failures, row.locked_until, row.last_failure_at = 0, None, None
                return _member(row), None, False
            row.failures += 1
            row.last_failure_at = now
            locked = row.failures >= lock_after
            if locked:
                row.locked_until = now + lock_seconds
                row.failures = 0
            journal.audit(
                session,
                "staff.locked" if locked else "staff.pin_failed",
                name,
                {"failures": lock_after if locked else row.failures},
            )
            return None, SecurityError("staff.bad_pin", "Wrong name or PIN.", name), locked

        member, refusal, locked = await self.db.run(check)
        if locked:
            self.bus.publish(
                Notification(
                    "critical",
                    "Staff account locked",
                    f"{name} typed {lock_after} wrong PINs in a row and is locked for "
                    f"{lock_seconds // 60} minutes.",
                    kind="security",
                    data={
                        "name": name,
                        "failures": lock_after,
                        "minutes": lock_seconds // 60,
                    },
                )
            )
        if refusal is not None:
            raise refusal
        assert member is not None
        if rank(member.role) < rank(needs):
            raise ValidationError(
                "staff.forbidden",
                f"This needs {_a(needs)}; {name} is {_a(member.role)}.",
                f"{member.role} < {needs}",
                data={"needs": needs, "role": member.role},
            )
        return member

    @staticmethod
    def _row(session: Session, name: str) -> StaffMember:
        row = session.scalar(select(StaffMember).where(StaffMember.name == name))
        if row is None:
            raise ValidationError("staff.unknown", "There is no one of that name.", name)
        return row


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError("staff.role_invalid", "The role is cashier, manager or owner.", role)


def _count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(StaffMember)) or 0)


def _owners(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(StaffMember).where(StaffMember.role == "owner")
        )
        or 0
    )


def _matches(digest: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(digest, pin)
    except (VerificationError, InvalidHashError):
        return False


def _a(role: str) -> str:
    return f"an {role}" if role[0] in "aeiou" else f"a {role}"


def _minutes(seconds: int) -> str:
    return f"{max(1, -(-seconds // 60))} min"
