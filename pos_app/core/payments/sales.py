"""Sales: an amount in the shop currency, a locked rate, a payment request, and the tokens paid.

The taking of tokens lives in :mod:`checkout`; this service creates, lists,
expires and cancels sales, and hands ``pay`` on.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu.requests import (
    Nut10Option,
    PaymentPayload,
    PaymentRequest,
    encode_creqa,
    encode_creqb,
)
from pos_app.core.config import Config, vat_rates
from pos_app.core.errors import MintError, ValidationError
from pos_app.core.events import SaleChanged
from pos_app.core.logs import new_correlation_id
from pos_app.core.payments import delivery, limits
from pos_app.core.payments.basket import (
    BasketResult,
    compute,
    from_sat,
    parse_adjustment,
)
from pos_app.core.payments.basket import text as money_text
from pos_app.core.payments.checkout import Checkout
from pos_app.core.payments.items import LineSpec, resolve
from pos_app.core.payments.listing import SalesListing, SalesQuery, conditions
from pos_app.core.payments.rates import RateService, fiat_to_sat, parse_amount
from pos_app.core.payments.records import (
    PayResult,
    basket_rows,
    payment_dict,
    sale_dict,
    session_lines,
    store_basket,
)
from pos_app.core.payments.refund_records import refund_dict, sale_refunds
from pos_app.core.payments.refunds import Refunds
from pos_app.core.payments.settlement import Settlement
from pos_app.core.store.actor import acting
from pos_app.core.store.schema import Payment, Sale
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import trusted_in_priority
from pos_app.core.wallet.recovery import Recovery

log = logging.getLogger(__name__)
WAIT_RECHECK_SECONDS = 5.0  # a waited-on sale is read again this often (expiry is no event)

__all__ = ["PayResult", "SalesService", "payment_dict", "sale_dict"]


class SaleIdentities(OrderedDict[str, str | None]):
    """Sale id -> correlation id of the most recent sales, least recently used dropped.

    A till runs for weeks: remembering every sale would grow without end, while
    only the sales being paid now save a lookup.
    """

    def __init__(self, limit: int = 512) -> None:
        super().__init__()
        self.limit = limit

    def __getitem__(self, key: str) -> str | None:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key: str, value: str | None) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


ORDER_ID_MAX = 100


def check_order_id(order_id: str | None) -> str | None:
    """An external order id as kept: trimmed, printable, at most 100 characters (or None).

    Raises:
        ValidationError: ``order.invalid_id``.
    """
    if order_id is None or not order_id.strip():
        return None
    order_id = order_id.strip()
    if len(order_id) > ORDER_ID_MAX or not order_id.isprintable():
        raise ValidationError(
            "order.invalid_id",
            f"An order id is 1 to {ORDER_ID_MAX} printable characters.",
            order_id[:120],
        )
    return order_id


def with_line_discounts(
    specs: list[LineSpec], asked: list[tuple[int, str, str]], currency: str
) -> list[LineSpec]:
    """``specs`` with the lines' own discounts: ``(line from 1, "10%" or amount, reason)``.

    Raises:
        ValidationError: ``discount.invalid`` (no such line, a line given twice, a bad
            percent or amount).
    """
    out = list(specs)
    seen: set[int] = set()
    for number, value, reason in asked:
        if not 1 <= number <= len(out) or number in seen:
            raise ValidationError(
                "discount.invalid",
                f"There is no line {number} to discount: the basket has {len(out)} line(s)."
                if number not in seen
                else f"Line {number} is given two discounts.",
                str(number),
            )
        seen.add(number)
        own = parse_adjustment(value, currency, "discount", reason.strip())
        out[number - 1] = replace(out[number - 1], discount=own)
    return out


class SalesService:
    """Creates and manages sales; :meth:`pay` takes a token for one."""

    def __init__(
        self,
        ctx: WalletContext,
        config: Config,
        recovery: Recovery,
        web: Callable[[], httpx.AsyncClient],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ctx = ctx
        self.config = config
        self.clock = clock
        self._client = web
        # Checks the mints' health first when the last check is old (set by the App).
        self.fresh_health: Callable[[], Awaitable[Any]] | None = None
        # The API's address for customers' wallets while it serves (set by the API when it
        # starts, cleared when it stops): only then do requests offer the post transport.
        self.post_base_url: str | None = None
        self._rates: tuple[tuple[Any, ...], RateService] | None = None
        # Sale id -> correlation id: both never change, so paying a recent sale needs
        # no lookup before its payment transaction; older ones are looked up again.
        self.identities = SaleIdentities()
        self.settlement = Settlement(ctx, config, clock)
        self.refunds = Refunds(ctx, clock)
        self.listing = SalesListing(ctx.db, self._expire_all_due)
        self.checkout = Checkout(
            ctx, config, self.settlement, self, self._client, recovery=recovery
        )

    # -- plumbing -----------------------------------------------------------------------------

    def rate_service(self, settings: dict[str, Any]) -> RateService:
        """The rate service for the current settings (rebuilt only when they change)."""
        key = (
            json.dumps(settings["rate.sources"]),
            settings["rate.fixed"],
            settings["rate.max_age_seconds"],
            settings["currency"],
        )
        if self._rates is None or self._rates[0] != key:
            service = RateService(
                self._client(),
                settings["rate.sources"],
                settings["rate.fixed"] if Decimal(settings["rate.fixed"]) > 0 else None,
                settings["rate.max_age_seconds"],
                clock=self.clock,
                shop_currency=settings["currency"],
            )
            self._rates = (key, service)
        return self._rates[1]

    # -- sales --------------------------------------------------------------------------------

    async def new_sale(
        self,
        amount: str | Decimal | None,
        currency: str | None = None,
        memo: str | None = None,
        *,
        offline_ok: bool = False,
        items: list[LineSpec] | None = None,
        discount: str | None = None,
        discount_reason: str = "",
        tip: str | None = None,
        manager_override: bool = False,
        line_discounts: list[tuple[int, str, str]] | None = None,
        order_id: str | None = None,
    ) -> dict[str, Any]:
        """Create a sale, lock its rate, and build its payment requests.

        The request names the trusted mints that are not offline, in the shop's order.
        When every one is offline the sale is refused unless ``offline_ok``: the request
        then names them all, and a token from one that comes back still pays the sale.

        A basket sale (``items``, or ``discount`` or ``tip`` given; ``amount`` then becomes a
        custom line at the default VAT rate) stores its lines, VAT breakdown, discount and
        tip (:mod:`pos_app.core.payments.basket`): ``amount`` is the total, the tip is kept
        apart, and ``due`` is the total plus the tip in sat at the locked rate. A discount
        above ``discount.manager_limit_pct`` of the basket needs ``manager_override`` (staff
        roles come with issue 16). Only ``amount``: a sale as before, with no basket.
        ``line_discounts``: ``(line, "10%" or amount, reason)``, lines counted from 1 (the
        items in order, then ``amount``'s custom line); a line's own discount comes before
        the sale's, and the manager limit looks at both together.

        ``order_id``: the external order the sale is for (an online shop's order number):
        kept with the sale, in its webhook events, and a filter of :meth:`list`.

        Raises:
            PosError: ``amount.invalid``, ``order.invalid_id``, ``rate.unavailable``,
                ``config.invalid``, ``mint.all_offline``, ``basket.empty``, ``item.unknown_sku``,
                ``basket.bad_quantity``, ``basket.unit_mismatch``, ``discount.invalid``,
                ``discount.too_large``, ``discount.needs_manager``, ``tip.invalid``.
        """
        order_id = check_order_id(order_id)
        settings = await self.settlement.settings()
        currency = (
            self.config.option("currency").parse(currency) if currency else settings["currency"]
        )
        is_basket = bool(items) or discount is not None or tip is not None or bool(line_discounts)
        rate = None
        figures = None
        value = Decimal(0)
        if amount is not None or not is_basket:
            value = parse_amount(str(amount), currency)
            if value <= 0:
                raise ValidationError(
                    "amount.invalid", "The amount must be more than zero.", str(amount)
                )
        if currency != "sat":
            rate = await self.rate_service(settings).rate(currency)
        if is_basket:
            figures = await self._basket(
                settings, currency, rate, items or [], value if amount is not None else None,
                discount=discount, discount_reason=discount_reason, tip=tip,
                manager_override=manager_override, line_discounts=line_discounts or [],
            )  # fmt: skip
            value = figures.total
            if value + figures.tip <= 0:
                raise ValidationError(
                    "amount.invalid", "The sale must come to more than zero.", str(value)
                )
        tip_sat = 0
        if currency == "sat":
            due = int(value) + (int(figures.tip) if figures else 0)
            tip_sat = int(figures.tip) if figures else 0
        else:
            due = fiat_to_sat(value + (figures.tip if figures else 0), rate)
            if figures is not None and figures.tip > 0:
                tip_sat = due - fiat_to_sat(value, rate)
        advance = int(settings["fees.customer_advance"])
        due += advance
        sale_id = str(uuid.uuid4())
        ts = int(self.clock())
        if self.fresh_health is not None:
            await self.fresh_health()

        def read(session: Session) -> list[tuple[str, str | None]]:
            limits.check(session, due, settings, ts)  # in the read the sale needs anyway
            return [(m.url, m.status) for m in trusted_in_priority(session)]

        trusted = await self.ctx.db.run(read)
        online = [url for url, status in trusted if status != "offline"]
        if trusted and not online and settings["mode"] != "auto_convert" and not offline_ok:
            raise MintError(
                "mint.all_offline",
                "Every mint the shop trusts is offline: a payment cannot be confirmed now. "
                "Wait for a mint to answer, or show the request anyway: a token taken "
                "meanwhile is kept and redeemed when its mint is back.",
                ", ".join(url for url, _ in trusted),
            )
        request_id = delivery.new_request_id()
        request = PaymentRequest(
            id=request_id,
            amount=due,
            unit="sat",
            single_use=True,
            # In trusted_only mode only these mints are accepted; the others convert any mint.
            mints=tuple(online or [url for url, _ in trusted])
            if settings["mode"] == "trusted_only"
            else (),
            description=memo or f"Sale {sale_id[:8]}",
            nut10=Nut10Option(kind="P2PK", data=self.ctx.shop_pubkey, tags=())
            if settings["offline.enabled"]
            else None,
            transports=delivery.post_transports(self.post_base_url, request_id),
        )
        sale = Sale(
            id=sale_id,
            staff=acting(),  # set here too: the answer is built from this object
            state="open",
            currency=currency,
            amount=money_text(value, currency) if figures else str(value),
            unit="sat",
            due=due,
            fee_advance=advance,
            paid=0,
            rate=str(rate.btc_price) if rate else None,
            rate_source=rate.source if rate else None,
            memo=memo,
            order_id=order_id,
            payment_request=encode_creqa(request),
            payment_request_bech32=encode_creqb(request),
            request_id=request_id,
            expires_at=ts + int(settings["sale.expiry_seconds"]),
            correlation_id=new_correlation_id(),
            created_at=ts,
            updated_at=ts,
        )

        if figures is not None:
            store_basket(sale, figures, tip_sat)

        def write(session: Session) -> dict[str, Any]:
            session.add(sale)
            if figures is not None:
                session.flush()
                session.add_all(basket_rows(sale_id, figures))
            journal.audit(
                session,
                "sale.created",
                sale_id,
                {"due": due, "currency": currency, "amount": sale.amount}
                | ({"tip": sale.tip_amount, "lines": len(figures.lines)} if figures else {})
                | ({"line_discounts": sale.line_discounts} if sale.line_discounts else {}),
                correlation_id=sale.correlation_id,
            )
            return sale_dict(sale, lines=session_lines(session, sale_id) if figures else None)

        out = await self.ctx.db.run(write)
        self.identities[sale_id] = sale.correlation_id
        log.info(
            "sale %s: %s %s = %d sat",
            sale_id,
            value,
            currency,
            due,
            extra={"correlation_id": sale.correlation_id},
        )
        self.ctx.bus.publish(SaleChanged(sale_id, "open", 0, due))
        return out

    async def show(self, sale_id: str) -> dict[str, Any]:
        """A sale with its payments."""

        def read(session: Session) -> dict[str, Any]:
            sale = self.get(session, sale_id)
            self.expire_if_due(session, sale)
            payments = list(
                session.scalars(
                    select(Payment).where(Payment.sale_id == sale.id).order_by(Payment.created_at)
                )
            )
            out = sale_dict(sale, payments, lines=session_lines(session, sale.id))
            out["refunds"] = [refund_dict(r) for r in sale_refunds(session, sale.id)]
            return out

        return await self.ctx.db.run(read)

    async def _basket(
        self,
        settings: dict[str, Any],
        currency: str,
        rate: Any,
        specs: list[LineSpec],
        amount: Decimal | None,
        *,
        discount: str | None,
        discount_reason: str,
        tip: str | None,
        manager_override: bool,
        line_discounts: list[tuple[int, str, str]],
    ) -> BasketResult:
        """The basket's figures with the items read from the catalogue."""
        default_rate = vat_rates(settings["vat.rates"])[0]
        specs = list(specs)
        if amount is not None:
            specs.append(LineSpec(None, Decimal(1), amount, "Amount"))
        specs = with_line_discounts(specs, line_discounts, currency)

        def sat_price(price: Decimal) -> Decimal:
            return from_sat(price, rate.btc_price, currency)

        lines = await self.ctx.db.run(
            lambda s: resolve(
                s, specs, currency, default_rate, None if currency == "sat" else sat_price
            )
        )
        off = (
            None
            if discount is None
            else parse_adjustment(discount, currency, "discount", (discount_reason or "").strip())
        )
        figures = compute(
            lines,
            currency,
            prices_include=bool(settings["vat.prices_include"]),
            rounding=settings["vat.rounding"],
            discount=off,
            tip=None if tip is None else parse_adjustment(tip, currency, "tip"),
        )
        limit = Decimal(str(settings["discount.manager_limit_pct"]))
        if figures.discount_pct > limit and not await self.ctx.db.run(
            lambda s: limits.manager_approves(s, manager_override)
        ):
            raise ValidationError(
                "discount.needs_manager",
                f"A discount above {limit:f} % needs a manager.",
                f"{figures.discount_pct:.2f} % > {limit:f} %",
                data={"limit_pct": str(limit), "discount_pct": f"{figures.discount_pct:.2f}"},
            )
        return figures

    async def list(
        self,
        state: str | None = None,
        since: int | None = None,
        limit: int = 100,
        offset: int = 0,
        *,
        order_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Sales, newest first, filtered in SQL (``order_id``: those for that order)."""

        def read(session: Session) -> list[dict[str, Any]]:
            self._expire_all_due(session)
            query = select(Sale).order_by(Sale.created_at.desc(), Sale.id)
            # A state (or partially_refunded / refunded, as Activity filters), an order.
            query = query.where(*conditions(SalesQuery(state=state, order_id=order_id)))
            if since is not None:
                query = query.where(Sale.created_at >= since)
            return [sale_dict(s) for s in session.scalars(query.limit(limit).offset(offset))]

        return await self.ctx.db.run(read)

    async def wait_change(
        self,
        sale_id: str,
        state: str | None = None,
        timeout: float = 30.0,
        *,
        paid: int | None = None,
    ) -> dict[str, Any]:
        """The sale once its state is no longer ``state`` (default: its state now).

        With ``paid``, also once its paid amount is no longer that (a second part paid in
        the same state): the API's event stream waits this way.

        After ``timeout`` seconds the sale comes back as it is. A payment, a cancel or a
        refund wakes the wait at once (:class:`SaleChanged`, from any thread); an expiry is
        no event, so the sale is also read again every few seconds.

        Raises:
            ValidationError: ``sale.unknown``.
        """
        loop = asyncio.get_running_loop()
        changed = asyncio.Event()

        def seen(event: SaleChanged) -> None:
            if event.sale_id == sale_id:
                loop.call_soon_threadsafe(changed.set)

        unsubscribe = self.ctx.bus.subscribe(SaleChanged, seen)
        try:
            sale = await self.show(sale_id)
            before = state or sale["state"]
            deadline = loop.time() + timeout

            def unchanged(sale: dict[str, Any]) -> bool:
                return sale["state"] == before and (paid is None or sale["paid"] == paid)

            while unchanged(sale) and (left := deadline - loop.time()) > 0:
                changed.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), min(left, WAIT_RECHECK_SECONDS))
                sale = await self.show(sale_id)
            return sale
        finally:
            unsubscribe()

    async def cancel(self, sale_id: str) -> dict[str, Any]:
        """Cancel an unpaid sale (a partly paid one then owes a refund: see :attr:`refunds`)."""

        def write(session: Session) -> dict[str, Any]:
            sale = self.get(session, sale_id)
            self.expire_if_due(session, sale)
            if sale.state == "paid":
                raise ValidationError(
                    "sale.already_paid",
                    "This sale is already paid; it cannot be cancelled.",
                    sale_id,
                )
            if sale.state in ("open", "partially_paid", "expired"):
                sale.state = "cancelled"
                sale.updated_at = int(self.clock())
                journal.audit(
                    session,
                    "sale.cancelled",
                    sale_id,
                    {"paid": sale.paid},
                    correlation_id=sale.correlation_id,
                )
            return sale_dict(sale)

        out = await self.ctx.db.run(write)
        self.ctx.bus.publish(SaleChanged(sale_id, out["state"], out["paid"], out["due"]))
        return out

    def get(self, session: Session, sale_id: str) -> Sale:
        """The sale with this id (or unique id prefix of at least 6 characters)."""
        sale = session.get(Sale, sale_id)
        if sale is None:
            matches = (
                list(session.scalars(select(Sale).where(Sale.id.like(f"{sale_id}%")).limit(2)))
                if len(sale_id) >= 6
                else []
            )
            if len(matches) != 1:
                raise ValidationError("sale.unknown", "There is no such sale.", sale_id)
            sale = matches[0]
        return sale

    def expire_if_due(self, session: Session, sale: Sale) -> None:
        """Mark an open sale expired once its rate lock ran out (a partly paid one stays)."""
        if sale.state == "open" and self.clock() > sale.expires_at:
            sale.state = "expired"
            sale.updated_at = int(self.clock())
            journal.audit(session, "sale.expired", sale.id, {}, correlation_id=sale.correlation_id)

    def _expire_all_due(self, session: Session) -> None:
        for sale in session.scalars(
            select(Sale).where(Sale.state == "open", Sale.expires_at < int(self.clock()))
        ):
            self.expire_if_due(session, sale)

    async def review(self, payment_id: str, *, accept: bool, reason: str) -> PayResult:
        """Accept (credit) or reject a payment waiting for the owner's review."""
        return await self.settlement.review(payment_id, accept=accept, reason=reason)

    async def pay(self, sale_id: str, text: str, *, source: str = "cli") -> PayResult:
        """Offer a token for a sale (see :meth:`Checkout.pay`)."""
        return await self.checkout.pay(sale_id, text, source=source)

    async def pay_request(
        self, request_id: str, payload: PaymentPayload, *, source: str = delivery.SOURCE
    ) -> PayResult:
        """Take a NUT-18 payload a wallet posted to a sale's request (``request_id``).

        The same checkout as a scanned token: a short amount pays part, a paid, cancelled
        or expired sale refuses it, and the token is stored whatever happens; beyond a
        scan, a mint the request did not name is refused before any mint is asked.

        Raises:
            PosError: ``payment_request.not_found``, ``payload.wrong_request``,
                ``mint.not_requested`` and the checkout's refusals.
        """
        found = await self.ctx.db.run(lambda s: delivery.delivered(s, request_id, payload))
        return await self.checkout.pay(found.sale_id, found.token, source=source, mints=found.mints)
