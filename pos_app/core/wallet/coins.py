"""Queries over the shop's proofs: balances and spendable coins, done in SQL."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select
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
    session: Session, mint_id: int, unit: str, preferred: frozenset[str], busy: set[int]
) -> Generator[list[Coin], None, None]:
    """Unspent coins in ``select_proofs``' own order, in growing batches.

    First every coin of the preferred keysets, then the others; each largest amount
    first (ties by newest row), which the covering index yields without sorting. Each
    batch is a query of its own that goes on after the last coin read (a cursor held
    open would make psycopg fetch every row at once). ``busy``: coins to pass over.
    """
    base = _unspent(mint_id, unit)
    if busy:
        base = base.where(ProofRow.id.not_in(busy))
    order = (ProofRow.amount.desc(), ProofRow.id.desc())
    if preferred:
        rows = session.execute(base.where(ProofRow.keyset_id.in_(preferred)).order_by(*order)).all()
        if rows:
            yield [Coin(r, a, k) for r, a, k in rows]
        base = base.where(ProofRow.keyset_id.not_in(preferred))
    query = base.order_by(*order)
    size = FIRST_BATCH
    while True:
        rows = session.execute(query.limit(size)).all()
        if rows:
            yield [Coin(r, a, k) for r, a, k in rows]
        if len(rows) < size:
            return
        last_id, last_amount = rows[-1][0], rows[-1][1]
        query = query.where(
            or_(
                ProofRow.amount < last_amount,
                and_(ProofRow.amount == last_amount, ProofRow.id < last_id),
            )
        )
        size = min(size * 4, MAX_BATCH)


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

    On the shared PostgreSQL store the chosen coins are locked until the transaction
    ends (``FOR UPDATE SKIP LOCKED``): a coin another till's open transaction is taking
    is passed over and the choice made again without it. Only when the coins left fall
    short does it wait for the others' (they come back if that till's operation fails).
    Choose in the transaction that takes the coins, so the lock lasts until then.

    Raises:
        ValidationError: as ``select_proofs`` (``wallet.insufficient_funds``...).
    """
    preferred = frozenset(prefer_inactive)

    def choose(busy: set[int]) -> tuple[list[Coin], int]:
        order = _selection_order(session, mint_id, unit, preferred, busy)
        return _select(order, target, fee_by_keyset, preferred)

    if session.get_bind().dialect.name != "postgresql":
        return choose(set())
    busy: set[int] = set()
    while True:
        try:
            picked, fee = choose(busy)
        except ValidationError as exc:
            if exc.code != "wallet.insufficient_funds" or not busy:
                raise
            break
        ids = [c.row_id for c in picked]
        free = set(session.scalars(_lock(ids).with_for_update(skip_locked=True)))
        if len(free) == len(ids):
            return picked, fee
        busy.update(set(ids) - free)  # another till is taking these right now
    picked, fee = choose(set())
    # Waits for the other tills' transactions; if one took a coin, SERIALIZABLE aborts
    # this transaction and the store runs it again, with the coin gone.
    session.execute(_lock([c.row_id for c in picked]).with_for_update())
    return picked, fee


def _lock(ids: list[int]) -> Any:
    return select(ProofRow.id).where(ProofRow.id.in_(ids), ProofRow.state == "unspent")


def _select(
    order: Generator[list[Coin], None, None],
    target: int,
    fee_by_keyset: Mapping[str, int],
    preferred: frozenset[str],
) -> tuple[list[Coin], int]:
    candidates: list[Coin] = []
    short: ValidationError | None = None
    with contextlib.closing(order) as batches:
        for batch in batches:
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
