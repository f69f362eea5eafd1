"""Settling payments on a temporary encrypted database: both sides of every amount boundary."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from pos_app.core.config import Config
from pos_app.core.errors import NetworkError, PosError, ValidationError
from pos_app.core.events import EventBus, Notification, PaymentRejected, SaleChanged, SalePaid
from pos_app.core.payments import settlement as settlement_module
from pos_app.core.payments.settlement import Settlement
from pos_app.core.store.db import Database
from pos_app.core.store.schema import (
    AuditEntry,
    ErrorRecord,
    Operation,
    Payment,
    ReceivedToken,
    Sale,
)
from pos_app.core.store.schema import Mint as MintRow
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.recovery import Outcome
from pos_app.core.wallet.send import SendResult

NOW = 1_700_000_000
MINT = "http://127.0.0.1:1"


class Shop:
    """A settlement over a fresh database, with the events it published."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.bus = EventBus()
        self.events: list[Any] = []
        self.bus.subscribe(object, self.events.append)  # type: ignore[arg-type]
        ctx = WalletContext(db, None, self.bus, bytes(64), clock=lambda: NOW)  # type: ignore[arg-type]
        self.config = Config()
        self.settlement = Settlement(ctx, self.config, clock=lambda: NOW)
        self._n = 0

    def run(self, coro: Any) -> Any:
        return asyncio.run(coro)

    def sale(self, due: int, *, fee_advance: int = 0, state: str = "open") -> str:
        self._n += 1
        sale_id = f"sale-{self._n:03d}-0000-uuid"  # as long as a uuid prefix needs

        def write(session) -> None:
            session.add(
                Sale(
                    id=sale_id,
                    state=state,
                    currency="SAT",
                    amount=str(due - fee_advance),
                    unit="sat",
                    due=due,
                    fee_advance=fee_advance,
                    paid=0,
                    payment_request="creqA",
                    payment_request_bech32="creqb",
                    expires_at=NOW + 600,
                    correlation_id=f"corr-{self._n}",
                    created_at=NOW - 10,
                    updated_at=NOW - 10,
                )
            )

        self.db.transact(write)
        return sale_id

    def payment(
        self, sale_id: str, amount: int, state: str = "processing", credited: int = 0
    ) -> str:
        self._n += 1
        payment_id = f"pay-{self._n}"
        self.db.transact(
            lambda s: s.add(
                Payment(
                    id=payment_id,
                    sale_id=sale_id,
                    state=state,
                    method="swap",
                    mint_url=MINT,
                    unit="sat",
                    amount=amount,
                    credited=credited,
                    created_at=NOW - 5,
                    updated_at=NOW - 5,
                )
            )
        )
        return payment_id

    def pay(self, sale_id: str, amount: int, **kwargs: Any):
        payment_id = self.payment(sale_id, amount)
        return self.run(
            self.settlement.settle(sale_id, payment_id, credited=amount, **kwargs)
        ), payment_id

    def get(self, kind: type, key: str) -> Any:
        return self.db.transact(lambda s: s.get(kind, key))

    def audits(self, action: str) -> list[dict[str, Any]]:
        rows = self.db.transact(
            lambda s: list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))
        )
        return [json.loads(r.details_json) for r in rows]

    def set_change_policy(self, value: str) -> None:
        self.db.transact(lambda s: self.config.set(s, "change.policy", value))


@pytest.fixture
def shop(tmp_path) -> Iterator[Shop]:
    db = Database(tmp_path / "pos.db", os.urandom(32), create=True)
    db.migrate()
    yield Shop(db)
    db.close()


@pytest.fixture
def sends(monkeypatch) -> list[tuple[str, str, int, str]]:
    """Change tokens are made by the real send against a mint elsewhere; here, recorded."""
    made: list[tuple[str, str, int, str]] = []
    asked: list[tuple[str, int]] = []

    def fake_richest(session, unit, at_least):
        asked.append((unit, at_least))
        return MINT

    async def fake_send(ctx, mint_url, unit, amount, *, purpose, correlation_id):
        # The mint asked for must hold the change, in the sale's unit, for this sale.
        assert asked[-1] == (unit, amount)
        assert isinstance(ctx, WalletContext)
        assert correlation_id.startswith("corr-")
        made.append((mint_url, unit, amount, purpose))
        return SendResult(f"cashuB-change-{amount}", amount, mint_url, unit, 0, 1)

    monkeypatch.setattr(settlement_module, "wallet_send", fake_send)
    monkeypatch.setattr(settlement_module.coins, "first_trusted_mint", fake_richest)
    return made


def test_one_short_is_partially_paid(shop):
    sale_id = shop.sale(100)
    result, payment_id = shop.pay(sale_id, 99)
    assert (result.state, result.paid, result.due, result.remaining) == (
        "partially_paid",
        99,
        100,
        1,
    )
    assert result.change_token is None
    assert result.message == "1 sat still to pay."
    assert result.sale_id == sale_id
    assert (result.payment["id"], result.payment["state"]) == (payment_id, "settled")
    sale = shop.get(Sale, sale_id)
    assert (sale.state, sale.paid, sale.paid_at) == ("partially_paid", 99, None)
    assert shop.get(Payment, payment_id).state == "settled"
    assert not [e for e in shop.events if isinstance(e, SalePaid)]
    assert SaleChanged(sale_id, "partially_paid", 99, 100) in shop.events


def test_exact_amount_is_paid_without_change(shop, sends):
    sale_id = shop.sale(100)
    result, _ = shop.pay(sale_id, 100)
    assert (result.state, result.paid, result.remaining, result.change_token) == (
        "paid",
        100,
        0,
        None,
    )
    assert result.message == "Paid."
    assert sends == []
    sale = shop.get(Sale, sale_id)
    assert (sale.state, sale.paid_at, sale.change_amount) == ("paid", NOW, 0)
    assert SalePaid(sale_id, 100, "sat", None) in shop.events


def test_one_over_gives_change_of_one(shop, sends):
    sale_id = shop.sale(100)
    result, _ = shop.pay(sale_id, 101)
    assert (result.state, result.paid) == ("paid", 101)
    assert sends == [(MINT, "sat", 1, "change")]
    assert result.change_token == "cashuB-change-1"
    sale = shop.get(Sale, sale_id)
    assert (sale.change_token, sale.change_amount) == ("cashuB-change-1", 1)
    assert shop.audits("sale.change") == [{"amount": 1}]
    assert SalePaid(sale_id, 101, "sat", "cashuB-change-1") in shop.events


def test_credit_reports_the_overpayment(shop):
    for paid, over in ((99, 0), (100, 0), (101, 1)):
        sale_id = shop.sale(100)
        payment_id = shop.payment(sale_id, paid)
        _sale, payment, got = shop.db.transact(
            lambda s, sid=sale_id, pid=payment_id, amt=paid: shop.settlement.credit(
                s, sid, pid, credited=amt
            )
        )
        assert got == over
        assert payment.offline is False


def test_overpayment_is_kept_when_the_shop_keeps_change(shop, sends):
    shop.set_change_policy("keep")
    sale_id = shop.sale(100)
    result, _ = shop.pay(sale_id, 101)
    assert (result.state, result.change_token) == ("paid", None)
    assert sends == []
    assert shop.get(Sale, sale_id).change_amount == 0


def test_change_that_cannot_be_made_is_notified(shop, caplog):
    # No coins at all: the real first_trusted_mint refuses, the sale stays paid.
    sale_id = shop.sale(100)
    with caplog.at_level("WARNING", logger="pos_app.core.payments.settlement"):
        result, _ = shop.pay(sale_id, 101)
    assert (result.state, result.change_token) == ("paid", None)
    notes = [e for e in shop.events if isinstance(e, Notification)]
    assert [(n.level, n.title, n.kind) for n in notes] == [
        ("warning", "Change not given", "change")
    ]
    assert notes[0].body == (
        "The change of 1 sat for sale sale-001 could not be made: "
        "No trusted mint holds 1 sat of the shop's ecash."
    )
    assert [r.getMessage() for r in caplog.records if r.name == settlement_module.__name__] == [
        "change of 1 for sale sale-001-0000-uuid not made: wallet.insufficient_funds"
    ]
    assert shop.get(Sale, sale_id).change_token is None


@pytest.mark.parametrize(
    ("second", "state", "change"), [(49, "partially_paid", 0), (50, "paid", 0), (51, "paid", 1)]
)
def test_two_tokens_add_up(shop, sends, second, state, change):
    sale_id = shop.sale(100)
    first, _ = shop.pay(sale_id, 50)
    assert (first.state, first.remaining) == ("partially_paid", 50)
    result, _ = shop.pay(sale_id, second)
    assert (result.state, result.paid, result.remaining) == (
        state,
        50 + second,
        max(0, 50 - second),
    )
    assert [s[2] for s in sends] == ([change] if change else [])


def test_payment_after_the_sale_is_paid_gives_no_more_change(shop, sends):
    sale_id = shop.sale(100)
    shop.pay(sale_id, 101)
    result, _ = shop.pay(sale_id, 5)
    assert (result.state, result.paid) == ("paid", 106)
    assert [s[2] for s in sends] == [1]
    assert shop.get(Sale, sale_id).paid_at == NOW


def test_only_settled_payments_count(shop):
    sale_id = shop.sale(100)
    # A payment that failed after an offline credit keeps its credited amount: not counted.
    shop.payment(sale_id, 500, state="failed", credited=500)
    shop.payment(sale_id, 500, state="recovering", credited=500)
    result, _ = shop.pay(sale_id, 60)
    assert (result.state, result.paid) == ("partially_paid", 60)


@pytest.mark.parametrize(
    ("paid", "state", "change"), [(101, "partially_paid", 0), (102, "paid", 0), (103, "paid", 1)]
)
def test_fee_advance_is_part_of_what_is_due(shop, sends, paid, state, change):
    # 100 sat of goods plus 2 sat advanced for Lightning fees: the customer owes 102.
    sale_id = shop.sale(102, fee_advance=2)
    result, _ = shop.pay(sale_id, paid)
    assert (result.state, result.remaining) == (state, max(0, 102 - paid))
    assert [s[2] for s in sends] == ([change] if change else [])


def test_replayed_settlement_credits_once(shop, sends):
    sale_id = shop.sale(100)
    _result, payment_id = shop.pay(sale_id, 101)
    again = shop.run(shop.settlement.settle(sale_id, payment_id, credited=101))
    assert (again.paid, again.change_token) == (101, None)
    assert len(sends) == 1
    assert len(shop.audits("payment.settled")) == 1


@pytest.mark.parametrize("state", ["expired", "cancelled"])
def test_a_closed_sale_keeps_its_state_when_short(shop, state):
    sale_id = shop.sale(100, state=state)
    result, _ = shop.pay(sale_id, 99)
    assert (result.state, result.paid) == (state, 99)


def test_offline_settlement_is_recorded_and_said(shop):
    sale_id = shop.sale(100)
    result, payment_id = shop.pay(sale_id, 40, offline=True)
    assert (
        result.message == "60 sat still to pay. (accepted offline; redeemed when the mint is back)"
    )
    payment = shop.get(Payment, payment_id)
    assert (payment.offline, payment.credited, payment.error_code) == (True, 40, None)
    assert shop.audits("payment.settled") == [
        {"credited": 40, "sale": sale_id, "sale_state": "partially_paid", "offline": True}
    ]
    online, _ = shop.pay(sale_id, 10)
    assert "offline" not in online.message


def test_credit_is_what_counts_not_the_face_value(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100)  # face 100, 2 went to fees
    result = shop.run(shop.settlement.settle(sale_id, payment_id, credited=98))
    assert (result.state, result.paid, result.remaining) == ("partially_paid", 98, 2)


def test_needs_review_then_accepted_credits_the_face_value(shop, sends):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100)
    reviewed = shop.run(
        shop.settlement.needs_review(sale_id, payment_id, "melt.unproven", "check", level="warning")
    )
    assert (reviewed.state, reviewed.payment["state"]) == ("open", "needs_review")
    assert (reviewed.sale_id, reviewed.paid, reviewed.due) == (sale_id, 0, 100)
    assert shop.get(Payment, payment_id).error_code == "melt.unproven"
    assert reviewed.message == "check"
    assert shop.get(Payment, payment_id).error_message == "check"
    assert shop.audits("payment.needs_review") == [{"code": "melt.unproven"}]
    note = next(e for e in shop.events if isinstance(e, Notification))
    assert (note.title, note.body) == ("Payment needs review", "check")
    assert (note.level, note.kind, note.data) == (
        "warning",
        "needs_review",
        {"sale_id": sale_id, "payment_id": payment_id, "code": "melt.unproven"},
    )
    with pytest.raises(ValidationError) as err:
        shop.run(shop.settlement.review(payment_id, accept=True, reason="  "))
    assert err.value.code == "recovery.reason_required"
    result = shop.run(shop.settlement.review(payment_id, accept=True, reason="seen in my wallet"))
    assert (result.state, result.paid) == ("paid", 100)
    assert shop.audits("payment.accepted") == [{"reason": "seen in my wallet", "amount": 100}]
    with pytest.raises(ValidationError) as err:
        shop.run(shop.settlement.review(payment_id, accept=True, reason="again"))
    assert err.value.code == "payment.not_in_review"
    with pytest.raises(ValidationError) as err:
        shop.run(shop.settlement.review("nope", accept=True, reason="x"))
    assert err.value.code == "payment.unknown"


def test_review_rejected_credits_nothing(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100, state="needs_review")
    result = shop.run(shop.settlement.review(payment_id, accept=False, reason="never arrived"))
    assert (result.state, result.paid, result.message) == ("open", 0, "never arrived")
    payment = shop.get(Payment, payment_id)
    assert (payment.state, payment.error_message, payment.credited) == (
        "dismissed",
        "never arrived",
        0,
    )
    assert SaleChanged(sale_id, "open", 0, 100) in shop.events
    rows = shop.db.transact(lambda s: list(s.scalars(select(AuditEntry))))
    assert [(r.action, r.actor, r.subject) for r in rows] == [
        ("payment.rejected_by_owner", "owner", payment_id)
    ]
    assert shop.audits("payment.rejected_by_owner") == [{"reason": "never arrived", "amount": 100}]


def test_recovering_keeps_the_sale_open(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100)
    sale = shop.get(Sale, sale_id)
    offline = NetworkError("mint.unreachable", "The mint cannot be reached.")
    result = shop.run(shop.settlement.recovering(sale, payment_id, offline))
    assert (result.sale_id, result.state, result.paid, result.due, result.change_token) == (
        sale_id,
        "open",
        0,
        100,
        None,
    )
    assert result.message == (
        "The mint is offline, so the token is not confirmed yet. It is kept and redeemed "
        "automatically; the sale is paid once it is. Until then the goods are at the "
        "shop's risk: the customer could still spend the token elsewhere."
    )
    assert result.payment["state"] == "recovering"
    payment = shop.get(Payment, payment_id)
    assert (payment.state, payment.error_code, payment.error_message, payment.updated_at) == (
        "recovering",
        "mint.unreachable",
        "The mint cannot be reached.",
        NOW,
    )
    lie = PosError("mint.bad_signature", "The mint's answer did not hold.")
    doubtful = shop.run(shop.settlement.recovering(sale, payment_id, lie))
    # The cashier must hear that the goods are at risk until the mint's answer holds.
    assert doubtful.message == (
        "The mint's answer failed its checks. The token is kept and checked again "
        "automatically; the sale is paid only once the mint's answer holds. Until then "
        "the goods are at the shop's risk."
    )
    assert shop.get(Payment, payment_id).error_code == "mint.bad_signature"
    pending = shop.run(shop.settlement.recovering(sale, payment_id, None))
    assert pending.message == (
        "The Lightning payment is in progress; the sale is paid once it completes."
    )
    payment = shop.get(Payment, payment_id)
    assert (payment.error_code, payment.error_message) == (
        "melt.pending",
        "The Lightning payment is still in progress.",
    )
    assert shop.audits("payment.recovering") == [
        {"code": "mint.unreachable"},
        {"code": "mint.bad_signature"},
        {"code": "melt.pending"},
    ]


def test_every_step_is_audited_under_the_payment_with_the_sale_correlation(shop, sends):
    sale_id = shop.sale(100)
    token_id = add_token(shop)
    rejected = shop.payment(sale_id, 10)
    sale = shop.get(Sale, sale_id)
    shop.run(shop.settlement.reject(sale, rejected, token_id, ValidationError("x.y", "No.", "d")))
    recovering = shop.payment(sale_id, 10)
    shop.run(shop.settlement.recovering(sale, recovering, None))
    review = shop.payment(sale_id, 10)
    shop.run(shop.settlement.needs_review(sale_id, review, "c", "m", level="info"))
    shop.run(shop.settlement.review(review, accept=True, reason="ok"))
    _, paid = shop.pay(sale_id, 91)
    rows = shop.db.transact(lambda s: list(s.scalars(select(AuditEntry).order_by(AuditEntry.id))))
    assert [(r.action, r.subject, r.correlation_id, r.actor) for r in rows] == [
        ("payment.rejected", rejected, "corr-1", "system"),
        ("payment.recovering", recovering, "corr-1", "system"),
        ("payment.needs_review", review, "corr-1", "system"),
        ("payment.accepted", review, "corr-1", "owner"),
        ("payment.settled", review, "corr-1", "system"),
        ("payment.settled", paid, "corr-1", "system"),
        ("sale.change", sale_id, "corr-1", "system"),
    ]


@pytest.mark.parametrize("offline", [False, True])
def test_failed_recovery(shop, offline):
    sale_id = shop.sale(100)
    _, payment_id = shop.pay(sale_id, 30, offline=offline)
    if not offline:
        shop.db.transact(lambda s: setattr(s.get(Payment, payment_id), "state", "recovering"))
    payment = shop.get(Payment, payment_id)
    shop.run(
        shop.settlement.recovery_failed(
            payment, Outcome("op", "swap", "failed", "failed", "token.spent")
        )
    )
    row = shop.get(Payment, payment_id)
    assert (row.state, row.error_code, row.updated_at) == ("failed", "token.spent", NOW)
    assert row.credited == (30 if offline else 0)
    # The owner's next step is in the message: contact the customer, or ask to pay again.
    assert row.error_message == (
        "A token accepted offline could not be redeemed; the shop did not get this "
        "money. Contact the customer, or write the amount off."
        if offline
        else "The customer's token could not be redeemed once the mint was back (it was "
        "spent elsewhere or refused), so the sale is not paid. Ask the customer to pay "
        "again; if the goods have left, the shop has lost this amount."
    )
    assert "not charged" not in row.error_message
    assert shop.audits("payment.failed") == [{"code": "token.spent", "offline": offline}]
    notes = [e for e in shop.events if isinstance(e, Notification)]
    # Either way the owner hears of it: the sale is not paid (or, offline, was counted paid).
    assert [(n.level, n.title, n.kind, n.data) for n in notes] == [
        (
            "critical",
            "Offline payment failed" if offline else "Payment failed",
            "offline_failed" if offline else "payment_failed",
            {"sale_id": sale_id, "payment_id": payment_id, "code": "token.spent", "amount": 30},
        )
    ]
    assert notes[0].body.startswith("Sale sale-001 (30 sat): ")
    assert PaymentRejected(sale_id, "token.spent", row.error_message) in shop.events
    assert shop.events[-1] == SaleChanged(sale_id, "partially_paid", 30, 100)
    rows = shop.db.transact(
        lambda s: list(s.scalars(select(AuditEntry).where(AuditEntry.action == "payment.failed")))
    )
    assert [(r.subject, r.correlation_id) for r in rows] == [(payment_id, "corr-1")]


def test_failed_recovery_without_an_error_code_is_still_a_rejection(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 30, state="recovering")
    payment = shop.get(Payment, payment_id)
    shop.run(shop.settlement.recovery_failed(payment, Outcome("op", "swap", "failed", "failed")))
    row = shop.get(Payment, payment_id)
    assert (row.state, row.error_code) == ("failed", None)
    assert PaymentRejected(sale_id, "payment.failed", row.error_message) in shop.events


def test_failed_recovery_of_an_unsettled_offline_flagged_payment_credits_nothing(shop):
    # Only a payment settled offline keeps its credit when its token fails later.
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 30, state="recovering", credited=30)
    shop.db.transact(lambda s: setattr(s.get(Payment, payment_id), "offline", True))
    payment = shop.get(Payment, payment_id)
    shop.run(
        shop.settlement.recovery_failed(
            payment, Outcome("op", "swap", "failed", "failed", "token.spent")
        )
    )
    assert shop.get(Payment, payment_id).credited == 0
    notes = [e for e in shop.events if isinstance(e, Notification)]
    assert [n.kind for n in notes] == ["payment_failed"]  # not paid: the owner hears of it


def add_token(shop: Shop) -> int:
    def write(session) -> int:
        row = ReceivedToken(token_text="cashuB...", mint_url=MINT, unit="sat", amount=100)
        session.add(row)
        session.flush()
        return row.id

    return shop.db.transact(write)


def add_operation(shop: Shop, op_id: str, token_id: int, created_at: int) -> None:
    def write(session) -> None:
        if session.get(MintRow, 1) is None:
            session.add(MintRow(id=1, url=MINT, trusted=True))
            session.flush()
        session.add(
            Operation(
                id=op_id,
                kind="receive",
                state="done",
                mint_id=1,
                unit="sat",
                received_token_id=token_id,
                created_at=created_at,
            )
        )

    shop.db.transact(write)


def test_refused_token_is_recorded_and_kept(shop):
    sale_id = shop.sale(100)
    token_id = add_token(shop)
    payment_id = shop.payment(sale_id, 100)
    sale = shop.get(Sale, sale_id)
    exc = ValidationError("mint.untrusted", "Not one of the shop's mints.", MINT)
    shop.run(shop.settlement.reject(sale, payment_id, token_id, exc))
    payment = shop.get(Payment, payment_id)
    assert (payment.state, payment.error_code, payment.error_message, payment.updated_at) == (
        "rejected",
        "mint.untrusted",
        "Not one of the shop's mints.",
        NOW,
    )
    token = shop.get(ReceivedToken, token_id)
    assert (token.state, token.error_code, token.token_text) == (
        "rejected",
        "mint.untrusted",
        "cashuB...",
    )
    errors = shop.db.transact(lambda s: list(s.scalars(select(ErrorRecord))))
    assert [(e.code, e.sale_id, e.correlation_id) for e in errors] == [
        ("mint.untrusted", sale_id, "corr-1")
    ]
    assert shop.audits("payment.rejected") == [{"code": "mint.untrusted", "sale": sale_id}]
    assert PaymentRejected(sale_id, "mint.untrusted", "Not one of the shop's mints.") in shop.events
    assert (shop.get(Sale, sale_id).state, shop.get(Sale, sale_id).paid) == ("open", 0)


def test_update_payment_sets_columns_and_time(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100)
    shop.run(shop.settlement.update_payment(payment_id, mint_fee=2, invoice="lnbc1"))
    payment = shop.get(Payment, payment_id)
    assert (payment.mint_fee, payment.invoice, payment.updated_at) == (2, "lnbc1", NOW)


def test_failed_payment_can_be_closed_but_never_credited(shop):
    # Its token was spent elsewhere: the shop never got the money.
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100, state="failed")
    with pytest.raises(ValidationError) as err:
        shop.run(shop.settlement.review(payment_id, accept=True, reason="looks fine"))
    assert (err.value.code, err.value.user_message) == (
        "payment.not_in_review",
        "This payment is failed; there is nothing to decide.",
    )
    assert (shop.get(Sale, sale_id).paid, shop.get(Payment, payment_id).state) == (0, "failed")
    assert shop.audits("payment.accepted") == []
    result = shop.run(shop.settlement.review(payment_id, accept=False, reason="spent elsewhere"))
    assert (result.state, result.paid, result.due) == ("open", 0, 100)
    payment = shop.get(Payment, payment_id)
    assert (payment.state, payment.error_message, payment.credited) == (
        "dismissed",
        "spent elsewhere",
        0,
    )
    assert shop.audits("payment.rejected_by_owner") == [
        {"reason": "spent elsewhere", "amount": 100}
    ]


def test_payment_is_linked_to_the_newest_operation_of_its_token(shop):
    sale_id = shop.sale(100)
    token_id = add_token(shop)
    add_operation(shop, "op-old", token_id, NOW - 100)
    add_operation(shop, "op-new", token_id, NOW - 50)
    payment_id = shop.payment(sale_id, 100)
    shop.db.transact(lambda s: setattr(s.get(Payment, payment_id), "received_token_id", token_id))
    shop.run(shop.settlement.link_operation(payment_id))
    assert shop.get(Payment, payment_id).operation_id == "op-new"
    # Once linked, it stays linked (a later operation is a retry of the same token).
    add_operation(shop, "op-later", token_id, NOW)
    shop.run(shop.settlement.settle(sale_id, payment_id, credited=100))
    assert shop.get(Payment, payment_id).operation_id == "op-new"


def test_settling_links_the_operation(shop):
    sale_id = shop.sale(100)
    token_id = add_token(shop)
    add_operation(shop, "op-1", token_id, NOW - 10)
    payment_id = shop.payment(sale_id, 100)
    shop.db.transact(lambda s: setattr(s.get(Payment, payment_id), "received_token_id", token_id))
    shop.run(shop.settlement.settle(sale_id, payment_id, credited=100))
    assert shop.get(Payment, payment_id).operation_id == "op-1"


def test_review_refusals_say_why(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100)
    for reason in ("", "   ", None):
        with pytest.raises(ValidationError) as err:
            shop.run(shop.settlement.review(payment_id, accept=False, reason=reason))
        assert (err.value.code, err.value.user_message, err.value.detail) == (
            "recovery.reason_required",
            "Say why (for the record).",
            payment_id,
        )
    with pytest.raises(ValidationError) as err:
        shop.run(shop.settlement.review("nope", accept=False, reason="x"))
    assert (err.value.user_message, err.value.detail) == ("There is no such payment.", "nope")
    with pytest.raises(ValidationError) as err:
        shop.run(shop.settlement.review(payment_id, accept=False, reason="x"))
    assert (err.value.code, err.value.user_message, err.value.detail) == (
        "payment.not_in_review",
        "This payment is processing; there is nothing to decide.",
        payment_id,
    )
    assert shop.audits("payment.rejected_by_owner") == []


def test_long_review_reasons_are_cut(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100, state="needs_review")
    reason = "x" * 1001
    result = shop.run(shop.settlement.review(payment_id, accept=False, reason=f"  {reason}  "))
    assert (result.sale_id, result.due, result.message) == (sale_id, 100, reason)
    assert result.payment["state"] == "dismissed"
    assert shop.get(Payment, payment_id).error_message == "x" * 1000
    assert shop.audits("payment.rejected_by_owner") == [{"reason": "x" * 200, "amount": 100}]


def test_settling_a_recovered_payment_clears_its_error(shop):
    sale_id = shop.sale(100)
    payment_id = shop.payment(sale_id, 100)
    sale = shop.get(Sale, sale_id)
    shop.run(shop.settlement.recovering(sale, payment_id, PosError("mint.down", "Down.")))
    shop.run(shop.settlement.settle(sale_id, payment_id, credited=100))
    payment = shop.get(Payment, payment_id)
    assert (payment.state, payment.error_code, payment.error_message) == ("settled", None, None)
