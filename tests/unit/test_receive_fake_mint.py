"""Receiving tokens against the in-process fake mint: amounts, fees, journal states, refusals.

Each test opens a fresh shop wallet (copied from a template) whose mint traffic
goes to a :class:`FakeMint`; the slow twins against a real nutshell mint live in
tests/integration.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import pytest

from pos_app.core.cashu import crypto
from pos_app.core.cashu.models import DLEQ, Token
from pos_app.core.cashu.tokens import parse_token, serialize_token_v4
from pos_app.core.errors import MintError, NetworkError, PosError, ProtocolError, SecurityError
from pos_app.core.events import BalanceChanged, Notification, OperationChanged
from pos_app.core.store.schema import (
    AuditEntry,
    ErrorRecord,
    Mint,
    Operation,
    OperationInput,
    ProofRow,
    ReceivedToken,
)
from pos_app.core.wallet import journal
from pos_app.core.wallet.receive import (
    execute_receive,
    known_mint,
    plan_receive,
    queue_receive,
    receive,
    send_swap,
    store_token,
)
from tests.support import mintproxy
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, audit_trail, events, opened_shop, rows


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def shop(tmp_path, scenario, *mints: FakeMint, trusted: bool = True):
    """Run ``scenario(app, mint)`` in a fresh shop that trusts the first mint."""
    mints = mints or (FakeMint(),)

    async def main():
        async with opened_shop(*mints) as app:
            if trusted:
                await app.mints.add(mints[0].url)
            return await scenario(app, mints[0])

    return asyncio.run(main())


def balance(app) -> int:
    return sum(p.amount for p in rows(app, ProofRow, ProofRow.state == "unspent"))


def only(app, model):
    found = rows(app, model)
    assert len(found) == 1, found
    return found[0]


def error_codes(app) -> list[str]:
    return [e.code for e in rows(app, ErrorRecord)]


async def refused(coro) -> PosError:
    with pytest.raises(PosError) as err:
        await coro
    return err.value


def assert_rejected(app, code: str) -> None:
    """The token is kept, marked rejected with ``code``; nothing was credited."""
    token = only(app, ReceivedToken)
    assert (token.state, token.error_code) == ("rejected", code)
    assert ("token.rejected", {"code": code}) in audit_trail(app)
    (entry,) = rows(app, AuditEntry, AuditEntry.action == "token.rejected")
    assert entry.subject == str(token.id)
    assert code in error_codes(app)
    assert balance(app) == 0


# -- the happy path ------------------------------------------------------------------------


def test_receive_swaps_into_fresh_outputs_and_pays_the_input_fee(tmp_path):
    mint = FakeMint(fee_ppk=100)

    async def scenario(app, mint):
        seen = events(app)
        text = mint.token(21)  # 16 + 4 + 1: three inputs, fee ceil(300 / 1000) = 1
        result = await receive(app.ctx, text, source="scan")
        assert (result.amount, result.fee, result.proofs, result.unit) == (20, 1, 2, "sat")
        assert result.mint == mint.url and result.completion is None
        assert [e for e in seen if isinstance(e, BalanceChanged)] == [
            BalanceChanged(mint.url, "sat")
        ]
        assert OperationChanged(result.operation_id, "receive", "done") in seen

        op = only(app, Operation)
        keyset = mint.active_keyset()
        assert (op.id, op.kind, op.state, op.step) == (
            result.operation_id,
            "receive",
            "done",
            "done",
        )
        assert (op.input_amount, op.fee, op.unit, op.keyset_id) == (21, 1, "sat", keyset.id)
        assert (op.counter_start, op.counter_count, op.attempts) == (0, 2, 0)
        assert sorted(json.loads(op.output_amounts_json)) == [4, 16]
        assert json.loads(op.result_json) == {"amount": 20, "proofs": 2}
        assert json.loads(op.details_json) == {} and op.next_retry_at is not None
        assert sorted(p.amount for p in journal.proofs_from_json(op.inputs_json)) == [1, 4, 16]
        token = only(app, ReceivedToken)
        assert (token.token_text, token.source, token.state, token.error_code) == (
            text,
            "scan",
            "redeemed",
            None,
        )
        assert (token.mint_url, token.unit, token.amount) == (mint.url, "sat", 21)
        assert op.received_token_id == token.id
        stored = rows(app, ProofRow)
        assert sorted(p.amount for p in stored) == [4, 16]
        assert {(p.state, p.origin, p.created_op_id, p.unit, p.keyset_id) for p in stored} == {
            ("unspent", "received", op.id, "sat", keyset.id)
        }
        assert sorted(p.counter for p in stored) == [0, 1]
        assert all(mint.state_of(p.secret) == "UNSPENT" and p.dleq_json for p in stored)
        assert audit_trail(app)[-1] == (
            "receive.done",
            {"amount": 20, "fee": 1, "mint": mint.url, "recovered": False},
        )
        assert len(rows(app, OperationInput)) == 3
        assert mint.requests("/v1/swap") == [("POST", "/v1/swap", "answer")]

        # The next receive takes the counters after the first one's.
        await receive(app.ctx, mint.token(8))
        second = next(o for o in rows(app, Operation) if o.id != op.id)
        assert (second.counter_start, second.counter_count, second.fee) == (
            2,
            3,
            1,
        )  # 7 = 4 + 2 + 1
        assert balance(app) == 20 + 7

    shop(tmp_path, scenario, mint)


def test_fee_free_mint_credits_the_face_value(tmp_path):
    async def scenario(app, mint):
        result = await receive(app.ctx, mint.token(13))
        assert (result.amount, result.fee, result.proofs, balance(app)) == (13, 0, 3, 13)
        assert only(app, ReceivedToken).source == "cli"  # the default source

    shop(tmp_path, scenario)


@pytest.mark.parametrize(("amount", "net"), [(2, 1), (3, 1), (4, 3)])
def test_a_token_worth_more_than_its_fee_is_redeemed(tmp_path, amount, net):
    async def scenario(app, mint):  # 1000 ppk: one sat per input
        result = await receive(app.ctx, mint.token(amount))
        assert (result.amount, result.fee, balance(app)) == (net, amount - net, net)

    shop(tmp_path, scenario, FakeMint(fee_ppk=1000))


def test_a_token_worth_no_more_than_its_fee_is_refused_unspent(tmp_path):
    async def scenario(app, mint):
        text = mint.token(1)
        err = await refused(receive(app.ctx, text))
        assert (err.code, err.data, err.detail) == (
            "fee.too_high",
            {"amount": 1, "fee": 1},
            "amount 1 fee 1",
        )
        assert err.user_message == (
            "This token is worth 1 but the mint's fee is 1; it cannot be redeemed."
        )
        assert_rejected(app, "fee.too_high")
        assert rows(app, Operation) == [] and mint.requests("/v1/swap") == []

    shop(tmp_path, scenario, FakeMint(fee_ppk=1000))


def test_hooks_commit_with_the_journal_and_with_the_proofs(tmp_path):
    async def scenario(app, mint):
        plan = await plan_receive(app.ctx, mint.token(5))
        assert (plan.amount, plan.net, plan.fee, plan.unit) == (5, 5, 0, "sat")

        def completion(session):
            journal.audit(session, "test.completion")
            return "settled"

        result = await execute_receive(
            app.ctx,
            plan,
            correlation_id="sale-1",
            details={"sale_id": "s1"},
            with_journal=lambda s: journal.audit(s, "test.journal"),
            with_completion=completion,
        )
        assert result.completion == "settled"
        actions = [a for a, _ in audit_trail(app)]
        assert actions == ["test.journal", "receive.done", "test.completion"]
        op = only(app, Operation)
        assert (op.correlation_id, json.loads(op.details_json)) == ("sale-1", {"sale_id": "s1"})
        (done,) = rows(app, AuditEntry, AuditEntry.action == "receive.done")
        assert (done.subject, done.correlation_id) == (op.id, "sale-1")

    shop(tmp_path, scenario)


def test_failing_completion_is_rolled_back_alone(tmp_path, caplog):
    async def scenario(app, mint):
        plan = await plan_receive(app.ctx, mint.token(5))

        def completion(session):
            journal.audit(session, "test.completion")
            session.flush()
            raise RuntimeError("a bug in the caller's writes")

        with caplog.at_level("ERROR", logger="pos_app.core.wallet.receive"):
            result = await execute_receive(app.ctx, plan, with_completion=completion)
        (logged,) = [r for r in caplog.records if r.levelname == "ERROR"]
        assert logged.getMessage() == (
            "writes added to a receive's completion failed; rolled back alone"
        )
        assert logged.exc_info[0] is RuntimeError
        assert (result.completion, result.amount, balance(app)) == (None, 5, 5)
        assert "test.completion" not in [a for a, _ in audit_trail(app)]
        assert only(app, Operation).state == "done"

    shop(tmp_path, scenario)


# -- refusals before anything is spent ---------------------------------------------------


def test_untrusted_mint_is_refused_without_contact(tmp_path):
    async def scenario(app, mint):
        stranger = FakeMint("http://stranger.test")
        text = stranger.token(8)
        err = await refused(receive(app.ctx, text))
        assert (err.code, err.data) == ("mint.untrusted", {"mint": stranger.url})
        assert err.user_message.startswith("This token is from a mint the shop does not accept.")
        assert stranger.log == []
        assert_rejected(app, "mint.untrusted")
        assert [m.url for m in rows(app, Mint)] == [mint.url]

    shop(tmp_path, scenario)


def test_untrusted_mint_may_be_planned_when_allowed(tmp_path):
    stranger = FakeMint("http://stranger.test", name="stranger")

    async def scenario(app, mint):
        plan = await plan_receive(app.ctx, stranger.token(8), require_trusted=False)
        added = rows(app, Mint, Mint.url == stranger.url)
        assert [(m.id, m.trusted) for m in added] == [(plan.mint_id, False)]
        assert (plan.trusted, plan.mint_url, plan.amount) == (False, stranger.url, 8)
        assert plan.output_keyset.id == stranger.active_keyset().id
        result = await execute_receive(app.ctx, plan)
        assert result.amount == 8 and result.mint == stranger.url

    shop(tmp_path, scenario, FakeMint(), stranger)


def test_known_mint_of_an_unknown_url():
    from unittest.mock import MagicMock

    session = MagicMock()
    session.execute.return_value.first.return_value = None  # no such mint row
    found = known_mint(session, "http://nowhere.test")
    assert (found.id, found.url, found.trusted, found.keysets) == (
        None,
        "http://nowhere.test",
        False,
        (),
    )


def test_unreadable_text_is_kept_and_rejected(tmp_path):
    async def scenario(app, mint):
        err = await refused(receive(app.ctx, "cashuBnot-a-token", source="paste"))
        assert err.code == "token.invalid"
        token = only(app, ReceivedToken)
        assert (token.token_text, token.source, token.mint_url) == (
            "cashuBnot-a-token",
            "paste",
            None,
        )
        assert_rejected(app, "token.invalid")

    shop(tmp_path, scenario)


def test_bad_dleq_is_refused_before_the_swap(tmp_path):
    async def scenario(app, mint):
        proofs = mint.issue(8)
        bad_e = f"{(int(proofs[0].dleq.e, 16) + 1) % crypto.N:064x}"
        forged = replace(proofs[0], dleq=DLEQ(e=bad_e, s=proofs[0].dleq.s, r=proofs[0].dleq.r))
        text = serialize_token_v4(Token(mint.url, "sat", (forged,)))
        err = await refused(receive(app.ctx, text))
        assert isinstance(err, SecurityError) and err.code == "token.dleq_invalid"
        assert err.detail.startswith("DLEQ of a 8 proof in keyset ")
        assert err.user_message == (
            "This token failed its authenticity check and was not accepted. Ask the "
            "customer for a new token."
        )
        assert_rejected(app, "token.dleq_invalid")
        assert mint.requests("/v1/swap") == []

    shop(tmp_path, scenario)


@pytest.mark.parametrize("bad", [None, 0, 9, 17], ids=["none", "first", "middle", "last"])
def test_every_dleq_of_a_large_token_is_checked(tmp_path, bad):
    async def scenario(app, mint):
        proofs = [p for _ in range(6) for p in mint.issue(7)]  # 18 proofs
        if bad is not None:
            p = proofs[bad]
            bad_s = f"{(int(p.dleq.s, 16) + 1) % crypto.N:064x}"
            proofs[bad] = replace(p, dleq=DLEQ(e=p.dleq.e, s=bad_s, r=p.dleq.r))
        text = serialize_token_v4(Token(mint.url, "sat", tuple(proofs)))
        if bad is None:
            result = await receive(app.ctx, text)
            assert result.amount == 6 * 7
            # Each input is journalled under its own Y, computed with its check.
            assert {row.y for row in rows(app, OperationInput)} == {
                crypto.y_of_secret(p.secret) for p in proofs
            }
            return
        err = await refused(receive(app.ctx, text))
        assert err.code == "token.dleq_invalid"
        assert err.detail.startswith(f"DLEQ of a {proofs[bad].amount} proof in keyset ")
        assert_rejected(app, "token.dleq_invalid")
        assert mint.requests("/v1/swap") == []

    shop(tmp_path, scenario)


def test_proofs_without_dleq_are_accepted_online(tmp_path):
    async def scenario(app, mint):
        result = await receive(app.ctx, mint.token(6, dleq=False))
        assert (result.amount, balance(app)) == (6, 6)

    shop(tmp_path, scenario)


def test_a_coin_of_an_impossible_value_is_refused(tmp_path):
    async def scenario(app, mint):
        proof = mint.issue(4)[0]
        odd = replace(proof, amount=3)
        err = await refused(
            receive(app.ctx, serialize_token_v4(Token(mint.url, "sat", (odd,)), include_dleq=False))
        )
        assert (err.code, err.detail) == ("token.invalid", "amount 3")
        assert err.user_message == "This token has a coin of an impossible value."
        assert_rejected(app, "token.invalid")

    shop(tmp_path, scenario)


def test_the_same_coin_twice_is_refused(tmp_path):
    async def scenario(app, mint):
        proof = mint.issue(4)[0]
        token = Token(mint.url, "sat", (proof, proof))
        err = await refused(plan_receive(app.ctx, "text", token=token))
        assert (err.code, err.detail) == ("token.invalid", "duplicate secrets")
        assert err.user_message == "This token contains the same coin twice."
        assert_rejected(app, "token.invalid")

    shop(tmp_path, scenario)


def test_a_token_whose_unit_is_not_its_coins_unit_is_refused(tmp_path):
    async def scenario(app, mint):
        mint.add_keyset("usd")
        proofs = tuple(mint.issue(4))  # sat coins
        text = serialize_token_v4(Token(mint.url, "usd", proofs))
        err = await refused(receive(app.ctx, text))
        assert err.code == "unit.mismatch"
        assert err.user_message == "This token says usd but its coins are in sat."
        assert err.detail == f"keyset {proofs[0].id} unit sat"
        assert_rejected(app, "unit.mismatch")

    shop(tmp_path, scenario)


def test_a_unit_without_active_keys_is_refused(tmp_path):
    async def scenario(app, mint):
        usd = mint.add_keyset("usd", active=False)
        text = mint.token(4, unit="usd", keyset_id=usd)
        err = await refused(receive(app.ctx, text))
        assert (err.code, err.detail) == ("keyset.none_active", mint.url)
        assert err.user_message == "The mint has no active usd keys."
        assert_rejected(app, "keyset.none_active")

    shop(tmp_path, scenario)


def test_a_keyset_unknown_to_its_mint_is_refused(tmp_path):
    async def scenario(app, mint):
        other = FakeMint("http://other.test", name="other")
        foreign = other.issue(4)
        text = serialize_token_v4(Token(mint.url, "sat", tuple(foreign)))
        err = await refused(receive(app.ctx, text))
        assert err.code == "keyset.unknown"
        assert_rejected(app, "keyset.unknown")

    shop(tmp_path, scenario)


def test_a_token_claiming_another_mints_keyset_is_refused(tmp_path):
    twin = FakeMint("http://twin.test")  # same name: the same keys and keyset ids

    async def scenario(app, mint):
        text = twin.token(4)
        err = await refused(plan_receive(app.ctx, text, require_trusted=False))
        assert isinstance(err, SecurityError) and err.code == "keyset.foreign"
        assert_rejected(app, "keyset.foreign")

    shop(tmp_path, scenario, FakeMint(), twin)


def test_new_keys_are_fetched_and_outputs_go_to_the_cheapest_active_keyset(tmp_path):
    async def scenario(app, mint):
        cheap = mint.add_keyset(fee_ppk=0)  # after the shop stored the first one
        mint.set_active(mint.active_keyset().id, True)
        text = mint.token(8, keyset_id=cheap)
        before = len(mint.log)
        result = await receive(app.ctx, text)
        fetched = [p for _, p, _ in mint.log[before:]]
        assert fetched[:2] == ["/v1/keysets", f"/v1/keys/{cheap}"]
        assert (result.amount, result.fee) == (8, 0)
        assert only(app, Operation).keyset_id == cheap
        assert {p.keyset_id for p in rows(app, ProofRow)} == {cheap}

    shop(tmp_path, scenario, FakeMint(fee_ppk=100))


def test_stored_keys_are_used_without_asking_the_mint(tmp_path):
    async def scenario(app, mint):
        text = mint.token(8)
        before = len(mint.log)
        await plan_receive(app.ctx, text)
        assert mint.log[before:] == []

    shop(tmp_path, scenario)


# -- offline acceptance -------------------------------------------------------------------


def test_offline_plan_needs_stored_keys_dleq_and_a_lock(tmp_path):
    async def scenario(app, mint):
        mint.down = True
        pubkey = app.ctx.shop_pubkey
        plan = await plan_receive(app.ctx, mint.token(8, locked_to=pubkey), offline=True)
        assert (plan.locked, plan.sig_all, plan.amount) == (True, False, 8)

        err = await refused(plan_receive(app.ctx, mint.token(8), offline=True))
        assert (err.code, err.detail) == ("offline.not_locked", "plain secrets")
        assert err.user_message == (
            "The mint is offline. Only tokens locked to the shop's key can be accepted now."
        )
        err = await refused(
            plan_receive(app.ctx, mint.token(8, locked_to=pubkey, dleq=False), offline=True)
        )
        assert (err.code, err.detail) == ("offline.no_dleq", "a 8 proof has no DLEQ")
        assert err.user_message == (
            "The mint is offline and this token carries no proof of authenticity (DLEQ)."
        )
        new = mint.add_keyset()
        unknown = mint.token(8, locked_to=pubkey, keyset_id=new)
        err = await refused(plan_receive(app.ctx, unknown, offline=True))
        assert (err.code, err.detail) == (
            "offline.keys_unknown",
            f"keysets {parse_token(unknown).keyset_ids}",
        )
        assert err.user_message == (
            "The mint is offline and the shop does not know the keys of this token yet."
        )
        assert [t.error_code for t in rows(app, ReceivedToken)] == [
            None,
            "offline.not_locked",
            "offline.no_dleq",
            "offline.keys_unknown",
        ]
        assert all(action == "down" for _, _, action in mint.log[3:])

    shop(tmp_path, scenario)


# -- locked tokens -------------------------------------------------------------------------


@pytest.mark.parametrize("sigflag", [None, "SIG_ALL"])
def test_tokens_locked_to_the_shop_are_signed_for_the_swap(tmp_path, sigflag):
    async def scenario(app, mint):
        text = mint.token(9, locked_to=app.ctx.shop_pubkey, sigflag=sigflag)
        plan = await plan_receive(app.ctx, text)
        assert (plan.locked, plan.sig_all) == (True, sigflag == "SIG_ALL")
        result = await execute_receive(app.ctx, plan)
        assert (result.amount, balance(app)) == (9, 9)
        sent = journal.proofs_from_json(only(app, Operation).inputs_json)
        # SIG_ALL: the first input's witness signs the whole swap
        signed = [p.witness is not None for p in sent]
        assert signed == ([True, False] if sigflag else [True, True])

    shop(tmp_path, scenario)


def test_a_token_locked_to_someone_else_is_refused(tmp_path):
    async def scenario(app, mint):
        other = "02" + "c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"
        err = await refused(receive(app.ctx, mint.token(4, locked_to=other)))
        assert err.code == "p2pk.not_locked_to_shop"
        assert_rejected(app, "p2pk.not_locked_to_shop")

    shop(tmp_path, scenario)


def test_a_locked_token_needs_a_mint_that_enforces_locks(tmp_path):
    async def scenario(app, mint):
        err = await refused(receive(app.ctx, mint.token(4, locked_to=app.ctx.shop_pubkey)))
        assert err.code == "p2pk.mint_unsupported"

    shop(tmp_path, scenario, FakeMint(nuts=(1, 2, 3, 4, 5, 6, 7, 8, 9, 12)))


# -- the mint refuses or fails the swap ----------------------------------------------------


def test_token_spent_elsewhere_fails_the_operation_and_frees_the_inputs(tmp_path):
    async def scenario(app, mint):
        seen = events(app)
        text = mint.token(8)
        mint.spend(mint_proofs(text))
        err = await refused(receive(app.ctx, text))
        assert isinstance(err, MintError) and err.code == "token.already_spent"
        op = only(app, Operation)
        assert (op.state, op.last_error_code) == ("failed", "token.already_spent")
        assert rows(app, OperationInput) == []
        assert_rejected_by_mint(app, "token.already_spent")
        assert OperationChanged(op.id, "receive", "failed", "token.already_spent") in seen
        assert ("receive.failed", {"code": "token.already_spent"}) in audit_trail(app)

    shop(tmp_path, scenario)


def test_a_finished_operation_is_never_failed_afterwards(tmp_path):
    """A second path failing an operation another one finished changes nothing."""

    async def scenario(app, mint):
        await receive(app.ctx, mint.token(8))
        op, inputs = only(app, Operation), len(rows(app, OperationInput))
        late = MintError("token.already_spent", "spent", "a late refusal")
        with pytest.raises(PosError) as err:
            await app.ctx.db.run(lambda s: journal.fail_operation(s, op.id, late))
        assert err.value.code == "operation.closed"
        assert only(app, Operation).state == "done"
        assert len(rows(app, OperationInput)) == inputs > 0  # its inputs stay taken: spent
        assert balance(app) == 8
        assert only(app, ReceivedToken).state != "rejected"

    shop(tmp_path, scenario, FakeMint(fee_ppk=0))


def test_the_same_token_twice_is_refused_without_a_second_swap(tmp_path):
    async def scenario(app, mint):
        text = mint.token(8)
        await receive(app.ctx, text)
        err = await refused(receive(app.ctx, text))
        assert err.code == "token.already_spent"
        assert len(mint.requests("/v1/swap")) == 1
        assert [t.state for t in rows(app, ReceivedToken)] == ["redeemed", "rejected"]
        assert balance(app) == 8

    shop(tmp_path, scenario)


@pytest.mark.parametrize(
    ("action", "code", "spent"),
    [("unreachable", "mint.unreachable", False), ("timeout", "mint.timeout", True)],
)
def test_no_answer_leaves_the_operation_pending(tmp_path, action, code, spent):
    async def scenario(app, mint):
        seen = events(app)
        text = mint.token(8)
        mint.fault("POST", "/v1/swap", action)
        err = await refused(receive(app.ctx, text))
        assert isinstance(err, NetworkError) and err.code == code
        op = only(app, Operation)
        assert (op.state, op.step, op.last_error_code, op.next_retry_at) == (
            "pending",
            "sent",
            code,
            None,
        )
        token = only(app, ReceivedToken)
        assert (token.state, token.error_code) == ("pending", code)
        assert OperationChanged(op.id, "receive", "pending", code) in seen
        assert mint.state_of(mint_proofs(text)[0]) == ("SPENT" if spent else "UNSPENT")
        assert balance(app) == 0

    shop(tmp_path, scenario)


@pytest.mark.parametrize(
    ("change", "code", "error"),
    [
        (mintproxy.bad_dleq, "mint.dleq_invalid", SecurityError),
        (mintproxy.no_dleq, "mint.dleq_missing", SecurityError),
        (mintproxy.drop_last, "mint.bad_response", ProtocolError),
    ],
)
def test_a_wrong_answer_credits_nothing_and_keeps_the_operation(tmp_path, change, code, error):
    async def scenario(app, mint):
        seen = events(app)
        mint.fault("POST", "/v1/swap", "rewrite", rewrite=mintproxy.signatures(change))
        err = await refused(receive(app.ctx, mint.token(12)))
        assert isinstance(err, error) and err.code == code
        op = only(app, Operation)
        assert (op.state, op.step, op.last_error_code) == ("pending", "sent", code)
        assert audit_trail(app)[-1] == (
            "security.bad_signatures",
            {"code": code, "inputs": ["SPENT"]},
        )
        assert code in error_codes(app) and balance(app) == 0
        warned = [e for e in seen if isinstance(e, Notification)]
        assert [n.level for n in warned] == (["critical"] if error is SecurityError else [])
        assert OperationChanged(op.id, "receive", "pending", code) in seen

    shop(tmp_path, scenario)


def test_an_unreadable_answer_keeps_the_operation(tmp_path):
    async def scenario(app, mint):
        mint.fault("POST", "/v1/swap", "answer", status=200, body={"signatures": "none"})
        err = await refused(receive(app.ctx, mint.token(4)))
        assert err.code == "mint.bad_response"
        op = only(app, Operation)
        assert (op.state, op.last_error_code) == ("pending", "mint.bad_response")
        assert audit_trail(app)[-1] == (
            "security.bad_signatures",
            {"code": "mint.bad_response", "inputs": ["UNSPENT"]},
        )

    shop(tmp_path, scenario)


def test_a_refused_resend_stays_open_for_recovery(tmp_path):
    async def scenario(app, mint):
        mint.fault("POST", "/v1/swap", "unreachable")
        text = mint.token(4)
        await refused(receive(app.ctx, text))
        op = only(app, Operation)
        outputs = journal.rebuild_outputs(app.ctx.seed, op)
        mint.fault(
            "POST", "/v1/swap", "answer", body={"detail": "proofs are pending", "code": 11002}
        )
        err = await refused(send_swap(app.ctx, op, outputs, first_attempt=False))
        assert err.code == "token.pending"
        op = only(app, Operation)
        assert (op.state, op.step, op.last_error_code) == ("pending", "sent", "token.pending")
        assert len(rows(app, OperationInput)) == 1  # still claimed
        # The mint answers at last: the same outputs are signed, read back from the journal.
        result = await send_swap(app.ctx, op, outputs, first_attempt=False, recovered=True)
        assert (result.amount, balance(app)) == (4, 4)
        op = only(app, Operation)
        assert (op.state, op.step) == ("recovered", "done")
        assert audit_trail(app)[-1][1]["recovered"] is True
        assert only(app, ReceivedToken).state == "redeemed"

    shop(tmp_path, scenario)


# -- queued receives (mint down before planning) -------------------------------------------


def test_mint_down_while_fetching_new_keys_queues_the_token(tmp_path):
    async def scenario(app, mint):
        seen = events(app)
        new = mint.add_keyset()
        text = mint.token(8, keyset_id=new)
        mint.down = True
        err = await refused(receive(app.ctx, text))
        assert err.code == "mint.unreachable"
        op = only(app, Operation)
        assert (op.kind, op.state, op.step, op.unit) == ("receive", "pending", "queued", "sat")
        assert op.mint_id == only(app, Mint).id and op.last_error_code == "mint.unreachable"
        assert op.last_error.startswith(f"{mint.url}/v1/keysets: ConnectError")
        assert json.loads(op.details_json) == {} and rows(app, OperationInput) == []
        token = only(app, ReceivedToken)
        assert (token.state, token.error_code, op.received_token_id) == (
            "pending",
            "mint.unreachable",
            token.id,
        )
        assert OperationChanged(op.id, "receive", "pending", "mint.unreachable") in seen

        # Recovery fills in the queued operation once the mint is back.
        mint.down = False
        plan = await plan_receive(app.ctx, text, token_id=token.id)
        result = await execute_receive(app.ctx, plan, op_id=op.id, recovered=True)
        assert result.operation_id == op.id and result.amount == 8
        op = only(app, Operation)
        assert (op.state, op.step, op.input_amount) == ("recovered", "done", 8)
        assert journal.proofs_from_json(op.inputs_json)[0].id == new

    shop(tmp_path, scenario)


def test_queued_offline_token_locks_its_inputs(tmp_path):
    async def scenario(app, mint):
        text = mint.token(8)
        proofs = mint_proofs(text)
        token_id = await app.ctx.db.run(
            lambda s: journal.store_received(s, text, "scan", parse_token(text))
        )
        down = NetworkError("mint.unreachable", "down", "no route " + "x" * 1200)
        op_id = await queue_receive(
            app.ctx, token_id, down, input_proofs=proofs, sale_id="s1", payment_id=7
        )
        op = only(app, Operation)
        assert op.id == op_id and json.loads(op.details_json) == {"sale_id": "s1", "payment_id": 7}
        assert (op.mint_id, op.unit, op.step) == (only(app, Mint).id, "sat", "queued")
        assert (op.last_error_code, op.last_error) == ("mint.unreachable", down.detail[:1000])
        assert [i.y for i in rows(app, OperationInput)] == [
            crypto.y_of_secret(p.secret) for p in proofs
        ]
        err = await refused(receive(app.ctx, text))
        assert err.code == "token.in_use"

    shop(tmp_path, scenario)


def mint_proofs(text: str):
    return list(parse_token(text).proofs)


def assert_rejected_by_mint(app, code: str) -> None:
    token = only(app, ReceivedToken)
    assert (token.state, token.error_code) == ("rejected", code)
    assert balance(app) == 0


# -- crashes between the journal and the swap ------------------------------------------------


class Crash(BaseException):
    """The process dying at a fault point (the real one is a SIGKILL)."""


@pytest.mark.parametrize(("point", "spent"), [("before_swap", False), ("after_swap", True)])
def test_a_crash_around_the_swap_is_finished_by_recovery(tmp_path, monkeypatch, point, spent):
    def fault_point(name):
        if name == point:
            raise Crash(name)

    monkeypatch.setattr("pos_app.core.wallet.receive.fault_point", fault_point)

    async def scenario(app, mint):
        text = mint.token(8)
        with pytest.raises(Crash):
            await receive(app.ctx, text)
        op = only(app, Operation)
        assert (op.state, op.step, op.last_error_code) == ("pending", "prepared", None)
        assert op.next_retry_at is not None  # leased: the timer leaves it alone for now
        assert only(app, ReceivedToken).state == "processing"
        assert mint.state_of(mint_proofs(text)[0]) == ("SPENT" if spent else "UNSPENT")
        monkeypatch.undo()
        outcome = await app.wallet.recovery.run(op.id)
        assert (outcome.state, outcome.action, outcome.amount) == (
            "recovered",
            "restored" if spent else "resent",
            8,
        )
        assert balance(app) == 8 and only(app, ReceivedToken).state == "redeemed"

    shop(tmp_path, scenario)


# -- what planning reads and writes ----------------------------------------------------------


def test_planning_a_stored_token_again_resets_its_state_and_facts(tmp_path):
    async def scenario(app, mint):
        text = mint.token(8)
        token_id = await app.ctx.db.run(lambda s: journal.store_received(s, text, "scan"))
        await app.ctx.db.run(
            lambda s: journal.mark_received(s, token_id, "pending", "mint.unreachable")
        )
        plan = await plan_receive(app.ctx, text, token_id=token_id)
        assert plan.token_id == token_id
        token = only(app, ReceivedToken)
        assert (token.state, token.error_code) == ("received", None)
        assert (token.mint_url, token.unit, token.amount) == (mint.url, "sat", 8)

    shop(tmp_path, scenario)


def test_a_network_failure_while_planning_is_not_a_refusal(tmp_path):
    async def scenario(app, mint):
        text = mint.token(8, keyset_id=mint.add_keyset())
        mint.down = True
        err = await refused(plan_receive(app.ctx, text))
        assert isinstance(err, NetworkError)
        token = only(app, ReceivedToken)
        assert (token.state, token.error_code) == ("received", None)
        assert error_codes(app) == []

    shop(tmp_path, scenario)


def test_the_callers_view_of_the_mint_is_used(tmp_path):
    async def scenario(app, mint):
        await app.mints.trust(mint.url, False)
        text = mint.token(8)
        token = parse_token(text)
        token_id = await app.ctx.db.run(lambda s: journal.store_received(s, text, "scan", token))
        known = await app.ctx.db.run(lambda s: known_mint(s, mint.url))
        assert known.trusted is False
        plan = await plan_receive(
            app.ctx, text, token_id=token_id, token=token, mint=replace(known, trusted=True)
        )
        assert (plan.trusted, plan.mint_id, plan.amount) == (True, known.id, 8)

    shop(tmp_path, scenario)


def test_a_token_of_a_stored_keyset_without_keys_gets_its_keys(tmp_path):
    from pos_app.core.store.schema import KeysetRow

    mint = FakeMint()
    old = mint.active_keyset().id
    mint.add_keyset()  # a second active keyset: new outputs have stored keys either way

    async def scenario(app, mint):
        await app.ctx.db.run(lambda s: setattr(s.get(KeysetRow, old), "keys_json", None))
        result = await receive(app.ctx, mint.token(8, keyset_id=old))
        assert (result.amount, balance(app)) == (8, 8)
        assert app.ctx.db.transact(lambda s: s.get(KeysetRow, old).keys_json)

    shop(tmp_path, scenario, mint)


def test_stored_keysets_without_keys_or_active_ones_are_synced(tmp_path):
    from pos_app.core.store.schema import KeysetRow

    async def scenario(app, mint):
        keyset = mint.active_keyset().id
        await app.ctx.db.run(lambda s: setattr(s.get(KeysetRow, keyset), "keys_json", None))
        before = len(mint.log)
        await plan_receive(app.ctx, mint.token(8))
        # the client still holds the verified keys in memory; the store gets them back
        assert [p for _, p, _ in mint.log[before:]] == ["/v1/keysets"]
        assert app.ctx.db.transact(lambda s: s.get(KeysetRow, keyset).keys_json)

        await app.ctx.db.run(lambda s: setattr(s.get(KeysetRow, keyset), "active", False))
        before = len(mint.log)
        plan = await plan_receive(app.ctx, mint.token(8))
        assert [p for _, p, _ in mint.log[before:]] == ["/v1/keysets"]  # keys already stored
        assert plan.output_keyset.id == keyset and plan.output_keyset.active

    shop(tmp_path, scenario)


def test_keysets_of_another_stored_mint_are_refused():
    from unittest.mock import MagicMock

    from pos_app.core.store.schema import KeysetRow
    from pos_app.core.wallet.receive import _check_keyset_owner

    rows_by_id = {"ks-a": KeysetRow(id="ks-a", mint_id=1), "ks-b": KeysetRow(id="ks-b", mint_id=2)}
    session = MagicMock()
    session.get.side_effect = lambda _model, key: rows_by_id.get(key)
    _check_keyset_owner(session, 1, ["ks-a", "ks-new"])
    with pytest.raises(SecurityError) as err:
        _check_keyset_owner(session, 1, ["ks-a", "ks-b"])
    assert (err.value.code, err.value.detail, err.value.user_message) == (
        "keyset.foreign",
        "keyset ks-b belongs to mint #2",
        "This token claims keys of a different mint. It was not accepted.",
    )


def test_a_queued_operation_keeps_its_correlation(tmp_path):
    async def scenario(app, mint):
        text = mint.token(4)
        token_id = await app.ctx.db.run(
            lambda s: journal.store_received(s, text, "scan", parse_token(text))
        )
        op_id = await queue_receive(app.ctx, token_id, NetworkError("mint.timeout", "t", "d"))
        await app.ctx.db.run(lambda s: setattr(s.get(Operation, op_id), "correlation_id", "sale-7"))
        plan = await plan_receive(app.ctx, text, token_id=token_id)
        await execute_receive(app.ctx, plan, op_id=op_id)
        op = only(app, Operation)
        assert (op.id, op.correlation_id, op.state) == (op_id, "sale-7", "done")

    shop(tmp_path, scenario)


def test_the_log_tells_what_was_received(tmp_path, caplog):
    async def scenario(app, mint):
        with caplog.at_level("INFO", logger="pos_app.core.wallet.receive"):
            result = await receive(app.ctx, mint.token(21))
        op = result.operation_id
        assert [r.getMessage() for r in caplog.records if r.name.endswith("receive")] == [
            f"receive {op}: 3 proofs, 21 sat at {mint.url}, fee 1",
            f"receive {op} done: +20 sat",
        ]

    shop(tmp_path, scenario, FakeMint(fee_ppk=100))


def test_restored_signatures_in_another_order_are_matched_to_their_outputs(tmp_path, monkeypatch):
    def fault_point(name):
        if name == "after_swap":
            raise Crash(name)

    def reversed_pairs(_request, status, answer):
        return status, {k: list(reversed(v)) for k, v in answer.items()}

    monkeypatch.setattr("pos_app.core.wallet.receive.fault_point", fault_point)

    async def scenario(app, mint):
        with pytest.raises(Crash):
            await receive(app.ctx, mint.token(13))  # 8 + 4 + 1: three outputs
        monkeypatch.undo()
        mint.fault("POST", "/v1/restore", "rewrite", rewrite=reversed_pairs)
        outcome = await app.wallet.recovery.run(only(app, Operation).id)
        assert (outcome.action, outcome.amount) == ("restored", 13)
        stored = rows(app, ProofRow)
        assert sorted((p.amount, p.counter) for p in stored) == [(1, 0), (4, 1), (8, 2)]

    shop(tmp_path, scenario)


def test_a_stored_token_keeps_its_parsed_facts(tmp_path):
    async def scenario(app, mint):
        text = mint.token(6)
        token_id = await store_token(app.ctx, text, "nfc", parse_token(text))
        stored = only(app, ReceivedToken)
        assert (stored.id, stored.token_text, stored.source, stored.state) == (
            token_id,
            text,
            "nfc",
            "received",
        )
        assert (stored.mint_url, stored.unit, stored.amount) == (mint.url, "sat", 6)

    shop(tmp_path, scenario)


def test_short_keyset_ids_in_a_token_are_resolved_to_the_full_id(tmp_path):
    async def scenario(app, mint):
        full = mint.active_keyset().id
        proofs = tuple(replace(p, id=full[:16]) for p in mint.issue(12))  # NUT-02 short ids
        result = await receive(app.ctx, serialize_token_v4(Token(mint.url, "sat", proofs)))
        assert (result.amount, balance(app)) == (12, 12)
        sent = journal.proofs_from_json(only(app, Operation).inputs_json)
        assert {p.id for p in sent} == {full}

    shop(tmp_path, scenario)


def test_lock_inputs_in_the_callers_savepoint_opens_none_of_its_own(tmp_path):
    # journal_receive's callers roll back on a refusal, so lock_inputs(savepoint=False)
    # spares its SAVEPOINT/RELEASE; a half-done insert (a y claimed twice) must then go
    # with the caller's savepoint, and the transaction goes on.
    from sqlalchemy import event, select

    async def scenario(app, mint):
        text = mint.token(8)
        token_id = await app.ctx.db.run(
            lambda s: journal.store_received(s, text, "scan", parse_token(text))
        )
        op_id = await queue_receive(app.ctx, token_id, NetworkError("mint.unreachable", "down"))
        statements: list[str] = []

        def seen(conn, cursor, statement, *args):
            statements.append(statement)

        def write(session):
            try:
                with session.begin_nested():
                    statements.clear()
                    journal.lock_inputs(session, op_id, ["aa", "bb", "aa"], savepoint=False)
            except PosError as exc:
                code = exc.code
            journal.lock_inputs(session, op_id, ["cc"], savepoint=False)
            return code, sorted(session.scalars(select(OperationInput.y)))

        event.listen(app.ctx.db.engine, "before_cursor_execute", seen)
        try:
            code, ys = await app.ctx.db.run(write)
        finally:
            event.remove(app.ctx.db.engine, "before_cursor_execute", seen)
        assert code == "token.in_use"
        # The caller's savepoint alone: opened, then rolled back by the refusal.
        assert [s for s in statements if "SAVEPOINT" in s] == [
            "SAVEPOINT sa_savepoint_1",
            "ROLLBACK TO SAVEPOINT sa_savepoint_1",
        ]
        assert ys == ["cc"]
        assert [i.y for i in rows(app, OperationInput)] == ["cc"]

    shop(tmp_path, scenario)
