"""Restoring the wallet from its seed (NUT-13 + NUT-09).

Per keyset, derive outputs in batches of 100 from counter 0, ask the mint for
the signatures it holds (``/v1/restore``), keep the proofs that are still
``UNSPENT``, and stop after three empty batches in a row. Progress is written
after every batch (a ``restore`` journal row per keyset), so a restore that is
interrupted resumes where it stopped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu import crypto
from pos_app.core.events import BalanceChanged
from pos_app.core.store.schema import Mint, Operation, now
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import mint_row
from pos_app.core.wallet.outputs import build_outputs, match_restored, unblind

BATCH = 100
EMPTY_BATCHES_TO_STOP = 3

Progress = Callable[[dict[str, Any]], None]


@dataclass
class RestoreReport:
    """What a restore found, per mint."""

    mints: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> dict[str, int]:
        """Restored unspent amount per unit."""
        out: dict[str, int] = {}
        for m in self.mints:
            for ks in m["keysets"]:
                out[ks["unit"]] = out.get(ks["unit"], 0) + ks["amount"]
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``pos-app wallet restore``."""
        return {"mints": self.mints, "total": self.total}


async def restore(
    ctx: WalletContext, mint_url: str | None = None, progress: Progress | None = None
) -> RestoreReport:
    """Scan every keyset of one mint (or of every known trusted mint) for the seed's proofs."""

    def mints(session: Session) -> list[tuple[int, str]]:
        if mint_url is not None:
            row = mint_row(session, mint_url)
            if row is None:
                from pos_app.core.errors import ValidationError

                raise ValidationError(
                    "mint.unknown", "Add the mint first (pos-app mints add URL).", mint_url
                )
            return [(row.id, row.url)]
        return [(m.id, m.url) for m in session.scalars(select(Mint).where(Mint.trusted.is_(True)))]

    report = RestoreReport()
    for mint_id, url in await ctx.db.run(mints):
        keysets = await ctx.mints.sync_keysets(mint_id, url)
        found = []
        for keyset in keysets:
            found.append(await _scan_keyset(ctx, mint_id, url, keyset, progress))
        report.mints.append({"mint": url, "keysets": found})
        ctx.bus.publish(BalanceChanged(url, "sat"))
    return report


def _restore_op(session: Session, mint_id: int, keyset_id: str, unit: str) -> Operation:
    op = session.scalar(
        select(Operation).where(
            Operation.kind == "restore",
            Operation.keyset_id == keyset_id,
            Operation.state == "pending",
        )
    )
    if op is None:
        op = Operation(
            id=journal.new_id(),
            kind="restore",
            state="pending",
            step="scanning",
            mint_id=mint_id,
            unit=unit,
            keyset_id=keyset_id,
            counter_start=0,
            attempts=0,
            details_json=json.dumps(
                {"next": 0, "empty": 0, "amount": 0, "proofs": 0, "last_hit": -1}
            ),
        )
        session.add(op)
        session.flush()
    return op


async def _scan_keyset(
    ctx: WalletContext, mint_id: int, url: str, keyset: Any, progress: Progress | None
) -> dict[str, Any]:
    op = await ctx.db.run(lambda s: _restore_op(s, mint_id, keyset.id, keyset.unit))
    state = json.loads(op.details_json)
    client = ctx.mints.client(url)
    while state["empty"] < EMPTY_BATCHES_TO_STOP:
        start = state["next"]
        outputs = await ctx.cpu(BATCH, build_outputs, ctx.seed, keyset.id, [1] * BATCH, start)
        pairs = await client.restore(outputs.messages)
        proofs: list[Any] = []
        counters: list[int | None] = []
        if pairs:
            indexes, sigs = match_restored(outputs, pairs)
            result = await ctx.cpu(
                len(sigs), partial(unblind, outputs, sigs, keyset, indexes=indexes, blank=True)
            )
            states = await client.checkstate([crypto.y_of_secret(p.secret) for p in result.proofs])
            for proof, counter, st in zip(result.proofs, result.counters, states, strict=True):
                if st.state == "UNSPENT":
                    proofs.append(proof)
                    counters.append(counter)
            state["last_hit"] = start + max(indexes)
            state["empty"] = 0
        else:
            state["empty"] += 1
        state["next"] = start + BATCH
        state["amount"] += sum(p.amount for p in proofs)
        state["proofs"] += len(proofs)
        done = state["empty"] >= EMPTY_BATCHES_TO_STOP

        def save(
            session: Session,
            proofs: list[Any] = proofs,
            counters: list[int | None] = counters,
            done: bool = done,
        ) -> None:
            journal.insert_proofs(
                session,
                mint_id=mint_id,
                unit=keyset.unit,
                proofs=proofs,
                counters=counters,
                origin="restored",
                op_id=op.id,
            )
            journal.advance_counter(session, keyset.id, state["last_hit"] + 1)
            row = session.get(Operation, op.id)
            row.details_json = json.dumps(state)
            row.updated_at = now()
            if done:
                row.state = "done"
                row.step = "done"
                row.result_json = json.dumps({"amount": state["amount"], "proofs": state["proofs"]})
                journal.audit(
                    session, "restore.done", keyset.id, {"amount": state["amount"], "mint": url}
                )

        await ctx.db.run(save)
        if progress is not None:
            progress(
                {
                    "mint": url,
                    "keyset": keyset.id,
                    "counter": state["next"],
                    "found": state["proofs"],
                    "amount": state["amount"],
                }
            )
    return {
        "keyset": keyset.id,
        "unit": keyset.unit,
        "amount": state["amount"],
        "proofs": state["proofs"],
        "next_counter": state["last_hit"] + 1,
    }


async def resume(ctx: WalletContext, op_id: str) -> dict[str, Any]:
    """Continue an interrupted keyset scan (called by recovery)."""
    op, url = await ctx.db.run(lambda s: journal.operation_and_mint(s, op_id))
    keysets = {k.id: k for k in await ctx.mints.sync_keysets(op.mint_id, url)}
    result = await _scan_keyset(ctx, op.mint_id, url, keysets[op.keyset_id], None)
    ctx.bus.publish(BalanceChanged(url, op.unit))
    return result
