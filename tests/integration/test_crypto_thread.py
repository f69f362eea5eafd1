"""No crypto on the event loop's thread (the GUI thread), however small the token.

Every elliptic-curve entry point is wrapped to note the thread it runs on; a
receive of a one-proof token, plain or P2PK-locked, and a sale paid with one
must do all of it (input DLEQ, blinding, signing the lock, unblinding and
checking the mint's DLEQ) on worker threads.
"""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections.abc import Callable
from typing import Any

import pytest

from pos_app.app import App
from pos_app.core.cashu import crypto, p2pk
from tests.support.tokens import locked_token_async, token_async

pytestmark = pytest.mark.mint

ENTRY_POINTS = {
    crypto: ("hash_to_curve", "blind_point", "unblind", "_dleq_holds"),
    p2pk: ("schnorr_sign", "schnorr_verify"),
}


class Threads:
    """Records on which thread each wrapped crypto function ran, while recording."""

    def __init__(self) -> None:
        self.recording = False
        self.calls: list[tuple[str, int]] = []

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def recorded(*args: Any, **kwargs: Any) -> Any:
            if self.recording:
                self.calls.append((name, threading.get_ident()))
            return fn(*args, **kwargs)

        return recorded


@pytest.fixture
def threads(monkeypatch) -> Threads:
    seen = Threads()
    for module, names in ENTRY_POINTS.items():
        for name in names:
            monkeypatch.setattr(module, name, seen.wrap(name, getattr(module, name)))
    return seen


def test_receive_and_pay_do_no_crypto_on_the_loop_thread(tmp_path, mint, threads, monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())

    async def scenario() -> None:
        app, _ = App.init(tmp_path / "shop", trust_env=False)
        try:
            await app.mints.add(mint.url)
            plain = await token_async(mint.url, 1)
            locked = await locked_token_async(mint.url, 1, app.ctx.shop_pubkey)
            paying = await token_async(mint.url, 2)
            sale = await app.sales.new_sale("2", "sat")
            loop_thread = threading.get_ident()
            threads.recording = True
            assert (await app.wallet.receive(plain)).amount == 1
            assert (await app.wallet.receive(locked)).amount == 1
            assert (await app.sales.pay(sale["sale_id"], paying)).state == "paid"
            threads.recording = False
            names = {name for name, _ in threads.calls}
            # The wrapping saw the work (so the check below can fail) ...
            assert {"hash_to_curve", "unblind", "_dleq_holds", "schnorr_sign"} <= names
            # ... and none of it ran on the loop's thread.
            on_loop = sorted({name for name, ident in threads.calls if ident == loop_thread})
            assert on_loop == []
        finally:
            await app.aclose()

    asyncio.run(scenario())
