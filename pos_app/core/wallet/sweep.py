"""Keyset sweep: coins on a mint's old keys are swapped for coins on its current keys.

A mint stops signing on an inactive keyset and may stop redeeming one after its
``final_expiry`` (NUT-02); coins left there lose their value. On the timer, for each
trusted mint the shop holds coins at, the keyset list is fetched again, and the coins
on keysets that are inactive, or that expire within ``sweep.expiry_days``, are swapped
to the output keyset (active, keys known, lowest fee).

The swap is a send whose outputs are all kept (``kind="send"``, ``purpose="sweep"``,
no send indexes): it uses the send's journal and recovery as they are, and the drawer
counts its cost as fees. The input fee is computed before anything is written; above
``sweep.max_fee_sat`` nothing is swapped and the owner is told.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu.amounts import split_with_keyset
from pos_app.core.cashu.keysets import fee_for_proofs
from pos_app.core.config import Config
from pos_app.core.errors import NetworkError, PosError, ProtocolError, SecurityError
from pos_app.core.events import Notification, OperationChanged
from pos_app.core.faults import fault_point
from pos_app.core.store.schema import KeysetRow, Mint, Operation, ProofRow
from pos_app.core.wallet import coins, journal
from pos_app.core.wallet.answers import bad_answer
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import output_keyset, stored_keysets
from pos_app.core.wallet.outputs import Outputs, build_outputs
from pos_app.core.wallet.send import complete_send

log = logging.getLogger(__name__)

PURPOSE = "sweep"
INTERVAL_SECONDS = 3600.0
# Inputs per swap: well under what mints accept in one request (nutshell: 1000).
MAX_INPUTS = 200


@dataclass(frozen=True, slots=True)
class SweepResult:
    """One mint and unit's sweep: ``done``, ``skipped`` (``reason``) or ``pending`` (recovery)."""

    state: str
    mint: str
    unit: str
    amount: int
    fee: int
    kept: int = 0
    operation_id: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet sweep``."""
        return {
            "state": self.state,
            "mint": self.mint,
            "unit": self.unit,
            "amount": self.amount,
            "fee": self.fee,
            "kept": self.kept,
            "operation_id": self.operation_id,
            "reason": self.reason,
        }


def stale_keysets(session: Session, mint_id: int, before: int) -> set[str]:
    """A mint's keysets that are inactive, or whose ``final_expiry`` (0: none) is before ``before``.

    A set ``final_expiry`` is a promise to stop redeeming then: the coins must move first.
    """
    rows = session.execute(
        select(KeysetRow.id, KeysetRow.active, KeysetRow.final_expiry).where(
            KeysetRow.mint_id == mint_id
        )
    ).all()
    return {k for k, active, expiry in rows if not active or (expiry and expiry < before)}


def stale_units(session: Session, mint_id: int, stale: set[str]) -> list[str]:
    """The units the shop holds unspent coins of on the ``stale`` keysets."""
    if not stale:
        return []
    rows = session.scalars(
        select(ProofRow.unit)
        .where(
            ProofRow.mint_id == mint_id,
            ProofRow.state == "unspent",
            ProofRow.keyset_id.in_(stale),
        )
        .group_by(ProofRow.unit)
        .order_by(ProofRow.unit)
    )
    return list(rows)


@dataclass(frozen=True, slots=True)
class _Plan:
    op: Operation | None
    outputs: Outputs | None
    amount: int
    fee: int
    reason: str | None = None


async def sweep_mint(
    ctx: WalletContext, mint_id: int, url: str, *, expiry_days: int, max_fee: int
) -> list[SweepResult]:
    """Swap this mint's coins on stale keysets to its output keyset, one unit at a time.

    The stored keyset flags decide (the health monitor stores a mint's changes, or the
    caller syncs first): with nothing stale the mint is not contacted.

    Raises:
        NetworkError: the mint cannot be reached (an open swap is recovery's).
    """
    before = ctx.now() + expiry_days * 86400

    def units(session: Session) -> list[str]:
        return stale_units(session, mint_id, stale_keysets(session, mint_id, before))

    results = []
    for unit in await ctx.db.run(units):
        results.append(await _sweep_unit(ctx, mint_id, url, unit, before=before, max_fee=max_fee))
    return results


async def _sweep_unit(
    ctx: WalletContext, mint_id: int, url: str, unit: str, *, before: int, max_fee: int
) -> SweepResult:
    op_id = journal.new_id()

    def prepare(session: Session) -> _Plan:
        stale = stale_keysets(session, mint_id, before)
        fresh = [k for k in stored_keysets(session, mint_id) if k.id not in stale]
        keyset = output_keyset(fresh, unit)
        if keyset is None:
            # Every key the mint signs with expires too: swapping would gain nothing.
            return _Plan(None, None, 0, 0, "no_fresh_keyset")
        rows = list(
            session.scalars(
                select(ProofRow)
                .where(
                    ProofRow.mint_id == mint_id,
                    ProofRow.unit == unit,
                    ProofRow.state == "unspent",
                    ProofRow.keyset_id.in_(stale),
                )
                .order_by(ProofRow.amount.desc(), ProofRow.id)
                .limit(MAX_INPUTS)
            )
        )
        inputs = [journal.proof_from_row(r) for r in rows]
        total = sum(p.amount for p in inputs)
        fee = fee_for_proofs(inputs, coins.fee_table(session, mint_id)[0])
        if fee > max_fee:
            return _Plan(None, None, total, fee, "fee_too_high")
        if total <= fee:
            return _Plan(None, None, total, fee, "too_small")
        amounts = split_with_keyset(total - fee, keyset.keys)
        start = journal.reserve_counters(session, keyset.id, len(amounts))
        outputs = build_outputs(ctx.seed, keyset.id, amounts, start)
        journal.take_unspent(session, [r.id for r in rows], "pending", spent_op_id=op_id)
        op = Operation(
            id=op_id,
            kind="send",
            state="pending",
            step="prepared",
            next_retry_at=journal.lease(),
            mint_id=mint_id,
            unit=unit,
            keyset_id=keyset.id,
            counter_start=start,
            counter_count=len(amounts),
            output_amounts_json=json.dumps(amounts),
            inputs_json=journal.proofs_json(inputs),
            input_amount=total,
            fee=fee,
            details_json=json.dumps(
                {
                    "send_indexes": [],
                    "explicit": {},
                    "lock": None,
                    "purpose": PURPOSE,
                    "memo": None,
                    "amount": 0,
                    "from_keysets": sorted({r.keyset_id for r in rows}),
                }
            ),
        )
        session.add(op)
        session.flush()
        journal.lock_inputs(session, op_id, [r.y for r in rows])
        return _Plan(op, outputs, total, fee)

    plan = await ctx.db.run(prepare)
    if plan.op is None or plan.outputs is None:
        return SweepResult("skipped", url, unit, plan.amount, plan.fee, reason=plan.reason)
    inputs = journal.proofs_from_json(plan.op.inputs_json)
    try:
        signatures = await ctx.mints.client(url).swap(inputs, plan.outputs.messages)
    except NetworkError as exc:
        await ctx.db.run(lambda s, e=exc: journal.mark_sent(s, op_id, e))
        ctx.bus.publish(OperationChanged(op_id, "send", "pending", exc.code))
        raise
    except ProtocolError as exc:  # an unreadable answer may still have spent the inputs
        await bad_answer(ctx, plan.op, inputs, exc)
        return SweepResult("pending", url, unit, plan.amount, plan.fee, 0, op_id, exc.code)
    except PosError as exc:
        await ctx.db.run(lambda s, e=exc: journal.fail_operation(s, op_id, e))
        ctx.bus.publish(OperationChanged(op_id, "send", "failed", exc.code))
        raise
    fault_point("after_sweep_swap")
    try:
        await complete_send(ctx, op_id, plan.outputs, signatures)
    except (ProtocolError, SecurityError) as exc:
        await bad_answer(ctx, plan.op, inputs, exc)
        return SweepResult("pending", url, unit, plan.amount, plan.fee, 0, op_id, exc.code)
    kept = plan.amount - plan.fee
    return SweepResult("done", url, unit, plan.amount, plan.fee, kept, op_id)


class Sweeper:
    """The keyset sweep over every trusted mint (``App.sweeper``; a timer in the services)."""

    def __init__(self, ctx: WalletContext, config: Config) -> None:
        self.ctx = ctx
        self.config = config
        self._told: dict[tuple[str, str], tuple[int, int]] = {}

    def attach(self, supervisor: Any) -> None:
        """Register the sweep timer with the app's service supervisor."""
        supervisor.add("sweep", self.round, INTERVAL_SECONDS)

    async def round(self, mint_url: str | None = None, *, sync: bool = False) -> list[SweepResult]:
        """Sweep every trusted mint holding coins (or only ``mint_url``).

        Args:
            mint_url: only this mint; its failure is raised instead of logged.
            sync: fetch each mint's keyset list first (the command line, where no health
                monitor keeps the stored flags fresh).
        """

        def read(session: Session) -> tuple[dict[str, Any], list[tuple[int, str]]]:
            values = self.config.values(session, ("sweep.expiry_days", "sweep.max_fee_sat"))
            held = select(ProofRow.mint_id).where(ProofRow.state == "unspent").distinct()
            query = select(Mint.id, Mint.url).where(Mint.trusted.is_(True), Mint.id.in_(held))
            if mint_url is not None:
                query = query.where(Mint.url == mint_url)
            return values, [(i, u) for i, u in session.execute(query.order_by(Mint.id))]

        values, mints = await self.ctx.db.run(read)
        results: list[SweepResult] = []
        for mint_id, url in mints:
            try:
                if sync:
                    await self.ctx.mints.sync_keysets(mint_id, url)
                found = await sweep_mint(
                    self.ctx,
                    mint_id,
                    url,
                    expiry_days=int(values["sweep.expiry_days"]),
                    max_fee=int(values["sweep.max_fee_sat"]),
                )
            except PosError as exc:
                if mint_url is not None:
                    raise
                log.info("keyset sweep of %s: %s %s", url, exc.code, exc.detail)
                continue
            for result in found:
                self._tell(result, int(values["sweep.max_fee_sat"]))
            results.extend(found)
        return results

    def _tell(self, result: SweepResult, cap: int) -> None:
        key = (result.mint, result.unit)
        if result.reason != "fee_too_high":
            self._told.pop(key, None)
            return
        if self._told.get(key) == (result.fee, cap):
            return  # told already; a new fee or a new cap is told again
        self._told[key] = (result.fee, cap)
        self.ctx.bus.publish(
            Notification(
                "warning",
                "Old coins not renewed",
                f"Coins worth {result.amount} {result.unit} at {result.mint} are on old keys. "
                f"Renewing them costs {result.fee} {result.unit}, above the limit of {cap}; they "
                "were left as they are.",
                kind="sweep_fee_cap",
                data={
                    "dedupe": f"sweep_fee_cap:{result.mint}:{result.unit}",
                    "url": result.mint,
                    "amount": result.amount,
                    "fee": result.fee,
                    "cap": cap,
                    "unit": result.unit,
                },
            )
        )
