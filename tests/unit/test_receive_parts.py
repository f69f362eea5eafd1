"""The pure parts of receiving: plan amounts, the JSON answer, and the lock checks."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.exc import DBAPIError

from pos_app.core.cashu.models import Proof
from pos_app.core.errors import ValidationError
from pos_app.core.events import EventBus
from pos_app.core.store.db import Database
from pos_app.core.store.schema import Setting
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.receive import ReceiveResult, _also_commit, _check_locks

NOW = 1_700_000_000


@pytest.fixture
def ctx() -> WalletContext:
    return WalletContext(None, None, EventBus(), bytes(64), clock=lambda: NOW)  # type: ignore[arg-type]


def info(*nuts: int) -> str:
    return json.dumps({"name": "m", "nuts": {str(n): {"supported": True} for n in nuts}})


def locked(to: str, amount: int = 8, tags: list | None = None) -> Proof:
    body = {"nonce": f"{amount:02x}", "data": to, "tags": tags or []}
    return Proof(
        amount, "00aa", json.dumps(["P2PK", body], separators=(",", ":")), "02" + "11" * 32
    )


def plain(amount: int = 8) -> Proof:
    return Proof(amount, "00aa", f"secret-{amount}", "02" + "11" * 32)


def test_result_as_json():
    result = ReceiveResult("op", "https://m", "sat", 21, 1, 3)
    assert result.to_dict() == {
        "amount": 21,
        "fee": 1,
        "mint": "https://m",
        "unit": "sat",
        "proofs": 3,
    }
    warned = ReceiveResult("op", "https://m", "sat", 21, 1, 3, warnings=("slow mint",))
    assert warned.to_dict()["warnings"] == ["slow mint"]


def test_plain_tokens_need_no_lock_support(ctx):
    assert _check_locks(ctx, [plain(8), plain(2)], None) == (False, False)


@pytest.mark.parametrize("mint_info", [None, info(10), info(11), info(1, 2, 3)])
def test_locked_token_needs_a_mint_that_enforces_locks(ctx, mint_info):
    with pytest.raises(ValidationError) as err:
        _check_locks(ctx, [locked(ctx.shop_pubkey)], mint_info)
    assert (err.value.code, err.value.detail) == ("p2pk.mint_unsupported", "mint lacks NUT-10/11")
    assert err.value.user_message == (
        "This token is locked, but its mint does not enforce locks. It was not accepted."
    )


def test_token_locked_to_the_shop(ctx):
    assert _check_locks(ctx, [locked(ctx.shop_pubkey)], info(10, 11)) == (True, False)
    sig_all = [locked(ctx.shop_pubkey, a, [["sigflag", "SIG_ALL"]]) for a in (8, 2)]
    assert _check_locks(ctx, sig_all, info(10, 11)) == (True, True)


def test_token_locked_to_someone_else(ctx):
    other = "02" + "c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"
    with pytest.raises(ValidationError) as err:
        _check_locks(ctx, [locked(other)], info(10, 11))
    assert err.value.code == "p2pk.not_locked_to_shop"


@pytest.mark.parametrize(("seconds_left", "ok"), [(599, False), (600, True), (3600, True)])
def test_lock_must_hold_for_the_margin(ctx, seconds_left, ok):
    proof = locked(ctx.shop_pubkey, tags=[["locktime", str(NOW + seconds_left)]])
    if ok:
        assert _check_locks(ctx, [proof], info(10, 11)) == (True, False)
        return
    with pytest.raises(ValidationError) as err:
        _check_locks(ctx, [proof], info(10, 11))
    assert err.value.code == "p2pk.locktime_too_soon"


class _Conflict(Exception):
    sqlstate = "40001"  # PostgreSQL's serialization failure


@pytest.fixture
def session(tmp_path):
    db = Database(tmp_path / "wallet.db", bytes(range(32)), create=True)
    db.migrate()
    with db.session() as session:
        yield session
    db.close()


def test_a_failing_completion_write_is_rolled_back_alone(session, caplog):
    # A caller's bug must not cost the new proofs: its writes go, the rest commits.
    def buggy(s):
        s.add(Setting(key="x", value_json="1"))
        s.flush()
        raise ValueError("a caller's bug")

    assert _also_commit(session, buggy) is None
    assert session.get(Setting, "x") is None
    assert "rolled back alone" in caplog.text


def test_a_conflict_in_a_completion_write_goes_up_to_run_the_transaction_again(session):
    # On PostgreSQL the server aborted the whole transaction: swallowing it would let
    # db.transact commit nothing and report success (the four-till stress test's find).
    def conflicts(_s):
        raise DBAPIError("UPDATE payment_sums …", None, _Conflict())

    with pytest.raises(DBAPIError):
        _also_commit(session, conflicts)
