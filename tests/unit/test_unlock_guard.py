"""Wrong database passphrases: each makes the next try wait longer, and the open tells."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.errors import PosError
from pos_app.core.store import unlock_guard
from pos_app.core.store.schema import AuditEntry, NotificationRow

RIGHT = "correct horse battery staple"


@pytest.fixture
def wallet(tmp_path, monkeypatch):
    monkeypatch.delenv("POS_DB_KEY", raising=False)
    monkeypatch.delenv("POS_DB_PASSPHRASE", raising=False)
    app, _ = App.init(tmp_path / "w", key_method="passphrase", passphrase=RIGHT, trust_env=False)
    asyncio.run(app.aclose())
    clock = [1_800_000_000.0]
    monkeypatch.setattr(unlock_guard, "now", lambda: clock[0])
    return tmp_path / "w", clock


def try_open(data_dir, passphrase):
    return App.open(data_dir, passphrase=lambda _creating: passphrase, trust_env=False)


def refused(data_dir, passphrase) -> PosError:
    with pytest.raises(PosError) as err:
        try_open(data_dir, passphrase)
    return err.value


def test_wrong_passphrases_wait_longer_and_the_open_audits_and_tells(wallet):
    data_dir, clock = wallet
    waits = []
    for n in range(1, 5):
        assert refused(data_dir, "wrong horse").code == "storage.wrong_key"
        if unlock_guard.wait_after(n):  # even the right one waits its turn
            err = refused(data_dir, RIGHT)
            assert err.code == "storage.wait"
            waits.append(err.data["seconds"])
        clock[0] += unlock_guard.wait_after(n)
    assert waits == [1, 2, 4]  # a first typo costs nothing
    app = try_open(data_dir, RIGHT)
    try:
        audits = app.db.transact(
            lambda s: [
                (a.action, a.details_json)
                for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "unlock.failed"))
            ]
        )
        told = app.db.transact(lambda s: [n.title for n in s.scalars(select(NotificationRow))])
    finally:
        asyncio.run(app.aclose())
    assert audits == [("unlock.failed", '{"failures": 4}')]
    assert "Wrong passphrases" in told
    assert not (data_dir / unlock_guard.FILE).exists()  # the count starts again
    asyncio.run(try_open(data_dir, RIGHT).aclose())  # and no wait now


def test_one_wrong_passphrase_is_audited_without_alarming_anyone(wallet):
    data_dir, clock = wallet
    refused(data_dir, "nope nope nope")
    clock[0] += 1
    app = try_open(data_dir, RIGHT)
    try:
        told = app.db.transact(lambda s: [n.title for n in s.scalars(select(NotificationRow))])
        failed = app.db.transact(
            lambda s: s.scalars(
                select(AuditEntry).where(AuditEntry.action == "unlock.failed")
            ).all()
        )
    finally:
        asyncio.run(app.aclose())
    assert "Wrong passphrases" not in told and len(failed) == 1
