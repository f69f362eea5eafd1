"""Removing secrets from text and data that leave the wallet (logs, error rows, support bundles).

Two kinds of rules. By shape: tokens and payment requests (a token is bearer
money), Nostr private keys, webhook signing secrets (``whsec_``), and runs of BIP39
words (a seed). By structure: the
value of any field named like a secret (``secret``, ``C``, ``witness``,
``mnemonic``, ``passphrase``, ``token``...), whether the field sits in a dict,
in JSON or a Python repr inside a message, or in ``name=value`` text such as a
URL query or an environment line. The code never logs secrets in the first
place; this is the last line of defence, so it errs towards removing too much.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

MARK = "[redacted]"
SEED_MARK = "[seed words redacted]"
# Six BIP39 words in a row are a large part of a seed; ordinary English rarely has
# six list words in a row (measured on the app's own messages and logs).
SEED_RUN = 6

# Field names whose values are secret. Compared case-insensitively, except ``C``
# (a proof's signature) which is matched only as the exact one-letter name.
SECRET_FIELDS = frozenset(
    {
        "secret",
        "secrets",
        "previous_secret",
        "witness",
        "witnesses",
        "nonce",
        "preimage",
        "payment_preimage",
        "mnemonic",
        "seed",
        "seed_words",
        "words",
        "passphrase",
        "password",
        "key",
        "db_key",
        "pos_db_key",
        "pos_db_passphrase",
        "private_key",
        "privkey",
        "seckey",
        "nsec",
        "token",
        "tokens",
        "proofs",
        "api_key",
        "apikey",
        "access_token",
        "authorization",
    }
)
CASE_SENSITIVE_FIELDS = frozenset({"C"})

_FIELD_NAMES = "|".join(sorted((re.escape(f) for f in SECRET_FIELDS), key=len, reverse=True))
# A field name (bare, quoted or with escaped quotes), a separator, then its value:
# a quoted string (escapes allowed), an escaped-quoted string (JSON inside a
# string), a bracketed list, or a bare run up to the next delimiter.
_FIELD = re.compile(
    r"(?P<name>(?<![A-Za-z0-9_])(?:(?i:" + _FIELD_NAMES + r")|C)(?![A-Za-z0-9_]))"
    r"(?P<sep>\\?[\"']?\s*[:=](?!=)\s*)"
    r"(?P<value>\\\"(?:[^\\]|\\(?!\"))*?\\\"|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'"
    r"|\[[^\]]*\]?|[^\s,;&}\])'\"]+)"
)
_SHAPES = re.compile(
    # (?!…): text redacted once is left as it is (records pass several handlers).
    r"(?P<prefix>cashu[AB]|crawB|creqA|creqb1|ur:bytes/|ur:cashu|nsec1|whsec_)(?!…)[^\s'\",;}\]]{8,}",
    re.I,
)
_WORD = re.compile(r"[A-Za-z]+")


@functools.cache
def _bip39_words() -> frozenset[str]:
    from mnemonic import Mnemonic

    return frozenset(Mnemonic("english").wordlist)


def _looks_secret(bare: str) -> bool:
    # After "name:" in prose ("key: the 32-byte key") a plain word is not a value;
    # a secret is long or mixes letters with digits or symbols.
    return len(bare) >= 16 or (len(bare) >= 6 and not bare.isalpha())


def _redact_field(match: re.Match[str]) -> str:
    value = match.group("value")
    quoted = value[0] in "\"'[\\"
    if not quoted and "=" not in match.group("sep") and not _looks_secret(value):
        return match.group(0)
    return f"{match.group('name')}{match.group('sep')}{MARK}"


def _redact_seed_runs(text: str) -> str:
    words = _bip39_words()
    spans: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for match in [*_WORD.finditer(text), None]:
        if match is not None and match.group(0).lower() in words:
            run.append(match)
            continue
        if len(run) >= SEED_RUN:
            spans.append((run[0].start(), run[-1].end()))
        run = []
    for start, end in reversed(spans):
        text = text[:start] + SEED_MARK + text[end:]
    return text


def redact_text(text: str) -> str:
    """``text`` with tokens, secret fields and seed words replaced by markers."""
    if not text:
        return text
    text = _SHAPES.sub(lambda m: f"{m.group('prefix')}…{MARK}", text)
    text = _FIELD.sub(_redact_field, text)
    return _redact_seed_runs(text)


def is_secret_field(name: Any) -> bool:
    """True when a field of this name holds a secret."""
    return isinstance(name, str) and (
        name in CASE_SENSITIVE_FIELDS or name.lower() in SECRET_FIELDS
    )


def redact_data(value: Any) -> Any:
    """A copy of ``value`` (dicts, lists, text) with every secret field's value removed."""
    if isinstance(value, Mapping):
        return {
            k: (MARK if is_secret_field(k) and v not in (None, "") else redact_data(v))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact_data(v) for v in value]
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, bytes | bytearray):
        return redact_text(bytes(value).decode("utf-8", "replace"))
    return value
