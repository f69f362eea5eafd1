"""The export history on the fake mint: listing and filters, claim states, reclaim, re-show."""

from __future__ import annotations

import asyncio
import time

import pytest
from coincurve import PrivateKey
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import NetworkError, PosError
from pos_app.core.events import ExportsChanged
from pos_app.core.staff import acting_as
from pos_app.core.store.schema import Export, Operation, ProofRow
from pos_app.core.wallet.exports import ExportRecord
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import (
    DB_KEY,
    Killed,
    arm_kill,
    audit_trail,
    events,
    open_shop,
    rows,
)


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def run_shop(tmp_path, mints, scenario, *, fund=64):
    """Open a shop on ``mints``, receive ``fund`` at each, then run ``scenario(app)``."""

    async def main():
        app = open_shop(tmp_path / "shop", *mints)
        try:
            for mint in mints:
                await app.mints.add(mint.url)
                await app.wallet.receive(mint.token(fund))
            return await scenario(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def unspent(app, origin=None):
    where = [ProofRow.state == "unspent"]
    if origin is not None:
        where.append(ProofRow.origin == origin)
    return sum(r.amount for r in rows(app, ProofRow, *where))


def proofs_of(token_text):
    return list(parse_token(token_text).proofs)


def export_row(app, export_id):
    return app.db.transact(lambda s: s.get(Export, export_id))


def swaps(mint):
    return len(mint.requests("/v1/swap"))


def test_the_history_lists_every_export_newest_first_with_its_facts(tmp_path):
    mint, other = FakeMint(), FakeMint("http://other-mint.test", name="other")

    async def scenario(app):
        first = await app.wallet.send(mint.url, "sat", 5, out=tmp_path)
        with acting_as("carl"):  # a staff member signed in: the history says who
            second = await app.wallet.send(other.url, "sat", 7)
        listed = await app.exports.list()
        return first, second, listed

    first, second, listed = run_shop(tmp_path, (mint, other), scenario)
    assert [e.id for e in listed] == [second.export_id, first.export_id]
    assert listed[1].to_dict() == {
        "id": first.export_id,
        "created_at": listed[1].created_at,
        "mint": mint.url,
        "unit": "sat",
        "amount": 5,
        "file": first.file,
        "state": "pending",
        "purpose": "export",
        "claimed_amount": 0,
        "locked_to": None,
        "checked_at": None,
        "reclaiming": False,
        "staff": None,
    }
    assert abs(listed[1].created_at - time.time()) < 60
    assert listed[0].file is None and listed[0].mint == other.url
    assert listed[0].staff == "carl"


def test_filters_by_state_mint_and_time(tmp_path):
    mint, other = FakeMint(), FakeMint("http://other-mint.test", name="other")

    async def scenario(app):
        a = await app.wallet.send(mint.url, "sat", 4)
        b = await app.wallet.send(other.url, "sat", 2)
        mint.spend(proofs_of(a.token))
        await app.exports.refresh()
        stamp = export_row(app, a.export_id).created_at

        def same_second(session):  # a loaded machine can tick a second between the two
            session.get(Export, b.export_id).created_at = stamp

        app.db.transact(same_second)
        by = {
            "claimed": await app.exports.list(status="claimed"),
            "pending": await app.exports.list(status="pending"),
            "mint": await app.exports.list(mint=other.url + "/"),  # normalised like the list
            "from_now": await app.exports.list(since=stamp),
            "future": await app.exports.list(since=stamp + 1),
            "until_stamp": await app.exports.list(until=stamp),
            "until_after": await app.exports.list(until=stamp + 1),
        }
        with pytest.raises(PosError) as bad_state:
            await app.exports.list(status="spent")
        with pytest.raises(PosError) as bad_mint:
            await app.exports.list(mint="https://nowhere.example")
        return a, b, by, bad_state.value, bad_mint.value

    a, b, by, bad_state, bad_mint = run_shop(tmp_path, (mint, other), scenario)
    assert [e.id for e in by["claimed"]] == [a.export_id]
    assert [e.id for e in by["pending"]] == [b.export_id]
    assert [e.id for e in by["mint"]] == [b.export_id]
    assert {e.id for e in by["from_now"]} == {a.export_id, b.export_id}
    assert by["future"] == [] and by["until_stamp"] == []
    assert {e.id for e in by["until_after"]} == {a.export_id, b.export_id}
    assert bad_state.code == "exports.bad_status" and "partially_claimed" in bad_state.user_message
    assert bad_mint.code == "mint.unknown"


def test_refresh_follows_the_claims_batched_per_mint(tmp_path):
    mint, other = FakeMint(), FakeMint("http://other-mint.test", name="other")

    async def scenario(app):
        full = await app.wallet.send(mint.url, "sat", 6)  # 2 + 4
        part = await app.wallet.send(mint.url, "sat", 9)  # 1 + 8
        untouched = await app.wallet.send(other.url, "sat", 3)
        mint.spend(proofs_of(full.token))
        mint.spend([p for p in proofs_of(part.token) if p.amount == 8])
        before = len(mint.requests("/v1/checkstate")), len(other.requests("/v1/checkstate"))
        seen = events(app)
        summary = await app.exports.refresh()
        told = [e for e in seen if isinstance(e, ExportsChanged)]
        after = len(mint.requests("/v1/checkstate")), len(other.requests("/v1/checkstate"))
        states = {e.id: (e.state, e.claimed_amount) for e in await app.exports.list()}
        again = await app.exports.refresh()  # a claimed export is not asked about again
        assert told == [ExportsChanged(1, 1)]
        assert [e for e in seen if isinstance(e, ExportsChanged)] == told  # nothing new: silent
        return full, part, untouched, summary, (before, after), states, again

    full, part, untouched, summary, calls, states, again = run_shop(
        tmp_path, (mint, other), scenario
    )
    (mint_before, other_before), (mint_after, other_after) = calls
    assert (mint_after - mint_before, other_after - other_before) == (1, 1)
    assert states == {
        full.export_id: ("claimed", 6),
        part.export_id: ("partially_claimed", 8),
        untouched.export_id: ("pending", 0),
    }
    assert (summary["exports_spent"], summary["exports_partial"], summary["checked"]) == (1, 1, 6)
    assert again["checked"] == 3  # the 1 left of the partial one, the 1 + 2 at the other mint


def test_refresh_with_nothing_open_asks_no_mint(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        before = len(mint.requests())
        await app.exports.refresh_round()
        return len(mint.requests()) - before

    assert run_shop(tmp_path, (mint,), scenario) == 0


def test_a_mint_that_is_down_is_reported_and_the_others_still_checked(tmp_path):
    mint, other = FakeMint(), FakeMint("http://other-mint.test", name="other")

    async def scenario(app):
        a = await app.wallet.send(mint.url, "sat", 4)
        b = await app.wallet.send(other.url, "sat", 4)
        other.spend(proofs_of(b.token))
        mint.down = True
        summary = await app.exports.refresh()
        return a, b, summary, {e.id: e.state for e in await app.exports.list()}

    a, b, summary, states = run_shop(tmp_path, (mint, other), scenario)
    assert summary["errors"] == [{"mint": mint.url, "error": "mint.unreachable"}]
    assert states == {a.export_id: "pending", b.export_id: "claimed"}


def test_reclaim_brings_an_unclaimed_export_back_as_reclaimed_coins(tmp_path):
    mint = FakeMint(fee_ppk=1000)  # 1 sat per input

    async def scenario(app):
        before = unspent(app)
        sent = await app.wallet.send(mint.url, "sat", 6)  # 2 + 4: two inputs, 2 sat fee back
        result = await app.exports.reclaim(sent.export_id)
        record = await app.exports.get(sent.export_id)
        old = rows(app, ProofRow, ProofRow.export_id == sent.export_id)
        return before, sent, result, record, unspent(app), unspent(app, "reclaimed"), old

    before, sent, result, record, after, reclaimed, old = run_shop(tmp_path, (mint,), scenario)
    assert result.to_dict() == {
        "id": sent.export_id,
        "state": "reclaimed",
        "unit": "sat",
        "amount": 6,
        "fee": 2,
        "claimed_amount": 0,
        "already": False,
    }
    assert after == before - 2 and reclaimed == 4
    assert (record.state, record.claimed_amount, record.unclaimed) == ("reclaimed", 0, 0)
    assert not record.reclaimable
    assert {(p.amount, p.state) for p in old} == {(2, "spent"), (4, "spent")}


def test_a_second_reclaim_does_nothing_twice(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sent = await app.wallet.send(mint.url, "sat", 5)
        first = await app.exports.reclaim(sent.export_id)
        calls = len(mint.requests())
        second = await app.exports.reclaim(sent.export_id)
        return first, second, len(mint.requests()) - calls, unspent(app), audit_trail(app)

    first, second, calls, left, trail = run_shop(tmp_path, (mint,), scenario)
    assert calls == 0 and left == 64
    assert (second.state, second.amount, second.already) == ("reclaimed", 5, True)
    assert not first.already
    assert [a for a, _ in trail].count("export.reclaimed") == 1


def test_a_partly_claimed_export_brings_back_only_the_rest(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sent = await app.wallet.send(mint.url, "sat", 13)  # 1 + 4 + 8
        mint.spend([p for p in proofs_of(sent.token) if p.amount == 4])  # claimed, not checked
        result = await app.exports.reclaim(sent.export_id)
        return sent, result, unspent(app), unspent(app, "reclaimed"), audit_trail(app)

    _sent, result, left, reclaimed, trail = run_shop(tmp_path, (mint,), scenario)
    assert (result.state, result.amount, result.claimed_amount) == ("reclaimed", 9, 4)
    assert left == 64 - 4 and reclaimed == 9
    assert ("export.reclaimed", {"reclaimed": 9, "claimed": 4, "fee": 0}) in trail


def test_a_claimed_export_cannot_be_reclaimed(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sent = await app.wallet.send(mint.url, "sat", 6)
        mint.spend(proofs_of(sent.token))
        calls = swaps(mint)
        with pytest.raises(PosError) as err:
            await app.exports.reclaim(sent.export_id)
        with pytest.raises(PosError) as shown:
            await app.exports.token(sent.export_id)
        record = await app.exports.get(sent.export_id)
        return err.value, shown.value, swaps(mint) - calls, record, unspent(app)

    err, shown, calls, record, left = run_shop(tmp_path, (mint,), scenario)
    assert err.code == "export.claimed" and "redeemed by its recipient" in err.user_message
    assert shown.code == "export.claimed"
    assert calls == 0 and left == 58
    assert (record.state, record.claimed_amount) == ("claimed", 6)


def test_a_claim_racing_the_reclaim_is_told_as_claimed(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sent = await app.wallet.send(mint.url, "sat", 6)
        # The recipient redeems it between the reclaim's check and its swap.
        mint.fault("POST", "/v1/checkstate", "answer", status=200, body=lambda r: _unspent(r))
        mint.spend(proofs_of(sent.token))
        with pytest.raises(PosError) as err:
            await app.exports.reclaim(sent.export_id)
        mint.honest()
        await app.exports.refresh()
        return err.value, await app.exports.get(sent.export_id), unspent(app)

    err, record, left = run_shop(tmp_path, (mint,), scenario)
    assert err.code == "export.claimed"
    assert (record.state, left) == ("claimed", 58)


def _unspent(request):
    return {"states": [{"Y": y, "state": "UNSPENT", "witness": None} for y in request["Ys"]]}


@pytest.mark.parametrize(
    ("kind", "code"), [("change", "export.not_ours"), ("locked", "export.locked")]
)
def test_change_and_locked_tokens_are_not_the_shops_to_take_back(tmp_path, kind, code):
    mint = FakeMint()

    async def scenario(app):
        lock = PrivateKey().public_key.format().hex() if kind == "locked" else None
        sent = await app.wallet.send(mint.url, "sat", 3, lock=lock)
        if kind == "change":

            def as_change(s):
                s.get(Export, sent.export_id).purpose = "change"

            app.db.transact(as_change)
        calls = len(mint.requests())
        with pytest.raises(PosError) as err:
            await app.exports.reclaim(sent.export_id)
        record = await app.exports.get(sent.export_id)
        return err.value, len(mint.requests()) - calls, record

    err, calls, record = run_shop(tmp_path, (mint,), scenario)
    assert err.code == code and calls == 0
    assert record.state == "pending" and not record.reclaimable


def test_an_unknown_export_is_refused(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        with pytest.raises(PosError) as err:
            await app.exports.reclaim(999)
        return err.value

    assert run_shop(tmp_path, (mint,), scenario).code == "export.unknown"


@pytest.mark.parametrize("point", ["before_swap", "after_swap"])
def test_a_reclaim_killed_midway_loses_nothing(tmp_path, monkeypatch, point):
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            await app.wallet.receive(mint.token(64))
            sent = await app.wallet.send(mint.url, "sat", 13)
            mint.spend([p for p in proofs_of(sent.token) if p.amount == 1])
            arm_kill(monkeypatch, point)
            with pytest.raises(Killed):
                await app.exports.reclaim(sent.export_id)
            monkeypatch.delenv("POS_TEST_FAULT")
        finally:
            await app.aclose()
        again = App.open(tmp_path / "shop", trust_env=False, transport=mint.transport())
        try:
            midway = await again.exports.get(sent.export_id)
            with pytest.raises(PosError) as busy:
                await again.exports.reclaim(sent.export_id)
            # A check meanwhile must not take our own swap for the recipient's claim.
            await again.exports.refresh()
            await again.wallet.check()
            still = await again.exports.get(sent.export_id)
            outcomes = await again.wallet.recovery.run_all()
            record = await again.exports.get(sent.export_id)
            return midway, busy.value, still, outcomes, record, unspent(again, "reclaimed")
        finally:
            await again.aclose()

    midway, busy, still, outcomes, record, reclaimed = asyncio.run(main())
    assert midway.reclaiming and not midway.reclaimable and busy.code == "export.reclaim_open"
    assert (still.state, still.claimed_amount) == ("partially_claimed", 1)
    assert [o.state for o in outcomes] == ["recovered"]
    assert (record.state, record.claimed_amount, record.reclaiming) == ("reclaimed", 1, False)
    assert reclaimed == 12


def test_a_reclaim_the_mint_did_not_answer_is_finished_by_recovery(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sent = await app.wallet.send(mint.url, "sat", 5)
        mint.fault("POST", "/v1/swap", "drop", times=1)
        with pytest.raises(NetworkError):
            await app.exports.reclaim(sent.export_id)
        midway = await app.exports.get(sent.export_id)
        [op] = rows(
            app, Operation, Operation.export_id == sent.export_id, Operation.kind == "receive"
        )
        await app.wallet.recovery.run_all()
        return midway, op, await app.exports.get(sent.export_id), unspent(app, "reclaimed")

    midway, op, record, reclaimed = run_shop(tmp_path, (mint,), scenario)
    assert midway.reclaiming and midway.state == "pending"
    assert (op.kind, op.state) == ("receive", "pending")
    assert record.state == "reclaimed" and reclaimed == 5


def test_the_token_of_an_unclaimed_export_can_be_shown_and_saved_again(tmp_path):
    mint = FakeMint()
    folder = tmp_path / "stick"
    folder.mkdir()

    async def scenario(app):
        sent = await app.wallet.send(mint.url, "sat", 13, memo="till 2")
        whole = await app.exports.token(sent.export_id)
        mint.spend([p for p in proofs_of(sent.token) if p.amount == 8])
        await app.exports.refresh()
        rest = await app.exports.token(sent.export_id)
        saved = await app.exports.save_file(sent.export_id, folder)
        with pytest.raises(PosError) as unplugged:
            await app.exports.save_file(sent.export_id, tmp_path / "unplugged")
        assert unplugged.value.code == "export.no_folder"
        assert not (tmp_path / "unplugged").exists()
        return sent, whole, rest, saved, await app.exports.get(sent.export_id)

    sent, whole, rest, saved, record = run_shop(tmp_path, (mint,), scenario)
    assert (whole.token, whole.amount) == (sent.token, 13)
    token = parse_token(rest.token)
    assert rest.amount == 5 and sorted(p.amount for p in token.proofs) == [1, 4]
    assert token.memo == "till 2" and token.mint == mint.url
    assert (folder / saved["file"]).read_text().strip() == rest.token
    assert saved["qr_file"].endswith(".png")
    assert record.file == saved["file"] and record.state == "partially_claimed"
    assert record.unclaimed == 5


def test_a_record_is_reclaimable_only_when_it_is_the_shops_and_something_is_left():
    base = dict(
        id=1,
        created_at=0,
        mint="http://m",
        unit="sat",
        amount=8,
        file=None,
        state="pending",
        purpose="export",
        claimed_amount=0,
        locked_to=None,
        checked_at=None,
    )
    assert ExportRecord(**base).reclaimable
    assert (
        ExportRecord(**{**base, "state": "partially_claimed", "claimed_amount": 7}).unclaimed == 1
    )
    assert not ExportRecord(**{**base, "state": "claimed", "claimed_amount": 8}).reclaimable
    assert not ExportRecord(**{**base, "purpose": "refund"}).reclaimable
    assert not ExportRecord(**{**base, "locked_to": "02" + "11" * 32}).reclaimable
    assert not ExportRecord(**base, reclaiming=True).reclaimable


def test_the_pending_exports_are_checked_on_the_timer(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        sent = await app.wallet.send(mint.url, "sat", 4)
        mint.spend(proofs_of(sent.token))
        app.services.start()
        for _ in range(200):
            if (await app.exports.get(sent.export_id)).state == "claimed":
                break
            await asyncio.sleep(0.01)
        status = {s["name"]: s for s in app.services.status()}
        return (await app.exports.get(sent.export_id)).state, status

    state, status = run_shop(tmp_path, (mint,), scenario)
    assert state == "claimed" and status["exports"]["running"]


def test_export_rows_are_unchanged_by_listing(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        await app.wallet.send(mint.url, "sat", 4)
        before = app.db.transact(
            lambda s: [(e.state, e.checked_at) for e in s.scalars(select(Export))]
        )
        await app.exports.list()
        after = app.db.transact(
            lambda s: [(e.state, e.checked_at) for e in s.scalars(select(Export))]
        )
        return before, after

    before, after = run_shop(tmp_path, (mint,), scenario)
    assert before == after == [("exported", None)]


def test_the_timer_watches_exports_for_the_set_days_and_a_press_checks_them_all(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        old = await app.wallet.send(mint.url, "sat", 4)
        recent = await app.wallet.send(mint.url, "sat", 2)
        mint.spend(proofs_of(old.token) + proofs_of(recent.token))

        def age(session):  # the old one was made 31 days ago; the setting is 30 (default)
            session.get(Export, old.export_id).created_at -= 31 * 86400

        app.db.transact(age)
        await app.exports.refresh_round()
        on_timer = {e.id: e.state for e in await app.exports.list()}
        await app.settings.set("exports.check_days", 40)
        await app.exports.refresh_round()
        longer = (await app.exports.get(old.export_id)).state
        return old.export_id, recent.export_id, on_timer, longer

    old, recent, on_timer, longer = run_shop(tmp_path, (mint,), scenario)
    assert on_timer == {old: "pending", recent: "claimed"}
    assert longer == "claimed"


def test_check_claims_on_demand_also_checks_exports_older_than_the_watch(tmp_path):
    mint = FakeMint()

    async def scenario(app):
        old = await app.wallet.send(mint.url, "sat", 4)
        mint.spend(proofs_of(old.token))
        app.db.transact(lambda s: setattr(s.get(Export, old.export_id), "created_at", 0))
        await app.exports.refresh_round()
        before = (await app.exports.get(old.export_id)).state
        await app.exports.refresh()
        return before, (await app.exports.get(old.export_id)).state

    assert run_shop(tmp_path, (mint,), scenario) == ("pending", "claimed")
