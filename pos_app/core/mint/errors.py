"""Map a mint's refusals and transport failures to typed :class:`PosError` codes.

Mints answer HTTP 400 with ``{"detail": str, "code": int}``. The spec's table
was renumbered in January 2026 and nutshell 0.21 often answers with generic
codes (11000, 0), so the mint's text is matched as well, and the original text
is always kept in ``detail``. Callers must still recover by checking state,
never by trusting a code alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pos_app.core.errors import Category, MintError, NetworkError, PosError, ProtocolError


@dataclass(frozen=True, slots=True)
class _Rule:
    code: str
    message: str
    category: Category = Category.MINT


SPENT = _Rule(
    "token.already_spent", "This token was already spent. Ask the customer to send a new one."
)
PENDING = _Rule(
    "token.pending",
    "This token is being used in another payment right now. Wait a moment and try again.",
)
BAD_SIGNATURE = _Rule(
    "token.invalid",
    "The mint says this token is not genuine. Ask the customer for a new one.",
    Category.SECURITY,
)
OUTPUTS_SIGNED = _Rule(
    "mint.outputs_already_signed",
    "The mint already answered this request; the app will recover it.",
)
NOT_BALANCED = _Rule("mint.not_balanced", "The mint refused the amounts of this transaction.")
KEYSET_UNKNOWN = _Rule("mint.keyset_unknown", "The mint does not know the keys this token uses.")
KEYSET_INACTIVE = _Rule("mint.keyset_inactive", "The mint no longer signs with these keys.")
KEYSET_EXPIRED = _Rule(
    "mint.keyset_expired", "These keys of the mint have expired; the token cannot be redeemed."
)
QUOTE_NOT_PAID = _Rule("mint.quote_not_paid", "The Lightning invoice has not been paid yet.")
QUOTE_ISSUED = _Rule("mint.quote_issued", "These coins were already issued.")
LIGHTNING_FAILED = _Rule("mint.lightning_failed", "The mint could not pay the Lightning invoice.")
QUOTE_PENDING = _Rule("mint.quote_pending", "The Lightning payment is still in progress.")
INVOICE_PAID = _Rule("mint.invoice_already_paid", "This Lightning invoice was already paid.")
QUOTE_EXPIRED = _Rule("mint.quote_expired", "The mint's quote expired. Start again.")
AMOUNT_RANGE = _Rule("mint.amount_out_of_range", "The mint does not accept this amount.")
UNIT_UNSUPPORTED = _Rule("mint.unit_unsupported", "The mint does not support this unit.")
TOO_MANY = _Rule("mint.too_many_items", "The mint refused: too many coins in one transaction.")
AUTH = _Rule(
    "mint.auth_required", "This mint requires authentication, which the shop does not use."
)
LOCKED = _Rule(
    "token.locked",
    "This token is locked (P2PK/HTLC) and the mint refused to unlock it. Ask for a new token.",
)
OUTPUTS_PENDING = _Rule(
    "mint.outputs_pending", "The mint is still working on this request. Wait and check again."
)
DUPLICATE = _Rule("mint.duplicate", "The mint refused: the same coin appears twice.")
UNIT_MISMATCH = _Rule("mint.unit_mismatch", "The mint refused: the coins are of different units.")
INVOICE_INVALID = _Rule(
    "mint.invoice_invalid", "The mint cannot pay this Lightning invoice. Check the invoice."
)
QUOTE_UNKNOWN = _Rule("mint.quote_unknown", "The mint does not know this quote. Start again.")
MINTING_DISABLED = _Rule("mint.disabled", "The mint has switched this operation off.")
RATE_LIMITED = _Rule("mint.rate_limited", "The mint is busy (rate limited). Try again in a moment.")
REFUSED = _Rule("mint.refused", "The mint refused the request.")

_BY_CODE: dict[int, _Rule] = {
    10001: BAD_SIGNATURE,
    11001: SPENT,
    11002: PENDING,
    11003: OUTPUTS_SIGNED,
    11004: OUTPUTS_PENDING,
    11005: NOT_BALANCED,
    11006: AMOUNT_RANGE,
    11007: DUPLICATE,
    11008: DUPLICATE,
    11009: UNIT_MISMATCH,
    11010: UNIT_MISMATCH,
    11011: INVOICE_INVALID,
    11012: INVOICE_INVALID,
    11013: UNIT_UNSUPPORTED,
    11014: TOO_MANY,
    11015: TOO_MANY,
    12001: KEYSET_UNKNOWN,
    12002: KEYSET_INACTIVE,
    12003: KEYSET_EXPIRED,
    20001: QUOTE_NOT_PAID,
    20002: QUOTE_ISSUED,
    20003: MINTING_DISABLED,
    20004: LIGHTNING_FAILED,
    20005: QUOTE_PENDING,
    20006: INVOICE_PAID,
    20007: QUOTE_EXPIRED,
    30001: AUTH,
    30002: AUTH,
    31001: AUTH,
    31002: AUTH,
    31003: AUTH,
    31004: RATE_LIMITED,
}

# Codes whose meaning changed with the January 2026 renumbering (11002 was "not balanced",
# 11005 a unit error): for these the mint's text, when it says something, decides.
_RENUMBERED = frozenset({11002, 11003, 11004, 11005})

# Text patterns for mints that answer with generic codes (nutshell: 11000, 0) or old numbering.
_BY_TEXT: list[tuple[re.Pattern[str], _Rule]] = [
    (re.compile(r"already spent", re.I), SPENT),
    (re.compile(r"already (been )?signed", re.I), OUTPUTS_SIGNED),
    (re.compile(r"outputs are pending", re.I), OUTPUTS_PENDING),
    (re.compile(r"quote.*pending", re.I), QUOTE_PENDING),
    (re.compile(r"\bpending\b", re.I), PENDING),
    (re.compile(r"could not be verified|invalid proof", re.I), BAD_SIGNATURE),
    (
        re.compile(
            r"no signatures|signatures? .*n_sigs|signature threshold|witness|preimage|"
            r"SIG_ALL|NUT-10|P2PK|HTLC|locktime",
            re.I,
        ),
        LOCKED,
    ),
    (re.compile(r"not balanced|unbalanced|less than output", re.I), NOT_BALANCED),
    (re.compile(r"keyset.*(unknown|not found)|unknown keyset", re.I), KEYSET_UNKNOWN),
    (re.compile(r"keyset.*inactive", re.I), KEYSET_INACTIVE),
    (re.compile(r"duplicate", re.I), DUPLICATE),
    (re.compile(r"not of same unit|multiple units|different units", re.I), UNIT_MISMATCH),
    (re.compile(r"unit.*not supported|unsupported unit", re.I), UNIT_UNSUPPORTED),
    (re.compile(r"invoice already paid|already been paid", re.I), INVOICE_PAID),
    (re.compile(r"quote not paid|not paid", re.I), QUOTE_NOT_PAID),
    (re.compile(r"already issued", re.I), QUOTE_ISSUED),
    (re.compile(r"quote.*expired", re.I), QUOTE_EXPIRED),
    (re.compile(r"quote.*not found|unknown quote", re.I), QUOTE_UNKNOWN),
    (
        re.compile(r"bech32|invoice.*(invalid|not valid)|(invalid|cannot decode).*invoice", re.I),
        INVOICE_INVALID,
    ),
]


def mint_refusal(status: int, code: int | None, detail: str, endpoint: str) -> PosError:
    """Turn an HTTP 4xx answer of a mint into a typed error.

    Args:
        status: HTTP status.
        code: the mint's numeric ``code`` (may be generic or absent).
        detail: the mint's ``detail`` text, kept for logs.
        endpoint: the path called, for the log detail.
    """
    by_text = next((r for pattern, r in _BY_TEXT if pattern.search(detail)), None)
    rule = _BY_CODE.get(code or -1)
    # 11002 meant "not balanced" before the 2026 renumbering, and so on: the text tells which.
    if rule is None or (code in _RENUMBERED and by_text is not None):
        rule = by_text or REFUSED
    if status == 429:
        rule = RATE_LIMITED
    return MintError(
        rule.code,
        rule.message,
        f"{endpoint}: HTTP {status} code {code}: {detail}",
        category=rule.category,
        data={"mint_code": code, "mint_detail": detail},
    )


def unreachable(url: str, exc: Exception) -> NetworkError:
    """The mint could not be reached at all (connection refused, DNS, TLS)."""
    return NetworkError(
        "mint.unreachable",
        "The mint cannot be reached right now. The token is kept and will be retried.",
        f"{url}: {type(exc).__name__}: {exc}",
    )


def timed_out(url: str, exc: Exception) -> NetworkError:
    """The mint did not answer in time; the request may or may not have been processed."""
    return NetworkError(
        "mint.timeout",
        "The mint did not answer in time. The token is kept and will be checked again.",
        f"{url}: {type(exc).__name__}: {exc}",
    )


def server_error(url: str, status: int, body: str) -> NetworkError:
    """The mint failed internally (5xx) or a proxy in front of it did."""
    return NetworkError(
        "mint.server_error",
        "The mint has a problem right now. The token is kept and will be retried.",
        f"{url}: HTTP {status}: {body[:500]}",
    )


def bad_response(url: str, why: str) -> ProtocolError:
    """The mint answered something that is not the protocol."""
    return ProtocolError(
        "mint.bad_response", "The mint sent an answer this app cannot read.", f"{url}: {why}"
    )
