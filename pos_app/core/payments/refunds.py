"""Giving back what a cancelled (or expired) sale took: a token of the paid amount.

A partly paid sale that is cancelled keeps the customer's money until the owner acts.
:meth:`Refunds.refund` makes a token of the credited amount with the wallet's send,
from the mint the customer paid with first (then the first trusted mint, in the shop's
order, that holds enough), and records it on the sale in the same step, so the refund
is never owed, or made, twice.
:meth:`Refunds.close` records a refund given another way (cash) with the owner's words.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError, ValidationError
from pos_app.core.events import SaleChanged
from pos_app.core.payments.records import REFUNDABLE_STATES, refund_owed, sale_dict
from pos_app.core.store.schema import Export, Payment, Sale
from pos_app.core.wallet import coins, journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.exportfile import write_export_files
from pos_app.core.wallet.send import SendResult
from pos_app.core.wallet.send import send as wallet_send

log = logging.getLogger(__name__)


def owed_sales(session: Session) -> list[Sale]:
    """Sales that owe their customer a refund, oldest first."""
    rows = session.scalars(
        select(Sale)
        .where(
            Sale.state.in_(REFUNDABLE_STATES),
            Sale.paid > 0,
            Sale.refunded_at.is_(None),
        )
        .order_by(Sale.created_at)
    )
    return list(rows)


class Refunds:
    """Refunds owed by sales that will not be completed."""

    def __init__(self, ctx: WalletContext, clock: Callable[[], float] = time.time) -> None:
        self.ctx = ctx
        self.clock = clock
        self._locks: dict[str, asyncio.Lock] = {}

    async def owed(self) -> list[dict[str, Any]]:
        """Every sale owing a refund (``sale_dict`` shape, ``refund_owed`` > 0)."""
        return await self.ctx.db.run(lambda s: [sale_dict(x) for x in owed_sales(s)])

    def _check(self, session: Session, sale_id: str) -> tuple[Sale, int, list[str]]:
        sale = session.get(Sale, sale_id)
        if sale is None:
            raise ValidationError("sale.unknown", "There is no such sale.", sale_id)
        amount = refund_owed(sale)
        if amount <= 0:
            raise ValidationError(
                "refund.not_owed",
                "This sale owes no refund: it was refunded already, or it is not cancelled.",
                f"{sale_id} state={sale.state} paid={sale.paid} refunded_at={sale.refunded_at}",
            )
        mints = list(
            dict.fromkeys(
                session.scalars(
                    select(Payment.mint_url).where(
                        Payment.sale_id == sale_id,
                        Payment.state == "settled",
                        Payment.mint_url.is_not(None),
                    )
                )
            )
        )
        return sale, amount, mints

    async def refund(
        self, sale_id: str, *, out: Path | None = None, qr: bool = False
    ) -> SendResult:
        """Make a token of what the sale took and record it as the sale's refund.

        Raises:
            PosError: ``refund.not_owed``, ``sale.unknown``, ``wallet.insufficient_funds``,
                ``mint.unreachable`` (nothing is lost: the wallet's recovery finishes the swap).
        """
        lock = self._locks.setdefault(sale_id, asyncio.Lock())
        async with lock:  # a double click must not give the money back twice
            sale, amount, mints = await self.ctx.db.run(lambda s: self._check(s, sale_id))
            # No file yet: a USB stick failing after the token exists must not leave the
            # refund unrecorded (and so owed, and made, a second time).
            result = await self._send(sale, amount, mints)

            def record(session: Session) -> Sale:
                row = session.get(Sale, sale_id)
                row.refund_amount = amount
                row.refund_token = result.token
                row.refunded_at = int(self.clock())
                row.updated_at = int(self.clock())
                journal.audit(
                    session,
                    "sale.refunded",
                    sale_id,
                    {"amount": amount, "mint": result.mint, "export_id": result.export_id},
                    correlation_id=row.correlation_id,
                )
                return row

            row = await self.ctx.db.run(record)
        self._locks.pop(sale_id, None)
        log.info("sale %s refunded: %s %s from %s", sale_id, amount, sale.unit, result.mint)
        self.ctx.bus.publish(SaleChanged(row.id, row.state, row.paid, row.due))
        if out is not None:
            result = await self._write_files(result, out, qr)
        return result

    async def _write_files(self, result: SendResult, out: Path, qr: bool) -> SendResult:
        """The token file (and QR picture); on failure the token is still shown and recorded."""
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
                ),
            )
        except PosError as exc:
            log.warning("refund token file not written to %s: %s", out, exc.detail)
            return result

        def record(session: Session) -> None:
            session.get(Export, result.export_id).file_path = str(file)

        await self.ctx.db.run(record)
        return replace(result, file=str(file), qr_file=str(png) if png else None)

    async def _send(self, sale: Sale, amount: int, mints: list[str]) -> SendResult:
        # The customer's own mint first: the refund is then ecash they already accept.
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
                )
            except PosError as exc:
                if exc.code not in ("wallet.insufficient_funds", "mint.unknown"):
                    raise
                last = exc
        assert last is not None
        raise last

    async def close(self, sale_id: str, reason: str) -> dict[str, Any]:
        """Record a refund the owner gave another way (cash, a bank transfer).

        Raises:
            ValidationError: ``recovery.reason_required``, ``refund.not_owed``.
        """
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("recovery.reason_required", "Say why (for the record).", sale_id)

        def write(session: Session) -> dict[str, Any]:
            sale, amount, _mints = self._check(session, sale_id)
            sale.refund_amount = amount
            sale.refund_note = reason[:1000]
            sale.refunded_at = int(self.clock())
            sale.updated_at = int(self.clock())
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


def _first_or_none(session: Session, unit: str, amount: int) -> str | None:
    try:
        return coins.first_trusted_mint(session, unit, at_least=amount)
    except ValidationError:
        return None
