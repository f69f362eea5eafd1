"""GUI test fixtures: a qasync loop inside pytest-qt, and a fresh core per test (Vorta style).

The loop is created with ``already_running=True``: the test body is synchronous and
pumps Qt with ``qtbot.waitUntil``, which also runs the asyncio tasks the widgets
spawn. Never call ``qtbot.wait*`` inside a coroutine.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import qasync

from pos_app.app import App
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from tests.support.tokens import token


def screenshots_dir(default: Path) -> Path:
    """``SCREENSHOTS_DIR`` (``make screenshots``) or a test's temp folder."""
    value = os.environ.get("SCREENSHOTS_DIR")
    return Path(value) if value else default


def off_loop(fn: Callable[..., Any], *args: Any) -> Any:
    """Run a helper that calls ``asyncio.run`` in a thread (the test thread's loop is running)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args).result()


def make_token(url: str, amount: int) -> str:
    """A real token of ``amount`` sat from the mint at ``url`` (``tests.support.tokens.token``)."""
    return off_loop(token, url, amount)


_loops: list[asyncio.AbstractEventLoop] = []


@pytest.fixture
def qloop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    # A plain pool: qasync's QThread executor is only stopped by loop.close(), which a loop
    # that is "already running" cannot do, and a live QThread aborts the process at exit.
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="test-loop")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    executor.shutdown(wait=True, cancel_futures=True)
    # Undo what already_running=True did, so later tests (asyncio.run) find no running
    # loop. The loop is not closed: closing a qasync loop under a live QApplication
    # leaves Qt objects that crash a later test.
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
    _loops.append(loop)  # keep it referenced until the session ends


@pytest.fixture
def arun(qtbot, qloop) -> Callable[..., Any]:
    """Run a coroutine to completion by pumping Qt (``arun(coro, timeout=10_000)``)."""

    def run(coro: Coroutine[Any, Any, Any], timeout: int = 20_000) -> Any:
        task = asyncio.ensure_future(coro)
        qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    return run


@pytest.fixture
def core(tmp_path, monkeypatch, arun) -> Iterator[App]:
    """A new encrypted wallet in a temp folder, closed after the test."""
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())
    app, _ = App.init(tmp_path / "wallet", trust_env=False)
    yield app
    arun(app.aclose())


@pytest.fixture
def ui(core, qtbot) -> Iterator[UiContext]:
    bridge = CoreBridge(core.bus)
    yield UiContext(core, bridge)
    bridge.detach()
