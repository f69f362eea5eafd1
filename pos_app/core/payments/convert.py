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
from dataclasses import dataclass

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


async def quote_for_token(
    ctx: WalletContext, plan: ReceivePlan, policy: Policy, address: LightningAddress
) -> tuple[Invoice, MeltQuote]:
    """Find an invoice amount the token can pay with its fees, and check the fee caps.

    Nothing is spent here: invoices and quotes are free to abandon.

    Raises:
        ValidationError: ``fee.too_high`` (a cap, or fees eat the token),
            ``lightning.amount_out_of_range``, ``lightning.invoice_mismatch``.
    """
    check_fee_cap(
        "mint",
        plan.fee,
        plan.amount,
        policy.max_mint_fee_pct,
        plan.unit,
        allowance=policy.fee_allowance,
    )
    client = ctx.mints.client(plan.mint_url)
    params = await address.params()
    target = plan.amount - plan.fee - reserve_guess(plan.amount)
    for _ in range(MAX_QUOTE_ROUNDS):
        if target < max(1, params.min_sat):
            raise ValidationError(
                "fee.too_high",
                f"This {plan.amount} {plan.unit} token is too small to convert to Lightning "
                "after fees. Ask for a token from one of the shop's mints.",
                f"target {target} below minimum {params.min_sat}",
            )
        invoice = await address.invoice(min(target, params.max_sat), params=params)
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
    inputs = plan.inputs
    if plan.locked:
        if plan.sig_all:
            raise ValidationError(
                "p2pk.sig_all_unsupported",
                "This token's lock (SIG_ALL) cannot be converted to Lightning. Ask for a token "
                "from one of the shop's mints.",
                "SIG_ALL melt",
            )
        inputs = tuple(await ctx.cpu(len(inputs), p2pk.sign_proofs, inputs, ctx.shop_key, None))
    result = await execute_melt(
        ctx,
        mint_id=plan.mint_id,
        unit=plan.unit,
        quote=quote,
        foreign_inputs=inputs,
        received_token_id=plan.token_id,
        correlation_id=correlation_id,
        details={**details, "ln_invoice": invoice.to_dict()},
    )
    return Conversion(invoice, quote, result)


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
