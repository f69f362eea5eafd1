"""A till whose shop database server goes away after it opened: what it says, and after.

The server of these tests is their own (``own_pg``): they stop and start it, which the
worker's shared one (``pg_server``) must never see. What the cashier and the command
line meet is ``storage.pg_unreachable`` (core/store/pg_errors.py, raised by
``Database.transact``), without the password; once the server is back the same open
till works again, and a payment the mint had taken is completed by recovery.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from pos_app import cli
from pos_app.app import App
from pos_app.core import faults
from pos_app.core.errors import NetworkError
from pos_app.core.store.db import Database
from pos_app.core.store.schema import Operation, Payment, ReceivedToken, Sale
from pos_app.core.wallet import receive
from pos_app.ui import messages
from tests.support import fakeshop
from tests.support.cli import Cli, _environment, _logging_restored
from tests.support.fakemint import FakeMint
from tests.support.pgserver import PgServer, started_for_tests

pytestmark = pytest.mark.pg


@pytest.fixture(scope="module")
def own_pg() -> Iterator[PgServer]:
    """A PostgreSQL server these tests may stop and start again."""
    server = started_for_tests()
    yield server
    server.stop()


@pytest.fixture
def server(own_pg: PgServer) -> Iterator[PgServer]:
    """``own_pg``, running again after the test whatever it did to it."""
    yield own_pg
    if not (own_pg.data / "postmaster.pid").exists():
        own_pg.resume()


@pytest.fixture
def till_store(server: PgServer) -> Iterator[Database]:
    """A till's store on ``server`` with an empty table ``t`` to write to; closed after."""
    db = Database.postgresql(server.url(server.create_database()))
    db.transact(lambda s: s.execute(text("CREATE TABLE t (n int)")))
    yield db
    db.close()


def end_connections(server: PgServer, where: str = "application_name = 'pos-app'") -> None:
    """Terminate the server's backends matching ``where``, as an admin would."""
    with server.admin() as conn:
        conn.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE {where}")


def files_holding(folder: Path, secret: str) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_the_shop_key_check_at_open_says_why_the_server_went_away(server, monkeypatch):
    url = server.url(server.create_database())
    attach = Database._attach

    def attach_then_stop(self, engine):  # the server stops between the two connections
        attach(self, engine)
        server.halt()

    monkeypatch.setattr(Database, "_attach", attach_then_stop)
    with pytest.raises(NetworkError) as err:
        Database.postgresql(url, sealing_key=fakeshop.SEALING_KEY)
    assert err.value.code == "storage.pg_unreachable"
    assert server.password not in str(err.value.detail) + str(err.value)
    assert f"127.0.0.1:{server.port}/" in err.value.detail
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_the_key_check_of_a_joined_till_says_why_the_server_went_away(server):
    db = Database.postgresql(fakeshop.shops_on(server)(), sealing_key=fakeshop.SEALING_KEY)
    try:
        server.halt()  # between the open and the check a joined till makes next (shop_db)
        with pytest.raises(NetworkError) as err:
            db.verify_check()
        assert err.value.code == "storage.pg_unreachable"
        assert server.password not in err.value.detail
    finally:
        db.close()


def test_a_stopped_server_is_said_and_the_same_till_works_when_it_is_back(server, till_store):
    server.halt()
    for _ in range(2):  # the pool's dead connections, then no connection at all
        with pytest.raises(NetworkError) as err:
            till_store.transact(lambda s: s.execute(text("INSERT INTO t VALUES (1)")))
        assert err.value.code == "storage.pg_unreachable"
        assert err.value.user_message.startswith("The shop's database server does not answer")
        assert server.password not in err.value.detail
        assert "Connection refused" in err.value.detail
    server.resume()
    till_store.transact(lambda s: s.execute(text("INSERT INTO t VALUES (2)")))
    assert till_store.transact(lambda s: s.scalars(text("SELECT n FROM t")).all()) == [2]


def test_a_connection_ended_mid_transaction_runs_again_but_a_lost_commit_does_not(
    server, till_store
):
    end_connections(server)  # idle in the pool: replaced unseen (pool_pre_ping)
    assert till_store.transact(lambda s: s.scalar(text("SELECT count(*) FROM t"))) == 0

    runs = []

    def write(session):
        runs.append(1)
        session.execute(text("INSERT INTO t VALUES (1)"))
        if len(runs) == 1:  # an admin ends this transaction's connection
            pid = session.scalar(text("SELECT pg_backend_pid()"))
            end_connections(server, f"pid = {pid}")
        return session.scalar(text("SELECT count(*) FROM t"))

    assert till_store.transact(write) == 1 and len(runs) == 2
    assert till_store.transact(lambda s: s.scalar(text("SELECT count(*) FROM t"))) == 1

    def end_the_gates(session):  # the gate's own connection, not the transaction's
        runs.append(1)
        pid = session.scalar(text("SELECT pg_backend_pid()"))
        end_connections(server, f"application_name = 'pos-app' AND pid <> {pid}")
        session.execute(text("INSERT INTO t VALUES (2)"))

    runs.clear()
    # Committed: the lost gate (its lock went with it) is no error.
    till_store.transact(end_the_gates)
    assert len(runs) == 1
    assert till_store.transact(lambda s: s.scalars(text("SELECT n FROM t")).all()) == [1, 2]

    def end_at_commit(session):
        pid = session.scalar(text("SELECT pg_backend_pid()"))
        end_connections(server, f"pid = {pid}")

    runs.clear()
    till_store.listen("before_commit", end_at_commit)
    with pytest.raises(NetworkError) as err:
        till_store.transact(lambda s: runs.append(1) or s.execute(text("INSERT INTO t VALUES (3)")))
    till_store.unlisten("before_commit", end_at_commit)
    assert err.value.code == "storage.pg_unreachable" and len(runs) == 1  # not run again
    assert "whether it was saved is not known" in err.value.detail
    assert till_store.transact(lambda s: s.scalars(text("SELECT n FROM t")).all()) == [1, 2]


def run_in_process(till: Cli, *args: str) -> tuple[int, str, str]:
    """``pos-app --json ARGS`` through :func:`pos_app.cli.main` in this process."""
    out, err = io.StringIO(), io.StringIO()
    with (
        _environment({"POS_DB_KEY": till.key, **till.env}),
        _logging_restored(),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        rc = cli.main(till.argv(*args))
    return rc, out.getvalue(), err.getvalue()


def test_the_command_line_says_the_server_went_away_after_open(server, tmp_path, monkeypatch):
    till = Cli(tmp_path / "till", env={"POS_PG_PASSWORD": server.password})
    url = server.url(server.create_database(), password=False)
    till.setup("init", "--storage", url.replace("postgresql+psycopg://", "postgresql://"))
    opened = App.open.__func__

    def open_then_stop(cls, *args, **kwargs):  # the server stops once the till is open
        app = opened(cls, *args, **kwargs)
        server.halt()
        return app

    monkeypatch.setattr(App, "open", classmethod(open_then_stop))
    rc, out, err = run_in_process(till, "wallet", "balance")
    said = json.loads(out)["error"]
    assert (rc, said["code"], said["category"]) == (1, "storage.pg_unreachable", "network"), out
    assert said["message"].startswith("The shop's database server does not answer")
    assert server.password not in out + err
    assert files_holding(till.data_dir, server.password) == []
    assert files_holding(till.data_dir / "logs", "refused: storage.pg_unreachable")

    monkeypatch.undo()
    server.resume()
    assert till.ok("wallet", "balance")["total"] == {}


@pytest.fixture
def pg_shop(server, monkeypatch) -> Iterator[PgServer]:
    """``fakeshop.open_shop`` makes its shops on ``server``."""
    monkeypatch.setenv("POS_DB_KEY", fakeshop.DB_KEY)
    monkeypatch.setattr(fakeshop, "new_pg_database", fakeshop.shops_on(server))
    yield server


def at_swap(monkeypatch, then) -> None:
    """Run ``then()`` once the mint has answered a swap (the ``after_swap`` fault point)."""
    monkeypatch.setenv(faults.ENV, "after_swap")
    monkeypatch.setattr(faults.os, "kill", lambda _pid, _sig: then())


def pay_losing_the_server(tmp_path, lose, back) -> tuple:
    """Pay 21 sat while ``lose()`` runs after the swap; ``back()``, then recovery runs."""
    mint = FakeMint()

    async def main():
        app = fakeshop.open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
            lose(app)
            with pytest.raises(NetworkError) as err:
                await app.sales.pay(sale_id, mint.token(21))
            faults.os.environ.pop(faults.ENV, None)
            back()

            def state(s):
                [payment] = s.scalars(select(Payment)).all()
                op = s.get(Operation, payment.operation_id)
                token = s.get(ReceivedToken, payment.received_token_id)
                return payment.state, (op.state, op.step), token.state

            left = await app.db.run(state)
            outcomes = await app.wallet.recovery.run_all()
            sale = await app.db.run(lambda s: s.get(Sale, sale_id))
            return err.value, left, outcomes, (sale.state, sale.paid)
        finally:
            await app.aclose()

    return asyncio.run(main())


def test_a_server_stopped_after_the_swap_leaves_the_payment_to_recovery(
    pg_shop, tmp_path, monkeypatch
):
    at_swap(monkeypatch, pg_shop.halt)
    err, left, outcomes, sale = pay_losing_the_server(tmp_path, lambda app: None, pg_shop.resume)
    assert err.code == "storage.pg_unreachable"
    assert "completed when the server is back" in err.user_message
    # ... and the Sell page says it in the cashier's words, not "Not accepted".
    advice = messages.explain_error(err)
    assert advice.title == "Database offline" and "completed when the server" in advice.text
    # The journal holds the swap; the payment was neither refused nor marked recovering.
    assert left == ("processing", ("pending", "prepared"), "processing")
    assert [(o.state, o.amount) for o in outcomes] == [("recovered", 21)]
    assert sale == ("paid", 21)


def ender(server: PgServer, armed: list[int], *, nested: bool):
    """A ``before_commit`` listener ending the connection of the next (nested) commit once."""

    def end_at_commit(session):
        if armed and session.in_nested_transaction() == nested:
            armed.clear()
            pid = session.scalar(text("SELECT pg_backend_pid()"))
            end_connections(server, f"pid = {pid}")

    return end_at_commit


def test_a_connection_ended_in_the_completions_savepoint_is_run_again_unseen(
    pg_shop, tmp_path, monkeypatch
):
    # The sale is settled in a savepoint of the completion (receive._also_commit), which
    # catches what fails there: the broken connection surfaces at the COMMIT, never sent.
    armed = []
    end_at_commit = ender(pg_shop, armed, nested=True)
    mint = FakeMint()

    async def main():
        app = fakeshop.open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            sale_id = (await app.sales.new_sale("21", "sat"))["sale_id"]
            app.db.listen("before_commit", end_at_commit)
            paid = await app.sales.pay(sale_id, mint.token(21))
            return paid, armed
        finally:
            await app.aclose()

    at_swap(monkeypatch, lambda: armed.append(1))
    paid, left = asyncio.run(main())
    assert (paid.state, paid.paid, left) == ("paid", 21, [])


def test_a_completion_whose_commit_was_lost_is_not_read_as_the_mints_failure(
    pg_shop, tmp_path, monkeypatch
):
    armed = []
    end_at_commit = ender(pg_shop, armed, nested=False)

    def lose(app):
        app.db.listen("before_commit", end_at_commit)

    at_swap(monkeypatch, lambda: armed.append(1))
    err, left, outcomes, sale = pay_losing_the_server(tmp_path, lose, lambda: None)
    assert err.code == "storage.pg_unreachable" and "not known" in err.detail
    # The server answers again at once: still nothing is written as the mint's fault.
    assert left == ("processing", ("pending", "prepared"), "processing")
    assert [(o.state, o.amount) for o in outcomes] == [("recovered", 21)]
    assert sale == ("paid", 21)


def test_a_receive_whose_journal_commit_was_lost_leaves_the_token_to_try_again(
    pg_shop, tmp_path, monkeypatch
):
    # The journal's COMMIT (before the swap) is lost: nothing went to the mint, so the
    # token is neither refused nor taken; received again later, it is redeemed.
    armed, once = [], [1]
    end_at_commit = ender(pg_shop, armed, nested=False)
    journalled = receive.journal_receive

    def arming(*args, **kwargs):
        if once:
            once.clear()
            armed.append(1)  # the next COMMIT is this journal entry's
        return journalled(*args, **kwargs)

    monkeypatch.setattr(receive, "journal_receive", arming)
    mint = FakeMint()

    async def main():
        app = fakeshop.open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url, trusted=True)
            token = mint.token(21)
            app.db.listen("before_commit", end_at_commit)
            with pytest.raises(NetworkError) as err:
                await app.wallet.receive(token)

            def tokens(s):
                return [(t.state, t.error_code) for t in s.scalars(select(ReceivedToken))]

            left = await app.db.run(tokens)
            again = await app.wallet.receive(token)
            return err.value, left, again
        finally:
            await app.aclose()

    err, left, again = asyncio.run(main())
    assert err.code == "storage.pg_unreachable" and "not known" in err.detail
    assert left == [("received", None)]
    assert (again.amount, again.proofs > 0) == (21, True)


def test_a_cut_network_ends_the_connection_in_a_minute_not_in_hours(server):
    # A cut cannot be made here without touching the machine's network; what can be
    # proved is that libpq holds the probes on the till's own connections (the system's
    # default is to stay silent for two hours).
    db = Database.postgresql(server.url(server.create_database()))
    try:
        with db.engine.connect() as conn:
            held = conn.connection.dbapi_connection.info.get_parameters()
    finally:
        db.close()
    assert {k: held.get(k) for k in ("keepalives_idle", "keepalives_interval")} == {
        "keepalives_idle": "20",
        "keepalives_interval": "5",
    }
    assert (held.get("keepalives_count"), held.get("tcp_user_timeout")) == ("4", "20000")
