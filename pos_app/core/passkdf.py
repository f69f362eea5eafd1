"""Keys from passphrases for files that leave the till (settings exports, enrolment files).

Argon2id with RFC 9106's second recommended option (64 MiB), 64 bytes out: 32 for
an AES-256-GCM key and 32 as a check value that tells a wrong passphrase from a
damaged file. The parameters travel in the file, so a later release may raise them
and still open old files; :func:`reasonable` refuses parameters that would make
opening a hostile file take the machine's memory or minutes.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from argon2.low_level import Type, hash_secret_raw

KDF = {"name": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 4}
CIPHER = "AES-256-GCM"
SALT_BYTES = 16
NONCE_BYTES = 12


def derive(passphrase: str, salt: bytes, kdf: dict[str, Any]) -> tuple[bytes, bytes]:
    """The AEAD key and a check value (a wrong passphrase is told apart from damage)."""
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


def reasonable(kdf: dict[str, Any]) -> bool:
    """Argon2id parameters a till may run: at most 4 GiB and 64 passes."""
    return (
        kdf.get("name") == "argon2id"
        and 0 < int(kdf["memory_cost"]) <= 4 * 1024 * 1024
        and 0 < int(kdf["time_cost"]) <= 64
        and 0 < int(kdf["parallelism"]) <= 64
    )


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
