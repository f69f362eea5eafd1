"""Byte-level decoding shared by the token and payment-request parsers.

Both formats wrap CBOR (or JSON) in base64 that wallets write with either
alphabet, with or without padding. Everything here is defensive: input comes
from a camera or a clipboard, so every failure surfaces as a
:class:`~pos_app.core.errors.ValidationError` with the caller's code and
message, never as a ``binascii``, ``cbor2`` or ``UnicodeDecodeError``.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from typing import Any

import cbor2

from pos_app.core.cashu.models import invalid
from pos_app.core.errors import ValidationError

_B64_BODY = re.compile(r"\A[A-Za-z0-9+/\-_]*={0,2}\Z")
_WHITESPACE = re.compile(r"\s+")

# Neither tokens nor requests use CBOR tags. Rejecting every tag keeps cbor2's
# semantic decoders (datetimes, bigfloats, regexes, shared references...) away
# from untrusted input.
_SEMANTIC_TAGS = (0, 1, 2, 3, 4, 5, 25, 28, 29, 30, 35, 36, 37, 100, 256, 258, 260, 261, 1004)
_SEMANTIC_TAGS += (55799,)
MAX_CBOR_DEPTH = 16


def _reject_tag(*_args: Any) -> Any:
    raise ValueError("CBOR tags are not allowed here")


_NO_TAGS = dict.fromkeys(_SEMANTIC_TAGS, _reject_tag)


def b64decode_any(text: str, code: str, message: str) -> bytes:
    """Decode base64 written with either alphabet, padded or not.

    Whitespace anywhere is dropped (tokens pasted from e-mail get wrapped).

    Args:
        text: the base64 text.
        code: error code to raise on failure.
        message: cashier-facing message on failure.

    Raises:
        ValidationError: not base64.
    """
    body = _WHITESPACE.sub("", text)
    if not _B64_BODY.match(body):
        raise invalid(code, "not base64 (unexpected character)", message)
    body = body.rstrip("=").replace("-", "+").replace("_", "/")
    if len(body) % 4 == 1:
        raise invalid(code, "not base64 (truncated)", message)
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise invalid(code, f"not base64: {exc}", message) from None


def b64url_encode(data: bytes, *, pad: bool) -> str:
    """URL-safe base64, with or without trailing ``=``."""
    text = base64.urlsafe_b64encode(data).decode("ascii")
    return text if pad else text.rstrip("=")


def cbor_loads(data: bytes, code: str, message: str) -> Any:
    """Decode exactly one CBOR item, strictly.

    Rejects trailing bytes, duplicate map keys, map keys other than text or
    bytes, tags, and nesting deeper than :data:`MAX_CBOR_DEPTH`.

    Raises:
        ValidationError: malformed CBOR.
    """
    stream = io.BytesIO(data)
    try:
        decoder = cbor2.CBORDecoder(
            stream,
            tag_hook=_reject_tag,
            semantic_decoders=_NO_TAGS,
            max_depth=MAX_CBOR_DEPTH,
            allow_duplicate_keys=False,
            strict_hashable_types=True,
        )
        value = decoder.decode()
    except (cbor2.CBORError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise invalid(code, f"bad CBOR: {exc}", message) from None
    if stream.tell() != len(data):
        raise invalid(code, f"{len(data) - stream.tell()} bytes after the CBOR item", message)
    return value


def absent(value: Any) -> bool:
    """True for a missing optional field: None, CBOR null or CBOR ``undefined``.

    cashu-ts writes ``undefined`` for a transport without tags.
    """
    return value is None or value is cbor2.undefined


def rewrap(exc: ValidationError, code: str, message: str) -> ValidationError:
    """The same failure under this parser's code and cashier message."""
    return invalid(code, exc.detail or exc.user_message, message)
