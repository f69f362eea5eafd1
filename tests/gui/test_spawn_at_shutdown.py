"""Work asked for while the app shuts down is not started (its database is closing)."""

from __future__ import annotations

import logging

from pos_app.ui.tasks import running_tasks, spawn, stop_spawning


def test_spawn_refuses_work_once_shutdown_began_and_accepts_it_after_a_new_start(
    qloop, arun, caplog
):
    ran = []

    async def reload():
        ran.append("reload")
        return "read"

    async def scenario():
        stop_spawning()
        try:
            assert spawn(reload(), on_done=ran.append) is None
        finally:
            stop_spawning(False)
        task = spawn(reload(), on_done=ran.append)
        assert task is not None
        await task

    with caplog.at_level(logging.DEBUG, logger="pos_app.ui.tasks"):
        arun(scenario())
    assert ran == ["reload", "read"]  # only the one spawned after the new start ran
    assert running_tasks() == 0
    assert "shutting down" in caplog.text and "error" not in caplog.text.lower()
