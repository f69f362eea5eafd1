"""NUT-07 reconciliation: which exported tokens were claimed, which coins are really unspent.

- exported tokens: proofs the mint reports SPENT were claimed; a token is
  ``spent`` when all of them are, ``partially_spent`` when some are;
- ``pending`` proofs that no open operation holds (left by a crash) go back to
  ``unspent`` or to ``spent`` as the mint says;
- ``unspent`` proofs the mint reports SPENT (the seed used elsewhere) are marked
  spent, so the balance never shows money that is gone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.events import BalanceChanged
from pos_app.core.store.schema import Export, Mint, Operation, ProofRow, now
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext

CHECK_BATCH = 500


async def check(ctx: WalletContext) -> dict[str, Any]:
    """Reconcile every mint's proofs with the mint; returns counts of what changed."""

    def load(
        session: Session,
    ) -> dict[int, tuple[str, list[tuple[int, str, str, int | None, int]]]]:
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
        by_mint: dict[int, tuple[str, list[tuple[int, str, str, int | None, int]]]] = {}
        for pid, y, state, export_id, amount, mint_id, spent_op in rows:
            if state == "pending" and spent_op in open_ops:
                continue  # recovery owns it
            if mint_id not in by_mint:
                by_mint[mint_id] = (session.get(Mint, mint_id).url, [])
            by_mint[mint_id][1].append((pid, y, state, export_id, amount))
        return by_mint

    summary = {
        "checked": 0,
        "spent": 0,
        "released": 0,
        "exports_spent": 0,
        "exports_partial": 0,
        "errors": [],
    }
    for url, rows in (await ctx.db.run(load)).values():
        client = ctx.mints.client(url)
        states: dict[str, str] = {}
        try:
            for i in range(0, len(rows), CHECK_BATCH):
                batch = rows[i : i + CHECK_BATCH]
                for st in await client.checkstate([r[1] for r in batch]):
                    states[st.Y] = st.state
        except Exception as exc:  # a dead mint must not stop the others
            summary["errors"].append(
                {"mint": url, "error": getattr(exc, "code", type(exc).__name__)}
            )
            continue
        changes = await ctx.db.run(lambda s, rows=rows, states=states: _apply(s, rows, states))
        for key, value in changes.items():
            summary[key] += value
        summary["checked"] += len(rows)
        ctx.bus.publish(BalanceChanged(url, "sat"))
    return summary


def _apply(
    session: Session, rows: list[tuple[int, str, str, int | None, int]], states: dict[str, str]
) -> dict[str, int]:
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
    return counts
