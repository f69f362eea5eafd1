"""Outputs the wallet asks a mint to sign, and turning the mint's signatures into proofs.

Outputs come from the NUT-13 seed and a reserved counter range, so the same
outputs can be rebuilt after a crash and their signatures fetched again with
``/v1/restore``. Outputs whose secrets are not derivable (P2PK-locked export
secrets) carry their secrets and blinding factors in the journal instead.
"""

from __future__ import annotations

import secrets as random_source
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pos_app.core.cashu import crypto, nut13
from pos_app.core.cashu.models import DLEQ, BlindedMessage, BlindSignature, Keyset, Proof
from pos_app.core.errors import ProtocolError, SecurityError


@dataclass(frozen=True, slots=True)
class Outputs:
    """Blinded messages plus what is needed to unblind their signatures.

    ``counters[i]`` is the NUT-13 counter of output ``i``, or None for an output
    whose secret is not derivable (its secret and ``r`` are journalled instead).
    """

    keyset_id: str
    amounts: tuple[int, ...]
    secrets: tuple[str, ...]
    rs: tuple[bytes, ...]
    messages: tuple[BlindedMessage, ...]
    counters: tuple[int | None, ...]

    def __len__(self) -> int:
        return len(self.messages)


def build_outputs(
    seed: bytes,
    keyset_id: str,
    amounts: Sequence[int],
    counter_start: int | None,
    explicit: Mapping[int, tuple[str, bytes]] | None = None,
) -> Outputs:
    """Outputs for ``amounts``: derived from consecutive counters, except ``explicit`` indexes.

    Args:
        seed: NUT-13 seed.
        keyset_id: the keyset that should sign.
        amounts: output amounts, in the order sent to the mint.
        counter_start: first reserved counter; the derived outputs take the next ones in
            order (None when every output is explicit).
        explicit: ``{index: (secret, r)}`` for outputs with journalled secrets.
    """
    explicit = dict(explicit or {})
    derived_count = len(amounts) - len(explicit)
    pairs = iter(
        nut13.derive_range(seed, keyset_id, counter_start or 0, derived_count)
        if derived_count
        else []
    )
    secrets: list[str] = []
    rs: list[bytes] = []
    counters: list[int | None] = []
    next_counter = counter_start
    for i in range(len(amounts)):
        if i in explicit:
            secret, r = explicit[i]
            counters.append(None)
        else:
            secret, r = next(pairs)
            counters.append(next_counter)
            next_counter = (next_counter or 0) + 1
        secrets.append(secret)
        rs.append(r)
    messages = tuple(
        BlindedMessage(amount=a, id=keyset_id, B_=crypto.blind(s, r))
        for a, s, r in zip(amounts, secrets, rs, strict=True)
    )
    return Outputs(keyset_id, tuple(amounts), tuple(secrets), tuple(rs), messages, tuple(counters))


def random_secret_pair() -> tuple[str, bytes]:
    """A random secret nonce and blinding factor (for P2PK outputs, which are not derivable)."""
    while True:
        r = random_source.token_bytes(32)
        if 0 < int.from_bytes(r, "big") < crypto.N:
            return random_source.token_hex(32), r


def match_restored(
    outputs: Outputs, pairs: Sequence[tuple[BlindedMessage, BlindSignature]]
) -> tuple[list[int], list[BlindSignature]]:
    """Which of ``outputs`` a ``/v1/restore`` answer signed: their indexes and signatures."""
    position = {m.B_: i for i, m in enumerate(outputs.messages)}
    return [position[o.B_] for o, _ in pairs], [sig for _, sig in pairs]


@dataclass(frozen=True, slots=True)
class Unblinded:
    """Proofs made from signatures that all passed :func:`unblind`'s checks."""

    proofs: tuple[Proof, ...]
    counters: tuple[int | None, ...]


def unblind(
    outputs: Outputs,
    signatures: Sequence[BlindSignature],
    keyset: Keyset,
    *,
    indexes: Sequence[int] | None = None,
    blank: bool = False,
) -> Unblinded:
    """Check and unblind ``signatures`` answering ``outputs`` (index-aligned, or at ``indexes``).

    Nothing is credited that the mint did not sign correctly: every signature must
    answer one of our outputs, once, on the outputs' keyset, for the amount asked,
    with a DLEQ proof that verifies. One bad signature refuses the whole answer (the
    caller leaves the operation to recovery). ``blank`` outputs carry a placeholder
    amount (NUT-08 melt change, a seed-restore scan): there the key is looked up by
    the *signature's* amount and fewer signatures than outputs are normal. The proof
    keeps ``{e, s, r}`` so a later receiver can check it too.

    Raises:
        ProtocolError: ``mint.bad_response`` for a wrong count, an unknown output or
            an amount that differs from the output's (or that the keyset lacks).
        SecurityError: ``mint.wrong_keyset`` (signed with other keys),
            ``mint.dleq_missing`` or ``mint.dleq_invalid``.
    """
    idx = list(range(len(signatures))) if indexes is None else list(indexes)
    if len(idx) != len(signatures) or len(set(idx)) != len(idx):
        raise _bad("restore answer does not pair signatures with distinct outputs")
    if indexes is None and not blank and len(signatures) != len(outputs):
        raise _bad(f"{len(signatures)} signatures for {len(outputs)} outputs")
    if len(signatures) > len(outputs) or any(not 0 <= i < len(outputs) for i in idx):
        raise _bad(f"{len(signatures)} signatures for {len(outputs)} outputs")
    proofs: list[Proof] = []
    counters: list[int | None] = []
    failures: list[int] = []
    for i, sig in zip(idx, signatures, strict=True):
        if sig.id != keyset.id:
            raise SecurityError(
                "mint.wrong_keyset",
                "The mint signed with keys it was not asked for; nothing was credited.",
                f"signature {i} from keyset {sig.id}, expected {keyset.id}",
            )
        if sig.amount not in keyset.keys:
            raise _bad(f"signature {i} for amount {sig.amount} the keyset lacks")
        if not blank and sig.amount != outputs.amounts[i]:
            raise _bad(f"signature {i} for {sig.amount}, output asked {outputs.amounts[i]}")
        if sig.dleq is None:
            raise SecurityError(
                "mint.dleq_missing",
                "The mint's signature carries no proof of authenticity (DLEQ); nothing was "
                "credited.",
                f"signature {i} without DLEQ",
            )
        K = keyset.keys[sig.amount]
        r = outputs.rs[i]
        if not crypto.verify_dleq_signature(
            outputs.messages[i].B_, sig.C_, K, sig.dleq.e, sig.dleq.s
        ):
            failures.append(i)
            continue
        C = crypto.unblind(sig.C_, r, K)
        dleq = DLEQ(e=sig.dleq.e, s=sig.dleq.s, r=r.hex())
        proofs.append(
            Proof(amount=sig.amount, id=keyset.id, secret=outputs.secrets[i], C=C, dleq=dleq)
        )
        counters.append(outputs.counters[i])
    if failures:
        raise dleq_security_error(keyset.id, failures)
    return Unblinded(tuple(proofs), tuple(counters))


def _bad(why: str) -> ProtocolError:
    return ProtocolError(
        "mint.bad_response",
        "The mint's answer does not match what was asked; nothing was credited.",
        why,
    )


def dleq_security_error(where: str, failures: Sequence[int]) -> SecurityError:
    """The error raised when a mint's signatures fail their DLEQ proofs."""
    return SecurityError(
        "mint.dleq_invalid",
        "The mint's signatures failed verification; nothing was credited. The owner is warned.",
        f"{where}: {len(failures)} signature(s) with an invalid DLEQ proof",
    )
