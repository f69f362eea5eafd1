"""Where a till keeps its wallet: its own SQLCipher file, or the shop's PostgreSQL database.

``storage.json`` in the data directory says which; it must be read before any
database opens, so it lives beside the key settings, not in a database. Absent, the
till keeps its own file (every till made before several tills existed).

A till on the shop's database holds, in its data directory, the shop key: the
32-byte key that seals the secrets in the shared database (``core/store/sealing.py``),
the same for every till of the shop. It is kept sealed with AES-256-GCM under the
till's own key (``POS_DB_KEY``, the OS keyring or the passphrase, as a single
till's database key), so a copied data directory opens nothing without that key.

The database password is never written to a file: ``POS_PG_PASSWORD`` (headless,
tests), else the OS keyring under the URL without the password.

An enrolment file carries what another till needs to join: the URL (without the
password) and the shop key, sealed under a passphrase with Argon2id + AES-256-GCM.
"""

from __future__ import annotations

import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from pos_app.core.errors import StorageError, ValidationError
from pos_app.core.files import write_private
from pos_app.core.passphrase_seal import (
    CIPHER,
    NONCE_BYTES,
    WrongPassphrase,
    b64,
    seal,
    unb64,
    unseal,
)
from pos_app.core.store.keys import MIN_PASSPHRASE
from pos_app.datadir import STORAGE_FILE

SHOP_KEY_FILE = "shop-key.json"
ENV_PG_PASSWORD = "POS_PG_PASSWORD"  # noqa: S105 - the variable's name, not a secret
ENV_ENROL_PASSPHRASE = "POS_ENROL_PASSPHRASE"  # noqa: S105 - the variable's name
ENROL_FORMAT = "pos-app-enrolment"
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_SHOP_KEY_AAD = b"pos-app shop key v1"


@dataclass(frozen=True)
class Storage:
    """A till's choice of store (``storage.json``)."""

    backend: str = "sqlite"  # sqlite | postgresql
    url: str | None = None  # postgresql+psycopg://user@host:port/db?..., no password
    till_id: str | None = None
    till_name: str | None = None

    @property
    def shared(self) -> bool:
        """True when the wallet lives in the shop's PostgreSQL database."""
        return self.backend == "postgresql"


def read_storage(data_dir: Path) -> Storage:
    """The till's store; its own SQLite file when ``storage.json`` is absent."""
    path = Path(data_dir) / STORAGE_FILE
    try:
        raw = json.loads(path.read_text())
        storage = Storage(**{k: raw[k] for k in ("backend", "url", "till_id", "till_name")})
    except FileNotFoundError:
        return Storage()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StorageError(
            "storage.config_damaged", "The till's storage settings file is damaged.", str(exc)
        ) from exc
    if storage.backend not in ("sqlite", "postgresql") or (storage.shared and not storage.url):
        raise StorageError(
            "storage.config_damaged",
            "The till's storage settings file is damaged.",
            f"{path}: backend {storage.backend!r}",
        )
    return storage


def write_storage(data_dir: Path, storage: Storage) -> None:
    """Write ``storage.json`` (a temporary file renamed into place, owner only)."""
    write_private(Path(data_dir) / STORAGE_FILE, json.dumps(asdict(storage), indent=2).encode())


def new_till(url: str, name: str | None) -> Storage:
    """The storage of a till about to join the shop at ``url`` (its id made here)."""
    return Storage("postgresql", url, str(uuid.uuid4()), (name or "").strip() or None)


# -- the URL and its password -------------------------------------------------------------


def parse_url(text: str) -> tuple[str, str | None]:
    """``(url without password, password)`` from a PostgreSQL URL as a person types it.

    Raises:
        ValidationError: ``storage.bad_url`` for anything but a PostgreSQL URL that names
            a host and a database.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except ArgumentError as exc:
        raise _bad_url(text, "not a URL") from exc
    if url.drivername not in SCHEMES:
        raise _bad_url(text, f"the scheme {url.drivername!r} is not postgresql://")
    if not url.host or not url.database:
        raise _bad_url(text, "it needs a host and a database name")
    password = url.password
    # URL.set() takes None as "leave as it is": the password is taken out by _replace.
    clean = url.set(drivername="postgresql+psycopg")._replace(password=None)
    return clean.render_as_string(hide_password=False), password


def _bad_url(text: str, why: str) -> ValidationError:
    from sqlalchemy.engine import make_url

    try:
        shown = make_url(text.strip()).render_as_string(hide_password=True)
    except Exception:
        shown = "(not a URL)"
    return ValidationError(
        "storage.bad_url",
        f"That is not a PostgreSQL address: {why}. Write it as "
        "postgresql://USER@HOST:PORT/DATABASE.",
        shown,
    )


def _password_account(url: str) -> str:
    return f"postgresql:{url}"


def password_for(url: str) -> str | None:
    """The database password: ``POS_PG_PASSWORD``, else the OS keyring (None: none kept)."""
    env = os.environ.get(ENV_PG_PASSWORD)
    if env:
        return env
    from pos_app.core.store.keys import KEYRING_SERVICE

    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, _password_account(url))
    except (ImportError, KeyringError, RuntimeError):
        return None


def remember_password(url: str, password: str | None) -> None:
    """Keep the database password in the OS keyring (not needed when the env gives it).

    Raises:
        StorageError: ``storage.no_password_store`` when there is no safe keyring and
            ``POS_PG_PASSWORD`` does not give the same password.
    """
    if not password or os.environ.get(ENV_PG_PASSWORD) == password:
        return
    from pos_app.core.store.keys import KEYRING_SERVICE, keyring_usable

    if keyring_usable():
        import keyring

        keyring.set_password(KEYRING_SERVICE, _password_account(url), password)
        if keyring.get_password(KEYRING_SERVICE, _password_account(url)) == password:
            return
    raise StorageError(
        "storage.no_password_store",
        f"This computer has no safe place for the database password. Set {ENV_PG_PASSWORD} "
        "for the app instead (the password is never written to a file).",
    )


def with_password(url: str, password: str | None) -> str:
    """``url`` with ``password`` in it, for the driver only (never shown or written)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)


# -- the shop key ---------------------------------------------------------------------------


def new_shop_key() -> bytes:
    """A new shop's key (the first till makes it)."""
    return secrets.token_bytes(32)


def keep_shop_key(data_dir: Path, till_key: bytes, shop_key: bytes) -> None:
    """Write the shop key sealed under the till's own key."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # tills of a shared shop only

    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(till_key).encrypt(nonce, shop_key, _SHOP_KEY_AAD)
    body = {"format": 1, "cipher": CIPHER, "nonce": b64(nonce), "sealed": b64(sealed)}
    write_private(Path(data_dir) / SHOP_KEY_FILE, json.dumps(body, indent=2).encode())


def load_shop_key(data_dir: Path, till_key: bytes) -> bytes:
    """The shop key this till keeps.

    Raises:
        StorageError: ``storage.wrong_key`` when the till's key does not open it,
            ``storage.config_damaged`` when the file is missing or damaged.
    """
    path = Path(data_dir) / SHOP_KEY_FILE
    try:
        body = json.loads(path.read_text())
        nonce, sealed = unb64(body["nonce"]), unb64(body["sealed"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StorageError(
            "storage.config_damaged",
            "The till's copy of the shop key is missing or damaged. Join the shop again "
            "with an enrolment file.",
            str(exc),
        ) from exc
    from cryptography.exceptions import InvalidTag  # tills of a shared shop only
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(till_key).decrypt(nonce, sealed, _SHOP_KEY_AAD)
    except InvalidTag as exc:
        raise StorageError(
            "storage.wrong_key",
            "The database key is wrong. Check POS_DB_KEY, the keyring or the passphrase.",
            f"{path}: the till's key does not open the shop key",
        ) from exc


# -- enrolment files ------------------------------------------------------------------------


def write_enrolment(path: Path, url: str, shop_key: bytes, passphrase: str, shop: str) -> None:
    """An enrolment file for another till: the URL and the shop key under ``passphrase``."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "storage.weak_passphrase",
            f"Choose an enrolment passphrase of at least {MIN_PASSPHRASE} characters.",
        )
    header = {"format": ENROL_FORMAT, "format_version": 1, "url": url, "shop": shop}
    body = {"header": header, **seal(shop_key, passphrase, {"header": header})}
    try:
        write_private(Path(path), json.dumps(body, indent=2).encode())
    except OSError as exc:
        raise ValidationError(
            "storage.enrol_unwritable",
            f"The enrolment file cannot be written there: {exc.strerror}.",
            str(path),
        ) from exc


def read_enrolment(path: Path, passphrase: str) -> tuple[str, bytes, str]:
    """``(url, shop key, shop name)`` from an enrolment file.

    Raises:
        ValidationError: ``storage.enrol_damaged`` or ``storage.enrol_bad_passphrase``.
    """
    try:
        body = json.loads(Path(path).read_bytes())
        header = body["header"]
        if header["format"] != ENROL_FORMAT or header["format_version"] != 1:
            raise ValueError(f"format {header.get('format')!r}")
        url, shop = str(header["url"]), str(header.get("shop", ""))
        shop_key = unseal(body, passphrase, {"header": header})
    except WrongPassphrase:
        raise ValidationError(
            "storage.enrol_bad_passphrase", "The passphrase does not open this enrolment file."
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _enrol_damaged(str(exc)) from exc
    return url, shop_key, shop


def _enrol_damaged(detail: str) -> ValidationError:
    return ValidationError(
        "storage.enrol_damaged", "The enrolment file is damaged or was changed.", detail
    )
