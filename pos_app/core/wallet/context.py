"""What every wallet operation needs: the store, the mints, the event bus and the seed."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from coincurve import PrivateKey

from pos_app.core.cashu.crypto import N
from pos_app.core.events import EventBus
from pos_app.core.store.db import Database
from pos_app.core.wallet.mints import MintDirectory

SHOP_KEY_TAG = b"pos_app/shop-p2pk-key/0"
# About 0.3 ms of crypto per proof: below this many, a thread hop costs more than it saves.
CPU_INLINE_MAX = 16
T = TypeVar("T")


def shop_private_key(seed: bytes) -> bytes:
    """The shop's P2PK key, derived from the wallet seed (so a seed restore keeps it).

    ``k = HMAC-SHA256(seed, "pos_app/shop-p2pk-key/0") mod n``; a domain tag of its
    own keeps it apart from every NUT-13 secret and blinding factor.
    """
    digest = hmac.new(seed, SHOP_KEY_TAG, hashlib.sha256).digest()
    k = int.from_bytes(digest, "big") % N
    return (k or 1).to_bytes(32, "big")


@dataclass
class WalletContext:
    """Shared dependencies of the wallet operations.

    Args:
        db: the encrypted store.
        mints: mint and keyset directory (owns the HTTP clients).
        bus: where operations publish events.
        seed: the NUT-13 seed (64 bytes from the BIP39 mnemonic).
        clock: Unix time source (tests move it).
        lock_margin_seconds: a P2PK lock must hold at least this long to be accepted.
    """

    db: Database
    mints: MintDirectory
    bus: EventBus
    seed: bytes
    clock: Callable[[], float] = time.time
    lock_margin_seconds: int = 600
    shop_key: bytes = field(init=False)

    def __post_init__(self) -> None:
        self.shop_key = shop_private_key(self.seed)

    @property
    def shop_pubkey(self) -> str:
        """The shop's P2PK public key, compressed hex."""
        return PrivateKey(self.shop_key).public_key.format().hex()

    def now(self) -> int:
        """Current Unix time in seconds."""
        return int(self.clock())

    async def cpu(self, size: int, fn: Callable[..., T], *args: Any) -> T:
        """Run crypto over ``size`` proofs: inline when small, else in a worker thread.

        Work that could hold the event loop (and so the GUI) past the ~20 ms budget of
        design.md section 6 goes to the loop's executor.
        """
        if size < CPU_INLINE_MAX:
            return fn(*args)
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
