"""Recording what happened to a payment and settling its sale, each in one transaction."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.errors import PosError, ValidationError
from pos_app.core.events import Notification, PaymentRejected, SaleChanged, SalePaid
from pos_app.core.payments.records import PayResult, payment_summary
from pos_app.core.store.schema import Mint, Operation, Payment, Sale
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.recovery import Outcome
from pos_app.core.wallet.send import send as wallet_send

log = logging.getLogger(__name__)


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

    async def update_payment(self, payment_id: str, **values: Any) -> None:
        """Set columns of a payment."""

        def write(session: Session) -> None:
            payment = session.get(Payment, payment_id)
            for key, value in values.items():
                setattr(payment, key, value)
            payment.updated_at = int(self.clock())

        await self.ctx.db.run(write)

    async def link_operation(self, payment_id: str) -> None:
        """Remember which journal operation carries a payment (for recovery and review)."""

        def write(session: Session) -> None:
            payment = session.get(Payment, payment_id)
            if payment.operation_id is None:
                op = session.scalar(
                    select(Operation)
                    .where(Operation.received_token_id == payment.received_token_id)
                    .order_by(Operation.created_at.desc())
                )
                payment.operation_id = op.id if op else None

        await self.ctx.db.run(write)

    async def reject(self, sale: Sale, payment_id: str, token_id: int, exc: PosError) -> None:
        """Record a refusal: the token was not spent and stays stored."""

        def write(session: Session) -> None:
            payment = session.get(Payment, payment_id)
            payment.state = "rejected"
            payment.error_code = exc.code
            payment.error_message = exc.user_message
            payment.updated_at = int(self.clock())
            journal.mark_received(session, token_id, "rejected", exc.code)
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
        await self.link_operation(payment_id)

        def write(session: Session) -> tuple[Sale, Payment]:
            payment = session.get(Payment, payment_id)
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
        message = (
            "The mint is offline. The token is kept and will be redeemed automatically; "
            "the sale is paid once it is."
            if exc
            else "The Lightning payment is in progress; the sale is paid once it completes."
        )
        return PayResult(
            fresh.id, fresh.state, fresh.paid, fresh.due, None, payment_summary(payment), message
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
                data={"sale_id": sale_id, "payment_id": payment_id},
            )
        )
        return PayResult(
            sale.id, sale.state, sale.paid, sale.due, None, payment_summary(payment), message
        )

    async def settle(
        self, sale_id: str, payment_id: str, *, credited: int, offline: bool = False
    ) -> PayResult:
        """Credit a payment to its sale in one transaction; then hand back change if due."""
        await self.link_operation(payment_id)

        def write(session: Session) -> tuple[Sale, Payment, int]:
            payment = session.get(Payment, payment_id)
            sale = session.get(Sale, sale_id)
            if payment.state == "settled":  # settled already (a replayed recovery): nothing to add
                return sale, payment, 0
            payment.state = "settled"
            payment.credited = credited
            payment.offline = offline or payment.offline
            payment.error_code = None
            payment.error_message = None
            payment.updated_at = int(self.clock())
            sale.paid = int(
                session.scalar(
                    select(func.coalesce(func.sum(Payment.credited), 0)).where(
                        Payment.sale_id == sale.id, Payment.state == "settled"
                    )
                )
            )
            over = 0
            if sale.paid >= sale.due:
                if sale.state != "paid":
                    over = sale.paid - sale.due
                sale.state = "paid"
                sale.paid_at = sale.paid_at or int(self.clock())
            elif sale.state in ("open", "expired", "cancelled"):
                sale.state = "partially_paid" if sale.state == "open" else sale.state
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

        sale, payment, over = await self.ctx.db.run(write)
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
            sale.id, sale.state, sale.paid, sale.due, change, payment_summary(payment), message
        )

    async def change(self, sale: Sale, over: int) -> str | None:
        """Make a change token for an overpayment when the shop hands change back."""
        settings = await self.settings()
        if settings["change.policy"] != "return":
            return None
        try:
            mint_url = await self.ctx.db.run(lambda s: change_mint(s, over))
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
        """Recovery gave up on a payment's token (spent elsewhere, refused by the mint)."""
        was_offline = payment.state == "settled" and payment.offline

        def write(session: Session) -> Sale:
            row = session.get(Payment, payment.id)
            row.state = "failed"
            row.error_code = outcome.error_code
            row.error_message = (
                "The token could not be redeemed; the customer was not charged."
                if not was_offline
                else ("A token accepted offline could not be redeemed.")
            )
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
        if was_offline:
            self.ctx.bus.publish(
                Notification(
                    "critical",
                    "Offline payment failed",
                    f"A token accepted offline for sale {sale.id[:8]} could not be redeemed "
                    f"({outcome.error_code}).",
                    kind="offline_failed",
                    data={"sale_id": sale.id},
                )
            )
        self.ctx.bus.publish(SaleChanged(sale.id, sale.state, sale.paid, sale.due))


def change_mint(session: Session, amount: int) -> str:
    """The trusted mint with the most ecash, if it holds at least ``amount``."""
    from pos_app.core.wallet import coins

    table = coins.balances(session)["balances"]
    trusted = {m.url for m in session.scalars(select(Mint).where(Mint.trusted.is_(True)))}
    candidates = [
        b for b in table if b["unit"] == "sat" and b["mint"] in trusted and b["amount"] >= amount
    ]
    if not candidates:
        raise ValidationError(
            "wallet.insufficient_funds",
            "The shop holds too little ecash to give change.",
            str(amount),
        )
    return max(candidates, key=lambda b: b["amount"])["mint"]
