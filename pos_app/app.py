"""Composition root: data directory → key → encrypted store → core services.

Both faces (the CLI and the Qt app) build the core through :class:`App`; no
module keeps global state. Opening is synchronous and may be slow (Argon2 for a
passphrase): the GUI calls it off the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from pos_app.core.cashu import nut13
from pos_app.core.config import Config
from pos_app.core.errors import StorageError, ValidationError
from pos_app.core.events import EventBus
from pos_app.core.mint.client import MintPool
from pos_app.core.payments.sales import SalesService
from pos_app.core.services import Services
from pos_app.core.services.bundle import gather_facts, write_bundle
from pos_app.core.services.notifications import NotificationCenter
from pos_app.core.settings import SettingsService
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.keys import KeyStore, PassphraseSource
from pos_app.core.store.schema import Secret
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import MintDirectory
from pos_app.core.wallet.service import Wallet

ENV_DATA_DIR = "POS_DATA_DIR"
MNEMONIC = "mnemonic"


def default_data_dir() -> Path:
    """``POS_DATA_DIR``, else the platform's per-user app-data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("pos-app", appauthor=False))


def resolve_data_dir(value: str | os.PathLike[str] | None) -> Path:
    """The data directory from a ``--data-dir`` value, the environment or the default."""
    return Path(value).expanduser() if value else default_data_dir()


def wallet_exists(data_dir: Path) -> bool:
    """True when the data directory holds a wallet database."""
    return (Path(data_dir) / DB_FILE).exists()


class App:
    """The core services of one wallet, wired together.

    Use :meth:`open` for an existing wallet and :meth:`init` to create one.
    """

    def __init__(self, data_dir: Path, db: Database, *, trust_env: bool = True) -> None:
        self.data_dir = data_dir
        self.db = db
        self.bus = EventBus()
        self.config = Config()
        self.settings = SettingsService(db, self.config)
        self.pool = MintPool(trust_env=trust_env)
        self.mints = MintDirectory(db, self.pool)
        mnemonic = db.transact(lambda s: s.get(Secret, MNEMONIC))
        if mnemonic is None:
            raise StorageError(
                "wallet.no_seed",
                "This wallet has no seed; it was not set up completely.",
                str(data_dir),
            )
        self.ctx = WalletContext(
            db=db, mints=self.mints, bus=self.bus, seed=nut13.seed_from_mnemonic(mnemonic.value)
        )
        self.wallet = Wallet(self.ctx, self.config)
        self.sales = SalesService(self.ctx, self.config, self.wallet.recovery, trust_env=trust_env)
        self.notifications = NotificationCenter(db, self.bus)
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        """The background services (made on first use; started by the GUI and ``serve``)."""
        if self._services is None:
            self._services = Services(self)
        return self._services

    @classmethod
    def open(
        cls, data_dir: Path, *, passphrase: PassphraseSource | None = None, trust_env: bool = True
    ) -> App:
        """Open an existing wallet (``wallet.not_initialized`` when there is none)."""
        data_dir = Path(data_dir)
        if not wallet_exists(data_dir):
            raise StorageError(
                "wallet.not_initialized",
                "There is no wallet in this data directory yet. Run `pos-app init` first.",
                str(data_dir),
            )
        key = KeyStore(data_dir, passphrase).load()
        db = Database(data_dir / DB_FILE, key.key)
        try:
            db.migrate()
            return cls(data_dir, db, trust_env=trust_env)
        except BaseException:
            db.close()
            raise

    @classmethod
    def init(
        cls,
        data_dir: Path,
        *,
        mnemonic: str | None = None,
        key_method: str | None = None,
        passphrase: str | None = None,
        passphrase_source: PassphraseSource | None = None,
        trust_env: bool = True,
    ) -> tuple[App, bool]:
        """Create the wallet (idempotent); returns ``(app, created)``.

        Args:
            data_dir: where the database lives.
            mnemonic: start from this BIP39 seed instead of a new one.
            key_method: ``env``, ``keyring`` or ``passphrase`` (default: the first available).
            passphrase: the passphrase when ``key_method`` is ``passphrase``.
            passphrase_source: asks for the passphrase when needed.
            trust_env: let httpx read proxy variables.

        Raises:
            ValidationError: ``wallet.exists_other_seed`` when the wallet exists with another seed.
        """
        data_dir = Path(data_dir)
        if mnemonic is not None:
            mnemonic = nut13.normalize_mnemonic(mnemonic)
            nut13.seed_from_mnemonic(mnemonic)  # validate before touching anything
        if wallet_exists(data_dir):
            app = cls.open(data_dir, passphrase=passphrase_source, trust_env=trust_env)
            if mnemonic is not None and app.wallet.mnemonic() != mnemonic:
                app.db.close()
                raise ValidationError(
                    "wallet.exists_other_seed",
                    "A wallet with a different seed already exists in this data directory.",
                    str(data_dir),
                )
            return app, False
        data_dir.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            data_dir.chmod(0o700)
        key = KeyStore(data_dir, passphrase_source).create(key_method, passphrase)
        db = Database(data_dir / DB_FILE, key.key, create=True)
        try:
            db.migrate()
            words = mnemonic or nut13.new_mnemonic()
            db.transact(lambda s: s.add(Secret(name=MNEMONIC, value=words)))
            return cls(data_dir, db, trust_env=trust_env), True
        except BaseException:
            db.close()
            raise

    async def aclose(self) -> None:
        """Close the HTTP clients and the database."""
        if self._services is not None:
            await self._services.stop()
        await self.notifications.flush()
        self.notifications.close()
        await self.sales.aclose()
        await self.pool.aclose()
        self.db.close()

    async def support_bundle(self, out_dir: Path) -> Path:
        """Write a support bundle (logs, settings, errors; no secrets) into ``out_dir``."""
        facts = await self.db.run(
            lambda s: gather_facts(s, self.config, self.mints, self.services.status())
        )
        return await asyncio.to_thread(write_bundle, Path(out_dir), self.data_dir, facts)

    def info(self) -> dict[str, Any]:
        """Where the wallet lives (for ``init`` and the About box)."""
        return {
            "data_dir": str(self.data_dir),
            "database": str(self.db.path),
            "pubkey": self.ctx.shop_pubkey,
        }


@contextlib.asynccontextmanager
async def opened(data_dir: Path, **kwargs: Any) -> AsyncIterator[App]:
    """Open a wallet for the duration of an ``async with`` block, then close it."""
    app = App.open(data_dir, **kwargs)
    try:
        yield app
    finally:
        await app.aclose()
