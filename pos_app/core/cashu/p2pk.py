"""NUT-10 well-known secrets and NUT-11 Pay-to-Public-Key locks (with NUT-14 HTLC locks).

A locked coin carries a JSON secret ``["P2PK", {"nonce", "data", "tags"}]``; spending it
needs BIP-340 Schnorr signatures over ``sha256(message)`` in ``Proof.witness``. This module
parses and builds such secrets, signs and verifies witnesses, and tells the shop whether a
token offered as "locked to the shop" really is spendable by the shop alone.

Rules implemented (cashubtc/nuts 10.md, 11.md, 14.md at 3ddb1ae):

- A secret that is not JSON, or JSON that is not a list starting with a string, is a plain
  secret (no conditions). A list starting with a string must be a well-formed NUT-10 secret
  (exactly ``[kind, {nonce: str, data: str, tags?: [[str, ...], ...]}]``, tags of one or
  more non-empty strings, no repeated JSON object key) or :class:`ValidationError`
  ``p2pk.invalid`` is raised.
- P2PK/HTLC secrets are malformed (``p2pk.invalid``) when one of ``sigflag``, ``pubkeys``,
  ``n_sigs``, ``locktime``, ``refund``, ``n_sigs_refund`` is repeated, ``n_sigs`` /
  ``n_sigs_refund`` is not a positive decimal integer or exceeds its pathway's key count,
  the sigflag is not ``SIG_INPUTS`` / ``SIG_ALL``, a key is not a compressed secp256k1
  point, or a pathway lists a key twice (compared by x-coordinate).
- A ``locktime`` that is not a valid unix time means a permanent lock (spec wording); it is
  kept in :attr:`P2PKConditions.locktime_malformed` because mints parse it differently,
  and :func:`check_locked_to` refuses such tokens.
- A lock has expired when ``now > locktime`` (as nutshell does). After expiry the refund
  pathway opens; with no refund key (tag absent or empty) anyone can spend.
- Signers are counted as distinct keys with a valid signature, never as signatures.
- HTLC (NUT-14): ``data`` is the SHA-256 of a 32-byte preimage; the main pathway needs the
  preimage plus ``n_sigs`` signatures of the ``pubkeys`` keys (none when that tag is absent).

Blinded keys (NUT-28, ``p2pk_e`` / V4 ``pe``) are not supported: :class:`Proof` does not
carry ``p2pk_e``, so callers that see one must pass ``has_p2pk_e=True`` to
:func:`check_locked_to`, which then refuses the token.

Messages are hashed as UTF-8 (lone surrogates passed through), so nothing here raises on
odd text. All checks take ``now`` (unix seconds) from the caller: this module reads no clock.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from coincurve import PrivateKey, PublicKey, PublicKeyXOnly

from pos_app.core.cashu.models import BlindedMessage, Proof, check_hex, invalid
from pos_app.core.errors import ValidationError

__all__ = [
    "KIND_HTLC",
    "KIND_P2PK",
    "SIG_ALL",
    "SIG_INPUTS",
    "P2PKConditions",
    "Pathway",
    "WellKnownSecret",
    "Witness",
    "add_signature",
    "can_shop_spend",
    "check_locked_to",
    "make_p2pk_secret",
    "parse_conditions",
    "parse_secret",
    "parse_witness",
    "proof_pathway",
    "schnorr_sign",
    "schnorr_verify",
    "sig_all_message",
    "sig_inputs_message",
    "sign_proofs",
    "sign_sig_all",
    "transaction_pathways",
    "verify_proof_witness",
    "verify_transaction",
]

KIND_P2PK = "P2PK"
KIND_HTLC = "HTLC"
SIG_INPUTS = "SIG_INPUTS"
SIG_ALL = "SIG_ALL"

CODE = "p2pk.invalid"
_BAD_LOCK = "This coin's lock is malformed; the mint will refuse it."
_SINGLE_TAGS = ("sigflag", "pubkeys", "n_sigs", "locktime", "refund", "n_sigs_refund")
_DIGITS = re.compile(r"\A[0-9]+\Z")
_MAX_UNIX_TIME = 2**64 - 1  # the widest mint implementations read locktime as u64
# Upper bound on signatures looked at in one witness, so a hostile token cannot make the
# till run millions of Schnorr checks. Far above any real multisig (NUT-28 caps keys at 11).
MAX_SIGNATURES = 100


class Pathway(StrEnum):
    """How a coin's spending condition is (or would be) satisfied."""

    PLAIN = "plain"  # ordinary secret: no condition at all
    MAIN = "main"  # n_sigs of data+pubkeys (P2PK), preimage + n_sigs of pubkeys (HTLC)
    REFUND = "refund"  # after locktime: n_sigs_refund of the refund keys
    EXPIRED = "expired"  # after locktime with no refund key: anyone can spend


@dataclass(frozen=True, slots=True)
class WellKnownSecret:
    """A NUT-10 secret ``[kind, {nonce, data, tags}]`` as parsed (values not interpreted)."""

    kind: str
    nonce: str
    data: str
    tags: tuple[tuple[str, ...], ...] = ()

    def tag_values(self, name: str) -> tuple[str, ...] | None:
        """Values of the first tag called ``name`` (maybe empty), or None when absent."""
        for tag in self.tags:
            if tag[0] == name:
                return tag[1:]
        return None

    def to_json(self) -> str:
        """Compact JSON text as the spec writes it (``nonce``, ``data``, ``tags`` in order)."""
        body = {"nonce": self.nonce, "data": self.data, "tags": [list(t) for t in self.tags]}
        return json.dumps([self.kind, body], separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class P2PKConditions:
    """The spending rules of a P2PK (or HTLC) secret, validated and normalised.

    Keys are lowercase compressed hex (33 bytes). ``pubkeys`` is the main pathway: ``data``
    then the ``pubkeys`` tag for P2PK, only the ``pubkeys`` tag for HTLC.

    Attributes:
        kind: ``P2PK`` or ``HTLC``.
        pubkeys: keys that may sign on the main pathway.
        n_sigs: distinct main-pathway signers needed (1 by default; 0 for an HTLC without
            ``pubkeys``, whose preimage alone spends it).
        locktime: unix time after which the refund pathway opens; None for a permanent lock.
        refund: keys that may sign after ``locktime``.
        n_sigs_refund: distinct refund signers needed (default 1).
        sigflag: ``SIG_INPUTS`` (default) or ``SIG_ALL``.
        hashlock: HTLC only: the lowercased ``data`` (SHA-256 of the preimage, hex).
        locktime_malformed: a ``locktime`` tag is present but is not a valid unix time
            (the spec then calls the lock permanent).
    """

    kind: str
    pubkeys: tuple[str, ...]
    n_sigs: int = 1
    locktime: int | None = None
    refund: tuple[str, ...] = ()
    n_sigs_refund: int = 1
    sigflag: str = SIG_INPUTS
    hashlock: str | None = None
    locktime_malformed: bool = False

    @classmethod
    def from_secret(cls, secret: WellKnownSecret) -> P2PKConditions:
        """Validate the tags of a P2PK/HTLC secret.

        Raises:
            ValidationError: ``p2pk.unsupported_kind`` for another NUT-10 kind,
                ``p2pk.invalid`` for a secret the spec calls malformed.
        """
        if secret.kind not in (KIND_P2PK, KIND_HTLC):
            raise ValidationError(
                "p2pk.unsupported_kind",
                "This coin uses a spending condition the till does not know.",
                f"NUT-10 kind {secret.kind!r}",
            )
        for name in _SINGLE_TAGS:
            if sum(1 for t in secret.tags if t[0] == name) > 1:
                raise invalid(CODE, f"tag {name!r} appears more than once", _BAD_LOCK)

        extra = tuple(_normalise_key(k, "pubkeys") for k in secret.tag_values("pubkeys") or ())
        if secret.kind == KIND_P2PK:
            main = (_normalise_key(secret.data, "data"), *extra)
            hashlock = None
        else:
            main = extra
            hashlock = secret.data.lower()
        refund = tuple(_normalise_key(k, "refund") for k in secret.tag_values("refund") or ())
        _reject_duplicates(main, "main")
        _reject_duplicates(refund, "refund")

        default_n = 1 if main else 0  # an HTLC without pubkeys needs no signature
        n_sigs = _threshold(secret.tag_values("n_sigs"), "n_sigs", len(main), default_n)
        n_sigs_refund = _threshold(
            secret.tag_values("n_sigs_refund"), "n_sigs_refund", len(refund), 1
        )

        sigflag_values = secret.tag_values("sigflag")
        sigflag = SIG_INPUTS
        if sigflag_values is not None:
            if len(sigflag_values) != 1 or sigflag_values[0] not in (SIG_INPUTS, SIG_ALL):
                raise invalid(CODE, f"unknown sigflag {list(sigflag_values)!r}", _BAD_LOCK)
            sigflag = sigflag_values[0]

        locktime_values = secret.tag_values("locktime")
        locktime = None
        if locktime_values is not None:
            locktime = _unix_time(locktime_values)
        return cls(
            kind=secret.kind,
            pubkeys=main,
            n_sigs=n_sigs,
            locktime=locktime,
            refund=refund,
            n_sigs_refund=n_sigs_refund,
            sigflag=sigflag,
            hashlock=hashlock,
            locktime_malformed=locktime_values is not None and locktime is None,
        )

    def is_expired(self, now: float) -> bool:
        """True when the locktime has passed (``now > locktime``)."""
        return self.locktime is not None and now > self.locktime


@dataclass(frozen=True, slots=True)
class Witness:
    """The unlock data of a proof: signatures (hex) and, for HTLC, the preimage (hex)."""

    signatures: tuple[str, ...] = ()
    preimage: str | None = None


# --- parsing ---------------------------------------------------------------------------


class _DuplicateKeyError(Exception):
    """A JSON object repeats a key; parsers disagree on which value wins."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def parse_secret(secret: str) -> WellKnownSecret | None:
    """Parse a proof secret as a NUT-10 well-known secret.

    Args:
        secret: ``Proof.secret`` exactly as carried.

    Returns:
        None for a plain secret (not JSON, or JSON that is not a list starting with a
        string); the parsed secret otherwise.

    Raises:
        ValidationError: ``p2pk.invalid`` when the JSON is a list starting with a string
            but not a well-formed NUT-10 secret (or repeats a JSON object key, or nests
            too deep to read).
    """
    if not isinstance(secret, str):
        raise invalid(CODE, f"secret is {type(secret).__name__}, not text")
    if not secret.lstrip(" \t\r\n").startswith("["):
        return None  # random hex secrets and other non-lists, without a JSON parse
    try:
        value = json.loads(secret, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as exc:
        raise invalid(CODE, f"secret repeats the JSON key {exc.args[0]!r}", _BAD_LOCK) from None
    except RecursionError:
        raise invalid(CODE, "secret JSON nests too deep", _BAD_LOCK) from None
    except json.JSONDecodeError:
        return None  # not JSON: a plain secret, whatever it looks like
    except ValueError as exc:  # valid JSON beyond this parser's limits (huge integers)
        raise invalid(CODE, f"secret JSON cannot be read: {exc}", _BAD_LOCK) from None
    if not isinstance(value, list) or not value or not isinstance(value[0], str):
        return None
    return _well_known(value)


def _well_known(value: list[Any]) -> WellKnownSecret:
    if len(value) != 2:
        raise invalid(CODE, f"NUT-10 secret has {len(value)} elements, expected 2", _BAD_LOCK)
    kind, body = value
    if not kind:
        raise invalid(CODE, "NUT-10 secret has an empty kind", _BAD_LOCK)
    if not isinstance(body, dict):
        raise invalid(CODE, "NUT-10 secret body is not an object", _BAD_LOCK)
    nonce, data = body.get("nonce"), body.get("data")
    if not isinstance(nonce, str):
        raise invalid(CODE, "NUT-10 nonce missing or not a string", _BAD_LOCK)
    if not isinstance(data, str):
        raise invalid(CODE, "NUT-10 data missing or not a string", _BAD_LOCK)
    raw_tags = body.get("tags")
    if raw_tags is None:
        raw_tags = []
    if not isinstance(raw_tags, list):
        raise invalid(CODE, "NUT-10 tags is not a list", _BAD_LOCK)
    tags: list[tuple[str, ...]] = []
    for i, tag in enumerate(raw_tags):
        if not isinstance(tag, list) or not tag:
            raise invalid(CODE, f"tag {i} is not a non-empty list", _BAD_LOCK)
        if not all(isinstance(item, str) and item for item in tag):
            raise invalid(CODE, f"tag {i} holds something other than non-empty strings", _BAD_LOCK)
        tags.append(tuple(tag))
    return WellKnownSecret(kind=kind, nonce=nonce, data=data, tags=tuple(tags))


def parse_conditions(secret: str | WellKnownSecret) -> P2PKConditions | None:
    """Conditions of a proof secret; None for a plain secret.

    Raises:
        ValidationError: ``p2pk.invalid`` (malformed), ``p2pk.unsupported_kind``
            (a NUT-10 kind other than P2PK/HTLC).
    """
    parsed = secret if isinstance(secret, WellKnownSecret) else parse_secret(secret)
    return None if parsed is None else P2PKConditions.from_secret(parsed)


def parse_witness(witness: str | None) -> Witness:
    """Parse ``Proof.witness`` (JSON text ``{"signatures": [...], "preimage"?: ...}``).

    Unknown fields are ignored; None gives an empty witness.

    Raises:
        ValidationError: ``p2pk.invalid`` when the text is not such an object.
    """
    if witness is None:
        return Witness()
    obj = _witness_object(witness)
    sigs = obj.get("signatures")
    if sigs is None:
        sigs = []
    if not isinstance(sigs, list) or not all(isinstance(s, str) for s in sigs):
        raise invalid(CODE, "witness signatures is not a list of strings")
    preimage = obj.get("preimage")
    if preimage is not None and not isinstance(preimage, str):
        raise invalid(CODE, "witness preimage is not a string")
    return Witness(signatures=tuple(sigs), preimage=preimage)


def _witness_object(witness: str) -> dict[str, Any]:
    if not isinstance(witness, str):
        raise invalid(CODE, f"witness is {type(witness).__name__}, not text")
    try:
        obj = json.loads(witness, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as exc:
        raise invalid(CODE, f"witness repeats the JSON key {exc.args[0]!r}") from None
    except (ValueError, RecursionError) as exc:
        raise invalid(CODE, f"witness is not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise invalid(CODE, "witness is not a JSON object")
    return obj


def _normalise_key(text: str, where: str) -> str:
    key = check_hex(text, where, CODE, nbytes=33)
    if key[:2] not in ("02", "03"):
        raise invalid(CODE, f"{where}: {text!r} is not a compressed public key", _BAD_LOCK)
    try:
        PublicKey(bytes.fromhex(key))
    except ValueError:
        raise invalid(CODE, f"{where}: {text!r} is not a point on secp256k1", _BAD_LOCK) from None
    return key


def _reject_duplicates(keys: tuple[str, ...], pathway: str) -> None:
    xs = [k[2:] for k in keys]  # 02/03 variants sign with the same x-only key
    if len(set(xs)) != len(xs):
        raise invalid(CODE, f"the {pathway} pathway lists a key twice", _BAD_LOCK)


def _threshold(values: tuple[str, ...] | None, name: str, nkeys: int, default: int) -> int:
    if values is None:
        return default
    if len(values) != 1 or not _DIGITS.match(values[0]):
        raise invalid(CODE, f"{name} {list(values)!r} is not a positive integer", _BAD_LOCK)
    n = int(values[0])
    if n < 1:
        raise invalid(CODE, f"{name} is {n}, must be at least 1", _BAD_LOCK)
    if n > nkeys:
        raise invalid(CODE, f"{name} is {n} but its pathway has {nkeys} keys", _BAD_LOCK)
    return n


def _unix_time(values: tuple[str, ...]) -> int | None:
    if len(values) != 1 or not _DIGITS.match(values[0]):
        return None
    value = int(values[0])
    return value if value <= _MAX_UNIX_TIME else None


# --- Schnorr -------------------------------------------------------------------------


def _digest(message: str | bytes) -> bytes:
    if isinstance(message, str):
        message = message.encode("utf-8", "surrogatepass")
    return hashlib.sha256(message).digest()


def schnorr_sign(privkey: bytes, message: str | bytes, *, aux_rand: bytes | None = b"") -> str:
    """BIP-340 signature over ``sha256(message)``, as 128 hex characters.

    Args:
        privkey: 32-byte secret key.
        message: text (hashed as UTF-8) or bytes.
        aux_rand: coincurve's auxiliary randomness: ``b""`` draws fresh randomness
            (default), None signs deterministically, or 32 given bytes.

    Raises:
        ValidationError: ``p2pk.invalid`` for a key that is not a valid secret key.
    """
    try:
        key = PrivateKey(privkey)
        return key.sign_schnorr(_digest(message), aux_rand).hex()
    except (ValueError, TypeError) as exc:
        raise invalid(CODE, f"cannot sign: {exc}", "The signing key is not valid.") from None


def schnorr_verify(pubkey_hex: str, sig_hex: str, message: str | bytes) -> bool:
    """Check a BIP-340 signature over ``sha256(message)``; False on any bad input.

    ``pubkey_hex`` may be compressed (33 bytes) or x-only (32 bytes).
    """
    xonly = _xonly(pubkey_hex)
    return xonly is not None and _verify_xonly(xonly, sig_hex, _digest(message))


def _xonly(pubkey_hex: str) -> PublicKeyXOnly | None:
    try:
        raw = bytes.fromhex(pubkey_hex)
        if len(raw) == 33 and raw[0] in (2, 3):
            raw = raw[1:]
        return PublicKeyXOnly(raw) if len(raw) == 32 else None
    except (ValueError, TypeError):
        return None


def _verify_xonly(xonly: PublicKeyXOnly, sig_hex: str, digest: bytes) -> bool:
    try:
        sig = bytes.fromhex(sig_hex)
        return len(sig) == 64 and xonly.verify(sig, digest)
    except (ValueError, TypeError):
        return False


def _count_signers(keys: Sequence[str], signatures: Sequence[str], message: str) -> int:
    """Number of distinct ``keys`` with a valid signature among ``signatures``."""
    if not keys or not signatures:
        return 0
    digest = _digest(message)
    pool = list(dict.fromkeys(s.lower() for s in signatures[:MAX_SIGNATURES]))
    count = 0
    for key in keys:
        xonly = _xonly(key)
        if xonly is None:
            continue
        for sig in pool:
            if _verify_xonly(xonly, sig, digest):
                count += 1
                pool.remove(sig)  # a signature verifies under one x-only key only
                break
    return count


# --- messages ------------------------------------------------------------------------


def sig_inputs_message(proof: Proof) -> str:
    """What a SIG_INPUTS signature signs: the proof's secret string as carried."""
    return proof.secret


def sig_all_message(
    inputs: Sequence[Proof], outputs: Sequence[BlindedMessage], quote_id: str | None = None
) -> str:
    """What a SIG_ALL signature signs.

    ``secret_0 || C_0 || ... || amount_0 || B__0 || ... [|| quote_id]``, amounts as
    decimal text; ``quote_id`` only for a melt.
    """
    parts = [p.secret + p.C for p in inputs]
    parts += [str(o.amount) + o.B_ for o in outputs]
    if quote_id:
        parts.append(quote_id)
    return "".join(parts)


# --- verification --------------------------------------------------------------------


def _satisfied(cond: P2PKConditions, witness: Witness, message: str, now: float) -> Pathway | None:
    main_ok = cond.kind != KIND_HTLC or _preimage_matches(cond.hashlock, witness.preimage)
    if main_ok and _count_signers(cond.pubkeys, witness.signatures, message) >= cond.n_sigs:
        return Pathway.MAIN
    if cond.is_expired(now):
        if not cond.refund:
            return Pathway.EXPIRED
        if _count_signers(cond.refund, witness.signatures, message) >= cond.n_sigs_refund:
            return Pathway.REFUND
    return None


def _preimage_matches(hashlock: str | None, preimage: str | None) -> bool:
    if hashlock is None or preimage is None:
        return False
    try:
        raw = bytes.fromhex(preimage)
    except ValueError:
        return False
    return len(raw) == 32 and hashlib.sha256(raw).hexdigest() == hashlock


def proof_pathway(proof: Proof, now: float) -> Pathway | None:
    """Which pathway a proof's own witness satisfies at ``now`` (SIG_INPUTS rules).

    Returns:
        :attr:`Pathway.PLAIN` for a plain secret, the satisfied pathway, or None.

    Raises:
        ValidationError: ``p2pk.invalid`` (malformed secret or witness),
            ``p2pk.unsupported_kind``, ``p2pk.sig_all_required`` for a SIG_ALL proof
            (its signature covers the whole transaction: use :func:`transaction_pathways`).
    """
    cond = parse_conditions(proof.secret)
    if cond is None:
        return Pathway.PLAIN
    if cond.sigflag == SIG_ALL:
        raise _sig_all_required()
    return _satisfied(cond, parse_witness(proof.witness), sig_inputs_message(proof), now)


def verify_proof_witness(proof: Proof, now: float) -> bool:
    """True when the proof may be spent on its own at ``now``; never raises.

    Plain secrets are spendable; malformed secrets, unknown kinds and SIG_ALL proofs
    (checked only as a transaction) are not.
    """
    try:
        return proof_pathway(proof, now) is not None
    except ValidationError:
        return False


def transaction_pathways(
    inputs: Sequence[Proof],
    outputs: Sequence[BlindedMessage],
    now: float,
    quote_id: str | None = None,
) -> tuple[Pathway | None, ...]:
    """Pathway satisfied by each input of a swap (or melt, with ``quote_id``).

    If any input is SIG_ALL, every input must share its kind, data and tags, and the
    first input's witness, over :func:`sig_all_message`, decides for all of them.
    Otherwise each input is checked on its own (:func:`proof_pathway`).

    Raises:
        ValidationError: ``p2pk.invalid``, ``p2pk.unsupported_kind``, or
            ``p2pk.sig_all_mismatch`` when SIG_ALL inputs do not share one lock.
    """
    secrets_ = [parse_secret(p.secret) for p in inputs]
    conds = [None if s is None else P2PKConditions.from_secret(s) for s in secrets_]
    if not any(c is not None and c.sigflag == SIG_ALL for c in conds):
        return tuple(proof_pathway(p, now) for p in inputs)
    _same_lock(secrets_)  # every input locked alike, so the first one speaks for all
    cond = conds[0]
    if cond is None:
        raise invalid(CODE, "no inputs")
    witness = parse_witness(inputs[0].witness)
    path = _satisfied(cond, witness, sig_all_message(inputs, outputs, quote_id), now)
    return tuple(path for _ in inputs)


def verify_transaction(
    inputs: Sequence[Proof],
    outputs: Sequence[BlindedMessage],
    now: float,
    quote_id: str | None = None,
) -> bool:
    """True when every input's condition is met (see :func:`transaction_pathways`)."""
    try:
        paths = transaction_pathways(inputs, outputs, now, quote_id)
    except ValidationError:
        return False
    return bool(paths) and all(p is not None for p in paths)


def _same_lock(parsed: Sequence[WellKnownSecret | None]) -> None:
    locks = {None if s is None else (s.kind, s.data, s.tags) for s in parsed}
    if None in locks or len(locks) > 1:
        raise ValidationError(
            "p2pk.sig_all_mismatch",
            "These coins carry different locks and cannot be spent together.",
            "SIG_ALL inputs must share kind, data and tags",
        )


def _sig_all_required() -> ValidationError:
    return ValidationError(
        "p2pk.sig_all_required",
        "This coin must be signed together with the whole transaction.",
        "sigflag SIG_ALL: sign and verify with the transaction's inputs and outputs",
    )


# --- signing ---------------------------------------------------------------------------


def add_signature(witness: str | None, signature: str) -> str:
    """Witness JSON with ``signature`` appended, other fields (``preimage``...) kept.

    Raises:
        ValidationError: ``p2pk.invalid`` when the existing witness cannot be read.
    """
    obj = {} if witness is None else _witness_object(witness)
    sigs = obj.get("signatures") or []
    if not isinstance(sigs, list):
        raise invalid(CODE, "witness signatures is not a list")
    if signature not in sigs:
        sigs = [*sigs, signature]
    obj["signatures"] = sigs
    return json.dumps(obj, separators=(",", ":"))


def _signed(proof: Proof, privkey: bytes, message: str, aux_rand: bytes | None) -> Proof:
    own = PrivateKey(privkey).public_key.format(compressed=True).hex()
    if _count_signers([own], parse_witness(proof.witness).signatures, message):
        return proof  # already signed by this key: a second signature would count nothing
    signature = schnorr_sign(privkey, message, aux_rand=aux_rand)
    return replace(proof, witness=add_signature(proof.witness, signature))


def sign_proofs(
    proofs: Iterable[Proof], privkey: bytes, *, aux_rand: bytes | None = b""
) -> tuple[Proof, ...]:
    """Sign every locked proof's secret (SIG_INPUTS) into its witness.

    Plain proofs are returned unchanged; the key is not checked against the lock.

    Raises:
        ValidationError: ``p2pk.invalid`` (bad key, secret or witness),
            ``p2pk.unsupported_kind``, ``p2pk.sig_all_required`` for a SIG_ALL proof
            (use :func:`sign_sig_all`).
    """
    _check_privkey(privkey)
    out = []
    for proof in proofs:
        cond = parse_conditions(proof.secret)
        if cond is None:
            out.append(proof)
            continue
        if cond.sigflag == SIG_ALL:
            raise _sig_all_required()
        out.append(_signed(proof, privkey, sig_inputs_message(proof), aux_rand))
    return tuple(out)


def sign_sig_all(
    inputs: Sequence[Proof],
    outputs: Sequence[BlindedMessage],
    privkey: bytes,
    quote_id: str | None = None,
    *,
    aux_rand: bytes | None = b"",
) -> tuple[Proof, ...]:
    """Sign a SIG_ALL transaction: the signature goes into the first input's witness.

    Raises:
        ValidationError: ``p2pk.sig_all_mismatch`` unless every input carries the same
            SIG_ALL lock; ``p2pk.invalid`` / ``p2pk.unsupported_kind`` as for parsing.
    """
    _check_privkey(privkey)
    parsed = [parse_secret(p.secret) for p in inputs]
    _same_lock(parsed)
    cond = parse_conditions(parsed[0]) if parsed else None
    if cond is None or cond.sigflag != SIG_ALL:
        raise ValidationError(
            "p2pk.sig_all_mismatch",
            "These coins are not locked for one signature over the whole transaction.",
            "sign_sig_all needs inputs with sigflag SIG_ALL",
        )
    message = sig_all_message(inputs, outputs, quote_id)
    return (_signed(inputs[0], privkey, message, aux_rand), *inputs[1:])


def _check_privkey(privkey: bytes) -> None:
    try:
        PrivateKey(privkey)
    except (ValueError, TypeError) as exc:
        raise invalid(CODE, f"bad private key: {exc}", "The signing key is not valid.") from None


# --- the shop's view -------------------------------------------------------------------


def _shop_xs(shop_pubkeys: str | Iterable[str]) -> set[str]:
    keys = [shop_pubkeys] if isinstance(shop_pubkeys, str) else list(shop_pubkeys)
    return {_normalise_key(k, "shop key")[2:] for k in keys}


def _count_owned(keys: Sequence[str], xs: set[str]) -> int:
    return sum(1 for k in keys if k[2:] in xs)


def can_shop_spend(
    conditions: P2PKConditions, shop_pubkeys: str | Iterable[str], now: float
) -> bool:
    """True when signatures by the shop's keys alone satisfy some pathway at ``now``.

    The HTLC main pathway needs a preimage the shop does not hold, so it never counts.

    Raises:
        ValidationError: ``p2pk.invalid`` for a malformed shop key.
    """
    xs = _shop_xs(shop_pubkeys)
    if conditions.kind == KIND_P2PK and _count_owned(conditions.pubkeys, xs) >= conditions.n_sigs:
        return True
    if not conditions.is_expired(now):
        return False
    return not conditions.refund or _count_owned(conditions.refund, xs) >= conditions.n_sigs_refund


def check_locked_to(
    proofs: Sequence[Proof],
    shop_pubkeys: str | Iterable[str],
    now: float,
    min_lock_margin_seconds: int,
    *,
    has_p2pk_e: bool = False,
) -> tuple[P2PKConditions, ...]:
    """Check a token offered as "locked to the shop" before accepting it.

    Every proof must be P2PK, its main pathway satisfiable by the shop's keys alone, and
    its locktime absent or at least ``min_lock_margin_seconds`` after ``now`` (after it
    the payer's refund key, or anyone, could take the coin back). SIG_ALL proofs must all
    share one lock, so a single swap can redeem them. Whether the mint enforces NUT-10/11
    (its ``/v1/info``) and the DLEQ proofs are checked elsewhere.

    Args:
        proofs: the token's proofs.
        shop_pubkeys: the shop's compressed public key, or several.
        now: current unix time.
        min_lock_margin_seconds: how long the lock must still hold.
        has_p2pk_e: the token carries NUT-28 ephemeral keys (``p2pk_e`` / ``pe``), which
            :class:`Proof` does not keep; such tokens are refused.

    Returns:
        The conditions of each proof, in order.

    Raises:
        ValidationError: ``p2pk.blinded_key_unsupported``, ``p2pk.not_locked_to_shop``,
            ``p2pk.multisig_unsupported``, ``p2pk.locktime_invalid``,
            ``p2pk.locktime_too_soon``, ``p2pk.sig_all_mismatch``, ``p2pk.invalid``
            (malformed lock or shop key).
    """
    xs = _shop_xs(shop_pubkeys)
    if has_p2pk_e:
        raise ValidationError(
            "p2pk.blinded_key_unsupported",
            "This token is locked with a blinded key, which the till cannot redeem yet. "
            "Ask for a token locked to the shop key without blinding.",
            "NUT-28 p2pk_e present",
        )
    if not proofs:
        raise ValidationError("p2pk.not_locked_to_shop", "This token holds no coins.", "no proofs")
    parsed = [parse_secret(p.secret) for p in proofs]
    out = []
    for i, secret in enumerate(parsed):
        cond = _locked_conditions(secret, i)
        owned = _count_owned(cond.pubkeys, xs)
        if owned == 0:
            raise ValidationError(
                "p2pk.not_locked_to_shop",
                "This token is locked to someone else's key, not to this shop.",
                f"proof {i}: shop key not among the main pathway keys",
            )
        if owned < cond.n_sigs:
            raise ValidationError(
                "p2pk.multisig_unsupported",
                "This token needs signatures from other people besides the shop.",
                f"proof {i}: n_sigs={cond.n_sigs}, shop holds {owned} of the keys",
            )
        if cond.locktime_malformed:
            raise ValidationError(
                "p2pk.locktime_invalid",
                "This token's lock has an unreadable expiry time; it cannot be accepted.",
                f"proof {i}: locktime tag is not a unix time",
            )
        if cond.locktime is not None and cond.locktime - now < min_lock_margin_seconds:
            raise ValidationError(
                "p2pk.locktime_too_soon",
                "This token's lock expires too soon; the payer could take it back. "
                "Ask for a token with a later lock time or none.",
                f"proof {i}: locktime {cond.locktime}, now {int(now)}, "
                f"margin {min_lock_margin_seconds}s",
                data={"locktime": cond.locktime},
            )
        out.append(cond)
    if any(c.sigflag == SIG_ALL for c in out):
        _same_lock(parsed)
    return tuple(out)


def _locked_conditions(secret: WellKnownSecret | None, i: int) -> P2PKConditions:
    if secret is None:
        raise ValidationError(
            "p2pk.not_locked_to_shop",
            "This token is not locked to the shop; it is ordinary ecash.",
            f"proof {i}: plain secret",
        )
    if secret.kind != KIND_P2PK:
        raise ValidationError(
            "p2pk.not_locked_to_shop",
            "This token uses a lock the shop cannot open (not a plain key lock).",
            f"proof {i}: NUT-10 kind {secret.kind!r}",
        )
    return P2PKConditions.from_secret(secret)


# --- building ----------------------------------------------------------------------------


def make_p2pk_secret(
    pubkey_hex: str,
    *,
    nonce: str | None = None,
    locktime: int | None = None,
    refund: Sequence[str] = (),
    n_sigs: int | None = None,
    n_sigs_refund: int | None = None,
    sigflag: str | None = None,
    pubkeys: Sequence[str] = (),
) -> str:
    """JSON text of a P2PK secret locking to ``pubkey_hex`` (compact, as in the spec).

    Args:
        pubkey_hex: the recipient's compressed public key (``data``).
        nonce: defaults to 32 random bytes as hex.
        locktime: unix time after which ``refund`` keys (or anyone) may spend.
        refund: refund keys.
        n_sigs: main-pathway threshold (tag omitted when None).
        n_sigs_refund: refund threshold (tag omitted when None).
        sigflag: ``SIG_INPUTS`` or ``SIG_ALL`` (tag omitted when None).
        pubkeys: extra main-pathway keys.

    Raises:
        ValidationError: ``p2pk.invalid`` when the result would be malformed.
    """
    tags: list[list[str]] = []
    if pubkeys:
        tags.append(["pubkeys", *(_normalise_key(k, "pubkeys") for k in pubkeys)])
    if n_sigs is not None:
        tags.append(["n_sigs", str(_positive_int(n_sigs, "n_sigs"))])
    if locktime is not None:
        tags.append(["locktime", str(_positive_int(locktime, "locktime", low=0))])
    if refund:
        tags.append(["refund", *(_normalise_key(k, "refund") for k in refund)])
    if n_sigs_refund is not None:
        tags.append(["n_sigs_refund", str(_positive_int(n_sigs_refund, "n_sigs_refund"))])
    if sigflag is not None:
        tags.append(["sigflag", sigflag])
    if nonce is None:
        nonce = secrets.token_hex(32)
    if not isinstance(nonce, str):
        raise invalid(CODE, "nonce is not text")
    body = {"nonce": nonce, "data": _normalise_key(pubkey_hex, "data"), "tags": tags}
    text = json.dumps([KIND_P2PK, body], separators=(",", ":"))
    parse_conditions(text)  # the same rules as for a received secret
    return text


def _positive_int(value: int, name: str, *, low: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise invalid(CODE, f"{name} must be an integer >= {low}, got {value!r}")
    return value
