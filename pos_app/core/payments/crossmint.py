"""Taking a token from a mint the shop does not trust: converted into ecash at the shop's mint.

Only with ``mints.convert_untrusted`` on. The customer's mint is contacted only to
check the token's keys and to melt it; the shop's ecash is minted at its own
first mint (in the shop's order, not offline). Steps:

1. the shop's mint gives a mint quote (a Lightning invoice) for what the token can
   pay after its mint's fees, the customer's mint quotes the melt, and the fee caps
   are checked (:func:`fit`). Nothing is spent, quotes are free to abandon;
2. one transaction journals both operations: the mint operation (its outputs
   derived from the seed) and the melt of the token that pays its invoice;
3. the token is melted at its mint (:mod:`pos_app.core.wallet.melt`);
4. once the shop's mint sees its invoice paid, the ecash is minted and stored
   (:mod:`pos_app.core.wallet.minting`) and the sale credited.

The shop's own mint seeing its invoice paid is the proof of payment: no preimage
from the customer's mint is needed or trusted. Recovery covers every step: a melt
sent but unanswered is asked again (its resolution runs the mint operation next);
a quote paid but not claimed is claimed, or restored when it was issued before a
crash; a melt that failed with nothing spent fails the mint operation, and the
token stays the customer's.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import MintError, PosError, SecurityError, ValidationError
from pos_app.core.mint.models import MeltQuote, MintQuote
from pos_app.core.payments import convert
from pos_app.core.payments.policy import Policy
from pos_app.core.store.schema import Operation
from pos_app.core.wallet import journal, minting
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.melt import MeltResult
from pos_app.core.wallet.mints import stored_output_keyset, trusted_in_priority
from pos_app.core.wallet.receive import ReceivePlan

log = logging.getLogger(__name__)

CLAIM_WAIT_SECONDS = minting.PAID_WAIT_SECONDS


@dataclass(frozen=True, slots=True)
class Target:
    """The shop's mint that receives the converted ecash."""

    mint_id: int
    url: str


@dataclass(frozen=True, slots=True)
class MintInvoice:
    """A mint quote of the shop's mint, seen as the invoice the token's melt pays."""

    quote: MintQuote
    amount_sat: int

    @property
    def bolt11(self) -> str:
        """The quote's payment request."""
        return self.quote.request


@dataclass(frozen=True, slots=True)
class Crossing:
    """A conversion after its first run: the melt, and the mint claim when the melt paid."""

    mint_op_id: str
    melt: MeltResult
    minted: minting.MintResult | None

    @property
    def lightning_fee(self) -> int:
        """What the customer's mint kept for Lightning (known once the melt is paid)."""
        return max(0, self.melt.fee_paid)


def target_mint(session: Session, unit: str) -> Target:
    """The first trusted mint, in the shop's order, that is not offline and has keys for ``unit``.

    Raises:
        MintError: ``mint.all_offline`` when none can take the ecash now.
    """
    for row in trusted_in_priority(session):
        if row.status == "offline":
            continue
        try:
            stored_output_keyset(session, row.id, unit)
        except ValidationError:
            continue
        return Target(row.id, row.url)
    raise MintError(
        "mint.all_offline",
        "None of the shop's mints can take converted ecash right now; the token was not "
        "converted. Ask for a token from one of the shop's mints, or try again later.",
        unit,
    )


async def fit(
    ctx: WalletContext, plan: ReceivePlan, policy: Policy, target: Target
) -> tuple[MintInvoice, MeltQuote]:
    """Quotes at both mints that the token can pay with its fees, within the shop's caps.

    Raises:
        ValidationError: ``fee.too_high``.
        SecurityError: ``lightning.invoice_mismatch`` (a quote for another amount).
    """
    convert.check_mint_fee(plan, policy)
    client = ctx.mints.client(target.url)

    async def ask(amount: int) -> MintInvoice:
        quote = await client.mint_quote(amount, plan.unit)
        asked = _invoice_amount(quote.request)
        if (quote.amount is not None and quote.amount != amount) or asked != amount:
            raise SecurityError(
                "lightning.invoice_mismatch",
                "The shop's mint made an invoice for another amount; nothing was paid.",
                f"asked {amount}, quote {quote.amount}, invoice {asked}",
            )
        return MintInvoice(quote, amount)

    return await convert.fit_melt(ctx, plan, policy, ask)


async def cross(
    ctx: WalletContext,
    plan: ReceivePlan,
    target: Target,
    invoice: MintInvoice,
    melt_quote: MeltQuote,
    *,
    mint_op_id: str,
    correlation_id: str | None,
    details: dict[str, object],
) -> Crossing:
    """Journal both operations, melt the token, and claim the ecash once the invoice is paid.

    ``details`` (the sale and payment) go with the mint operation: its completion
    settles the payment. A melt that fails with nothing spent fails the mint operation
    and is raised.

    Raises:
        PosError: the melt's refusal (nothing spent); ``mint.*`` network errors with
            both operations left to recovery.
    """

    def journal_mint(session: Session) -> None:
        minting.open_mint(
            session,
            op_id=mint_op_id,
            mint_id=target.mint_id,
            unit=plan.unit,
            quote=invoice.quote,
            amount=invoice.amount_sat,
            correlation_id=correlation_id,
            details={**details, "payer_quote": melt_quote.quote, "from_mint": plan.mint_url},
        )

    try:
        melt = await convert.melt_token(
            ctx,
            plan,
            melt_quote,
            correlation_id=correlation_id,
            details={"sale_id": details.get("sale_id"), "convert_mint_op": mint_op_id},
            guard=journal_mint,
        )
    except PosError as exc:
        await ctx.db.run(lambda s, e=exc: _fail_if_melt_failed(s, mint_op_id, melt_quote.quote, e))
        raise
    minted = None
    if melt.state == "paid":
        try:
            minted = await minting.claim(ctx, mint_op_id, wait=CLAIM_WAIT_SECONDS)
        except PosError as exc:
            # The token is spent: whatever the shop's mint said, the claim is recovery's
            # to finish, never a refusal of the payment.
            log.warning("mint step %s not finished: %s %s", mint_op_id, exc.code, exc.detail)
            await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, mint_op_id, e))
            minted = minting.MintResult(
                mint_op_id, "pending", target.url, plan.unit, invoice.amount_sat, exc.code
            )
    return Crossing(mint_op_id, melt, minted)


def lightning_fee(session: Session, mint_op_id: str) -> int:
    """The Lightning fee of a finished conversion: what the melt paid beyond the invoice."""
    op = session.get(Operation, mint_op_id)
    details = json.loads(op.details_json)
    melt = session.scalar(
        select(Operation).where(
            Operation.kind == "melt", Operation.quote_id == details["payer_quote"]
        )
    )
    if melt is None or melt.result_json is None:
        return 0
    change = int(json.loads(melt.result_json).get("change", 0))
    return max(0, melt.input_amount - melt.fee - change - int(details["amount"]))


def _fail_if_melt_failed(session: Session, mint_op_id: str, quote: str, exc: PosError) -> None:
    melt_state = session.scalar(
        select(Operation.state).where(Operation.kind == "melt", Operation.quote_id == quote)
    )
    if melt_state == "failed" and session.get(Operation, mint_op_id) is not None:
        minting.fail_mint(session, mint_op_id, exc)


def _invoice_amount(request: str) -> int:
    import bolt11  # with bitstring, 30 ms of every start: loaded for an invoice only

    try:
        msat = bolt11.decode(request).amount_msat
    except Exception as exc:  # third-party decoder on a mint's answer
        raise SecurityError(
            "lightning.invoice_mismatch",
            "The shop's mint made an invoice that cannot be read; nothing was paid.",
            str(exc),
        ) from None
    return int(msat or 0) // 1000
