"""One error family for the whole application.

Every failure the app reports is a :class:`PosError` with a category, a stable
dotted code, a short message a cashier can act on, and a technical detail for
logs. This module is a leaf: it imports nothing of the app, so every layer
(the pure protocol code included) can raise these errors.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Category(StrEnum):
    """Where a failure comes from; decides how the UI and the retry service react."""

    NETWORK = "network"
    MINT = "mint"
    PROTOCOL = "protocol"
    VALIDATION = "validation"
    STORAGE = "storage"
    CONFIG = "config"
    SECURITY = "security"
    INTERNAL = "internal"  # a bug: logged with its traceback, shown as a plain apology


class PosError(Exception):
    """A failure with a stable code, a cashier-facing message and a technical detail.

    Args:
        code: stable dotted name such as ``token.already_spent``.
        message: short text for the cashier: what happened and what to do next.
        detail: technical detail for logs (the mint's own text, a parser position...).
        category: overrides the class default.
        data: structured facts (amounts, fee numbers) for callers and JSON output.
    """

    category: Category = Category.PROTOCOL

    def __init__(
        self,
        code: str,
        message: str,
        detail: str = "",
        *,
        category: Category | None = None,
        data: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.user_message = message
        self.detail = detail
        if category is not None:
            self.category = category
        self.data = dict(data or {})

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape used by the CLI and the local API."""
        out: dict[str, Any] = {
            "category": str(self.category),
            "code": self.code,
            "message": self.user_message,
        }
        if self.detail:
            out["detail"] = self.detail
        if self.data:
            out["data"] = self.data
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.user_message!r}, {self.detail!r})"


class ValidationError(PosError):
    """Input that cannot be accepted as given (a garbled token, a bad setting value)."""

    category = Category.VALIDATION


class ProtocolError(PosError):
    """A peer broke the protocol (bad keyset id, malformed response)."""

    category = Category.PROTOCOL


class NetworkError(PosError):
    """The peer could not be reached or did not answer in time."""

    category = Category.NETWORK


class MintError(PosError):
    """The mint answered with a refusal."""

    category = Category.MINT


class StorageError(PosError):
    """The encrypted database could not be opened or written."""

    category = Category.STORAGE


class ConfigError(PosError):
    """A setting is missing or invalid."""

    category = Category.CONFIG


class SecurityError(PosError):
    """Something that may be an attack: a bad signature, a changed mint key."""

    category = Category.SECURITY
