"""Standard Webhooks signatures (and BTCPay's, for receivers written for BTCPay).

The signed content is ``{webhook-id}.{webhook-timestamp}.{body}``, HMAC-SHA256 with
the secret's decoded bytes, sent as ``v1,<base64>``. During a secret rotation both
secrets sign and both signatures travel, space-separated, so a receiver that still
has the old secret keeps accepting.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

PREFIX = "whsec_"
SECRET_BYTES = 32


def new_secret() -> str:
    """``whsec_`` and the base64 of 32 random bytes."""
    return PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(PREFIX))


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One ``v1,<base64>`` signature."""
    content = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def btcpay_signature(secret: str, body: bytes) -> str:
    """``sha256=<hex>``: BTCPay's HMAC of the body alone, keyed with the secret's text."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def headers(
    secrets_: list[str],
    msg_id: str,
    timestamp: int,
    body: bytes,
    *,
    btcpay: bool = False,
) -> dict[str, str]:
    """The signature headers of one attempt; ``secrets_`` newest first."""
    out = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(sign(s, msg_id, timestamp, body) for s in secrets_),
    }
    if btcpay:
        out["BTCPay-Sig"] = btcpay_signature(secrets_[0], body)
    return out
