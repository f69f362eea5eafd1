"""NUT-07 reconciliation: which exported tokens were claimed, which coins are really unspent.

- exported tokens: proofs the mint reports SPENT were claimed; a token is
  ``spent`` when all of them are, ``partially_spent`` when some are;
- ``pending`` proofs that no open operation holds (left by a crash) go back to
  ``unspent`` or to ``spent`` as the mint says;
- ``unspent`` proofs the mint reports SPENT (the seed used elsewhere) are marked
  spent, so the balance never shows money that is gone;
- a reclaimed export (its unclaimed proofs swapped back by the shop) is ``reclaimed``,
  settled in the same transaction as the proofs it brought back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.events import BalanceChanged, ExportsChanged
from pos_app.core.store import schema
from pos_app.core.store.schema import (
    Export,
    Mint,
    Operation,
    OperationInput,
    ProofRow,
    now,
)
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext

CHECK_BATCH = 500
# An export's stored state as its claim is shown (exports.SHOWN, which imports this module).
CLAIM_SHOWN = {"exported": "pending", "partially_spent": "partially_claimed", "spent": "claimed"}


Rows = list[tuple[int, str, str, int | None, int]]


async def check(ctx: WalletContext) -> dict[str, Any]:
    """Reconcile every mint's proofs with the mint; returns counts of what changed."""

    def load(session: Session) -> dict[int, tuple[str, Rows]]:
        open_ops = set(session.scalars(select(Operation.id).where(Operation.state == "pending")))
        rows = session.execute(
            select(
                ProofRow.id,
                ProofRow.y,
                ProofRow.state,
                ProofRow.export_id,
                ProofRow.amount,
                ProofRow.mint_id,
                ProofRow.spent_op_id,
            ).where(ProofRow.state.in_(("unspent", "pending", "exported")))
        ).all()
        busy = reclaiming(session)
        by_mint: dict[int, tuple[str, Rows]] = {}
        for pid, y, state, export_id, amount, mint_id, spent_op in rows:
            if state == "pending" and spent_op in open_ops:
                continue  # recovery owns it
            if export_id in busy:
                continue  # the reclaim's own swap spends them: recovery settles the export
            if mint_id not in by_mint:
                by_mint[mint_id] = (session.get(Mint, mint_id).url, [])
            by_mint[mint_id][1].append((pid, y, state, export_id, amount))
        return by_mint

    return await _reconcile(ctx, await ctx.db.run(load), publish=True)


async def check_exports(
    ctx: WalletContext,
    export_ids: Sequence[int] | None = None,
    *,
    strict: bool = False,
    since: int | None = None,
) -> dict[str, Any]:
    """Which exported tokens were claimed: the proofs of open exports only, batched per mint.

    Args:
        ctx: wallet dependencies.
        export_ids: only these exports (default: every export not settled yet).
        strict: raise a mint's error instead of listing it in ``errors`` (a reclaim must
            not go on with stale states).
        since: only exports made at or after this Unix time.
    """

    def load(session: Session) -> dict[int, tuple[str, Rows]]:
        query = select(
            ProofRow.id, ProofRow.y, ProofRow.export_id, ProofRow.amount, ProofRow.mint_id
        ).where(ProofRow.state == "exported", ProofRow.export_id.is_not(None))
        if export_ids is not None:
            query = query.where(ProofRow.export_id.in_(list(export_ids)))
        if since is not None:
            made = select(Export.id).where(Export.created_at >= since)
            query = query.where(ProofRow.export_id.in_(made))
        busy = reclaiming(session)
        by_mint: dict[int, tuple[str, Rows]] = {}
        for pid, y, export_id, amount, mint_id in session.execute(query).all():
            if export_id in busy:
                continue
            if mint_id not in by_mint:
                by_mint[mint_id] = (session.get(Mint, mint_id).url, [])
            by_mint[mint_id][1].append((pid, y, "exported", export_id, amount))
        return by_mint

    return await _reconcile(ctx, await ctx.db.run(load), strict=strict)


def reclaiming(session: Session, export_ids: Sequence[int] | None = None) -> set[int]:
    """Exports (of ``export_ids``, default all) whose reclaim is journalled but not finished."""
    query = select(Operation.export_id).where(
        Operation.kind == "receive",
        Operation.export_id.is_not(None),
        Operation.state.in_(("pending", "needs_review")),
    )
    if export_ids is not None:
        query = query.where(Operation.export_id.in_(list(export_ids)))
    return set(session.scalars(query))


async def _reconcile(
    ctx: WalletContext,
    by_mint: dict[int, tuple[str, Rows]],
    *,
    publish: bool = False,
    strict: bool = False,
) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "checked": 0,
        "spent": 0,
        "released": 0,
        "exports_spent": 0,
        "exports_partial": 0,
        "errors": [],
    }
    for url, rows in by_mint.values():
        client = ctx.mints.client(url)
        states: dict[str, str] = {}
        try:
            for i in range(0, len(rows), CHECK_BATCH):
                batch = rows[i : i + CHECK_BATCH]
                for st in await client.checkstate([r[1] for r in batch]):
                    states[st.Y] = st.state
        except Exception as exc:  # a dead mint must not stop the others
            if strict:
                raise
            summary["errors"].append(
                {"mint": url, "error": getattr(exc, "code", type(exc).__name__)}
            )
            continue
        changes = await ctx.db.run(lambda s, rows=rows, states=states: _apply(s, rows, states))
        for key, value in changes.items():
            summary[key] += value
        summary["checked"] += len(rows)
        if publish:
            ctx.bus.publish(BalanceChanged(url, "sat"))
    if summary["exports_spent"] or summary["exports_partial"]:
        ctx.bus.publish(ExportsChanged(summary["exports_spent"], summary["exports_partial"]))
    return summary


def _apply(session: Session, rows: Rows, states: dict[str, str]) -> dict[str, int]:
    spent_ids: list[int] = []
    released: list[int] = []
    exports: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for pid, y, state, export_id, amount in rows:
        mint_state = states.get(y)
        if state == "exported" and export_id is not None:
            exports[export_id].append((mint_state or "UNKNOWN", amount))
            if mint_state == "SPENT":
                spent_ids.append(pid)
        elif mint_state == "SPENT":
            spent_ids.append(pid)
        elif state == "pending" and mint_state == "UNSPENT":
            released.append(pid)
    journal.set_proof_state(session, spent_ids, "spent")
    journal.set_proof_state(session, released, "unspent", spent_op_id=None)
    counts = {
        "spent": len(spent_ids),
        "released": len(released),
        "exports_spent": 0,
        "exports_partial": 0,
    }
    for export_id in exports:
        export = session.get(Export, export_id)
        # After the update above, every claimed proof of the export is in state spent.
        claimed = sum(
            session.scalars(
                select(ProofRow.amount).where(
                    ProofRow.export_id == export_id, ProofRow.state == "spent"
                )
            )
        )
        new_state = (
            "spent" if claimed >= export.amount else ("partially_spent" if claimed else "exported")
        )
        if new_state != export.state or claimed != export.claimed_amount:
            if new_state == "spent":
                counts["exports_spent"] += 1
            elif new_state == "partially_spent":
                counts["exports_partial"] += 1
            journal.audit(
                session,
                f"export.{new_state}",
                str(export_id),
                {"claimed": claimed, "amount": export.amount},
            )
        export.state = new_state
        export.claimed_amount = claimed
        export.checked_at = now()
        if export.purpose == "refund":  # the refund shows its token's claim state
            for refund in session.scalars(
                select(schema.Refund).where(schema.Refund.export_id == export_id)
            ):
                refund.claim_state = CLAIM_SHOWN.get(new_state, new_state)
    return counts


def mark_reclaimed(session: Session, op: Operation) -> None:
    """Settle the export a finished receive took back (``op.export_id``).

    Its proofs that were the operation's inputs are spent by the shop itself; what
    the recipient had claimed before is the rest of the face value.
    """
    export = session.get(Export, op.export_id)
    taken = select(OperationInput.y).where(OperationInput.operation_id == op.id)
    ids = list(
        session.scalars(
            select(ProofRow.id).where(ProofRow.export_id == export.id, ProofRow.y.in_(taken))
        )
    )
    journal.set_proof_state(session, ids, "spent", spent_op_id=op.id)
    export.state = "reclaimed"
    export.claimed_amount = export.amount - op.input_amount
    export.checked_at = now()
    journal.audit(
        session,
        "export.reclaimed",
        str(export.id),
        {"reclaimed": op.input_amount, "claimed": export.claimed_amount, "fee": op.fee},
        correlation_id=op.correlation_id,
    )
