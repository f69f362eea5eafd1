"""Withdrawals: the shop's own ecash paid out to its Lightning address, by hand or on a timer.

A withdrawal is an ordinary melt of the shop's coins (:func:`melt.execute_melt`, journalled,
finished by recovery when it does not end clearly) of an invoice from the shop's Lightning
address, checked as a sale's conversion checks it (amount, description hash). Around it:

- the amount is ``withdraw.percent`` of the mint's balance (the rest pays the fees and
  keeps change), capped by the address's ``maxSendable``; the timer withdraws only from a
  trusted mint holding more than ``withdraw.threshold``, and only when that threshold is
  at least the address's ``minSendable`` (else every round would ask for a refused amount);
- the quote's fee reserve plus the inputs' mint fee is checked against
  ``withdraw.max_fee_percent`` before anything is spent; above it nothing is paid and the
  owner is told;
- while a melt of the shop's own coins is open (pending, or waiting for review) at a mint,
  no withdrawal starts there: the check runs inside the transaction that writes the new
  melt (``guard``), so neither this process nor another can pay twice;
- a paid withdrawal is proven (the mint's preimage hashes to the payment hash, else the
  address's LUD-21 verify) and the proof and the fee actually paid are recorded on the
  operation; one that recovery finishes later is proven when recovery reports it;
- "everything to Lightning" (:meth:`Withdrawals.withdraw_all`) is that same withdrawal
  from each trusted mint holding coins, one after the other in the shop's order: a mint
  refused says why and the next one is served.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.config import Config
from pos_app.core.errors import ConfigError, NetworkError, PosError, SecurityError, ValidationError
from pos_app.core.events import Notification
from pos_app.core.mint.models import MeltQuote
from pos_app.core.payments.convert import MISMATCH, PROVEN, UNPROVEN, VERIFIED
from pos_app.core.payments.lnurl import (
    Invoice,
    LightningAddress,
    PayParams,
    check_preimage,
    is_missing_preimage,
)
from pos_app.core.store.schema import Mint, Operation, now
from pos_app.core.wallet import coins
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.melt import MeltResult, execute_melt
from pos_app.core.wallet.mints import mint_row, trusted_in_priority
from pos_app.core.wallet.recovery import Outcome

log = logging.getLogger(__name__)

PURPOSE = "withdraw"
UNIT = "sat"
# Seconds between the timer's rounds; a withdrawal is not urgent, and each round costs
# the Lightning address one request per mint over the threshold.
INTERVAL_SECONDS = 600.0
MAX_ROUNDS = 4
OPEN = ("pending", "needs_review")
# The settings whose combination is checked live against the address (check_threshold).
THRESHOLD_KEYS = ("withdraw.auto", "withdraw.threshold", "lightning.address")
SETTINGS = (
    "lightning.address",
    "withdraw.auto",
    "withdraw.threshold",
    "withdraw.percent",
    "withdraw.max_fee_percent",
)


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """One withdrawal's outcome.

    ``fee`` is what the shop paid on top of ``amount`` (mint input fee + Lightning fee),
    known once paid; ``proof`` is ``proven``, ``verified``, ``unproven`` or ``mismatch``.
    """

    state: str
    mint: str
    unit: str
    amount: int
    fee: int | None
    fee_reserve: int
    input_fee: int
    preimage: str | None
    proof: str | None
    payment_hash: str
    operation_id: str

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet withdraw``."""
        return {
            "state": self.state,
            "mint": self.mint,
            "unit": self.unit,
            "amount": self.amount,
            "fee": self.fee,
            "fee_reserve": self.fee_reserve,
            "input_fee": self.input_fee,
            "preimage": self.preimage,
            "proof": self.proof,
            "payment_hash": self.payment_hash,
            "operation_id": self.operation_id,
        }


@dataclass(frozen=True, slots=True)
class MintWithdrawal:
    """One mint's part of :meth:`Withdrawals.withdraw_all`.

    ``state`` is ``paid``, ``pending`` (the melt did not end clearly: recovery finishes
    it, and it is proven then) or ``refused`` (nothing left the wallet at this mint;
    ``error`` says why). ``amount`` and ``fee`` are what was paid (0 and None when
    refused); ``withdrawal`` is the melt's outcome when there was one.
    """

    mint: str
    state: str
    amount: int
    fee: int | None
    withdrawal: Withdrawal | None = None
    error: PosError | None = None
    operation_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """One entry of ``pos-app wallet withdraw --all``'s ``withdrawals``."""
        if self.withdrawal is not None:
            out = self.withdrawal.to_dict()
        else:
            out = {"state": self.state, "mint": self.mint, "unit": UNIT}
            out.update({"amount": self.amount, "fee": self.fee})
            if self.operation_id is not None:
                out["operation_id"] = self.operation_id
        if self.error is not None:
            out["error"] = self.error.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class WithdrawAll:
    """What :meth:`Withdrawals.withdraw_all` did, mint by mint in the shop's order."""

    results: tuple[MintWithdrawal, ...]

    @property
    def paid(self) -> int:
        """Sats paid to the Lightning address in this run (not counting pending ones)."""
        return sum(r.amount for r in self.results if r.state == "paid")

    @property
    def fees(self) -> int:
        """Fees the paid ones cost on top (mint input fees and Lightning fees)."""
        return sum(r.fee or 0 for r in self.results if r.state == "paid")

    @property
    def refused(self) -> list[MintWithdrawal]:
        """The mints where nothing was paid, with their errors."""
        return [r for r in self.results if r.state == "refused"]

    @property
    def failed(self) -> bool:
        """Nothing was paid nor left in flight, and at least one mint refused."""
        return bool(self.refused) and all(r.state == "refused" for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet withdraw --all``."""
        return {
            "withdrawals": [r.to_dict() for r in self.results],
            "paid": self.paid,
            "fees": self.fees,
        }


def withdraw_amount(balance: int, percent: int, params: PayParams) -> int:
    """``percent`` of ``balance`` (rounded down), at most what the address accepts."""
    return min(balance * percent // 100, params.max_sat)


def fee_over_cap(fee: int, amount: int, cap_percent: float) -> bool:
    """True when ``fee`` is more than ``cap_percent`` percent of ``amount`` (exact)."""
    return fee * 100 > amount * cap_percent


def open_own_melt(session: Session, mint_id: int) -> Operation | None:
    """A melt of the shop's own coins at this mint that has not ended (pending or in review)."""
    return session.scalar(
        select(Operation).where(
            Operation.kind == "melt",
            Operation.mint_id == mint_id,
            Operation.received_token_id.is_(None),
            Operation.state.in_(OPEN),
        )
    )


def refuse_if_open(session: Session, mint_id: int) -> None:
    """Raise ``withdraw.pending`` while an own melt at this mint is open."""
    op = open_own_melt(session, mint_id)
    if op is not None:
        raise ValidationError(
            "withdraw.pending",
            "A payout from this mint is still in progress; no new withdrawal starts until it "
            "ends. The app keeps checking it.",
            f"open melt {op.id} ({op.state})",
            data={"operation_id": op.id},
        )


async def prove_payment(
    http: httpx.AsyncClient, invoice: Invoice, preimage: str | None
) -> tuple[str, str | None]:
    """``(proof, preimage)`` of a paid invoice: the mint's preimage, else the LUD-21 answer.

    The verify URL stored with the invoice is asked (the address setting may have changed
    since); its failure proves nothing, it is not an error.
    """
    if preimage and check_preimage(preimage, invoice.payment_hash):
        return PROVEN, preimage
    if not is_missing_preimage(preimage):
        log.warning("withdrawal preimage does not match %s…", invoice.payment_hash[:12])
        return MISMATCH, preimage
    if not invoice.verify_url:
        return UNPROVEN, None
    try:
        verdict = await LightningAddress(http, invoice.verify_url).verify(invoice)
    except PosError as exc:
        log.info("LUD-21 verify of a withdrawal failed: %s", exc.code)
        return (MISMATCH if isinstance(exc, SecurityError) else UNPROVEN), None
    if verdict.proven:
        return VERIFIED, verdict.preimage
    return (VERIFIED if verdict.settled else UNPROVEN), None


class Withdrawals:
    """Withdrawals to the shop's Lightning address (``App.withdrawals``).

    Args:
        ctx: wallet dependencies.
        config: settings declarations.
        http: the shared web client's factory (Lightning address requests).

    The app hands it the recovery's reports (:meth:`on_recovered`): they finish the proof
    of withdrawals that recovery completed.
    """

    def __init__(
        self,
        ctx: WalletContext,
        config: Config,
        http: Callable[[], httpx.AsyncClient],
    ) -> None:
        self.ctx = ctx
        self.config = config
        self._http = http
        # The last refusal told per mint: a refusal that repeats every round is told once.
        self._told: dict[str, str] = {}

    def attach(self, supervisor: Any) -> None:
        """Register the automatic withdrawal timer with the app's service supervisor."""
        supervisor.add("withdraw", self.auto_round, INTERVAL_SECONDS)

    async def _settings(self) -> dict[str, Any]:
        return await self.ctx.db.run(lambda s: self.config.values(s, SETTINGS))

    def _address(self, settings: dict[str, Any]) -> LightningAddress:
        if not settings["lightning.address"]:
            raise ValidationError(
                "lightning.not_configured",
                "The shop has no Lightning address to withdraw to. Set one in Settings.",
                "lightning.address is empty",
            )
        return LightningAddress(self._http(), settings["lightning.address"])

    async def check_threshold(self, values: Mapping[str, Any]) -> int | None:
        """Refuse automatic withdrawal with a threshold below the address's ``minSendable``.

        Asked live when the owner saves these settings (the Settings page); only with
        automatic withdrawal on and an address set. An address that cannot be reached now
        is no reason to refuse: the timer asks again and tells the owner.

        Returns:
            The address's smallest amount in sat, or None when it was not checked.

        Raises:
            ConfigError: ``config.withdraw_threshold`` (``data["key"]`` is the threshold).
        """
        if not values.get("withdraw.auto") or not values.get("lightning.address"):
            return None
        try:
            params = await LightningAddress(self._http(), values["lightning.address"]).params()
        except PosError as exc:
            log.info("Lightning address not checked: %s", exc.code)
            return None
        threshold = int(values["withdraw.threshold"])
        if threshold < params.min_sat:
            raise ConfigError(
                "config.withdraw_threshold",
                f"The Lightning address accepts {params.min_sat} sat or more: the withdrawal "
                "threshold must be at least that.",
                f"threshold {threshold} < minSendable {params.min_sendable} msat",
                data={"key": "withdraw.threshold", "minimum": params.min_sat},
            )
        return params.min_sat

    # -- one withdrawal ------------------------------------------------------------------

    async def withdraw(self, mint_url: str | None = None, amount: int | None = None) -> Withdrawal:
        """Withdraw from one trusted mint (default: the first in the shop's order) now.

        Args:
            mint_url: the mint; None picks the first trusted mint, in the shop's order, that
                holds ``amount`` (or anything, without an amount).
            amount: sats to pay out; None takes ``withdraw.percent`` of the balance.

        Raises:
            PosError: ``withdraw.pending``, ``withdraw.fee_too_high``, ``withdraw.too_small``,
                ``wallet.insufficient_funds``, ``lightning.*``, and the melt's own errors
                (a melt that does not end clearly is left open for recovery).
        """
        if amount is not None and (
            isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0
        ):
            raise ValidationError(
                "amount.invalid", "The amount must be a positive whole number.", str(amount)
            )
        settings = await self._settings()
        address = self._address(settings)
        if mint_url is None:
            mint_url = await self.ctx.db.run(
                lambda s: coins.first_trusted_mint(s, UNIT, amount or 1)
            )
        params = await address.params()
        return await self._withdraw(mint_url, amount, settings, address, params)

    # -- every mint ----------------------------------------------------------------------

    async def withdraw_all(self) -> WithdrawAll:
        """Withdraw from every trusted mint holding coins, in the shop's order, one by one.

        Each mint goes through the single-mint withdrawal (:meth:`withdraw` without an
        amount): ``withdraw.percent`` of its balance, the fee cap, the guard against a
        second open withdrawal. A mint refused (below the address's minimum, fees over
        the cap, unreachable, a payout still open there...) is reported with its error
        and the next one is served. No mint holding coins: an empty result.

        Raises:
            PosError: only what stops every mint: ``lightning.not_configured``, or the
                address's own errors when its limits cannot be read.
        """
        settings = await self._settings()
        address = self._address(settings)

        def holding(session: Session) -> list[str]:
            return [
                m.url
                for m in trusted_in_priority(session)
                if coins.balance_of(session, m.id, UNIT) > 0
            ]

        urls = await self.ctx.db.run(holding)
        if not urls:
            return WithdrawAll(())
        params = await address.params()
        results = []
        for url in urls:
            results.append(await self._one_of_all(url, settings, address, params))
        return WithdrawAll(tuple(results))

    async def withdraw_from(self, mint_url: str) -> MintWithdrawal:
        """Withdraw from one mint as :meth:`withdraw_all` does each: the outcome, never raised.

        For a face that shows each mint's outcome (the Wallet page): a refusal is the
        entry's ``error``, and a melt without a clear answer is ``pending`` (recovery's),
        never mistaken for a refusal.

        Raises:
            PosError: ``lightning.not_configured`` and the address's own errors (before
                anything is asked of the mint).
        """
        settings = await self._settings()
        address = self._address(settings)
        params = await address.params()
        return await self._one_of_all(mint_url, settings, address, params)

    async def _one_of_all(
        self, url: str, settings: dict[str, Any], address: LightningAddress, params: PayParams
    ) -> MintWithdrawal:
        try:
            done = await self._withdraw(url, None, settings, address, params)
        except PosError as exc:
            log.info("withdrawal of everything from %s: %s", url, exc.code)
            if exc.code != "withdraw.pending":
                # No melt was open here when this one started (else withdraw.pending): one
                # open now is this one, sent without a clear answer (lost, timed out,
                # garbled). The mint may have paid: it is pending, and recovery's.
                pending = await self.ctx.db.run(lambda s: _open_melt_of(s, url))
                if pending is not None:
                    return MintWithdrawal(
                        url, "pending", pending[1], None, error=exc, operation_id=pending[0]
                    )
            return MintWithdrawal(url, "refused", 0, None, error=exc)
        return MintWithdrawal(url, done.state, done.amount, done.fee, withdrawal=done)

    async def preview(self) -> dict[str, Any]:
        """What a withdrawal would ask of each trusted mint holding coins; nothing is paid.

        The address's limits are read (no invoice is asked for). Each mint's ``amount`` is
        ``withdraw.percent`` of its balance at most the address's maximum; the fees, known
        only from the mint's quote, may shrink it a little. ``refusal`` is the code a
        withdrawal would be refused with as far as can be told now (``withdraw.pending``,
        ``withdraw.too_small``), else None.

        Returns:
            ``{"address", "minimum", "maximum", "percent", "max_fee_percent", "mints":
            [{"mint", "balance", "amount", "refusal"}]}`` in the shop's order.
        """
        settings = await self._settings()
        address = self._address(settings)
        params = await address.params()
        percent = int(settings["withdraw.percent"])

        def read(session: Session) -> list[dict[str, Any]]:
            out = []
            for m in trusted_in_priority(session):
                balance = coins.balance_of(session, m.id, UNIT)
                if balance <= 0:
                    continue
                amount = withdraw_amount(balance, percent, params)
                refusal = None
                if open_own_melt(session, m.id) is not None:
                    refusal = "withdraw.pending"
                elif amount < params.min_sat:
                    refusal = "withdraw.too_small"
                out.append(
                    {"mint": m.url, "balance": balance, "amount": amount, "refusal": refusal}
                )
            return out

        return {
            "address": settings["lightning.address"],
            "minimum": params.min_sat,
            "maximum": params.max_sat,
            "percent": percent,
            "max_fee_percent": float(settings["withdraw.max_fee_percent"]),
            "mints": await self.ctx.db.run(read),
        }

    async def _withdraw(
        self,
        mint_url: str,
        amount: int | None,
        settings: dict[str, Any],
        address: LightningAddress,
        params: PayParams,
    ) -> Withdrawal:
        def read(session: Session) -> tuple[int, str, int]:
            row = mint_row(session, mint_url)
            if row is None or not row.trusted:
                raise ValidationError(
                    "mint.unknown",
                    "Withdrawals are made from the shop's trusted mints only.",
                    mint_url,
                )
            refuse_if_open(session, row.id)
            return row.id, row.url, coins.balance_of(session, row.id, UNIT)

        mint_id, url, balance = await self.ctx.db.run(read)
        fixed = amount is not None
        target = amount if fixed else withdraw_amount(balance, settings["withdraw.percent"], params)
        invoice, quote, row_ids, input_fee = await self._fit(
            mint_id,
            url,
            balance=balance,
            target=target,
            fixed=fixed,
            params=params,
            address=address,
        )
        cap = float(settings["withdraw.max_fee_percent"])
        fees = quote.fee_reserve + input_fee
        if fee_over_cap(fees, quote.amount, cap):
            raise ValidationError(
                "withdraw.fee_too_high",
                f"Withdrawing {quote.amount} sat from this mint could cost up to {fees} sat in "
                f"fees, more than the limit of {cap:g}%. Nothing was paid.",
                f"fee reserve {quote.fee_reserve} + input fee {input_fee} on {quote.amount}",
                data={"amount": quote.amount, "fee": fees, "cap": cap, "url": url},
            )
        result = await execute_melt(
            self.ctx,
            mint_id=mint_id,
            unit=UNIT,
            quote=quote,
            own_row_ids=row_ids,
            details={"purpose": PURPOSE, "ln_invoice": invoice.to_dict()},
            guard=lambda s: refuse_if_open(s, mint_id),
        )
        proof, preimage = None, result.preimage
        if result.state == "paid":
            proof, preimage = await self._prove(result.operation_id, invoice, result.preimage)
        return _withdrawal(result, invoice, proof, preimage)

    async def _fit(
        self,
        mint_id: int,
        url: str,
        *,
        balance: int,
        target: int,
        fixed: bool,
        params: PayParams,
        address: LightningAddress,
    ) -> tuple[Invoice, MeltQuote, list[int], int]:
        """An invoice and quote the balance can pay with the fees, and the coins to pay it.

        A fixed amount is asked once; a share of the balance shrinks by what is missing
        when the fees (reserve and input fees) turn out larger than the share left for them.
        """
        client = self.ctx.mints.client(url)
        for _ in range(MAX_ROUNDS):
            if target < params.min_sat:
                raise ValidationError(
                    "withdraw.too_small",
                    f"The Lightning address accepts {params.min_sat} sat or more; this mint "
                    f"can pay out {max(target, 0)} sat.",
                    f"target {target} below minSendable {params.min_sat} sat",
                    data={"amount": target, "minimum": params.min_sat, "url": url},
                )
            invoice = await address.invoice(target, params=params)
            quote = await client.melt_quote(invoice.bolt11, UNIT)
            if quote.amount != invoice.amount_sat:
                raise SecurityError(
                    "lightning.invoice_mismatch",
                    "The mint quoted a different amount than the invoice; nothing was paid.",
                    f"quote {quote.amount} invoice {invoice.amount_sat}",
                )

            def pick(session: Session, q: MeltQuote = quote) -> tuple[list[int], int]:
                fees, inactive = coins.fee_table(session, mint_id)
                selected, fee = coins.select_coins(
                    session, mint_id, UNIT, q.amount + q.fee_reserve, fees, prefer_inactive=inactive
                )
                return [c.row_id for c in selected], fee

            try:
                row_ids, input_fee = await self.ctx.db.run(pick)
                return invoice, quote, row_ids, input_fee
            except ValidationError as exc:
                if fixed or exc.code != "wallet.insufficient_funds":
                    raise
                # What is missing with every coin spent (their input fee included): the
                # share shrinks by that, so the next quote fits unless the fees change.
                short = exc.data["target"] + exc.data["fee"] - exc.data["available"]
            target -= max(short, 1)
        raise ValidationError(
            "withdraw.fees_unstable",
            "The mint's fees for this withdrawal kept changing; nothing was paid.",
            f"no quote fitted {balance} sat after {MAX_ROUNDS} rounds",
            data={"url": url},
        )

    async def _prove(
        self, op_id: str, invoice: Invoice, preimage: str | None
    ) -> tuple[str, str | None]:
        proof, shown = await prove_payment(self._http(), invoice, preimage)

        def write(session: Session) -> tuple[str, int, int]:
            op = session.get(Operation, op_id)
            result = json.loads(op.result_json)  # a paid melt's, written by complete_melt
            result.update({"proof": proof, "proof_preimage": shown})
            op.result_json = json.dumps(result)
            op.updated_at = now()
            details = json.loads(op.details_json)
            return session.get(Mint, op.mint_id).url, details["amount"], _fee(op, result)

        url, amount, fee = await self.ctx.db.run(write)
        self._told.pop(url, None)
        if proof in (PROVEN, VERIFIED):
            self._notify(
                "info", "Withdrawn", "withdraw_done", op_id, url=url, amount=amount, fee=fee
            )
        else:
            self._notify(
                "critical" if proof == MISMATCH else "warning",
                "Withdrawal not proven",
                "withdraw_unproven",
                op_id,
                url=url,
                amount=amount,
            )
        return proof, shown

    async def on_recovered(self, outcome: Outcome) -> None:
        """Prove a withdrawal that recovery found paid.

        Only recovery finishes a melt that did not end in its first request, so such a
        withdrawal was never proven before (a finished one is not run again).
        """
        if outcome.kind != "melt" or outcome.state != "recovered":
            return

        def read(session: Session) -> tuple[dict[str, Any], dict[str, Any]]:
            op = session.get(Operation, outcome.operation_id)
            return json.loads(op.details_json), json.loads(op.result_json)  # recovered: paid

        details, result = await self.ctx.db.run(read)
        if details.get("purpose") != PURPOSE:
            return
        invoice = Invoice.from_dict(details["ln_invoice"])
        await self._prove(outcome.operation_id, invoice, result.get("preimage"))

    # -- the timer -----------------------------------------------------------------------

    async def auto_round(self) -> list[Withdrawal]:
        """One round of the timer: withdraw from every trusted mint over the threshold."""
        settings = await self._settings()
        if not settings["withdraw.auto"] or not settings["lightning.address"]:
            return []
        threshold = int(settings["withdraw.threshold"])

        def over(session: Session) -> list[str]:
            return [
                m.url
                for m in trusted_in_priority(session)
                if coins.balance_of(session, m.id, UNIT) > threshold
            ]

        urls = await self.ctx.db.run(over)
        if not urls:
            return []
        address = self._address(settings)
        params = await address.params()
        if threshold < params.min_sat:
            self._refused(
                "*", "withdraw_below_minimum", threshold=threshold, minimum=params.min_sat
            )
            return []
        done = []
        for url in urls:
            try:
                done.append(await self._withdraw(url, None, settings, address, params))
            except NetworkError as exc:
                # Not reached, or the melt's answer was lost: an open melt is recovery's now.
                log.info("automatic withdrawal from %s: %s", url, exc.code)
            except PosError as exc:
                if exc.code == "withdraw.pending":
                    continue
                facts = {k: v for k, v in exc.data.items() if k in ("amount", "fee", "cap")}
                capped = exc.code == "withdraw.fee_too_high"
                kind = "withdraw_fee_cap" if capped else "withdraw_failed"
                body = "" if capped else exc.user_message
                self._refused(url, kind, body, url=url, reason=exc.code, **facts)
        return done

    def _refused(self, key: str, kind: str, body: str = "", **facts: Any) -> None:
        seen = f"{kind}:{sorted(facts.items())}"
        if self._told.get(key) == seen:
            return
        self._told[key] = seen
        self._notify("warning", "Withdrawal not paid", kind, key, body=body, **facts)

    def _notify(
        self, level: str, title: str, kind: str, key: str, body: str = "", **facts: Any
    ) -> None:
        text = body or _BODIES[kind].format(**facts)
        data = {"dedupe": f"{kind}:{key}", **facts}
        self.ctx.bus.publish(Notification(level, title, text, kind=kind, data=data))

    # -- history -------------------------------------------------------------------------

    async def history(self) -> list[dict[str, Any]]:
        """The withdrawals, newest first: when, mint, amount, fee, state, proof.

        ``preimage`` is the proof of payment (the mint's, or the address's LUD-21 answer);
        None while a withdrawal is open or when nothing proved it. All of them: a shop
        makes a few a day at most (the timer's interval, a threshold to pass each time).
        """

        def read(session: Session) -> list[dict[str, Any]]:
            rows = session.execute(
                select(Operation, Mint.url)
                .join(Mint)  # on the one foreign key, operations.mint_id
                .where(Operation.kind == "melt")
                .order_by(Operation.created_at.desc())
            ).all()
            out = []
            for op, url in rows:
                details = json.loads(op.details_json)
                if details.get("purpose") != PURPOSE:
                    continue
                result = json.loads(op.result_json or "{}")
                paid = op.state in ("done", "recovered")
                out.append(
                    {
                        "id": op.id,
                        "created_at": op.created_at,
                        "mint": url,
                        "amount": details["amount"],
                        "fee": _fee(op, result) if paid else None,
                        "state": op.state,
                        "preimage": result.get("proof_preimage"),
                        "proof": result.get("proof"),
                        "payment_hash": details["ln_invoice"]["payment_hash"],
                    }
                )
            return out

        return await self.ctx.db.run(read)


# The core's words (the app words them from the data, pos_app.ui.messages).
_BODIES = {
    "withdraw_done": "{amount} sat from {url} were paid to the Lightning address (fee {fee} sat).",
    "withdraw_unproven": (
        "{amount} sat from {url} were paid out, but the payment could not be proven. Check "
        "the Lightning wallet."
    ),
    "withdraw_fee_cap": (
        "A withdrawal of {amount} sat from {url} was not paid: its fees of up to {fee} sat are "
        "more than {cap}% of it. Nothing was spent."
    ),
    "withdraw_below_minimum": (
        "Automatic withdrawals wait: the threshold of {threshold} sat is below the {minimum} sat "
        "the Lightning address accepts. Raise it in Settings."
    ),
}


def _open_melt_of(session: Session, url: str) -> tuple[str, int] | None:
    """``(operation id, amount)`` of the open melt of own coins at ``url``, if any."""
    row = mint_row(session, url)
    op = open_own_melt(session, row.id) if row is not None else None
    if op is None:
        return None
    return op.id, int(json.loads(op.details_json)["amount"])


def _fee(op: Operation, result: dict[str, Any]) -> int:
    """What a paid melt cost beyond its amount: inputs less amount less change.

    ``result`` is a paid melt's result, where complete_melt always writes the change.
    """
    return op.input_amount - json.loads(op.details_json)["amount"] - int(result["change"])


def _withdrawal(
    result: MeltResult, invoice: Invoice, proof: str | None, preimage: str | None
) -> Withdrawal:
    paid = result.state == "paid"
    return Withdrawal(
        state=result.state,
        mint=result.mint,
        unit=result.unit,
        amount=result.amount,
        fee=result.fee_paid + result.input_fee if paid else None,
        fee_reserve=result.fee_reserve,
        input_fee=result.input_fee,
        preimage=preimage,
        proof=proof,
        payment_hash=invoice.payment_hash,
        operation_id=result.operation_id,
    )
