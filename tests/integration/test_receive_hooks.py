"""Writes a caller adds to a receive's transactions: committed with them, never at the
expense of the new proofs (the sales engine records its fee and settles its sale there)."""

from __future__ import annotations

import asyncio
import os

import pytest
from sqlalchemy import select

from pos_app.app import App
from pos_app.core.store.schema import AuditEntry, Operation
from pos_app.core.wallet import journal
from pos_app.core.wallet.receive import execute_receive, plan_receive
from tests.support.tokens import token_async

pytestmark = pytest.mark.mint


async def state(app: App) -> tuple[int, list[str], list[str]]:
    """Balance in sat, audit actions in order, and operation states."""

    def read(session):
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        ops = list(session.scalars(select(Operation.state)))
        return actions, ops

    actions, ops = await app.db.run(read)
    return (await app.wallet.balance())["total"].get("sat", 0), actions, ops


def receive_with_hooks(tmp_path, mint, monkeypatch, **hooks):
    """Receive a fresh 21 sat token in a new wallet with ``hooks``; returns (result, state)."""
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())

    async def main():
        app, _ = App.init(tmp_path / "wallet", trust_env=False)
        try:
            await app.mints.add(mint.url)
            plan = await plan_receive(app.ctx, await token_async(mint.url, 21))
            result = await execute_receive(app.ctx, plan, **hooks)
            return result, await state(app)
        finally:
            await app.aclose()

    return asyncio.run(main())


def test_added_writes_commit_with_the_journal_and_the_proofs(tmp_path, mint, monkeypatch):
    def completion(session):
        journal.audit(session, "test.completion")
        return "settled"

    result, (balance, actions, ops) = receive_with_hooks(
        tmp_path,
        mint,
        monkeypatch,
        with_journal=lambda s: journal.audit(s, "test.journal"),
        with_completion=completion,
    )
    assert result.completion == "settled" and result.amount == 21
    assert balance == 21 and ops == ["done"]
    assert actions == ["test.journal", "receive.done", "test.completion"]


def test_failing_completion_writes_are_rolled_back_alone(tmp_path, mint, monkeypatch):
    def completion(session):
        journal.audit(session, "test.completion")
        session.flush()
        raise RuntimeError("a bug in the caller's writes")

    result, (balance, actions, ops) = receive_with_hooks(
        tmp_path, mint, monkeypatch, with_completion=completion
    )
    assert result.completion is None and result.amount == 21
    assert balance == 21 and ops == ["done"]  # the new proofs are kept
    assert "test.completion" not in actions and "receive.done" in actions
