"""How a wallet's database key is kept, as the faces need to know it before unlocking.

The unlock dialog asks for a passphrase only when the wallet uses one and none was
given in the environment; the setup wizard offers the OS keyring only where
:class:`~pos_app.core.store.keys.KeyStore` would keep the key in it (the same rule,
:func:`~pos_app.core.store.keys.keyring_refusal`, so the wizard never offers what
the store then refuses). Reading the keystore and the keyring blocks: call these
in a worker thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pos_app.core.store.keys import (
    ENV_KEY,
    ENV_PASSPHRASE,
    MIN_PASSPHRASE,
    KeyStore,
    keyring_usable,
)

__all__ = ["ENV_KEY", "MIN_PASSPHRASE", "KeyStatus", "key_status", "keyring_usable"]


@dataclass(frozen=True, slots=True)
class KeyStatus:
    """What opening (or creating) the wallet in one data directory takes.

    Attributes:
        method: how the wallet keeps its key (``env``, ``keyring``, ``passphrase``), or
            None before the first start.
        env_key: ``POS_DB_KEY`` is set (it wins over every recorded method).
        env_passphrase: ``POS_DB_PASSPHRASE`` is set.
        min_passphrase: the shortest passphrase a new wallet accepts.
    """

    method: str | None
    env_key: bool
    env_passphrase: bool
    min_passphrase: int = MIN_PASSPHRASE

    @property
    def needs_passphrase(self) -> bool:
        """The owner must type the passphrase: nothing in the environment opens the wallet."""
        return self.method == "passphrase" and not self.env_key and not self.env_passphrase


def key_status(data_dir: Path) -> KeyStatus:
    """The key status of the wallet in ``data_dir``.

    Raises:
        StorageError: ``storage.keystore_unreadable`` when ``keystore.json`` is damaged.
    """
    meta = KeyStore(Path(data_dir)).read_meta() or {}
    return KeyStatus(
        method=meta.get("method"),
        env_key=bool(os.environ.get(ENV_KEY)),
        env_passphrase=bool(os.environ.get(ENV_PASSPHRASE)),
    )
