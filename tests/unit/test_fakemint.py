"""The fake mint answers like nutshell: real signatures, fees, and the same refusals."""

from __future__ import annotations

import asyncio

import pytest

from pos_app.core.cashu import crypto
from pos_app.core.cashu.amounts import split_amount
from pos_app.core.errors import MintError, NetworkError
from tests.support.fakemint import FakeMint
from tests.support.funding import make_outputs, open_client, to_proofs


def run(mint: FakeMint, scenario):
    async def main():
        async with open_client(mint.url, transport=mint.transport()) as client:
            return await scenario(client)

    return asyncio.run(main())


def test_swap_charges_the_input_fee_and_signs_verifiable_outputs():
    mint = FakeMint(fee_ppk=400)
    inputs = mint.issue(7)  # 3 proofs: fee ceil(1200 / 1000) = 2
    keyset = mint.active_keyset().keyset

    async def swap(client):
        with pytest.raises(MintError) as unbalanced:
            await client.swap(inputs, make_outputs(keyset, split_amount(6)).messages)
        outputs = make_outputs(keyset, split_amount(5))
        return unbalanced.value, to_proofs(outputs, await client.swap(inputs, outputs.messages))

    unbalanced, proofs = run(mint, swap)
    assert unbalanced.code == "mint.not_balanced"
    assert "inputs (7) - fees (2) vs outputs (6)" in unbalanced.detail
    assert sorted(p.amount for p in proofs) == [1, 4]
    assert all(mint.state_of(p) == "SPENT" for p in inputs)
    assert all(mint.state_of(p) == "UNSPENT" for p in proofs)


def test_refusals_use_nutshell_codes():
    mint = FakeMint()
    keyset = mint.active_keyset().keyset
    spent, pending, forged = mint.issue(2), mint.issue(2), mint.issue(2)
    mint.spend(spent)
    mint.pending.add(crypto.y_of_secret(pending[0].secret))
    forged = [type(forged[0])(2, forged[0].id, forged[0].secret, spent[0].C)]

    async def refusals(client):
        codes = []
        for inputs in (spent, pending, forged):
            with pytest.raises(MintError) as err:
                await client.swap(inputs, make_outputs(keyset, [2]).messages)
            codes.append(err.value.code)
        return codes

    assert run(mint, refusals) == ["token.already_spent", "token.pending", "token.invalid"]


def test_restore_returns_signed_outputs_only_and_resigning_is_refused():
    mint = FakeMint()
    keyset = mint.active_keyset().keyset
    outputs = make_outputs(keyset, [4])
    other = make_outputs(keyset, [4])

    async def scenario(client):
        await client.swap(mint.issue(4), outputs.messages)
        pairs = await client.restore([*outputs.messages, *other.messages])
        with pytest.raises(MintError) as err:
            await client.swap(mint.issue(4), outputs.messages)
        return pairs, err.value.code

    pairs, code = run(mint, scenario)
    assert [o.B_ for o, _ in pairs] == [outputs.messages[0].B_]
    assert code == "mint.outputs_already_signed"


@pytest.mark.parametrize(
    ("action", "applied"), [("unreachable", False), ("drop", True), ("timeout", True)]
)
def test_faults_before_or_after_applying(action, applied):
    mint = FakeMint()
    inputs = mint.issue(8)
    outputs = make_outputs(mint.active_keyset().keyset, [8])
    mint.fault("POST", "/v1/swap", action)

    async def scenario(client):
        with pytest.raises(NetworkError):
            await client.swap(inputs, outputs.messages)

    run(mint, scenario)
    assert mint.state_of(inputs[0]) == ("SPENT" if applied else "UNSPENT")


@pytest.mark.parametrize(("outcome", "state"), [("PAID", "SPENT"), ("UNPAID", "UNSPENT")])
def test_melt_outcome_and_change(outcome, state):
    mint = FakeMint()
    invoice = mint.invoice(5, fee_reserve=2, fee_paid=1, outcome=outcome)
    inputs = mint.issue(8)
    blank = make_outputs(mint.active_keyset().keyset, [1, 1])

    async def scenario(client):
        quote = await client.melt_quote(invoice)
        return await client.melt(quote.quote, inputs, blank.messages)

    answer = run(mint, scenario)
    assert answer.state == outcome
    assert mint.state_of(inputs[0]) == state
    # 8 in, 5 paid, 1 of the 2 sat reserve used: 2 back as change when paid
    assert [s.amount for s in answer.change] == ([2] if outcome == "PAID" else [])
