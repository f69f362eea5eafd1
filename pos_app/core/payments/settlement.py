"""Recording what happened to a payment and settling its sale, each in one transaction."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.errorlog import record_error
from pos_app.core.errors import NetworkError, PosError, ValidationError
from pos_app.core.events import Notification, PaymentRejected, SaleChanged, SalePaid
from pos_app.core.payments.records import PayResult, payment_dict
from pos_app.core.store.schema import Operation, Payment, Sale
from pos_app.core.wallet import coins, journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.recovery import Outcome
from pos_app.core.wallet.send import send as wallet_send

log = logging.getLogger(__name__)

_PAYMENTS = Payment.__table__
# What a sale's other settled payments credited: read before the payment being settled is
# changed, so the query has no pending change to flush first (one flush less per payment).
_OTHERS_CREDITED = select(func.coalesce(func.sum(_PAYMENTS.c.credited), 0)).where(
    _PAYMENTS.c.sale_id == bindparam("sale_id"),
    _PAYMENTS.c.state == "settled",
    _PAYMENTS.c.id != bindparam("payment_id"),
)


class Settlement:
    """Moves payments between states and credits them to their sale exactly once."""

    def __init__(
        self, ctx: WalletContext, config: Config, clock: Callable[[], float] = time.time
    ) -> None:
        self.ctx = ctx
        self.config = config
        self.clock = clock

    async def settings(self) -> dict[str, Any]:
        """Every setting's current value."""
        return await self.ctx.db.run(self.config.values)

    def set_payment(self, session: Session, payment_id: str, **values: Any) -> Payment:
        """Set columns of a payment in the caller's transaction."""
        payment = session.get(Payment, payment_id)
        for key, value in values.items():
            setattr(payment, key, value)
        payment.updated_at = int(self.clock())
        return payment

    async def update_payment(self, payment_id: str, **values: Any) -> None:
        """Set columns of a payment."""
        await self.ctx.db.run(lambda s: self.set_payment(s, payment_id, **values))

    @staticmethod
    def _link(session: Session, payment: Payment) -> None:
        if payment.operation_id is None:
            payment.operation_id = session.scalar(
                select(Operation.id)
                .where(Operation.received_token_id == payment.received_token_id)
                .order_by(Operation.created_at.desc())
            )

    async def link_operation(self, payment_id: str) -> None:
        """Remember which journal operation carries a payment (for recovery and review)."""
        await self.ctx.db.run(lambda s: self._link(s, s.get(Payment, payment_id)))

    async def reject(self, sale: Sale, payment_id: str, token_id: int, exc: PosError) -> None:
        """Record a refusal: the token was not spent and stays stored."""

        def write(session: Session) -> None:
            payment = session.get(Payment, payment_id)
            payment.state = "rejected"
            payment.error_code = exc.code
            payment.error_message = exc.user_message
            payment.updated_at = int(self.clock())
            journal.mark_received(session, token_id, "rejected", exc.code)
            record_error(session, exc, correlation_id=sale.correlation_id, sale_id=sale.id)
            journal.audit(
                session,
                "payment.rejected",
                payment_id,
                {"code": exc.code, "sale": sale.id},
                correlation_id=sale.correlation_id,
            )

        await self.ctx.db.run(write)
        self.ctx.bus.publish(PaymentRejected(sale.id, exc.code, exc.user_message))

    async def recovering(self, sale: Sale, payment_id: str, exc: PosError | None) -> PayResult:
        """The mint failed mid-way: the token is kept and recovery will finish the payment."""

        def write(session: Session) -> tuple[Sale, Payment]:
            payment = session.get(Payment, payment_id)
            self._link(session, payment)
            payment.state = "recovering"
            payment.error_code = exc.code if exc else "melt.pending"
            payment.error_message = (
                exc.user_message if exc else "The Lightning payment is still in progress."
            )
            payment.updated_at = int(self.clock())
            journal.audit(
                session,
                "payment.recovering",
                payment_id,
                {"code": payment.error_code},
                correlation_id=sale.correlation_id,
            )
            return session.get(Sale, sale.id), payment

        fresh, payment = await self.ctx.db.run(write)
        if isinstance(exc, NetworkError):
            message = (
                "The mint is offline, so the token is not confirmed yet. It is kept and redeemed "
                "automatically; the sale is paid once it is. Until then the goods are at the "
                "shop's risk: the customer could still spend the token elsewhere."
            )
        elif exc is not None:  # the mint answered, but not believably
            message = (
                "The mint's answer failed its checks. The token is kept and checked again "
                "automatically; the sale is paid only once the mint's answer holds. Until then "
                "the goods are at the shop's risk."
            )
        else:
            message = "The Lightning payment is in progress; the sale is paid once it completes."
        return PayResult(
            fresh.id, fresh.state, fresh.paid, fresh.due, None, payment_dict(payment), message
        )

    async def needs_review(
        self, sale_id: str, payment_id: str, code: str, message: str, *, level: str
    ) -> PayResult:
        """The money moved but could not be proven: the owner must look at it."""

        def write(session: Session) -> tuple[Sale, Payment]:
            payment = session.get(Payment, payment_id)
            payment.state = "needs_review"
            payment.error_code = code
            payment.error_message = message
            payment.updated_at = int(self.clock())
            sale = session.get(Sale, sale_id)
            journal.audit(
                session,
                "payment.needs_review",
                payment_id,
                {"code": code},
                correlation_id=sale.correlation_id,
            )
            return sale, payment

        sale, payment = await self.ctx.db.run(write)
        self.ctx.bus.publish(
            Notification(
                level,
                "Payment needs review",
                message,
                kind="needs_review",
                data={"sale_id": sale_id, "payment_id": payment_id, "code": code},
            )
        )
        return PayResult(
            sale.id, sale.state, sale.paid, sale.due, None, payment_dict(payment), message
        )

    async def review(self, payment_id: str, *, accept: bool, reason: str) -> PayResult:
        """The owner's decision on a payment waiting for review.

        Accepting credits the token's value to its sale (the owner checked the
        Lightning wallet, say); rejecting closes the payment without crediting it.

        Raises:
            ValidationError: ``payment.unknown``, ``payment.not_in_review``,
                ``recovery.reason_required``.
        """
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(
                "recovery.reason_required", "Say why (for the record).", payment_id
            )

        def check(session: Session) -> Payment:
            payment = session.get(Payment, payment_id)
            if payment is None:
                raise ValidationError("payment.unknown", "There is no such payment.", payment_id)
            # A failed payment (its token spent elsewhere) can only be closed, never credited.
            closable = not accept and payment.state == "failed"
            if payment.state != "needs_review" and not closable:
                raise ValidationError(
                    "payment.not_in_review",
                    f"This payment is {payment.state}; there is nothing to decide.",
                    payment_id,
                )
            sale = session.get(Sale, payment.sale_id)
            journal.audit(
                session,
                "payment.accepted" if accept else "payment.rejected_by_owner",
                payment_id,
                {"reason": reason[:200], "amount": payment.amount},
                correlation_id=sale.correlation_id,
                actor="owner",
            )
            if not accept:
                payment.state = "dismissed"
                payment.error_message = reason[:1000]
                payment.updated_at = int(self.clock())
            return payment

        payment = await self.ctx.db.run(check)
        if accept:
            return await self.settle(payment.sale_id, payment_id, credited=payment.amount)
        sale = await self.ctx.db.run(lambda s: s.get(Sale, payment.sale_id))
        self.ctx.bus.publish(SaleChanged(sale.id, sale.state, sale.paid, sale.due))
        return PayResult(
            sale.id, sale.state, sale.paid, sale.due, None, payment_dict(payment), reason
        )

    async def settle(
        self, sale_id: str, payment_id: str, *, credited: int, offline: bool = False
    ) -> PayResult:
        """Credit a payment to its sale in one transaction; then hand back change if due."""
        sale, payment, over = await self.ctx.db.run(
            lambda s: self.credit(s, sale_id, payment_id, credited=credited, offline=offline)
        )
        return await self.settled(sale, payment, over)

    def credit(
        self,
        session: Session,
        sale_id: str,
        payment_id: str,
        *,
        credited: int,
        offline: bool = False,
    ) -> tuple[Sale, Payment, int]:
        """Settle a payment and credit it to its sale, in the caller's transaction.

        Returns:
            ``(sale, payment, overpaid)``, for :meth:`settled` once committed.
        """
        payment = session.get(Payment, payment_id)
        self._link(session, payment)
        sale = session.get(Sale, sale_id)
        if payment.state == "settled":  # settled already (a replayed recovery): nothing to add
            return sale, payment, 0
        others = session.scalar(_OTHERS_CREDITED, {"sale_id": sale.id, "payment_id": payment.id})
        payment.state = "settled"
        payment.credited = credited
        payment.offline = offline or payment.offline
        payment.error_code = None
        payment.error_message = None
        payment.updated_at = int(self.clock())
        sale.paid = int(others) + (credited or 0)  # as the sum of the settled rows would
        over = 0
        if sale.paid >= sale.due:
            if sale.state != "paid":
                over = sale.paid - sale.due
            sale.state = "paid"
            sale.paid_at = sale.paid_at or int(self.clock())
        elif sale.state == "open":  # an expired or cancelled sale keeps its state
            sale.state = "partially_paid"
        sale.updated_at = int(self.clock())
        journal.audit(
            session,
            "payment.settled",
            payment_id,
            {
                "credited": credited,
                "sale": sale.id,
                "sale_state": sale.state,
                "offline": payment.offline,
            },
            correlation_id=sale.correlation_id,
        )
        return sale, payment, over

    async def settled(self, sale: Sale, payment: Payment, over: int) -> PayResult:
        """After :meth:`credit` committed: change for an overpayment, events, the answer."""
        sale_id = sale.id
        change = None
        if over > 0:
            change = await self.change(sale, over)
            sale = await self.ctx.db.run(lambda s: s.get(Sale, sale_id))
        self.ctx.bus.publish(SaleChanged(sale.id, sale.state, sale.paid, sale.due))
        if sale.state == "paid":
            self.ctx.bus.publish(SalePaid(sale.id, sale.paid, sale.unit, change))
        message = (
            "Paid."
            if sale.state == "paid"
            else f"{max(0, sale.due - sale.paid)} {sale.unit} still to pay."
        )
        if payment.offline:
            message += " (accepted offline; redeemed when the mint is back)"
        return PayResult(
            sale.id, sale.state, sale.paid, sale.due, change, payment_dict(payment), message
        )

    async def change(self, sale: Sale, over: int) -> str | None:
        """Make a change token for an overpayment when the shop hands change back."""
        settings = await self.settings()
        if settings["change.policy"] != "return":
            return None
        try:
            mint_url = await self.ctx.db.run(
                lambda s: coins.first_trusted_mint(s, sale.unit, at_least=over)
            )
            result = await wallet_send(
                self.ctx,
                mint_url,
                sale.unit,
                over,
                purpose="change",
                correlation_id=sale.correlation_id,
            )
        except PosError as exc:
            log.warning("change of %s for sale %s not made: %s", over, sale.id, exc.code)
            self.ctx.bus.publish(
                Notification(
                    "warning",
                    "Change not given",
                    f"The change of {over} {sale.unit} for sale {sale.id[:8]} could not be "
                    f"made: {exc.user_message}",
                    kind="change",
                )
            )
            return None

        def write(session: Session) -> None:
            row = session.get(Sale, sale.id)
            row.change_token = result.token
            row.change_amount = over
            journal.audit(
                session,
                "sale.change",
                sale.id,
                {"amount": over},
                correlation_id=sale.correlation_id,
            )

        await self.ctx.db.run(write)
        return result.token

    async def recovery_failed(self, payment: Payment, outcome: Outcome) -> None:
        """Recovery gave up on a payment's token (spent elsewhere, refused by the mint).

        The cashier was told the payment was unconfirmed; now the owner hears that it failed
        (a notification, the sale under "Needs attention") and a screen still showing the
        sale turns to the refusal.
        """
        was_offline = payment.state == "settled" and payment.offline
        if was_offline:
            message = (
                "A token accepted offline could not be redeemed; the shop did not get this "
                "money. Contact the customer, or write the amount off."
            )
        else:
            message = (
                "The customer's token could not be redeemed once the mint was back (it was "
                "spent elsewhere or refused), so the sale is not paid. Ask the customer to pay "
                "again; if the goods have left, the shop has lost this amount."
            )

        def write(session: Session) -> Sale:
            row = session.get(Payment, payment.id)
            row.state = "failed"
            row.error_code = outcome.error_code
            row.error_message = message
            row.credited = 0 if not was_offline else row.credited
            row.updated_at = int(self.clock())
            sale = session.get(Sale, payment.sale_id)
            journal.audit(
                session,
                "payment.failed",
                payment.id,
                {"code": outcome.error_code, "offline": was_offline},
                correlation_id=sale.correlation_id,
            )
            return sale

        sale = await self.ctx.db.run(write)
        title = "Offline payment failed" if was_offline else "Payment failed"
        self.ctx.bus.publish(
            Notification(
                "critical",
                title,
                f"Sale {sale.id[:8]} ({payment.amount} {sale.unit}): {message}",
                kind="offline_failed" if was_offline else "payment_failed",
                data={
                    "sale_id": sale.id,
                    "payment_id": payment.id,
                    "code": outcome.error_code,
                    "amount": payment.amount,
                },
            )
        )
        self.ctx.bus.publish(
            PaymentRejected(sale.id, outcome.error_code or "payment.failed", message)
        )
        self.ctx.bus.publish(SaleChanged(sale.id, sale.state, sale.paid, sale.due))
