"""Files that leave the till sealed under a passphrase (settings exports, enrolment files).

Argon2id with RFC 9106's second recommended option (64 MiB), 64 bytes out: 32 for an
AES-256-GCM key and 32 as a check value that tells a wrong passphrase from a damaged
file. The parameters travel in the file, so a later release may raise them and still
open old files; parameters that would make opening a hostile file take the machine's
memory or minutes are refused. What else the file says (its header, its plain part)
is sealed with it as associated data: a changed byte anywhere fails the opening.

A sealed part is stored as ``{"kdf": {…, "salt", "check"}, "cipher": {"name", "nonce"},
"ciphertext"}``, base64 throughout; the associated data is the canonical JSON of the
bound fields plus ``"params": {"kdf", "cipher"}``.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

# argon2 and cryptography are imported where a file is sealed or opened: every start
# reads the module's names (core.store.storage), few seal anything (~8 ms a start).

KDF = {"name": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 4}
CIPHER = "AES-256-GCM"
SALT_BYTES = 16
NONCE_BYTES = 12


class WrongPassphrase(Exception):
    """The passphrase does not open the file (told apart from damage by the check value)."""


def seal(plain: bytes, passphrase: str, bound: dict[str, Any]) -> dict[str, Any]:
    """``plain`` sealed under ``passphrase``, with ``bound`` as associated data; as stored."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    key, check = _derive(passphrase, salt, KDF)
    params = {
        "kdf": {**KDF, "salt": b64(salt), "check": b64(check)},
        "cipher": {"name": CIPHER, "nonce": b64(nonce)},
    }
    sealed = AESGCM(key).encrypt(nonce, plain, canonical({**bound, "params": params}))
    return {**params, "ciphertext": b64(sealed)}


def unseal(stored: Any, passphrase: str, bound: dict[str, Any]) -> bytes:
    """The plain bytes of a part :func:`seal` made.

    Raises:
        WrongPassphrase: the check value says the passphrase is not this file's.
        ValueError: the part or what is bound to it is damaged or was changed, or its
            algorithms are unknown or its parameters unreasonable.
    """
    try:
        kdf, cipher = stored["kdf"], stored["cipher"]
        if kdf.get("name") != "argon2id" or cipher.get("name") != CIPHER:
            raise ValueError("unknown algorithms")
        if not (
            0 < int(kdf["memory_cost"]) <= 4 * 1024 * 1024
            and 0 < int(kdf["time_cost"]) <= 64
            and 0 < int(kdf["parallelism"]) <= 64
        ):
            raise ValueError("unreasonable Argon2 parameters")
        salt, check = unb64(kdf["salt"]), unb64(kdf["check"])
        nonce, ciphertext = unb64(cipher["nonce"]), unb64(stored["ciphertext"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"sealed part: {exc!r}") from exc
    key, expected = _derive(passphrase, salt, kdf)
    if not secrets.compare_digest(check, expected):
        raise WrongPassphrase
    params = {"kdf": kdf, "cipher": cipher}
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(nonce, ciphertext, canonical({**bound, "params": params}))
    except InvalidTag as exc:
        raise ValueError("the sealed part or what is bound to it was changed") from exc


def _derive(passphrase: str, salt: bytes, kdf: dict[str, Any]) -> tuple[bytes, bytes]:
    """The AEAD key and the check value."""
    from argon2.low_level import Type, hash_secret_raw

    raw = hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=64,
        type=Type.ID,
    )
    return raw[:32], raw[32:]


def b64(data: bytes) -> str:
    """Bytes as base64 text, as the sealed files store them."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any) -> bytes:
    """Base64 text read back strictly (anything else is a damaged file: ValueError)."""
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def canonical(value: Any) -> bytes:
    """``value`` as the one JSON text a seal's associated data is made of."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
