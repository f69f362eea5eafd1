"""The ecash drawer count: what the wallet should hold at each mint, from the balance ledger.

Per mint and unit: the opening balance (the ledger up to the last Z report), plus what
came in, minus what went out, gives the expected balance; the wallet's unspent and
pending proofs are what it holds. The ledger is written in the transactions that move
proofs (``journal``), so the two agree unless something changed the proofs behind its
back; the difference is shown, never hidden.

Moves are grouped by the operation behind them:
- ``received``: customer tokens swapped in, and the change a customer's melt left;
- ``restored`` / ``reclaimed``: found again from the seed, or taken back from an export;
- ``exported``: tokens handed out (USB files, change, refunds), without their fee;
- ``withdrawn``: paid out over Lightning, without its fee;
- ``fees``: mint input fees and Lightning fees the wallet paid for exports and withdrawals;
- ``spent_elsewhere``: proofs the mint reported spent that no operation of this wallet spent;
- ``other``: anything else (shown, so nothing disappears from the count).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.store.schema import BalanceMove, Mint, Operation, ProofRow
from pos_app.core.wallet.journal import HELD

LINES = (
    "received",
    "restored",
    "reclaimed",
    "exported",
    "withdrawn",
    "fees",
    "spent_elsewhere",
    "other",
)


def last_move(session: Session) -> int:
    """The id of the newest balance move (0 for none)."""
    return int(session.scalar(select(func.max(BalanceMove.id))) or 0)


def _balances(session: Session, through: int) -> dict[tuple[int, str], int]:
    rows = session.execute(
        select(BalanceMove.mint_id, BalanceMove.unit, func.sum(BalanceMove.delta))
        .where(BalanceMove.id <= through)
        .group_by(BalanceMove.mint_id, BalanceMove.unit)
    )
    return {(mint, unit): int(total) for mint, unit, total in rows}


def _held(session: Session) -> dict[tuple[int, str, str], int]:
    rows = session.execute(
        select(ProofRow.mint_id, ProofRow.unit, ProofRow.state, func.sum(ProofRow.amount))
        .where(ProofRow.state.in_(HELD))
        .group_by(ProofRow.mint_id, ProofRow.unit, ProofRow.state)
    )
    return {(mint, unit, state): int(total) for mint, unit, state, total in rows}


def _exported_by(session: Session, op_ids: list[str]) -> dict[str, int]:
    """What each send operation handed out (its send proofs are never held)."""
    if not op_ids:
        return {}
    rows = session.execute(
        select(ProofRow.created_op_id, func.sum(ProofRow.amount))
        .where(ProofRow.created_op_id.in_(op_ids), ProofRow.origin == "send")
        .group_by(ProofRow.created_op_id)
    )
    return {op: int(total) for op, total in rows}


def _split(
    op: Operation | None, reason_net: dict[str, int], exported: dict[str, int]
) -> dict[str, int]:
    """The drawer lines of one operation's moves (or of moves without an operation)."""
    net = sum(reason_net.values())
    if op is None:
        lines: dict[str, int] = defaultdict(int)
        for reason, delta in reason_net.items():
            if reason == "exported":
                lines["exported"] += delta
            elif reason == "spent":
                lines["spent_elsewhere"] += delta
            elif reason in ("restored", "reclaimed", "received"):
                lines[reason] += delta
            else:
                lines["other"] += delta
        return dict(lines)
    if op.kind in ("receive", "restore", "mint") or (net >= 0 and op.kind == "melt"):
        line = {"receive": "received", "restore": "restored"}.get(op.kind, "received")
        if "reclaimed" in reason_net:
            line = "reclaimed"
        return {line: net}
    if op.kind == "send":
        handed = exported.get(op.id, 0)
        return {"exported": -handed, "fees": net + handed}
    if op.kind == "melt":
        paid = int(json.loads(op.details_json or "{}").get("amount", 0))
        return {"withdrawn": -paid, "fees": net + paid}
    return {"other": net}


def count(
    session: Session,
    after: int,
    through: int,
    opening_by_url: dict[tuple[str, str], int] | None = None,
) -> list[dict[str, Any]]:
    """The drawer per mint and unit for the moves ``after`` < id <= ``through``.

    ``opening_by_url``: what the last Z report counted as expected per (mint URL, unit),
    the same as the ledger's sum up to ``after`` without reading it all again.
    Held and pending are read now (the caller's transaction fixes ``through`` and the
    proofs together, so they describe the same moment).
    """
    urls = dict(session.execute(select(Mint.id, Mint.url)).all())
    if opening_by_url is None:
        opening = _balances(session, after)
    else:
        ids = {url: mint_id for mint_id, url in urls.items()}
        opening = {
            (ids[url], unit): amount
            for (url, unit), amount in opening_by_url.items()
            if url in ids and amount
        }
    moves = session.execute(
        select(
            BalanceMove.mint_id,
            BalanceMove.unit,
            BalanceMove.operation_id,
            BalanceMove.reason,
            func.sum(BalanceMove.delta),
        )
        .where(BalanceMove.id > after, BalanceMove.id <= through, BalanceMove.reason != "opening")
        .group_by(
            BalanceMove.mint_id, BalanceMove.unit, BalanceMove.operation_id, BalanceMove.reason
        )
    ).all()
    opening_moves = session.execute(
        select(BalanceMove.mint_id, BalanceMove.unit, func.sum(BalanceMove.delta))
        .where(BalanceMove.id > after, BalanceMove.id <= through, BalanceMove.reason == "opening")
        .group_by(BalanceMove.mint_id, BalanceMove.unit)
    ).all()
    for mint, unit, total in opening_moves:  # the ledger began inside this period
        opening[(mint, unit)] = opening.get((mint, unit), 0) + int(total)
    by_op: dict[tuple[int, str, str | None], dict[str, int]] = defaultdict(dict)
    for mint, unit, op_id, reason, total in moves:
        by_op[(mint, unit, op_id)][reason] = int(total)
    op_ids = sorted({op for _, _, op in by_op if op is not None})
    ops = {op.id: op for op in session.scalars(select(Operation).where(Operation.id.in_(op_ids)))}
    exported = _exported_by(session, [i for i, op in ops.items() if op.kind == "send"])
    lines: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(LINES, 0))
    for (mint, unit, op_id), reason_net in by_op.items():
        for line, amount in _split(ops.get(op_id or ""), reason_net, exported).items():
            lines[(mint, unit)][line] += amount
    held = _held(session)
    keys = set(opening) | set(lines) | {(m, u) for m, u, _ in held}
    out = []
    for mint, unit in sorted(keys, key=lambda k: (urls.get(k[0], ""), k[1])):
        line = lines[(mint, unit)]
        start = opening.get((mint, unit), 0)
        expected = start + sum(line.values())
        holds = held.get((mint, unit, "unspent"), 0) + held.get((mint, unit, "pending"), 0)
        if not (start or expected or holds or any(line.values())):
            continue
        out.append(
            {
                "mint": urls.get(mint, ""),
                "unit": unit,
                "opening": start,
                **line,
                "expected": expected,
                "held": holds,
                "pending": held.get((mint, unit, "pending"), 0),
                "difference": holds - expected,
            }
        )
    return out
