"""Taking a token for a sale: policy, fee caps, swap or melt, offline acceptance, recovery.

Order of every payment (docs/architecture.md section 3):
1. the scanned token is stored, before anything else;
2. the sale's state is checked (expired, cancelled, already paid: refused, no mint call);
3. the token is parsed and the policy decides swap, melt or refusal from the mint's
   trust flag alone, so an untrusted mint is only ever contacted when the mode melts;
4. fees are checked against the caps before anything is spent;
5. the wallet journals and executes; the sale is settled in one transaction.
A payment whose mint fails mid-way, or answers what fails its checks, stays
``recovering``; the recovery service finishes its operation and calls
:meth:`Checkout.on_recovered`, which settles the sale once. Which melt outcome
gives which payment state is the table in :mod:`pos_app.core.payments.convert`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.cashu.models import Token
from pos_app.core.config import Config
from pos_app.core.errors import (
    NetworkError,
    PosError,
    ProtocolError,
    SecurityError,
    ValidationError,
)
from pos_app.core.logs import correlated
from pos_app.core.payments import convert, crossmint, stalled
from pos_app.core.payments.lnurl import Invoice, LightningAddress
from pos_app.core.payments.policy import CONVERT, MELT, SWAP, Policy
from pos_app.core.payments.policy import SETTINGS as POLICY_SETTINGS
from pos_app.core.payments.records import PayResult, sale_refusal
from pos_app.core.payments.settlement import Settlement
from pos_app.core.store.pg_errors import store_lost
from pos_app.core.store.schema import Operation, Payment, Sale
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.offer import OfferedToken
from pos_app.core.wallet.receive import (
    Journalled,
    KnownMint,
    ReceivePlan,
    journal_receive,
    known_mint,
    plan_receive,
    plan_stored,
    queue_receive,
    record_refusal,
    send_journalled,
)
from pos_app.core.wallet.recovery import RESOLVED_STATES, Outcome

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One token offered for one sale, with the policy in force."""

    sale: Sale
    payment_id: str
    offer: OfferedToken  # stored, and parsed
    policy: Policy
    method: str  # swap | melt
    mint: KnownMint  # the token's mint as stored, keysets included

    @property
    def text(self) -> str:
        """The token as offered."""
        return self.offer.text

    @property
    def token(self) -> Token:
        """The offered token, parsed."""
        return self.offer.parsed()

    @property
    def token_id(self) -> int:
        """Its stored row."""
        assert self.offer.token_id is not None  # stored before any attempt exists
        return self.offer.token_id

    @property
    def trusted(self) -> bool:
        """The token's mint is one the shop trusts."""
        return self.mint.trusted

    @property
    def details(self) -> dict[str, Any]:
        """What the journal keeps so recovery can find the payment again."""
        return {"sale_id": self.sale.id, "payment_id": self.payment_id, "trusted": self.trusted}


class Checkout:
    """Settles the tokens offered for sales.

    Args:
        ctx: wallet dependencies.
        config: settings.
        settlement: records payment states and credits sales.
        sales: looks up a sale (by id or unique prefix) and expires it when due.
        http: the client for Lightning addresses.
        recovery: runs a conversion's mint step once its melt is resolved.
    """

    def __init__(
        self,
        ctx: WalletContext,
        config: Config,
        settlement: Settlement,
        sales: Any,
        http: Callable[[], httpx.AsyncClient],
        *,
        recovery: Any = None,
    ) -> None:
        self.ctx = ctx
        self.recovery = recovery
        self.config = config
        self.settlement = settlement
        self.sales = sales
        self.clock = settlement.clock
        self._http = http
        # A sale's lock lives while a payment holds or awaits it, and no longer: the
        # table does not grow with every sale of a long-running till.
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    def _lock(self, sale_id: str) -> asyncio.Lock:
        lock = self._locks.get(sale_id)
        if lock is None:
            lock = self._locks[sale_id] = asyncio.Lock()
        return lock

    async def pay(
        self, sale_id: str, text: str, *, source: str = "cli", mints: tuple[str, ...] = ()
    ) -> PayResult:
        """Offer a token for a sale; returns the sale's new state.

        ``mints``: the only mints this payment may come from (a payment request's ``m``,
        for a payload delivered to it); empty: any the policy takes.

        Raises:
            PosError: refusals (``sale.expired``, ``mint.untrusted``, ``fee.too_high``,
                ``token.already_spent``...). The token is stored whatever happens.
                ``mint.unreachable`` is *not* raised for a token that was kept for
                recovery, nor a mint answer that failed its checks (``mint.bad_response``,
                ``mint.dleq_invalid``...): the result's payment state is ``recovering``.
        """
        offer = OfferedToken.read(text, source)
        try:
            full_id, correlation = await self._identify(sale_id)
            lock = self._lock(full_id)
            if lock.locked():
                await offer.keep(self.ctx)  # kept before it waits for the other payment
            with correlated(correlation):
                async with lock:
                    return await self._pay(full_id, offer, mints)
        except Exception:
            await offer.keep(self.ctx)  # kept whatever happens (a no-op once stored)
            raise

    async def _identify(self, sale_id: str) -> tuple[str, str]:
        """The sale's full id and correlation id (cached: both never change)."""
        if sale_id not in self.sales.identities:
            sale = await self.ctx.db.run(lambda s: self.sales.get(s, sale_id))
            self.sales.identities[sale.id] = sale.correlation_id
            sale_id = sale.id
        return sale_id, self.sales.identities[sale_id]

    async def _pay(self, sale_id: str, offer: OfferedToken, mints: tuple[str, ...]) -> PayResult:
        payment_id = str(uuid.uuid4())

        def open_payment(
            session: Session,
        ) -> tuple[Sale, int, Attempt | PosError, Journalled | PosError | None]:
            # The token stored (if not yet), its payment recorded and the checks that need
            # only the store run in one transaction; nothing has touched the token before,
            # and a payment that passes them is recorded as processing at once. A swap whose
            # keys are stored is also checked and journalled here (docs/architecture.md
            # section 2, step 1): one disk flush before the mint call instead of two.
            token_id = offer.store(session)
            sale = self.sales.get(session, sale_id)
            self.sales.expire_if_due(session, sale)
            policy = Policy.from_settings(self.config.values(session, POLICY_SETTINGS))
            payment = Payment(
                id=payment_id, sale_id=sale.id, state="received", received_token_id=token_id
            )
            try:
                parsed, known, method = self._admit(session, sale, policy, offer, mints)
            except PosError as exc:
                session.add(payment)
                return sale, token_id, exc, None  # recorded as received, then rejected
            payment.state = "processing"
            payment.method = method
            payment.mint_url = parsed.mint
            payment.unit = parsed.unit
            payment.amount = parsed.amount
            payment.updated_at = int(self.clock())
            attempt = Attempt(sale, payment_id, offer, policy, method, known)
            early = (
                self._swap_early(session, attempt, token_id, payment) if method == SWAP else None
            )
            session.add(payment)  # one INSERT with its final values
            return sale, token_id, attempt, early

        sale, token_id, admitted, early = await self.ctx.db.run(open_payment)
        offer.stored(token_id)
        try:
            if isinstance(admitted, PosError):
                raise admitted
            attempt = admitted
            token = attempt.token
            log.info(
                "payment %s for sale %s: %d %s from %s by %s",
                payment_id,
                sale.id,
                token.amount,
                token.unit,
                token.mint,
                attempt.method,
            )
            if attempt.method == SWAP:
                return await self._pay_swap(attempt, early)
            if attempt.method == CONVERT:
                return await self._pay_convert(attempt)
            return await self._pay_melt(attempt)
        except PosError as exc:
            if store_lost(exc):  # not the token's fault; the journal has what was done
                raise
            log.info("payment %s for sale %s refused: %s", payment_id, sale.id, exc.code)
            await self.settlement.reject(sale, payment_id, token_id, exc)
            raise

    @staticmethod
    def _admit(
        session: Session, sale: Sale, policy: Policy, offer: OfferedToken, mints: tuple[str, ...]
    ) -> tuple[Token, KnownMint, str]:
        """Refusals decided from the sale, the token and the mint's trust flag alone.

        Returns:
            ``(token, mint, method)``; the mint as stored, keysets included, so that
            planning has nothing more to read.
        """
        refusal = sale_refusal(sale)
        if refusal is not None:
            raise refusal
        parsed = offer.parsed()
        if parsed.unit != sale.unit:
            raise ValidationError(
                "unit.mismatch",
                f"This token is in {parsed.unit}, but the sale is priced in {sale.unit}.",
                f"token unit {parsed.unit}",
            )
        if mints and parsed.mint.rstrip("/") not in {m.rstrip("/") for m in mints}:
            raise ValidationError(
                "mint.not_requested",
                "This payment request asks for ecash of other mints: pay with one of them.",
                f"token mint {parsed.mint[:200]}",
            )
        known = known_mint(session, parsed.mint)
        return parsed, known, policy.method_for(parsed.mint, known.trusted)

    def _swap_early(
        self, session: Session, a: Attempt, token_id: int, payment: Payment
    ) -> Journalled | PosError | None:
        """Check and journal a swap in the payment's transaction; None: plan it as usual.

        Runs on the database thread: the checks are CPU only (the DLEQ of every input
        included), with the stored keys; a token whose keys must be fetched is planned
        after this transaction (:meth:`_pay_swap`). ``payment`` is not added yet: it is
        inserted with its fee and journal entry.
        """
        try:
            plan = plan_stored(self.ctx, token_id, a.token, a.mint)
        except PosError as exc:
            return record_refusal(session, token_id, exc)
        if plan is None:
            return None
        return self._journal_swap(session, a, token_id, plan, payment)

    def _journal_swap(
        self, session: Session, a: Attempt, token_id: int, plan: ReceivePlan, payment: Payment
    ) -> Journalled | PosError:
        """Step 1 of the journal (docs/architecture.md section 2) for a payment's swap.

        The fee cap checked, the journal entry written and the payment given its fee and
        operation, in the caller's transaction, which must commit before the swap is sent.

        Returns:
            The journal entry; or the refusal to reject the payment with (a token whose
            inputs are taken is recorded as refused, as :func:`refuse` does), the
            transaction committing all the same.
        """
        try:
            convert.check_mint_fee(plan, a.policy)
        except PosError as exc:
            return exc  # the shop's own rule: the token is not at fault
        op_id = journal.new_id()
        try:
            # In a savepoint: inputs taken by another operation undo the journal entry
            # alone, and the token and its payment are committed all the same.
            with session.begin_nested():
                journalled = journal_receive(
                    session,
                    self.ctx,
                    plan,
                    op_id,
                    correlation_id=a.sale.correlation_id,
                    details=a.details,
                )
        except PosError as exc:
            return record_refusal(session, token_id, exc)
        payment.mint_fee = plan.fee
        payment.operation_id = op_id
        return journalled

    async def _pay_swap(self, a: Attempt, early: Journalled | PosError | None) -> PayResult:
        if early is None:  # the keys were not stored: planned (and journalled) now
            try:
                plan = await plan_receive(
                    self.ctx, a.text, token_id=a.token_id, token=a.token, mint=a.mint
                )
            except NetworkError as exc:
                if store_lost(exc):
                    raise
                return await self._mint_down(a, exc)
            early = await self.ctx.db.run(
                lambda s: self._journal_swap(
                    s, a, a.token_id, plan, self.settlement.set_payment(s, a.payment_id)
                )
            )
        if isinstance(early, PosError):
            raise early  # the payment is rejected; a token at fault is recorded as refused
        plan = early.plan

        def complete(session: Session) -> Any:
            return self.settlement.credit(session, a.sale.id, a.payment_id, credited=plan.amount)

        try:
            # The fee is recorded with the journal entry and the sale settled with the
            # new proofs (docs/architecture.md section 2): no transactions of their own.
            received = await send_journalled(self.ctx, early, with_completion=complete)
        except NetworkError as exc:  # journalled: recovery finishes it
            if store_lost(exc):  # the mint answered; the store lost the completion
                raise
            if await self._offline_ok(a, plan):
                return await self._accept_offline(a, plan)
            return await self.settlement.recovering(a.sale, a.payment_id, exc)
        except (ProtocolError, SecurityError) as exc:
            if not exc.code.startswith("mint."):
                raise
            # The mint's answer failed its checks: nothing credited; the token may be
            # spent at the mint, so it is not refused but left to recovery.
            return await self.settlement.recovering(a.sale, a.payment_id, exc)
        if received.completion is not None:
            return await self.settlement.settled(*received.completion)
        return await self.settlement.settle(a.sale.id, a.payment_id, credited=plan.amount)

    async def _plan_foreign(self, a: Attempt) -> ReceivePlan:
        """Check a token that will be melted at its own mint (the only contact with it)."""
        try:
            return await plan_receive(
                self.ctx,
                a.text,
                token_id=a.token_id,
                require_trusted=False,
                token=a.token,
                mint=a.mint,
            )
        except NetworkError as exc:
            if store_lost(exc):
                raise
            raise NetworkError(
                "mint.unreachable",
                "The customer's mint cannot be reached right now, so the token cannot be "
                "converted. Ask for a token from one of the shop's mints, or try again.",
                exc.detail,
            ) from exc

    async def _pay_convert(self, a: Attempt) -> PayResult:
        """A token of a mint the shop does not trust, made ecash at the shop's first mint."""
        plan = await self._plan_foreign(a)
        target = await self.ctx.db.run(lambda s: crossmint.target_mint(s, plan.unit))
        invoice, quote = await crossmint.fit(self.ctx, plan, a.policy, target)
        mint_op_id = journal.new_id()
        # The payment follows the mint operation: its completion is what credits the sale.
        await self.settlement.update_payment(
            a.payment_id,
            mint_fee=plan.fee,
            invoice=invoice.bolt11,
            mint_url=plan.mint_url,
            operation_id=mint_op_id,
        )
        try:
            crossing = await crossmint.cross(
                self.ctx,
                plan,
                target,
                invoice,
                quote,
                mint_op_id=mint_op_id,
                correlation_id=a.sale.correlation_id,
                details=a.details,
            )
        except (NetworkError, ProtocolError) as exc:  # no answer to trust: recovery asks
            if store_lost(exc):
                raise
            return await self.settlement.recovering(a.sale, a.payment_id, exc)
        if crossing.melt.state != "paid":
            return await self.settlement.recovering(a.sale, a.payment_id, None)
        await self.settlement.update_payment(
            a.payment_id, lightning_fee=crossing.lightning_fee, proof_status=convert.PROVEN
        )
        if crossing.minted is None or crossing.minted.state != "done":
            return await self.settlement.recovering(
                a.sale,
                a.payment_id,
                NetworkError(
                    "convert.not_minted",
                    "The token was paid over to the shop's mint, which has not confirmed it "
                    "yet; the sale is completed as soon as it does.",
                    crossing.minted.reason if crossing.minted else "",
                ),
            )
        return await self.settlement.settle(a.sale.id, a.payment_id, credited=plan.amount)

    async def _pay_melt(self, a: Attempt) -> PayResult:
        plan = await self._plan_foreign(a)
        address = LightningAddress(self._http(), a.policy.lightning_address)
        invoice, quote = await convert.quote_for_token(self.ctx, plan, a.policy, address)
        await self.settlement.update_payment(
            a.payment_id, mint_fee=plan.fee, invoice=invoice.bolt11, mint_url=plan.mint_url
        )
        try:
            conversion = await convert.convert(
                self.ctx,
                plan,
                invoice,
                quote,
                correlation_id=a.sale.correlation_id,
                details=a.details,
            )
        except (NetworkError, ProtocolError) as exc:  # no answer to trust: recovery asks
            if store_lost(exc):
                raise
            return await self.settlement.recovering(a.sale, a.payment_id, exc)
        if conversion.result.state != "paid":  # see the table in convert.py
            return await self.settlement.recovering(a.sale, a.payment_id, None)
        return await self._finish_melt(
            a.sale.id,
            a.payment_id,
            op_id=conversion.result.operation_id,
            address=address,
            invoice=invoice,
            trusted=a.trusted,
        )

    async def _finish_melt(
        self,
        sale_id: str,
        payment_id: str,
        *,
        op_id: str,
        address: LightningAddress | None,
        invoice: Invoice,
        trusted: bool,
    ) -> PayResult:
        """Prove a paid melt, then settle the sale or ask the owner to review it."""

        def read(session: Session) -> tuple[bool, str | None, int, int]:
            op = session.get(Operation, op_id)
            result = json.loads(op.result_json or "{}")
            paid = op.state in ("done", "recovered") and result.get("state") == "PAID"
            paid_out = op.input_amount - op.fee - int(result.get("change", 0))
            return paid, result.get("preimage"), paid_out, op.input_amount

        paid, preimage, paid_out, face = await self.ctx.db.run(read)
        if not paid:  # only a melt the mint reported PAID may settle a sale
            log.error("melt %s of payment %s is not paid; sale not settled", op_id, payment_id)
            sale = await self.ctx.db.run(lambda s: s.get(Sale, sale_id))
            return await self.settlement.recovering(sale, payment_id, None)
        proof = await convert.prove(address, invoice, preimage)
        ln_fee = max(0, paid_out - invoice.amount_sat)
        await self.settlement.update_payment(payment_id, proof_status=proof, lightning_fee=ln_fee)
        if proof == convert.MISMATCH:
            return await self.settlement.needs_review(
                sale_id,
                payment_id,
                "security.preimage_mismatch",
                "The Lightning payment could not be proven: the mint's receipt does not match. "
                "The owner must review it.",
                level="critical",
            )
        if proof == convert.UNPROVEN and not trusted:
            return await self.settlement.needs_review(
                sale_id,
                payment_id,
                "lightning.unproven",
                "The token was converted, but the Lightning payment could not be proven. "
                "The owner must review it.",
                level="warning",
            )
        return await self.settlement.settle(sale_id, payment_id, credited=face)

    async def _mint_down(self, a: Attempt, exc: NetworkError) -> PayResult:
        """The mint was unreachable while checking the token: keep it for recovery.

        It is accepted at once (offline) when the settings allow and the token passes
        the offline checks with the keys already stored.
        """
        plan = None
        if a.policy.offline_enabled:
            try:
                plan = await plan_receive(
                    self.ctx, a.text, token_id=a.token_id, offline=True, token=a.token, mint=a.mint
                )
            except PosError as why:
                log.info("offline acceptance refused: %s", why.code)
        if plan is not None:  # the same fee cap as when the mint answers
            convert.check_mint_fee(plan, a.policy)
        if plan is not None and await self._offline_ok(a, plan):
            op_id = await queue_receive(
                self.ctx, a.token_id, exc, input_proofs=plan.inputs, **a.details
            )
            await self.settlement.update_payment(a.payment_id, operation_id=op_id)
            return await self._accept_offline(a, plan)
        op_id = await queue_receive(self.ctx, a.token_id, exc, **a.details)
        await self.settlement.update_payment(a.payment_id, operation_id=op_id)
        return await self.settlement.recovering(a.sale, a.payment_id, exc)

    async def _offline_ok(self, a: Attempt, plan: ReceivePlan) -> bool:
        """Whether this token may be taken while its mint is down.

        Only when locked to the shop, with a DLEQ on every proof (verified by the plan
        against stored keys), and within the per-sale and daily caps.
        """
        if not a.policy.offline_enabled or not plan.locked:
            return False
        if any(p.dleq is None for p in plan.inputs):
            return False
        try:
            await self.ctx.db.run(
                lambda s: self._check_offline_caps(s, a.sale.id, plan.amount, a.policy)
            )
        except PosError as why:
            log.info("offline acceptance refused: %s", why.code)
            return False
        return True

    async def _accept_offline(self, a: Attempt, plan: ReceivePlan) -> PayResult:
        await self.settlement.update_payment(a.payment_id, offline=True, mint_fee=plan.fee)
        return await self.settlement.settle(
            a.sale.id, a.payment_id, credited=plan.amount, offline=True
        )

    def _check_offline_caps(
        self, session: Session, sale_id: str, amount: int, policy: Policy
    ) -> None:
        this_sale = session.scalar(
            select(func.coalesce(func.sum(Payment.credited), 0)).where(
                Payment.sale_id == sale_id, Payment.offline.is_(True)
            )
        )
        day_start = int(self.clock()) - int(self.clock()) % 86400
        today = session.scalar(
            select(func.coalesce(func.sum(Payment.credited), 0)).where(
                Payment.offline.is_(True),
                Payment.created_at >= day_start,
                Payment.state != "failed",
            )
        )
        if this_sale + amount > policy.offline_max_per_sale:
            raise ValidationError(
                "offline.cap_exceeded",
                "The mint is offline and this payment is above the offline limit of "
                f"{policy.offline_max_per_sale} sat per sale.",
                f"{this_sale} + {amount} > {policy.offline_max_per_sale}",
            )
        if today + amount > policy.offline_max_per_day:
            raise ValidationError(
                "offline.cap_exceeded",
                "The mint is offline and today's offline limit of "
                f"{policy.offline_max_per_day} sat is reached.",
                f"{today} + {amount} > {policy.offline_max_per_day}",
            )

    async def _record_conversion_fee(self, mint_op_id: str, payment_id: str | None) -> None:
        """Set a conversion's Lightning fee and proof on its payment, once both steps ended."""

        def write(session: Session) -> None:
            op = session.get(Operation, mint_op_id)
            if op is None or op.state not in ("done", "recovered"):
                return
            target = payment_id or json.loads(op.details_json).get("payment_id")
            if target:
                self.settlement.set_payment(
                    session,
                    target,
                    lightning_fee=crossmint.lightning_fee(session, mint_op_id),
                    proof_status=convert.PROVEN,
                )

        await self.ctx.db.run(write)

    def attach(self, supervisor: Any) -> None:
        """Register the timer that finishes payments left behind an ended operation."""
        supervisor.add("stalled_payments", self.settle_stalled, stalled.CHECK_SECONDS)

    async def settle_stalled(self) -> int:
        """Finish the payments a stopped flow left ``processing`` (:mod:`.stalled`); how many."""
        return await stalled.settle_stalled(self.ctx.db, self.clock, self.on_recovered)

    async def on_recovered(self, outcome: Outcome) -> None:
        """Settle (or fail) the payment behind an operation the recovery service resolved."""
        if outcome.state not in RESOLVED_STATES:
            return

        def read(session: Session) -> tuple[dict[str, Any], Payment | None]:
            op = session.get(Operation, outcome.operation_id)
            details = json.loads(op.details_json or "{}") if op else {}
            payment = (
                session.get(Payment, details.get("payment_id"))
                if details.get("payment_id")
                else None
            )
            return details, payment

        details, payment = await self.ctx.db.run(read)
        mint_step = details.get("convert_mint_op")
        if mint_step and outcome.kind == "melt":
            # A conversion's melt is resolved: its mint step (which settles the sale) runs
            # now, not at its next retry; it may have finished first (the shop's mint saw
            # the invoice paid before the melt's answer was read), so the fee is set here.
            if self.recovery is not None:
                await self.recovery.run(mint_step)
            await self._record_conversion_fee(mint_step, details.get("payment_id"))
            return
        if payment is None:
            return
        if outcome.state == "failed":
            await self.settlement.recovery_failed(payment, outcome)
            return
        if outcome.state in ("dismissed", "needs_review"):
            if payment.state != "settled":
                await self.settlement.update_payment(payment.id, state=outcome.state)
            return
        if payment.state == "settled":
            return  # accepted offline earlier: the money has now arrived, nothing to credit
        if payment.method == CONVERT:
            await self._record_conversion_fee(outcome.operation_id, payment.id)
        if payment.method == MELT:
            invoice = Invoice.from_dict(details["ln_invoice"])
            settings = await self.settlement.settings()
            address = (
                LightningAddress(self._http(), settings["lightning.address"])
                if settings["lightning.address"]
                else None
            )
            with correlated(None):
                await self._finish_melt(
                    payment.sale_id,
                    payment.id,
                    op_id=outcome.operation_id,
                    address=address,
                    invoice=invoice,
                    trusted=bool(details.get("trusted")),
                )
            return
        await self.settlement.settle(payment.sale_id, payment.id, credited=payment.amount)
