"""Rows written straight into a wallet database, for the Activity list's paging and screenshots.

Real sales come from ``core.sales`` with real tokens; these helpers fill the
tables in bulk (10k+ sales) or build states that are slow to reach for real
(a payment waiting for review, an operation stuck at a dead mint).
"""

from __future__ import annotations

import json
import random
import time
import uuid
from typing import Any

from sqlalchemy import insert

from pos_app.core.store.schema import Mint, Operation, Payment, Sale

STATES = ("open", "partially_paid", "paid", "expired", "cancelled")


def sale_rows(
    n: int, *, start: int | None = None, seed: int = 7, memo_every: int = 3
) -> list[dict[str, Any]]:
    """``n`` plausible sales, one a minute going back from ``start``, in mixed states."""
    rng = random.Random(seed)
    start = int(time.time()) if start is None else start
    rows = []
    for i in range(n):
        due = rng.randint(1, 200_000)
        state = STATES[rng.randrange(len(STATES))]
        if state == "partially_paid":
            due = max(due, 2)
            paid = rng.randint(1, due - 1)
        else:
            paid = due if state == "paid" else 0
        created = start - 60 * i
        rows.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "state": state,
                "currency": "sat",
                "amount": str(due),
                "unit": "sat",
                "due": due,
                "fee_advance": 0,
                "paid": paid,
                "memo": f"order {i}" if memo_every and i % memo_every == 0 else None,
                "payment_request": "creqA-bulk",
                "payment_request_bech32": "creqb-bulk",
                "expires_at": created + 86_400 * 365 * 10,  # never expired by the list itself
                "created_at": created,
                "updated_at": created,
            }
        )
    return rows


def insert_sales(core: Any, rows: list[dict[str, Any]], batch: int = 5000) -> None:
    """Bulk-insert sale rows (synchronously, on the calling thread)."""
    for i in range(0, len(rows), batch):
        chunk = rows[i : i + batch]
        core.db.transact(lambda s, chunk=chunk: s.execute(insert(Sale), chunk))


def insert_payment(
    core: Any,
    sale_id: str,
    *,
    state: str = "settled",
    mint_url: str = "https://mint.example.com",
    amount: int = 0,
    method: str = "swap",
    error_code: str | None = None,
    error_message: str | None = None,
    proof_status: str | None = None,
) -> str:
    """One payment row for a sale; returns its id."""
    payment_id = str(uuid.uuid4())
    core.db.transact(
        lambda s: s.add(
            Payment(
                id=payment_id,
                sale_id=sale_id,
                state=state,
                method=method,
                mint_url=mint_url,
                unit="sat",
                amount=amount,
                credited=amount if state == "settled" else 0,
                error_code=error_code,
                error_message=error_message,
                proof_status=proof_status,
            )
        )
    )
    return payment_id


def insert_stuck_operation(
    core: Any,
    *,
    mint_url: str = "https://mint.example.com",
    kind: str = "receive",
    amount: int = 64,
    sale_id: str | None = None,
    attempts: int = 3,
    error_code: str = "mint.unreachable",
    state: str = "pending",
) -> str:
    """An open journal operation at a mint (added untrusted if unknown); returns its id."""
    op_id = str(uuid.uuid4())

    def write(session: Any) -> None:
        mint = session.query(Mint).filter_by(url=mint_url).one_or_none()
        if mint is None:
            mint = Mint(url=mint_url, trusted=False, name="example")
            session.add(mint)
            session.flush()
        session.add(
            Operation(
                id=op_id,
                kind=kind,
                state=state,
                mint_id=mint.id,
                unit="sat",
                input_amount=amount,
                attempts=attempts,
                next_retry_at=int(time.time()) + 300 if state == "pending" else None,
                last_error_code=error_code,
                details_json=json.dumps({"sale_id": sale_id} if sale_id else {}),
            )
        )

    core.db.transact(write)
    return op_id
