"""Blind Diffie-Hellman key exchange (BDHKE) and DLEQ proofs on secp256k1 (NUT-00, NUT-12).

Notation: ``G`` is the generator, ``n`` the group order, ``k`` the mint's private key for one
amount and ``K = k·G`` its published key, ``x`` the proof secret, ``r`` the wallet's blinding
scalar. Points travel as 33-byte compressed SEC1 hex.

BDHKE::

    Y  = hash_to_curve(x)                      wallet: the secret's point
    B_ = Y + r·G                               wallet: blinded message, sent to the mint
    C_ = k·B_                                  mint:   blind signature
    C  = C_ − r·K = k·Y + k·r·G − r·k·G = k·Y  wallet: unblinded signature, the coin
    C == k·hash_to_curve(x)                    mint:   checks the coin when it is spent

``hash_to_curve(m)``: ``h = sha256(b"Secp256k1_HashToCurve_Cashu_" ‖ m)``; for ``i = 0, 1, …``
the first ``sha256(h ‖ le32(i))`` that is the x coordinate of a curve point, read as
``02 ‖ x`` (the even-y point), is ``Y``. A proof's secret string is hashed as its UTF-8 bytes;
its ``Y`` (compressed hex) names the proof in ``/v1/checkstate``.

DLEQ (NUT-12), the mint's proof that ``log_G(K) == log_B_(C_)`` without revealing ``k``::

    mint:   nonce p;  R1 = p·G;  R2 = p·B_;  e = H(R1, R2, K, C_);  s = p + e·k mod n
    verify: R1 = s·G − e·K;  R2 = s·B_ − e·C_;  accept iff e == H(R1, R2, K, C_)

where ``H`` is sha256 of the UTF-8 text made by concatenating the 130-character uncompressed
hex of each point. A third party holding a Proof with ``dleq = {e, s, r}`` rebuilds
``B_ = Y + r·G`` and ``C_ = C + r·K`` and runs the same check. The mint's nonce is
deterministic: ``p = HMAC-SHA256(k, b"Cashu_DLEQ_R_v1" ‖ K ‖ B_ ‖ C_ ‖ ctr)`` over the 65-byte
uncompressed points, taking the first ``ctr = 0, 1, …`` that gives ``0 < p < n``.

coincurve has no point subtraction, so ``P − t·Q`` is computed as ``P + (n − t)·Q``.
``s·G`` uses the precomputed-generator multiply (``PublicKey.from_valid_secret``), which is
faster than a general multiply. Keyset keys are parsed once and cached (the same ``K`` serves
many proofs).

Error policy: functions that build something (``blind``, ``unblind``, ``sign_blinded``...)
raise :class:`ValidationError` on malformed input; the ``verify_*`` functions never raise on
untrusted input and return False instead.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from coincurve import PublicKey

from pos_app.core.errors import ValidationError

if TYPE_CHECKING:
    from pos_app.core.cashu.models import BlindSignature, Proof

#: Order of the secp256k1 group.
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
DOMAIN_SEPARATOR = b"Secp256k1_HashToCurve_Cashu_"
DLEQ_NONCE_TAG = b"Cashu_DLEQ_R_v1"
_MAX_HASH_TO_CURVE_TRIES = 2**16


def _err(code: str, detail: str) -> ValidationError:
    return ValidationError(code, "The ecash data failed a cryptographic check.", detail)


# --------------------------------------------------------------------------- parsing


def parse_point(point_hex: str, what: str = "point") -> PublicKey:
    """Parse a 33-byte compressed point written as hex.

    Raises:
        ValidationError: ``crypto.invalid_point`` when it is not hex, not 33 bytes, not
            compressed or not on the curve.
    """
    try:
        data = bytes.fromhex(point_hex)
    except (TypeError, ValueError):
        raise _err("crypto.invalid_point", f"{what}: not hex") from None
    if len(data) != 33 or data[0] not in (2, 3):
        raise _err("crypto.invalid_point", f"{what}: not a 33-byte compressed point")
    try:
        return PublicKey(data)
    except ValueError:
        raise _err("crypto.invalid_point", f"{what}: not on the curve") from None


def _mint_key(key_hex: str) -> tuple[PublicKey, str]:
    """A keyset key, parsed (cached) and checked."""
    if not isinstance(key_hex, str):
        raise _err("crypto.invalid_point", "mint key: not text")
    return _parsed_mint_key(key_hex)


@lru_cache(maxsize=4096)
def _parsed_mint_key(key_hex: str) -> tuple[PublicKey, str]:
    """A keyset key as a parsed point plus its uncompressed hex (needed by every DLEQ hash).

    Cached: a keyset has at most 64 keys and each serves many proofs. The returned
    PublicKey is never mutated (no ``update=True`` anywhere in this module).
    """
    point = parse_point(key_hex, "mint key")
    return point, point.format(compressed=False).hex()


def _scalar(value: bytes, what: str) -> int:
    """A 32-byte big-endian scalar in [1, n-1]."""
    if not isinstance(value, bytes | bytearray) or len(value) != 32:
        raise _err("crypto.invalid_scalar", f"{what}: expected 32 bytes")
    x = int.from_bytes(value, "big")
    if not 0 < x < N:
        raise _err("crypto.invalid_scalar", f"{what}: out of range")
    return x


def _b32(x: int) -> bytes:
    return x.to_bytes(32, "big")


def _utf8(secret: str) -> bytes:
    try:
        return secret.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be a wire secret
        raise _err("crypto.invalid_secret", "secret is not valid UTF-8 text") from None


# --------------------------------------------------------------------------- BDHKE


def hash_to_curve(message: bytes) -> PublicKey:
    """Map bytes to a curve point with unknown discrete log (NUT-00).

    Args:
        message: the bytes to hash; for a proof, ``secret.encode("utf-8")``.

    Returns:
        The point ``Y``.
    """
    h = hashlib.sha256(DOMAIN_SEPARATOR + message).digest()
    for counter in range(_MAX_HASH_TO_CURVE_TRIES):
        candidate = hashlib.sha256(h + counter.to_bytes(4, "little")).digest()
        try:
            return PublicKey(b"\x02" + candidate)
        except ValueError:  # x is not on the curve: about half the candidates
            continue
    # Probability 2**-65536: unreachable in practice, but never loop forever or crash.
    raise _err("crypto.hash_to_curve_failed", "no curve point found")  # pragma: no cover


def secret_point(secret: str) -> PublicKey:
    """``Y = hash_to_curve(secret)`` as a point (a proof secret, hashed as UTF-8).

    Raises:
        ValidationError: ``crypto.invalid_secret`` for text that is not valid UTF-8.
    """
    return hash_to_curve(_utf8(secret))


def y_of_secret(secret: str) -> str:
    """The proof's public identifier ``Y`` (compressed hex) for checkstate and websockets."""
    return secret_point(secret).format().hex()


def blind_point(Y: PublicKey, r: bytes) -> PublicKey:
    """``B_ = Y + r·G``.

    Raises:
        ValidationError: ``crypto.invalid_scalar`` when ``r`` is not a scalar in [1, n-1].
    """
    _scalar(r, "r")
    return PublicKey.combine_keys([Y, PublicKey.from_valid_secret(bytes(r))])


def blind(secret: str | bytes, r: bytes) -> str:
    """The blinded message ``B_`` (compressed hex) for a secret.

    Args:
        secret: a proof secret (hashed as UTF-8) or raw bytes (the NUT-00 vectors' form).
        r: the 32-byte blinding scalar.
    """
    if isinstance(secret, str):
        message = _utf8(secret)
    elif isinstance(secret, bytes | bytearray):
        message = bytes(secret)
    else:
        raise _err("crypto.invalid_secret", f"secret of type {type(secret).__name__}")
    return blind_point(hash_to_curve(message), r).format().hex()


def sign_blinded(k: bytes, B_hex: str) -> str:
    """The mint's blind signature ``C_ = k·B_`` (for fake mints in tests)."""
    _scalar(k, "k")
    return parse_point(B_hex, "B_").multiply(bytes(k)).format().hex()


def unblind(C_hex: str, r: bytes, K_hex: str) -> str:
    """Unblind a signature: ``C = C_ − r·K`` (compressed hex).

    Args:
        C_hex: the mint's blind signature.
        r: the blinding scalar used for this output.
        K_hex: the mint's key for the signature's amount, in the signature's keyset.

    Raises:
        ValidationError: ``crypto.invalid_point`` / ``crypto.invalid_scalar`` on bad input,
            or when the result is the point at infinity (a forged ``C_ = r·K``).
    """
    r_int = _scalar(r, "r")
    C_ = parse_point(C_hex, "C_")
    K, _ = _mint_key(K_hex)
    try:
        C = C_.combine([K.multiply(_b32(N - r_int))])
    except ValueError:
        raise _err("crypto.invalid_point", "unblinded signature is the point at infinity") from None
    return C.format().hex()


def verify_unblinded(k: bytes, secret: str, C_hex: str) -> bool:
    """Mint-side check ``C == k·hash_to_curve(secret)`` (for fake mints in tests)."""
    try:
        _scalar(k, "k")
        expected = hash_to_curve(_utf8(secret)).multiply(bytes(k)).format()
        return hmac.compare_digest(expected, bytes.fromhex(C_hex))
    except (ValidationError, ValueError, TypeError, AttributeError):
        return False


# --------------------------------------------------------------------------- DLEQ


def hash_e(points: Iterable[PublicKey]) -> bytes:
    """``sha256`` of the concatenated uncompressed hex of the points, as UTF-8 text."""
    text = "".join(p.format(compressed=False).hex() for p in points)
    return hashlib.sha256(text.encode("ascii")).digest()


def derive_dleq_nonce(k: bytes, K: PublicKey, B_: PublicKey, C_: PublicKey) -> bytes:
    """The mint's deterministic DLEQ nonce (NUT-12), as 32 bytes."""
    base = (
        DLEQ_NONCE_TAG
        + K.format(compressed=False)
        + B_.format(compressed=False)
        + C_.format(compressed=False)
    )
    for ctr in range(256):
        p = hmac.new(bytes(k), base + bytes([ctr]), hashlib.sha256).digest()
        if 0 < int.from_bytes(p, "big") < N:
            return p
    raise _err("crypto.nonce_failed", "no valid DLEQ nonce")  # pragma: no cover


def sign_blinded_with_dleq(
    k: bytes, B_hex: str, nonce: bytes | None = None
) -> tuple[str, str, str]:
    """Sign like a mint and prove it (for fake mints in tests).

    Args:
        k: the mint's private key for the amount.
        B_hex: the blinded message.
        nonce: the DLEQ nonce ``p``; derived deterministically (NUT-12) when None.

    Returns:
        ``(C_, e, s)`` as hex.
    """
    k_int = _scalar(k, "k")
    B_ = parse_point(B_hex, "B_")
    C_ = B_.multiply(bytes(k))
    K = PublicKey.from_valid_secret(bytes(k))
    p = derive_dleq_nonce(k, K, B_, C_) if nonce is None else bytes(nonce)
    p_int = _scalar(p, "nonce")
    e = hash_e((PublicKey.from_valid_secret(p), B_.multiply(p), K, C_))
    s = (p_int + int.from_bytes(e, "big") * k_int) % N
    return C_.format().hex(), e.hex(), _b32(s).hex()


def _dleq_holds(
    B_: PublicKey, C_: PublicKey, K_entry: tuple[PublicKey, str], e: bytes, s: bytes
) -> bool:
    """Core NUT-12 check on parsed points (``K`` with its uncompressed hex).

    May raise ValueError (point at infinity); callers turn that into False.
    """
    K, K_unc = K_entry
    if len(e) != 32 or len(s) != 32:
        return False
    e_int = int.from_bytes(e, "big") % N
    if e_int == 0 or not 0 < int.from_bytes(s, "big") < N:
        return False
    neg_e = _b32(N - e_int)
    # Either sum raises ValueError when it is the point at infinity.
    R1 = PublicKey.from_valid_secret(s).combine([K.multiply(neg_e)])
    R2 = B_.multiply(s).combine([C_.multiply(neg_e)])
    text = (
        R1.format(compressed=False).hex()
        + R2.format(compressed=False).hex()
        + K_unc
        + C_.format(compressed=False).hex()
    )
    return hmac.compare_digest(hashlib.sha256(text.encode("ascii")).digest(), e)


def verify_dleq_signature(B_hex: str, C_hex: str, K_hex: str, e_hex: str, s_hex: str) -> bool:
    """Check the mint's DLEQ on a blind signature (NUT-12).

    Returns:
        True when the proof holds; False for a failed proof and for any malformed input
        (bad hex, off-curve point, zero or out-of-range scalar, point at infinity).
    """
    try:
        return _dleq_holds(
            parse_point(B_hex, "B_"),
            parse_point(C_hex, "C_"),
            _mint_key(K_hex),
            bytes.fromhex(e_hex),
            bytes.fromhex(s_hex),
        )
    except (ValidationError, ValueError, TypeError):
        return False


def verify_signature_dleq(sig: BlindSignature, B_hex: str, K_hex: str) -> bool:
    """Check the DLEQ a mint attached to a :class:`BlindSignature`; False when it has none."""
    dleq = getattr(sig, "dleq", None)
    if dleq is None:
        return False
    return verify_dleq_signature(B_hex, sig.C_, K_hex, dleq.e, dleq.s)


def verify_dleq_proof(proof: Proof, K_hex: str, Y: PublicKey | None = None) -> bool:
    """Check the DLEQ carried by a :class:`Proof` (``dleq = {e, s, r}``).

    Used to accept a coin offline or to check a token before contacting the mint. Rebuilds
    ``B_ = hash_to_curve(secret) + r·G`` and ``C_ = C + r·K``, then verifies as for a blind
    signature. ``Y``: ``hash_to_curve`` of the secret when the caller has it already (it
    needs ``Y`` itself to lock the input), else computed here.

    Returns:
        False when the proof has no DLEQ or its DLEQ lacks ``r`` (nothing to check is not a
        pass; callers that treat "absent" differently from "invalid" test ``proof.dleq``
        first), and False on any malformed input.
    """
    dleq = getattr(proof, "dleq", None)
    if dleq is None or dleq.r is None:
        return False
    try:
        r = bytes.fromhex(dleq.r)
        r_int = _scalar(r, "r")
        K_entry = _mint_key(K_hex)
        if Y is None:
            Y = hash_to_curve(_utf8(proof.secret))
        B_ = Y.combine([PublicKey.from_valid_secret(r)])
        C_ = parse_point(proof.C, "C").combine([K_entry[0].multiply(_b32(r_int))])
        return _dleq_holds(B_, C_, K_entry, bytes.fromhex(dleq.e), bytes.fromhex(dleq.s))
    except (ValidationError, ValueError, TypeError, AttributeError):
        return False
