"""Per-process caches that grow with every sale stay bounded on a till that runs for weeks."""

from __future__ import annotations

import asyncio
import gc
import time
from types import SimpleNamespace

from pos_app.core.payments.checkout import Checkout
from pos_app.core.payments.sales import SaleIdentities
from pos_app.core.wallet.recovery import Recovery


def test_sale_identities_keep_the_most_recently_used_only():
    ids = SaleIdentities(limit=3)
    for i in range(10_000):
        ids[f"s{i}"] = f"c{i}"
    assert list(ids) == ["s9997", "s9998", "s9999"]
    assert ids["s9997"] == "c9997"  # used: now the most recent
    ids["new"] = None
    assert list(ids) == ["s9999", "s9997", "new"]
    assert "s9998" not in ids  # the least recently used went first


def test_the_default_bound_holds_for_a_busy_day():
    ids = SaleIdentities()
    for i in range(5 * ids.limit):
        ids[str(i)] = None
    assert len(ids) == ids.limit


def _locks_outlive_no_one(lock_for, table) -> None:
    async def scenario() -> None:
        for i in range(2_000):
            async with lock_for(f"id-{i}"):
                pass
        held = lock_for("busy")
        assert lock_for("busy") is held  # a second payer waits on the same lock
        async with held:
            gc.collect()
            assert list(table) == ["busy"]
        del held
        gc.collect()
        assert len(table) == 0

    asyncio.run(scenario())


def test_per_sale_locks_live_only_while_a_payment_uses_them():
    checkout = Checkout(
        ctx=None,  # type: ignore[arg-type]
        config=None,  # type: ignore[arg-type]
        settlement=SimpleNamespace(clock=time.time),  # type: ignore[arg-type]
        sales=None,
        http=lambda: None,  # type: ignore[arg-type,return-value]
    )
    _locks_outlive_no_one(checkout._lock, checkout._locks)


def test_per_operation_recovery_locks_live_only_while_an_attempt_uses_them():
    recovery = Recovery(ctx=None)  # type: ignore[arg-type]
    _locks_outlive_no_one(recovery._lock, recovery._locks)
