"""SQLAlchemy models of the encrypted wallet database.

Times are integer Unix seconds; amounts are integers in the row's unit. The
schema avoids SQLite-only features so that a shop with several tills can later
share one PostgreSQL server. Alembic migrations in ``migrations/versions`` create
exactly these tables; a test compares the two.

No ``from __future__ import annotations`` here: with it every ``Mapped[...]`` is a
string that SQLAlchemy evaluates again (about 750 ``eval`` calls), a sixth of the
time this module takes to import, which every command and the app's start pay.
"""

import hashlib
import time
from typing import Any

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
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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


def _staff_now() -> str | None:
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
    staff: Mapped[str | None] = mapped_column(String(40), default=_staff_now)
    checked_at: Mapped[int | None] = mapped_column(BigInteger)


class Sale(Base):
    """A sale: an amount in the shop currency, its locked rate and what is due in the token unit."""

    __tablename__ = "sales"
    # Reports read paid sales by the time they were paid (a range within one state).
    # It serves the queries by state alone as well (migration 0024 dropped ix_sales_state).
    __table_args__ = (Index("ix_sales_state_paid_at", "state", "paid_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    till_id: Mapped[str | None] = mapped_column(String(36))  # where it happened (shared store)
    state: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(8))
    amount: Mapped[str] = mapped_column(String(40))  # decimal text in the shop currency
    unit: Mapped[str] = mapped_column(String(20), default="sat")
    due: Mapped[int] = mapped_column(BigInteger)
    fee_advance: Mapped[int] = mapped_column(BigInteger, default=0)
    paid: Mapped[int] = mapped_column(BigInteger, default=0)
    rate: Mapped[str | None] = mapped_column(String(40))  # price of one BTC, decimal text
    rate_source: Mapped[str | None] = mapped_column(String(200))
    memo: Mapped[str | None] = mapped_column(Text)
    # The external order this sale is for (an online shop's order number), or NULL.
    order_id: Mapped[str | None] = mapped_column(String(100), index=True)
    payment_request: Mapped[str] = mapped_column(Text)
    payment_request_bech32: Mapped[str] = mapped_column(Text)
    # The request's NUT-18 id, random (>= 96 bits): a wallet posting to the API's
    # /payment-requests/{id} holds no key, so the id is its only right to pay this sale.
    # NULL for sales made before it (migration 0019); their requests carried sale_id[:8].
    request_id: Mapped[str | None] = mapped_column(String(32), index=True, unique=True)
    change_token: Mapped[str | None] = mapped_column(Sealed("sales.change_token"))
    change_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    # A cancelled or expired sale that took money owes it back: refunded_at marks it given
    # (as refund_token, or otherwise as refund_note says), so it is never owed twice.
    refund_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    refund_token: Mapped[str | None] = mapped_column(Sealed("sales.refund_token"))
    refund_note: Mapped[str | None] = mapped_column(Text)
    refunded_at: Mapped[int | None] = mapped_column(BigInteger)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    paid_at: Mapped[int | None] = mapped_column(BigInteger)
    correlation_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    # the staff member who made it (None: before staff accounts, or the app itself)
    staff: Mapped[str | None] = mapped_column(String(40), default=_staff_now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)
    # The basket (pos_app.core.payments.basket), all decimal text in ``currency``; NULL for
    # a sale typed as one amount. ``amount`` is the total; the tip is never part of it.
    subtotal: Mapped[str | None] = mapped_column(String(40))
    discount_kind: Mapped[str | None] = mapped_column(String(8))  # percent | amount
    discount_value: Mapped[str | None] = mapped_column(String(40))  # "10" (%) or the amount
    discount_amount: Mapped[str | None] = mapped_column(String(40))
    discount_reason: Mapped[str | None] = mapped_column(Text)
    tip_amount: Mapped[str | None] = mapped_column(String(40))  # in the shop currency
    tip_sat: Mapped[int] = mapped_column(BigInteger, default=0)  # the tip's part of ``due``
    vat_breakdown: Mapped[str | None] = mapped_column(Text)  # JSON [{rate, net, vat, gross}]
    vat_rounding: Mapped[str | None] = mapped_column(String(8))  # line | total
    prices_include_vat: Mapped[bool | None] = mapped_column(Boolean)
    total: Mapped[str | None] = mapped_column(String(40))
    # The lines' own discounts summed (migration 0016; NULL: none, or a sale before them).
    # The reports' discounts are this and ``discount_amount``.
    line_discounts: Mapped[str | None] = mapped_column(String(40))


class Refund(Base):
    """Money a sale gave back: a token from the wallet (``export_id``) or given another way.

    ``state``: ``making`` (reserved, the send journalled or under way), ``done``, ``failed``
    (nothing left the wallet). ``claim_state`` follows the export's NUT-07 check
    (``pending``, ``partially_claimed``, ``claimed``; None for a refund given another way).
    """

    __tablename__ = "refunds"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="making", index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # in the sale's unit (sat)
    unit: Mapped[str] = mapped_column(String(20), default="sat")
    currency: Mapped[str] = mapped_column(String(8))
    amount_currency: Mapped[str] = mapped_column(String(40))  # at the sale's locked rate
    reason: Mapped[str | None] = mapped_column(Text)
    token_text: Mapped[str | None] = mapped_column(Sealed("refunds.token_text"))
    export_id: Mapped[int | None] = mapped_column(ForeignKey("exports.id"), index=True)
    operation_id: Mapped[str | None] = mapped_column(String(36), index=True)
    mint_url: Mapped[str | None] = mapped_column(String(500))
    file_path: Mapped[str | None] = mapped_column(Text)
    claim_state: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    done_at: Mapped[int | None] = mapped_column(BigInteger, index=True)  # reports date it so
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)
    # A refund by line names what it gave back (empty for a refund of an amount).
    lines: Mapped[list["RefundLine"]] = relationship(
        order_by="RefundLine.position", lazy="selectin"
    )


class RefundLine(Base):
    """A basket line (or some of its quantity) a refund gave back, and its sat."""

    __tablename__ = "refund_lines"
    __table_args__ = (UniqueConstraint("refund_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    refund_id: Mapped[str] = mapped_column(ForeignKey("refunds.id"), index=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # the sale line's; 0: the tip
    name: Mapped[str] = mapped_column(String(200))  # as sold
    quantity: Mapped[str] = mapped_column(String(20))  # decimal text, as the line's
    amount: Mapped[int] = mapped_column(BigInteger)  # sat, this line's share of the refund


class Item(Base):
    """A catalogue item: what the quick keys and ``sale new --item SKU`` sell."""

    __tablename__ = "items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[str] = mapped_column(String(40))  # decimal text in ``unit``
    unit: Mapped[str] = mapped_column(String(8))  # the shop currency when added, or "sat"
    vat_rate: Mapped[str | None] = mapped_column(String(8))  # percent text; NULL: the default
    category: Mapped[str | None] = mapped_column(String(100), index=True)
    sku: Mapped[str | None] = mapped_column(String(64), unique=True)  # NULLs do not collide
    colour: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class SaleLine(Base):
    """One line of a sale's basket, as sold (the item may change or go later)."""

    __tablename__ = "sale_lines"
    __table_args__ = (UniqueConstraint("sale_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1, 2, ...
    kind: Mapped[str] = mapped_column(String(8))  # item | custom
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    sku: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[str] = mapped_column(String(20))
    unit_price: Mapped[str] = mapped_column(String(40))  # in the sale's currency
    vat_rate: Mapped[str] = mapped_column(String(8))
    discount: Mapped[str] = mapped_column(String(40))  # this line's share of the sale discount
    net: Mapped[str] = mapped_column(String(40))
    vat: Mapped[str] = mapped_column(String(40))
    gross: Mapped[str] = mapped_column(String(40))
    # The line's own discount, JSON {kind, value, amount, reason}; NULL: none (migration 0016).
    line_discount: Mapped[str | None] = mapped_column(Text)


class Payment(Base):
    """One token offered for a sale and what became of it."""

    __tablename__ = "payments"
    # Reports read settled or refused payments of a period (a range within one state).
    # It serves the queries by state alone as well; mint_url and operation_id are read with
    # their payment, never searched (migration 0024 dropped those three indexes).
    __table_args__ = (Index("ix_payments_state_created_at", "state", "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    till_id: Mapped[str | None] = mapped_column(String(36))  # where it happened (shared store)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    method: Mapped[str | None] = mapped_column(String(8))  # swap | melt
    mint_url: Mapped[str | None] = mapped_column(String(500))
    unit: Mapped[str | None] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger, default=0)  # face value of the token
    credited: Mapped[int] = mapped_column(BigInteger, default=0)  # counted toward the sale
    mint_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    lightning_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    received_token_id: Mapped[int | None] = mapped_column(ForeignKey("received_tokens.id"))
    operation_id: Mapped[str | None] = mapped_column(String(36))
    invoice: Mapped[str | None] = mapped_column(Text)
    proof_status: Mapped[str | None] = mapped_column(
        String(16)
    )  # proven | verified | unproven | mismatch
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    # the staff member who made it (None: before staff accounts, or the app itself)
    staff: Mapped[str | None] = mapped_column(String(40), default=_staff_now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


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


class ApiKey(Base):
    """A key of the local API: its name, scopes and the SHA-256 of the key (shown only once)."""

    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # the key's first characters, to recognise it
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)
    expires_at: Mapped[int | None] = mapped_column(BigInteger)
    last_used_at: Mapped[int | None] = mapped_column(BigInteger)
    revoked_at: Mapped[int | None] = mapped_column(BigInteger)


class ApiIdempotency(Base):
    """A create call made with an ``Idempotency-Key``: the sale it made, for a retry to get."""

    __tablename__ = "api_idempotency"
    __table_args__ = (UniqueConstraint("api_key_id", "idem_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    api_key_id: Mapped[int] = mapped_column(Integer)
    idem_key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the request
    sale_id: Mapped[str | None] = mapped_column(String(36))  # None while being made
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)


class ApiBlock(Base):
    """An address the API refuses after repeated wrong keys, until ``until`` or lifted.

    Kept so Settings and a restarted app see the block (the counts themselves live in
    memory); one row per address, written again when it is blocked again.
    """

    __tablename__ = "api_blocks"
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    blocked_at: Mapped[int] = mapped_column(BigInteger, default=now)
    until: Mapped[int] = mapped_column(BigInteger, index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    lifted_at: Mapped[int | None] = mapped_column(BigInteger)  # unblocked by hand


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


class ZReport(Base):
    """A closed Z report: numbered without gaps, never changed (database triggers refuse it).

    ``content_json`` is the whole report as it was printed; ``digest`` is SHA-256 over the
    previous report's digest and this content, so an edited or removed report shows.
    ``moves_through``: the last balance move the drawer count included (0 in a till's).
    ``till_id``: the till whose sales it closed on a shared store; NULL for the shop's
    report (every till and the drawer), the only kind a single till makes. Numbers and
    the chain run per ``till_id``: NULLs are distinct in a unique index, so the shop's
    numbers have a partial unique index of their own, ``uq_z_reports_shop_number``, made
    by migration 0028 and not declared here: its ``postgresql_where`` would load the
    PostgreSQL dialect into every till that has its own file (~20 ms of each start).
    """

    __tablename__ = "z_reports"
    __table_args__ = (Index("uq_z_reports_till_id_number", "till_id", "number", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    till_id: Mapped[str | None] = mapped_column(String(36))
    number: Mapped[int] = mapped_column(Integer)
    till: Mapped[str] = mapped_column(String(60))
    opened_at: Mapped[int] = mapped_column(BigInteger)
    closed_at: Mapped[int] = mapped_column(BigInteger)
    moves_through: Mapped[int] = mapped_column(BigInteger)
    content_json: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)


class SalesSum(Base):
    """Paid sales summed per hour and per day (UTC) of payment, currency and unit.

    Kept exact by database triggers (migration 0007): the reports read these few rows
    instead of every sale. ``grain`` is ``h`` (``at`` = paid_at // 3600) or ``d``
    (``at`` = paid_at // 86400).
    """

    __tablename__ = "sales_sums"
    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    at: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    currency: Mapped[str] = mapped_column(String(8), primary_key=True)
    unit: Mapped[str] = mapped_column(String(20), primary_key=True)
    sales: Mapped[int] = mapped_column(BigInteger, default=0)
    cents: Mapped[int] = mapped_column(BigInteger, default=0)  # the amounts as whole cents
    sat: Mapped[int] = mapped_column(BigInteger, default=0)  # due - fee_advance - tip_sat
    fee_advance: Mapped[int] = mapped_column(BigInteger, default=0)
    # The basket's figures apart from the sales (migration 0016), in whole cents of currency.
    tip_cents: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    tip_sat: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    discounts: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    discount_cents: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    vat_cents: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class VatSum(Base):
    """The paid sales' stored VAT breakdowns summed per hour and day, currency and rate.

    Kept by the triggers of migration 0016 (as ``sales_sums``); amounts in whole cents.
    """

    __tablename__ = "vat_sums"
    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    at: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    currency: Mapped[str] = mapped_column(String(8), primary_key=True)
    rate: Mapped[str] = mapped_column(String(8), primary_key=True)  # percent text ("19", "7.5")
    sales: Mapped[int] = mapped_column(BigInteger, default=0)
    net: Mapped[int] = mapped_column(BigInteger, default=0)
    vat: Mapped[int] = mapped_column(BigInteger, default=0)
    gross: Mapped[int] = mapped_column(BigInteger, default=0)


class PaymentSum(Base):
    """Payments summed per hour and per day (UTC) offered, one dimension at a time (triggers).

    ``dim`` ``state`` counts every payment by state; ``mint`` (key: the mint URL) and
    ``method`` (``swap``, ``melt``, ``offline``) count settled ones; ``reason`` (key:
    the error code) counts refused ones. A missing text is stored as ``''``.
    """

    __tablename__ = "payment_sums"
    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    at: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    dim: Mapped[str] = mapped_column(String(8), primary_key=True)
    key: Mapped[str] = mapped_column(String(500), primary_key=True)
    unit: Mapped[str] = mapped_column(String(20), primary_key=True)
    payments: Mapped[int] = mapped_column(BigInteger, default=0)
    amount: Mapped[int] = mapped_column(BigInteger, default=0)
    credited: Mapped[int] = mapped_column(BigInteger, default=0)
    mint_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    lightning_fee: Mapped[int] = mapped_column(BigInteger, default=0)


class WebhookEndpoint(Base):
    """A receiver of webhooks: its URL, the events it wants and its signing secret.

    ``secret`` is the Standard Webhooks ``whsec_`` secret (kept only in this encrypted
    database). After a rotation the old one signs too until ``previous_until``.
    """

    __tablename__ = "webhook_endpoints"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    events_json: Mapped[str] = mapped_column(Text, default='["*"]')
    format: Mapped[str] = mapped_column(String(16), default="standard")  # standard | numo
    btcpay_sig: Mapped[bool] = mapped_column(Boolean, default=False)
    secret: Mapped[str] = mapped_column(Sealed("webhook_endpoints.secret"))
    previous_secret: Mapped[str | None] = mapped_column(Sealed("webhook_endpoints.previous_secret"))
    previous_until: Mapped[int | None] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16), default="active")  # active | paused | disabled
    state_reason: Mapped[str | None] = mapped_column(Text)
    failing_since: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class WebhookEvent(Base):
    """The outbox: one event, written in the transaction of the change it reports.

    ``id`` is the ``webhook-id`` header, the same on every attempt; ``payload_json``
    is the exact body sent (so every retry is signed over the same bytes).
    """

    __tablename__ = "webhook_events"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    payload_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)


class WebhookDelivery(Base):
    """One event for one endpoint: ``pending`` until ``delivered`` or ``failed``."""

    __tablename__ = "webhook_deliveries"
    # The sender reads an endpoint's oldest pending delivery (per-endpoint order).
    __table_args__ = (Index("ix_webhook_deliveries_endpoint_state", "endpoint_id", "state", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(
        ForeignKey("webhook_events.id", ondelete="CASCADE"), index=True
    )
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[int | None] = mapped_column(BigInteger)
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[int] = mapped_column(BigInteger, default=now, index=True)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


class WebhookAttempt(Base):
    """One HTTP attempt of a delivery: when, how long, the answer (first 2 kB) or the error."""

    __tablename__ = "webhook_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[int] = mapped_column(BigInteger, default=now)
    duration_ms: Mapped[float | None] = mapped_column(Float)
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)


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


__all__ = [
    "ApiBlock",
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
    "Payment",
    "PaymentSum",
    "ProofRow",
    "ReceivedToken",
    "Sale",
    "SalesSum",
    "Secret",
    "Setting",
    "Till",
    "TillSetting",
    "VatSum",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
    "ZReport",
    "now",
]
