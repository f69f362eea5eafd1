"""Composition root: data directory → key → encrypted store → core services.

Both faces (the CLI and the Qt app) build the core through :class:`App`; no
module keeps global state. Opening is synchronous and may be slow (Argon2 for a
passphrase): the GUI calls it off the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from pos_app.core.cashu import nut13
from pos_app.core.config import Config
from pos_app.core.errors import StorageError, ValidationError
from pos_app.core.events import EventBus, Notification
from pos_app.core.faults import fault_point
from pos_app.core.mint.client import MintPool
from pos_app.core.services.notifications import NotificationCenter
from pos_app.core.settings import SettingsService
from pos_app.core.store.db import DB_FILE, Database, open_connection
from pos_app.core.store.keys import KeyStore, PassphraseSource
from pos_app.core.store.schema import Secret
from pos_app.core.store.unlock_guard import TELL_AFTER, UnlockGuard
from pos_app.core.training.environment import is_training_dir
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.mints import MintDirectory, MintReport
from pos_app.core.wallet.service import Wallet
from pos_app.core.webclient import WebClient
from pos_app.core.webhooks import outbox
from pos_app.datadir import (  # re-exported: imported from here since before datadir
    ENV_DATA_DIR,  # noqa: F401
    EXECUTOR_WORKERS,  # noqa: F401
    default_data_dir,  # noqa: F401
    resolve_data_dir,  # noqa: F401
    wallet_exists,
    worker_pool,  # noqa: F401
)

if TYPE_CHECKING:
    from pos_app.core.apikeys import ApiKeys
    from pos_app.core.audit import AuditLog
    from pos_app.core.payments.items import ItemsService
    from pos_app.core.payments.sales import SalesService
    from pos_app.core.payments.withdraw import Withdrawals
    from pos_app.core.presets import Presets
    from pos_app.core.reports import ReportService
    from pos_app.core.services.export_schedule import ExportSchedule
    from pos_app.core.services.timers import Services
    from pos_app.core.staff import StaffService
    from pos_app.core.wallet.bulk import Bulk
    from pos_app.core.wallet.exports import Exports
    from pos_app.core.wallet.recovery import Outcome
    from pos_app.core.wallet.sweep import Sweeper
    from pos_app.core.webhooks.service import WebhookService

MNEMONIC = "mnemonic"
# A wallet database being created; renamed to DB_FILE once it holds schema and seed.
INIT_PREFIX = f".{DB_FILE}.init-"


class App:
    """The core services of one wallet, wired together.

    Use :meth:`open` for an existing wallet and :meth:`init` to create one.
    """

    def __init__(
        self,
        data_dir: Path,
        db: Database,
        *,
        trust_env: bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.db = db
        self.bus = EventBus()
        self.config = Config()
        self.settings = SettingsService(db, self.config, data_dir)
        # transport: the tests' in-process fake mint; None is the network.
        self.pool = MintPool(trust_env=trust_env, transport=transport)
        self.web = WebClient(trust_env=trust_env)
        self.mints = MintDirectory(db, self.pool)
        mnemonic = db.transact(lambda s: s.get(Secret, MNEMONIC))
        if mnemonic is None:
            raise StorageError(
                "wallet.no_seed",
                "This wallet has no seed; it was not set up completely.",
                str(data_dir),
            )
        self.ctx = WalletContext(
            db=db,
            mints=self.mints,
            bus=self.bus,
            seed=nut13.seed_from_mnemonic(mnemonic.value),
            training=is_training_dir(data_dir),
        )
        self.wallet = Wallet(self.ctx, self.config)
        self._trust_env = trust_env
        # Sales, reports, webhooks and the other services defined as cached properties
        # below are made on first use: a command loads only what it runs. What must hold
        # from the start does: the recovery's hooks into the sales engine and the
        # withdrawals (each made on the first outcome if not yet) are registered now, in
        # that order, and the webhook outbox is installed.
        self.wallet.recovery.on_resolved(self._sales_recovered)
        self.notifications = NotificationCenter(db, self.bus)
        self.training = is_training_dir(data_dir)
        if not self.training:  # a training till's play money never reaches a receiver
            outbox.install(db)
        self.wallet.recovery.on_resolved(self._withdrawal_recovered)
        self._services: Services | None = None

    async def _sales_recovered(self, outcome: Outcome) -> None:
        # Through the property: the sales engine is made on the first outcome if not yet.
        await self.sales.checkout.on_recovered(outcome)

    async def _withdrawal_recovered(self, outcome: Outcome) -> None:
        await self.withdrawals.on_recovered(outcome)

    @cached_property
    def export_schedule(self) -> ExportSchedule:
        """The scheduled export."""
        from pos_app.core.services.export_schedule import ExportSchedule

        return ExportSchedule(self.db, self.config, self.bulk, self.bus)

    @cached_property
    def exports(self) -> Exports:
        """The export history: tokens exported, their claims, reclaims."""
        from pos_app.core.wallet.exports import Exports

        return Exports(self.ctx, self.config)

    @cached_property
    def bulk(self) -> Bulk:
        """Exporting the whole wallet (or a mint's coins) to files."""
        from pos_app.core.wallet.bulk import Bulk

        return Bulk(self.ctx, self.exports)

    @cached_property
    def sweeper(self) -> Sweeper:
        """Moves coins off keysets their mint retired."""
        from pos_app.core.wallet.sweep import Sweeper

        return Sweeper(self.ctx, self.config)

    @cached_property
    def staff(self) -> StaffService:
        """Staff accounts, PINs and roles."""
        from pos_app.core.staff import StaffService

        return StaffService(self.db, self.bus, config=self.config)

    @cached_property
    def sales(self) -> SalesService:
        """The sales engine (with refunds and the sales list)."""
        from pos_app.core.payments.sales import SalesService

        sales = SalesService(self.ctx, self.config, self.wallet.recovery, self.web)
        # A sale's request names the mints online now: a stale health check is redone first.
        sales.fresh_health = self._check_mints_if_stale
        return sales

    @cached_property
    def items(self) -> ItemsService:
        """The items catalogue."""
        from pos_app.core.payments.items import ItemsService

        return ItemsService(self.ctx, self.config)

    @cached_property
    def reports(self) -> ReportService:
        """Figures, series, CSV and PDF, the X and Z reports."""
        from pos_app.core.reports import ReportService

        return ReportService(self.db, self.mints, self.config, training=self.ctx.training)

    @cached_property
    def audit(self) -> AuditLog:
        """The audit log."""
        from pos_app.core.audit import AuditLog

        return AuditLog(self.db)

    @cached_property
    def api_keys(self) -> ApiKeys:
        """The local API's keys (and blocked addresses)."""
        from pos_app.core.apikeys import ApiKeys

        return ApiKeys(self.db)

    @cached_property
    def presets(self) -> Presets:
        """The settings presets."""
        from pos_app.core.presets import Presets

        return Presets(self.db, self.config)

    @cached_property
    def webhooks(self) -> WebhookService:
        """Webhook endpoints, their deliveries and the timer's round."""
        from pos_app.core.webhooks.service import WebhookService

        return WebhookService(
            self.db, self.config, self.bus, trust_env=self._trust_env, training=self.training
        )

    @cached_property
    def withdrawals(self) -> Withdrawals:
        """Payouts to the shop's Lightning address."""
        from pos_app.core.payments.withdraw import Withdrawals

        return Withdrawals(self.ctx, self.config, self.web)

    async def _check_mints_if_stale(self) -> None:
        # Through the property: the services are made on first use, not with the App.
        await self.services.health.check_if_stale()

    @property
    def services(self) -> Services:
        """The background services (made on first use; started by the GUI and ``serve``)."""
        if self._services is None:
            from pos_app.core.services.claims import JobClaims, new_holder
            from pos_app.core.services.timers import Services
            from pos_app.core.store.storage import read_storage

            holder = new_holder(read_storage(self.data_dir).till_name)
            self._services = Services(
                self.wallet.recovery,
                self.settings,
                self.db,
                self.mints,
                self.bus,
                exports=self.exports,
                claims=JobClaims(self.db, holder),
            )
            self.webhooks.attach(self._services.supervisor)
            self.export_schedule.attach(self._services.supervisor)
            self.withdrawals.attach(self._services.supervisor)
            self.sales.checkout.attach(self._services.supervisor)
            self.sweeper.attach(self._services.supervisor)
        return self._services

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        passphrase: PassphraseSource | None = None,
        trust_env: bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> App:
        """Open an existing wallet (``wallet.not_initialized`` when there is none)."""
        data_dir = Path(data_dir)
        if not wallet_exists(data_dir):
            raise StorageError(
                "wallet.not_initialized",
                "There is no wallet in this data directory yet. Run `pos-app init` first.",
                str(data_dir),
            )
        guard = UnlockGuard(data_dir)
        guard.check()
        key = KeyStore(data_dir, passphrase).load()
        try:
            db = _open_store(data_dir, key.key)
        except StorageError as exc:
            if exc.code == "storage.wrong_key":
                guard.failed()
            raise
        try:
            db.migrate()
            app = cls(data_dir, db, trust_env=trust_env, transport=transport)
        except BaseException:
            db.close()
            raise
        failures = guard.succeeded()
        if failures:
            app.tell_failed_unlocks(failures)
        return app

    def tell_failed_unlocks(self, failures: int) -> None:
        """Audit the wrong passphrases before this open; from a few on, tell the owner."""
        self.db.transact(lambda s: journal.audit(s, "unlock.failed", None, {"failures": failures}))
        if failures >= TELL_AFTER:
            self.bus.publish(
                Notification(
                    "warning",
                    "Wrong passphrases",
                    f"Before the wallet was opened, a wrong passphrase was typed {failures} "
                    "times in a row. If that was not you or your staff, check who had the till.",
                    kind="security",
                    data={"failures": failures},
                )
            )

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
        transport: httpx.AsyncBaseTransport | None = None,
        storage_url: str | None = None,
        enrolment: Path | None = None,
        enrol_passphrase: str | None = None,
        till_name: str | None = None,
    ) -> tuple[App, bool]:
        """Create the wallet (idempotent); returns ``(app, created)``.

        Args:
            data_dir: where the database lives.
            mnemonic: start from this BIP39 seed instead of a new one.
            key_method: ``env``, ``keyring`` or ``passphrase`` (default: the first available).
            passphrase: the passphrase when ``key_method`` is ``passphrase``.
            passphrase_source: asks for the passphrase when needed.
            trust_env: let httpx read proxy variables.
            transport: the HTTP transport to the mints (tests pass a fake mint's).
            storage_url: keep the wallet in the shop's PostgreSQL database at this URL
                (the first till creates the shop there) instead of a file of its own.
            enrolment: join the shop of this enrolment file (``pos-app storage enrol``).
            enrol_passphrase: the enrolment file's passphrase.
            till_name: this till's name in the shop (``Till N`` when not given).

        Raises:
            ValidationError: ``wallet.exists_other_seed`` when the wallet exists with another seed.
        """
        data_dir = Path(data_dir)
        if mnemonic is not None:
            mnemonic = nut13.normalize_mnemonic(mnemonic)
            nut13.seed_from_mnemonic(mnemonic)  # validate before touching anything
        if wallet_exists(data_dir):
            app = cls.open(
                data_dir, passphrase=passphrase_source, trust_env=trust_env, transport=transport
            )
            if mnemonic is not None and app.wallet.mnemonic() != mnemonic:
                app.db.close()
                raise ValidationError(
                    "wallet.exists_other_seed",
                    "A wallet with a different seed already exists in this data directory.",
                    str(data_dir),
                )
            return app, False
        if storage_url is not None or enrolment is not None:
            from pos_app.core.store import shop_db

            joined = shop_db.create_or_join(
                url_text=storage_url,
                enrolment=enrolment,
                enrol_passphrase=enrol_passphrase,
                till_name=till_name,
                words=mnemonic or (nut13.new_mnemonic() if enrolment is None else None),
            )
            try:
                shop_db.keep_locally(
                    data_dir, joined, KeyStore(data_dir, passphrase_source), key_method, passphrase
                )
            except BaseException:
                try:
                    shop_db.undo(joined)
                finally:
                    joined.db.close()
                raise
            try:
                return cls(data_dir, joined.db, trust_env=trust_env, transport=transport), True
            except BaseException:
                joined.db.close()
                raise
        data_dir.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            data_dir.chmod(0o700)
        remove_init_leftovers(data_dir)
        key = KeyStore(data_dir, passphrase_source).create(key_method, passphrase)
        create_wallet_file(data_dir, key.key, mnemonic or nut13.new_mnemonic())
        db = Database(data_dir / DB_FILE, key.key)
        try:
            return cls(data_dir, db, trust_env=trust_env, transport=transport), True
        except BaseException:
            db.close()
            raise

    async def aclose(self) -> None:
        """Close the HTTP clients and the database."""
        if self._services is not None:
            await self._services.stop()
        if "webhooks" in self.__dict__:  # made by now, else there is nothing to close
            await self.webhooks.aclose()
        if "api_keys" in self.__dict__:
            await self.api_keys.flush_calls()
        await self.notifications.flush()
        self.notifications.close()
        await self.web.aclose()
        await self.pool.aclose()
        self.db.close()

    async def support_bundle(self, out_dir: Path) -> Path:
        """Write a support bundle (logs, settings, errors; no secrets) into ``out_dir``."""
        from pos_app.core.services.bundle import gather_facts, write_bundle

        facts = await self.db.run(
            lambda s: gather_facts(s, self.config, self.mints, self.services.status())
        )
        return await asyncio.to_thread(write_bundle, Path(out_dir), self.data_dir, facts)

    async def storage_status(self) -> dict[str, Any]:
        """Where this till keeps its wallet; on the shop's database, the shop's tills too."""
        from pos_app.core.store.shop_db import status
        from pos_app.core.store.storage import read_storage

        storage = read_storage(self.data_dir)
        where = storage.url if storage.shared else str(self.db.path)
        return await self.db.run(lambda s: status(s, storage, where))

    def info(self) -> dict[str, Any]:
        """Where the wallet lives (for ``init`` and the About box)."""
        from pos_app.core.store.storage import read_storage

        storage = read_storage(self.data_dir)
        return {
            "data_dir": str(self.data_dir),
            "database": storage.url if storage.shared else str(self.db.path),
            "storage": storage.backend,
            "till": storage.till_name,
            "pubkey": self.ctx.shop_pubkey,
            "training": self.training,
        }


def _open_store(data_dir: Path, key: bytes) -> Database:
    """The till's own encrypted file, or the shop's database it joined (``storage.json``)."""
    from pos_app.core.store.storage import read_storage

    storage = read_storage(data_dir)
    if not storage.shared:
        return Database(data_dir / DB_FILE, key)
    from pos_app.core.store.shop_db import open_shared

    return open_shared(data_dir, storage, key)


def create_wallet_file(data_dir: Path, key: bytes, words: str) -> None:
    """Build ``wallet.db`` (schema and seed) under a temporary name, then rename it into place.

    A ``wallet.db`` exists only complete: a disk that fills up or a process killed
    half-way leaves a temporary file (removed by the next ``init``), never a
    database without a seed that a later start would take for a wallet.
    """
    tmp = data_dir / f"{INIT_PREFIX}{secrets.token_hex(4)}"
    try:
        db = Database(tmp, key, create=True)
        try:
            db.migrate()
            fault_point("init_before_seed")
            db.transact(lambda s: s.add(Secret(name=MNEMONIC, value=words)))
        finally:
            db.close()
        # Everything into the main file: the rename moves that file only.
        conn = open_connection(tmp, key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        fault_point("init_before_rename")
        os.replace(tmp, data_dir / DB_FILE)
    except BaseException:
        _remove_files(data_dir.glob(f"{tmp.name}*"))
        raise
    _remove_files(data_dir.glob(f"{tmp.name}-*"))  # an empty -wal/-shm left by the close
    _sync_directory(data_dir)


def remove_init_leftovers(data_dir: Path) -> None:
    """Delete the temporary files of an ``init`` that was interrupted."""
    _remove_files(Path(data_dir).glob(f"{INIT_PREFIX}*"))


def _remove_files(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _sync_directory(path: Path) -> None:
    # The rename is durable once the directory entry is on disk (POSIX; Windows
    # cannot open a directory and makes renames durable itself).
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.asynccontextmanager
async def mint_inspector(
    *, trust_env: bool = True
) -> AsyncIterator[Callable[[str], Awaitable[MintReport]]]:
    """Live mint checks before any wallet exists (the setup wizard's mint page).

    Yields :meth:`MintDirectory.inspect` over a pool of its own, closed on exit;
    inspecting only talks to the mint, so no database is needed or touched.
    """
    pool = MintPool(trust_env=trust_env)
    try:
        yield MintDirectory(None, pool).inspect  # type: ignore[arg-type]
    finally:
        await pool.aclose()


@contextlib.asynccontextmanager
async def opened(data_dir: Path, **kwargs: Any) -> AsyncIterator[App]:
    """Open a wallet for the duration of an ``async with`` block, then close it."""
    app = App.open(data_dir, **kwargs)
    try:
        yield app
    finally:
        await app.aclose()
