"""SQLAlchemy models of the encrypted wallet database: the wallet's own tables here.

Times are integer Unix seconds; amounts are integers in the row's unit. The
schema avoids SQLite-only features so that a shop with several tills can later
share one PostgreSQL server. Alembic migrations in ``migrations/versions`` create
exactly these tables; a test compares the two.

No ``from __future__ import annotations`` here: with it every ``Mapped[...]`` is a
string that SQLAlchemy evaluates again (about 750 ``eval`` calls), a sixth of the
time this module takes to import, which every command and the app's start pay.

The shop's tables (sales and their lines, payments, refunds, items, API keys, Z
reports, report sums and webhooks) are in :mod:`pos_app.core.store.shop_schema`,
loaded the first time one of them is named, here or there: a wallet command never
maps them (about 30 ms of a 0.5 s ``wallet receive``, imports and mapper set-up).
``from pos_app.core.store.schema import Sale`` works as before; a module on a wallet
command's path names them inside the functions that use them. Code that needs every
table (migrations, copies, schema checks) takes them from :func:`all_tables`.
"""

import hashlib
import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pos_app.core.store import actor
from pos_app.core.store.sealing import Sealed

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _actor_now() -> str:
    """Who writes an audit entry now (the signed-in staff member, else "system")."""
    return actor.who()


def staff_now() -> str | None:
    """The staff member making a sale, payment or export now (None: the app itself)."""
    return actor.acting()


def now() -> int:
    """Current Unix time in whole seconds."""
    return int(time.time())


def text_digest(text: str) -> str:
    """SHA-256 of a token's text, hex: the indexed key for "this exact token again"."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest_of_row(context: Any) -> str:
    return text_digest(context.get_current_parameters()["token_text"])


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (needed by Alembic batch mode)."""

    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """One configuration value, JSON-encoded; declared with its type in ``core.config``."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class Secret(Base):
    """Secrets kept only inside the encrypted database (the NUT-13 mnemonic)."""

    __tablename__ = "secrets"
    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Sealed("secrets.value"))
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)


class Mint(Base):
    """A mint the shop knows; only trusted ones are ever contacted for payments."""

    __tablename__ = "mints"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(500), unique=True)
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)
    # 1 = the first trusted mint, dense; None while not trusted (see wallet/mints.py).
    priority: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), default="")
    pubkey: Mapped[str | None] = mapped_column(String(66))
    info_json: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="unknown")
    status_since: Mapped[int | None] = mapped_column(BigInteger)
    checked_at: Mapped[int | None] = mapped_column(BigInteger)
    latency_ms: Mapped[float | None] = mapped_column(Float)
    added_at: Mapped[int] = mapped_column(BigInteger, default=now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class KeysetRow(Base):
    """A mint keyset; its id is globally unique, so a token cannot borrow another mint's keys."""

    __tablename__ = "keysets"
    id: Mapped[str] = mapped_column(String(66), primary_key=True)
    mint_id: Mapped[int] = mapped_column(ForeignKey("mints.id", ondelete="CASCADE"), index=True)
    unit: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    input_fee_ppk: Mapped[int] = mapped_column(Integer, default=0)
    final_expiry: Mapped[int | None] = mapped_column(BigInteger)
    keys_json: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[int] = mapped_column(BigInteger, default=now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class Counter(Base):
    """Next unused NUT-13 counter of a keyset; reserved before outputs are built."""

    __tablename__ = "counters"
    keyset_id: Mapped[str] = mapped_column(
        ForeignKey("keysets.id", ondelete="CASCADE"), primary_key=True
    )
    next_counter: Mapped[int] = mapped_column(BigInteger, default=0)


class ProofRow(Base):
    """A coin the shop holds (or held): ``unspent``, ``pending``, ``spent`` or ``exported``."""

    __tablename__ = "proofs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mint_id: Mapped[int] = mapped_column(ForeignKey("mints.id"))
    # keyset_id is not indexed: every query by keyset also names the state and mint (the
    # covering index below; migration 0024). y is unique: it keeps a proof from being
    # stored twice, and finds a stored one (0022).
    keyset_id: Mapped[str] = mapped_column(ForeignKey("keysets.id"))
    unit: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    # Unique on SQLite only in effect: sealed on PostgreSQL, each value differs. ``y``
    # (hash_to_curve of the secret) is what stops a proof being stored twice (0022).
    secret: Mapped[str] = mapped_column(Sealed("proofs.secret"), unique=True)
    C: Mapped[str] = mapped_column(String(66))
    y: Mapped[str] = mapped_column(String(66), index=True, unique=True)
    dleq_json: Mapped[str | None] = mapped_column(Text)
    witness: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(16))
    counter: Mapped[int | None] = mapped_column(BigInteger)
    created_op_id: Mapped[str | None] = mapped_column(String(36), index=True)
    spent_op_id: Mapped[str | None] = mapped_column(String(36), index=True)
    export_id: Mapped[int | None] = mapped_column(ForeignKey("exports.id"), index=True)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)

    __table_args__ = (
        # Covering index: balance per mint/unit and selection never touch the table.
        Index("ix_proofs_state_mint_unit_amount", "state", "mint_id", "unit", "amount"),
    )


class Operation(Base):
    """The journal: a money operation written before its network call (architecture, section 2)."""

    __tablename__ = "operations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    till_id: Mapped[str | None] = mapped_column(String(36))  # where it happened (shared store)
    kind: Mapped[str] = mapped_column(String(16))  # receive | send | melt | restore | mint
    state: Mapped[str] = mapped_column(String(16), index=True)
    step: Mapped[str] = mapped_column(String(16), default="prepared")
    mint_id: Mapped[int] = mapped_column(ForeignKey("mints.id"))
    unit: Mapped[str] = mapped_column(String(20))
    keyset_id: Mapped[str | None] = mapped_column(String(66))
    counter_start: Mapped[int | None] = mapped_column(BigInteger)
    counter_count: Mapped[int] = mapped_column(Integer, default=0)
    output_amounts_json: Mapped[str] = mapped_column(Text, default="[]")
    inputs_json: Mapped[str] = mapped_column(Sealed("operations.inputs_json"), default="[]")
    input_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    fee: Mapped[int] = mapped_column(BigInteger, default=0)
    quote_id: Mapped[str | None] = mapped_column(String(100))
    # Details hold the secrets and blinding factors of outputs not derived from the seed
    # (journal.explicit_json): with them the mint's restore gives back spendable proofs.
    details_json: Mapped[str] = mapped_column(Sealed("operations.details_json"), default="{}")
    result_json: Mapped[str | None] = mapped_column(Sealed("operations.result_json"))
    received_token_id: Mapped[int | None] = mapped_column(ForeignKey("received_tokens.id"))
    export_id: Mapped[int | None] = mapped_column(ForeignKey("exports.id"))
    correlation_id: Mapped[str | None] = mapped_column(String(36))  # no query by it (0024)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_retry_at: Mapped[int | None] = mapped_column(BigInteger)
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class OperationInput(Base):
    """Input proofs (by ``Y``) claimed by an operation.

    The primary key stops two operations (two cashiers, a retry and a timer) from
    spending the same input at once; rows of finished operations stay, so a token
    that was already redeemed is refused before any mint call.
    """

    __tablename__ = "operation_inputs"
    y: Mapped[str] = mapped_column(String(66), primary_key=True)
    operation_id: Mapped[str] = mapped_column(
        ForeignKey("operations.id", ondelete="CASCADE"), index=True
    )


class ReceivedToken(Base):
    """A customer's token exactly as scanned; stored first, never thrown away."""

    __tablename__ = "received_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_text: Mapped[str] = mapped_column(Sealed("received_tokens.token_text"))
    # Tokens run to kilobytes and there is one per sale: finding one again by its text
    # would read them all.
    text_digest: Mapped[str | None] = mapped_column(String(64), default=_digest_of_row, index=True)
    mint_url: Mapped[str | None] = mapped_column(String(500))
    unit: Mapped[str | None] = mapped_column(String(20))
    amount: Mapped[int | None] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16), default="received")
    error_code: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16), default="cli")
    received_at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class Export(Base):
    """A token the shop handed out (USB file, change, send); reconciled with checkstate."""

    __tablename__ = "exports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_text: Mapped[str] = mapped_column(Sealed("exports.token_text"))
    text_digest: Mapped[str | None] = mapped_column(String(64), default=_digest_of_row, index=True)
    mint_id: Mapped[int] = mapped_column(ForeignKey("mints.id"))
    unit: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    locked_to: Mapped[str | None] = mapped_column(String(66))
    file_path: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(String(16), default="export")
    state: Mapped[str] = mapped_column(String(16), default="exported")
    claimed_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)
    # the staff member who made it (None: before staff accounts, or the app itself)
    staff: Mapped[str | None] = mapped_column(String(40), default=staff_now)
    checked_at: Mapped[int | None] = mapped_column(BigInteger)


class OperationAttempt(Base):
    """One recovery attempt of an operation: when, what happened, which error."""

    __tablename__ = "operation_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    operation_id: Mapped[str] = mapped_column(
        ForeignKey("operations.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[int] = mapped_column(BigInteger, default=now)
    outcome: Mapped[str] = mapped_column(String(16))  # resent | restored | waiting | error | ...
    state: Mapped[str] = mapped_column(String(16))  # the operation's state afterwards
    error_code: Mapped[str | None] = mapped_column(String(64))
    manual: Mapped[bool] = mapped_column(Boolean, default=False)


class ErrorRecord(Base):
    """Every failure shown to someone, with its correlation id (docs/architecture.md section 5)."""

    __tablename__ = "errors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    category: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(64), index=True)
    message: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    correlation_id: Mapped[str | None] = mapped_column(String(36), index=True)
    sale_id: Mapped[str | None] = mapped_column(String(36), index=True)
    operation_id: Mapped[str | None] = mapped_column(String(36))
    source: Mapped[str] = mapped_column(String(16), default="core")


class HealthCheck(Base):
    """One health check of a mint: status and response time."""

    __tablename__ = "health_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mint_id: Mapped[int] = mapped_column(ForeignKey("mints.id", ondelete="CASCADE"))
    at: Mapped[int] = mapped_column(BigInteger, default=now)
    status: Mapped[str] = mapped_column(String(16))  # online | degraded | offline
    latency_ms: Mapped[float | None] = mapped_column(Float)
    error_code: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_health_checks_mint_at", "mint_id", "at"),)


class NotificationRow(Base):
    """Something the owner should see; unread until opened."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    level: Mapped[str] = mapped_column(String(16))  # info | warning | critical
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    data_json: Mapped[str] = mapped_column(Text, default="{}")
    read_at: Mapped[int | None] = mapped_column(BigInteger)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), index=True)


class StaffMember(Base):
    """A staff account: name, role and the Argon2id hash of its PIN (pos_app.core.staff)."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # cashier | manager | owner
    pin_hash: Mapped[str] = mapped_column(String(200))
    failures: Mapped[int] = mapped_column(Integer, default=0)  # wrong PINs in a row
    last_failure_at: Mapped[int | None] = mapped_column(BigInteger)
    locked_until: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)


class AuditEntry(Base):
    """Append-only record of every money-relevant change."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    till_id: Mapped[str | None] = mapped_column(String(36))  # where it happened (shared store)
    at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    actor: Mapped[str] = mapped_column(String(50), default=_actor_now)
    action: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str | None] = mapped_column(String(100))
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    correlation_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # sha256 of the entry before's chain and this entry (pos_app.core.store.auditchain)
    chain: Mapped[str | None] = mapped_column(String(64))


class BalanceMove(Base):
    """One change of what the wallet holds (its unspent and pending proofs) at a mint, in a unit.

    Written by ``journal`` in the transaction that changes the proofs, so the moves
    add up to the proofs held: the Z report's drawer count rests on them. Append-only.
    ``reason``: the origin of proofs that came in (``received``, ``change``,
    ``restored``, ``reclaimed``, ...), the state of proofs that left (``spent``,
    ``exported``), ``returned`` for proofs that came back, ``opening`` for what a
    wallet held before the ledger existed.
    """

    __tablename__ = "balance_moves"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    mint_id: Mapped[int] = mapped_column(ForeignKey("mints.id"))
    unit: Mapped[str] = mapped_column(String(20))
    delta: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(16))
    operation_id: Mapped[str | None] = mapped_column(String(36), index=True)
    export_id: Mapped[int | None] = mapped_column(Integer)


class Till(Base):
    """A till of the shop: one row per till on the shop's shared PostgreSQL database.

    The id is made by the till when it joins (``storage.json`` keeps it); the name is
    what people call it ("Counter 2"). A single till on its own SQLite file has no row.
    """

    __tablename__ = "tills"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)
    last_seen_at: Mapped[int] = mapped_column(BigInteger, default=now)


class TillSetting(Base):
    """A till-scoped option's value for one till of a shared store (``core.config``).

    Only a till on the shop's PostgreSQL database writes here; a single till keeps all
    its options in ``settings``. The rows go when the till's ``tills`` row is deleted.
    """

    __tablename__ = "till_settings"
    till_id: Mapped[str] = mapped_column(
        ForeignKey("tills.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class JobClaim(Base):
    """Which process runs a shop-wide timer job (retries, exports, withdrawals...) now.

    A till or process takes a job by a conditional write that only one can win: when
    nobody holds it, its holder's lease ran out, or it already holds it (renewing).
    """

    __tablename__ = "job_claims"
    job: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    until: Mapped[int] = mapped_column(BigInteger)


# This module's own names; the shop's classes are found here too (SHOP_CLASSES).
__all__ = [
    "AuditEntry",
    "BalanceMove",
    "Base",
    "Counter",
    "ErrorRecord",
    "Export",
    "HealthCheck",
    "JobClaim",
    "KeysetRow",
    "Mint",
    "NotificationRow",
    "Operation",
    "OperationAttempt",
    "OperationInput",
    "ProofRow",
    "ReceivedToken",
    "Secret",
    "Setting",
    "StaffMember",
    "Till",
    "TillSetting",
    "all_tables",
    "now",
]


# The classes of shop_schema, named here so that they are found from this module too.
SHOP_CLASSES = frozenset(
    {
        "ApiBlock",
        "ApiIdempotency",
        "ApiKey",
        "Item",
        "Payment",
        "PaymentSum",
        "Refund",
        "RefundLine",
        "Sale",
        "SaleLine",
        "SalesSum",
        "VatSum",
        "WebhookAttempt",
        "WebhookDelivery",
        "WebhookEndpoint",
        "WebhookEvent",
        "ZReport",
    }
)

if TYPE_CHECKING:
    from pos_app.core.store.shop_schema import (  # noqa: F401
        ApiBlock,
        ApiIdempotency,
        ApiKey,
        Item,
        Payment,
        PaymentSum,
        Refund,
        RefundLine,
        Sale,
        SaleLine,
        SalesSum,
        VatSum,
        WebhookAttempt,
        WebhookDelivery,
        WebhookEndpoint,
        WebhookEvent,
        ZReport,
    )


def __getattr__(name: str) -> Any:
    """A shop table's class, its module loaded on first use (PEP 562)."""
    if name in SHOP_CLASSES:
        from pos_app.core.store import shop_schema

        return getattr(shop_schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def all_tables() -> MetaData:
    """The metadata with every table of the database, the shop's included."""
    from pos_app.core.store import shop_schema  # noqa: F401  (maps its tables)

    return Base.metadata
