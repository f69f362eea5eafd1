"""Running core coroutines from Qt without blocking the GUI or losing an exception.

Qt slots are plain functions; they hand coroutines to :func:`spawn`, which
schedules them on the qasync loop and routes any failure to a callback (or to
the window's error banner) instead of letting it vanish in a task nobody awaits.
Never open a blocking dialog inside a coroutine: return to Qt first.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from pos_app.core.errors import Category, PosError

log = logging.getLogger(__name__)
T = TypeVar("T")

_running: set[asyncio.Task[Any]] = set()


def as_pos_error(exc: BaseException) -> PosError:
    """Any failure as a :class:`PosError` for display (bugs become ``internal.error``)."""
    if isinstance(exc, PosError):
        return exc
    return PosError(
        "internal.error",
        "Something went wrong inside the app. Nothing was lost; the details are in the log.",
        f"{type(exc).__name__}: {exc}",
        category=Category.INTERNAL,
    )


def spawn(
    coro: Coroutine[Any, Any, T],
    *,
    on_done: Callable[[T], Any] | None = None,
    on_error: Callable[[PosError], Any] | None = None,
) -> asyncio.Task[T]:
    """Schedule ``coro`` on the running loop; call ``on_done(result)`` or ``on_error(err)``.

    The task is kept referenced until it finishes (asyncio holds only weak references).
    """
    task = asyncio.ensure_future(coro)
    _running.add(task)

    def finished(t: asyncio.Task[T]) -> None:
        _running.discard(t)
        if t.cancelled():
            return
        exc = t.exception()
        if exc is not None:
            err = as_pos_error(exc)
            if err.category == Category.INTERNAL:
                log.error("background task failed", exc_info=exc)
            if on_error is not None:
                on_error(err)
            return
        if on_done is not None:
            on_done(t.result())

    task.add_done_callback(finished)
    return task


async def gather_quietly(*aws: Awaitable[Any]) -> list[Any]:
    """Await several things, returning exceptions instead of raising (for shutdown)."""
    return list(await asyncio.gather(*aws, return_exceptions=True))


def running_tasks() -> int:
    """How many spawned tasks have not finished (tests wait for zero)."""
    return len(_running)
