"""Giving a sale's money back: refunds of paid sales, and what a cancelled sale owes.

Whole or partial refunds of paid sales, and the refund a cancelled (or expired) sale
that took money owes.

:meth:`Refunds.refund` reserves the refund (a ``refunds`` row, state ``making``, counted
against what the sale can still give back) before any coin moves, then makes the token
with the wallet's send, from the mint the customer paid with first (then the first trusted
mint, in the shop's order, that holds enough). The send's journal names the refund: the
transaction that stores the token also completes the refund and the sale's refunded sum,
whether the send finishes now or recovery finishes it after a crash; a send that never
went out fails the refund with its operation. So a refund is never lost nor made twice.
:meth:`Refunds.close` records a refund of a cancelled sale given another way (cash).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError, ValidationError
from pos_app.core.events import SaleChanged
from pos_app.core.payments import refund_lines as rl
from pos_app.core.payments import refund_records as rr
from pos_app.core.payments.records import REFUNDABLE_STATES, sale_dict
from pos_app.core.store.schema import Export, Payment, Refund, RefundLine, Sale
from pos_app.core.wallet import check, coins, journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.exportfile import write_export_files
from pos_app.core.wallet.send import SendResult
from pos_app.core.wallet.send import send as wallet_send

log = logging.getLogger(__name__)


def owed_sales(session: Session) -> list[Sale]:
    """Cancelled or expired sales that still owe their customer money, oldest first."""
    rows = session.scalars(
        select(Sale)
        .where(
            Sale.state.in_(REFUNDABLE_STATES),
            Sale.paid > Sale.refund_amount,
        )
        .order_by(Sale.created_at)
    )
    return list(rows)


@dataclass(frozen=True, slots=True)
class RefundResult:
    """A refund given as a token."""

    refund_id: str
    sale_id: str
    token: str
    amount: int
    unit: str
    amount_currency: str
    currency: str
    mint: str
    export_id: int
    fee: int = 0
    file: str | None = None
    qr_file: str | None = None
    lines: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app sale refund``."""
        out: dict[str, Any] = {
            "refund_id": self.refund_id,
            "sale_id": self.sale_id,
            "token": self.token,
            "amount": self.amount,
            "unit": self.unit,
            "amount_currency": self.amount_currency,
            "currency": self.currency,
            "mint": self.mint,
            "fee": self.fee,
            "file": self.file,
            "lines": [dict(x) for x in self.lines],
        }
        if self.qr_file:
            out["qr_file"] = self.qr_file
        return out


class Refunds:
    """Refunds of sales: made as tokens, listed with their claim state, owed."""

    def __init__(self, ctx: WalletContext, clock: Callable[[], float] = time.time) -> None:
        self.ctx = ctx
        self.clock = clock
        self._locks: dict[str, asyncio.Lock] = {}

    async def owed(self) -> list[dict[str, Any]]:
        """Every cancelled or expired sale owing a refund (``sale_dict`` shape)."""
        return await self.ctx.db.run(lambda s: [sale_dict(x) for x in owed_sales(s)])

    async def of_sale(self, sale_id: str) -> list[dict[str, Any]]:
        """A sale's refunds, oldest first (``refund_dict`` shape)."""
        return await self.ctx.db.run(
            lambda s: [rr.refund_dict(r) for r in rr.sale_refunds(s, sale_id)]
        )

    async def refundable(self, sale_id: str) -> int:
        """What the sale can still give back now."""

        def read(session: Session) -> int:
            sale = session.get(Sale, sale_id)
            if sale is None:
                raise ValidationError("sale.unknown", "There is no such sale.", sale_id)
            return rr.refundable(session, sale)

        return await self.ctx.db.run(read)

    async def check_claims(self, sale_id: str) -> list[dict[str, Any]]:
        """Ask the mints (NUT-07) whether the sale's refund tokens were claimed; its refunds."""
        ids = await self.ctx.db.run(
            lambda s: [r.export_id for r in rr.sale_refunds(s, sale_id) if r.export_id is not None]
        )
        if ids:
            await check.check_exports(self.ctx, ids)
        return await self.of_sale(sale_id)

    async def line_options(self, sale_id: str) -> dict[str, Any]:
        """What can still be refunded by line: ``lines`` and ``tip_left``.

        ``lines``: the sale's lines with what is left of each (empty: no basket);
        ``tip_left``: the tip's sat when a line refund can still give it back, else 0.
        """

        def read(session: Session) -> dict[str, Any]:
            sale = self._sale(session, sale_id)
            tip = int(sale.tip_sat or 0)
            return {
                "lines": rl.options(session, sale),
                "tip_left": 0 if rl.tip_refunded(session, sale_id) else tip,
            }

        return await self.ctx.db.run(read)

    async def preview(
        self, sale_id: str, lines: rl.Selection = None, *, include_tip: bool = False
    ) -> dict[str, Any]:
        """What :meth:`refund` would give back for ``lines`` (nothing reserved, nothing sent).

        ``amount`` (sat), ``amount_currency``, ``lines`` (the parts, position 0 the tip),
        ``refundable`` (all the sale can still give back). No lines: the whole refund.

        Raises:
            PosError: as :meth:`refund`, except the send's.
        """

        def read(session: Session) -> dict[str, Any]:
            sale = self._sale(session, sale_id)
            rest = rr.refundable(session, sale)
            parts: list[rl.LinePart] = []
            if lines or include_tip:
                amount, parts = rl.plan(session, sale, lines, include_tip)
            else:
                amount = rest
            return {
                "sale_id": sale_id,
                "amount": amount,
                "amount_currency": rr.in_currency(amount, sale),
                "unit": sale.unit,
                "currency": sale.currency,
                "lines": rl.parts_dict(parts),
                "refundable": rest,
                "too_large": amount > rest,
            }

        return await self.ctx.db.run(read)

    @staticmethod
    def _sale(session: Session, sale_id: str) -> Sale:
        sale = session.get(Sale, sale_id)
        if sale is None:
            raise ValidationError("sale.unknown", "There is no such sale.", sale_id)
        return sale

    def _reserve(
        self,
        session: Session,
        sale_id: str,
        amount: int | None,
        reason: str | None,
        *,
        lines: rl.Selection = None,
        include_tip: bool = False,
    ) -> tuple[Sale, Refund, list[str]]:
        sale = session.get(Sale, sale_id)
        if sale is None:
            raise ValidationError("sale.unknown", "There is no such sale.", sale_id)
        if sale.state not in rr.REFUND_SALE_STATES:
            raise ValidationError(
                "refund.sale_open",
                "This sale is still open: cancel it first, then give its payments back.",
                f"{sale_id} state={sale.state}",
            )
        rr.fail_stale(session, sale_id, int(self.clock()))
        rest = rr.refundable(session, sale)
        if rest <= 0:
            raise ValidationError(
                "refund.not_owed",
                "This sale has nothing left to give back: it was refunded already, "
                "or it took no money.",
                f"{sale_id} state={sale.state} paid={sale.paid} refunded={sale.refund_amount}",
            )
        parts: list[rl.LinePart] = []
        if lines or include_tip:
            if amount is not None:
                raise ValidationError(
                    "refund.amount_and_lines",
                    "Give back either an amount or lines, not both.",
                    sale_id,
                )
            amount, parts = rl.plan(session, sale, lines, include_tip)
        if amount is None:
            amount = rest
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            raise ValidationError(
                "amount.invalid", "The amount must be a positive whole number.", str(amount)
            )
        if amount > rest:
            raise ValidationError(
                "refund.too_large",
                f"At most {rest} {sale.unit} can be given back for this sale "
                "(what it took less what was refunded already).",
                f"{sale_id} asked={amount} refundable={rest}",
                data={"refundable": rest},
            )
        refund = Refund(
            id=new_refund_id(),
            sale_id=sale_id,
            state="making",
            amount=amount,
            unit=sale.unit,
            currency=sale.currency,
            amount_currency=rr.in_currency(amount, sale),
            reason=(reason or "").strip()[:1000] or None,
            created_at=int(self.clock()),
            updated_at=int(self.clock()),
        )
        session.add(refund)
        session.add_all(
            RefundLine(
                refund_id=refund.id,
                sale_id=sale_id,
                position=p.position,
                name=p.name,
                quantity=rl.quantity_text(p.quantity),
                amount=p.amount,
            )
            for p in parts
        )
        mints = list(
            dict.fromkeys(
                session.scalars(
                    select(Payment.mint_url)
                    .where(
                        Payment.sale_id == sale_id,
                        Payment.state == "settled",
                        Payment.mint_url.is_not(None),
                    )
                    .order_by(Payment.created_at)
                )
            )
        )
        return sale, refund, mints

    async def refund(
        self,
        sale_id: str,
        *,
        amount: int | None = None,
        lines: rl.Selection = None,
        include_tip: bool = False,
        reason: str | None = None,
        out: Path | None = None,
        qr: bool = False,
    ) -> RefundResult:
        """Give ``amount`` (default: all that is still refundable) back as a token.

        ``lines`` (positions, or ``{position: quantity}``) refunds those lines of a paid
        basket sale instead: their sat is computed by :mod:`refund_lines` (each line's share
        of the goods' sat at the locked rate), and they are recorded so that no line, nor
        any unit of one, is refunded twice. The tip comes back with lines only when
        ``include_tip``; a refund with neither lines nor amount gives back everything left,
        tip included.

        Raises:
            PosError: ``sale.unknown``, ``refund.sale_open``, ``refund.not_owed``,
                ``refund.too_large``, ``amount.invalid``, ``refund.amount_and_lines``, the
                line errors of :func:`refund_lines.plan`, ``wallet.insufficient_funds``,
                ``mint.unreachable`` (nothing is lost: recovery finishes or fails the send,
                and the refund with it).
        """
        lock = self._locks.setdefault(sale_id, asyncio.Lock())
        async with lock:  # a double click must not give the money back twice
            sale, refund, mints = await self.ctx.db.run(
                lambda s: self._reserve(
                    s, sale_id, amount, reason, lines=lines, include_tip=include_tip
                )
            )
            parts = await self.ctx.db.run(
                lambda s: tuple(rr.refund_lines_dict(s.get(Refund, refund.id)))
            )
            try:
                # No file yet: a USB stick failing after the token exists must not leave the
                # refund unrecorded.
                result = await self._send(sale, refund, mints)
            except PosError as exc:
                await self.ctx.db.run(lambda s, e=exc: self._fail_unsent(s, refund.id, e))
                raise
        self._locks.pop(sale_id, None)
        row = await self.ctx.db.run(lambda s: s.get(Sale, sale_id))
        log.info("sale %s refunded: %s %s from %s", sale_id, refund.amount, sale.unit, result.mint)
        self.ctx.bus.publish(SaleChanged(row.id, row.state, row.paid, row.due))
        done = RefundResult(
            refund_id=refund.id,
            sale_id=sale_id,
            token=result.token,
            amount=refund.amount,
            unit=sale.unit,
            amount_currency=refund.amount_currency,
            currency=sale.currency,
            mint=result.mint,
            export_id=result.export_id,
            fee=result.fee,
            lines=parts,
        )
        if out is not None:
            done = await self.save_file(done, out, qr)
        return done

    def _fail_unsent(self, session: Session, refund_id: str, exc: PosError) -> None:
        """The send raised: fail the refund unless its token exists or its swap is in flight."""
        refund = session.get(Refund, refund_id)
        if refund.state != "making" or refund.operation_id is not None:
            return  # done, or its operation (pending) decides: recovery completes or fails it
        refund.state = "failed"
        refund.note = f"not sent: {exc.code}"
        refund.updated_at = int(self.clock())

    async def save_file(self, result: RefundResult, out: Path, qr: bool = False) -> RefundResult:
        """Write the token file (and QR picture) atomically; on failure the token stays shown."""
        try:
            file, png = await asyncio.get_running_loop().run_in_executor(
                None,
                partial(
                    write_export_files,
                    out,
                    result.token,
                    amount=result.amount,
                    unit=result.unit,
                    mint_url=result.mint,
                    qr=qr,
                    training=self.ctx.training,
                ),
            )
        except PosError as exc:
            log.warning("refund token file not written to %s: %s", out, exc.detail)
            return result

        def record(session: Session) -> None:
            session.get(Export, result.export_id).file_path = str(file)
            session.get(Refund, result.refund_id).file_path = str(file)

        await self.ctx.db.run(record)
        return RefundResult(
            **{
                **{f: getattr(result, f) for f in result.__dataclass_fields__},
                "file": str(file),
                "qr_file": str(png) if png else None,
            }
        )

    async def _send(self, sale: Sale, refund: Refund, mints: list[str]) -> SendResult:
        # The customer's own mint first: the refund is then ecash they already accept.
        amount = refund.amount
        fallback = await self.ctx.db.run(lambda s: _first_or_none(s, sale.unit, amount))
        candidates = list(dict.fromkeys([*mints, *([fallback] if fallback else [])]))
        if not candidates:
            raise ValidationError(
                "wallet.insufficient_funds",
                f"No mint holds {amount} {sale.unit} of the shop's ecash to refund this sale.",
                sale.id,
                data={"needed": amount},
            )
        last: PosError | None = None
        for url in candidates:
            try:
                return await wallet_send(
                    self.ctx,
                    url,
                    sale.unit,
                    amount,
                    purpose="refund",
                    memo=f"Refund of sale {sale.id[:8]}",
                    correlation_id=sale.correlation_id,
                    refund_id=refund.id,
                )
            except PosError as exc:
                if exc.code not in ("wallet.insufficient_funds", "mint.unknown"):
                    raise
                last = exc
        assert last is not None
        raise last

    async def close(self, sale_id: str, reason: str) -> dict[str, Any]:
        """Record a refund of a cancelled sale the owner gave another way (cash, a transfer).

        Raises:
            ValidationError: ``recovery.reason_required``, ``refund.not_owed``.
        """
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("recovery.reason_required", "Say why (for the record).", sale_id)

        def write(session: Session) -> dict[str, Any]:
            sale = session.get(Sale, sale_id)
            if sale is None:
                raise ValidationError("sale.unknown", "There is no such sale.", sale_id)
            rr.fail_stale(session, sale_id, int(self.clock()))
            amount = rr.refundable(session, sale) if sale.state in REFUNDABLE_STATES else 0
            if amount <= 0:
                raise ValidationError(
                    "refund.not_owed",
                    "This sale owes no refund: it was refunded already, or it is not cancelled.",
                    f"{sale_id} state={sale.state} paid={sale.paid}",
                )
            refund = Refund(
                id=new_refund_id(),
                sale_id=sale_id,
                state="done",
                amount=amount,
                unit=sale.unit,
                currency=sale.currency,
                amount_currency=rr.in_currency(amount, sale),
                reason="given otherwise",
                note=reason[:1000],
                created_at=int(self.clock()),
                done_at=int(self.clock()),
                updated_at=int(self.clock()),
            )
            session.add(refund)
            session.flush()
            rr.settle_sale(session, refund)
            sale.refund_note = reason[:1000]
            journal.audit(
                session,
                "sale.refund_closed",
                sale_id,
                {"amount": amount, "reason": reason[:200]},
                correlation_id=sale.correlation_id,
                actor="owner",
            )
            return sale_dict(sale)

        out = await self.ctx.db.run(write)
        self.ctx.bus.publish(SaleChanged(sale_id, out["state"], out["paid"], out["due"]))
        return out


def new_refund_id() -> str:
    """A UUID whose hex starts with the time in nanoseconds: refunds sort in the order made."""
    return str(uuid.UUID(int=(time.time_ns() << 64) | secrets.randbits(64)))


def _first_or_none(session: Session, unit: str, amount: int) -> str | None:
    try:
        return coins.first_trusted_mint(session, unit, at_least=amount)
    except ValidationError:
        return None
