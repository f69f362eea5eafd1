"""Queries over the shop's proofs: balances and spendable coins, done in SQL."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.cashu.amounts import select_proofs
from pos_app.core.errors import ValidationError
from pos_app.core.store.schema import KeysetRow, Mint, ProofRow
from pos_app.core.wallet.mints import PRIORITY_ORDER, trusted_in_priority

# Coins read per batch while selecting: a few dozen usually settle it; grows 4x per batch.
FIRST_BATCH, MAX_BATCH = 64, 16384


@dataclass(frozen=True, slots=True)
class Coin:
    """A spendable proof, light enough to select among 100k of them."""

    row_id: int
    amount: int
    id: str  # keyset id (the name ``select_proofs`` expects)


def balances(session: Session) -> dict[str, Any]:
    """Unspent amount per mint and unit, plus totals per unit; mints in the shop's order.

    The covering index ``(state, mint_id, unit, amount)`` answers this without
    reading the proofs table.
    """
    rows = session.execute(
        select(Mint.url, ProofRow.unit, func.sum(ProofRow.amount))
        .join(Mint, Mint.id == ProofRow.mint_id)
        .where(ProofRow.state == "unspent")
        # By the mint's own key: PostgreSQL then lets the mint's other columns be read.
        .group_by(Mint.id, ProofRow.unit)
        .order_by(*PRIORITY_ORDER, ProofRow.unit)
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
    """Every unspent coin of a mint and unit (id, amount, keyset only).

    With 100k coins this reads the whole table (``keyset_id`` is not in the covering
    index), which takes about a second; pick coins with :func:`select_coins` and
    :func:`exact_stored` instead.
    """
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


def _unspent(mint_id: int, unit: str) -> Any:
    return select(ProofRow.id, ProofRow.amount, ProofRow.keyset_id).where(
        ProofRow.state == "unspent", ProofRow.mint_id == mint_id, ProofRow.unit == unit
    )


def _selection_order(
    session: Session, mint_id: int, unit: str, preferred: frozenset[str]
) -> Generator[list[Coin], None, None]:
    """Unspent coins in ``select_proofs``' own order, in growing batches.

    First every coin of the preferred keysets, then the others; each largest amount
    first (ties by newest row), which the covering index yields without sorting.
    """
    order = (ProofRow.amount.desc(), ProofRow.id.desc())
    if preferred:
        rows = session.execute(
            _unspent(mint_id, unit).where(ProofRow.keyset_id.in_(preferred)).order_by(*order)
        ).all()
        if rows:
            yield [Coin(r, a, k) for r, a, k in rows]
    query = _unspent(mint_id, unit).order_by(*order)
    if preferred:
        query = query.where(ProofRow.keyset_id.not_in(preferred))
    # On the connection, not the session: an ORM result would buffer every row first.
    result = session.connection().execute(query)
    try:
        size = FIRST_BATCH
        while rows := result.fetchmany(size):
            yield [Coin(r, a, k) for r, a, k in rows]
            size = min(size * 4, MAX_BATCH)
    finally:
        result.close()


def select_coins(
    session: Session,
    mint_id: int,
    unit: str,
    target: int,
    fee_by_keyset: Mapping[str, int],
    *,
    prefer_inactive: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[Coin], int]:
    """``select_proofs`` over the stored coins, reading only the coins it needs.

    ``select_proofs`` walks the coins preferred keysets first, largest first, and stops
    at the first prefix that covers the target and its fee; later coins only matter
    when that prefix falls short. So the coins are read in that very order, in growing
    batches, and the selection runs on what was read so far: the answer is the one it
    would give on every coin, but a wallet of 100k coins reads dozens of rows instead
    of all of them (each a table lookup that decrypts a page).

    Raises:
        ValidationError: as ``select_proofs`` (``wallet.insufficient_funds``...).
    """
    candidates: list[Coin] = []
    short: ValidationError | None = None
    preferred = frozenset(prefer_inactive)
    with contextlib.closing(_selection_order(session, mint_id, unit, preferred)) as batches:
        for batch in batches:  # closing: the cursor is released even when we stop early
            candidates.extend(batch)
            try:
                return select_proofs(candidates, target, fee_by_keyset, preferred)
            except ValidationError as exc:
                if exc.code != "wallet.insufficient_funds":
                    raise
                short = exc
    if short is not None:
        raise short
    return select_proofs(candidates, target, fee_by_keyset, preferred)


def exact_stored(session: Session, mint_id: int, unit: str, amount: int) -> list[Coin] | None:
    """Coins whose amounts are exactly the binary split of ``amount``, if the store holds them.

    Like :func:`exact_coins` over :func:`spendable` (it takes the newest coin of each
    amount), but found through the covering index instead of reading every coin.
    """
    if amount <= 0:
        return [] if amount == 0 else None
    wanted = [1 << bit for bit in range(amount.bit_length()) if amount >> bit & 1]
    newest = dict(
        session.execute(
            select(ProofRow.amount, func.max(ProofRow.id))
            .where(
                ProofRow.state == "unspent",
                ProofRow.mint_id == mint_id,
                ProofRow.unit == unit,
                ProofRow.amount.in_(wanted),
            )
            .group_by(ProofRow.amount)
        ).all()
    )
    if len(newest) != len(wanted):
        return None
    keysets = dict(
        session.execute(
            select(ProofRow.id, ProofRow.keyset_id).where(ProofRow.id.in_(newest.values()))
        ).all()
    )
    return [Coin(newest[a], a, keysets[newest[a]]) for a in wanted]


def first_trusted_mint(session: Session, unit: str, at_least: int = 1) -> str:
    """The first trusted mint, in the shop's order, that holds at least ``at_least`` ``unit``.

    Raises:
        ValidationError: ``wallet.insufficient_funds`` when no trusted mint holds enough.
    """
    held = {
        mint_id: int(amount)
        for mint_id, amount in session.execute(
            select(ProofRow.mint_id, func.sum(ProofRow.amount))
            .where(ProofRow.state == "unspent", ProofRow.unit == unit)
            .group_by(ProofRow.mint_id)
        )
    }
    for mint in trusted_in_priority(session):
        if held.get(mint.id, 0) >= at_least:
            return mint.url
    raise ValidationError(
        "wallet.insufficient_funds",
        f"No trusted mint holds {at_least} {unit} of the shop's ecash.",
        unit,
        data={"needed": at_least},
    )
