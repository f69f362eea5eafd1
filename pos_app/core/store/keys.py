"""Where the 256-bit database key comes from.

In order: ``POS_DB_KEY`` (64 hex characters; tests and headless use), the OS
keyring (a random key made at first start), or a passphrase stretched with
Argon2id. ``keystore.json`` in the data directory records which method the
wallet uses and the (public) Argon2 salt and parameters; it holds no secret.
A missing key is ``storage.no_key``; a wrong one is found when the database is
opened (``storage.wrong_key``), never papered over with a new database.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pos_app.core.errors import StorageError

log = logging.getLogger(__name__)

ENV_KEY = "POS_DB_KEY"
ENV_PASSPHRASE = "POS_DB_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
KEYRING_SERVICE = "pos-app"
KEYSTORE_FILE = "keystore.json"
ARGON2_DEFAULTS = {"time_cost": 3, "memory_cost": 65536, "parallelism": 2}
MIN_PASSPHRASE = 8

PassphraseSource = Callable[[bool], str | None]
"""Asks the user for a passphrase; the argument is True when creating (confirm it)."""


@dataclass(frozen=True, slots=True)
class KeyChoice:
    """A resolved database key and the method that produced it."""

    key: bytes
    method: str  # env | keyring | passphrase


def parse_hex_key(text: str) -> bytes:
    """Parse a 64-hex-character key, or raise ``storage.bad_key_format``."""
    text = text.strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise StorageError(
            "storage.bad_key_format",
            "The database key must be 64 hexadecimal characters.",
            f"{ENV_KEY} has {len(text)} characters",
        )
    return key


def derive_passphrase_key(
    passphrase: str, salt: bytes, params: dict[str, int] | None = None
) -> bytes:
    """Stretch a passphrase into 32 bytes with Argon2id (slow on purpose: keep off the GUI)."""
    from argon2.low_level import Type, hash_secret_raw

    p = {**ARGON2_DEFAULTS, **(params or {})}
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=p["time_cost"],
        memory_cost=p["memory_cost"],
        parallelism=p["parallelism"],
        hash_len=32,
        type=Type.ID,
    )


class KeyStore:
    """Reads and writes ``keystore.json`` and fetches the key from the chosen place.

    Args:
        data_dir: the wallet's data directory.
        passphrase: asks for a passphrase when needed (GUI dialog, terminal prompt).
    """

    def __init__(self, data_dir: Path, passphrase: PassphraseSource | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / KEYSTORE_FILE
        self._passphrase = passphrase

    def _account(self) -> str:
        # One keyring entry per data directory, so two shops on one machine don't collide.
        return f"db-key:{self.data_dir.resolve()}"

    def read_meta(self) -> dict | None:
        """The recorded method and Argon2 parameters, or None before the first start."""
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise StorageError(
                "storage.keystore_unreadable", "The key settings file is damaged.", str(exc)
            ) from exc

    def _write_meta(self, meta: dict) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(meta, indent=2))
        os.replace(tmp, self.path)

    def load(self) -> KeyChoice:
        """The key of an existing wallet.

        Raises:
            StorageError: ``storage.no_key`` when no source can provide it.
        """
        env = os.environ.get(ENV_KEY)
        if env:
            return KeyChoice(parse_hex_key(env), "env")
        meta = self.read_meta() or {}
        method = meta.get("method")
        if method == "keyring":
            key_hex = _keyring_get(self._account())
            if key_hex:
                return KeyChoice(parse_hex_key(key_hex), "keyring")
            raise _no_key("the OS keyring has no key for this wallet")
        if method == "passphrase":
            passphrase = os.environ.get(ENV_PASSPHRASE) or (
                self._passphrase and self._passphrase(False)
            )
            if not passphrase:
                raise _no_key("a passphrase is required")
            salt = bytes.fromhex(meta["salt"])
            return KeyChoice(
                derive_passphrase_key(passphrase, salt, meta.get("argon2")), "passphrase"
            )
        raise _no_key(f"no {ENV_KEY} and no recorded key method in {self.path}")

    def create(self, method: str | None = None, passphrase: str | None = None) -> KeyChoice:
        """Make the key of a new wallet with ``method`` (default: env, keyring, passphrase)."""
        env = os.environ.get(ENV_KEY)
        if method in (None, "env") and env:
            self._write_meta({"method": "env"})
            return KeyChoice(parse_hex_key(env), "env")
        if method in (None, "keyring"):
            key = secrets.token_bytes(32)
            if _keyring_set(self._account(), key.hex()):
                self._write_meta({"method": "keyring"})
                return KeyChoice(key, "keyring")
            if method == "keyring":
                raise _no_key("no OS keyring is available on this machine")
        passphrase = (
            passphrase
            or os.environ.get(ENV_PASSPHRASE)
            or (self._passphrase and self._passphrase(True))
        )
        if not passphrase:
            raise _no_key(f"no {ENV_KEY}, no OS keyring and no passphrase")
        if len(passphrase) < MIN_PASSPHRASE:
            raise StorageError(
                "storage.weak_passphrase",
                f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.",
            )
        salt = secrets.token_bytes(16)
        self._write_meta({"method": "passphrase", "salt": salt.hex(), "argon2": ARGON2_DEFAULTS})
        return KeyChoice(derive_passphrase_key(passphrase, salt), "passphrase")


def _no_key(detail: str) -> StorageError:
    return StorageError(
        "storage.no_key",
        f"No database key is available. Set {ENV_KEY}, unlock the OS keyring or enter "
        "the passphrase.",
        detail,
    )


def _keyring_get(account: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, account)
    except (ImportError, KeyringError, RuntimeError):
        return None


def keyring_usable() -> bool:
    """True when this machine's keyring may hold the database key (:func:`keyring_refusal`)."""
    try:
        import keyring

        reason = keyring_refusal(keyring.get_keyring())
    except Exception:  # a broken D-Bus or backend plugin just means no keyring
        log.info("no usable keyring", exc_info=True)
        return False
    if reason is not None:
        log.info("the OS keyring will not be offered: %s", reason)
    return reason is None


def _keyring_set(account: str, value: str) -> bool:
    try:
        import keyring
        from keyring.errors import KeyringError

        reason = keyring_refusal(keyring.get_keyring())
        if reason is not None:
            log.info("not keeping the database key in the OS keyring: %s", reason)
            return False
        keyring.set_password(KEYRING_SERVICE, account, value)
        return keyring.get_password(KEYRING_SERVICE, account) == value
    except (ImportError, KeyringError, RuntimeError):
        return False


# keyring's own convention: the recommended OS keyrings have a priority of at
# least 1; the fallbacks of keyrings.alt (plaintext or password files) sit
# below, the "fail" and "null" backends at 0 and -1.
RECOMMENDED_PRIORITY = 1.0
_PLAINTEXT_MARKERS = ("plaintext", "uncrypted", "unencrypted", "keyrings.alt")


def keyring_refusal(backend: object) -> str | None:
    """Why ``backend`` must not hold the database key (None when it may).

    A plaintext file keyring would leave the key beside the database it opens. A
    :class:`~keyring.backends.chainer.ChainerBackend` may write to any backend it
    chains, so every one of them must qualify.
    """
    from keyring.backends import chainer, fail, null

    kind = type(backend)
    name = f"{kind.__module__}.{kind.__qualname__}"
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return f"{name} chains no keyring"
        for inner in chained:
            reason = keyring_refusal(inner)
            if reason is not None:
                return f"{name} chains {reason}"
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return f"{name} stores nothing"
    if any(marker in name.lower() for marker in _PLAINTEXT_MARKERS):
        return f"{name} is a plaintext keyring"
    try:
        priority = float(backend.priority)  # type: ignore[attr-defined]
    except Exception as exc:  # a backend decides its viability by raising here
        return f"{name} is not usable ({type(exc).__name__})"
    if priority < RECOMMENDED_PRIORITY:
        return f"{name} is not a recommended keyring (priority {priority:g})"
    return None


def new_random_key() -> str:
    """A fresh 64-hex-character key (for ``POS_DB_KEY`` in scripts and tests)."""
    return secrets.token_hex(32)
