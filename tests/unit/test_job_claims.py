"""Shop-wide jobs run in one process at a time: claimed with a lease, renewed, taken over."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import threading

import pytest

from pos_app.core.services.claims import MIN_LEASE_SECONDS, JobClaims, new_holder
from pos_app.core.services.supervisor import Supervisor
from pos_app.core.store.db import Database


class Clock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def url_or_path(request, tmp_path):
    if request.param == "sqlite":
        return tmp_path / "pos.db"
    server = request.getfixturevalue("pg_server")
    return server.url(server.create_database())


def open_db(where, *, create=False):
    if isinstance(where, str):
        return Database.postgresql(where)
    return Database(where, bytes(range(32)), create=create)


def test_one_holder_at_a_time_renewed_then_taken_over_after_the_lease(url_or_path):
    db = open_db(url_or_path, create=True)
    db.migrate()
    clock = Clock()
    a, b = JobClaims(db, "till-a", clock), JobClaims(db, "till-b", clock)

    async def body():
        seen = [await a.claim("withdraw", 600), await b.claim("withdraw", 600)]
        clock.t += 1100  # within the lease of two rounds (1200 s)
        seen += [await a.claim("withdraw", 600), await b.claim("withdraw", 600)]
        clock.t += 1201  # a stopped renewing (died): its lease ran out
        seen += [await b.claim("withdraw", 600), await a.claim("withdraw", 600)]
        # mint health is every till's own: never claimed
        seen += [await a.claim("health", 60), await b.claim("health", 60)]
        await b.release()  # a clean stop gives the job up at once
        seen += [await a.claim("withdraw", 600)]
        seen += [await a.claim("webhooks", 1)]
        clock.t += MIN_LEASE_SECONDS - 1  # a job of short rounds still holds the minimum lease
        seen += [await b.claim("webhooks", 1)]
        return seen

    assert asyncio.run(body()) == [
        True, False, True, False, True, False, True, True, True, True, False,
    ]  # fmt: skip
    db.close()


def test_a_skipped_round_does_no_work_and_is_counted():
    async def body():
        ran = []

        async def claim(name, interval):
            return name == "mine"

        supervisor = Supervisor(claim)

        async def work_of(name):
            ran.append(name)

        supervisor.add("mine", lambda: work_of("mine"), 0.01)
        supervisor.add("theirs", lambda: work_of("theirs"), 0.01)
        supervisor.start()
        while supervisor.services["theirs"].held_elsewhere < 3 or len(ran) < 3:
            await asyncio.sleep(0.01)
        await supervisor.stop()
        status = {s["name"]: s for s in supervisor.status()}
        return set(ran), status

    ran, status = asyncio.run(body())
    assert ran == {"mine"}
    assert status["theirs"]["rounds"] == 0 and status["theirs"]["held_elsewhere"] >= 3


@pytest.mark.pg
def test_tills_claiming_at_the_same_moment_give_the_job_to_one(pg_server):
    url = pg_server.url(pg_server.create_database())
    dbs = [open_db(url) for _ in range(4)]
    dbs[0].migrate()
    start = threading.Barrier(len(dbs))

    def race(db):
        claims = JobClaims(db, new_holder(f"till-{os.getpid()}-{id(db)}"))
        start.wait()
        return asyncio.run(claims.claim("export_schedule", 60))

    for _ in range(5):
        with concurrent.futures.ThreadPoolExecutor(len(dbs)) as pool:
            won = list(pool.map(race, dbs))
        assert won.count(True) == 1
        dbs[0].transact(
            lambda s: s.execute(__import__("sqlalchemy").text("DELETE FROM job_claims"))
        )
    for db in dbs:
        db.close()


def test_a_holder_that_died_on_this_machine_gives_its_jobs_up_at_once(tmp_path):
    import subprocess
    import sys

    db = open_db(tmp_path / "pos.db", create=True)
    db.migrate()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    gone = new_holder("till").rsplit(":", 2)[0] + f":{int(dead.stdout)}:0000"
    alive = new_holder("other")  # this process: alive
    clock = Clock()

    async def body():
        first = await JobClaims(db, gone, clock).claim("retry", 5)
        mine = JobClaims(db, new_holder("till"), clock)
        taken = await mine.claim("retry", 5)  # the holder's process is gone: no wait
        held = await JobClaims(db, alive, clock).claim("sweep", 3600)
        refused = await mine.claim("sweep", 3600)  # that holder still runs
        return first, taken, held, refused

    assert asyncio.run(body()) == (True, True, True, False)
    db.close()
