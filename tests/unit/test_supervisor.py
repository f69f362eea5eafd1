"""The services' timer loop: stop always ends it, even while it is being woken."""

from __future__ import annotations

import asyncio

from pos_app.core.services.supervisor import Supervisor


def test_stop_ends_the_services_while_wake_ups_keep_coming():
    async def main():
        rounds = 0

        async def work():
            nonlocal rounds
            rounds += 1
            await asyncio.sleep(0)

        stops = 0
        for attempt in range(200):
            supervisor = Supervisor()
            supervisor.add("busy", work, 30.0)
            supervisor.start()
            for _ in range(attempt % 7):  # let it reach its pause, a different way each time
                await asyncio.sleep(0)
            supervisor.wake("busy")  # woken right as the stop comes
            await asyncio.wait_for(supervisor.stop(), timeout=2)
            stops += 1
            assert supervisor.services["busy"].task is None
        return stops, rounds

    stops, rounds = asyncio.run(main())
    assert stops == 200 and rounds >= 200


def test_a_wake_runs_the_next_round_now_and_the_pause_holds_otherwise():
    async def main():
        seen: list[float] = []
        loop = asyncio.get_running_loop()

        async def work():
            seen.append(loop.time())

        supervisor = Supervisor()
        supervisor.add("job", work, 30.0)
        supervisor.start()
        await asyncio.sleep(0.05)
        supervisor.wake("job")
        await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)  # no wake: no round within the 30 s pause
        await supervisor.stop()
        return seen

    seen = asyncio.run(main())
    assert len(seen) == 2 and seen[1] - seen[0] < 1
