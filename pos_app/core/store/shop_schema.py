"""SQLAlchemy models of the shop's tables.

Sales and their lines, payments, refunds, items, API keys, Z reports, report sums and
webhooks. Loaded on first use (:mod:`pos_app.core.store.schema` says why); the wallet's tables,
the declarative base and the column helpers are there.
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos_app.core.store.schema import Base, Sealed, now, staff_now


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
    staff: Mapped[str | None] = mapped_column(String(40), default=staff_now)
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
    staff: Mapped[str | None] = mapped_column(String(40), default=staff_now)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now)


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
