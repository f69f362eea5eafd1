"""The checks a mint's signatures pass before anything is credited (``outputs.unblind``).

A small fake mint signs our outputs with real keys and NUT-12 DLEQ proofs; each
test then breaks one thing a lying mint could, and the whole answer is refused.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
from coincurve import PrivateKey

from pos_app.core.cashu import crypto
from pos_app.core.cashu.models import DLEQ, BlindSignature, Keyset
from pos_app.core.errors import ProtocolError, SecurityError
from pos_app.core.wallet.outputs import Outputs, build_outputs, unblind

SEED = bytes(range(64))
AMOUNTS = (1, 2, 4, 8)
PRIVATE = {a: hashlib.sha256(f"key {a}".encode()).digest() for a in AMOUNTS}
KEYSET = Keyset(
    id="00" + "cd" * 7,
    unit="sat",
    keys={a: PrivateKey(k).public_key.format().hex() for a, k in PRIVATE.items()},
)


def sign(outputs: Outputs, amounts: tuple[int, ...] | None = None) -> list[BlindSignature]:
    """What an honest mint answers (``amounts``: sign for these instead of the asked ones)."""
    sigs = []
    for i, message in enumerate(outputs.messages):
        amount = amounts[i] if amounts else message.amount
        C_, e, s = crypto.sign_blinded_with_dleq(PRIVATE[amount], message.B_)
        sigs.append(BlindSignature(amount=amount, id=KEYSET.id, C_=C_, dleq=DLEQ(e=e, s=s)))
    return sigs


@pytest.fixture
def outputs() -> Outputs:
    return build_outputs(SEED, KEYSET.id, [1, 2, 4], 0)


def test_an_honest_answer_gives_proofs_that_verify(outputs):
    result = unblind(outputs, sign(outputs), KEYSET)
    assert [p.amount for p in result.proofs] == [1, 2, 4]
    assert result.counters == (0, 1, 2)
    for proof, amount in zip(result.proofs, (1, 2, 4), strict=True):
        assert crypto.verify_unblinded(PRIVATE[amount], proof.secret, proof.C)
        assert crypto.verify_dleq_proof(proof, KEYSET.keys[amount])


@pytest.mark.parametrize(
    ("lie", "code", "kind"),
    [
        (lambda s: s[:-1], "mint.bad_response", ProtocolError),
        (lambda s: [*s, s[0]], "mint.bad_response", ProtocolError),
        (lambda s: [replace(s[0], id="00" + "ef" * 7), *s[1:]], "mint.wrong_keyset", SecurityError),
        (lambda s: [replace(s[0], dleq=None), *s[1:]], "mint.dleq_missing", SecurityError),
        (
            lambda s: [*s[:2], replace(s[2], dleq=replace(s[2].dleq, s="00" * 31 + "01"))],
            "mint.dleq_invalid",
            SecurityError,
        ),
        (lambda s: [s[1], s[0], s[2]], "mint.bad_response", ProtocolError),
        (lambda s: [replace(s[0], amount=16), *s[1:]], "mint.bad_response", ProtocolError),
    ],
    ids=["fewer", "more", "foreign-keyset", "no-dleq", "bad-dleq", "shuffled", "unknown-amount"],
)
def test_a_lying_answer_is_refused_whole(outputs, lie, code, kind):
    with pytest.raises(kind) as refused:
        unblind(outputs, lie(sign(outputs)), KEYSET)
    assert refused.value.code == code


def test_amounts_other_than_asked_are_refused_even_with_valid_dleq(outputs):
    # Correctly signed and proven, but for 2, 1, 4 where 1, 2, 4 was asked.
    with pytest.raises(ProtocolError) as refused:
        unblind(outputs, sign(outputs, (2, 1, 4)), KEYSET)
    assert refused.value.code == "mint.bad_response"


def test_a_signature_meant_for_another_output_fails_its_dleq():
    same = build_outputs(SEED, KEYSET.id, [2, 2], 20)
    sigs = sign(same)
    with pytest.raises(SecurityError) as refused:
        unblind(same, [sigs[1], sigs[0]], KEYSET)
    assert refused.value.code == "mint.dleq_invalid"


def test_blank_outputs_take_the_signatures_amount_and_may_be_fewer():
    blanks = build_outputs(SEED, KEYSET.id, [1, 1, 1], 10)
    change = sign(blanks, (8, 2, 1))[:2]
    result = unblind(blanks, change, KEYSET, blank=True)
    assert [p.amount for p in result.proofs] == [8, 2]
    with pytest.raises(ProtocolError):
        unblind(blanks, [*sign(blanks, (8, 2, 1)), change[0]], KEYSET, blank=True)


def test_restored_pairs_must_name_distinct_outputs_of_ours(outputs):
    sigs = sign(outputs)
    assert len(unblind(outputs, [sigs[2], sigs[0]], KEYSET, indexes=[2, 0]).proofs) == 2
    with pytest.raises(ProtocolError):
        unblind(outputs, [sigs[0], sigs[0]], KEYSET, indexes=[0, 0])
    with pytest.raises(ProtocolError):
        unblind(outputs, [sigs[0]], KEYSET, indexes=[7])
