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
    training: bool = False  # a training till: its exported files say so
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
        """Run crypto over ``size`` proofs in the loop's executor, never on the loop itself.

        Even one proof goes to a worker: the loop is the GUI thread, and a thread hop
        (about 0.1 ms) is cheap next to a frame dropped on a slow till. ``size`` is kept
        for the callers' record of the work's scale.
        """
        del size
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
