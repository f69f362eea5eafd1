"""Queries over the shop's proofs: balances and spendable coins, done in SQL."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.store.schema import KeysetRow, Mint, ProofRow


@dataclass(frozen=True, slots=True)
class Coin:
    """A spendable proof, light enough to select among 100k of them."""

    row_id: int
    amount: int
    id: str  # keyset id (the name ``select_proofs`` expects)


def balances(session: Session) -> dict[str, Any]:
    """Unspent amount per mint and unit, plus totals per unit.

    The covering index ``(state, mint_id, unit, amount)`` answers this without
    reading the proofs table.
    """
    rows = session.execute(
        select(Mint.url, ProofRow.unit, func.sum(ProofRow.amount))
        .join(Mint, Mint.id == ProofRow.mint_id)
        .where(ProofRow.state == "unspent")
        .group_by(ProofRow.mint_id, ProofRow.unit)
        .order_by(Mint.url, ProofRow.unit)
    ).all()
    total: dict[str, int] = defaultdict(int)
    out = []
    for url, unit, amount in rows:
        out.append({"mint": url, "unit": unit, "amount": int(amount)})
        total[unit] += int(amount)
    return {"balances": out, "total": dict(total)}


def balance_of(session: Session, mint_id: int, unit: str) -> int:
    """Unspent amount at one mint in one unit."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(ProofRow.amount), 0)).where(
                ProofRow.state == "unspent", ProofRow.mint_id == mint_id, ProofRow.unit == unit
            )
        )
    )


def spendable(session: Session, mint_id: int, unit: str) -> list[Coin]:
    """Every unspent coin of a mint and unit (id, amount, keyset only)."""
    rows = session.execute(
        select(ProofRow.id, ProofRow.amount, ProofRow.keyset_id).where(
            ProofRow.state == "unspent", ProofRow.mint_id == mint_id, ProofRow.unit == unit
        )
    ).all()
    return [Coin(r, a, k) for r, a, k in rows]


def fee_table(session: Session, mint_id: int) -> tuple[dict[str, int], set[str]]:
    """``input_fee_ppk`` per keyset of a mint, and the ids of its inactive keysets."""
    rows = session.execute(
        select(KeysetRow.id, KeysetRow.input_fee_ppk, KeysetRow.active).where(
            KeysetRow.mint_id == mint_id
        )
    ).all()
    return {k: fee for k, fee, _ in rows}, {k for k, _, active in rows if not active}


def exact_coins(coins: list[Coin], amount: int) -> list[Coin] | None:
    """Coins whose amounts are exactly the binary split of ``amount``, if the wallet holds them."""
    by_amount: dict[int, list[Coin]] = defaultdict(list)
    for coin in coins:
        by_amount[coin.amount].append(coin)
    picked = []
    for bit in range(amount.bit_length()):
        if amount >> bit & 1:
            bucket = by_amount.get(1 << bit)
            if not bucket:
                return None
            picked.append(bucket.pop())
    return picked
