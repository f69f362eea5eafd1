"""Converting a customer's token to the shop's Lightning wallet (melt), and proving the payment.

The invoice comes from the shop's Lightning address for the token's value
minus the mint's fees, so the shop is paid exactly what the token can buy. The
payment is proven by a preimage that hashes to the invoice's payment hash; when
the mint returns none (or 32 zero bytes), the address's LUD-21 ``verify`` URL
is asked.

Every outcome of a sale's melt maps to one payment outcome (the wallet side of
each row is in :mod:`pos_app.core.wallet.melt`). Only a ``PAID`` melt that is
proven, verified, or unproven at a *trusted* mint settles the sale:

==========================================  =================================  ===========
melt outcome                                payment (``code``)                 sale
==========================================  =================================  ===========
``PAID``, preimage proves the invoice       settled, proof ``proven``          credited
``PAID``, LUD-21 verify says settled        settled, proof ``verified``        credited
``PAID``, unproven, trusted mint            settled, proof ``unproven``        credited
``PAID``, unproven, untrusted mint          needs_review (lightning.unproven)  not credited
``PAID``, preimage does not match           needs_review                       not credited
                                            (security.preimage_mismatch)
``PENDING``                                 recovering (melt.pending)          not yet
``UNPAID``, inputs UNSPENT                  rejected (mint.lightning_failed);  not credited
                                            token kept, unspent
``UNPAID``, inputs SPENT or PENDING         recovering (melt.pending)          not yet
error body (4xx)                            by the quote's state, as above;    as above
                                            UNPAID+unspent: rejected (the
                                            mint's code)
dropped connection, timeout, 5xx            recovering (mint.*)                not yet
unreadable answer                           recovering (mint.bad_response)     not yet
==========================================  =================================  ===========

A ``recovering`` payment is settled (by the ``PAID`` rows), failed (``UNPAID`` with
the inputs unspent) or handed to the owner (``needs_review`` after the last retry)
once recovery resolves its operation: :meth:`Checkout.on_recovered`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from pos_app.core.cashu import p2pk
from pos_app.core.errors import SecurityError, ValidationError
from pos_app.core.mint.models import MeltQuote
from pos_app.core.payments.lnurl import (
    Invoice,
    LightningAddress,
    check_preimage,
    is_missing_preimage,
)
from pos_app.core.payments.policy import Policy, check_fee_cap
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.melt import MeltResult, execute_melt
from pos_app.core.wallet.receive import ReceivePlan

log = logging.getLogger(__name__)

MAX_QUOTE_ROUNDS = 4

PROVEN = "proven"  # the mint's preimage hashes to the payment hash
VERIFIED = "verified"  # the Lightning address confirmed it (LUD-21)
UNPROVEN = "unproven"  # nobody proved it
MISMATCH = "mismatch"  # a preimage that does not match: a security warning


@dataclass(frozen=True, slots=True)
class Conversion:
    """A melt started for a sale: the checked invoice, the quote and the melt's outcome."""

    invoice: Invoice
    quote: MeltQuote
    result: MeltResult


def reserve_guess(amount: int) -> int:
    """A first guess of a mint's Lightning fee reserve (nutshell: 1 %, at least 2)."""
    return max(2, -(-amount // 100))


class Payable(Protocol):
    """An invoice the shop asked for: a Lightning address's, or a mint quote's."""

    @property
    def bolt11(self) -> str:
        """The BOLT11 payment request."""
        ...

    @property
    def amount_sat(self) -> int:
        """Its amount, whole sats."""
        ...


P = TypeVar("P", bound=Payable)


async def quote_for_token(
    ctx: WalletContext, plan: ReceivePlan, policy: Policy, address: LightningAddress
) -> tuple[Invoice, MeltQuote]:
    """Find an invoice amount the token can pay with its fees, and check the fee caps.

    Nothing is spent here: invoices and quotes are free to abandon.

    Raises:
        ValidationError: ``fee.too_high`` (a cap, or fees eat the token),
            ``lightning.amount_out_of_range``, ``lightning.invoice_mismatch``.
    """
    check_mint_fee(plan, policy)
    params = await address.params()
    return await fit_melt(
        ctx,
        plan,
        policy,
        lambda amount: address.invoice(min(amount, params.max_sat), params=params),
        minimum=params.min_sat,
    )


def check_mint_fee(plan: ReceivePlan, policy: Policy) -> None:
    """Refuse a token whose mint's input fee is over the shop's cap (``fee.too_high``)."""
    check_fee_cap(
        "mint",
        plan.fee,
        plan.amount,
        policy.max_mint_fee_pct,
        plan.unit,
        allowance=policy.fee_allowance,
    )


async def fit_melt(
    ctx: WalletContext,
    plan: ReceivePlan,
    policy: Policy,
    ask: Callable[[int], Awaitable[P]],
    *,
    minimum: int = 1,
) -> tuple[P, MeltQuote]:
    """Ask for invoices (``ask(amount)``) until the token can pay one with its mint's fees.

    The Lightning fee reserve is checked against the shop's cap. Nothing is spent here:
    invoices and quotes are free to abandon.

    Raises:
        ValidationError: ``fee.too_high`` (a cap, or fees eat the token).
        SecurityError: ``lightning.invoice_mismatch`` (the mint quoted another amount).
    """
    client = ctx.mints.client(plan.mint_url)
    target = plan.amount - plan.fee - reserve_guess(plan.amount)
    for _ in range(MAX_QUOTE_ROUNDS):
        if target < max(1, minimum):
            raise ValidationError(
                "fee.too_high",
                f"This {plan.amount} {plan.unit} token is too small to convert "
                "after fees. Ask for a token from one of the shop's mints.",
                f"target {target} below minimum {minimum}",
            )
        invoice = await ask(target)
        quote = await client.melt_quote(invoice.bolt11, plan.unit)
        if quote.amount != invoice.amount_sat:
            raise SecurityError(
                "lightning.invoice_mismatch",
                "The mint quoted a different amount than the invoice; nothing was paid.",
                f"quote {quote.amount} invoice {invoice.amount_sat}",
            )
        need = quote.amount + quote.fee_reserve + plan.fee
        if need <= plan.amount:
            check_fee_cap(
                "lightning",
                quote.fee_reserve,
                plan.amount,
                policy.max_lightning_fee_pct,
                plan.unit,
                allowance=policy.fee_allowance,
            )
            return invoice, quote
        target -= need - plan.amount
    raise ValidationError(
        "fee.too_high",
        "The mint's Lightning fees for this token keep changing; it was not converted.",
        f"no quote fitted {plan.amount} after {MAX_QUOTE_ROUNDS} rounds",
    )


async def convert(
    ctx: WalletContext,
    plan: ReceivePlan,
    invoice: Invoice,
    quote: MeltQuote,
    *,
    correlation_id: str | None,
    details: dict[str, object],
) -> Conversion:
    """Melt the customer's proofs to pay ``invoice`` (journalled; recovery finishes a stuck one)."""
    result = await melt_token(
        ctx,
        plan,
        quote,
        correlation_id=correlation_id,
        details={**details, "ln_invoice": invoice.to_dict()},
    )
    return Conversion(invoice, quote, result)


async def melt_token(
    ctx: WalletContext,
    plan: ReceivePlan,
    quote: MeltQuote,
    *,
    correlation_id: str | None,
    details: dict[str, object],
    guard: Callable[[Session], None] | None = None,
) -> MeltResult:
    """Melt a customer's checked token for ``quote``, signing its inputs when locked to the shop.

    ``guard`` writes in the transaction that journals the melt (see :func:`execute_melt`).
    """
    inputs = plan.inputs
    if plan.locked:
        if plan.sig_all:
            raise ValidationError(
                "p2pk.sig_all_unsupported",
                "This token's lock (SIG_ALL) cannot be converted. Ask for a token "
                "from one of the shop's mints.",
                "SIG_ALL melt",
            )
        inputs = tuple(await ctx.cpu(len(inputs), p2pk.sign_proofs, inputs, ctx.shop_key, None))
    return await execute_melt(
        ctx,
        mint_id=plan.mint_id,
        unit=plan.unit,
        quote=quote,
        foreign_inputs=inputs,
        received_token_id=plan.token_id,
        correlation_id=correlation_id,
        details=details,
        guard=guard,
    )


async def prove(address: LightningAddress | None, invoice: Invoice, preimage: str | None) -> str:
    """Classify the proof of a paid melt: proven, verified, unproven or mismatch.

    A preimage that hashes to the payment hash proves the payment (even the 32 zero
    bytes a test backend reports, for the one invoice whose hash they match). None,
    or the zero placeholder for any other invoice, proves nothing: the Lightning
    address's LUD-21 verify URL is asked. Any other preimage is a mismatch.
    """
    if preimage and check_preimage(preimage, invoice.payment_hash):
        return PROVEN
    if not is_missing_preimage(preimage):
        log.warning("melt preimage does not match payment hash %s…", invoice.payment_hash[:12])
        return MISMATCH
    if address is not None and invoice.verify_url:
        try:
            verdict = await address.verify(invoice)
        except Exception as exc:  # the verify service is a courtesy; its failure proves nothing
            log.info("LUD-21 verify failed: %s", exc)
            return UNPROVEN
        return VERIFIED if verdict.proven or verdict.settled else UNPROVEN
    return UNPROVEN
